"""The built-in demo store: a seeded simulation of a backlash-and-switching episode.

Shaped to the figures in ``data/demo/calibration.csv`` (each with its public source): the
day-over-day jumps in ChatGPT uninstalls and one-star reviews (and the weekend's halving of
its five-star ones), Claude's download growth, and Claude's climb from outside the US top
100 through ~#42 and #6 to #1 on 2026-02-28. Before that, a smaller episode follows the
real removal of GPT-4o on 2026-02-13. The reasons leaving posts give follow the story
(``REASON_MIX``: the model's removal in mid-February, the Pentagon deal from late
February). Everything else (volumes, wording, star mix, other apps' ranks) is invented.
The post texts come from ``data/demo/texts.toml``; a post whose wording another used in the
days before gets a few words more (the templates repeat, people seldom do: the dashboard
would count them as one story), and some news and leaving posts are posted again
elsewhere within hours, as people repost, so the dashboard has copies to count once.
Every row is flagged ``simulated``; the same seed always gives the same store.

The story needs its two brands: a tracker without brands named ChatGPT and Claude is
refused (``check_tracker``) with a one-line error rather than simulated. The CLI's
``demo`` command and ``make run`` build the demo; the app only reads it.

May import: the foundation, scoring and the write side (it writes a store like a
collector); never the read side or the app.
"""
from __future__ import annotations

import csv
import re
import tomllib
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Engine, delete

from dashboard import paths
from dashboard.errors import UserError
from dashboard.events import load_events
from dashboard.paths import DATA
from dashboard.scoring import Scorer
from dashboard.stories import WINDOW, wording_key
from dashboard.tracker import Tracker, load_tracker
from dashboard.vocabulary import APP_STORE, CONSIDER, FAILED, GOOGLE_PLAY, LEAVE, MOVE, OK, RETURN
from dashboard.write.ingest import pseudonymise, save_posts
from dashboard.write.schema import app_ranks, posts, runs
from dashboard.write.store import get_meta, open_store, set_meta, write_ranks, write_runs

SEED = 2026
VERSION = 3  # bump when the simulation changes, so `make run` rebuilds an older demo store
START, END = date(2026, 1, 12), date(2026, 4, 19)
TARGET, RIVAL = "ChatGPT", "Claude"  # the brand under fire and the one people move to
SOCIAL = {"reddit": 0.45, "bluesky": 0.2, "mastodon": 0.12, "hackernews": 0.1}
REVIEWS = {"app_store_reviews": 0.6, "google_play_reviews": 0.4}
OUTAGES = {  # simulated collector failures, so the dashboard shows "unavailable" days
    "bluesky": [date(2026, 3, 10), date(2026, 3, 11)],
    "app_store_charts": [date(2026, 3, 8), date(2026, 3, 9)],
}
CALIBRATION = DATA / "demo" / "calibration.csv"
TEXTS = DATA / "demo" / "texts.toml"


def load_calibration() -> dict[str, tuple[date, float]]:
    """key -> (date, value) from the project's calibration file."""
    with open(CALIBRATION, newline="", encoding="utf-8") as f:
        return {r["key"]: (date.fromisoformat(r["date"]), float(r["value"]))
                for r in csv.DictReader(f)}


def _curve(anchors: list[tuple[date | datetime, float]], when: pd.DatetimeIndex) -> np.ndarray:
    """Log-linear interpolation through dated anchor values (flat beyond the ends)."""
    xs = np.array([pd.Timestamp(d).value for d, _ in anchors], dtype=float)
    ys = np.log([v for _, v in anchors])
    return np.exp(np.interp(when.as_unit("ns").asi8.astype(float), xs, ys))


