"""App Store charts: a snapshot of Apple's top charts per country, on every run.

Apple's feeds show only the chart as it is now, so the rank history is exactly what the
schedule builds. The marketing-tools JSON feed (top-free, top-paid; up to 100 apps) is read
first; the older iTunes RSS JSON feed (up to 200, and top-grossing) is the fallback, and the
only feed for a longer chart. No credentials. Settings: the tracker's ``[charts]`` table
(countries, charts, limit, and ``base_url`` and ``legacy_base_url`` for the two feeds).

May import: collectors.base, collectors.http, vocabulary, write.store (chart snapshots are
not posts).
"""
from __future__ import annotations

import pandas as pd

from dashboard.collectors.base import CollectContext, Tally
from dashboard.collectors.http import STOPS_SOURCE, Http, HttpError
from dashboard.vocabulary import APP_STORE
from dashboard.write.store import write_ranks

SOURCE = "app_store_charts"
BASE_URL = "https://rss.applemarketingtools.com"
FEED = "{base}/api/v2/{country}/apps/{chart}/{limit}/apps.json"
FEED_MAX = 100
LEGACY_BASE_URL = "https://itunes.apple.com"
LEGACY_FEED = "{base}/{country}/rss/{chart}/limit={limit}/json"
LEGACY_CHARTS = {"top-free": "topfreeapplications", "top-paid": "toppaidapplications",
                 "top-grossing": "topgrossingapplications"}
RANK_COLUMNS = ["app_id", "app_name", "rank"]


def fetch_chart(http: Http, country: str, chart: str, limit: int,
                base: str = BASE_URL) -> dict:
    return http.get_json(FEED.format(base=base, country=country, chart=chart, limit=limit))


def fetch_legacy_chart(http: Http, country: str, chart: str, limit: int,
                       base: str = LEGACY_BASE_URL) -> dict:
    return http.get_json(LEGACY_FEED.format(base=base, country=country,
                                            chart=LEGACY_CHARTS[chart], limit=limit))


def parse_chart(raw: dict) -> pd.DataFrame:
    """Either feed -> app_id, app_name, rank (1 = top), in chart order."""
    feed = raw.get("feed", {})
    if "results" in feed:
        apps = [(str(r["id"]), r.get("name")) for r in feed["results"]]
    else:
        entry = feed.get("entry", [])
        apps = [(e["id"]["attributes"]["im:id"], e.get("im:name", {}).get("label"))
                for e in ([entry] if isinstance(entry, dict) else entry)]
    frame = pd.DataFrame(apps, columns=["app_id", "app_name"])
    frame["rank"] = range(1, len(frame) + 1)
    return frame[RANK_COLUMNS]


def snapshot(ctx: CollectContext, country: str, chart: str, limit: int) -> pd.DataFrame:
    """The chart now: the current feed, else (with a note) the legacy one."""
    problem = None
    if limit <= FEED_MAX and chart in ("top-free", "top-paid"):
        try:
            frame = parse_chart(fetch_chart(ctx.http, country, chart, limit,
                                            ctx.tracker.charts.base_url or BASE_URL))
            if not frame.empty:
                return frame
            problem = "an empty chart"
        except STOPS_SOURCE:
            raise
        except (HttpError, KeyError, TypeError, ValueError) as e:
            problem = str(e)
        ctx.report.note(f"{country} {chart}: current feed gave {problem}; using the legacy feed")
    if chart not in LEGACY_CHARTS:
        raise ValueError(f"no feed has a chart named {chart!r}; use one of "
                         f"{', '.join(LEGACY_CHARTS)}")
    frame = parse_chart(fetch_legacy_chart(ctx.http, country, chart, limit,
                                           ctx.tracker.charts.legacy_base_url or LEGACY_BASE_URL))
    if frame.empty:
        raise ValueError(f"both feeds gave an empty {chart} chart for {country}")
    return frame


def collect(ctx: CollectContext, tally: Tally) -> None:
    charts = ctx.tracker.charts
    captured = pd.Timestamp(ctx.now).floor("s")
    for country in charts.countries:
        for chart in charts.charts:
            with tally.unit(f"{country} {chart}"):
                frame = snapshot(ctx, country, chart, charts.limit).assign(
                    captured_at=captured, store=APP_STORE, country=country, chart=chart)
                frame["brand"] = [ctx.tracker.brand_for_app(APP_STORE, a)
                                  for a in frame["app_id"]]
                tally.items += write_ranks(ctx.engine, frame)
