#!/usr/bin/env python3
"""Tests of the Python binding. usage: CLAIMS_LIBRARY=path/libclaims.so test_claims.py"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims  # noqa: E402

TEXT = ("Harbour fire\nFirefighters rescued 14 people from the burning ferry on Friday. "
        "\"We got everyone out,\" fire chief Ana Ruiz said.")


class Binding(unittest.TestCase):
    def test_version(self):
        self.assertRegex(claims.version(), r"^\d+\.\d+\.\d+$")

    def test_story_round_trip(self):
        with claims.Story() as s:
            s.add_article("a", TEXT, title="Harbour fire", published="2021-05-24")
            s.check()
            arts = s.articles()
            self.assertEqual(arts[0]["id"], "a")
            self.assertEqual(arts[0]["published"], "2021-05-24")
            self.assertEqual(arts[0]["bytes"], len(TEXT.encode()))
            for c in s.claims():
                self.assertEqual(TEXT.encode()[c["start"]:c["end"]].decode(), c["text"])
            report = json.loads(s.report("json"))
            self.assertEqual(report["schema"], "claims-report/1")
            self.assertEqual(len(report["claims"]), len(s.claims()))
            self.assertEqual(len(report["findings"]), len(s.findings()))

    def test_rejected_article_raises_with_offset(self):
        with claims.Story() as s:
            with self.assertRaises(claims.ClaimsError) as cm:
                s.add_article("bad", b"abc\xffdef")
            self.assertEqual(cm.exception.offset, 3)
            self.assertEqual(cm.exception.article, "bad")
            s.add_article("good", TEXT)
            s.check()
            self.assertEqual([r["id"] for r in s.rejected()], ["bad"])
            self.assertEqual(s.rejected()[0]["offset"], 3)
            self.assertEqual(len(s.articles()), 1)

    def test_lexicon_error(self):
        with claims.Story() as s:
            with self.assertRaises(claims.ClaimsError) as cm:
                s.add_lexicon("[concept]\nbroken\n")
            self.assertEqual(cm.exception.offset, 10)


if __name__ == "__main__":
    unittest.main(verbosity=2)
