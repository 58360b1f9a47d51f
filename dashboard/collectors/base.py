"""What every source shares: the run context, per-unit bookkeeping, paging and resume state.

A source's work is split into *units* (one query in one place, one day of one query, one
app in one country). A unit is fetched to the end before anything of it is saved, so a
failure never leaves half a unit in the store; then its posts are saved and its resume point
is remembered in the store's ``meta`` table under ``state:<source>:<unit>`` (JSON,
``{"until": "<ISO time>"}``: everything up to then is stored). A rerun starts from there, a
first run looks back ``DEFAULT_LOOKBACK`` (7 days), and ``--since`` backfills from a date.

A unit that fails is recorded and the source goes on with the next, except for failures
that would only repeat (a refusal of the credentials, a spent wait budget: ``http.py``),
which stop the source. A unit whose host's circuit is open is recorded as not tried. An
answer of the wrong shape fails its unit (``items_of``: an object where a list of items
was expected is never "0 posts"); one item without a readable time is skipped and counted,
and never fails its unit.

May import: collectors.credentials, collectors.http, collectors.report, files.rows, scoring,
tracker, vocabulary, and the write side to save (write.ingest, write.store).
"""
from __future__ import annotations

import contextlib
import html
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pandas as pd
from sqlalchemy import Engine

from dashboard.collectors.credentials import Credentials, MissingCredentials
from dashboard.collectors.http import STOPS_SOURCE, Http, HttpError, NotTried, Refused
from dashboard.collectors.report import Reporter
from dashboard.files.rows import clean_text, parse_times, whole_numbers
from dashboard.scoring import Scorer
from dashboard.tracker import Tracker
from dashboard.vocabulary import FAILED, OK, PARTIAL
from dashboard.write.ingest import save_posts, shorten
from dashboard.write.store import get_meta, set_meta

DEFAULT_LOOKBACK = timedelta(days=7)
OVERLAP = timedelta(hours=1)  # re-read past the resume point, for posts indexed late
SLICE = timedelta(days=1)
SKEW = timedelta(days=1)  # how far after the service indexed a post its own time may be
MAX_PAGES = 200  # a safety stop for one unit; the APIs' own caps are lower
META_KEY_MAX = 100  # the meta table's key length
COLUMNS = ["source", "source_id", "created_at", "author", "text", "url", "community",
           "engagement", "rating", "language"]


@dataclass
class CollectContext:
    """Everything a source needs for one ``collect`` run. ``now`` is timezone-aware UTC.
    ``run_for`` is how long a streaming source runs, in seconds (None: until it has caught
    up); ``stop`` is set when the person or the system asked the run to end (Ctrl-C,
    SIGTERM)."""
    engine: Engine
    tracker: Tracker
    http: Http
    credentials: Credentials
    scorer: Scorer
    report: Reporter
    now: datetime
    since: datetime | None = None
    keep_handles: bool = False
    lookback: timedelta = DEFAULT_LOOKBACK
    run_for: float | None = None
    stop: threading.Event = field(default_factory=threading.Event)

    def settings(self, source: str) -> dict:
        return self.tracker.sources.get(source, {})

    def save(self, frame: pd.DataFrame) -> int:
        return save_posts(self.engine, frame, self.scorer,
                          keep_handles=self.keep_handles or self.tracker.keep_author_handles)


@dataclass
class Unit:
    label: str
    ok: bool = False


@dataclass
class Tally:
    """One source's run: rows written, units done, the units that failed (with why) and
    those not tried because their host was unreachable; a streaming source also fills
    ``stats`` and updates its run row (``run_id``) as it goes."""
    report: Reporter
    items: int = 0
    done: int = 0
    failures: list[str] = field(default_factory=list)
    not_tried: dict[str, int] = field(default_factory=dict)  # why -> units
    stats: dict | None = None
    run_id: int | None = None

    @contextlib.contextmanager
    def unit(self, label: str) -> Iterator[Unit]:
        """Run one unit; an exception marks it failed (recorded, reported) and is swallowed
        so the source's other units still run, unless it would stop them all alike
        (``http.STOPS_SOURCE``), which is re-raised after it is recorded."""
        unit = Unit(label)
        try:
            yield unit
        except NotTried as e:
            self.not_tried[str(e)] = self.not_tried.get(str(e), 0) + 1
            self.report.not_tried(label, str(e))
        except STOPS_SOURCE as e:
            self.fail(f"{label}: {describe(e)}")
            raise
        except Exception as e:  # any failure of one unit: record it, go on with the rest
            self.fail(f"{label}: {describe(e)}")
        else:
            unit.ok = True
            self.done += 1

    def fail(self, message: str) -> None:
        self.failures.append(message)
        self.report.problem(message)

    @property
    def units(self) -> int:
        return self.done + len(self.failures) + sum(self.not_tried.values())

    @property
    def status(self) -> str:
        if self.done == self.units:
            return OK
        return PARTIAL if self.done else FAILED


