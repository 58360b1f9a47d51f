"""Streamlit glue shared by every page: the store, cached loads, and the sidebar filters.

The router (``streamlit_app.py``) calls ``setup()`` once per script run; it opens the
store (building the demo store on first use), draws the filters in the sidebar, bound to
the URL so a copied link reopens the same view, shows the simulated-data banner, and
leaves a ``Context`` that pages read with ``context()``. Only the ``load_*`` functions here
are cached (``st.cache_data``); they take the store URL and plain values so the cache key
is exactly what was asked.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import paths, queries
from dashboard.events import load_events as read_events
from dashboard.export import daily_table
from dashboard.metrics import rank_lines
from dashboard.queries import Filters
from dashboard.tracker import Tracker, load_tracker

TTL = "5m"  # how stale a view may be while collectors write
SENTIMENTS = ["negative", "neutral", "positive"]


@dataclass(frozen=True)
class Context:
    url: str
    tracker: Tracker
    filters: Filters
    info: dict  # queries.store_overview of the whole store
    is_demo: bool

    @property
    def simulated(self) -> bool:
        return self.info["simulated"]


@st.cache_resource(show_spinner=False)
def _engine(url: str):
    from dashboard.store import open_store
    return open_store(url)


@st.cache_resource(show_spinner="Building the simulated demo store (first run only)…")
def _demo_ready(url: str, tracker_path: str) -> bool:
    """Build the demo store once per process if it is empty."""
    from dashboard.demo import build_demo
    engine = _engine(url)
    if queries.store_overview(engine)["posts"] == 0:
        build_demo(engine, load_tracker(tracker_path))
    return True


@st.cache_resource(show_spinner=False)
def _tracker(path: str) -> Tracker:
    return load_tracker(path)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_info(url: str) -> dict:
    return queries.store_overview(_engine(url))


@st.cache_data(ttl=TTL, show_spinner=False)
def load_daily(url: str, tracker_path: str, f: Filters) -> pd.DataFrame:
    return daily_table(_engine(url), _tracker(tracker_path), f)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_rank_lines(url: str, f: Filters, store: str) -> pd.DataFrame:
    engine = _engine(url)
    ranks = queries.rank_history(engine, f)
    snaps = queries.rank_snapshots(engine, f)
    return rank_lines(ranks[ranks["store"] == store], snaps[snaps["store"] == store])


@st.cache_data(ttl=TTL, show_spinner=False)
def load_events() -> pd.DataFrame:
    return read_events()


def setup() -> Context:
    """Open the store, draw the shared sidebar filters and the simulated-data banner."""
    url, is_demo = paths.app_store_url()
    tracker_path = str(paths.tracker_path())
    tracker = _tracker(tracker_path)
    if is_demo:
        _demo_ready(url, tracker_path)
    info = load_info(url)
    ctx = Context(url, tracker, sidebar_filters(info, tracker), info, is_demo)
    if ctx.simulated:
        simulated_banner()
    st.session_state["_context"] = ctx
    return ctx


def context() -> Context:
    """The Context the router set up for this run."""
    return st.session_state["_context"]


def simulated_banner() -> None:
    st.warning("**Simulated demo data.** Every post, rank and run shown here was generated "
               "by this project's demo (a seeded simulation shaped to publicly reported "
               "figures, see *data/demo/*). The events marked on the charts are real; the "
               "posts are not. Import your own data to replace it.", icon="⚠️")


def sidebar_filters(info: dict, tracker: Tracker) -> Filters:
    """Date range, brands, sources, countries and sentiment, each bound to the URL."""
    sb = st.sidebar
    sb.header("Filters")
    first, last = info["first_day"], info["last_day"]
    start = end = None
    if first and last:
        picked = sb.date_input("Dates (UTC)", value=(first, last), min_value=first,
                               max_value=last, key="dates", bind="query-params")
        start, end = _date_range(picked, first, last)
    brands = sb.multiselect("Brands", tracker.brand_names, default=tracker.brand_names,
                            key="brands", bind="query-params")
    sources = sb.multiselect("Sources", info["sources"], key="sources",
                             placeholder="All sources", bind="query-params")
    countries = sb.multiselect("App-store countries", info["countries"], key="countries",
                               placeholder="All countries", format_func=str.upper,
                               bind="query-params")
    sentiments = sb.multiselect("Sentiment", SENTIMENTS, key="sentiment",
                                placeholder="Any sentiment", bind="query-params")
    sb.caption("Every choice is kept in the page address: copy the link to share this view.")
    return Filters(start=start, end=end, brands=tuple(brands or tracker.brand_names),
                   sources=tuple(sources), countries=tuple(countries),
                   sentiments=tuple(sentiments))


def _date_range(picked, first: date, last: date) -> tuple[date, date]:
    """A (start, end) pair even while the reader has picked only the first date."""
    if isinstance(picked, date):
        return picked, picked
    picked = tuple(picked or ())
    if len(picked) == 2:
        return picked
    return (picked[0], last) if picked else (first, last)
