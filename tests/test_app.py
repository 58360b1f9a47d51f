"""The Streamlit app, run headless with AppTest on the demo store and on an empty store."""
import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")


def run_app(monkeypatch, url, **query):
    monkeypatch.setenv("DASHBOARD_DB", url)
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def figures(at) -> dict[str, dict]:
    out = {}
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        out[spec["layout"]["title"]["text"].split(" <sup>")[0]] = spec
    return out


def values(trace: dict, key: str) -> list:
    """A trace's data; plotly sends numeric arrays as base64 typed arrays."""
    v = trace[key]
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    return list(v)


def traces(fig) -> dict[str, dict]:
    return {t["name"]: t for t in fig["data"] if t.get("showlegend", True) is not False}


def test_overview_on_the_demo_store(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url)
    assert not at.exception
    assert "Simulated demo data" in at.warning[0].value
    figs = figures(at)
    backlash = figs["Backlash: posts naming each brand, and how negative they are"]
    chatgpt = traces(backlash)["ChatGPT"]
    y = values(chatgpt, "y")
    peak_day = values(chatgpt, "x")[y.index(max(y))]
    assert peak_day[:10] in ("2026-02-28", "2026-03-01", "2026-03-02")
    assert "Simulated demo data" in backlash["layout"]["title"]["text"]
    numbered = [a["text"] for a in backlash["layout"]["annotations"] if a["text"].isdigit()]
    assert numbered and numbered[0] == "1"  # events are marked
    switching = next(f for t, f in figs.items() if t.startswith("Switching"))
    claude = traces(switching)["Claude"]
    assert max(values(claude, "y")) > 10 and min(values(claude, "y")) >= 0  # arrivals: up
    ranks = next(f for t, f in figs.items() if t.startswith("App Store top free"))
    claude_ranks = [y for t in ranks["data"] if t["name"] == "Claude"
                    for y in values(t, "y") if y == y]  # NaN marks a gap
    assert min(claude_ranks) == 1 and ranks["layout"]["yaxis"]["range"][0] > 1  # #1 on top
    assert [m.label for m in at.metric][:2] == ["Posts naming a brand", "Negative share"]


def test_filters_come_from_the_url(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url, brands=["ChatGPT", "Claude"],
                 dates=["2026-02-20", "2026-03-10"], store="Google Play")
    assert not at.exception
    assert at.multiselect(key="brands").value == ["ChatGPT", "Claude"]
    figs = figures(at)
    backlash = figs["Backlash: posts naming each brand, and how negative they are"]
    assert set(traces(backlash)) == {"ChatGPT", "Claude"}
    x = values(traces(backlash)["ChatGPT"], "x")
    assert (x[0][:10], x[-1][:10]) == ("2026-02-20", "2026-03-10")
    assert any(t.startswith("Google Play top free") for t in figs)
    assert at.query_params["brands"] == ["ChatGPT", "Claude"]


def test_widget_changes_rerun_the_view(monkeypatch, demo_url):
    at = run_app(monkeypatch, demo_url)
    at.multiselect(key="brands").set_value(["Gemini"]).run()
    backlash = figures(at)["Backlash: posts naming each brand, and how negative they are"]
    assert set(traces(backlash)) == {"Gemini"}


def test_overview_on_an_empty_store(monkeypatch, tmp_path):
    at = run_app(monkeypatch, f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert not at.exception
    assert not at.warning  # nothing simulated to warn about
    assert "store is empty" in at.info[0].value
