"""`bluesky_stream`: Bluesky's Jetstream replayed from hand-built frames by a websocket
server on 127.0.0.1: which posts are kept, resuming without gaps or duplicates across a
restart and a switch of endpoint, failover and backoff, a malformed frame skipped and
counted, both wires, `collect --for`, and `stream` flushing on SIGTERM."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import serve

from dashboard.cli import main
from dashboard.collectors import bluesky_stream, jetstream, runner
from dashboard.collectors.base import state_key
from dashboard.errors import UserError
from dashboard.write.store import get_meta, open_store
from tests.helpers import ROOT, context, make_old, make_tracker

S = 1_000_000  # microseconds in a second
DID = "did:plc:testauthor"


def now_us() -> int:
    return int(time.time() * S)


def post(t: int, rkey: str, text: str, operation: str = "create", **record) -> dict:
    """A v1 frame that creates (or updates, deletes) a post."""
    commit = {"rev": "3l", "operation": operation, "collection": jetstream.COLLECTION,
              "rkey": rkey, "cid": "bafy"}
    if operation != "delete":
        commit["record"] = {"$type": jetstream.COLLECTION, "text": text, "langs": ["en"],
                            "createdAt": "2020-01-01T00:00:00.000Z", **record}
    return {"did": DID, "time_us": t, "kind": "commit", "commit": commit}


def v2(frame: dict) -> dict:
    """The same event as a v2 message frame."""
    payload = {"$type": "network.bsky.jetstream.subscribeEvents#" + frame["kind"],
               "seq": frame["time_us"] % 10**9, "did": frame["did"],
               "time": pd.Timestamp(frame["time_us"], unit="us", tz="UTC").strftime(
                   "%Y-%m-%dT%H:%M:%S.%fZ")}
    return {"$type": "message", "payload": payload | frame.get("commit", {})}


class Jetstream:
    """A local Jetstream: on each connection it records the query, sends every frame at or
    after the cursor (raw strings as they are), then holds the connection open, or drops
    it after ``drop_after`` frames, or stays silent if ``silent``."""

    def __init__(self, frames: list, drop_after: int | None = None, silent: bool = False,
                 path: str = jetstream.V1):
        self.frames, self.drop_after, self.silent, self.path = frames, drop_after, silent, path
        self.queries: list[dict] = []
        self.sent = threading.Event()
        self.server = serve(self.handle, "127.0.0.1", 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}{path}"

    def handle(self, ws):
        query = parse_qs(urlsplit(ws.request.path).query)
        self.queries.append(query)
        cursor = int(query["cursor"][0]) if "cursor" in query else 0
        try:
            sent = 0
            for frame in self.frames if not self.silent else []:
                t = frame.get("time_us", 0) if isinstance(frame, dict) else 0
                if t and t < cursor:
                    continue
                ws.send(frame if isinstance(frame, str) else json.dumps(
                    v2(frame) if self.path == jetstream.V2 else frame))
                sent += 1
                if sent == self.drop_after:
                    return  # the handler ends: the connection closes under the client
            self.sent.set()
            ws.recv()  # hold until the client goes
        except ConnectionClosed:
            pass

    def cursors(self) -> list[int | None]:
        return [int(q["cursor"][0]) if "cursor" in q else None for q in self.queries]

    def close(self):
        self.server.shutdown()


@pytest.fixture
def servers():
    made = []

    def make(*args, **kw):
        made.append(Jetstream(*args, **kw))
        return made[-1]
    yield make
    for s in made:
        s.close()


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """Backoff, silence and flushing on a test's time scale."""
    monkeypatch.setattr(bluesky_stream, "BACKOFF", (0.05, 0.2))
    monkeypatch.setattr(bluesky_stream, "READ_TIMEOUT", 0.5)


def run_stream(engine, endpoints, run_for=None, queries=(), since=None):
    tracker = make_tracker({"bluesky_stream": {"endpoints": endpoints,
                                               "queries": list(queries)}})
    ctx = context(engine, tracker, since=since, run_for=run_for)
    return runner.run_source(ctx, bluesky_stream.SOURCE), ctx


def stored(engine) -> pd.DataFrame:
    return pd.read_sql("SELECT source_id, text, created_at, author, url, language "
                       "FROM posts WHERE source = 'bluesky_stream' ORDER BY source_id", engine)


def stats_of(engine) -> dict:
    return json.loads(pd.read_sql("SELECT stats FROM runs ORDER BY id DESC LIMIT 1",
                                  engine)["stats"][0])


