"""What a consistent store looks like, checked after every crash and by concurrent readers.

``snapshot`` reads every count in ONE statement, so on SQLite (WAL) and PostgreSQL it sees
one committed state: a reader that finds a post whose mentions disagree with its ``brands``
column has seen a torn write. ``problems`` adds SQLite's own checks; ``fingerprint`` sums up
the stored rows (minus what legitimately differs between stores: ids, pseudonym salts,
collection times) so a store after crashes and reruns can be compared with a clean run's.
"""
from __future__ import annotations

import hashlib

from sqlalchemy import Engine, select, text

from dashboard.write.schema import mentions, posts

# posts whose mention rows do not match their brands column: a count differs, or a mention
# names a brand the post does not list
_MISMATCHED = """
(SELECT count(*) FROM posts p WHERE
   (SELECT count(*) FROM mentions m WHERE m.post_id = p.id) <>
   CASE WHEN coalesce(p.brands, '') = '' THEN 0
        ELSE length(p.brands) - length(replace(p.brands, ';', '')) + 1 END)
+ (SELECT count(*) FROM mentions m JOIN posts p ON p.id = m.post_id
   WHERE ';' || coalesce(p.brands, '') || ';' NOT LIKE '%;' || m.brand || ';%')"""
SNAPSHOT = text(f"""SELECT
  (SELECT count(*) FROM posts) AS posts,
  (SELECT count(*) FROM mentions) AS mentions,
  {_MISMATCHED} AS torn,
  (SELECT count(*) FROM mentions m
   WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = m.post_id)) AS orphans,
  (SELECT count(*) FROM (SELECT source, source_id FROM posts GROUP BY source, source_id
                         HAVING count(*) > 1) d) AS duplicates""")


def snapshot(engine: Engine) -> dict[str, int]:
    """posts, mentions, torn (posts whose mentions are missing or wrong), orphans
    (mentions without a post) and duplicates ((source, source_id) stored twice)."""
    with engine.connect() as conn:
        return dict(conn.execute(SNAPSHOT).mappings().one())


def problems(engine: Engine) -> list[str]:
    """Everything wrong with the store, in words (empty when it is consistent)."""
    found = [f"{n} {what}" for what, n in snapshot(engine).items()
             if what in ("torn", "orphans", "duplicates") and n]
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            check = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        found += [f"integrity_check: {r}" for r in check if r != "ok"]
        found += [f"foreign_key_check: {len(dangling)} rows"] if dangling else []
    return found


FINGERPRINTED = ("source", "source_id", "created_at", "text", "url", "community",
                 "engagement", "sentiment", "brands", "switch_from", "switch_to", "switch_kind")


def fingerprint(engine: Engine) -> str:
    """A hash of every post's content and scores and of every mention, by source id
    (typed values, so a SQLite and a PostgreSQL store of the same rows agree)."""
    key = (posts.c.source, posts.c.source_id)
    queries = (select(*(posts.c[c] for c in FINGERPRINTED)).order_by(*key),
               select(*key, mentions.c.brand, mentions.c.sentiment)
               .join_from(mentions, posts, posts.c.id == mentions.c.post_id)
               .order_by(*key, mentions.c.brand))
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for query in queries:
            for row in conn.execute(query):
                digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