def intensity_curves(cal: dict, days: pd.DatetimeIndex) -> dict[str, np.ndarray]:
    """Daily multipliers (quiet baseline = 1) for the three forces in the story."""
    d = lambda m, dd: date(2026, m, dd)
    pct = lambda k: 1 + cal[k][1] / 100
    fri = 2.3  # Friday's level; Saturday's uninstall jump is the calibrated factor
    backlash = _curve([(d(1, 12), 1), (d(2, 4), 1), (d(2, 5), 1.5), (d(2, 12), 1.4),
                       (d(2, 13), 5.5), (d(2, 14), 3.2), (d(2, 16), 1.9), (d(2, 20), 1.5),
                       (d(2, 26), 1.4), (d(2, 27), fri),
                       (d(2, 28), fri * pct("chatgpt_us_uninstalls_dod_pct")),
                       (d(3, 1), fri * pct("chatgpt_us_uninstalls_dod_pct") * 1.2),
                       (d(3, 2), 10), (d(3, 3), 8), (d(3, 5), 5.5), (d(3, 12), 3),
                       (d(3, 26), 1.8), (d(4, 19), 1.3)], days)
    star1 = 1.5 * pct("chatgpt_one_star_reviews_dod_pct_day1")
    reviews = _curve([(d(1, 12), 1), (d(2, 12), 1), (d(2, 13), 2.5), (d(2, 16), 1.3),
                      (d(2, 27), 1.5),
                      (d(2, 28), star1),
                      (d(3, 1), star1 * pct("chatgpt_one_star_reviews_dod_pct_day2")),
                      (d(3, 2), 14), (d(3, 4), 6), (d(3, 10), 2.5), (d(4, 19), 1.2)], days)
    jan, feb, mar = (cal[k][1] for k in ("claude_mobile_dau_early_jan",
                                         "claude_mobile_dau_early_feb", "claude_mobile_dau_mar2"))
    thu = 2.2
    fri_c = thu * pct("claude_us_downloads_dod_pct_day1")
    sat_c = fri_c * pct("claude_us_downloads_dod_pct_day2")
    rival = _curve([(d(1, 12), 1), (cal["claude_mobile_dau_early_feb"][0], feb / jan),
                    (d(2, 24), 2.0), (d(2, 26), thu), (d(2, 27), fri_c), (d(2, 28), sat_c),
                    (d(3, 1), sat_c * 1.2), (d(3, 2), sat_c * 1.3), (d(3, 6), 5),
                    (d(3, 20), 3.5), (d(4, 19), mar / jan)], days)
    # ChatGPT's five-star reviews: down by the calibrated share over the weekend of the deal
    half = pct("chatgpt_five_star_reviews_change_pct_weekend")
    fans = _curve([(d(1, 12), 1), (d(2, 12), 1), (d(2, 13), 0.8), (d(2, 16), 1),
                   (d(2, 27), 1), (d(2, 28), half), (d(3, 1), half), (d(3, 8), 0.8),
                   (d(4, 19), 0.95)], days)
    return {"backlash": backlash, "reviews": reviews, "rival": rival, "fans": fans}


# reason -> its weight among the reasons leaving posts give, by day (data/demo/texts.toml)
REASON_MIX = {
    "military": [((1, 12), 0.02), ((2, 23), 0.02), ((2, 25), 0.3), ((2, 27), 1.5),
                 ((2, 28), 8), ((3, 6), 8), ((3, 20), 5), ((4, 19), 3)],
    "ethics": [((1, 12), 0.6), ((2, 4), 0.6), ((2, 5), 2.5), ((2, 11), 1.5), ((2, 27), 1.2),
               ((3, 2), 2), ((4, 19), 1)],
    "quality": [((1, 12), 0.8), ((1, 28), 0.8), ((1, 29), 1.5), ((2, 12), 1.5), ((2, 13), 6),
                ((2, 18), 2.5), ((2, 26), 1.2), ((4, 19), 0.8)],
    "price": [((1, 12), 1), ((4, 19), 1)], "limits": [((1, 12), 0.6), ((4, 19), 0.6)],
    "privacy": [((1, 12), 0.5), ((4, 19), 0.5)], "outage": [((1, 12), 0.2), ((4, 19), 0.2)],
    "none": [((1, 12), 1), ((4, 19), 1)],
}


def reason_mix(days: pd.DatetimeIndex) -> dict[str, np.ndarray]:
    """Reason -> its daily weight (``REASON_MIX``)."""
    return {name: _curve([(date(2026, m, dd), v) for (m, dd), v in path], days)
            for name, path in REASON_MIX.items()}


