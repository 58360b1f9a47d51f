"""Bluesky's public Jetstream, no keys: every new post on the network, kept when its text
names a tracked brand (its aliases, read as the scorer reads them) or a tracker query.

Settings: ``[sources.bluesky_stream] endpoints`` (``ws://``/``wss://`` URLs ending in
``/subscribe`` or ``/xrpc/network.bsky.jetstream.subscribeEvents``; default: Bluesky's
four public instances) and ``queries`` (phrases, matched as whole words in any case).

A run reads for ``ctx.run_for`` seconds (``collect --for``), forever (``stream``), or, by
default, until it has caught up with real time (at most ``DEFAULT_RUN``). Kept posts are
buffered and saved every ``FLUSH_SECONDS`` or ``FLUSH_POSTS``; after each save the time
cursor of the last event read goes into the store (``state:bluesky_stream``), and a run
resumes ``REWIND_US`` before it, so a restart or a switch of instance loses nothing, and
what is read twice is upserted, never stored twice. A lost, silent or refused connection
is retried on the next endpoint after a backoff (``BACKOFF``); a malformed frame is
skipped and counted. Ctrl-C and SIGTERM end the run after saving what is buffered. The
run row shows what the run measured as it goes (vocabulary.STREAM_STATS).

May import: collectors.base, collectors.jetstream, collectors.http, errors, scoring, tracker,
vocabulary, write.store.
"""
from __future__ import annotations

import contextlib
import json
import signal
import threading
import time
from collections import deque
from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import urlsplit

from websockets.exceptions import WebSocketException
from websockets.sync.client import connect

from dashboard.collectors.base import CollectContext, Tally, load_state, posts_frame, state_key
from dashboard.collectors.http import user_agent
from dashboard.collectors.jetstream import (MAX_FRAME, PUBLIC, MalformedFrame, ServerError,
                                            read_frame, subscribe_url, wire)
from dashboard.errors import UserError
from dashboard.scoring.brands import BrandMatcher
from dashboard.tracker import Brand, Tracker
from dashboard.vocabulary import STREAM_STATS
from dashboard.write.store import set_meta, update_run

SOURCE = "bluesky_stream"
DEFAULT_RUN = 600.0  # seconds a run that stops when caught up may take at most
RUN_SPAN = 3600.0  # `stream` records one run per hour, so each day's runs show its figures
CAUGHT_UP = 10.0  # seconds behind real time that count as caught up
REWIND_US = 5_000_000  # a resumed run re-reads this much (cursors differ across instances)
LOOKBACK_US = 36 * 3600 * 1_000_000  # Jetstream replays this far back, no further
FLUSH_SECONDS, FLUSH_POSTS = 5.0, 500
RECENT = 10_000  # kept posts remembered, so those read again after a reconnect count once
OPEN_TIMEOUT, READ_TIMEOUT, POLL = 10.0, 30.0, 0.5  # seconds
BACKOFF = (1.0, 60.0)  # first and longest wait before trying the next endpoint


class PostFilter:
    """Whether a post's text names a tracked brand or a query: both matched by the scorer's
    own brand matcher (whole words, any case, as displayed)."""

    def __init__(self, tracker: Tracker, queries: list[str]):
        extra = tuple(Brand(name=f"query {i}", aliases=(q,)) for i, q in enumerate(queries))
        self.matcher = BrandMatcher(replace(tracker, brands=tracker.brands + extra))

    def keeps(self, text: str) -> bool:
        return bool(self.matcher.mentions(text))


