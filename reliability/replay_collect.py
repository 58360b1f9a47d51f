"""A real `python -m dashboard collect` run against a replayed Hacker News, for crash tests.

    python -m reliability.replay_collect --db URL --tracker FILE --posts N --anchor EPOCH

Serves ``N`` generated stories and comments (reliability.corpus wording) through Algolia's
``search_by_date`` API with `responses`, filtered by the time window and paged as Algolia
does, then runs the collect command on them. Nothing leaves the machine. The items sit in
the 6 days before ``--anchor`` (a fixed time, so every run of a test serves the same data);
``--delay`` slows each answer down so a SIGKILL can land anywhere in the run.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from urllib.parse import parse_qs, urlsplit

import responses

from dashboard.cli import main as dashboard_main
from dashboard.collectors import hackernews
from reliability.corpus import posts_frame

TRACKER = """
[tracker]
name = "replayed Hacker News"

[[brands]]
name = "ChatGPT"
aliases = ["OpenAI"]

[[brands]]
name = "Claude"
aliases = ["Anthropic"]

[sources.hackernews]
queries = ["Claude"]
"""
_WINDOW = re.compile(r"created_at_i>=(\d+),created_at_i<(\d+)")


def hits(n: int, anchor: int) -> list[dict]:
    """``n`` Algolia hits, newest first, in the 6 days before ``anchor``."""
    frame = posts_frame(n, seed=11, days=6)
    created = anchor - 6 * 86400 + (frame["created_utc"] - frame["created_utc"].min())
    out = [{"objectID": str(41_000_000 + i), "created_at_i": int(t), "author": a,
            "title": title, "story_text": body, "points": int(p), "_tags": ["story"]}
           for i, (t, a, title, body, p) in enumerate(zip(
               created, frame["author"], frame["title"], frame["body"], frame["score"]))]
    return sorted(out, key=lambda h: -h["created_at_i"])


def algolia(items: list[dict], delay: float):
    """A `responses` callback answering search_by_date like Algolia."""
    def answer(request):
        time.sleep(delay)
        query = parse_qs(urlsplit(request.url).query)
        start, end = map(int, _WINDOW.search(query["numericFilters"][0]).groups())
        page, size = int(query["page"][0]), int(query["hitsPerPage"][0])
        found = [h for h in items if start <= h["created_at_i"] < end]
        body = {"hits": found[page * size:(page + 1) * size], "nbHits": len(found),
                "page": page, "nbPages": -(-len(found) // size), "hitsPerPage": size}
        return 200, {"Content-Type": "application/json"}, json.dumps(body)
    return answer


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m reliability.replay_collect")
    p.add_argument("--db", required=True)
    p.add_argument("--tracker", required=True)
    p.add_argument("--posts", type=int, default=3000)
    p.add_argument("--anchor", type=int, required=True, help="epoch seconds the data ends at")
    p.add_argument("--delay", type=float, default=0.02, help="seconds per answer")
    args = p.parse_args(argv)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as web:
        web.add_callback("GET", hackernews.API, callback=algolia(hits(args.posts, args.anchor),
                                                                 args.delay))
        return dashboard_main(["collect", "--sources", "hackernews", "--db", args.db,
                               "--tracker", args.tracker, "--quiet"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
