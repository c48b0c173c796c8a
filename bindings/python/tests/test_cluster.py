"""Stories on Dask: the same results as in this process, on a LocalCluster
started by run_stories and on a scheduler given by address."""
import os

import pytest

try:
    import distributed  # noqa: F401
except ImportError:
    if os.environ.get("CI"):
        raise  # CI installs python3-dask and python3-distributed (scripts/bootstrap)
    pytest.skip("python3-dask / python3-distributed are not installed; "
                "apt-get install python3-dask python3-distributed", allow_module_level=True)

from libclaims.cluster import StoryInput, check_story, main, run_stories  # noqa: E402

A = b"Quake\nThe quake killed 12 people on Monday, officials said. In 2015 a quake hit the town.\n"
B = b"Town quake\nThe quake killed 14 people on Monday. In 2016 a quake hit the town.\n"
C = b"Storm\nThe storm damaged 30 houses, the mayor said.\n"


def stories(example_dir):
    return [StoryInput("quake", (("a.txt", A), ("b.txt", B))),
            StoryInput("storm", (("c.txt", C), ("bad.txt", b"\xff"))),
            StoryInput.from_path(example_dir, fail_on="none")]


def test_local_cluster_gives_the_in_process_results(example_dir):
    inputs = stories(example_dir)
    expected = [check_story(s) for s in inputs]
    got = run_stories(inputs, n_workers=2,
                      cluster_options={"processes": True, "silence_logs": 40})
    assert got == expected
    assert [r.name for r in got] == ["quake", "storm", "drone-deal"]
    assert got[0].counts.get("contradiction") and got[1].rejected[0].id == "bad"


def test_scheduler_address(example_dir):
    from distributed import LocalCluster
    inputs = stories(example_dir)[:2]
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None, silence_logs=40) as cluster:
        got = run_stories(inputs, cluster.scheduler_address)
    assert got == [check_story(s) for s in inputs]


def test_command_line(example_dir, capsys):
    rc = main(["--workers", "1", "--fail-on", "none", example_dir])
    out = capsys.readouterr().out
    assert rc == 0 and '"story": "drone-deal"' in out
