"""The scheduled workflow's collect step (scripts/collect_job.py): a fork with no secrets
stays green (keyless sources run into a store on the runner's disk, the others are skipped
with their reason) and its job summary says what ran, what was skipped and why; a store
that cannot be opened fails the job with its message, password hidden. The workflow runs
that script with every credential the shipped tracker's sources ask for, and passes
actionlint where it is installed."""
from __future__ import annotations


import pytest
import yaml

from dashboard.collectors.mastodon import token_name
from dashboard.tracker import load_tracker
from scripts.collect_job import run, summary
from tests.helpers import CHART, HN, REVIEWS, ROOT, load, offline_collect

WORKFLOW = ROOT / ".github" / "workflows" / "collect.yml"


@pytest.fixture
def job(tmp_path, monkeypatch, web):
    """The job's environment with no secrets, and the keyless sources' answers."""
    tracker = offline_collect(monkeypatch, tmp_path, "collect.toml", {})[:2]
    web.get(CHART, json=load("app_store_charts/top_free_us.json"))
    web.get(HN, json=load("hackernews/empty.json"))
    web.get(REVIEWS.format(1), json=load("app_store_reviews/page2.json"))
    env = {"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "SINCE": "2d", "SOURCES": ""}
    args = ["--log", str(tmp_path / "log.jsonl"), "--local-store",
            str(tmp_path / "local.sqlite"), *tracker]
    return env, args, tmp_path


def test_a_fork_with_no_secrets_stays_green_and_says_what_was_skipped(job):
    env, args, folder = job
    assert run(args, env) == 0
    text = (folder / "summary.md").read_text()
    assert text.startswith("## Collect: 3 ok, 2 skipped (exit status 0)\n")
    assert "on this runner: no DASHBOARD_DB secret is set, so the workflow keeps this SQLite " \
        "store as the release asset" in text
    assert "| app_store_charts | ok | 3 | 1 of 1 |  |" in text
    assert "| reddit | skipped |  |  | set praw_client_id, praw_client_secret and " \
           "praw_user_agent" in text
    assert "| bluesky | skipped |  |  | set bluesky_handle and bluesky_app_password" in text
    assert (folder / "local.sqlite").exists()
    assert '"event": "source_finished"' in (folder / "log.jsonl").read_text()


def test_a_store_that_cannot_be_opened_fails_the_job_with_its_message(job):
    env, args, folder = job
    env["DASHBOARD_DB"] = "postgresql://collector:s3cret-pw@127.0.0.1:1/store"
    assert run(args, env) == 2
    text = (folder / "summary.md").read_text()
    assert text.startswith("## Collect: nothing ran (exit status 2)")
    assert "error: cannot reach the store postgresql://collector:***@127.0.0.1:1/store" in text
    assert "s3cret-pw" not in text


def test_reasons_cannot_break_the_summary_table():
    log = '{"event": "source_finished", "source": "x", "status": "failed", "items": 0, ' \
          '"new": 0, "units": 2, "done": 1, "reason": "a | b\\nc"}\n'
    assert summary(log, "s", 1).splitlines()[-1] == "| x | ❌ failed | 0 (0 new) | 1 of 2 | " \
                                                    "a \\| b c |"


def test_the_workflow_runs_the_script_with_every_credential_the_sources_ask_for():
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["collect"]["steps"]
    step = next(s for s in steps if s.get("name") == "Collect")
    assert step["run"].startswith("python -m scripts.collect_job")
    servers = load_tracker(ROOT / "data" / "trackers" / "ai-assistants.toml") \
        .sources["mastodon"]["servers"]
    wanted = {"DASHBOARD_DB", "PRAW_CLIENT_ID", "PRAW_CLIENT_SECRET", "PRAW_USER_AGENT",
              "BLUESKY_HANDLE", "BLUESKY_APP_PASSWORD",
              *(token_name(s).upper() for s in servers)}
    assert wanted <= set(step["env"])
