"""The daily rollup stays equal to a recomputation from the raw rows: after inserts,
upserts that move or rewrite posts, rescoring, posts fetched again, deletes by hand and
failed writes, on SQLite and PostgreSQL; stores made before it get it when opened; a change
of what it counts (the vocabulary) rebuilds it when the store is opened, and it is not read
until then; the queries read the same figures from it as from the raw rows."""
import pandas as pd
import pytest
from sqlalchemy import delete, select, text

from dashboard import vocabulary
from dashboard.cli import main
from dashboard.read import queries
from dashboard.read.daily import daily_table
from dashboard.read.filters import Filters
from dashboard.scoring import Scorer
from dashboard.write import migrations, rollup
from dashboard.write.ingest import save_posts
from dashboard.write.rescore import rescore
from dashboard.write.schema import posts
from dashboard.write.store import get_meta, open_store, write_posts
from tests.helpers import assert_exact, make_old, rollup_rows

TEXTS = ["Left ChatGPT for Claude and it's wonderful", "Gemini is fine",
         "Grok is awful, DeepSeek is brilliant", "Cancelled my ChatGPT Plus today",
         "Went back to ChatGPT, Claude kept failing", "Thinking of cancelling Copilot?",
         "nothing about any brand here", "Switched from Gemini to Le Chat, no regrets"]


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path):
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return f"sqlite:///{tmp_path}/store.sqlite"


def some_posts(n: int, source: str = "reddit", start: str = "2026-02-27") -> pd.DataFrame:
    return pd.DataFrame({
        "source": source, "source_id": [f"{source}-{i}" for i in range(n)],
        # numbered: posts with the same words days apart would be one story (stories.py)
        "text": [f"{TEXTS[i % len(TEXTS)]} ({source} post {i})" for i in range(n)],
        "created_at": pd.Timestamp(start, tz="UTC") + pd.to_timedelta(
            [i * 5 for i in range(n)], unit="h"),
        "simulated": [i % 3 == 0 for i in range(n)]})


