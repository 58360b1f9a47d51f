"""Reddit through praw (a read-only "script" app): search, newest first, per query in each
tracked subreddit and site-wide, and optionally each new post's top comments.

Credentials: ``praw_client_id``, ``praw_client_secret`` and ``praw_user_agent`` from the
environment or ``.streamlit/secrets.toml``, or praw's own ``praw.ini``; without them the
source is skipped. Listings stop near 1,000 items, hence one search per subreddit and query.
praw handles the OAuth token and 5xx retries; the shared adapter adds the bounds,
``Retry-After`` on 429, and the pacing by Reddit's ``X-Ratelimit-*`` headers, within the
source's wait budget (praw never sees those headers: it would sleep on them outside it).
Settings: ``[sources.reddit] queries``, ``subreddits``, ``top_comments`` (comments per
new post, default 0 = none) and ``base_url`` (one server for both of Reddit's hosts,
www.reddit.com for the token and oauth.reddit.com for the API: a mirror or a test server).

praw's errors are turned into the shared session's (``http.py``): a 401 or 403 (a key
refused, or not yet approved) stops the source, naming the credentials to check, but for
a 403 from one subreddit (private, quarantined or banned), which fails only its units.

May import: collectors.base, collectors.http.
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd
import praw
import prawcore
from praw.exceptions import MissingRequiredAttributeException

from dashboard.collectors.base import (CollectContext, MissingCredentials, NothingToCollect,
                                       Tally, collect_newest, items_of, join_text, posts_frame,
                                       refusal_hint, state_key, walk)
from dashboard.collectors.http import REFUSED, HttpError, Refused, Unreachable, \
    connection_failure, where

SOURCE = "reddit"
SITE = "https://www.reddit.com"
PAGE_SIZE = 100
MAX_PAGES = 10  # Reddit ends a listing near 1,000 items
TIME_FILTERS = [(timedelta(hours=1), "hour"), (timedelta(days=1), "day"),
                (timedelta(days=7), "week"), (timedelta(days=31), "month"),
                (timedelta(days=366), "year")]
GONE = {"[deleted]", "[removed]"}
APPROVAL = "new Reddit API keys need Reddit's approval before they work"
NO_CREDENTIALS = ("set praw_client_id, praw_client_secret and praw_user_agent (environment, "
                  f".streamlit/secrets.toml or praw.ini); {APPROVAL}")
REFUSED_HINT = f"check praw_client_id, praw_client_secret and praw_user_agent; {APPROVAL}"


def client(ctx: CollectContext) -> praw.Reddit:
    """A read-only praw client on the shared adapter's settings."""
    given = {k: ctx.credentials.get(f"praw_{k}")
             for k in ("client_id", "client_secret", "user_agent")}
    base = ctx.settings(SOURCE).get("base_url")
    if base:
        given |= {"reddit_url": base, "oauth_url": base}
    # praw retries 5xx and connection errors itself; the adapter below adds 429 handling
    # and the bounds, and paces by Reddit's X-Ratelimit headers within the source's budget
    # (praw, given them, would sleep up to 10 minutes outside it)
    session = ctx.http.side_session(retry_statuses=frozenset({429}),
                                    retry_connection_errors=False, pass_quota_headers=False)
    try:
        return praw.Reddit(**{k: v for k, v in given.items() if v}, check_for_updates=False,
                           check_for_async=False, requestor_kwargs={"session": session})
    except MissingRequiredAttributeException:
        raise MissingCredentials(NO_CREDENTIALS) from None


def time_filter(span: timedelta) -> str:
    """The narrowest of Reddit's ``t=`` windows that covers ``span``."""
    return next((name for limit, name in TIME_FILTERS if span <= limit), "all")


def fetch_reddit(reddit: praw.Reddit, subreddit: str | None, query: str, window: str,
                 after: str | None = None) -> dict:
    """One search listing page, newest first; ``subreddit=None`` searches all of Reddit."""
    params = {"q": query, "sort": "new", "t": window, "limit": PAGE_SIZE}
    if subreddit:
        params["restrict_sr"] = "on"
    if after:
        params["after"] = after
    return _request(reddit, f"r/{subreddit or 'all'}/search/", params)


def fetch_comments(reddit: praw.Reddit, post_id: str, limit: int):
    """A post's top-level comments, best first (``[post listing, comment listing]``)."""
    return _request(reddit, f"comments/{post_id}/", {"sort": "top", "limit": limit, "depth": 1})


