"""Copies kept exact at every write: which earlier post each stored post repeats.

``stories.py`` says what counts as the same story; this module keeps ``posts.story_key``
and ``posts.duplicate_of`` equal to it, the way ``rollup.py`` keeps the daily figures: never
patched, recomputed. Triggers on ``posts`` note the key and time of every post deleted, and
of both versions of a post whose key or time changed (``story_dirty``). ``settle``, called
in each write batch's transaction before the rollup's refresh with the posts the batch
stored, recomputes the copies of their keys and the noted ones from each post's time to
``WINDOW`` after it (the only posts a change can make or unmake copies of) and writes the
ones that differ. A changed
copy changes what the rollup counts, and the rollup's own triggers note its day, so the
refresh that follows brings the figures along. So the copies are the same whatever order
posts arrive in; a post deleted by hand is settled by the next write.

On PostgreSQL two writers storing the same story at once would each miss the other's
uncommitted post and both count their own; so each write batch first waits for its turn
(``take_turn``), as SQLite's single writer does by itself.

The rules the copies were found by are recorded in ``meta`` (``copies_definition``);
``ensure_definition``, called whenever a store is opened, finds every key and copy again
when they differ from this code's (``rebuild``).

May import: errors, stories, write.faults, write.schema, write.rollup.
"""
from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import (Connection, Engine, String, any_, bindparam, column, delete, func, insert,
                        select, text, update)
from sqlalchemy.dialects.postgresql import ARRAY

from dashboard import stories
from dashboard.errors import StoreError
from dashboard.write import rollup
from dashboard.write.faults import DENIED, READ_ONLY
from dashboard.write.schema import COPY, meta, posts, story_dirty

STORY_LOCK = 0x73746f72  # "stor": PostgreSQL's advisory lock for write batches
KEYS_PER_READ = 20_000  # story keys per read of their posts: a write batch's in one
KEY_ROWS = 10_000  # posts read per part when finding every key again (long texts)
REBUILD_ROWS = 50_000  # posts read per part when finding every copy again
DEFINITION_KEY = "copies_definition"  # meta key: the rules the copies were found by

# no trigger on INSERT: the batch hands settle the posts it stored (cheaper than noting
# each one in the table and reading it back)
_SQLITE_TRIGGERS = {
    "delete": ("DELETE", "OLD.story_key IS NOT NULL", ["OLD"]),
    # the columns named: writing duplicate_of (settle's own updates) notes nothing
    "update": ("UPDATE OF story_key, created_at",
               "OLD.story_key IS NOT NEW.story_key OR OLD.created_at IS NOT NEW.created_at",
               ["OLD", "NEW"]),
}
_SQLITE_MARK = ("INSERT INTO story_dirty (story_key, created_at) SELECT {r}.story_key, "
                "{r}.created_at WHERE {r}.story_key IS NOT NULL;")
# PostgreSQL: statement-level, as the rollup's; an update notes only the posts whose key or
# time changed, so settle's own updates (and a re-import of the same posts) note nothing
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION story_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO story_dirty (story_key, created_at)
      SELECT story_key, created_at FROM old_rows WHERE story_key IS NOT NULL;
  ELSE
    INSERT INTO story_dirty (story_key, created_at)
      SELECT v.story_key, v.created_at FROM old_rows o JOIN new_rows n ON n.id = o.id,
        LATERAL (VALUES (o.story_key, o.created_at), (n.story_key, n.created_at))
          AS v (story_key, created_at)
      WHERE v.story_key IS NOT NULL
        AND (o.story_key, o.created_at) IS DISTINCT FROM (n.story_key, n.created_at);
  END IF;
  RETURN NULL;
END $$"""
_PG_TRIGGERS = {
    "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
}


def install(conn: Connection) -> None:
    """Create the triggers that note changed stories (the tables exist already)."""
    if conn.dialect.name == "sqlite":
        for name, (event, when, rows) in _SQLITE_TRIGGERS.items():
            marks = " ".join(_SQLITE_MARK.format(r=r) for r in rows)
            conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS story_mark_{name} AFTER "
                                 f"{event} ON posts WHEN {when} BEGIN {marks} END")
        return
    conn.exec_driver_sql(_PG_FUNCTION)
    for op, referencing in _PG_TRIGGERS.items():
        name = f"story_mark_{op.lower()}"
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON posts")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} AFTER {op} ON posts {referencing} "
                             "FOR EACH STATEMENT EXECUTE FUNCTION story_mark()")


def take_turn(conn: Connection) -> None:
    """Wait until no other writer is inside a write batch, and hold the turn until this
    transaction ends: on PostgreSQL an advisory lock, on SQLite the write lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STORY_LOCK})
    else:
        conn.execute(text("UPDATE meta SET value = value WHERE key = 'schema_version'"))


