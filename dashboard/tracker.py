"""Tracker files: which brands, apps, queries and charts a dashboard follows.

A tracker is a TOML file (see ``data/trackers/ai-assistants.toml`` and the README's
"Tracker format"). Nothing about a market is hard-coded in collecting, importing, scoring,
exporting or the app: a second tracker file is all a new market needs (the simulated demo
tells one story and refuses other markets, see ``demo.py``). ``load_tracker`` validates
the whole file and raises ``TrackerError`` naming the file and the offending key
(``brands[2].aliases``).

May import: the foundation (errors, vocabulary).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.errors import UserError
from dashboard.vocabulary import STORES

# the collectors' settings and their types (docs/collecting.md)
SOURCE_LISTS = {"subreddits", "queries", "hashtags", "servers", "countries"}
SOURCE_INTEGERS = {"top_comments"}
SOURCE_STRINGS = {"service", "lang"}


class TrackerError(UserError):
    """A tracker file that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class App:
    store: str  # one of vocabulary.STORES: "app_store" or "google_play"
    app_id: str
    source: str  # where the id was looked up


@dataclass(frozen=True)
class Brand:
    name: str
    aliases: tuple[str, ...]  # matched case-insensitively, whole words
    aliases_cased: tuple[str, ...] = ()  # matched only with this exact casing
    company: str = ""
    color: str = ""
    apps: tuple[App, ...] = ()

    def app(self, store: str) -> App | None:
        return next((a for a in self.apps if a.store == store), None)


@dataclass(frozen=True)
class Charts:
    countries: tuple[str, ...] = ("us",)
    charts: tuple[str, ...] = ("top-free",)
    limit: int = 100


@dataclass(frozen=True)
class Tracker:
    name: str
    brands: tuple[Brand, ...]
    sources: dict = field(default_factory=dict)  # source name -> its settings table
    charts: Charts = Charts()
    description: str = ""
    keep_author_handles: bool = False
    lexicon: tuple[str, ...] = ()  # the tracker's lexicon override files, resolved paths
    notify: tuple[str, ...] = ()  # [alerts] notify: Apprise URLs for `alert` (README: Alerts)
    path: str = ""

    @property
    def brand_names(self) -> list[str]:
        return [b.name for b in self.brands]

    def brand(self, name: str) -> Brand:
        return next(b for b in self.brands if b.name == name)

    def brand_for_app(self, store: str, app_id: str) -> str | None:
        for b in self.brands:
            a = b.app(store)
            if a and a.app_id == str(app_id):
                return b.name
        return None


