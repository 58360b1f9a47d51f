"""Sentiment toward each brand named (scores per brand mention, by clause)."""
import json

import pytest

from dashboard.scoring import Scorer
from dashboard.scoring.sentiment import label


@pytest.fixture(scope="module")
def scorer(tracker):
    return Scorer(tracker)


def toward(scorer, text) -> dict[str, str]:
    return {b: label(v) for b, v in json.loads(scorer.score(text)["brand_sentiment"]).items()}


@pytest.mark.parametrize("text, expected", [
    ("Left ChatGPT for Claude and it's wonderful", {"ChatGPT": "negative", "Claude": "positive"}),
    ("I cancelled ChatGPT. It was garbage.", {"ChatGPT": "negative"}),
    ("Gemini is awful; DeepSeek is brilliant", {"Gemini": "negative", "DeepSeek": "positive"}),
    ("Grok is worse than Perplexity", {"Grok": "negative", "Perplexity": "positive"}),
    ("Terrible week. Claude made it fun though", {"Claude": "positive"}),
    ("Copilot and Gemini are both great", {"Copilot": "positive", "Gemini": "positive"}),
    ("Thinking of leaving ChatGPT for Claude", {"ChatGPT": "negative", "Claude": "positive"}),
])
def test_each_brand_gets_its_own_clauses(scorer, text, expected):
    assert toward(scorer, text) == expected


def test_a_one_clause_post_gives_every_brand_the_post_score(scorer):
    row = scorer.score("I love using Claude with ChatGPT!!")
    assert json.loads(row["brand_sentiment"]) == {"ChatGPT": row["sentiment"],
                                                  "Claude": row["sentiment"]}


def test_emoji_do_not_shift_words_between_brands(scorer):
    assert toward(scorer, "Claude 😍 is great, ChatGPT 😡 is awful") == \
        {"ChatGPT": "negative", "Claude": "positive"}


def test_no_brand_no_brand_sentiment(scorer):
    assert scorer.score("What a lovely day")["brand_sentiment"] is None
