"""One story, counted once (issue 11): a post repeating the outside link or the words of a
post from the three days before it is a copy (dashboard/stories.py). Copies are in no daily
figure, spike or list, except beside their story on the Posts page and marked in the posts
export. Importing the same posts again, or the same story from another source, leaves the
figures as they were; the copies are the same whatever order posts arrive in, and after a
post moves, changes or is deleted; an older store finds its copies when it is upgraded, and
a store whose copies were found by other rules finds them again when opened; on PostgreSQL
writers storing one story at once count it once. On SQLite and PostgreSQL."""
from __future__ import annotations

import threading
from datetime import timedelta

import pandas as pd
import pytest
from sqlalchemy import delete, func, select, text, update

from dashboard import stories
from dashboard.cli import main
from dashboard.read import metrics, queries
from dashboard.read.daily import daily_table
from dashboard.read.filters import Filters
from dashboard.scoring import Scorer
from dashboard.stories import copy_of, link_key, wording_key
from dashboard.vocabulary import LEAVING_KINDS
from dashboard.write import copies, migrations, rollup
from dashboard.write.schema import posts
from dashboard.write.snapshot import write_snapshot
from dashboard.write.store import get_meta, open_store, write_posts
from tests.helpers import app_page, assert_settled, copied, make_old

T0 = pd.Timestamp("2026-03-02 09:00")
ARTICLE = "https://www.example-news.test/2026/03/02/assistant-maker-signs-defense-deal"


def post(source: str, sid: str, hours: float, words: str, url: str | None = None,
         community: str | None = None) -> dict:
    return {"source": source, "source_id": sid, "created_at": T0 + pd.Timedelta(hours=hours),
            "text": words, "url": url, "community": community}


# two stories told five times, and posts that tell their own
LINKED = [  # one article shared three times, each with its own title
    post("reddit", "r1", 0, "OpenAI signs a defense deal, details inside the article",
         ARTICLE + "?utm_source=share&utm_medium=android", "technology"),
    post("hackernews", "h1", 2, "OpenAI's defense deal",
         "http://example-news.test/2026/03/02/assistant-maker-signs-defense-deal/"),
    post("reddit", "r2", 5, "Crossposting: I am cancelling ChatGPT over this deal", ARTICLE,
         "OpenAI"),
]
PASTED = [  # one rant pasted on two networks
    post("bluesky", "b1", 1, "Cancelled my ChatGPT Plus this morning, moving everything to "
         "Claude."),
    post("mastodon", "m1", 3, "cancelled my ChatGPT plus this morning -- moving everything to "
         "Claude!! https://bsky.app/profile/someone/post/3k"),
]
OWN = [  # same brands, same day, their own words (or too few words to tell apart)
    post("reddit", "r3", 4, "Deleted my ChatGPT account after two years, no regrets at all"),
    post("bluesky", "b2", 6, "Gemini handled my spreadsheet questions better than expected"),
    post("mastodon", "m2", 7, "Left ChatGPT"),
    post("hackernews", "h2", 8, "Left ChatGPT"),
]
FIRSTS = [LINKED[0], PASTED[0], *OWN]
TOLD = FIRSTS[:4]  # the first posts with a story key (a link, or six words or more)


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).assign(created_at=lambda f: f["created_at"].dt.tz_localize("UTC"))


def store(url: str, tracker, *batches: list[dict]):
    engine = open_store(url)
    for rows in batches:
        write_posts(engine, Scorer(tracker).score_frame(frame(rows)))
    return engine


# --- what counts as the same story ------------------------------------------------------

def test_a_link_is_the_same_link_whatever_the_scheme_www_tracking_or_trailing_slash():
    same = {link_key(u) for u in (
        ARTICLE, ARTICLE + "/", ARTICLE.replace("https://www.", "http://"),
        ARTICLE.replace("www.", "m.") + "?utm_campaign=x&fbclid=y#comments",
        ARTICLE.replace("https://www.example-news.test", "HTTPS://WWW.Example-News.TEST"))}
    assert len(same) == 1 and None not in same
    assert link_key(ARTICLE + "?page=2&lang=en") == link_key(ARTICLE + "?lang=en&page=2") \
        != link_key(ARTICLE)
    assert link_key(ARTICLE.replace("deal", "talks")) not in same
    assert link_key("https://www.apple.com/newsroom/2026/03/a-story/") is not None


@pytest.mark.parametrize("own", [
    "https://www.reddit.com/r/ChatGPT/comments/1abcde/cancelled_today/",  # a post's address
    "https://old.reddit.com/r/ChatGPT/", "https://redd.it/1abcde",
    "https://news.ycombinator.com/item?id=43210987",
    "https://bsky.app/profile/someone.bsky.social/post/3kabc",
    "https://itunes.apple.com/us/review?id=6473753684&type=Purple%20Software",  # every review
    "https://apps.apple.com/us/app/claude-by-anthropic/id6473753684",
    "https://play.google.com/store/apps/details?id=com.anthropic.claude",
    "https://example-news.test/", "https://example-news.test",  # a home page
    "ftp://example-news.test/file", "not a link", "http://[broken/x", None])
