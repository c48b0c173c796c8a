#!/usr/bin/env python3
"""How much `claims batch` gains from running stories in parallel: times it
on generated stories with -j 1 and with -j N (default: the online cores),
checks the two runs wrote identical reports, and prints the speed-up.

usage: batch_speedup.py CLAIMS_EXE [--stories 1000] [--articles 5] [--jobs N]
                        [--repeat 3]
Stories come from gen_story.py (synthetic, deterministic), joined into one
JSON Lines file with a "story" field, as a newsroom feed would hold them.
"""
import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_batch(claims, feed, out, jobs):
    t = time.perf_counter()
    p = subprocess.run([claims, "batch", "--quiet", "--no-config", "--format", "json",
                        "--fail-on", "none", "-j", str(jobs), "-d", out, feed],
                       capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"claims batch -j {jobs} exited {p.returncode}: {p.stderr[-500:]}")
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claims")
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="claims-batch.") as tmp:
        gen = os.path.join(tmp, "gen")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_story.py"), "--stories",
                        str(args.stories), "--articles", str(args.articles), "--beat", "rotate",
                        "--outdir", gen], check=True, stdout=subprocess.DEVNULL)
        feed = os.path.join(tmp, "feed.jsonl")
        size = 0
        with open(feed, "w", encoding="utf-8") as out:
            for name in sorted(os.listdir(gen)):
                if not name.endswith(".jsonl"):
                    continue
                story = name[:-len(".jsonl")]
                with open(os.path.join(gen, name), encoding="utf-8") as f:
                    for line in f:
                        if line.strip():
                            obj = json.loads(line)
                            obj["story"] = story
                            out.write(json.dumps(obj) + "\n")
        size = os.path.getsize(feed)
        times = {}
        for jobs in (1, args.jobs):
            best = None
            for r in range(args.repeat):
                t = run_batch(args.claims, feed, os.path.join(tmp, f"out{jobs}"), jobs)
                best = t if best is None else min(best, t)
            times[jobs] = best
        a, b = os.path.join(tmp, "out1"), os.path.join(tmp, f"out{args.jobs}")
        names = sorted(os.listdir(a))
        if names != sorted(os.listdir(b)) or filecmp.cmpfiles(a, b, names, shallow=False)[1:] != ([], []):
            sys.exit("the -j 1 and -j N reports differ")
        print(f"claims batch: {args.stories} stories of {args.articles} articles "
              f"({size / 1e6:.1f} MB of JSON Lines), best of {args.repeat}")
        print(f"  -j 1: {times[1]:.2f} s")
        print(f"  -j {args.jobs}: {times[args.jobs]:.2f} s")
        print(f"  speed-up: {times[1] / times[args.jobs]:.2f}x on {args.jobs} workers "
              f"({os.cpu_count()} online cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
