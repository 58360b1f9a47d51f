"""Data and links that must not break the views (headless: AppTest): stray posts dated 1970,
1677, 2262 or years before the rest do not stretch the default range or the figures, and a
count says how many posts are left out; a link with the dates reversed is read the right way
round on every page; a 50,000-character search and a 200,000-character post are cut, never
a SQL error or a page holding the whole text."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard.read import queries
from dashboard.read.filters import Filters
from dashboard.read.metrics import dense_start
from dashboard.scoring import Scorer
from dashboard.write.ingest import save_posts
from dashboard.write.store import open_store
from reliability.corpus import posts_frame
from tests.helpers import app_page

PAGES = ["overview", "switching", "ranks", "posts", "sources", "about"]
BACKLASH = "Backlash: posts naming each brand, and how negative they are"
STRAYS = {"s1970": "1970-01-01T00:00:00", "s1677": "1677-09-22T00:00:00",
          "s2262": "2262-04-10T00:00:00", "s2019": "2019-05-01T00:00:00"}  # 2019: sane
HUGE = "Cancelled ChatGPT, moving to Claude. " + "x" * 200_000


@pytest.fixture(scope="module")
def stray_url(tmp_path_factory, tracker):
    """Dense posts from 2026-02-01 to 2026-03-12, a 200,000-character post, and strays."""
    frame = posts_frame(600, seed=3)
    dense = pd.DataFrame({"source": "reddit", "source_id": frame["id"],
                          "created_at": pd.to_datetime(frame["created_utc"], unit="s",
                                                       utc=True),
                          "text": frame["title"] + " " + frame["body"]})
    extra = pd.DataFrame({"source": "reddit", "source_id": ["huge", *STRAYS],
                          "created_at": pd.to_datetime(["2026-02-20T10:00:00",
                                                        *STRAYS.values()], utc=True),
                          "text": [HUGE] + ["Left ChatGPT for Claude"] * len(STRAYS)})
    url = f"sqlite:///{tmp_path_factory.mktemp('strays') / 'store.sqlite'}"
    save_posts(open_store(url), pd.concat([dense, extra], ignore_index=True), Scorer(tracker))
    return url


def run(monkeypatch, url: str, page: str = "overview", **query):
    at = app_page(monkeypatch, url, page, **query)
    assert not at.error
    return at


def backlash(at) -> dict:
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"]["title"]["text"].startswith(BACKLASH):
            return spec
    raise AssertionError("no backlash chart")


def test_the_default_range_covers_the_dense_data(monkeypatch, stray_url):
    at = run(monkeypatch, stray_url)
    first, last = at.date_input(key="dates").value
    assert (str(first), str(last)) == ("2026-02-01", "2026-03-12")
    spec = backlash(at)
    assert len(json.dumps(spec)) < 400_000  # 40 days, not 56 years
    assert any("3 posts dated before their source existed" in c.value
               for c in at.sidebar.caption)


def test_dense_start_skips_a_stray_across_a_gap_but_keeps_steady_data():
    days = pd.to_datetime(["2019-05-01", "2026-02-01", "2026-02-15", "2026-03-01"]).date
    assert str(dense_start(pd.DataFrame({"day": days, "posts": [1, 100, 100, 100]}))) == \
        "2026-02-01"
    steady = pd.date_range("2025-01-01", "2026-03-01", freq="7D").date
    assert dense_start(pd.DataFrame({"day": steady, "posts": 5})) == steady[0]


@pytest.mark.parametrize("dates", [["1677-09-22", "2262-04-10"], ["1970-01-01", "9999-12-31"]])
def test_a_link_reaching_for_absurd_dates_stays_within_the_data(monkeypatch, stray_url, dates):
    at = run(monkeypatch, stray_url, dates=dates)
    x = backlash(at)["data"][0]["x"]
    assert len(x) < 4000 and str(min(x))[:4] >= "2019"


@pytest.mark.parametrize("page", PAGES)
def test_a_link_with_the_dates_reversed_reads_them_the_right_way_round(monkeypatch,
                                                                        stray_url, page):
    at = run(monkeypatch, stray_url, page, dates=["2026-03-10", "2026-02-20"], day="2026-02-25")
    if page == "overview":
        x = backlash(at)["data"][0]["x"]
        assert (x[0][:10], x[-1][:10]) == ("2026-02-20", "2026-03-10")


def test_a_huge_search_is_cut_not_a_sql_error(monkeypatch, stray_url):
    at = run(monkeypatch, stray_url, "posts", q="Claude " * 7_200)  # 50,400 characters
    assert len(at.text_input(key="q").value) <= queries.SEARCH_LIMIT


@pytest.mark.parametrize("store", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_search_query_takes_any_length(store, request, tracker):
    url = "sqlite://" if store == "sqlite" else request.getfixturevalue("pg_url")
    engine = open_store(url)
    save_posts(engine, pd.DataFrame({"source": ["x"], "source_id": ["1"], "text": ["Claude"],
                                     "created_at": ["2026-02-01T00:00:00Z"]}), Scorer(tracker))
    for search in ("C" + "%_" * 25_000, "Claude " * 7_200):  # 50,000 characters and more
        assert len(queries.post_rows(engine, Filters(), search=search)) == 0
    assert len(queries.post_rows(engine, Filters(), search="claude")) == 1


def test_a_huge_post_is_cut_on_screen(monkeypatch, stray_url):
    at = run(monkeypatch, stray_url, "posts", q="moving to Claude. xxx")
    (text,) = at.dataframe[0].value["text"]
    assert len(text) < queries.TEXT_SHOWN + 100
    assert text.endswith("… [cut: 200,037 characters in all]")


def test_the_posts_page_lists_the_posts_with_an_implausible_time(monkeypatch, stray_url):
    at = run(monkeypatch, stray_url, "posts", implausible="true")
    listed = at.dataframe[0].value
    assert len(listed) == 3 and listed["created_at"].dt.year.min() == 1677
