"""The accuracy the About page shows is the current scorer's: ``data/eval/results.json``
records the scorer version that produced it, and must be remade (``make eval``) whenever
the scorer, its lexicons or the tracker's brands change."""
import json

from dashboard import paths
from dashboard.scoring import Scorer

RESULTS = paths.DATA / "eval" / "results.json"


def test_results_were_made_by_the_current_scorer(tracker):
    made_by = json.loads(RESULTS.read_text()).get("scorer_version")
    assert made_by == Scorer(tracker).version, (
        f"data/eval/results.json was made by scorer {made_by}, the current one is "
        f"{Scorer(tracker).version}: run `make eval` and commit the file")


def test_results_hold_both_splits_with_the_counts_behind_them():
    results = json.loads(RESULTS.read_text())
    rows = results["switching"]
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert all({"tp", "called", "actual", "posts"} <= set(r) for r in rows)


def test_the_about_page_shows_both_splits_with_counts_and_plain_vader(monkeypatch, demo_url):
    from streamlit.testing.v1 import AppTest

    from tests.helpers import ROOT
    monkeypatch.setenv("DASHBOARD_DB", demo_url)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.switch_page("dashboard/app_pages/about.py")
    at.run()
    assert not at.exception
    tables = [t.value for t in at.dataframe]
    switching = next(t for t in tables if "leave/move, right brands: recall" in t.columns)
    assert set(switching["split"]) == {"dev", "test"}
    assert switching["leave/move, right brands: precision"].str.match(
        r"^(\d\.\d\d|n/a) \(\d+/\d+\)$").all()
    sentiment = next(t for t in tables if "plain VADER" in t.columns)
    assert {"this scorer", "split", "n"} <= set(sentiment.columns)
