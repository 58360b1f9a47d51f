"""The daily rollup: per-day figures kept up to date as posts are written.

``daily_rollup`` (schema.py) holds, per UTC day, source, post sentiment label and brand,
what the daily charts add up: posts naming the brand, the sum and count of sentiments
toward it, how many are negative / positive toward it, posts leaving / arriving at it, and
(on the ``brand = ''`` rows, one per day, source and label, counting every post) how many
posts are simulated. A daily view over a year reads a few thousand of these rows instead of
every post.

It is never incremented. Triggers on ``posts`` note each (source, day) whose posts were
inserted, changed or deleted in ``rollup_dirty``; ``refresh`` recomputes exactly those
groups from the raw rows and clears them. ``store.write_posts`` calls it inside each write
batch's transaction, so upserts and rescoring stay exact and a crash rolls back the posts
and their rollup together. Rows changed by anything else (a DELETE by hand, the demo's
rebuild) stay marked until the next write; meanwhile ``is_current`` is false and the
queries read the raw rows instead, so the figures are never wrong, only slower.
"""
from __future__ import annotations

from sqlalchemy import Connection, case, delete, func, insert, literal, select, union_all

from dashboard import vocabulary
from dashboard.schema import daily_rollup, mentions, posts, rollup_dirty

ALL = ""  # the brand of the rows that count every post
MEASURES = ["posts", "sentiment_sum", "scored", "negative", "positive", "leaving",
            "arriving", "simulated"]
GROUP_CHUNK = 400  # days per recompute statement (bounded parameter lists)

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
    """Whether every group is up to date (no changed group waits for ``refresh``)."""
    return conn.execute(select(rollup_dirty.c.day).limit(1)).first() is None


def refresh(conn: Connection) -> int:
    """Recompute every marked group from the raw rows and clear the marks; returns how
    many (source, day) groups were marked. Call inside the writing transaction."""
    marked = conn.execute(delete(rollup_dirty).returning(rollup_dirty.c.source,
                                                         rollup_dirty.c.day)).all()
    by_source: dict[str, set] = {}
    for source, day in marked:
        by_source.setdefault(source, set()).add(day)
    for source, days in by_source.items():
        days = sorted(days)
        for i in range(0, len(days), GROUP_CHUNK):
            _recompute(conn, source, days[i:i + GROUP_CHUNK])
    return len(marked)


def rebuild(conn: Connection) -> None:
    """Recompute the whole rollup from the raw rows (building it for an existing store)."""
    conn.execute(delete(rollup_dirty))
    _recompute(conn)


def _recompute(conn: Connection, source: str | None = None, days: list | None = None) -> None:
    """Replace the rollup rows of ``source`` on ``days`` (default: all of them)."""
    where, gone = [], []
    if source is not None:
        where.append(posts.c.source == source)
        gone.append(daily_rollup.c.source == source)
    if days is not None:
        where.append(posts.c.day.in_(days))
        gone.append(daily_rollup.c.day.in_(days))
    conn.execute(delete(daily_rollup).where(*gone))
    conn.execute(insert(daily_rollup).from_select(list(daily_rollup.columns.keys()),
                                                  group_rows(where)))


def group_rows(where: list):
    """SELECT of the rollup rows for the posts matching ``where``, in the table's column
    order."""
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
