"""The accuracy ``make eval`` measured (``data/eval/results.json``), as the About page's
tables: every labelled set by split (dev: rules may be shaped on it; test: never tuned on),
each rate with the counts behind it, plain VADER beside our sentiment, and each reason for
leaving.

May import: paths.
"""
from __future__ import annotations

import json

import pandas as pd

from dashboard import paths

RESULTS = paths.DATA / "eval" / "results.json"
SHOWN = ("leave/move, right brands", "leave/move", "consider")  # the switching measures


def measured() -> dict:
    """What ``make eval`` wrote, or {} before it ran."""
    return json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}


def switching_table(results: dict) -> pd.DataFrame:
    """One row per labelled set and split: posts, then precision and recall of each shown
    measure as "0.88 (99/112)" (n/a where nothing was called or labelled)."""
    rows = {}
    for r in results.get("switching", []):
        if r["measure"] in SHOWN:
            row = rows.setdefault((r["set"], r["split"]), {"set": r["set"], "split": r["split"],
                                                           "posts": r["posts"]})
            row[f"{r['measure']}: precision"] = _rate(r["tp"], r["called"])
            row[f"{r['measure']}: recall"] = _rate(r["tp"], r["actual"])
    return pd.DataFrame(list(rows.values()))


def reasons_table(results: dict) -> pd.DataFrame:
    """One row per labelled set, split and reason: posts, precision and recall of the
    reason's phrases as "0.88 (99/112)"."""
    return pd.DataFrame([{"set": r["set"], "split": r["split"], "reason": r["reason"],
                          "posts": r["posts"], "precision": _rate(r["tp"], r["called"]),
                          "recall": _rate(r["tp"], r["actual"])}
                         for r in results.get("reasons", [])])


def sentiment_table(results: dict) -> pd.DataFrame:
    """One row per sentiment set and split: the metric for plain VADER and for this
    scorer, and how many texts."""
    return pd.DataFrame(results.get("sentiment", []))


def _rate(hit: int, of: int) -> str:
    return f"{hit / of:.2f} ({hit}/{of})" if of else f"n/a (0/{of})"
