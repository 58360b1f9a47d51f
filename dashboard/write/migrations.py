"""Schema versions: how a store made by older code is brought up to date without losing data.

A new store is created at the current shape (``schema.py``) and stamped with
``SCHEMA_VERSION``. An older store runs, in order and each in its own transaction, the steps
numbered above its version. To change the schema: edit ``schema.py``, append a step here
that turns the previous shape into the new one (ALTER TABLE ..., backfills), and bump
nothing else: the version is the last step's number.

May import: errors, write.schema, write.rollup.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, text

from dashboard.errors import UserError
from dashboard.write import rollup
from dashboard.write.schema import daily_rollup, metadata, rollup_dirty


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
    rollup.rebuild(conn)


def _scorer_version_width(conn: Connection) -> None:
    # a transformer scorer's version names its model; SQLite does not limit VARCHAR anyway
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE posts ALTER COLUMN scorer_version TYPE VARCHAR(200)"))


def _run_stats(conn: Connection) -> None:
    # only where missing: a store stamped older by hand may have the current shape already
    if "stats" not in {c["name"] for c in inspect(conn).get_columns("runs")}:
        conn.execute(text("ALTER TABLE runs ADD COLUMN stats TEXT"))


# (version, what it does, step); version 1 is the first shape, created by create_all.
STEPS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (2, "sentiment toward each brand mentioned (mentions.sentiment)", _mention_sentiment),
    (3, "daily figures kept up to date at every write (daily_rollup)", _daily_rollup),
    (4, "scorer versions up to 200 characters (they name transformer models)",
     _scorer_version_width),
    (5, "what a streaming run measured (runs.stats)", _run_stats),
]
SCHEMA_VERSION = max([1, *(v for v, _, _ in STEPS)])


def store_version(conn: Connection) -> int | None:
    """The schema version stamped in the store, or None for an empty database."""
    tables = set(inspect(conn).get_table_names())
    if "meta" not in tables:
        return None if "posts" not in tables else 0
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    return int(row[0]) if row else 0


def ensure_schema(engine: Engine) -> int:
    """Create or upgrade the store's tables; return the version it is now at."""
    with engine.begin() as conn:
        version = store_version(conn)
        if version is None:
            metadata.create_all(conn)
            rollup.install(conn)
            rollup.rebuild(conn)  # empty, but recorded as built with this code's definition
            _stamp(conn, SCHEMA_VERSION, insert=True)
            return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise UserError(f"the store is at schema version {version}, newer than this code "
                        f"({SCHEMA_VERSION}); update the dashboard before using it")
    for step_version, _what, step in STEPS:
        if step_version > version:
            with engine.begin() as conn:
                step(conn)
                _stamp(conn, step_version, insert=False)
    return SCHEMA_VERSION


def _stamp(conn: Connection, version: int, insert: bool) -> None:
    sql = ("INSERT INTO meta (key, value) VALUES ('schema_version', :v)" if insert else
           "UPDATE meta SET value = :v WHERE key = 'schema_version'")
    conn.execute(text(sql), {"v": str(version)})
