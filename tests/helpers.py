"""What several test modules share, so that no test module imports another: paths, the
``../shared`` skip, replayed collector runs (a tracker, a run context, and the routes and
scenarios that serve each source's recorded fixtures), a local HTTP server that misbehaves
as told, small stores of given posts (``store_posts``), stores of older schema versions
(``make_old``), the rollup checked against a recomputation (``assert_exact``), the hostile
store, `streamlit run` plus a real Chromium for the browser tests, and the two tests of a
module of switching examples (``switch_example_tests``). The fixtures built
on these are in
``conftest.py``.

May import: dashboard, reliability and the test libraries (pytest, responses; streamlit's
AppTest in ``app_page``; playwright only inside the browser fixture).
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from sqlalchemy import select, text

from dashboard.cli import main
from dashboard.collectors import hackernews, runner
from dashboard.collectors.credentials import Credentials
from dashboard.collectors.http import Http
from dashboard.collectors.runner import make_context
from dashboard.files.importer import normalise_posts
from dashboard.scoring import Scorer
from dashboard.tracker import parse_tracker
from dashboard.write.ingest import save_posts_as_run
from dashboard.write import copies, rollup
from dashboard.write.schema import daily_rollup, posts, story_dirty
from reliability.payloads import hostile_posts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


def shared(*parts: str) -> Path:
    """A file under ../shared, or skip the test saying why."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/ is only beside the project checkout)")
    return path


# --- replayed collector runs ---------------------------------------------------------------

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
CLAUDE_IOS, CLAUDE_ANDROID = "6473753684", "com.anthropic.claude"
SECRETS = {"praw_client_id": "test-client-id", "praw_client_secret": "test-client-secret-xyz",
           "praw_user_agent": "test:backlash-dashboard:0.1 (by u/tester)",
           "bluesky_handle": "collector.bsky.social", "bluesky_app_password": "abcd-efgh-ijkl",
           "mastodon_token_mastodon_example": "test-mastodon-token"}


def load(path: str):
    text = (FIXTURES / path).read_text(encoding="utf-8")
    return text if path.endswith(".txt") else json.loads(text)


def make_tracker(sources: dict, charts: dict | None = None, chatgpt_app: bool = False):
    """Claude with an app in each store; ChatGPT with an App Store app only if asked."""
    chatgpt = {"name": "ChatGPT", "aliases": ["OpenAI"]}
    if chatgpt_app:
        chatgpt["app_store"] = {"id": "6448311069", "source": "test"}
    return parse_tracker({
        "tracker": {"name": "test"},
        "brands": [
            {"name": "Claude", "aliases": ["Anthropic"],
             "app_store": {"id": CLAUDE_IOS, "source": "test"},
             "google_play": {"id": CLAUDE_ANDROID, "source": "test"}},
            chatgpt,
        ],
        "sources": sources,
        "charts": charts or {"countries": ["us"], "charts": ["top-free"], "limit": 3},
    })


def context(engine, tracker, now=NOW, lookback=timedelta(hours=12), sleeps=None, **kw):
    http = Http(sleep=(sleeps if sleeps is not None else []).append)
    ctx = make_context(engine, tracker, http=http, now=now, stream=io.StringIO(),
                       credentials=Credentials(env=SECRETS, secrets_file=None), **kw)
    ctx.lookback = lookback
    return ctx


def param(name: str, value: str | None = None):
    """A `responses` matcher: query parameter ``name`` equals ``value`` (None: absent)."""
    def match(request):
        got = parse_qs(urlsplit(request.url).query).get(name, [None])[0]
        return got == value, f"{name}={got!r}, wanted {value!r}"
    return match


def body_has(text: str, present: bool = True):
    def match(request):
        body = request.body.decode() if isinstance(request.body, bytes) else request.body or ""
        return (text in body) == present, f"body {'lacks' if present else 'has'} {text!r}"
    return match


@dataclass
class Route:
    method: str
    url: str
    body: object  # a fixture path, or the JSON itself (None: no body)
    match: list = field(default_factory=list)
    headers: dict = field(default_factory=dict)
    status: int = 200

    def add(self, web, **changes):
        r = replace(self, **changes)
        raw = load(r.body) if isinstance(r.body, str) else r.body
        web.add(r.method, r.url, match=r.match, status=r.status, headers=r.headers,
                **({"body": raw} if isinstance(raw, str) else {"json": raw}))


