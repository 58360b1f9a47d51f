"""A compact, self-contained SQLite copy of a store, for readers that fetch it over HTTP
(``python -m dashboard snapshot -o FILE.sqlite``; the app reads ``DASHBOARD_DB=https://…``).

The copy is consistent (one read of the source: SQLite's backup, or one repeatable-read
transaction on PostgreSQL), has every table and the collectors' resume points and alerts'
state, so a scheduled job can carry on from it, and leaves out the store's author salt
(published, it would let anyone test handles against the pseudonyms; the next writer makes
a new one). It is vacuumed, in rollback-journal mode (one file, nothing beside it), stamped
``snapshot_taken_at`` in ``meta``, and replaces ``FILE`` only once it is whole.

May import: the foundation, write.store, write.schema.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, insert, select

from dashboard.errors import UserError
from dashboard.write.schema import (app_ranks, daily_rollup, mentions, meta, posts, runs,
                                    story_dirty)
from dashboard.write.store import open_store, utcnow

LEFT_OUT = "author_salt"  # the meta key a published copy must not carry
TAKEN_AT = "snapshot_taken_at"  # meta key: when the copy was made (UTC, ISO)
CHUNK = 20_000  # rows per read and write when copying from PostgreSQL


def write_snapshot(engine: Engine, path: str | Path) -> dict[str, int]:
    """Write the copy to ``path``; returns its posts, ranks and size in bytes."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    try:
        if engine.dialect.name == "sqlite":
            with contextlib.closing(engine.raw_connection()) as raw, \
                    contextlib.closing(sqlite3.connect(part)) as copy:
                raw.driver_connection.backup(copy)
        else:
            _copy_tables(engine, part)
        counts = _finish(part)
        os.replace(part, path)
    except OSError as e:
        raise UserError(f"{path}: cannot write the snapshot: {e.strerror or e}") from None
    finally:
        part.unlink(missing_ok=True)
    return {**counts, "bytes": path.stat().st_size}


def _copy_tables(engine: Engine, part: Path) -> None:
    """Every table of a (PostgreSQL) store into a new SQLite store at ``part``, as one
    consistent read."""
    target = open_store(f"sqlite:///{part}")
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as src, \
            target.begin() as dst:
        for table in (posts, mentions, app_ranks, runs, daily_rollup):
            _copy(src, dst, table)
        dst.exec_driver_sql("DELETE FROM rollup_dirty")  # the copied rollup is current
        # the copied posts were noted as new; their copies are settled already, but for
        # what the source itself had still to settle
        dst.exec_driver_sql("DELETE FROM story_dirty")
        _copy(src, dst, story_dirty)
        dst.exec_driver_sql("DELETE FROM meta")  # the source's own, versions included
        dst.execute(insert(meta), [dict(r) for r in src.execute(select(meta)).mappings()])
    target.dispose()


def _copy(src, dst, table) -> None:
    result = src.execution_options(yield_per=CHUNK).execute(select(table))
    for rows in result.mappings().partitions(CHUNK):
        dst.execute(insert(table), [dict(r) for r in rows])


def _finish(part: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(part)) as db:
        with db:
            db.execute("DELETE FROM meta WHERE key = ?", (LEFT_OUT,))
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       (TAKEN_AT, utcnow().isoformat(timespec="seconds")))
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("VACUUM")
        return {"posts": db.execute("SELECT count(*) FROM posts").fetchone()[0],
                "ranks": db.execute("SELECT count(*) FROM app_ranks").fetchone()[0]}
