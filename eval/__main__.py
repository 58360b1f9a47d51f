"""``python -m eval [--shared DIR]`` (``make eval``): plain VADER against our scorer on public
sentiment data, and switching detection on labelled real posts and on our own examples.

Reads ``../shared`` beside the checkout by default and skips, saying why, whatever is
absent. Exit status 1 when our scorer is worse than plain VADER on any sentiment set.
The figures also go to ``data/eval/results.json`` (committed), which the dashboard's About
page shows; a run without ../shared leaves that file as it is.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from dashboard import paths
from dashboard.scoring import Scorer
from dashboard.scoring.sentiment import Sentiment
from dashboard.tracker import load_tracker
from eval import sentiment, switching

TARGET_PRECISION, TARGET_RECALL = 0.90, 0.80
RESULTS = paths.DATA / "eval" / "results.json"
MEASURES = ("leave/move", "leave/move, right brands", "from brand", "to brand", "consider")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=paths.ROOT.parent / "shared",
                   help="the shared data folder (default: ../shared beside the checkout)")
    args = p.parse_args(argv)
    scorer = Scorer(load_tracker(paths.DEFAULT_TRACKER))
    results = {"command": "make eval", "generated": date.today().isoformat()}
    ok = sentiment_report(args.shared, scorer, results)
    switching_report(args.shared, scorer, results)
    if "sentiment" in results:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=1) + "\n")
        print(f"\nwrote {RESULTS.relative_to(paths.ROOT)}")
    return 0 if ok else 1


def sentiment_report(shared: Path, scorer: Scorer, results: dict) -> bool:
    print("== Sentiment: plain VADER (vaderSentiment 3.3.2) vs our scorer ==")
    folder = shared / "sentiment"
    if not folder.is_dir():
        print(f"skipped: {folder} is absent (../shared is only beside the project checkout)\n")
        return True
    vader = Sentiment("vader")
    rows = sentiment.evaluate(folder, {
        "vader": lambda texts: [vader.compound(t) for t in texts],
        "ours": lambda texts: [scorer.sentiment.compound(t) for t in texts]})
    print(f"{'data set':<34} {'metric':<13} {'VADER':>7} {'ours':>7} {'change':>9}")
    worse = []
    for name, metric, v in rows:
        print(f"{name:<34} {metric:<13} {v['vader']:7.4f} {v['ours']:7.4f} "
              f"{v['ours'] - v['vader']:+9.5f}")
        if v["ours"] < v["vader"]:
            worse.append(name)
    results["sentiment"] = [{"data set": name, "metric": metric, "plain VADER": round(
        v["vader"], 4), "this scorer": round(v["ours"], 4)} for name, metric, v in rows]
    print("ours is worse than plain VADER on: " + ", ".join(worse) if worse else
          "ours is at least as good as plain VADER on every set")
    print()
    return not worse


def switching_report(shared: Path, scorer: Scorer, results: dict) -> None:
    print("== Switching ==")
    if (shared / switching.REAL_POSTS).is_file():
        rows = switching.labelled_titles(shared)
        kinds = [r["switch_kind"] for r in rows]
        n_leaving = sum(k in switching.LEAVING for k in kinds)
        print(f"Real Reddit titles ({switching.LABELS.relative_to(paths.ROOT)}): "
              f"{len(rows)} labelled posts, of which {n_leaving} leave/move and "
              f"{kinds.count('consider')} consider; the rest are negatives "
              f"({sum(bool(r['tag']) and r['tag'] != 'switch' for r in rows)} tagged hard "
              f"negatives).")
        result = switching.evaluate(rows, scorer)
        _table(result)
        results["switching on real Reddit titles"] = _rows(result, f"{len(rows)} titles")
        target = result["leave/move, right brands"]
        met = (target["precision"] or 0) >= TARGET_PRECISION and \
            (target["recall"] or 0) >= TARGET_RECALL
        print(f"target (leave/move with the right brands: precision >= {TARGET_PRECISION}, "
              f"recall >= {TARGET_RECALL}): {'met' if met else 'NOT met'}; with only "
              f"{n_leaving} real positives the recall is a count, not a stable rate.")
    else:
        print(f"skipped the real titles: {shared / switching.REAL_POSTS} is absent")
    examples = switching.own_examples()
    print(f"\nOur own examples ({switching.EXAMPLES.relative_to(paths.ROOT)}, "
          f"{len(examples)}, written to the labelling guide; the regression test pins them, "
          f"so they show coverage, not independent accuracy):")
    result = switching.evaluate(examples, scorer)
    _table(result)
    results["switching on the project's own examples"] = _rows(result, f"{len(examples)} posts")


def _table(result: dict) -> None:
    print(f"  {'':<26} {'precision':>15} {'recall':>15}")
    for name in MEASURES:
        r = result[name]
        print(f"  {name:<26} {_ratio(r['tp'], r['called']):>15} "
              f"{_ratio(r['tp'], r['actual']):>15}")
    alarms = result["false alarms by tag"]
    print("  false alarms (switching called on a negative): " +
          (", ".join(f"{tag} {n}" for tag, n in alarms.most_common()) or "none"))


def _rows(result: dict, labelled: str) -> list[dict]:
    return [{"measure": name, "labelled": labelled,
             "precision": _ratio(result[name]["tp"], result[name]["called"]),
             "recall": _ratio(result[name]["tp"], result[name]["actual"])} for name in MEASURES]


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/{b} = n/a"


if __name__ == "__main__":
    sys.exit(main())