def test_keeps_the_posts_that_name_a_brand_or_a_query(engine, servers):
    t = now_us() - 3600 * S
    like = {"did": DID, "time_us": t + 8, "kind": "commit", "commit": {
        "operation": "create", "collection": "app.bsky.feed.like", "rkey": "l1",
        "record": {"subject": {"uri": "at://x"}}}}
    identity = {"did": DID, "time_us": t + 9, "kind": "identity", "identity": {"did": DID}}
    frames = [post(t + 1, "a1", "Cancelled ChatGPT today, moving to Claude"),
              post(t + 2, "a2", "Lovely weather in Lisbon"),
              post(t + 3, "a3", "Chat\u200bGPT hides nothing from the scorer"),
              post(t + 4, "a4", "Claudette is not a brand"),
              post(t + 5, "a5", "Time to #QuitGPT everyone"),  # a query
              post(t + 6, "a6", "who else is Deleting  my account this week"),  # another
              post(t + 7, "a7", "", operation="delete"), like, identity,
              post(now_us(), "tip", "nothing to see")]  # caught up: the run ends
    server = servers(frames)
    result, _ = run_stream(engine, [server.url], queries=["deleting my account", "QuitGPT"])
    assert result.status == "ok" and server.queries[0]["wantedCollections"] == [
        jetstream.COLLECTION] and server.cursors() == [None]
    posts = stored(engine)
    assert [sid.rsplit("/", 1)[1] for sid in posts["source_id"]] == ["a1", "a3", "a5", "a6"]
    first = posts.iloc[0]
    assert first["source_id"] == f"at://{DID}/app.bsky.feed.post/a1"
    assert first["url"] == f"https://bsky.app/profile/{DID}/post/a1"
    assert first["language"] == "en" and first["author"].startswith("a_")  # pseudonymised
    assert str(first["created_at"]).startswith("2020-01-01")  # the author's createdAt
    assert stats_of(engine) | {"lag_s": 0} == {"events": 10, "kept": 4, "lag_s": 0,
                                                "reconnects": 0, "malformed": 0,
                                                "endpoint": urlsplit(server.url).netloc}
    scored = pd.read_sql("SELECT brands FROM posts WHERE source_id LIKE '%a1'", engine)
    assert scored["brands"][0] == "Claude;ChatGPT" or set(
        scored["brands"][0].split(";")) == {"ChatGPT", "Claude"}


def test_a_malformed_frame_is_skipped_and_counted(engine, servers):
    t = now_us() - 60 * S
    frames = [post(t + 1, "b1", "Claude one"), "{not json", json.dumps([1, 2]),
              {"did": DID, "kind": "commit"},  # no time
              post(t + 2, "b2", "Claude with no text") | {"commit": {
                  "operation": "create", "collection": jetstream.COLLECTION, "rkey": "b2",
                  "record": {"text": 42}}},
              post(t + 3, "b3", "Claude three"), post(now_us(), "tip", "end")]
    result, _ = run_stream(engine, [servers(frames).url])
    assert result.status == "ok"
    assert stored(engine)["source_id"].str[-2:].tolist() == ["b1", "b3"]
    stats = stats_of(engine)
    assert stats["malformed"] == 4 and stats["events"] == 7 and stats["kept"] == 2


def test_a_restart_and_a_switch_of_instance_lose_nothing_and_store_nothing_twice(
        engine, servers):
    t = now_us() - 600 * S
    first = [post(t, "c1", "Claude 1"), post(t + 10 * S, "c2", "Claude 2"),
             post(t + 20 * S, "c3", "Claude 3")]
    a = servers(first)
    run_stream(engine, [a.url], run_for=0.6)
    saved = json.loads(get_meta(engine, state_key("bluesky_stream")))
    assert saved["cursor"] == t + 20 * S and saved["until"].startswith(
        pd.Timestamp(t + 20 * S, unit="us", tz="UTC").isoformat()[:19])
    # another instance witnessed c4 two seconds "before" c3, and more came after the stop
    later = [*first[1:], post(t + 18 * S, "c4", "Claude 4"), post(t + 30 * S, "c5", "Claude 5"),
             post(t + 40 * S, "c6", "Claude 6")]
    b = servers(later)
    result, _ = run_stream(engine, [b.url], run_for=0.6)
    assert result.status == "ok"
    # the first connection resumes just before c3; a reconnect inside run_for resumes later
    assert b.cursors()[0] == t + 20 * S - bluesky_stream.REWIND_US
    ids = stored(engine)["source_id"].str[-2:].tolist()
    assert ids == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert stats_of(engine)["kept"] == 4  # c3 again, c4, c5, c6: each written once


