"""An author's absurd date cannot break a slice: Bluesky's ``createdAt`` is the author's to
set (1970, 9999, or a year ahead), so where it is unreadable, before the network began or
after the service indexed the post, the service's own ``indexedAt`` stands in; an item with
no readable time at all is skipped and counted, and its slice still succeeds and moves on."""
from __future__ import annotations

import copy
import json

import pandas as pd
import pytest

from dashboard.collectors import bluesky
from dashboard.collectors.runner import run_source
from dashboard.write.store import count_posts, get_meta
from tests.helpers import SCENARIOS, context, load, make_tracker

INDEXED = "2026-11-20T11:40:00.500Z"
BLUESKY = SCENARIOS[2]


def page_with(created_at, indexed_at=INDEXED) -> dict:
    page = copy.deepcopy(load("bluesky/search_page1.json"))
    page["posts"][0]["record"]["createdAt"] = created_at
    page["posts"][0]["indexedAt"] = indexed_at
    return page


@pytest.mark.parametrize("created_at", ["9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                                        "2027-11-20T00:00:00Z", "soon", None, 0])
def test_an_absurd_author_date_gives_way_to_the_indexing_time(created_at):
    frame = bluesky.parse_bluesky(page_with(created_at))
    assert frame["created_at"].iloc[0] == pd.Timestamp(INDEXED)
    assert frame.attrs["unreadable"] == 0


def test_a_plausible_author_date_is_kept():
    frame = bluesky.parse_bluesky(page_with("2026-11-20T11:39:00Z"))
    assert frame["created_at"].iloc[0] == pd.Timestamp("2026-11-20T11:39:00Z")


def test_an_item_with_no_readable_time_is_skipped_counted_and_the_slice_goes_on(web, engine):
    changes = {BLUESKY.first: {"body": page_with("9999-12-31T23:59:59Z", indexed_at=None)}}
    BLUESKY.serve(web, changes)
    ctx = context(engine, make_tracker(BLUESKY.sources))
    result = run_source(ctx, "bluesky")
    assert (result.status, result.items) == ("ok", BLUESKY.items - 1)
    assert result.error == "1 items without a readable time skipped"
    assert result.reason == "1 unreadable items skipped"
    assert count_posts(engine, "bluesky") == BLUESKY.items - 1
    assert json.loads(get_meta(engine, "state:bluesky:QuitGPT"))["until"] == \
        "2026-11-20T12:00:00+00:00", "the query moved past the bad item"
