"""Crash safety: `python -m dashboard import` and `collect` killed with SIGKILL at random
points, on a realistic file (20,000 generated posts) and a replayed Hacker News.

After every kill the store must be consistent (SQLite's integrity and foreign-key checks;
no post whose mentions are missing or wrong, no orphan mention, no duplicate), a rerun must
complete, and the final store must equal a clean run's exactly: the same row count and the
same content, so nothing was lost and nothing stored twice. Half the import kills land at a
random time in the run; the other half at a random moment once rows are being written.
`make test` runs one small import trial on each store; `make reliability` runs them all.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.cli import main as dashboard_main
from dashboard.write.store import BATCH, open_store
from reliability import tally
from reliability.corpus import write_posts_csv
from reliability.replay_collect import TRACKER
from reliability.replay_collect import main as replay_main
from reliability.store_checks import fingerprint, problems, snapshot
from tests.helpers import ROOT, assert_settled

IMPORT_TRIALS, COLLECT_TRIALS, PG_TRIALS = 20, 6, 3


@dataclass(frozen=True)
class Job:
    """A command writing a store (``python -m module *args``), and what a clean run of it
    leaves behind."""
    module: str
    args: list[str]
    seconds: float = 0.0
    posts: int = 0
    fingerprint: str = ""

    def command(self, url: str) -> list[str]:
        return [sys.executable, "-m", self.module, *self.args, "--db", url]

    def run_here(self, url: str) -> int:
        """The same command in this process (no interpreter start-up: quick)."""
        main = {"dashboard": dashboard_main, "reliability.replay_collect": replay_main}
        return main[self.module]([*self.args, "--db", url])


def start(job: Job, url: str) -> subprocess.Popen:
    # its own session: the kill below hits only this process, the cleanup its whole group
    return subprocess.Popen(job.command(url), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=os.environ | {"PYTHONPATH": str(ROOT)})


def finish(job: Job, url: str, here: bool = False) -> None:
    """Run ``job`` to the end (``here``: in this process)."""
    if here:
        assert job.run_here(url) == 0
        return
    proc = start(job, url)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()[-2000:]


def clean_run(job: Job, url: str, here: bool = False) -> Job:
    """``job`` with the time a clean run takes and the store it leaves."""
    began = time.monotonic()
    finish(job, url, here)
    seconds = time.monotonic() - began
    engine = open_store(url)
    done = Job(job.module, job.args, seconds, snapshot(engine)["posts"], fingerprint(engine))
    engine.dispose()
    return done


def kill(proc: subprocess.Popen) -> bool:
    """SIGKILL the process (as the OOM killer or a power cut would), then its leftover
    workers; returns whether it was still running when killed."""
    alive = proc.poll() is None
    if alive:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stderr.close()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # scoring workers it may have forked
    except ProcessLookupError:
        pass
    return alive


def wait_for_rows(engine, proc: subprocess.Popen, timeout: float) -> None:
    """Until the first rows are committed (or the process ends)."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if snapshot(engine)["posts"]:
            return
        time.sleep(0.05)


def trial(job: Job, url: str, rng: random.Random, while_writing: bool,
          rerun_here: bool = False) -> None:
    """Kill ``job`` once at a random point, check the store, rerun it, compare."""
    engine = open_store(url)  # the schema exists before the run, as for any used store
    proc = start(job, url)
    if while_writing:
        wait_for_rows(engine, proc, job.seconds * 3)
        time.sleep(rng.uniform(0, job.seconds / 3))
    else:
        time.sleep(rng.uniform(0.05, 0.9) * job.seconds)
    kill(proc)
    assert problems(engine) == [], "consistent right after the kill"
    finish(job, url, here=rerun_here)
    assert problems(engine) == []
    after = snapshot(engine)
    tally.record("crash", lost=max(0, job.posts - after["posts"]),
                 duplicates=after["duplicates"] + max(0, after["posts"] - job.posts))
    assert after["posts"] == job.posts
    assert fingerprint(engine) == job.fingerprint, "the same rows as a clean run"
    assert_settled(engine)  # copies and daily figures equal a recomputation
    engine.dispose()


def sqlite_url(tmp_path: Path, name: str) -> str:
    return f"sqlite:///{tmp_path / name}"


def import_job(tmp_path_factory, posts: int, here: bool = False) -> Job:
    folder = tmp_path_factory.mktemp("crash")
    path = write_posts_csv(folder / "posts.csv", posts)
    job = Job("dashboard", ["import", str(path), "--source", "reddit", "--quiet"])
    return clean_run(job, sqlite_url(folder, "clean.sqlite"), here)


@pytest.fixture(scope="module")
def big_import(tmp_path_factory):
    return import_job(tmp_path_factory, 20_000)


@pytest.fixture(scope="module")
def collect_job(tmp_path_factory):
    folder = tmp_path_factory.mktemp("collect")
    tracker = folder / "tracker.toml"
    tracker.write_text(TRACKER, encoding="utf-8")
    job = Job("reliability.replay_collect", ["--tracker", str(tracker), "--posts", "3000",
                                              "--anchor", str(int(time.time())),
                                              "--delay", "0.03"])
    return clean_run(job, sqlite_url(folder, "clean.sqlite"))


@pytest.fixture(scope="module")
def small_import(tmp_path_factory):
    return import_job(tmp_path_factory, BATCH + 500, here=True)  # two write batches


def test_a_killed_import_reruns_to_a_clean_runs_store(small_import, tmp_path):
    with tally.scenario("crash"):
        trial(small_import, sqlite_url(tmp_path, "s.sqlite"), random.Random(0),
              while_writing=True, rerun_here=True)


@pytest.mark.postgres
def test_a_killed_import_reruns_to_a_clean_runs_store_on_postgres(small_import, pg_url):
    with tally.scenario("crash"):
        trial(small_import, pg_url, random.Random(1), while_writing=True, rerun_here=True)


@pytest.mark.reliability
@pytest.mark.parametrize("n", range(IMPORT_TRIALS))
def test_import_killed_at_random(n, big_import, tmp_path):
    with tally.scenario("crash"):
        trial(big_import, sqlite_url(tmp_path, "s.sqlite"), random.Random(n),
              while_writing=n % 2 == 1)


@pytest.mark.reliability
@pytest.mark.postgres
@pytest.mark.parametrize("n", range(PG_TRIALS))
def test_import_killed_at_random_on_postgres(n, big_import, pg_url):
    with tally.scenario("crash"):
        trial(big_import, pg_url, random.Random(100 + n), while_writing=True)


@pytest.mark.reliability
@pytest.mark.parametrize("n", range(COLLECT_TRIALS))
def test_collect_killed_at_random(n, collect_job, tmp_path):
    with tally.scenario("crash"):
        trial(collect_job, sqlite_url(tmp_path, "s.sqlite"), random.Random(200 + n),
              while_writing=n % 2 == 1)
