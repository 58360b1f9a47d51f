"""Contract tests: each parser (and, where the recording allows, its fetch-and-page loop) on
real recorded traffic in ../shared/fixtures (see PROVENANCE.md there). The recordings are
read in place, never copied; every test skips with a reason when ../shared is absent."""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import datetime, timezone

import pandas as pd
import pytest
import responses
import yaml

from dashboard.collectors import bluesky, google_play_reviews, hackernews, mastodon, reddit
from dashboard.collectors.base import walk
from dashboard.collectors.credentials import Credentials
from dashboard.collectors.http import Http
from dashboard.collectors.runner import make_context, run_source
from dashboard.tracker import parse_tracker
from dashboard.write.store import count_posts
from tests.helpers import shared

# headers describing the recorded bytes, not the stored text (bodies are stored decoded)
DROP = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass
class Interaction:
    method: str
    uri: str
    status: int
    headers: dict
    body: str

    def json(self):
        return json.loads(self.body)


def cassette(*parts: str) -> list[Interaction]:
    """The interactions of a betamax (JSON), vcrpy, Ruby VCR or R vcr (YAML) cassette."""
    path = shared("fixtures", *parts)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    out = []
    for i in data.get("interactions") or data["http_interactions"]:
        req, res = i["request"], i["response"]
        status = res["status"]["code"] if isinstance(res["status"], dict) else res["status"]
        headers = {k: v[0] if isinstance(v, list) else v
                   for k, v in (res.get("headers") or {}).items() if k.lower() not in DROP}
        out.append(Interaction(req["method"], req["uri"], int(status), headers,
                               res["body"]["string"]))
    return out


def gets(*parts: str) -> list[Interaction]:
    return [i for i in cassette(*parts) if i.method == "GET"]


def context(engine, tracker_sources: dict, since: datetime):
    tracker = parse_tracker({"tracker": {"name": "contract"}, "brands": [{"name": "Claude"}],
                             "sources": tracker_sources})
    return make_context(engine, tracker, http=Http(sleep=lambda s: None), since=since,
                        stream=io.StringIO(),
                        credentials=Credentials(env={
                            "praw_client_id": "contract-id", "praw_client_secret": "contract-x",
                            "praw_user_agent": "test:contract:0.1 (by u/tester)"},
                            secrets_file=None))


def well_formed(frame: pd.DataFrame, source: str) -> None:
    """What every parsed frame promises the store."""
    assert (frame["source"] == source).all()
    assert frame["source_id"].is_unique and (frame["source_id"].str.len() > 0).all()
    assert frame["created_at"].notna().all()
    assert str(frame["created_at"].dt.tz) == "UTC"
    assert (frame["text"].str.strip() != "").all()


# --- Reddit (praw betamax cassettes) --------------------------------------------------------

@pytest.mark.parametrize("parts, kind, count, after", [
    (("reddit", "TestSubreddit.test_search.json"), "t3", 6, None),
    (("reddit", "asyncpraw", "TestSubreddit.test_search.json"), "t3", 31, None),
    (("reddit", "asyncpraw_16d2ea58", "TestSubreddit.test_search.json"), "t3", 0, None),
    (("reddit", "TestSubredditListings.test_new.json"), "t3", 100, "t3_48f6io"),
    (("reddit", "TestSubredditListings.test_comments.json"), "t1", 100, "t1_d4y8a9e"),
])
def test_reddit_listings(parts, kind, count, after):
    body = gets(*parts)[0].json()
    frame = reddit.parse_reddit(body)
    live = [c for c in body["data"]["children"]
            if (c["data"].get("title") or c["data"].get("body")) not in (None, "[deleted]",
                                                                        "[removed]")]
    assert len(frame) == len(live) and len(body["data"]["children"]) == count
    assert reddit.next_after(body) == after
    if count:
        well_formed(frame, "reddit")
        assert frame["source_id"].str.startswith(f"{kind}_").all()
        assert frame["url"].str.startswith("https://www.reddit.com/").all()


def test_reddit_2016_comments_get_a_working_url_without_a_permalink():
    body = gets("reddit", "TestSubredditListings.test_comments.json")[0].json()
    first = body["data"]["children"][0]["data"]
    assert "permalink" not in first
    row = reddit.parse_reddit(body).iloc[0]
    assert row["url"] == (f"https://www.reddit.com/comments/{first['link_id'][3:]}/_/"
                          f"{first['id']}/")
    assert row["created_at"] == pd.Timestamp(first["created_utc"], unit="s", tz="UTC")


