"""Hacker News: stories and comments from Algolia's ``search_by_date``, per tracker query.

Algolia returns at most 1,000 hits per query, so each query is walked in one-day slices,
oldest first, and a slice that still holds more is split in halves (down to an hour). No
credentials. Settings: ``[sources.hackernews] queries`` and ``base_url`` (default
https://hn.algolia.com).

May import: collectors.base, collectors.http.
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd

from dashboard.collectors.base import (CollectContext, NothingToCollect, Tally, collect_windows,
                                       html_to_text, items_of, join_text, posts_frame, walk)
from dashboard.collectors.http import Http

SOURCE = "hackernews"
BASE_URL = "https://hn.algolia.com"
PATH = "/api/v1/search_by_date"
API = BASE_URL + PATH
ITEM_URL = "https://news.ycombinator.com/item?id={}"
PAGE_SIZE = 100
HIT_CAP = 1000  # Algolia's paginationLimitedTo for this index
MIN_SLICE = timedelta(hours=1)


def fetch_hackernews(http: Http, query: str, start: pd.Timestamp, end: pd.Timestamp,
                     page: int = 0, base: str = BASE_URL) -> dict:
    """One page of stories and comments created in [start, end), newest first."""
    return http.get_json(base + PATH, params={
        "query": query, "tags": "(story,comment)", "hitsPerPage": PAGE_SIZE, "page": page,
        "numericFilters": f"created_at_i>={int(start.timestamp())},"
                          f"created_at_i<{int(end.timestamp())}"})


def next_page(raw: dict) -> int | None:
    page = raw.get("page", 0)
    return page + 1 if page + 1 < raw.get("nbPages", 0) else None


def parse_hackernews(raw: dict) -> pd.DataFrame:
    """Algolia hits -> post rows: a story's text is its title and text, a comment's its
    text; engagement is the story's points (comments have none)."""
    rows = []
    for hit in items_of(raw, "hits"):
        is_comment = "comment" in hit.get("_tags", []) or bool(hit.get("comment_text"))
        text = html_to_text(hit.get("comment_text")) if is_comment else \
            join_text(hit.get("title"), html_to_text(hit.get("story_text")))
        rows.append({
            "source": SOURCE, "source_id": str(hit["objectID"]),
            "created_at": hit.get("created_at_i") or hit.get("created_at"),
            "author": hit.get("author"), "text": text,
            "url": ITEM_URL.format(hit["objectID"]),
            "engagement": None if is_comment else hit.get("points"),
        })
    return posts_frame(rows)


def fetch_window(ctx: CollectContext, query: str, start: pd.Timestamp,
                 end: pd.Timestamp) -> pd.DataFrame:
    """Every hit in [start, end), splitting the window while it holds over 1,000."""
    base = ctx.settings(SOURCE).get("base_url", BASE_URL)
    first = fetch_hackernews(ctx.http, query, start, end, base=base)
    if first.get("nbHits", 0) > HIT_CAP:
        if end - start > MIN_SLICE:
            mid = start + (end - start) / 2
            return pd.concat([fetch_window(ctx, query, start, mid),
                              fetch_window(ctx, query, mid, end)], ignore_index=True)
        ctx.report.note(f"{query!r}: over {HIT_CAP} hits within an hour from {start}; "
                        f"only the newest {HIT_CAP} can be read")
    return walk(ctx, lambda page: first if page == 0 else
                fetch_hackernews(ctx.http, query, start, end, page, base),
                parse_hackernews, next_page, cursor=0)


def collect(ctx: CollectContext, tally: Tally) -> None:
    queries = ctx.settings(SOURCE).get("queries", [])
    if not queries:
        raise NothingToCollect("[sources.hackernews] has no queries")
    for query in queries:
        collect_windows(ctx, tally, SOURCE, query,
                        lambda a, b, q=query: fetch_window(ctx, q, a, b))
