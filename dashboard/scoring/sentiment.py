"""Post-level sentiment: VADER's compound score and its usual three labels."""
from __future__ import annotations

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

POSITIVE, NEGATIVE = 0.05, -0.05  # VADER's published thresholds on the compound score


def label(compound: float) -> str:
    """positive (>= 0.05), negative (<= -0.05) or neutral."""
    if compound >= POSITIVE:
        return "positive"
    if compound <= NEGATIVE:
        return "negative"
    return "neutral"


class Sentiment:
    """VADER compound scores; one analyzer (its lexicon loads once) per instance."""

    def __init__(self):
        self._vader = SentimentIntensityAnalyzer()

    def compound(self, text: str) -> float:
        return self._vader.polarity_scores(text)["compound"] if text else 0.0
