#!/usr/bin/env python3
"""Runs the acceptance rules: the seed story's (../shared/acceptance, present
in CI beside the checkout; skipped when absent) and the example story's
(examples/drone-deal/expectations.json), both with the shared checker.

usage: acceptance_test.py CLAIMS_BINARY"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "acceptance")
CHECKER = os.path.join(SHARED, "check_report.py")


def main():
    claims = os.path.abspath(sys.argv[1])
    if not os.path.exists(CHECKER):
        print("1..0 # SKIP ../shared/acceptance is not beside this checkout")
        return 77
    cmd = f"'{claims}' check --format json {{files}}"
    rc = 0
    for rules in (os.path.join(SHARED, "seeds.json"),
                  os.path.join(ROOT, "examples", "drone-deal", "expectations.json")):
        if not os.path.exists(rules):
            continue
        print(f"== {os.path.relpath(rules, ROOT)}")
        out = subprocess.run([sys.executable, CHECKER, rules, "--run", cmd], text=True,
                             capture_output=True, timeout=300)
        print(out.stdout + out.stderr)
        rc |= out.returncode
    return 1 if rc else 0


if __name__ == "__main__":
    sys.exit(main())
