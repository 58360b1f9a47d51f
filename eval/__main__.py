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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=paths.ROOT.parent / "shared",
                   help="the shared data folder (default: ../shared beside the checkout)")
    args = p.parse_args(argv)
    scorer = Scorer(load_tracker(paths.DEFAULT_TRACKER))
    results = {"command": "make eval", "generated": date.today().isoformat(),
               "scorer_version": scorer.version}
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
    print("== Switching (leave/move with the right brands is the headline measure) ==")
    print(f"targets on the test splits: precision >= {TARGET_PRECISION}, recall >= "
          f"{TARGET_RECALL} (titles); dev splits may be tuned on, test splits never are\n")
    sets = []
    for name, (labels, titles) in switching.REAL_SETS.items():
        if (shared / titles).is_file():
            sets.append((name, switching.real_titles(shared, name)))
        else:
            print(f"skipped {name}: {shared / titles} is absent")
    sets.append(("our own posts by family", switching.families()))
    table = results.setdefault("switching", [])
    for name, rows in sets:
        for part in switching.SPLITS:
            chosen = switching.split(rows, part)
            pred = switching.predict(chosen, scorer)
            result = switching.evaluate(chosen, scorer, pred)
            n_leaving = sum(r["switch_kind"] in switching.LEAVING_KINDS for r in chosen)
            print(f"{name}, {part} split: {len(chosen)} posts, {n_leaving} leave/move")
            _table(result)
            table += [dict(row, set=name, split=part) for row in _rows(result, len(chosen))]
            if "family" in chosen[0]:
                families = switching.by_family(chosen, pred)
                print("  right per family: " + ", ".join(f"{f} {v}"
                                                           for f, v in families.items()))
            print()


def _table(result: dict) -> None:
    print(f"  {'':<26} {'precision':>15} {'recall':>15}")
    for name in switching.MEASURES:
        r = result[name]
        print(f"  {name:<26} {_ratio(r['tp'], r['called']):>15} "
              f"{_ratio(r['tp'], r['actual']):>15}")
    alarms = result["false alarms by tag"]
    print("  false alarms (switching called on a negative): " +
          (", ".join(f"{tag} {n}" for tag, n in alarms.most_common()) or "none"))


def _rows(result: dict, posts: int) -> list[dict]:
    return [{"measure": name, "posts": posts, **{k: result[name][k] for k in (
        "tp", "called", "actual")}} for name in switching.MEASURES]


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/{b} = n/a"


if __name__ == "__main__":
    sys.exit(main())