def _request(reddit: praw.Reddit, path: str, params: dict):
    """``reddit.request``, with praw's errors as the shared session's."""
    try:
        return reddit.request(method="GET", path=path, params=params)
    except prawcore.exceptions.RequestException as e:  # no answer: praw wraps what it met
        if isinstance(e.original_exception, HttpError):
            raise e.original_exception from None
        raise Unreachable(f"{connection_failure(e.original_exception)} talking to Reddit") \
            from None
    except prawcore.exceptions.ResponseException as e:
        status, url = e.response.status_code, where(e.response.url)
        if status == 403 and path.startswith("r/"):  # that subreddit only, not the key
            raise HttpError(f"HTTP 403 from {url}: the subreddit is private, quarantined or "
                            "banned", status) from None
        if status not in REFUSED:
            raise
        raise Refused(f"HTTP {status} from {url}", status) from None
    except prawcore.exceptions.OAuthException as e:  # the token request said no
        raise Refused(f"Reddit refused the login ({e.error})", 401) from None


def next_after(raw) -> str | None:
    return raw.get("data", {}).get("after") if isinstance(raw, dict) else None


def parse_reddit(raw) -> pd.DataFrame:
    """A Listing (or the ``[post, comments]`` pair a comments page returns) -> post rows
    for its posts (t3: title and text) and comments (t1); ``comments`` counts a post's
    replies. Nested replies and "more" stubs are left out."""
    listings = raw if isinstance(raw, list) else [raw]
    rows = []
    for listing in listings:
        data = listing.get("data") if isinstance(listing, dict) else listing
        for child in items_of(data, "children"):
            kind, item = child.get("kind"), child.get("data", {})
            if kind not in ("t3", "t1"):
                continue
            post = kind == "t3"
            text = join_text(item.get("title"), _body(item.get("selftext"))) if post else \
                _body(item.get("body"))
            rows.append({
                "source": SOURCE, "source_id": item.get("name") or f"{kind}_{item['id']}",
                "created_at": item["created_utc"],
                "author": None if item.get("author") in GONE else item.get("author"),
                "text": text, "url": _permalink(kind, item),
                "community": item.get("subreddit"), "engagement": item.get("score"),
                "comments": item.get("num_comments") if post else None,
            })
    return posts_frame(rows, extra=("comments",))


def _body(text: str | None) -> str:
    return "" if text in GONE or not text else text


def _permalink(kind: str, item: dict) -> str:
    if item.get("permalink"):
        return SITE + item["permalink"]
    if kind == "t1":  # 2016-era comments carry no permalink; this form still resolves
        return f"{SITE}/comments/{item['link_id'].removeprefix('t3_')}/_/{item['id']}/"
    return f"{SITE}/comments/{item['id']}/"


def search(ctx: CollectContext, reddit: praw.Reddit, subreddit: str | None, query: str,
           older_than: pd.Timestamp, top_comments: int) -> pd.DataFrame:
    window = time_filter(ctx.now - older_than.to_pydatetime())
    frame = walk(ctx, lambda after: fetch_reddit(reddit, subreddit, query, window, after),
                 parse_reddit, next_after, older_than=older_than, max_pages=MAX_PAGES)
    if not top_comments:
        return frame
    commented = frame.loc[frame["comments"].fillna(0).astype(int) > 0, "source_id"]
    comments = [parse_reddit(fetch_comments(reddit, sid.removeprefix("t3_"), top_comments))
                for sid in commented]
    ctx.report.fetched(0, sum(c.attrs["unreadable"] for c in comments))
    # a comments page repeats its post first; keep the comments only
    comments = [c[c["source_id"].str.startswith("t1_")].head(top_comments) for c in comments]
    return pd.concat([frame, *comments], ignore_index=True)


def collect(ctx: CollectContext, tally: Tally) -> None:
    settings = ctx.settings(SOURCE)
    queries = settings.get("queries", [])
    if not queries:
        raise NothingToCollect("[sources.reddit] has no queries")
    reddit = client(ctx)
    top_comments = int(settings.get("top_comments", 0))
    with refusal_hint(REFUSED_HINT):
        for query in queries:
            for subreddit in [*settings.get("subreddits", []), None]:
                scope = f"r/{subreddit}" if subreddit else "all"
                collect_newest(ctx, tally, state_key(SOURCE, scope, query),
                               f"{scope} {query!r}",
                               lambda older_than, s=subreddit, q=query: search(
                                   ctx, reddit, s, q, older_than, top_comments))
