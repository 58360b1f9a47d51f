"""Rescoring stored posts scored by another scorer version (``python -m dashboard rescore``).

Only posts whose ``scorer_version`` differs from the scorer's (or is missing) are read,
scored and written back, ``BATCH`` at a time in id order, so an interrupted run loses
nothing and a rerun continues where it stopped.

May import: write.schema, write.store (the scorer is passed in).
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, and_, func, or_, select

from dashboard.write.schema import posts
from dashboard.write.store import write_posts

BATCH = 20_000  # posts read, scored and written per round


def _stale(version: str):
    return or_(posts.c.scorer_version.is_(None), posts.c.scorer_version != version)


def count_stale(engine: Engine, version: str) -> int:
    """Stored posts not scored by scorer ``version``."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(_stale(version))).scalar()


def rescore(engine: Engine, scorer, progress=None) -> int:
    """Rescore every stale post with ``scorer``; returns how many were rescored and calls
    ``progress(n)`` after each batch."""
    cols = [c for c in posts.columns if c.name != "day"]
    done, last_id = 0, 0
    while True:
        stmt = (select(*cols).where(and_(_stale(scorer.version), posts.c.id > last_id))
                .order_by(posts.c.id).limit(BATCH))
        with engine.connect() as conn:
            result = conn.execute(stmt)
            frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
        if frame.empty:
            return done
        last_id = int(frame["id"].max())
        write_posts(engine, scorer.score_frame(frame.drop(columns="id")))
        done += len(frame)
        if progress:
            progress(done)
