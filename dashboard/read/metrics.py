"""Frames in, frames out: the figures the pages plot, computed from query results.

Pure functions with no I/O, named for what they return.

May import: vocabulary (pandas otherwise).
"""
from __future__ import annotations

import json

import pandas as pd

from dashboard.vocabulary import STREAM_STATS

DAILY_COLUMNS = ["date", "brand", "posts", "mean_sentiment", "negative_share", "leaving",
                 "arriving", "negative", "positive"]
COUNTS = ("posts", "negative", "positive", "leaving", "arriving")


def daily_backlash(mention_stats: pd.DataFrame, switch_stats: pd.DataFrame,
                   brands: list[str], start=None, end=None, freq: str = "D") -> pd.DataFrame:
    """One row per date (or hour, freq="h") and brand, every one in range, zeros where
    nothing was posted.

    posts = posts naming the brand; negative_share = negative posts / posts (NaN with no
    posts); leaving / arriving = posts reporting leaving / arriving at the brand.
    """
    frames = [f for f in (mention_stats, switch_stats) if not f.empty]
    if not frames or not brands:  # typed, so that sums and differences still work
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                             "brand": pd.Series(dtype=object),
                             **{c: pd.Series(dtype=int if c in COUNTS else float)
                                for c in DAILY_COLUMNS[2:]}})[DAILY_COLUMNS]
    days = pd.concat([f["date"] for f in frames])
    start = pd.Timestamp(start) if start is not None else days.min().floor("D")
    end = pd.Timestamp(end) if end is not None else days.max().floor("D")
    times = pd.date_range(start, end + pd.Timedelta(days=1), freq=freq, inclusive="left")
    grid = pd.MultiIndex.from_product([times, brands], names=["date", "brand"])
    out = pd.DataFrame(index=grid)
    for f in frames:
        out = out.join(f.set_index(["date", "brand"]), how="left")
    for col in COUNTS:
        out[col] = out[col].fillna(0).astype(int) if col in out else 0
    if "mean_sentiment" not in out:
        out["mean_sentiment"] = float("nan")
    out["mean_sentiment"] = out["mean_sentiment"].astype(float)
    out["negative_share"] = (out["negative"] / out["posts"].where(out["posts"] > 0)).astype(float)
    return out.reset_index()[DAILY_COLUMNS]


def dense_start(per_day: pd.DataFrame, share: float = 0.01, gap_days: int = 30):
    """Where the default date range starts, so a few stray old posts do not stretch every
    view: from the day by which ``share`` of the posts were written, back through the
    days before it while no gap of more than ``gap_days`` without posts separates them.
    ``per_day`` has ``day`` and ``posts`` (``queries.posts_per_day``); None when empty."""
    if per_day.empty:
        return None
    days = pd.to_datetime(per_day["day"]).reset_index(drop=True)
    cumulative = per_day["posts"].reset_index(drop=True).cumsum()
    i = int((cumulative > share * cumulative.iloc[-1]).idxmax())
    while i > 0 and (days[i] - days[i - 1]).days <= gap_days:
        i -= 1
    return days[i].date()


def rolling_share(daily_one_brand: pd.DataFrame, column: str, days: int = 7) -> pd.Series:
    """``column`` / posts over a trailing window of ``days`` (steadier than day by day
    for brands with a handful of posts a day); NaN until the window holds a post."""
    num = daily_one_brand[column].rolling(days, min_periods=1).sum()
    den = daily_one_brand["posts"].rolling(days, min_periods=1).sum()
    return num / den.where(den > 0)


def rolling_ratings(ratings: pd.DataFrame, days: int = 7) -> pd.DataFrame:
    """Per brand, store and day from the first day to the last of ``ratings`` (the
    ``ratings`` table): ``reviews`` that day (0 without) and, over the trailing ``days``,
    ``mean_rating`` and ``one_star_share`` weighted by reviews (NaN with none: a few reviews
    a day swing too much to read day by day)."""
    if ratings.empty:
        return ratings
    every = pd.date_range(ratings["date"].min(), ratings["date"].max(), freq="D", name="date")
    out = []
    for (brand, store), g in ratings.groupby(["brand", "store"], sort=False):
        g = g.set_index("date").reindex(every)
        reviews = g["reviews"].fillna(0)
        window = reviews.rolling(days, min_periods=1).sum().where(lambda n: n > 0)
        roll = lambda col: (g[col] * reviews).fillna(0).rolling(days, min_periods=1).sum()
        out.append(pd.DataFrame({"brand": brand, "store": store, "reviews": reviews.astype(int),
                                 "mean_rating": roll("mean_rating") / window,
                                 "one_star_share": roll("one_star_share") / window}
                                ).reset_index())
    return pd.concat(out, ignore_index=True)