class NothingToCollect(Exception):
    """A source set up with nothing to read (no queries, no apps); it is recorded as
    skipped, with this message as the reason."""


@contextlib.contextmanager
def refusal_hint(hint: str) -> Iterator[None]:
    """A ``Refused`` raised inside says what to check: ``hint`` (the credential's name)."""
    try:
        yield
    except Refused as e:
        e.hint = e.hint or hint
        raise


class UnexpectedResponse(Exception):
    """An answer that parsed but cannot be right (items without an id, an empty page in the
    middle of a listing); the unit fails rather than store a part of it."""


def describe(e: Exception) -> str:
    if isinstance(e, (HttpError, MissingCredentials, NothingToCollect)):
        return str(e)
    if isinstance(e, UnexpectedResponse):
        return f"unexpected response: {e}"
    if isinstance(e, (KeyError, IndexError, TypeError, AttributeError)):
        return f"unexpected response format ({type(e).__name__}: {e})"
    return f"{type(e).__name__}: {e}"


def items_of(raw, key: str | None = None) -> list:
    """The list of items in an answer: ``raw[key]``, or ``raw`` itself. Anything else (an
    object where a list was expected, an error object with status 200) is not the answer
    the parser expects: ``UnexpectedResponse``, never "0 items"."""
    if key is not None:
        if not isinstance(raw, dict) or key not in raw:
            raise UnexpectedResponse(f"expected an object with {key!r}, got {_shape(raw)}")
        raw = raw[key]
    if not isinstance(raw, list):
        raise UnexpectedResponse(f"expected a list{f' in {key!r}' if key else ''} of items, "
                                 f"got {_shape(raw)}")
    return raw


def _shape(value) -> str:
    """What an answer is, in words (an object's first keys, never its values)."""
    if isinstance(value, dict):
        return f"an object ({', '.join(map(str, list(value)[:4])) or 'empty'})"
    return {list: "a list", str: "text", type(None): "null", bool: "true or false"}.get(
        type(value), "a number")


# --- resume state -------------------------------------------------------------------------

def state_key(source: str, *parts: str) -> str:
    """``state:<source>:<part>:...``, shortened with a hash when it would not fit."""
    return shorten(":".join(["state", source, *parts]), META_KEY_MAX)


def load_state(engine: Engine, key: str) -> dict:
    return json.loads(get_meta(engine, key) or "{}")


def remember(engine: Engine, key: str, until) -> None:
    """Move the resume point forward to ``until`` (never back: a backfill keeps it)."""
    until, old = stamp(until), resume_point(load_state(engine, key))
    if old is None or until > old:
        set_meta(engine, key, json.dumps({"until": until.isoformat()}))


def resume_point(state: dict) -> pd.Timestamp | None:
    return stamp(state["until"]) if state.get("until") else None


def start_time(ctx: CollectContext, state: dict) -> pd.Timestamp:
    """Where a unit starts reading: --since, else the resume point less ``OVERLAP`` (for
    posts indexed late; re-read rows are upserted, never duplicated), else the lookback."""
    if ctx.since is not None:
        return stamp(ctx.since)
    resume = resume_point(state)
    return resume - OVERLAP if resume is not None else stamp(ctx.now - ctx.lookback)


def stamp(value) -> pd.Timestamp:
    """A time as a UTC-aware Timestamp (naive means UTC)."""
    t = pd.Timestamp(value)
    return t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")


def slices(start: pd.Timestamp, end: pd.Timestamp, step: timedelta = SLICE):
    """[start, end) in consecutive windows of ``step``, oldest first."""
    while start < end:
        yield start, min(start + step, end)
        start += step


# --- the two collection shapes ------------------------------------------------------------

def collect_windows(ctx: CollectContext, tally: Tally, source: str, query: str,
                    fetch_window: Callable[[pd.Timestamp, pd.Timestamp], pd.DataFrame]
                    ) -> None:
    """For APIs that filter by time (HN, Bluesky): one unit per day slice, oldest first,
    each saved and remembered; the first failure stops this query so no gap is skipped."""
    key = state_key(source, query)
    start = start_time(ctx, load_state(ctx.engine, key))
    for a, b in slices(start, stamp(ctx.now)):
        with tally.unit(f"{query!r} from {a:%Y-%m-%d %H:%M} UTC") as unit:
            tally.items += ctx.save(fetch_window(a, b))
            remember(ctx.engine, key, b)
        if not unit.ok:
            break


