"""The Streamlit app, run headless with AppTest on the demo store, on an empty store, with no
store at all (it says how to make one, and builds nothing), and with a tracker of another
market."""
import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import paths
from tests.helpers import FIXTURES, ROOT

APP = str(ROOT / "streamlit_app.py")


def run_app(monkeypatch, url, **query):
    monkeypatch.setenv("DASHBOARD_DB", url)
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def figures(at) -> dict[str, dict]:
    out = {}
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        out[spec["layout"]["title"]["text"].split(" <sup>")[0]] = spec
    return out


def values(trace: dict, key: str) -> list:
    """A trace's data; plotly sends numeric arrays as base64 typed arrays."""
    v = trace[key]
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    return list(v)


def traces(fig) -> dict[str, dict]:
    return {t["name"]: t for t in fig["data"] if t.get("showlegend", True) is not False}


def test_overview_on_the_demo_store(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url)
    assert not at.exception
    assert "Simulated demo data" in at.warning[0].value
    figs = figures(at)
    backlash = figs["Backlash: posts naming each brand, and how negative they are"]
    chatgpt = traces(backlash)["ChatGPT"]
    y = values(chatgpt, "y")
    peak_day = values(chatgpt, "x")[y.index(max(y))]
    assert peak_day[:10] in ("2026-02-28", "2026-03-01", "2026-03-02")
    assert "Simulated demo data" in backlash["layout"]["title"]["text"]
    numbered = [a["text"] for a in backlash["layout"]["annotations"] if a["text"].isdigit()]
    assert numbered and numbered[0] == "1"  # events are marked
    switching = next(f for t, f in figs.items() if t.startswith("Switching"))
    claude = traces(switching)["Claude"]
    assert max(values(claude, "y")) > 10 and min(values(claude, "y")) >= 0  # arrivals: up
    ranks = next(f for t, f in figs.items() if t.startswith("App Store top free"))
    claude_ranks = [y for t in ranks["data"] if t["name"] == "Claude"
                    for y in values(t, "y") if y == y]  # NaN marks a gap
    assert min(claude_ranks) == 1 and ranks["layout"]["yaxis"]["range"][0] > 1  # #1 on top
    assert [m.label for m in at.metric][:2] == ["Posts naming a brand", "Negative share"]


def test_filters_come_from_the_url(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url, brands=["ChatGPT", "Claude"],
                 dates=["2026-02-20", "2026-03-10"], store="Google Play")
    assert not at.exception
    assert at.multiselect(key="brands").value == ["ChatGPT", "Claude"]
    figs = figures(at)
    backlash = figs["Backlash: posts naming each brand, and how negative they are"]
    assert set(traces(backlash)) - {"spike"} == {"ChatGPT", "Claude"}
    x = values(traces(backlash)["ChatGPT"], "x")
    assert (x[0][:10], x[-1][:10]) == ("2026-02-20", "2026-03-10")
    assert any(t.startswith("Google Play top free") for t in figs)
    assert at.query_params["brands"] == ["ChatGPT", "Claude"]


def test_widget_changes_rerun_the_view(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url)
    at.multiselect(key="brands").set_value(["Gemini"]).run()
    backlash = figures(at)["Backlash: posts naming each brand, and how negative they are"]
    assert set(traces(backlash)) - {"spike"} == {"Gemini"}


