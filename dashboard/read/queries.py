"""Read-side SQL: what the pages and exports show, aggregated in the database.

Every function takes an engine (and most a ``Filters``) and returns what a page or an
export reads: a DataFrame, or for ``store_overview`` a dict, for ``texts`` and
``rank_stores`` a list of strings, for ``all_posts`` and ``reason_posts`` DataFrames chunk
by chunk. The dashboard's pages never write SQL
themselves. Dates are UTC days; ``end`` is inclusive. Daily figures and the store's summary
come from the daily rollup (``write/rollup.py``) when it is current, else (and for hourly
figures) from the raw rows; both give the same numbers. Per-brand sentiment
is the sentiment toward the brand (``mentions.sentiment``): "Left ChatGPT for Claude and
it's wonderful" is negative for ChatGPT and positive for Claude. A story posted again
counts once: copies of an earlier post (``posts.duplicate_of``) are in no figure and no
list, except as a story's copies (``post_rows``' ``copies``, ``story_copies``) and in
the posts export.

May import: vocabulary, read.filters, and, to read them, write.schema and write.rollup.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pandas as pd
from sqlalchemy import Engine, case, exists, func, literal, select, union_all

from dashboard import vocabulary
from dashboard.read.filters import Filters
from dashboard.vocabulary import DELIVERED, DELIVERED_NOTHING, PARTIAL, SKIPPED
from dashboard.write import rollup
from dashboard.write.rollup import ALL
from dashboard.write.schema import (COPY, IMPLAUSIBLE, app_ranks, daily_rollup, mentions,
                                    posts, runs)

SEARCH_LIMIT = 200  # characters of a search: longer ones are cut (a LIKE pattern has limits)
TEXT_SHOWN = 2000  # characters of a post's text in a table; the rest is cut, and says so


def _post_conditions(f: Filters, implausible: bool = False) -> list:
    """The filters on posts, copies of an earlier post left out (each story once); posts
    whose time is implausible are left out, or with ``implausible`` are the only ones kept,
    whatever their dates."""
    if implausible:
        cond = [~COPY, IMPLAUSIBLE]
    else:
        cond = [~COPY, ~IMPLAUSIBLE]
        if f.start:
            cond.append(posts.c.day >= f.start)
        if f.end:
            cond.append(posts.c.day <= f.end)
    if f.sources:
        cond.append(posts.c.source.in_(f.sources))
    if f.sentiments:
        cond.append(posts.c.sentiment_label.in_(f.sentiments))
    return cond


def _rollup_conditions(f: Filters) -> list:
    """``_post_conditions`` on the rollup's columns (the label is the post's)."""
    r = daily_rollup.c
    cond = []
    if f.start:
        cond.append(r.day >= f.start)
    if f.end:
        cond.append(r.day <= f.end)
    if f.sources:
        cond.append(r.source.in_(f.sources))
    if f.sentiments:
        cond.append(r.label.in_(f.sentiments))
    return cond


def _brand_rows(f: Filters):
    """The rollup rows of the brands in view (every tracked brand when none is picked)."""
    r = daily_rollup.c
    return r.brand.in_(f.brands) if f.brands else r.brand != ALL


def _use_rollup(engine: Engine, hourly: bool = False) -> bool:
    if hourly:
        return False
    with engine.connect() as conn:
        return rollup.is_current(conn)


def _rank_time_conditions(f: Filters) -> list:
    cond = []
    if f.start:
        cond.append(app_ranks.c.captured_at >= datetime.combine(f.start, time.min))
    if f.end:
        cond.append(app_ranks.c.captured_at < datetime.combine(f.end + timedelta(days=1),
                                                               time.min))
    return cond


def _frame(engine: Engine, stmt, parse_dates=()) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(stmt)
        keys, rows = list(result.keys()), result.fetchall()
    # column by column: pandas builds a frame from Row objects several times slower
    frame = pd.DataFrame(dict(zip(keys, zip(*rows))) if rows else {k: [] for k in keys},
                         columns=keys)
    for col in parse_dates:
        frame[col] = pd.to_datetime(frame[col])
    return frame


def _bucket(engine: Engine, hourly: bool):
    """The time bucket column: the stored UTC day, or the hour (truncated in SQL)."""
    if not hourly:
        return posts.c.day.label("date")
    if engine.dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H:00:00", posts.c.created_at).label("date")
    return func.date_trunc("hour", posts.c.created_at).label("date")


MENTION_COLUMNS = ["date", "brand", "posts", "mean_sentiment", "negative", "positive"]
SWITCH_COLUMNS = ["date", "brand", "leaving", "arriving"]


def daily_stats(engine: Engine, f: Filters, hourly: bool = False
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``mention_stats`` and ``switch_stats`` together, in one read of the rollup when it
    serves the view."""
    if not _use_rollup(engine, hourly):
        return mention_stats(engine, f, hourly), switch_stats(engine, f, hourly)
    both = _rollup_daily(engine, f)
    return _mentions_of(both), _switches_of(both)


