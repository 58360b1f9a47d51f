"""``python -m eval.train_switching`` (``make train-switching``): trains the learned reader of
switching (``dashboard/scoring/learned.py``) on the development split of our labelled posts
and writes its weights to ``data/models/switching.json``.

Only ``split == "dev"`` rows of ``tests/data/switching_families.csv`` are read, so the test
split and every blind batch stay unseen; the file records how many posts it was trained on
and their digest (a test fails when the development rows changed and it was not retrained).
Needs scikit-learn (requirements-dev.txt); the dashboard reads the weights without it.

The thresholds and the roles' regularisation are fixed here, chosen on the development
split only: ``--cross-validate`` trains on four fifths of the development posts (grouped by
the batch they were written in) and reads the fifth. ``THRESHOLD`` is the detector's
threshold with the best F1 of leave/move with the right brands, patterns first and this
reader where they find nothing; ``ROLE_THRESHOLD``, ``OTHER_THRESHOLD`` and ``C_ROLES`` are
where the most held-out leave/move posts got both sides right.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter

from dashboard import paths
from dashboard.scoring.brands import BrandMatcher
from dashboard.scoring.learned import (MODEL, MODELS, LearnedSwitch, mention_features,
                                       post_features, tokens)
from dashboard.scoring.switching import OTHER, detect_switch
from dashboard.tracker import load_tracker
from eval.switching import evaluate, families, ratio, split

THRESHOLD = 0.7  # P(leave/move) the detector needs
ROLE_THRESHOLD = 0.3  # P(from) or P(to) a brand needs to take that side
OTHER_THRESHOLD = 0.5  # P(an untracked product on that side) for an empty side to be "other"
C_DETECTOR, C_ROLES, C_OTHER = 4.0, 3.0, 1.0  # inverse regularisation of the models
DIGITS = 3  # weights are rounded to this many decimals; smaller ones are dropped
MIN_POSTS = 2  # a feature seen in fewer training posts (or mentions) is left out
LEAVING = ("leave", "move")


def digest(rows: list[dict]) -> str:
    """SHA-1 of the rows' text and labels, in order."""
    h = hashlib.sha1()
    for r in rows:
        h.update("\x1f".join((r["text"], r["switch_from"], r["switch_to"],
                              r["switch_kind"])).encode())
    return h.hexdigest()


def training_rows() -> list[dict]:
    return split(families(), "dev")


def examples(rows: list[dict], brands: BrandMatcher) -> dict[str, list[tuple[dict, object]]]:
    """What each model learns from: every post (is it leave/move), every mention in a
    leave/move post (its side), and every leave/move post (is its side left, or chosen, an
    untracked product)."""
    out: dict[str, list] = {name: [] for name in MODELS}
    for r in rows:
        mentions = brands.mentions(r["text"])
        words = tokens(r["text"], mentions)
        feats = post_features(words)
        leaving = r["switch_kind"] in LEAVING
        out["detector"].append((feats, leaving))
        if leaving:
            out["from other"].append((feats, r["switch_from"] == OTHER))
            out["to other"].append((feats, r["switch_to"] == OTHER))
            for brand, role in mention_features(words, mentions):
                side = ("from" if brand == r["switch_from"] else
                        "to" if brand == r["switch_to"] else "none")
                out["roles"].append((role, side))
    return out


def common(examples: list[tuple[dict, object]]) -> list[tuple[dict, object]]:
    """The examples with only the features seen in ``MIN_POSTS`` of them or more."""
    seen = Counter(f for feats, _ in examples for f in feats)
    return [({f: v for f, v in feats.items() if seen[f] >= MIN_POSTS}, y)
            for feats, y in examples]


