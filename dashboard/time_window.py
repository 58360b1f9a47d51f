"""The sane time window of a post: not before its source existed, and not later than it was
collected, beyond a small skew for clocks and time zones. A post dated outside it (an
epoch 0 read as 1970, a year 9999 an author typed, a boolean read as a time) is kept but
flagged (``posts.implausible_time``), and left out of every figure and default view; the
pages say how many there are. ``--since`` is held to the same window.

May import: errors.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

from dashboard.errors import UserError

# the first day a post can be dated on each source the collectors read (and imports named
# the same); any other source: the year before the public web
SOURCE_BEGAN = {
    "reddit": date(2005, 6, 23),  # Reddit opened
    "hackernews": date(2006, 10, 9),  # Hacker News' first item
    "app_store_reviews": date(2008, 7, 10),  # the App Store opened
    "app_store_charts": date(2008, 7, 10),
    "google_play_reviews": date(2008, 10, 22),  # the Android Market opened
    "mastodon": date(2016, 3, 16),  # Mastodon's first release
    "bluesky": date(2022, 11, 1),  # the network's first posts
}
ANY_SOURCE_BEGAN = date(1990, 1, 1)
FUTURE_SKEW = timedelta(days=1)  # a post may be dated this far after it was collected


def began(source: str) -> date:
    """The first day a post of ``source`` can be dated."""
    return SOURCE_BEGAN.get(source, ANY_SOURCE_BEGAN)


def outside(created_at: pd.Series, source: pd.Series, collected_at: pd.Series) -> pd.Series:
    """Per post (naive UTC times): whether its time is outside the sane window."""
    first = pd.to_datetime(source.map(began))
    return ((created_at < first) | (created_at > collected_at + FUTURE_SKEW)).astype(bool)


def checked_since(when: datetime | None, given: str) -> datetime | None:
    """``--since`` (as ``given``), refused when no source can hold posts that old."""
    first = min(SOURCE_BEGAN, key=SOURCE_BEGAN.get)
    if when is not None and when.date() < SOURCE_BEGAN[first]:
        raise UserError(f"--since {given!r} is before any source existed (the first, {first}, "
                        f"began on {SOURCE_BEGAN[first]}); give a later date or fewer days "
                        "back, e.g. 2026-03-01 or 30d")
    return when