def load_tracker(path: str | Path) -> Tracker:
    """Read and validate a tracker TOML file."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TrackerError(f"{path}: tracker file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise TrackerError(f"{path}: not valid TOML: {e}") from None
    except UnicodeDecodeError as e:
        raise TrackerError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
    except OSError as e:  # a folder, no permission
        raise TrackerError(f"{path}: cannot read the tracker file: {e.strerror or e}") from None
    return parse_tracker(raw, str(path))


def parse_tracker(raw: dict, where: str = "<tracker>") -> Tracker:
    """Validate a parsed TOML mapping into a Tracker."""
    v = _Validator(where)
    head = v.table(raw, "tracker", required=True)
    brands_raw = raw.get("brands")
    if not isinstance(brands_raw, list) or not brands_raw:
        v.fail("brands", "expected at least one [[brands]] table")
    brands, seen = [], set()
    for i, b in enumerate(brands_raw):
        key = f"brands[{i}]"
        if not isinstance(b, dict):
            v.fail(key, "expected a table")
        name = v.string(b, "name", key, required=True)
        if name in seen:
            v.fail(f"{key}.name", f"brand {name!r} is listed twice")
        seen.add(name)
        apps = []
        for store in STORES:
            t = v.table(b, store, prefix=key)
            if t:
                apps.append(App(store, v.string(t, "id", f"{key}.{store}", required=True),
                                v.string(t, "source", f"{key}.{store}", required=True)))
        cased = v.strings(b, "aliases_cased", key)
        # the name itself counts as an alias, in the casing group it is listed in
        aliases = v.strings(b, "aliases", key) + ([] if name in cased else [name])
        brands.append(Brand(
            name=name,
            aliases=tuple(dict.fromkeys(aliases)),
            aliases_cased=tuple(cased),
            company=v.string(b, "company", key),
            color=v.string(b, "color", key),
            apps=tuple(apps),
        ))
    sources = v.table(raw, "sources") or {}
    for sname, conf in sources.items():
        if not isinstance(conf, dict):
            v.fail(f"sources.{sname}", "expected a table")
        for k in conf:
            key = f"sources.{sname}"
            if k in SOURCE_LISTS:
                v.strings(conf, k, key)
            elif k in SOURCE_INTEGERS:
                v.integer(conf, k, key, default=0, lo=0, hi=1000)
            elif k in SOURCE_STRINGS:
                v.string(conf, k, key, required=True)
            elif isinstance(conf[k], list):
                v.strings(conf, k, key)
    ch = v.table(raw, "charts") or {}
    charts = Charts(
        countries=tuple(c.lower() for c in v.strings(ch, "countries", "charts") or ["us"]),
        charts=tuple(v.strings(ch, "charts", "charts") or ["top-free"]),
        limit=v.integer(ch, "limit", "charts", default=100, lo=1, hi=200),
    )
    scoring = v.table(raw, "scoring") or {}
    base = Path(where).parent
    lexicon = []
    for i, name in enumerate(v.strings(scoring, "lexicon", "scoring")):
        path = base / name
        if not path.is_file():
            v.fail(f"scoring.lexicon[{i}]", f"no lexicon file {path}")
        lexicon.append(str(path))
    alerts = v.table(raw, "alerts") or {}
    return Tracker(
        name=v.string(head, "name", "tracker", required=True),
        description=v.string(head, "description", "tracker"),
        keep_author_handles=v.boolean(head, "keep_author_handles", "tracker"),
        lexicon=tuple(lexicon),
        notify=tuple(v.strings(alerts, "notify", "alerts")),
        brands=tuple(brands),
        sources=sources,
        charts=charts,
        path=where,
    )


class _Validator:
    """Small typed getters whose errors name the file and the full key."""

    def __init__(self, where: str):
        self.where = where

    def fail(self, key: str, msg: str):
        raise TrackerError(f"{self.where}: {key}: {msg}")

    def table(self, d: dict, k: str, prefix: str = "", required: bool = False) -> dict | None:
        key = f"{prefix}.{k}" if prefix else k
        val = d.get(k)
        if val is None:
            if required:
                self.fail(key, "missing table")
            return None
        if not isinstance(val, dict):
            self.fail(key, f"expected a table, got {type(val).__name__}")
        return val

    def string(self, d: dict, k: str, prefix: str, required: bool = False) -> str:
        val = d.get(k)
        if val is None:
            if required:
                self.fail(f"{prefix}.{k}", "missing")
            return ""
        if not isinstance(val, str) or (required and not val.strip()):
            self.fail(f"{prefix}.{k}", f"expected a non-empty string, got {val!r}")
        return val.strip()

    def strings(self, d: dict, k: str, prefix: str) -> list[str]:
        val = d.get(k, [])
        if not isinstance(val, list) or not all(isinstance(x, str) and x.strip() for x in val):
            self.fail(f"{prefix}.{k}", "expected a list of non-empty strings")
        return [x.strip() for x in val]

    def integer(self, d: dict, k: str, prefix: str, default: int, lo: int, hi: int) -> int:
        val = d.get(k, default)
        if not isinstance(val, int) or isinstance(val, bool) or not lo <= val <= hi:
            self.fail(f"{prefix}.{k}", f"expected an integer from {lo} to {hi}, got {val!r}")
        return val

    def boolean(self, d: dict, k: str, prefix: str) -> bool:
        val = d.get(k, False)
        if not isinstance(val, bool):
            self.fail(f"{prefix}.{k}", f"expected true or false, got {val!r}")
        return val
