"""Which tracked brands a text names, and where.

All aliases compile into three trie-shaped regexes (case-insensitive, exact-case, and
in context); regex greediness makes the longest alias win ("ChatGPT Plus" over "ChatGPT").
Matches are whole words, any run of white space a space: "Claude's" counts, "Claudette"
does not. An alias "in context" (a word that is also an ordinary one, matched in the case it
is written: "grok", "le chat", "Plus") counts only where the words beside it make it the
product: after a verb of using, leaving or moving or a word that compares ("switched to
grok", "left grok", "better than le chat", "cancelled Plus"), before a product word ("grok's
app", "le chat pro"), or joined to another product ("copilot to chatgpt", "claude or le
chat"); "hard to grok this" names nothing.

Names cannot be hidden: a text is matched as it displays, after Unicode NFKC (full-width
and mathematical letters become plain ones), with every format character (category Cf:
zero-width spaces and joiners, bidi marks and overrides, isolates, tag characters),
variation selectors and combining grapheme joiners removed, and the common look-alike
letters of Cyrillic and Greek read as the Latin ones they imitate. "Ｃｈａｔ\u200bＧРТ"
(with a Cyrillic Р) is ChatGPT. Mentions are given in the original text's offsets.

May import: tracker, scoring.prefilter.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from dashboard.scoring.prefilter import fold, trie
from dashboard.tracker import Tracker


# what comes right before a product, not the ordinary word: "from", "quit", "using",
# "switched to", "better than", "bye", "r/"; and right after it: "'s", "pro", "app"
PRODUCT_BEFORE = re.compile(
    r"\b(?:from|left|leav(?:e|ing)|quit(?:ting)?|cancel(?:l?ed|l?ing)?|delet(?:e|ed|ing)|"
    r"unin?stall(?:ed|ing)?|nuk(?:e|ed|ing)|bye|goodbye|farewell|hello|no\s+more|"
    r"ditch(?:ed|ing)?|dump(?:ed|ing)?|drop(?:ped|ping)?|"
    r"swap(?:ped|ping)?|trad(?:e|ed|ing)|replac(?:e|ed|ing)|us(?:e|ed|es|ing)|tr(?:y|ied|ying)|"
    r"(?:re-?)?install(?:ed|ing)?|resubscrib\w*|on|with|vs\.?|versus|over|than|for|"
    r"(?:switch|mov|migrat|jump|port|head|went|go|gone|came|com|back|over|return)\w*\s+to|"
    r"from\s+[\w.'’-]+(?:\s+[\w.'’-]+)?\s+to)"
    r"\s+$|\br/$", re.IGNORECASE)  # "r/grok": a subreddit named for the product
# ... and "grok is off my phone", "grok was down": the verb is never followed by "is"
PRODUCT_AFTER = re.compile(r"['’]s\b|\s+(?:plus|pro|premium|app|sub|subscription|imagine|is|was|"
                           r"has|keeps|kept)\b", re.IGNORECASE)
CONTEXT = 40  # characters before an alias in context that PRODUCT_BEFORE reads
# ... or another product right beside it: "copilot to chatgpt", "claude or le chat"
BESIDE = re.compile(r"\s*(?:to|->|→|=>|>|or|and|vs\.?|versus|/|,|&|over|then|instead\s+of)\s*",
                    re.IGNORECASE)


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
        self._by_context: dict[str, str] = {}
        for b in tracker.brands:
            for a in b.aliases:
                self._by_alias.setdefault(_fold(a), b.name)
            # these two match as written ("grok" lower case only, "Plus" with its capital),
            # keyed the way a match is looked up
            for a in b.aliases_cased:
                self._by_cased.setdefault(_spaced(a), b.name)
            for a in b.aliases_in_context:
                self._by_context.setdefault(_spaced(a), b.name)
        self._ci = _alternation(self._by_alias, re.IGNORECASE)
        self._cs = _alternation(self._by_cased, 0)
        self._cx = _alternation(self._by_context, 0)

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping brand mentions in order of position (offsets into ``text``)."""
        if text.isascii():  # nothing to fold: the common case
            return self._mentions(text)
        folded, where = as_displayed(text)
        return [Mention(where[m.start], where[m.end - 1] + 1, m.brand)
                for m in self._mentions(folded)]

    def _mentions(self, text: str) -> list[Mention]:
        found = []
        if self._ci:
            found += [Mention(m.start(), m.end(), self._by_alias[_fold(m.group())])
                      for m in self._ci.finditer(text)]
        if self._cs:
            found += [Mention(m.start(), m.end(), self._by_cased[_spaced(m.group())])
                      for m in self._cs.finditer(text)]
        if self._cx:
            named = [(m.start, m.end) for m in found]
            found += [Mention(m.start(), m.end(), self._by_context[_spaced(m.group())])
                      for m in self._cx.finditer(text)
                      if _as_product(text, m) or _beside(text, m, named)]
        if sum(map(bool, (self._ci, self._cs, self._cx))) > 1:
            found = _drop_overlaps(sorted(found))
        return found

    def brands(self, text: str) -> list[str]:
        """Distinct canonical brand names in the order the tracker lists them."""
        named = {m.brand for m in self.mentions(text)}
        return [b for b in self.brand_names if b in named]


