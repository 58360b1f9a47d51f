"""Lexicon overrides: the words of a field, as data (``data/lexicon/*.tsv``).

One entry a line, tab-separated: term, valence (-4..4, VADER's scale), and why (required:
a reviewer must be able to judge every entry). Lines starting with ``#`` and blank lines
are ignored. A term of several words ("deleted my account") is matched as a phrase of
lower-case words; a single word replaces VADER's valence for it, and a valence of 0
removes the word from VADER's lexicon. A phrase may use ``*`` for any one word (the syntax
the tracker's reasons share, ``dashboard/phrases.py``), but not first. Later files override
earlier ones: the field's file first (``backlash.tsv``), then the tracker's own (its
``[scoring] lexicon`` key). An entry is admitted only if ``make eval`` shows it helps on
data it was not shaped on and hurts none (``eval/sentiment_changes.py``; the files' headers
say more).

May import: errors, paths, phrases.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from dashboard.errors import UserError
from dashboard.paths import DATA
from dashboard.phrases import WILDCARD, normalise

FIELD_LEXICON = DATA / "lexicon" / "backlash.tsv"


class Entry(NamedTuple):
    term: str
    valence: float
    why: str
    where: str  # file:line, for messages


def load_entries(paths: list[str | Path]) -> dict[str, Entry]:
    """term -> entry over all files in order (later files win); raises UserError naming
    the file and line of a malformed entry."""
    entries: dict[str, Entry] = {}
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise UserError(f"{path}: cannot read lexicon file: {e.strerror}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            entry = _parse(line, f"{path}:{n}")
            entries[entry.term] = entry
    return entries


def _parse(line: str, where: str) -> Entry:
    parts = line.split("\t")
    if len(parts) != 3:
        raise UserError(f"{where}: expected term<TAB>valence<TAB>why, got {len(parts)} "
                        f"field(s)")
    term, valence, why = (p.strip() for p in parts)
    term = normalise(term)
    if not term or not why:
        raise UserError(f"{where}: the term and the reason must not be empty")
    if term.split()[0] == WILDCARD:  # phrases are looked up by their first word
        raise UserError(f"{where}: a term cannot start with the wildcard \"{WILDCARD}\"")
    try:
        value = float(valence)
    except ValueError:
        raise UserError(f"{where}: valence {valence!r} is not a number") from None
    if not -4 <= value <= 4:
        raise UserError(f"{where}: valence {value} is outside VADER's scale -4..4")
    return Entry(term, value, why, where)


def apply(lexicon: dict[str, float], entries: dict[str, Entry]
          ) -> tuple[dict[str, float], dict[tuple[str, ...], float]]:
    """VADER's lexicon with the single-word entries applied, and the phrases."""
    words = dict(lexicon)
    phrases = {}
    for e in entries.values():
        if " " in e.term:
            phrases[tuple(e.term.split())] = e.valence
        elif e.valence:
            words[e.term] = e.valence
        else:
            words.pop(e.term, None)
    return words, phrases


def fingerprint(entries: dict[str, Entry]) -> str:
    """Six hex digits that change whenever a term or valence does (not the reasons)."""
    body = "\n".join(f"{e.term}\t{e.valence}" for e in sorted(entries.values()))
    return hashlib.sha1(body.encode()).hexdigest()[:6]
