"""Why people leave: the tracker's ``[[reasons]]`` found in the whole text of every post that
leaves, moves from or considers leaving a brand, as the posts are read (so editing a
reason's phrases needs no rescoring), counted per day, brand and reason. A post may give
several reasons and then counts once for each (``metrics.daily_reasons``).

May import: the foundation (phrases, tracker) and the rest of the read side.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
from sqlalchemy import Engine

from dashboard.phrases import find, pattern
from dashboard.read.filters import Filters
from dashboard.read.queries import TEXT_SHOWN, reason_posts
from dashboard.tracker import Reason, Tracker

MATCH_COLUMNS = ["date", "brand", "reason", "phrase", "switch_kind", "created_at", "source",
                 "engagement", "url", "text"]


def reason_patterns(reasons: tuple[Reason, ...]) -> dict[str, re.Pattern]:
    """Reason name -> the regex finding any of its phrases."""
    return {r.name: pattern(r.phrases) for r in reasons}


def reasons_in(text: str, patterns: dict[str, re.Pattern]) -> dict[str, str]:
    """Reason name -> the words of ``text`` that gave it, for every reason ``text`` gives."""
    lowered = text.lower()
    return {name: words for name, p in patterns.items()
            if (words := find(p, text, lowered)) is not None}


def reason_matches(posts: pd.DataFrame, patterns: dict[str, re.Pattern]) -> pd.DataFrame:
    """One row per post (``reason_posts`` columns) and reason it gives, with the ``phrase``
    that gave it and the text cut to what a page shows."""
    rows = [(i, name, phrase) for i, text in zip(posts.index, posts["text"])
            for name, phrase in reasons_in(text or "", patterns).items()]
    if not rows:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    at, names, phrases = zip(*rows)
    out = posts.loc[list(at)].assign(reason=names, phrase=phrases)
    out["text"] = out["text"].str.slice(0, TEXT_SHOWN)
    return out[MATCH_COLUMNS].reset_index(drop=True)


def posts_by_reason(engine: Engine, tracker: Tracker, f: Filters = Filters(),
                    limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """``reason_matches`` of the posts in ``f`` (brands: the tracker's when none are picked)
    that leave, move from or consider leaving a brand, the newest ``limit`` at most, and how
    many posts were read. Read a chunk at a time: only the posts giving a reason are kept."""
    if not tracker.reasons:
        return pd.DataFrame(columns=MATCH_COLUMNS), 0
    patterns = reason_patterns(tracker.reasons)
    f = f if f.brands else replace(f, brands=tuple(tracker.brand_names))
    parts, read = [], 0
    for chunk in reason_posts(engine, f, limit=limit):
        read += len(chunk)
        parts.append(reason_matches(chunk, patterns))
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=MATCH_COLUMNS), read
    found = pd.concat(parts, ignore_index=True)
    return found.assign(date=pd.to_datetime(found["date"]),
                        created_at=pd.to_datetime(found["created_at"])), read
