"""The switching development set: labels only (the titles stay in ../shared), well formed,
and the detector's precision and recall on it (skipped without ../shared)."""
import csv

from dashboard.scoring import Scorer
from eval import switching
from tests.helpers import shared

LABELS = list(csv.DictReader(open(switching.LABELS, encoding="utf-8")))
KINDS = {"", "leave", "move", "consider", "return"}
TAGS = {"", "switch", "release", "employee", "company", "product", "comparison",
        "alternative", "figure", "jobs", "career", "untracked", "negated", "other-sense"}


def test_labels_hold_ids_and_labels_only(tracker):
    assert list(LABELS[0]) == ["post_id", "switch_from", "switch_to", "switch_kind", "tag"]
    assert len(LABELS) >= 300 and len({r["post_id"] for r in LABELS}) == len(LABELS)
    brands = {"", *tracker.brand_names}
    for r in LABELS:
        assert r["post_id"].isalnum() and r["switch_kind"] in KINDS and r["tag"] in TAGS
        assert {r["switch_from"], r["switch_to"]} <= brands
        assert bool(r["switch_kind"]) == (r["tag"] == "switch")
        assert r["switch_kind"] or not (r["switch_from"] or r["switch_to"])


def test_every_label_is_a_real_post():
    with open(shared("real-posts", "reddit_ai_trends_2025.csv"), encoding="utf-8") as f:
        ids = {r["post_id"] for r in csv.DictReader(f)}
    assert {r["post_id"] for r in LABELS} <= ids


def test_detector_meets_the_targets_on_the_real_titles(tracker):
    shared("real-posts")
    result = switching.evaluate(switching.labelled_titles(switching.ROOT.parent / "shared"),
                                Scorer(tracker))
    target = result["leave/move, right brands"]
    assert target["precision"] >= 0.9 and target["recall"] >= 0.8
    assert not result["false alarms by tag"]  # no hard negative is called switching
