"""Switching detection against labelled posts (``tests/data/SWITCHING_GUIDE.md``).

The development set keeps only labels (post id -> from, to, kind, tag) in
``tests/data/switching_labels.csv``; the titles are read from ``../shared/real-posts`` here,
at evaluation time, and never copied into the repository.

Reported: precision and recall of leaving/moving posts (kind leave or move, however the
brands came out), of the same with the right brands, of the from and to brands, and of
"consider"; plus the false alarms per hard-negative tag.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from dashboard.vocabulary import ARRIVING_KINDS, CONSIDER, LEAVING_KINDS

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "switching_labels.csv"
EXAMPLES = ROOT / "tests" / "data" / "switching_examples.csv"
REAL_POSTS = Path("real-posts") / "reddit_ai_trends_2025.csv"
LEAVING = LEAVING_KINDS


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def labelled_titles(shared: Path) -> list[dict]:
    """The labelled posts with their titles joined in from ``shared``."""
    titles = {r["post_id"]: r["title"] for r in read_csv(shared / REAL_POSTS)}
    return [dict(r, text=titles[r["post_id"]]) for r in read_csv(LABELS)]


def own_examples() -> list[dict]:
    """The examples written for the regression test (our own words)."""
    return [dict(r, tag="") for r in read_csv(EXAMPLES)]


def evaluate(rows: list[dict], scorer) -> dict:
    """Counts and precision/recall of ``scorer`` on labelled rows (text, switch_from,
    switch_to, switch_kind, tag)."""
    scored = scorer.score_frame(_frame(rows))
    pred = [tuple(v if isinstance(v, str) else "" for v in r)  # missing is NaN or None
            for r in scored[["switch_from", "switch_to", "switch_kind"]].itertuples(index=False)]
    gold = [(r["switch_from"], r["switch_to"], r["switch_kind"]) for r in rows]
    out = {
        "leave/move": _pr(pred, gold, lambda p, g: p[2] in LEAVING and g[2] in LEAVING,
                          lambda x: x[2] in LEAVING),
        "leave/move, right brands": _pr(
            pred, gold, lambda p, g: p[2] in LEAVING and g[2] in LEAVING and p[:2] == g[:2],
            lambda x: x[2] in LEAVING),
        "from brand": _pr(pred, gold, lambda p, g: bool(p[0]) and p[0] == g[0],
                          lambda x: bool(x[0]) and x[2] in LEAVING),
        "to brand": _pr(pred, gold, lambda p, g: bool(p[1]) and p[1] == g[1],
                        lambda x: bool(x[1]) and x[2] in ARRIVING_KINDS),
        "consider": _pr(pred, gold, lambda p, g: p[2] == g[2] == CONSIDER,
                        lambda x: x[2] == CONSIDER),
    }
    out["false alarms by tag"] = Counter(
        r["tag"] or "untagged" for r, p, g in zip(rows, pred, gold) if p[2] and not g[2])
    out["n"] = len(rows)
    return out


def _frame(rows: list[dict]):
    import pandas as pd
    return pd.DataFrame({"text": [r["text"] for r in rows]})


def _pr(pred, gold, hit, positive) -> dict:
    """Precision and recall where ``hit(p, g)`` is a correct call and ``positive(x)`` says
    whether a prediction or label counts (None where there is nothing to divide by)."""
    tp = sum(1 for p, g in zip(pred, gold) if positive(p) and positive(g) and hit(p, g))
    called = sum(1 for p in pred if positive(p))
    actual = sum(1 for g in gold if positive(g))
    return {"tp": tp, "called": called, "actual": actual,
            "precision": tp / called if called else None,
            "recall": tp / actual if actual else None}
