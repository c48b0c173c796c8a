"""The Python API of libclaims: stories, typed results, errors, reports."""
import dataclasses
import json
import os

import pytest

import libclaims
from libclaims import Claim, Finding, Story

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

# Texts of our own: two accounts of one ferry fire that disagree on a year
# and word one quote differently.
ONE = ("Ferry fire\nMore than 40 passengers were rescued on Monday, the coast guard said. "
       "The repairs cost 2 million euros ($2.2 million). "
       "\"We got everyone off the boat in time,\" harbour master Lena Berg said. "
       "In 2019, the same ferry ran aground during the storm.\n")
TWO = ("Harbour blaze\nFire crews rescued 42 passengers on Monday. "
       "\"We got everybody off the boat in time,\" said Lena Berg, the harbour master. "
       "In 2018, the ferry ran aground in the storm.\n")


def checked(**options):
    s = Story(**options)
    s.add_article("one", ONE, published="2024-03-04")
    s.add_file("news/two.txt", TWO.encode())
    s.check()
    return s


def schema():
    with open(os.path.join(ROOT, "doc", "claims-report.schema.json")) as f:
        return json.load(f)


def test_version_matches_library_and_package():
    assert libclaims.library_version() == libclaims.__version__
    assert tuple(int(x) for x in libclaims.__version__.split(".")[:2]) == libclaims.ABI_VERSION
    assert libclaims.SONAME == "libclaims.so.%d.%d" % libclaims.ABI_VERSION


def test_dataclasses_have_every_field_of_the_schema():
    defs = schema()["$defs"]
    for cls, name in ((libclaims.Article, "article"), (libclaims.Rejected, "rejected"),
                      (Claim, "claim"), (Finding, "finding")):
        assert {f.name for f in dataclasses.fields(cls)} == set(defs[name]["properties"]), name
    event = defs["claim"]["properties"]["event"]["properties"]
    assert {f.name for f in dataclasses.fields(libclaims.Event)} == set(event)


def test_frame_fields_become_typed():
    c = libclaims._from_json(Claim, {
        "id": "c1", "article": "a", "kind": "count", "key": "count/x/-", "value": 3,
        "text": "3 x", "start": 0, "end": 3, "sentence": "3 x.", "sentence_start": 0,
        "sentence_end": 4, "speaker": None, "scope": "in the north", "part": "subset",
        "event": {"id": "e2", "label": "the 2004 flood", "background": True},
        "a_later_field": 1})
    assert c.event == libclaims.Event("e2", "the 2004 flood", True)
    assert (c.scope, c.part, c.holder) == ("in the north", "subset", None)


def test_results_are_typed_and_match_the_json_report():
    with checked() as s:
        report = json.loads(s.report("json"))
        claims = s.claims()
        assert claims and all(isinstance(c, Claim) for c in claims)
        assert [dataclasses.asdict(c) for c in claims] == [
            {**{f.name: None for f in dataclasses.fields(Claim)}, **c} for c in report["claims"]]
        findings = s.findings()
        assert [f.id for f in findings] == [f["id"] for f in report["findings"]]
        assert all(isinstance(f.claims, tuple) for f in findings)
        texts = {"one": ONE.encode(), "two": TWO.encode()}
        for c in claims:
            assert texts[c.article][c.start:c.end].decode() == c.text
            assert c.text in c.sentence
        arts = s.articles()
        assert [(a.id, a.title, a.published) for a in arts] == [
            ("one", None, "2024-03-04"), ("two", "Harbour blaze", None)]
        assert arts[1].bytes == len(TWO.encode())


def test_title_claims_say_within_title():
    title, text = "Gale grounds 60 flights at the airport", "Travellers slept in the halls."
    with libclaims.Story(fail_on="none") as s:
        s.add_article("gale", text, title=title)
        s.check()
        (c,) = [c for c in s.claims() if c.kind == "count"]
        assert (c.within, c.text, c.sentence) == ("title", "60 flights", title)
        assert title.encode()[c.start:c.end].decode() == c.text


def test_findings_carry_sentence_diff_and_fails():
    with checked() as s:
        contradictions = s.contradictions()
        assert contradictions, s.report("text")
        year = [f for f in contradictions if f.key and f.key.startswith("year")]
        assert year and year[0].fails and year[0].level in ("low", "high")
        values = {s.claim(cid).value for cid in year[0].claims}
        assert values == {2018, 2019}
        variants = s.findings("variant")
        assert variants and variants[0].diff
        assert s.failures() == sum(f.fails for f in s.findings())
        bounded = [c for c in s.claims() if c.low is not None]
        assert bounded and bounded[0].low_exclusive is True


def test_options_change_failures():
    with checked(fail_on="none") as s:
        assert s.failures() == 0
        assert not any(f.fails for f in s.findings())
        s.set_options(fail_on="variant")
        assert s.failures() >= 2
    with checked(min_confidence=1.0) as s:
        assert s.findings() == []
    with checked(fail_confidence=0) as s:
        assert s.failures() == len(s.contradictions()) > 0
        with pytest.raises(ValueError):
            s.set_options(fail_confidence=1.5)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "tap", "junit"])
