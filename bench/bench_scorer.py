"""Posts per second: our full scorer (sentiment + per-brand sentiment + brands + switching,
``Scorer.score_frame``, all cores) against a plain vaderSentiment ``polarity_scores`` loop,
on the same texts in the same run. A benchmark to read, not a timed test.

Texts: every text of ``../shared/sentiment`` and ``../shared/real-posts`` when present
(about 30,000), else the demo simulation's posts; repeated to at least ``--min`` texts.
Usage: ``make bench-scorer`` or ``PYTHONPATH=. python bench/bench_scorer.py [--min N]``.
"""
from __future__ import annotations

import argparse
import csv
import time

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dashboard import paths
from dashboard.scoring import Scorer
from dashboard.scoring.parallel import cores
from dashboard.tracker import load_tracker
from eval.sentiment import HUTTO_SETS, hutto_set, tweeteval

SHARED = paths.ROOT.parent / "shared"


def texts_to_score() -> tuple[list[str], str]:
    """The benchmark's texts and where they came from."""
    folder, titles = SHARED / "sentiment", SHARED / "real-posts" / "reddit_ai_trends_2025.csv"
    if folder.is_dir() and titles.is_file():
        texts = [t for name in HUTTO_SETS for t in hutto_set(folder, name)[0]]
        texts += tweeteval(folder)[0]
        with open(titles, newline="", encoding="utf-8") as f:
            texts += [r["title"] for r in csv.DictReader(f)]
        return texts, "../shared/sentiment and ../shared/real-posts"
    import numpy as np

    from dashboard.demo import SEED, load_calibration, simulate_posts
    frame = simulate_posts(load_tracker(paths.DEFAULT_TRACKER), load_calibration(),
                           np.random.default_rng(SEED))
    return frame["text"].tolist(), "the demo simulation (../shared is absent)"


def rate(n: int, run) -> float:
    start = time.perf_counter()
    run()
    return n / (time.perf_counter() - start)


def full_and_vader(texts: list[str]) -> tuple[float, float]:
    """Posts per second of the full scorer (``score_frame``, all cores) and of a plain
    vaderSentiment ``polarity_scores`` loop, on ``texts``."""
    analyzer = SentimentIntensityAnalyzer()
    full = Scorer(load_tracker(paths.DEFAULT_TRACKER))
    frame = pd.DataFrame({"text": texts})
    return (rate(len(texts), lambda: full.score_frame(frame)),
            rate(len(texts), lambda: [analyzer.polarity_scores(t) for t in texts]))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--min", type=int, default=60_000, help="texts at least (default 60,000)")
    args = p.parse_args()
    texts, origin = texts_to_score()
    texts = texts * -(-args.min // len(texts))
    frame = pd.DataFrame({"text": texts})
    tracker = load_tracker(paths.DEFAULT_TRACKER)
    full, vader = Scorer(tracker), Scorer(tracker, "vader")
    print(f"{len(texts):,} texts from {origin}; {cores()} cores")
    full_rate, base = full_and_vader(texts)
    results = [
        ("plain vaderSentiment polarity_scores loop, 1 core", base),
        ("full scorer, score_frame (all cores)", full_rate),
        ("full scorer, one process (Scorer.rows)",
         rate(len(texts), lambda: full.rows(texts))),
        ("--scorer vader, score_frame (all cores)",
         rate(len(texts), lambda: vader.score_frame(frame))),
    ]
    for name, posts_per_s in results:
        print(f"{name:<50} {posts_per_s:>9,.0f} posts/s  {posts_per_s / base:5.2f}x")
    print("target (full scorer at least as fast as the plain loop): " +
          ("met" if full_rate >= base else "NOT met"))


if __name__ == "__main__":
    main()
