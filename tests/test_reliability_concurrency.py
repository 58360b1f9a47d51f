"""Concurrency: an importer writing while several dashboard sessions read, on SQLite (WAL,
busy timeout) and PostgreSQL.

The writer imports the same posts again and again with different wording, so every batch
replaces posts' texts, brands and mention rows. Readers run the dashboard's own queries
(dashboard/queries.py) in a loop, plus a one-statement check of the whole store
(reliability.store_checks.snapshot). No read may fail (no "database is locked"), none may
see a torn write (a post whose mentions are missing or belong to its other version, an
orphan mention), and the post count a reader sees never goes down. `make test` runs a small
in-process writer on SQLite; `make reliability` runs `python -m dashboard import` processes
on both stores, and a `collect` against a replayed Hacker News.
"""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

import pytest
from sqlalchemy import text

from dashboard.files.importer import normalise_posts
from dashboard.read import queries
from dashboard.read.filters import Filters
from dashboard.scoring import Scorer
from dashboard.write import ingest
from dashboard.write.ingest import save_posts_as_run
from dashboard.write.store import open_store, set_meta
from reliability import tally
from reliability.corpus import posts_frame
from reliability.replay_collect import TRACKER
from reliability.store_checks import problems, snapshot
from tests.helpers import ROOT

VIEW = Filters(brands=("ChatGPT", "Claude", "Gemini"))
READS = [  # what the pages ask while a collector writes
    lambda e: queries.store_overview(e),
    lambda e: queries.mention_stats(e, VIEW),
    lambda e: queries.switch_stats(e, VIEW),
    lambda e: queries.switch_flows(e, VIEW),
    lambda e: queries.post_rows(e, VIEW, limit=200, search="Claude"),
    lambda e: queries.latest_runs(e),
]
PAUSE = 0.05  # between one session's page loads: a reader, not a load test


@dataclass
class Reader:
    """One dashboard session reading in a loop until told to stop."""
    engine: object
    reads: int = 0
    errors: list[str] = field(default_factory=list)
    torn: list[dict] = field(default_factory=list)
    last_posts: int = 0

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                for read in READS:
                    read(self.engine)
                seen = snapshot(self.engine)
            except Exception as e:  # any failed read is a finding, "database is locked" first
                self.errors.append(f"{type(e).__name__}: {str(e).splitlines()[0]}")
                continue
            self.reads += 1
            if seen["torn"] or seen["orphans"] or seen["duplicates"] or \
                    seen["posts"] < self.last_posts:
                self.torn.append(seen)
            self.last_posts = seen["posts"]
            stop.wait(PAUSE)


def versions(n: int) -> list:
    """Two wordings of the same ``n`` posts (same ids, other texts, other brands)."""
    return [posts_frame(n, seed=seed) for seed in (1, 2)]


def read_while(write, url: str, sessions: int) -> list[Reader]:
    """Run ``write()`` while ``sessions`` readers read ``url``; returns the readers."""
    engine = open_store(url)
    readers = [Reader(engine) for _ in range(sessions)]
    stop = threading.Event()
    threads = [threading.Thread(target=r.run, args=(stop,)) for r in readers]
    for t in threads:
        t.start()
    try:
        write()
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=120)
    assert problems(engine) == []
    engine.dispose()
    return readers


def check(readers: list[Reader]) -> None:
    tally.record("concurrency", tried=len(readers))
    assert [e for r in readers for e in r.errors] == [], "every read succeeded"
    assert [t for r in readers for t in r.torn] == [], "no torn or backward reads"
    assert all(r.reads for r in readers), "every session read while the writer wrote"
    tally.record("concurrency", survived=len(readers))


def test_sessions_read_while_an_import_writes(tmp_path, tracker):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    frames = [normalise_posts(v, "reddit", "posts.csv") for v in versions(2_500)]
    engine, scorer = open_store(url), Scorer(tracker)

    def write():
        for i in range(3):
            save_posts_as_run(engine, frames[i % 2], "reddit", scorer)
            time.sleep(0.1)  # let the readers see each version
    check(read_while(write, url, sessions=2))


def test_the_checks_see_a_torn_write(engine, tracker):
    """What the readers look for is really caught: a post whose mentions went missing."""
    save_posts_as_run(engine, normalise_posts(versions(20)[0], "reddit", "p.csv"), "reddit",
                      Scorer(tracker))
    assert snapshot(engine)["torn"] == 0
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM mentions WHERE post_id = "
                          "(SELECT min(post_id) FROM mentions)"))
    assert snapshot(engine)["torn"] == 1 and problems(engine) == ["1 torn"]


def test_two_first_writers_agree_on_one_author_salt(engine, monkeypatch):
    """The other writer's salt lands between this writer's look (none yet) and its write:
    this writer must take that salt, or one author would get two pseudonyms."""
    set_meta(engine, "author_salt", "theirs")
    real, looked = ingest.get_meta, []

    def look(e, key):  # the first look misses it; later ones read the store
        looked.append(key)
        return None if len(looked) == 1 else real(e, key)
    monkeypatch.setattr(ingest, "get_meta", look)
    assert ingest.author_salt(engine) == "theirs"


def test_writers_starting_together_share_one_salt(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    open_store(url)
    start, salts = threading.Barrier(6), []

    def first_write():
        engine = open_store(url)
        start.wait()
        salts.append(ingest.author_salt(engine))
    threads = [threading.Thread(target=first_write) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(salts) == 6 and len(set(salts)) == 1


def run_all(commands: list[list[str]]):
    """A writer running ``python -m <command>`` for each command, one after another."""
    def write():
        for argv in commands:
            done = subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True,
                                  text=True, timeout=600)
            assert done.returncode == 0, done.stderr[-2000:]
    return write


def imports(files, url: str, rounds: int) -> list[list[str]]:
    """``rounds`` imports alternating the two wordings of the same posts."""
    return [["dashboard", "import", str(files[i % 2]), "--source", "reddit", "--db", url,
             "--quiet"] for i in range(rounds)]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("concurrency")
    paths = [folder / f"v{i}.csv" for i in (1, 2)]
    for frame, path in zip(versions(10_000), paths):
        frame.to_csv(path, index=False)
    return paths


@pytest.mark.reliability
def test_sessions_read_while_import_processes_write_sqlite(files, tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    check(read_while(run_all(imports(files, url, rounds=3)), url, sessions=3))


@pytest.mark.reliability
@pytest.mark.postgres
def test_sessions_read_while_import_processes_write_postgres(files, pg_url):
    check(read_while(run_all(imports(files, pg_url, rounds=3)), pg_url, sessions=3))


@pytest.mark.reliability
def test_sessions_read_while_a_collector_writes(tmp_path):
    tracker = tmp_path / "tracker.toml"
    tracker.write_text(TRACKER, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    collect = ["reliability.replay_collect", "--tracker", str(tracker), "--posts", "3000",
               "--anchor", str(int(time.time())), "--delay", "0.01", "--db", url]
    check(read_while(run_all([collect, collect]), url, sessions=3))
