"""App Store reviews: Apple's customer-reviews RSS feed (JSON), newest first, per tracked
app and country.

The feed serves at most 10 pages of 50 reviews, so a store collected less often than the
app gets 500 reviews loses the oldest of them. No credentials. Settings:
``[sources.app_store_reviews] countries`` (default ["us"]) and ``base_url`` (default
https://itunes.apple.com); app ids come from the brands' ``[brands.app_store]`` tables.

May import: collectors.base, collectors.http, vocabulary.
"""
from __future__ import annotations

import re

import pandas as pd

from dashboard.collectors.base import (CollectContext, NothingToCollect, Tally, collect_newest,
                                       join_text, posts_frame, state_key, walk)
from dashboard.collectors.http import Http
from dashboard.vocabulary import APP_STORE

SOURCE = "app_store_reviews"
BASE_URL = "https://itunes.apple.com"
FEED = "{base}/{country}/rss/customerreviews/page={page}/id={app_id}/sortby=mostrecent/json"
MAX_PAGES = 10  # the feed serves no more
_PAGE = re.compile(r"/page=(\d+)/")


def fetch_app_store_reviews(http: Http, app_id: str, country: str, page: int = 1,
                            base: str = BASE_URL) -> dict:
    return http.get_json(FEED.format(base=base, country=country, page=page, app_id=app_id))


def entries(raw: dict) -> list[dict]:
    """The feed's review entries (a lone entry comes as an object; older feeds put the app
    itself first, without a rating)."""
    found = raw.get("feed", {}).get("entry", [])
    found = [found] if isinstance(found, dict) else found
    return [e for e in found if "im:rating" in e]


def next_page(raw: dict) -> int | None:
    """The next page number, from the feed's ``self`` and ``last`` links (page 10 at most)."""
    links = raw.get("feed", {}).get("link", [])
    pages = {link.get("attributes", {}).get("rel"): _page(link) for link in
             ([links] if isinstance(links, dict) else links)}
    current, last = pages.get("self") or 1, min(pages.get("last") or MAX_PAGES, MAX_PAGES)
    return current + 1 if entries(raw) and current < last else None


def _page(link: dict) -> int | None:
    match = _PAGE.search(link.get("attributes", {}).get("href", ""))
    return int(match.group(1)) if match else None


def parse_app_store_reviews(raw: dict, app_id: str) -> pd.DataFrame:
    """Feed entries -> post rows: text is title and review, rating 1-5, engagement the
    helpful votes, community the app id; ``app_version`` is the version reviewed."""
    rows = []
    for e in entries(raw):
        rows.append({
            "source": SOURCE, "source_id": _label(e, "id"),
            "created_at": _label(e, "updated"),
            "author": e.get("author", {}).get("name", {}).get("label"),
            "text": join_text(_label(e, "title"), _label(e, "content")),
            "url": e.get("link", {}).get("attributes", {}).get("href"),
            "community": app_id, "rating": _label(e, "im:rating"),
            "engagement": _label(e, "im:voteSum"), "app_version": _label(e, "im:version"),
        })
    return posts_frame(rows, extra=("app_version",))


def _label(entry: dict, key: str):
    value = entry.get(key)
    return value.get("label") if isinstance(value, dict) else None


def apps(ctx: CollectContext, store: str) -> list[str]:
    """The tracked apps' ids in ``store``; NothingToCollect when no brand has one."""
    found = [a.app_id for b in ctx.tracker.brands if (a := b.app(store))]
    if not found:
        raise NothingToCollect(f"no brand has a [brands.{store}] table with its app id")
    return found


def collect(ctx: CollectContext, tally: Tally) -> None:
    settings = ctx.settings(SOURCE)
    base = settings.get("base_url", BASE_URL)
    ids = apps(ctx, APP_STORE)
    for country in settings.get("countries", ["us"]):
        for app_id in ids:
            collect_newest(
                ctx, tally, state_key(SOURCE, app_id, country), f"{app_id} ({country})",
                lambda older_than, a=app_id, c=country: walk(
                    ctx, lambda page: fetch_app_store_reviews(ctx.http, a, c, page, base),
                    lambda raw: parse_app_store_reviews(raw, a), next_page, cursor=1,
                    older_than=older_than, max_pages=MAX_PAGES))