@dataclass
class Scenario:
    source: str
    sources: dict  # the tracker's [sources] table
    routes: list[Route]  # a complete run, in request order
    items: int
    first: int = 0  # the route of the first listing page
    newest_first: bool = True

    def serve(self, web, changes: dict[int, dict] | None = None):
        """Register every route; ``changes`` alters some, by their index."""
        for i, route in enumerate(self.routes):
            route.add(web, **(changes or {}).get(i, {}))


HN = hackernews.API
REDDIT = "https://oauth.reddit.com/r/all/search/"
BSKY = "https://bsky.social/xrpc/app.bsky.feed.searchPosts"
TAG = "https://mastodon.example/api/v1/timelines/tag/QuitGPT?limit=40"
PLAY = "https://play.google.com/_/PlayStoreUi/data/batchexecute?hl=en&gl=us"
REVIEWS = ("https://itunes.apple.com/us/rss/customerreviews/page={}/id=" + CLAUDE_IOS +
           "/sortby=mostrecent/json")
SCENARIOS = [
    Scenario("hackernews", {"hackernews": {"queries": ["Claude"]}}, [
        Route("GET", HN, "hackernews/page0.json", [param("page", "0")]),
        Route("GET", HN, "hackernews/page1.json", [param("page", "1")]),
    ], items=3, newest_first=False),
    Scenario("reddit", {"reddit": {"queries": ["switched to Claude"], "subreddits": []}}, [
        Route("POST", "https://www.reddit.com/api/v1/access_token", "reddit/token.json"),
        Route("GET", REDDIT, "reddit/search_page1.json", [param("after")]),
        Route("GET", REDDIT, "reddit/search_page2.json", [param("after", "t3_1gq0a2")]),
    ], items=3, first=1),
    Scenario("bluesky", {"bluesky": {"queries": ["QuitGPT"]}}, [
        Route("POST", "https://bsky.social/xrpc/com.atproto.server.createSession",
              "bluesky/session.json"),
        Route("GET", BSKY, "bluesky/search_page1.json", [param("cursor")]),
        Route("GET", BSKY, "bluesky/search_page2.json", [param("cursor", "2")]),
    ], items=3, first=1, newest_first=False),
    Scenario("mastodon", {"mastodon": {"servers": ["mastodon.example"],
                                       "hashtags": ["QuitGPT"]}}, [
        Route("GET", "https://mastodon.example/api/v1/tags/QuitGPT", "mastodon/tag.json"),
        Route("GET", TAG, "mastodon/tag_page1.json", headers={
            "Link": f'<{TAG}&max_id=113500000000001001>; rel="next", '
                    f'<{TAG}&min_id=113500000000001002>; rel="prev"'}),
        Route("GET", f"{TAG}&max_id=113500000000001001", "mastodon/tag_page2.json", headers={
            "Link": f'<{TAG}&max_id=113500000000000999>; rel="next"'}),
        Route("GET", f"{TAG}&max_id=113500000000000999", []),  # the end: [] and no Link
    ], items=3, first=1),
    Scenario("app_store_reviews", {"app_store_reviews": {"countries": ["us"]}}, [
        Route("GET", REVIEWS.format(1), "app_store_reviews/page1.json"),
        Route("GET", REVIEWS.format(2), "app_store_reviews/page2.json"),
    ], items=3),
    Scenario("google_play_reviews", {"google_play_reviews": {"countries": ["us"]}}, [
        Route("POST", PLAY, "google_play_reviews/page1.txt",
              [body_has("test-token-page-2", present=False)]),
        Route("POST", PLAY, "google_play_reviews/page2.txt", [body_has("test-token-page-2")]),
    ], items=3),
]

CHART = "https://rss.applemarketingtools.com/api/v2/us/apps/top-free/3/apps.json"
LEGACY = "https://itunes.apple.com/us/rss/topfreeapplications/limit=3/json"
CHARTS = Scenario("app_store_charts", {}, [
    Route("GET", CHART, "app_store_charts/top_free_us.json"),
    Route("GET", LEGACY, "app_store_charts/legacy_top_free_us.json"),
], items=3)


def offline_collect(monkeypatch, folder: Path, tracker: str, env: dict) -> list[str]:
    """`python -m dashboard collect` made offline for a test: no real waiting, credentials
    only from ``env`` (read again at each run), the tracker
    ``tests/fixtures/trackers/<tracker>``; returns the ``--tracker`` and ``--db`` arguments
    (a SQLite store in ``folder``)."""
    monkeypatch.setattr(runner, "Http", lambda: Http(sleep=lambda s: None))
    monkeypatch.setattr(runner, "Credentials",
                        lambda: Credentials(env=dict(env), secrets_file=None))
    return ["--tracker", str(FIXTURES / "trackers" / tracker),
            "--db", f"sqlite:///{folder / 'store.sqlite'}"]