def test_reddit_modern_comment_pages():
    pages = gets("reddit", "TestSubredditStreams.test_comments__with_continue_after_id.json")
    frames = [reddit.parse_reddit(p.json()) for p in pages]
    assert [len(p.json()["data"]["children"]) for p in pages] == [100, 95]
    for frame in frames:
        well_formed(frame, "reddit")
    assert frames[0]["url"].str.contains("/comments/").all()


@pytest.mark.parametrize("name", ["TestSubmission.test_comments.json",
                                  "TestSubreddit.test_submit__url_selftext.json"])
def test_reddit_comment_trees(name):
    body = gets("reddit", name)[-1].json()
    assert isinstance(body, list) and len(body) == 2
    frame = reddit.parse_reddit(body)
    well_formed(frame, "reddit")
    top_level = [c for c in body[1]["data"]["children"] if c["kind"] == "t1"
                 and c["data"]["body"] not in ("[deleted]", "[removed]")]
    assert frame["source_id"].tolist()[0].startswith("t3_")
    assert len(frame) == 1 + len(top_level)


def test_reddit_replayed_through_praw(engine):
    """The 2020 site-wide search, served to praw itself: token, then the listing."""
    token, search = cassette("reddit", "asyncpraw", "TestSubreddit.test_search.json")
    with responses.RequestsMock() as web:
        web.post("https://www.reddit.com/api/v1/access_token", body=token.body,
                 content_type="application/json")
        web.get("https://oauth.reddit.com/r/all/search/", body=search.body,
                content_type="application/json")
        ctx = context(engine, {"reddit": {"queries": ["praw oauth search"]}},
                      since=datetime(2010, 1, 1, tzinfo=timezone.utc))
        result = run_source(ctx, "reddit")
    assert result.status == "ok"
    assert count_posts(engine, "reddit") == len(reddit.parse_reddit(search.json())) > 20


# --- Mastodon (Mastodon.py vcrpy cassettes) -------------------------------------------------

def test_mastodon_hashtag_timeline():
    page = next(i for i in gets("mastodon", "test_hashtag_tl.yaml") if "/timelines/tag/" in i.uri)
    frame = mastodon.parse_mastodon(page.json())
    well_formed(frame, "mastodon")
    assert len(frame) == len(page.json())
    assert frame["author"].str.endswith("@localhost:3000").all()
    assert mastodon.next_link(page.headers["link"]).endswith("?max_id=117020593741189701")


def test_mastodon_timeline_paged_through_link_headers_to_the_end(engine):
    pages = [i for i in gets("mastodon", "test_pagination_iterator.yaml")
             if "/timelines/tag/" in i.uri]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as web:
        for page in {p.uri: p for p in pages}.values():
            web.get(page.uri, body=page.body, headers=page.headers)
        ctx = context(engine, {}, since=datetime(2010, 1, 1, tzinfo=timezone.utc))
        frame = walk(ctx, lambda url: mastodon.fetch_hashtag(ctx.http, url, {}),
                     lambda raw: mastodon.parse_mastodon(raw[0]), lambda raw: raw[1],
                     cursor=pages[0].uri)
        assert len(web.calls) == 4  # 10, 10, 10, then [] without a Link header
    assert len(frame) == 30
    well_formed(frame, "mastodon")


def test_mastodon_search_on_a_public_server():
    result = gets("mastodon", "test_entity_searchv2.yaml")[-1]
    frame = mastodon.parse_search(result.json())
    well_formed(frame, "mastodon")
    statuses = result.json()["statuses"]
    assert len(frame) == len(statuses) == 2
    # federated posts: the author's home server, not the one searched
    assert frame["author"].tolist() == [
        f"{s['account']['username']}@{s['account']['acct'].split('@')[1]}" for s in statuses]
    assert (frame["community"] != "mastodon.social").all()
    history = mastodon.parse_tag_history(result.json()["hashtags"][0])
    assert len(history) == 7 and history["uses"].dtype.kind == "i"


