"""Files that would hurt: a post's text is capped (the cut marked in the post and counted
in the summary), files are read in bounded chunks, and too many rows, too large cells or
JSON files, too deep nesting and lists or objects where a value belongs are each a clear
error naming the file (and row or line, and column)."""
import gzip
import json

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.errors import UserError
from dashboard.files import tables
from dashboard.files.importer import read_posts_file
from dashboard.files.rows import TEXT_CAP, capped
from dashboard.files.tables import read_chunks
from dashboard.scoring import Scorer
from dashboard.write.store import open_store
from tests.helpers import ROOT


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def test_a_long_post_is_cut_and_the_cut_is_recorded(tmp_path, db, capsys, tracker):
    long = "I cancelled ChatGPT and moved to Claude. " + "x" * (3 * TEXT_CAP)
    path = tmp_path / "long.csv"
    pd.DataFrame({"id": ["1", "2"], "created_at": ["2026-03-01"] * 2,
                  "text": [long, "short"]}).to_csv(path, index=False)
    assert main(["import", str(path), "--source", "s", "--db", db]) == 0
    assert "; 1 text cut at 40,000 characters (marked in the text);" in \
        capsys.readouterr().out
    text = pd.read_sql("SELECT text FROM posts WHERE source_id = '1'", open_store(db))["text"][0]
    assert text == long[:TEXT_CAP] + f" [… truncated at 40,000 of {len(long):,} characters]"
    scorer = Scorer(tracker)  # the marker changes no score
    assert scorer.score(text) == scorer.score(long[:TEXT_CAP])


def test_the_readme_states_the_cap():
    assert f"{TEXT_CAP:,} characters" in (ROOT / "README.md").read_text()


def test_capped_leaves_short_texts_alone():
    assert capped("a" * TEXT_CAP) == "a" * TEXT_CAP


@pytest.mark.parametrize("name, content, message", [
    ("deep.json", "[" * 100_000 + "]" * 100_000, "deep.json: nested more than 100 levels"),
    ("deep.jsonl", '{"id": 1, "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
     "deep.jsonl: line 1: nested more than 100 levels deep"),
    ("deep2.jsonl", '{"id": 1}\n' + '{"id": 2, "x": ' + "[" * 101 + "]" * 101 + "}\n",
     "deep2.jsonl: line 2: nested more than 100 levels deep"),
    ("deep.json", json.dumps([{"id": 1, "x": {"a": [[[]]]}}]).replace("[[[]]]", "[" * 150 +
                                                                      "]" * 150),
     "deep.json: row 1: nested more than 100 levels deep"),
])
def test_deep_nesting_is_a_clear_error(tmp_path, db, capsys, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["import", str(path), "--source", "s", "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_lists_objects_and_bytes_where_a_value_belongs_name_the_column(tmp_path):
    path = tmp_path / "typed.parquet"
    pd.DataFrame({"id": ["1", "2"], "created_at": ["2026-03-01"] * 2,
                  "text": [["a", "b"], ["c"]], "author": [b"x", b"y"]}).to_parquet(path)
    with pytest.raises(UserError) as e:
        read_posts_file(path, "s")
    lines = str(e.value).splitlines()
    assert lines[:2] == [f"{path}: row 1: column text: a list, not a single value",
                         f"{path}: row 1: column author: binary data, not a single value "
                         "(--map author= leaves the column out)"]
    posts = read_posts_file(path, "s", {"text": "id", "author": ""}).posts
    assert posts["text"].tolist() == ["1", "2"] and "author" not in posts

    path = tmp_path / "typed.json"
    path.write_text(json.dumps([{"id": {"a": 1}, "created_at": "2026-03-01", "text": "x"},
                                {"id": 2, "created_at": [1], "text": "y"}]))
    with pytest.raises(UserError) as e:
        read_posts_file(path, "s")
    assert str(e.value).splitlines()[:2] == [
        f"{path}: row 1: column id: an object, not a single value",
        f"{path}: row 2: column created_at: a list, not a single value"]


def test_score_refuses_a_list_as_text(tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_text('{"id": 1, "text": "fine"}\n{"id": 2, "text": ["x"]}\n')
    assert main(["score", str(path), "-o", str(tmp_path / "o.csv"), "--quiet"]) == 2
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "o.csv.part").exists()


@pytest.fixture
def small(monkeypatch):
    """Tiny chunks and bounds, so that tests cross them with small files."""
    for name, value in (("CHUNK_ROWS", 2), ("CHUNK_CHARS", 100), ("MAX_ROWS", 7),
                        ("MAX_CELL_CHARS", 300), ("MAX_JSON_CHARS", 1000)):
        monkeypatch.setattr(tables, name, value)


def test_rows_are_checked_and_numbered_across_chunks(tmp_path, small):
    path = tmp_path / "p.csv"
    path.write_text("id,created_at,text\n1,2026-03-01,a\n2,2026-03-01,b\n3,2026-03-01,c\n"
                    "1,2026-03-01,a again\n5,soon,e\n", encoding="utf-8")
    assert [list(c.index) for c in read_chunks(path)] == [[0, 1], [2, 3], [4]]
    with pytest.raises(UserError, match=r"p.csv: row 5: column created_at: cannot read"):
        read_posts_file(path, "s")
    read = read_posts_file(path, "s", skip_invalid=True)
    assert read.posts["text"].tolist() == ["b", "c", "a again"]  # the last of id 1 kept
    assert read.report.rejected_rows()["row"].tolist() == [5]


def test_chunks_hold_few_characters_whatever_the_rows(tmp_path, small):
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps({"id": i, "created_at": "2026-03-01", "text": "x" * 30})
                            + "\n" for i in range(3)))
    assert [len(c) for c in read_chunks(path)] == [2, 1]


@pytest.mark.parametrize("name, content, message", [
    ("rows.csv", "id\n" + "1\n" * 8, "more than 7 rows; split it"),
    ("cell.csv", "id,text\n1," + "x" * 301 + "\n", "row 1: a cell longer than 300 characters"),
    ("line.jsonl", '{"id": 1}\n{"text": "' + "x" * 300 + '"}\n',
     "line 2: longer than 300 characters"),
    ("big.json", json.dumps([{"id": 1, "text": "x" * 1000}]), "larger than 1,000 characters"),
    ("ragged.csv", "id,text\n1,a\n2,b,c\n", "row 2: 3 cells, but the header names 2 columns"),
    ("line.jsonl", '{"id": 1}\n[1, 2]\n', "line 2: expected a JSON object"),
])
def test_bounds_and_malformed_rows_are_clear_errors(tmp_path, small, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=rf"{name}: .*{message}"):
        list(read_chunks(path))


def test_gzip_blank_lines_and_repeated_headers(tmp_path):
    path = tmp_path / "p.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("id,id,created_at,text\n\n1,x,2026-03-01,a\n")
    frame = pd.concat(read_chunks(path))
    assert list(frame.columns) == ["id", "id.1", "created_at", "text"]
    assert frame.values.tolist() == [["1", "x", "2026-03-01", "a"]]
    (tmp_path / "p.parquet.gz").write_bytes(b"")
    with pytest.raises(UserError, match="unknown file type '.parquet.gz'"):
        list(read_chunks(tmp_path / "p.parquet.gz"))


def test_a_jsonl_key_first_seen_after_the_first_chunk_is_not_used(tmp_path, small):
    path = tmp_path / "p.jsonl"
    rows = [{"id": i, "created_at": "2026-03-01", "text": "t"} for i in range(3)]
    rows[2]["author"] = "late"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    read = read_posts_file(path, "s")
    assert len(read.posts) == 3 and "author" not in read.posts