# post type -> (quiet-day count, which curve drives it, exponent on that curve); the types
# named after a switch kind are written to report that kind (data/demo/texts.toml)
VOLUMES = {
    LEAVE: (6, "backlash", 1.0), MOVE: (3, "mix", 1.0), CONSIDER: (3, "backlash", 0.7),
    RETURN: (0.6, "rival", 0.6), "complaint": (7, "backlash", 1.0),
    "praise": (9, "rival", 0.9), "defend": (6, "backlash", 0.4), "chatter": (55, None, 0),
    "news": (3, "backlash", 1.0), "review_leave": (2, "reviews", 1.0),
    "review_gripe": (2, "reviews", 0.4), "review_fan": (16, "fans", 1.0),
    "review_praise": (6, "rival", 0.9),
}
STARS = {"review_leave": [1], "review_gripe": [1, 2, 3], "review_fan": [4, 5, 5, 5],
         "review_praise": [4, 5, 5]}  # the stars a review of each type gives
CHATTER_WEIGHTS = {"ChatGPT": 30, "Claude": 12, "Gemini": 18, "Grok": 8, "Copilot": 8,
                   "Perplexity": 8, "DeepSeek": 7, "Meta AI": 5, "Le Chat": 4}
MOVE_TARGETS = {"Claude": 75, "Gemini": 8, "Le Chat": 6, "Perplexity": 5, "DeepSeek": 2,
                "Meta AI": 2, "Copilot": 2}
OUTAGE_POSTS = {date(2026, 3, 2): 80, date(2026, 3, 3): 20}  # Claude's demand outage
SUBREDDITS = {"ChatGPT": ["ChatGPT", "OpenAI", "singularity"],
              "Claude": ["ClaudeAI", "Anthropic", "singularity"]}
REPOSTED = {"news": 0.3, LEAVE: 0.05}  # share of a post type posted again within hours
REPOST_DELAY = (timedelta(minutes=20), timedelta(hours=12))  # after the post it copies


class _Writer:
    """Fills templates; picks brands, sources, times and engagement with one seeded RNG."""

    def __init__(self, tracker: Tracker, rng: np.random.Generator):
        self.rng = rng
        words = tomllib.loads(TEXTS.read_text(encoding="utf-8"))
        self.slots, self.types, self.reasons = words["slots"], words["types"], words["reasons"]
        self.reason_weights = {name: 1.0 for name in self.reasons}  # set per day by the demo
        self.tails = words["variation"]["tails"]
        self.brands = [b for b in tracker.brand_names if b in CHATTER_WEIGHTS] or \
            tracker.brand_names
        self.tracker = tracker
        self.n = 0

    def pick(self, options):
        return options[self.rng.integers(len(options))]

    def weighted(self, weights: dict[str, float], any_key: bool = False) -> str:
        """A key of ``weights`` drawn by weight (a tracked brand's unless ``any_key``)."""
        keys = [k for k in weights if any_key or k in self.brands]
        p = np.array([weights[k] for k in keys], dtype=float)
        return keys[self.rng.choice(len(keys), p=p / p.sum())]

    def text(self, kind: str, **names) -> str:
        def fill(m):
            key = m.group(1)
            if key in names:
                return names[key]
            if key == "reason":
                return self.pick(self.reasons[self.weighted(self.reason_weights, any_key=True)])
            return self.pick(self.slots[key])
        out = re.sub(r"\{(\w+)\}", fill, self.pick(self.types[kind]["templates"]))
        return re.sub(r"\s+", " ", out).strip()

    def post(self, kind: str, day: date, source: str, heat: float, **names) -> dict:
        self.n += 1
        brand = names.get("brand") or names.get("from") or names.get("to")
        text = self.text(kind, **names)
        rating = None
        if source in REVIEWS:
            rating = int(self.rng.choice(STARS[kind]))
            text = f"{self.pick(self.types[kind]['title'])}. {text}"
        hour = self.rng.choice(24, p=_DIURNAL)
        created = datetime.combine(day, datetime.min.time()) + timedelta(
            hours=int(hour), seconds=int(self.rng.integers(3600)))
        return {
            "source": source, "source_id": f"sim-{source}-{self.n:06d}",
            "created_at": created, "author": f"sim-user-{self.rng.integers(40_000)}",
            "text": text, "url": None, "community": self.community(source, brand),
            "engagement": int(self.rng.lognormal(np.log(4 + 3 * heat), 1.2)),
            "rating": rating, "language": "en", "simulated": True,
            "collected_at": created + timedelta(hours=1),
        }

    def community(self, source: str, brand: str | None) -> str | None:
        if source == "reddit":
            return self.pick(SUBREDDITS.get(brand, ["artificial", "singularity"]))
        if source == "mastodon":
            return self.pick(["mastodon.social", "hachyderm.io"])
        if source in REVIEWS and brand:
            app = self.tracker.brand(brand).app(APP_STORE if source.startswith(APP_STORE)
                                                else GOOGLE_PLAY)
            return app.app_id if app else None
        return None


