"""The command line, end to end on real files and a real SQLite store."""
import json
import subprocess
import sys

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.scoring import Scorer
from dashboard.write.store import count_posts, open_store
from tests.helpers import FIXTURES, ROOT

CSV = str(FIXTURES / "import" / "reddit_export.csv")


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def test_import_scores_stores_and_reimport_adds_nothing(db, capsys):
    assert main(["import", CSV, "--source", "reddit", "--db", db]) == 0
    assert "4 stored, 0 updated (already stored)" in capsys.readouterr().out
    assert main(["import", CSV, "--source", "reddit", "--db", db]) == 0
    assert "0 stored, 4 updated (already stored)" in capsys.readouterr().out
    engine = open_store(db)
    assert count_posts(engine) == 4
    posts = pd.read_sql("SELECT * FROM posts ORDER BY source_id", engine)
    first = posts.iloc[0]
    assert (first.switch_from, first.switch_to, first.switch_kind) == ("ChatGPT", "Claude", "move")
    assert first.brands == "ChatGPT;Claude"
    assert first.author.startswith("a_") and "alice" not in posts["author"].tolist()
    assert pd.isna(posts.iloc[2].switch_kind)  # "Google just dropped Gemini 3" is a release
    runs = pd.read_sql("SELECT * FROM runs", engine)
    assert list(runs["status"]) == ["ok", "ok"] and list(runs["items"]) == [4, 4]


def test_keep_handles_stores_authors_as_given(db):
    assert main(["import", CSV, "--source", "reddit", "--db", db, "--keep-handles",
                 "--quiet"]) == 0
    assert "alice" in pd.read_sql("SELECT author FROM posts", open_store(db))["author"].tolist()


def test_bad_input_exits_2_without_traceback_and_keeps_the_store(db, tmp_path, capsys):
    assert main(["import", CSV, "--source", "reddit", "--db", db, "--quiet"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("id,created_at,text\nz1,2026-03-01,fine\nz2,soon,broken\n")
    assert main(["import", str(bad), "--source", "reddit", "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}: row 2: column created_at")
    assert "Traceback" not in err
    assert count_posts(open_store(db)) == 4


def test_score_writes_input_columns_plus_scores(tmp_path):
    out = tmp_path / "scored.csv"
    assert main(["score", CSV, "-o", str(out), "--quiet"]) == 0
    scored = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(scored.columns) == ["post_id", "subreddit", "title", "body", "created_utc",
                                    "score", "author", "sentiment", "sentiment_label", "brands",
                                    "brand_sentiment", "switch_from", "switch_to", "switch_kind",
                                    "switch_phrase"]
    assert scored.loc[0, ["switch_from", "switch_to"]].tolist() == ["ChatGPT", "Claude"]
    toward = json.loads(scored.loc[0, "brand_sentiment"])
    assert toward["ChatGPT"] < 0 < toward["Claude"]  # "Not paying ..., moving to Claude"
    assert scored.loc[2, "switch_from"] == ""
    assert scored.loc[3, "title"].startswith("'=HYPERLINK")  # no formula in a spreadsheet
    assert scored.loc[3, "score"] == "-3"  # numbers are left alone


def test_export_daily_posts_and_ranks(demo_url, tmp_path, tracker):
    daily = tmp_path / "daily.parquet"
    assert main(["export", "--table", "daily", "-o", str(daily), "--db", demo_url,
                 "--quiet"]) == 0
    d = pd.read_parquet(daily)
    assert list(d.columns[:7]) == ["date", "brand", "posts", "mean_sentiment",
                                   "negative_share", "leaving", "arriving"]
    assert not d.duplicated(["date", "brand"]).any()
    assert set(d["scorer_versions"]) == {Scorer(tracker).version}  # who made the numbers
    peak = d[d.brand == "ChatGPT"].set_index("date")["leaving"]
    assert peak.idxmax().isoformat() in ("2026-02-28", "2026-03-01", "2026-03-02")
    posts = tmp_path / "posts.csv"
    assert main(["export", "--table", "posts", "-o", str(posts), "--db", demo_url,
                 "--quiet"]) == 0
    p = pd.read_csv(posts)
    assert len(p) > 10_000 and p["simulated"].all()
    assert set(p["scorer_version"]) == {Scorer(tracker).version}
    ranks = tmp_path / "ranks.csv"
    assert main(["export", "--table", "ranks", "--format", "csv", "-o", str(ranks), "--db",
                 demo_url, "--quiet"]) == 0
    assert {"captured_at", "store", "country", "chart", "app_id", "brand", "rank"} <= set(
        pd.read_csv(ranks).columns)


def test_export_of_an_empty_store(db, tmp_path):
    for table in ("posts", "ranks", "daily"):
        assert main(["export", "--table", table, "-o", str(tmp_path / f"{table}.csv"),
                     "--db", db, "--quiet"]) == 0


@pytest.mark.parametrize("command", ["import", "score", "export", "demo"])
def test_help_on_every_command(command, capsys):
    with pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "--db" in out and "--tracker" in out


def test_module_entry_point():
    r = subprocess.run([sys.executable, "-m", "dashboard", "--help"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0 and "import" in r.stdout and "export" in r.stdout
