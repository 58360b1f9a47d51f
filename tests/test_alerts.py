"""`python -m dashboard alert`: spikes and switching surges sent through Apprise to a local
HTTP receiver (json://127.0.0.1:PORT/...), each event once; a refused notification makes
exit status 1 and is sent on the next run; --dry-run sends and remembers nothing; the text
of posts is escaped for the target."""
from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from dashboard.alerts.detect import window_start
from dashboard.cli import main
from dashboard.errors import UserError
from tests.helpers import FIXTURES

FIRST, NEWEST = date(2026, 3, 1), date(2026, 3, 22)
HOSTILE = "<script>alert(1)</script> *bold* @everyone"


def posts() -> pd.DataFrame:
    """Three weeks of a quiet level, a ChatGPT outage spike on 8 March, and on the newest
    day 40 posts leaving ChatGPT for Claude (spikes for both, and a surge each way)."""
    rows = []
    day = FIRST
    while day <= NEWEST:
        texts = [f"ChatGPT wrote my email today, note {i}" for i in range(5)]
        texts += [f"Claude helped with a bug, note {i}" for i in range(4)]
        if day == date(2026, 3, 8):
            texts += [f"ChatGPT outage again, attempt {i}" for i in range(30)]
        if day == NEWEST:
            texts += [f"I cancelled my ChatGPT subscription and moved to Claude, post {i}"
                      + (f" {HOSTILE}" if i == 39 else "") for i in range(40)]
        rows += [{"id": f"{day}-{i}", "created_at": f"{day}T12:00:00Z", "text": t,
                  "score": i} for i, t in enumerate(texts)]
        day += timedelta(days=1)
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("alerts")
    posts().to_csv(folder / "posts.csv", index=False)
    url = f"sqlite:///{folder / 'template.sqlite'}"
    assert main(["import", str(folder / "posts.csv"), "--source", "reddit", "--db", url,
                 "--quiet"]) == 0
    return folder / "template.sqlite"


@pytest.fixture
def db(store_file, tmp_path):
    """A fresh copy of the store for each test (alerts remember what they sent)."""
    copy = tmp_path / "store.sqlite"
    with sqlite3.connect(store_file) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return f"sqlite:///{copy}"


class Receiver:
    """A local HTTP endpoint that records what Apprise posts; ``status`` is its answer."""

    def __init__(self):
        self.got, self.status = [], 200
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if outer.status == 200:
                    outer.got.append({"path": self.path, **json.loads(body)})
                self.send_response(outer.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path="hook", query=""):
        return f"json://127.0.0.1:{self.port}/{path}{query}"


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.server.shutdown()


def alert(db, *args, tracker="collect.toml"):
    return main(["alert", "--db", db, "--tracker", str(FIXTURES / "trackers" / tracker),
                 "--app-url", "https://dash.example/", *args])


