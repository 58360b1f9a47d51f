"""Property-based tests of the scorer (Scorer(tracker).score / score_frame) on hostile text:
any Unicode, emoji, right-to-left and zero-width marks, NUL, lone surrogates, markup, empty
and 1 MB texts, and cells that are not text at all. Every result must be a well-formed
score; nothing may raise."""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.scoring import SCORE_COLUMNS, Scorer
from dashboard.scoring.switching import OTHER
from reliability import tally
from reliability.fuzzing import texts

KINDS = {None, "leave", "move", "return", "consider"}


@pytest.fixture(scope="module")
def scorer(tracker):
    return Scorer(tracker)


def assert_well_formed(score: dict, names: list[str]) -> None:
    assert list(score) == SCORE_COLUMNS
    s = score["sentiment"]
    assert math.isfinite(s) and -1 <= s <= 1
    assert score["sentiment_label"] == ("positive" if s >= 0.05 else
                                        "negative" if s <= -0.05 else "neutral")
    named = [b for b in score["brands"].split(";") if b]
    assert named == [b for b in names if b in named], "tracked brands, in tracker order, once"
    toward = json.loads(score["brand_sentiment"]) if score["brand_sentiment"] else {}
    assert list(toward) == named
    assert all(math.isfinite(v) and -1 <= v <= 1 for v in toward.values())
    assert score["switch_kind"] in KINDS
    # "other": a named product the tracker does not follow, on one side at most
    sides = {score["switch_from"], score["switch_to"]}
    assert sides <= {None, OTHER, *names}
    if score["switch_kind"] is None:
        assert score["switch_from"] is score["switch_to"] is score["switch_phrase"] is None
    else:
        assert not sides <= {None, OTHER}, "a switch names a tracked brand"


@given(texts())
def test_any_text_gets_a_well_formed_score(scorer, text):
    with tally.scenario("fuzz"):
        score = scorer.score(text)
        assert_well_formed(score, scorer.tracker.brand_names)
        assert scorer.score(text) == score, "the same text, the same score"


@given(st.lists(st.one_of(texts(12), st.none(), st.integers(), st.floats(),
                          st.binary(max_size=8), st.lists(st.integers(), max_size=2)),
                max_size=12))
def test_score_frame_takes_any_cells(scorer, cells):
    with tally.scenario("fuzz"):
        index = range(100, 100 + len(cells))  # not 0..n: rows must keep their labels
        frame = pd.DataFrame({"text": pd.Series(cells, index=index, dtype=object)})
        scored = scorer.score_frame(frame)
        assert list(scored.index) == list(frame.index)
        for cell, (_, row) in zip(cells, scored.iterrows()):
            expected = scorer.score(cell if isinstance(cell, str) else "")
            # a frame holds a missing value as None or NaN, as its column type has it
            assert {k: None if pd.isna(row[k]) else row[k] for k in SCORE_COLUMNS} == expected


def test_empty_and_blank_texts_are_neutral(scorer):
    for text in ["", " ", "\n\t", "\x00", "\u200b\u200b"]:
        score = scorer.score(text)
        assert (score["sentiment"], score["brands"], score["switch_kind"]) == (0.0, "", None)


def big_text(size: int) -> str:
    unit = "Cancelled my ChatGPT Plus 😡 and moved to Claude → much better! שלום \u200b "
    return (unit * (size // len(unit) + 1))[:size]


def test_a_100_kb_post_is_scored(scorer):
    assert_well_formed(scorer.score(big_text(100_000)), scorer.tracker.brand_names)


@pytest.mark.reliability
def test_a_1_mb_post_is_scored(scorer):
    with tally.scenario("fuzz"):
        assert_well_formed(scorer.score(big_text(1_000_000)), scorer.tracker.brand_names)