# --- a local HTTP server that misbehaves as told ---------------------------------------------

Behaviour = Callable[[Callable[[bytes], None], threading.Event, str], None]  # send, stop, path


def answer(status: str = "200 OK", body: bytes = b"", kind: str = "application/json",
           **headers: str) -> Behaviour:
    """A whole answer at once, then the connection closed."""
    head = [f"HTTP/1.1 {status}", f"Content-Type: {kind}", f"Content-Length: {len(body)}",
            "Connection: close", *(f"{k.replace('_', '-')}: {v}" for k, v in headers.items())]
    return lambda send, stop, path: send("\r\n".join(head).encode() + b"\r\n\r\n" + body)


@contextlib.contextmanager
def local_server(behave: Behaviour) -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 answering every request with ``behave(send, stop,
    path)`` (``stop`` is set when the server closes); yields its URL and the request lines
    it got."""
    stop, requests_seen = threading.Event(), []

    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = self.request.recv(65536)
                if not chunk:
                    return
                head += chunk
            line = head.split(b"\r\n", 1)[0].decode()
            requests_seen.append(line)
            with contextlib.suppress(OSError):
                behave(self.request.sendall, stop, line.split(" ")[1])

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests_seen
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


# --- small stores ------------------------------------------------------------------------

def store_posts(engine, tracker, rows: list[dict], source: str = "test") -> None:
    """Score and store ``rows`` (columns as an imported file has them: id, created_at, text,
    community, rating, ...) as posts of ``source``."""
    frame = normalise_posts(pd.DataFrame(rows), source, "test rows")
    save_posts_as_run(engine, frame, source, Scorer(tracker))


# --- old stores ---------------------------------------------------------------------------

def make_old(conn, version: int) -> None:
    """Turn a current store into the shape schema ``version`` had (undoing the steps of
    dashboard/write/migrations.py above it, newest first), keeping its posts."""
    pg = conn.dialect.name == "postgresql"
    if version < 7:  # posts.story_key and posts.duplicate_of, kept by the story triggers
        for op in ("update", "delete"):
            conn.execute(text(f"DROP TRIGGER story_mark_{op}" + " ON posts" * pg))
        conn.execute(text("DROP TABLE story_dirty"))
        for index in ("ix_posts_story", "ix_posts_copies"):
            conn.execute(text(f"DROP INDEX {index}"))
        for column in ("story_key", "duplicate_of"):
            conn.execute(text(f"ALTER TABLE posts DROP COLUMN {column}"))
        # and the rollup counted copies then: built with another definition
        conn.execute(text("DELETE FROM meta WHERE key IN ('copies_definition', "
                          "'rollup_definition')"))
    if version < 6:  # posts.implausible_time
        conn.execute(text("DROP INDEX ix_posts_implausible"))
        conn.execute(text("ALTER TABLE posts DROP COLUMN implausible_time"))
    if version < 5:  # runs.stats
        conn.execute(text("ALTER TABLE runs DROP COLUMN stats"))
    if version < 4 and pg:  # scorer versions up to 20 characters
        conn.execute(text("ALTER TABLE posts ALTER COLUMN scorer_version TYPE VARCHAR(20)"))
    if version < 3:  # the daily rollup
        for op in ("insert", "update", "delete"):
            conn.execute(text(f"DROP TRIGGER rollup_mark_{op}" + " ON posts" * pg))
        conn.execute(text("DROP INDEX ix_posts_day_source"))
        conn.execute(text("CREATE INDEX ix_posts_day ON posts (day)"))
        conn.execute(text("DROP TABLE daily_rollup"))
        conn.execute(text("DROP TABLE rollup_dirty"))
        conn.execute(text("DELETE FROM meta WHERE key = 'rollup_definition'"))
    if version < 2:  # mentions.sentiment
        conn.execute(text("ALTER TABLE mentions DROP COLUMN sentiment"))
    conn.execute(text("UPDATE meta SET value = :v WHERE key = 'schema_version'"),
                 {"v": str(version)})


# --- the daily rollup -------------------------------------------------------------------

def rollup_rows(engine) -> list[tuple]:
    """The daily rollup's rows, sorted and rounded (sums of floats differ in the last bits)."""
    with engine.connect() as conn:
        return _rounded(conn.execute(select(daily_rollup)).all())


def _rounded(rows) -> list[tuple]:
    return sorted(tuple(round(v, 9) if isinstance(v, float) else v for v in r) for r in rows)


