"""Streamlit glue shared by every page: the store, cached loads, filters, chart exports.

The router (``streamlit_app.py``) calls ``run_page`` once per script run: ``setup()`` opens
the store (or, when there is none, says how to make one: the app never builds the demo, the
CLI and ``make run`` do; a store at an ``https://`` or ``http://`` URL is read from a local
copy, fetched again when it changed, ``files/remote_store.py``), draws the filters in the
sidebar, bound to the URL so a copied link reopens the same view on any page, shows the
simulated-data banner, and leaves a ``PageContext`` that pages read with ``context()``; a
store that fails stops the page with a message saying what failed, never a traceback.
Every page says under its title how old the data is. Only the ``load_*`` functions here are
cached (``st.cache_data``), and the rank figure (``rank_figure``); they take the store URL
and plain values so the cache key is exactly what was asked.

May import: the read side, files, charts, the foundation, and ``write.store.open_store``
(opening a store brings it up to date); never the demo, collectors or other writes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from dashboard import charts, paths
from dashboard.errors import UserError
from dashboard.events import load_events as read_events
from dashboard.files import figures as fx
from dashboard.files import remote_store
from dashboard.files.export import csv_bytes, parquet_bytes
from dashboard.files.visible import visible_frame
from dashboard.read import episodes, queries
from dashboard.read.daily import daily_table
from dashboard.read.filters import Filters
from dashboard.read.freshness import age_in_words, data_as_of
from dashboard.read.metrics import dense_start, rank_lines
from dashboard.read.ratings import ratings_table
from dashboard.read.reasons import posts_by_reason
from dashboard.tracker import Tracker, load_tracker
from dashboard.vocabulary import APP_STORE, SENTIMENT_LABELS, STORES
from dashboard.write.store import open_store

TTL = "5m"  # how stale a view may be while collectors write
HOURLY_UP_TO_DAYS = 7  # ranges this short are plotted per hour
SEARCH_LIMIT = queries.SEARCH_LIMIT  # characters a search box takes
TEXT_SHOWN = queries.TEXT_SHOWN  # characters of a post's text a table shows
REASONS_READ = 50_000  # leaving posts a view reads for reasons, newest first (seconds at most)


@dataclass(frozen=True)
class PageContext:
    url: str
    tracker: Tracker
    filters: Filters
    info: dict  # queries.store_overview of the whole store
    is_demo: bool
    remote: remote_store.LocalCopy | None = None  # the local copy of a store read over HTTP

    @property
    def simulated(self) -> bool:
        return self.info["simulated"]

    @property
    def tracker_path(self) -> str:
        return self.tracker.path

    @property
    def colors(self) -> dict[str, str]:
        """Brand -> its colour on every chart."""
        return charts.brand_colors(self.tracker)

    @property
    def hourly(self) -> bool:
        f = self.filters
        return bool(f.start and f.end and (f.end - f.start).days < HOURLY_UP_TO_DAYS)

    def previous(self) -> Filters:
        """The same filters over the period of equal length just before this one."""
        f = self.filters
        span = (f.end - f.start).days + 1
        return replace(f, start=f.start - timedelta(days=span), end=f.start - timedelta(days=1))


@st.cache_resource(show_spinner="Opening the store…", max_entries=4)  # a remote store's
def _engine(url: str):  # every new copy is a new URL
    # opening brings the store up to date: its schema, and its daily figures when this
    # code counts them differently (a one-off rebuild)
    return open_store(url)


@st.cache_resource(show_spinner=False)
def _tracker(path: str) -> Tracker:
    return load_tracker(path)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_info(url: str) -> dict:
    """``queries.store_overview``, ``default_start``: where the dense data begins
    (``metrics.dense_start``), the start of the default date range, and ``rank_stores``:
    the app stores whose charts were captured."""
    engine = _engine(url)
    info = queries.store_overview(engine)
    return info | {"default_start": dense_start(queries.posts_per_day(engine))
                   or info["first_day"], "rank_stores": queries.rank_stores(engine)}


@st.cache_data(ttl=TTL, show_spinner=False)
def load_as_of(url: str):
    return data_as_of(_engine(url))


@st.cache_data(ttl=TTL, show_spinner=False)
def load_scorers(url: str) -> pd.DataFrame:
    return queries.scorer_versions(_engine(url))


@st.cache_data(ttl=TTL, show_spinner=False)
def load_daily(url: str, tracker_path: str, f: Filters, hourly: bool = False) -> pd.DataFrame:
    return daily_table(_engine(url), _tracker(tracker_path), f, hourly)


def load_rank_lines(url: str, f: Filters, store: str) -> pd.DataFrame:
    """Rank lines, cached on the filters that apply to ranks: a change of sources or
    sentiment does not reload them."""
    return _rank_lines(url, replace(f, sources=(), sentiments=()), store)


@st.cache_data(ttl=TTL, show_spinner=False)
def _rank_lines(url: str, f: Filters, store: str) -> pd.DataFrame:
    engine = _engine(url)
    ranks = queries.rank_history(engine, f)
    snaps = queries.rank_snapshots(engine, f)
    return rank_lines(ranks[ranks["store"] == store], snaps[snaps["store"] == store])


def rank_figure(ctx: PageContext, store: str, title: str):
    """``charts.rank_chart`` of the rank lines in view on ``store``: built once per view and
    shared (a panel per country takes longer to build than the rest of the Overview; the
    figure is only read afterwards), like the rank lines, whatever the sources or
    sentiment picked."""
    f = replace(ctx.filters, sources=(), sentiments=())
    return _rank_figure(ctx.url, ctx.tracker_path, f, store, title, ctx.simulated)


@st.cache_resource(ttl=TTL, max_entries=32, show_spinner=False)
def _rank_figure(url: str, tracker_path: str, f: Filters, store: str, title: str,
                 simulated: bool):
    tracker = _tracker(tracker_path)
    return charts.rank_chart(load_rank_lines(url, f, store), load_markers(f.start, f.end),
                             charts.brand_colors(tracker), title, tracker.charts.limit,
                             simulated, list(tracker.charts.countries))


@st.cache_data(ttl=TTL, show_spinner="Reading why they leave…")
def load_reasons(url: str, tracker_path: str, f: Filters) -> tuple[pd.DataFrame, int]:
    """``reasons.posts_by_reason`` of the newest ``REASONS_READ`` posts at most: one row per
    post and reason it gives, and how many posts were read."""
    matches, read = posts_by_reason(_engine(url), _tracker(tracker_path), f, REASONS_READ)
    return visible_frame(matches), read


@st.cache_data(ttl=TTL, show_spinner=False)
def load_ratings(url: str, tracker_path: str, f: Filters) -> pd.DataFrame:
    return ratings_table(_engine(url), _tracker(tracker_path), f)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_episode(url: str, tracker_path: str, f: Filters, day0: date, brand: str
                 ) -> pd.DataFrame:
    """``episodes.episode_days`` of ``brand`` around ``day0``, within the store's days and
    ``f``'s sources, countries and sentiment (not its dates or brands)."""
    info = load_info(url)
    start, end = episodes.window(day0, info["first_day"], info["last_day"])
    f = replace(f, start=start, end=end, brands=(brand,))
    daily = load_daily(url, tracker_path, f)
    ranks = queries.rank_history(_engine(url), replace(f, sources=(), sentiments=()))
    return episodes.episode_days(daily, episodes.best_ranks(ranks), day0)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_outages(url: str, f: Filters) -> pd.DataFrame:
    return queries.source_outages(_engine(url), f)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_flows(url: str, f: Filters) -> pd.DataFrame:
    return queries.switch_flows(_engine(url), f)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_posts(url: str, f: Filters, limit: int = 500, search: str = "", day: date | None = None,
               kinds: tuple[str, ...] = (), flow: tuple[str, str] | None = None,
               order: str = "engagement", implausible: bool = False) -> pd.DataFrame:
    # shown as stored, but never reordered on screen by the text's own bidi controls
    return visible_frame(queries.post_rows(_engine(url), f, limit=limit, search=search,
                                           day=day, kinds=kinds, flow=flow, order=order,
                                           implausible=implausible))