def test_reports_in_every_format(fmt):
    with checked() as s:
        out = s.report(fmt)
        assert out and isinstance(out, str)
        assert s.report(libclaims.Format[fmt.upper()]) == out


def test_rejected_article_raises_with_article_and_offset_and_story_goes_on():
    with Story() as s:
        with pytest.raises(libclaims.RejectedError) as e:
            s.add_article("bad", b"Rescuers pulled 14 people\xff out.")
        assert e.value.code == libclaims.Status.INVALID_UTF8
        assert (e.value.article, e.value.offset) == ("bad", 25)
        assert "bad" in str(e.value) and "25" in str(e.value)
        with pytest.raises(libclaims.RejectedError) as e:
            s.add_article("empty", "   ")
        assert e.value.code == libclaims.Status.EMPTY_TEXT
        s.add_article("good", ONE)
        with pytest.raises(libclaims.RejectedError) as e:
            s.add_article("good", TWO)
        assert e.value.code == libclaims.Status.DUPLICATE_ID and e.value.article == "good"
        s.check()
        assert [(r.id, r.code, r.offset) for r in s.rejected()] == [
            ("bad", 3, 25), ("empty", 5, 0), ("good", 6, None)]
        assert [a.id for a in s.articles()] == ["good"]


def test_misuse_raises():
    s = Story()
    for call in (s.claims, s.findings, s.articles, s.rejected, s.contradictions, s.failures,
                 lambda: s.report("json")):
        with pytest.raises(libclaims.StateError) as e:
            call()
        assert e.value.code == libclaims.Status.STATE
    s.add_article("a", ONE)
    s.check()
    with pytest.raises(libclaims.StateError):
        s.check()
    with pytest.raises(libclaims.StateError):
        s.add_article("b", TWO)
    with pytest.raises(libclaims.InvalidArgumentError):
        s.report("pdf")
    with pytest.raises(ValueError):
        s.set_options(fail_on="everything")
    with pytest.raises(ValueError):
        s.set_options(min_confidence=2)
    s.close()
    s.close()
    with pytest.raises(libclaims.StateError):
        s.claims()


def test_lexicon_error_has_offset_and_lexicon_extends():
    with Story() as s:
        with pytest.raises(libclaims.ClaimsError) as e:
            s.add_lexicon("[concept]\nbroken\n")
        assert e.value.code == libclaims.Status.LEXICON and e.value.offset == 10
    with Story(lexicons=["[concept]\nhovercraft = hovercraft, hovercrafts\n"]) as s:
        s.add_article("a", "Police seized 3 hovercrafts on Monday.")
        s.check()
        assert any("hovercraft" in (c.key or "") for c in s.claims())


def test_add_file_and_add_path_follow_the_cli(tmp_path, example_dir):
    (tmp_path / "wire.txt").write_bytes(b"\xef\xbb\xbfFerry fire\n" + ONE.encode())
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": TWO, "title": "T", "published": "2024-02-30"}) + "\n"
        + "not json\n" + json.dumps({"id": "j2"}) + "\n")
    (tmp_path / "skip.md").write_text(ONE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "Deep.TXT").write_text("Rescuers found 3 more people.\n")
    (tmp_path / "sub" / "meta.json").write_text("{}")
    with libclaims.check_files([tmp_path]) as s:
        assert [a.id for a in s.articles()] == ["j1", "sub/Deep", "wire"]
        assert s.articles()[0].published is None  # not a real day: kept, undated
        assert s.articles()[2].title == "Ferry fire"
        assert [r.id for r in s.rejected()] == ["feed:2", "j2"]
        ours = json.loads(s.report("json"))
    cli = os.environ.get("CLAIMS_CLI")
    if cli:
        import subprocess
        theirs = json.loads(subprocess.run([cli, "check", "--format", "json", str(tmp_path)],
                                           capture_output=True).stdout)
        for k in ("articles", "claims", "findings"):
            assert ours[k] == theirs[k], k
        assert ([(r["id"], r["code"]) for r in ours["rejected"]]
                == [(r["id"], r["code"]) for r in theirs["rejected"]])
    with Story() as s:
        s.add_file(tmp_path / "wire.txt")
        s.add_path(tmp_path / "missing.txt")
        s.add_path(tmp_path / "sub" / "meta.json")
        s.check()
        assert [a.id for a in s.articles()] == ["wire"]
        assert [r.id for r in s.rejected()] == ["missing", "meta"]
    with libclaims.check_files([example_dir]) as s:
        assert [a.id for a in s.articles()] == ["daily", "weekly", "wire"]


def test_same_report_as_the_cli(example_dir):
    cli = os.environ.get("CLAIMS_CLI")
    if not cli:
        pytest.skip("CLAIMS_CLI is not set (meson test sets it)")
    import subprocess
    out = subprocess.run([cli, "check", "--format", "json", example_dir],
                         capture_output=True, check=False).stdout.decode()
    with libclaims.check_files([example_dir]) as s:
        assert s.report("json") == out
