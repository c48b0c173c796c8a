#!/usr/bin/env python3
"""Golden-style tests of the claims command line: exit codes, inputs,
rejected inputs, output files, determinism, options, folders, JSON Lines,
terminal safety, lexicon configuration, batch.

usage: cli_test.py CLAIMS_BINARY
With CLAIMS_BUILD_DIR set (meson sets it), the install test installs the
build into a temporary DESTDIR and checks the man page, the completion and
the lexicon documentation are there."""
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import threading
import unittest

CLAIMS = None
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "examples", "drone-deal")


# Every test runs without the user's lexicon configuration.
BASE_ENV = {k: v for k, v in os.environ.items() if k != "CLAIMS_LEXICON"}
BASE_ENV["XDG_CONFIG_HOME"] = "/nonexistent-claims-test-config"


def run(*args, stdin=None, env=None, cwd=None):
    e = dict(BASE_ENV)
    e.update(env or {})
    p = subprocess.run([CLAIMS, *args], input=stdin, capture_output=True, timeout=120, env=e,
                       cwd=cwd)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]")


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

    def mkdir(self, name):
        path = os.path.join(self.tmp, name)
        os.makedirs(path, exist_ok=True)
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
                     ["check", "--format"], ["extract", "--format", "html", EXAMPLE],
                     ["check", "--jobs", "2", EXAMPLE], ["batch", EXAMPLE],
                     ["lexicon"], ["check", "--lexicon", "/nonexistent.lex", EXAMPLE]):
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
        r = self.report(bad, good, code=4)
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
        self.assertEqual(rc, 4)
        r = json.loads(out)
        self.assertEqual([a["id"] for a in r["articles"]], ["daily"])
        got = {x["id"]: x for x in r["rejected"]}
        self.assertEqual(set(got), {"missing", "empty", "nul"})
        self.assertEqual(got["nul"]["offset"], 9)
        self.assertIn("missing", err)

    def test_text_file_is_mapped_and_lent_not_copied(self):
        """A plain-text file is mapped read-only and stays mapped until the
        story is freed: the library borrows its bytes instead of copying
        them. A file of whole pages (nothing after its last byte to read)
        gives the claims its bytes give through standard input (read, then
        lent)."""
        if not os.path.exists("/proc/self/maps"):
            self.skipTest("needs /proc/PID/maps")
        page = os.sysconf("SC_PAGE_SIZE")
        para = ("The harbor council said 14 homes were damaged on Monday, and "
                "\u201cwe will rebuild,\u201d Mayor Ana Ruiz said.\n\n").encode()
        tail = b"The last storm was in 1999"
        data = b"Harbor council counts damage\n\n" + para * (2 * page // len(para) + 1)
        cut = 2 * page - len(tail)
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        data = data[:cut] + b" " * (2 * page - len(tail) - cut) + tail
        self.assertEqual(len(data), 2 * page)
        path = os.path.realpath(self.write("pages.txt", data))
        # The file is read first, then standard input: while the tool waits
        # on it, the file must be mapped.
        p = subprocess.Popen([CLAIMS, "extract", path, "-"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=BASE_ENV)
        mapped = False
        for _ in range(1000):
            with open("/proc/%d/maps" % p.pid) as f:
                if any(line.rstrip("\n").endswith(" " + path) for line in f):
                    mapped = True
                    break
            if p.poll() is not None:
                break
            time.sleep(0.01)
        out, err = p.communicate(b"Rescuers said 15 homes were damaged.\n", timeout=60)
        self.assertTrue(mapped, "the text file is not mapped while the story is read")
        self.assertEqual(p.returncode, 0, err)
        rc, alone, err = run("extract", path)
        self.assertEqual(rc, 0, err)
        rc, piped, err = run("extract", "-", stdin=data)
        self.assertEqual(rc, 0, err)

        def claims(out, article):
            rows = [line.split(b"\t") for line in out.splitlines()]
            return [r[2:] for r in rows if r[1] == article]
        self.assertTrue(claims(alone, b"pages"))
        self.assertEqual(claims(alone, b"pages"), claims(piped, b"stdin"))
        self.assertEqual(claims(out, b"pages"), claims(alone, b"pages"))

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
        r = self.report(path, code=4)
        # a date that is not one leaves the article in, undated
        self.assertEqual([a["id"] for a in r["articles"]], ["one", "two", "three"])
        self.assertEqual(r["articles"][0]["published"], "2021-05-24")
        self.assertIsNone(r["articles"][1]["published"])
        self.assertEqual(len(r["rejected"]), 3)
        self.assertEqual(r["rejected"][0]["id"], "story:2")

    def test_jsonl_file_of_whole_pages_and_fifo_read_alike(self):
        """A JSON Lines file is mapped, not read: one of whole pages (its
        last line ends on the last byte, with no newline and nothing mapped
        after it) gives what the same bytes give through standard input and
        through a named pipe (which cannot be mapped, so it is read)."""
        page = os.sysconf("SC_PAGE_SIZE")
        lines = [json.dumps({"id": "n%d" % i, "text": "Rescuers said %d homes were "
                             "damaged on Monday, \u201cmore than in 1999.\u201d" % (10 + i)})
                 for i in range(40)]
        head = ("\n".join(lines) + "\n").encode()
        last = {"id": "last", "text": "The council counted 31 boats. "}
        bare = len(json.dumps(last).encode())
        self.assertLess(len(head) + bare, 2 * page)
        last["text"] += "x" * (2 * page - len(head) - bare)
        data = head + json.dumps(last).encode()
        self.assertEqual(len(data), 2 * page)
        self.assertEqual(data[-1:], b"}")
        path = self.write("pages.jsonl", data)
        rc, mapped, err = run("extract", path)
        self.assertEqual(rc, 0, err)
        rc, piped, err = run("extract", "-", stdin=data)
        self.assertEqual(rc, 0, err)
        fifo = os.path.join(self.tmp, "pipe.jsonl")
        os.mkfifo(fifo)

        def feed():
            with open(fifo, "wb") as f:
                f.write(data)
        writer = threading.Thread(target=feed)
        writer.start()
        rc, through_fifo, err = run("extract", fifo)
        writer.join()
        self.assertEqual(rc, 0, err)
        self.assertIn(b"\tlast\t", mapped)
        self.assertEqual(mapped.count(b"\n"), through_fifo.count(b"\n"))
        self.assertEqual(mapped, through_fifo)
        self.assertEqual(mapped, piped)

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
        self.assertIn("bad.lex:2:", err)  # the line number
        self.assertIn("at byte 10", err)

    # ------------------------------------------------------------ options

    def test_unknown_options_and_bad_values_are_named(self):
        for args, named in ((["check", "--bogus", EXAMPLE], "'--bogus'"),
                            (["check", "-x", EXAMPLE], "'-x'"),
                            (["check", "--format", "pdf", EXAMPLE], "'pdf'"),
                            (["check", "--format=pdf", EXAMPLE], "'pdf'"),
                            (["check", "--fail-on", "maybe", EXAMPLE], "'maybe'"),
                            (["check", "--min-confidence", "mid", EXAMPLE], "'mid'"),
                            (["check", "--color", "pink", EXAMPLE], "'pink'"),
                            (["batch", "-j", "zero", "-d", self.tmp, EXAMPLE], "'zero'"),
                            (["check", "--format"], "'--format'"),
                            (["check", "--f", EXAMPLE], "ambiguous option '--f'"),
                            (["check", "--jobs", "2", EXAMPLE], "--jobs"),
                            (["frobnicate"], "'frobnicate'")):
            rc, out, err = run(*args)
            self.assertEqual(rc, 2, args)
            self.assertIn(named, err, args)
            self.assertEqual(out, b"", args)

    def test_long_option_with_equals_and_abbreviation(self):
        rc, out, err = run("check", "--format=json", "--fail-on=none", EXAMPLE)
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)["schema"], "claims-report/1")
        rc, out, err = run("check", "--form", "json", "--fail-on", "none", EXAMPLE)
        self.assertEqual(rc, 0, err)
        json.loads(out)

    def test_double_dash_ends_options(self):
        self.write("-x.txt", "Headline\nOfficials said 12 boats sank on Monday.\n")
        rc, _, err = run("check", "--format", "json", "-x.txt", cwd=self.tmp)
        self.assertEqual(rc, 2)
        self.assertIn("'-x'", err)
        rc, out, err = run("check", "--format", "json", "--", "-x.txt", cwd=self.tmp)
        self.assertIn(rc, (0, 1), err)
        self.assertEqual([a["id"] for a in json.loads(out)["articles"]], ["-x"])

    def test_help_cites_what_is_installed(self):
        rc, out, _ = run("--help")
        self.assertEqual(rc, 0)
        self.assertNotIn(b"data/README.md", out)
        self.assertIn(b"claims(1)", out)
        self.assertIn(b"claims batch", out)
        self.assertIn(b"claims lexicon", out)
        rc, out2, _ = run("check", "--help")
        self.assertEqual((rc, out2), (0, out))

    def test_man_page_is_well_formed(self):
        page = os.path.join(HERE, "..", "doc", "claims.1")
        groff = shutil.which("groff")
        if not groff:
            self.skipTest("no groff")
        p = subprocess.run([groff, "-man", "-ww", "-z", "-Tutf8", page], capture_output=True)
        self.assertEqual((p.returncode, p.stderr), (0, b""))
        with open(page) as f:
            text = f.read()
        for word in ("EXIT STATUS", "CLAIMS_LEXICON", "XDG_CONFIG_HOME", "batch", "--list"):
            self.assertIn(word.replace("-", "\\-"), text)

    def test_bash_completion(self):
        script = os.path.join(HERE, "..", "tools", "claims.bash-completion")
        def complete(*words):
            cmd = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); '
                   '_claims; printf "%s\\n" "${COMPREPLY[@]}"')
            p = subprocess.run(["bash", "-c", cmd, "bash", script, *words],
                               capture_output=True, text=True, cwd=self.tmp)
            self.assertEqual(p.returncode, 0, p.stderr)
            return p.stdout.split()
        self.assertEqual(complete("claims", "ba"), ["batch"])
        self.assertEqual(sorted(complete("claims", "check", "--format", "")),
                         sorted(["text", "json", "markdown", "html", "tap", "junit"]))
        self.assertEqual(complete("claims", "extract", "--format", ""), ["text", "json"])
        self.assertIn("--jobs", complete("claims", "batch", "--"))
        self.assertNotIn("--jobs", complete("claims", "check", "--"))

    def test_install_puts_man_page_completion_and_lexicon_doc(self):
        build = os.environ.get("CLAIMS_BUILD_DIR")
        if not build:
            self.skipTest("CLAIMS_BUILD_DIR not set")
        dest = os.path.join(self.tmp, "dest")
        p = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--destdir", dest,
                            "--quiet"], capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        found = set()
        for root, _, files in os.walk(dest):
            for f in files:
                found.add(os.path.relpath(os.path.join(root, f), dest))
        def has(suffix):
            return any(f.endswith(suffix) for f in found)
        self.assertTrue(has("share/man/man1/claims.1"), found)
        self.assertTrue(has("bash-completion/completions/claims"), found)
        self.assertTrue(has("share/doc/libclaims/lexicons.md"), found)
        self.assertTrue(has("bin/claims"), found)
        exe = os.path.join(dest, next(f for f in found if f.endswith("bin/claims")))
        p = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)  # the installed tool runs

    def test_readme_sample_is_the_output_of_its_command(self):
        with open(os.path.join(HERE, "..", "README.md"), encoding="utf-8") as f:
            readme = f.read()
        cmd = re.search(r"build/claims (check [^\n]*examples/drone-deal)\n", readme).group(1)
        block = re.search(r"The report starts like this.*?\n```\n(.*?)```", readme, re.S).group(1)
        rc, out, err = run(*cmd.split(), cwd=os.path.join(HERE, ".."))
        self.assertEqual(rc, 0, err)
        lines = out.decode().splitlines()
        self.assertEqual(lines[0], block.splitlines()[0])
        for line in block.splitlines():
            if line != "...":
                self.assertIn(line, lines)

    # ------------------------------------------------------------ exit codes

    def test_extract_does_not_compare(self):
        rc, out, _ = run("extract", "--format", "json", EXAMPLE)
        self.assertEqual(rc, 0)
        ex = json.loads(out)
        self.assertEqual(ex["findings"], [])
        _, out, _ = run("check", "--format", "json", "--fail-on", "none", EXAMPLE)
        full = json.loads(out)
        self.assertTrue(full["findings"])
        self.assertEqual(ex["claims"], full["claims"])

    def test_min_confidence_decides_what_fails_not_what_is_shown(self):
        # two amounts of a named thing with no action: a contradiction that
        # is reported, but weaker than "high"
        a = self.write("a.txt", b"The drugmaker agreed to a $4.25 billion settlement with the states.\n")
        b = self.write("b.txt", b"The company reached a $4.35 billion settlement, officials said.\n")
        rc, out, _ = run("check", "--format", "json", a, b)
        rep = json.loads(out)
        weak = [f for f in rep["findings"] if f["type"] == "contradiction"]
        self.assertTrue(weak, out)
        self.assertTrue(all(f["confidence"] < 0.7 for f in weak))
        self.assertEqual(rc, 0)  # shown, and by default not failing
        rc, out2, _ = run("check", "--format", "json", "--min-confidence", "low", a, b)
        self.assertEqual(rc, 1)
        strip = lambda fs: [{k: v for k, v in f.items() if k != "fails"} for f in fs]
        self.assertEqual(strip(json.loads(out2)["findings"]), strip(rep["findings"]))
        self.assertTrue(all(f["fails"] for f in json.loads(out2)["findings"]
                            if f["type"] == "contradiction"))
        rc, _, _ = run("check", "--min-confidence", "50", a, b)
        self.assertEqual(rc, 1)
        rc, out3, _ = run("check", "--format", "json", "--show-confidence", "high",
                          "--min-confidence", "low", a, b)
        self.assertFalse([f for f in json.loads(out3)["findings"] if f["confidence"] < 0.5])
        rc, _, err = run("check", "--min-confidence", "101", a, b)
        self.assertEqual(rc, 2)
        self.assertIn("--min-confidence", err)

    def test_exit_codes_are_distinct(self):
        good = os.path.join(EXAMPLE, "daily.txt")
        bad = self.write("bad.txt", b"Bad \xff byte.\n")
        # 0: report, nothing fails, nothing rejected
        self.assertEqual(run("check", "--fail-on", "none", EXAMPLE)[0], 0)
        # 1: report, a contradiction fails
        rc, out, _ = run("check", EXAMPLE)
        self.assertEqual(rc, 1)
        self.assertTrue(out)
        # 2: no report
        rc, out, _ = run("check", "--format", "pdf", EXAMPLE)
        self.assertEqual((rc, out), (2, b""))
        rc, out, _ = run("check", "--output", os.path.join(self.tmp, "no", "such", "dir"),
                         EXAMPLE)
        self.assertEqual(rc, 2)
        # 4: report, an input rejected, nothing fails
        rc, out, _ = run("check", "--format", "json", "--fail-on", "none", good, bad)
        self.assertEqual(rc, 4)
        self.assertEqual(len(json.loads(out)["rejected"]), 1)
        # 5: report, rejected input and a failing finding
        rc, out, _ = run("check", "--format", "json", EXAMPLE, bad)
        self.assertEqual(rc, 5)
        r = json.loads(out)
        self.assertEqual(len(r["rejected"]), 1)
        self.assertTrue(any(f["type"] == "contradiction" for f in r["findings"]))
        # extract never fails on findings
        self.assertEqual(run("extract", EXAMPLE)[0], 0)
        self.assertEqual(run("extract", EXAMPLE, bad)[0], 4)

    # ------------------------------------------------------------ folders

    def test_folders_recurse_in_name_order_with_relative_ids(self):
        arch = self.mkdir("arch")
        os.makedirs(os.path.join(arch, "2024", "05"), exist_ok=True)
        os.makedirs(os.path.join(arch, "2024", "06"), exist_ok=True)
        os.makedirs(os.path.join(arch, ".git"), exist_ok=True)
        self.write("arch/2024/05/a.txt", "Ferry sinks\nOfficials said 12 boats sank on Monday.\n")
        self.write("arch/2024/06/LEAD.TXT", "Officials said 14 boats sank on Monday.\n")
        self.write("arch/2024/06/b.jsonl", json.dumps({"id": "b", "text": "Nine boats sank."}))
        self.write("arch/notes.md", "not an article")
        self.write("arch/README", "not an article")
        self.write("arch/meta.json", "{}")
        self.write("arch/.git/x.txt", "Hidden text.")
        rc, out, err = run("check", "--format", "json", "--fail-on", "none", arch)
        self.assertEqual(rc, 0, err)
        r = json.loads(out)
        self.assertEqual([a["id"] for a in r["articles"]], ["2024/05/a", "2024/06/LEAD", "b"])
        for name, why in (("notes.md", "not .txt"), ("README", "not .txt"),
                          ("meta.json", ".json"), (".git", "hidden")):
            self.assertRegex(err, "skipped [^\\n]*" + re.escape(name) + ": [^\\n]*" + why)
        rc, _, err = run("check", "--quiet", "--fail-on", "none", arch)
        self.assertEqual((rc, err), (0, ""))

    def test_nothing_read_is_an_input_error(self):
        empty = self.mkdir("empty")
        self.write("empty/notes.md", "x")
        rc, out, err = run("check", "--format", "json", empty)
        self.assertEqual(rc, 4)
        r = json.loads(out)
        self.assertEqual(r["articles"], [])
        self.assertEqual(len(r["rejected"]), 1)
        self.assertIn("nothing read", r["rejected"][0]["error"])
        self.assertIn("nothing read", err)
        blank = self.write("blank.jsonl", "\n\n")
        rc, out, _ = run("check", "--format", "json", blank)
        self.assertEqual(rc, 4)
        self.assertIn("nothing read", json.loads(out)["rejected"][0]["error"])

    def test_same_id_in_two_folders_names_both_paths(self):
        self.mkdir("one")
        self.mkdir("two")
        p1 = self.write("one/same.txt", "Officials said 12 boats sank.\n")
        p2 = self.write("two/same.txt", "Officials said 12 boats sank.\n")
        rc, out, err = run("check", "--format", "json", os.path.join(self.tmp, "one"),
                           os.path.join(self.tmp, "two"))
        self.assertEqual(rc, 4)
        r = json.loads(out)
        self.assertEqual([a["id"] for a in r["articles"]], ["same"])
        self.assertEqual(len(r["rejected"]), 1)
        self.assertIn(p1, r["rejected"][0]["error"])
        self.assertIn(p2, r["rejected"][0]["error"])
        self.assertIn(p1, err)
        self.assertIn(p2, err)

    # ------------------------------------------------------------ JSON Lines

    def test_jsonl_bom_is_skipped(self):
        line = json.dumps({"id": "one", "text": "Officials said 12 boats sank."})
        path = self.write("bom.jsonl", b"\xef\xbb\xbf" + line.encode() + b"\n")
        r = self.report(path)
        self.assertEqual([a["id"] for a in r["articles"]], ["one"])
        self.assertEqual(r["rejected"], [])

    def test_jsonl_bad_published_keeps_article_undated_with_a_warning(self):
        lines = [json.dumps({"id": "a", "published": "0000-01-01", "text": "Twelve boats sank."}),
                 json.dumps({"id": "b", "published": "2023-02-29", "text": "Nine boats sank."}),
                 json.dumps({"id": "c", "published": "2024-02-29", "text": "Six boats sank."})]
        path = self.write("dates.jsonl", "\n".join(lines))
        rc, out, err = run("check", "--format", "json", "--fail-on", "none", path)
        self.assertEqual(rc, 0, err)
        r = json.loads(out)
        self.assertEqual([(a["id"], a["published"]) for a in r["articles"]],
                         [("a", None), ("b", None), ("c", "2024-02-29")])
        self.assertRegex(err, r"dates\.jsonl:1: [^\n]*\"0000-01-01\"")
        self.assertRegex(err, r"dates\.jsonl:2: [^\n]*\"2023-02-29\"")
        self.assertNotIn("dates.jsonl:3", err)

    def test_jsonl_id_with_escaped_nul_is_rejected_not_cut(self):
        path = self.write("nul.jsonl", '{"id": "ab\\u0000cd", "text": "Twelve boats sank."}\n'
                                       '{"id": "ab", "text": "Nine boats sank."}\n')
        r = self.report(path, code=4)
        self.assertEqual([a["id"] for a in r["articles"]], ["ab"])
        self.assertEqual(len(r["rejected"]), 1)
        self.assertIn("cd", r["rejected"][0]["id"])
        self.assertIn("NUL", r["rejected"][0]["error"])

    def test_jsonl_lines_read_alike_by_yajl_and_jansson(self):
        # yajl reads the plain lines; a line it might read otherwise than
        # jansson (a tab between tokens, a number, a control byte, bad
        # UTF-8, a \\u escape it gets wrong, a BOM after line 1) is read by
        # jansson: the same articles, the same rejections and messages
        text = "Officials said 12 boats sank on Monday."
        plain = json.dumps({"id": "plain", "title": "Boats \u00e9", "text": text})
        lines = [
            plain.encode(),
            ('{"id":\t"tab", "title": "Boats \u00e9", "text": %s}' % json.dumps(text)).encode(),
            ('{"id": 7, "n": [1.5e3], "text": %s}' % json.dumps(text)).encode(),
            b'{"id": "dup", "id": "last", "text": "x", "text": "Nine boats sank."}',
            b'{"id": "ctl", "text": "Nine\x01boats"}',
            b'{"id": "utf", "text": "Nine \xc0\xaf boats"}',
            b'{"id": "hex", "text": "Nine \\uZZZZ boats"}',
            b'{"id": "nul", "text": "Nine \\u0000 boats"}',
            b'\xef\xbb\xbf{"id": "bom", "text": "Nine boats"}',
            b'{"id": 017, "text": "Nine boats"}',
            b'{"id": "plus", "n": +1, "text": "Nine boats"}',
            b'{"id": "trail", "text": "Nine boats"} x',
            b'{"id": "pair", "text": "Nine \\ud83d\\ude00 boats"} \r',
        ]
        path = self.write("mixed.jsonl", b"\n".join(lines) + b"\n")
        r = self.report("--fail-on", "none", path, code=4)
        self.assertEqual([a["id"] for a in r["articles"]], ["plain", "tab", "7", "last", "pair"])
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        got = [(x["id"], x["error"], x["offset"]) for x in r["rejected"]]
        self.assertEqual(got, [
            ("mixed:5", "line 5: control character 0x1 near '\"Nine'", starts[4] + 27),
            ("mixed:6", "line 6: unable to decode byte 0xc0 near '\"Nine '", starts[5] + 28),
            ("mixed:7", "line 7: invalid escape near '\"Nine \\uZ'", starts[6] + 31),
            ("nul", "NUL byte in text", 5),
            ("mixed:9", "line 9: '[' or '{' expected near '\ufeff'", starts[8] + 3),
            ("mixed:10", "line 10: invalid token near '0'", starts[9] + 8),
            ("mixed:11", "line 11: invalid token near '+'", starts[10] + 21),
            ("mixed:12", "line 12: end of file expected near 'x'", starts[11] + 39),
        ])
        claims = sorted((c["article"], c["key"], json.dumps(c["value"])) for c in r["claims"]
                        if c["article"] in ("plain", "tab", "7"))
        self.assertEqual(len(claims), 3 * len([c for c in claims if c[0] == "plain"]))
        self.assertEqual([c[1:] for c in claims if c[0] == "plain"],
                         [c[1:] for c in claims if c[0] == "tab"])

    def test_jsonl_escapes_at_every_offset_read_as_jansson_reads_them(self):
        # the flat reader decodes a string 32 bytes a turn and each escape
        # where its turn stops: escapes at every offset of a turn, runs of
        # them, \u escapes of two and three UTF-8 bytes, and escapes in a
        # line's last 32 bytes give the articles jansson gives (a *.json
        # array of the same objects is read by jansson), ids included
        escapes = ["\n", '"', "\\", "/", "\t", "\u00e9", "\u2019", "\u20ac\u2019", "\n\n"]
        base = ("Officials said 12 boats sank on Monday, and 40 percent of the fleet "
                "was lost at sea near the port.")
        objs = []
        for k in range(80):
            e = escapes[k % len(escapes)]
            cut = k % len(base)
            objs.append({"id": "a%d%s" % (k, e if k % 5 == 0 else ""),
                         "text": base[:cut] + e + base[cut:] + e * (k % 3)})
        lines = [json.dumps(o) for o in objs]  # ensure_ascii: \u escapes
        jsonl = self.write("esc.jsonl", "\n".join(lines) + "\n")
        array = self.write("esc.json", json.dumps(objs))
        got = run("extract", jsonl)
        self.assertEqual(got[0], 0, got[2])
        self.assertEqual(got, run("extract", array))
        self.assertGreater(got[1].count(b"boats sank"), 0)
        r = self.report("--fail-on", "none", jsonl)
        self.assertEqual([a["id"] for a in r["articles"]], [o["id"] for o in objs])

    def test_jsonl_line_ends_at_every_offset(self):
        # line ends are found 64 bytes a step (claims-musl): lines of every
        # length over three steps, some ending in CRLF, the last with no
        # newline, are each one article
        objs, lines = [], []
        for k in range(150):
            o = {"id": "n%d" % k, "text": "Crews said %d boats sank." % k + "x" * (k % 70)}
            line = json.dumps(o)
            line += " " * (k * 7 % 64)  # the line's end at every offset
            objs.append(o)
            lines.append(line + ("\r" if k % 4 == 1 else ""))
        path = self.write("ends.jsonl", "\n".join(lines))
        r = self.report("--fail-on", "none", path)
        self.assertEqual([a["id"] for a in r["articles"]], [o["id"] for o in objs])
        self.assertFalse(r["rejected"])

    def test_jsonl_texts_lent_to_the_story_list_as_copies_do(self):
        # the flat reader decodes a text into chunks the story borrows; a
        # text not kept (a rejected article, one given a title apart, a
        # repeated "text") leaves its place to the next, and a text larger
        # than a chunk has one of its own: the listing is the one of a
        # *.json array of the same objects, whose texts jansson reads and
        # the library copies
        base = ("Officials said %d boats sank on Monday, and 40 percent of the fleet "
                "was lost at sea near the port.\n\"We will rebuild,\" Mayor Anna Lind said.")
        objs = []
        for k in range(60):
            o = {"id": "a%d" % k, "text": base % (k + 2)}
            if k % 7 == 3:
                o["id"] = "a1"  # a duplicate: rejected
            elif k % 7 == 5:
                o = {"text": o["text"], "id": o["id"], "title": "Harbour news %d" % k}
            elif k % 11 == 6:
                o["text"] = "  "  # empty: rejected
            if k == 20:
                o["text"] = base % 9 + " The harbour was quiet." * 50000  # over 1 MB
            objs.append(o)
        lines = [json.dumps(o) for o in objs]
        lines[9] = '{"id": "a9", "text": "first", "text": %s}' % json.dumps(base % 11)
        objs[9]["text"] = base % 11
        jsonl = self.write("lent.jsonl", "\n".join(lines) + "\n")
        array = self.write("lent.json", json.dumps(objs))
        got = run("extract", jsonl)
        self.assertEqual(got[0], 4, got[2])
        want = run("extract", array)
        self.assertTrue(got[1] == want[1])
        for k in (9, 20, 58):
            self.assertIn(b"\ta%d\t" % k, got[1])

    def test_extract_escapes_claim_texts_of_every_length(self):
        # a field of up to 32 bytes is looked at where it was copied, a
        # longer one 32 bytes a turn, its last 32 overlapping: a byte to
        # escape at any place of a quote of any length is escaped
        for n in range(4, 140, 3):
            words = ("rebuild the harbour walls and the old pier " * 4)[:n]
            lines = []
            for at in (0, n // 3, n // 2, n - 1):
                q = words[:at] + "\\" + words[at:]
                lines.append('"%s," Mayor Anna Lind said on Monday.' % q)
            path = self.write("e%d.txt" % n, "Harbour\n" + "\n".join(lines) + "\n")
            rc, out, err = run("extract", path)
            self.assertEqual(rc, 0, err)
            self.assertNotRegex(out, CONTROL)
            quoted = [l.split(b"\t")[6] for l in out.splitlines() if b"\tquote\t" in l]
            self.assertEqual(len(quoted), 4, (n, out))
            for q in quoted:
                self.assertIn(b"\\\\", q)

    def test_only_amounts_have_values_and_only_speech_speakers(self):
        # the listing asks a value, bounds and a unit only of an amount,
        # and a speaker only of a quote or a paraphrase (claims.h): the
        # report, which reads the claims themselves, agrees
        path = self.write("kinds.txt", "Harbour\n\"We will rebuild the pier by June,\" Mayor "
                          "Anna Lind said on Monday, March 3, 2025. The city has set aside more "
                          "than $4 million, about 12% of its budget, for the 300-metre wall. "
                          "Lind said the work would begin in 2026.\n")
        for r in (self.report(EXAMPLE), self.report(path)):
            kinds = set()
            for c in r["claims"]:
                kinds.add(c["kind"])
                if c["kind"] in ("date", "quote", "paraphrase"):
                    self.assertFalse(isinstance(c["value"], (int, float)), c)
                    for k in ("unit", "low", "high"):
                        self.assertNotIn(k, c)
                if c["kind"] not in ("quote", "paraphrase"):
                    self.assertIsNone(c["speaker"], c)
        self.assertEqual(kinds, {"quote", "date", "money", "percent", "measure", "paraphrase",
                                 "year"})

    def test_extract_prints_converted_values_as_printf_g15_does(self):
        # units converted and back leave a value an ulp off its decimal
        # (0.71000000000000008): the listing rounds it to 15 digits, as
        # "%.15g" does, without printf
        path = self.write("conv.txt", "Gadget\nThe new screen shows 220 pixels per inch, and "
                          "the case is 0.71 inches thick. It weighs 3.3 pounds and runs "
                          "for 7.7 hours, with 13.2 hours in standby.\n")
        rc, out, err = run("extract", path)
        self.assertEqual(rc, 0, err)
        values = [l.split(b"\t")[4] for l in out.splitlines()]
        self.assertEqual(values, [b"220 ppi", b"0.71 in", b"3.3 lb", b"7.7 hours",
                                  b"13.2 hours"])

    def test_jsonl_error_quoting_bad_bytes_is_listed_as_rejected(self):
        # the parser's message quotes the line's bytes near the error, here
        # the first byte of a BOM: escaped, the line is listed, not lost
        path = self.write("esc.jsonl", b'{"id": "ok", "text": "Nine boats sank."}\n'
                                       b'{"id": "u", "text": "bad \\u\xef\xbb\xbf0 pair"}\n')
        rc, out, err = run("check", "--format", "json", "--fail-on", "none", path)
        r = json.loads(out)
        self.assertEqual([a["id"] for a in r["articles"]], ["ok"])
        self.assertEqual(len(r["rejected"]), 1)
        self.assertIn("esc:2", r["rejected"][0]["id"])
        self.assertIn("\\xEF", r["rejected"][0]["error"])
        self.assertNotIn("\xef", err)

    def test_long_and_non_utf8_ids_are_listed_as_rejected(self):
        long_id = "x" * 300
        path = self.write("ids.jsonl", json.dumps({"id": long_id, "text": "Twelve boats sank."}))
        bad_name = os.path.join(self.tmp.encode(), b"caf\xe9.txt")
        with open(bad_name, "wb") as f:
            f.write(b"Officials said 12 boats sank.\n")
        good = os.path.join(EXAMPLE, "daily.txt")
        p = subprocess.run([CLAIMS.encode(), b"check", b"--format", b"json", path.encode(),
                            bad_name, good.encode()], capture_output=True, env=BASE_ENV)
        self.assertEqual(p.returncode, 4, p.stderr)
        r = json.loads(p.stdout)
        self.assertEqual([a["id"] for a in r["articles"]], ["daily"])
        self.assertEqual(len(r["rejected"]), 2)
        self.assertTrue(r["rejected"][0]["id"].startswith("xxxx"))
        self.assertLessEqual(len(r["rejected"][0]["id"]), 255)
        self.assertIn("255", r["rejected"][0]["error"])
        self.assertEqual(r["rejected"][1]["id"], "caf\\xE9")
        self.assertIn("UTF-8", r["rejected"][1]["error"])

    def test_json_file_is_never_one_plain_text_article(self):
        lines = "\n".join(json.dumps({"id": i, "text": "Officials said %d boats sank." % n})
                          for i, n in (("a", 12), ("b", 14)))
        r = self.report(self.write("story.json", lines))
        self.assertEqual([a["id"] for a in r["articles"]], ["a", "b"])
        r = self.report(self.write("one.json", json.dumps(
            {"id": "solo", "text": "Nine boats sank."}, indent=2)))
        self.assertEqual([a["id"] for a in r["articles"]], ["solo"])
        r = self.report(self.write("arr.json", json.dumps(
            [{"id": "p", "text": "Nine boats sank."}, {"id": "q", "text": "Six boats sank."}])))
        self.assertEqual([a["id"] for a in r["articles"]], ["p", "q"])
        r = self.report(self.write("plain.json", "Officials said 12 boats sank.\n"), code=4)
        self.assertEqual(r["articles"], [])
        self.assertEqual(r["rejected"][0]["id"], "plain")
        self.assertIn("not JSON", r["rejected"][0]["error"])

    def test_jsonl_title_is_the_title(self):
        path = self.write("t.jsonl", json.dumps({"id": "a", "title": "Ferry sinks",
                                                 "text": "Officials said 12 boats sank."}))
        r = self.report(path)
        self.assertEqual(r["articles"][0]["title"], "Ferry sinks")
        # offsets stay offsets into "text" as given
        for c in r["claims"]:
            self.assertEqual("Officials said 12 boats sank."[c["start"]:c["end"]], c["text"])

    # One story, written here for these tests: each article as (id, title, body).
    BRIDGE = (
        ("herald", "Footbridge collapse injures 14 commuters",
         "A footbridge over the canal gave way during the morning rush.\n\n"
         "Paramedics treated 14 commuters at the scene, the fire brigade said."),
        ("courier", "Canal footbridge had failed two inspections since 2021",
         "The city said the bridge had been closed to cyclists since March.\n\n"
         "Rescuers said 14 commuters were hurt when the deck dropped."),
        ("gazette", None,
         "Fourteen commuters were hurt when a canal footbridge fell on Tuesday."),
    )

    def bridge_as_text(self):
        d = self.mkdir("txt")
        for i, title, body in self.BRIDGE:
            self.write("txt/%s.txt" % i, (title + "\n" if title else "") + body + "\n")
        return d

    def bridge_as_jsonl(self, repeat_title=False):
        lines = []
        for i, title, body in self.BRIDGE:
            text = body + "\n"
            if repeat_title and title:
                text = title + "\n" + text  # a feed that repeats the title line
            lines.append(json.dumps({"id": i, "title": title, "text": text}))
        return self.write("bridge.jsonl", "\n".join(lines) + "\n")

    @staticmethod
    def claims_of(r):
        """Claims by article, kind, key and value: offsets left out."""
        return sorted((c["article"], c["kind"], c["key"], json.dumps(c["value"]), c["text"])
                      for c in r["claims"])

    @staticmethod
    def findings_of(r):
        """Findings by type, key and the values of their claims."""
        by_id = {c["id"]: c for c in r["claims"]}
        return sorted((f["type"], f["key"], tuple(sorted(
            (by_id[k]["article"], json.dumps(by_id[k]["value"]), by_id[k]["text"])
            for k in f["claims"]))) for f in r["findings"])

    def test_jsonl_title_claims_as_text_first_line(self):
        """A JSON Lines title is read for claims as a text file's first line
        is: the story as text files and as JSON Lines gives the same claims
        and findings (offsets aside)."""
        txt = self.report(self.bridge_as_text())
        jsonl = self.report(self.bridge_as_jsonl())
        self.assertEqual(self.claims_of(jsonl), self.claims_of(txt))
        self.assertEqual(self.findings_of(jsonl), self.findings_of(txt))
        # the headline figures are there, and one of them takes part in a finding
        titled = [c for c in jsonl["claims"] if c.get("within") == "title"]
        self.assertEqual(sorted((c["article"], c["text"]) for c in titled),
                         [("courier", "2021"), ("courier", "two inspections"),
                          ("herald", "14 commuters")])
        in_findings = {k for f in jsonl["findings"] for k in f["claims"]}
        self.assertTrue(any(c["id"] in in_findings for c in titled))
        # the text files' title claims count into the text: no "within"
        self.assertFalse(any("within" in c for c in txt["claims"]))

    def test_jsonl_title_claim_offsets_count_into_the_title(self):
        r = self.report(self.bridge_as_jsonl())
        arts = {i: (title, body + "\n") for i, title, body in self.BRIDGE}
        for c in r["claims"]:
            title, text = arts[c["article"]]
            within = title if c.get("within") == "title" else text
            self.assertIn(c.get("within", "text"), ("title", "text"))
            data = within.encode()
            self.assertEqual(data[c["start"]:c["end"]].decode(), c["text"])
            self.assertEqual(data[c["sentence_start"]:c["sentence_end"]].decode(),
                             c["sentence"])
        rc, out, err = run("extract", self.bridge_as_jsonl())
        self.assertEqual(rc, 0, err)
        lines = [l.split("\t") for l in out.decode().splitlines()]
        self.assertIn(["herald", "count", "title[28,40)", '"14 commuters"'],
                      [[l[1], l[2], l[5], l[6]] for l in lines])

    def test_extract_texts_are_their_spans(self):
        """Every listed claim's text is the bytes of its span, in the title
        or in the text, as claims of both come in turn within an article
        (the listing takes a text from its span)."""
        rc, out, err = run("extract", self.bridge_as_jsonl())
        self.assertEqual(rc, 0, err)
        arts = {i: (title, body + "\n") for i, title, body in self.BRIDGE}
        seen = set()
        for line in out.decode().splitlines():
            f = line.split("\t")
            title, text = arts[f[1]]
            within = title if f[5].startswith("title[") else text
            start, end = (int(x) for x in f[5][f[5].index("[") + 1:-1].split(","))
            self.assertEqual('"' + within.encode()[start:end].decode() + '"', f[6])
            seen.add((f[1], within is title))
        self.assertTrue(any(t for _, t in seen) and any(not t for _, t in seen))

    def test_jsonl_title_repeated_in_the_text_is_read_once(self):
        """A feed that also starts the text with its title line: the title's
        figures count once, in the text, as for a text file."""
        txt = self.report(self.bridge_as_text())
        rep = self.report(self.bridge_as_jsonl(repeat_title=True))
        self.assertEqual(self.claims_of(rep), self.claims_of(txt))
        self.assertEqual(self.findings_of(rep), self.findings_of(txt))
        self.assertFalse(any("within" in c for c in rep["claims"]))

    def test_jsonl_title_evidence_in_every_format(self):
        """A claim read in a title shows the title as its sentence in every
        format (TAP and JUnit show evidence of failing findings)."""
        path = self.write("flood.jsonl", "\n".join(json.dumps(x) for x in (
            {"id": "north", "title": "Storm floods 120 homes in the valley",
             "text": "Water reached the main square by noon.\n\n"
                     "The river burst its banks after two days of rain."},
            {"id": "south", "text": "The storm flooded 95 homes in the valley, the county said."},
        )) + "\n")
        r = self.report(path)
        title_ids = {c["id"] for c in r["claims"] if c.get("within") == "title"}
        self.assertTrue([f for f in r["findings"]
                         if f["type"] == "contradiction" and title_ids & set(f["claims"])])
        for fmt in ("text", "json", "markdown", "html", "tap", "junit"):
            rc, out, err = run("check", "--format", fmt, "--min-confidence", "low", path)
            self.assertEqual(rc, 1, err)
            # the title claim's sentence is the title, not bytes of the text
            self.assertIn(b"Storm floods ", out, fmt)
            self.assertIn(b"120 homes", out, fmt)
            self.assertNotIn(b"Water reached the main", out, fmt)

    # ------------------------------------------------------------ terminal safety

    def test_messages_escape_control_characters(self):
        name = "evil\x1b[31m\u202e.txt"
        path = self.write(name, b"Bad \xff byte.\n")
        bad_json = self.write("e.jsonl", json.dumps({"id": "x\x1b]0;pwned\x07", "text": ""}) + "\n"
                              + json.dumps({"id": "y", "published": "\x1b[2J", "text": "Nine boats sank."}))
        p = subprocess.run([CLAIMS, "check", "--format", "json", path, bad_json],
                           capture_output=True, env=BASE_ENV)
        self.assertEqual(p.returncode, 4)
        self.assertNotRegex(p.stderr, CONTROL)
        self.assertIn(b"\\x1B[31m", p.stderr)
        self.assertIn(b"\\u{202E}", p.stderr)
        self.assertIn(b"\\x1B]0;pwned\\x07", p.stderr)

    def test_extract_output_escapes_control_characters(self):
        path = self.write("q.txt", 'Officials said 12 boats\x1b[2J sank.\n'
                                   '"We\x07 will\trebuild the port," Mayor Anna Lind said.\n')
        rc, out, err = run("extract", path)
        self.assertEqual(rc, 0, err)
        self.assertNotRegex(out, CONTROL)
        for line in out.decode().splitlines():
            self.assertGreaterEqual(len(line.split("\t")), 7, line)

    def test_extract_output_escapes_del_and_backslash_amid_plain_text(self):
        # long plain runs go eight bytes at a time: a DEL or a backslash
        # anywhere in one is still escaped
        path = self.write("d.txt", '"Rebuilding the harbour walls\x7f will take years '
                                   'and a C:\\ports budget," Mayor Anna Lind said.\n')
        rc, out, err = run("extract", path)
        self.assertEqual(rc, 0, err)
        self.assertNotRegex(out, CONTROL)
        self.assertIn(b"walls\\x7F will", out)
        self.assertIn(b"C:\\\\ports", out)

    # ------------------------------------------------------------ extract

    def test_extract_accepts_what_check_does_and_numbers_claims_alike(self):
        rc, out, err = run("extract", EXAMPLE)
        self.assertEqual(rc, 0, err)
        rc2, rep, _ = run("check", "--format", "json", EXAMPLE)
        r = json.loads(rep)
        got = [line.split("\t")[:3] for line in out.decode().splitlines()]
        want = [[c["id"], c["article"], c["kind"]] for c in r["claims"]]
        self.assertEqual(got, want)
        self.assertEqual({g[1] for g in got}, {"daily", "weekly", "wire"})
        rc, out, err = run("extract", "-", stdin=b"Headline here\nSeven ships left port.\n")
        self.assertEqual(rc, 0, err)
        self.assertIn(b"\tstdin\t", out)

    # ------------------------------------------------------------ lexicons

    def test_lexicon_list(self):
        rc, out, err = run("lexicon", "--list")
        self.assertEqual(rc, 0, err)
        text = out.decode()
        self.assertIn("[concept]", text)
        self.assertRegex(text, r"(?m)^drone = drone, drones")
        self.assertIn("# file: concepts.lex", text)
        self.assertNotRegex(text, r"(?m)^#(?! file: )")  # comments left out
        rc, out, _ = run("lexicon", "--list", "--section", "month")
        self.assertEqual(rc, 0)
        lines = out.decode().splitlines()
        self.assertEqual(lines[0], "[month]")
        self.assertTrue(all(" = " in l for l in lines[1:]))
        self.assertEqual(run("lexicon", "--list", "--section", "nosuch")[0], 2)

    def lexicon_story(self):
        lex = self.write("gizmo.lex", "[concept]\nwidget = gizmo, gizmos\n")
        art = self.write("g.txt", "Officials said twelve gizmos were bought on Monday.\n")
        return lex, art

    def keys(self, *args, env=None):
        rc, out, err = run("check", "--format", "json", "--fail-on", "none", *args, env=env)
        self.assertEqual(rc, 0, err)
        return [c["key"] for c in json.loads(out)["claims"] if c["kind"] == "count"]

    def test_lexicon_from_environment(self):
        lex, art = self.lexicon_story()
        self.assertEqual(self.keys(art), ["count/gizmo/buy"])
        env = {"CLAIMS_LEXICON": ":" + lex + ":"}  # empty elements are ignored
        self.assertEqual(self.keys(art, env=env), ["count/widget/buy"])
        self.assertEqual(self.keys("--no-config", art, env=env), ["count/gizmo/buy"])
        rc, _, err = run("check", art, env={"CLAIMS_LEXICON": lex + ":/nonexistent.lex"})
        self.assertEqual(rc, 2)
        self.assertIn("/nonexistent.lex", err)
        self.assertIn("CLAIMS_LEXICON", err)

    def test_lexicon_from_config_file(self):
        lex, art = self.lexicon_story()
        conf = self.mkdir("conf/claims")
        with open(os.path.join(conf, "lexicons"), "w") as f:
            f.write("# newsroom lexicons\n\n../../gizmo.lex\n")
        env = {"XDG_CONFIG_HOME": os.path.join(self.tmp, "conf")}
        self.assertEqual(self.keys(art, env=env), ["count/widget/buy"])
        self.assertEqual(self.keys("--no-config", art, env=env), ["count/gizmo/buy"])
        # CLAIMS_LEXICON, when set, replaces the config file
        env2 = dict(env, CLAIMS_LEXICON="")
        self.assertEqual(self.keys(art, env=env2), ["count/gizmo/buy"])
        rc, out, _ = run("lexicon", "--files", env=env)
        self.assertEqual(rc, 0)
        self.assertIn("gizmo.lex", out.decode())

    def test_lexicon_bom_and_check(self):
        _, art = self.lexicon_story()
        bom = self.write("bom.lex", b"\xef\xbb\xbf[concept]\nwidget = gizmo, gizmos\n")
        self.assertEqual(self.keys("--lexicon", bom, art), ["count/widget/buy"])
        bad = self.write("bad.lex", "[concept]\nwidget = gizmo\nnot an entry\n")
        rc, _, err = run("lexicon", "--check", bom, bad)
        self.assertEqual(rc, 2)
        self.assertIn("bad.lex:3:", err)
        self.assertEqual(run("lexicon", "--check", bom)[0], 0)

    # ------------------------------------------------------------ batch

    def stories_dir(self):
        root = self.mkdir("stories")
        for story, texts in (("quake", ["Officials said 40 people died on Monday.",
                                         "Officials said 45 people died on Monday."]),
                             ("port", ["Officials said 12 boats sank.",
                                       "Officials said 12 boats sank."]),
                             ("bad", [b"Broken \xff text.", "Officials said nine boats sank."])):
            self.mkdir("stories/" + story)
            for i, t in enumerate(texts):
                self.write("stories/%s/a%d.txt" % (story, i), t)
        self.write("stories/loose.txt", "Not in a story folder.")
        return root

    def test_batch_story_folders(self):
        root = self.stories_dir()
        out = os.path.join(self.tmp, "out")
        rc, stdout, err = run("batch", "-f", "json", "-d", out, root)
        self.assertEqual(rc, 5, err)  # a contradiction (quake) and a rejected input (bad)
        self.assertIn("loose.txt: neither a story folder", err)
        self.assertEqual(sorted(os.listdir(out)),
                         ["_summary.json", "bad.json", "port.json", "quake.json"])
        with open(os.path.join(out, "_summary.json")) as f:
            s = json.load(f)
        self.assertEqual(s["stories"], 3)
        self.assertEqual(s["articles"], 5)
        self.assertEqual(s["rejected"], 1)
        self.assertEqual(s["failing_stories"], ["quake"])
        self.assertEqual(s["stories_with_rejected_inputs"], ["bad"])
        self.assertEqual(set(s["findings"]), {"agreement", "contradiction", "variant",
                                              "compatible", "update"})
        self.assertGreaterEqual(s["findings"]["contradiction"], 1)
        self.assertEqual([x["story"] for x in s["reports"]], ["bad", "port", "quake"])
        self.assertEqual([x["exit"] for x in s["reports"]], [4, 0, 1])
        with open(os.path.join(out, "quake.json")) as f:
            q = json.load(f)
        self.assertEqual(len(q["articles"]), 2)
        self.assertIn("3 stories", stdout.decode())
        self.assertIn("failing stories: 1", stdout.decode())

    def test_batch_jsonl_and_jobs_give_identical_output(self):
        lines = []
        for k in range(12):
            for i in range(3):
                lines.append(json.dumps({"story": "s/%d" % k if k % 2 else k, "id": "a%d" % i,
                                         "text": "Officials said %d people died in the quake."
                                                 % (40 + (i == 2) * (k % 3))}))
        lines.append(json.dumps({"id": "orphan", "text": "No story."}))
        path = self.write("all.jsonl", "\ufeff" + "\n".join(lines))
        outs = []
        for j in ("1", "2", "3"):
            out = os.path.join(self.tmp, "out" + j)
            rc, stdout, err = run("batch", "-j", j, "--format", "tap", "-d", out, path)
            self.assertEqual(rc, 5, err)
            self.assertIn("all.jsonl:37: no \"story\" field", err)
            files = {}
            for name in sorted(os.listdir(out)):
                with open(os.path.join(out, name), "rb") as f:
                    files[name] = f.read()
            outs.append((stdout.replace(out.encode(), b"OUT"), files))
        self.assertEqual(outs[0], outs[1])
        self.assertEqual(outs[0], outs[2])
        files = outs[0][1]
        self.assertEqual(len(files), 13)
        self.assertIn("s%2F1.tap", files)
        self.assertIn("0.tap", files)
        s = json.loads(files["_summary.json"])
        self.assertEqual(s["unassigned_lines"], 1)
        self.assertEqual(s["articles"], 36)

    def test_batch_feed_lines_of_every_reader(self):
        # The plan reads each line's "story" with the reader that reads the
        # line (the flat reader, yajl for nested values, jansson for
        # numbers and errors); the story's worker reads it again. Every
        # line lands in its story or is named on stderr, with jansson's
        # words for bad ones.
        lines = [
            r'{"story": "mill", "id": "m1", "text": "The mill hired 40 workers.\nIt opened in 1998."}',
            r'{"story": "mill", "meta": {"desk": ["city", null]}, "id": "m2", "text": "The mill hired 45 workers."}',
            r'{"story": "mill", "meta": {"n": [1]}, "id": "m3", "text": "The mill hired \u0034\u0030 workers."}',
            r'{"story": 7, "id": "n1", "text": "Seven ferries were ordered in 2019."}',
            r'{"story": "caf\u00e9", "id": "c1", "text": "The caf\u00e9 sold 300 cups."}',
            r'{"st\u006fry": "mill", "id": "k1", "text": "A key with an escape: 9 trucks."}',
            r'{"story": "", "id": "e1", "text": "An empty story."}',
            r'{"story": null, "id": "z1", "text": "A null story."}',
            r'{"story": {"a": "b"}, "id": "o1", "text": "An object story."}',
            r'{"id": "none", "text": "No story at all."}',
            r'{"story": "bad\u0000nul", "id": "b1", "text": "A NUL in the story."}',
            "not json",
            "[1, 2]",
            r'{"story": "mill", "id": "t1", "text": "tail"} x',
            r'{"story": "mill", "id": "m1", "text": "The same id again, 50 workers."}',
        ]
        path = self.write("feed.jsonl", "\n".join(lines) + "\n")
        out = os.path.join(self.tmp, "out")
        rc, _, err = run("batch", "-j", "2", "-f", "json", "-d", out, path)
        self.assertEqual(rc & 4, 4, err)
        for n, msg in ((7, '"story" must be a non-empty string or an integer'),
                       (8, '"story" must be a non-empty string or an integer'),
                       (9, '"story" must be a non-empty string or an integer'),
                       (10, 'no "story" field'),
                       (11, '"story" must be a non-empty string or an integer'),
                       (12, "'[' or '{' expected near 'not'"),
                       (13, "not a JSON object"),
                       (14, "end of file expected near 'x'")):
            self.assertIn("feed.jsonl:%d: %s" % (n, msg), err)
        self.assertIn("duplicate id", err)
        with open(os.path.join(out, "_summary.json")) as f:
            s = json.load(f)
        self.assertEqual(s["unassigned_lines"], 8)
        self.assertEqual([x["story"] for x in s["reports"]], ["mill", "7", "caf\u00e9"])
        with open(os.path.join(out, "mill.json")) as f:
            mill = json.load(f)
        self.assertEqual([a["id"] for a in mill["articles"]], ["m1", "m2", "m3", "k1"])
        self.assertEqual(len(mill["rejected"]), 1)
        values = sorted(c["value"] for c in mill["claims"] if c["kind"] == "count")
        self.assertIn(40, values)
        self.assertEqual(values.count(40), 2)  # "\u0034\u0030" decodes to "40"

    def test_batch_report_names_are_unique_and_safe(self):
        names = ["a" * 300 + "1", "a" * 300 + "2", ".hidden", "_summary", "../up", "x\x1b"]
        path = self.write("n.jsonl", "\n".join(
            json.dumps({"story": n, "id": "a", "text": "Officials said 4 people died."})
            for n in names))
        out = os.path.join(self.tmp, "out")
        rc, _, err = run("batch", "-f", "json", "-d", out, path)
        self.assertEqual(rc, 0, err)
        files = sorted(os.listdir(out))
        self.assertEqual(len(files), len(names) + 1)
        self.assertIn("_summary.json", files)
        self.assertTrue(all(not f.startswith(".") for f in files))
        self.assertNotRegex("".join(files), "[/\x00-\x1f]")
        with open(os.path.join(out, "_summary.json")) as f:
            s = json.load(f)
        self.assertEqual([r["story"] for r in s["reports"]], names)
        self.assertEqual(len({r["report"] for r in s["reports"]}), len(names))

    def test_batch_folder_name_not_utf8(self):
        root = self.mkdir("st")
        bad = os.path.join(root.encode(), b"caf\xe9")
        os.mkdir(bad)
        with open(os.path.join(bad, b"a.txt"), "wb") as f:
            f.write(b"Officials said 4 people died.\n")
        out = os.path.join(self.tmp, "out")
        p = subprocess.run([CLAIMS, "batch", "-d", out, root], capture_output=True, env=BASE_ENV)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(os.path.join(out, "_summary.json")) as f:
            s = json.load(f)
        self.assertEqual(s["reports"][0]["story"], "caf\\xE9")
        self.assertEqual(os.listdir(out.encode()).count(b"caf%E9.txt"), 1)

    def test_batch_folder_of_jsonl_files(self):
        root = self.mkdir("feeds")
        for name, n in (("quake", 45), ("port", 40)):
            self.write("feeds/%s.jsonl" % name, "\n".join(
                json.dumps({"id": i, "text": "Officials said %d people died." % v})
                for i, v in (("a", 40), ("b", n))))
        self.mkdir("feeds/port")  # a folder with a story name already read
        self.write("feeds/port/c.txt", "Officials said 40 people died.")
        self.write("feeds/notes.md", "x")
        out = os.path.join(self.tmp, "out")
        rc, stdout, err = run("batch", "-f", "json", "-d", out, root)
        self.assertEqual(rc, 5, err)  # quake contradicts; a story name read twice
        self.assertRegex(err, r"skipped [^\n]*feeds/port\.jsonl: the story port is already read")
        self.assertIn("notes.md: neither a story folder", err)
        with open(os.path.join(out, "_summary.json")) as f:
            s = json.load(f)
        self.assertEqual([r["story"] for r in s["reports"]], ["port", "quake"])
        self.assertEqual([r["articles"] for r in s["reports"]], [1, 2])
        self.assertEqual(s["skipped_stories"], 1)
        self.assertEqual(s["failing_stories"], ["quake"])

    def test_batch_progress_only_on_a_terminal(self):
        root = self.stories_dir()
        rc, _, err = run("batch", "-d", os.path.join(self.tmp, "o1"), root)
        self.assertNotIn("\r", err)
        pid, fd = pty.fork()
        if pid == 0:
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os.execve(CLAIMS, [CLAIMS, "batch", "-d", os.path.join(self.tmp, "o2"), root],
                      BASE_ENV)
        data = b""
        while True:
            try:
                r, _, _ = select.select([fd], [], [], 30)
                chunk = os.read(fd, 4096) if r else b""
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 5)
        self.assertIn(b"\rclaims batch: 3/3 stories", data)

    def test_batch_usage_errors(self):
        root = self.stories_dir()
        self.assertEqual(run("batch", root)[0], 2)  # no --output-dir
        empty = self.mkdir("nostories")
        rc, _, err = run("batch", "-d", os.path.join(self.tmp, "o"), empty)
        self.assertEqual(rc, 2)
        self.assertIn("nothing read", err)
        blocker = self.write("file", "x")
        rc, _, err = run("batch", "-d", blocker, root)
        self.assertEqual(rc, 2)


if __name__ == "__main__":
    CLAIMS = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
