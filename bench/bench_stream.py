"""Jetstream events per second one core can read, filter, score and store, against the
rate at which the whole Bluesky network posts. A benchmark to read, not a timed test.

The frames are Jetstream's original wire (what the public instances send for posts), built
here: ``MATCH_SHARE`` of the posts name a tracked brand (the benchmark generator's posts,
``bench/generate.py``), the rest name none (the same posts with every brand taken out, a
third of them in Japanese, the network's second language, which takes the matcher's
slower path for text that is not ASCII). Every frame goes through the collector's own
``Stream.take``; the kept posts are scored and written to an in-memory SQLite store every
``FLUSH_POSTS`` or ``FLUSH_SECONDS``, as in a real run. The process is pinned to one core.
A second figure, ``stream_ws_events_per_s``, adds the websocket: the collector's own
``run`` reads the same frames from a local server (another process, on the other core).

Usage: ``make bench-stream`` or ``PYTHONPATH=. python bench/bench_stream.py [--frames N]``.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import random
import threading
import time

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import serve

from bench.generate import posts_frame
from dashboard import paths
from dashboard.collectors import bluesky_stream, jetstream
from dashboard.collectors.base import Tally
from dashboard.collectors.runner import make_context
from dashboard.scoring.brands import BrandMatcher
from dashboard.tracker import load_tracker
from dashboard.write.store import open_store

CORE = 0  # the collector's core
MATCH_SHARE = 0.01  # posts naming a tracked brand; AI assistants in the whole network
JAPANESE = ["今日は", "とても", "楽しい", "一日でした", "新しい", "アプリを", "試して",
            "みました", "猫が", "かわいい", "ですね", "明日も", "頑張ろう"]
# the network's rate: ~2.2 million posts a day on average, 130,000+ in a peak hour,
# counted from the firehose by a public analytics service (docs/collecting.md)
NETWORK_POSTS_PER_S = 2_200_000 / 86_400
PEAK_POSTS_PER_S = 130_000 / 3_600
SOURCE = ("https://dev.to/arielle_houlier_21f42996e/"
          "building-real-time-bluesky-analytics-ingesting-22m-postsday-from-the-firehose-ccm")


def frames(n: int, seed: int = 13) -> list[str]:
    """``n`` v1 frames creating posts, ``MATCH_SHARE`` of them naming a tracked brand."""
    tracker = load_tracker(paths.DEFAULT_TRACKER)
    rng = random.Random(seed)
    texts = posts_frame(tracker, min(n, 20_000), seed=seed)["text"].tolist()
    matcher = BrandMatcher(tracker)
    t0 = int(time.time() * 1e6) - n * 40_000  # the last frame is now: the run has caught up
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        if rng.random() >= MATCH_SHARE:
            for m in reversed(matcher.mentions(text)):
                text = text[:m.start] + "it" + text[m.end:]
            if rng.random() < 1 / 3:
                text = "".join(rng.choices(JAPANESE, k=rng.randint(4, 30)))
        out.append(json.dumps({
            "did": f"did:plc:{i % 5000:024d}", "time_us": t0 + i * 40_000, "kind": "commit",
            "commit": {"rev": "3l", "operation": "create", "collection": jetstream.COLLECTION,
                       "rkey": f"3l{i:011d}", "cid": "bafy", "record": {
                           "$type": jetstream.COLLECTION, "text": text, "langs": ["en"],
                           "createdAt": "2026-11-20T12:00:00.000Z"}}}))
    return out


def events_per_second(raw: list[str]) -> tuple[float, int]:
    """Frames per second through ``Stream.take`` and its flushes, and the posts kept."""
    tracker = load_tracker(paths.DEFAULT_TRACKER)
    ctx = make_context(open_store("sqlite://"), tracker, stream=io.StringIO())
    tally = Tally(ctx.report)
    stream = bluesky_stream.Stream(ctx, tally, bluesky_stream.PostFilter(tracker, []), None)
    started = time.perf_counter()
    for frame in raw:
        stream.take(frame, jetstream.V1)
        stream.flush()
    stream.flush(force=True)
    return len(raw) / (time.perf_counter() - started), stream.stats["kept"]


def serve_frames(raw: list[str], port) -> None:
    """A local Jetstream (run in its own process, off the collector's core) that sends
    ``raw`` to each client."""
    others = set(range(os.cpu_count() or 1)) - {CORE}
    if others and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, others)

    def send(ws):
        with contextlib.suppress(ConnectionClosed):
            for frame in raw:
                ws.send(frame)
            ws.recv()
    with serve(send, "127.0.0.1", 0, compression=None) as server:
        port.put(server.socket.getsockname()[1])
        server.serve_forever()


def websocket_events_per_second(raw: list[str]) -> float:
    """Frames per second through the collector's ``run`` from a local websocket server;
    the frames (fresh from ``frames``) end at the present, so the run stops when it has
    caught up."""
    tracker = load_tracker(paths.DEFAULT_TRACKER)
    ctx = make_context(open_store("sqlite://"), tracker, stream=io.StringIO())
    stream = bluesky_stream.Stream(ctx, Tally(ctx.report),
                                   bluesky_stream.PostFilter(tracker, []), None)
    port = multiprocessing.Queue()
    server = multiprocessing.get_context("fork").Process(target=serve_frames,
                                                         args=(raw, port), daemon=True)
    give_up = threading.Timer(120, ctx.stop.set)  # frames that never catch up
    server.start()
    give_up.start()
    try:
        started = time.perf_counter()
        bluesky_stream.run(stream, [f"ws://127.0.0.1:{port.get(timeout=30)}/subscribe"])
        return stream.stats["events"] / (time.perf_counter() - started)
    finally:
        give_up.cancel()
        server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=100_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {CORE})
    raw = frames(args.frames)
    rate, kept = events_per_second(raw)
    print(f"stream_events_per_s: {rate:.0f}")
    print(f"  {len(raw):,} frames, {kept:,} kept ({MATCH_SHARE:.0%} name a brand), one core")
    wire_rate = websocket_events_per_second(raw)
    print(f"stream_ws_events_per_s: {wire_rate:.0f}")
    print("  the same frames through the collector's run, from a local websocket server")
    print(f"network_posts_per_s: {NETWORK_POSTS_PER_S:.0f} on average, "
          f"{PEAK_POSTS_PER_S:.0f} in a peak hour (source: {SOURCE})")
    print(f"headroom: {wire_rate / PEAK_POSTS_PER_S:.0f}x the peak hour through the websocket; "
          f"6 hours of posts replay in {6 * 3600 * NETWORK_POSTS_PER_S / wire_rate / 60:.1f} "
          "minutes, if the server sends that fast")


if __name__ == "__main__":
    main()
