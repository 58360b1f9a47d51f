"""The one HTTP session every collector uses: every request bounded, failures fast and named.

``Http`` owns a requests ``Session`` whose adapter (``PoliteAdapter``) does the waiting, so
praw's own session can be given the same behaviour. Per request (defaults): a 30 s timeout
between reads, a total deadline of 60 s per try, an answer of at most 20 MB (after
decompression; ``bounds.py``), 3 retries (4 tries in all) on connection errors, 408, 429
and 5xx, exponential backoff from 2 s with jitter, ``Retry-After`` honoured, and a pause
until the reset time whenever a response says no requests remain (``X-RateLimit-*`` /
``RateLimit-*``).

Per source (``Http.new_source`` starts one; ``Guard`` keeps the count): after 3
connection-level failures in a row (DNS, refused, reset, TLS, timeouts, the deadline) a
host's circuit opens, and every later request to it fails at once as not tried
(``NotTried``). Rate-limit waits (after a 429, a ``Retry-After`` the server sends with any
status, a quota's reset) may add up to 300 s, and no single one may be longer: past that
nothing is slept through, the source stops and says so (``OutOfWaits``). A 401 or 403 is
``Refused``: the source stops, naming the credential to check. Retry waits (our own
backoff after an error) are not budgeted (there are at most 3 per request) and are told
apart from rate-limit waits to the wait hook.

May import: collectors.bounds.
"""
from __future__ import annotations

import os
import random
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from dashboard.collectors.bounds import Deadline, DeadlineExceeded, TooLarge, read_capped, watched

VERSION = "0.1"
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 522})
REFUSED = frozenset({401, 403})  # the service refuses these credentials (or this caller)
EPOCH_FLOOR = 1e9  # a reset header above this is an epoch time, below it a delay in seconds
MB = 2**20
RATE_LIMIT, RETRY = "rate_limit", "retry"  # the two kinds of wait

WaitHook = Callable[[float, str, str, str], None]  # (seconds, reason, host, kind)


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


class Unreachable(HttpError):
    """No answer at all: DNS, refused, reset, TLS, timeouts, the deadline."""


class NotTried(Unreachable):
    """Not sent: the host's circuit is open after connection failures in a row."""


class Refused(HttpError):
    """401 or 403: the service refuses these credentials (or this caller). Stops the
    source; ``hint`` says what to check."""

    hint = ""


class OutOfWaits(HttpError):
    """A rate-limit wait the source may not afford (longer than one wait may be, or past
    the source's budget for them). Stops the source."""


STOPS_SOURCE = (Refused, OutOfWaits)  # the rest of the source would fare no better


@dataclass
class Guard:
    """One source's circuit per host and its budget for rate-limit waits."""
    threshold: int = 3  # connection failures in a row that open a host's circuit
    budget: float = 300  # seconds of rate-limit waits, all requests of the source together
    failures: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    waited: float = 0

    def reset(self) -> None:
        self.failures.clear()
        self.reasons.clear()
        self.waited = 0

    def check(self, host: str) -> None:
        if self.failures.get(host, 0) >= self.threshold:
            raise NotTried(f"{host} failed {self.failures[host]} times in a row "
                           f"({self.reasons[host]})")

    def failed(self, host: str, reason: str) -> bool:
        """Count a connection failure; True once the host's circuit is open."""
        self.failures[host] = self.failures.get(host, 0) + 1
        self.reasons[host] = reason
        return self.failures[host] >= self.threshold

    def answered(self, host: str) -> None:
        self.failures.pop(host, None)

    def spend(self, seconds: float, host: str, reason: str) -> None:
        if self.waited + seconds > self.budget:
            raise OutOfWaits(f"{host} asks to wait {seconds:.0f} s ({reason}) after "
                             f"{self.waited:.0f} s of rate-limit waits; the budget is "
                             f"{self.budget:.0f} s per source per run, so this source stops "
                             "here (rerun later)", 429)
        self.waited += seconds


