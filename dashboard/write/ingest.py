"""The save step every source shares: pseudonymise authors, score, upsert, record the run.

May import: errors, scoring, write.schema, write.store.
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

import pandas as pd
from sqlalchemy import Engine, insert
from sqlalchemy.exc import IntegrityError

from dashboard.errors import StoreError
from dashboard.scoring import Scorer
from dashboard.write.schema import meta, posts
from dashboard.write.store import (already_scored, analyze, get_meta, recorded_run,
                                   write_posts)

FITTED = ("source_id", "author", "community", "language")  # bounded columns from sources
CHUNK = 10_000  # posts scored and written at a time
ANALYZE_AFTER = 100_000  # posts written, past which PostgreSQL's statistics are refreshed


def author_salt(engine: Engine) -> str:
    """The store's own random salt for author pseudonyms, made on first use.

    Made with a plain INSERT, never an upsert: when two first writers race, the second
    one's insert fails and it takes the first one's salt, so one author keeps one pseudonym.
    """
    salt = get_meta(engine, "author_salt")
    if salt is None:
        try:
            with engine.begin() as conn:
                conn.execute(insert(meta).values(key="author_salt",
                                                 value=secrets.token_hex(16)))
        except IntegrityError:
            pass  # another writer made it first
        salt = get_meta(engine, "author_salt")
    return salt


def pseudonymise(authors: pd.Series, salt: str) -> pd.Series:
    """Stable per-store pseudonyms ("a_" + 12 hex digits); missing authors stay missing."""
    def one(a):
        if a is None or (isinstance(a, float) and pd.isna(a)) or str(a) == "":
            return None
        return "a_" + hashlib.sha256(f"{salt}:{a}".encode()).hexdigest()[:12]
    return authors.map(one)


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else its start, "~" and 12 hex digits
    of its hash: still unique, and the same every time (so a rerun finds the row again)."""
    if len(text) <= limit:
        return text
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return text[:limit - 13] + "~" + digest


def fit_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Values longer than their column shortened (``shorten``): PostgreSQL refuses them,
    and one over-long id must not fail a whole import or collection."""
    fitted = {c: frame[c].map(lambda v, n=posts.c[c].type.length:
                              shorten(v, n) if isinstance(v, str) else v)
              for c in FITTED if c in frame}
    return frame.assign(**fitted)


def save_posts(engine: Engine, frame: pd.DataFrame | Iterable[pd.DataFrame], scorer: Scorer,
               *, keep_handles: bool = False, progress=None, run: dict | None = None) -> int:
    """Score posts (store columns, unscored: a frame, or a stream of chunks such as an
    import's) and upsert them; returns rows written.

    ``CHUNK`` posts at a time: while one chunk is written, the next ones are scored on the
    other cores (``Scorer.score_frames``), and memory holds a few chunks whatever the
    stream's length. Posts already stored with the same text by the same scorer version
    (fetched again by an overlapping collection, or a file imported again) keep their
    scores: only their other columns are updated. ``progress("scored" | "stored", n)``
    counts posts; ``run``: a ``recorded_run``'s state, which each written batch adds to
    (``store.write_posts``).
    """
    chunks = [frame.iloc[i:i + CHUNK] for i in range(0, len(frame), CHUNK)] \
        if isinstance(frame, pd.DataFrame) else frame
    salt, done, scored, unanalyzed = None, 0, 0, 0

    def prepared():
        nonlocal salt
        for chunk in chunks:
            if chunk.empty:
                continue
            if "author" in chunk and not keep_handles:
                salt = salt or author_salt(engine)
                chunk = chunk.assign(author=pseudonymise(chunk["author"], salt))
            chunk = fit_columns(chunk)
            same = already_scored(engine, chunk, scorer.version)
            yield chunk[same], chunk[~same]

    for kept, fresh in scorer.score_frames(prepared()):
        scored += len(fresh)
        if progress:
            progress("scored", scored)
        for part, scores in ((fresh, True), (kept, False)):
            written = write_posts(engine, part, scores=scores, run=run,
                                  progress=progress and (
                                      lambda n, before=done: progress("stored", before + n)))
            done, unanalyzed = done + written, unanalyzed + written
        if unanalyzed >= ANALYZE_AFTER:  # while it runs, not only after: see store.analyze
            analyze(engine)
            unanalyzed = 0
    if unanalyzed and done >= ANALYZE_AFTER:
        analyze(engine)
    return done


def save_posts_as_run(engine: Engine, frame: pd.DataFrame | Iterable[pd.DataFrame],
                      source: str, scorer: Scorer, *, keep_handles: bool = False,
                      progress=None, total: int | None = None) -> tuple[int, int]:
    """``save_posts`` recorded as a run of ``source`` (so the Sources view shows imports
    too; ``total``: the posts a stream holds, for its messages); returns (rows written,
    rows that were new), both counted batch by batch as they are written, so an import
    running beside another never reports what that one wrote.

    Each batch is written whole or not at all. When the store fails part-way (full, gone),
    the batches written before stay, the run records how many rows that was, and the
    StoreError says so: running the same import again writes the rest.
    """
    total = len(frame) if isinstance(frame, pd.DataFrame) else total
    of = f" of the {total:,}" if total is not None else ""
    with recorded_run(engine, source) as run:
        try:
            save_posts(engine, frame, scorer, keep_handles=keep_handles, progress=progress,
                       run=run)
        except StoreError as e:
            raise StoreError(f"{e} {run['items']:,}{of} posts had been "
                             "written before it failed; running the same import again "
                             "writes the rest.", e.kind) from e
    return run["items"], run["new"]
