"""Bluesky's Jetstream on the wire, read without a network: which wire an endpoint speaks,
the subscription URL for a cursor, and one frame read into an event (a post or not).

Two wires (docs/collecting.md says where each fact was checked):

- ``/subscribe``, the original: ``wantedCollections``, ``cursor`` in unix microseconds,
  one JSON event per frame (``did``, ``time_us``, ``kind``, ``commit``). Account and
  identity events come whatever the collections asked for.
- ``/xrpc/network.bsky.jetstream.subscribeEvents``, v2: ``kinds``, ``collections``; each
  frame ``{"$type": "message", "payload": {...}}`` with ``time`` as RFC 3339, an
  ``error`` frame ends the connection, an ``#info`` frame says the cursor was older than
  the server keeps. Its ``cursor`` is a per-instance sequence number, but a value of 10^15
  or more is read as unix microseconds, so one time cursor serves both wires and every
  instance.

May import: files.rows.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode, urlsplit

from dashboard.files.rows import clean_text

COLLECTION = "app.bsky.feed.post"
V1, V2 = "/subscribe", "/xrpc/network.bsky.jetstream.subscribeEvents"
PUBLIC = tuple(f"wss://jetstream{n}.us-{region}.bsky.network/subscribe"
               for region in ("east", "west") for n in (1, 2))
MAX_FRAME = 1 << 20  # bytes; a post is a few kB, and the server skips larger events
POST_URL = "https://bsky.app/profile/{did}/post/{rkey}"
KEPT_OPERATIONS = ("create", "update")  # a delete leaves the stored post as it was


class MalformedFrame(Exception):
    """A frame that is not a Jetstream event; it is skipped and counted."""


class ServerError(Exception):
    """The server ended the stream (a v2 ``error`` frame, such as ConsumerTooSlow)."""


@dataclass(frozen=True)
class Event:
    time_us: int | None  # the stream's time (None: a v2 advisory, which has none)
    post: dict | None = None  # a created or updated post, in the store's columns
    note: str | None = None  # what a v2 #info frame says


def wire(endpoint: str) -> str:
    """``V1`` or ``V2``: the path the endpoint URL ends with."""
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if parts.scheme not in ("ws", "wss") or not parts.netloc or path not in (V1, V2) \
            or parts.query:
        raise ValueError(f"{endpoint!r}: expected a ws:// or wss:// URL ending in {V1} or {V2}")
    return path if path == V2 else V1


def subscribe_url(endpoint: str, cursor_us: int | None) -> str:
    """The URL that subscribes to posts from ``cursor_us`` on (None: from now)."""
    if wire(endpoint) == V2:
        params = [("kinds", "commit"), ("collections", COLLECTION)]
    else:
        params = [("wantedCollections", COLLECTION)]
    params.append(("maxMessageSizeBytes", MAX_FRAME))
    if cursor_us is not None:
        params.append(("cursor", cursor_us))
    return f"{endpoint.rstrip('/')}?{urlencode(params)}"


def read_frame(data: str | bytes, on: str) -> Event:
    """One frame of wire ``on`` as an Event; MalformedFrame if it is not one, ServerError
    if the server says it is ending the stream."""
    try:
        raw = json.loads(data)
    except (ValueError, UnicodeDecodeError) as e:
        raise MalformedFrame(f"not JSON ({e})") from None
    if not isinstance(raw, dict):
        raise MalformedFrame("not a JSON object")
    return _v2_event(raw) if on == V2 else _v1_event(raw)


def _v1_event(raw: dict) -> Event:
    time_us = raw.get("time_us")
    if not isinstance(time_us, int) or isinstance(time_us, bool) or time_us <= 0:
        raise MalformedFrame("no time_us")
    commit = raw.get("commit")
    if raw.get("kind") != "commit" or not isinstance(commit, dict):
        return Event(time_us)
    return Event(time_us, _post(raw.get("did"), commit, time_us))


def _v2_event(raw: dict) -> Event:
    kind = raw.get("$type")
    if kind == "error":
        raise ServerError(f"the server ended the stream: {str(raw.get('error'))[:40]}")
    payload = raw.get("payload")
    if kind != "message" or not isinstance(payload, dict):
        raise MalformedFrame("not a message frame")
    if str(payload.get("$type", "")).endswith("#info"):
        return Event(None, note=f"{payload.get('name')}: {str(payload.get('message'))[:200]}")
    try:
        time_us = microseconds(payload["time"])
    except (KeyError, TypeError, ValueError):
        raise MalformedFrame("no readable time") from None
    if not str(payload.get("$type", "")).endswith("#commit"):
        return Event(time_us)
    return Event(time_us, _post(payload.get("did"), payload, time_us))


def _post(did, commit: dict, time_us: int) -> dict | None:
    """The post a commit creates or updates, in the store's columns (None for other
    commits). Its time is the author's ``createdAt``, unless that is later than when the
    stream saw it (a clock set ahead)."""
    if commit.get("collection") != COLLECTION or commit.get("operation") not in KEPT_OPERATIONS:
        return None
    rkey, record = commit.get("rkey"), commit.get("record")
    if not (isinstance(did, str) and did.startswith("did:") and isinstance(rkey, str) and rkey
            and isinstance(record, dict) and isinstance(record.get("text"), str)):
        raise MalformedFrame("a post without did, rkey or text")
    try:
        created = min(microseconds(record.get("createdAt")), time_us)
    except (TypeError, ValueError):
        created = time_us
    langs = record.get("langs")
    return {"source_id": f"at://{did}/{COLLECTION}/{rkey}", "created_at": created / 1e6,
            "author": did, "text": clean_text(record["text"]),
            "url": POST_URL.format(did=did, rkey=rkey),
            "language": langs[0] if isinstance(langs, list) and langs and
            isinstance(langs[0], str) else None}


def microseconds(stamp: str) -> int:
    """Unix microseconds of an RFC 3339 time (a zone is required)."""
    when = datetime.fromisoformat(stamp)
    if when.tzinfo is None:
        raise ValueError(f"{stamp!r} has no time zone")
    return int(when.timestamp()) * 1_000_000 + when.microsecond