def test_a_dropped_connection_moves_to_the_next_endpoint_from_the_cursor(engine, servers):
    t = now_us() - 600 * S
    frames = [post(t + i * S, f"d{i}", f"Claude {i}") for i in range(1, 7)]
    a = servers(frames, drop_after=3)
    b = servers(frames)
    result, ctx = run_stream(engine, [a.url, b.url], run_for=1.5)
    assert result.status == "ok", (result, ctx.report.stream.getvalue())
    assert b.cursors()[0] == t + 3 * S - bluesky_stream.REWIND_US
    assert stored(engine)["source_id"].str[-2:].tolist() == [f"d{i}" for i in range(1, 7)]
    stats = stats_of(engine)
    assert stats["reconnects"] >= 1 and stats["kept"] == 6
    assert stats["reconnects"] >= 1  # the backoff goes to the run's figures and the log


def test_a_refused_or_silent_endpoint_is_skipped(engine, servers):
    t = now_us() - 60 * S
    silent = servers([post(t, "e0", "Claude never sent")], silent=True)
    good = servers([post(t + 1, "e1", "Claude 1"), post(now_us(), "tip", "end")])
    refused = "ws://127.0.0.1:9/subscribe"  # nothing listens on the discard port
    result, _ = run_stream(engine, [refused, silent.url, good.url])
    assert result.status == "ok"
    assert stored(engine)["source_id"].str[-2:].tolist() == ["e1"]
    assert stats_of(engine)["reconnects"] == 2


def test_no_endpoint_answering_fails_the_run_within_its_time(engine):
    started = time.monotonic()
    result, _ = run_stream(engine, ["ws://127.0.0.1:9/subscribe"], run_for=1)
    assert time.monotonic() - started < 5
    assert result.status == "failed" and "no endpoint answered" in result.error
    assert "127.0.0.1:9" in result.error


def test_the_v2_wire_with_its_info_and_error_frames(engine, servers):
    t = now_us() - 600 * S
    info = json.dumps({"$type": "message", "payload": {
        "$type": "network.bsky.jetstream.subscribeEvents#info", "name": "OutdatedCursor",
        "message": "starting at seq 5"}})
    error = json.dumps({"$type": "error", "error": "ConsumerTooSlow", "message": "bye"})
    a = servers([info, post(t + S, "f1", "Claude 1"), error, post(t + 2 * S, "f2", "never")],
                path=jetstream.V2)
    b = servers([post(t + 2 * S, "f2", "Claude 2"), post(now_us(), "tip", "end")],
                path=jetstream.V2)
    result, ctx = run_stream(engine, [a.url, b.url], since=pd.Timestamp(t, unit="us", tz="UTC"))
    assert result.status == "ok"
    assert a.queries[0]["kinds"] == ["commit"] and a.queries[0]["collections"] == [
        jetstream.COLLECTION] and "wantedCollections" not in a.queries[0]
    assert a.cursors() == [t] and b.cursors() == [t + S - bluesky_stream.REWIND_US]
    assert stored(engine)["source_id"].str[-2:].tolist() == ["f1", "f2"]
    log = ctx.report.stream.getvalue()
    # the notice is said; the error frame made it reconnect (the reason goes to the log)
    assert "OutdatedCursor" in log and stats_of(engine)["reconnects"] >= 1


def test_a_cursor_older_than_jetstream_keeps_says_what_is_lost(engine, servers):
    server = servers([post(now_us(), "tip", "end")])
    result, ctx = run_stream(engine, [server.url], since=pd.Timestamp("2020-01-01", tz="UTC"))
    oldest = server.cursors()[0]
    assert abs(oldest - (now_us() - bluesky_stream.LOOKBACK_US)) < 60 * S
    assert "are lost: Jetstream replays only the last 36 hours" in ctx.report.stream.getvalue()


def test_endpoints_must_be_websocket_urls_of_either_wire(engine):
    for bad in (["https://jetstream1.us-east.bsky.network/subscribe"],
                ["wss://jetstream1.us-east.bsky.network/firehose"],
                ["wss://host/subscribe?wantedCollections=x"],
                "wss://jetstream1.us-east.bsky.network/subscribe"):  # not a list
        with pytest.raises(UserError, match=r"sources.bluesky_stream.endpoints(\[0\])?: "
                                            r"(.*ws|expected a list)"):
            bluesky_stream.endpoints_of(make_tracker({"bluesky_stream": {"endpoints": bad}}))
    assert bluesky_stream.endpoints_of(make_tracker({"bluesky_stream": {}})) == list(
        jetstream.PUBLIC)


