"""The adapted sentiment: the field's lexicon as data, the tracker's own lexicon, the fixes
for VADER's weaknesses, and the two modes."""
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dashboard.errors import UserError
from dashboard.scoring import SCORER_VERSION, Scorer
from dashboard.scoring.lexicon import FIELD_LEXICON, load_entries
from dashboard.scoring.sentiment import Sentiment, label
from dashboard.tracker import TrackerError, load_tracker, parse_tracker

VADER = SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def full(tracker):
    return Sentiment("full", tracker.lexicon)


@pytest.mark.parametrize("text", ["Claude is wonderful", "Please fix it", "I wish it worked",
                                  "Not bad. Great app", "#QuitGPT", "no issues", ""])
def test_vader_mode_is_vadersentiment(text):
    assert Sentiment("vader").compound(text) == (VADER.polarity_scores(text)["compound"]
                                                 if text else 0.0)


@pytest.mark.parametrize("text, vader_label, ours", [
    # polite requests and wishes name what is missing: not praise
    ("Please fix the app", "positive", "neutral"),
    ("Kindly improve your performance", "positive", "neutral"),
    ("I wish it worked", "positive", "neutral"),
    ("I wish Claude had memory", "positive", "neutral"),
    ("It would be nice if the app were faster", "positive", "neutral"),
    # "no" before a problem the field talks about
    ("no issues so far", "negative", "positive"),
    ("no bugs at all", "negative", "positive"),
    # negation ends with the sentence
    ("Nothing. Everything is great", "negative", "positive"),
    ("Not bad. Great app", "negative", "positive"),
    # "nobody" negates like "no one"
    ("nobody likes this", "positive", "negative"),
    # the field's words
    ("I unsubscribed today", "neutral", "negative"),
    ("Deleted my ChatGPT account", "neutral", "negative"),
    ("The kill switch is here", "negative", "neutral"),
])
def test_fixes(full, text, vader_label, ours):
    assert label(VADER.polarity_scores(text)["compound"]) == vader_label
    assert label(full.compound(text)) == ours


@pytest.mark.parametrize("text", ["It will please you", "I wish you a happy new year",
                                  "Best wishes to all", "Wish you were here, love it"])
def test_what_is_not_a_request_or_a_wish_keeps_its_praise(full, text):
    assert label(full.compound(text)) == "positive"


def test_the_field_lexicon_gives_a_reason_for_every_entry():
    entries = load_entries([FIELD_LEXICON])
    assert len(entries) > 30 and all(e.why for e in entries.values())
    assert {"unsubscribe", "canceled", "deleted my account", "switched to"} <= set(entries)


def test_tracker_lexicon_adds_to_and_overrides_the_field_lexicon(tmp_path, tracker):
    own = tmp_path / "own.tsv"
    own.write_text("# mine\nswitched to\t1.5\tin this market switching is praise\n"
                   "frobnicate\t-2\ta word of this market\n", encoding="utf-8")
    raw = {"tracker": {"name": "t"}, "brands": [{"name": "Acme"}],
           "scoring": {"lexicon": ["own.tsv"]}}
    mine = parse_tracker(raw, str(tmp_path / "t.toml"))
    assert mine.lexicon == (str(own),)
    sentiment = Sentiment("full", mine.lexicon)
    assert sentiment.compound("they frobnicate") < 0 < sentiment.compound("switched to Acme")
    assert Sentiment("full").compound("switched to Acme") < 0
    assert Scorer(mine).version != Scorer(parse_tracker(
        {**raw, "scoring": {}}, str(tmp_path / "t.toml"))).version


def test_the_shipped_tracker_has_its_own_lexicon(tracker, full):
    assert tracker.lexicon and full.compound("#QuitGPT") < 0


def test_a_missing_tracker_lexicon_file_is_named(tmp_path):
    raw = {"tracker": {"name": "t"}, "brands": [{"name": "Acme"}],
           "scoring": {"lexicon": ["nope.tsv"]}}
    with pytest.raises(TrackerError, match=r"scoring\.lexicon\[0\].*nope\.tsv"):
        parse_tracker(raw, str(tmp_path / "t.toml"))


@pytest.mark.parametrize("line, message", [
    ("word\t-1", "expected term<TAB>valence<TAB>why"),
    ("word\tbad\twhy", "not a number"),
    ("word\t-9\twhy", "outside VADER's scale"),
    ("word\t-1\t ", "must not be empty"),
    ("* account\t-1\twhy", "wildcard"),
])
def test_bad_lexicon_lines_are_named_by_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(UserError, match=f"bad.tsv:2: .*{message}"):
        load_entries([path])


def test_versions_differ_by_mode_and_lexicon(tracker):
    full, vader = Scorer(tracker), Scorer(tracker, "vader")
    assert full.version.startswith(f"{SCORER_VERSION}-full-") and vader.version.startswith(
        f"{SCORER_VERSION}-vader-")
    assert len(full.version) <= 20  # posts.scorer_version is String(20)
    assert Scorer(load_tracker(tracker.path)).version == full.version
    with pytest.raises(ValueError, match="unknown scorer"):
        Sentiment("bert")
