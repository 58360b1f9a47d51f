"""Seeded benchmark data: N posts over a year, and a year of daily app-store snapshots.

Posts reuse the demo's wording and story (``dashboard/demo.py``: its templates, brand mix,
post types and backlash curves, which are flat before the demo's window), spread over the
year ending on the demo's last day and written as one CSV per source, ready for
``python -m dashboard import``. Ranks are daily App Store top-free snapshots of ``APPS``
apps in the tracker's countries (five), a seeded random walk. The same ``(n, seed)`` always
gives the same files.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.demo import (_DIURNAL, END, REVIEWS, SOCIAL, STARS, VOLUMES, _names, _Writer,
                            intensity_curves, load_calibration)
from dashboard.events import load_events
from dashboard.tracker import Tracker

SEED = 6
DAYS = 365
APPS = 10  # the tracker's apps first, then untracked ones to fill the chart
PART_ROWS = 1_000_000  # rows per generated file at most (the importer takes 2M)
# where and when each post was written, two of these at its end: the demo's templates alone
# would make most posts of a large store near-identical copies of one another (stories.py),
# which real posts are not
DETAILS = ["today", "tonight", "this week", "at work", "at home", "on mobile", "on desktop",
           "from the train", "after lunch", "before bed", "on my laptop", "on my phone",
           "this morning", "this evening", "last night", "over coffee", "at school",
           "on break", "in the office", "on the weekend"]


def year() -> pd.DatetimeIndex:
    return pd.date_range(END - timedelta(days=DAYS - 1), END, freq="D")


def _cell_counts(n: int, days: pd.DatetimeIndex, rng) -> tuple[np.ndarray, dict]:
    """Posts per (day, post type): the demo's daily rates scaled to ``n`` in total."""
    curves = intensity_curves(load_calibration(), days)
    curves["mix"] = curves["backlash"] ** 0.6 * curves["rival"] ** 0.7
    event_days = np.isin(days.date, load_events()["date"].dt.date.to_numpy())
    rates = np.stack([base * (curves[curve] ** power if curve else np.ones(len(days)))
                      * np.where(event_days & (kind == "news"), 4, 1)
                      for kind, (base, curve, power) in VOLUMES.items()], axis=1)
    counts = rng.multinomial(n, (rates / rates.sum()).ravel()).reshape(rates.shape)
    return counts, curves


def posts_frame(tracker: Tracker, n: int, seed: int = SEED) -> pd.DataFrame:
    """``n`` unscored posts in the importer's columns plus ``source``.

    A third of the posts say their piece twice (two of the type's templates about the same
    brands), so texts vary in length and wording.
    """
    rng = np.random.default_rng(seed)
    days = year()
    counts, curves = _cell_counts(n, days, rng)
    day_of = np.repeat(np.arange(len(days)), counts.sum(axis=1))
    kind_of = np.concatenate([np.repeat(np.arange(len(VOLUMES)), row) for row in counts])
    kinds = np.array(list(VOLUMES))[kind_of]
    review = np.char.startswith(kinds.astype(str), "review")
    sources = np.where(review, _draw(rng, REVIEWS, n), _draw(rng, SOCIAL, n))
    heat = curves["backlash"][day_of]
    w = _Writer(tracker, rng)
    texts, communities = [], []
    for kind, source, h, again in zip(kinds, sources, heat, rng.random(n) < 1 / 3):
        names = _names(w, kind, (h - 1) / h)  # the share of switching due to the backlash
        text = w.text(kind, **names)
        if again:
            text = f"{text} {w.text(kind, **names)}"
        if kind.startswith("review"):
            text = f"{w.pick(w.types[kind]['title'])}. {text}"
        a, b = rng.integers(len(DETAILS), size=2)
        texts.append(f"{text} Written {DETAILS[a]}, {DETAILS[b]}.")
        communities.append(w.community(source, names.get("brand") or names.get("from")
                                       or names.get("to")))
    seconds = rng.choice(24, size=n, p=_DIURNAL) * 3600 + rng.integers(3600, size=n)
    rating = [int(rng.choice(STARS[k])) if k in STARS else None for k in kinds]
    return pd.DataFrame({
        "id": [f"b{i:07d}" for i in range(n)], "source": sources,
        "created_at": days[day_of] + pd.to_timedelta(seconds, unit="s"),
        "author": [f"u{a}" for a in rng.integers(200_000, size=n)], "text": texts,
        "community": communities, "rating": rating,
        "score": rng.lognormal(np.log(4 + 3 * heat), 1.2).astype(int)})


def _draw(rng, weights: dict[str, float], size: int) -> np.ndarray:
    p = np.array(list(weights.values()))
    return rng.choice(list(weights), size=size, p=p / p.sum())


def write_post_files(tracker: Tracker, n: int, folder: Path, seed: int = SEED) -> list[Path]:
    """CSVs of each source's posts under ``folder``, ``<source>.<part>.csv`` of at most
    ``PART_ROWS`` rows each (``source_of`` names the source); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = posts_frame(tracker, n, seed)
    frame["created_at"] = frame["created_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    paths = []
    for source, rows in frame.groupby("source", sort=True):
        for k, start in enumerate(range(0, len(rows), PART_ROWS), 1):
            path = folder / f"{source}.{k}.csv"
            rows.iloc[start:start + PART_ROWS].drop(columns="source").to_csv(path, index=False)
            paths.append(path)
    return paths


def source_of(path: Path) -> str:
    """The source a generated file's posts are from."""
    return path.name.split(".")[0]


def ranks_frame(tracker: Tracker, seed: int = SEED) -> pd.DataFrame:
    """Daily App Store top-free snapshots over the year: ``APPS`` apps per country."""
    rng = np.random.default_rng(seed + 1)
    apps = [(b.name, b.app("app_store").app_id) for b in tracker.brands if b.app("app_store")]
    apps += [(None, f"other-{k}") for k in range(APPS - len(apps))]
    when = year() + pd.Timedelta(hours=12)
    rows = []
    for country in tracker.charts.countries:
        level = rng.uniform(1, 150, size=len(apps))
        steps = rng.normal(0, 0.08, size=(len(when), len(apps))).cumsum(axis=0)
        ranks = np.clip(level * np.exp(steps), 1, 200)
        for t, row in zip(when, ranks):
            taken = 0  # positions are distinct; apps past the chart's limit are not listed
            for k in np.argsort(row):
                taken = max(int(round(row[k])), taken + 1)
                if taken <= tracker.charts.limit:
                    brand, app_id = apps[k]
                    rows.append({"captured_at": t, "store": "app_store", "country": country,
                                 "chart": "top-free", "app_id": app_id,
                                 "app_name": brand or app_id, "brand": brand, "rank": taken})
    return pd.DataFrame(rows)