def test_links_into_the_sources_own_sites_or_to_no_page_are_no_story(own):
    assert link_key(own) is None


def test_words_are_the_same_words_whatever_the_case_punctuation_spacing_or_links():
    a = wording_key("Cancelled my ChatGPT Plus this morning, moving everything to Claude.")
    assert a is not None and a == wording_key(
        "  CANCELLED my ChatGPT plus this morning -- moving everything to claude!! "
        "https://bsky.app/x www.example-news.test/y")
    assert a == wording_key("Cancelled my ＣｈａｔＧＰＴ Plus this morning, moving everything "
                            "to Claude")  # full-width letters: NFKC
    assert a != wording_key("Cancelled my ChatGPT Plus this evening, moving everything to "
                            "Claude.")
    assert wording_key("Cancelled ChatGPT, moving to Claude") is None  # five words: too common
    assert wording_key("") is None and wording_key(None) is None


def test_a_post_with_an_outside_link_is_keyed_by_it_others_by_their_words():
    stray = dict(OWN[0], source_id="r9")  # dated where its source could not have posted it
    keys = stories.story_keys(pd.DataFrame(LINKED + PASTED + OWN + [stray]).assign(
        implausible_time=[False] * 9 + [True]))
    assert keys[0] == keys[1] == keys[2] == link_key(ARTICLE)
    assert keys[3] == keys[4] == wording_key(PASTED[0]["text"])
    assert None not in (keys[5], keys[6]) and len({keys[0], keys[3], keys[5], keys[6]}) == 4
    assert keys[7] is None and keys[8] is None  # "Left ChatGPT": two words tell no story
    assert keys[9] is None  # an implausible time: counted nowhere, copied by nothing


def test_a_copy_points_at_the_earliest_post_of_its_story_in_the_window_before_it():
    day = pd.Timedelta(days=1)
    rows = pd.DataFrame({  # one wording on days 0, 2, 4 and 8; a tie in time on day 0
        "id": [1, 2, 3, 4, 5], "story_key": ["w:a"] * 5,
        "created_at": [T0, T0, T0 + 2 * day, T0 + 4 * day, T0 + 8 * day],
        "source": ["reddit", "bluesky", "reddit", "reddit", "reddit"],
        "source_id": ["x", "y", "z", "v", "w"]})
    expected = [2, None, 2, 3, None]  # bluesky sorts first at the same time; day 8 is new
    assert copy_of(rows).tolist() == expected
    assert copy_of(rows.iloc[::-1]).tolist() == expected[::-1]  # whatever order they come in


# --- the figures count each story once --------------------------------------------------

def test_reposts_count_once_in_every_daily_figure(store_url, tracker, tmp_path, monkeypatch):
    engine = store(store_url, tracker, LINKED + PASTED + OWN)
    assert copied(engine) == {"r1": None, "h1": "r1", "r2": "r1", "b1": None, "m1": "b1",
                              "r3": None, "b2": None, "m2": None, "h2": None}
    only_firsts = store(f"sqlite:///{tmp_path / 'firsts.sqlite'}", tracker, FIRSTS)
    for hourly in (False, True):  # the rollup, and the raw rows of an hourly view
        pd.testing.assert_frame_equal(daily_table(engine, tracker, hourly=hourly),
                                      daily_table(only_firsts, tracker, hourly=hourly))
    leaving = daily_table(engine, tracker).set_index("brand").loc["ChatGPT", "leaving"]
    with engine.connect() as conn:  # the pasted rant and the crossposted title: twice more
        stored = conn.execute(select(func.count()).where(
            posts.c.switch_from == "ChatGPT", posts.c.switch_kind.in_(LEAVING_KINDS))).scalar()
    assert leaving.sum() == stored - 2 > 0
    assert queries.store_overview(engine)["posts"] == len(FIRSTS)
    monkeypatch.setattr(rollup, "is_current", lambda conn: False)  # the raw rows agree
    pd.testing.assert_frame_equal(daily_table(engine, tracker),
                                  daily_table(only_firsts, tracker))
    assert queries.store_overview(engine)["posts"] == len(FIRSTS)
    assert queries.switch_flows(engine, Filters())["posts"].sum() == \
        queries.switch_flows(only_firsts, Filters())["posts"].sum()


