#!/usr/bin/env python3
"""Runs bench/bench on a 100,000-article synthetic corpus, generating the
corpus first when it is missing (so that plain builds never pay for it).

usage: run_speed.py BENCH_EXE CORPUS_PATH [bench options...]
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    exe, corpus = sys.argv[1], sys.argv[2]
    if not os.path.exists(corpus):
        print(f"generating {corpus} (100,000 articles)...", flush=True)
        tmp = corpus + ".tmp"
        subprocess.run([sys.executable, os.path.join(HERE, "gen_story.py"), "--articles",
                        "100000", "--seed", "1", "--format", "plain", "--out", tmp],
                       check=True)
        os.replace(tmp, corpus)
    return subprocess.run([exe] + sys.argv[3:] + [corpus]).returncode


if __name__ == "__main__":
    sys.exit(main())
