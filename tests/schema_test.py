#!/usr/bin/env python3
"""Validates JSON reports against doc/claims-report.schema.json (Debian's
python3-jsonschema): the example story, the seed story (../shared/seeds,
when it is beside the checkout), reports with rejected inputs and vague
amounts, and the golden JSON report. Every printed field must be in the
schema (it says additionalProperties: false).

usage: schema_test.py CLAIMS_EXE   (TAP output)
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    if os.environ.get("CI"):
        raise
    print("1..0 # SKIP python3-jsonschema is not installed (apt-get install python3-jsonschema)")
    sys.exit(0)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")
CLAIMS = sys.argv[1]
schema = json.load(open(os.path.join(ROOT, "doc", "claims-report.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

# Texts of our own that reach the optional fields: bounds, units, dates with
# precision, weak links, currency conversions, speakers, quote variants.
OWN = {
    "one.txt": "Ferry fire\nMore than 40 passengers were rescued on Monday, the coast guard said. "
               "About 300 people were on board. The repairs cost 2 million euros ($2.2 million). "
               "\"We got everyone off the boat in time,\" harbour master Lena Berg said. "
               "In 2019, the same ferry ran aground during the storm.\n",
    "two.txt": "Harbour blaze\nFire crews rescued 42 passengers on Monday. Nearly 300 people "
               "were aboard. \"We got everybody off the boat in time,\" said Lena Berg, the "
               "harbour master. In 2018, the ferry ran aground in the storm.\n",
    "bad.txt": b"Broken\nThis text has a bad byte \xff here.\n",
    "empty.txt": "   \n",
    # a title given apart: its claims say "within": "title"
    "feed.jsonl": json.dumps({"id": "feed", "title": "Ferry fire: 41 rescued in 2019 drill",
                              "text": "Crews rescued 41 passengers on Monday."}) + "\n",
}

cases = []
cases.append(("example story examples/drone-deal", [os.path.join(ROOT, "examples", "drone-deal")], []))
if os.path.isdir(SEEDS):
    cases.append(("seed story ../shared/seeds", [SEEDS], []))
    cases.append(("seed story, --min-confidence high --fail-on variant", [SEEDS],
                  ["--min-confidence", "high", "--fail-on", "variant"]))
else:
    print(f"# the seed story is not beside this checkout ({SEEDS}); not validated")
tmp = tempfile.mkdtemp()
for name, text in OWN.items():
    with open(os.path.join(tmp, name), "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode())
cases.append(("own texts with rejected inputs, bounds, units, variants, a title apart", [tmp], []))

checks = len(cases) + 2
print(f"1..{checks}")
failed = 0
for n, (what, inputs, opts) in enumerate(cases, 1):
    fail_on = [] if "--fail-on" in opts else ["--fail-on", "none"]
    r = subprocess.run([CLAIMS, "check", "--format", "json"] + fail_on + opts + inputs,
                       capture_output=True)
    errors = []
    try:
        report = json.loads(r.stdout)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(report)]
    except ValueError as e:
        errors = [f"not JSON: {e}; stderr: {r.stderr[:300]!r}"]
    print(f"{'not ok' if errors else 'ok'} {n} - {what}")
    for e in errors[:20]:
        print(f"#   {e}")
    failed += bool(errors)

golden = json.load(open(os.path.join(ROOT, "tests", "golden", "example.json")))
errors = list(validator.iter_errors(golden))
print(f"{'not ok' if errors else 'ok'} {checks - 1} - tests/golden/example.json")
for e in errors[:20]:
    print(f"#   {e.message}")
failed += bool(errors)

# The schema is strict enough to notice an undocumented field.
golden["claims"][0]["undocumented"] = 1
ok = not validator.is_valid(golden)
print(f"{'ok' if ok else 'not ok'} {checks} - a field missing from the schema is caught")
failed += not ok
sys.exit(1 if failed else 0)