def test_a_story_reposted_all_day_is_no_spike(engine, tracker):
    usual = [post("reddit", f"u{d}-{i}", -24 * d + i, f"Day {d}, note {i}: ChatGPT wrote my "
                  f"cover letter draft {d * 10 + i}") for d in range(1, 15) for i in range(4)]
    storm = [post(source, f"s{i}", i / 4, "Everyone should read why I am quitting ChatGPT "
                  "today", community=f"sub{i}")
             for i, source in enumerate(["reddit", "bluesky", "mastodon", "hackernews"] * 10)]
    write_posts(engine, Scorer(tracker).score_frame(frame(usual + storm)))
    daily = daily_table(engine, tracker, Filters(brands=("ChatGPT",)))
    assert metrics.spikes(daily).empty
    news = [post("reddit", f"n{i}", i / 4, f"Reader {i} writes: ChatGPT lost my whole project "
                 f"history, ticket {1000 + i}") for i in range(40)]
    write_posts(engine, Scorer(tracker).score_frame(frame(news)))
    spiked = metrics.spikes(daily_table(engine, tracker, Filters(brands=("ChatGPT",))))
    assert len(spiked) == 1 and spiked["posts"].iloc[0] == 41  # the storm once, and the news


def test_a_story_back_after_three_quiet_days_counts_again(store_url, tracker):
    words = "Cancelled my ChatGPT Plus this morning, moving everything to Claude."
    engine = store(store_url, tracker, [post("reddit", f"p{d}", 24 * d, words)
                                        for d in (0, 2, 4, 8)])
    assert copied(engine) == {"p0": None, "p2": "p0", "p4": "p2", "p8": None}
    listed = queries.post_rows(engine, Filters(), order="oldest")
    assert listed["copies"].tolist() == [2, 0]  # the copy of a copy is the story's too
    assert queries.story_copies(engine, listed["id"].tolist())["text"].tolist() == [words] * 2


# --- whatever order posts arrive in ------------------------------------------------------

BATCHES = [[LINKED[2], PASTED[1], OWN[0]], [LINKED[1], OWN[1], OWN[2]],
           [LINKED[0], PASTED[0], OWN[3]]]


def test_the_copies_and_figures_do_not_depend_on_the_order_posts_arrive_in(store_url,
                                                                           tracker):
    engine, seen = open_store(store_url), []
    for order in ((0, 1, 2), (2, 1, 0), (1, 2, 0), (1, 0, 2)):
        with engine.begin() as conn:  # by hand: what it leaves is settled by the next write
            conn.execute(delete(posts))
        for i in order:
            write_posts(engine, Scorer(tracker).score_frame(frame(BATCHES[i])))
        assert_settled(engine)
        seen.append((copied(engine), daily_table(engine, tracker)))
    for copies_seen, daily in seen[1:]:
        assert copies_seen == seen[0][0]
        pd.testing.assert_frame_equal(daily, seen[0][1])


def test_importing_again_or_from_another_source_leaves_the_figures_as_they_were(
        store_url, tmp_path):
    first = tmp_path / "first.csv"
    pd.DataFrame(TOLD).rename(columns={"source_id": "id"}).drop(columns="source").to_csv(
        first, index=False)
    again = tmp_path / "again.csv"  # the same stories an hour later on a forum
    pd.DataFrame(TOLD).assign(created_at=lambda f: f["created_at"] + pd.Timedelta(hours=1),
                                source_id=lambda f: "f-" + f["source_id"]).rename(
        columns={"source_id": "id"}).drop(columns="source").to_csv(again, index=False)

    def daily() -> pd.DataFrame:
        out = tmp_path / "daily.csv"
        assert main(["export", "--table", "daily", "-o", str(out), "--db", store_url,
                     "--quiet"]) == 0
        return pd.read_csv(out)
    assert main(["import", str(first), "--source", "reddit", "--db", store_url,
                 "--quiet"]) == 0
    before = daily()
    assert before["posts"].sum() > 0
    for path, source in ((first, "reddit"), (again, "forum")):
        assert main(["import", str(path), "--source", source, "--db", store_url,
                     "--quiet"]) == 0
        pd.testing.assert_frame_equal(daily(), before)

    out = tmp_path / "posts.csv"  # the export keeps every row and marks the copies
    assert main(["export", "--table", "posts", "-o", str(out), "--db", store_url,
                 "--quiet"]) == 0
    exported = pd.read_csv(out).set_index("source_id")
    assert len(exported) == 2 * len(TOLD)
    assert exported.loc[[f"f-{p['source_id']}" for p in TOLD], "copy_of"].tolist() == \
        [f"reddit:{p['source_id']}" for p in TOLD]
    assert exported["copy_of"].notna().sum() == len(TOLD)