_DIURNAL = np.array([5, 4, 3, 2, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10, 9, 9, 8, 7, 6,
                     6], dtype=float)
_DIURNAL /= _DIURNAL.sum()


def simulate_posts(tracker: Tracker, cal: dict, rng: np.random.Generator) -> pd.DataFrame:
    """All demo posts, unscored, in the store's columns."""
    days = pd.date_range(START, END, freq="D")
    curves = intensity_curves(cal, days)
    curves["mix"] = curves["backlash"] ** 0.6 * curves["rival"] ** 0.7
    reasons_by_day = reason_mix(days)
    w = _Writer(tracker, rng)
    event_days = set(load_events()["date"].dt.date)
    rows, kinds = [], []
    for i, ts in enumerate(days):
        day = ts.date()
        heat = curves["backlash"][i]
        w.reason_weights = {name: weights[i] for name, weights in reasons_by_day.items()}
        share = (heat - 1) / heat  # how much of today's switching is the backlash
        for kind, (base, curve, power) in VOLUMES.items():
            lam = base * (curves[curve][i] ** power if curve else 1.0)
            if kind == "news" and day in event_days:
                lam *= 4
            sources = REVIEWS if kind.startswith("review") else SOCIAL
            for _ in range(rng.poisson(lam)):
                names = _names(w, kind, share)
                rows.append(w.post(kind, day, _choose(rng, sources), heat, **names))
                kinds.append(kind)
        for _ in range(OUTAGE_POSTS.get(day, 0)):
            rows.append(w.post("outage", day, _choose(rng, SOCIAL), heat, brand=RIVAL))
            kinds.append("outage")
    frame = _distinct_wordings(pd.DataFrame(rows), w.tails)
    frame = pd.concat([frame, _reposts(w, frame, kinds)], ignore_index=True)
    down = pd.Series(False, index=frame.index)
    for source, dates in OUTAGES.items():
        down |= (frame["source"] == source) & frame["created_at"].dt.date.isin(dates)
    return frame[~down].reset_index(drop=True)


def _distinct_wordings(frame: pd.DataFrame, tails: list[str]) -> pd.DataFrame:
    """``frame`` with ``tails`` added to each post whose wording (``stories.wording_key``)
    another post used in the ``WINDOW`` before it (and the longest ``REPOST_DELAY``, so that
    no copy links two of them), until none did: the first repeat gets the first tail, and
    so on, then two tails. No random draw, so the rest stays as it was."""
    texts, last_used, apart = frame["text"].tolist(), {}, WINDOW + REPOST_DELAY[1]
    for i in frame.sort_values("created_at", kind="stable").index:
        at, repeats = frame.at[i, "created_at"], 0
        while (key := wording_key(texts[i])) in last_used and at - last_used[key] <= apart:
            repeats += 1
            texts[i] = f"{frame.at[i, 'text']} {_tail(tails, repeats)}"
        if key is not None:
            last_used[key] = at
    return frame.assign(text=texts)