def _rollup_daily(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per day and brand, every daily figure, from the rollup."""
    r = daily_rollup.c
    mean = func.sum(r.sentiment_sum) / func.nullif(func.sum(r.scored), 0)
    stmt = (select(r.day.label("date"), r.brand, func.sum(r.posts).label("posts"),
                   mean.label("mean_sentiment"), func.sum(r.negative).label("negative"),
                   func.sum(r.positive).label("positive"),
                   func.sum(r.leaving).label("leaving"), func.sum(r.arriving).label("arriving"))
            .where(*_rollup_conditions(f), _brand_rows(f)).group_by(r.day, r.brand))
    return _frame(engine, stmt, parse_dates=["date"])


def _mentions_of(daily: pd.DataFrame) -> pd.DataFrame:
    return daily.loc[daily["posts"] > 0, MENTION_COLUMNS].reset_index(drop=True)


def _switches_of(daily: pd.DataFrame) -> pd.DataFrame:
    moved = daily["leaving"] + daily["arriving"] > 0
    return daily.loc[moved, SWITCH_COLUMNS].reset_index(drop=True)


def mention_stats(engine: Engine, f: Filters, hourly: bool = False) -> pd.DataFrame:
    """Per day (or hour) and brand: posts naming it, their mean sentiment toward it, and
    how many are negative and positive toward it."""
    if _use_rollup(engine, hourly):
        return _mentions_of(_rollup_daily(engine, f))
    cond = _post_conditions(f)
    if f.brands:
        cond.append(mentions.c.brand.in_(f.brands))
    when = _bucket(engine, hourly)
    toward = mentions.c.sentiment
    stmt = (select(when, mentions.c.brand,
                   func.count().label("posts"),
                   func.avg(toward).label("mean_sentiment"),
                   func.sum(case((toward <= vocabulary.NEGATIVE, 1), else_=0)).label("negative"),
                   func.sum(case((toward >= vocabulary.POSITIVE, 1), else_=0)).label("positive"))
            .select_from(mentions.join(posts, posts.c.id == mentions.c.post_id))
            .where(*cond).group_by(when, mentions.c.brand))
    return _frame(engine, stmt, parse_dates=["date"])


def switch_stats(engine: Engine, f: Filters, hourly: bool = False) -> pd.DataFrame:
    """Per day (or hour) and brand: posts reporting leaving it and arriving at it."""
    if _use_rollup(engine, hourly):
        return _switches_of(_rollup_daily(engine, f))
    cond = _post_conditions(f)
    when = _bucket(engine, hourly)
    legs = []
    for col, kinds, name in ((posts.c.switch_from, vocabulary.LEAVING_KINDS, "leaving"),
                             (posts.c.switch_to, vocabulary.ARRIVING_KINDS, "arriving")):
        where = [*cond, col.is_not(None), posts.c.switch_kind.in_(kinds)]
        if f.brands:
            where.append(col.in_(f.brands))
        legs.append(select(when, col.label("brand"), literal(name).label("flow"),
                           func.count().label("n")).where(*where).group_by(when, col))
    return _widen_flows(_frame(engine, union_all(*legs), parse_dates=["date"]))


def switch_flows(engine: Engine, f: Filters) -> pd.DataFrame:
    """from → to counts over the whole period (moves with both ends known)."""
    cond = [*_post_conditions(f), posts.c.switch_from.is_not(None),
            posts.c.switch_to.is_not(None), posts.c.switch_kind.in_(vocabulary.ARRIVING_KINDS)]
    if f.brands:
        cond.append(posts.c.switch_from.in_(f.brands) | posts.c.switch_to.in_(f.brands))
    stmt = (select(posts.c.switch_from, posts.c.switch_to, func.count().label("posts"))
            .where(*cond).group_by(posts.c.switch_from, posts.c.switch_to))
    return _frame(engine, stmt)


def reason_posts(engine: Engine, f: Filters, chunksize: int = 10_000, limit: int | None = None):
    """Posts that leave, move from or consider leaving one of ``f.brands`` (``brand``), whole
    texts, newest first (``limit`` at most), in chunks: the tracker's reasons are found in
    them as they are read (``read/reasons.py``), so a changed reason needs no rescoring."""
    cond = [*_post_conditions(f), posts.c.switch_kind.in_(vocabulary.REASON_KINDS),
            posts.c.switch_from.in_(f.brands)]
    stmt = (select(posts.c.day.label("date"), posts.c.switch_from.label("brand"),
                   posts.c.switch_kind, posts.c.created_at, posts.c.source,
                   posts.c.engagement, posts.c.url, posts.c.text)
            .where(*cond).order_by(posts.c.created_at.desc(), posts.c.id.desc()).limit(limit))
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunksize).execute(stmt)
        for part in result.partitions(chunksize):
            yield pd.DataFrame(part, columns=list(result.keys()))


def review_days(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per day, review source and app (``app_id``, the reviews' community): reviews, their
    mean stars and how many gave one star."""
    cond = [*_post_conditions(f), posts.c.rating.is_not(None),
            posts.c.source.in_(list(vocabulary.REVIEW_SOURCES))]
    stmt = (select(posts.c.day.label("date"), posts.c.source,
                   posts.c.community.label("app_id"), func.count().label("reviews"),
                   func.avg(posts.c.rating).label("mean_rating"),
                   func.sum(case((posts.c.rating == 1, 1), else_=0)).label("one_star"))
            .where(*cond).group_by(posts.c.day, posts.c.source, posts.c.community))
    return _frame(engine, stmt, parse_dates=["date"])


def rank_stores(engine: Engine) -> list[str]:
    """The app stores whose charts the store holds snapshots of."""
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(app_ranks.c.store).distinct()
                                           .order_by(app_ranks.c.store))]


