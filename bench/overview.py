"""Seconds for the Overview page's full script run, and for the bare query under it.

``python -m bench.overview URL [--repeat N]`` prints one JSON object: ``cold_s`` (the
router and the Overview page run by AppTest against the store ``URL`` with every Streamlit
cache cleared: what a reader waits for when a view is first opened), ``warm_s`` (the rerun
after a filter change: the Sources filter set to two sources) and ``floor_s`` (one bare
``GROUP BY day, brand`` count of the raw posts, the least any SQL-backed dashboard must
do), each the median of ``--repeat`` runs (default 3) in this one process. A first,
untimed run imports the modules, as a server that has already served a page would have.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from sqlalchemy import text

from dashboard import paths

APP = str(paths.ROOT / "streamlit_app.py")
FLOOR_SQL = ("SELECT p.day, m.brand, count(*) FROM posts p JOIN mentions m "
             "ON m.post_id = p.id GROUP BY p.day, m.brand")


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def cold_and_warm() -> tuple[float, float]:
    """One cold run of the app and one rerun after a filter change."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=900)
    cold = timed(at.run)
    _check(at)
    sources = at.multiselect(key="sources")
    sources.set_value(sorted(sources.options)[:2])
    warm = timed(at.run)
    _check(at)
    return cold, warm


def _check(at) -> None:
    if at.exception:
        raise RuntimeError(f"the app failed: {at.exception[0].message}")
    if len(at.get("plotly_chart")) < 3:
        raise RuntimeError("the Overview drew fewer than three charts")


def floor(url: str) -> float:
    """Seconds for the bare GROUP BY on a fresh connection."""
    from dashboard.write.store import open_store
    engine = open_store(url)
    with engine.connect() as conn:
        seconds = timed(lambda: conn.execute(text(FLOOR_SQL)).fetchall())
    engine.dispose()
    return seconds


def measure(url: str, repeat: int = 3) -> dict[str, float]:
    os.environ["DASHBOARD_DB"] = url
    cold_and_warm()  # imports and first touches, untimed
    runs = [cold_and_warm() for _ in range(repeat)]
    floors = [floor(url) for _ in range(repeat)]
    return {"cold_s": statistics.median(c for c, _ in runs),
            "warm_s": statistics.median(w for _, w in runs),
            "floor_s": statistics.median(floors)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("url")
    p.add_argument("--repeat", type=int, default=3, help="timed runs (default 3)")
    args = p.parse_args()
    print(json.dumps(measure(args.url, args.repeat)))


if __name__ == "__main__":
    main()
