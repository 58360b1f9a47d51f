"""Post-level sentiment: plain VADER, or VADER adapted to backlash and switching (default).

``Sentiment("vader")`` is vaderSentiment 3.3.2's compound score, exactly. ``Sentiment()``
("full") adds, on top of the same algorithm:

* the field's words as data: ``data/lexicon/backlash.tsv`` plus the tracker's own files;
* fixes for published VADER weaknesses (``RULES``): "nobody" and "noone" as negations, and
  negation that stops at the end of a sentence ("Not bad. Great app").

Each entry and rule is kept only while ``make eval`` shows it helps on data it was not
tuned on (the store reviews and the test splits) and hurts none of it
(``eval/sentiment_changes.py``). Rules for wishes ("I wish it worked") and polite requests
("Please fix it") were removed that way: on real app reviews they made things worse
("great app, please add offline mode" is praise).

May import: scoring.lexicon, scoring.vader, vocabulary.
"""
from __future__ import annotations

from pathlib import Path

from dashboard.scoring.lexicon import FIELD_LEXICON, apply, fingerprint, load_entries
from dashboard.scoring.vader import Scored, Vader, vader_lexicon
from dashboard.vocabulary import NEGATIVE, NEGATIVE_LABEL, NEUTRAL_LABEL, POSITIVE, POSITIVE_LABEL

MODES = ("full", "vader")
NEGATIONS = frozenset(("nobody", "noone"))  # missing from VADER's list
# the fixes "full" mode switches on (``vader.Vader``'s options; "negations" adds NEGATIONS);
# each is kept only while `make eval` shows it helps on data it was not tuned on
RULES = {"negations": True, "scoped": True}


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
        self.vader = adapted(entries, RULES)
        self.fingerprint = fingerprint(entries)

    def compound(self, text: str) -> float:
        return self.vader.compound(text) if text else 0.0

    def compounds(self, texts: list[str]) -> list[float]:
        return [self.compound(t) for t in texts]

    def score(self, text: str) -> Scored:
        """Words, their valences and the compound score (see ``vader.Vader.score``)."""
        return self.vader.score(text)


def adapted(entries: dict, rules: dict[str, bool]) -> Vader:
    """VADER with lexicon ``entries`` (``lexicon.load_entries``) and the ``rules`` that are
    True (names as in ``RULES``)."""
    words, phrases = apply(vader_lexicon(), entries)
    return Vader(words, phrases, negations=NEGATIONS if rules.get("negations") else frozenset(),
                 scoped=rules.get("scoped", False))