def _tail(tails: list[str], n: int) -> str:
    """The ``n``-th tail (from 1): each of ``tails``, then each pair of them, ..."""
    words = []
    while n:
        n, i = divmod(n - 1, len(tails))
        words.append(tails[i])
    return " ".join(reversed(words))


def _reposts(w: _Writer, frame: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    """Copies of a share (``REPOSTED``) of the posts of some kinds: the same text posted
    again by someone on a social source ``REPOST_DELAY`` later, up to the last day."""
    copies = []
    for post, kind in zip(frame.to_dict("records"), kinds):
        if w.rng.random() >= REPOSTED.get(kind, 0):
            continue
        source = _choose(w.rng, SOCIAL)
        created = post["created_at"] + timedelta(seconds=int(w.rng.integers(
            *(d.total_seconds() for d in REPOST_DELAY))))
        if created.date() <= END:
            copies.append(post | {
                "source": source, "source_id": f"sim-{source}-copy-{len(copies) + 1:05d}",
                "created_at": created, "collected_at": created + timedelta(hours=1),
                "author": f"sim-user-{w.rng.integers(40_000)}",
                "community": w.community(source, None),
                "engagement": int(w.rng.lognormal(1, 1))})
    return pd.DataFrame(copies, columns=frame.columns)


def _choose(rng, weights: dict[str, float]) -> str:
    keys = list(weights)
    p = np.array(list(weights.values()))
    return keys[rng.choice(len(keys), p=p / p.sum())]


def _names(w: _Writer, kind: str, share: float) -> dict:
    """Which brands a post of ``kind`` is about, mixing quiet-time and backlash patterns."""
    backlash = w.rng.random() < share
    if kind in (LEAVE, "review_leave"):
        return {"from": TARGET if backlash or w.rng.random() < 0.6 else
                w.weighted(CHATTER_WEIGHTS)} | ({"brand": TARGET} if kind == "review_leave" else {})
    if kind in (MOVE, CONSIDER):
        src = TARGET if backlash or w.rng.random() < 0.5 else w.weighted(CHATTER_WEIGHTS)
        dst = w.weighted({k: v for k, v in (MOVE_TARGETS | {TARGET: 20}).items() if k != src})
        return {"from": src, "to": dst}
    if kind == RETURN:
        return {"from": RIVAL, "to": TARGET}
    if kind in ("complaint", "defend", "review_gripe"):
        return {"brand": TARGET if kind == "defend" or w.rng.random() < 0.8 else
                w.weighted(CHATTER_WEIGHTS)}
    if kind == "review_fan":
        return {"brand": TARGET}
    if kind in ("praise", "review_praise"):
        return {"brand": RIVAL if w.rng.random() < 0.6 else w.weighted(CHATTER_WEIGHTS)}
    if kind == "news":
        return {"brand": w.pick([TARGET, TARGET, RIVAL])}
    return {"brand": w.weighted(CHATTER_WEIGHTS)}


def rank_anchors(cal: dict) -> dict[tuple[str, str, str], list[tuple[datetime, float]]]:
    """(brand, store, country) -> dated chart positions to interpolate between.

    The US App Store path of Claude, ChatGPT and Gemini follows the calibration file;
    the rest are plausible invented levels.
    """
    t = lambda m, d, h=12: datetime(2026, m, d, h)
    at = lambda k: datetime.combine(cal[k][0], datetime.min.time()) + timedelta(hours=12)
    v = lambda k: cal[k][1]
    first, last = t(1, 12), t(4, 19)
    # Saturday evening US time is just after midnight UTC: the first #1 snapshot is Mar 1 00h
    peak = t(3, 1, 0)
    us = APP_STORE, "us"
    anchors = {
        ("Claude", *us): [(first, 130), (at("claude_us_free_rank_late_jan"),
                                          v("claude_us_free_rank_late_jan")),
                          (at("claude_us_free_rank_early_feb"), v("claude_us_free_rank_early_feb")),
                          (t(2, 20), 14), (at("claude_us_free_rank_pre_surge"),
                                           v("claude_us_free_rank_pre_surge")),
                          (t(2, 27), 3), (t(2, 28, 18), 2), (peak, v("claude_us_free_rank_peak")),
                          (t(3, 12), 1), (t(3, 20), 2), (t(4, 5), 3), (last, 5)],
        ("ChatGPT", *us): [(first, 1), (t(2, 28, 18), 1),
                           (peak, v("chatgpt_us_free_rank_at_claude_peak")), (t(3, 13), 2),
                           (t(3, 16), 1), (last, 1)],
        ("Gemini", *us): [(first, 5), (t(2, 20), 4),
                          (peak, v("gemini_us_free_rank_at_claude_peak")), (last, 4)],
        ("Claude", GOOGLE_PLAY, "us"): [(first, 160), (t(2, 20), 45), (t(2, 27), 12),
                                        (at("claude_us_googleplay_free_rank_mar3"),
                                         v("claude_us_googleplay_free_rank_mar3")),
                                        (t(3, 20), 7), (last, 14)],
        ("ChatGPT", GOOGLE_PLAY, "us"): [(first, 1), (last, 1)],
    }
    # other countries: Claude reaches #1 in several by Mar 2 and in more by Mar 6
    for country, top_by in (("ca", t(3, 1)), ("de", t(3, 2)), ("gb", t(3, 6)), ("fr", t(3, 6))):
        anchors[("Claude", APP_STORE, country)] = [
            (first, 150), (t(2, 5), 70), (t(2, 24), 15), (t(2, 28), 5), (top_by, 1),
            (top_by + timedelta(days=7), 1), (t(3, 25), 3), (last, 7)]
        anchors[("ChatGPT", APP_STORE, country)] = [
            (first, 1), (top_by - timedelta(hours=6), 1), (top_by, 2),
            (top_by + timedelta(days=7), 2), (top_by + timedelta(days=10), 1), (last, 1)]
    anchors[("Le Chat", APP_STORE, "fr")] = [(first, 14), (t(2, 27), 12), (t(3, 3), 5),
                                               (t(3, 20), 8), (last, 11)]
    return anchors


def _away_from(path, when: pd.DatetimeIndex) -> np.ndarray:
    """0 at an anchor, rising to 1 two days away from any (1 everywhere without anchors)."""
    if not path:
        return np.ones(len(when))
    anchors = pd.DatetimeIndex([pd.Timestamp(t) for t, _ in path]).as_unit("ns").asi8
    gap = np.abs(when.as_unit("ns").asi8[:, None] - anchors[None, :]).min(axis=1)
    return np.clip(gap / pd.Timedelta(days=2).value, 0, 1)


LEVELS = {"ChatGPT": 1, "Claude": 120, "Gemini": 6, "Grok": 18, "Copilot": 55,
          "Perplexity": 35, "DeepSeek": 75, "Meta AI": 30, "Le Chat": 95}


def simulate_ranks(tracker: Tracker, cal: dict, rng: np.random.Generator) -> pd.DataFrame:
    """Top-free chart snapshots (four a day) for every tracked app, store and country."""
    when = pd.date_range(datetime.combine(START, datetime.min.time()),
                         datetime.combine(END, datetime.min.time()) + timedelta(hours=18),
                         freq="6h")
    anchors = rank_anchors(cal)
    limit = tracker.charts.limit
    rows = []
    for store in (APP_STORE, GOOGLE_PLAY):
        for country in tracker.charts.countries:
            levels, away = {}, {}
            for b in tracker.brands:
                if not b.app(store):
                    continue
                path = anchors.get((b.name, store, country))
                base = _curve(path, when) if path else np.full(len(when),
                                                                float(LEVELS.get(b.name, 80)))
                drift = np.clip(rng.lognormal(0, 0.06, len(when)).cumprod() ** 0.5, 0.7, 1.4)
                # no drift at a calibrated point: the reported rank is shown exactly
                away[b.name] = _away_from(path, when)
                levels[b.name] = np.where(base <= 1.01, 1.0, base * drift ** away[b.name])
            for i, ts in enumerate(when):
                if store == APP_STORE and ts.date() in OUTAGES["app_store_charts"]:
                    continue
                # on a tie, a calibrated rank keeps its place and the drifting app yields
                order = sorted(levels, key=lambda n: (round(levels[n][i]), away[n][i]))
                taken = 0
                for name in order:
                    rank = max(int(round(levels[name][i])), taken + 1)
                    taken = rank
                    if rank <= limit:
                        app = tracker.brand(name).app(store)
                        rows.append({"captured_at": ts, "store": store, "country": country,
                                     "chart": "top-free", "app_id": app.app_id,
                                     "app_name": name, "brand": name, "rank": rank,
                                     "simulated": True})
    return pd.DataFrame(rows)


def simulate_runs(posts_frame: pd.DataFrame, ranks: pd.DataFrame) -> list[dict]:
    """One finished run per source and day, failed on the simulated outage days."""
    counts = posts_frame.groupby([posts_frame["source"],
                                  posts_frame["created_at"].dt.date]).size()
    snaps = ranks.groupby(ranks["captured_at"].dt.date).size()
    rows = []
    for day in pd.date_range(START, END, freq="D").date:
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=23, minutes=30)
        for source in [*SOCIAL, *REVIEWS, "app_store_charts"]:
            down = day in OUTAGES.get(source, [])
            items = int(snaps.get(day, 0)) if source == "app_store_charts" else \
                int(counts.get((source, day), 0))
            rows.append({"source": source, "started_at": start,
                         "finished_at": start + timedelta(minutes=3),
                         "status": FAILED if down else OK, "items": 0 if down else items,
                         "error": "simulated outage: HTTP 503 Service Unavailable" if down
                         else None, "simulated": True})
    return rows


