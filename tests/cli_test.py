#!/usr/bin/env python3
"""Golden-style tests of the claims command line: exit codes, inputs,
rejected inputs, output files, determinism. usage: cli_test.py CLAIMS_BINARY"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLAIMS = None
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "examples", "drone-deal")


def run(*args, stdin=None):
    p = subprocess.run([CLAIMS, *args], input=stdin, capture_output=True, timeout=120)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


class Cli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    def report(self, *args, code=(0, 1)):
        rc, out, err = run("check", "--format", "json", *args)
        self.assertIn(rc, code if isinstance(code, tuple) else (code,), err)
        return json.loads(out)

    def test_help_and_version(self):
        rc, out, _ = run("--help")
        self.assertEqual(rc, 0)
        self.assertIn(b"claims check", out)
        rc, out, _ = run("--version")
        self.assertEqual(rc, 0)
        self.assertRegex(out.decode(), r"^claims \d+\.\d+\.\d+\n$")

    def test_usage_errors_exit_2(self):
        for args in ([], ["frobnicate"], ["check"], ["check", "--format", "pdf", EXAMPLE],
                     ["check", "--bogus", EXAMPLE], ["check", "--fail-on", "maybe", EXAMPLE],
                     ["check", "--format"], ["extract", EXAMPLE + "/wire.txt", EXAMPLE + "/daily.txt"]):
            rc, _, err = run(*args)
            self.assertEqual(rc, 2, args)
            self.assertIn("claims:", err)

    def test_directory_report_shape(self):
        r = self.report(EXAMPLE)
        self.assertEqual(r["schema"], "claims-report/1")
        self.assertEqual([a["id"] for a in r["articles"]], ["daily", "weekly", "wire"])
        for a in r["articles"]:
            self.assertEqual(set(["id", "title", "published", "bytes"]) - set(a), set())
            self.assertEqual(a["bytes"], os.path.getsize(os.path.join(EXAMPLE, a["id"] + ".txt")))
        self.assertEqual(r["articles"][2]["title"], "Poland to buy 24 Turkish combat drones")
        self.assertEqual(r["rejected"], [])
        for c in r["claims"]:
            with open(os.path.join(EXAMPLE, c["article"] + ".txt"), "rb") as f:
                data = f.read()
            self.assertEqual(data[c["start"]:c["end"]].decode(), c["text"])

    def test_output_is_deterministic(self):
        outs = [run("check", "--format", fmt, EXAMPLE)[1] for fmt in ("json", "json", "text")]
        self.assertEqual(outs[0], outs[1])
        self.assertTrue(outs[2])

    def test_invalid_byte_rejected_others_reported(self):
        with open(os.path.join(EXAMPLE, "wire.txt"), "rb") as f:
            data = bytearray(f.read())
        data[100] = 0xFF
        bad = self.write("broken.txt", bytes(data))
        good = os.path.join(EXAMPLE, "daily.txt")
        r = self.report(bad, good, code=2)
        self.assertEqual([a["id"] for a in r["articles"]], ["daily"])
        self.assertEqual(len(r["rejected"]), 1)
        self.assertEqual(r["rejected"][0]["id"], "broken")
        self.assertEqual(r["rejected"][0]["offset"], 100)
        self.assertIn("UTF-8", r["rejected"][0]["error"])

    def test_unreadable_and_empty_files(self):
        empty = self.write("empty.txt", "")
        nul = self.write("nul.txt", b"Some text\x00more text")
        missing = os.path.join(self.tmp, "missing.txt")
        rc, out, err = run("check", "--format", "json", missing, empty, nul,
                           os.path.join(EXAMPLE, "daily.txt"))
        self.assertEqual(rc, 2)
        r = json.loads(out)
        self.assertEqual([a["id"] for a in r["articles"]], ["daily"])
        got = {x["id"]: x for x in r["rejected"]}
        self.assertEqual(set(got), {"missing", "empty", "nul"})
        self.assertEqual(got["nul"]["offset"], 9)
        self.assertIn("missing", err)

    def test_jsonl_input(self):
        lines = [
            json.dumps({"id": "one", "title": "T", "published": "2021-05-24",
                        "text": "Officials said 24 drones were bought."}),
            "{not json",
            json.dumps({"id": "one", "text": "A duplicate id."}),
            json.dumps({"id": "two", "published": "24 May", "text": "Bad date."}),
            json.dumps({"id": "three", "text": "Caf\u00e9 owners said 12 boats sank."}),
            json.dumps({"id": "four"}),
            "",
        ]
        path = self.write("story.jsonl", "\n".join(lines))
        r = self.report(path, code=2)
        self.assertEqual([a["id"] for a in r["articles"]], ["one", "three"])
        self.assertEqual(r["articles"][0]["published"], "2021-05-24")
        self.assertEqual(len(r["rejected"]), 4)
        self.assertEqual(r["rejected"][0]["id"], "story:2")

    def test_stdin_text_and_output_file(self):
        out = os.path.join(self.tmp, "report.json")
        p = subprocess.run([CLAIMS, "check", "--format", "json", "--output", out, "-"],
                           input=b"A headline\nSeven ships left port on Monday.\n",
                           capture_output=True, timeout=60)
        self.assertIn(p.returncode, (0, 1))
        self.assertEqual(p.stdout, b"")
        with open(out) as f:
            r = json.load(f)
        self.assertEqual(r["articles"][0]["id"], "stdin")
        self.assertEqual(r["articles"][0]["title"], "A headline")

    def test_fail_on_none_exits_0(self):
        rc, _, _ = run("check", "--fail-on", "none", EXAMPLE)
        self.assertEqual(rc, 0)

    def test_every_format_writes(self):
        for fmt in ("text", "json", "markdown", "html", "tap", "junit"):
            rc, out, err = run("check", "--format", fmt, "--fail-on", "none", EXAMPLE)
            self.assertEqual(rc, 0, err)

    def test_extract_one_article(self):
        rc, out, err = run("extract", os.path.join(EXAMPLE, "wire.txt"))
        self.assertEqual(rc, 0, err)
        rc, out, err = run("extract", "--format", "json", os.path.join(EXAMPLE, "wire.txt"))
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(json.loads(out)["articles"]), 1)

    def test_long_sentence_is_shortened_around_the_claim(self):
        text = "Officials said " + ", ".join("%d boats sank" % i for i in range(2, 400)) + "."
        r = self.report(self.write("long.txt", text))
        self.assertTrue(len(r["claims"]) > 100)
        for c in r["claims"]:
            self.assertLessEqual(len(c["sentence"].encode()), 1300)
            self.assertIn(c["text"], c["sentence"])
            self.assertEqual(c["sentence_end"] - c["sentence_start"], len(text) - 0)

    def test_huge_numbers_stay_valid_json(self):
        r = self.report(self.write("big.txt", "Shares fell 99999999999999.5% and 1e400 units, "
                                   "worth $123456789012345678901234567890."))
        self.assertEqual(r["schema"], "claims-report/1")

    def test_lexicon_flag(self):
        lex = self.write("extra.lex", "[concept]\nferry = ferries, ferry\n")
        rc, _, err = run("check", "--lexicon", lex, "--fail-on", "none", EXAMPLE)
        self.assertEqual(rc, 0, err)
        bad = self.write("bad.lex", "[concept]\nnot an entry\n")
        rc, _, err = run("check", "--lexicon", bad, EXAMPLE)
        self.assertEqual(rc, 2)
        self.assertIn("at byte 10", err)


if __name__ == "__main__":
    CLAIMS = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
