"""Sentiment toward each brand a post names, from the same word valences as the post score.

"Left ChatGPT for Claude and it's wonderful" is negative toward ChatGPT and positive toward
Claude. A post is cut into clauses (after , ; : . ! ? and before "but", "and", "because",
...). Each brand gets the valences of the clauses naming it, and of the clauses after it
that name no brand ("... and it's wonderful" is about the brand named last). In a
comparison ("Claude is better than ChatGPT") a brand named only after "than" gets the
words before "than" reversed. A switching statement gives the brand left a negative
valence and the brand chosen a positive one, in place of the valences of the statement's
own words. "!" and "?" add emphasis as in VADER. A brand with no sentiment of its own gets
the post's score, and so does every brand of a one-clause post with neither a comparison
nor a switch.

May import: scoring.brands, scoring.switching, scoring.vader, vocabulary.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict

from dashboard.scoring.brands import Mention
from dashboard.scoring.switching import Switch
from dashboard.scoring.vader import Scored, normalize, punctuation_emphasis
from dashboard.vocabulary import CONSIDER, LEAVE, MOVE, RETURN

CLAUSE_END = ",;:.!?"
CLAUSE_START = frozenset("but however although though whereas while and so because cause "
                         "cuz yet meanwhile whilst".split())
STRIP = CLAUSE_END + "\"'()"
# a clause boundary or a comparison may be here (a superset of what _clauses finds)
MAYBE_SEVERAL = re.compile(rf"[{CLAUSE_END}]\s+\S|\b(?:{'|'.join(CLAUSE_START)}|than)\b",
                           re.IGNORECASE)
# valences of the switching roles (VADER's scale): a clear verdict, like "awful" / "great"
ROLES = {LEAVE: (-2.0, 0.0), MOVE: (-2.0, 2.0), RETURN: (-2.0, 2.0), CONSIDER: (-1.0, 1.0)}
TOKEN = re.compile(r"\S+")


def brand_sentiment(text: str, scored: Scored, mentions: list[Mention],
                    switch: Switch | None) -> dict[str, float]:
    """Brand -> compound score toward it (-1..1, 4 places), for every brand mentioned."""
    if not mentions:
        return {}
    brands = list(dict.fromkeys(m.brand for m in mentions))
    if not switch and not MAYBE_SEVERAL.search(text):  # the common case, checked in C
        return dict.fromkeys(brands, scored.compound)
    raw = text.split()
    words = [t.strip(STRIP).lower() for t in raw]
    clause = _clauses(raw, words)
    if clause[-1] == 0 and not switch and "than" not in words:
        return dict.fromkeys(brands, scored.compound)
    starts = [m.start() for m in TOKEN.finditer(text)]
    named = [(bisect_right(starts, m.start) - 1, m.brand) for m in mentions]
    scope = _scopes(clause, named)
    reversed_before = _comparisons(words, clause, named)
    roles = dict(zip((switch.switch_from, switch.switch_to), ROLES[switch.kind])) \
        if switch else {}
    statement = _tokens_in(starts, raw, switch.spans) if switch else set()
    owner = scored.tokens.owner
    sums = dict.fromkeys(brands, 0.0)
    for w, valence in enumerate(scored.valences):
        if not valence:
            continue
        t = owner[w] if owner else w
        for brand in scope[clause[t]]:
            if brand in roles and t in statement:
                continue
            sign = -1 if t < reversed_before.get((clause[t], brand), -1) else 1
            sums[brand] += sign * valence
    for brand, role in roles.items():
        if brand in sums:
            sums[brand] += role
    amp = punctuation_emphasis(scored.tokens.text)  # "!" and "?" count for every brand
    return {b: round(normalize(s + amp if s > 0 else s - amp), 4) if s else scored.compound
            for b, s in sums.items()}


def _clauses(raw: list[str], words: list[str]) -> list[int]:
    """Clause number of each whitespace-separated token."""
    out, n = [], 0
    for k, token in enumerate(raw):
        if k and (raw[k - 1][-1] in CLAUSE_END or words[k] in CLAUSE_START):
            n += 1
        out.append(n)
    return out or [0]


def _scopes(clause: list[int], named: list[tuple[int, str]]) -> dict[int, list[str]]:
    """Clause -> the brands its words are about."""
    by_clause = defaultdict(list)
    for t, brand in named:
        if brand not in by_clause[clause[t]]:
            by_clause[clause[t]].append(brand)
    scope, last = {}, []
    for c in range(clause[-1] + 1):
        if by_clause.get(c):
            last = by_clause[c][-1:]
            scope[c] = by_clause[c]
        else:
            scope[c] = last
    return scope


def _comparisons(words: list[str], clause: list[int], named: list[tuple[int, str]]
                 ) -> dict[tuple[int, str], int]:
    """(clause, brand) -> token index of "than" when the brand is named only after it
    there: the words before "than" are then said against it."""
    than = {}
    for t, w in enumerate(words):
        if w == "than":
            than.setdefault(clause[t], t)
    out = {}
    for t, brand in named:
        c = clause[t]
        if c in than:
            before = any(clause[u] == c and u < than[c] for u, b in named if b == brand)
            if t > than[c] and not before:
                out[(c, brand)] = than[c]
    return out


def _tokens_in(starts: list[int], raw: list[str], spans) -> set[int]:
    """Indexes of the tokens overlapping any of the character spans."""
    return {t for a, b in spans
            for t in range(max(bisect_right(starts, a) - 1, 0), bisect_left(starts, b))
            if starts[t] + len(raw[t]) > a}