def net_migration(daily: pd.DataFrame) -> pd.DataFrame:
    """Per date and brand: arriving minus leaving (positive = gaining users)."""
    out = daily[["date", "brand"]].copy()
    out["net"] = daily["arriving"] - daily["leaving"]
    return out


def rank_lines(ranks: pd.DataFrame, snapshots: pd.DataFrame) -> pd.DataFrame:
    """Rank series ready to draw, with NaN where a line must break.

    A brand gets NaN at every snapshot of its chart where it was not listed (off the
    chart), and every chart gets a NaN row inside each hole in its own snapshot history
    (longer than twice its usual interval), so missing data never looks like a steady rank.
    """
    if ranks.empty:
        return ranks
    keys = ["store", "country", "chart"]
    charts = dict(iter(ranks.groupby(keys)))
    out = []
    for key, snaps in snapshots.groupby(keys):
        times = pd.DatetimeIndex(sorted(snaps["captured_at"].unique()))
        step = pd.Series(times).diff().median() if len(times) > 2 else None
        if step is not None and pd.notna(step):
            holes = [a + step for a, b in zip(times[:-1], times[1:]) if b - a > 2 * step]
            times = times.append(pd.DatetimeIndex(holes)).sort_values()
        if key not in charts:
            continue
        # one brand per column, every snapshot time a row: a chart at a time, not a line
        wide = (charts[key].drop_duplicates(["captured_at", "brand"])
                .pivot(index="captured_at", columns="brand", values="rank").reindex(times))
        lines = wide.rename_axis("captured_at").melt(ignore_index=False, value_name="rank")
        out.append(lines.reset_index().assign(**dict(zip(keys, key))))
    if not out:
        return ranks.iloc[0:0]
    return pd.concat(out, ignore_index=True)[["captured_at", *keys, "brand", "rank"]]


