#!/usr/bin/env python3
"""Precision and recall of libclaims' findings against gen_story.py's
ground truth.

usage:
  quality.py CLAIMS_EXE [--stories K] [--articles N] [--seed S]
      generates K stories (beats in rotation) of N articles each, runs
      `CLAIMS_EXE check --format json` on each, and scores the reports.
  quality.py --report REPORT.json --truth TRUTH.json
      scores one report.

Scoring (per story, then summed):
  - a claim belongs to a fact when its span overlaps the fact's value span
    in that article (the truth file records the spans);
  - mention recall: fact mentions covered by at least one claim;
  - a contradiction finding is a true positive when all its claims belong
    to one contested fact and they include an article with the true value
    and one with the wrong value; any other contradiction is a false
    positive. Contradiction recall: contested facts with at least one true
    positive finding;
  - agreement recall: facts told with the same value by two or more
    articles that get an agreement finding whose claims all belong to them.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def score(report, truth):
    mentions = {}  # article -> list of (start, end, fact index)
    for fi, f in enumerate(truth["facts"]):
        for art, (s, e) in f["spans"].items():
            mentions.setdefault(art, []).append((s, e, fi))
    claims = {}
    for c in report["claims"]:
        fact = None
        for s, e, fi in mentions.get(c["article"], []):
            if c["start"] < e and s < c["end"]:
                fact = fi
                break
        claims[c["id"]] = (c["article"], fact)
    covered = set()
    for art, fact in claims.values():
        if fact is not None:
            covered.add((art, fact))
    n_mentions = sum(len(v) for v in mentions.values())
    out = dict(mentions=n_mentions, mentions_found=len(covered), tp=0, fp=0,
               contested=0, contested_found=0, agree_facts=0, agree_found=0, fp_keys=[])
    contested = {fi for fi, f in enumerate(truth["facts"]) if f["contested"]}
    out["contested"] = len(contested)
    found = set()
    agreed = set()
    for f in report["findings"]:
        members = [claims.get(cid, (None, None)) for cid in f["claims"]]
        facts = {m[1] for m in members}
        fi = next(iter(facts)) if len(facts) == 1 else None
        if f["type"] == "contradiction":
            ok = False
            if fi is not None and fi in contested:
                arts = {m[0] for m in members}
                t = truth["facts"][fi]
                ok = bool(arts & set(t["true_articles"])) and bool(arts & set(t["wrong_articles"]))
            if ok:
                out["tp"] += 1
                found.add(fi)
            else:
                out["fp"] += 1
                if len(out["fp_keys"]) < 5:
                    out["fp_keys"].append(f["key"])
        elif f["type"] == "agreement" and fi is not None:
            agreed.add(fi)
    out["contested_found"] = len(found)
    agree_facts = {fi for fi, f in enumerate(truth["facts"]) if len(f["true_articles"]) >= 2}
    out["agree_facts"] = len(agree_facts)
    out["agree_found"] = len(agree_facts & agreed)
    return out


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def summarize(total):
    p = ratio(total["tp"], total["tp"] + total["fp"])
    r = ratio(total["contested_found"], total["contested"])
    print(f"mention recall:        {total['mentions_found']}/{total['mentions']}"
          f" = {ratio(total['mentions_found'], total['mentions'])}")
    print(f"contradiction findings: {total['tp']} true, {total['fp']} false"
          f" -> precision {p}")
    print(f"contested facts found:  {total['contested_found']}/{total['contested']}"
          f" -> recall {r}")
    print(f"agreements found:       {total['agree_found']}/{total['agree_facts']}"
          f" -> recall {ratio(total['agree_found'], total['agree_facts'])}")
    if total["fp_keys"]:
        print("some false-positive keys:", ", ".join(total["fp_keys"][:8]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claims", nargs="?")
    ap.add_argument("--stories", type=int, default=20)
    ap.add_argument("--articles", type=int, default=8)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--report")
    ap.add_argument("--truth")
    args = ap.parse_args()
    if args.report:
        with open(args.report, encoding="utf-8") as f:
            rep = json.load(f)
        with open(args.truth, encoding="utf-8") as f:
            tr = json.load(f)
        summarize(score(rep, tr))
        return 0
    if not args.claims:
        ap.error("give CLAIMS_EXE or --report/--truth")
    total = None
    with tempfile.TemporaryDirectory(prefix="claims-quality.") as tmp:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_story.py"), "--stories",
                        str(args.stories), "--articles", str(args.articles), "--beat",
                        "rotate", "--seed", str(args.seed), "--outdir", tmp], check=True)
        for k in range(args.stories):
            base = os.path.join(tmp, f"story_{k:03d}")
            proc = subprocess.run([args.claims, "check", "--format", "json", "--fail-on",
                                   "none", base + ".jsonl"], capture_output=True)
            if proc.returncode != 0:
                print(f"story {k}: claims exited {proc.returncode}: "
                      f"{proc.stderr.decode(errors='replace')[:300]}", file=sys.stderr)
                return 1
            rep = json.loads(proc.stdout)
            with open(base + ".truth.json", encoding="utf-8") as f:
                tr = json.load(f)
            s = score(rep, tr)
            if total is None:
                total = s
            else:
                for key, v in s.items():
                    total[key] = total[key] + v
    print(f"== quality: {args.stories} stories x {args.articles} articles "
          f"(seed {args.seed}, beats in rotation)")
    summarize(total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
