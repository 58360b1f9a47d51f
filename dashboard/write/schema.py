"""The store's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Times are UTC, stored without a zone. ``posts.day`` is the UTC date of ``created_at``, kept
as its own indexed column so daily aggregation is a plain GROUP BY; ``implausible_time``
flags a ``created_at`` outside the sane window (``time_window.py``); ``story_key`` and
``duplicate_of`` say which story a post tells and which earlier post it copies
(``stories.py``; kept by ``copies.py``, with ``story_dirty`` noting what changed).
``mentions`` holds one row per (post, brand named in it), with the sentiment toward that
brand. ``daily_rollup`` and ``rollup_dirty`` are derived from posts and mentions
(``rollup.py``). ``meta`` holds the schema version, salts, collectors' resume points and
the definitions the rollup and the copies were built with. Change a table here only
together with a step in ``migrations.py``.

May import: nothing of the project.
"""
from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer,
                        MetaData, String, Table, Text, UniqueConstraint, false)

metadata = MetaData()

posts = Table(
    "posts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(40), nullable=False),
    Column("source_id", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("day", Date, nullable=False),
    Column("author", String(200)),  # a salted-hash pseudonym unless the tracker keeps handles
    Column("text", Text, nullable=False),
    Column("url", Text),
    Column("community", String(200)),  # subreddit, server, app id, ...
    Column("engagement", Integer),  # score / likes / upvotes, as the source counts them
    Column("rating", Integer),  # 1-5 stars, app reviews only
    Column("language", String(16)),
    Column("sentiment", Float),  # VADER-based compound, -1..1
    Column("sentiment_label", String(8)),  # positive / neutral / negative
    Column("brands", Text),  # ';'-separated canonical names (the mentions table, flattened)
    Column("switch_from", String(60)),
    Column("switch_to", String(60)),
    Column("switch_kind", String(10)),
    Column("switch_phrase", Text),  # the words that made the switching call
    Column("scorer_version", String(200)),  # names the model for transformer scorers
    Column("simulated", Boolean, nullable=False, default=False),
    Column("collected_at", DateTime, nullable=False),
    # created_at outside the sane window (time_window.py): kept, but in no figure
    Column("implausible_time", Boolean, nullable=False, default=False, server_default=false()),
    Column("story_key", String(20)),  # stories.py: its outside link's, or its wording's
    # the earliest post of the same story in the window before it (copies.py); only posts
    # copying none are counted
    Column("duplicate_of", Integer),
    UniqueConstraint("source", "source_id", name="uq_posts_source_id"),
)
Index("ix_posts_day_source", posts.c.day, posts.c.source)  # also what rollup.py recomputes by
IMPLAUSIBLE = posts.c.implausible_time.is_(True)  # the flagged posts, as every query says it
Index("ix_posts_implausible", posts.c.source, sqlite_where=IMPLAUSIBLE,
      postgresql_where=IMPLAUSIBLE)  # partial: only the few flagged posts
COPY = posts.c.duplicate_of.is_not(None)  # a copy of an earlier post: counted with it
# time first, key second: posts arrive roughly in time order, so the index grows at its
# end, where a key-first index would take a random page for every post written
Index("ix_posts_story", posts.c.created_at, posts.c.story_key)
Index("ix_posts_copies", posts.c.duplicate_of, sqlite_where=COPY,
      postgresql_where=COPY)  # partial: only the copies, each under the post it copies
Index("ix_posts_switch_from", posts.c.switch_from, posts.c.day)
Index("ix_posts_switch_to", posts.c.switch_to, posts.c.day)

mentions = Table(
    "mentions", metadata,
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("brand", String(60), primary_key=True),
    Column("sentiment", Float),  # toward this brand, -1..1 (the post's own is posts.sentiment)
)
Index("ix_mentions_brand", mentions.c.brand, mentions.c.post_id)

app_ranks = Table(
    "app_ranks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("captured_at", DateTime, nullable=False),
    Column("store", String(20), nullable=False),  # app_store / google_play
    Column("country", String(2), nullable=False),  # ISO 3166 alpha-2, lower case
    Column("chart", String(40), nullable=False),  # top-free / top-paid / ...
    Column("app_id", String(200), nullable=False),
    Column("app_name", String(200)),
    Column("brand", String(60)),  # the tracked brand, or NULL for other apps on the chart
    Column("rank", Integer, nullable=False),
    Column("simulated", Boolean, nullable=False, default=False),
    UniqueConstraint("captured_at", "store", "country", "chart", "app_id", name="uq_rank"),
)
Index("ix_ranks_brand", app_ranks.c.brand, app_ranks.c.captured_at)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(40), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    # vocabulary.RUN_STATUSES: running / ok / partial / failed / interrupted / skipped-...
    Column("status", String(24), nullable=False),
    Column("items", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("simulated", Boolean, nullable=False, default=False),
    Column("stats", Text),  # JSON: what a streaming run measured (vocabulary.STREAM_STATS)
)
Index("ix_runs_source", runs.c.source, runs.c.started_at)

daily_rollup = Table(  # derived: rollup.py keeps it equal to a recomputation from posts
    "daily_rollup", metadata,
    # key in this order: a daily view reads it already grouped by (day, brand)
    Column("day", Date, primary_key=True),
    Column("brand", String(60), primary_key=True),  # '' on the rows that count every post
    Column("source", String(40), primary_key=True),
    Column("label", String(8), primary_key=True),  # the posts' sentiment_label ('' if none)
    Column("posts", Integer, nullable=False),  # posts naming the brand (every post for '')
    Column("sentiment_sum", Float, nullable=False),  # of mentions.sentiment toward the brand
    Column("scored", Integer, nullable=False),  # mentions with a sentiment (the sum's count)
    Column("negative", Integer, nullable=False),  # negative toward the brand
    Column("positive", Integer, nullable=False),
    Column("leaving", Integer, nullable=False),  # leave/move posts with switch_from = brand
    Column("arriving", Integer, nullable=False),  # move/return posts with switch_to = brand
    Column("simulated", Integer, nullable=False),  # simulated posts ('' rows only)
    sqlite_with_rowid=False,  # stored in key order: a date range is one contiguous read
)

rollup_dirty = Table(  # (source, day) groups changed since daily_rollup was recomputed
    "rollup_dirty", metadata,
    Column("source", String(40), primary_key=True),
    Column("day", Date, primary_key=True),
    sqlite_with_rowid=False,
)

story_dirty = Table(  # (story key, time) of posts deleted, or whose key or time changed:
    # copies.py settles the copies after them (no key: the same mark may be noted twice)
    "story_dirty", metadata,
    Column("story_key", String(20), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

meta = Table(
    "meta", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)
