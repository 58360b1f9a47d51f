"""The demo store: seeded, flagged simulated, and shaped to the calibration file (its
figures: each story once); its reposts are copies, and the words that keep its templated
posts apart change no score; a tracker it cannot simulate is refused in one line."""
import re
import tomllib
from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.demo import (OUTAGES, REPOST_DELAY, TEXTS, load_calibration, simulate_posts,
                            simulate_ranks)
from dashboard.scoring import SCORE_COLUMNS, Scorer
from dashboard.write.store import open_store
from tests.helpers import FIXTURES


@pytest.fixture(scope="module")
def demo(demo_url):
    engine = open_store(demo_url)
    return {t: pd.read_sql(f"SELECT * FROM {t}", engine, parse_dates=parse)
            for t, parse in (("posts", ["created_at"]), ("app_ranks", ["captured_at"]),
                             ("runs", ["started_at"]))}


def test_the_same_seed_gives_the_same_demo(tracker):
    cal = load_calibration()
    a = simulate_posts(tracker, cal, np.random.default_rng(7))
    b = simulate_posts(tracker, cal, np.random.default_rng(7))
    pd.testing.assert_frame_equal(a, b)
    assert a["text"].nunique() > 2000  # varied wording, not a handful of strings


def test_every_row_is_flagged_simulated(demo):
    for table in demo.values():
        assert len(table) and table["simulated"].astype(bool).all()
    assert demo["posts"]["source_id"].str.startswith("sim-").all()
    assert demo["posts"]["url"].isna().all()  # nothing links to a real-looking post


def rank(demo, brand, when, store="app_store", country="us"):
    r = demo["app_ranks"]
    hit = r[(r.brand == brand) & (r.store == store) & (r.country == country)
            & (r.captured_at == pd.Timestamp(when))]
    return int(hit["rank"].iloc[0]) if len(hit) else None


def test_ranks_follow_the_reported_climb(demo):
    cal = load_calibration()
    assert rank(demo, "Claude", f"{cal['claude_us_free_rank_late_jan'][0]} 12:00") is None  # >100
    assert rank(demo, "Claude", f"{cal['claude_us_free_rank_early_feb'][0]} 12:00") == 42
    assert rank(demo, "Claude", f"{cal['claude_us_free_rank_pre_surge'][0]} 12:00") == 6
    assert rank(demo, "Claude", "2026-03-01 00:00") == 1
    assert rank(demo, "ChatGPT", "2026-03-01 00:00") == 2
    assert rank(demo, "Gemini", "2026-03-01 00:00") == 4
    assert rank(demo, "Claude", "2026-03-03 12:00", store="google_play") == 4
    assert rank(demo, "ChatGPT", "2026-01-20 12:00") == 1
    for country in ("ca", "de"):
        assert rank(demo, "Claude", "2026-03-02 12:00", country=country) == 1


def test_chart_outage_leaves_a_gap_and_a_failed_run(demo):
    r, runs = demo["app_ranks"], demo["runs"]
    down = OUTAGES["app_store_charts"]
    assert not r[(r.store == "app_store") & r.captured_at.dt.date.isin(down)].shape[0]
    failed = runs[runs.status == "failed"]
    assert set(zip(failed.source, failed.started_at.dt.date)) == {
        (s, d) for s, days in OUTAGES.items() for d in days}
    assert failed["error"].str.contains("simulated outage").all()
    p = demo["posts"]
    assert not p[(p.source == "bluesky") & p.created_at.dt.date.isin(OUTAGES["bluesky"])].shape[0]


def daily(demo, kind_col, brand, source=None):
    p = demo["posts"]
    p = p[p.duplicate_of.isna()]  # what the figures count: each story once
    if source:
        p = p[p.source == source]
    return p[p[kind_col] == brand].groupby(p.created_at.dt.date).size()


def test_the_spike_is_shaped_to_the_reported_jumps(demo):
    leaving = daily(demo, "switch_from", "ChatGPT")
    ratio = leaving[date(2026, 2, 28)] / leaving[date(2026, 2, 27)]
    assert 2.5 < ratio < 7  # uninstalls +295% day over day (x3.95)
    p = demo["posts"]
    one_star = p[(p.rating == 1) & p.brands.fillna("").str.contains("ChatGPT")]
    per_day = one_star.groupby(one_star.created_at.dt.date).size()
    assert per_day[date(2026, 2, 28)] > 4 * per_day.get(date(2026, 2, 27), 1)  # +775%
    arriving = daily(demo, "switch_to", "Claude")
    assert arriving.idxmax() in {date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 2),
                                 date(2026, 3, 3), date(2026, 3, 4)}


def test_quiet_weeks_before_and_after(demo):
    p = demo["posts"]
    per_day = p.groupby(p.created_at.dt.date).size()
    peak = per_day.max()
    assert per_day[:date(2026, 1, 25)].max() < peak / 3
    assert per_day[date(2026, 4, 6):].max() < peak / 3
    assert set(p.source) == {"reddit", "bluesky", "mastodon", "hackernews",
                             "app_store_reviews", "google_play_reviews"}


def test_some_posts_are_reposted_within_hours_and_counted_once(demo):
    p = demo["posts"].set_index("id")
    copies = p[p.duplicate_of.notna()]
    assert 0 < len(copies) < 0.05 * len(p)
    first = p.loc[copies.duplicate_of.astype(int)]
    assert (first["text"].to_numpy() == copies["text"].to_numpy()).all()
    waited = copies["created_at"].to_numpy() - first["created_at"].to_numpy()
    assert (waited >= REPOST_DELAY[0]).all() and (waited <= REPOST_DELAY[1]).all()
    assert set(copies.source) == {"reddit", "bluesky", "mastodon", "hackernews"}


def test_the_words_keeping_templated_posts_apart_change_no_score(demo, tracker):
    tails = tomllib.loads(TEXTS.read_text(encoding="utf-8"))["variation"]["tails"]
    posts = demo["posts"]
    varied = posts[posts["text"].str.endswith(tuple(tails))].sample(300, random_state=1)
    bare = varied["text"].str.replace(
        "(?: (?:" + "|".join(map(re.escape, tails)) + "))+$", "", regex=True)
    assert (bare != varied["text"]).all()
    scored = [Scorer(tracker).score_frame(pd.DataFrame({"text": texts}))[SCORE_COLUMNS]
              .fillna("-").astype(str).reset_index(drop=True) for texts in
              (varied["text"].tolist(), bare.tolist())]
    pd.testing.assert_frame_equal(*scored)


def test_ranks_are_unique_per_snapshot(tracker):
    r = simulate_ranks(tracker, load_calibration(), np.random.default_rng(3))
    assert not r.duplicated(["captured_at", "store", "country", "chart", "rank"]).any()
    assert r["rank"].between(1, tracker.charts.limit).all()


def test_a_tracker_the_demo_cannot_simulate_is_refused_in_one_line(tmp_path, capsys):
    store = tmp_path / "demo.sqlite"
    assert main(["demo", "--tracker", str(FIXTURES / "trackers" / "streaming.toml"),
                 "--db", f"sqlite:///{store}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "needs brands named ChatGPT and Claude" in err
    assert not store.exists()  # nothing made for it
