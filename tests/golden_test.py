#!/usr/bin/env python3
"""Golden-file tests: the report on the example story in every format must
match tests/golden/example.<format> byte for byte.

usage: golden_test.py CLAIMS_BINARY [--update]
--update rewrites the golden files (review the diff before committing)."""
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STORY = os.path.join("examples", "drone-deal")
FORMATS = {"text": "txt", "json": "json", "markdown": "md", "html": "html", "tap": "tap",
           "junit": "xml"}


def main():
    claims = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv
    root = os.path.dirname(HERE)
    failed = passed = 0
    for fmt, ext in FORMATS.items():
        # Run from the project root with a relative path, so the output does
        # not depend on where the checkout lives.
        out = subprocess.run([claims, "check", "--format", fmt, "--fail-on", "none",
                              "--color", "never", STORY], cwd=root, capture_output=True,
                             timeout=120)
        if out.returncode != 0:
            print(f"not ok {fmt}: exit {out.returncode}: {out.stderr.decode()[-500:]}")
            failed += 1
            continue
        path = os.path.join(HERE, "golden", "example." + ext)
        if update:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(out.stdout)
        if not os.path.exists(path):
            print(f"not ok {fmt}: no golden file {path} (run with --update)")
            failed += 1
            continue
        with open(path, "rb") as f:
            want = f.read()
        if want == out.stdout:
            passed += 1
            print(f"ok {fmt}")
        else:
            failed += 1
            diff = difflib.unified_diff(want.decode().splitlines(), out.stdout.decode().splitlines(),
                                        "golden", "actual", lineterm="", n=2)
            print(f"not ok {fmt}: differs from {path}")
            print("\n".join(list(diff)[:60]))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
