"""Shared fixtures (their helpers are in ``helpers.py``). No test reaches the network:
sockets may only connect to this machine.

May import: dashboard, tests.helpers and the test libraries.
"""
from __future__ import annotations

import os
import socket
import uuid

import pytest
import responses
from sqlalchemy import create_engine, text

from dashboard.scoring import Scorer
from dashboard.tracker import load_tracker
from dashboard.write.store import open_store
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, hostile_store, streamlit_server

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
LOCAL = {"127.0.0.1", "::1", "localhost", "0.0.0.0"}

_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and host not in LOCAL:
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def no_network():
    socket.socket.connect = _guarded_connect
    yield
    socket.socket.connect = _connect


@pytest.fixture(scope="session")
def tracker():
    return load_tracker(ROOT / "data" / "trackers" / "ai-assistants.toml")


@pytest.fixture(scope="session")
def full_scorer(tracker):
    """The default scorer on the shipped tracker (building one reads the lexicon)."""
    return Scorer(tracker)


@pytest.fixture
def engine():
    """A fresh in-memory SQLite store."""
    return open_store("sqlite://")


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory):
    """A demo store built once per test session by `python -m dashboard demo`."""
    from dashboard.cli import main
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    assert main(["demo", "--db", url, "--quiet"]) == 0
    return url


@pytest.fixture
def pg_url():
    """A PostgreSQL URL on a private schema, dropped afterwards; skips without a server."""
    base = os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG)
    url = base.replace("postgresql://", "postgresql+psycopg://", 1)
    schema = f"t_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as e:  # no server here: say so rather than fail
        pytest.skip(f"no PostgreSQL at {base} ({type(e).__name__}); set TEST_POSTGRES_URL")
    sep = "&" if "?" in url else "?"
    yield f"{url}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A new store, on SQLite and then on PostgreSQL (skipped without a server)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def web():
    """Replayed HTTP (`responses`): register what each request gets."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as r:
        yield r


@pytest.fixture(scope="session")
def hostile_url(tmp_path_factory):
    """A store of hostile posts (reliability/payloads.py), built once per session."""
    return hostile_store(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def app_url(served_store):
    """`streamlit run` on the store the test module names in its ``served_store`` fixture."""
    with streamlit_server(served_store) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (tests using it are marked needs_chromium)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
