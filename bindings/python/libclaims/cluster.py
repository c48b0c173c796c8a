"""Many stories at once, on Dask: a LocalCluster on this machine by default,
or any Dask scheduler (``tcp://host:8786``) to spread stories over machines.

    from libclaims.cluster import StoryInput, run_stories

    results = run_stories([StoryInput.from_path("stories/quake"),
                           StoryInput.from_path("stories/ferry")])
    for r in results:
        print(r.name, r.counts, r.failures)

or from the shell (one JSON line per story on stdout)::

    python3 -m libclaims.cluster [--scheduler tcp://host:8786] stories/*/

Each story is checked by one task (stories are independent; a story's
articles are compared with each other, so a story is never split). Inputs
are read here and shipped to the workers as bytes, so workers need
libclaims and this package but not the files. Results are plain, picklable
dataclasses, identical to :func:`check_story` run in this process.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence, Union

from . import Article, Claim, Finding, Rejected, Story, _stem


@dataclass(frozen=True)
class StoryInput:
    """One story to check: named files (plain text as the CLI reads them,
    or JSON Lines when the name ends in .jsonl/.ndjson) and options."""
    name: str
    #: (file name, bytes) pairs, in the order they are added: paths relative
    #: to the story's folder (their ids keep the folders), or one file's name
    files: tuple[tuple[str, bytes], ...]
    #: True: a file given by name (a .json file is read as JSON, not text)
    by_name: bool = False
    fail_on: str = "contradiction"
    min_confidence: float = 0.0
    lexicons: tuple[bytes, ...] = ()

    @classmethod
    def from_path(cls, path: Union[str, os.PathLike], name: Optional[str] = None,
                  **options: Any) -> "StoryInput":
        """A story from a folder of articles or from one file, read here as
        ``claims check PATH`` reads it (see :meth:`libclaims.Story.add_path`;
        files under a folder keep their path relative to it, which gives
        their ids)."""
        path = os.fspath(path)
        files = []
        if os.path.isdir(path):
            for rel in _walk(path, "", {os.path.realpath(path)}):
                with open(os.path.join(path, rel), "rb") as f:
                    files.append((rel, f.read()))
            by_name = False
        else:
            with open(path, "rb") as f:
                files.append((os.path.basename(path), f.read()))
            by_name = True
        return cls(name or os.path.basename(os.path.normpath(path)), tuple(files),
                   by_name=by_name, **options)


def _walk(path: str, rel: str, seen: set) -> list[str]:
    """The article files under a folder, as the CLI reads it: byte order,
    recursive, hidden names and other extensions skipped."""
    out: list[str] = []
    for name in sorted(os.listdir(path), key=os.fsencode):
        full, r = os.path.join(path, name), f"{rel}/{name}" if rel else name
        if name.startswith("."):
            continue
        if os.path.isdir(full):
            real = os.path.realpath(full)
            if real not in seen:
                out += _walk(full, r, seen | {real})
        elif os.path.isfile(full) and name.lower().endswith((".txt", ".text", ".jsonl",
                                                              ".ndjson")):
            out.append(r)
    return out


@dataclass(frozen=True)
class StoryResult:
    """What checking one story gives."""
    name: str
    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    #: findings that fail under the story's fail_on
    failures: int
    #: the claims-report/1 JSON report
    report: str
    #: findings by type
    counts: dict[str, int] = field(default_factory=dict)


def check_story(story: StoryInput) -> StoryResult:
    """Checks one story in this process."""
    with Story(fail_on=story.fail_on, min_confidence=story.min_confidence,
               lexicons=story.lexicons) as s:
        for name, data in story.files:
            s._add_data(name, _stem(name), data, story.by_name)
        s.check()
        findings = tuple(s.findings())
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.type] = counts.get(f.type, 0) + 1
        return StoryResult(story.name, tuple(s.articles()), tuple(s.rejected()),
                           tuple(s.claims()), findings, s.failures(), s.report("json"), counts)


def run_stories(stories: Iterable[StoryInput], scheduler: Optional[str] = None, *,
                client: Any = None, n_workers: Optional[int] = None,
                cluster_options: Optional[dict] = None) -> list[StoryResult]:
    """Checks every story on Dask and returns the results in input order.

    ``client``: an existing ``distributed.Client`` to use. Else
    ``scheduler``: the address of a running scheduler (``tcp://host:8786``).
    Else a ``LocalCluster`` is started for the call (``n_workers`` processes,
    default one per core; ``cluster_options`` go to LocalCluster) and closed
    afterwards. Needs Debian's python3-dask and python3-distributed.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ImportError("run_stories needs dask.distributed "
                          "(apt-get install python3-dask python3-distributed)") from e
    stories = list(stories)
    own_cluster = own_client = None
    try:
        if client is None:
            if scheduler is None:
                opts = {"n_workers": n_workers or os.cpu_count() or 1,
                        "threads_per_worker": 1, "dashboard_address": None}
                opts.update(cluster_options or {})
                own_cluster = LocalCluster(**opts)
                scheduler = own_cluster.scheduler_address
            client = own_client = Client(scheduler)
        futures = client.map(check_story, stories, pure=False)
        return list(client.gather(futures))
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python3 -m libclaims.cluster``: one JSON line per story directory."""
    ap = argparse.ArgumentParser(prog="python3 -m libclaims.cluster",
                                 description="Check many stories (directories of articles) "
                                             "on Dask; one JSON line per story.")
    ap.add_argument("stories", nargs="+", help="story directories (or single files)")
    ap.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, help="LocalCluster worker processes")
    ap.add_argument("--fail-on", default="contradiction",
                    choices=["contradiction", "variant", "none"])
    ap.add_argument("--reports", metavar="DIR", help="write each story's JSON report to DIR")
    args = ap.parse_args(argv)
    inputs = [StoryInput.from_path(p, fail_on=args.fail_on) for p in args.stories]
    results = run_stories(inputs, args.scheduler, n_workers=args.workers)
    rc = 0
    for r in results:
        print(json.dumps({"story": r.name, "articles": len(r.articles),
                          "rejected": len(r.rejected), "claims": len(r.claims),
                          "findings": r.counts, "failures": r.failures}, sort_keys=True))
        if args.reports:
            os.makedirs(args.reports, exist_ok=True)
            with open(os.path.join(args.reports, r.name + ".json"), "w", encoding="utf-8") as f:
                f.write(r.report)
        # the CLI's exit codes: 2 for a rejected input, 1 for failing findings
        rc = max(rc, 2 if r.rejected else 1 if r.failures else 0)
    return rc


if __name__ == "__main__":
    sys.exit(main())
