"""A collect stopped by SIGTERM (a scheduler's stop) or SIGINT (Ctrl-C) records its run as
interrupted, with what it had done, and exits 128 + the signal's number: never a run left
"running", never one that only says "KeyboardInterrupt". `collect` runs in a child process
against a local server that answers the first day of a query, then never answers again."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text

from tests.helpers import ROOT, answer, local_server

HIT = {"objectID": "41000001", "created_at_i": 1700000000, "author": "a", "points": 1,
       "title": "Cancelled ChatGPT today", "_tags": ["story"]}
FIRST_DAY = json.dumps({"hits": [HIT], "nbHits": 1, "page": 0, "nbPages": 1}).encode()


def first_day_then_silence():
    served = []

    def behave(send, stop, path):
        if not served:
            served.append(path)
            answer(body=FIRST_DAY)(send, stop, path)
        else:
            stop.wait()
    return behave


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_records_the_run_as_interrupted_with_what_it_did(signum, tmp_path):
    db = tmp_path / "store.sqlite"
    with local_server(first_day_then_silence()) as (url, seen):
        tracker = tmp_path / "t.toml"
        tracker.write_text(f'[tracker]\nname = "t"\n[[brands]]\nname = "ChatGPT"\n'
                           f'[sources.hackernews]\nqueries = ["ChatGPT"]\nbase_url = "{url}"\n')
        child = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "collect", "--sources", "hackernews",
             "--tracker", str(tracker), "--db", f"sqlite:///{db}"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "DASHBOARD_CONTACT": ""})
        deadline = time.monotonic() + 60
        while len(seen) < 2 and time.monotonic() < deadline:  # the second day is asked for
            time.sleep(0.1)
        assert len(seen) == 2, child.communicate(timeout=5)
        child.send_signal(signum)
        _, err = child.communicate(timeout=20)
    assert child.returncode == 128 + signum, err
    assert err.splitlines()[-2].startswith("hackernews: interrupted, 1 items (1 new)")
    with create_engine(f"sqlite:///{db}").connect() as conn:
        run = conn.execute(text("SELECT status, items, error, finished_at FROM runs")).one()
    assert (run.status, run.items) == ("interrupted", 1) and run.finished_at is not None
    assert run.error == (f"interrupted by {signal.Signals(signum).name} with 1 units done "
                         "(1 items stored); rerun to go on from there")
