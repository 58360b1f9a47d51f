"""A shared link that refreshes itself: `python -m dashboard snapshot` writes a compact
read-only copy of a store (SQLite or PostgreSQL), and the app reads a copy served over HTTP
(DASHBOARD_DB=http://127.0.0.1:PORT/FILE.sqlite): fetched again only when it changed
(ETag or Last-Modified) and at most every few minutes, opened read-only, every page saying
how old the data is, an unreachable URL a clear error above the last good copy. A local
HTTP server stands in for the published copy; Chromium draws the charts."""
from __future__ import annotations

import hashlib
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from streamlit.testing.v1 import AppTest

from dashboard import paths
from dashboard.cli import main
from dashboard.errors import StoreError
from dashboard.files import remote_store
from dashboard.files.remote_store import local_copy, read_only_url
from dashboard.read.daily import daily_table
from dashboard.read.queries import store_overview
from dashboard.write.store import open_store, set_meta
from tests.helpers import FIXTURES, ROOT, needs_chromium, settle, streamlit_server

APP = str(ROOT / "streamlit_app.py")
T0 = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)


def snapshot(store_url: str, out) -> bytes:
    assert main(["snapshot", "--db", store_url, "-o", str(out), "--quiet"]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def small_url(tmp_path_factory):
    """A store of the three imported fixture posts (authors pseudonymised: a salt)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('small') / 'small.sqlite'}"
    assert main(["import", str(FIXTURES / "import" / "reddit_export.csv"), "--source",
                 "reddit", "--db", url, "--quiet"]) == 0
    return url


@pytest.fixture(scope="module")
def demo_copy(demo_url, tmp_path_factory) -> bytes:
    return snapshot(demo_url, tmp_path_factory.mktemp("snap") / "demo.sqlite")


@pytest.fixture(scope="module")
def small_copy(small_url, tmp_path_factory) -> bytes:
    return snapshot(small_url, tmp_path_factory.mktemp("snap") / "small.sqlite")


# --- the snapshot ---------------------------------------------------------------------------

def test_the_snapshot_is_one_compact_file_without_the_author_salt(small_url, tmp_path):
    out = tmp_path / "copy.sqlite"
    snapshot(small_url, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite"]  # no -wal, no .part
    with sqlite3.connect(out) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        keys = {k for (k,) in db.execute("SELECT key FROM meta")}
    assert "author_salt" not in keys and {"snapshot_taken_at", "schema_version"} <= keys
    assert "author_salt" in {k for (k,) in sqlite3.connect(small_url[10:])
                             .execute("SELECT key FROM meta")}
    copy = open_store(read_only_url(out))
    assert store_overview(copy) == store_overview(open_store(small_url))
    with pytest.raises(StoreError, match="is read-only"):  # write/faults.py says so
        set_meta(copy, "x", "y")


def test_the_snapshot_refuses_to_overwrite_its_store(small_url, capsys):
    assert main(["snapshot", "--db", small_url, "-o", small_url[10:]]) == 2
    assert "is the store itself" in capsys.readouterr().err


@pytest.mark.postgres
def test_a_postgresql_store_snapshots_to_the_same_figures(pg_url, tmp_path, tracker):
    assert main(["import", str(FIXTURES / "import" / "reddit_export.csv"), "--source",
                 "reddit", "--db", pg_url, "--quiet"]) == 0
    snapshot(pg_url, tmp_path / "pg.sqlite")
    source, copy = open_store(pg_url), open_store(read_only_url(tmp_path / "pg.sqlite"))
    assert store_overview(copy) == store_overview(source)
    assert daily_table(copy, tracker).equals(daily_table(source, tracker))
    with sqlite3.connect(tmp_path / "pg.sqlite") as db:
        assert db.execute("SELECT count(*) FROM rollup_dirty").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0


# --- a local HTTP server standing in for the published copy --------------------------------

class Published:
    """Serves ``body`` at /store.sqlite with an ETag and a Last-Modified, answering 304 to
    a request that names them; ``status`` other than 200 is answered as it is."""

    def __init__(self, body: bytes, etag: bool = True):
        self.requests, self.status, self.etag = [], 200, etag
        self.publish(body)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(dict(self.headers))
                tag = f'"{hashlib.sha1(outer.body).hexdigest()}"'
                if outer.status != 200:
                    self.send_response(outer.status)
                    self.end_headers()
                    return
                if self.headers.get("If-None-Match") == tag or \
                        self.headers.get("If-Modified-Since") == outer.modified:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(outer.body)))
                self.send_header("Last-Modified", outer.modified)
                if outer.etag:
                    self.send_header("ETag", tag)
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store.sqlite"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, body: bytes):
        self.body, self.modified = body, formatdate(usegmt=True) + f" {len(body)}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def published(small_copy):
    p = Published(small_copy)
    yield p
    p.stop()


# --- the local copy -----------------------------------------------------------------------

def test_fetched_once_then_only_when_changed_and_not_more_often(published, small_copy,
                                                                 demo_copy, tmp_path):
    first = local_copy(published.url, tmp_path, now=T0)
    assert first.path.read_bytes() == small_copy and first.error is None
    assert local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=4)) == first
    assert len(published.requests) == 1  # asked at most every five minutes
    again = local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=5))
    assert again.path == first.path and published.requests[-1]["If-None-Match"]
    published.publish(demo_copy)
    changed = local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=10))
    assert changed.path != first.path and changed.path.read_bytes() == demo_copy
    assert not first.path.exists()  # the old copy is gone, the new one replaces it
    assert len(published.requests) == 3


def test_last_modified_serves_where_there_is_no_etag(small_copy, tmp_path):
    published = Published(small_copy, etag=False)
    try:
        first = local_copy(published.url, tmp_path, now=T0)
        local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=6))
        assert published.requests[-1]["If-Modified-Since"] == published.modified
        assert local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=6)).path == \
            first.path
    finally:
        published.stop()


def test_an_unreachable_or_wrong_answer_keeps_the_last_good_copy(published, small_copy,
                                                                  tmp_path):
    good = local_copy(published.url, tmp_path, now=T0)
    published.status = 404
    after = local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=5))
    assert after.path == good.path and after.fetched_at == good.fetched_at
    assert after.error == f"HTTP 404 Not Found from {published.url}"
    published.status = 200
    published.publish(b"<html>a login page</html>")
    after = local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=10))
    assert after.path.read_bytes() == small_copy and "did not send a SQLite file" in after.error
    published.publish(small_copy[:4096])  # cut short: not a store
    assert "not a dashboard store" in \
        local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=15)).error
    published.stop()
    after = local_copy(published.url, tmp_path, now=T0 + timedelta(minutes=20))
    assert after.path == good.path and after.error.startswith("cannot reach http://127.0.0.1")
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json", ".sqlite"]


def test_no_copy_yet_and_unreachable(tmp_path):
    copy = local_copy("https://127.0.0.1:9/store.sqlite?token=secret", tmp_path, now=T0)
    assert copy.path is None and copy.error == "cannot reach https://127.0.0.1:9/store.sqlite " \
                                               "(ConnectionError)"


def test_a_copy_too_large_is_refused(published, tmp_path, monkeypatch):
    monkeypatch.setattr(remote_store, "MAX_BYTES", 1000)
    copy = local_copy(published.url, tmp_path, now=T0)
    assert copy.path is None and "more than the 0.0 GB" in copy.error


# --- the app on a published copy ----------------------------------------------------------

def run_app(monkeypatch, url, tmp_path, check_seconds="300"):
    monkeypatch.setenv("DASHBOARD_DB", url)
    monkeypatch.setenv("DASHBOARD_DB_CHECK_SECONDS", check_seconds)
    monkeypatch.setattr(paths, "REMOTE_CACHE", tmp_path / "cache")
    return AppTest.from_file(APP, default_timeout=120).run()


def test_the_app_reads_the_published_copy_and_says_how_old_it_is(monkeypatch, tmp_path,
                                                                  demo_copy):
    published = Published(demo_copy)
    try:
        at = run_app(monkeypatch, published.url, tmp_path, check_seconds="0")
        assert not at.exception and not at.error
        assert len(at.get("plotly_chart")) >= 3
        assert at.caption[0].value.startswith("Data as of ") and \
            "copy fetched 0 minutes ago" in at.caption[0].value
        demo_posts = at.metric[0].value

        published.stop()  # unreachable: a clear error, the last good copy still served
        at = AppTest.from_file(APP, default_timeout=120).run()
        assert not at.exception
        assert "Could not refresh the data" in at.error[0].value
        assert "cannot reach http://127.0.0.1" in at.error[0].value
        assert at.metric[0].value == demo_posts and len(at.get("plotly_chart")) >= 3
    finally:
        published.stop()


def test_the_app_picks_up_a_changed_copy(monkeypatch, tmp_path, demo_copy, small_copy):
    published = Published(demo_copy)
    try:
        at = run_app(monkeypatch, published.url, tmp_path, check_seconds="0")
        before = at.metric[0].value
        published.publish(small_copy)
        at = AppTest.from_file(APP, default_timeout=120).run()
        assert not at.exception and not at.error
        assert at.metric[0].value != before
        assert "Simulated demo data" not in [w.value for w in at.warning]
    finally:
        published.stop()


def test_the_app_without_any_copy_says_why(monkeypatch, tmp_path):
    at = run_app(monkeypatch, "http://127.0.0.1:9/store.sqlite", tmp_path)
    assert not at.exception
    assert at.error[0].value.startswith("**Could not fetch the data**: cannot reach "
                                        "http://127.0.0.1:9/store.sqlite")


@pytest.mark.browser
@needs_chromium
def test_chromium_draws_the_published_copy(monkeypatch, tmp_path, demo_copy, browser):
    published = Published(demo_copy)
    monkeypatch.setenv("DASHBOARD_CACHE", str(tmp_path / "cache"))
    try:
        with streamlit_server(published.url) as app_url:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(app_url)
            settle(page, plots=3)
            assert page.locator(".js-plotly-plot").count() >= 3
            assert "Data as of" in page.inner_text("body")
            assert page.locator('[data-testid="stAlertContentError"]').count() == 0
            page.close()
    finally:
        published.stop()