class Stream:
    """One run: reads frames, buffers kept posts, saves them with the cursor, counts."""

    def __init__(self, ctx: CollectContext, tally: Tally, keep: PostFilter,
                 cursor: int | None):
        self.ctx, self.tally, self.keep = ctx, tally, keep
        self.cursor = cursor  # the last event read (or where to start)
        self.saved = cursor  # the cursor in the store
        self.buffer: dict[str, dict] = {}
        self.recent: dict[str, str] = {}  # id -> text of posts kept lately (re-read ones)
        self.last_flush = time.monotonic()
        self.stats = tally.stats = dict.fromkeys(STREAM_STATS) | {
            "events": 0, "kept": 0, "reconnects": 0, "malformed": 0}

    def take(self, data, on: str) -> None:
        """Read one frame: count it, keep its post if it names what is tracked."""
        self.stats["events"] += 1
        try:
            event = read_frame(data, on)
        except MalformedFrame as e:
            self.stats["malformed"] += 1
            if self.stats["malformed"] == 1:
                self.ctx.report.note(f"skipped a malformed frame ({e}); later ones are counted")
            return
        if event.note:
            self.ctx.report.note(f"the server says {event.note}")
        if event.time_us is None:
            return
        self.cursor = max(self.cursor or 0, event.time_us)
        post = event.post
        if post is None or self.recent.get(post["source_id"]) == post["text"] or \
                not self.keep.keeps(post["text"]):
            return
        self.buffer[post["source_id"]] = {"source": SOURCE, **post}
        self.recent[post["source_id"]] = post["text"]
        if len(self.recent) > RECENT:
            del self.recent[next(iter(self.recent))]

    @property
    def lag(self) -> float | None:
        return None if self.cursor is None else max(0.0, time.time() - self.cursor / 1e6)

    def flush(self, force: bool = False) -> None:
        """Save the buffered posts, then the cursor, then the run's figures: every
        ``FLUSH_SECONDS`` or ``FLUSH_POSTS``, or now if ``force``."""
        if not force and len(self.buffer) < FLUSH_POSTS and \
                time.monotonic() - self.last_flush < FLUSH_SECONDS:
            return
        if self.buffer:
            frame = posts_frame(list(self.buffer.values()))
            self.tally.items += self.ctx.save(frame)
            self.stats["kept"] += len(frame)
            self.ctx.report.fetched(len(frame))
            self.buffer.clear()
        if self.cursor is not None and (self.saved is None or self.cursor > self.saved):
            set_meta(self.ctx.engine, state_key(SOURCE), json.dumps(
                {"cursor": self.cursor, "until": utc(self.cursor).isoformat()}))
            self.saved = self.cursor
        self.stats["lag_s"] = None if self.lag is None else round(self.lag, 1)
        if self.tally.run_id is not None:
            update_run(self.ctx.engine, self.tally.run_id, items=self.tally.items,
                       stats=self.stats)
        self.last_flush = time.monotonic()


def collect(ctx: CollectContext, tally: Tally) -> None:
    endpoints = endpoints_of(ctx.tracker)
    stream = Stream(ctx, tally, PostFilter(ctx.tracker, ctx.settings(SOURCE).get("queries", [])),
                    start_cursor(ctx))
    with stop_on_signals(ctx.stop):
        run(stream, endpoints)


def endpoints_of(tracker: Tracker) -> list[str]:
    """The tracker's endpoints (default: the public instances), each checked."""
    endpoints = tracker.sources.get(SOURCE, {}).get("endpoints") or list(PUBLIC)
    key = f"{tracker.path}: sources.{SOURCE}.endpoints"
    if not isinstance(endpoints, list):
        raise UserError(f"{key}: expected a list of ws:// or wss:// URLs")
    for endpoint in endpoints:
        try:
            wire(str(endpoint))
        except ValueError as e:
            raise UserError(f"{key}: {e}") from None
    return endpoints


def start_cursor(ctx: CollectContext) -> int | None:
    """--since, else the saved cursor less ``REWIND_US``, else None (from now on). A
    cursor older than Jetstream keeps is moved up to what it keeps, and the gap said."""
    saved = load_state(ctx.engine, state_key(SOURCE)).get("cursor")
    if ctx.since is not None:
        cursor = int(ctx.since.timestamp() * 1_000_000)
    elif saved is not None:
        cursor = int(saved) - REWIND_US
    else:
        return None
    oldest = int(time.time() * 1_000_000) - LOOKBACK_US
    if cursor < oldest:
        ctx.report.note(f"posts from {utc(cursor):%Y-%m-%d %H:%M} to "
                        f"{utc(oldest):%Y-%m-%d %H:%M} UTC are lost: Jetstream "
                        f"replays only the last {LOOKBACK_US // 3_600_000_000} hours")
        cursor = oldest
    return cursor


