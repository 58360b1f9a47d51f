"""Every source on the project's own recorded fixtures (tests/fixtures/<source>/): exact rows,
paging to the end, incremental reruns, 429 then success, and 5xx that end in a failed run
with nothing half-written. HTTP is replayed with `responses`; praw runs for real on it."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, unquote, urlsplit

import pandas as pd
import pytest
from sqlalchemy import select

from dashboard.collectors import (app_store_charts, app_store_reviews, bluesky, google_play_reviews,
                                  hackernews, mastodon, reddit)
from dashboard.collectors.credentials import Credentials
from dashboard.collectors.runner import run_source
from dashboard.write.schema import app_ranks, meta, runs
from dashboard.write.store import count_posts, get_meta
from tests.helpers import (BSKY, CHART, CLAUDE_ANDROID, CLAUDE_IOS, HN, LEGACY, NOW, PLAY,
                           SCENARIOS, Scenario, context, load, make_tracker, param)


def run(engine, scenario: Scenario, **kw):
    return run_source(context(engine, make_tracker(scenario.sources), **kw), scenario.source)


def ids(s):
    return s.source


@pytest.mark.parametrize("scenario", SCENARIOS, ids=ids)
def test_pages_to_the_end(scenario, web, engine):
    scenario.serve(web)
    result = run(engine, scenario)
    assert (result.status, result.items, result.new) == ("ok", scenario.items, scenario.items)
    assert count_posts(engine, scenario.source) == scenario.items
    assert all(r.call_count == 1 for r in web.registered()), "every page read, once"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=ids)
def test_rerun_fetches_only_what_is_new_and_stores_nothing_twice(scenario, web, engine):
    scenario.serve(web)
    run(engine, scenario)
    first_calls = len(web.calls)
    result = run(engine, scenario, now=NOW + timedelta(hours=6))
    assert result.status == "ok" and result.new == 0
    assert count_posts(engine, scenario.source) == scenario.items
    if scenario.newest_first:  # the walk stops at the first page reaching the resume point
        assert len(web.calls) - first_calls < first_calls


@pytest.mark.parametrize("scenario", SCENARIOS, ids=ids)
def test_429_then_success(scenario, web, engine):
    first = scenario.routes[scenario.first]
    first.add(web, status=429, headers={"Retry-After": "3"}, body=None)
    scenario.serve(web)
    sleeps = []
    result = run(engine, scenario, sleeps=sleeps)
    assert (result.status, result.items) == ("ok", scenario.items)
    assert sleeps[0] == 3


@pytest.mark.parametrize("scenario", SCENARIOS, ids=ids)
def test_server_errors_exhausted_fail_the_run_and_write_nothing(scenario, web, engine,
                                                                 monkeypatch):
    monkeypatch.setattr("prawcore.sessions.time.sleep", lambda s: None)  # praw's 5xx retries
    scenario.serve(web, {scenario.first + 1: {"status": 503, "body": None}})
    result = run(engine, scenario)
    assert result.status == "failed"
    assert "503" in result.error
    assert count_posts(engine, scenario.source) == 0
    with engine.connect() as conn:
        row = conn.execute(select(runs).where(runs.c.source == scenario.source)).one()
        keys = [k for (k,) in conn.execute(select(meta.c.key))
                if k.startswith(f"state:{scenario.source}")]
    assert (row.status, row.items) == ("failed", 0) and "503" in row.error
    assert keys == [], "no resume point moved"


# --- exact rows, one source at a time -------------------------------------------------------

def records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    out = frame[columns].astype(object)
    return out.where(out.notna(), None).to_dict("records")


def t(hhmm: str, day: int = 20, micro: int = 0) -> pd.Timestamp:
    h, m = map(int, hhmm.split(":"))
    return pd.Timestamp(datetime(2026, 11, day, h, m, 0, micro, tzinfo=timezone.utc))


COLS = ["source_id", "created_at", "author", "text", "url", "community", "engagement",
        "rating", "language"]


def test_parse_hackernews_exact_rows():
    frame = hackernews.parse_hackernews(load("hackernews/page0.json"))
    assert records(frame, COLS) == [
        {"source_id": "41000001", "created_at": t("11:00"), "author": "pg_fan",
         "text": "Ask HN: Anyone else switched to Claude?\n\nI cancelled ChatGPT Plus last "
                 "week.\n\nSo far \"Claude\" is great & fast.",
         "url": "https://news.ycombinator.com/item?id=41000001", "community": None,
         "engagement": 42, "rating": None, "language": None},
        {"source_id": "41000002", "created_at": t("10:30"), "author": "skeptic",
         "text": "Not me. ChatGPT still works fine for me.\n\nMaybe later.",
         "url": "https://news.ycombinator.com/item?id=41000002", "community": None,
         "engagement": None, "rating": None, "language": None},
    ]
    assert set(frame["source"]) == {"hackernews"}
    assert hackernews.next_page(load("hackernews/page0.json")) == 1
    assert hackernews.next_page(load("hackernews/page1.json")) is None


def test_parse_reddit_exact_rows():
    frame = reddit.parse_reddit(load("reddit/search_page1.json"))
    assert records(frame, COLS + ["comments"]) == [
        {"source_id": "t3_1gq0a1", "created_at": t("11:30"), "author": "river_otter",
         "text": "Switched to Claude after the Pentagon news\n\nCancelled my ChatGPT "
                 "subscription today. Claude feels calmer.",
         "url": "https://www.reddit.com/r/ClaudeAI/comments/1gq0a1/switched_to_claude_a/",
         "community": "ClaudeAI", "engagement": 120, "rating": None, "language": None,
         "comments": 2},
        {"source_id": "t3_1gq0a2", "created_at": t("10:00"), "author": "quiet_maple",
         "text": "Is anyone else leaving?",
         "url": "https://www.reddit.com/r/ChatGPT/comments/1gq0a2/is_anyone_else_leavi/",
         "community": "ChatGPT", "engagement": 15, "rating": None, "language": None,
         "comments": 0},
    ]
    removed = reddit.parse_reddit(load("reddit/search_page2.json")).iloc[0]
    assert (removed["author"], removed["text"]) == (None, "Moving to Claude, thoughts?")
    assert reddit.next_after(load("reddit/search_page1.json")) == "t3_1gq0a2"


def test_reddit_comments_page_gives_its_post_and_live_comments():
    frame = reddit.parse_reddit(load("reddit/comments.json"))
    assert frame["source_id"].tolist() == ["t3_1gq0a1", "t1_lx1c01"]  # [deleted] and "more" out
    assert frame.iloc[1]["url"] == "https://www.reddit.com/r/ClaudeAI/comments/1gq0a1/x/lx1c01/"


def test_reddit_time_filter_is_the_narrowest_that_covers_the_window():
    assert [reddit.time_filter(timedelta(hours=h)) for h in (1, 13, 100, 24 * 40, 24 * 400)] \
        == ["hour", "day", "week", "year", "all"]


def test_reddit_top_comments_and_search_scopes(web, engine):
    SCENARIOS[1].serve(web)  # the token and the site-wide search
    for route in SCENARIOS[1].routes[1:]:
        route.add(web, url=route.url.replace("r/all", "r/ClaudeAI"))
    web.get("https://oauth.reddit.com/comments/1gq0a1/", json=load("reddit/comments.json"),
            match=[param("sort", "top"), param("limit", "5")])
    tracker = make_tracker({"reddit": {"queries": ["switched to Claude"],
                                       "subreddits": ["ClaudeAI"], "top_comments": 5}})
    result = run_source(context(engine, tracker), "reddit")
    assert result.status == "ok"
    scoped = [c.request for c in web.calls if "/search/" in c.request.url]
    assert {urlsplit(r.url).path for r in scoped} == {"/r/ClaudeAI/search/", "/r/all/search/"}
    assert all(param("restrict_sr", "on")(r)[0] for r in scoped if "ClaudeAI" in r.url)
    assert count_posts(engine, "reddit") == 4  # 3 posts + 1 live top comment
    assert get_meta(engine, "state:reddit:r/ClaudeAI:switched to Claude") is not None


def test_parse_bluesky_exact_rows():
    frame = bluesky.parse_bluesky(load("bluesky/search_page1.json"))
    assert records(frame, COLS) == [
        {"source_id": "at://did:plc:aaaa1111/app.bsky.feed.post/3lbq2xyz2222a",
         "created_at": t("11:40", micro=123456), "author": "wren.bsky.social",
         "text": "#QuitGPT done. Exported my chats and moved to Claude.",
         "url": "https://bsky.app/profile/wren.bsky.social/post/3lbq2xyz2222a",
         "community": None, "engagement": 12, "rating": None, "language": "en"},
        {"source_id": "at://did:plc:bbbb2222/app.bsky.feed.post/3lbq1abc1111b",
         "created_at": t("08:00", micro=123456), "author": "ana.example.com",
         "text": "Honestly ChatGPT is still fine for me",
         "url": "https://bsky.app/profile/ana.example.com/post/3lbq1abc1111b",
         "community": None, "engagement": 0, "rating": None, "language": None},
    ]
    assert bluesky.next_cursor(load("bluesky/search_page1.json")) == "2"
    assert bluesky.next_cursor(load("bluesky/search_page2.json")) is None


def test_bluesky_logs_in_and_sends_the_window(web, engine):
    SCENARIOS[2].serve(web)
    run(engine, SCENARIOS[2])
    login = json.loads(web.calls[0].request.body)
    assert login == {"identifier": "collector.bsky.social", "password": "abcd-efgh-ijkl"}
    search = web.calls[1].request
    assert search.headers["Authorization"] == "Bearer " + load("bluesky/session.json")[
        "accessJwt"]
    assert [param(k, v)(search)[0] for k, v in (("since", "2026-11-20T00:00:00Z"),
                                                 ("until", "2026-11-20T12:00:00Z"),
                                                 ("sort", "latest"), ("q", "QuitGPT"))] \
        == [True] * 4


def test_bluesky_renews_an_expired_session_and_goes_on(web, engine):
    # what Bluesky answers once an access token (about two hours) has run out
    web.get(BSKY, status=400, json={"error": "ExpiredToken", "message": "Token has expired"},
            match=[param("cursor")])
    renewed = {"accessJwt": "eyJ0eXAiOiJhdCtqd3QifQ.renewed-access.signature",
               "refreshJwt": "eyJ0eXAiOiJyZWZyZXNoK2p3dCJ9.renewed-refresh.signature"}
    web.post("https://bsky.social/xrpc/com.atproto.server.refreshSession", json=renewed)
    SCENARIOS[2].serve(web)
    result = run(engine, SCENARIOS[2])
    assert (result.status, result.items) == ("ok", 3)
    refresh = next(c.request for c in web.calls if c.request.url.endswith("refreshSession"))
    assert refresh.headers["Authorization"] == "Bearer " + load("bluesky/session.json")[
        "refreshJwt"]
    searches = [c.request for c in web.calls if c.request.url.startswith(BSKY)]
    assert [r.headers["Authorization"].rsplit(".", 2)[1] for r in searches] == [
        "test-access", "renewed-access", "renewed-access"]


def test_parse_mastodon_exact_rows():
    frame = mastodon.parse_mastodon(load("mastodon/tag_page1.json"))
    assert records(frame, COLS) == [
        {"source_id": "https://mastodon.example/users/lena/statuses/113500000000001002",
         "created_at": t("11:50"), "author": "lena@mastodon.example",
         "text": "Cancelled ChatGPT today. #QuitGPT\n\nTrying Claude & Le Chat.",
         "url": "https://mastodon.example/@lena/113500000000001002",
         "community": "mastodon.example", "engagement": 9, "rating": None, "language": "en"},
        {"source_id": "https://social.example.org/users/tomas/statuses/11350000000000100177",
         "created_at": t("09:00"), "author": "tomas@social.example.org",
         "text": "Is @openai really worth 20 a month?\nAsking for a friend.",
         "url": "https://social.example.org/@tomas/11350000000000100177",
         "community": "social.example.org", "engagement": 2, "rating": None,
         "language": "en"},
    ]
    history = mastodon.parse_tag_history(load("mastodon/tag.json"))
    assert history.to_dict("list") == {
        "day": [pd.Timestamp("2026-11-20").date(), pd.Timestamp("2026-11-19").date(),
                pd.Timestamp("2026-11-18").date()],
        "uses": [41, 120, 7], "accounts": [30, 88, 5]}


def test_mastodon_keeps_tag_history_and_searches_with_a_token(web, engine):
    SCENARIOS[3].serve(web)
    search = "https://mastodon.example/api/v2/search"
    web.get(search, json=load("mastodon/search.json"),
            match=[param("q", "switched to Claude"), param("type", "statuses")])
    tracker = make_tracker({"mastodon": {"servers": ["mastodon.example"],
                                         "hashtags": ["#QuitGPT"],
                                         "queries": ["switched to Claude"]}})
    assert run_source(context(engine, tracker), "mastodon").items == 4
    counts = json.loads(get_meta(engine, "counts:mastodon:mastodon.example:quitgpt"))
    assert counts["2026-11-19"] == {"uses": 120, "accounts": 88}
    searched = next(c.request for c in web.calls if c.request.url.startswith(search))
    assert searched.headers["Authorization"] == "Bearer test-mastodon-token"


def test_mastodon_without_a_token_skips_search_with_a_note(web, engine):
    SCENARIOS[3].serve(web)
    tracker = make_tracker({"mastodon": {"servers": ["mastodon.example"],
                                         "hashtags": ["QuitGPT"], "queries": ["x"]}})
    ctx = context(engine, tracker)
    ctx.credentials = Credentials(env={}, secrets_file=None)
    assert run_source(ctx, "mastodon").status == "ok"
    assert "full-text search needs mastodon_token_mastodon_example" in \
        ctx.report.stream.getvalue()


def test_parse_app_store_reviews_exact_rows():
    frame = app_store_reviews.parse_app_store_reviews(load("app_store_reviews/page1.json"),
                                                      CLAUDE_IOS)
    link = f"https://itunes.apple.com/us/review?id={CLAUDE_IOS}&type=Purple%20Software"
    assert records(frame, COLS + ["app_version"]) == [
        {"source_id": "13100000002", "created_at": t("10:20"), "author": "Nightjar77",
         "text": "Switched from ChatGPT\n\nCancelled my ChatGPT sub. Claude is great for "
                 "writing.", "url": link, "community": CLAUDE_IOS, "engagement": 4,
         "rating": 5, "language": None, "app_version": "1.251110.0"},
        {"source_id": "13100000001", "created_at": t("08:10"), "author": "grumpy owl",
         "text": "Too many limits\n\nI hit the usage limit after ten messages.", "url": link,
         "community": CLAUDE_IOS, "engagement": 0, "rating": 2, "language": None,
         "app_version": "1.251110.0"},
    ]
    # a page holding one review has it as an object, not a list
    assert len(app_store_reviews.parse_app_store_reviews(load("app_store_reviews/page2.json"),
                                                         CLAUDE_IOS)) == 1
    assert app_store_reviews.next_page(load("app_store_reviews/page1.json")) == 2
    assert app_store_reviews.next_page(load("app_store_reviews/page2.json")) is None


def test_parse_google_play_exact_rows():
    raw = load("google_play_reviews/page1.txt")
    frame = google_play_reviews.parse_google_play(raw, CLAUDE_ANDROID, "en")
    url = f"https://play.google.com/store/apps/details?id={CLAUDE_ANDROID}&reviewId="
    assert records(frame, COLS + ["app_version"]) == [
        {"source_id": "9b7c1f8e-2a4d-4c1e-8f00-aaaaaaaa0002", "created_at": t("11:10"),
         "author": "Priya S", "text": "Moved here from ChatGPT, much better answers",
         "url": url + "9b7c1f8e-2a4d-4c1e-8f00-aaaaaaaa0002", "community": CLAUDE_ANDROID,
         "engagement": 3, "rating": 5, "language": "en", "app_version": "1.251111.0"},
        {"source_id": "9b7c1f8e-2a4d-4c1e-8f00-aaaaaaaa0001", "created_at": t("08:45"),
         "author": "Marco", "text": "App crashes on start",
         "url": url + "9b7c1f8e-2a4d-4c1e-8f00-aaaaaaaa0001", "community": CLAUDE_ANDROID,
         "engagement": 0, "rating": 1, "language": "en", "app_version": None},
    ]
    assert google_play_reviews.next_token(raw) == "CtgBIs8BAU60USdtest-token-page-2"
    assert google_play_reviews.next_token(load("google_play_reviews/page2.txt")) is None


def test_google_play_rate_limit_page_is_a_failure_not_an_empty_page(web, engine):
    web.post(PLAY, body=")]}'\n\n[[\"er\",null,null,null,null,429,null,null,null,null,"
                        "\"com.google.play.gateway.proto.PlayGatewayError\"]]")
    result = run(engine, SCENARIOS[5])
    assert result.status == "failed" and "rate limited" in result.error


# --- windowed sources: resume points ----------------------------------------------------

def test_windowed_rerun_starts_an_hour_before_where_it_stopped(web, engine):
    SCENARIOS[0].serve(web)
    run(engine, SCENARIOS[0])
    assert json.loads(get_meta(engine, "state:hackernews:Claude")) == {
        "until": "2026-11-20T12:00:00+00:00"}
    run(engine, SCENARIOS[0], now=NOW + timedelta(hours=6))
    rerun = web.calls[-2].request  # page 0 of the new window
    start = int((NOW - timedelta(hours=1)).timestamp())
    end = int((NOW + timedelta(hours=6)).timestamp())
    assert param("numericFilters", f"created_at_i>={start},created_at_i<{end}")(rerun)[0]


def test_a_failed_day_stops_the_query_there_and_the_rerun_resumes_it(web, engine):
    day1 = [int((NOW - timedelta(days=d)).timestamp()) for d in (2, 1)]
    web.get(HN, json=load("hackernews/page1.json"),
            match=[param("numericFilters", "created_at_i>={},created_at_i<{}".format(*day1))])
    down = web.get(HN, status=503)  # every other request: the second day is down
    result = run(engine, SCENARIOS[0], lookback=timedelta(days=2))
    assert (result.status, result.items) == ("partial", 1)
    assert "'Claude' from 2026-11-19 12:00 UTC: HTTP 503" in result.error
    assert json.loads(get_meta(engine, "state:hackernews:Claude"))["until"] == \
        "2026-11-19T12:00:00+00:00"
    web.remove(down)
    web.get(HN, json=load("hackernews/empty.json"))
    before = len(web.calls)
    assert run(engine, SCENARIOS[0], lookback=timedelta(days=2)).status == "ok"
    resumed = parse_qs(urlsplit(web.calls[before].request.url).query)["numericFilters"][0]
    assert resumed.startswith(f"created_at_i>={day1[1] - 3600},")


def test_since_backfills_without_moving_the_resume_point_back(web, engine):
    SCENARIOS[0].serve(web)
    run(engine, SCENARIOS[0])
    web.replace("GET", HN, json=load("hackernews/empty.json"))
    result = run(engine, SCENARIOS[0], since=NOW - timedelta(days=3))
    assert result.status == "ok"
    windows = [parse_qs(urlsplit(c.request.url).query)["numericFilters"][0]
               for c in web.calls[2:]]
    assert len(windows) == 3 and windows[0].startswith(
        f"created_at_i>={int((NOW - timedelta(days=3)).timestamp())}")
    assert json.loads(get_meta(engine, "state:hackernews:Claude"))["until"] == \
        "2026-11-20T12:00:00+00:00"


# --- App Store charts ---------------------------------------------------------------------

def ranks(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(app_ranks.c.captured_at, app_ranks.c.country, app_ranks.c.chart,
                   app_ranks.c.app_id, app_ranks.c.brand, app_ranks.c.rank)
            .order_by(app_ranks.c.captured_at, app_ranks.c.rank))]


def charts_tracker():
    return make_tracker({}, chatgpt_app=True)


def test_chart_snapshot_from_the_current_feed(web, engine):
    web.get(CHART, json=load("app_store_charts/top_free_us.json"))
    result = run_source(context(engine, charts_tracker()), "app_store_charts")
    assert (result.status, result.items) == ("ok", 3)
    at = datetime(2026, 11, 20, 12, 0)
    assert ranks(engine) == [(at, "us", "top-free", "6448311069", "ChatGPT", 1),
                             (at, "us", "top-free", CLAUDE_IOS, "Claude", 2),
                             (at, "us", "top-free", "389801252", None, 3)]


def test_every_run_stores_another_snapshot(web, engine):
    web.get(CHART, json=load("app_store_charts/top_free_us.json"))
    for hours in (0, 6):
        run_source(context(engine, charts_tracker(), now=NOW + timedelta(hours=hours)),
                   "app_store_charts")
    assert len({r[0] for r in ranks(engine)}) == 2


def test_chart_falls_back_to_the_legacy_feed(web, engine):
    web.get(CHART, status=404)
    web.get(LEGACY, json=load("app_store_charts/legacy_top_free_us.json"))
    ctx = context(engine, charts_tracker())
    result = run_source(ctx, "app_store_charts")
    assert result.status == "ok"
    assert [(r[3], r[5]) for r in ranks(engine)] == [(CLAUDE_IOS, 1), ("6448311069", 2),
                                                     ("389801252", 3)]
    assert "using the legacy feed" in ctx.report.stream.getvalue()


def test_chart_with_both_feeds_down_fails_and_writes_nothing(web, engine):
    web.get(CHART, status=503)
    web.get(LEGACY, status=503)
    result = run_source(context(engine, charts_tracker()), "app_store_charts")
    assert result.status == "failed" and "503" in result.error
    assert ranks(engine) == []


def test_chart_longer_than_100_reads_only_the_legacy_feed(web, engine):
    web.get("https://itunes.apple.com/us/rss/topfreeapplications/limit=150/json",
            json=load("app_store_charts/legacy_top_free_us.json"))
    tracker = make_tracker({}, {"countries": ["us"], "charts": ["top-free"], "limit": 150})
    assert run_source(context(engine, tracker), "app_store_charts").status == "ok"
    assert len(web.calls) == 1


def test_parse_chart_both_formats_agree_on_columns():
    new = app_store_charts.parse_chart(load("app_store_charts/top_free_us.json"))
    old = app_store_charts.parse_chart(load("app_store_charts/legacy_top_free_us.json"))
    assert list(new.columns) == list(old.columns) == ["app_id", "app_name", "rank"]
    assert new.to_dict("records")[1] == {"app_id": CLAUDE_IOS, "app_name": "Claude by Anthropic",
                                         "rank": 2}


def test_google_play_request_asks_for_the_newest_reviews_after_the_token():
    body = unquote(google_play_reviews.review_request(CLAUDE_ANDROID, "tok-2").decode())
    call = json.loads(body.removeprefix("f.req="))
    assert call[0][0][0] == "oCPfdb" and call[0][0][3] == "generic"
    assert json.loads(call[0][0][1]) == [None, [2, 2, [100, None, "tok-2"], None, [None] * 9],
                                         [CLAUDE_ANDROID, 7]]  # sort 2: newest first
    first = json.loads(unquote(google_play_reviews.review_request(CLAUDE_ANDROID).decode())[6:])
    assert json.loads(first[0][0][1])[1][2] == [100]


# --- every source can point anywhere (a mirror, a self-hosted server, a test server) --------

MIRRORS = {  # source -> (the tracker setting, its value, the hosts it stands for)
    "hackernews": ("base_url", "https://hn.mirror.example", ["https://hn.algolia.com"]),
    "reddit": ("base_url", "http://127.0.0.1:8042",
               ["https://www.reddit.com", "https://oauth.reddit.com"]),
    "bluesky": ("service", "https://pds.example.org", ["https://bsky.social"]),
    "mastodon": ("servers", ["http://localhost:3000"], ["https://mastodon.example"]),
    "app_store_reviews": ("base_url", "https://itunes.mirror.example",
                          ["https://itunes.apple.com"]),
    "google_play_reviews": ("base_url", "https://play.mirror.example",
                            ["https://play.google.com"]),
}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=ids)
def test_every_source_reads_from_the_base_url_its_table_sets(scenario, web, engine):
    key, value, hosts = MIRRORS[scenario.source]
    base = value[0] if isinstance(value, list) else value

    def moved(text):
        for host in hosts:
            text = text.replace(host, base)
        return text
    for route in scenario.routes:
        route.add(web, url=moved(route.url),
                  headers={k: moved(v) for k, v in route.headers.items()})
    settings = {**scenario.sources[scenario.source], key: value}
    tracker = make_tracker({scenario.source: settings})
    result = run_source(context(engine, tracker), scenario.source)
    assert (result.status, result.items) == ("ok", scenario.items)
    assert all(c.request.url.startswith(base) for c in web.calls)


def test_charts_read_from_the_base_urls_of_their_table(web, engine):
    web.get(CHART.replace("https://rss.applemarketingtools.com", "https://feeds.example"),
            status=404)
    web.get(LEGACY.replace("https://itunes.apple.com", "http://127.0.0.1:8043"),
            json=load("app_store_charts/legacy_top_free_us.json"))
    tracker = make_tracker({}, {"countries": ["us"], "charts": ["top-free"], "limit": 3,
                                "base_url": "https://feeds.example",
                                "legacy_base_url": "http://127.0.0.1:8043"})
    assert run_source(context(engine, tracker), "app_store_charts").status == "ok"
    assert len(web.calls) == 2


def test_a_private_subreddit_fails_its_units_only(web, engine):
    reddit = SCENARIOS[1]
    reddit.serve(web)
    web.get("https://oauth.reddit.com/r/Secret/search/", status=403)
    tracker = make_tracker({"reddit": {**reddit.sources["reddit"], "subreddits": ["Secret"]}})
    result = run_source(context(engine, tracker), "reddit")
    assert (result.status, result.items) == ("partial", reddit.items)
    assert "r/Secret 'switched to Claude': HTTP 403 from oauth.reddit.com/r/Secret/search/: " \
           "the subreddit is private, quarantined or banned" in result.error
