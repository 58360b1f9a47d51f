"""The daily rollup: per-day figures kept up to date as posts are written.

``daily_rollup`` (schema.py) holds, per UTC day, source, post sentiment label and brand,
what the daily charts add up: posts naming the brand, the sum and count of sentiments
toward it, how many are negative / positive toward it, posts leaving / arriving at it, and
(on the ``brand = ''`` rows, one per day, source and label, counting every post) how many
posts are simulated. A daily view over a year reads a few thousand of these rows instead of
every post. A story posted again counts once: copies (``copies.py``) are left out.

It is never incremented. Triggers on ``posts`` note each (source, day) whose posts were
inserted, changed or deleted in ``rollup_dirty``; ``refresh`` recomputes exactly those
groups from the raw rows and clears them. ``store.write_posts`` calls it inside each write
batch's transaction, so upserts and rescoring stay exact and a crash rolls back the posts
and their rollup together. Rows changed by anything else (a DELETE by hand, the demo's
rebuild) stay marked until the next write; meanwhile ``is_current`` is false and the
queries read the raw rows instead, so the figures are never wrong, only slower.

What the figures count (which switch kinds are leaving or arriving, where negative and
positive start: ``vocabulary.py``, and the SQL that adds them up) is the rollup's
*definition*. The store's ``meta`` table records the definition the rollup was built with
(``rollup_definition``); ``ensure_definition``, called whenever a store is opened, rebuilds
the whole rollup in one transaction when that differs from this code's, and until then
``is_current`` is false. So a change of definition never leaves stored figures stale.

May import: errors, vocabulary, write.faults, write.schema.
"""
from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable

from sqlalchemy import (Connection, Engine, case, delete, func, insert, literal, select, text,
                        union_all)

from dashboard import vocabulary
from dashboard.errors import StoreError
from dashboard.write.faults import DENIED, READ_ONLY
from dashboard.write.schema import (COPY, IMPLAUSIBLE, daily_rollup, mentions, meta, posts,
                                    rollup_dirty)

ALL = ""  # the brand of the rows that count every post
MEASURES = ["posts", "sentiment_sum", "scored", "negative", "positive", "leaving",
            "arriving", "simulated"]
GROUP_CHUNK = 400  # days per recompute statement (bounded parameter lists)
DEFINITION_KEY = "rollup_definition"  # meta key: the definition the rollup was built with

# SQLite: row triggers. NOT EXISTS rather than INSERT OR IGNORE, which the outer
# statement's own conflict clause (the posts upsert) would override.
_SQLITE_MARK = ("INSERT INTO rollup_dirty (source, day) SELECT {r}.source, {r}.day WHERE NOT "
                "EXISTS (SELECT 1 FROM rollup_dirty WHERE source = {r}.source AND day = {r}.day);")
_SQLITE_TRIGGERS = {"insert": ["NEW"], "update": ["OLD", "NEW"], "delete": ["OLD"]}
# PostgreSQL: statement-level triggers with transition tables, one INSERT ... SELECT DISTINCT
# per statement rather than one per row; in key order, so that two writers of the same
# source take the rows' locks in the same order (no deadlock)
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION rollup_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rollup_dirty (source, day) SELECT DISTINCT source, day FROM old_rows
      ORDER BY source, day ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO rollup_dirty (source, day) SELECT DISTINCT source, day FROM new_rows
      ORDER BY source, day ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$"""
_PG_TRIGGERS = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
}


def install(conn: Connection) -> None:
    """Create the triggers that mark changed (source, day) groups (tables exist already)."""
    if conn.dialect.name == "sqlite":
        for op, rows in _SQLITE_TRIGGERS.items():
            marks = " ".join(_SQLITE_MARK.format(r=r) for r in rows)
            conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS rollup_mark_{op} AFTER "
                                 f"{op.upper()} ON posts BEGIN {marks} END")
        return
    conn.exec_driver_sql(_PG_FUNCTION)
    for op, referencing in _PG_TRIGGERS.items():
        name = f"rollup_mark_{op.lower()}"
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON posts")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} AFTER {op} ON posts {referencing} "
                             "FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark()")


def is_current(conn: Connection) -> bool:
    """Whether the rollup can be read: built with this code's definition, and no changed
    group waits for ``refresh``."""
    waiting = select(rollup_dirty.c.day).limit(1).exists()
    built_with = select(meta.c.value).where(meta.c.key == DEFINITION_KEY).scalar_subquery()
    waits, built = conn.execute(select(waiting, built_with)).one()
    return not waits and built == definition(conn)


def refresh(conn: Connection) -> int:
    """Recompute every marked group from the raw rows and clear the marks; returns how
    many (source, day) groups were marked. Call inside the writing transaction."""
    marked = conn.execute(delete(rollup_dirty).returning(rollup_dirty.c.source,
                                                         rollup_dirty.c.day)).all()
    _recompute_groups(conn, marked)
    return len(marked)


def rebuild(conn: Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Recompute the whole rollup from the raw rows, a source and up to ``GROUP_CHUNK``
    days at a time (``progress(days done, days in all)`` after each), and record this
    code's definition as the one it was built with. Call inside one transaction."""
    conn.execute(delete(rollup_dirty))
    conn.execute(delete(daily_rollup))
    _recompute_groups(conn, conn.execute(select(posts.c.source, posts.c.day).distinct()),
                      progress)
    conn.execute(delete(meta).where(meta.c.key == DEFINITION_KEY))
    conn.execute(insert(meta).values(key=DEFINITION_KEY, value=definition(conn)))


