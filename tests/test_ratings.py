"""Review stars over time and the App ranks page (issue 14): per app and day, the reviews,
their mean stars and the share giving one star, from the stored App Store and Google Play
reviews; the demo's reviews shaped to the calibrated figures; the chart beside the ranks
with the events marked; ``export --table ratings``; and a Google Play choice only when the
store holds Google Play charts."""
import json
from datetime import date

import pandas as pd
import pytest

from dashboard import charts
from dashboard.cli import main
from dashboard.demo import load_calibration
from dashboard.read import metrics
from dashboard.read.ratings import daily_ratings, ratings_table
from dashboard.write.store import open_store, write_ranks
from tests.helpers import CLAUDE_ANDROID, CLAUDE_IOS, app_page, store_posts

CHATGPT_IOS = "6448311069"


def test_reviews_are_counted_per_app_and_day(tracker):
    days = pd.DataFrame({
        "date": pd.to_datetime(["2026-03-01"] * 4),
        "source": ["app_store_reviews", "app_store_reviews", "google_play_reviews",
                   "app_store_reviews"],
        "app_id": [CLAUDE_IOS, CLAUDE_IOS, CLAUDE_ANDROID, "123-not-tracked"],
        "reviews": [3, 1, 2, 9], "mean_rating": [5.0, 1.0, 3.0, 1.0], "one_star": [0, 1, 1, 9]})
    out = daily_ratings(days, tracker)  # the first two: one app reviewed in two countries
    assert out.to_dict("records") == [
        {"date": pd.Timestamp("2026-03-01"), "brand": "Claude", "store": "app_store",
         "reviews": 4, "mean_rating": 4.0, "one_star_share": 0.25},
        {"date": pd.Timestamp("2026-03-01"), "brand": "Claude", "store": "google_play",
         "reviews": 2, "mean_rating": 3.0, "one_star_share": 0.5}]
    assert daily_ratings(days, tracker, brands=("ChatGPT",)).empty


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request):
    """An empty store of each kind (PostgreSQL skips without a server)."""
    return open_store("sqlite://" if request.param == "sqlite" else
                      request.getfixturevalue("pg_url"))


def test_only_rated_reviews_of_tracked_apps_count(any_store, tracker):
    engine = any_store
    reviews = [{"id": str(i), "created_at": "2026-03-01T10:00:00Z", "text": f"review {i}",
                "community": app, "rating": stars}
               for i, (app, stars) in enumerate([(CLAUDE_IOS, 5), (CLAUDE_IOS, 1),
                                                 (CHATGPT_IOS, 2), ("999", 1)])]
    store_posts(engine, tracker, reviews, source="app_store_reviews")
    store_posts(engine, tracker, [{"id": "x", "created_at": "2026-03-01T10:00:00Z",
                                   "text": "a rated survey answer", "rating": 1}], "survey")
    out = ratings_table(engine, tracker).set_index("brand")
    assert out.loc["Claude", ["reviews", "mean_rating", "one_star_share"]].tolist() == \
        [2, 3.0, 0.5]
    assert out.loc["ChatGPT", "reviews"] == 1 and len(out) == 2


@pytest.fixture(scope="module")
def demo_ratings(demo_url, tracker):
    r = ratings_table(open_store(demo_url), tracker)
    chatgpt = r[r["brand"] == "ChatGPT"].assign(one=lambda d: d["reviews"] * d[
        "one_star_share"]).groupby("date")[["reviews", "one"]].sum()
    return chatgpt.assign(share=chatgpt["one"] / chatgpt["reviews"])


def test_the_demo_reviews_follow_the_calibrated_figures(demo_ratings):
    share, one = demo_ratings["share"], demo_ratings["one"]
    assert share.loc[:"2026-02-12"].mean() < 0.2  # a well-liked app before
    assert pd.Timestamp("2026-02-28") <= share.idxmax() <= pd.Timestamp("2026-03-04")
    jump = load_calibration()["chatgpt_one_star_reviews_dod_pct_day1"][1]  # +775%
    assert one.loc["2026-02-28"] > (1 + jump / 100) / 2 * one.loc["2026-02-27"]
    assert share.loc["2026-02-13"] > 2 * share.loc["2026-02-06":"2026-02-12"].mean()  # 4o


def test_five_star_chatgpt_reviews_fall_over_the_weekend(demo_url):
    posts = pd.read_sql("SELECT created_at, rating, community FROM posts WHERE rating = 5",
                        open_store(demo_url), parse_dates=["created_at"])
    fives = posts[posts["community"].isin([CHATGPT_IOS, "com.openai.chatgpt"])]
    per_day = fives.groupby(fives["created_at"].dt.date).size()
    before = per_day.loc[date(2026, 2, 20):date(2026, 2, 26)].mean()
    assert per_day.loc[date(2026, 2, 28):date(2026, 3, 1)].mean() < 0.7 * before


