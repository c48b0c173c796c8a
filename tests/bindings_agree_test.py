#!/usr/bin/env python3
"""The seed story (../shared/seeds, beside the checkout as in CI) gives the
same claims and findings through the CLI, the Python package and the PHP
binding; so does the example story.

usage: bindings_agree_test.py CLAIMS_EXE LIBCLAIMS_SO FFI_HEADER   (TAP)
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI, LIB, HEADER = (os.path.abspath(a) for a in sys.argv[1:4])
LIB_DIR = os.path.dirname(os.path.abspath(LIB))
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

PY = """
import dataclasses, json, sys, libclaims
with libclaims.check_files([sys.argv[1]], fail_on="none") as s:
    print(json.dumps({"claims": [dataclasses.asdict(c) for c in s.claims()],
                      "findings": [dataclasses.asdict(f) for f in s.findings()]}))
"""
PHP = """
require $argv[1] . '/bindings/php/src/autoload.php';
$s = new Claims\\Story(['fail_on' => 'none']);
$s->addDirectory($argv[2]);
$s->check();
echo json_encode(['claims' => $s->claims(), 'findings' => $s->findings()]);
"""


def strip(items):
    """Same fields, nulls for absent optional ones, lists for tuples."""
    return [{k: v for k, v in sorted(d.items()) if v is not None} for d in items]


def run(cmd, env):
    r = subprocess.run(cmd, capture_output=True, env=env, cwd="/")
    if r.returncode != 0:
        print("# " + r.stderr.decode(errors="replace").replace("\n", "\n# "))
        return {"claims": [], "findings": []}
    return json.loads(r.stdout)


def through_cli(story):
    r = subprocess.run([CLI, "check", "--format", "json", "--fail-on", "none", story],
                       capture_output=True, check=True)
    return json.loads(r.stdout)


def through_python(story):
    env = dict(os.environ, LD_LIBRARY_PATH=LIB_DIR,
               PYTHONPATH=os.path.join(ROOT, "bindings", "python"))
    env.pop("LIBCLAIMS_LIBRARY", None)  # by soname, as installed
    # cwd "/": not the build directory, whose libclaims.so Python would
    # take for an extension module named libclaims.
    return run([PYTHON, "-c", PY, story], env)


def through_php(story):
    env = dict(os.environ, LD_LIBRARY_PATH=LIB_DIR, LIBCLAIMS_FFI_HEADER=HEADER)
    env.pop("LIBCLAIMS_LIBRARY", None)
    return run(["php", "-r", PHP, ROOT, story], env)


stories = [("example story", os.path.join(ROOT, "examples", "drone-deal"))]
seeds = os.path.join(ROOT, "..", "shared", "seeds")
if os.path.isdir(seeds):
    stories.insert(0, ("seed story", seeds))
elif os.environ.get("CI"):
    print(f"Bail out! the seed story is missing: {seeds}")
    sys.exit(1)
else:
    print(f"# the seed story is not beside this checkout ({seeds}); example story only")

print(f"1..{2 * len(stories)}")
failed = 0
n = 0
for what, story in stories:
    cli = through_cli(story)
    want = {k: strip(cli[k]) for k in ("claims", "findings")}
    for lang, fn in (("Python", through_python), ("PHP", through_php)):
        n += 1
        got = fn(story)
        got = {k: strip(got[k]) for k in ("claims", "findings")}
        ok = got == want and len(want["findings"]) > 0
        print(f"{'ok' if ok else 'not ok'} {n} - {what}: {lang} gives the CLI's "
              f"{len(want['claims'])} claims and {len(want['findings'])} findings")
        if not ok:
            failed += 1
            for k in ("claims", "findings"):
                for a, b in zip(want[k], got[k]):
                    if a != b:
                        print(f"#   first {k} difference:\n#   cli: {a}\n#   {lang}: {b}")
                        break
                if len(want[k]) != len(got[k]):
                    print(f"#   {k}: cli {len(want[k])}, {lang} {len(got[k])}")
sys.exit(1 if failed else 0)
