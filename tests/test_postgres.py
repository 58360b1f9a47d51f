"""The same store on the PostgreSQL server (skips with a reason when there is none)."""
import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.read.daily import daily_table
from dashboard.read.filters import Filters
from dashboard.read.queries import rank_history, store_overview, switch_flows
from dashboard.write.store import count_posts, open_store, write_ranks
from tests.helpers import FIXTURES

pytestmark = pytest.mark.postgres


def test_import_export_round_trip_on_postgres(pg_url, tracker, tmp_path):
    csv = str(FIXTURES / "import" / "reddit_export.csv")
    assert main(["import", csv, "--source", "reddit", "--db", pg_url, "--quiet"]) == 0
    assert main(["import", csv, "--source", "reddit", "--db", pg_url, "--quiet"]) == 0
    engine = open_store(pg_url)
    assert engine.dialect.name == "postgresql"
    assert count_posts(engine) == 4
    daily = daily_table(engine, tracker)
    day = daily[(daily.brand == "ChatGPT") & (daily.posts > 0)].iloc[0]
    assert (str(day.date.date()), day.leaving) == ("2026-02-28", 1)
    assert switch_flows(engine, Filters()).to_dict("records") == [
        {"switch_from": "ChatGPT", "switch_to": "Claude", "posts": 1}]
    out = tmp_path / "posts.parquet"
    assert main(["export", "--table", "posts", "-o", str(out), "--db", pg_url, "--quiet"]) == 0
    assert len(pd.read_parquet(out)) == 4


def test_ranks_and_overview_on_postgres(pg_url):
    engine = open_store(pg_url)
    snap = {"captured_at": "2026-03-01T00:00:00Z", "store": "app_store", "country": "us",
            "chart": "top-free", "app_id": "1", "app_name": "Claude", "brand": "Claude",
            "rank": 1, "simulated": True}
    write_ranks(engine, pd.DataFrame([snap, snap]))
    assert rank_history(engine, Filters())["rank"].tolist() == [1]
    info = store_overview(engine)
    assert info["simulated"] and info["countries"] == ["us"]
    open_store(pg_url)  # reopening an existing schema migrates nothing
