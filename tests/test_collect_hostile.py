"""Collect against hostile local servers (127.0.0.1 only): no answer, headers or a body
trickled a byte at a time, an oversized body, a compressed bomb, HTML or broken JSON with
status 200, an object where a list belongs, 401/403, a DNS failure. Each ends in bounded
time and memory, with the right run status and a message that says what happened (and,
for a refusal, which credential to check); a dead host is tried three times, then its
source's other units are recorded as not tried. The bounds are shrunk for the tests (0.5 s
between reads, 1.5 s a try, 256 kB an answer); their defaults are in http.py."""
from __future__ import annotations

import gzip
import socket
import time
import tracemalloc
import zlib

import pytest

from dashboard.collectors.bounds import Deadline
from dashboard.collectors.http import Http
from dashboard.collectors.runner import run_source
from dashboard.write.store import count_posts
from tests.helpers import answer, context, local_server, make_tracker

CAP = 256 * 1024
BOUNDS = {"timeout": 0.5, "deadline": 1.5, "max_bytes": CAP}
QUERIES = ["Claude", "ChatGPT"]  # two units: the second shows what the first failure did


def silent(send, stop, path):
    stop.wait()


def trickled_headers(send, stop, path):
    send(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    while not stop.wait(0.1):
        send(b"a")


def trickled_body(send, stop, path):
    send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
    while not stop.wait(0.1):
        send(b" ")


def endless_body(send, stop, path):  # no length: the cap has to stop it
    send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[")
    while not stop.is_set():
        send(b"0," * 32768)


def bomb() -> bytes:
    """200 MB of zeros, gzipped to about 200 kB."""
    pack = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(2**20)
    return b"".join([*(pack.compress(block) for _ in range(200)), pack.flush()])


BOMB = bomb()

CASES = {  # name: (behaviour, status, words of the error, requests the server sees)
    "no answer": (silent, "failed", "timed out talking to 127.0.0.1", 3),
    "trickled headers": (trickled_headers, "failed", "no complete answer within 1.5 s", 3),
    "trickled body": (trickled_body, "failed", "no complete answer within 1.5 s", 3),
    "oversized body": (endless_body, "failed", "answered with more than 0.25 MB", 2),
    "oversized, said up front": (answer(body=b"[" + b"0," * CAP + b"0]"), "failed",
                                 "answered with more than 0.25 MB", 2),
    "compressed bomb": (answer(body=BOMB, Content_Encoding="gzip"), "failed",
                        "answered with more than 0.25 MB", 2),
    "brotli, not asked for": (answer(body=b"\x1b\x00", Content_Encoding="br"), "failed",
                              "answered in an encoding this collector does not read (br)", 2),
    "broken gzip": (answer(body=b"\x1f\x8b\x08\x00garbage", Content_Encoding="gzip"),
                    "failed", "answered with broken compressed data", 2),
    "HTML with 200": (answer(body=b"<html><body>Maintenance</body></html>", kind="text/html"),
                      "failed", "not JSON (text/html)", 2),
    "broken JSON with 200": (answer(body=b'{"hits": [{"objectID": "1", "crea'), "failed",
                             "not JSON (application/json)", 2),
    "an object, not a list": (answer(body=b'{"hits": {"error": "busy"}, "nbPages": 1}'),
                              "failed", "expected a list in 'hits' of items, got an object", 2),
    "401": (answer("401 Unauthorized"), "failed", "HTTP 401 Unauthorized", 1),
    "403": (answer("403 Forbidden"), "failed", "HTTP 403 Forbidden", 1),
}


def collect_hackernews(engine, base: str):
    """Run Hacker News against ``base`` with small bounds; returns the result, the seconds
    it took and the peak of memory allocated meanwhile."""
    tracker = make_tracker({"hackernews": {"queries": QUERIES, "base_url": base}})
    ctx = context(engine, tracker)
    ctx.http = Http(sleep=lambda s: None, **BOUNDS)
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = run_source(ctx, "hackernews")
        return result, time.monotonic() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_server_ends_in_bounded_time_and_memory(case, engine):
    behave, status, words, requests = CASES[case]
    with local_server(behave) as (url, seen):
        result, seconds, peak = collect_hackernews(engine, url)
    assert result.status == status and words in result.error, result.error
    assert len(seen) == requests, seen
    assert seconds < 3 * BOUNDS["deadline"] + 3
    assert peak < 4 * CAP + 2**20, f"{peak / 2**20:.1f} MB"
    assert count_posts(engine) == 0


def test_a_dead_host_is_tried_three_times_then_its_other_units_are_not_tried(engine):
    with local_server(silent) as (url, seen):
        result, _, _ = collect_hackernews(engine, url)
    assert (result.units, result.done) == (2, 0)
    assert "1 units not tried: 127.0.0.1" in result.error
    assert "failed 3 times in a row (timed out)" in result.error


def test_a_refusal_stops_the_source_at_once_and_says_what_to_check(engine):
    with local_server(answer("403 Forbidden")) as (url, seen):
        result, _, _ = collect_hackernews(engine, url)
    assert len(seen) == 1, "the second query was never sent"
    assert result.error.startswith("stopped: HTTP 403 Forbidden from 127.0.0.1")
    assert "this source takes no credentials" in result.error


def test_a_dns_failure_opens_the_circuit(engine, monkeypatch):
    real = socket.getaddrinfo

    def lookup(host, *args, **kwargs):
        if host == "hn.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    result, seconds, _ = collect_hackernews(engine, "https://hn.invalid")
    assert result.status == "failed" and seconds < 2
    assert "DNS lookup failed talking to hn.invalid/api/v1/search_by_date" in result.error
    assert "1 units not tried: hn.invalid failed 3 times in a row (DNS lookup failed)" \
        in result.error


def test_a_compressed_answer_within_the_cap_is_read(engine):
    body = gzip.compress(b'{"hits": [], "nbHits": 0, "page": 0, "nbPages": 1}')
    with local_server(answer(body=body, Content_Encoding="gzip")) as (url, seen):
        result, _, _ = collect_hackernews(engine, url)
    assert (result.status, len(seen)) == ("ok", 2)


@pytest.mark.parametrize("source, settings, words", [
    ("bluesky", {"queries": ["QuitGPT"]}, "check bluesky_handle and bluesky_app_password"),
    ("reddit", {"queries": ["QuitGPT"]}, "new Reddit API keys need Reddit's approval"),
    ("mastodon", {"hashtags": ["QuitGPT"]}, "check mastodon_token_127_0_0_1_"),
])
def test_a_refused_login_names_the_credential_to_fix(source, settings, words, engine,
                                                     monkeypatch):
    monkeypatch.setattr("prawcore.sessions.time.sleep", lambda s: None)
    with local_server(answer("401 Unauthorized", b'{"error": "AuthenticationRequired"}')) \
            as (url, seen):
        key = {"bluesky": "service", "reddit": "base_url", "mastodon": "servers"}[source]
        tracker = make_tracker({source: {**settings, key: [url] if key == "servers" else url}})
        ctx = context(engine, tracker)
        ctx.credentials.env[f"mastodon_token_127_0_0_1_{url.rsplit(':', 1)[1]}"] = "tok-1234"
        ctx.http = Http(sleep=lambda s: None, **BOUNDS)
        result = run_source(ctx, source)
    assert result.status == "failed" and "401" in result.error and words in result.error
    assert len(seen) == 1


def test_a_mastodon_timeline_that_is_an_object_is_a_failure_not_zero_posts(engine):
    tag = answer(body=b'{"name": "quitgpt", "history": []}')
    error = answer(body=b'{"error": "This method requires an authenticated user"}')
    with local_server(lambda send, stop, path: (tag if "/tags/" in path else error)(
            send, stop, path)) as (url, seen):
        tracker = make_tracker({"mastodon": {"servers": [url], "hashtags": ["QuitGPT"]}})
        ctx = context(engine, tracker)
        ctx.http = Http(sleep=lambda s: None, **BOUNDS)
        result = run_source(ctx, "mastodon")
    assert result.status == "failed" and len(seen) == 2
    assert "expected a list of items, got an object (error)" in result.error


def test_a_deadline_firing_after_its_try_ended_shuts_nothing():
    """Under load a try's timer can fire just after the try ended; it must not shut the
    connection the pool hands to the next try (which then failed at once as "connection
    reset", three times in a row)."""
    ours, theirs = socket.socketpair()
    connection = type("Connection", (), {"sock": ours})()
    try:
        with Deadline(60) as deadline:
            deadline.watch(connection)
        deadline._expire()  # the timer's own call, arriving late
        ours.sendall(b"still open")
        assert theirs.recv(16) == b"still open" and not deadline.passed
    finally:
        ours.close()
        theirs.close()
