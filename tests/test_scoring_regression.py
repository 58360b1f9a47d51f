"""Pinned behaviour on examples written for this project, in our own words
(``tests/data/switching_examples.csv``, labelled by ``tests/data/SWITCHING_GUIDE.md``):
switching kind and brands, the post's sentiment label, the sign toward each brand."""
import csv
import json
from pathlib import Path

import pytest

from dashboard.scoring import Scorer
from dashboard.scoring.sentiment import label

EXAMPLES = list(csv.DictReader(open(Path(__file__).parent / "data" / "switching_examples.csv",
                                    encoding="utf-8")))
SIGN = {"+": "positive", "-": "negative", "0": "neutral"}


@pytest.fixture(scope="module")
def scorer(tracker):
    return Scorer(tracker)


def test_there_are_a_few_dozen_examples_of_every_kind():
    kinds = [r["switch_kind"] for r in EXAMPLES]
    assert len(EXAMPLES) >= 50
    assert all(kinds.count(k) >= 2 for k in ("leave", "move", "consider", "return"))
    assert kinds.count("") >= 20  # the traps


@pytest.mark.parametrize("row", EXAMPLES, ids=[r["text"][:48] for r in EXAMPLES])
def test_example(scorer, row):
    got = scorer.score(row["text"])
    assert (got["switch_from"] or "", got["switch_to"] or "", got["switch_kind"] or "") == \
        (row["switch_from"], row["switch_to"], row["switch_kind"])
    if got["switch_kind"]:  # the reason shown in the dashboard is words of the post
        assert all(part in row["text"] for part in got["switch_phrase"].split(" … "))
    if row["sentiment"]:
        assert got["sentiment_label"] == SIGN[row["sentiment"]]
    toward = json.loads(got["brand_sentiment"] or "{}")
    for item in filter(None, row["toward"].split(";")):
        brand, sign = item[:-1], item[-1]
        assert label(toward[brand]) == SIGN[sign], brand
