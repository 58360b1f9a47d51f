"""Does a post report leaving one brand or moving to another?

Brand mentions are first replaced in place by one private-use character each (padded with
spaces, so offsets still match the original text); the patterns below then read like
"cancel my <brand>" or "from <brand> to <brand>", and the matched span of the original text
is the phrase the dashboard shows as the reason.

Kinds: ``leave`` (cancel, quit, delete, uninstall, boycott, move on from, bye X, ...),
``move`` (switched to, from X to Y, X → Y, replaced X with Y, left X for Y, Y instead of X),
``return`` (went back to X) and ``consider`` (the same statements hedged or asked:
"thinking of cancelling", "should I switch to Claude?"). Negated statements ("I'm not
cancelling") are ignored. A leaving verb needs a speaker-like subject, so "VP of research
left OpenAI", "Google just dropped Gemini 3" or "GPT-5 replaced GPT-4o" are not read as
users leaving. "Anyone else switching to Claude?" reports the poster's own move: it is not
hedged. ``tests/data/SWITCHING_GUIDE.md`` defines the kinds the way they are labelled.

May import: scoring.brands, vocabulary.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from dashboard.scoring.brands import Mention

PUA, PUA_LAST = "\ue000", "\uf8ff"  # private-use code points; mention i becomes PUA + i
MAX_MENTIONS = ord(PUA_LAST) - ord(PUA) + 1
B = f"[{PUA}-{PUA_LAST}]"
BRAND_CHARS = re.compile(B)
REACH = (150, 100)  # characters before and after a mention that a pattern can span
NOT_B = rf"[^\s{PUA}-{PUA_LAST}]"
DET = (r"(?:(?:my|our|your|ur|the|a|an|their|all|of|this|that|these|paid|premium|annual|"
       r"monthly|yearly|whole|entire|\$\d+)\s+){0,3}")
TAIL = (r"(?:\s+(?:plus|pro|premium|max|team|subscriptions?|subs?|accounts?|apps?|"
        r"memberships?|plans?))*")
LEAVE = (r"(?:cancel(?:l?ed|l?ing|s)?|unsubscrib(?:e|ed|ing)|unsub(?:bed|bing)?|"
         r"quit(?:ting)?|delet(?:e|ed|ing)|uninstall(?:ed|ing)?|boycott(?:ed|ing)?|"
         r"ditch(?:ed|ing)?|dump(?:ed|ing)?|leav(?:e|ing)|left|drop(?:ped|ping)?|"
         r"abandon(?:ed|ing)?|(?:done|through|finished)\s+with|bye(?:\s+bye)?,?|goodbye,?|"
         r"farewell,?|(?:said\s+|saying\s+)?goodbye\s+to|stop(?:ped)?\s+(?:using|paying\s+for)|"
         r"no\s+longer\s+(?:using|paying\s+for)|br(?:eak|oke|eaking)\s+up\s+with|"
         r"(?:mov(?:e|ed|ing)|walk(?:ed|ing)?|switch(?:ed|ing)?)\s+(?:on|away)\s+from|"
         r"(?:get|got|getting)\s+rid\s+of|replac(?:e|ed|ing)|"
         r"(?:not|won'?t|will\s+not|didn'?t)\s+renew(?:ing)?|"
         r"used\s+to\s+(?:love|use|like|pay\s+for))")
MOVE = (r"(?:switch(?:ed|ing|es)?|mov(?:e|ed|ing)|migrat(?:e|ed|ing)|jump(?:ed|ing)?(?:\s+ship)?|"
        r"went|go(?:ing)?|head(?:ed|ing)|port(?:ed|ing)?|transition(?:ed|ing)?|"
        r"defect(?:ed|ing)?|flock(?:ed|ing)?|convert(?:ed)?)")
ADOPT = (r"(?:pick(?:ed|ing)?\s+up|sign(?:ed|ing)?\s+up\s+(?:for|with|to)|"
         r"subscrib(?:e|ed|ing)\s+to|got|get|getting|try(?:ing)?|tried|us(?:e|ing)|"
         r"(?:went|going|go)\s+with|chose|choosing|(?:paying|pay)\s+for|bought|hello,?|"
         r"welcome,?)")
# what follows a brand when "delete my ChatGPT ..." is about data, not the account
NOT_THE_PRODUCT = (r"(?!" + TAIL + r"\s+(?:history|chats?|conversations?|memor(?:y|ies)|"
                   r"data|messages?|threads?|prompts?|custom\s+instructions|tabs?|windows?))")

F, T = rf"(?P<f>{B}){TAIL}", rf"(?P<t>{B})"
# (kind, needs a speaker-like subject, pattern); earlier entries win where spans overlap
PATTERNS = [(kind, subj, re.compile(p, re.IGNORECASE)) for kind, subj, p in [
    ("move", False, rf"(?:\b(?:{MOVE}|{LEAVE})\s+)?(?:over\s+)?\bfrom\s+{DET}{F}\s+"
                    rf"(?:over\s+)?(?:to|for)\s+{DET}{T}"),
    ("move", False, rf"{F}\s*(?:->|-->|→|⟶|=>|⇒|➡️?|➜)\s*{T}"),
    ("move", False, rf"\breplac(?:e|ed|ing)\s+{DET}{F}\s+with\s+{DET}{T}"),
    ("move", True, rf"\breplac(?:e|ed|ing)\s+(?:{NOT_B}+\s+){{1,4}}?with\s+{DET}{T}"),
    ("move", False, rf"{T}{TAIL}\s+instead\s+of\s+{DET}(?P<f>{B})"),
    ("leave", False, rf"\binstead\s+of\s+{DET}(?P<f>{B})"),
    ("move", True, rf"\b{LEAVE}\s+{DET}{F}\s+(?:\w+\s+){{0,2}}?for\s+{DET}{T}"),
    ("return", False, rf"\b(?:(?:switch(?:ed|ing)?|went|go(?:ing)?|com(?:e|ing)|came|"
                      rf"mov(?:e|ed|ing)|crawl(?:ed|ing)?)\s+back|return(?:ed|ing|s)?)\s+"
                      rf"to\s+{DET}{T}(?:\s+after\s+(?:\S+\s+){{0,3}}?(?:on|with|using)\s+"
                      rf"{DET}(?P<f>{B}))?"),
    ("move", False, rf"\b{MOVE}\s+(?:over\s+)?to\s+{DET}{T}"),
    ("leave", True, rf"\b{LEAVE}\s+(?:from\s+)?{DET}(?P<f>{B}){NOT_THE_PRODUCT}"),
    ("adopt", False, rf"\b{ADOPT}\s+{DET}{T}"),
]]

WORDS = re.compile(r"[\w'’]+|" + B)
CLAUSE_START = re.compile(r".*(?:[.!?;:\n,()\[\]\"“”|]|\b(?:and|but|so|then|because|cause|cuz)\b)",
                          re.IGNORECASE | re.DOTALL)
NEGATIONS = {"not", "never", "no", "nobody", "without", "dont", "didnt", "wont", "cant",
             "cannot", "isnt", "wasnt", "arent", "aint", "shouldnt", "wouldnt", "couldnt"}
HEDGES = {"thinking", "think", "considering", "consider", "should", "might", "may", "maybe",
          "planning", "plan", "tempted", "want", "wanna", "wondering", "debating", "would",
          "could", "if", "whether", "anyone", "anybody", "worth", "thoughts", "about", "need",
          "needs", "looking"}
ASKS_OTHERS = {"anyone", "anybody", "who"}  # + "else": "anyone else ...?" reports one's own
BRAND_WORD = "<brand>"  # how a brand mention appears among a clause's words
SUBJECTS = {"i", "ive", "im", "id", "ill", "we", "weve", "were", "you", "youre", "yall", "u",
            "me", "us", "my", "our", "everyone", "everybody", "people", "users", "folks",
            "millions", "thousands", "many", "gonna", "gotta", "going", "decided", "should",
            "will", "lets", "time", "please", "pls", "why", "who", "who's", "whos", "must",
            "need", "officially", "finally"}
FILLER = {"just", "so", "also", "today", "now", "already", "honestly", "ok", "okay", "well",
          "yeah", "yep", "lol", "welp", "fine", "and", "then", "that's", "thats", "it"}


class Switch(NamedTuple):
    switch_from: str | None
    switch_to: str | None
    kind: str  # leave / move / return / consider
    phrase: str
    spans: tuple[tuple[int, int], ...]  # where the phrase's parts are in the text


class _Hit(NamedTuple):
    kind: str
    from_brand: str | None
    to_brand: str | None
    start: int
    end: int
    hedged: bool


def detect_switch(text: str, mentions: list[Mention]) -> Switch | None:
    """The switching statement in ``text``, given its brand mentions, or None."""
    if not mentions:
        return None
    mentions = mentions[:MAX_MENTIONS]
    chars = list(BRAND_CHARS.sub(" ", text))  # the text's own private-use characters go
    for i, m in enumerate(mentions):
        chars[m.start] = chr(ord(PUA) + i)
        chars[m.start + 1:m.end] = " " * (m.end - m.start - 1)
    norm = "".join(chars)
    hits = _hits(norm, mentions)
    return _decide(text, hits) if hits else None


def _windows(mentions: list[Mention], length: int) -> list[tuple[int, int]]:
    """The stretches of text a pattern can match in: around the mentions, merged."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        a, b = max(0, m.start - REACH[0]), min(length, m.end + REACH[1])
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _hits(norm: str, mentions: list[Mention]) -> list[_Hit]:
    taken: list[tuple[int, int]] = []
    hits = []
    windows = _windows(mentions, len(norm))  # long posts: search only near the brands
    for kind, needs_subject, pattern in PATTERNS:
        for m in (m for a, b in windows for m in pattern.finditer(norm, a, b)):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            words = _clause_words(norm, m.start())
            if NEGATIONS & set(words[-4:]):
                continue
            if needs_subject and not _speaker_like(words):
                continue
            groups = m.groupdict()
            brand = {k: mentions[ord(v) - ord(PUA)].brand if v else None
                     for k, v in (("f", groups.get("f")), ("t", groups.get("t")))}
            if brand["f"] and brand["f"] == brand["t"]:
                continue  # "replaced GPT-4o with GPT-5": one brand, not a switch
            hedged = _hedged(words, norm, m.end())
            # the match stops at a mention's first character: extend to its last
            end = max([m.end()] + [x.end for x in mentions if m.start() <= x.start < m.end()])
            hits.append(_Hit(kind, brand["f"], brand["t"], m.start(), end, hedged))
            taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def _decide(text: str, hits: list[_Hit]) -> Switch | None:
    """Combine the statements of one post into from → to and a kind."""
    full = next((h for h in hits if h.kind == "move" and h.from_brand and h.to_brand), None)
    leave = next((h for h in hits if h.kind == "leave"), None)
    ret = next((h for h in hits if h.kind == "return"), None)
    if full:
        used = [full]
    elif ret:
        used = [h for h in (leave, ret) if h and h.from_brand != ret.to_brand]
    elif leave:
        to = next((h for h in hits if h.kind in ("move", "adopt") and h.to_brand
                   and h.to_brand != leave.from_brand), None)
        used = [leave] + ([to] if to else [])
    else:
        move = next((h for h in hits if h.kind == "move"), None)
        if not move:
            return None  # adopting alone ("using Claude") is not switching
        used = [move]
    from_brand = next((h.from_brand for h in used if h.from_brand), None)
    to_brand = next((h.to_brand for h in used if h.to_brand), None)
    if ret:
        kind = "return"
    elif to_brand and (full or len(used) > 1 or used[0].kind == "move"):
        kind = "move"
    else:
        kind = "leave"
    if all(h.hedged for h in used):
        kind = "consider"
    phrase = " … ".join(text[h.start:h.end].strip() for h in used)
    return Switch(from_brand, to_brand, kind, phrase, tuple((h.start, h.end) for h in used))


