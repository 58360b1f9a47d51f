"""``python -m eval [--shared DIR]`` (``make eval``): plain VADER against our scorer on public
sentiment data, switching detection on labelled real posts and on our own examples, and
the tracker's reasons for leaving on labelled leaving posts.

Reads ``../shared`` beside the checkout by default and skips, saying why, whatever is
absent. Every sentiment set is reported per split (``eval/sentiment.py``), then the effect
of each of our changes to VADER (``eval/sentiment_changes.py``). Exit status 1 when our
scorer is worse than plain VADER on the store reviews or on the test split of either tweet
set, or when a change to VADER fails the admission rule (it must help on data it was not
tuned on and hurt none). The figures also go to ``data/eval/results.json`` (committed; the
sections this run does not write are kept), which the dashboard's About page shows; a run
without ../shared leaves that file as it is.
"""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date
from pathlib import Path

from dashboard import paths
from dashboard.scoring import Scorer
from dashboard.scoring.lexicon import FIELD_LEXICON, load_entries
from dashboard.scoring.sentiment import RULES, Sentiment
from dashboard.tracker import load_tracker
from eval import reasons, sentiment, sentiment_changes, switching

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
    reasons_report(args.shared, scorer, results)
    if "sentiment" in results:
        save(results)
        print(f"\nwrote {RESULTS.relative_to(paths.ROOT)}")
    return 0 if ok else 1


def save(results: dict) -> None:
    """Write ``results`` to RESULTS, keeping the sections of the file it does not have."""
    stored = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**stored, **results}, indent=1) + "\n")


def sentiment_report(shared: Path, scorer: Scorer, results: dict) -> bool:
    """Plain VADER against our scorer per set and split, then what each of our changes to
    VADER does; False when ours is worse on a guarded split or a change fails the
    admission rule (``eval/sentiment_changes.py``)."""
    print("== Sentiment: plain VADER (vaderSentiment 3.3.2) vs our scorer ==")
    sets, missing = sentiment.load_sets(shared)
    for reason in missing:
        print(f"skipped {reason} (../shared is only beside the project checkout)")
    if not sets:
        print()
        return True
    print("dev: lexicon entries and rules may be shaped on it; test: only measures; all: "
          "never tuned on.\n* guarded: make eval fails if ours is worse than plain VADER "
          "there")
    vader = Sentiment("vader")
    rows = sentiment.evaluate(sets, {"vader": vader.compounds,
                                     "ours": scorer.sentiment.compounds})
    print(f"  {'data set':<22} {'split':<5} {'metric':<13} {'n':>6} {'VADER':>7} "
          f"{'ours':>7} {'change':>8}  labels")
    worse = []
    for r in rows:
        guarded = (r["set"], r["split"]) in sentiment.GUARDED
        print(f"{'*' if guarded else ' '} {r['set']:<22} {r['split']:<5} {r['metric']:<13} "
              f"{r['n']:>6,} {r['vader']:7.4f} {r['ours']:7.4f} "
              f"{r['ours'] - r['vader']:+8.4f}  {r['counts']}")
        if guarded and r["ours"] < r["vader"]:
            worse.append(f"{r['set']} {r['split']} ({r['metric']})")
    results["sentiment"] = [{
        "data set": r["set"], "split": r["split"], "metric": r["metric"], "n": r["n"],
        **({"labels": r["counts"]} if r["counts"] else {}),
        "plain VADER": round(r["vader"], 4), "this scorer": round(r["ours"], 4)}
        for r in rows]
    print("ours is worse than plain VADER on: " + ", ".join(worse) if worse else
          "ours is at least as good as plain VADER on every guarded split")
    return changes_report(sets, scorer) and not worse


def changes_report(sets: list, scorer: Scorer) -> bool:
    """The ablation table; False if a change fails the admission rule."""
    entries = load_entries([FIELD_LEXICON, *scorer.tracker.lexicon])
    ablation = sentiment_changes.Ablation(sets, entries, RULES)
    verdicts = ablation.verdicts()
    print("\n== Sentiment: what each change to VADER does (ours minus ours without it, "
          "x 1e-4) ==")
    print("kept only if it helps on a held-out measure (store reviews, test splits) and "
          "hurts none\n")
    print(sentiment_changes.table(ablation, verdicts))
    failing = [str(v.change) for v in verdicts if not v.keep]
    print("\n" + textwrap.fill("changes that do not earn their place (make eval fails): " +
                              ", ".join(failing), 100, subsequent_indent="  ")
          if failing else f"\nall {len(verdicts)} changes earn their place")
    print()
    return not failing


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
                for batch, (written, got) in switching.by_batch(chosen, pred).items():
                    r = switching.evaluate(written, scorer, got)["leave/move, right brands"]
                    print(f"  {batch}: leave/move with the right brands, precision "
                          f"{switching.ratio(r['tp'], r['called'])}, "
                          f"recall {switching.ratio(r['tp'], r['actual'])}")
            print()


def reasons_report(shared: Path, scorer: Scorer, results: dict) -> None:
    """Each reason's precision and recall per labelled set and split."""
    print("== Reasons for leaving (the tracker's phrases; dev: shaped on, test: only "
          "measured) ==")
    rows, skipped = reasons.labelled(shared)
    for reason in skipped:
        print(f"skipped {reason}")
    measured = reasons.evaluate(rows, scorer.tracker)
    results["reasons"] = measured
    for key in dict.fromkeys((r["set"], r["split"]) for r in measured):
        part = [r for r in measured if (r["set"], r["split"]) == key]
        print(f"{key[0]}, {key[1]} split: {part[0]['posts']} posts")
        print(f"  {'':<12} {'precision':>15} {'recall':>15}")
        for r in part:
            print(f"  {r['reason']:<12} {switching.ratio(r['tp'], r['called']):>15} "
                  f"{switching.ratio(r['tp'], r['actual']):>15}")
        print()


def _table(result: dict) -> None:
    print(f"  {'':<26} {'precision':>15} {'recall':>15}")
    for name in switching.MEASURES:
        r = result[name]
        print(f"  {name:<26} {switching.ratio(r['tp'], r['called']):>15} "
              f"{switching.ratio(r['tp'], r['actual']):>15}")
    alarms = result["false alarms by tag"]
    print("  false alarms (switching called on a negative): " +
          (", ".join(f"{tag} {n}" for tag, n in alarms.most_common()) or "none"))


def _rows(result: dict, posts: int) -> list[dict]:
    return [{"measure": name, "posts": posts, **{k: result[name][k] for k in (
        "tp", "called", "actual")}} for name in switching.MEASURES]


if __name__ == "__main__":
    sys.exit(main())
