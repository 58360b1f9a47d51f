"""Schema upgrades under concurrency: several processes open an old store at the same moment
(as a scheduled collector, an import and the app do after an upgrade of the code); every
one succeeds, the steps run once, and no row is lost. On SQLite and PostgreSQL."""
from __future__ import annotations

import subprocess
import sys
import time

import pandas as pd
import pytest
from sqlalchemy import inspect, text

from dashboard.write import migrations
from dashboard.write.store import count_posts, get_meta, open_store, write_posts
from tests.helpers import ROOT, make_old

PROCESSES = 6
# each process says it is ready, waits for "go", then opens the store
OPEN = """
import pathlib, sys, time
from dashboard.write.store import open_store
folder, me = pathlib.Path(sys.argv[2]), sys.argv[3]
(folder / f"ready-{me}").touch()
while not (folder / "go").exists():
    time.sleep(0.002)
open_store(sys.argv[1])
"""


def old_store(url: str) -> None:
    """A store at schema version 1 (before mentions.sentiment and the daily rollup) holding
    three posts, made by taking the current shape apart."""
    engine = open_store(url)
    write_posts(engine, pd.DataFrame([
        {"source": "reddit", "source_id": str(i), "text": "left ChatGPT for Claude",
         "brands": "ChatGPT;Claude", "created_at": "2026-02-28T12:00:00Z"}
        for i in range(3)]))
    with engine.begin() as conn:
        make_old(conn, 1)
    engine.dispose()


def open_at_once(url: str, folder) -> list[subprocess.CompletedProcess]:
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, url, str(folder), str(i)],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for i in range(PROCESSES)]
    deadline = time.monotonic() + 120
    while len(list(folder.glob("ready-*"))) < PROCESSES and time.monotonic() < deadline:
        time.sleep(0.05)
    (folder / "go").touch()
    return [(p.wait(timeout=300), p.stderr.read()) for p in procs]


def check_upgraded(url: str) -> None:
    engine = open_store(url)
    assert get_meta(engine, "schema_version") == str(migrations.SCHEMA_VERSION)
    assert "sentiment" in {c["name"] for c in inspect(engine).get_columns("mentions")}
    assert count_posts(engine) == 3
    with engine.connect() as conn:  # the rollup was rebuilt from the kept posts
        assert conn.execute(text("SELECT sum(posts) FROM daily_rollup WHERE brand = ''")
                            ).scalar() == 3


@pytest.mark.parametrize("store", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_processes_opening_an_old_store_at_once_all_succeed(store, tmp_path, request):
    url = (f"sqlite:///{tmp_path / 'old.sqlite'}" if store == "sqlite"
           else request.getfixturevalue("pg_url"))
    old_store(url)
    results = open_at_once(url, tmp_path)
    assert [err for code, err in results if code != 0] == []
    check_upgraded(url)


def test_the_version_is_read_again_under_the_lock(tmp_path, monkeypatch):
    """Another process upgrades the store between this one's first look and its lock: this
    one must find the work done and run no step twice."""
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    old_store(url)
    looks = []
    real = migrations.store_version

    def stale_first_look(conn):
        looks.append(1)
        if len(looks) == 1:
            open_at_once(url, tmp_path)  # the others upgrade it meanwhile
            return 1
        return real(conn)
    monkeypatch.setattr(migrations, "store_version", stale_first_look)
    open_store(url)
    check_upgraded(url)
