"""The labelled real titles: labels only (the titles stay in ../shared), well formed, with a
fixed split, and the detector's false alarms on them (skipped without ../shared)."""
import csv
import hashlib

import pytest

from dashboard.scoring import Scorer
from eval import switching
from tests.helpers import shared

KINDS = {"", "leave", "move", "consider", "return"}
TAGS = {"", "switch", "release", "employee", "company", "product", "comparison",
        "alternative", "figure", "jobs", "career", "untracked", "negated", "other-sense",
        "government", "campaign", "signup", "advice", "hypothetical"}
SETS = list(switching.REAL_SETS)


def labels(name: str) -> list[dict]:
    return switching.read_csv(switching.REAL_SETS[name][0])


@pytest.mark.parametrize("name", SETS)
def test_labels_hold_ids_and_labels_only(tracker, name):
    rows = labels(name)
    assert list(rows[0]) == ["post_id", "switch_from", "switch_to", "switch_kind", "tag",
                             "split"]
    assert len(rows) >= 300 and len({r["post_id"] for r in rows}) == len(rows)
    sides = {"", "other", *tracker.brand_names}
    for r in rows:
        assert r["post_id"].isalnum() and r["switch_kind"] in KINDS and r["tag"] in TAGS
        assert {r["switch_from"], r["switch_to"]} <= sides
        assert bool(r["switch_kind"]) == (r["tag"] == "switch")
        assert r["switch_kind"] or not (r["switch_from"] or r["switch_to"])


@pytest.mark.parametrize("name", SETS)
def test_a_fixed_third_is_the_test_split(name):
    """The split is a hash of the post id, so it never moves when labels are added."""
    for r in labels(name):
        third = int(hashlib.sha1(r["post_id"].encode()).hexdigest(), 16) % 3 == 0
        assert r["split"] == ("test" if third else "dev")


@pytest.mark.parametrize("name", SETS)
def test_every_label_is_a_real_post(name):
    with open(shared(*switching.REAL_SETS[name][1].parts), encoding="utf-8") as f:
        ids = {r["post_id"] for r in csv.DictReader(f)}
    assert {r["post_id"] for r in labels(name)} <= ids


@pytest.mark.parametrize("name", SETS)
def test_no_hard_negative_among_the_real_titles_is_called_leaving(tracker, name):
    shared("real-posts")
    rows = switching.real_titles(switching.ROOT.parent / "shared", name)
    result = switching.evaluate(rows, Scorer(tracker))
    assert not result["false alarms by tag"]
    assert result["leave/move, right brands"]["tp"] >= result["leave/move"]["actual"] - 2
