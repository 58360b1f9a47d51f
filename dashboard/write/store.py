"""Opening a store and writing to it: posts, app ranks, collection runs.

Any SQLAlchemy URL works; SQLite files get WAL mode and a busy timeout so the dashboard can
read while a collector writes (a file opened read-only, ``sqlite:///file:PATH?mode=ro&uri=true``,
is read as it is). Opening a store (``open_store``) brings its schema up to
date (``migrations.py``) and its daily rollup too, when that was built with another
definition (``rollup.py``). Every write is an idempotent upsert: writing the same post
(source, source_id) twice keeps one row, and an interrupted write can simply be rerun.
Posts are written in a transaction per batch of ``BATCH``, each of which also brings the
daily rollup up to date for the days it touched, after settling which posts copy others
(``copies.py``); a chart snapshot (``write_ranks``) is written in one transaction, whole or
not at all.

May import: errors, stories, time_window, vocabulary, scoring (the score columns),
write.schema, write.faults, write.migrations, write.copies, write.rollup.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pandas as pd
from sqlalchemy import (Engine, create_engine, event, func, insert, select, update)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from dashboard.errors import StoreError, UserError
from dashboard.scoring import SCORE_COLUMNS
from dashboard.stories import story_keys
from dashboard.time_window import outside
from dashboard.vocabulary import FAILED, INTERRUPTED, OK, RUNNING
from dashboard.write import bulk, copies, rollup
from dashboard.write.faults import UNREACHABLE, redact, scrub, store_error
from dashboard.write.migrations import ensure_schema
from dashboard.write.schema import app_ranks, meta, posts, runs

BATCH = 5000  # rows per transaction when writing posts (staged and upserted as sets: bulk.py)
STALE_RUN = timedelta(hours=3)  # a run still "running" after this was killed (see recorded_run)
# duplicate_of is the store's to settle (copies.py), never a writer's
POST_COLUMNS = [c.name for c in posts.columns if c.name not in ("id", "duplicate_of")]
SCORED_COLUMNS = [c for c in POST_COLUMNS if c in SCORE_COLUMNS]  # what the scorer fills in


def normalise_url(url: str) -> str:
    """Accept the common spellings of a PostgreSQL URL and pick the installed driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def open_store(url: str, progress=None) -> Engine:
    """Create an engine for ``url``, bring its schema up to date, and rebuild its daily
    rollup if that was built with another definition (``progress(days done, days in
    all)`` while it does).

    A SQLite file this user may not write (on a read-only filesystem, or a read-only file)
    is opened read-only, so it can still be read. Every fault of the store, then or at any
    later use of the engine (unreachable, corrupt, read-only, full: ``faults.py``), raises
    a ``StoreError`` naming the store with any password hidden."""
    shown, url = url, normalise_url(url)
    kwargs, read_only = {}, False
    if url.startswith("sqlite"):
        if url in ("sqlite://", "sqlite:///:memory:"):
            # one shared connection, so an in-memory store survives across calls
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        elif _read_only(url):
            kwargs, read_only = {"connect_args": {"check_same_thread": False}}, True
        else:
            url, read_only = _sqlite_file_url(Path(url.split("///", 1)[1]), shown)
            kwargs = {"connect_args": {"timeout": 30, "check_same_thread": False}}
    elif url.startswith("postgresql+psycopg"):
        # no server-side prepared statements: a plan made once for any parameters (on a table
        # still small, say) could then read the whole table for every write batch
        kwargs = {"connect_args": {"prepare_threshold": None}}
    try:
        engine = create_engine(url, **kwargs)
    except Exception as e:  # bad URL or missing driver: a user problem, say which
        raise UserError(f"cannot open store {redact(shown)}: {scrub(str(e), shown)}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _read_only_pragmas if read_only else _sqlite_pragmas)
    event.listen(engine, "handle_error", functools.partial(_raise_store_error, shown))
    try:
        ensure_schema(engine, f"the store {redact(shown)}")
        copies.ensure_definition(engine)
        rollup.ensure_definition(engine, progress)
    except DBAPIError as e:  # not a fault of the store, yet it cannot be opened: say why
        raise UserError(f"cannot open store {redact(shown)}: {type(e.orig).__name__}: "
                        f"{scrub(str(e.orig).splitlines()[0], shown)}") from None
    return engine


def _read_only(url: str) -> bool:
    """A SQLite file opened read-only, ``sqlite:///file:PATH?mode=ro&uri=true`` (a copy
    fetched over HTTP, ``files/remote_store.py``): nothing to create, no WAL to set."""
    return url.startswith("sqlite:///file:") and "mode=ro" in url


def _sqlite_file_url(path: Path, shown: str) -> tuple[str, bool]:
    """The SQLAlchemy URL of a SQLite file, and whether it is opened read-only: when this
    user may not write the file or its folder (where WAL mode keeps its -wal and -shm
    files). SQLite reads such a file through its -wal and -shm files when they are there;
    when they are not, on a read-only filesystem (where nothing can change the file) it is
    told the file is immutable, so it needs no -shm file at all. A missing folder is
    created."""
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        frozen = os.statvfs(path).f_flag & os.ST_RDONLY and not Path(f"{path}-wal").exists()
        return (f"sqlite:///file:{quote(str(path))}?mode=ro{'&immutable=1' * bool(frozen)}"
                "&uri=true"), True
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot reach the store {redact(shown)} (cannot create the folder "
                         f"{path.parent}: {e.strerror}): check the path, or create the folder "
                         "with write access for this user", UNREACHABLE) from None
    return f"sqlite:///{path}", False


def _raise_store_error(shown: str, context) -> None:
    """SQLAlchemy's ``handle_error`` hook: a fault of the store becomes a StoreError."""
    fault = store_error(context.original_exception, shown, context.is_disconnect)
    if fault is not None:
        raise fault from context.original_exception


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
    _read_only_pragmas(dbapi_conn, _record)


def _read_only_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _upsert(engine: Engine, table, index_elements: list[str], update_cols: list[str]):
    """An INSERT that updates ``update_cols`` (or does nothing) when the key exists."""
    dialect = sqlite if engine.dialect.name == "sqlite" else postgresql
    stmt = dialect.insert(table)
    if not update_cols:
        return stmt.on_conflict_do_nothing(index_elements=index_elements)
    return stmt.on_conflict_do_update(
        index_elements=index_elements,
        set_={c: getattr(stmt.excluded, c) for c in update_cols},
    )


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Frame rows as dicts with plain Python values (None for missing)."""
    out = frame.reindex(columns=columns)
    # column lists, then dicts: several times faster than DataFrame.to_dict("records")
    values = [s.astype(object).where(s.notna(), None).tolist() for _, s in out.items()]
    return [dict(zip(columns, row)) for row in zip(*values)]


def write_posts(engine: Engine, frame: pd.DataFrame, progress=None, scores: bool = True,
                run: dict | None = None) -> int:
    """Upsert scored posts (the store's column names) and their brand mentions.

    ``frame`` needs at least source, source_id, created_at (UTC), text; ``brands`` is a
    ';'-separated string and ``brand_sentiment`` a JSON object brand -> sentiment toward
    it. A post dated outside the sane window (``time_window.py``) is stored flagged
    ``implausible_time``; each post's story key is found from its link and text
    (``stories.py``), and which posts copy earlier ones is settled batch by batch. With
    ``scores=False`` the stored scores and mentions are kept (for posts fetched again whose
    text and scorer are unchanged). Rows are written in day order (a batch then touches few
    days of the rollup). With ``run`` (a ``recorded_run``'s
    state), each batch adds its rows to the run's ``items``, in the store inside the
    batch's own transaction, and to its ``new`` count: so a run that fails or is killed
    part-way says exactly what it wrote. Returns the number of rows written (new or updated).
    """
    if frame.empty:
        return 0
    frame = frame.copy()
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True).dt.tz_localize(None)
    frame["day"] = frame["created_at"].dt.date
    frame = frame.sort_values("day", kind="stable")
    frame["collected_at"] = (pd.to_datetime(frame["collected_at"], utc=True).dt.tz_localize(None)
                             if "collected_at" in frame else pd.Timestamp(utcnow()))
    frame["implausible_time"] = outside(frame["created_at"], frame["source"],
                                        frame["collected_at"])
    frame["story_key"] = story_keys(frame)
    if "simulated" not in frame:
        frame["simulated"] = False
    columns = [c for c in POST_COLUMNS if scores or c not in SCORED_COLUMNS]
    done = 0
    for start in range(0, len(frame), BATCH):
        # one row per post: an id given twice in a batch keeps its last row, as it would
        # written one row after the other
        chunk = frame.iloc[start:start + BATCH].drop_duplicates(bulk.KEYS, keep="last")
        with engine.begin() as conn:
            copies.take_turn(conn)  # first: another writer's batch may tell the same story
            bulk.stage(conn, chunk, columns, _mention_rows(chunk) if scores else None)
            if run is not None:
                conn.execute(update(runs).where(runs.c.id == run["id"]).values(
                    items=runs.c["items"] + len(chunk)))
                new = bulk.count_new(conn)  # in its turn: two imports never both count one
            bulk.upsert(conn, columns)
            if scores:
                bulk.replace_mentions(conn)
            copies.settle(conn, chunk)
            rollup.refresh(conn)
        done += len(chunk)
        if run is not None:  # committed: now the run's state may say so
            run["items"] += len(chunk)
            run["new"] += new
        if progress:
            progress(done)
    return done


def _mention_rows(chunk: pd.DataFrame) -> list[tuple]:
    """(source, source_id, brand, sentiment) per brand each post names, with the sentiment
    toward the brand from the ``brand_sentiment`` JSON column (the post's sentiment where
    that is missing)."""
    def column(name: str) -> list:  # plain lists: iterating Arrow-backed columns is slow
        return chunk[name].tolist() if name in chunk else [None] * len(chunk)
    rows = []
    for source, sid, brands, toward, overall in zip(
            column("source"), column("source_id"), column("brands"),
            column("brand_sentiment"), column("sentiment")):
        toward = json.loads(toward) if isinstance(toward, str) else {}
        overall = None if overall is None or pd.isna(overall) else float(overall)
        rows += [(source, sid, b, toward.get(b, overall)) for b in split_brands(brands)]
    return rows


def analyze(engine: Engine) -> None:
    """Refresh PostgreSQL's planner statistics of the tables a write grows (nothing on
    SQLite). Planned with the statistics of a smaller table, or of one without the posts
    of a new source, a query reads far more than it needs: the Overview's first run at 8M
    posts took 1.6 s before, 0.8 s after; an import's rollup refresh of a source the
    statistics did not know yet scanned every post of it, four times a batch (1 s a batch
    at 800k posts of that source). Autovacuum does it too, but later, if it runs at all.
    ANALYZE reads a sample: 0.7 s at 5.7M posts."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE posts, mentions, daily_rollup")


