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
