"""What a tracker file may hold: every table and key with the shape of its value, one line
each (``TRACKER`` and ``SOURCES`` below), and ``check``, which reads a parsed file against
them. Anything else is a ``TrackerError`` naming the file and the key, with the nearest
valid name: an unknown table or key (``sources.reddit.querys: unknown key; did you mean
'queries'?``), a source, chart or country that does not exist, or a value of the wrong
shape. To accept a new key, add its line to its table.

URLs must be ``https://`` (``wss://`` for streams); plain ``http://`` and ``ws://`` only
reach this machine (127.0.0.1, ::1, localhost), for tests.

May import: errors, phrases, vocabulary.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from dashboard.errors import UserError
from dashboard.phrases import normalise, problem
from dashboard.vocabulary import STORES

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
CHART_NAMES = ("top-free", "top-paid", "top-grossing")  # Apple's feeds (app_store_charts)
# ISO 3166-1 alpha-2: the App Store's and Google Play's country codes are drawn from these
COUNTRIES = frozenset("""
ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br
bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz
ec ee eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw
gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky
kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv
mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py
qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg
th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm
zw""".split())
COUNTRY_SLIPS = {"uk": "gb"}  # codes people write that ISO spells otherwise
_HOST = re.compile(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$", re.I)

Shape = Callable[[object, str], object]  # (value, its key) -> the value, cleaned


class TrackerError(UserError):
    """A tracker file that cannot be used; the message names the file and key."""


class _Bad(Exception):
    """One wrong key; ``check`` adds the file's name."""


def _fail(key: str, message: str):
    raise _Bad(f"{key}: {message}")