def test_mastodon_empty_search():
    empty = gets("mastodon", "test_search.yaml")[-1]
    assert mastodon.parse_search(empty.json()).empty
    assert mastodon.search_cursor(empty.json()) is None


# --- Bluesky (bskyr R vcr cassette) ---------------------------------------------------------

def test_bluesky_search_posts():
    page = cassette("bluesky", "f_search.yml")[0]
    frame = bluesky.parse_bluesky(page.json())
    well_formed(frame, "bluesky")
    assert len(frame) == 25 and bluesky.next_cursor(page.json()) == "25"
    assert frame["url"].str.match(r"^https://bsky\.app/profile/[^/]+/post/\w+$").all()
    assert frame["source_id"].str.startswith("at://did:").all()


def test_bluesky_rate_limit_headers_are_read():
    from requests.structures import CaseInsensitiveDict

    from dashboard.collectors.http import header
    headers = CaseInsensitiveDict(cassette("bluesky", "f_search.yml")[0].headers)
    assert header(headers, "ratelimit-remaining") == "2983"


# --- Hacker News (hiringtrends Ruby VCR cassette) -------------------------------------------

def test_hackernews_pages_parse():
    pages = cassette("hackernews", "returns_the_correct_result.yml")
    frames = [hackernews.parse_hackernews(p.json()) for p in pages]
    assert [len(f) for f in frames] == [20] * 7 + [12, 0]
    for frame in frames[:-1]:
        well_formed(frame, "hackernews")
    assert frames[0]["engagement"].notna().all()  # stories carry points


def test_hackernews_walk_stops_at_the_last_page(engine):
    pages = cassette("hackernews", "returns_the_correct_result.yml")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as web:
        for n, page in enumerate(pages):
            web.get(hackernews.API, body=page.body, content_type="application/json",
                    match=[responses.matchers.query_param_matcher({"page": str(n)},
                                                                   strict_match=False)])
        ctx = context(engine, {}, since=datetime(2010, 1, 1, tzinfo=timezone.utc))
        frame = walk(ctx, lambda n: hackernews.fetch_hackernews(
            ctx.http, "hiring", pd.Timestamp("2010-01-01", tz="UTC"),
            pd.Timestamp("2026-01-01", tz="UTC"), n), hackernews.parse_hackernews,
            hackernews.next_page, cursor=0)
        assert len(web.calls) == 8  # nbPages says 8: the empty 9th is never asked for
    assert len(frame) == pages[0].json()["nbHits"] == 152


# --- Google Play (google-play-scraper raw batchexecute bodies) ------------------------------

def play_body(name: str) -> str:
    return shared("fixtures", "google_play", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["translate-initial.txt", "translate-page2.txt"])
def test_google_play_review_pages(name):
    raw = play_body(name)
    frame = google_play_reviews.parse_google_play(raw, "com.google.android.apps.translate", "en")
    well_formed(frame, "google_play_reviews")
    assert 140 <= len(frame) <= 150  # 150 reviews, less any without text
    assert frame["rating"].between(1, 5).all()
    assert frame["app_version"].notna().sum() > 50
    token = google_play_reviews.next_token(raw)
    assert isinstance(token, str) and len(token) > 100


def test_google_play_pages_follow_the_token_back_to_the_cutoff(engine):
    first, second = play_body("translate-initial.txt"), play_body("translate-page2.txt")
    token = google_play_reviews.next_token(first)
    url = "https://play.google.com/_/PlayStoreUi/data/batchexecute"
    with responses.RequestsMock() as web:
        web.post(url, body=second, match=[lambda r: (token in r.body.decode(), "token")])
        web.post(url, body=first)
        ctx = context(engine, {}, since=datetime(2026, 6, 28, tzinfo=timezone.utc))
        frame = walk(ctx, lambda t: google_play_reviews.fetch_google_play(
            ctx.http, "com.google.android.apps.translate", "us", "en", t),
            lambda raw: google_play_reviews.parse_google_play(raw, "x", "en"),
            google_play_reviews.next_token,
            older_than=pd.Timestamp("2026-06-28", tz="UTC"))
        assert len(web.calls) == 2  # the second page reaches back past the cutoff
    assert frame["created_at"].min() >= pd.Timestamp("2026-06-28", tz="UTC")
    assert len(frame) > 150