def connection_failure(e: BaseException) -> str:
    """What kind of connection failure ``e`` is, in words."""
    seen, todo = set(), [e]
    while todo:  # requests wraps urllib3, which wraps the socket error: look at them all
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, DeadlineExceeded):
            return str(e)
        if isinstance(e, socket.gaierror) or type(e).__name__ == "NameResolutionError":
            return "DNS lookup failed"
        if isinstance(e, ConnectionRefusedError):
            return "connection refused"
        if isinstance(e, ConnectionResetError):
            return "connection reset"
        if isinstance(e, ssl.SSLError):
            return "TLS failed"
        if isinstance(e, (requests.Timeout, socket.timeout, TimeoutError)) or \
                "timed out" in str(e).lower() or "timeout" in type(e).__name__.lower():
            return "timed out"
        todo += [a for a in (*e.args, getattr(e, "reason", None), e.__cause__, e.__context__)
                 if isinstance(a, BaseException)]
    return "connection failed"


def unread(e: Exception, max_bytes: int) -> str:
    """How an answer that was not read came: too large, in another encoding, broken."""
    if isinstance(e, TooLarge):
        return (f"with more than {max_bytes / MB:g} MB ({e.args[0] / MB:.1f} MB or more, "
                "decompressed); not read")
    return str(e)