def fit(rows: list[dict], brands: BrandMatcher) -> dict:
    """The models trained on ``rows``, as plain numbers (``learned.LearnedSwitch``'s
    model, without the thresholds)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    c = {"detector": C_DETECTOR, "roles": C_ROLES, "from other": C_OTHER, "to other": C_OTHER}
    model = {}
    for name, data in examples(rows, brands).items():
        data = common(data)
        vectors = DictVectorizer()
        x = vectors.fit_transform([f for f, _ in data])
        fitted = LogisticRegression(C=c[name], max_iter=5000,
                                    class_weight=None if name == "roles" else "balanced"
                                    ).fit(x, [y for _, y in data])
        model[name] = _numbers(vectors, fitted)
    return model


def _numbers(vectors, fitted) -> dict:
    """A logistic model as plain numbers: its classes (two: the weights are for the
    second), biases and feature -> weights, rounded, without the ones that round to zero."""
    binary = len(fitted.classes_) == 2
    weights = {}
    for j, f in enumerate(vectors.feature_names_):
        ws = [round(float(w), DIGITS) for w in fitted.coef_[:, j]]
        if any(ws):
            weights[f] = ws[0] if binary else ws
    return {"classes": [str(c) for c in fitted.classes_],
            "bias": float(fitted.intercept_[0]) if binary else
            [float(b) for b in fitted.intercept_], "weights": weights}


def cross_validate(rows: list[dict], brands: BrandMatcher, folds: int = 5) -> None:
    """Print, for each threshold, how models trained without a post's batch read it."""
    from sklearn.model_selection import GroupKFold
    batch = [r["family"].split("-")[0] for r in rows]
    held: list[dict] = [{}] * len(rows)
    for train, rest in GroupKFold(folds).split(rows, groups=batch):
        model = fit([rows[i] for i in train], brands)
        for i in rest:
            held[i] = model
    patterns = [detect_switch(r["text"], brands.mentions(r["text"])) for r in rows]
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        pred = []
        for r, model, found in zip(rows, held, patterns):
            found = found or _reader(model, threshold=threshold).detect(
                r["text"], brands.mentions(r["text"]))
            pred.append((found.switch_from or "", found.switch_to or "", found.kind)
                        if found else ("", "", ""))
        e = evaluate(rows, None, pred)["leave/move, right brands"]
        f1 = 2 * e["tp"] / (e["called"] + e["actual"])
        print(f"threshold {threshold}: precision {ratio(e['tp'], e['called'])}, "
              f"recall {ratio(e['tp'], e['actual'])}, F1 {f1:.4f}")
    leaving = [(r, m) for r, m in zip(rows, held) if r["switch_kind"] in LEAVING]
    for role in (0.3, 0.5):
        for other in (0.5, 0.7, 1.01):
            right = sum(_reader(m, role_threshold=role, other_threshold=other).sides(
                r["text"], brands.mentions(r["text"])) == (r["switch_from"] or None,
                                                            r["switch_to"] or None)
                for r, m in leaving if brands.mentions(r["text"]))
            print(f"role threshold {role}, other threshold {other}: both sides right on "
                  f"{ratio(right, len(leaving))} held-out leave/move posts")


def _reader(model: dict, **thresholds) -> LearnedSwitch:
    return LearnedSwitch({**model, **thresholds_of(), **thresholds})


def thresholds_of() -> dict:
    return {"threshold": THRESHOLD, "role_threshold": ROLE_THRESHOLD,
            "other_threshold": OTHER_THRESHOLD}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.train_switching",
                                description=__doc__.split("\n\n")[0])
    p.add_argument("--cross-validate", action="store_true",
                   help="print how each threshold reads held-out development posts; "
                        "write nothing")
    args = p.parse_args(argv)
    brands = BrandMatcher(load_tracker(paths.DEFAULT_TRACKER))
    rows = training_rows()
    if args.cross_validate:
        cross_validate(rows, brands)
        return 0
    model = {"about": "learned reader of switching (dashboard/scoring/learned.py), written by "
                      "python -m eval.train_switching",
             "trained_on": {"file": "tests/data/switching_families.csv", "split": "dev",
                            "posts": len(rows), "sha1": digest(rows)},
             **thresholds_of(), **fit(rows, brands)}
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    MODEL.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n",
                     encoding="utf-8")
    print(f"{MODEL}: trained on {len(rows)} development posts; "
          + ", ".join(f"{len(model[m]['weights'])} {m} features" for m in MODELS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
