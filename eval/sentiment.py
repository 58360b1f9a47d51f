"""Sentiment accuracy on public labelled data (``../shared/sentiment``, see its README).

* The four ground-truth sets of the VADER paper (Hutto & Gilbert 2014): Pearson r between
  the compound score and the mean human rating.
* The TweetEval sentiment validation split: macro-averaged recall of the three labels
  (negative / neutral / positive) with VADER's usual +-0.05 thresholds, the task's
  official metric.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from dashboard.scoring.sentiment import label

HUTTO_SETS = {"tweets": "tweets", "movie reviews": "movieReviewSnippets",
              "Amazon reviews": "amazonReviewSnippets", "NYT editorials": "nytEditorialSnippets"}
TWEETEVAL_LABELS = ("negative", "neutral", "positive")  # 0, 1, 2 in val_labels.txt


def hutto_set(folder: Path, name: str) -> tuple[list[str], np.ndarray]:
    """Texts and mean human ratings (-4..4) of one ground-truth set."""
    texts, ratings = [], []
    path = folder / "hutto_icwsm2014" / f"{HUTTO_SETS[name]}_GroundTruth.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        _id, rating, text = line.split("\t", 2)
        texts.append(text)
        ratings.append(float(rating))
    return texts, np.array(ratings)


def tweeteval(folder: Path) -> tuple[list[str], list[str]]:
    """Validation tweets and their labels."""
    base = folder / "tweeteval_val"
    texts = (base / "val_text.txt").read_text(encoding="utf-8").splitlines()
    labels = [TWEETEVAL_LABELS[int(x)]
              for x in (base / "val_labels.txt").read_text().split()]
    return texts, labels


def pearson(scores: list[float], ratings: np.ndarray) -> float:
    return float(np.corrcoef(np.asarray(scores, dtype=float), ratings)[0, 1])


def macro_recall(predicted: list[str], truth: list[str]) -> float:
    recalls = []
    for cls in TWEETEVAL_LABELS:
        idx = [i for i, t in enumerate(truth) if t == cls]
        recalls.append(sum(predicted[i] == cls for i in idx) / len(idx))
    return sum(recalls) / len(recalls)


def evaluate(folder: Path, scorers: dict[str, Callable[[list[str]], list[float]]]
             ) -> list[tuple[str, str, dict[str, float]]]:
    """(data set, metric, {scorer name: value}) rows; each scorer maps texts to compound
    scores."""
    rows = []
    for name in HUTTO_SETS:
        texts, ratings = hutto_set(folder, name)
        rows.append((f"{name} (n={len(texts):,})", "Pearson r",
                     {s: pearson(f(texts), ratings) for s, f in scorers.items()}))
    texts, labels = tweeteval(folder)
    rows.append((f"TweetEval validation (n={len(texts):,})", "macro-recall",
                 {s: macro_recall([label(c) for c in f(texts)], labels)
                  for s, f in scorers.items()}))
    return rows
