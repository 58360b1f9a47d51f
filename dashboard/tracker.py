"""Tracker files: which brands, apps, queries and charts a dashboard follows.

A tracker is a TOML file (see ``data/trackers/ai-assistants.toml`` and the README's
"Tracker format"). Nothing about a market is hard-coded in collecting, importing, scoring,
exporting or the app: a second tracker file is all a new market needs (the simulated demo
tells one story and refuses other markets, see ``demo.py``). ``load_tracker`` validates
the whole file strictly (the tables and keys it may hold are in ``tracker_keys.py``) and
raises ``TrackerError`` naming the file and the offending key (``brands[2].aliases``).

May import: the foundation (errors, tracker_keys, vocabulary).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.tracker_keys import TrackerError, check
from dashboard.vocabulary import STORES

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
    # words that are also ordinary words, matched in the case written ("grok", "le chat",
    # "Plus"): counted only where the words beside them make them the product (scoring/brands.py)
    aliases_in_context: tuple[str, ...] = ()
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
    base_url: str = ""  # the current feed's ("": Apple's own)
    legacy_base_url: str = ""  # the older iTunes feed's ("": Apple's own)


@dataclass(frozen=True)
class Reason:
    """A reason people give for leaving, found by its phrases in the text of posts that
    leave, move or consider it (``read/reasons.py``)."""
    name: str  # in exports (``reason`` column)
    label: str  # what readers see, and what a link carries
    phrases: tuple[str, ...]  # lower-case words, "*" any one word (dashboard/phrases.py)
    description: str = ""


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
    reasons: tuple[Reason, ...] = ()  # [[reasons]]: why people leave, in tracker order
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
    """Validate a parsed TOML mapping into a Tracker (the keys it may hold:
    ``tracker_keys.py``)."""
    raw = check(raw, where)

    def fail(key: str, message: str):
        raise TrackerError(f"{where}: {key}: {message}")
    brands, seen = [], set()
    for i, b in enumerate(raw["brands"]):
        name = b["name"]
        if name in seen:
            fail(f"brands[{i}].name", f"brand {name!r} is listed twice")
        seen.add(name)
        cased = b.get("aliases_cased", [])
        # the name itself counts as an alias, in the casing group it is listed in
        aliases = b.get("aliases", []) + ([] if name in cased else [name])
        brands.append(Brand(
            name=name,
            aliases=tuple(dict.fromkeys(aliases)),
            aliases_cased=tuple(cased),
            aliases_in_context=tuple(b.get("aliases_in_context", [])),
            company=b.get("company", ""),
            color=b.get("color", ""),
            apps=tuple(App(store, b[store]["id"], b[store]["source"])
                       for store in STORES if store in b),
        ))
    reasons = [Reason(r["name"], r["label"], tuple(r["phrases"]), r.get("description", ""))
               for r in raw.get("reasons", [])]
    for key in ("name", "label"):  # names go into exports, labels into links
        names = [getattr(r, key) for r in reasons]
        for i, name in enumerate(names):
            if name in names[:i]:
                fail(f"reasons[{i}].{key}", f"reason {key} {name!r} is listed twice")
    ch = raw.get("charts", {})
    base = Path(where).parent
    lexicon = []
    for i, name in enumerate(raw.get("scoring", {}).get("lexicon", [])):
        path = base / name
        if not path.is_file():
            fail(f"scoring.lexicon[{i}]", f"no lexicon file {path}")
        lexicon.append(str(path))
    head = raw["tracker"]
    return Tracker(
        name=head["name"],
        description=head.get("description", ""),
        keep_author_handles=head.get("keep_author_handles", False),
        lexicon=tuple(lexicon),
        notify=tuple(raw.get("alerts", {}).get("notify", [])),
        reasons=tuple(reasons),
        brands=tuple(brands),
        sources=raw.get("sources", {}),
        charts=Charts(countries=tuple(ch.get("countries") or ["us"]),
                      charts=tuple(ch.get("charts") or ["top-free"]),
                      limit=ch.get("limit", 100), base_url=ch.get("base_url", ""),
                      legacy_base_url=ch.get("legacy_base_url", "")),
        path=where,
    )