@st.cache_data(ttl=TTL, show_spinner=False)
def load_copies(url: str, stories: tuple[int, ...]) -> pd.DataFrame:
    return visible_frame(queries.story_copies(_engine(url), list(stories)))


@st.cache_data(ttl=TTL, show_spinner=False)
def load_texts(url: str, f: Filters, brand: str, limit: int = 5000) -> list[str]:
    return queries.texts(_engine(url), f, brand, limit)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_runs(url: str, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    engine = _engine(url)
    return queries.latest_runs(engine), queries.run_days(engine, f)


@st.cache_data(ttl=TTL, show_spinner=False)
def load_events() -> pd.DataFrame:
    return read_events()


@st.cache_data(ttl=TTL, show_spinner=False)
def load_markers(start: date | None, end: date | None) -> pd.DataFrame:
    """The events between ``start`` and ``end``, numbered for the charts."""
    return charts.event_markers(load_events(), start, end)


def run_page(page) -> None:
    """Set up the shared sidebar and run ``page`` (an ``st.Page``). A store that cannot be
    opened or fails while the page reads it (unreachable, corrupt, read-only, full, newer
    than this code) stops the page with what failed and which store, never a traceback."""
    try:
        setup()
        page.run()
    except UserError as e:
        st.error("**The store cannot be used.** Every page needs it; what failed, and what "
                 "to do:", icon=":material/database:")
        st.code(str(e), language=None, wrap_lines=True)  # verbatim: a path is not Markdown


def setup() -> PageContext:
    """Open the store, draw the shared sidebar filters and the simulated-data banner."""
    url, is_demo = paths.dashboard_store_url()
    tracker = _tracker(str(paths.tracker_path()))
    if is_demo and not paths.DEMO_STORE.exists():
        no_store()
    remote = None
    if remote_store.is_remote(url):
        remote = remote_copy(url)
        url = remote_store.read_only_url(remote.path)
    info = load_info(url)
    ctx = PageContext(url, tracker, sidebar_filters(info, tracker), info, is_demo, remote)
    if ctx.simulated:
        simulated_banner()
    st.session_state["_context"] = ctx
    st.session_state["_report"] = []
    return ctx


def remote_copy(url: str) -> remote_store.LocalCopy:
    """The local copy of the store at ``url``; a failed refresh is shown as an error above
    the last good copy, and without any copy the page stops there."""
    every = timedelta(seconds=float(os.environ.get("DASHBOARD_DB_CHECK_SECONDS") or 300))
    copy = remote_store.local_copy(url, paths.REMOTE_CACHE, every)
    if copy.error and copy.path:
        st.error(f"**Could not refresh the data**: {copy.error}. Showing the copy fetched "
                 f"{age_in_words(copy.fetched_at)} ago; the app tries again within "
                 f"{age_in_words(copy.checked_at + every, copy.checked_at)}.",
                 icon=":material/cloud_off:")
    elif copy.error:
        st.error(f"**Could not fetch the data**: {copy.error}. Check the address in "
                 "`DASHBOARD_DB`; reload the page to try again.", icon=":material/cloud_off:")
        st.stop()
    return copy


def freshness(ctx: PageContext) -> str:
    """How old the data on screen is, in one line."""
    as_of = load_as_of(ctx.url)
    line = (f"Data as of {as_of:%d %b %Y, %H:%M} UTC ({age_in_words(as_of)} ago)"
            if as_of else "No data collected yet")
    if ctx.remote:
        line += f" · copy fetched {age_in_words(ctx.remote.fetched_at)} ago"
    return line


NO_STORE = ("**No store yet.** Build the simulated demo store with `make run` (or `python -m "
            "dashboard demo`), import your own posts with `python -m dashboard import FILE "
            "--source NAME`, collect them with `python -m dashboard collect`, or point "
            "`DASHBOARD_DB` at a store. Then reload this page.")


def no_store() -> None:
    """Stop every page with how to make a store, when there is none to read."""
    st.info(NO_STORE, icon=":material/database:")
    st.stop()


def context() -> PageContext:
    """The PageContext the router set up for this run."""
    return st.session_state["_context"]


def page(title: str, needs_data: bool = True) -> PageContext:
    """A page's start: its title and, when it ``needs_data``, a stop with a hint while the
    store holds nothing yet; returns the PageContext."""
    ctx = context()
    st.title(title)
    st.caption(freshness(ctx))
    if needs_data:
        require_data(ctx)
    return ctx


def app_store_picker(ctx: PageContext) -> tuple[str, str]:
    """The app store in view, picked above the rank charts and kept in the URL (``store``):
    its name in the store and the name readers see. Only stores whose charts were captured
    are offered (nothing collects Google Play's; the demo simulates them), and with one,
    nothing is asked."""
    names = {shown: name for name, shown in STORES.items()
             if name in ctx.info["rank_stores"]} or {STORES[APP_STORE]: APP_STORE}
    default = next(iter(names))
    shown = default if len(names) == 1 else st.segmented_control(
        "Store", list(names), default=default, key="store", bind="query-params") or default
    return names[shown], shown


SIMULATED_NOTICE = ("Simulated demo data. Every post, rank and run shown here was generated by "
                    "this project's demo (a seeded simulation shaped to publicly reported "
                    "figures, see data/demo/). The events marked on the charts are real; the "
                    "posts are not.")


def simulated_banner() -> None:
    st.warning(f"**{SIMULATED_NOTICE.split('. ', 1)[0]}.** {SIMULATED_NOTICE.split('. ', 1)[1]}"
               " Import your own data to replace it.", icon="⚠️")


def sidebar_filters(info: dict, tracker: Tracker) -> Filters:
    """Date range, brands, sources, countries and sentiment, each bound to the URL. The
    dates default to where the dense data begins (``load_info``) up to the last day; posts
    with an implausible time are counted below them, and are in no range."""
    sb = st.sidebar
    sb.header("Filters")
    first, last = info["first_day"], info["last_day"]
    start = end = None
    if first and last:
        picked = sb.date_input("Dates (UTC)", value=(info["default_start"], last),
                               min_value=first, max_value=last, key="dates",
                               bind="query-params")
        start, end = _date_range(picked, first, last)
    if info["implausible"]:
        sb.caption(f"{info['implausible']:,} posts dated before their source existed, or "
                   "after they were collected, are left out of every chart and count; "
                   "the Posts page lists them.")
    brands = sb.multiselect("Brands", tracker.brand_names, default=tracker.brand_names,
                            key="brands", bind="query-params")
    sources = sb.multiselect("Sources", info["sources"], key="sources",
                             placeholder="All sources", bind="query-params")
    countries = sb.multiselect("App-store countries", info["countries"], key="countries",
                               placeholder="All countries", format_func=str.upper,
                               bind="query-params")
    sentiments = sb.multiselect("Sentiment", SENTIMENT_LABELS, key="sentiment",
                                placeholder="Any sentiment", bind="query-params")
    sb.caption("Every choice is kept in the page address: copy the link to share this view.")
    return Filters(start=start, end=end, brands=tuple(brands or tracker.brand_names),
                   sources=tuple(sources), countries=tuple(countries),
                   sentiments=tuple(sentiments))


def _date_range(picked, first: date, last: date) -> tuple[date, date]:
    """A (start, end) pair within ``first``..``last``, even while the reader has picked only
    the first date, and in order even when a link gives them the wrong way round."""
    if isinstance(picked, date):
        picked = (picked, picked)
    picked = tuple(picked or ())
    if len(picked) == 1:
        picked = (picked[0], last)
    start, end = sorted(picked) if picked else (first, last)
    return min(max(start, first), last), min(max(end, first), last)


def filter_summary(ctx: PageContext) -> list[tuple[str, str]]:
    """The current filters as (name, value) pairs, for captions and reports."""
    f = ctx.filters
    return [("Dates (UTC)", f"{f.start} to {f.end}"),
            ("Brands", ", ".join(f.brands)),
            ("Sources", ", ".join(f.sources) or "all"),
            ("Countries", ", ".join(c.upper() for c in f.countries) or "all"),
            ("Sentiment", ", ".join(f.sentiments) or "any"),
            ("Store", "simulated demo" if ctx.simulated else "collected data")]


def filter_caption(ctx: PageContext) -> str:
    """One line saying what is on screen, for the top of a page."""
    f = ctx.filters
    dates = f"{f.start:%d %b %Y} – {f.end:%d %b %Y} (UTC)" if f.start else "all dates"
    return " · ".join([dates, ", ".join(f.sources) or "all sources",
                       ", ".join(f.sentiments) or "any sentiment"])


def post_outages(ctx: PageContext) -> pd.DataFrame:
    """Days on which a post source delivered nothing (shaded on the post charts)."""
    outages = load_outages(ctx.url, ctx.filters)
    return outages[outages["source"].isin(ctx.info["sources"])]


def show_chart(fig, name: str, data: pd.DataFrame | None = None, **plotly_kwargs):
    """Draw a figure with its export buttons (PNG, SVG, HTML, and the data behind it).

    Images are made only when a button is clicked. The figure also goes into this page's
    one-file report (``report_button``).
    """
    f = context().filters
    name_for = lambda ext: fx.export_name(name, f.start, f.end, ext=ext)
    config = {"displaylogo": False,
              "toImageButtonOptions": {"filename": name_for("png")[:-4], "scale": 2}}
    event = st.plotly_chart(fig, key=name, config=config, **plotly_kwargs)
    st.session_state["_report"].append((_title(fig), fig))
    cols = st.columns([1, 1, 1, 1, 4])
    try:
        fx.browser_path()
        cols[0].download_button("PNG", lambda: fx.figure_png(fig), name_for("png"),
                                "image/png", key=f"{name}_png", on_click="ignore",
                                icon=":material/image:")
        cols[1].download_button("SVG", lambda: fx.figure_svg(fig), name_for("svg"),
                                "image/svg+xml", key=f"{name}_svg", on_click="ignore")
    except fx.ImageExportUnavailable as e:
        cols[0].caption("PNG/SVG unavailable", help=str(e))
    cols[2].download_button("HTML", lambda: fx.figure_html(fig), name_for("html"),
                            "text/html", key=f"{name}_html", on_click="ignore",
                            help="the interactive chart as one file")
    if data is not None:
        cols[3].download_button("Data", lambda: csv_bytes(data), name_for("csv"), "text/csv",
                                key=f"{name}_csv", on_click="ignore", help="the data, as CSV")
    return event


def add_to_report(title: str, item) -> None:
    """Add a table or a paragraph to this page's report."""
    st.session_state["_report"].append((title, item))


def report_button(page_title: str) -> None:
    """A download of this page as one HTML file: every chart, the tables, the filters."""
    ctx = context()
    sections = list(st.session_state["_report"])
    notice = SIMULATED_NOTICE if ctx.simulated else None
    st.download_button(
        "Download this view as a one-file HTML report",
        lambda: fx.report_html(page_title, filter_summary(ctx), sections, notice),
        fx.export_name(f"report_{page_title}", ctx.filters.start, ctx.filters.end, ext="html"),
        "text/html", key="report", on_click="ignore", icon=":material/description:")


def data_buttons(frame: pd.DataFrame, name: str) -> None:
    """CSV (formula-safe) and Parquet downloads of a filtered table."""
    ctx = context()
    f = ctx.filters
    a, b, _ = st.columns([1, 1, 6])
    a.download_button("CSV", lambda: csv_bytes(frame), fx.export_name(name, f.start, f.end,
                                                                       ext="csv"), "text/csv",
                      key=f"{name}_csv", on_click="ignore", icon=":material/download:")
    b.download_button("Parquet", lambda: parquet_bytes(frame),
                      fx.export_name(name, f.start, f.end, ext="parquet"),
                      "application/vnd.apache.parquet", key=f"{name}_parquet",
                      on_click="ignore")


def _title(fig) -> str:
    text = fig.layout.title.text or ""
    return text.split(" <sup>")[0]


def safe_links(urls: pd.Series) -> pd.Series:
    """Only http(s) URLs become links; anything else (javascript:, data:, ...) is dropped."""
    ok = urls.astype("string").str.match(r"^https?://[^\s]+$", na=False)
    return urls.where(ok, None)


def require_data(ctx: PageContext) -> None:
    """Stop the page with a hint when the store holds nothing yet."""
    if ctx.info["first_day"] is None:
        st.info("The store is empty. Import posts with `python -m dashboard import FILE "
                "--source NAME`, collect them with `python -m dashboard collect`, or run "
                "`python -m dashboard demo` for the simulated demo.")
        st.stop()
