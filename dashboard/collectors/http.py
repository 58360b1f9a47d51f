"""The one HTTP session every collector uses: timeouts, bounded retries, rate-limit pacing.

``Http`` owns a requests ``Session`` whose adapter (``PoliteAdapter``) does the waiting, so
praw's own session can be given the same behaviour. Defaults: a 30 s timeout, 3 retries
(4 tries in all) on connection errors, 408, 429 and 5xx, exponential backoff from 2 s with
jitter, ``Retry-After`` honoured, and a pause until the reset time whenever a response says
no requests remain (``X-RateLimit-*`` / ``RateLimit-*``). A wait longer than ``max_wait``
(300 s) is not slept through: the request fails and says why.

May import: nothing of the project.
"""
from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

VERSION = "0.1"
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 522})
EPOCH_FLOOR = 1e9  # a reset header above this is an epoch time, below it a delay in seconds

WaitHook = Callable[[float, str, str], None]  # (seconds, reason, host)


def user_agent() -> str:
    """``backlash-dashboard/0.1 (...)``, with ``DASHBOARD_CONTACT`` (a URL or e-mail) added
    when set, so an API operator can reach whoever runs the collector."""
    contact = os.environ.get("DASHBOARD_CONTACT", "").strip()
    return (f"backlash-dashboard/{VERSION} (public-sentiment dashboard collector"
            + (f"; +{contact})" if contact else ")"))


class HttpError(Exception):
    """A request that failed for good; the message names status, host and path, never
    headers or query strings (they can carry tokens)."""

    def __init__(self, message: str, status: int | None = None, code: str | None = None):
        super().__init__(message)
        self.status, self.code = status, code  # code: an XRPC-style JSON "error" name


def where(url: str) -> str:
    """host/path of a URL, without the query string."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}"


def error_code(response: requests.Response) -> str | None:
    """The ``error`` name of a JSON error body (``{"error": "ExpiredToken", ...}``), if it
    is a short identifier; never the message, which could echo what was sent."""
    try:
        code = response.json().get("error")
    except (ValueError, AttributeError):
        return None
    return code if isinstance(code, str) and code.isidentifier() and len(code) <= 40 else None


class PoliteAdapter(HTTPAdapter):
    """An HTTPAdapter that retries, backs off and paces itself by rate-limit headers."""

    def __init__(self, *, timeout: float = 30, retries: int = 3, backoff: float = 2,
                 max_wait: float = 300, retry_statuses=RETRY_STATUSES,
                 retry_connection_errors: bool = True, sleep=time.sleep, clock=time.monotonic,
                 on_wait: WaitHook | None = None):
        super().__init__()
        self.timeout, self.retries, self.backoff, self.max_wait = timeout, retries, backoff, \
            max_wait
        self.retry_statuses, self.retry_connection_errors = retry_statuses, \
            retry_connection_errors
        self.sleep, self.clock, self.on_wait = sleep, clock, on_wait
        self.not_before: dict[str, float] = {}  # host -> clock time its quota resets

    def send(self, request, timeout=None, **kwargs):
        host = urlsplit(request.url).netloc
        timeout = timeout or self.timeout
        for attempt in range(self.retries + 1):
            self._pause_for_quota(host)
            last_try = attempt == self.retries
            try:
                response = super().send(request, timeout=timeout, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as e:
                if last_try or not self.retry_connection_errors:
                    raise
                self._wait(self._backoff(attempt), f"{type(e).__name__}, retrying", host)
                continue
            self._note_quota(host, response)
            if response.status_code not in self.retry_statuses or last_try:
                response.tries = attempt + 1
                return response
            delay = retry_after(response.headers) or self._backoff(attempt)
            self._wait(delay, f"HTTP {response.status_code}, retrying", host)
            response.close()
        raise AssertionError("unreachable: the last try returns or raises")

    def _backoff(self, attempt: int) -> float:
        base = self.backoff * 2 ** attempt
        return random.uniform(base / 2, base)  # jitter, so parallel clients spread out

    def _wait(self, seconds: float, reason: str, host: str) -> None:
        if seconds > self.max_wait:
            raise HttpError(f"{host} asks to wait {seconds:.0f} s ({reason}); more than the "
                            f"{self.max_wait:.0f} s a run waits, so giving up for now", 429)
        if self.on_wait:
            self.on_wait(seconds, reason, host)
        self.sleep(seconds)

    def _note_quota(self, host: str, response) -> None:
        remaining = header(response.headers, "ratelimit-remaining")
        if remaining is not None and remaining.strip() in ("0", "0.0"):
            reset = reset_after(response.headers)
            if reset:
                self.not_before[host] = self.clock() + reset

    def _pause_for_quota(self, host: str) -> None:
        until = self.not_before.pop(host, None)
        if until is not None and until > self.clock():
            self._wait(until - self.clock(), "rate limit reached, waiting for its reset", host)


def header(headers, name: str) -> str | None:
    """``name`` with or without an ``X-`` prefix, case-insensitively."""
    return headers.get(name) or headers.get(f"x-{name}")


def retry_after(headers) -> float | None:
    """Seconds from a ``Retry-After`` header (a delay or an HTTP date), if any."""
    value = headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc))
                   .total_seconds())
    except (TypeError, ValueError):
        return None


def reset_after(headers) -> float | None:
    """Seconds until a rate-limit window resets: a delay, an epoch time or an ISO time."""
    value = header(headers, "ratelimit-reset")
    if not value:
        return None
    now = datetime.now(timezone.utc)
    try:
        number = float(value)
        return max(0.0, number - now.timestamp() if number > EPOCH_FLOOR else number)
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


class Http:
    """The shared session; ``get_json``/``post_json``/``text`` raise ``HttpError``."""

    def __init__(self, agent: str | None = None, **adapter_options):
        self.options = adapter_options
        self.adapter = PoliteAdapter(**adapter_options)
        self.session = self.session_with(self.adapter, agent or user_agent())

    @staticmethod
    def session_with(adapter: HTTPAdapter, agent: str) -> requests.Session:
        session = requests.Session()
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        session.headers["User-Agent"] = agent
        return session

    def set_wait_hook(self, hook: WaitHook | None) -> None:
        self.adapter.on_wait = hook
        self.options["on_wait"] = hook

    def side_session(self, **overrides) -> requests.Session:
        """A separate session with this one's timeouts, pacing and wait hook (``overrides``
        change adapter options); for praw, which sets its own User-Agent on the session it
        is given."""
        return self.session_with(PoliteAdapter(**{**self.options, **overrides}), user_agent())

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            response = self.session.request(method, url, **kwargs)
        except requests.RequestException as e:
            raise HttpError(f"{type(e).__name__} talking to {where(url)}") from None
        if response.status_code >= 400:
            tries = getattr(response, "tries", 1)
            after = f" after {tries} tries" if tries > 1 else ""
            status = " ".join(filter(None, [f"HTTP {response.status_code}", response.reason]))
            code = error_code(response)
            raise HttpError(f"{status}{f' ({code})' if code else ''} from {where(url)}{after}",
                            response.status_code, code)
        return response

    def get_json(self, url: str, **kwargs):
        return self.decode(self.request("GET", url, **kwargs))

    def post_json(self, url: str, **kwargs):
        return self.decode(self.request("POST", url, **kwargs))

    @staticmethod
    def decode(response: requests.Response):
        try:
            return response.json()
        except ValueError:
            raise HttpError(f"{where(response.url)} answered with something that is not "
                            "JSON") from None