def rank_history(engine: Engine, f: Filters) -> pd.DataFrame:
    """Chart positions of the tracked brands' apps over time."""
    cond = [app_ranks.c.brand.is_not(None), *_rank_time_conditions(f)]
    if f.brands:
        cond.append(app_ranks.c.brand.in_(f.brands))
    if f.countries:
        cond.append(app_ranks.c.country.in_(f.countries))
    stmt = (select(app_ranks.c.captured_at, app_ranks.c.store, app_ranks.c.country,
                   app_ranks.c.chart, app_ranks.c.brand, app_ranks.c.app_id, app_ranks.c.rank)
            .where(*cond).order_by(app_ranks.c.captured_at))
    return _frame(engine, stmt, parse_dates=["captured_at"])


def rank_snapshots(engine: Engine, f: Filters) -> pd.DataFrame:
    """When each chart was captured (tracked brand or not), so gaps show as gaps."""
    cond = _rank_time_conditions(f)
    if f.countries:
        cond.append(app_ranks.c.country.in_(f.countries))
    stmt = (select(app_ranks.c.captured_at, app_ranks.c.store, app_ranks.c.country,
                   app_ranks.c.chart).where(*cond).distinct())
    return _frame(engine, stmt, parse_dates=["captured_at"])


ORDERS = {  # how a post table can be sorted
    "engagement": lambda: [posts.c.engagement.desc().nulls_last(), posts.c.created_at.desc()],
    "newest": lambda: [posts.c.created_at.desc()],
    "oldest": lambda: [posts.c.created_at.asc()],
    "negative": lambda: [posts.c.sentiment.asc(), posts.c.created_at.desc()],
    "positive": lambda: [posts.c.sentiment.desc(), posts.c.created_at.desc()],
}


