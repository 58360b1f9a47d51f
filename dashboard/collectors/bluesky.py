"""Bluesky: ``app.bsky.feed.searchPosts`` per tracker query, newest first, cursor pages.

Search refuses anonymous callers, so a session is opened with an app password
(``bluesky_handle`` and ``bluesky_app_password``; never the account password). Each query is
walked in one-day ``since``/``until`` slices, oldest first. Settings:
``[sources.bluesky] queries`` and optionally ``service`` (default https://bsky.social).
"""
from __future__ import annotations

import pandas as pd

from dashboard.collectors.base import Context, Tally, collect_windows, posts_frame, walk
from dashboard.collectors.http import Http

SOURCE = "bluesky"
SERVICE = "https://bsky.social"
PAGE_SIZE = 100
POST_URL = "https://bsky.app/profile/{handle}/post/{rkey}"


def login(ctx: Context) -> dict:
    """Authorization headers for a fresh session (the token is kept out of all output)."""
    handle, password = ctx.credentials.require("bluesky_handle", "bluesky_app_password")
    session = ctx.http.post_json(f"{service(ctx)}/xrpc/com.atproto.server.createSession",
                                 json={"identifier": handle, "password": password})
    ctx.credentials.remember(session["accessJwt"])
    return {"Authorization": f"Bearer {session['accessJwt']}"}


def service(ctx: Context) -> str:
    return ctx.settings(SOURCE).get("service", SERVICE).rstrip("/")


def fetch_bluesky(http: Http, base: str, headers: dict, query: str, start: pd.Timestamp,
                  end: pd.Timestamp, cursor: str | None = None) -> dict:
    """One page of posts matching ``query`` in [start, end), newest first."""
    params = {"q": query, "sort": "latest", "limit": PAGE_SIZE,
              "since": start.isoformat().replace("+00:00", "Z"),
              "until": end.isoformat().replace("+00:00", "Z")}
    if cursor:
        params["cursor"] = cursor
    return http.get_json(f"{base}/xrpc/app.bsky.feed.searchPosts", params=params,
                         headers=headers)


def next_cursor(raw: dict) -> str | None:
    return raw.get("cursor") if raw.get("posts") else None


def parse_bluesky(raw: dict) -> pd.DataFrame:
    """searchPosts postViews -> post rows (id: the at:// URI; engagement: likes)."""
    rows = []
    for post in raw.get("posts", []):
        record, author = post.get("record", {}), post.get("author", {})
        handle = author.get("handle") or author.get("did")
        rows.append({
            "source": SOURCE, "source_id": post["uri"],
            "created_at": record.get("createdAt") or post.get("indexedAt"),
            "author": handle, "text": record.get("text", ""),
            "url": POST_URL.format(handle=handle, rkey=post["uri"].rsplit("/", 1)[-1]),
            "engagement": post.get("likeCount"),
            "language": (record.get("langs") or [None])[0],
        })
    return posts_frame(rows)


def collect(ctx: Context, tally: Tally) -> None:
    queries = ctx.settings(SOURCE).get("queries", [])
    if not queries:
        return
    headers, base = login(ctx), service(ctx)

    def window(query, start, end):
        return walk(ctx, lambda cursor: fetch_bluesky(ctx.http, base, headers, query, start,
                                                      end, cursor),
                    parse_bluesky, next_cursor)
    for query in queries:
        collect_windows(ctx, tally, SOURCE, query, lambda a, b, q=query: window(q, a, b))