def test_each_event_is_sent_once(db, receiver, capsys):
    assert alert(db, "--notify", receiver.url()) == 0
    titles = sorted(m["title"] for m in receiver.got)
    assert titles == ["Spike: ChatGPT, 22 Mar 2026", "Spike: Claude, 22 Mar 2026",
                      "Switching surge: ChatGPT, 22 Mar 2026",
                      "Switching surge: Claude, 22 Mar 2026"]
    leaving = next(m["message"] for m in receiver.got
                   if m["title"] == "Switching surge: ChatGPT, 22 Mar 2026")
    first_line = leaving.splitlines()[0]
    assert first_line.startswith("Switching surge: 40 posts leaving ChatGPT on Sun 22 Mar "
                                 "2026 (UTC), 40.0× the usual 0 a day")
    top = [line for line in leaving.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert len(top) == 3 and all("[reddit] I cancelled my ChatGPT" in t for t in top)
    assert "post 39" in top[0]  # the most engaged first
    assert leaving.endswith("Open this view: https://dash.example/switching?brands=ChatGPT"
                            "&dates=2026-03-08&dates=2026-03-22")
    spike = next(m["message"] for m in receiver.got if m["title"].startswith("Spike: Claude"))
    assert "https://dash.example/?brands=Claude&dates=2026-03-08&dates=2026-03-22" in spike
    assert "4 events, 4 not sent before; 4 notifications sent, 0 failed" in \
        capsys.readouterr().out

    receiver.got.clear()
    assert alert(db, "--notify", receiver.url()) == 0
    assert receiver.got == []  # the second run sends nothing
    assert "4 events, 0 not sent before; 0 notifications sent" in capsys.readouterr().out


def test_a_refused_notification_exits_1_and_is_sent_next_time(db, receiver, capsys):
    receiver.status = 500
    assert alert(db, "--notify", receiver.url()) == 1
    err = capsys.readouterr().err
    assert err.count("failed: alert:") == 4 and "json://…" in err
    assert str(receiver.port) not in err  # the URL itself is never shown
    receiver.status = 200
    assert alert(db, "--notify", receiver.url()) == 0
    assert len(receiver.got) == 4
    receiver.got.clear()
    assert alert(db, "--notify", receiver.url()) == 0 and receiver.got == []


def test_only_the_url_that_refused_gets_it_again(db, receiver):
    good, refused = receiver.url("good"), Receiver()
    refused.status = 503
    bad = refused.url("bad")
    try:
        assert alert(db, "--notify", good, "--notify", bad) == 1
        assert len(receiver.got) == 4
        refused.status = 200
        assert alert(db, "--notify", good, "--notify", bad) == 0
        assert len(receiver.got) == 4 and len(refused.got) == 4
    finally:
        refused.server.shutdown()


def test_dry_run_prints_and_sends_nothing(db, receiver, capsys):
    assert alert(db, "--notify", receiver.url(), "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.count("--- alert:") == 4 and "Top posts that day:" in out
    assert receiver.got == []
    assert alert(db, "--notify", receiver.url()) == 0 and len(receiver.got) == 4


def test_urls_from_the_environment_and_the_tracker(db, receiver, monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_NOTIFY", f"{receiver.url('a')} {receiver.url('b')}")
    assert alert(db) == 0
    assert sorted({m["path"] for m in receiver.got}) == ["/a", "/b"]
    monkeypatch.delenv("DASHBOARD_NOTIFY")
    tracker = tmp_path / "t.toml"
    tracker.write_text((FIXTURES / "trackers" / "collect.toml").read_text() +
                       f'\n[alerts]\nnotify = ["{receiver.url("c")}"]\n')
    assert alert(db, tracker=tracker) == 0
    assert sum(m["path"] == "/c" for m in receiver.got) == 4


def test_no_url_sends_nothing_and_says_so(db, capsys, monkeypatch):
    monkeypatch.delenv("DASHBOARD_NOTIFY", raising=False)
    assert alert(db) == 0
    assert "no notification URL" in capsys.readouterr().err


def test_a_bad_url_is_named_without_its_secret(db, capsys):
    assert alert(db, "--notify", "nosuchservice://token-abc123@host") == 2
    err = capsys.readouterr().err
    assert "notification URL 1 (nosuchservice://…)" in err and "abc123" not in err


def test_posts_are_escaped_for_the_target(db, receiver):
    assert alert(db, "--notify", receiver.url("html", "?format=html"),
                 "--notify", receiver.url("md", "?format=markdown")) == 0
    html = next(m["message"] for m in receiver.got
                if m["path"].startswith("/html") and "leaving" in m["message"])
    md = next(m["message"] for m in receiver.got
              if m["path"].startswith("/md") and "leaving" in m["message"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert r"\*bold\*" in md and "@\u200beveryone" in md


def test_only_events_in_the_window_counted_back_from_the_newest_data(db, receiver):
    assert alert(db, "--notify", receiver.url(), "--since", "30d") == 0
    assert "Spike: ChatGPT, 08 Mar 2026" in [m["title"] for m in receiver.got]
    assert len(receiver.got) == 5


def test_window_start():
    assert window_start(NEWEST, None) == date(2026, 3, 21)
    assert window_start(NEWEST, "1d") == NEWEST
    assert window_start(NEWEST, "2026-03-01") == FIRST
    with pytest.raises(UserError, match="--since 'soon'"):
        window_start(NEWEST, "soon")


def test_an_empty_store_has_nothing_to_alert(tmp_path, capsys):
    assert alert(f"sqlite:///{tmp_path / 'empty.sqlite'}", "--dry-run") == 0
    assert "no posts yet" in capsys.readouterr().out
