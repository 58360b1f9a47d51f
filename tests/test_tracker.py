"""Tracker files: the shipped one loads, a second market needs no code, bad keys are named."""
import pytest

from dashboard.scoring import Scorer
from dashboard.tracker import TrackerError, load_tracker, parse_tracker
from tests.helpers import FIXTURES, ROOT

MINIMAL = {"tracker": {"name": "t"}, "brands": [{"name": "A"}]}


def test_shipped_tracker_has_the_brands_and_app_ids(tracker):
    assert tracker.brand_names == ["ChatGPT", "Claude", "Gemini", "Grok", "Copilot",
                                   "Perplexity", "DeepSeek", "Meta AI", "Le Chat"]
    for b in tracker.brands:
        assert b.app("app_store").app_id.isdigit(), b.name
        assert "." in b.app("google_play").app_id, b.name
        assert all(a.source for a in b.apps), b.name
    assert tracker.brand_for_app("app_store", "6473753684") == "Claude"
    assert "OpenAI" in tracker.brand("ChatGPT").aliases
    assert tracker.charts.countries[0] == "us"
    assert tracker.sources["reddit"]["subreddits"]


def test_a_second_market_needs_only_a_file():
    t = load_tracker(FIXTURES / "trackers" / "streaming.toml")
    s = Scorer(t)
    row = s.score("Cancelled my Spotify Premium and moved to Tidal, the sound is great")
    assert (row["brands"], row["switch_from"], row["switch_to"]) == \
        ("Spotify;Tidal", "Spotify", "Tidal")
    assert s.score("the tidal wave")["brands"] == ""  # cased alias: not the ordinary word


@pytest.mark.parametrize("raw, key", [
    ({"brands": [{"name": "A"}]}, "tracker: missing table"),
    ({"tracker": {"name": "t"}}, "brands: expected at least one"),
    ({"tracker": {"name": "t"}, "brands": [{"name": "A"}, {"name": "A"}]}, "brands[1].name"),
    ({"tracker": {"name": "t"}, "brands": [{"name": "A", "aliases": "A"}]}, "brands[0].aliases"),
    ({"tracker": {"name": "t"}, "brands": [{"name": "A", "app_store": {"id": "1"}}]},
     "brands[0].app_store.source: missing"),
    (MINIMAL | {"charts": {"limit": 500}}, "charts.limit"),
    (MINIMAL | {"sources": {"reddit": {"subreddits": [1]}}}, "sources.reddit.subreddits"),
    (MINIMAL | {"sources": {"reddit": {"queries": "cancel ChatGPT"}}}, "sources.reddit.queries"),
    (MINIMAL | {"sources": {"reddit": {"top_comments": "five"}}}, "sources.reddit.top_comments"),
    (MINIMAL | {"sources": {"bluesky": {"service": 3}}}, "sources.bluesky.service"),
    (MINIMAL | {"tracker": {"name": "t", "keep_author_handles": "yes"}},
     "tracker.keep_author_handles"),
])
def test_bad_tracker_errors_name_the_key(raw, key):
    with pytest.raises(TrackerError) as e:
        parse_tracker(raw, "x.toml")
    assert str(e.value).startswith("x.toml: ")
    assert key in str(e.value)


