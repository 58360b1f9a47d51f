"""Frames in, frames out: the figures the pages plot, computed from query results.

Pure functions with no I/O, named for what they return.
"""
from __future__ import annotations

import pandas as pd

DAILY_COLUMNS = ["date", "brand", "posts", "mean_sentiment", "negative_share", "leaving",
                 "arriving", "negative", "positive"]


def daily_backlash(mention_stats: pd.DataFrame, switch_stats: pd.DataFrame,
                   brands: list[str], start=None, end=None) -> pd.DataFrame:
    """One row per date and brand (every day in range, zeros where nothing was posted).

    posts = posts naming the brand; negative_share = negative posts / posts (NaN on days
    with no posts); leaving / arriving = posts reporting leaving / arriving at the brand.
    """
    frames = [f for f in (mention_stats, switch_stats) if not f.empty]
    if not frames or not brands:
        return pd.DataFrame(columns=DAILY_COLUMNS)
    days = pd.concat([f["date"] for f in frames])
    start = pd.Timestamp(start) if start is not None else days.min()
    end = pd.Timestamp(end) if end is not None else days.max()
    grid = pd.MultiIndex.from_product([pd.date_range(start, end, freq="D"), brands],
                                      names=["date", "brand"])
    out = pd.DataFrame(index=grid)
    for f in frames:
        out = out.join(f.set_index(["date", "brand"]), how="left")
    for col in ("posts", "negative", "positive", "leaving", "arriving"):
        out[col] = out[col].fillna(0).astype(int) if col in out else 0
    if "mean_sentiment" not in out:
        out["mean_sentiment"] = float("nan")
    out["mean_sentiment"] = out["mean_sentiment"].astype(float)
    out["negative_share"] = (out["negative"] / out["posts"].where(out["posts"] > 0)).astype(float)
    return out.reset_index()[DAILY_COLUMNS]


def rolling_share(daily_one_brand: pd.DataFrame, column: str, days: int = 7) -> pd.Series:
    """``column`` / posts over a trailing window of ``days`` (steadier than day by day
    for brands with a handful of posts a day); NaN until the window holds a post."""
    num = daily_one_brand[column].rolling(days, min_periods=1).sum()
    den = daily_one_brand["posts"].rolling(days, min_periods=1).sum()
    return num / den.where(den > 0)


def net_migration(daily: pd.DataFrame) -> pd.DataFrame:
    """Per date and brand: arriving minus leaving (positive = gaining users)."""
    out = daily[["date", "brand"]].copy()
    out["net"] = daily["arriving"] - daily["leaving"]
    return out


def best_rank_per_day(ranks: pd.DataFrame) -> pd.DataFrame:
    """The best (lowest) position each app held per day and chart."""
    if ranks.empty:
        return ranks
    day = ranks["captured_at"].dt.floor("D")
    return (ranks.assign(date=day)
            .groupby(["date", "store", "country", "chart", "brand"], as_index=False)["rank"].min())


def rank_lines(ranks: pd.DataFrame, snapshots: pd.DataFrame) -> pd.DataFrame:
    """Rank series ready to draw, with NaN where a line must break.

    A brand gets NaN at every snapshot of its chart where it was not listed (off the
    chart), and every chart gets a NaN row inside each hole in its own snapshot history
    (longer than twice its usual interval), so missing data never looks like a steady rank.
    """
    if ranks.empty:
        return ranks
    keys = ["store", "country", "chart"]
    out = []
    for key, snaps in snapshots.groupby(keys):
        times = pd.DatetimeIndex(sorted(snaps["captured_at"].unique()))
        step = pd.Series(times).diff().median() if len(times) > 2 else None
        if step is not None and pd.notna(step):
            holes = [a + step for a, b in zip(times[:-1], times[1:]) if b - a > 2 * step]
            times = times.append(pd.DatetimeIndex(holes)).sort_values()
        chart = ranks[(ranks[keys] == pd.Series(key, index=keys)).all(axis=1)]
        for brand, g in chart.groupby("brand"):
            series = g.drop_duplicates("captured_at").set_index("captured_at")["rank"]
            line = series.reindex(times).rename_axis("captured_at").reset_index()
            out.append(line.assign(brand=brand, **dict(zip(keys, key))))
    if not out:
        return ranks.iloc[0:0]
    return pd.concat(out, ignore_index=True)[["captured_at", *keys, "brand", "rank"]]