def _nearest(name: str, valid) -> str:
    close = difflib.get_close_matches(str(name), list(valid), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else f" (valid: {', '.join(valid)})"


# --- the shapes of values -------------------------------------------------------------------

def text(value, key: str) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value.strip():
        _fail(key, f"expected a non-empty string, got {value!r}")
    return value.strip()


def note(value, key: str) -> str:
    """Any string, empty included."""
    if not isinstance(value, str):
        _fail(key, f"expected a string, got {value!r}")
    return value.strip()


def texts(value, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        _fail(key, "expected a list of non-empty strings")
    return [x.strip() for x in value]


def phrases(value, key: str) -> list[str]:
    """At least one phrase, ``*`` for any one word (``dashboard/phrases.py``), normalised."""
    items = texts(value, key)
    if not items:
        _fail(key, "expected at least one phrase")
    for i, item in enumerate(items):
        if problem(item):
            _fail(f"{key}[{i}]", f"{problem(item)}, got {item!r}")
    return [normalise(x) for x in items]


def flag(value, key: str) -> bool:
    if not isinstance(value, bool):
        _fail(key, f"expected true or false, got {value!r}")
    return value


def whole(lo: int, hi: int) -> Shape:
    def check(value, key: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            _fail(key, f"expected an integer from {lo} to {hi}, got {value!r}")
        return value
    return check


def link(secure: str = "https", plain: str = "http") -> Shape:
    """A URL: ``secure``:// anywhere, ``plain``:// only to this machine. Returned without
    a trailing slash."""
    def check(value, key: str) -> str:
        parts = urlsplit(text(value, key))
        try:
            host = parts.hostname
        except ValueError:
            host = None
        if parts.scheme == plain and host in LOOPBACK or parts.scheme == secure and host:
            return value.strip().rstrip("/")
        _fail(key, f"expected a {secure}:// URL ({plain}:// only to 127.0.0.1 or "
                   f"localhost, for tests), got {value!r}")
    return check


def links(secure: str, plain: str) -> Shape:
    one = link(secure, plain)
    return lambda value, key: [one(v, f"{key}[{i}]") for i, v in enumerate(texts(value, key))]


def servers(value, key: str) -> list[str]:
    """Host names (``mastodon.social``) or server URLs."""
    url = link()
    return [v if _HOST.match(v) else url(v, f"{key}[{i}]")
            for i, v in enumerate(texts(value, key))]


def countries(value, key: str) -> list[str]:
    """ISO 3166-1 two-letter codes, in lower case."""
    codes = [c.lower() for c in texts(value, key)]
    for i, code in enumerate(codes):
        if code not in COUNTRIES:
            hint = (f"; did you mean {COUNTRY_SLIPS[code]!r}?" if code in COUNTRY_SLIPS
                    else " (use ISO 3166-1 two-letter codes: us, gb, de, ...)")
            _fail(f"{key}[{i}]", f"unknown country {code!r}{hint}")
    return codes


def one_of(names: tuple[str, ...], noun: str) -> Shape:
    """A list of names, each one of ``names``."""
    def check(value, key: str) -> list[str]:
        items = texts(value, key)
        for i, item in enumerate(items):
            if item not in names:
                _fail(f"{key}[{i}]", f"unknown {noun} {item!r}{_nearest(item, names)}")
        return items
    return check


def table(keys: dict[str, Shape], required: tuple[str, ...] = ()) -> Shape:
    """A table holding only ``keys`` (those in ``required`` must be there)."""
    def check(value, key: str) -> dict:
        if not isinstance(value, dict):
            _fail(key, f"expected a table, got {type(value).__name__}")
        at = (lambda k: f"{key}.{k}") if key else (lambda k: k)
        for k in required:
            if k not in value:
                _fail(at(k), getattr(keys[k], "missing", "missing").format(k))
        for k in value:
            if k not in keys:
                _fail(at(k), f"unknown {'key' if key else 'table'}{_nearest(k, keys)}")
        return {k: keys[k](v, at(k)) for k, v in value.items()}
    check.missing = "missing table"
    return check


def tables(keys: dict[str, Shape], required: tuple[str, ...] = (),
           at_least_one: bool = False) -> Shape:
    """An array of tables (``[[name]]``), each holding only ``keys``."""
    one = table(keys, required)

    def check(value, key: str) -> list[dict]:
        if not isinstance(value, list) or at_least_one and not value:
            _fail(key, f"expected {'at least one' if at_least_one else 'a list of'} "
                       f"[[{key}]] table{'' if at_least_one else 's'}")
        return [one(v, f"{key}[{i}]") for i, v in enumerate(value)]
    check.missing = "expected at least one [[{}]] table" if at_least_one else "missing"
    return check


def named(shapes: dict[str, Shape], noun: str) -> Shape:
    """A table of tables whose names are fixed (``[sources.<name>]``)."""
    def check(value, key: str) -> dict:
        if not isinstance(value, dict):
            _fail(key, f"expected a table, got {type(value).__name__}")
        for name in value:
            if name not in shapes:
                _fail(f"{key}.{name}", f"unknown {noun}{_nearest(name, shapes)}")
        return {name: shapes[name](conf, f"{key}.{name}") for name, conf in value.items()}
    return check


# --- what a tracker may hold ----------------------------------------------------------------

SOURCES = {  # [sources.<name>]: what each collector reads (docs/collecting.md)
    "reddit": {"queries": texts, "subreddits": texts, "top_comments": whole(0, 1000),
               "base_url": link()},
    "hackernews": {"queries": texts, "base_url": link()},
    "bluesky": {"queries": texts, "service": link()},
    "bluesky_stream": {"endpoints": links("wss", "ws"), "queries": texts},
    "mastodon": {"servers": servers, "hashtags": texts, "queries": texts},
    "app_store_reviews": {"countries": countries, "base_url": link()},
    "google_play_reviews": {"countries": countries, "lang": text, "base_url": link()},
}
APP = table({"id": text, "source": text}, required=("id", "source"))
TRACKER = table({
    "tracker": table({"name": text, "description": note, "keep_author_handles": flag},
                     required=("name",)),
    "brands": tables({"name": text, "company": note, "color": note, "aliases": texts,
                      "aliases_cased": texts, "aliases_in_context": texts,
                      **{store: APP for store in STORES}},
                     required=("name",), at_least_one=True),
    "sources": named({name: table(keys) for name, keys in SOURCES.items()}, "source"),
    "charts": table({"countries": countries, "charts": one_of(CHART_NAMES, "chart"),
                     "limit": whole(1, 200), "base_url": link(), "legacy_base_url": link()}),
    "scoring": table({"lexicon": texts}),
    "reasons": tables({"name": text, "label": text, "phrases": phrases, "description": note},
                      required=("name", "label", "phrases")),
    "alerts": table({"notify": texts}),
}, required=("tracker", "brands"))


def check(raw: dict, where: str) -> dict:
    """``raw`` (a parsed tracker file) checked against ``TRACKER``: its values cleaned
    (strings stripped, country codes in lower case, URLs without a trailing slash)."""
    try:
        return TRACKER(raw, "")
    except _Bad as e:
        raise TrackerError(f"{where}: {e}") from None
