"""Which events deserve an alert: spikes in the posts naming a brand (the Overview's
definition, ``metrics.spikes``) and surges of posts leaving or arriving at it, over the
days counted back from the newest data in the store.

An event is one episode (consecutive days above the usual level) of one kind for one
brand, named by its first day; it carries its peak so far, the usual level then, and the
top posts of the peak day.

May import: the foundation and the read side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import Engine

from dashboard import vocabulary
from dashboard.errors import UserError
from dashboard.read import metrics, queries
from dashboard.read.daily import daily_table
from dashboard.read.filters import Filters
from dashboard.tracker import Tracker


@dataclass(frozen=True)
class Kind:
    label: str  # the kind in words
    column: str  # of the daily table
    min_posts: int  # a day below this is never an event, whatever its usual level
    what: str  # the posts counted, in words ({brand} filled in)
    page: str  # the dashboard page that shows it ("" is the Overview)
    side: str | None = None  # the brand's end of the switch: "from", "to" (None: any post)
    kinds: tuple[str, ...] = ()  # the switch kinds counted


# the spike is the Overview's (metrics.spikes' defaults); switching posts are rarer, so a
# surge needs fewer of them
KINDS = {
    "spike": Kind("Spike", "posts", 20, "posts naming {brand}", ""),
    "leaving": Kind("Switching surge", "leaving", 10, "posts leaving {brand}", "switching",
                    "from", tuple(vocabulary.LEAVING_KINDS)),
    "arriving": Kind("Switching surge", "arriving", 10, "posts arriving at {brand}",
                     "switching", "to", tuple(vocabulary.ARRIVING_KINDS)),
}
HISTORY = timedelta(days=30)  # read before the window: the usual level needs 5 to 14 days
CONTEXT = timedelta(days=14)  # shown before an event's first day in its dashboard view
TOP_POSTS = 3
_DAYS = re.compile(r"^(\d{1,4})d$")


@dataclass(frozen=True)
class Event:
    kind: str  # a key of KINDS
    brand: str
    start: date  # the first day above the usual level: the event's name
    peak: date
    count: int  # on the peak day
    usual: float  # the usual level before the peak day (median of the days before)
    view_start: date  # the first day of its view on the dashboard
    top_posts: tuple[dict, ...] = ()  # created_at, source, text, url, engagement

    @property
    def key(self) -> str:
        """What the store remembers it by."""
        return f"alert:{self.kind}:{self.brand}:{self.start.isoformat()}"

    @property
    def what(self) -> str:
        return KINDS[self.kind].what.format(brand=self.brand)


def window_start(newest: date, since: str | None) -> date:
    """``--since``: a date, or a number of days counted back from ``newest`` (the newest
    day holding data; ``2d`` is that day and the one before)."""
    text = (since or "2d").strip()
    if match := _DAYS.match(text):
        days = int(match.group(1))
        if days < 1:
            raise UserError(f"--since {since!r}: count at least one day (1d)")
        return newest - timedelta(days=days - 1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--since {since!r}: use a date like 2026-03-01 or days counted "
                        "back from the newest data like 2d") from None


def episodes(daily: pd.DataFrame, first: date) -> pd.DataFrame:
    """Every kind's episodes that reach ``first`` or later: kind, brand, start, peak,
    posts (on the peak day), baseline, oldest first."""
    found = []
    for name, kind in KINDS.items():
        spikes = metrics.spikes(daily, min_posts=kind.min_posts, column=kind.column)
        found.append(spikes[spikes["end"] >= pd.Timestamp(first)].assign(kind=name))
    out = pd.concat(found, ignore_index=True)
    return out.sort_values(["start", "kind", "brand"], ignore_index=True)


def find_events(engine: Engine, tracker: Tracker, since: str | None = None
                ) -> tuple[list[Event], date | None]:
    """The events that reach the window ``since`` opens (see ``window_start``), oldest
    first, with their top posts, and the window's first day (None: the store is empty)."""
    store = queries.store_overview(engine)
    newest = store["last_day"]
    if newest is None:
        return [], None
    first = window_start(newest, since)
    daily = daily_table(engine, tracker, Filters(start=first - HISTORY, end=newest))
    events = []
    for e in episodes(daily, first).itertuples():
        peak = e.peak.date()
        start = e.start.date()
        events.append(Event(e.kind, e.brand, start, peak, int(e.posts), float(e.baseline),
                            max(start - CONTEXT, store["first_day"]),
                            top_posts(engine, e.kind, e.brand, peak)))
    return events, first


def top_posts(engine: Engine, kind: str, brand: str, day: date) -> tuple[dict, ...]:
    """The most engaged posts of ``day`` behind an event of ``kind`` for ``brand``."""
    k = KINDS[kind]
    flow = {"from": (brand, None), "to": (None, brand)}.get(k.side)
    rows = queries.post_rows(engine, Filters(start=day, end=day,
                                             brands=() if flow else (brand,)),
                             limit=TOP_POSTS, kinds=k.kinds, flow=flow)
    return tuple(rows[["created_at", "source", "text", "url", "engagement"]]
                 .to_dict("records"))
