"""Post text can never become markup (quick, headless: AppTest). A store of hostile posts
(reliability/payloads.py: script, img onerror, javascript: links, Markdown links and images,
Streamlit's :red[...] and icons, LaTeX, in text, urls, authors and communities) is opened
on every page and with searches that match the payloads. Post content may reach the page
only inside data tables (drawn as data, never parsed), no other element (Markdown, captions,
metrics, expander labels, chart specs) may carry any of it, and every link column holds
only http(s) URLs. tests/test_browser_hostile.py proves the same in a real Chromium."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.ui import safe_links
from reliability import tally
from reliability.fuzzing import texts
from reliability.payloads import instances
from tests.helpers import ROOT, SEARCHES

PAGES = ["overview", "switching", "ranks", "posts", "sources", "about"]
HOSTILE = re.compile(r"PWN\d|__pwned|data-pwn|javascript:", re.IGNORECASE)
TABLES = {"arrow_data_frame", "arrow_table", "dataframe"}


def walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def run_page(monkeypatch, url: str, page: str, **query) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", url)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.switch_page(f"dashboard/app_pages/{'overview' if page == 'overview' else page}.py")
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def check_page(at: AppTest) -> int:
    """Fails on any post content outside a data table or any non-http link; returns how
    many table cells held a payload (what reached the page, safely)."""
    assert not at.exception
    shown = 0
    for node in walk(at._tree):
        if getattr(node, "type", None) in TABLES:
            frame = node.value
            for col in [c for c in frame.columns if str(c) == "url"]:
                links = frame[col].dropna().astype(str)
                assert links.str.match(r"^https?://").all(), links.tolist()
            shown += sum(bool(HOSTILE.search(str(v))) for v in frame.to_numpy().ravel())
        elif getattr(node, "key", None) == "q":  # the search box holds the reader's words
            continue
        elif getattr(node, "proto", None) is not None:
            leaked = HOSTILE.findall(str(node.proto))
            assert not leaked, f"{node.type} carries post content: {leaked[:3]}"
    return shown


@pytest.mark.parametrize("page", PAGES)
def test_hostile_posts_stay_data_on_every_page(monkeypatch, hostile_url, page):
    with tally.scenario("markup"):
        shown = check_page(run_page(monkeypatch, hostile_url, page))
        tally.record("markup", payloads=shown)
        if page in ("posts", "switching"):
            assert shown, "the hostile posts were on the page (as data)"


@pytest.mark.reliability
@pytest.mark.parametrize("search", SEARCHES)
def test_searches_that_match_the_payloads(monkeypatch, hostile_url, search):
    with tally.scenario("markup"):
        shown = check_page(run_page(monkeypatch, hostile_url, "posts", q=search))
        tally.record("markup", payloads=shown)


@given(st.one_of(texts(6), st.sampled_from([i.value for i in instances()]),
                 st.sampled_from(["https://ok.example/a", "http://x", "HTTPS://x.example",
                                  " https://x.example", "https://x.example\njavascript:1"])))
def test_only_http_urls_become_links(value):
    value = value.encode("utf-8", "replace").decode()  # as a store gives it back: UTF-8
    kept = safe_links(pd.Series([value], dtype=object)).iloc[0]
    assert kept is None or pd.isna(kept) or re.fullmatch(r"https?://\S+", kept)
