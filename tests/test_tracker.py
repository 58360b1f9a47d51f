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
