"""Schema versions: how a store made by older code is brought up to date without losing data.

A new store is created at the current shape (``schema.py``) and stamped with
``SCHEMA_VERSION``. An older store runs, in order and in one transaction, the steps numbered
above its version, under a lock that serialises the processes opening it at once. To change
the schema: edit ``schema.py``, append a step here that turns the previous shape into the
new one (ALTER TABLE ..., backfills), and bump nothing else: the version is the last step's
number.

May import: errors, time_window, write.faults, write.schema, write.rollup, write.copies.
"""
from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

import pandas as pd
from sqlalchemy import Connection, Engine, inspect, select, text, update

from dashboard.errors import StoreError, UserError
from dashboard.time_window import outside
from dashboard.write import copies, rollup
from dashboard.write.faults import BUSY, DENIED, READ_ONLY
from dashboard.write.schema import daily_rollup, metadata, posts, rollup_dirty, story_dirty

LOCK_KEY = 0x64617368  # "dash": this project's migration lock on PostgreSQL
LOCK_WAIT = 600  # seconds to wait for another process's upgrade of a SQLite store
BACKFILL = 10_000  # rows read, or flagged, per statement of a backfill (bounded IN lists)


def _mention_sentiment(conn: Connection) -> None:
    # the post's score stands in until `python -m dashboard rescore` computes the brand's
    conn.execute(text("ALTER TABLE mentions ADD COLUMN sentiment FLOAT"))
    conn.execute(text("UPDATE mentions SET sentiment = "
                      "(SELECT sentiment FROM posts WHERE posts.id = mentions.post_id)"))


def _daily_rollup(conn: Connection) -> None:
    conn.execute(text("DROP INDEX IF EXISTS ix_posts_day"))  # (day, source) serves as well
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_posts_day_source ON posts (day, source)"))
    metadata.create_all(conn, tables=[daily_rollup, rollup_dirty])
    rollup.install(conn)
    # filled by rollup.ensure_definition when the steps are done: its SQL reads the
    # current shape of posts, which later steps may still change


def _scorer_version_width(conn: Connection) -> None:
    # a transformer scorer's version names its model; SQLite does not limit VARCHAR anyway
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE posts ALTER COLUMN scorer_version TYPE VARCHAR(200)"))


def _run_stats(conn: Connection) -> None:
    # only where missing: a store stamped older by hand may have the current shape already
    if "stats" not in {c["name"] for c in inspect(conn).get_columns("runs")}:
        conn.execute(text("ALTER TABLE runs ADD COLUMN stats TEXT"))


def _implausible_times(conn: Connection) -> None:
    # posts dated outside the sane window stay, flagged, and leave the daily figures
    conn.execute(text("ALTER TABLE posts ADD COLUMN implausible_time BOOLEAN NOT NULL "
                      "DEFAULT false"))
    next(i for i in posts.indexes if i.name == "ix_posts_implausible").create(conn)
    stmt = select(posts.c.id, posts.c.source, posts.c.created_at, posts.c.collected_at)
    result = conn.execute(stmt.execution_options(yield_per=BACKFILL))
    flagged = []
    for part in result.partitions():
        frame = pd.DataFrame(part, columns=list(result.keys()))
        bad = outside(pd.to_datetime(frame["created_at"]), frame["source"],
                      pd.to_datetime(frame["collected_at"]))
        flagged += frame.loc[bad, "id"].tolist()
    for start in range(0, len(flagged), BACKFILL):
        conn.execute(update(posts).where(posts.c.id.in_(flagged[start:start + BACKFILL]))
                     .values(implausible_time=True))
    # the rollup's definition changed with it (they count nowhere): rebuilt once opened


def _story_copies(conn: Connection) -> None:
    # each column and index only where missing: a store stamped older by hand may have
    # them already, and the step must then still finish
    have = {c["name"] for c in inspect(conn).get_columns("posts")}
    for column, add in (("story_key", "ALTER TABLE posts ADD COLUMN story_key VARCHAR(20)"),
                        ("duplicate_of", "ALTER TABLE posts ADD COLUMN duplicate_of INTEGER")):
        if column not in have:
            conn.execute(text(add))
    indexes = {i["name"] for i in inspect(conn).get_indexes("posts")}
    for index in posts.indexes:
        if index.name in ("ix_posts_story", "ix_posts_copies") and index.name not in indexes:
            index.create(conn)
    metadata.create_all(conn, tables=[story_dirty])
    copies.install(conn)
    copies.rebuild(conn)  # every post's key and copies; the rollup follows once opened