def post_rows(engine: Engine, f: Filters, limit: int = 500, search: str = "",
              day: date | None = None, kinds: tuple[str, ...] = (),
              flow: tuple[str | None, str | None] | None = None, order: str = "engagement",
              implausible: bool = False) -> pd.DataFrame:
    """Posts matching the filters (for tables and drill-downs), ``limit`` at most, each
    text cut to ``TEXT_SHOWN`` characters (a cut one ends saying how long it was); a story
    posted again is listed once, by its first post, with its ``id`` and how many
    ``copies`` of it were posted (``story_copies`` lists them).

    ``search`` matches text case-insensitively (its first ``SEARCH_LIMIT`` characters; NUL
    characters dropped: PostgreSQL refuses them and no stored text holds one); ``day``
    narrows to one UTC day; ``kinds`` to switch kinds; ``flow`` to moves from one brand to
    another (one end None: from or to any brand); ``order`` is a key of ORDERS (default:
    most engaged first); ``implausible`` lists only the posts whose time is implausible,
    whatever the dates in view.
    """
    cond = _post_conditions(f, implausible)
    if f.brands:
        cond.append(exists().where(mentions.c.post_id == posts.c.id,
                                   mentions.c.brand.in_(f.brands)))
    search = search.replace("\x00", "")[:SEARCH_LIMIT]
    if search:  # literal text: % and _ in the search are not wildcards
        literal_text = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        cond.append(posts.c.text.ilike(f"%{literal_text}%", escape="\\"))
    if day:
        cond.append(posts.c.day == day)
    if kinds:
        cond.append(posts.c.switch_kind.in_(kinds))
    if flow:
        cond += [column == brand for column, brand in
                 zip((posts.c.switch_from, posts.c.switch_to), flow) if brand is not None]
    cols = [_shown_text() if c == "text" else posts.c[c]
            for c in ("id", "created_at", "source", "community", "author", "text", "brands",
                      "sentiment", "sentiment_label", "switch_from", "switch_to",
                      "switch_kind", "switch_phrase", "engagement", "rating", "url",
                      "simulated")]
    stmt = select(*cols, func.length(posts.c.text).label("length")).where(*cond).order_by(
        *ORDERS[order]()).limit(limit)
    rows = _cut_texts(_frame(engine, stmt, parse_dates=["created_at"]))
    chain = _copies_of(rows["id"].tolist())
    copies = _frame(engine, select(chain.c.story, func.count().label("copies"))
                    .group_by(chain.c.story))
    return rows.assign(copies=rows["id"].map(dict(zip(copies["story"], copies["copies"])))
                       .fillna(0).astype(int))


def story_copies(engine: Engine, stories: list[int], limit: int = 1000) -> pd.DataFrame:
    """The copies of the stories whose first posts are ``stories`` (ids, as ``post_rows``
    gives them), ``limit`` at most, by story and time: ``story`` (its first post's id),
    the start of its first post's text (``story_text``), and each copy's time, source,
    community, text (cut as ``post_rows`` cuts it), engagement, link and ``simulated``."""
    chain = _copies_of(stories)
    first = posts.alias("first")
    stmt = (select(chain.c.story, func.substr(first.c.text, 1, 120).label("story_text"),
                   posts.c.created_at, posts.c.source, posts.c.community, _shown_text(),
                   posts.c.engagement, posts.c.url, posts.c.simulated,
                   func.length(posts.c.text).label("length"))
            .join(posts, posts.c.id == chain.c.id).join(first, first.c.id == chain.c.story)
            .order_by(chain.c.story, posts.c.created_at).limit(limit))
    return _cut_texts(_frame(engine, stmt, parse_dates=["created_at"]))


def _copies_of(stories: list[int]):
    """(``story``, ``id``) of every copy of the ``stories``: the posts copying their first
    posts, the posts copying those (a story reposted for longer than the window), and so on,
    each step read through the index of copies. UNION, not UNION ALL: a loop edited in by
    hand ends instead of running forever."""
    chain = select(posts.c.duplicate_of.label("story"), posts.c.id).where(
        posts.c.duplicate_of.in_(stories)).cte("chain", recursive=True)
    later = posts.alias("later")
    return chain.union(select(chain.c.story, later.c.id).where(
        later.c.duplicate_of == chain.c.id))


