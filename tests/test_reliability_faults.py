"""Replayed faults on every collector, as one matrix: source x fault x (blip | outage).

A *blip* is served once and then the source answers normally: the run must retry (a bounded
number of times, with bounded waits) and end ok with every item. An *outage* is served on
every try: the run must give up after at most 4 tries per request and be recorded as failed
with the reason, with nothing of the unit written, no resume point moved, and the other
source of the same `collect` unaffected. Malformed answers (truncated JSON, an HTML page,
missing fields, an empty page in the middle of a listing) are never retried; extra fields
are ignored. The scenarios and fixtures are those of test_collect_sources.py (shared in
helpers.py); this file only adds the faults. `make test` runs one outage of each kind per
source (QUICK); `make reliability` runs the whole matrix.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Callable

import pytest
import requests
from sqlalchemy import func, select

from dashboard.collectors.runner import collect
from dashboard.write.schema import app_ranks, meta, runs
from dashboard.write.store import count_posts
from reliability import tally
from tests.helpers import CHARTS, SCENARIOS, Route, Scenario, context, load, make_tracker

ALL = [*SCENARIOS, CHARTS]
BY_NAME = {s.source: s for s in ALL}
MAX_TRIES = 4  # one try and three retries (dashboard/collectors/http.py)
HTML_PAGE = ("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
             "<h1>Bad Gateway</h1><p>The upstream server is unavailable.</p></body></html>")


@dataclass(frozen=True)
class Shape:
    """How one source's answers look: the keys that identify an item (removed for the
    "missing fields" fault), a page that is empty yet says more follow, and whether the
    source takes such a page as the end of its listing (its cursor says so) or as a fault."""
    ids: tuple[str, ...]
    empty: object
    empty_is_end: bool = False


def _play_page(reviews: list, token: str | None) -> str:
    answer = json.dumps([reviews, None, [None, token] if token else None])
    return ")]}'\n\n" + json.dumps([["wrb.fr", "oCPfdb", answer, None, None, None,
                                     "generic"], ["di", 87]])


SHAPES = {
    "hackernews": Shape(("objectID",), {"hits": [], "nbHits": 300, "page": 1, "nbPages": 3}),
    "reddit": Shape(("name", "id"), {"kind": "Listing",
                                     "data": {"children": [], "after": "t3_more"}}),
    "bluesky": Shape(("uri",), {"posts": [], "cursor": "3"}, empty_is_end=True),
    "mastodon": Shape(("uri",), []),  # the page keeps its Link header: more follow
    "app_store_reviews": Shape(("id",), {"feed": {"entry": [], "link": []}}, empty_is_end=True),
    "google_play_reviews": Shape(("reviewId",), _play_page([], "more-please")),
    "app_store_charts": Shape(("id",), {"feed": {"results": [], "entry": []}}),
}


# --- body mangling: JSON bodies as objects, Google Play's batchexecute text through its
# envelope, so each fault means the same thing for every source ------------------------

def _walk(value, on_dict: Callable[[dict], dict]):
    if isinstance(value, dict):
        return on_dict({k: _walk(v, on_dict) for k, v in value.items()})
    if isinstance(value, list):
        return [_walk(v, on_dict) for v in value]
    return value


def without_ids(body, ids: tuple[str, ...]):
    if isinstance(body, str):  # Google Play: review ids are the first string of each review
        return re.sub(r'\\"[0-9a-f]{8}-[0-9a-f-]{27}\\"', "null", body)
    return _walk(body, lambda d: {k: v for k, v in d.items() if k not in ids})


def with_extras(body):
    if isinstance(body, str):  # an extra envelope part, as Google adds from time to time
        head, envelope = body.split("\n\n", 1)
        return head + "\n\n" + json.dumps([*json.loads(envelope), ["e", 4, None, None, 90]])
    return _walk(body, lambda d: {**d, "x_unexpected": {"nested": [1, None, "é"]}})


def truncated(body) -> str:
    text = body if isinstance(body, str) else json.dumps(body)
    return text[:len(text) // 2]


@dataclass(frozen=True)
class Fault:
    """A faulty answer: ``serve(source, body)`` gives the `responses` arguments (status,
    body, headers) replacing a route's answer; ``retryable`` faults are also tried as
    blips; ``reason`` must appear in the run's error."""
    name: str
    serve: Callable[[str, object], dict]
    reason: str
    retryable: bool = False
    told_wait: float | None = None  # the wait the answer asks for (Retry-After)


def status(code: int, headers: dict | None = None):
    return lambda source, body: {"status": code, "body": "", "headers": headers or {}}


def raising(error: Exception):
    return lambda source, body: {"body": error}


FAULTS = [
    Fault("429 with Retry-After", status(429, {"Retry-After": "3"}), "429", True, 3.0),
    Fault("429 without Retry-After", status(429), "429", True),
    Fault("500", status(500), "500", True),
    Fault("502", status(502), "502", True),
    Fault("503", status(503), "503", True),
    Fault("timeout", raising(requests.exceptions.ReadTimeout("Read timed out")),
          r"(?i)timeout|timed out", True),
    Fault("connection reset",
          raising(requests.ConnectionError(ConnectionResetError(104, "Connection reset by "
                                                                     "peer"))),
          r"(?i)connection", True),
    Fault("truncated JSON", lambda source, body: {"body": truncated(body)},
          r"(?i)not JSON|JSON|unexpected response"),
    Fault("HTML error page",
          lambda source, body: {"body": HTML_PAGE, "content_type": "text/html"},
          r"(?i)not JSON|JSON|unexpected response"),
    Fault("missing fields",
          lambda source, body: {"json_or_text": without_ids(body, SHAPES[source].ids)},
          r"unexpected response"),
    Fault("extra fields", lambda source, body: {"json_or_text": with_extras(body)}, ""),
    Fault("empty page mid-pagination",
          lambda source, body: {"json_or_text": SHAPES[source].empty},
          r"empty"),
]


