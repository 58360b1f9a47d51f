"""`python -m dashboard collect` end to end: per-source run records, exit status, skipped
sources, secrets kept out of every output, progress/quiet/JSON logs, author handles."""
from __future__ import annotations

import io
import json
from datetime import datetime, timezone

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.collectors import runner
from dashboard.collectors.credentials import Credentials
from dashboard.collectors.http import HttpError
from dashboard.collectors.report import Reporter
from dashboard.errors import UserError
from dashboard.write.store import open_store
from tests.helpers import CHART, HN, REVIEWS, load, offline_collect

BLUESKY_LOGIN = "https://bsky.social/xrpc/com.atproto.server.createSession"
PASSWORD = "wxyz-1234-abcd-5678"



@pytest.fixture
def setup(tmp_path, monkeypatch):
    """A tracker file, a store URL, no real credentials and no real sleeping."""
    for name in ("praw_client_id", "praw_client_secret", "praw_user_agent"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return offline_collect(monkeypatch, tmp_path, "collect.toml", ENV)


ENV: dict = {}


@pytest.fixture
def web(web):
    """The replayed HTTP of conftest.py, serving the App Store's chart and reviews."""
    web.get(CHART, json=load("app_store_charts/top_free_us.json"))
    web.get(REVIEWS.format(1), json=load("app_store_reviews/page1.json"))
    web.get(REVIEWS.format(2), json=load("app_store_reviews/page2.json"))
    return web


def runs_of(args) -> pd.DataFrame:
    engine = open_store(args[args.index("--db") + 1])
    return pd.read_sql("SELECT source, status, items, error FROM runs ORDER BY id", engine)


def test_one_failing_source_neither_stops_the_others_nor_hides(setup, web, capsys):
    web.get(HN, status=503)
    code = main(["collect", "--since", "2026-11-01", *setup])
    assert code == 1
    runs = runs_of(setup).set_index("source")
    assert runs.loc["app_store_charts", ["status", "items"]].tolist() == ["ok", 3]
    assert runs.loc["app_store_reviews", ["status", "items"]].tolist() == ["ok", 3]
    assert runs.loc["hackernews", "status"] == "failed"
    assert "HTTP 503 Service Unavailable from hn.algolia.com" in runs.loc["hackernews", "error"]
    assert runs.loc["reddit", "status"] == "skipped"
    assert runs.loc["reddit", "error"].startswith("set praw_client_id, praw_client_secret")
    assert "mastodon" not in runs.index  # not in the tracker: nothing to record
    err = capsys.readouterr().err
    assert "reddit: skipped: set praw_client_id" in err
    assert "new Reddit API keys need Reddit's approval" in err
    assert "hackernews: failed, 0 items" in err
    assert "app_store_reviews: ok, 3 items (3 new)" in err


def test_exit_status_0_when_nothing_failed(setup, web, capsys):
    assert main(["collect", "--sources", "app_store_charts,reddit", *setup]) == 0
    assert runs_of(setup)["status"].tolist() == ["ok", "skipped"]


def test_secrets_are_never_printed_logged_or_stored(setup, web, capsys, monkeypatch):
    monkeypatch.setitem(ENV, "bluesky_handle", "someone.bsky.social")
    monkeypatch.setitem(ENV, "bluesky_app_password", PASSWORD)
    # a server that echoes what it was sent, as some error pages do
    web.post(BLUESKY_LOGIN, status=401, json={"error": "AuthenticationRequired",
                                              "message": f"bad password {PASSWORD}"})
    monkeypatch.setattr("dashboard.collectors.bluesky.Session", echoing_login)
    assert main(["collect", "--sources", "bluesky", "--log-json", *setup]) == 1
    err = capsys.readouterr().err
    runs = runs_of(setup)
    assert runs["status"].tolist() == ["failed"]
    assert PASSWORD not in err and PASSWORD not in runs["error"][0]
    assert "bad password ***" in runs["error"][0]


def echoing_login(ctx):
    """Bluesky's login, but raising with the server's words (which echo the password)."""
    handle, password = ctx.credentials.require("bluesky_handle", "bluesky_app_password")
    response = ctx.http.session.post(BLUESKY_LOGIN, json={"identifier": handle,
                                                          "password": password})
    raise HttpError(f"login refused: {response.json()['message']}", response.status_code)


def test_log_json_writes_one_object_per_event(setup, web, capsys):
    assert main(["collect", "--sources", "app_store_reviews", "--since", "2026-11-01",
                 "--log-json", *setup]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert {"ts", "level", "event", "source"} <= set(lines[0])
    done = [e for e in lines if e["event"] == "source_finished"]
    assert done == [{**done[0], "status": "ok", "items": 3, "new": 3, "error": None}]


def test_quiet_prints_nothing_when_all_is_well(setup, web, capsys):
    assert main(["collect", "--sources", "app_store_charts", "--quiet", *setup]) == 0
    assert capsys.readouterr() == ("", "")


def test_rate_limit_waits_are_shown_retry_waits_only_logged():
    out = io.StringIO()
    report = Reporter(stream=out)
    report.start("hackernews")
    report.wait(12.4, "HTTP 429, retrying", "hn.algolia.com", "rate_limit")
    report.wait(3.1, "DNS lookup failed, retrying", "hn.algolia.com", "retry")
    assert out.getvalue().endswith("hackernews: waiting 12 s for hn.algolia.com "
                                   "(HTTP 429, retrying)\n")
    log = io.StringIO()
    report = Reporter(stream=log, json_lines=True)
    report.wait(3.1, "DNS lookup failed, retrying", "hn.algolia.com", "retry")
    assert json.loads(log.getvalue())["event"] == "retry_wait"


def test_authors_are_pseudonyms_unless_handles_are_kept(setup, web):
    args = ["collect", "--sources", "app_store_reviews", "--since", "2026-11-01", *setup]
    assert main(args) == 0
    engine = open_store(setup[-1])
    authors = pd.read_sql("SELECT author FROM posts", engine)["author"]
    assert authors.str.match(r"^a_[0-9a-f]{12}$").all()
    assert main([*args, "--keep-handles"]) == 0
    authors = pd.read_sql("SELECT author FROM posts", engine)["author"]
    assert "Nightjar77" in authors.tolist()


def test_unknown_source_is_a_user_error(setup, capsys):
    assert main(["collect", "--sources", "reddit,twitter", *setup]) == 2
    assert "unknown twitter" in capsys.readouterr().err
    assert main(["collect", "--sources", "redit", *setup]) == 2
    assert "--sources: unknown redit; did you mean reddit?" in capsys.readouterr().err


@pytest.mark.parametrize("text, expected", [
    ("2026-03-01", datetime(2026, 3, 1, tzinfo=timezone.utc)),
    ("2026-03-01T12:30", datetime(2026, 3, 1, 12, 30, tzinfo=timezone.utc)),
    ("2026-03-01T12:30+02:00", datetime(2026, 3, 1, 10, 30, tzinfo=timezone.utc)),
    ("30d", datetime(2026, 10, 27, 12, tzinfo=timezone.utc)),
])
def test_since_forms(text, expected):
    assert runner.parse_since(text, now=datetime(2026, 11, 26, 12, tzinfo=timezone.utc)) \
        == expected


@pytest.mark.parametrize("text", ["yesterday", "2099-01-01"])
def test_since_rejects_what_it_cannot_use(text):
    with pytest.raises(UserError, match="--since"):
        runner.parse_since(text)


def test_credentials_come_from_env_then_secrets_file(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('bluesky_handle = "me.bsky.social"\npraw_client_id = "from-file"\n')
    creds = Credentials(env={"PRAW_CLIENT_ID": "from-env"}, secrets_file=secrets)
    assert creds.get("praw_client_id") == "from-env"
    assert creds.get("bluesky_handle") == "me.bsky.social"
    assert creds.get("bluesky_app_password") is None
    assert creds.redact("id from-env, handle me.bsky.social") == "id ***, handle ***"


# --- four end states, one summary line per source, exit status --------------------------

def test_every_source_ends_ok_partial_failed_or_skipped_in_one_line_each(setup, web, capsys):
    web.get(HN, json=load("hackernews/empty.json"))  # the first day answers, then 503s
    web.get(HN, status=503)
    assert main(["collect", "--since", "2d", *setup]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in err] == [
        "app_store_charts", "reddit", "hackernews", "bluesky", "app_store_reviews"]
    assert err[2].startswith("hackernews: partial, 0 items (0 new), 1 of 2 units in ")
    assert "1 failed, first 'Claude' from" in err[2] and "HTTP 503" in err[2]
    assert err[3] == "bluesky: skipped: set bluesky_handle and bluesky_app_password " \
                     "(environment or .streamlit/secrets.toml)"
    runs = runs_of(setup).set_index("source")
    assert runs["status"].to_dict() == {
        "app_store_charts": "ok", "reddit": "skipped", "hackernews": "partial",
        "bluesky": "skipped", "app_store_reviews": "ok"}
    assert runs["error"].notna().tolist() == [False, True, True, True, False]


def test_strict_makes_a_skipped_source_a_failure(setup, web):
    args = ["collect", "--sources", "app_store_charts,reddit", *setup]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1


def test_a_source_set_up_with_nothing_to_do_is_skipped_with_the_reason(tmp_path, web, capsys,
                                                                       monkeypatch):
    tracker = tmp_path / "t.toml"
    tracker.write_text('[tracker]\nname = "t"\n[[brands]]\nname = "A"\n'
                       '[sources.hackernews]\nqueries = []\n[sources.app_store_reviews]\n')
    store = f"sqlite:///{tmp_path / 's.sqlite'}"
    offline_collect(monkeypatch, tmp_path, "collect.toml", ENV)
    code = main(["collect", "--sources", "hackernews,app_store_reviews,mastodon",
                 "--tracker", str(tracker), "--db", store])
    assert code == 0
    assert capsys.readouterr().err.splitlines() == [
        "hackernews: skipped: [sources.hackernews] has no queries",
        "app_store_reviews: skipped: no brand has a [brands.app_store] table with its app id",
        "mastodon: skipped: not set up: the tracker has no [sources.mastodon] table"]
    recorded = pd.read_sql("SELECT source, status FROM runs", open_store(store))
    assert recorded.values.tolist() == [["hackernews", "skipped"],
                                        ["app_store_reviews", "skipped"]]


def test_the_sources_chart_shows_all_four_states():
    from dashboard.charts import source_status_chart
    days = pd.DataFrame({"source": ["a", "b", "c", "d"], "date": pd.to_datetime(["2026-03-01"] * 4),
                         "runs": [2, 2, 1, 3], "failed": [0, 1, 1, 0], "partial": [0, 0, 0, 0],
                         "skipped": [0, 0, 0, 3], "items": [5, 2, 0, 0]})
    traces = {t.name: list(t.y) for t in source_status_chart(days).data}
    assert traces == {"ok": ["a"], "partial": ["b"], "failed": ["c"], "skipped": ["d"]}
