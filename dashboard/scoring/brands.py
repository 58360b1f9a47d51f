"""Which tracked brands a text names, and where.

All aliases compile into two trie-shaped regexes (case-insensitive and exact-case); regex
greediness makes the longest alias win ("ChatGPT Plus" over "ChatGPT"). Matches are whole
words: "Claude's" counts, "Claudette" does not.

May import: tracker.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from dashboard.tracker import Tracker


class Mention(NamedTuple):
    start: int
    end: int
    brand: str


class BrandMatcher:
    """Find brand mentions in text using a tracker's aliases."""

    def __init__(self, tracker: Tracker):
        self.brand_names = tracker.brand_names
        self._by_alias: dict[str, str] = {}
        self._by_cased: dict[str, str] = {}
        for b in tracker.brands:
            for a in b.aliases:
                self._by_alias.setdefault(_fold(a), b.name)
            for a in b.aliases_cased:
                self._by_cased.setdefault(a, b.name)
        self._ci = _alternation(self._by_alias, re.IGNORECASE)
        self._cs = _alternation(self._by_cased, 0)

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping brand mentions in order of position."""
        found = []
        if self._ci:
            found += [Mention(m.start(), m.end(), self._by_alias[_fold(m.group())])
                      for m in self._ci.finditer(text)]
        if self._cs:
            found += [Mention(m.start(), m.end(), self._by_cased[m.group()])
                      for m in self._cs.finditer(text)]
        if self._ci and self._cs:
            found = _drop_overlaps(sorted(found))
        return found

    def brands(self, text: str) -> list[str]:
        """Distinct canonical brand names in the order the tracker lists them."""
        named = {m.brand for m in self.mentions(text)}
        return [b for b in self.brand_names if b in named]


def _fold(alias: str) -> str:
    return re.sub(r"\s+", " ", alias.casefold())


def _alternation(aliases: dict[str, str], flags: int) -> re.Pattern | None:
    """One regex for all aliases, as a trie (Python's re does not factor alternations, and
    a flat list of 70 aliases is tried in full at every position)."""
    if not aliases:
        return None
    trie: dict = {}
    for a in aliases:
        node = trie
        for ch in a:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(r"(?<!\w)" + _trie_regex(trie) + r"(?!\w)", flags)


def _trie_regex(node: dict) -> str:
    branches = []
    for ch, child in sorted(node.items()):
        if ch == "":
            continue
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_regex(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # an alias may end here: the rest is optional
        return f"(?:{body})?"
    return body


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out
