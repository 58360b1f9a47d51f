"""Words a regex cannot match without, to skip it on texts that lack them.

``required(pattern)`` reads a compiled pattern's parse tree and returns a set of strings
such that every match contains at least one of them, or None when it cannot tell (RE2's
prefilter idea, simplified): a run of literal characters is one string, an alternation
the union of its branches, a concatenation the best of its mandatory parts; anything
optional, zero-width or a large character class requires nothing. Strings are folded
with ``fold``, and a text must be folded the same way before looking for them.
``Prefilter(patterns).candidates(text)`` is which of a list of patterns may match a text;
``scan(text)`` also says where the patterns that begin with known strings (``leading``) may
start, so that they are tried there only.

May import: nothing.
"""
from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

MAX_EXACT = 16  # spell out concatenations of alternatives up to this many strings
MAX_CLASS = 8  # a character class of more characters than this requires nothing
MAX_LEADS = 512  # leading strings of a pattern spelt out at most
MIN_LEAD = 2  # a shorter leading string finds too many places to be worth using
NOTHING = (None, None)  # (exact, need): matches no known set of strings, requires nothing
EMPTY = (frozenset({""}), None)  # zero-width: matches "" only


def fold(text: str) -> str:
    """Casefold, and the dotted and dotless i as "i": IGNORECASE matches them to "i" but
    casefold keeps them apart ("İ" becomes "i" + a combining dot)."""
    return text.replace("İ", "i").replace("ı", "i").casefold()


class Prefilter:
    """Which of ``patterns`` may match a text: those whose required words it contains, and
    those that require none. One search of a trie of all the words finds the longest word
    starting at each position; the shorter ones starting there are its prefixes."""

    def __init__(self, patterns: list[re.Pattern]):
        self.needs = [required(p) for p in patterns]
        self.leads = [leading(p) for p in patterns]
        self.always = frozenset(i for i, need in enumerate(self.needs) if need is None)
        words = frozenset().union(*filter(None, self.needs), *filter(None, self.leads))
        self.let_through = {w: _prefixed(w, self.needs) for w in words}
        self.starting = {w: _prefixed(w, self.leads) for w in words}
        self.words = re.compile(f"(?=({trie(words)}))")  # zero-width: every position

    def candidates(self, text: str) -> list[int]:
        """The indices of the patterns that may match ``text``, in order."""
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[list[int], dict[int, list[int]] | None]:
        """``candidates(text)``, and for each of them that has ``leading`` strings the
        positions where one starts, in order (None when folding moved the text's offsets:
        then every pattern is tried everywhere)."""
        folded = fold(text)
        found = [(m.start(), m.group(1)) for m in self.words.finditer(folded)]
        candidates = sorted(self.always.union(*(self.let_through[w] for _, w in found)))
        if len(folded) != len(text):  # a letter folded to two ("ß" to "ss")
            return candidates, None
        starts: dict[int, list[int]] = {i: [] for i in candidates if self.leads[i]}
        for at, w in found:
            for i in self.starting[w]:
                if i in starts:
                    starts[i].append(at)
        return candidates, starts


def trie(words, space: str | None = None) -> str:
    """A regex matching the longest of ``words`` that the text goes on with (Python's re
    does not factor alternations: a flat list is tried in full at every position);
    ``space``: the regex a space in a word stands for (default: a space)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree, space)


def _branches(node: dict, space: str | None) -> str:
    branches = [(space if ch == " " and space else re.escape(ch)) + _branches(child, space)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: a longer word first


def _prefixed(word: str, sets: list) -> frozenset[int]:
    """The indices of the sets that hold a prefix of ``word`` (a text that has ``word`` at
    a place has each of its prefixes there)."""
    return frozenset(i for i, strings in enumerate(sets) if strings and
                     any(word.startswith(v) for v in strings))


def leading(pattern: re.Pattern) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` begins with (after zero-width
    assertions such as ``\\b``), or None when it cannot tell or they are too short."""
    lead = _lead(_parser.parse(pattern.pattern, pattern.flags))
    return lead if lead and min(map(len, lead)) >= MIN_LEAD else None


