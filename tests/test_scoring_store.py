"""Scores in the store: mentions.sentiment, its migration, --scorer and rescoring only what
another scorer version scored."""
import pandas as pd
import pytest
from sqlalchemy import text
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dashboard.cli import main
from dashboard.scoring import SCORER_VERSION, Scorer
from dashboard.write import migrations
from dashboard.write.rescore import count_stale, rescore
from dashboard.write.store import get_meta, open_store, write_posts
from tests.helpers import make_old

TEXTS = ["Left ChatGPT for Claude and it's wonderful", "Gemini is fine",
         "Grok is awful, DeepSeek is brilliant"]


def old_posts() -> pd.DataFrame:
    """Posts as the first scorer stored them: one post-level sentiment for every brand."""
    return pd.DataFrame({
        "source": "reddit", "source_id": ["a", "b", "c"], "text": TEXTS,
        "created_at": ["2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z", "2026-03-02T09:00:00Z"],
        "author": ["a_1", "a_2", "a_3"], "engagement": [5, 7, 9],
        "sentiment": [0.57, 0.2, -0.1], "sentiment_label": ["positive", "positive", "negative"],
        "brands": ["ChatGPT;Claude", "Gemini", "Grok;DeepSeek"], "scorer_version": "1"})


def mention_rows(engine):
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT p.source_id, m.brand, m.sentiment FROM mentions m "
            "JOIN posts p ON p.id = m.post_id ORDER BY p.source_id, m.brand")).all()


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path):
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return f"sqlite:///{tmp_path}/store.sqlite"


def test_a_version_1_store_is_upgraded_without_losing_rows(url):
    engine = open_store(url)
    write_posts(engine, old_posts())
    with engine.begin() as conn:  # turn it into the store version 1 of the code left
        make_old(conn, 1)
    engine.dispose()

    engine = open_store(url)
    assert get_meta(engine, "schema_version") == str(migrations.SCHEMA_VERSION)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM posts")).scalar() == 3
    # until rescored, the post's sentiment stands in for each brand's
    assert mention_rows(engine) == [("a", "ChatGPT", 0.57), ("a", "Claude", 0.57),
                                    ("b", "Gemini", 0.2), ("c", "DeepSeek", -0.1),
                                    ("c", "Grok", -0.1)]


def test_rescore_rescores_only_posts_of_another_version(url, tracker):
    engine = open_store(url)
    scorer = Scorer(tracker)
    write_posts(engine, old_posts())
    write_posts(engine, scorer.score_frame(old_posts().assign(source_id=["d", "e", "f"])))
    assert count_stale(engine, scorer.version) == 3
    assert rescore(engine, scorer) == 3
    assert count_stale(engine, scorer.version) == 0 and rescore(engine, scorer) == 0
    toward = {(sid, b): s for sid, b, s in mention_rows(engine)}
    assert toward[("a", "ChatGPT")] < 0 < toward[("a", "Claude")]
    assert toward[("c", "Grok")] < 0 < toward[("c", "DeepSeek")]
    with engine.connect() as conn:  # everything else of the post is kept
        row = conn.execute(text("SELECT author, engagement, switch_kind FROM posts "
                                "WHERE source_id = 'a'")).one()
    assert tuple(row) == ("a_1", 5, "move")


def test_scorer_option_and_rescore_command(tmp_path, url):
    posts = tmp_path / "posts.csv"
    old_posts()[["source_id", "created_at", "text"]].rename(
        columns={"source_id": "id"}).to_csv(posts, index=False)
    assert main(["import", str(posts), "--source", "x", "--scorer", "vader", "--db", url,
                 "--quiet"]) == 0
    engine = open_store(url)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT text, sentiment, scorer_version FROM posts")).all()
    vader = SentimentIntensityAnalyzer()
    assert all(v.startswith(f"{SCORER_VERSION}-vader-")
               and s == vader.polarity_scores(t)["compound"] for t, s, v in stored)
    assert main(["rescore", "--db", url, "--quiet"]) == 0
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT DISTINCT scorer_version FROM posts")).scalars()
        assert [v.startswith(f"{SCORER_VERSION}-full-") for v in versions] == [True]


def test_score_command_with_plain_vader(tmp_path):
    posts, out = tmp_path / "in.csv", tmp_path / "out.csv"
    pd.DataFrame({"id": [1, 2], "created_at": "2026-03-01", "text": TEXTS[:2]}).to_csv(
        posts, index=False)
    assert main(["score", str(posts), "-o", str(out), "--scorer", "vader", "--quiet"]) == 0
    vader = SentimentIntensityAnalyzer()
    assert pd.read_csv(out)["sentiment"].tolist() == \
        [vader.polarity_scores(t)["compound"] for t in TEXTS[:2]]


def test_a_version_3_store_takes_scorer_versions_that_name_a_model(url):
    """A transformer scorer's version names its model: longer than the 20 characters of
    the column before schema version 4."""
    engine = open_store(url)
    with engine.begin() as conn:  # the store version 3 of the code left
        make_old(conn, 3)
    engine.dispose()

    engine = open_store(url)
    assert get_meta(engine, "schema_version") == str(migrations.SCHEMA_VERSION)
    version = f"{SCORER_VERSION}-transformers:{'an-org/a-long-model-name' * 6}-abcdef"
    write_posts(engine, old_posts().assign(scorer_version=version))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT DISTINCT scorer_version FROM posts")).scalar() == \
            version