def test_unreadable_tracker_files(tmp_path):
    with pytest.raises(TrackerError, match="not found"):
        load_tracker(tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[tracker\nname=")
    with pytest.raises(TrackerError, match="bad.toml: not valid TOML"):
        load_tracker(bad)


def test_every_shipped_tracker_loads():
    for path in (ROOT / "data" / "trackers").glob("*.toml"):
        assert load_tracker(path).brands


# --- read strictly: a misspelt table, key or name is an error with the nearest valid one ---

@pytest.mark.parametrize("change, message", [
    ({"sources": {"redit": {"queries": ["x"]}}},
     "sources.redit: unknown source; did you mean 'reddit'?"),
    ({"sources": {"reddit": {"querys": ["x"]}}},
     "sources.reddit.querys: unknown key; did you mean 'queries'?"),
    ({"brands": [{"name": "A", "colour": "#000000"}]},
     "brands[0].colour: unknown key; did you mean 'color'?"),
    ({"chart": {"limit": 3}}, "chart: unknown table; did you mean 'charts'?"),
    ({"tracker": {"name": "t", "nmae": "x"}}, "tracker.nmae: unknown key; did you mean 'name'?"),
    ({"charts": {"charts": ["top-fre"]}},
     "charts.charts[0]: unknown chart 'top-fre'; did you mean 'top-free'?"),
    ({"charts": {"countries": ["us", "uk"]}},
     "charts.countries[1]: unknown country 'uk'; did you mean 'gb'?"),
    ({"sources": {"app_store_reviews": {"countries": ["zz"]}}},
     "sources.app_store_reviews.countries[0]: unknown country 'zz'"),
    ({"brands": [{"name": "A", "app_store": {"id": "1", "source": "x", "url": "y"}}]},
     "brands[0].app_store.url: unknown key"),
    ({"sources": {"hackernews": {"base_url": "http://hn.example.com"}}},
     "sources.hackernews.base_url: expected a https:// URL"),
    ({"sources": {"mastodon": {"servers": ["ftp://x.example"]}}},
     "sources.mastodon.servers[0]: expected a https:// URL"),
    ({"sources": {"bluesky_stream": {"endpoints": ["https://jet.example/subscribe"]}}},
     "sources.bluesky_stream.endpoints[0]: expected a wss:// URL"),
    ({"reasons": [{"name": "price", "label": "Price"}]}, "reasons[0].phrases: missing"),
    ({"reasons": [{"name": "price", "label": "Price", "phrases": ["too expensive"],
                   "descripton": "x"}]},
     "reasons[0].descripton: unknown key; did you mean 'description'?"),
    ({"alerts": {"notify": "json://x"}}, "alerts.notify: expected a list of non-empty strings"),
])
def test_a_misspelt_or_unknown_name_is_named_with_the_nearest_valid_one(change, message):
    with pytest.raises(TrackerError) as e:
        parse_tracker(MINIMAL | change, "x.toml")
    assert str(e.value).startswith(f"x.toml: {message}")


def test_the_tables_others_are_adding_are_accepted_with_their_shapes():
    t = parse_tracker(MINIMAL | {
        "reasons": [{"name": "price", "label": "Price", "phrases": ["too expensive", "* a month"],
                     "description": "what it costs"}],
        "alerts": {"notify": ["json://127.0.0.1:9/hook"]},
        "sources": {"bluesky_stream": {"endpoints": ["wss://jetstream1.example/subscribe",
                                                     "ws://127.0.0.1:6008/subscribe"],
                                       "queries": ["QuitGPT"]}},
    }, "x.toml")
    assert t.sources["bluesky_stream"]["endpoints"][1] == "ws://127.0.0.1:6008/subscribe"


def test_every_source_can_point_anywhere_and_urls_are_cleaned():
    t = parse_tracker(MINIMAL | {"sources": {
        "hackernews": {"base_url": "http://127.0.0.1:8080/"},
        "bluesky": {"service": "https://pds.example.org"},
        "mastodon": {"servers": ["mastodon.social", "http://localhost:3000"]},
        "app_store_reviews": {"base_url": "https://mirror.example/itunes"},
        "google_play_reviews": {"base_url": "https://play.example"},
        "reddit": {"base_url": "http://[::1]:9000"},
    }, "charts": {"base_url": "https://feeds.example", "legacy_base_url": "http://127.0.0.1:1"}},
        "x.toml")
    assert t.sources["hackernews"]["base_url"] == "http://127.0.0.1:8080"
    assert t.sources["mastodon"]["servers"] == ["mastodon.social", "http://localhost:3000"]
    assert (t.charts.base_url, t.charts.legacy_base_url) == ("https://feeds.example",
                                                             "http://127.0.0.1:1")


def test_every_collector_and_chart_has_its_tracker_table():
    from dashboard.collectors import app_store_charts, runner
    from dashboard.tracker_keys import CHART_NAMES, SOURCES
    assert set(runner.SOURCES) - runner.ALWAYS <= set(SOURCES)
    assert set(CHART_NAMES) == set(app_store_charts.LEGACY_CHARTS)


def test_a_misspelt_tracker_stops_collect_with_exit_2_and_no_traceback(tmp_path, capsys):
    from dashboard.cli import main
    path = tmp_path / "t.toml"
    path.write_text('[tracker]\nname = "t"\n[[brands]]\nname = "A"\n'
                    '[sources.reddit]\nquerys = ["cancel A"]\n')
    assert main(["collect", "--tracker", str(path), "--db", f"sqlite:///{tmp_path}/s.sqlite"]) \
        == 2
    err = capsys.readouterr().err
    assert err == f"error: {path}: sources.reddit.querys: unknown key; did you mean " \
                  "'queries'?\n"
