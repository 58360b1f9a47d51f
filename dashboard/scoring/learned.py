"""The learned second reader of switching: posts the patterns (``switching.py``) leave
unread, read by small linear models trained on our labelled development posts.

The patterns find a statement only in forms someone wrote a rule for; on posts their rules
were not shaped on they miss the move told in passing ("the $20 goes somewhere else now").
So where they find nothing in a post of ``MIN_WORDS`` words or more (a post with a body)
that names a brand, ``LearnedSwitch.detect`` asks:

- the *detector*: is this post a leave/move statement? A logistic model over the post's
  words, one to three at a time, with every brand name read as one token ``<b>`` (so it
  knows no brand and works for any tracker). Below ``threshold`` it says nothing.
- the *roles*: which brand was left and which chosen? A logistic model over the words
  around each mention (``<t>`` for the mention, ``<b>`` for other brands) gives each
  mention P(from), P(to), P(neither); a brand takes a side at ``role_threshold`` or the
  likeliest side if none does;
- *from other* and *to other*: is the side left empty an untracked product ("other")? Two
  logistic models over the post's words, as the detector's.

The weights are ``data/models/switching.json``, written by ``python -m eval.train_switching``
from the development split only (the file records how many posts and their digest), so the
test split and every blind batch stay unseen. The phrase shown for a learned count is the
sentence around the brand it put on a side.

May import: scoring.brands and scoring.switching (for ``Mention`` and ``Switch``), paths.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache
from pathlib import Path

from dashboard import paths
from dashboard.scoring.brands import Mention
from dashboard.scoring.switching import OTHER, Switch

MODEL = paths.DATA / "models" / "switching.json"
WORD = re.compile(r"[a-z0-9$'’]+|[.!?;:,()→>-]")
BRAND, TARGET = "<b>", "<t>"
# a post shorter than this is left to the patterns: on real titles (a few words, nearly all
# about something else) the detector is far too sure, and titles are where the patterns
# hold up; what they miss is the move told in passing in a post's body
MIN_WORDS = 40
MAX_MENTIONS = 20  # mentions whose side is read: a post naming brands hundreds of times
NEAR = 12  # words each side of a mention that its role reads
SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")
MAX_PHRASE = 200
MODELS = ("detector", "roles", "from other", "to other")


def tokens(text: str, mentions: list[Mention]) -> list[str]:
    """The text's words in lower case, each brand mention one token ``<b>``."""
    out: list[str] = []
    last = 0
    for m in mentions:
        out += WORD.findall(text[last:m.start].lower())
        out.append(BRAND)
        last = m.end
    out += WORD.findall(text[last:].lower())
    return out


