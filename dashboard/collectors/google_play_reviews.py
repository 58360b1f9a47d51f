"""Google Play reviews, newest first, per tracked app and country, with google-play-scraper's
request format and field map.

The package's own ``reviews()`` is not called: it turns any network error into "no more
reviews" and has no timeout, and version 1.2.7 reads the continuation token from the wrong
place in today's responses. So the request it would send goes through the shared session,
and ``parse_google_play`` reads the response with the package's field positions. No
credentials. Settings: ``[sources.google_play_reviews] countries`` (default ["us"]) and
``lang`` (default "en"); app ids come from the brands' ``[brands.google_play]`` tables.

May import: collectors.app_store_reviews, collectors.base, collectors.http, vocabulary.
"""
from __future__ import annotations

import json
import re
import ssl

import pandas as pd

_verified_context = ssl._create_default_https_context
from google_play_scraper import Sort
from google_play_scraper.constants.element import ElementSpecs
from google_play_scraper.constants.request import Formats
from google_play_scraper.utils import nested_lookup

# importing google_play_scraper switches certificate checks off for all of urllib; undo it
ssl._create_default_https_context = _verified_context

from dashboard.collectors.app_store_reviews import apps
from dashboard.collectors.base import (CollectContext, Tally, collect_newest, posts_frame,
                                       state_key, walk)
from dashboard.collectors.http import Http, HttpError
from dashboard.vocabulary import GOOGLE_PLAY

SOURCE = "google_play_reviews"
PAGE_SIZE = 100
REVIEW_URL = "https://play.google.com/store/apps/details?id={app}&reviewId={review}"
_BODY = re.compile(r"\)]}'\n\n([\s\S]+)")
FIELDS = {name: ElementSpecs.Review[name].data_map for name in
          ("reviewId", "userName", "score", "content", "thumbsUpCount", "appVersion")}
TIME = ElementSpecs.Review["at"].data_map  # epoch seconds, read as UTC (not local time)


def fetch_google_play(http: Http, app_id: str, country: str, lang: str,
                      token: str | None = None) -> str:
    """One page of reviews (the raw batchexecute body), newest first."""
    body = http.request("POST", Formats.Reviews.build(lang=lang, country=country),
                        data=Formats.Reviews.build_body(app_id, Sort.NEWEST, PAGE_SIZE,
                                                        "null", "null", token),
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
    try:
        return nested_lookup(review, path)
    except (IndexError, TypeError):
        return None


def collect(ctx: CollectContext, tally: Tally) -> None:
    settings = ctx.settings(SOURCE)
    lang = settings.get("lang", "en")
    for country in settings.get("countries", ["us"]):
        for app_id in apps(ctx, GOOGLE_PLAY):
            collect_newest(
                ctx, tally, state_key(SOURCE, app_id, country), f"{app_id} ({country})",
                lambda older_than, a=app_id, c=country: walk(
                    ctx, lambda token: fetch_google_play(ctx.http, a, c, lang, token),
                    lambda raw: parse_google_play(raw, a, lang), next_token,
                    older_than=older_than))
