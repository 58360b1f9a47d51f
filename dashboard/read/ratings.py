"""Review stars over time: per app (a brand's app in one store) and day, how many reviews
came in, their mean stars and the share that gave one star, from the stored App Store and
Google Play reviews (the App ranks page, ``export --table ratings``).

May import: the foundation (tracker, vocabulary) and the rest of the read side.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from dashboard.read.filters import Filters
from dashboard.read.queries import review_days
from dashboard.tracker import Tracker
from dashboard.vocabulary import REVIEW_SOURCES

COLUMNS = ["date", "brand", "store", "reviews", "mean_rating", "one_star_share"]


def daily_ratings(days: pd.DataFrame, tracker: Tracker, brands: tuple[str, ...] = ()
                  ) -> pd.DataFrame:
    """``review_days`` per date, brand and store (``app_store``, ``google_play``): reviews,
    mean stars, one-star share; reviews of apps the tracker does not follow are left out,
    and so are brands not in ``brands`` (when given)."""
    store = days["source"].map(REVIEW_SOURCES)
    brand = [tracker.brand_for_app(s, a) if isinstance(s, str) else None
             for s, a in zip(store, days["app_id"])]
    # PostgreSQL's AVG is a Decimal
    known = days.assign(store=store, brand=brand,
                        stars=days["mean_rating"].astype(float) * days["reviews"])
    known = known[known["brand"].notna() & (known["brand"].isin(brands) if brands else True)]
    if known.empty:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                             **{c: pd.Series(dtype=object) for c in ("brand", "store")},
                             "reviews": pd.Series(dtype=int),
                             **{c: pd.Series(dtype=float) for c in COLUMNS[4:]}})
    # an app reviewed in several countries is one app: add its days up
    out = (known.groupby(["date", "brand", "store"], as_index=False)
           [["reviews", "stars", "one_star"]].sum())
    out["mean_rating"] = out["stars"] / out["reviews"]
    out["one_star_share"] = out["one_star"] / out["reviews"]
    return out.astype({"reviews": int})[COLUMNS].sort_values(["date", "brand", "store"],
                                                             ignore_index=True)


def ratings_table(engine: Engine, tracker: Tracker, f: Filters = Filters()) -> pd.DataFrame:
    """``daily_ratings`` of the reviews in ``f`` (every brand when none is picked)."""
    return daily_ratings(review_days(engine, f), tracker, f.brands)