def collect_newest(ctx: CollectContext, tally: Tally, key: str, label: str,
                   fetch_since: Callable[[pd.Timestamp], pd.DataFrame]) -> None:
    """For newest-first listings (Reddit, Mastodon, app reviews): walk back to the cutoff,
    save, and remember the newest time seen."""
    with tally.unit(label):
        frame = fetch_since(start_time(ctx, load_state(ctx.engine, key)))
        tally.items += ctx.save(frame)
        if not frame.empty:
            remember(ctx.engine, key, frame["created_at"].max())


def walk(ctx: CollectContext, fetch: Callable, parse: Callable[[object], pd.DataFrame],
         next_cursor: Callable, *, cursor=None, older_than: pd.Timestamp | None = None,
         max_pages: int = MAX_PAGES) -> pd.DataFrame:
    """Follow ``fetch(cursor) -> raw`` and ``next_cursor(raw)`` to the end, parsing each page.

    Stops when there is no next cursor, ``max_pages`` pages were read, or (newest-first
    listings) a page reaches back past ``older_than``; rows older than that are dropped.
    A page without a single item that still names a next page is a fault, not the end:
    stopping there would skip the rest for good. Returns the rows, each (source,
    source_id) once.
    """
    frames = []
    for page in range(1, max_pages + 1):
        raw = fetch(cursor)
        frame, cursor = parse(raw), next_cursor(raw)
        frames.append(frame)
        ctx.report.fetched(len(frame), frame.attrs.get("unreadable", 0))
        if cursor is None:
            break
        if frame.attrs.get("items", len(frame)) == 0:
            raise UnexpectedResponse(f"page {page} came back empty although the listing "
                                     "says more follow")
        if older_than is not None and frame["created_at"].min() < older_than:
            break
        if page == max_pages:
            ctx.report.note(f"stopped after {max_pages} pages; rerun to continue")
    out = pd.concat(frames, ignore_index=True) if frames else posts_frame([])
    if older_than is not None:
        out = out[out["created_at"] >= older_than]
    return out.drop_duplicates(["source", "source_id"]).reset_index(drop=True)


# --- building rows ------------------------------------------------------------------------

def posts_frame(rows: list[dict], extra: tuple[str, ...] = (),
                started: str | None = None) -> pd.DataFrame:
    """Rows in the store's post columns (plus ``extra``): text cleaned of what no store
    accepts (``clean_text``), times parsed to UTC, counts as nullable integers.

    Where rows carry the service's own ``indexed_at`` (in ``extra``), it stands in for an
    author's time that is unreadable, before the service ``started`` or after it indexed
    the post (beyond ``SKEW``). Rows without any text are dropped (deleted posts: nothing
    to score), and so are rows still without a readable time: ``attrs["unreadable"]``
    counts those, ``attrs["items"]`` all items. An item without an id means the answer is
    not what the parser expects, and raises UnexpectedResponse.
    """
    rows = [{k: clean_text(v) if isinstance(v, str) else v for k, v in row.items()}
            for row in rows]
    frame = pd.DataFrame(rows, columns=COLUMNS + list(extra), dtype=object)
    times = parse_times(frame["created_at"])
    if "indexed_at" in frame:
        indexed = parse_times(frame.pop("indexed_at"))
        absurd = times.isna() | (times > indexed + SKEW)
        if started:
            absurd |= times < stamp(started)
        times = times.where(~absurd | indexed.isna(), indexed)
    frame["created_at"] = times
    for col in ("engagement", "rating"):
        frame[col] = whole_numbers(frame[col])
    frame["text"] = frame["text"].map(clean_text)
    no_id = frame["source_id"].isna() | (frame["source_id"] == "")
    if no_id.any():
        raise UnexpectedResponse(f"{int(no_id.sum())} of {len(frame)} items without an id")
    unreadable = frame["created_at"].isna()
    frame = frame[~unreadable & (frame["text"].str.strip() != "")].reset_index(drop=True)
    frame.attrs.update(items=len(rows), unreadable=int(unreadable.sum()))
    return frame


def join_text(*parts: str | None) -> str:
    """Non-empty parts joined by a blank line (title and body)."""
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


_BREAK = re.compile(r"<br\s*/?>", re.I)
_PARA = re.compile(r"</p>\s*<p[^>]*>|<p[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(value: str | None) -> str:
    """Plain text from the small HTML subset HN and Mastodon use (p, br, a, i, span...)."""
    if not value:
        return ""
    text = _PARA.sub("\n\n", _BREAK.sub("\n", value))
    return html.unescape(_TAG.sub("", text)).strip()
