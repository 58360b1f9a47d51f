"""Google Play reviews, newest first, per tracked app and country, read from the Play Store
web app's own ``batchexecute`` request.

No third-party scraper is used: google-play-scraper, which this collector once borrowed its
request format from, switches off TLS certificate checks for all of Python's ``urllib``
when it is imported, turns any network error into "no more reviews", has no timeout, and
(on Python 3.11+) sends its sort order as the text ``Sort.NEWEST``. So the request is
built here (``review_request``), sent through the shared session, and read with the
review fields' positions (``FIELDS``). No credentials. Settings:
``[sources.google_play_reviews] countries`` (default ["us"]), ``lang`` (default "en") and
``base_url`` (default https://play.google.com); app ids come from the brands'
``[brands.google_play]`` tables.

May import: collectors.app_store_reviews, collectors.base, collectors.http, vocabulary.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pandas as pd

from dashboard.collectors.app_store_reviews import apps
from dashboard.collectors.base import (CollectContext, Tally, collect_newest, posts_frame,
                                       state_key, walk)
from dashboard.collectors.http import Http, HttpError
from dashboard.vocabulary import GOOGLE_PLAY

SOURCE = "google_play_reviews"
BASE_URL = "https://play.google.com"
PAGE_SIZE = 100
NEWEST = 2  # the review RPC's sort order: 1 most relevant, 2 newest, 3 by rating
REVIEW_URL = "https://play.google.com/store/apps/details?id={app}&reviewId={review}"
_BODY = re.compile(r"\)]}'\n\n([\s\S]+)")
# where each field sits in one review of the RPC's answer
FIELDS = {"reviewId": [0], "userName": [1, 0], "score": [2], "content": [4],
          "thumbsUpCount": [6], "appVersion": [10]}
TIME = [5, 0]  # epoch seconds, read as UTC (not local time)


def review_request(app_id: str, token: str | None = None) -> bytes:
    """The form body asking for one page of ``app_id``'s reviews, newest first, from the
    start or from a continuation ``token`` (no filter by stars or device)."""
    page = [PAGE_SIZE] if token is None else [PAGE_SIZE, None, token]
    query = json.dumps([None, [2, NEWEST, page, None, [None] * 9], [app_id, 7]],
                       separators=(",", ":"))
    call = json.dumps([[["oCPfdb", query, None, "generic"]]], separators=(",", ":"))
    return ("f.req=" + quote(call + "\n", safe="")).encode()


def fetch_google_play(http: Http, app_id: str, country: str, lang: str,
                      token: str | None = None, base: str = BASE_URL) -> str:
    """One page of reviews (the raw batchexecute body), newest first."""
    body = http.request("POST", f"{base}/_/PlayStoreUi/data/batchexecute",
                        params={"hl": lang, "gl": country}, data=review_request(app_id, token),
                        headers={"Content-Type": "application/x-www-form-urlencoded"}).text
    if "PlayGatewayError" in body:  # Play's way of saying "too many requests"
        raise HttpError(f"Google Play refused the request for {app_id} (rate limited)", 429)
    return body


def _payload(raw: str) -> list:
    """The review RPC's decoded answer: ``[reviews, ..., [null, token]]``."""
    outer = json.loads(_BODY.findall(raw)[0])
    answer = next(part for part in outer if part[0] == "wrb.fr")[2]
    return json.loads(answer) if answer else []


def next_token(raw: str) -> str | None:
    """The continuation token: the last string closing one of the lists after the reviews."""
    for part in reversed(_payload(raw)[1:]):
        if isinstance(part, list) and part and isinstance(part[-1], str):
            return part[-1]
    return None


def parse_google_play(raw: str, app_id: str, lang: str) -> pd.DataFrame:
    """A batchexecute body -> post rows: rating 1-5, engagement thumbs-up, community the app
    id, language the ``lang`` asked for; ``app_version`` is the version reviewed."""
    payload = _payload(raw)
    rows = []
    for review in (payload[0] or []) if payload else []:
        get = {name: _lookup(review, path) for name, path in FIELDS.items()}
        rows.append({
            "source": SOURCE, "source_id": get["reviewId"], "created_at": _lookup(review, TIME),
            "author": get["userName"], "text": get["content"] or "",
            "url": REVIEW_URL.format(app=app_id, review=get["reviewId"]),
            "community": app_id, "rating": get["score"], "engagement": get["thumbsUpCount"],
            "language": lang, "app_version": get["appVersion"],
        })
    return posts_frame(rows, extra=("app_version",))


def _lookup(review: list, path: list[int]):
    value = review
    for i in path:
        try:
            value = value[i]
        except (IndexError, TypeError, KeyError):
            return None
    return value


def collect(ctx: CollectContext, tally: Tally) -> None:
    settings = ctx.settings(SOURCE)
    lang, base = settings.get("lang", "en"), settings.get("base_url", BASE_URL)
    ids = apps(ctx, GOOGLE_PLAY)
    for country in settings.get("countries", ["us"]):
        for app_id in ids:
            collect_newest(
                ctx, tally, state_key(SOURCE, app_id, country), f"{app_id} ({country})",
                lambda older_than, a=app_id, c=country: walk(
                    ctx, lambda token: fetch_google_play(ctx.http, a, c, lang, token, base),
                    lambda raw: parse_google_play(raw, a, lang), next_token,
                    older_than=older_than))