def test_moving_rewording_or_deleting_a_first_post_settles_its_copies(store_url, tracker):
    engine = store(store_url, tracker, LINKED + PASTED + OWN)
    moved = dict(LINKED[0], created_at=T0 + pd.Timedelta(days=4))  # r1 now comes last
    reworded = dict(PASTED[0], text="Staying with ChatGPT for now, the new voice mode is good")
    write_posts(engine, Scorer(tracker).score_frame(frame([moved, reworded])))
    assert copied(engine) == {"r1": None, "h1": None, "r2": "h1", "b1": None,
                                   "m1": None, "r3": None, "b2": None, "m2": None, "h2": None}
    assert_settled(engine)
    with engine.begin() as conn:  # by hand: h1 goes; r2 tells the story first now
        conn.execute(delete(posts).where(posts.c.source_id == "h1"))
    write_posts(engine, Scorer(tracker).score_frame(frame([OWN[0]])))  # any write settles
    assert copied(engine)["r2"] is None
    assert_settled(engine)


# --- stores made before, and rules changed ------------------------------------------------

def test_a_store_made_before_stories_finds_its_copies_when_upgraded(store_url, tracker):
    engine = store(store_url, tracker, LINKED + PASTED + OWN)
    found, daily = copied(engine), daily_table(engine, tracker)
    with engine.begin() as conn:
        make_old(conn, 6)
    engine.dispose()
    engine = open_store(store_url)
    assert get_meta(engine, "schema_version") == str(migrations.SCHEMA_VERSION)
    assert copied(engine) == found
    pd.testing.assert_frame_equal(daily_table(engine, tracker), daily)
    assert_settled(engine)
    with engine.begin() as conn:  # stamped older by hand with the columns in place: the
        conn.execute(text("UPDATE meta SET value = '6' WHERE key = 'schema_version'"))
        conn.execute(update(posts).values(duplicate_of=None))  # step still finishes
    engine.dispose()
    engine = open_store(store_url)
    assert copied(engine) == found  # the rollup waits for the next write: the raw rows agree
    pd.testing.assert_frame_equal(daily_table(engine, tracker), daily)


def test_other_rules_find_the_copies_again_when_the_store_is_opened(store_url, tracker,
                                                                   monkeypatch):
    words = "Cancelled my ChatGPT Plus this morning, moving everything to Claude."
    engine = store(store_url, tracker, [post("reddit", f"p{d}", 24 * d, words)
                                        for d in (0, 2, 4, 8)])
    assert queries.store_overview(engine)["posts"] == 2
    monkeypatch.setattr(stories, "WINDOW", timedelta(days=1))  # this code's rules now
    engine = open_store(store_url)
    assert queries.store_overview(engine)["posts"] == 4
    assert_settled(engine)
    assert not copies.ensure_definition(engine)  # found by these rules: nothing to do


# --- writers at once, copies of a store ---------------------------------------------------

@pytest.mark.postgres
def test_writers_storing_one_story_at_once_count_it_once(pg_url, tracker):
    engine, writers, rounds = open_store(pg_url), 4, 4
    scorer = Scorer(tracker)
    for r in range(rounds):
        frames = [scorer.score_frame(frame([post(f"source{i}", f"{r}", 24 * r + i / 60,
                                                 f"Round {r}: everyone is cancelling ChatGPT "
                                                 "today, here is why")]))
                  for i in range(writers)]
        start = threading.Barrier(writers)
        errors = []

        def write(f):
            start.wait()
            try:
                write_posts(engine, f)
            except Exception as e:  # reported below, with the thread's error
                errors.append(e)
        threads = [threading.Thread(target=write, args=(f,)) for f in frames]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert errors == []
    assert queries.store_overview(engine)["posts"] == rounds
    assert_settled(engine)


def test_a_snapshot_keeps_the_copies(store_url, tracker, tmp_path):
    engine = store(store_url, tracker, LINKED + PASTED + OWN)
    write_snapshot(engine, tmp_path / "copy.sqlite")
    copy = open_store(f"sqlite:///{tmp_path / 'copy.sqlite'}")
    assert copied(copy) == copied(engine)
    pd.testing.assert_frame_equal(daily_table(copy, tracker), daily_table(engine, tracker))
    assert_settled(copy)


# --- the Posts page -----------------------------------------------------------------------

def test_the_posts_page_lists_each_story_once_with_its_copies(monkeypatch, tmp_path, tracker):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store(url, tracker, LINKED + PASTED + OWN)
    at = app_page(monkeypatch, url, "posts", dates=["2026-03-02", "2026-03-02"])
    listed = at.dataframe[0].value.set_index("text")
    assert len(listed) == len(FIRSTS)
    assert listed.loc[LINKED[0]["text"], "copies"] == 2
    assert listed.loc[PASTED[0]["text"], "copies"] == 1
    assert "2 stories above that were posted more than once (3 copies)" in at.expander[0].label
    shown = at.dataframe[1].value
    assert sorted(shown["text"]) == sorted(p["text"] for p in (*LINKED[1:], PASTED[1]))
    assert set(shown["story_text"]) == {LINKED[0]["text"], PASTED[0]["text"]}