def _cut_texts(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with each text longer than ``TEXT_SHOWN`` (``length`` column) saying so."""
    cut = rows["length"] > TEXT_SHOWN
    rows.loc[cut, "text"] = [f"{t}… [cut: {n:,} characters in all]"
                             for t, n in zip(rows.loc[cut, "text"], rows.loc[cut, "length"])]
    return rows.drop(columns="length")


def _shown_text():
    """A post's text as far as a page shows it (cut in the database: a huge post never
    travels whole)."""
    return func.substr(posts.c.text, 1, TEXT_SHOWN).label("text")


def store_overview(engine: Engine) -> dict:
    """What the store holds: date range, sources, brands, countries, simulated or not, and
    how many posts have an implausible time (kept, but in no figure or range)."""
    with engine.connect() as conn:
        implausible = conn.execute(select(func.count()).where(IMPLAUSIBLE)).scalar()
        if rollup.is_current(conn):
            r = daily_rollup.c
            every = r.brand == ALL
            first, last, n, sim = conn.execute(select(
                func.min(r.day), func.max(r.day), func.coalesce(func.sum(r.posts), 0),
                func.max(r.simulated)).where(every)).one()
            sources = [row[0] for row in conn.execute(select(r.source).where(every)
                                                      .distinct().order_by(r.source))]
        else:
            first, last, n, sim = conn.execute(select(
                func.min(posts.c.day), func.max(posts.c.day), func.count(),
                func.max(case((posts.c.simulated, 1), else_=0))).where(~IMPLAUSIBLE, ~COPY)
            ).one()
            sources = [row[0] for row in conn.execute(select(posts.c.source).distinct()
                                                      .where(~IMPLAUSIBLE, ~COPY)
                                                      .order_by(posts.c.source))]
        r_first, r_last, r_sim = conn.execute(select(
            func.min(app_ranks.c.captured_at), func.max(app_ranks.c.captured_at),
            func.max(case((app_ranks.c.simulated, 1), else_=0)))).one()
        countries = [row[0] for row in conn.execute(select(app_ranks.c.country).distinct()
                                                    .order_by(app_ranks.c.country))]
    days = [d for d in (first, last, r_first and r_first.date(), r_last and r_last.date()) if d]
    return {
        "posts": n,
        "first_day": _as_date(min(map(_as_date, days))) if days else None,
        "last_day": _as_date(max(map(_as_date, days))) if days else None,
        "sources": sources,
        "countries": countries,
        "simulated": bool(sim) or bool(r_sim),
        "implausible": implausible,
    }


def posts_per_day(engine: Engine) -> pd.DataFrame:
    """``day`` and ``posts``: how many posts (implausible times and copies left out) each
    day holds."""
    if _use_rollup(engine):
        r = daily_rollup.c
        stmt = (select(r.day, func.sum(r.posts).label("posts")).where(r.brand == ALL)
                .group_by(r.day).order_by(r.day))
    else:
        stmt = (select(posts.c.day, func.count().label("posts")).where(~IMPLAUSIBLE, ~COPY)
                .group_by(posts.c.day).order_by(posts.c.day))
    return _frame(engine, stmt)


def _as_date(value) -> date:
    return value if isinstance(value, date) and not isinstance(value, datetime) else \
        pd.Timestamp(value).date()


def all_posts(engine: Engine, chunksize: int = 50_000):
    """Every stored post, in chunks (for exports), copies too: ``copy_of`` names the
    earlier post of the same story a copy repeats (``source:source_id``; empty for a post
    that copies none)."""
    cols = [c for c in posts.columns if c.name not in ("id", "day", "story_key",
                                                       "duplicate_of")]
    original = posts.alias("original")
    stmt = (select(*cols, (original.c.source + ":" + original.c.source_id).label("copy_of"))
            .outerjoin(original, original.c.id == posts.c.duplicate_of)
            .order_by(posts.c.created_at, posts.c.id))
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunksize).execute(stmt)
        for part in result.partitions(chunksize):
            yield pd.DataFrame(part, columns=list(result.keys()))


def scorer_versions(engine: Engine) -> pd.DataFrame:
    """``scorer_version`` and ``posts``: how many stored posts each scorer scored."""
    n = func.count().label("posts")
    return _frame(engine, select(posts.c.scorer_version, n).group_by(posts.c.scorer_version)
                  .order_by(n.desc(), posts.c.scorer_version))


def all_ranks(engine: Engine) -> pd.DataFrame:
    stmt = select(*[c for c in app_ranks.columns if c.name != "id"]).order_by(
        app_ranks.c.captured_at, app_ranks.c.store, app_ranks.c.country, app_ranks.c.chart,
        app_ranks.c.rank)
    return _frame(engine, stmt, parse_dates=["captured_at"])


def source_outages(engine: Engine, f: Filters) -> pd.DataFrame:
    """(source, date) pairs where every collection run failed: data missing, not zero."""
    day = func.date(runs.c.started_at).label("date")
    ok = func.sum(case((runs.c.status.in_(DELIVERED), 1), else_=0))
    cond = []
    if f.start:
        cond.append(runs.c.started_at >= datetime.combine(f.start, time.min))
    if f.end:
        cond.append(runs.c.started_at < datetime.combine(f.end + timedelta(days=1), time.min))
    if f.sources:
        cond.append(runs.c.source.in_(f.sources))
    stmt = (select(runs.c.source, day,
                   func.max(runs.c.error).label("error"))
            .where(*cond, runs.c.status.in_(DELIVERED_NOTHING)).group_by(runs.c.source, day)
            .having(ok == 0))
    frame = _frame(engine, stmt)
    if frame.empty:
        return pd.DataFrame(columns=["source", "date", "error"])
    return frame.assign(date=pd.to_datetime(frame["date"]))


def run_days(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per source and day: runs, failed, partial and skipped runs, and items collected (for
    the Sources page)."""
    day = func.date(runs.c.started_at).label("date")
    cond = []
    if f.start:
        cond.append(runs.c.started_at >= datetime.combine(f.start, time.min))
    if f.end:
        cond.append(runs.c.started_at < datetime.combine(f.end + timedelta(days=1), time.min))
    stmt = (select(runs.c.source, day, func.count().label("runs"),
                   func.sum(case((runs.c.status.in_(DELIVERED_NOTHING), 1), else_=0)
                            ).label("failed"),
                   func.sum(case((runs.c.status == PARTIAL, 1), else_=0)).label("partial"),
                   # startswith: older stores wrote "skipped-no-credentials"
                   func.sum(case((runs.c.status.startswith(SKIPPED), 1), else_=0)
                            ).label("skipped"),
                   func.sum(runs.c["items"]).label("items"))
            .where(*cond).group_by(runs.c.source, day))
    frame = _frame(engine, stmt)
    return frame.assign(date=pd.to_datetime(frame["date"])) if not frame.empty else frame


