#!/usr/bin/env python3
"""Speed and memory of `claims` on real news: any folder of plain-text
articles (the real-news development set, ../realnews, built as
../shared/realnews/README.md says), repeated to a size.

usage: realnews_speed.py CLAIMS FOLDER [--mb 20] [--runs 5] [--startup-runs 21]
                         [--baseline CLAIMS_OLD] [--quick]

Prints, for each binary (the baseline first, measured in the same run):
  - `claims extract` throughput on FOLDER's texts repeated to --mb MB, one
    JSON Lines feed (median of --runs, MB/s of wall time and of CPU time);
  - the library alone (segmentation and the extractors, no reading or
    printing): `bench --extract-only` of the same build (BUILD/bench/bench
    beside BUILD/claims) on the same texts, MB/s, when it is built;
  - instructions per byte of `claims extract` on a 2 MB slice, and its
    mispredicted branches per KB in cachegrind's branch simulation, when
    valgrind is installed (callgrind counts are repeatable);
  - peak memory (max RSS) of `claims check` on one long article (the texts
    joined to 4 MB), as a multiple of its size;
  - peak memory of `claims check` on one story of 1,000, 10,000 and
    100,000 real articles (FOLDER's texts repeated, distinct ids, one JSON
    Lines file) and on the synthetic 100,000-article story of gen_story.py
    (seed 1), each as a multiple of the bytes of its texts, with the
    run's wall time; --quick leaves out both 100,000-article stories;
  - start-up: CPU time of `claims check` on one small article (median of
    --startup-runs), and beside it that of a program that does nothing,
    linked as claims is (BUILD/bench/startup_floor, when built): what
    exec alone costs on this machine, the floor of any start-up figure;
    the same for BUILD/claims-musl (linked against musl) and its floor
    (BUILD/bench/startup_floor_musl) where they are built.
The binaries' timed runs are interleaved so that both see the same load,
the order reversed every other round.
Nothing here asserts on time.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def texts_of(folder):
    out = []
    for root, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if name.endswith(".txt"):
                with open(os.path.join(root, name), "rb") as f:
                    out.append(f.read())
    if not out:
        sys.exit(f"realnews_speed: no .txt file under {folder}")
    return out


def write_corpus(texts, target, path):
    """One JSON Lines file of articles, the texts repeated until `target`
    bytes of text (every version of `claims extract` reads it)."""
    total, i = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while total < target:
            t = texts[i % len(texts)]
            f.write(json.dumps({"id": f"a{i:06d}", "text": t.decode("utf-8")}) + "\n")
            total += len(t)
            i += 1
    return total


def write_story(texts, n, path):
    """One story of n articles, FOLDER's texts in turn with distinct ids,
    as one JSON Lines file (`claims check` reads it as one story, about as
    fast as a folder of n files, and through yajl: no number in a line).
    Returns the bytes of the texts."""
    total = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            t = texts[i % len(texts)]
            f.write(json.dumps({"id": f"r{i:06d}", "text": t.decode("utf-8")},
                               ensure_ascii=False) + "\n")
            total += len(t)
    return total


def synthetic_story(n, path):
    """gen_story.py's story of n articles (seed 1, mixed beats), as JSON
    Lines. Returns the bytes of its texts."""
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "gen_story.py"), "--articles", str(n),
                    "--seed", "1", "--format", "jsonl", "--out", path], check=True)
    with open(path, encoding="utf-8") as f:
        return sum(len(json.loads(line)["text"].encode("utf-8")) for line in f)


def no_config(claims):
    """The option that keeps a user's lexicon config out, where it exists."""
    p = subprocess.run([claims, "--help"], capture_output=True, text=True)
    return ["--no-config"] if "--no-config" in p.stdout + p.stderr else []


# GNU time (Debian's `time` package), when installed, reads a child's peak
# RSS where this script cannot: a child Python starts shares Python's
# memory until it execs (vfork), and the kernel keeps that as the child's
# peak, so os.wait4 gives at least this script's own RSS (about 15 MB, more
# than a small story's whole peak). /usr/bin/time's child is forked from
# a small program.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def child_run(cmd, rss_by_time=True):
    """Wall time, CPU time and max RSS (bytes) of one run of cmd. The
    figures are this child's own (os.wait4; RUSAGE_CHILDREN's max RSS is
    the largest of every child so far), its peak RSS through GNU time
    where installed (see GNU_TIME) unless rss_by_time is false (start-up:
    time's own CPU would count)."""
    use_time = GNU_TIME and rss_by_time
    with tempfile.NamedTemporaryFile(suffix=".rss") as rss_out:
        run = [GNU_TIME, "-f", "%M", "-o", rss_out.name, *cmd] if use_time else cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(run, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode not in (0, 1, 4, 5):
            sys.exit(f"realnews_speed: {' '.join(cmd)} exited {p.returncode}")
        cpu = ru.ru_utime + ru.ru_stime
        rss = ru.ru_maxrss * 1024
        if use_time:
            with open(rss_out.name) as f:
                rss = int(f.read().split()[-1]) * 1024
    return wall, cpu, rss


def instructions(cmd):
    if not shutil.which("valgrind"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}",
                            *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in p.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1].strip())
    return None


