"""Where things live by default, and how a store URL is chosen.

Store URL precedence: ``--db`` option > ``DASHBOARD_DB`` environment variable (also set from
a top-level ``DASHBOARD_DB`` in ``.streamlit/secrets.toml``) > ``data/dashboard.sqlite`` when
it exists > the demo store ``data/demo.sqlite`` (built by ``make run`` or ``python -m
dashboard demo``; the app never builds it).

May import: nothing of the project.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DEFAULT_TRACKER = DATA / "trackers" / "ai-assistants.toml"
EVENTS_CSV = DATA / "events.csv"
USER_STORE = DATA / "dashboard.sqlite"
DEMO_STORE = DATA / "demo.sqlite"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def cli_store_url(db: str | None = None) -> str:
    """Where the CLI writes: --db, else DASHBOARD_DB, else data/dashboard.sqlite."""
    return db or os.environ.get("DASHBOARD_DB") or sqlite_url(USER_STORE)


def dashboard_store_url(db: str | None = None) -> tuple[str, bool]:
    """The store the dashboard (the Streamlit app) reads, and whether it is the simulated
    demo store."""
    chosen = db or os.environ.get("DASHBOARD_DB")
    if chosen:
        return chosen, False
    if USER_STORE.exists():
        return sqlite_url(USER_STORE), False
    return sqlite_url(DEMO_STORE), True


def tracker_path(tracker: str | None = None) -> Path:
    return Path(tracker or os.environ.get("DASHBOARD_TRACKER") or DEFAULT_TRACKER)