def latest_runs(engine: Engine) -> pd.DataFrame:
    """Each source's most recent run, with its totals over all runs (``stats``: what a
    streaming run measured, JSON)."""
    last = (select(runs.c.source, func.max(runs.c.id).label("id"),
                   func.count().label("runs_total"),
                   func.sum(case((runs.c.status.in_(DELIVERED_NOTHING), 1), else_=0)
                            ).label("failed_total"),
                   func.sum(runs.c["items"]).label("items_total"))
            .group_by(runs.c.source).subquery())
    stmt = (select(runs.c.source, runs.c.started_at, runs.c.finished_at, runs.c.status,
                   runs.c["items"], runs.c.error, last.c.runs_total, last.c.failed_total,
                   last.c.items_total, runs.c.simulated, runs.c.stats)
            .join(last, runs.c.id == last.c.id).order_by(runs.c.source))
    return _frame(engine, stmt, parse_dates=["started_at", "finished_at"])


def texts(engine: Engine, f: Filters, brand: str, limit: int = 5000) -> list[str]:
    """Texts of posts naming ``brand`` within the filters (for term statistics), each cut
    to ``TEXT_SHOWN`` characters."""
    cond = [*_post_conditions(f), exists().where(mentions.c.post_id == posts.c.id,
                                                 mentions.c.brand == brand)]
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(_shown_text()).where(*cond).limit(limit))]


def _widen_flows(frame: pd.DataFrame) -> pd.DataFrame:
    """Long (date, brand, flow, n) rows to wide date, brand, leaving, arriving."""
    if frame.empty:
        return pd.DataFrame(columns=SWITCH_COLUMNS)
    wide = frame.pivot_table(index=["date", "brand"], columns="flow", values="n",
                             aggfunc="sum", fill_value=0).reset_index()
    for col in ("leaving", "arriving"):
        if col not in wide:
            wide[col] = 0
    wide.columns.name = None
    return wide[["date", "brand", "leaving", "arriving"]]