def _lead(items) -> frozenset[str] | None:
    """The strings a concatenation's matches begin with: its exact parts spelt out, then
    the beginnings of the first part that is not exact ("cancel" + "led|s|" + ...)."""
    run = frozenset({""})
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) and run == {""}:
            continue  # zero-width before anything: matches still begin with what follows
        exact, _ = _node(op, av)
        if exact is not None and len(run) * len(exact) <= MAX_LEADS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        if op is sre.SUBPATTERN:
            inner = _lead(av[3])
        elif op is sre.BRANCH:
            inner = [_lead(branch) for branch in av[1]]
            inner = None if None in inner else frozenset().union(*inner)
        else:
            inner = None
        if inner is not None and len(run) * len(inner) <= MAX_LEADS:
            run = frozenset(a + b for a in run for b in inner)
        break
    return None if "" in run else run


def required(pattern: re.Pattern) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` contains, or None."""
    return _sequence(_parser.parse(pattern.pattern, pattern.flags))[1]


def _sequence(items) -> tuple:
    """A concatenation: (the exact strings it matches or None, what it requires or None).
    It requires the best of what its parts require, or of a run of parts that match exact
    strings, spelled out together ("replac" + "e|ed|ing")."""
    needs, run, whole = [], frozenset({""}), True
    for op, av in items:
        exact, need = _node(op, av)
        needs.append(need)
        if exact is not None and len(run) * len(exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in exact)
            continue
        needs.append(_need(run))
        run, whole = (exact, False) if exact is not None else (frozenset({""}), False)
    needs.append(_need(run))
    found = [n for n in needs if n is not None]
    best = max(found, key=lambda n: (min(map(len, n)), -len(n))) if found else None
    return (run if whole else None), best


def _node(op, av) -> tuple:
    if op is sre.LITERAL:
        return (frozenset({fold(chr(av))}),) * 2 if _safe(chr(av)) else NOTHING
    if op is sre.IN:  # a few plain characters, as in "licen[cs]e"
        chars = {chr(c) for kind, c in av if kind is sre.LITERAL}
        if len(chars) != len(av) or len(chars) > MAX_CLASS or not all(map(_safe, chars)):
            return NOTHING
        return (frozenset(map(fold, chars)),) * 2
    if op is sre.SUBPATTERN:  # scoped flags too: fold is at most looser than exact case
        return _sequence(av[3])
    if op is sre.BRANCH:
        infos = [_sequence(branch) for branch in av[1]]
        exacts, needs = [e for e, _ in infos], [n for _, n in infos]
        exact = frozenset().union(*exacts) if None not in exacts else None
        if exact is not None and len(exact) > MAX_EXACT:
            exact = None
        return exact, _simplest(frozenset().union(*needs)) if None not in needs else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, item = av
        exact, need = _sequence(item)
        if exact is not None and (low, high) == (0, 1):
            return exact | {""}, None  # optional: "cancel" + "led|ling|s" or nothing
        return None, need if low >= 1 else None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return EMPTY
    return NOTHING  # any character, categories, negations, group references, ...


def _safe(ch: str) -> bool:
    """Whether every character IGNORECASE matches to ``ch`` folds as ``ch`` does: ASCII
    (with ``fold``'s i) and characters without case (tests/test_switching_prefilter.py
    checks both against every code point)."""
    return ch.isascii() or ch.lower() == ch.upper() == ch


def _need(exact: frozenset | None) -> frozenset | None:
    return _simplest(exact) if exact is not None and "" not in exact else None


def _simplest(strings: frozenset) -> frozenset:
    """Without the strings that contain another (a text with "cancelled" has "cancel")."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))
