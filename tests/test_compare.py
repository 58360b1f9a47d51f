"""Compare two backlashes (issue 14): episodes (a day 0 and a brand) aligned on day 0 from 7
days before to 30 after, their peak, days to the peak and days back to half of it, the known
events offered as episodes, the chart, and the Compare page, whose choices live in the link."""
import json
from datetime import date

import pandas as pd
import pytest

from dashboard import charts
from dashboard.read import episodes
from tests.helpers import FIXTURES, app_page

D0 = date(2026, 3, 1)


def brand_days(posts: list[int], first: date = date(2026, 2, 22), brand: str = "Claude"):
    """Daily rows of one brand (as the daily table has them) from ``first``."""
    dates = pd.date_range(first, periods=len(posts))
    return pd.DataFrame({"date": dates, "brand": brand, "posts": posts,
                         "negative_share": 0.5, "leaving": 1, "arriving": 2})


def test_the_window_stays_within_the_data():
    assert episodes.window(D0) == (date(2026, 2, 22), date(2026, 3, 31))
    assert episodes.window(D0, date(2026, 2, 25), date(2026, 3, 10)) == (date(2026, 2, 25),
                                                                       date(2026, 3, 10))


def test_days_are_counted_from_day_0_with_the_best_rank_of_each():
    ranks = pd.DataFrame({"captured_at": pd.to_datetime(["2026-03-01 06:00", "2026-03-01 18:00",
                                                         "2026-03-02 06:00"]),
                          "rank": [7, 3, 1]})
    days = episodes.episode_days(brand_days([5] * 9), episodes.best_ranks(ranks), D0)
    assert days["day"].tolist() == list(range(-7, 2))
    assert days.set_index("day").loc[[-1, 0, 1], "best_rank"].fillna(-1).tolist() == [-1, 3, 1]


def test_peak_days_to_it_and_back_to_half():
    #        days -7..-1       0   1   2   3   4   5
    days = episodes.episode_days(brand_days([10] * 7 + [30, 80, 60, 45, 40, 20]), pd.Series(),
                                 D0)
    s = episodes.episode_summary(days)
    assert (s["baseline"], s["peak"], s["days_to_peak"], s["days_to_half"]) == (10, 80, 1, 3)
    assert s["leaving"] == 6 and s["arriving"] == 12 and s["best_rank"] is None
    cut = episodes.episode_summary(days, until=1)  # the other episode starts on day 1
    assert (cut["peak"], cut["days_to_peak"], cut["days_to_half"]) == (30, 0, None)
    never = episodes.episode_summary(episodes.episode_days(brand_days([10] * 7 + [50, 40, 30]),
                                                           pd.Series(), D0))
    assert never["days_to_half"] is None  # still above half when the data ends
    assert episodes.episode_summary(days[days["day"] < 0])["peak"] is None


def test_known_events_of_tracked_brands_are_offered_and_the_biggest_pair_picked():
    events = pd.DataFrame({"date": pd.to_datetime(["2026-01-01", "2026-02-10", "2026-02-10",
                                                   "2026-02-20", "2026-02-24", "2026-05-01"]),
                           "brand": ["Claude", "Claude", "Claude", "Claude", "Spotify",
                                     "Claude"],
                           "label": ["old", "a", "b", "c", "untracked", "later"]})
    known = episodes.known_episodes(events, ["Claude"], date(2026, 2, 1), date(2026, 3, 31))
    assert known.values.tolist() == [[date(2026, 2, 10), "Claude", "a · b"],
                                     [date(2026, 2, 20), "Claude", "c"]]
    daily = brand_days([5] * 10 + [20] + [5] * 9 + [90] + [5] * 9, first=date(2026, 1, 31))
    assert episodes.default_pair(known, daily) == [(date(2026, 2, 10), "Claude"),
                                                   (date(2026, 2, 20), "Claude")]
    assert episodes.default_pair(known.iloc[:1], daily) == [(date(2026, 2, 10), "Claude")]


