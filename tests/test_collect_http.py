"""The shared HTTP session: retries, backoff with jitter, Retry-After, rate-limit pacing."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
import requests
import responses
from requests.structures import CaseInsensitiveDict

from dashboard.collectors.http import (Http, HttpError, NotTried, OutOfWaits, reset_after,
                                        retry_after, user_agent)

URL = "https://api.example.com/items"


class Clock:
    """A fake monotonic clock that sleeping advances."""

    def __init__(self):
        self.now, self.slept, self.waits = 1000.0, [], []

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def http(clock):
    h = Http(sleep=clock.sleep, clock=clock)
    h.set_wait_hook(lambda seconds, reason, host, kind: clock.waits.append(
        (round(seconds), reason, host, kind)))
    return h


@pytest.fixture
def web():
    with responses.RequestsMock() as r:
        yield r


def test_sends_a_clear_user_agent_and_a_timeout(http, web, monkeypatch):
    seen = {}
    web.get(URL, json={"ok": True})
    original = requests.adapters.HTTPAdapter.send

    def spy(self, request, **kw):
        seen["timeout"] = kw.get("timeout")
        return original(self, request, **kw)
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", spy)
    assert http.get_json(URL) == {"ok": True}
    assert web.calls[0].request.headers["User-Agent"].startswith("backlash-dashboard/")
    assert seen["timeout"] == 30


def test_user_agent_carries_a_contact_when_set(monkeypatch):
    monkeypatch.setenv("DASHBOARD_CONTACT", "ops@example.com")
    assert user_agent().endswith("; +ops@example.com)")


def test_429_waits_as_told_then_succeeds(http, web, clock):
    web.get(URL, status=429, headers={"Retry-After": "7"})
    web.get(URL, json={"page": 1})
    assert http.get_json(URL) == {"page": 1}
    assert clock.slept == [7.0]
    assert clock.waits == [(7, "HTTP 429, retrying", "api.example.com", "rate_limit")]


def test_retry_after_as_an_http_date():
    when = datetime.now(timezone.utc) + timedelta(seconds=90)
    assert 85 <= retry_after({"Retry-After": format_datetime(when, usegmt=True)}) <= 90


def test_server_errors_back_off_with_jitter_then_give_up(http, web, clock):
    web.get(URL, status=503)
    with pytest.raises(HttpError) as e:
        http.get_json(URL)
    assert len(web.calls) == 4  # one try and three retries
    assert e.value.status == 503
    assert str(e.value) == "HTTP 503 Service Unavailable from api.example.com/items after 4 tries"
    # exponential from 2 s, each delay jittered within its upper half
    for delay, base in zip(clock.slept, (2, 4, 8)):
        assert base / 2 <= delay <= base


def test_connection_errors_are_retried(http, web, clock):
    web.get(URL, body=requests.ConnectionError("reset"))
    web.get(URL, json=[1])
    assert http.get_json(URL) == [1]
    assert len(clock.slept) == 1


def test_client_errors_are_not_retried_and_hide_the_query(http, web):
    web.get(URL, status=404)
    with pytest.raises(HttpError, match=r"^HTTP 404 Not Found from api.example.com/items$"):
        http.get_json(URL, params={"token": "s3cr3t-value"})
    assert len(web.calls) == 1


def test_an_exhausted_quota_pauses_until_its_reset(http, web, clock):
    web.get(URL, json=[1], headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "42"})
    web.get(URL, json=[2])
    assert http.get_json(URL) == [1]
    assert clock.slept == []  # nothing to wait for until the next request
    assert http.get_json(URL) == [2]
    assert clock.slept == [42.0]
    assert clock.waits[0][1] == "rate limit reached, waiting for its reset"


def test_a_wait_longer_than_allowed_fails_instead_of_sleeping(clock, web):
    http = Http(sleep=clock.sleep, clock=clock, max_wait=60)
    web.get(URL, status=429, headers={"Retry-After": "3600"})
    with pytest.raises(HttpError, match="asks to wait 3600 s"):
        http.get_json(URL)
    assert clock.slept == []


def test_reset_headers_in_every_dialect():
    now, headers = datetime.now(timezone.utc), CaseInsensitiveDict
    assert reset_after(headers({"x-ratelimit-reset": "30"})) == 30  # Reddit: seconds to go
    epoch = str(int(now.timestamp()) + 60)  # Bluesky: epoch seconds
    assert 55 <= reset_after(headers({"RateLimit-Reset": epoch})) <= 60
    iso = (now + timedelta(seconds=120)).isoformat().replace("+00:00", "Z")  # Mastodon
    assert 115 <= reset_after(headers({"X-RateLimit-Reset": iso})) <= 120
    assert reset_after(headers()) is None


def test_not_json_is_an_error(http, web):
    web.get(URL, body="<html>maintenance</html>")
    with pytest.raises(HttpError, match="not JSON"):
        http.get_json(URL)


# --- fail fast: the circuit per host, the wait budget per source --------------------------

def test_connection_retries_are_retry_waits_not_rate_limit_waits(http, web, clock):
    web.get(URL, body=requests.ConnectionError("reset"))
    web.get(URL, json=[1])
    assert http.get_json(URL) == [1]
    assert [w[3] for w in clock.waits] == ["retry"]
    assert http.guard.waited == 0, "not counted against the rate-limit budget"


def test_three_connection_failures_in_a_row_open_the_hosts_circuit(http, web, clock):
    web.get(URL, body=requests.ConnectionError("refused"))
    other = "https://other.example.com/x"
    web.get(other, json={"ok": 1})
    with pytest.raises(HttpError, match="connection failed talking to api.example.com/items"):
        http.get_json(URL)
    assert len(web.calls) == 3 and len(clock.slept) == 2  # the circuit opened at the third
    with pytest.raises(NotTried, match=r"^api.example.com failed 3 times in a row"):
        http.get_json(URL)
    assert len(web.calls) == 3, "not sent"
    assert http.get_json(other) == {"ok": 1}, "other hosts are not affected"
    http.new_source()
    web.replace("GET", URL, json=[2])
    assert http.get_json(URL) == [2], "the next source tries again"


def test_rate_limit_waits_have_a_budget_per_source(clock, web):
    http = Http(sleep=clock.sleep, clock=clock, wait_budget=300)
    web.get(URL, status=429, headers={"Retry-After": "120"})
    with pytest.raises(OutOfWaits, match=r"after 240 s of rate-limit waits; the budget is 300 s"):
        http.get_json(URL)
    assert clock.slept == [120.0, 120.0]
    http.new_source()
    web.replace("GET", URL, json=[1])
    assert http.get_json(URL) == [1]


def test_a_retry_after_sent_with_any_status_is_budgeted(clock, web):
    """A server answering 503 with Retry-After: 290 to everything once held a source for
    72 minutes; now it costs one wait of 290 s."""
    http = Http(sleep=clock.sleep, clock=clock)
    web.get(URL, status=503, headers={"Retry-After": "290"})
    with pytest.raises(OutOfWaits):
        http.get_json(URL)
    assert clock.slept == [290.0]


def test_a_source_out_of_waits_stops_and_says_so(engine, web):
    from dashboard.collectors.runner import run_source
    from tests.helpers import HN, context, make_tracker
    web.get(HN, status=503, headers={"Retry-After": "290"})
    sleeps: list[float] = []
    tracker = make_tracker({"hackernews": {"queries": ["Claude", "ChatGPT", "Gemini"]}})
    result = run_source(context(engine, tracker, sleeps=sleeps), "hackernews")
    assert sum(sleeps) <= 300 and len(web.calls) == 2
    assert result.status == "failed" and result.error.startswith(
        "stopped: hn.algolia.com asks to wait 290 s (HTTP 503, retrying) after 290 s")


def test_reddits_quota_headers_are_paced_within_the_budget_not_by_praw(engine, monkeypatch):
    from dashboard.collectors.runner import run_source
    from tests.helpers import SCENARIOS, context, make_tracker
    praw_slept = []
    monkeypatch.setattr("prawcore.rate_limit.time.sleep", praw_slept.append)
    reddit = SCENARIOS[1]
    spent = {"x-ratelimit-remaining": "0", "x-ratelimit-used": "600",
             "x-ratelimit-reset": "420"}
    sleeps: list[float] = []
    with responses.RequestsMock(assert_all_requests_are_fired=False) as web:
        reddit.serve(web, {1: {"headers": spent}})
        result = run_source(context(engine, make_tracker(reddit.sources), sleeps=sleeps),
                            "reddit")
    assert praw_slept == [] and sleeps == []
    assert result.status == "failed" and "asks to wait 420 s" in result.error