# (version, what it does, step); version 1 is the first shape, created by create_all.
STEPS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (2, "sentiment toward each brand mentioned (mentions.sentiment)", _mention_sentiment),
    (3, "daily figures kept up to date at every write (daily_rollup)", _daily_rollup),
    (4, "scorer versions up to 200 characters (they name transformer models)",
     _scorer_version_width),
    (5, "what a streaming run measured (runs.stats)", _run_stats),
    (6, "posts dated outside the sane time window flagged (posts.implausible_time)",
     _implausible_times),
    (7, "one story counted once: each post's story and the earlier post it copies "
        "(posts.story_key, posts.duplicate_of)", _story_copies),
]
SCHEMA_VERSION = max([1, *(v for v, _, _ in STEPS)])


def store_version(conn: Connection) -> int | None:
    """The schema version stamped in the store, or None for an empty database."""
    tables = set(inspect(conn).get_table_names())
    if "meta" not in tables:
        return None if "posts" not in tables else 0
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    return int(row[0]) if row else 0


def ensure_schema(engine: Engine, name: str = "the store") -> int:
    """Create or upgrade the store's tables; return the version it is now at.

    Any number of processes may open an old store at once: each takes the store's migration
    lock (``_migration_lock``), reads the version again inside it and runs only the steps
    still missing, all in one transaction, so the first upgrades the store and the others
    find it done. A store that must be upgraded but may not be written here (read-only,
    refused) stops with a StoreError saying so (``name`` says which store)."""
    with engine.connect() as conn:
        version = store_version(conn)
    if version == SCHEMA_VERSION:
        return version
    _refuse_newer(version)
    try:
        with _migration_lock(engine) as conn:
            version = store_version(conn)  # again: another process may have upgraded it
            if version is None:
                metadata.create_all(conn)
                rollup.install(conn)
                copies.install(conn)
                copies.rebuild(conn)  # empty, but recorded as found by these rules
                rollup.rebuild(conn)  # the same
                _stamp(conn, SCHEMA_VERSION, insert=True)
                return SCHEMA_VERSION
            _refuse_newer(version)
            for step_version, _what, step in STEPS:
                if step_version > version:
                    step(conn)
                    _stamp(conn, step_version, insert=False)
    except StoreError as e:
        if e.kind not in (READ_ONLY, DENIED):
            raise
        raise StoreError(f"{name} is at schema version {version} and must be upgraded to "
                         f"{SCHEMA_VERSION} before this code can read it, but it may not be "
                         f"written here ({e.kind}): open it once as a user that may write "
                         "(any dashboard command does)", e.kind) from e
    return SCHEMA_VERSION


def _refuse_newer(version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise UserError(f"the store is at schema version {version}, newer than this code "
                        f"({SCHEMA_VERSION}); update the dashboard before using it")


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[Connection]:
    """A transaction holding the store's migration lock, committed at the end: on
    PostgreSQL an advisory lock (released by the commit, or by the server if the process
    dies), on SQLite the write lock (BEGIN IMMEDIATE), waited for up to LOCK_WAIT while
    another process upgrades a big store."""
    with engine.connect() as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        else:
            deadline = time.monotonic() + LOCK_WAIT
            while True:
                try:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    break
                except StoreError as e:  # busy after SQLite's own 30 s wait
                    if e.kind != BUSY or time.monotonic() > deadline:
                        raise
        yield conn


def _stamp(conn: Connection, version: int, insert: bool) -> None:
    sql = ("INSERT INTO meta (key, value) VALUES ('schema_version', :v)" if insert else
           "UPDATE meta SET value = :v WHERE key = 'schema_version'")
    conn.execute(text(sql), {"v": str(version)})
