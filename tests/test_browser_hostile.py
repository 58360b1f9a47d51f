"""Hostile posts in a real browser: Chromium (Playwright, Debian's /usr/bin/chromium) against
`streamlit run` on a store of hostile posts (reliability/payloads.py).

Every page is visited, the Posts page also with searches that match the payloads, every
expander is opened; then the page is searched for anything that came alive: a set
``window.__pwned``, an injected element (``[data-pwn]``), a link that is not http(s), a
payload marker shown without its own syntax (Markdown or :red[] interpreted), a dialog, or
a request to the address a Markdown image points at. The one-file HTML report of the posts
gets the same treatment. Nothing may come alive. Runs in `make reliability`.
"""
from __future__ import annotations

import urllib.parse

import pytest

from dashboard.files.figures import report_html
from dashboard.read.filters import Filters
from dashboard.read.queries import post_rows
from dashboard.write.store import open_store
from reliability import tally
from reliability.payloads import SINK, detect_js, instances
from tests.helpers import SEARCHES, needs_chromium, settle

pytestmark = [pytest.mark.browser, pytest.mark.reliability, needs_chromium]
VISITS = ["", "switching", "ranks", "compare", "posts", "sources", "about",
          *(f"posts?q={urllib.parse.quote(s)}" for s in SEARCHES)]


@pytest.fixture(scope="module")
def served_store(hostile_url):
    """The store `app_url` (conftest.py) serves: the hostile posts."""
    return hostile_url


class Watch:
    """A fresh tab that notes every dialog and every request to the payloads' sink."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.loads: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.context.route(f"{SINK}/**", lambda r: (self.loads.append(r.request.url),
                                                    r.abort()))

    def executed(self) -> set[str]:
        found = set(self.page.evaluate(detect_js()))
        return found | {f"dialog:{d}" for d in self.dialogs} | \
            {f"load:{u}" for u in self.loads}


def open_expanders(page) -> None:
    for summary in page.locator('[data-testid="stExpander"] summary').all():
        summary.click()
    page.wait_for_timeout(1000)


@pytest.mark.parametrize("visit", VISITS)
def test_no_payload_comes_alive(app_url, browser, visit):
    watch = Watch(browser)
    try:
        with tally.scenario("markup"):
            watch.page.goto(f"{app_url}/{visit}")
            settle(watch.page, plots=0)
            open_expanders(watch.page)
            assert watch.page.locator('[data-testid="stException"]').count() == 0
            found = watch.executed()
            tally.record("markup", payloads=len(instances()), executed=len(found))
            assert found == set(), f"came alive on /{visit}: {sorted(found)}"
    finally:
        watch.context.close()


def test_the_html_report_keeps_payloads_as_text(hostile_url, browser):
    posts = post_rows(open_store(hostile_url), Filters(), limit=1000)
    html = report_html("Posts", [("Search", "<script>alert(1)</script>")], [("Posts", posts)])
    watch = Watch(browser)
    try:
        with tally.scenario("markup"):
            watch.page.set_content(html.decode("utf-8"))
            watch.page.wait_for_timeout(500)
            found = watch.executed()
            tally.record("markup", payloads=len(instances()), executed=len(found))
            assert found == set()
            assert "PWN1" in watch.page.inner_text("body"), "the payloads are there, as text"
    finally:
        watch.context.close()


def test_the_detector_sees_a_payload_that_runs(browser):
    """The checks above can fail: the same payloads, put into a page as markup, are seen."""
    watch = Watch(browser)
    try:
        markup = "".join(i.value for i in instances() if i.field == "text")
        watch.page.set_content(f"<html><body>{markup}</body></html>")
        watch.page.wait_for_timeout(500)
        found = watch.executed()
        assert {"1", "2", "3", "5"} <= found and any(f.startswith("href:") for f in found)
    finally:
        watch.context.close()
