"""Sentiment accuracy on labelled data in ``../shared``, each set with a fixed dev/test split.

Sets (see ``../shared/sentiment/README.md`` and ``../shared/fixtures/PROVENANCE.md``):

* the four ground-truth sets of the VADER paper (Hutto & Gilbert 2014): Pearson r between
  the compound score and the mean human rating;
* the TweetEval sentiment validation split: macro-averaged recall of the three labels
  (negative / neutral / positive) with VADER's usual +-0.05 thresholds, the task's
  official metric;
* store reviews: the 300 real Google Play reviews recorded in ``../shared/fixtures``, read
  with the collector's own parser; 1-2 stars are negative, 4-5 positive, 3 is left out.
  Macro-averaged recall of the two labels (a review scored neutral is wrong either way) and
  accuracy.

Splits: a third of every set is ``test``, chosen by a hash of the text (so a text, and any
duplicate of it, always falls on the same side, whatever is added). Lexicon entries and
rules may be shaped on ``dev``; ``test`` only measures. The store reviews were never used to
shape anything: all of them are held out (split ``all``), and nothing may be tuned on them.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dashboard.scoring.sentiment import label

HUTTO_SETS = {"tweets": "tweets", "movie reviews": "movieReviewSnippets",
              "Amazon reviews": "amazonReviewSnippets", "NYT editorials": "nytEditorialSnippets"}
TWEETEVAL = "TweetEval validation"
STORE = "store reviews"
TWEETEVAL_LABELS = ("negative", "neutral", "positive")  # 0, 1, 2 in val_labels.txt
STORE_LABELS = ("negative", "positive")
GOOGLE_PLAY = ("translate-initial.txt", "translate-page2.txt")  # in fixtures/google_play
SPLITS = ("dev", "test")
HELD_OUT = "all"  # the split name of a set nothing was ever tuned on
# what `make eval` guards: ours may not be worse than plain VADER here (the issue names
# app-store reviews and tweets)
GUARDED = ((STORE, HELD_OUT), ("tweets", "test"), (TWEETEVAL, "test"))


def split_of(text: str) -> str:
    """"test" for a fixed third of all texts (by a hash of the text), else "dev"."""
    return "test" if int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 3 == 0 \
        else "dev"


@dataclass
class LabelledSet:
    """Texts with a truth each: a mean rating (``labels`` empty) or a label in ``labels``."""
    name: str
    texts: list[str]
    truth: list
    labels: tuple[str, ...] = ()
    untuned: bool = False  # True: nothing was shaped on any of it (one split, "all")
    parts: dict[str, np.ndarray] = field(init=False)

    def __post_init__(self):
        if self.untuned:
            self.parts = {HELD_OUT: np.arange(len(self.texts))}
        else:
            test = np.array([split_of(t) == "test" for t in self.texts], dtype=bool)
            self.parts = {"dev": np.flatnonzero(~test), "test": np.flatnonzero(test)}

    @property
    def metrics(self) -> tuple[str, ...]:
        if not self.labels:
            return ("Pearson r",)
        return ("macro-recall", "accuracy") if self.untuned else ("macro-recall",)

    def held_out(self) -> list[str]:
        """The splits nothing was tuned on."""
        return [HELD_OUT] if self.untuned else ["test"]

    def measure(self, part: str, scores) -> dict[str, float]:
        """Each metric on one split, from compound scores of all the set's texts."""
        idx = self.parts[part]
        scores = np.asarray(scores, dtype=float)[idx]
        if not self.labels:
            return {"Pearson r": pearson(scores, np.asarray(self.truth, dtype=float)[idx])}
        predicted = [label(s) for s in scores]
        truth = [self.truth[i] for i in idx]
        out = {"macro-recall": macro_recall(predicted, truth, self.labels)}
        if "accuracy" in self.metrics:
            out["accuracy"] = accuracy(predicted, truth)
        return out

    def counts(self, part: str) -> str:
        """How many texts of each label a split holds ("" for rated sets)."""
        if not self.labels:
            return ""
        truth = [self.truth[i] for i in self.parts[part]]
        return ", ".join(f"{truth.count(c)} {c}" for c in self.labels)


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


def store_reviews(shared: Path) -> tuple[list[str], list[str]]:
    """The recorded Google Play reviews with 1-2 stars (negative) or 4-5 (positive)."""
    from dashboard.collectors.google_play_reviews import parse_google_play
    texts, labels = [], []
    for name in GOOGLE_PLAY:
        raw = (shared / "fixtures" / "google_play" / name).read_text(encoding="utf-8")
        for review in parse_google_play(raw, "com.google.android.apps.translate",
                                        "en").itertuples():
            if review.rating != 3:
                texts.append(review.text)
                labels.append("negative" if review.rating <= 2 else "positive")
    return texts, labels


def load_sets(shared: Path) -> tuple[list[LabelledSet], list[str]]:
    """Every set found under ``shared``, and a message for each one that is absent."""
    sets, missing = [], []
    folder = shared / "sentiment"
    for name, stem in HUTTO_SETS.items():
        path = folder / "hutto_icwsm2014" / f"{stem}_GroundTruth.txt"
        if path.is_file():
            sets.append(LabelledSet(name, *hutto_set(folder, name)))
        else:
            missing.append(f"{name}: {path} is absent")
    if (folder / "tweeteval_val" / "val_text.txt").is_file():
        sets.append(LabelledSet(TWEETEVAL, *tweeteval(folder), labels=TWEETEVAL_LABELS))
    else:
        missing.append(f"{TWEETEVAL}: {folder / 'tweeteval_val'} is absent")
    play = shared / "fixtures" / "google_play"
    if all((play / name).is_file() for name in GOOGLE_PLAY):
        sets.append(LabelledSet(STORE, *store_reviews(shared), labels=STORE_LABELS,
                                untuned=True))
    else:
        missing.append(f"{STORE}: {play} is absent")
    return sets, missing


def pearson(scores, ratings) -> float:
    return float(np.corrcoef(np.asarray(scores, dtype=float), ratings)[0, 1])


def macro_recall(predicted: list[str], truth: list[str],
                 classes: tuple[str, ...] = TWEETEVAL_LABELS) -> float:
    """The mean over ``classes`` of the share of its texts predicted as it."""
    recalls = []
    for cls in classes:
        idx = [i for i, t in enumerate(truth) if t == cls]
        recalls.append(sum(predicted[i] == cls for i in idx) / len(idx))
    return sum(recalls) / len(recalls)


def accuracy(predicted: list[str], truth: list[str]) -> float:
    return sum(p == t for p, t in zip(predicted, truth)) / len(truth)


def evaluate(sets: list[LabelledSet], scorers: dict[str, Callable[[list[str]], list[float]]]
             ) -> list[dict]:
    """One row per set, split and metric: ``set``, ``split``, ``metric``, ``n``,
    ``counts`` and each scorer's value under its name; each scorer maps texts to compound
    scores."""
    rows = []
    for ds in sets:
        scores = {s: f(ds.texts) for s, f in scorers.items()}
        for part in ds.parts:
            values = {s: ds.measure(part, sc) for s, sc in scores.items()}
            for metric in ds.metrics:
                rows.append({"set": ds.name, "split": part, "metric": metric,
                             "n": len(ds.parts[part]), "counts": ds.counts(part),
                             **{s: v[metric] for s, v in values.items()}})
    return rows