def test_the_chart_has_a_column_per_store_and_the_events(tracker):
    ratings = pd.DataFrame({"date": pd.to_datetime(["2026-03-01", "2026-03-02"] * 2),
                            "brand": ["Claude"] * 4,
                            "store": ["app_store"] * 2 + ["google_play"] * 2,
                            "reviews": [4, 2, 1, 1], "mean_rating": [4.0, 2.0, 5.0, 1.0],
                            "one_star_share": [0.25, 0.5, 0.0, 1.0]})
    markers = charts.event_markers(pd.DataFrame({
        "date": [pd.Timestamp("2026-03-02")], "label": ["x"], "description": ["y"]}),
        date(2026, 3, 1), date(2026, 3, 2))
    fig = charts.ratings_chart(ratings, markers, charts.brand_colors(tracker))
    assert [a.text for a in fig.layout.annotations] == ["App Store", "Google Play"]
    by_axis = {t.yaxis: list(t.y) for t in fig.data}  # rows: reviews, stars, one-star
    assert by_axis["y"] == [4, 2] and by_axis["y3"] == [4.0, 20 / 6]  # over 7 days
    assert by_axis["y4"] == [5.0, 3.0] and by_axis["y6"] == [0.0, 50.0]  # Google Play
    events = [s for s in fig.layout.shapes if s.x0 == pd.Timestamp("2026-03-02")]
    assert len(events) == 6  # on every panel


def test_a_day_without_reviews_is_a_gap_in_the_stars():
    ratings = pd.DataFrame({"date": pd.to_datetime(["2026-03-01", "2026-03-20"]),
                            "brand": "Claude", "store": "app_store", "reviews": [2, 1],
                            "mean_rating": [4.0, 1.0], "one_star_share": [0.0, 1.0]})
    smooth = metrics.rolling_ratings(ratings).set_index("date")
    assert len(smooth) == 20 and smooth.loc["2026-03-10", "reviews"] == 0
    assert smooth.loc["2026-03-07", "mean_rating"] == 4.0  # still in the 7 days
    assert pd.isna(smooth.loc["2026-03-10", "mean_rating"])
    assert smooth.loc["2026-03-20", "one_star_share"] == 1.0


def figures(at) -> dict[str, dict]:
    return {json.loads(el.proto.spec)["layout"]["title"]["text"].split(" <sup>")[0]:
            json.loads(el.proto.spec) for el in at.get("plotly_chart")}


STARS = "Review stars: reviews per day, their mean stars and the share giving one star, per app"


def test_the_ranks_page_shows_the_stars_beside_the_ranks(monkeypatch, demo_url):
    at = app_page(monkeypatch, demo_url, "ranks", dates=["2026-02-20", "2026-03-10"])
    figs = figures(at)
    assert any(t.startswith("App Store top-free") for t in figs)
    stars = figs[STARS]
    assert [a["text"] for a in stars["layout"]["annotations"][:2]] == ["App Store", "Google Play"]
    assert any(s["line"]["dash"] == "dot" for s in stars["layout"]["shapes"])  # events
    assert "Simulated demo data" in stars["layout"]["title"]["text"]
    assert at.segmented_control(key="store").options == ["App Store", "Google Play"]


def test_export_ratings_as_csv_and_parquet(demo_url, tmp_path):
    for name in ("ratings.csv", "ratings.parquet"):
        assert main(["export", "--table", "ratings", "-o", str(tmp_path / name), "--db",
                     demo_url, "--quiet"]) == 0
    frame = pd.read_csv(tmp_path / "ratings.csv")
    assert list(frame.columns) == ["date", "brand", "store", "reviews", "mean_rating",
                                   "one_star_share", "simulated"]
    assert frame["simulated"].all()  # the demo's figures say so
    assert set(frame["store"]) == {"app_store", "google_play"}
    assert frame["mean_rating"].between(1, 5).all() and frame["one_star_share"].between(0, 1).all()
    assert len(pd.read_parquet(tmp_path / "ratings.parquet")) == len(frame)


def test_google_play_is_offered_only_with_google_play_charts(monkeypatch, tmp_path):
    snapshot = {"captured_at": "2026-03-01T12:00:00", "store": "app_store", "country": "us",
                "chart": "top-free", "app_id": CLAUDE_IOS, "app_name": "Claude",
                "brand": "Claude", "rank": 3}
    urls = [f"sqlite:///{tmp_path / name}" for name in ("apple.sqlite", "both.sqlite")]
    write_ranks(open_store(urls[0]), pd.DataFrame([snapshot]))
    write_ranks(open_store(urls[1]), pd.DataFrame([snapshot, snapshot | {
        "store": "google_play", "app_id": CLAUDE_ANDROID}]))
    at = app_page(monkeypatch, urls[0], "ranks", store="Google Play")
    assert not at.segmented_control  # nothing to choose: App Store charts only
    assert any(t.startswith("App Store top-free") for t in figures(at))
    at = app_page(monkeypatch, urls[1], "ranks", store="Google Play")
    assert at.segmented_control(key="store").value == "Google Play"
    assert any(t.startswith("Google Play top-free") for t in figures(at))
