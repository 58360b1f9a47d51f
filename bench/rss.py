"""Peak resident memory of a ``streamlit run`` process serving the Overview.

``python -m bench.rss URL`` starts ``streamlit run streamlit_app.py`` on the store ``URL``,
opens the Overview in Debian's Chromium (Playwright, the flags of tests/test_browser.py),
waits until its charts are drawn, changes the Sources filter through the page address and
waits again, then prints one JSON object: ``peak_rss_mb`` (the server's VmHWM from
/proc/<pid>/status, in MiB) and ``page_s`` (seconds until the first view was drawn).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from dashboard import paths

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _serve(url: str, port: int) -> subprocess.Popen:
    env = os.environ | {"DASHBOARD_DB": url, "STREAMLIT_SERVER_HEADLESS": "true",
                        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    return subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
                             "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=paths.ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _wait_healthy(base: str, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("streamlit run did not start")


def _settle(page, plots: int = 3, timeout: float = 600) -> None:
    """Until the script finished and ``plots`` charts are drawn (as tests/test_browser.py)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count()
        if not running and page.locator(".js-plotly-plot").count() >= plots:
            return
        page.wait_for_timeout(100)
    raise RuntimeError(f"the Overview did not draw {plots} charts in {timeout}s")


def measure(url: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(url, port)
    try:
        _wait_healthy(base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            start = time.perf_counter()
            page.goto(base)
            page.wait_for_selector(".js-plotly-plot", timeout=600_000)
            _settle(page)
            page_s = time.perf_counter() - start
            page.goto(f"{base}/?sources=reddit&sources=bluesky")
            page.wait_for_selector(".js-plotly-plot", timeout=600_000)
            _settle(page)
            browser.close()
        return {"peak_rss_mb": peak_rss_mb(server.pid), "page_s": page_s}
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("url")
    print(json.dumps(measure(p.parse_args().url)))


if __name__ == "__main__":
    main()