def ensure_definition(engine: Engine, progress: Callable[[int, int], None] | None = None
                      ) -> bool:
    """Rebuild the rollup if it was built with another definition than this code's (or
    none is recorded); returns whether it did. Several processes opening the store at once
    rebuild it once: the others wait, then find it done. A reader that may not write (the
    app on a read-only database user) leaves it to the next writer and reads the raw rows
    meanwhile."""
    with engine.connect() as conn:
        if _built_with(conn) == definition(conn):
            return False
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # writers wait; readers read the raw rows
                conn.execute(text("LOCK TABLE daily_rollup IN EXCLUSIVE MODE"))
            else:  # SQLite: take the write lock before looking again
                conn.execute(text("UPDATE meta SET value = value WHERE key = 'schema_version'"))
            if _built_with(conn) == definition(conn):
                return False
            rebuild(conn, progress)
    except StoreError as e:
        if e.kind in (READ_ONLY, DENIED):  # a refusal to write (faults.py)
            return False
        raise
    return True


def definition(conn: Connection) -> str:
    """What this code's rollup counts, as recorded in ``meta``: the vocabulary it adds up
    and a digest of its SQL (any change to ``group_rows`` changes it too)."""
    return _definition(conn.dialect, tuple(vocabulary.LEAVING_KINDS),
                       tuple(vocabulary.ARRIVING_KINDS), vocabulary.NEGATIVE,
                       vocabulary.POSITIVE)


@functools.lru_cache(maxsize=16)  # compiling the SQL takes milliseconds; queries ask often
def _definition(dialect, leaving: tuple, arriving: tuple, negative: float,
                positive: float) -> str:
    sql = str(group_rows([]).compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    return json.dumps({"leaving": list(leaving), "arriving": list(arriving),
                       "negative_at_most": negative, "positive_at_least": positive,
                       "measures": MEASURES, "sql": hashlib.sha1(sql.encode()).hexdigest()[:12]},
                      sort_keys=True)


def _built_with(conn: Connection) -> str | None:
    return conn.execute(select(meta.c.value).where(meta.c.key == DEFINITION_KEY)).scalar()


def _recompute_groups(conn: Connection, groups, progress=None) -> None:
    """Recompute the (source, day) ``groups``, a source and ``GROUP_CHUNK`` days at a time."""
    by_source: dict[str, set] = {}
    for source, day in groups:
        by_source.setdefault(source, set()).add(day)
    total, done = sum(map(len, by_source.values())), 0
    for source, days in sorted(by_source.items()):
        days = sorted(days)
        for i in range(0, len(days), GROUP_CHUNK):
            _recompute(conn, source, days[i:i + GROUP_CHUNK])
            done += len(days[i:i + GROUP_CHUNK])
            if progress:
                progress(done, total)


def _recompute(conn: Connection, source: str, days: list) -> None:
    """Replace the rollup rows of ``source`` on ``days``."""
    where = [posts.c.source == source, posts.c.day.in_(days)]
    conn.execute(delete(daily_rollup).where(daily_rollup.c.source == source,
                                            daily_rollup.c.day.in_(days)))
    conn.execute(insert(daily_rollup).from_select(list(daily_rollup.columns.keys()),
                                                  group_rows(where)))


def group_rows(where: list):
    """SELECT of the rollup rows for the posts matching ``where``, in the table's column
    order. Posts whose time is implausible (``posts.implausible_time``) count nowhere, and
    copies of an earlier post (``posts.duplicate_of``, ``copies.py``) count with it."""
    where = [*where, ~IMPLAUSIBLE, ~COPY]
    label = func.coalesce(posts.c.sentiment_label, "").label("label")
    key = [posts.c.day, posts.c.source, label]
    zero = literal(0)
    one = literal(1)
    simulated = case((posts.c.simulated, 1), else_=0)
    toward = mentions.c.sentiment

    def leg(brand, measures: dict, *extra, joined=posts):
        cols = [measures.get(m, zero).label(m) for m in MEASURES]
        return select(*key, brand.label("brand"), *cols).select_from(joined).where(
            *where, *extra)

    legs = union_all(
        leg(literal(ALL), {"posts": one, "simulated": simulated}),
        leg(mentions.c.brand,
            {"posts": one, "sentiment_sum": func.coalesce(toward, 0.0),
             "scored": case((toward.is_(None), 0), else_=1),
             "negative": case((toward <= vocabulary.NEGATIVE, 1), else_=0),
             "positive": case((toward >= vocabulary.POSITIVE, 1), else_=0)},
            joined=posts.join(mentions, mentions.c.post_id == posts.c.id)),
        leg(posts.c.switch_from, {"leaving": one}, posts.c.switch_from.is_not(None),
            posts.c.switch_kind.in_(vocabulary.LEAVING_KINDS)),
        leg(posts.c.switch_to, {"arriving": one}, posts.c.switch_to.is_not(None),
            posts.c.switch_kind.in_(vocabulary.ARRIVING_KINDS)),
    ).subquery("legs")
    group = [legs.c[c] for c in ("day", "brand", "source", "label")]
    return select(*group, *[func.sum(legs.c[m]) for m in MEASURES]).group_by(*group)