def check_tracker(tracker: Tracker) -> None:
    """Refuse, in one line, a tracker whose market the demo cannot simulate."""
    if TARGET not in tracker.brand_names or RIVAL not in tracker.brand_names:
        raise UserError(f"{tracker.path or 'the tracker'}: the demo simulates the 2026 "
                        f"{TARGET}/{RIVAL} episode and needs brands named {TARGET} and "
                        f"{RIVAL}; import or collect posts for this tracker instead")


def build_demo(engine: Engine, tracker: Tracker, progress=None) -> dict[str, int]:
    """Replace the simulated rows of ``engine`` with a fresh, seeded simulation."""
    check_tracker(tracker)
    cal = load_calibration()
    # separate streams, so a change to the posts never moves the ranks (and back)
    frame = simulate_posts(tracker, cal, np.random.default_rng(SEED))
    frame["author"] = pseudonymise(frame["author"], salt="demo")
    ranks = simulate_ranks(tracker, cal, np.random.default_rng(SEED + 1))
    with engine.begin() as conn:
        for table in (posts, app_ranks, runs):
            conn.execute(delete(table).where(table.c.simulated))
    scorer = Scorer(tracker)
    n = save_posts(engine, frame, scorer, keep_handles=True, progress=progress)
    write_ranks(engine, ranks)
    write_runs(engine, simulate_runs(frame, ranks))
    set_meta(engine, DEMO_STAMP, demo_stamp(scorer))
    return {"posts": n, "ranks": len(ranks)}


DEMO_STAMP = "demo_built_with"


def demo_stamp(scorer: Scorer) -> str:
    """What a demo store was built with: the seed, the simulation's and the scorer's
    versions."""
    return f"seed {SEED}, demo {VERSION}, scorer {scorer.version}"


def demo_is_current(engine: Engine, tracker: Tracker) -> bool:
    """Whether the demo rows were built by this code (else they should be rebuilt)."""
    return get_meta(engine, DEMO_STAMP) == demo_stamp(Scorer(tracker))


def needs_building() -> bool:
    """Whether ``make run`` should build the demo store (``data/demo.sqlite``): it is
    missing, or was built by other code or for another tracker (``DASHBOARD_TRACKER``)."""
    if not paths.DEMO_STORE.exists():
        return True
    try:
        tracker = load_tracker(paths.tracker_path())
        return not demo_is_current(open_store(paths.sqlite_url(paths.DEMO_STORE)), tracker)
    except UserError:
        return True  # `python -m dashboard demo` will say what is wrong