def settle(conn: Connection, stored: pd.DataFrame) -> int:
    """Recompute the copies after the posts ``stored`` (their ``story_key`` and
    ``created_at``) and every noted change, write those that differ and clear the notes;
    returns how many posts changed. Call inside the writing transaction, after
    ``take_turn`` and before ``rollup.refresh``."""
    marks = conn.execute(delete(story_dirty).returning(story_dirty.c.story_key,
                                                       story_dirty.c.created_at)).all()
    noted = pd.concat([stored[["story_key", "created_at"]].dropna(subset=["story_key"]),
                       pd.DataFrame(marks, columns=["story_key", "created_at"])])
    if noted.empty:
        return 0
    noted["created_at"] = pd.to_datetime(noted["created_at"])
    return _recompute(conn, noted.groupby("story_key")["created_at"].agg(["min", "max"]))


def _recompute(conn: Connection, spans: pd.DataFrame) -> int:
    """Recompute the copies of the posts of each key (``spans``' index) dated from its
    ``min`` to ``WINDOW`` after its ``max``, from the posts of that key in the ``WINDOW``
    before them on; write those that differ and return how many."""
    changed = {}
    for start in range(0, len(spans), KEYS_PER_READ):
        part = spans.iloc[start:start + KEYS_PER_READ]
        result = conn.execute(_SHARED[conn.dialect.name], {
            "keys": _key_list(conn, part.index.tolist()),
            "first": (part["min"].min() - stories.WINDOW).to_pydatetime(),
            "last": (part["max"].max() + stories.WINDOW).to_pydatetime()})
        frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
        if frame.empty:
            continue
        frame["created_at"] = pd.to_datetime(frame["created_at"])
        first, last = (frame["story_key"].map(part[end]) for end in ("min", "max"))
        close = ((frame["created_at"] >= first - stories.WINDOW) &
                 (frame["created_at"] <= last + stories.WINDOW))
        frame, first = frame[close], first[close]
        found = pd.to_numeric(stories.copy_of(frame))  # NaN: copies none
        stored = pd.to_numeric(frame["duplicate_of"])
        # the posts before a key's first change only told us what came before it
        differs = (frame["created_at"] >= first) & (found != stored) & \
            ~(found.isna() & stored.isna())
        changed |= {int(pid): None if pd.isna(copy) else int(copy)
                    for pid, copy in zip(frame.loc[differs, "id"], found[differs])}
    _write(conn, "duplicate_of", changed)
    return len(changed)


def _shared(dialect: str):
    """The posts of the keys (one array parameter, ``keys``: no statement of thousands of
    placeholders to build) near their times (``first``, ``last``), of the keys whose posts
    could copy one another: most keys have one post and it copies none, so there is nothing
    to recompute for them. One scan, counted by a window: no join whose plan could go wrong
    on a table too new to have statistics."""
    if dialect == "postgresql":
        named = posts.c.story_key == any_(bindparam("keys", type_=ARRAY(String)))
    else:
        named = posts.c.story_key.in_(select(column("value")).select_from(
            func.json_each(bindparam("keys"))))
    by_key = {"partition_by": posts.c.story_key}
    near = select(*COPY_COLUMNS, func.count().over(**by_key).label("posts"),
                  func.count(posts.c.duplicate_of).over(**by_key).label("copies")).where(
        posts.c.created_at >= bindparam("first"), posts.c.created_at <= bindparam("last"),
        named).subquery("near")
    return select(*(near.c[c.name] for c in COPY_COLUMNS)).where(
        (near.c.posts > 1) | (near.c.copies > 0))


COPY_COLUMNS = [posts.c[c] for c in ("id", "story_key", "created_at", "source", "source_id",
                                     "duplicate_of")]
_SHARED = {dialect: _shared(dialect) for dialect in ("postgresql", "sqlite")}


def _key_list(conn: Connection, keys: list[str]):
    """``keys`` as the one parameter ``_SHARED`` takes: an array, or JSON for SQLite."""
    return json.dumps(keys) if conn.dialect.name == "sqlite" else keys


