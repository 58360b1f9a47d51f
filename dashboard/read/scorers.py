"""Which scorer made the stored numbers, in words (the About page and the exports say it).

May import: vocabulary.
"""
from __future__ import annotations

from dashboard.vocabulary import FULL, SCORER_VERSION, TRANSFORMERS, VADER


def describe(version: str | None) -> str:
    """In words, the scorer that made scores stored with ``version``
    ("<number>-<mode>-<digest>", see ``scoring.Scorer.version``)."""
    if not version:
        return "not scored"
    number, _, rest = version.partition("-")
    mode = rest.rsplit("-", 1)[0]
    if mode == FULL:
        what = "VADER adapted to backlash and switching (this project's lexicon and rules)"
    elif mode == VADER:
        what = "plain VADER (vaderSentiment 3.3.2)"
    elif mode.startswith(TRANSFORMERS):
        what = f"the transformer model {mode[len(TRANSFORMERS):]}"
    else:
        what = f"scorer {version}"
    if number != SCORER_VERSION:
        what += f", an older version ({number}): `python -m dashboard rescore` updates it"
    return what
