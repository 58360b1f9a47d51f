"""Bidi controls in a post never reorder what a reader sees: every page and every CSV export
shows them as marks ("⟨RLO⟩"), while the store keeps the raw text."""
import io

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.cli import main
from dashboard.files.export import to_safe_csv
from dashboard.files.visible import visible
from dashboard.write.store import open_store
from tests.helpers import ROOT

SPOOF = "Cancelled my ChatGPT, read \u202emoc.elgoog\u202c and \u2067\u05e9\u05dc\u05d5\u05dd\u2069"


def test_every_bidi_control_becomes_a_mark_and_nothing_else_changes():
    assert visible(SPOOF) == "Cancelled my ChatGPT, read ⟨RLO⟩moc.elgoog⟨PDF⟩ and " \
                             "⟨RLI⟩\u05e9\u05dc\u05d5\u05dd⟨PDI⟩"
    assert visible("plain text, שלום") == "plain text, שלום" and visible(3) == 3


def test_csv_exports_show_the_marks(tmp_path):
    text = pd.read_csv(io.StringIO(to_safe_csv(pd.DataFrame({"text": [SPOOF]}))))["text"][0]
    assert "\u202e" not in text and "⟨RLO⟩moc.elgoog⟨PDF⟩" in text


def test_the_store_keeps_the_raw_text_and_the_posts_page_shows_marks(tmp_path, monkeypatch):
    posts = tmp_path / "posts.csv"
    pd.DataFrame({"id": ["a"], "created_at": ["2026-03-01T10:00:00Z"], "text": [SPOOF]}
                 ).to_csv(posts, index=False)
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    assert main(["import", str(posts), "--source", "reddit", "--db", url, "--quiet"]) == 0
    with open_store(url).connect() as conn:
        assert conn.exec_driver_sql("SELECT text FROM posts").scalar() == SPOOF
    out = tmp_path / "posts_out.csv"
    assert main(["export", "--table", "posts", "-o", str(out), "--db", url, "--quiet"]) == 0
    assert "\u202e" not in out.read_text(encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DB", url)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.switch_page("dashboard/app_pages/posts.py")
    at.query_params["start"], at.query_params["end"] = "2026-02-20", "2026-03-10"
    at.run()
    assert not at.exception
    cells = [str(v) for df in at.dataframe for v in df.value.to_numpy().ravel()]
    assert any("⟨RLO⟩moc.elgoog" in c for c in cells)
    assert not any("\u202e" in c for c in cells)