def _copies_in(frame: pd.DataFrame) -> dict[int, int]:
    """Post id -> the post it copies, for the copies among ``frame`` (every post of its
    keys)."""
    if frame.empty:
        return {}
    found = stories.copy_of(frame)
    return {int(pid): copy for pid, copy in zip(frame["id"], found) if copy is not None}


# PostgreSQL: one statement for any number of posts, their ids and values bound as arrays;
# "id = ANY" lets the planner find them by the primary key even before the table has
# statistics (a first import), rather than read the whole table
_PG_WRITES = {
    "duplicate_of": "UPDATE posts SET duplicate_of = v.value FROM unnest(CAST(:ids AS "
                    "integer[]), CAST(:values AS integer[])) AS v (id, value) "
                    "WHERE posts.id = v.id AND posts.id = ANY(CAST(:ids AS integer[]))",
    "story_key": "UPDATE posts SET story_key = v.value FROM unnest(CAST(:ids AS integer[]), "
                 "CAST(:values AS varchar[])) AS v (id, value) "
                 "WHERE posts.id = v.id AND posts.id = ANY(CAST(:ids AS integer[]))",
}


def _write(conn: Connection, column: str, values: dict[int, object]) -> None:
    """Set ``column`` (a key of ``_PG_WRITES``) of each post (by id) to its value in
    ``values``: on PostgreSQL in one statement (its statement triggers run once), on SQLite
    row by row in one executemany."""
    if not values:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(text(_PG_WRITES[column]), {"ids": list(values),
                                                "values": list(values.values())})
    else:
        conn.execute(update(posts).where(posts.c.id == bindparam("post")).values(
            {column: bindparam("value")}), [{"post": pid, "value": v}
                                            for pid, v in sorted(values.items())])


def rebuild(conn: Connection) -> None:
    """Find every post's story key and copies again and record this code's rules as the
    ones they were found by. Call inside one transaction."""
    last = 0
    while True:  # keys, a batch of posts at a time (by id: the updates move no row)
        result = conn.execute(select(posts.c.id, posts.c.text, posts.c.url,
                                     posts.c.implausible_time, posts.c.story_key)
                              .where(posts.c.id > last).order_by(posts.c.id)
                              .limit(KEY_ROWS))
        frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
        if frame.empty:
            break
        keys = stories.story_keys(frame)
        _write(conn, "story_key", {int(pid): key for pid, key, old in
                                         zip(frame["id"], keys, frame["story_key"])
                                         if key != old})
        last = int(frame["id"].iloc[-1])
    conn.execute(update(posts).where(COPY).values(duplicate_of=None))
    # every post with a key, in key order: a key's posts come together (the last key of a
    # part is held back until the next part has brought the rest of its posts)
    result = conn.execute(
        select(posts.c.id, posts.c.story_key, posts.c.created_at, posts.c.source,
               posts.c.source_id).where(posts.c.story_key.is_not(None))
        .order_by(posts.c.story_key).execution_options(yield_per=REBUILD_ROWS))
    found, held = {}, pd.DataFrame()
    for part in result.partitions():
        frame = pd.concat([held, pd.DataFrame(part, columns=list(result.keys()))])
        whole = frame["story_key"] != frame["story_key"].iloc[-1]
        found |= _copies_in(frame[whole])
        held = frame[~whole]
    found |= _copies_in(held)
    _write(conn, "duplicate_of", found)
    conn.execute(delete(story_dirty))  # every change is settled above
    conn.execute(delete(meta).where(meta.c.key == DEFINITION_KEY))
    conn.execute(insert(meta).values(key=DEFINITION_KEY, value=stories.definition()))


def ensure_definition(engine: Engine) -> bool:
    """Find every key and copy again (``rebuild``, and the rollup's changed days with it)
    when the store's were found by other rules than this code's; returns whether it did.
    A reader that may not write leaves it to the next writer."""
    with engine.connect() as conn:
        if _built_with(conn) == stories.definition():
            return False
    try:
        with engine.begin() as conn:
            take_turn(conn)
            if _built_with(conn) == stories.definition():  # another process did it meanwhile
                return False
            rebuild(conn)
            rollup.refresh(conn)
    except StoreError as e:
        if e.kind in (READ_ONLY, DENIED):
            return False
        raise
    return True


def _built_with(conn: Connection) -> str | None:
    return conn.execute(select(meta.c.value).where(meta.c.key == DEFINITION_KEY)).scalar()