def already_scored(engine: Engine, frame: pd.DataFrame, version: str) -> pd.Series:
    """Per row of ``frame`` (source, source_id, text): whether the store holds that post
    with the same text, scored by scorer ``version``."""
    same = np.zeros(len(frame), dtype=bool)
    with engine.connect() as conn:
        for source, rows in frame.groupby("source").indices.items():
            if conn.execute(select(posts.c.id).where(posts.c.source == source)
                            .limit(1)).first() is None:
                continue  # nothing stored for this source yet: skip the lookups
            ids = frame["source_id"].iloc[rows].tolist()
            stored = {}
            for start in range(0, len(ids), BATCH):
                q = select(posts.c.source_id, posts.c.text).where(
                    posts.c.source == source, posts.c.scorer_version == version,
                    posts.c.source_id.in_(ids[start:start + BATCH]))
                stored.update(conn.execute(q).all())
            texts = frame["text"].iloc[rows].tolist()
            same[rows] = [stored.get(i) == t for i, t in zip(ids, texts)]
    return pd.Series(same, index=frame.index)


def count_posts(engine: Engine, source: str | None = None) -> int:
    q = select(func.count()).select_from(posts)
    if source is not None:
        q = q.where(posts.c.source == source)
    with engine.connect() as conn:
        return conn.execute(q).scalar()


