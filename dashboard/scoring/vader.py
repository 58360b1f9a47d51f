"""VADER's algorithm (vaderSentiment 3.3.2), reimplemented to be fast, plus optional fixes.

With the defaults, ``Vader().compound(text)`` equals vaderSentiment's
``polarity_scores(text)["compound"]`` exactly (tests check it on tens of thousands of real
texts), including its quirks. It is about three times faster: vaderSentiment lower-cases the
whole token list again for every sentiment word (several times), this lower-cases it once.

The constructor's options are how the adapted scorer (``sentiment.py``) differs from plain
VADER: an extended lexicon, multi-word terms, more negation words, and negation that stops
at the end of a sentence. All are off by default.

May import: nothing of the project (vaderSentiment's own data only).
"""
from __future__ import annotations

import math
import string
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from vaderSentiment import vaderSentiment as _vs

# VADER's constants and word lists, taken from the installed package so they cannot drift
B_INCR, C_INCR, N_SCALAR = _vs.B_INCR, _vs.C_INCR, _vs.N_SCALAR
NEGATE = frozenset(_vs.NEGATE)
BOOSTER_DICT = _vs.BOOSTER_DICT
SPECIAL_CASES = _vs.SPECIAL_CASES
# every word of a special-case idiom or multi-word booster: without one of them near a
# sentiment word, the idiom check cannot match and is skipped
IDIOM_WORDS = frozenset(w for k in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in k
                        for w in k.split())
PUNCT = string.punctuation
PACKAGE = Path(_vs.__file__).parent


def vader_lexicon() -> dict[str, float]:
    """VADER's own lexicon, read as vaderSentiment reads it (the last duplicate wins)."""
    lex = {}
    text = (PACKAGE / "vader_lexicon.txt").read_text(encoding="utf-8")
    for line in text.rstrip("\n").split("\n"):
        if line:
            word, measure = line.strip().split("\t")[0:2]
            lex[word] = float(measure)
    return lex


def vader_emojis() -> dict[str, str]:
    """Single emoji characters and their descriptions (VADER reads text one character at a
    time, so its multi-character entries never match)."""
    emojis = {}
    text = (PACKAGE / "emoji_utf8_lexicon.txt").read_text(encoding="utf-8")
    for line in text.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        if len(emoji) == 1:
            emojis[emoji] = description
    return emojis


class Tokens(NamedTuple):
    """A text as VADER sees it: ``raw`` (split on whitespace after emoji are replaced by
    their names), ``words`` (the same with punctuation stripped from word-like tokens),
    ``lowers`` (lower-cased words), ``owner`` (for each word, the index of the
    whitespace-separated token of the original text it came from; None when that is the
    word's own index, i.e. when the text has no emoji) and ``text`` (emoji replaced)."""
    raw: list[str]
    words: list[str]
    lowers: list[str]
    owner: list[int] | None
    text: str


class Scored(NamedTuple):
    """Per-word valences (after every rule) and the compound score of the whole text."""
    tokens: Tokens
    valences: list[float]
    compound: float


