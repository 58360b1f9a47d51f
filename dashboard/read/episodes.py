"""Two backlashes side by side: an episode is a day 0 and a brand; its days from ``BEFORE``
days before to ``AFTER`` days after are put on one axis of days since day 0, with how big
it got, how fast, and how fast it faded (the Compare page).

Pure functions, frames in and frames out.

May import: the read side (pandas otherwise).
"""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

BEFORE, AFTER = 7, 30  # the days shown around day 0
FIRST_DAYS = 3  # an episode's size, for choosing the default pair: its peak in days 0..3
APART = 7  # the default pair starts at least this many days apart
DAY_COLUMNS = ["day", "date", "posts", "negative_share", "leaving", "arriving", "best_rank"]


def window(day0: date, first: date | None = None, last: date | None = None
           ) -> tuple[date, date]:
    """The dates an episode starting on ``day0`` covers, within the data's ``first`` and
    ``last`` days (days past the data are unknown, not quiet)."""
    start, end = day0 - timedelta(days=BEFORE), day0 + timedelta(days=AFTER)
    return max(start, first) if first else start, min(end, last) if last else end


def known_episodes(events: pd.DataFrame, brands: list[str], first: date | None,
                   last: date | None) -> pd.DataFrame:
    """The events (``data/events.csv``) of a tracked brand between ``first`` and ``last``:
    ``day``, ``brand``, ``label`` (one per day and brand, its labels joined)."""
    cols = ["day", "brand", "label"]
    if events.empty or first is None or last is None:
        return pd.DataFrame(columns=cols)
    ev = events[events["brand"].isin(brands) & (events["date"] >= pd.Timestamp(first))
                & (events["date"] <= pd.Timestamp(last))]
    out = (ev.assign(day=ev["date"].dt.date).groupby(["day", "brand"], sort=True)["label"]
           .agg(" · ".join).reset_index())
    return out[cols]


def default_pair(known: pd.DataFrame, daily: pd.DataFrame) -> list[tuple[date, str]]:
    """Two of the ``known`` episodes to compare first, as (day 0, brand): the biggest (its
    brand's most posts on one of days 0..``FIRST_DAYS``) last, and before it the biggest
    that starts at least ``APART`` days earlier (else the next biggest); fewer when fewer
    are known. ``daily`` is the daily table of the whole store."""
    posts = daily.set_index(["brand", "date"])["posts"]
    size = {(day, brand): posts.reindex([(brand, d) for d in pd.date_range(
        day, periods=FIRST_DAYS + 1)]).fillna(0).max() for day, brand in
        zip(known["day"], known["brand"])}
    ranked = sorted(size, key=lambda e: (-size[e], e[0]))
    if len(ranked) < 2:
        return ranked
    earlier = [e for e in ranked[1:] if e[0] <= ranked[0][0] - timedelta(days=APART)]
    return [(earlier or ranked[1:])[0], ranked[0]]


def episode_days(daily: pd.DataFrame, best_ranks: pd.Series, day0: date) -> pd.DataFrame:
    """One brand's days (``daily``: its rows of the daily table over the episode's
    ``window``) against days since ``day0``: posts, negative share, leaving, arriving
    and its best chart position that day (``best_ranks``, by date; NaN without one)."""
    out = daily.sort_values("date").assign(
        day=(daily["date"] - pd.Timestamp(day0)).dt.days,
        best_rank=lambda d: d["date"].map(best_ranks).astype(float))
    return out[DAY_COLUMNS].reset_index(drop=True)


def best_ranks(ranks: pd.DataFrame) -> pd.Series:
    """The best (lowest) chart position on each day, over every store, country and chart
    in ``ranks`` (``queries.rank_history`` rows)."""
    if ranks.empty:
        return pd.Series(dtype=float)
    return ranks.groupby(ranks["captured_at"].dt.floor("D"))["rank"].min()


def episode_summary(days: pd.DataFrame, until: int | None = None) -> dict:
    """How big an episode got and how long it lasted, from its days 0..``AFTER`` (before
    day ``until``, where another episode begins): the ``baseline`` (mean posts a day over
    the days before day 0), the ``peak`` posts in a day, ``days_to_peak`` (from day 0),
    ``days_to_half`` (from the peak until posts fell to half of it or below; None when they
    did not), the leaving and arriving posts and the ``best_rank``."""
    after = days[(days["day"] >= 0) & (days["day"] < (AFTER + 1 if until is None else until))]
    before, after = days[days["day"] < 0], after.reset_index(drop=True)
    if after.empty:
        return {"baseline": None, "peak": None, "days_to_peak": None, "days_to_half": None,
                "leaving": 0, "arriving": 0, "best_rank": None}
    at = int(after["posts"].idxmax())
    peak = int(after["posts"].iloc[at])
    fell = after.index[(after.index > at) & (after["posts"] <= peak / 2)]
    rank = after["best_rank"].min()
    return {"baseline": float(before["posts"].mean()) if len(before) else None,
            "peak": peak, "days_to_peak": int(after["day"].iloc[at]),
            "days_to_half": int(fell[0] - at) if len(fell) else None,
            "leaving": int(after["leaving"].sum()), "arriving": int(after["arriving"].sum()),
            "best_rank": None if pd.isna(rank) else int(rank)}