def split_brands(value) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [b for b in str(value).split(";") if b]


def write_ranks(engine: Engine, frame: pd.DataFrame) -> int:
    """Upsert chart snapshots: captured_at, store, country, chart, app_id, app_name, brand, rank."""
    if frame.empty:
        return 0
    frame = frame.copy()
    frame["captured_at"] = pd.to_datetime(frame["captured_at"], utc=True).dt.tz_localize(None)
    if "simulated" not in frame:
        frame["simulated"] = False
    cols = [c.name for c in app_ranks.columns if c.name != "id"]
    keys = ["captured_at", "store", "country", "chart", "app_id"]
    stmt = _upsert(engine, app_ranks, keys, ["app_name", "brand", "rank", "simulated"])
    rows = _records(frame, cols)
    with engine.begin() as conn:
        for start in range(0, len(rows), BATCH):
            conn.execute(stmt, rows[start:start + BATCH])
    return len(rows)


@contextlib.contextmanager
def recorded_run(engine: Engine, source: str, simulated: bool = False) -> Iterator[dict]:
    """Record a collection run: yields a dict whose ``items``/``status``/``error``/``stats``
    the caller fills (or ``write_posts(run=...)`` counts, with ``new``; ``id`` is the run's
    row, for ``update_run`` while it runs).

    The run row is written as ``running`` first, so a crash leaves a visible trace; an
    exception marks it ``failed`` with the error text, an interruption (Ctrl-C)
    ``interrupted``, and is re-raised; ``items`` keeps what was written before. If the
    store cannot take even that last write (full, gone), the row keeps ``running`` and the
    items its batches recorded, and the first error is the one raised. Rows of
    ``source`` still ``running`` after STALE_RUN are marked ``interrupted`` (a killed
    process never finishes its row), so their days read as unavailable rather than quiet; a
    run that was only slow overwrites the mark when it finishes.
    """
    now = utcnow()
    with engine.begin() as conn:
        conn.execute(update(runs).where(
            runs.c.source == source, runs.c.status == RUNNING,
            runs.c.started_at < now - STALE_RUN).values(
            status=INTERRUPTED, error="stopped without finishing (process killed or machine "
                                        "lost); noticed when the next run started"))
        run_id = conn.execute(insert(runs).values(
            source=source, started_at=now, status=RUNNING, items=0,
            simulated=simulated)).inserted_primary_key[0]
    state = {"id": run_id, "items": 0, "new": 0, "status": OK, "error": None, "stats": None}
    stopped = True
    try:
        yield state
        stopped = False
    except Exception as e:
        error = str(e) if isinstance(e, UserError) else f"{type(e).__name__}: {e}"
        state.update(status=FAILED, error=error[:2000])
        raise
    except BaseException:  # Ctrl-C, or a stop signal turned into an exception
        state.update(status=INTERRUPTED, error="interrupted (Ctrl-C or a stop signal)")
        raise
    finally:
        try:
            update_run(engine, run_id, finished_at=utcnow(), status=state["status"],
                       items=state["items"], error=state["error"], stats=state["stats"])
        except StoreError:
            if not stopped:
                raise


def update_run(engine: Engine, run_id: int, *, stats: dict | None = None, **values) -> None:
    """Write a run's row: ``values`` are its columns, ``stats`` (JSON) what it measured; a
    streaming run calls this as it goes, so its row shows how it is doing."""
    with engine.begin() as conn:
        conn.execute(update(runs).where(runs.c.id == run_id).values(
            **values, stats=json.dumps(stats) if stats else None))


def write_runs(engine: Engine, rows: Iterable[dict]) -> None:
    """Insert finished run records as they are (the demo uses this for its history)."""
    rows = list(rows)
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(runs), rows)


def get_meta(engine: Engine, key: str, default: str | None = None) -> str | None:
    with engine.connect() as conn:
        value = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return default if value is None else value


def set_meta(engine: Engine, key: str, value: str) -> None:
    with engine.begin() as conn:
        conn.execute(_upsert(engine, meta, ["key"], ["value"]), {"key": key, "value": value})
