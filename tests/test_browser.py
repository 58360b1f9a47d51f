"""A real browser: Playwright drives Debian's Chromium against `streamlit run`.

Skips, saying why, where /usr/bin/chromium is absent. Screenshots land in
screenshots/ (git-ignored) for a human to look at.
"""
import pytest

from tests.helpers import ROOT, needs_chromium, settle, streamlit_server

SHOTS = ROOT / "screenshots"

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def served_store(demo_url):
    """The store `app_url` (conftest.py) serves: the demo."""
    return demo_url


@pytest.fixture
def page(browser):
    """A fresh tab per test, so no test inherits another's open menus or state."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context.new_page()
    context.close()


def assert_no_errors(page):
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


PAGES = {"": 3, "switching": 4, "ranks": 3, "compare": 1, "posts": 0, "sources": 1,
         "about": 0}


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


def test_every_page_draws_without_errors_on_an_empty_store(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    with streamlit_server(f"sqlite:///{tmp_path / 'empty.sqlite'}") as url:
        for name in PAGES:
            page.goto(f"{url}/{name}")
            settle(page, plots=0)  # every page says the store is empty
            assert_no_errors(page)
            assert "Simulated demo data" not in page.inner_text("body")
    context.close()


def test_a_compare_link_reopens_those_episodes(app_url, page):
    page.goto(f"{app_url}/compare?a_day=2026-02-20&a_brand=Claude&b_day=2026-03-02"
              "&b_brand=Gemini")
    settle(page, plots=1)
    assert_no_errors(page)
    legend = page.locator(".js-plotly-plot").first.inner_text()
    assert "A: Claude from 20 Feb 2026" in legend and "B: Gemini from 02 Mar 2026" in legend
    assert "a_brand=Claude" in page.url and "b_day=2026-03-02" in page.url


def test_a_reasons_link_reopens_that_filter(app_url, page):
    page.goto(f"{app_url}/switching?reasons=Military+deals&reasons=Price")
    settle(page, plots=4)
    assert_no_errors(page)
    chips = page.locator('[data-testid="stMultiSelect"]').last.inner_text()
    assert "Military deals" in chips and "Price" in chips and "Privacy" not in chips
    legend = page.locator(".js-plotly-plot").nth(3).locator(".legend").text_content()
    assert "Military deals" in legend and "Worse answers" not in legend