def mispredicts(cmd):
    """Mispredicted branches of cmd in cachegrind's branch simulation (a
    simple predictor's, deterministic): time follows them as much as
    instructions on this machine."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        p = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--branch-sim=yes",
                            f"--cachegrind-out-file={out.name}", *cmd],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in p.stderr.splitlines():
            if "Mispredicts:" in line:
                return int(line.split(":")[1].split()[0].replace(",", ""))
    return None


def bench_of(claims):
    """The build's bench program beside its claims (BUILD/bench/bench), or
    None: it measures the library alone (segmentation and extractors)."""
    b = os.path.join(os.path.dirname(os.path.abspath(claims)), "bench", "bench")
    return b if os.access(b, os.X_OK) else None


def floor_of(claims, name="startup_floor"):
    """The build's do-nothing program (BUILD/bench/startup_floor), or None."""
    b = os.path.join(os.path.dirname(os.path.abspath(claims)), "bench", name)
    return b if os.access(b, os.X_OK) else None


def musl_of(claims):
    """The build's claims-musl beside its claims (meson.build), or None."""
    b = os.path.join(os.path.dirname(os.path.abspath(claims)), "claims-musl")
    return b if os.access(b, os.X_OK) else None


def library_mbs(bench, corpus):
    """bench --extract-only's median MB/s of segmentation + extractors, of
    wall time and of CPU time (None where this bench does not print it)."""
    p = subprocess.run([bench, "--extract-only", corpus], capture_output=True, text=True)
    wall = cpu = None
    for line in p.stdout.splitlines():
        if "segment + extractors:" in line:
            wall = float(line.split("MB/s")[0].split()[-1])
        elif "its CPU time:" in line:
            cpu = float(line.split("MB/s")[0].split()[-1])
    return wall, cpu


