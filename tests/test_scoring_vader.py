"""The fast VADER reimplementation equals vaderSentiment 3.3.2's compound score exactly."""
import csv
import random

import pytest
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from dashboard.scoring.vader import Vader, vader_emojis
from tests.helpers import shared

REFERENCE = SentimentIntensityAnalyzer()

# vaderSentiment's own demo sentences, and the corners of its rules (emoji, ALL CAPS, "but"
# with equal valences, "kind of", "least", "never so", "without a doubt", idioms, "no")
TRICKY = [
    "VADER is smart, handsome, and funny.", "VADER is VERY SMART, uber handsome, and "
    "FRIGGIN FUNNY!!!", "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.", "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Not bad at all",
    "Sentiment analysis has never been this good!", "With VADER, sentiment analysis is "
    "the shit!", "On the other hand, VADER is quite bad ass", "Without a doubt, excellent "
    "idea.", "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "good good but good good", "great, great but bad bad", "GOOD but BAD", "no no no",
    "no good", "no problems", "no, I love it", "kiss of death", "to die for", "yeah right",
    "the bomb!!!!!!", "what??", "what????", "", "   ", "!!!", "😁", "a😁b 😁😁 c 💘!",
    "I don't not like it", "I can't stand it", "It is kind of bad, sort of good",
    "This is so good", "this is never so bad", "Very very very good", "LEAST GOOD",
    "the least good thing", "very least good", "bus stop", "He is a BAD ASS", "n't good",
    "ALL CAPS TEXT IS GOOD", "İstanbul is lovely", "ΣΊΣΥΦΟΣ good", "ﬁne good",
]


def test_equals_vadersentiment_on_tricky_sentences():
    vader = Vader()
    assert [vader.compound(t) for t in TRICKY] == \
        [REFERENCE.polarity_scores(t)["compound"] for t in TRICKY]


def test_equals_vadersentiment_on_random_word_salad():
    """Texts mixing every rule's trigger words, cases and punctuation."""
    rng = random.Random(4)
    vader = Vader()
    words = (list(NEGATE) + list(BOOSTER_DICT) + ["good", "bad", "love", "hate", "no", "but",
             "least", "at", "very", "never", "so", "this", "without", "doubt", "kind", "of",
             "the", "shit", "bomb", "ass", ":)", ":(", "😁", "💔", "lol", "wtf", "ok", "meh",
             "great", "horrible", "not", "or", "nor", "i", "it", "is"])
    for _ in range(5000):
        tokens = [rng.choice(words) for _ in range(rng.randint(0, 14))]
        tokens = [t.upper() if rng.random() < 0.15 else t for t in tokens]
        tokens = [t + rng.choice(["", "", "", ",", ".", "!", "?", "!!", "..."]) for t in tokens]
        text = " ".join(tokens)
        assert vader.compound(text) == REFERENCE.polarity_scores(text)["compound"], text


def test_equals_vadersentiment_on_every_shared_text():
    """About 30,000 real texts: the four VADER sets, TweetEval, the real Reddit titles."""
    texts = []
    for path in sorted(shared("sentiment", "hutto_icwsm2014").glob("*_GroundTruth.txt")):
        texts += [line.split("\t", 2)[2] for line in
                  path.read_text(encoding="utf-8").splitlines()]
    texts += shared("sentiment", "tweeteval_val", "val_text.txt").read_text(
        encoding="utf-8").splitlines()
    with open(shared("real-posts", "reddit_ai_trends_2025.csv"), encoding="utf-8") as f:
        texts += [r["title"] for r in csv.DictReader(f)]
    vader = Vader()
    differ = [t for t in texts if vader.compound(t) != REFERENCE.polarity_scores(t)["compound"]]
    assert len(texts) > 25_000 and differ == []


def test_no_emoji_is_ascii():
    """``Vader.tokens`` skips the emoji lookup for ASCII texts."""
    assert not any(ch.isascii() for ch in vader_emojis())


@pytest.mark.parametrize("text", ["a😁b c", "😁😁 x", "ok 💘!\tno 😁"])
def test_words_know_the_original_token_they_came_from(text):
    tokens = Vader().tokens(text)
    assert len(tokens.owner) == len(tokens.words)
    assert sorted(set(tokens.owner)) == list(range(len(text.split())))