def test_the_chart_draws_both_episodes_on_each_measure():
    a = episodes.episode_days(brand_days([10] * 7 + [30, 80]), pd.Series(), D0)
    b = episodes.episode_days(brand_days([3] * 9, brand="ChatGPT"), pd.Series(), D0)
    fig = charts.compare_chart([("A", a), ("B", b)], simulated=True)
    assert [t.name for t in fig.data] == ["A"] * 5 + ["B"] * 5
    assert list(fig.data[0].x) == list(range(-7, 2)) and list(fig.data[0].y[-2:]) == [30, 80]
    assert list(fig.data[1].y[:1]) == [50.0]  # negative share in %
    assert fig.layout.yaxis5.range[0] > fig.layout.yaxis5.range[1]  # #1 on top
    assert {s.x0 for s in fig.layout.shapes} == {0}  # day 0 marked on every panel
    assert "Simulated demo data" in fig.layout.title.text


def figure(at) -> dict:
    (chart,) = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return chart


def test_on_the_demo_the_gpt4o_removal_meets_the_pentagon_backlash(monkeypatch, demo_url):
    at = app_page(monkeypatch, demo_url, "compare")
    assert [at.date_input(key=k).value for k in ("a_day", "b_day")] == \
        [date(2026, 2, 13), date(2026, 2, 27)]
    assert {at.selectbox(key=k).value for k in ("a_brand", "b_brand")} == {"ChatGPT"}
    names = [t["name"] for t in figure(at)["data"]]
    assert names[0] == "A: ChatGPT from 13 Feb 2026" and names[-1] == "B: ChatGPT from 27 Feb 2026"
    table = next(d.value for d in at.dataframe if "peak" in d.value.columns).set_index("episode")
    a, b = table.iloc[0], table.iloc[1]
    assert b["peak"] > 1.5 * a["peak"] and a["peak"] > 2 * a["baseline"]  # smaller, still one
    assert a["days_to_half"] <= 7 and b["leaving"] > a["leaving"]
    assert "Simulated demo data" in at.warning[0].value


def test_a_link_reopens_the_same_two_episodes(monkeypatch, demo_url):
    at = app_page(monkeypatch, demo_url, "compare", a_day="2026-02-20", a_brand="Claude",
                  b_day="2026-03-02", b_brand="Gemini")
    assert at.date_input(key="a_day").value == date(2026, 2, 20)
    assert at.selectbox(key="b_brand").value == "Gemini"
    names = dict.fromkeys(t["name"] for t in figure(at)["data"])
    assert list(names) == ["A: Claude from 20 Feb 2026", "B: Gemini from 02 Mar 2026"]
    assert dict(at.query_params) == {"a_day": "2026-02-20", "a_brand": "Claude",
                                     "b_day": "2026-03-02", "b_brand": "Gemini"}


def test_picking_a_known_event_sets_the_episode_and_the_link(monkeypatch, demo_url):
    at = app_page(monkeypatch, demo_url, "compare")
    event = at.selectbox(key="b_event")
    event.set_value(next(o for o in event.options if "Claude #1" in o)).run()
    assert not at.exception
    assert at.date_input(key="b_day").value == date(2026, 2, 28)
    assert at.selectbox(key="b_brand").value == "Claude"
    assert at.selectbox(key="b_event").value is None  # ready for the next pick
    assert at.query_params["b_day"] == "2026-02-28" and at.query_params["b_brand"] == "Claude"


@pytest.mark.parametrize("store", ["empty", "another market"])
def test_the_page_works_without_events_to_offer(monkeypatch, tmp_path, demo_url, store):
    if store == "empty":
        at = app_page(monkeypatch, f"sqlite:///{tmp_path / 'empty.sqlite'}", "compare")
        assert "store is empty" in at.info[0].value
    else:
        monkeypatch.setenv("DASHBOARD_TRACKER", str(FIXTURES / "trackers" / "streaming.toml"))
        at = app_page(monkeypatch, demo_url, "compare")
        assert at.selectbox(key="a_event").options == []
        assert at.selectbox(key="a_brand").value == "Spotify"
