"""Where things live by default (in the checkout, or for an installed copy in the package
and the current directory), and how a store URL is chosen.

Store URL precedence: ``--db`` option > ``DASHBOARD_DB`` environment variable (also set from
a top-level ``DASHBOARD_DB`` in ``.streamlit/secrets.toml``) > ``data/dashboard.sqlite`` when
it exists > the demo store ``data/demo.sqlite`` (built by ``make run`` or ``python -m
dashboard demo``; the app never builds it).

May import: nothing of the project.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Run from a checkout, everything lives in it. A copy installed by `pip install .` carries
# the read-only data inside the package (dashboard/data) and keeps stores, secrets and
# results under the current directory.
INSTALLED = (PACKAGE / "data").is_dir()
ROOT = Path.cwd() if INSTALLED else PACKAGE.parent
DATA = PACKAGE / "data" if INSTALLED else ROOT / "data"  # lexicon, trackers, events, demo
DEFAULT_TRACKER = DATA / "trackers" / "ai-assistants.toml"
EVENTS_CSV = DATA / "events.csv"
USER_STORE = ROOT / "data" / "dashboard.sqlite"
DEMO_STORE = ROOT / "data" / "demo.sqlite"
# local copies of stores read over HTTP(S) (files/remote_store.py)
REMOTE_CACHE = Path(os.environ.get("DASHBOARD_CACHE") or ROOT / "data" / "remote")


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