def assert_exact(engine) -> None:
    """The rollup is current and equals a recomputation from the raw rows (and holds some)."""
    with engine.connect() as conn:
        assert rollup.is_current(conn)
        recomputed = _rounded(conn.execute(rollup.group_rows([])).all())
    assert rollup_rows(engine) == recomputed != []


def copied(engine) -> dict[str, str | None]:
    """source_id -> the source_id of the post it copies (None: it copies none)."""
    first = posts.alias("first")
    with engine.connect() as conn:
        return dict(conn.execute(select(posts.c.source_id, first.c.source_id).outerjoin(
            first, first.c.id == posts.c.duplicate_of)).all())


def assert_settled(engine) -> None:
    """The stored copies are what finding them all again gives, nothing waits to be
    settled, and the rollup counts by them."""
    stored = copied(engine)
    with engine.connect() as conn, conn.begin() as transaction:
        assert conn.execute(select(story_dirty)).first() is None
        copies.rebuild(conn)
        first = posts.alias("first")
        again = dict(conn.execute(select(posts.c.source_id, first.c.source_id).outerjoin(
            first, first.c.id == posts.c.duplicate_of)).all())
        transaction.rollback()
    assert stored == again
    assert_exact(engine)


# --- hostile posts ------------------------------------------------------------------------

# searches on the Posts page that match the hostile payloads (reliability/payloads.py)
SEARCHES = ["PWN", "<script", ":red[", "javascript:", "](", "'; DROP TABLE posts; --"]


def hostile_store(folder: Path) -> str:
    """A SQLite store in ``folder`` holding every hostile payload, imported by the CLI."""
    posts = folder / "hostile.jsonl"
    hostile_posts().to_json(posts, orient="records", lines=True, date_format="iso")
    url = f"sqlite:///{folder / 'hostile.sqlite'}"
    assert main(["import", str(posts), "--source", "hostile", "--keep-handles", "--db", url,
                 "--quiet"]) == 0
    return url


# --- `streamlit run` and a real browser ---------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason=f"{CHROMIUM} not installed (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(store_url: str) -> Iterator[str]:
    """`streamlit run streamlit_app.py` on ``store_url``, on a free local port; yields the
    app's address once it answers, and stops the server afterwards."""
    port = free_port()
    env = os.environ | {"DASHBOARD_DB": store_url, "STREAMLIT_SERVER_HEADLESS": "true",
                        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
                             "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit run did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def app_page(monkeypatch, url: str, page: str = "overview", **query):
    """One run of a page of the app (AppTest) on the store ``url``, with ``query`` in its
    address; it must raise nothing (a fault must be a message)."""
    from streamlit.testing.v1 import AppTest
    monkeypatch.setenv("DASHBOARD_DB", url)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    if page != "overview":
        at.switch_page(f"dashboard/app_pages/{page}.py")
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def settle(page, plots: int, timeout: float = 90):
    """Wait until the script finished, ``plots`` charts are drawn and the page stopped
    changing for two seconds."""
    deadline, last, since = time.time() + timeout, None, time.time()
    while time.time() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count()
        drawn = page.locator(".js-plotly-plot").count()
        state = (running, drawn, len(page.inner_text("body")))
        if state != last:
            last, since = state, time.time()
        elif not running and drawn >= plots and time.time() - since >= 2:
            return
        page.wait_for_timeout(250)
    pytest.fail(f"page did not settle with {plots} charts in {timeout}s")


def switches(scorer: Scorer, texts: list[str]) -> list[tuple]:
    """(from, to, kind) of each text as the scorer reads it, None where missing."""
    scored = scorer.score_frame(pd.DataFrame({"text": texts}))
    return [tuple(v if isinstance(v, str) else None for v in row) for row in
            scored[["switch_from", "switch_to", "switch_kind"]].itertuples(index=False)]


def switch_example_tests(cases: list[tuple[str, tuple]], near_misses: list[str]):
    """The two tests of a module of switching examples written in our own words: each case
    comes out as (from, to, kind), and no near miss is counted as leaving or moving."""
    @pytest.mark.parametrize("text, expected", cases, ids=[t[:50] for t, _ in cases])
    def test_examples(full_scorer, text, expected):
        assert switches(full_scorer, [text]) == [expected]

    @pytest.mark.parametrize("text", near_misses, ids=[t[:50] for t in near_misses])
    def test_near_misses_are_not_counted_as_leaving(full_scorer, text):
        [(_, _, kind)] = switches(full_scorer, [text])
        assert kind not in ("leave", "move"), text

    return test_examples, test_near_misses_are_not_counted_as_leaving
