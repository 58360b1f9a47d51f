"""A real browser: Playwright drives Debian's Chromium against `streamlit run`.

Skips, saying why, where /usr/bin/chromium is absent. Screenshots land in
screenshots/ (git-ignored) for a human to look at.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "screenshots"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason=f"{CHROMIUM} not installed (apt-get install chromium)")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(demo_url):
    port = _free_port()
    env = os.environ | {"DASHBOARD_DB": demo_url, "STREAMLIT_SERVER_HEADLESS": "true",
                        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
                             "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit run did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh tab per test, so no test inherits another's open menus or state."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context.new_page()
    context.close()


def settle(page, plots: int, timeout: float = 90):
    """Wait until the script finished, ``plots`` charts are drawn and the page stopped
    changing for two seconds."""
    deadline, last, since = time.time() + timeout, None, time.time()
    while time.time() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count()
        drawn = page.locator(".js-plotly-plot").count()
        state = (running, drawn, len(page.inner_text("body")))
        if state != last:
            last, since = state, time.time()
        elif not running and drawn >= plots and time.time() - since >= 2:
            return
        page.wait_for_timeout(250)
    pytest.fail(f"page did not settle with {plots} charts in {timeout}s")


def assert_no_errors(page):
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


PAGES = {"": 3, "switching": 3, "ranks": 2, "posts": 0, "sources": 1, "about": 0}


@pytest.mark.parametrize("page_name, plots", PAGES.items())
def test_every_page_draws_without_errors(app_url, page, page_name, plots):
    page.goto(f"{app_url}/{page_name}")
    settle(page, plots=plots)
    assert_no_errors(page)
    assert "Simulated demo data" in page.inner_text("body")
    if page_name == "posts":
        assert page.locator('[data-testid="stDataFrame"]').count() >= 1
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{page_name or 'overview'}.png"), full_page=True)


def test_a_link_with_filters_reopens_that_view(app_url, page):
    page.goto(f"{app_url}/?brands=ChatGPT&brands=Claude&dates=2026-02-20"
              f"&dates=2026-03-10")
    settle(page, plots=3)
    assert_no_errors(page)
    chips = page.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert "ChatGPT" in chips and "Claude" in chips and "Gemini" not in chips
    legend = page.locator(".js-plotly-plot").first.inner_text()
    assert "Gemini" not in legend and "Claude" in legend
    assert "brands=ChatGPT" in page.url


def test_filters_follow_the_reader_to_another_page(app_url, page):
    page.goto(f"{app_url}/?brands=ChatGPT&brands=Claude")
    settle(page, plots=3)
    page.locator('[data-testid="stSidebarNavLink"]', has_text="Switching").click()
    settle(page, plots=3)
    assert "/switching" in page.url and "brands=Claude" in page.url
    chips = page.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert "Gemini" not in chips


def test_clicking_a_day_opens_its_posts(app_url, page):
    page.goto(f"{app_url}/?brands=ChatGPT&dates=2026-02-20&dates=2026-03-10")
    settle(page, plots=3)
    point = page.locator(".js-plotly-plot").first.locator(".scatterlayer .points path").nth(10)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_role("heading", name="Posts").wait_for(timeout=30_000)
    settle(page, plots=0)
    picked = "".join(page.locator('[data-testid="stDateInput"]').last.inner_text().split())
    assert picked.endswith("2026/03/02")
    assert "day=2026-03-02" in page.url and "brands=ChatGPT" in page.url
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1
