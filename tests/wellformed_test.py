#!/usr/bin/env python3
"""Every report format stays well formed on hostile input (issue 14, item 6),
checked with real parsers rather than the fuzz harness's own checkers:
JUnit with xml.etree, JSON with json, TAP's YAML blocks with PyYAML when it
is installed; every format valid UTF-8; no control, bidi or noncharacter in
the human-readable ones.

usage: wellformed_test.py CLAIMS_BINARY
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import yaml
except ImportError:  # python3-yaml is optional
    yaml = None

UNSAFE = ("\u202e\u202c\u2066\u2069\u0085\u009b\u007f\ufffe\uffff\U0010ffff\ufdd0\x1b[2J\x01\x0b")

ARTICLES = {
    "a.txt": "Flood \u202edrawkcab\u202c title\n\nThe flood killed 12 people in \u2066Baytown\u2069 "
             "\u009b31m and \x7f \x1b[2J \ufffe \uffff \U0010ffff \ufdd0 \x0b villages, officials "
             "said.\n\"We will rebuild every \u202ehouse\u202c \u2013 all of them,\" Mayor Ines "
             "Palma said.\n",
    "b.txt": "Flood\n\nThe flood killed 15 people in Baytown, officials said.\n\"We will "
             "rebuild every house \u2013 each of them,\" Mayor Ines Palma said.\n",
    "c\u202ex.txt": "The flood killed 13 people in Baytown \u0085 ]]> <x> &amp; 'q' \"d\", "
                     "officials said.\n",
}
BAD = {"broken.txt": b"Bad \xff byte.\n", "empty.txt": b"   \n"}

HUMAN = ("text", "markdown", "html", "tap", "junit")


def unsafe_chars(s):
    for ch in s:
        o = ord(ch)
        if (o < 0x20 and ch not in "\n\t\r") or 0x7F <= o <= 0x9F:
            yield ch
        elif 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            yield ch
        elif 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE:
            yield ch


def main():
    claims = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as d:
        for name, text in ARTICLES.items():
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)
        for name, data in BAD.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        files = sorted(os.path.join(d, n) for n in list(ARTICLES) + list(BAD))
        nrejected = None  # from the JSON report (the CLI decides what it rejects)
        for fmt in ("json",) + HUMAN:
            r = subprocess.run([claims, "check", "--fail-on", "variant", "--format", fmt] + files,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            raw = r.stdout
            problems = []
            try:
                out = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                problems.append("invalid UTF-8: %s" % e)
                out = raw.decode("utf-8", "replace")
            if fmt in HUMAN:
                bad = sorted(set(unsafe_chars(out.replace("\t", "").replace("\r", "")
                                 if fmt in ("html", "junit") else out)))
                if bad:
                    problems.append("unsafe characters %r" % bad)
            if fmt == "json":
                try:
                    rep = json.loads(out)
                    nrejected = len(rep["rejected"])
                    if nrejected < 2:  # the two bad files at least
                        problems.append("rejected: %r" % rep["rejected"])
                except ValueError as e:
                    problems.append("JSON does not parse: %s" % e)
            elif fmt == "junit":
                try:
                    root = ET.fromstring(raw)
                    suite = root.find("testsuite")
                    errors = suite.findall("testcase/error")
                    if suite.get("errors") != str(nrejected) or len(errors) != nrejected:
                        problems.append("errors=%s, %d <error>" % (suite.get("errors"), len(errors)))
                    if int(suite.get("tests")) != len(suite.findall("testcase")):
                        problems.append("tests= is not the number of testcases")
                except ET.ParseError as e:
                    problems.append("XML is not well formed: %s" % e)
            elif fmt == "tap":
                lines = out.split("\n")
                plan = int(lines[1][3:].split()[0])
                tests = [l for l in lines if l.startswith("ok ") or l.startswith("not ok ")]
                if plan != len(tests):
                    problems.append("plan %d, %d tests" % (plan, len(tests)))
                if sum("rejected input" in t for t in tests) != nrejected:
                    problems.append("rejected inputs not listed as tests")
                if yaml is not None:
                    block = None
                    for l in lines:
                        if l == "  ---":
                            block = []
                        elif l == "  ..." and block is not None:
                            try:
                                yaml.safe_load("\n".join(block))
                            except yaml.YAMLError as e:
                                problems.append("YAML block does not parse: %s" % e)
                            block = None
                        elif block is not None:
                            block.append(l)
            for p in problems:
                print("FAIL %s: %s" % (fmt, p))
            failures += len(problems)
            if not problems:
                print("ok %s (%d bytes)" % (fmt, len(raw)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