def measure(binaries, work, work_rs, size, slice_dir, slice_size, long_file, long_size, stories,
            runs, startup_runs, small):
    """Every measure for every binary, as {name: {measure: value}}. Timed
    runs are interleaved (old, new, old, new...) so that both binaries see
    the same load on a shared machine."""
    nc = {name: no_config(claims) for name, claims in binaries}
    r = {name: {} for name, _ in binaries}

    def in_turn(t):
        """The binaries in round t's order: reversed every other round, so
        that neither is always the one run first (on this VM the second of
        two runs measured some percent slower)."""
        return binaries if t % 2 == 0 else binaries[::-1]

    def each(args_of, times, rss_by_time=True):
        out = {name: [] for name, _ in binaries}
        for t in range(times):
            for name, claims in in_turn(t):
                out[name].append(child_run([claims, *args_of(name)], rss_by_time))
        return out

    ext = each(lambda n: ["extract", *nc[n], work], runs)
    for name, _ in binaries:
        r[name]["extract MB/s"] = size / statistics.median(w for w, _, _ in ext[name]) / 1e6
        r[name]["extract MB/s of CPU time"] = size / statistics.median(
            c for _, c, _ in ext[name]) / 1e6
    # the library alone, without the CLI's reading and printing: bench's
    # median of 5 (the binaries in turn, three times; the median of those)
    lib = {name: [] for name, _ in binaries}
    for t in range(3):
        for name, claims in in_turn(t):
            b = bench_of(claims)
            lib[name].append(library_mbs(b, work_rs) if b else (None, None))
    for name, _ in binaries:
        for k, label in enumerate(["library alone MB/s", "library alone MB/s of CPU time"]):
            got = [v[k] for v in lib[name] if v[k] is not None]
            r[name][label] = statistics.median(got) if got else None
    for name, claims in binaries:
        ins = instructions([claims, "extract", *nc[name], slice_dir])
        r[name]["instructions/byte"] = ins / slice_size if ins else None
        mis = mispredicts([claims, "extract", *nc[name], slice_dir])
        r[name]["mispredicts/KB (simulated)"] = mis / slice_size * 1000 if mis else None
    for label, path, text_bytes in [("one long article", long_file, long_size)] + stories:
        runs_of = each(lambda n: ["check", *nc[n], "--fail-on", "none", path], 1)
        for name, _ in binaries:
            wall, _, rss = runs_of[name][0]
            r[name][f"peak RSS, {label}"] = rss / text_bytes
            if label != "one long article":
                r[name][f"  wall s, {label}"] = wall
    # start-up, each round's runs followed by one of the do-nothing
    # program of the same build, so that both see the same load
    # and the same for claims-musl and a do-nothing program linked as it is
    # (BUILD/bench/startup_floor_musl), where built
    kinds = [("", lambda c: c, "startup_floor"), (", claims-musl", musl_of, "startup_floor_musl")]
    su = {(name, k): [] for name, _ in binaries for k, _, _ in kinds}
    floor = {(name, k): [] for name, _ in binaries for k, _, _ in kinds}
    for t in range(startup_runs):
        for name, claims in in_turn(t):
            for k, exe_of, floor_name in kinds:
                exe = exe_of(claims)
                if not exe:
                    continue
                su[name, k].append(child_run([exe, "check", *nc[name], "--fail-on", "none", small],
                                             False))
                f = floor_of(claims, floor_name)
                if f:
                    floor[name, k].append(child_run([f], False))
    for name, _ in binaries:
        for k, _, _ in kinds:
            if k and not any(su[n, k] for n, _ in binaries):
                continue
            ms = lambda runs: statistics.median(c for _, c, _ in runs) * 1000 if runs else None
            r[name][f"start-up CPU ms{k}"] = ms(su[name, k])
            r[name][f"  an empty program's, ms{k}"] = ms(floor[name, k])
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claims")
    ap.add_argument("folder")
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--startup-runs", type=int, default=21)
    ap.add_argument("--baseline")
    ap.add_argument("--quick", action="store_true",
                    help="leave out the two 100,000-article stories")
    a = ap.parse_args()
    if not os.path.isdir(a.folder):
        print(f"realnews_speed: no folder {a.folder} (build the real-news texts first)")
        return 77
    texts = texts_of(a.folder)
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "corpus.jsonl")
        size = write_corpus(texts, int(a.mb * 1e6), work)
        # the same texts as bench.c reads a corpus: each followed by a line
        # holding only 0x1E
        work_rs = os.path.join(tmp, "corpus.rs")
        with open(work_rs, "wb") as f:
            total, i = 0, 0
            while total < int(a.mb * 1e6):
                t = texts[i % len(texts)]
                f.write(t + b"\n\x1e\n")
                total += len(t)
                i += 1
        slice_dir = os.path.join(tmp, "slice.jsonl")
        slice_size = write_corpus(texts, 2_000_000, slice_dir)
        long_file = os.path.join(tmp, "long.txt")
        long_size = 0
        with open(long_file, "wb") as f:
            while long_size < 4_000_000:
                for t in texts:
                    f.write(t.replace(b"\n\n", b"\n") + b"\n\n")
                    long_size += len(t) + 2
        small = os.path.join(tmp, "small.txt")
        with open(small, "wb") as f:
            f.write(min(texts, key=len))
        stories = []
        for n in (1_000, 10_000) + (() if a.quick else (100_000,)):
            path = os.path.join(tmp, f"story{n}.jsonl")
            stories.append((f"{n:,} real articles", path, write_story(texts, n, path)))
        if not a.quick:
            path = os.path.join(tmp, "synthetic100000.jsonl")
            stories.append(("100,000 synthetic", path, synthetic_story(100_000, path)))
        binaries = ([("baseline", a.baseline)] if a.baseline else []) + [("this build", a.claims)]
        results = list(measure(binaries, work, work_rs, size, slice_dir, slice_size, long_file,
                               long_size, stories, a.runs, a.startup_runs, small).items())
    print(f"real news: {len(texts)} texts from {a.folder}, repeated to {size / 1e6:.1f} MB;"
          f" peak RSS as a multiple of the text bytes ({long_size / 1e6:.1f} MB for the long"
          f" article; stories: "
          + ", ".join(f"{name} {b / 1e6:.1f} MB" for name, _, b in stories) + ")")
    keys = list(results[0][1])
    print(f"{'measure':36}" + "".join(f"{n:>14}" for n, _ in results))
    for k in keys:
        row = f"{k:36}"
        for _, r in results:
            v = r[k]
            row += f"{'n/a':>14}" if v is None else f"{v:14.2f}"
        print(row)
    if len(results) == 2:
        old, new = results[0][1]["extract MB/s"], results[1][1]["extract MB/s"]
        print(f"extract speed, this build against the baseline: {new / old:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