def test_overview_on_an_empty_store(monkeypatch, tmp_path):
    at = run_app(monkeypatch, f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert not at.exception
    assert not at.warning  # nothing simulated to warn about
    assert "store is empty" in at.info[0].value


PAGES = {"switching": ["Migration", "Net migration", "Share of voice", "Why they leave"],
         "ranks": ["App Store top-free", "Review stars", "App Store rank in US"],
         "compare": ["Two episodes aligned on day 0"],
         "posts": [], "sources": ["Collection runs per source and day"], "about": []}


def on_page(monkeypatch, url, page, **query):
    at = run_app(monkeypatch, url, **query)
    return at.switch_page(f"dashboard/app_pages/{page}.py").run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_demo_store(monkeypatch, demo_url, page):
    at = on_page(monkeypatch, demo_url, page)
    assert not at.exception and not at.error
    assert "Simulated demo data" in at.warning[0].value
    titles = list(figures(at))
    for expected in PAGES[page]:
        assert any(t.startswith(expected) for t in titles), (expected, titles)
    if page != "about":  # the one page with nothing to export
        assert at.get("download_button")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_an_empty_store(monkeypatch, tmp_path, page):
    at = on_page(monkeypatch, f"sqlite:///{tmp_path / 'empty.sqlite'}", page)
    assert not at.exception and not at.error


def test_filters_survive_a_page_switch(monkeypatch, demo_url):
    at = on_page(monkeypatch, demo_url, "switching", brands=["ChatGPT", "Claude"],
                 dates=["2026-02-25", "2026-03-05"])
    assert at.multiselect(key="brands").value == ["ChatGPT", "Claude"]
    sankey = figures(at)["Migration: posts reporting a move from one brand (left) to another "
                         "(right)"]
    labels = sankey["data"][0]["node"]["label"]
    assert "ChatGPT ▸" in labels and "▸ Claude" in labels
    assert at.query_params["dates"] == ["2026-02-25", "2026-03-05"]


def test_posts_page_filters_by_text_kind_and_day(monkeypatch, demo_url):
    at = on_page(monkeypatch, demo_url, "posts", q="pentagon", kinds=["leave"],
                 day="2026-02-28")
    table = at.dataframe[0].value
    assert len(table) > 0
    assert table["text"].str.lower().str.contains("pentagon").all()
    assert (table["switch_kind"] == "leave").all()
    assert (table["created_at"].dt.date.astype(str) == "2026-02-28").all()
    assert table["simulated"].all()


def test_switching_page_shows_the_posts_behind_a_flow(monkeypatch, demo_url):
    at = on_page(monkeypatch, demo_url, "switching", flow="ChatGPT → Gemini")
    flow = at.selectbox(key="flow")
    assert flow.value == "ChatGPT → Gemini" != flow.options[0]  # the link chose it
    rows = next(d.value for d in at.dataframe if "switch_phrase" in d.value.columns)
    assert len(rows) > 0 and rows["switch_phrase"].notna().all()
    assert any("posts report ChatGPT → Gemini" in c.value for c in at.caption)


def test_sources_page_lists_the_outages(monkeypatch, demo_url):
    at = on_page(monkeypatch, demo_url, "sources")
    tables = [d.value for d in at.dataframe]
    assert set(tables[0]["source"]) >= {"reddit", "bluesky", "app_store_charts"}
    outages = tables[-1]
    assert set(outages["source"]) == {"bluesky", "app_store_charts"}


def test_overview_shades_days_a_post_source_was_down(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url, dates=["2026-03-01", "2026-03-20"])
    backlash = figures(at)["Backlash: posts naming each brand, and how negative they are"]
    bands = [s for s in backlash["layout"]["shapes"] if s["type"] == "rect"]
    assert {b["x0"][:10] for b in bands} == {"2026-03-10"}  # bluesky; charts are not posts
    assert any("bluesky" in a.get("hovertext", "") for a in backlash["layout"]["annotations"])


def test_a_short_range_is_plotted_per_hour(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url, dates=["2026-02-28", "2026-03-01"])
    backlash = figures(at)["Backlash: posts naming each brand, and how negative they are"]
    assert backlash["layout"]["yaxis"]["title"]["text"] == "posts per hour"
    assert len(values(traces(backlash)["ChatGPT"], "x")) == 48


def test_the_about_page_names_the_scorer_of_the_stores_posts(monkeypatch, demo_url, tracker):
    from dashboard.scoring import Scorer
    at = on_page(monkeypatch, demo_url, "about")
    scored_by = [m.value for m in at.markdown if m.value.startswith("**Scored by**")]
    assert len(scored_by) == 1 and "VADER adapted to backlash and switching" in scored_by[0]
    assert Scorer(tracker).version in scored_by[0]


@pytest.mark.parametrize("page", ["overview", *PAGES])
def test_with_no_store_every_page_says_how_to_make_one(monkeypatch, tmp_path, page):
    monkeypatch.delenv("DASHBOARD_DB", raising=False)
    monkeypatch.setattr(paths, "USER_STORE", tmp_path / "dashboard.sqlite")
    monkeypatch.setattr(paths, "DEMO_STORE", tmp_path / "demo.sqlite")
    at = AppTest.from_file(APP, default_timeout=120)
    if page != "overview":
        at.switch_page(f"dashboard/app_pages/{page}.py")
    at.run()
    assert not at.exception and not at.error
    assert "No store yet" in at.info[0].value and "python -m dashboard demo" in at.info[0].value
    assert not list(tmp_path.iterdir())  # the app built nothing


@pytest.mark.parametrize("page", ["overview", *PAGES])
def test_a_tracker_of_another_market_on_the_demo_store(monkeypatch, demo_url, page):
    monkeypatch.setenv("DASHBOARD_TRACKER", str(FIXTURES / "trackers" / "streaming.toml"))
    at = on_page(monkeypatch, demo_url, page) if page != "overview" else \
        run_app(monkeypatch, demo_url)
    assert not at.exception and not at.error
    assert at.multiselect(key="brands").value == ["Spotify", "Apple Music", "Tidal"]