def headline(daily: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """Per brand: this period's posts, negative share, leaving, arriving, net, and the change
    against the previous period of the same length (``*_change`` columns)."""
    def totals(d: pd.DataFrame) -> pd.DataFrame:
        t = d.groupby("brand", sort=False)[["posts", "negative", "leaving", "arriving"]].sum()
        t["negative_share"] = t["negative"] / t["posts"].where(t["posts"] > 0)
        t["net"] = t["arriving"] - t["leaving"]
        return t
    now, before = totals(daily), totals(previous).reindex(totals(daily).index)
    out = now[["posts", "negative_share", "leaving", "arriving", "net"]].copy()
    for col in out.columns:
        out[f"{col}_change"] = now[col] - before[col].fillna(0 if col != "negative_share"
                                                                else float("nan"))
    return out.reset_index()


def spikes(daily: pd.DataFrame, window: int = 14, factor: float = 2.5,
           min_posts: int = 20, column: str = "posts") -> pd.DataFrame:
    """Days where a brand's posts (or the posts counted in another ``column``: leaving,
    arriving) break out of their own recent level.

    The baseline is the median of the previous ``window`` days (at least 5 of them); a day
    is a spike when it has at least ``min_posts`` posts and ``factor`` times the baseline.
    Consecutive spike days form one episode, reported at its peak day.
    """
    cols = ["brand", "start", "end", "peak", "posts", "baseline", "ratio"]
    if daily.empty:
        return pd.DataFrame(columns=cols)
    # every brand at once: a column per brand, a row per date
    posts = daily.pivot_table(index="date", columns="brand", values=column,
                              aggfunc="sum").astype(float)
    baselines = posts.shift(1).rolling(window, min_periods=5).median()
    hot = (posts >= min_posts) & (posts >= factor * baselines.clip(lower=1))
    rows = []
    for brand in hot.columns[hot.any()]:
        is_hot, base = hot[brand], baselines[brand]
        episode = (is_hot != is_hot.shift(fill_value=False)).cumsum()[is_hot]
        for _, days in posts.loc[is_hot, brand].groupby(episode):
            peak = days.idxmax()
            rows.append({"brand": brand, "start": days.index.min(), "end": days.index.max(),
                         "peak": peak, "posts": int(days.max()),
                         "baseline": float(base[peak]), "ratio": float(days.max() /
                                                                       max(base[peak], 1))})
    return pd.DataFrame(rows, columns=cols).sort_values("ratio", ascending=False,
                                                        ignore_index=True)


STOPWORDS = frozenset("""a about after again all also am an and any are as at be because been
before being but by can could did do does doing don done for from get got had has have having
he her here him his how i if in into is it its it's just me more most my no not now of off on
once only or other our out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where
which while who why will with would you your i'm i've don't can't won't it’s i’m
""".split())


def breakout_terms(spike_texts: list[str], baseline_texts: list[str], exclude: set[str],
                   top: int = 12, min_count: int = 3) -> pd.DataFrame:
    """Words much more frequent in the spike than in the baseline (smoothed log ratio).

    ``exclude`` holds words never worth reporting (e.g. the brand's own aliases).
    """
    def counts(texts):
        words = pd.Series(" ".join(texts).lower().split())
        words = words.str.strip(".,!?;:()[]\"'“”’-—#*")
        words = words[(words.str.len() > 2) & words.str.isalpha() & ~words.isin(STOPWORDS)
                      & ~words.isin(exclude)]
        return words.value_counts()
    hot, base = counts(spike_texts), counts(baseline_texts)
    if hot.empty:
        return pd.DataFrame(columns=["term", "count", "lift"])
    base = base.reindex(hot.index, fill_value=0)
    n_hot, n_base = max(1, hot.sum()), max(1, base.sum())
    lift = ((hot + 1) / n_hot) / ((base + 1) / (n_base + len(hot)))
    frame = pd.DataFrame({"term": hot.index, "count": hot.values, "lift": lift.values})
    frame = frame[frame["count"] >= min_count]
    return frame.sort_values(["lift", "count"], ascending=False).head(top).reset_index(drop=True)


def share_of_voice(daily: pd.DataFrame, freq: str = "W-MON") -> pd.DataFrame:
    """Each brand's share of all brand mentions per period (weeks starting Monday)."""
    if daily.empty:
        return pd.DataFrame(columns=["date", "brand", "posts", "share"])
    g = (daily.groupby([pd.Grouper(key="date", freq=freq, label="left", closed="left"),
                        "brand"], sort=False)["posts"].sum().reset_index())
    total = g.groupby("date")["posts"].transform("sum")
    return g.assign(share=g["posts"] / total.where(total > 0))


def cumulative_net(daily: pd.DataFrame) -> pd.DataFrame:
    """Per brand, arriving minus leaving summed from the start of the period."""
    out = net_migration(daily).sort_values("date")
    out["cumulative"] = out.groupby("brand")["net"].cumsum()
    return out


def daily_reasons(matches: pd.DataFrame) -> pd.DataFrame:
    """Per date, brand and reason (its name), from ``reasons.reason_matches`` rows: how
    many posts give it (days without are left out)."""
    if matches.empty:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                             "brand": pd.Series(dtype=object), "reason": pd.Series(dtype=object),
                             "posts": pd.Series(dtype=int)})
    return (matches.groupby(["date", "brand", "reason"]).size().rename("posts")
            .reset_index()[["date", "brand", "reason", "posts"]])


def reason_examples(matches: pd.DataFrame, order: list[str], per_reason: int = 5
                    ) -> pd.DataFrame:
    """The ``per_reason`` most engaged posts giving each reason (newest first on a tie),
    the reasons in ``order`` (their names)."""
    ranked = matches.sort_values(["engagement", "created_at"], ascending=False,
                                 na_position="last", kind="stable")
    top = ranked.groupby("reason", sort=False).head(per_reason)
    return top.sort_values("reason", key=lambda r: r.map(order.index), kind="stable",
                           ignore_index=True)


def stream_figures(latest_runs: pd.DataFrame) -> pd.DataFrame:
    """Per streaming source, what its latest run measured (runs.stats), one column per
    ``STREAM_STATS`` entry named as readers see it; empty when no source streams."""
    streaming = latest_runs[latest_runs["stats"].notna()]
    figures = pd.DataFrame([json.loads(s) for s in streaming["stats"]],
                           columns=list(STREAM_STATS))
    figures.insert(0, "source", streaming["source"].tolist())
    return figures.rename(columns=STREAM_STATS)