def faulted_routes(scenario: Scenario) -> list[int]:
    """The routes a fault replaces: the second listing page (so the first one was already
    read and must not be written), or both chart feeds (the second is the fallback)."""
    return [0, 1] if scenario is CHARTS else [scenario.first + 1]


def register(web, route: Route, answer: dict):
    """Add ``route`` to `responses` with ``answer`` replacing its normal answer."""
    answer = dict(answer)
    body = answer.pop("json_or_text", None)
    if body is not None:
        answer["body"] = body if isinstance(body, str) else json.dumps(body)
        answer.setdefault("content_type", "text/plain" if isinstance(body, str)
                          else "application/json")
    headers = {**route.headers, **answer.pop("headers", {})}
    return web.add(route.method, route.url, match=route.match, headers=headers, **answer)


def partner_of(scenario: Scenario) -> Scenario:
    """A healthy source collected in the same run, which the fault must not touch."""
    return BY_NAME["hackernews"] if scenario is CHARTS else CHARTS


@pytest.fixture(autouse=True)
def no_praw_sleep(monkeypatch):
    monkeypatch.setattr("prawcore.sessions.time.sleep", lambda s: None)  # its 5xx retries


def run_with_fault(web, engine, scenario: Scenario, fault: Fault, blip: bool):
    """Serve ``scenario`` and a healthy partner source with ``fault`` on the faulted routes
    (once for a blip, always for an outage); returns (results by source, faulted
    `responses` entries, sleeps)."""
    partner = partner_of(scenario)
    hit = []
    for i in faulted_routes(scenario):
        route = scenario.routes[i]
        answer = fault.serve(scenario.source, load(route.body) if isinstance(route.body, str)
                             else copy.deepcopy(route.body))
        hit.append(register(web, route, answer))
    for i, route in enumerate(scenario.routes):
        if blip or i not in faulted_routes(scenario):  # an outage answers only the fault
            route.add(web)
    partner.serve(web)
    sleeps: list[float] = []
    ctx = context(engine, make_tracker({**scenario.sources, **partner.sources}),
                  sleeps=sleeps)
    results = {r.source: r for r in collect(ctx, [scenario.source, partner.source])}
    return results, hit, sleeps


def written(engine, source: str) -> tuple[int, list[str]]:
    """Rows and resume points a source left in the store."""
    with engine.connect() as conn:
        keys = [k for (k,) in conn.execute(select(meta.c.key)) if k.startswith(f"state:{source}")]
        if source == "app_store_charts":
            return conn.execute(select(func.count()).select_from(app_ranks)).scalar(), keys
    return count_posts(engine, source), keys


def stored_run(engine, source: str):
    with engine.connect() as conn:
        return conn.execute(select(runs).where(runs.c.source == source)).one()


def expected_outcome(scenario: Scenario, fault: Fault, blip: bool) -> str:
    if blip or fault.name == "extra fields":
        return "ok"
    if fault.name == "empty page mid-pagination" and SHAPES[scenario.source].empty_is_end:
        return "ends"  # the source's cursor says an empty page is the last one
    return "failed"


def check(engine, scenario: Scenario, fault: Fault, blip: bool, results, hit, sleeps):
    result, partner = results[scenario.source], results[partner_of(scenario).source]
    assert (partner.status, partner.items) == ("ok", partner_of(scenario).items), \
        "the other source is unaffected"
    assert all(r.call_count <= MAX_TRIES for r in hit), "retries are bounded"
    assert all(s <= 10 for s in sleeps) and len(sleeps) <= 2 * MAX_TRIES, "waits are bounded"
    rows, keys = written(engine, scenario.source)
    outcome = expected_outcome(scenario, fault, blip)
    if outcome == "ok":
        assert (result.status, result.items, rows) == ("ok", scenario.items, scenario.items)
        assert result.error is None
    elif outcome == "ends":
        assert result.status == "ok" and 0 < rows == result.items < scenario.items
    else:
        assert result.status == "failed" and re.search(fault.reason, result.error), \
            result.error
        assert (rows, keys) == (0, []), "nothing half-written, no resume point moved"
        row = stored_run(engine, scenario.source)
        assert (row.status, row.items, row.error) == ("failed", 0, result.error)
    if blip and fault.retryable:
        assert any(r.call_count == 1 for r in hit), "the fault was served, then retried"
    if fault.told_wait is not None:
        assert sleeps and set(sleeps) == {fault.told_wait}, "Retry-After honoured"


QUICK = {"429 without Retry-After", "503", "connection reset", "HTML error page",
         "missing fields", "empty page mid-pagination"}
CASES = [pytest.param(s, f, blip, id=f"{s.source}-{f.name}-{'blip' if blip else 'outage'}",
                      marks=[] if f.name in QUICK and not blip else [pytest.mark.reliability])
         for s in ALL for f in FAULTS for blip in ((False, True) if f.retryable else (False,))]


@pytest.mark.parametrize("scenario, fault, blip", CASES)
def test_fault(scenario, fault, blip, web, engine):
    with tally.scenario("faults"):
        results, hit, sleeps = run_with_fault(web, engine, scenario, fault, blip)
        check(engine, scenario, fault, blip, results, hit, sleeps)