def post_features(words: list[str]) -> dict[str, float]:
    """Every run of one to three words, each weighted 1/sqrt(how many runs the post has),
    so long and short posts weigh alike."""
    runs = {" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
    return dict.fromkeys(runs, 1 / math.sqrt(len(runs))) if runs else {}


def role_features(words: list[str], k: int, brands: int, first: bool, last: bool
                  ) -> dict[str, float]:
    """What the mention at ``words[k]`` reads: the four words on each side by position,
    the two and three words right before it, the two right after, the words (and pairs)
    within ``NEAR`` on each side, how many brands the post names, whether this brand is
    named first or last."""
    f: dict[str, float] = {}
    for i in range(1, 5):
        if k - i >= 0:
            f[f"b{i}:{words[k - i]}"] = 1.0
        if k + i < len(words):
            f[f"a{i}:{words[k + i]}"] = 1.0
    if k >= 2:
        f["bb:" + " ".join(words[k - 2:k])] = 1.0
    if k >= 3:
        f["bbb:" + " ".join(words[k - 3:k])] = 1.0
    if k + 2 < len(words):
        f["aa:" + " ".join(words[k + 1:k + 3])] = 1.0
    for side, near in (("l", words[max(0, k - NEAR):k]), ("r", words[k + 1:k + 1 + NEAR])):
        for i, w in enumerate(near):
            f[f"{side}:{w}"] = 0.3
            if i + 1 < len(near):
                f[f"{side}2:{w} {near[i + 1]}"] = 0.3
    f[f"brands={min(brands, 3)}"] = 1.0
    f["first"], f["last"] = float(first), float(last)
    return f


def mention_features(words: list[str], mentions: list[Mention]) -> list[tuple[str, dict]]:
    """(brand, role features) for each of the first ``MAX_MENTIONS`` mentions, given the
    post's ``tokens``."""
    mentions = mentions[:MAX_MENTIONS]
    names = list(dict.fromkeys(m.brand for m in mentions))
    words = list(words)  # each mention is marked in turn
    at = [i for i, w in enumerate(words) if w == BRAND]  # a mention's token, in order
    out = []
    for m, k in zip(mentions, at):
        words[k] = TARGET
        out.append((m.brand, role_features(words, k, len(names), m.brand == names[0],
                                           m.brand == names[-1])))
        words[k] = BRAND
    return out


class LearnedSwitch:
    """The models of a weights file (``load``) and the thresholds they were chosen with;
    ``fingerprint`` names the file's contents."""

    def __init__(self, model: dict, fingerprint: str = ""):
        self.fingerprint = fingerprint
        self.threshold = model["threshold"]
        self.role_threshold = model["role_threshold"]
        self.other_threshold = model["other_threshold"]
        self._model = {name: model[name] for name in MODELS}

    @classmethod
    def load(cls, path: Path = MODEL) -> LearnedSwitch:
        raw = path.read_bytes()
        return cls(json.loads(raw), hashlib.sha1(raw).hexdigest()[:8])

    def probability(self, features: dict[str, float], model: str = "detector") -> float:
        """From a post's ``post_features``: P(it states leaving or moving), from the
        detector; with ``model`` "from other" or "to other", P(the side left, or chosen, is
        an untracked product)."""
        m = self._model[model]
        w = m["weights"]
        z = m["bias"] + sum(v * w.get(f, 0.0) for f, v in features.items())
        return 1 / (1 + math.exp(-z))

    def roles(self, words: list[str], mentions: list[Mention]) -> dict[str, dict[str, float]]:
        """Brand -> {"from": p, "to": p}, the highest over its mentions, given the post's
        ``tokens``."""
        m = self._model["roles"]
        out: dict[str, dict[str, float]] = {}
        for brand, feats in mention_features(words, mentions):
            z = list(m["bias"])
            for f, v in feats.items():
                for j, wj in enumerate(m["weights"].get(f, ())):
                    z[j] += v * wj
            top = max(z)
            e = [math.exp(x - top) for x in z]
            p = {c: x / sum(e) for c, x in zip(m["classes"], e)}
            best = out.setdefault(brand, {"from": 0.0, "to": 0.0})
            best["from"], best["to"] = max(best["from"], p["from"]), max(best["to"], p["to"])
        return out

    def sides(self, text: str, mentions: list[Mention]) -> tuple[str | None, str | None]:
        """(brand left, brand chosen) of a post read as leaving or moving: a brand takes a
        side at ``role_threshold``, or, if none does, the likelier side of the likeliest;
        a side left empty is "other" where an untracked product is likely there."""
        words = tokens(text, mentions)
        return self._sides(words, mentions, post_features(words))

    def _sides(self, words: list[str], mentions: list[Mention], features: dict[str, float]
               ) -> tuple[str | None, str | None]:
        roles = self.roles(words, mentions)
        left = max(roles, key=lambda b: roles[b]["from"])
        chose = max(roles, key=lambda b: roles[b]["to"])
        from_ = left if roles[left]["from"] >= self.role_threshold else None
        to = chose if roles[chose]["to"] >= self.role_threshold and chose != from_ else None
        if not from_ and not to:
            if roles[left]["from"] >= roles[chose]["to"]:
                from_ = left
            else:
                to = chose
        if not to and self.probability(features, "to other") >= self.other_threshold:
            to = OTHER
        if not from_ and self.probability(features, "from other") >= self.other_threshold:
            from_ = OTHER
        return from_, to

    def detect(self, text: str, mentions: list[Mention]) -> Switch | None:
        """A ``Switch`` (leave or move) where the detector is sure enough, else None."""
        if not mentions or len(text.split()) < MIN_WORDS:
            return None
        words = tokens(text, mentions)  # read once for all four models
        features = post_features(words)
        if self.probability(features) < self.threshold:
            return None
        from_, to = self._sides(words, mentions, features)
        spans = _sentences(text, [m for m in mentions if m.brand in (from_, to)])
        phrase = " … ".join(" ".join(text[a:b].split()) for a, b in spans)
        return Switch(from_, to, "move" if to else "leave", phrase[:MAX_PHRASE], spans)


def _sentences(text: str, mentions: list[Mention]) -> tuple[tuple[int, int], ...]:
    """The spans of the sentences holding the first mention of each side."""
    spans = []
    for brand in dict.fromkeys(m.brand for m in mentions):
        m = next(x for x in mentions if x.brand == brand)
        for s in SENTENCE.finditer(text):
            if s.start() <= m.start < max(s.end(), s.start() + 1):
                span = (s.start() + len(s.group()) - len(s.group().lstrip()), s.end())
                if span not in spans:
                    spans.append(span)
                break
    return tuple(sorted(spans))


@lru_cache(maxsize=1)
def default() -> LearnedSwitch:
    return LearnedSwitch.load()
