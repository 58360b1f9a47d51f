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
def page():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        yield pg
        browser.close()


def settle(page, plots: int, timeout: float = 90):
    """Wait until the script finished and at least ``plots`` charts are drawn."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count()
        if not running and page.locator(".js-plotly-plot").count() >= plots:
            page.wait_for_timeout(500)
            return
        page.wait_for_timeout(500)
    pytest.fail(f"page did not show {plots} charts in {timeout}s")


def assert_no_errors(page):
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def test_overview_draws_its_charts(app_url, page):
    page.goto(app_url)
    settle(page, plots=3)
    assert_no_errors(page)
    assert "Simulated demo data" in page.inner_text("body")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)


def test_a_link_with_filters_reopens_that_view(app_url, page):
    page.goto(f"{app_url}/overview?brands=ChatGPT&brands=Claude&dates=2026-02-20"
              f"&dates=2026-03-10")
    settle(page, plots=3)
    assert_no_errors(page)
    chips = page.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert "ChatGPT" in chips and "Claude" in chips and "Gemini" not in chips
    legend = page.locator(".js-plotly-plot").first.inner_text()
    assert "Gemini" not in legend and "Claude" in legend
    assert "brands=ChatGPT" in page.url
