"""How old the data is: the end of the newest collection run that stored something (or,
in a store with no runs, the newest post's collection time), in words for every page.

May import: vocabulary, and, to read them, write.schema.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Engine, func, select

from dashboard.vocabulary import DELIVERED
from dashboard.write.schema import posts, runs


def data_as_of(engine: Engine) -> datetime | None:
    """When the newest data arrived (UTC, without a zone), or None for an empty store."""
    with engine.connect() as conn:
        ran = conn.execute(select(func.max(runs.c.finished_at))
                           .where(runs.c.status.in_(DELIVERED))).scalar()
        if ran is None:
            ran = conn.execute(select(func.max(posts.c.collected_at))).scalar()
    return ran


def age_in_words(then: datetime, now: datetime | None = None) -> str:
    """``then`` (UTC) as an age: "4 minutes", "3 hours", "2 days"."""
    now = now or datetime.now(timezone.utc)
    if then.tzinfo is None:
        then = then.replace(tzinfo=timezone.utc)
    minutes = max(0, int((now - then).total_seconds() // 60))
    for size, unit in ((1440, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size or unit == "minute":
            n = minutes // size
            return f"{n} {unit}{'' if n == 1 else 's'}"
