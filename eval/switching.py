"""Switching detection against labelled posts (``tests/data/SWITCHING_GUIDE.md``).

Three labelled sets, each with a fixed ``split`` column (``dev``: rules may be shaped on
it; ``test``: nothing is tuned on it, it only measures):

* real Reddit titles, 2025 and Nov 2025 – Aug 2026: only labels (post id -> from, to,
  kind, tag) are kept here, in ``tests/data/switching_labels*.csv``; the titles are read
  from ``../shared/real-posts`` at evaluation time and never copied into the repository;
* posts written for this project in our own words, by pattern and trap family, titles and
  bodies (``tests/data/switching_families.csv``).

Reported per set and split: precision and recall of leaving/moving posts (kind leave or
move, however the brands came out), of the same with the right brands, of the from and to
brands, and of "consider"; the false alarms per hard-negative tag; and, for the families,
recall or false alarms per family.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from dashboard.vocabulary import ARRIVING_KINDS, CONSIDER, LEAVING_KINDS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REAL_SETS = {  # name -> (labels, titles in ../shared)
    "real Reddit titles 2025": (DATA / "switching_labels.csv",
                                Path("real-posts") / "reddit_ai_trends_2025.csv"),
    "real Reddit titles 2026": (DATA / "switching_labels_2026.csv",
                                Path("real-posts") / "reddit_ai_trends_2025-11_2026-08.csv"),
}
FAMILIES = DATA / "switching_families.csv"
EXAMPLES = DATA / "switching_examples.csv"
SPLITS = ("dev", "test")
MEASURES = ("leave/move", "leave/move, right brands", "from brand", "to brand", "consider")


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def real_titles(shared: Path, name: str) -> list[dict]:
    """The labelled posts of one real set with their titles joined in from ``shared``."""
    labels, titles_file = REAL_SETS[name]
    titles = {r["post_id"]: r["title"] for r in read_csv(shared / titles_file)}
    return [dict(r, text=titles[r["post_id"]]) for r in read_csv(labels)]


def post_text(row: dict) -> str:
    """A written post as the scorer reads it: its title and body."""
    return "\n\n".join(p for p in (row["title"], row["body"]) if p)


def families() -> list[dict]:
    """The posts written in our own words, each ``text`` its title and body."""
    return [dict(r, text=post_text(r)) for r in read_csv(FAMILIES)]


def own_examples() -> list[dict]:
    """The examples pinned by the regression test (our own words, all development)."""
    return [dict(r, tag="", split="dev") for r in read_csv(EXAMPLES)]


def split(rows: list[dict], name: str) -> list[dict]:
    return [r for r in rows if r["split"] == name]


def predict(rows: list[dict], scorer) -> list[tuple[str, str, str]]:
    """(from, to, kind) for each row, "" where missing."""
    import pandas as pd
    scored = scorer.score_frame(pd.DataFrame({"text": [r["text"] for r in rows]}))
    return [tuple(v if isinstance(v, str) else "" for v in r)  # missing is NaN or None
            for r in scored[["switch_from", "switch_to", "switch_kind"]].itertuples(
                index=False)]


def evaluate(rows: list[dict], scorer, pred: list | None = None) -> dict:
    """Counts and precision/recall of ``scorer`` on labelled rows (text, switch_from,
    switch_to, switch_kind, tag)."""
    pred = predict(rows, scorer) if pred is None else pred
    gold = [(r["switch_from"], r["switch_to"], r["switch_kind"]) for r in rows]
    out = {
        "leave/move": _pr(pred, gold, lambda p, g: True, _leaving),
        "leave/move, right brands": _pr(pred, gold, lambda p, g: p[:2] == g[:2], _leaving),
        "from brand": _pr(pred, gold, lambda p, g: p[0] == g[0],
                          lambda x: bool(x[0]) and x[2] in LEAVING_KINDS),
        "to brand": _pr(pred, gold, lambda p, g: p[1] == g[1],
                        lambda x: bool(x[1]) and x[2] in ARRIVING_KINDS),
        "consider": _pr(pred, gold, lambda p, g: True, lambda x: x[2] == CONSIDER),
    }
    out["false alarms by tag"] = Counter(
        r["tag"] or "untagged" for r, p, g in zip(rows, pred, gold)
        if p[2] in LEAVING_KINDS and g[2] not in LEAVING_KINDS)
    out["n"] = len(rows)
    return out


def by_family(rows: list[dict], pred: list) -> dict[str, str]:
    """Family -> "right/n" (posts whose kind and brands came out as labelled); the posts
    written in later batches (family "batchX-...") count as one family per batch."""
    right, total = Counter(), Counter()
    for r, p in zip(rows, pred):
        family = r["family"].split("-")[0] if r["family"].startswith("batch") else r["family"]
        total[family] += 1
        right[family] += p == (r["switch_from"], r["switch_to"], r["switch_kind"])
    return {f: f"{right[f]}/{total[f]}" for f in total}


def by_batch(rows: list[dict], pred: list) -> dict[str, tuple[list[dict], list]]:
    """The posts by the batch they were written in ("families": the first 405, written
    per family; "batchA" ... : written later by writers who never saw the detector), with
    their predictions."""
    out: dict[str, tuple[list[dict], list]] = {}
    for r, p in zip(rows, pred):
        batch = r["family"].split("-")[0] if r["family"].startswith("batch") else "families"
        out.setdefault(batch, ([], []))
        out[batch][0].append(r)
        out[batch][1].append(p)
    return out


def ratio(a: int, b: int) -> str:
    """"a/b = 0.87", or "n/a" where there is nothing to divide by."""
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/{b} = n/a"


def _leaving(x: tuple) -> bool:
    return x[2] in LEAVING_KINDS


def _pr(pred, gold, hit, positive) -> dict:
    """Precision and recall where a prediction and a label both ``positive`` and
    ``hit(p, g)`` is a correct call (None where there is nothing to divide by)."""
    tp = sum(1 for p, g in zip(pred, gold) if positive(p) and positive(g) and hit(p, g))
    called = sum(1 for p in pred if positive(p))
    actual = sum(1 for g in gold if positive(g))
    return {"tp": tp, "called": called, "actual": actual,
            "precision": tp / called if called else None,
            "recall": tp / actual if actual else None}
