"""The shared vocabulary (dashboard/vocabulary.py) is the one the code speaks: the scorer's
switch kinds and labels, the tracker's stores and the run statuses are its words."""
import pandas as pd

from dashboard import vocabulary as v
from dashboard.scoring import Scorer
from dashboard.scoring.sentiment import label

SAYS = {"Cancelled my ChatGPT Plus today": v.LEAVE,
        "Switched from Gemini to Le Chat, no regrets": v.MOVE,
        "Went back to ChatGPT, Claude kept failing": v.RETURN,
        "Thinking of cancelling Copilot?": v.CONSIDER}


def test_the_scorer_reports_the_vocabularys_switch_kinds(tracker):
    scored = Scorer(tracker).score_frame(pd.DataFrame({"text": list(SAYS)}))
    assert scored["switch_kind"].tolist() == list(SAYS.values())
    assert set(SAYS.values()) == set(v.SWITCH_KINDS)


def test_leaving_and_arriving_are_switch_kinds():
    assert set(v.LEAVING_KINDS) <= set(v.SWITCH_KINDS)
    assert set(v.ARRIVING_KINDS) <= set(v.SWITCH_KINDS)
    assert v.CONSIDER not in v.LEAVING_KINDS + v.ARRIVING_KINDS  # intent is not a move


def test_labels_and_statuses_are_the_vocabularys():
    assert {label(x) for x in (-1, v.NEGATIVE, 0, v.POSITIVE, 1)} == set(v.SENTIMENT_LABELS)
    for group in (v.DELIVERED, v.DELIVERED_NOTHING, v.NOT_OK):
        assert set(group) <= set(v.RUN_STATUSES)


def test_the_trackers_apps_are_in_the_vocabularys_stores(tracker):
    assert {a.store for b in tracker.brands for a in b.apps} == set(v.STORES)
