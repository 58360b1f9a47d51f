"""A store published as one SQLite file over HTTP(S) (``DASHBOARD_DB=https://…/FILE.sqlite``,
written by ``python -m dashboard snapshot``), kept as a local copy that the app opens
read-only.

``local_copy`` asks the server at most every ``check_every`` (a conditional request: the
ETag and Last-Modified of the copy it has), downloads only a changed file, into a new file
of its own (whoever still reads the old one is undisturbed), checks that it is a dashboard
store before it replaces the old one, and keeps the last good copy, saying why, when the
server cannot be reached or sends something else. Every request is bounded in time
(``TIMEOUT``) and size (``MAX_BYTES``). What it knows of each URL lives beside the copies
in ``<cache>/<digest of the URL>.json``.

May import: the foundation (errors).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import requests

CHECK_EVERY = timedelta(minutes=5)
TIMEOUT = (10, 60)  # seconds to connect, and between two reads of the body
MAX_BYTES = 2 * 1024 ** 3  # GitHub's limit for one release asset
SQLITE_HEADER = b"SQLite format 3\x00"
_LOCK = threading.Lock()  # one check at a time: the app's sessions share the copy


@dataclass(frozen=True)
class LocalCopy:
    path: Path | None  # None until a first download succeeds
    fetched_at: datetime | None  # when the copy was downloaded (UTC)
    checked_at: datetime | None  # when the server was last asked
    error: str | None  # why the last check failed: the copy may be older than the remote


def is_remote(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def shown(url: str) -> str:
    """The URL without its query or user part (they may hold a token), for messages."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}" \
           f"{parts.path}"


def read_only_url(path: Path) -> str:
    """The SQLAlchemy URL that opens ``path`` read-only."""
    return f"sqlite:///file:{path.resolve()}?mode=ro&uri=true"


def local_copy(url: str, cache: Path, check_every: timedelta = CHECK_EVERY,
               now: datetime | None = None, get=requests.get) -> LocalCopy:
    """The local copy of the store at ``url``, fetched again if it changed and was last
    checked ``check_every`` ago or more (without a copy: at every call)."""
    now = now or datetime.now(timezone.utc)
    cache.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(url.encode()).hexdigest()[:16]
    state_file = cache / f"{key}.json"
    with _LOCK:
        state = _read_state(state_file)
        if state.get("file") and not (cache / state["file"]).exists():
            state = {}
        checked = _when(state.get("checked_at"))
        if not state.get("file") or checked is None or now - checked >= check_every:
            try:
                state |= _fetch(url, cache, key, state, get)
                state["error"] = None
            except _Refused as e:
                state["error"] = str(e)
            state["checked_at"] = now.isoformat()
            _write_state(state_file, state)
    return LocalCopy(cache / state["file"] if state.get("file") else None,
                     _when(state.get("fetched_at")), _when(state.get("checked_at")),
                     state.get("error"))


class _Refused(Exception):
    """The server could not be reached or sent something that is not a store."""


def _fetch(url: str, cache: Path, key: str, state: dict, get) -> dict:
    """What changes in ``state`` after asking the server: nothing when the copy is
    current, else the new file and its validators."""
    headers = {}
    if state.get("file"):
        headers = {k: v for k, v in (("If-None-Match", state.get("etag")),
                                     ("If-Modified-Since", state.get("last_modified"))) if v}
    try:
        with get(url, headers=headers, timeout=TIMEOUT, stream=True) as response:
            if response.status_code == 304:
                return {}
            if response.status_code != 200:
                raise _Refused(f"HTTP {response.status_code} {response.reason or ''} from "
                               f"{shown(url)}".replace("  ", " "))
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
            if state.get("file") and (etag or modified) and \
                    (etag, modified) == (state.get("etag"), state.get("last_modified")):
                return {}  # a server that ignores conditional requests: same validators
            part = cache / f"{key}.part"
            _download(response, part, url)
    except requests.RequestException as e:
        raise _Refused(f"cannot reach {shown(url)} ({type(e).__name__})") from None
    _check_store(part, url)
    fetched = datetime.now(timezone.utc)
    name = f"{key}-{fetched:%Y%m%dT%H%M%S%f}.sqlite"
    part.replace(cache / name)
    for old in cache.glob(f"{key}-*.sqlite"):  # open readers keep theirs until they close
        if old.name != name:
            old.unlink(missing_ok=True)
    return {"file": name, "etag": etag, "last_modified": modified,
            "fetched_at": fetched.isoformat()}


def _download(response, part: Path, url: str) -> None:
    size = int(response.headers.get("Content-Length") or 0)
    if size > MAX_BYTES:
        raise _Refused(f"{shown(url)} is {size / 1e9:.1f} GB, more than the "
                       f"{MAX_BYTES / 1e9:.1f} GB a copy may take")
    done = 0
    with part.open("wb") as out:
        for block in response.iter_content(1 << 20):
            done += len(block)
            if done > MAX_BYTES:
                raise _Refused(f"{shown(url)} sent more than {MAX_BYTES / 1e9:.1f} GB")
            out.write(block)


def _check_store(part: Path, url: str) -> None:
    """Refuse anything but a dashboard store (a SQLite file with a schema version)."""
    with part.open("rb") as f:
        head = f.read(len(SQLITE_HEADER))
    try:
        if head != SQLITE_HEADER:
            raise _Refused(f"{shown(url)} did not send a SQLite file "
                           f"(it starts with {head[:8]!r})")
        try:
            with contextlib.closing(sqlite3.connect(f"file:{part}?mode=ro", uri=True)) as db:
                db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as e:
            raise _Refused(f"{shown(url)} sent a SQLite file that is not a dashboard "
                           f"store ({e})") from None
    except _Refused:
        part.unlink(missing_ok=True)
        raise


def _read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(path: Path, state: dict) -> None:
    part = path.with_suffix(".json.part")
    part.write_text(json.dumps(state, indent=1), encoding="utf-8")
    part.replace(path)


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
