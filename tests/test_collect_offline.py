"""Offline, `collect` over the shipped tracker gives up fast: every host's lookup fails, so
each host is tried three times (with two short retry waits) and its source's other units are
recorded as not tried. It ends within 60 s (the time it ran plus every wait it asked for),
exits 1, and prints one summary line per source, with counts."""
from __future__ import annotations

import socket
import time

from dashboard.cli import main
from dashboard.collectors import runner
from dashboard.collectors.credentials import Credentials
from dashboard.collectors.http import Http
from dashboard.tracker import load_tracker
from tests.helpers import ROOT

SHIPPED = ROOT / "data" / "trackers" / "ai-assistants.toml"


def test_offline_collect_over_the_shipped_tracker_ends_within_a_minute(tmp_path, monkeypatch,
                                                                        capsys):
    def no_dns(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    waits: list[float] = []
    monkeypatch.setattr(runner, "Http", lambda: Http(sleep=waits.append))
    monkeypatch.setattr(runner, "Credentials", lambda: Credentials(env={}, secrets_file=None))
    started = time.monotonic()
    code = main(["collect", "--tracker", str(SHIPPED), "--db",
                 f"sqlite:///{tmp_path / 'store.sqlite'}"])
    took = time.monotonic() - started + sum(waits)
    assert code == 1 and took < 60, f"{took:.0f} s"
    lines = capsys.readouterr().err.splitlines()
    tracker = load_tracker(SHIPPED)
    assert [line.split(":")[0] for line in lines] == [
        name for name in runner.SOURCES if name in runner.ALWAYS or name in tracker.sources]
    by_source = dict(line.split(": ", 1) for line in lines)
    assert by_source["reddit"].startswith("skipped: set praw_client_id")
    assert by_source["hackernews"].startswith("failed, 0 items (0 new), 0 of 6 units in ")
    assert "5 not tried: hn.algolia.com failed 3 times in a row (DNS lookup failed)" in \
        by_source["hackernews"]
    assert by_source["app_store_reviews"].startswith("failed, 0 items (0 new), 0 of 18 units")
