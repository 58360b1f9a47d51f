"""Reasons for leaving against labelled posts (``tests/data/reasons_labels.csv``; the labelling
guide's "Reasons for leaving" section): per reason, precision and recall of the tracker's
phrases on posts that leave, move from or consider leaving a brand.

Three sets, each with its ``split`` (``dev``: the phrases were shaped on it; ``test``: only
measured, labelled after the phrases were fixed):

* our posts, written for this (all ``dev``);
* the leaving, moving and considering posts of the ``test`` split of
  ``tests/data/switching_families.csv`` (our words too, written for switching before the
  reasons existed), by their data row;
* the few such real 2026 Reddit titles, by ``post_id``, their titles read from
  ``../shared/real-posts`` (skipped when absent, never copied here).
"""
from __future__ import annotations

from pathlib import Path

from dashboard.read.reasons import reason_patterns, reasons_in
from dashboard.tracker import Tracker
from eval.switching import DATA, FAMILIES, REAL_SETS, post_text, read_csv

LABELS = DATA / "reasons_labels.csv"
REAL = "real Reddit titles 2026"


def labelled(shared: Path) -> tuple[list[dict], list[str]]:
    """The labelled posts, each with its ``text``, and what was skipped (and why)."""
    rows = read_csv(LABELS)
    families = read_csv(FAMILIES)
    titles_file = shared / REAL_SETS[REAL][1]
    titles = ({r["post_id"]: r["title"] for r in read_csv(titles_file)}
              if titles_file.is_file() else None)
    out, skipped = [], []
    for r in rows:
        if r["set"] == REAL:
            if titles is None:
                continue
            r = dict(r, text=titles[r["ref"]])
        elif r["ref"]:
            f = families[int(r["ref"]) - 1]
            r = dict(r, text=post_text(f))
        out.append(r)
    if titles is None:
        skipped.append(f"{REAL}: {titles_file} is absent")
    return out, skipped


def evaluate(rows: list[dict], tracker: Tracker) -> list[dict]:
    """Per set, split and reason (and "any reason", every call of a reason counted): the
    posts, and the counts behind precision (tp / called) and recall (tp / actual)."""
    patterns = reason_patterns(tracker.reasons)
    found = [set(reasons_in(r["text"], patterns)) for r in rows]
    out = []
    for key in sorted({(r["set"], r["split"]) for r in rows}):
        chosen = [(set(filter(None, r["reasons"].split(";"))), got)
                  for r, got in zip(rows, found) if (r["set"], r["split"]) == key]
        for name in [*patterns, "any reason"]:
            pick = (lambda s: s) if name == "any reason" else (lambda s, n=name: s & {n})
            out.append({"set": key[0], "split": key[1], "reason": name, "posts": len(chosen),
                        "tp": sum(len(pick(want) & pick(got)) for want, got in chosen),
                        "called": sum(len(pick(got)) for _, got in chosen),
                        "actual": sum(len(pick(want)) for want, _ in chosen)})
    return out
