"""Mastodon: hashtag timelines and full-text search on each configured server.

Hashtag timelines are public and page through the ``Link`` header; each tag's ``history``
(daily uses and accounts for the last week) is kept in the store's meta table under
``counts:mastodon:<server>:<tag>``. Full-text status search needs a user token on that
server (``mastodon_token_<server>``, e.g. ``mastodon_token_mastodon_social``; scope
``read:search``) and is skipped, with a note, without one; a server that refuses (401/403)
stops the source, naming its token. A timeline that is not a list of statuses (an error
object with status 200) fails its unit. A post seen on two servers is
stored once (its id is the status URI). Settings: ``[sources.mastodon] servers`` (host
names, or URLs for a server elsewhere), ``hashtags``, ``queries``.

May import: collectors.base, collectors.http, write.store (its tag counts go to meta).
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import pandas as pd

from dashboard.collectors.base import (CollectContext, NothingToCollect, Tally, collect_newest,
                                       html_to_text, items_of, join_text, posts_frame,
                                       refusal_hint, state_key, walk)
from dashboard.collectors.http import Http
from dashboard.write.store import get_meta, set_meta

SOURCE = "mastodon"
PAGE_SIZE = 40  # the API's maximum
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')


def base_url(server: str) -> str:
    return server.rstrip("/") if "://" in server else f"https://{server}"


def token_name(server: str) -> str:
    return "mastodon_token_" + re.sub(r"\W", "_", urlsplit(base_url(server)).netloc.lower())


def fetch_hashtag(http: Http, url: str, headers: dict) -> tuple[list, str | None]:
    """One timeline page and the URL of the next (older) one from its Link header."""
    response = http.request("GET", url, headers=headers)
    return http.decode(response), next_link(response.headers.get("Link"))


def hashtag_url(server: str, tag: str) -> str:
    return f"{base_url(server)}/api/v1/timelines/tag/{quote(tag)}?limit={PAGE_SIZE}"


def next_link(link: str | None) -> str | None:
    match = _NEXT.search(link or "")
    return match.group(1) if match else None


def fetch_search(http: Http, server: str, headers: dict, query: str,
                 max_id: str | None = None) -> dict:
    """One page of statuses matching ``query``, newest first."""
    params = {"q": query, "type": "statuses", "limit": PAGE_SIZE}
    if max_id:
        params["max_id"] = max_id
    return http.get_json(f"{base_url(server)}/api/v2/search", params=params, headers=headers)


def search_cursor(raw: dict) -> str | None:
    statuses = items_of(raw, "statuses")
    return statuses[-1]["id"] if len(statuses) >= PAGE_SIZE else None


def fetch_tag(http: Http, server: str, tag: str, headers: dict) -> dict:
    return http.get_json(f"{base_url(server)}/api/v1/tags/{quote(tag)}", headers=headers)


def parse_search(raw: dict) -> pd.DataFrame:
    """A search result -> post rows, from its ``statuses``."""
    return parse_mastodon(items_of(raw, "statuses"))


def parse_mastodon(raw: list) -> pd.DataFrame:
    """A list of statuses (a timeline page) -> post rows. The author is
    ``user@home-server``, the community the server the post was written on."""
    rows = []
    for status in items_of(raw):
        status = status.get("reblog") or status
        account = status.get("account", {})
        home = urlsplit(account.get("url") or status["uri"]).netloc
        rows.append({
            "source": SOURCE, "source_id": status["uri"], "created_at": status["created_at"],
            "author": f"{account['username']}@{home}" if account.get("username") else None,
            "text": join_text(status.get("spoiler_text"), html_to_text(status.get("content"))),
            "url": status.get("url") or status["uri"], "community": urlsplit(status["uri"]).netloc,
            "engagement": status.get("favourites_count"), "language": status.get("language"),
        })
    return posts_frame(rows)


def parse_tag_history(raw: dict) -> pd.DataFrame:
    """A Tag's ``history`` -> day (UTC date), uses, accounts."""
    history = pd.DataFrame(raw.get("history", []), columns=["day", "uses", "accounts"])
    return pd.DataFrame({
        "day": pd.to_datetime(pd.to_numeric(history["day"]), unit="s", utc=True).dt.date,
        "uses": pd.to_numeric(history["uses"]).astype(int),
        "accounts": pd.to_numeric(history["accounts"]).astype(int),
    })


def save_tag_history(ctx: CollectContext, server: str, tag: str, history: pd.DataFrame) -> None:
    """Merge the daily counts into ``counts:mastodon:<server>:<tag>`` (newer days win)."""
    key = f"counts:{SOURCE}:{urlsplit(base_url(server)).netloc}:{tag.lower()}"[:100]
    counts = json.loads(get_meta(ctx.engine, key) or "{}")
    counts.update({d.isoformat(): {"uses": u, "accounts": a}
                   for d, u, a in history.itertuples(index=False)})
    set_meta(ctx.engine, key, json.dumps(dict(sorted(counts.items()))))


def collect(ctx: CollectContext, tally: Tally) -> None:
    settings = ctx.settings(SOURCE)
    if not settings.get("servers") or not (settings.get("hashtags") or settings.get("queries")):
        raise NothingToCollect("[sources.mastodon] needs servers, and hashtags or queries")
    for server in settings["servers"]:
        token = ctx.credentials.get(token_name(server))
        hint = f"check {token_name(server)}" if token else \
            f"this server wants a login: set {token_name(server)} (scope read:search)"
        with refusal_hint(hint):
            collect_server(ctx, tally, server, token)


def collect_server(ctx: CollectContext, tally: Tally, server: str, token: str | None) -> None:
    """One server's hashtag timelines, and its searches where there is a token."""
    settings = ctx.settings(SOURCE)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    host = urlsplit(base_url(server)).netloc
    for tag in settings.get("hashtags", []):
        tag = tag.lstrip("#")

        def hashtag(older_than, tag=tag):
            history = parse_tag_history(fetch_tag(ctx.http, server, tag, headers))
            frame = walk(ctx, lambda url: fetch_hashtag(ctx.http, url, headers),
                         lambda raw: parse_mastodon(raw[0]), lambda raw: raw[1],
                         cursor=hashtag_url(server, tag), older_than=older_than)
            save_tag_history(ctx, server, tag, history)
            return frame
        collect_newest(ctx, tally, state_key(SOURCE, host, f"#{tag}"), f"{host} #{tag}",
                       hashtag)
    queries = settings.get("queries", [])
    if queries and not token:
        ctx.report.note(f"{host}: full-text search needs {token_name(server)}; searching "
                        "hashtags only")
        return
    for query in queries:
        collect_newest(ctx, tally, state_key(SOURCE, host, query), f"{host} {query!r}",
                       lambda older_than, q=query: walk(
                           ctx, lambda max_id: fetch_search(ctx.http, server, headers, q,
                                                            max_id),
                           parse_search, search_cursor, older_than=older_than))