def where(url: str) -> str:
    """host/path of a URL, without the query string."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}"


def error_code(response: requests.Response) -> str | None:
    """The ``error`` name of a JSON error body (``{"error": "ExpiredToken", ...}``), if it
    is a short identifier; never the message, which could echo what was sent."""
    try:
        code = response.json().get("error")
    except (ValueError, AttributeError, RecursionError):
        return None
    return code if isinstance(code, str) and code.isidentifier() and len(code) <= 40 else None


class PoliteAdapter(HTTPAdapter):
    """An HTTPAdapter that bounds each try, retries, backs off, paces itself by rate-limit
    headers and keeps its source's ``Guard``. It always reads the whole body itself."""

    def __init__(self, *, timeout: float = 30, deadline: float = 60, max_bytes: int = 20 * MB,
                 retries: int = 3, backoff: float = 2, max_wait: float = 300,
                 retry_statuses=RETRY_STATUSES, retry_connection_errors: bool = True,
                 pass_quota_headers: bool = True, guard: Guard | None = None,
                 sleep=time.sleep, clock=time.monotonic, on_wait: WaitHook | None = None):
        super().__init__()
        self.timeout, self.deadline, self.max_bytes = timeout, deadline, max_bytes
        self.retries, self.backoff, self.max_wait = retries, backoff, max_wait
        self.retry_statuses, self.retry_connection_errors = retry_statuses, \
            retry_connection_errors
        # False: the caller (praw) would sleep on them outside the source's budget, so the
        # adapter keeps the pacing to itself
        self.pass_quota_headers = pass_quota_headers
        self.guard = guard or Guard()
        self.sleep, self.clock, self.on_wait = sleep, clock, on_wait
        self.not_before: dict[str, float] = {}  # host -> clock time its quota resets

    def get_connection_with_tls_context(self, *args, **kwargs):
        return watched(super().get_connection_with_tls_context(*args, **kwargs))

    def send(self, request, stream=False, timeout=None, **kwargs):
        host = urlsplit(request.url).netloc
        timeout = timeout or self.timeout
        for attempt in range(self.retries + 1):
            self.guard.check(host)
            self._pause_for_quota(host)
            last_try = attempt == self.retries
            try:
                response = self._exchange(request, timeout, last_try, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as e:
                reason = connection_failure(e)
                if self.guard.failed(host, reason) or last_try or \
                        not self.retry_connection_errors:
                    raise
                self._wait(self._backoff(attempt), f"{reason}, retrying", host, RETRY)
                continue
            self.guard.answered(host)
            self._note_quota(host, response)
            if response.status_code not in self.retry_statuses or last_try:
                response.tries = attempt + 1
                return response
            told = retry_after(response.headers)  # a wait the server asks for is budgeted
            kind = RATE_LIMIT if told is not None or response.status_code == 429 else RETRY
            self._wait(told or self._backoff(attempt), f"HTTP {response.status_code}, retrying",
                       host, kind)
        raise AssertionError("unreachable: the last try returns or raises")

    def _exchange(self, request, timeout, last_try: bool, **kwargs) -> requests.Response:
        """One try, within the deadline: the response with its body read (but for an
        answer that will be retried, which is closed unread)."""
        with Deadline(self.deadline) as deadline:
            try:
                response = super().send(request, stream=True, timeout=timeout, **kwargs)
                if response.status_code in self.retry_statuses and not last_try:
                    response.close()
                    return response
                try:
                    body = read_capped(response, self.max_bytes)
                except (TooLarge, ValueError) as e:  # ValueError: an encoding we cannot read
                    response.close()
                    raise HttpError(f"{where(request.url)} answered "
                                    f"{unread(e, self.max_bytes)}") from None
                if deadline.passed:  # a socket shut mid-headers can read as a short answer
                    raise requests.ConnectionError("cut off by the deadline")
            except (requests.ConnectionError, requests.Timeout):
                if deadline.passed:
                    raise DeadlineExceeded(f"no complete answer within {self.deadline:g} s") \
                        from None
                raise
        response._content, response._content_consumed = body, True
        response.raw.release_conn()
        return response

    def _backoff(self, attempt: int) -> float:
        base = self.backoff * 2 ** attempt
        return random.uniform(base / 2, base)  # jitter, so parallel clients spread out

    def _wait(self, seconds: float, reason: str, host: str, kind: str) -> None:
        if seconds > self.max_wait:
            raise OutOfWaits(f"{host} asks to wait {seconds:.0f} s ({reason}); more than the "
                             f"{self.max_wait:.0f} s a run waits at once, so this source "
                             "stops here (rerun later)", 429)
        if kind == RATE_LIMIT:
            self.guard.spend(seconds, host, reason)
        if self.on_wait:
            self.on_wait(seconds, reason, host, kind)
        self.sleep(seconds)

    def _note_quota(self, host: str, response) -> None:
        remaining = header(response.headers, "ratelimit-remaining")
        if remaining is not None and remaining.strip() in ("0", "0.0"):
            reset = reset_after(response.headers)
            if reset:
                self.not_before[host] = self.clock() + reset
        if not self.pass_quota_headers:
            for name in [n for n in response.headers if "ratelimit" in n.lower()]:
                del response.headers[name]

    def _pause_for_quota(self, host: str) -> None:
        until = self.not_before.pop(host, None)
        if until is not None and until > self.clock():
            self._wait(until - self.clock(), "rate limit reached, waiting for its reset", host,
                       RATE_LIMIT)


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

    def __init__(self, agent: str | None = None, *, circuit: int = 3, wait_budget: float = 300,
                 **adapter_options):
        self.guard = Guard(threshold=circuit, budget=wait_budget)
        self.options = {**adapter_options, "guard": self.guard}
        self.adapter = PoliteAdapter(**self.options)
        self.session = self.session_with(self.adapter, agent or user_agent())

    @staticmethod
    def session_with(adapter: HTTPAdapter, agent: str) -> requests.Session:
        session = requests.Session()
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        session.headers["User-Agent"] = agent
        session.headers["Accept-Encoding"] = "gzip, deflate"  # what bounds.read_capped reads
        return session

    def new_source(self) -> None:
        """Start a source: every host's circuit closed, its wait budget whole."""
        self.guard.reset()

    def set_wait_hook(self, hook: WaitHook | None) -> None:
        self.adapter.on_wait = hook
        self.options["on_wait"] = hook

    def side_session(self, **overrides) -> requests.Session:
        """A separate session with this one's bounds, pacing, guard and wait hook
        (``overrides`` change adapter options); for praw, which sets its own User-Agent on
        the session it is given."""
        return self.session_with(PoliteAdapter(**{**self.options, **overrides}), user_agent())

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            response = self.session.request(method, url, **kwargs)
        except requests.RequestException as e:
            raise Unreachable(f"{connection_failure(e)} talking to {where(url)}") from None
        if response.status_code >= 400:
            tries = getattr(response, "tries", 1)
            after = f" after {tries} tries" if tries > 1 else ""
            status = " ".join(filter(None, [f"HTTP {response.status_code}", response.reason]))
            code = error_code(response)
            kind = Refused if response.status_code in REFUSED else HttpError
            raise kind(f"{status}{f' ({code})' if code else ''} from {where(url)}{after}",
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
        except (ValueError, RecursionError) as e:
            kind = response.headers.get("Content-Type", "").split(";")[0].strip()
            why = "nested too deep" if isinstance(e, RecursionError) else \
                (kind or "no content type")
            raise HttpError(f"{where(response.url)} answered with something that is not "
                            f"JSON ({why})") from None
