"""Post-level sentiment: plain VADER, or VADER adapted to backlash and switching (default).

``Sentiment("vader")`` is vaderSentiment 3.3.2's compound score, exactly. ``Sentiment()``
("full") adds, on top of the same algorithm:

* the field's words as data: ``data/lexicon/backlash.tsv`` plus the tracker's own files
  (cancel, unsubscribe, refund, "deleted my account", QuitGPT, ...);
* fixes for published VADER weaknesses, each checked with ``make eval``: "nobody" and
  "noone" as negations, negation that stops at the end of a sentence, polite requests
  ("Please fix it") and wishes ("I wish it worked") no longer read as praise.

May import: scoring.lexicon, scoring.vader, vocabulary.
"""
from __future__ import annotations

from pathlib import Path

from dashboard.scoring.lexicon import FIELD_LEXICON, apply, fingerprint, load_entries
from dashboard.scoring.vader import Scored, Vader, vader_lexicon
from dashboard.vocabulary import NEGATIVE, NEGATIVE_LABEL, NEUTRAL_LABEL, POSITIVE, POSITIVE_LABEL

MODES = ("full", "vader")
NEGATIONS = frozenset(("nobody", "noone"))  # missing from VADER's list


def label(compound: float) -> str:
    """positive (>= 0.05), negative (<= -0.05) or neutral (the thresholds and names are
    in vocabulary.py)."""
    if compound >= POSITIVE:
        return POSITIVE_LABEL
    if compound <= NEGATIVE:
        return NEGATIVE_LABEL
    return NEUTRAL_LABEL


class Sentiment:
    """Compound scores in ``mode`` "full" (default) or "vader"; ``lexicon_files`` (the
    tracker's) are applied after the field's lexicon, in "full" mode only."""

    def __init__(self, mode: str = "full", lexicon_files: tuple[str | Path, ...] = ()):
        if mode not in MODES:
            raise ValueError(f"unknown scorer {mode!r}; choose from {', '.join(MODES)}")
        self.mode = mode
        if mode == "vader":
            self.vader = Vader()
            self.fingerprint = "vader"
            return
        entries = load_entries([FIELD_LEXICON, *lexicon_files])
        words, phrases = apply(vader_lexicon(), entries)
        self.vader = Vader(words, phrases, negations=NEGATIONS, counterfactual=True,
                           requests=True, scoped=True)
        self.fingerprint = fingerprint(entries)

    def compound(self, text: str) -> float:
        return self.vader.compound(text) if text else 0.0

    def score(self, text: str) -> Scored:
        """Words, their valences and the compound score (see ``vader.Vader.score``)."""
        return self.vader.score(text)
