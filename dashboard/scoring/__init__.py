"""The scorer: sentiment, brands named and switching, for one text or a whole frame.

``Scorer(tracker).score_frame(frame)`` adds the store's score columns to a frame with a
``text`` column. ``SCORER_VERSION`` is stored beside the scores so stored posts are rescored
only when it changes.
"""
from __future__ import annotations

import pandas as pd

from dashboard.scoring.brands import BrandMatcher
from dashboard.scoring.sentiment import Sentiment, label
from dashboard.scoring.switching import detect_switch
from dashboard.tracker import Tracker

SCORER_VERSION = "1"
SCORE_COLUMNS = ["sentiment", "sentiment_label", "brands", "switch_from", "switch_to",
                 "switch_kind", "switch_phrase", "scorer_version"]


class Scorer:
    def __init__(self, tracker: Tracker):
        self.brands = BrandMatcher(tracker)
        self.sentiment = Sentiment()

    def score(self, text: str) -> dict:
        """All score columns for one text."""
        text = text or ""
        compound = self.sentiment.compound(text)
        mentions = self.brands.mentions(text)
        named = {m.brand for m in mentions}
        switch = detect_switch(text, mentions)
        return {
            "sentiment": compound,
            "sentiment_label": label(compound),
            "brands": ";".join(b for b in self.brands.brand_names if b in named),
            "switch_from": switch.switch_from if switch else None,
            "switch_to": switch.switch_to if switch else None,
            "switch_kind": switch.kind if switch else None,
            "switch_phrase": switch.phrase if switch else None,
            "scorer_version": SCORER_VERSION,
        }

    def score_frame(self, frame: pd.DataFrame, progress=None) -> pd.DataFrame:
        """A copy of ``frame`` with the score columns added (replacing any old ones)."""
        rows = []
        for i, text in enumerate(frame["text"].tolist(), 1):
            rows.append(self.score(text if isinstance(text, str) else ""))
            if progress and i % 1000 == 0:
                progress(i)
        scores = pd.DataFrame(rows, index=frame.index, columns=SCORE_COLUMNS)
        return pd.concat([frame.drop(columns=SCORE_COLUMNS, errors="ignore"), scores], axis=1)