# Cyrillic and Greek letters that display like Latin ones (Unicode's confusables, the
# common ones); full-width and mathematical letters are left to NFKC
LOOK_ALIKES = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеіјорсхуѕһԁԛԝӏ"
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ",
    "ABESIJKMHOPCTXYaeijopcxyshdqwl"
    "ABEZHIKMNOPTYXaikvoptux")
HIDDEN = {"\u034f"} | {chr(c) for c in range(0xFE00, 0xFE10)}  # joiners, selectors


def as_displayed(text: str) -> tuple[str, list[int]]:
    """``text`` as a reader sees its letters, and for each character of the result the
    offset in ``text`` it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        shown = _shown(ch)
        out.append(shown)
        where.extend([i] * len(shown))
    return "".join(out), where


@lru_cache(maxsize=4096)
def _shown(ch: str) -> str:
    if ch in HIDDEN or unicodedata.category(ch) == "Cf" or \
            0xE0100 <= ord(ch) <= 0xE01EF:  # variation selectors supplement
        return ""
    return unicodedata.normalize("NFKC", ch).translate(LOOK_ALIKES)


def _fold(alias: str) -> str:
    """An alias, or a match of the case-blind regex, as its key: folded as the regex
    matches letters ("Gemını" with a dotless i is Gemini), spaces as one."""
    return re.sub(r"\s+", " ", fold(alias))


def _spaced(match: str) -> str:
    """An exact-case alias, or a match of its regex, as its key: any run of white space as
    one space ("Le  Chat" and "Le\\nChat" are "Le Chat")."""
    return re.sub(r"\s+", " ", match)


def _alternation(aliases: dict[str, str], flags: int) -> re.Pattern | None:
    """One regex for all aliases, as a trie (``prefilter.trie``): whole words, a space in
    an alias any run of white space."""
    if not aliases:
        return None
    return re.compile(r"(?<!\w)" + trie(aliases, space=r"\s+") + r"(?!\w)", flags)


def _as_product(text: str, m: re.Match) -> bool:
    """Whether the words beside an alias in context make it the product."""
    return bool(PRODUCT_BEFORE.search(text, max(0, m.start() - CONTEXT), m.start()) or
                PRODUCT_AFTER.match(text, m.end()))


def _beside(text: str, m: re.Match, named: list[tuple[int, int]]) -> bool:
    """Whether an alias in context is joined to a named product ("copilot to chatgpt")."""
    return any(BESIDE.fullmatch(text, m.end(), a) for a, _ in named if 0 <= a - m.end() <= 12) or \
        any(BESIDE.fullmatch(text, b, m.start()) for _, b in named if 0 <= m.start() - b <= 12)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out