class Vader:
    """VADER compound scores; with no arguments, exactly vaderSentiment 3.3.2's.

    ``lexicon``: word -> valence (default: VADER's). ``phrases``: tuple of lower-case words
    -> valence, scored at the phrase's first word, its other words silenced (default none).
    ``negations``: extra negation words. ``scoped``: True stops negations and boosters at
    the end of a sentence ("Not bad. Great app" has nothing negating "great").
    """

    def __init__(self, lexicon: dict[str, float] | None = None,
                 phrases: dict[tuple[str, ...], float] | None = None,
                 negations: frozenset[str] = frozenset(), scoped: bool = False):
        self.lexicon = vader_lexicon() if lexicon is None else lexicon
        self.emojis = vader_emojis()
        self.emoji_chars = frozenset(self.emojis)  # none is ASCII (a test checks)
        self.phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for words, valence in sorted((phrases or {}).items(), key=lambda p: -len(p[0])):
            self.phrases.setdefault(words[0], []).append((words[1:], valence))
        self.negate = NEGATE | negations
        self.scoped = scoped

    # -- tokens -------------------------------------------------------------------------
    def tokens(self, text: str) -> Tokens:
        """VADER's tokens for ``text``: emoji replaced by their names, split on whitespace,
        leading and trailing punctuation stripped unless that leaves two characters or
        fewer (so ":)" stays)."""
        owner = None
        if not text.isascii() and not self.emoji_chars.isdisjoint(text):
            text, owner = self._replace_emoji(text)
        raw = text.split()
        words = [s if len(s := t.strip(PUNCT)) > 2 else t for t in raw]
        lowers = " ".join(words).lower().split()  # one call instead of one per word
        return Tokens(raw, words, lowers, owner, text)

    def _replace_emoji(self, text: str) -> tuple[str, list[int]]:
        """The text with emoji replaced, and for each of its words the index of the
        original whitespace-separated token it came from."""
        owner = [n for n, token in enumerate(text.split())
                 for _ in self._emoji_names(token).split()]
        return self._emoji_names(text).strip(), owner

    def _emoji_names(self, text: str) -> str:
        """vaderSentiment's emoji replacement: a space before a name unless it follows a
        space, none after it."""
        out, prev_space = [], True
        for ch in text:
            if ch in self.emojis:
                out.append(("" if prev_space else " ") + self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    # -- scores -------------------------------------------------------------------------
    def compound(self, text: str) -> float:
        """The compound score, -1..1, rounded to 4 places like vaderSentiment's."""
        return self.score(text).compound if text else 0.0

    def score(self, text: str) -> Scored:
        tokens = self.tokens(text)
        valences = self.valences(tokens)
        return Scored(tokens, valences, self.combine(valences, tokens.text))

    def combine(self, valences: list[float], text: str) -> float:
        """VADER's compound for some valences, with emphasis from the "!" and "?" in
        ``text``."""
        if not valences:
            return 0.0
        total = float(sum(valences))
        if total:
            amp = punctuation_emphasis(text)
            total = total + amp if total > 0 else total - amp
        return round(normalize(total), 4)

    def valences(self, tokens: Tokens) -> list[float]:
        """One valence per word, after every rule of VADER's (and the enabled fixes)."""
        words, lw = tokens.words, tokens.lowers
        n = len(words)
        sentiments = [0] * n
        lex = self.lexicon
        hits = list(compress(range(n), map(lex.__contains__, lw)))
        base = self._phrases(lw) if self.phrases else {}
        if base:
            silenced = {j for i, (end, _) in base.items() for j in range(i + 1, end)}
            hits = sorted((set(hits) | set(base)) - silenced)
        if not hits:
            return sentiments
        allcaps = sum(map(str.isupper, words))
        cap_diff = 0 < n - allcaps < n
        for i in hits:
            w = lw[i]
            if w in BOOSTER_DICT or (w == "kind" and i < n - 1 and lw[i + 1] == "of"):
                continue
            valence = base[i][1] if i in base else lex[w]
            if not valence and i in base:
                continue  # a phrase of valence 0 only silences its words
            reach = _reach(tokens.raw, i) if self.scoped else 3
            sentiments[i] = self._valence(words, lw, i, n, valence, cap_diff, reach)
        if "but" in lw:
            sentiments = _but_check(lw, sentiments)
        return sentiments

    def _valence(self, words, lw, i, n, valence, cap_diff, reach):
        """vaderSentiment's ``sentiment_valence`` for the sentiment word at ``i``, looking
        back at most ``reach`` (<= 3) words."""
        lex = self.lexicon
        base = valence
        if lw[i] == "no" and i != n - 1 and lw[i + 1] in lex:
            valence = 0.0
        if ((i > 0 and reach > 0 and lw[i - 1] == "no")
                or (i > 1 and reach > 1 and lw[i - 2] == "no")
                or (i > 2 and reach > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor"))):
            valence = base * N_SCALAR
        if cap_diff and words[i].isupper():
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(reach):
            j = i - start_i - 1
            if j < 0 or lw[j] in lex:
                continue
            s = 0.0
            if lw[j] in BOOSTER_DICT:
                s = BOOSTER_DICT[lw[j]]
                if valence < 0:
                    s *= -1
                if cap_diff and words[j].isupper():
                    s = s + C_INCR if valence > 0 else s - C_INCR
                if start_i == 1:
                    s = s * 0.95
                elif start_i == 2:
                    s = s * 0.9
            valence = valence + s
            valence = self._negation_check(valence, lw, start_i, i)
            if start_i == 2 and not IDIOM_WORDS.isdisjoint(lw[max(0, i - 3):i + 3]):
                valence = _special_idioms(valence, lw, i, n)
        if i > 0 and reach > 0 and lw[i - 1] == "least" and "least" not in lex:
            if i == 1 or lw[i - 2] not in ("at", "very"):
                valence = valence * N_SCALAR
        return valence

    def _negated(self, word: str) -> bool:
        return word in self.negate or "n't" in word

    def _negation_check(self, valence, lw, start_i, i):
        if start_i == 0:
            if self._negated(lw[i - 1]):
                valence = valence * N_SCALAR
        elif start_i == 1:
            if lw[i - 2] == "never" and lw[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
                pass
            elif self._negated(lw[i - 2]):
                valence = valence * N_SCALAR
        else:
            # sic: vaderSentiment boosts any word after "so"/"this" here, "never" or not
            if (lw[i - 3] == "never" and lw[i - 2] in ("so", "this")) or \
                    lw[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
                pass
            elif self._negated(lw[i - 3]):
                valence = valence * N_SCALAR
        return valence

    def _phrases(self, lw: list[str]) -> dict[int, tuple[int, float]]:
        """Where multi-word terms start: index -> (index after the phrase, valence). A "*"
        in a term matches any one word."""
        found = {}
        for i in compress(range(len(lw)), map(self.phrases.__contains__, lw)):
            for rest, valence in self.phrases[lw[i]]:
                after = lw[i + 1:i + 1 + len(rest)]
                if len(after) == len(rest) and all(r in ("*", w) for r, w in zip(rest, after)):
                    found[i] = (i + 1 + len(rest), valence)
                    break
        return found


def _reach(raw: list[str], i: int) -> int:
    """How many of the (up to) three words before ``i`` are in its sentence."""
    for k in range(1, 4):
        if i - k < 0 or _ends_sentence(raw[i - k]):
            return k - 1
    return 3


def _ends_sentence(token: str) -> bool:
    """A token ending in ".", "!" or "?" (an ellipsis "..." continues the sentence)."""
    return token[-1] in "!?" or (token[-1] == "." and token[-2:] != "..")


def _special_idioms(valence, lw, i, n):
    """vaderSentiment's ``_special_idioms_check``."""
    onezero = f"{lw[i - 1]} {lw[i]}"
    twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
    twoone = f"{lw[i - 2]} {lw[i - 1]}"
    threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
    threetwo = f"{lw[i - 3]} {lw[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if n - 1 > i:
        zeroone = f"{lw[i]} {lw[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{lw[i]} {lw[i + 1]} {lw[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _but_check(lw: list[str], sentiments: list) -> list:
    """vaderSentiment's ``_but_check``, quirk included: it looks each value up by equality,
    so of two equal valences the first is scaled twice and the second not at all."""
    bi = lw.index("but")
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    return sentiments


def punctuation_emphasis(text: str) -> float:
    """Up to four "!" add 0.292 each; two or three "?" add 0.18 each, more add 0.96."""
    ep = min(text.count("!"), 4) * 0.292
    qm = text.count("?")
    return ep + (0 if qm <= 1 else qm * 0.18 if qm <= 3 else 0.96)


def normalize(score: float, alpha: float = 15) -> float:
    """VADER's squashing of a valence sum into -1..1."""
    norm = score / math.sqrt(score * score + alpha)
    return max(-1.0, min(1.0, norm))
