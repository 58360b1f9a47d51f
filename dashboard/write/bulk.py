"""A batch of posts written as sets: staged, then one upsert and one replace of mentions.

Row by row, a batch of posts costs a compiled statement and a round trip per row, and the
post ids its mentions need must be read back. Here the batch's rows go first into a
temporary table of the connection (``stage_posts``, and its mentions into
``stage_mentions``): on PostgreSQL with ``COPY``, on SQLite with one ``executemany`` of
plain tuples, its statement compiled once. Then one ``INSERT ... SELECT ... ON CONFLICT``
upserts the posts and two statements replace their mentions, joined on (source,
source_id). Values are handed over
as text in the forms SQLAlchemy itself stores (``_text_forms``), so rows written here and
rows written through SQLAlchemy compare equal. Call everything inside the batch's
transaction (``store.write_posts``): a failure undoes the whole batch.

May import: write.faults, write.schema.
"""
from __future__ import annotations

import datetime

import pandas as pd
from psycopg import sql
from sqlalchemy import (Column, Connection, Integer, MetaData, Table, any_, bindparam, delete,
                        exists, func, insert, select, text, true)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateTable

from dashboard.write.faults import store_error
from dashboard.write.schema import mentions, posts

KEYS = ("source", "source_id")
# a connection writing batches keeps a large store's indexes in memory (SQLite's default
# page cache is 2 MB)
SQLITE_CACHE = "PRAGMA cache_size = -65536"
_staging = MetaData()
stage_posts = Table("stage_posts", _staging, prefixes=["TEMPORARY"],
                    *[Column(c.name, c.type) for c in posts.columns if c.name != "id"])
stage_mentions = Table("stage_mentions", _staging, prefixes=["TEMPORARY"],
                       *[Column(c.name, posts.c[c.name].type) for c in posts.columns
                         if c.name in KEYS],
                       *[Column(c.name, c.type) for c in mentions.columns if c.name != "post_id"])
_MENTION_COLUMNS = [c.name for c in stage_mentions.columns]
TRUNCATE = text("TRUNCATE stage_posts, stage_mentions")


def stage(conn: Connection, rows: pd.DataFrame, columns: list[str],
          mention_rows: list[tuple] | None = None) -> None:
    """Load ``rows`` (``columns`` of posts, one row per key) into ``stage_posts`` and,
    when given, ``mention_rows`` (source, source_id, brand, sentiment) into
    ``stage_mentions``, emptying both first (the connection's first batch makes them)."""
    for table in (stage_posts, stage_mentions):
        conn.execute(CreateTable(table, if_not_exists=True))
    if conn.dialect.name == "postgresql":
        # not DELETE: it leaves every earlier batch's rows behind as dead space (nothing
        # vacuums a temporary table), which each batch's joins then read, so the cost of a
        # batch grew with the number of batches before it
        conn.execute(TRUNCATE)
    else:
        for table in (stage_posts, stage_mentions):
            conn.execute(delete(table))
        conn.exec_driver_sql(SQLITE_CACHE)
    columns = [c.name for c in stage_posts.columns if c.name in columns]  # the table's order
    _load(conn, stage_posts, columns, _tuples(rows, columns))
    if mention_rows:
        _load(conn, stage_mentions, _MENTION_COLUMNS, mention_rows)


def _same_post(table):
    return (posts.c.source == table.c.source) & (posts.c.source_id == table.c.source_id)


def count_new(conn: Connection) -> int:
    """How many staged posts are not stored yet (before ``upsert``)."""
    return conn.execute(select(func.count()).select_from(stage_posts).where(
        ~exists().where(_same_post(stage_posts)))).scalar()


def upsert(conn: Connection, columns: list[str]) -> None:
    """Insert the staged posts, updating the other ``columns`` of those already stored."""
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    # the WHERE: without one SQLite reads ON CONFLICT as part of the SELECT's join
    stmt = dialect.insert(posts).from_select(
        columns, select(*(stage_posts.c[c] for c in columns)).where(true()))
    conn.execute(stmt.on_conflict_do_update(
        index_elements=list(KEYS),
        set_={c: stmt.excluded[c] for c in columns if c not in KEYS}))


def replace_mentions(conn: Connection) -> None:
    """The staged posts' mentions become the staged mentions (after ``upsert``)."""
    staged = select(posts.c.id).join(stage_posts, _same_post(stage_posts))
    if conn.dialect.name == "postgresql":
        # the ids first: as a subquery, PostgreSQL plans a scan of every mention (a hash
        # join) for each batch, where the ids find theirs through the key
        ids = bindparam("ids", conn.execute(staged).scalars().all(), type_=ARRAY(Integer))
        conn.execute(delete(mentions).where(mentions.c.post_id == any_(ids)))
    else:
        conn.execute(delete(mentions).where(mentions.c.post_id.in_(staged.scalar_subquery())))
    conn.execute(insert(mentions).from_select(
        ["post_id", "brand", "sentiment"],
        select(posts.c.id, stage_mentions.c.brand, stage_mentions.c.sentiment)
        .join(posts, _same_post(stage_mentions))))


def _load(conn: Connection, table: Table, columns: list[str], rows) -> None:
    """``rows`` (tuples of ``columns``, in the table's order) into ``table``."""
    if conn.dialect.name == "postgresql":
        copy_in = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns)))
        try:
            with conn.connection.dbapi_connection.cursor() as cur, cur.copy(copy_in) as copy:
                for row in rows:
                    copy.write_row(row)
        except Exception as e:  # psycopg's own: SQLAlchemy's error hook never sees it
            raise store_error(e, conn.engine.url.render_as_string()) or e
        return
    # compiled once; plain tuples, no per-value conversion by SQLAlchemy
    statement = insert(table).compile(dialect=conn.dialect, column_keys=columns).string
    conn.exec_driver_sql(statement, rows if isinstance(rows, list) else list(rows))


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
