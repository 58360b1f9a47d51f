"""``python -m eval.train_switching`` (``make train-switching``): trains the learned reader of
switching (``dashboard/scoring/learned.py``) on the development split of our labelled posts
and writes its weights to ``data/models/switching.json``.

Only ``split == "dev"`` rows of ``tests/data/switching_families.csv`` are read, so the test
split and every blind batch stay unseen; the file records how many posts it was trained on
and their digest (a test fails when the development rows changed and it was not retrained).
Needs scikit-learn (requirements-dev.txt); the dashboard reads the weights without it.

The thresholds are fixed here, chosen on the development split only: ``--cross-validate``
trains on four fifths of the development posts (grouped by the batch they were written in)
and reads the fifth, patterns first and this reader where they find nothing, for each
threshold; ``THRESHOLD`` is the one with the best F1 of leave/move with the right brands
(0.9161, against 0.9151 at 0.6 and 0.9124 at 0.8); the role threshold changed nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter

from dashboard import paths
from dashboard.scoring.brands import BrandMatcher
from dashboard.scoring.learned import (MODEL, LearnedSwitch, mention_features,
                                       post_features, tokens)
from dashboard.scoring.switching import detect_switch
from dashboard.tracker import load_tracker
from eval.switching import evaluate, families, ratio, split

THRESHOLD = 0.7  # P(leave/move) the detector needs
ROLE_THRESHOLD = 0.5  # P(from) or P(to) a brand needs to take that side
C_DETECTOR, C_ROLES = 4.0, 1.0  # inverse regularisation of the two logistic models
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


def examples(rows: list[dict], brands: BrandMatcher):
    """(post features, is leave/move) and (role features, role) for every mention in a
    leave/move post."""
    posts, roles = [], []
    for r in rows:
        mentions = brands.mentions(r["text"])
        leaving = r["switch_kind"] in LEAVING
        posts.append((post_features(tokens(r["text"], mentions)), leaving))
        if leaving:
            for brand, feats in mention_features(r["text"], mentions):
                side = ("from" if brand == r["switch_from"] else
                        "to" if brand == r["switch_to"] else "none")
                roles.append((feats, side))
    return posts, roles


def common(examples: list[tuple[dict, object]]) -> list[tuple[dict, object]]:
    """The examples with only the features seen in ``MIN_POSTS`` of them or more."""
    seen = Counter(f for feats, _ in examples for f in feats)
    return [({f: v for f, v in feats.items() if seen[f] >= MIN_POSTS}, y)
            for feats, y in examples]


def fit(rows: list[dict], brands: BrandMatcher):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    posts, roles = map(common, examples(rows, brands))
    dv, dr = DictVectorizer(), DictVectorizer()
    detector = LogisticRegression(C=C_DETECTOR, max_iter=5000, class_weight="balanced").fit(
        dv.fit_transform([f for f, _ in posts]), [y for _, y in posts])
    role = LogisticRegression(C=C_ROLES, max_iter=5000).fit(
        dr.fit_transform([f for f, _ in roles]), [y for _, y in roles])
    return dv, detector, dr, role


def weights(dv, detector, dr, role) -> dict:
    """The two models as plain numbers: feature -> weight (detector) or weights per class
    (roles), rounded and without the ones that round to zero."""
    det = {f: round(float(w), DIGITS) for f, w in zip(dv.feature_names_, detector.coef_[0])
           if round(float(w), DIGITS)}
    roles = {}
    for j, f in enumerate(dr.feature_names_):
        ws = [round(float(w), DIGITS) for w in role.coef_[:, j]]
        if any(ws):
            roles[f] = ws
    return {"detector": {"bias": float(detector.intercept_[0]), "weights": det},
            "roles": {"classes": [str(c) for c in role.classes_],
                      "bias": [float(b) for b in role.intercept_], "weights": roles}}


def cross_validate(rows: list[dict], brands: BrandMatcher, folds: int = 5) -> None:
    """Print leave/move with the right brands for each threshold, each post read by models
    trained without its batch's fold."""
    from sklearn.model_selection import GroupKFold
    batch = [r["family"].split("-")[0] for r in rows]
    held: list[dict] = [{}] * len(rows)
    for train, rest in GroupKFold(folds).split(rows, groups=batch):
        model = weights(*fit([rows[i] for i in train], brands))
        for i in rest:
            held[i] = model
    patterns = [detect_switch(r["text"], brands.mentions(r["text"])) for r in rows]
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        pred = []
        for r, model, found in zip(rows, held, patterns):
            reader = LearnedSwitch(dict(model, threshold=threshold,
                                        role_threshold=ROLE_THRESHOLD))
            found = found or reader.detect(r["text"], brands.mentions(r["text"]))
            pred.append((found.switch_from or "", found.switch_to or "", found.kind)
                        if found else ("", "", ""))
        e = evaluate(rows, None, pred)["leave/move, right brands"]
        f1 = 2 * e["tp"] / (e["called"] + e["actual"])
        print(f"threshold {threshold}: precision {ratio(e['tp'], e['called'])}, "
              f"recall {ratio(e['tp'], e['actual'])}, F1 {f1:.4f}")


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
             "threshold": THRESHOLD, "role_threshold": ROLE_THRESHOLD,
             **weights(*fit(rows, brands))}
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    MODEL.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n",
                     encoding="utf-8")
    print(f"{MODEL}: trained on {len(rows)} development posts; "
          f"{len(model['detector']['weights'])} detector and "
          f"{len(model['roles']['weights'])} role features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
