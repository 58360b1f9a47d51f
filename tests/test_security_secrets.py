"""Secrets never leave: canary credentials (Reddit, Bluesky, Mastodon, the login tokens
the services hand out, a database password) are pushed through every path a message can
take, and must appear in none of them: the terminal and --log-json output of `collect`
against servers that fail and echo back what they were sent, the run records and
everything else in the store file, the exports, `open_store`'s errors, and the dashboard
pages (AppTest) opened on a DASHBOARD_DB whose URL holds a password."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import requests
import responses
from streamlit.testing.v1 import AppTest

from dashboard.cli import main
from dashboard.collectors.http import Http
from dashboard.errors import UserError
from dashboard.write.store import open_store
from reliability import tally
from tests.helpers import ROOT, offline_collect

CANARY = "CANARY-7f3a9c"  # in every secret below: finding "CANARY" finds even a part of one
CREDENTIALS = {
    "praw_client_id": f"{CANARY}-reddit-id", "praw_client_secret": f"{CANARY}-reddit-secret",
    "praw_user_agent": f"script:test:0.1 (by u/{CANARY})",
    "bluesky_handle": f"{CANARY.lower()}.bsky.social",
    "bluesky_app_password": f"{CANARY}-bsky-pass",
    "mastodon_token_mastodon_example": f"{CANARY}-mastodon-token",
}
TOKENS = {"reddit": f"{CANARY}-reddit-access-token", "bluesky": f"{CANARY}-bsky-jwt"}
ANY = re.compile(r"https://.*")


def echo(request) -> str:
    """Everything a request carried, as a careless server or library repeats it."""
    return f"{request.method} {request.url} {dict(request.headers)} {request.body!r}"


def serve_failures(web, logins_work: bool) -> None:
    """Every request fails and echoes what it was sent: in an error page, in a header, or in
    a connection error's message. With ``logins_work`` the logins hand out canary tokens
    first, so the requests that fail carry them."""
    if logins_work:
        web.post("https://www.reddit.com/api/v1/access_token", json={
            "access_token": TOKENS["reddit"], "token_type": "bearer", "expires_in": 3600,
            "scope": "*"})
        web.post("https://bsky.social/xrpc/com.atproto.server.createSession", json={
            "accessJwt": TOKENS["bluesky"], "refreshJwt": TOKENS["bluesky"] + "-refresh",
            "handle": "x", "did": "did:plc:x"})
    replies = [
        lambda r: (401, {"WWW-Authenticate": f"Bearer error={echo(r)!r}"[:300]},
                   json.dumps({"error": "Unauthorized", "message": echo(r)})),
        lambda r: (500, {}, f"<html><body><pre>{echo(r)}</pre></body></html>"),
        lambda r: (_ for _ in ()).throw(requests.ConnectionError(f"reset while {echo(r)}")),
    ]
    turn = iter(range(10**6))
    for method in ("GET", "POST"):
        web.add_callback(method, ANY, callback=lambda r: replies[next(turn) % 3](r))


@pytest.fixture
def setup(tmp_path, monkeypatch):
    monkeypatch.setattr("prawcore.sessions.time.sleep", lambda s: None)
    return tmp_path, offline_collect(monkeypatch, tmp_path, "canary.toml", CREDENTIALS)


def leaks(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(r".{0,40}CANARY.{0,40}", text,
                                            re.IGNORECASE)]


def store_bytes(folder: Path) -> str:
    """The store file and its WAL, as bytes decoded leniently: a secret anywhere in them
    (run errors, meta, posts) shows up here."""
    return "".join(p.read_bytes().decode("utf-8", "replace")
                   for p in sorted(folder.glob("store.sqlite*")))


@pytest.mark.parametrize("logins_work", [False, True], ids=["logins fail", "logins work"])
@pytest.mark.parametrize("output", [["--log-json"], [], ["--quiet"]],
                         ids=["log-json", "terminal", "quiet"])
def test_collect_never_prints_logs_or_stores_a_secret(setup, capsys, logins_work, output):
    folder, args = setup
    with responses.RequestsMock(assert_all_requests_are_fired=False) as web, \
            tally.scenario("secrets"):
        serve_failures(web, logins_work)
        assert main(["collect", *output, *args]) == 1
        printed = capsys.readouterr()
        assert printed.err.strip() or "--quiet" in output
        for path in ("posts", "ranks", "daily"):
            assert main(["export", "--table", path, "-o", str(folder / f"{path}.csv"),
                         "--quiet", *args]) == 0
        exported = "".join(p.read_text() for p in folder.glob("*.csv"))
        assert leaks(printed.out + printed.err) == []
        assert leaks(store_bytes(folder)) == []
        assert leaks(exported) == []


def test_the_echoing_servers_really_echo(setup):
    """The canary does reach the failures above: what is redacted was really there."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as web:
        serve_failures(web, logins_work=True)
        session = Http(sleep=lambda s: None, retries=0).session
        reply = session.get("https://example.test/x", headers={"Authorization": CANARY})
        assert CANARY in reply.text


BAD_URLS = [
    f"postgresql://user:{CANARY}@127.0.0.1:1/db",  # nothing listens there
    f"postgres://user:{CANARY}@127.0.0.1:notaport/db",
    f"postgresql+nodriver://user:{CANARY}@127.0.0.1/db",
    f"mysql://user:{CANARY}@127.0.0.1:1/db",
    f"postgresql://user:{CANARY}@[::1:1/db",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_store_errors_hide_the_password(url, capsys):
    with tally.scenario("secrets"):
        with pytest.raises(UserError) as e:
            open_store(url)
        assert leaks(str(e.value)) == []
        assert main(["export", "--table", "posts", "-o", "/dev/null", "--db", url]) == 2
        assert leaks(capsys.readouterr().err) == []


def test_a_password_in_the_query_string_is_hidden_too():
    with pytest.raises(UserError) as e:
        open_store(f"postgresql://user@127.0.0.1:1/db?password={CANARY}")
    assert leaks(str(e.value)) == []


def page_text(at) -> str:
    """Every string the app put on its pages (AppTest's element tree), errors included."""
    return str([(node.type, getattr(node, "proto", None)) for node in walk(at._tree)])


def walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


PAGES = ["overview.py", "switching.py", "ranks.py", "posts.py", "sources.py", "about.py"]


def open_pages(monkeypatch, url: str) -> list:
    monkeypatch.setenv("DASHBOARD_DB", url)
    done = []
    for name in PAGES:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.switch_page(f"dashboard/app_pages/{name}")
        done.append(at.run())
    return done


@pytest.mark.postgres
def test_pages_on_a_store_url_with_a_password(monkeypatch, pg_url):
    """PostgreSQL here trusts local connections, so the password is ignored and every page
    draws; none may show it."""
    url = pg_url.replace("postgresql+psycopg://postgres@",
                         f"postgresql+psycopg://postgres:{CANARY}@")
    with tally.scenario("secrets"):
        for at in open_pages(monkeypatch, url):
            assert not at.exception
            assert leaks(page_text(at)) == []


def test_pages_on_an_unreachable_store_url_with_a_password(monkeypatch):
    with tally.scenario("secrets"):
        at = open_pages(monkeypatch, f"postgresql://user:{CANARY}@127.0.0.1:1/db")[0]
        assert not at.exception and at.error, "the failure is shown, as a message"
        assert leaks(page_text(at)) == []
