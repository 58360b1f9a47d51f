"""The adapted sentiment: the field's lexicon as data, the tracker's own lexicon, the fixes
for VADER's weaknesses that earned their place (tests/test_eval_sentiment.py checks the
rule on real data), and the two modes."""
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
    # negation ends with the sentence
    ("Nothing. Everything is great", "negative", "positive"),
    ("Not bad. Great app", "negative", "positive"),
    # "nobody" negates like "no one"
    ("nobody likes this", "positive", "negative"),
    # the field's words, and "no" before a problem
    ("The app keeps crashing", "neutral", "negative"),
    ("Overpriced for what it is", "neutral", "negative"),
    ("Bring back the old voice", "neutral", "negative"),
    ("no bug so far", "negative", "positive"),
])
def test_fixes(full, text, vader_label, ours):
    assert label(VADER.polarity_scores(text)["compound"]) == vader_label
    assert label(full.compound(text)) == ours


@pytest.mark.parametrize("text", [
    # the rules for wishes and polite requests made real app reviews read worse ("great app,
    # please add offline mode" is praise), so they were removed (issue 11)
    "Please fix the app", "I wish it worked", "It would be nice if the app were faster",
    # words of the field that no labelled set contains have shown nothing yet
    "I unsubscribed today", "Deleted my ChatGPT account", "#QuitGPT", "no issues so far"])
def test_what_did_not_earn_its_place_reads_as_plain_vader(full, text):
    assert full.compound(text) == VADER.polarity_scores(text)["compound"]


def test_the_field_lexicon_gives_a_reason_for_every_entry():
    entries = load_entries([FIELD_LEXICON])
    assert len(entries) >= 5 and all(e.why for e in entries.values())
    assert {"canceled", "crashing", "bug"} <= set(entries)


def test_tracker_lexicon_adds_to_and_overrides_the_field_lexicon(tmp_path, tracker):
    own = tmp_path / "own.tsv"
    own.write_text("# mine\ncanceled\t1.5\tin this market a cancelled thing is good news\n"
                   "frobnicate\t-2\ta word of this market\n", encoding="utf-8")
    raw = {"tracker": {"name": "t"}, "brands": [{"name": "Acme"}],
           "scoring": {"lexicon": ["own.tsv"]}}
    mine = parse_tracker(raw, str(tmp_path / "t.toml"))
    assert mine.lexicon == (str(own),)
    sentiment = Sentiment("full", mine.lexicon)
    assert sentiment.compound("they frobnicate") < 0 < sentiment.compound("Acme canceled")
    assert Sentiment("full").compound("Acme canceled") < 0
    assert Scorer(mine).version != Scorer(parse_tracker(
        {**raw, "scoring": {}}, str(tmp_path / "t.toml"))).version


def test_the_shipped_tracker_has_its_own_lexicon(tracker, full):
    text = "it refuses to answer"
    assert tracker.lexicon and full.compound(text) < 0 == Sentiment("full").compound(text)


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
    assert len(full.version) <= 20  # short (the column takes 200, for a model's name)
    assert Scorer(load_tracker(tracker.path)).version == full.version
    with pytest.raises(ValueError, match="unknown scorer"):
        Sentiment("bert")