def run(stream: Stream, endpoints: list[str]) -> None:
    """Read until the run is over, moving to the next endpoint after each failure."""
    ctx, started = stream.ctx, time.monotonic()
    limit = DEFAULT_RUN if ctx.run_for is None else ctx.run_for
    remaining = lambda: limit - (time.monotonic() - started)
    attempt, wait, errors = 0, BACKOFF[0], deque(maxlen=4)
    while remaining() > 0 and not ctx.stop.is_set():
        endpoint = endpoints[attempt % len(endpoints)]
        stream.stats["endpoint"] = host(endpoint)
        events_before = stream.stats["events"]
        try:
            resume = stream.cursor - REWIND_US if attempt and stream.cursor else stream.cursor
            with connect(subscribe_url(endpoint, resume), max_size=MAX_FRAME,
                         open_timeout=min(OPEN_TIMEOUT, max(remaining(), 0.1)), close_timeout=1,
                         user_agent_header=user_agent()) as ws:
                stream.tally.done += 1
                read(stream, ws, wire(endpoint), remaining)
                break  # the run is over
        except (OSError, WebSocketException, ServerError) as e:
            errors.append(f"{host(endpoint)}: {describe(e)}")
        finally:
            stream.flush(force=True)
        if stream.stats["events"] > events_before:
            wait = BACKOFF[0]  # it worked for a while: start the backoff over
        attempt += 1
        if remaining() <= 0 or ctx.stop.is_set():
            break
        if not stream.tally.done and attempt >= len(endpoints):
            break  # every endpoint refused or was unreachable once: offline, fail fast
        stream.stats["reconnects"] += 1
        ctx.report.wait(min(wait, remaining()), errors[-1],
                        host(endpoints[attempt % len(endpoints)]), "retry")
        ctx.stop.wait(min(wait, max(0.0, remaining())))
        wait = min(wait * 2, BACKOFF[1])
    if not stream.tally.done:
        stream.tally.fail("no endpoint answered: " + "; ".join(dict.fromkeys(errors)))


def read(stream: Stream, ws, on: str, remaining) -> None:
    """Take frames until the run is over: its time is up, it was asked to stop, or (with
    no ``run_for``) it has caught up. Raises when the connection is lost or silent for
    ``READ_TIMEOUT``."""
    ctx, heard = stream.ctx, time.monotonic()
    while remaining() > 0 and not ctx.stop.is_set():
        try:
            data = ws.recv(timeout=min(POLL, max(remaining(), 0.01)))
        except TimeoutError:
            if time.monotonic() - heard > READ_TIMEOUT:
                raise TimeoutError(f"no event for {READ_TIMEOUT:.0f} s") from None
        else:
            heard = time.monotonic()
            stream.take(data, on)
            if ctx.run_for is None and stream.lag is not None and stream.lag <= CAUGHT_UP:
                return
        stream.flush()


def utc(time_us: int) -> datetime:
    return datetime.fromtimestamp(time_us / 1e6, timezone.utc)


def host(endpoint: str) -> str:
    return urlsplit(endpoint).netloc


def describe(e: Exception) -> str:
    """A failure in one line (a refused handshake names its HTTP status)."""
    response = getattr(e, "response", None)
    if response is not None and getattr(response, "status_code", None):
        return f"refused with HTTP {response.status_code}"
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event):
    """Ctrl-C and SIGTERM set ``stop`` instead of killing the process, so the run can save
    what is buffered (only the main thread can take signals; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, lambda *_: stop.set())
                for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
