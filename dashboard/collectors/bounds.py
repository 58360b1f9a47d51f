"""Bounds on one HTTP exchange, whatever the server does: a total deadline and a cap on the
size of the answer.

The per-read timeout of requests only limits the gap between two reads, so a server that
trickles its headers or body a byte a second could hold a run forever. Here a watchdog
(``Deadline``) shuts the exchange's socket when its deadline passes; every connection of a
pool handed to ``watched`` tells the watchdog of its thread that it is in use. The body is
read by ``read_capped``, which decompresses it itself, a chunk at a time, and stops as soon
as the answer, or what it decompresses to, passes the cap: a 1 MB gzip bomb never becomes
a gigabyte in memory.

May import: nothing of the project.
"""
from __future__ import annotations

import socket
import threading
import zlib

import requests
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

CHUNK = 64 * 1024
_active = threading.local()  # the watchdog of the exchange this thread is in, if any


class DeadlineExceeded(requests.Timeout):
    """No complete answer within the deadline."""


class TooLarge(Exception):
    """An answer (or what it decompresses to) larger than the cap."""


class Deadline:
    """``with Deadline(seconds) as d:`` shuts the sockets of the connections used inside
    it once ``seconds`` have passed (``d.passed`` then says so): a read blocked on them
    ends at once."""

    def __init__(self, seconds: float):
        self.seconds, self.passed, self._over = seconds, False, False
        self._connections: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        _active.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        with self._lock:  # a timer already firing must not shut what the next try reuses
            self._over = True
            self._connections.clear()
        _active.deadline = None

    def watch(self, connection) -> None:
        with self._lock:
            self._connections.append(connection)
            if self.passed:
                _shut(connection)

    def _expire(self) -> None:
        with self._lock:
            if self._over:
                return
            self.passed = True
            for connection in self._connections:
                _shut(connection)


def _shut(connection) -> None:
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:  # the plain socket call: safe from another thread, for TLS sockets too
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


def _enlist(connection) -> None:
    deadline = getattr(_active, "deadline", None)
    if deadline is not None:
        deadline.watch(connection)


class _Watched:
    """Mixed into urllib3's connection classes: a connection in use joins the deadline of
    its thread (when it connects, and when it sends a request over a kept-alive socket)."""

    def connect(self):
        _enlist(self)
        return super().connect()

    def request(self, *args, **kwargs):
        _enlist(self)
        return super().request(*args, **kwargs)


class _WatchedHTTP(_Watched, HTTPConnection):
    pass


class _WatchedHTTPS(_Watched, HTTPSConnection):
    pass


def watched(pool):
    """``pool`` (a urllib3 connection pool), making connections a deadline can end."""
    pool.ConnectionCls = _WatchedHTTPS if pool.scheme == "https" else _WatchedHTTP
    return pool


def read_capped(response: requests.Response, limit: int) -> bytes:
    """The whole body of ``response`` (sent with ``stream=True``), decompressed (gzip or
    deflate); ``TooLarge`` once it passes ``limit`` bytes, compressed or not, and
    ``ValueError`` (saying how it was answered) for another encoding or broken compressed
    data. A broken connection is raised as requests raises it, so it can be retried like
    any other."""
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise TooLarge(int(length))
    decompress, complete = _decompressor(response.headers.get("Content-Encoding", ""))
    body, read = bytearray(), 0
    while True:
        try:
            chunk = response.raw.read(CHUNK, decode_content=False)
        except urllib3.exceptions.ReadTimeoutError as e:
            raise requests.ReadTimeout(e) from None
        except (urllib3.exceptions.ProtocolError, OSError) as e:
            raise requests.ConnectionError(e) from None
        if not chunk:
            break
        read += len(chunk)
        try:
            body += decompress(chunk, limit + 1 - len(body))
        except zlib.error:
            raise ValueError("with broken compressed data") from None
        if read > limit or len(body) > limit:
            raise TooLarge(max(read, len(body)))
    if read and not complete():
        raise ValueError("with broken compressed data (it ends too soon)")
    return bytes(body)


def _decompressor(encoding: str):
    """``(chunk, room) -> bytes`` (at most ``room`` bytes more of the decoded body) and
    ``() -> bool`` (whether the compressed stream ended as it should)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return (lambda chunk, room: chunk), (lambda: True)
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise ValueError(f"in an encoding this collector does not read ({encoding})")
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)  # 32: a gzip or zlib header, either
    return (lambda chunk, room: inflate.decompress(chunk, max(room, 1))), \
        (lambda: inflate.eof)
