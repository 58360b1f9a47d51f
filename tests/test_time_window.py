"""The sane time window (dashboard/time_window.py): a post dated before its source existed,
or after it was collected beyond a small skew, is kept but flagged ``implausible_time``; it
counts in no figure, no date range and no store summary, a count says how many there are,
and the Posts page can list them. Older stores are flagged when they are upgraded, and
``collect --since`` is held to the window. On SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import select

from dashboard.cli import main
from dashboard.read import queries
from dashboard.read.daily import daily_table
from dashboard.read.filters import Filters
from dashboard.scoring import Scorer
from dashboard.time_window import FUTURE_SKEW, began, outside
from dashboard.write import rollup
from dashboard.write.ingest import save_posts
from dashboard.write.schema import posts, rollup_dirty
from dashboard.write.store import open_store, utcnow
from tests.helpers import make_old

NOW = utcnow().replace(microsecond=0)
# (source, created_at, flagged)
CASES = [
    ("reddit", "1970-01-01T00:00:00", True),  # an epoch 0
    ("reddit", "1677-09-22T00:00:00", True),  # near the oldest time pandas holds
    ("bluesky", "2262-04-10T00:00:00", True),  # near the latest
    ("reddit", "2004-05-01T00:00:00", True),  # before Reddit opened
    ("my-survey", "2004-05-01T00:00:00", False),  # any other source: from 1990
    ("my-survey", "1989-12-31T00:00:00", True),
    ("bluesky", "2022-06-01T00:00:00", True),  # before the network's first posts
    ("hackernews", (NOW + timedelta(days=3)).isoformat(), True),  # after it was collected
    ("hackernews", (NOW + FUTURE_SKEW / 2).isoformat(), False),  # within the skew
    ("hackernews", "2026-02-28T12:00:00", False),
]
STRAYS = sum(flagged for *_, flagged in CASES)


def test_the_window_per_source():
    frame = pd.DataFrame(CASES, columns=["source", "created_at", "flagged"])
    got = outside(pd.to_datetime(frame["created_at"]), frame["source"],
                  pd.Series([NOW] * len(frame)))
    assert got.tolist() == frame["flagged"].tolist()
    assert began("reddit").isoformat() == "2005-06-23"


def stray_posts(n: int = 40) -> pd.DataFrame:
    """``n`` ordinary posts naming ChatGPT on 2026-02-01.., then one post per CASE."""
    ordinary = [("reddit", f"2026-02-{1 + i % 20:02d}T12:00:00") for i in range(n)]
    rows = ordinary + [(source, when) for source, when, _ in CASES]
    return pd.DataFrame({
        "source": [s for s, _ in rows], "source_id": [f"p{i}" for i in range(len(rows))],
        "created_at": [w for _, w in rows],
        # numbered: the same words on nearby days would be one story (stories.py)
        "text": [f"Cancelled ChatGPT Plus today, moving to Claude (post {i})"
                 for i in range(len(rows))]})


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return request.getfixturevalue("pg_url")


def flagged(engine) -> set[str]:
    with engine.connect() as conn:
        return {sid for (sid,) in conn.execute(select(posts.c.source_id)
                                               .where(posts.c.implausible_time))}


def test_implausible_posts_are_kept_flagged_and_counted_nowhere(url, tracker):
    engine = open_store(url)
    save_posts(engine, stray_posts(), Scorer(tracker))
    ids = [f"p{40 + i}" for i, (*_, bad) in enumerate(CASES) if bad]
    assert flagged(engine) == set(ids)
    info = queries.store_overview(engine)
    assert info["implausible"] == STRAYS and info["posts"] == 40 + len(CASES) - STRAYS
    # the last sane post may be dated tomorrow (within the skew), whatever the hour now
    assert str(info["first_day"]) == "2004-05-01" and \
        info["last_day"] <= (NOW + FUTURE_SKEW).date()
    daily = daily_table(engine, tracker, Filters(brands=("ChatGPT",)))
    assert daily["posts"].sum() == 40 + len(CASES) - STRAYS
    assert daily["date"].min() == pd.Timestamp("2004-05-01")  # the range: sane posts only
    with engine.connect() as conn:
        assert rollup.is_current(conn)
    wide = Filters(start=datetime(1600, 1, 1).date(), end=datetime(2300, 1, 1).date())
    assert len(queries.post_rows(engine, wide, limit=100)) == 40 + len(CASES) - STRAYS
    listed = queries.post_rows(engine, Filters(), limit=100, implausible=True)
    assert len(listed) == STRAYS
    assert queries.switch_flows(engine, wide)["posts"].sum() == 40 + len(CASES) - STRAYS


def test_the_raw_rows_agree_with_the_rollup(url, tracker):
    """While the rollup waits for a refresh, the queries read the raw rows: the flagged
    posts stay out there too."""
    engine = open_store(url)
    save_posts(engine, stray_posts(), Scorer(tracker))
    from_rollup = queries.store_overview(engine)
    with engine.begin() as conn:
        conn.execute(rollup_dirty.insert().values(source="reddit", day=date(2026, 2, 1)))
        assert not rollup.is_current(conn)
    assert queries.store_overview(engine) == from_rollup


def test_an_old_store_is_flagged_when_it_is_upgraded(url, tracker):
    engine = open_store(url)
    save_posts(engine, stray_posts(), Scorer(tracker))
    with engine.begin() as conn:
        make_old(conn, 4)
    engine.dispose()
    engine = open_store(url)
    assert len(flagged(engine)) == STRAYS
    assert queries.store_overview(engine)["implausible"] == STRAYS
    daily = daily_table(engine, tracker, Filters(brands=("ChatGPT",)))
    assert daily["posts"].sum() == 40 + len(CASES) - STRAYS


def test_the_posts_export_keeps_them_with_their_flag(tmp_path, tracker):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    save_posts(open_store(url), stray_posts(), Scorer(tracker))
    out = tmp_path / "posts.csv"
    assert main(["export", "--table", "posts", "-o", str(out), "--db", url, "--quiet"]) == 0
    exported = pd.read_csv(out)
    assert len(exported) == 40 + len(CASES) and exported["implausible_time"].sum() == STRAYS


@pytest.mark.parametrize("since", ["99999999999d", "999999d", "8000d", "1970-01-01",
                                   "0001-01-01"])
def test_an_absurd_since_is_a_clear_error(since, tmp_path, capsys):
    assert main(["collect", "--since", since, "--db", f"sqlite:///{tmp_path / 's.sqlite'}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: --since '{since}' is before any source existed")
    assert err.count("\n") == 1 and not (tmp_path / "s.sqlite").exists()


def test_a_sane_since_is_kept():
    from dashboard.cli import _since
    assert _since(None) is None
    assert _since("2026-03-01").isoformat() == "2026-03-01T00:00:00+00:00"
    back = _since("30d")
    assert round((datetime.now(back.tzinfo) - back) / timedelta(days=1)) == 30