def _clause_words(norm: str, start: int) -> list[str]:
    """Lower-case words between the clause start and ``start`` (apostrophes dropped)."""
    before = norm[max(0, start - 120):start]
    m = CLAUSE_START.match(before)
    clause = before[m.end():] if m else before
    return [BRAND_WORD if PUA <= w <= PUA_LAST else w.replace("'", "").replace("’", "")
            for w in WORDS.findall(clause.lower())]


def _speaker_like(words: list[str]) -> bool:
    """A clause start (imperative, headline), a first/second person or crowd subject, or
    someone weighing it up ("thinking of cancelling"); not a brand right before the verb
    ("GPT-5 replaced GPT-4o" is about products)."""
    if words and words[-1] == BRAND_WORD:
        return False
    return all(w in FILLER for w in words) or bool((SUBJECTS | HEDGES) & set(words[-5:]))


def _hedged(words: list[str], norm: str, end: int) -> bool:
    """Weighed up or asked, unless asked as "anyone else ...?" (the poster's own move)."""
    if any(w in ASKS_OTHERS and nxt == "else" for w, nxt in zip(words, words[1:])):
        return False
    return bool(HEDGES & set(words)) or _in_question(norm, end)


def _in_question(norm: str, end: int) -> bool:
    rest = re.match(r"[^.!?\n]*([.!?\n]|$)", norm[end:])
    return bool(rest) and rest.group(1) == "?"