def test_rollup_equals_a_recomputation_after_every_kind_of_write(url, tracker):
    engine, full = open_store(url), Scorer(tracker)
    write_posts(engine, full.score_frame(some_posts(60)))
    write_posts(engine, full.score_frame(some_posts(25, "bluesky", "2026-03-01")))
    assert_exact(engine)

    changed = some_posts(30)  # upserts: new texts, and posts moved to other days
    changed["text"] = changed["text"].iloc[::-1].to_numpy()
    changed["created_at"] += pd.Timedelta(days=3)
    write_posts(engine, full.score_frame(pd.concat([changed, some_posts(80)[60:]])))
    assert_exact(engine)

    assert rescore(engine, Scorer(tracker, "vader")) == 105  # every sentiment changes
    assert_exact(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM posts")).scalar() == 105


def test_a_delete_by_hand_reads_raw_rows_until_the_next_write(url, tracker):
    engine, full = open_store(url), Scorer(tracker)
    write_posts(engine, full.score_frame(some_posts(40)))
    with engine.begin() as conn:
        conn.execute(delete(posts).where(posts.c.source_id.in_(["reddit-1", "reddit-7"])))
    with engine.connect() as conn:
        assert not rollup.is_current(conn)
    assert queries.store_overview(engine)["posts"] == 38  # from the raw rows meanwhile
    write_posts(engine, full.score_frame(some_posts(1, "hackernews")))
    assert_exact(engine)
    assert queries.store_overview(engine)["posts"] == 39


def test_a_failed_write_leaves_posts_and_rollup_as_they_were(url, tracker, monkeypatch):
    engine, full = open_store(url), Scorer(tracker)
    write_posts(engine, full.score_frame(some_posts(10)))
    before = rollup_rows(engine)

    def crash(conn):
        raise RuntimeError("power cut")
    monkeypatch.setattr(rollup, "refresh", crash)
    with pytest.raises(RuntimeError):
        write_posts(engine, full.score_frame(some_posts(20, "bluesky")))
    monkeypatch.undo()
    assert rollup_rows(engine) == before
    assert_exact(engine)


def test_a_store_made_before_the_rollup_gets_it_when_opened(url, tracker):
    engine = open_store(url)
    write_posts(engine, Scorer(tracker).score_frame(some_posts(30)))
    with engine.begin() as conn:  # turn it into the store version 2 of the code left
        make_old(conn, 2)
    engine.dispose()

    engine = open_store(url)
    assert get_meta(engine, "schema_version") == str(migrations.SCHEMA_VERSION)
    assert_exact(engine)
    write_posts(engine, Scorer(tracker).score_frame(some_posts(5, "mastodon")))
    assert_exact(engine)  # and the triggers keep it so


def test_a_change_of_definition_rebuilds_the_rollup_when_the_store_is_opened(
        url, tracker, monkeypatch, capsys):
    engine = open_store(url)
    write_posts(engine, Scorer(tracker).score_frame(some_posts(40)))
    assert_exact(engine)
    copilot = daily_table(engine, tracker).set_index("brand").loc["Copilot", "leaving"]
    assert copilot.sum() == 0  # "Thinking of cancelling Copilot?" only considers it

    # this code now counts "consider" posts as leaving too
    monkeypatch.setattr(vocabulary, "LEAVING_KINDS", (*vocabulary.LEAVING_KINDS,
                                                      vocabulary.CONSIDER))
    with engine.connect() as conn:
        assert not rollup.is_current(conn)  # built with other words: not read meanwhile
    raw = daily_table(engine, tracker)
    assert raw.set_index("brand").loc["Copilot", "leaving"].sum() == 5

    seen = []
    engine = open_store(url, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0  # every day of every source rebuilt
    assert_exact(engine)
    pd.testing.assert_frame_equal(daily_table(engine, tracker), raw)
    seen.clear()
    open_store(url, progress=lambda done, total: seen.append((done, total)))
    assert seen == []  # built with these words now: nothing to do

    monkeypatch.undo()  # back to the shipped definition; the CLI shows the rebuild
    assert main(["export", "--table", "daily", "-o", "/dev/null", "--db", url]) == 0
    assert "rebuilding the daily figures:" in capsys.readouterr().err
    assert_exact(engine)


@pytest.mark.postgres
def test_a_reader_that_may_not_write_reads_the_raw_rows_until_a_writer_rebuilds(
        pg_url, tracker, monkeypatch):
    engine = open_store(pg_url)
    write_posts(engine, Scorer(tracker).score_frame(some_posts(40)))
    role = "ro_" + pg_url.rsplit("%3D", 1)[1]
    schema = role[3:]
    with engine.begin() as conn:  # the app's read-only database user
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {role}"))
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}"))
    monkeypatch.setattr(vocabulary, "LEAVING_KINDS", (*vocabulary.LEAVING_KINDS,
                                                      vocabulary.CONSIDER))
    try:
        reader = open_store(pg_url.replace("postgres@", f"{role}@"))
        with reader.connect() as conn:
            assert not rollup.is_current(conn)
        daily = daily_table(reader, tracker).set_index("brand")
        assert daily.loc["Copilot", "leaving"].sum() == 5  # the new words, from raw rows
        reader.dispose()
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
    open_store(pg_url)  # a writer opens the store: it rebuilds the rollup
    assert_exact(engine)


FILTERS = [Filters(), Filters(sources=("reddit", "bluesky")),
           Filters(sentiments=("negative",), brands=("ChatGPT", "Claude")),
           Filters(start=pd.Timestamp("2026-02-20").date(), end=pd.Timestamp("2026-03-10").date(),
                   sentiments=("positive", "neutral"))]


@pytest.mark.parametrize("f", FILTERS)
def test_queries_read_the_same_figures_from_rollup_and_raw_rows(demo_url, f, monkeypatch):
    engine = open_store(demo_url)
    from_rollup = [queries.mention_stats(engine, f), queries.switch_stats(engine, f),
                   queries.store_overview(engine)]
    monkeypatch.setattr(rollup, "is_current", lambda conn: False)
    raw = [queries.mention_stats(engine, f), queries.switch_stats(engine, f),
           queries.store_overview(engine)]
    for a, b in zip(from_rollup[:2], raw[:2]):
        key = ["date", "brand"]
        pd.testing.assert_frame_equal(a.sort_values(key, ignore_index=True),
                                      b.sort_values(key, ignore_index=True),
                                      check_dtype=False)
    assert from_rollup[2:] == raw[2:]


def test_per_brand_figures_use_the_sentiment_toward_the_brand(engine, tracker):
    post = pd.DataFrame({"source": "reddit", "source_id": ["x"], "text": [TEXTS[0]],
                         "created_at": ["2026-03-01T10:00:00Z"]})
    write_posts(engine, Scorer(tracker).score_frame(post))
    day = daily_table(engine, tracker).set_index("brand")
    assert day.loc["ChatGPT", "negative"] == 1 and day.loc["ChatGPT", "mean_sentiment"] < 0
    assert day.loc["Claude", "positive"] == 1 and day.loc["Claude", "mean_sentiment"] > 0
    assert (day.loc["ChatGPT", "leaving"], day.loc["Claude", "arriving"]) == (1, 1)


def test_posts_fetched_again_unchanged_are_not_rescored(url, tracker, monkeypatch):
    engine, scorer = open_store(url), Scorer(tracker)
    scored = []
    rows = scorer.rows
    monkeypatch.setattr(scorer, "rows", lambda texts: (scored.append(len(texts)),
                                                      rows(texts))[1])
    first = some_posts(30)
    assert save_posts(engine, first, scorer) == 30
    again = first.assign(engagement=7)  # the same posts, more likes; two edited
    again.loc[[3, 4], "text"] = ["Cancelled Gemini today", "Claude is wonderful"]
    assert save_posts(engine, again, scorer) == 30
    assert scored == [30, 2]
    with engine.connect() as conn:
        likes = conn.execute(select(posts.c.engagement).distinct()).scalars().all()
        edited = conn.execute(select(posts.c.brands).where(
            posts.c.source_id.in_(["reddit-3", "reddit-4"])).order_by(posts.c.source_id))
        assert likes == [7] and edited.scalars().all() == ["Gemini", "Claude"]
    assert_exact(engine)
