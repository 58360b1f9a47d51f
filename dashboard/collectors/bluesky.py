"""Bluesky: ``app.bsky.feed.searchPosts`` per tracker query, newest first, cursor pages.

Search refuses anonymous callers, so a session is opened with an app password
(``bluesky_handle`` and ``bluesky_app_password``; never the account password) and renewed
when its access token expires; a refused login stops the source, naming the credentials.
Each query is walked in one-day ``since``/``until`` slices, oldest first. A post's time is
its author's ``createdAt``, unless that is unreadable, before Bluesky began or after the
service indexed the post: then the service's own ``indexedAt`` (an author can set
``createdAt`` to 1970 or 9999). Settings: ``[sources.bluesky] queries`` and optionally
``service`` (default https://bsky.social).

May import: collectors.base, collectors.http.
"""
from __future__ import annotations

import pandas as pd

from dashboard.collectors.base import (CollectContext, NothingToCollect, Tally, collect_windows,
                                       items_of, posts_frame, refusal_hint, walk)
from dashboard.collectors.http import Http, HttpError

SOURCE = "bluesky"
SERVICE = "https://bsky.social"
PAGE_SIZE = 100
POST_URL = "https://bsky.app/profile/{handle}/post/{rkey}"
STARTED = "2022-11-01"  # the first posts of the network; an author's time before it is not
REFUSED_HINT = ("check bluesky_handle and bluesky_app_password (an app password, never the "
                "account's own)")


class Session:
    """Authorization for searches: a session opened with the app password, renewed with its
    refresh token when the short-lived access token expires mid-run (the tokens are kept
    out of all output)."""

    def __init__(self, ctx: CollectContext):
        self.ctx, self.base = ctx, service(ctx)
        handle, password = ctx.credentials.require("bluesky_handle", "bluesky_app_password")
        self._use(ctx.http.post_json(f"{self.base}/xrpc/com.atproto.server.createSession",
                                     json={"identifier": handle, "password": password}))

    def _use(self, session: dict) -> None:
        self.ctx.credentials.remember(session["accessJwt"])
        self.ctx.credentials.remember(session["refreshJwt"])
        self.headers = {"Authorization": f"Bearer {session['accessJwt']}"}
        self._refresh = session["refreshJwt"]

    def call(self, fetch):
        """``fetch(headers)``, again with a renewed session if the token had expired."""
        try:
            return fetch(self.headers)
        except HttpError as e:
            if e.code != "ExpiredToken":
                raise
        self._use(self.ctx.http.post_json(
            f"{self.base}/xrpc/com.atproto.server.refreshSession",
            headers={"Authorization": f"Bearer {self._refresh}"}))
        return fetch(self.headers)


def service(ctx: CollectContext) -> str:
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
    for post in items_of(raw, "posts"):
        record, author = post.get("record", {}), post.get("author", {})
        handle = author.get("handle") or author.get("did")
        rows.append({
            "source": SOURCE, "source_id": post["uri"],
            "created_at": record.get("createdAt"), "indexed_at": post.get("indexedAt"),
            "author": handle, "text": record.get("text", ""),
            "url": POST_URL.format(handle=handle, rkey=post["uri"].rsplit("/", 1)[-1]),
            "engagement": post.get("likeCount"),
            "language": (record.get("langs") or [None])[0],
        })
    return posts_frame(rows, extra=("indexed_at",), started=STARTED)


def collect(ctx: CollectContext, tally: Tally) -> None:
    queries = ctx.settings(SOURCE).get("queries", [])
    if not queries:
        raise NothingToCollect("[sources.bluesky] has no queries")
    with refusal_hint(REFUSED_HINT):
        session = Session(ctx)

        def window(query, start, end):
            return walk(ctx, lambda cursor: session.call(lambda headers: fetch_bluesky(
                ctx.http, session.base, headers, query, start, end, cursor)),
                        parse_bluesky, next_cursor)
        for query in queries:
            collect_windows(ctx, tally, SOURCE, query, lambda a, b, q=query: window(q, a, b))
