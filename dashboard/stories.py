"""What counts as the same story: a post's story key, and which posts are copies.

The same story posted again (a link shared in two subreddits and on Hacker News, a title
crossposted, a text pasted on Bluesky and Mastodon) is counted once. Two posts tell the
same story when they share a **story key**:

- a post with an outside link is keyed by the link, normalised: the scheme, ``www.``,
  ``m.``, the fragment, a trailing slash and tracking parameters (``utm_*``, ``fbclid``,
  ...) do not count, nor does the order of the other parameters. Links into the sites the
  collectors read (Reddit, Hacker News, Bluesky, the app stores) are the post's own
  address, a subreddit or an app's page, never an outside story, and so are links without
  a path (a site's home page): such a post is keyed by its wording;
- any other post by its wording: Unicode-normalised (NFKC), case-folded, links taken out,
  punctuation and spacing ignored, when at least ``MIN_WORDS`` words remain (shorter
  texts, "Cancelled ChatGPT", are too common to tell two people apart);
- a post dated outside the sane window (``time_window.py``) has no key: it counts nowhere.

A post is a **copy** (``copy_of``) of the earliest post with the same key in the ``WINDOW``
before it (ties in time go by source and source id, so the answer never depends on the
order posts were stored in). So a story counts once for as long as it keeps being
reposted, and once more when it comes back after ``WINDOW`` without a copy. The store
keeps each post's key and the post it copies (``write/copies.py``); only posts that copy
nothing are counted.

May import: nothing of the project.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
import pandas as pd

WINDOW = timedelta(days=3)  # a post repeating a story within this after a copy is a copy
MIN_WORDS = 6  # fewer words than this are too common to be one story
KEYS_VERSION = 1  # bump when the keys change in a way the constants below do not show
# the sites the collectors read: a link there is a post's own address, a subreddit or an
# app's page (every review of an app links the same page), never an outside story
OWN_SITES = ("reddit.com", "redd.it", "news.ycombinator.com", "bsky.app", "bsky.social",
             "apps.apple.com", "itunes.apple.com", "play.google.com")
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|"
                      r"ref_src|ref_url|smid|cmpid|ocid|share|si)$", re.IGNORECASE)
HOST_PREFIXES = ("www.", "m.", "mobile.")
_LINK = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")


def link_key(url) -> str | None:
    """``l:`` and a digest of the normalised outside link, or None (no link, not http(s),
    no path, or into one of ``OWN_SITES``)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
    except ValueError:  # a malformed address (an unclosed IPv6 bracket) links nowhere
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    for prefix in HOST_PREFIXES:
        host = host.removeprefix(prefix)
    if any(host == site or host.endswith("." + site) for site in OWN_SITES):
        return None
    path = parts.path.rstrip("/")
    if not path:
        return None
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING.match(k))
    return _digest("l", f"{host}{path}?{urlencode(query)}" if query else host + path)


def wording_key(text) -> str | None:
    """``w:`` and a digest of the normalised wording, or None when fewer than
    ``MIN_WORDS`` words are left."""
    if not isinstance(text, str):
        return None
    if not text.isascii():  # NFKC leaves ASCII as it is: skip it for most posts
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    if "http" in text or "www." in text:
        text = _LINK.sub(" ", text)
    words = _NOT_WORD.sub(" ", text).split()
    return _digest("w", " ".join(words)) if len(words) >= MIN_WORDS else None


def _digest(kind: str, normalised: str) -> str:
    return f"{kind}:{hashlib.sha1(normalised.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


def story_keys(frame: pd.DataFrame) -> pd.Series:
    """Each post's story key (``url``, ``text``, ``implausible_time`` columns of the store;
    a missing column counts as empty): its link's, else its wording's, else None."""
    def column(name: str) -> list:
        return frame[name].tolist() if name in frame else [None] * len(frame)
    keys = [None if implausible is True else link_key(url) or wording_key(text)
            for url, text, implausible in zip(column("url"), column("text"),
                                               column("implausible_time"))]
    return pd.Series(keys, index=frame.index, dtype=object)


ORDER = ["created_at", "source", "source_id"]  # which of two posts came first


def copy_of(frame: pd.DataFrame) -> pd.Series:
    """Per post of ``frame`` (``id``, ``story_key``, ``created_at``, ``source``,
    ``source_id``): the ``id`` of the earliest post of ``frame`` with the same key in the
    ``WINDOW`` before it, or None. Exact for a post when ``frame`` holds every post with
    its key in the ``WINDOW`` before it."""
    keyed = frame[frame["story_key"].notna()].sort_values(["story_key", *ORDER],
                                                          kind="stable")
    keys, ids = keyed["story_key"].to_numpy(), keyed["id"].to_numpy()
    times = pd.to_datetime(keyed["created_at"]).to_numpy()
    found = np.full(len(keyed), -1)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else []
    for start, end in zip(starts, [*starts[1:], len(keys)]):
        # the first post of the key dated at or after WINDOW before each; itself when
        # nothing earlier is close enough
        found[start:end] = start + np.searchsorted(times[start:end],
                                                   times[start:end] - np.timedelta64(WINDOW))
    copies = [int(ids[f]) if f < i else None for i, f in enumerate(found)]
    out = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    out[keyed.index] = copies
    return out


def definition() -> str:
    """What these rules are, as the store records them beside its copies: a store whose
    copies were found by other rules finds them again when it is opened."""
    return json.dumps({"window_s": WINDOW.total_seconds(), "min_words": MIN_WORDS,
                       "own_sites": OWN_SITES, "tracking": TRACKING.pattern,
                       "version": KEYS_VERSION}, sort_keys=True)