def test_durations(monkeypatch):
    assert [runner.parse_duration(x) for x in ("30s", "10m", "2h", None)] == [
        30, 600, 7200, None]
    for bad in ("10", "0m", "1d", "m", "-5s"):
        with pytest.raises(UserError, match="--for"):
            runner.parse_duration(bad)


def tracker_file(folder, endpoint: str) -> str:
    path = folder / "stream.toml"
    path.write_text(f'[tracker]\nname = "test"\n[[brands]]\nname = "Claude"\n'
                    f'[sources.bluesky_stream]\nendpoints = ["{endpoint}"]\n')
    return str(path)


def test_collect_for_a_duration(tmp_path, servers, capsys):
    t = now_us() - 60 * S
    server = servers([post(t, "g1", "Claude 1"), post(t + 1, "g2", "Claude 2")])
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    started = time.monotonic()
    code = main(["collect", "--sources", "bluesky_stream", "--for", "1s", "--db", db,
                 "--tracker", tracker_file(tmp_path, server.url)])
    assert code == 0 and 1 <= time.monotonic() - started < 8
    assert len(stored(open_store(db))) == 2
    assert "bluesky_stream: ok, 2 items" in capsys.readouterr().err


def test_stream_saves_what_is_buffered_and_the_cursor_on_sigterm(tmp_path, servers):
    t = now_us() - 60 * S
    server = servers([post(t + i, f"h{i}", f"Claude {i}") for i in range(1, 4)])
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "stream", "--db", db,
         "--tracker", tracker_file(tmp_path, server.url)],
        cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE,
        text=True)
    try:
        assert server.sent.wait(60), "the stream never connected"
        time.sleep(2)  # read, but not yet saved: saving happens every FLUSH_SECONDS
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0, proc.stderr.read()
    finally:
        proc.kill()
    engine = open_store(db)
    assert stored(engine)["source_id"].str[-2:].tolist() == ["h1", "h2", "h3"]
    assert json.loads(get_meta(engine, state_key("bluesky_stream")))["cursor"] == t + 3
    run = pd.read_sql("SELECT status, items, stats FROM runs", engine).iloc[0]
    assert run["status"] == "ok" and run["items"] == 3
    assert json.loads(run["stats"])["kept"] == 3


def test_the_sources_page_shows_what_the_stream_measured(servers, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    engine = open_store(url)
    t = now_us() - 60 * S
    run_stream(engine, [servers([post(t, "i1", "Claude 1"), "oops",
                                 post(now_us(), "tip", "end")]).url])
    monkeypatch.setenv("DASHBOARD_DB", url)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    at = at.switch_page("dashboard/app_pages/sources.py").run()
    assert not at.exception and not at.error
    streams = next(d.value for d in at.dataframe if "events seen" in d.value)
    assert streams.iloc[0][["source", "events seen", "posts kept", "reconnects",
                            "malformed frames skipped"]].tolist() == [
        "bluesky_stream", 3, 1, 0, 1]
    assert streams.iloc[0]["lag behind now (s)"] < 60


def test_stream_refuses_a_bad_endpoint_before_it_starts(tmp_path, capsys):
    code = main(["stream", "--db", f"sqlite:///{tmp_path / 's.sqlite'}",
                 "--tracker", tracker_file(tmp_path, "https://example.org/subscribe")])
    assert code == 2 and "sources.bluesky_stream.endpoints" in capsys.readouterr().err


@pytest.mark.postgres
def test_on_postgresql(pg_url, servers):
    engine = open_store(pg_url)
    t = now_us()
    run_stream(engine, [servers([post(t - 60 * S, "j1", "Claude 1"), post(t, "j0", "x")]).url])
    run_stream(engine, [servers([post(t - 2 * S, "j2", "Claude 2"),  # seen late elsewhere
                                 post(now_us(), "j3", "end")]).url])
    assert stored(engine)["source_id"].str[-2:].tolist() == ["j1", "j2"]
    assert stats_of(engine)["kept"] == 1


def test_a_store_without_run_stats_gets_them_keeping_its_runs(tmp_path):
    from dashboard.write.store import recorded_run
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = open_store(url)
    with recorded_run(engine, "hackernews") as run:
        run["items"] = 4
    with engine.begin() as conn:  # the shape of schema version 4
        make_old(conn, 4)
    engine.dispose()
    runs = pd.read_sql("SELECT source, items, stats FROM runs", open_store(url))
    assert runs.to_dict("records") == [{"source": "hackernews", "items": 4, "stats": None}]
