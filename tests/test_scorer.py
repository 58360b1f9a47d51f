"""The first scorer: VADER compound and label, brands named, switching from → to."""
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dashboard.scoring import SCORE_COLUMNS, Scorer
from dashboard.scoring.sentiment import label


@pytest.fixture(scope="module")
def scorer(tracker):
    return Scorer(tracker)


@pytest.mark.parametrize("compound, expected", [
    (0.05, "positive"), (0.0499, "neutral"), (-0.0499, "neutral"), (-0.05, "negative")])
def test_labels_use_vaders_thresholds(compound, expected):
    assert label(compound) == expected


@pytest.mark.parametrize("text, brands", [
    ("I use ChatGPT Plus and Claude's app", "ChatGPT;Claude"),
    ("OpenAI and Anthropic both", "ChatGPT;Claude"),
    ("Claudette went to the market", ""),
    ("grok this idea", ""),
    ("Grok 3 is out", "Grok"),
    ("le chat est noir", ""),
    ("Le Chat by Mistral", "Le Chat"),
    # lower-case names that are also ordinary words count where the words beside them make
    # them the product
    ("left grok last week", "Grok"),
    ("grok's answers got weird", "Grok"),
    ("it took a week to grok this codebase", ""),
    ("grok is off my phone now", "Grok"),  # the verb is never followed by "is"
    ("le chat was faster than I expected", "Le Chat"),
    ("moved over to le chat", "Le Chat"),
    ("ditched copilot at work", "Copilot"),
    ("an AI copilot for your inbox", ""),
    ("dropped Plus in March", "ChatGPT"),  # in context, in the case the tracker writes it
    ("my Plus sub renews tomorrow", "ChatGPT"),
    ("Plus, it's cheaper than Disney Plus", ""),
    ("cancelled plus-size shipping", ""),
    ("Le  Chat and Le\nChat", "Le Chat"),  # any run of white space inside a name (was a crash)
    ("#LeChat and r/ClaudeAI", "Claude;Le Chat"),
    ("r/GeminiAI, r/grok and r/perplexity_ai", "Gemini;Grok;Perplexity"),  # subreddits
    ("GPT-4o vs Gemini vs DeepSeek-R1", "ChatGPT;Gemini;DeepSeek"),
    ("Chat\u200bGPT and Clau\u00adde", "ChatGPT;Claude"),  # invisible characters hide no name
])
def test_brands_named(scorer, text, brands):
    assert scorer.score(text)["brands"] == brands


@pytest.mark.parametrize("text, frm, to", [
    ("Cancel your ChatGPT subscriptions and pick up a Claude subscription", "ChatGPT", "Claude"),
    ("deleted my ChatGPT account", "ChatGPT", None),
    ("Switched from ChatGPT to Claude last week", "ChatGPT", "Claude"),
    ("ChatGPT → Claude, no regrets", "ChatGPT", "Claude"),
    ("Left ChatGPT for Claude and it's wonderful", "ChatGPT", "Claude"),
    ("Google just dropped Gemini 3", None, None),
    ("VP of Research leaves OpenAI", None, None),
    ("I'm not cancelling ChatGPT", None, None),
    ("deleted my Chat\u2060GPT account, moving to \ufeffClaude", "ChatGPT", "Claude"),
])
def test_switching(scorer, text, frm, to):
    row = scorer.score(text)
    assert (row["switch_from"], row["switch_to"]) == (frm, to)


def test_score_frame_adds_the_columns_and_matches_vader(scorer):
    texts = ["Claude is wonderful", "ChatGPT is awful", "", None]
    scored = scorer.score_frame(pd.DataFrame({"text": texts, "keep": [1, 2, 3, 4]}))
    assert list(scored.columns) == ["text", "keep", *SCORE_COLUMNS]
    vader = SentimentIntensityAnalyzer()
    assert scored["sentiment"][0] == vader.polarity_scores(texts[0])["compound"]
    assert list(scored["sentiment_label"]) == ["positive", "negative", "neutral", "neutral"]
