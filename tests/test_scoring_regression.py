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
# sentiment the scorer now gets wrong: the lexicon entries and rules that read these right
# ("unsubscribed", "deleted my account", "kill switch", "no issues", "#QuitGPT", wishes,
# polite requests) did not help on data they were not tuned on, so they were removed
# (issue 11, `make eval`). The switching calls on them are still pinned. Strict: a row
# read right again comes off this list.
SENTIMENT_MISSES = {
    "I just unsubscribed from ChatGPT Plus after two years", "Deleted my OpenAI account today",
    "Uninstalled the ChatGPT app and I feel lighter already",
    "The new kill switch in ChatGPT settings is handy", "Please bring back GPT-4o",
    "Please fix the memory bug in Claude", "I wish Gemini remembered my earlier chats",
    "Would be nice if Grok answered without the attitude", "No issues with Claude so far",
    "Perplexity has had no bugs for me", "ChatGPT keeps hallucinating sources",
    "#QuitGPT is trending again"}


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
    wrong = []
    if row["sentiment"] and got["sentiment_label"] != SIGN[row["sentiment"]]:
        wrong.append(f"post: {got['sentiment_label']}")
    toward = json.loads(got["brand_sentiment"] or "{}")
    for item in filter(None, row["toward"].split(";")):
        brand, sign = item[:-1], item[-1]
        if label(toward[brand]) != SIGN[sign]:
            wrong.append(f"{brand}: {label(toward[brand])}")
    assert bool(wrong) == (row["text"] in SENTIMENT_MISSES), wrong


def test_every_known_miss_is_an_example():
    assert SENTIMENT_MISSES <= {r["text"] for r in EXAMPLES}
