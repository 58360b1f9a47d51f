"""Shared fixtures. No test reaches the network: sockets may only connect to this machine."""
from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dashboard.store import open_store
from dashboard.tracker import load_tracker

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"
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


def shared(*parts: str) -> Path:
    """A file under ../shared, or skip the test saying why."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/ is only beside the project checkout)")
    return path


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
