"""Contract: the importer on real Reddit titles from ../shared/real-posts (skips if absent)."""
import pandas as pd

from dashboard.cli import main
from dashboard.read.daily import daily_table
from dashboard.write.store import count_posts, open_store
from tests.helpers import shared


def test_real_titles_import_once_and_export_sensible_daily_counts(tmp_path, tracker):
    path = str(shared("real-posts", "reddit_ai_trends_2025.csv"))
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    assert main(["import", path, "--source", "reddit", "--db", db, "--quiet"]) == 0
    engine = open_store(db)
    n = count_posts(engine)
    assert n == len(pd.read_csv(path))
    assert main(["import", path, "--source", "reddit", "--db", db, "--quiet"]) == 0
    assert count_posts(engine) == n  # re-importing adds no rows
    daily = daily_table(engine, tracker)
    totals = daily.groupby("brand")[["posts", "leaving", "arriving"]].sum()
    assert totals.loc["ChatGPT", "posts"] > 100 and totals.loc["Claude", "posts"] > 30
    # real titles are mostly news and releases: switching reports are rare, not everywhere
    assert totals["leaving"].sum() < 0.02 * totals["posts"].sum()
    assert (totals["leaving"] <= totals["posts"]).all()
