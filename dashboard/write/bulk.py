"""A batch of posts written as sets: staged, then one upsert and one replace of mentions.

Row by row, a batch of posts costs a compiled statement and a round trip per row, and the
post ids its mentions need must be read back. Here the batch's rows go first into a
temporary table of the connection (``stage_posts``, and its mentions into
``stage_mentions``): on PostgreSQL with ``COPY``, on SQLite with one ``executemany`` of
plain tuples. Then one ``INSERT ... SELECT ... ON CONFLICT`` upserts the posts and two
statements replace their mentions, joined on (source, source_id). Values are handed over
as text in the forms SQLAlchemy itself stores (``_text_forms``), so rows written here and
rows written through SQLAlchemy compare equal. Call everything inside the batch's
transaction (``store.write_posts``): a failure undoes the whole batch.

May import: write.faults, write.schema.
"""
from __future__ import annotations

import datetime

import pandas as pd
from sqlalchemy import Connection

from dashboard.write.faults import store_error
from dashboard.write.schema import posts

STAGE, STAGE_MENTIONS = "stage_posts", "stage_mentions"
KEYS = ("source", "source_id")
SQLITE_CACHE_KB = 64 * 1024  # page cache of a connection writing batches (SQLite's: 2 MB)
_MENTION_COLUMNS = ["source", "source_id", "brand", "sentiment"]
POST_COLUMNS = [c.name for c in posts.columns if c.name != "id"]


def stage(conn: Connection, rows: pd.DataFrame, columns: list[str],
          mention_rows: list[tuple] | None = None) -> None:
    """Load ``rows`` (``columns`` of posts, one row per key) into ``stage_posts`` and,
    when given, ``mention_rows`` (source, source_id, brand, sentiment) into
    ``stage_mentions``, emptying both first."""
    _create(conn)
    if conn.dialect.name == "sqlite":  # a large store's indexes stay in this writer's memory
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
    for table in (STAGE, STAGE_MENTIONS):
        conn.exec_driver_sql(f"DELETE FROM {table}")
    _load(conn, STAGE, columns, _tuples(rows, columns))
    if mention_rows:
        _load(conn, STAGE_MENTIONS, _MENTION_COLUMNS, mention_rows)


def count_new(conn: Connection) -> int:
    """How many staged posts are not stored yet (before ``upsert``)."""
    return conn.exec_driver_sql(
        f"SELECT count(*) FROM {STAGE} s WHERE NOT EXISTS (SELECT 1 FROM posts p "
        "WHERE p.source = s.source AND p.source_id = s.source_id)").scalar()


def upsert(conn: Connection, columns: list[str]) -> None:
    """Insert the staged posts, updating the other ``columns`` of those already stored."""
    names = ", ".join(columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in KEYS)
    # "WHERE true": without it SQLite reads ON CONFLICT as part of the SELECT's join
    conn.exec_driver_sql(f"INSERT INTO posts ({names}) SELECT {names} FROM {STAGE} WHERE true "
                         f"ON CONFLICT (source, source_id) DO UPDATE SET {updates}")


def replace_mentions(conn: Connection) -> None:
    """The staged posts' mentions become the staged mentions (after ``upsert``)."""
    staged = (f"SELECT p.id FROM posts p JOIN {STAGE} s ON p.source = s.source AND "
              "p.source_id = s.source_id")
    conn.exec_driver_sql(f"DELETE FROM mentions WHERE post_id IN ({staged})")
    conn.exec_driver_sql(
        f"INSERT INTO mentions (post_id, brand, sentiment) SELECT p.id, m.brand, m.sentiment "
        f"FROM {STAGE_MENTIONS} m JOIN posts p ON p.source = m.source AND "
        "p.source_id = m.source_id")


def _create(conn: Connection) -> None:
    """The connection's staging tables, made by its first batch with the columns of posts
    and mentions: no keys, no indexes, no triggers."""
    for name, select in ((STAGE, f"SELECT {', '.join(POST_COLUMNS)} FROM posts"),
                         (STAGE_MENTIONS, "SELECT p.source, p.source_id, m.brand, "
                                          "m.sentiment FROM posts p JOIN mentions m "
                                          "ON m.post_id = p.id")):
        conn.exec_driver_sql(f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} AS {select} LIMIT 0")


def _load(conn: Connection, table: str, columns: list[str], rows) -> None:
    if conn.dialect.name == "postgresql":
        try:
            with conn.connection.dbapi_connection.cursor() as cur, \
                    cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except Exception as e:  # psycopg's own: SQLAlchemy's error hook never sees it
            raise store_error(e, conn.engine.url.render_as_string()) or e
        return
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                         rows if isinstance(rows, list) else list(rows))


def _tuples(rows: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """The rows as tuples of plain values (``_text_forms``; None for missing)."""
    values = [_text_forms(s).tolist() for _, s in rows.reindex(columns=columns).items()]
    return list(zip(*values))


def _text_forms(s: pd.Series) -> pd.Series:
    """A column as SQLAlchemy stores it: times and dates as ISO text (with microseconds,
    as its SQLite dialect writes them), booleans as 0/1, missing values as None."""
    present = s.dropna()
    first = present.iloc[0] if len(present) else None
    if isinstance(first, datetime.datetime) or pd.api.types.is_datetime64_any_dtype(s):
        s = pd.to_datetime(s).dt.strftime("%Y-%m-%d %H:%M:%S.%f")
    elif isinstance(first, datetime.date):
        s = s.map(str, na_action="ignore")
    elif pd.api.types.is_bool_dtype(s):
        s = s.astype("Int64")
    return s.astype(object).where(s.notna(), None)
