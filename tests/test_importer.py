"""Reading post files: formats, column aliases, and errors that name file, row and column."""
import pandas as pd
import pytest

from dashboard.errors import UserError
from dashboard.files.importer import normalise_posts, read_posts_file
from dashboard.files.rows import parse_times
from dashboard.files.tables import read_chunks
from tests.helpers import FIXTURES

IMPORT = FIXTURES / "import"


def read_all(path):
    return pd.concat(read_chunks(path))


def test_csv_with_title_body_and_epoch_seconds():
    f = read_posts_file(IMPORT / "reddit_export.csv", "reddit").posts
    assert list(f["source_id"]) == ["p1", "p2", "p3", "p4"]
    assert f["text"][0] == ("Cancelled my ChatGPT Plus today\n\n"
                            "Not paying for this anymore, moving to Claude.")
    assert f["text"][1] == "Claude is great for long documents"  # empty body: title only
    assert str(f["created_at"][0]) == "2026-02-28 18:13:00+00:00"
    assert list(f["engagement"]) == [812, 40, 1200, -3]
    assert list(f["community"]) == ["ChatGPT", "ClaudeAI", "singularity", "OpenAI"]
    assert list(f["author"]) == ["alice", "bob", "carol", "dave"]
    assert set(f["source"]) == {"reddit"}


def test_jsonl_with_zones_naive_times_and_milliseconds():
    f = read_posts_file(IMPORT / "export.jsonl", "x").posts
    assert [str(t) for t in f["created_at"]] == [
        "2026-03-01 04:10:00+00:00", "2026-03-01 09:00:00+00:00", "2026-03-01 12:00:00+00:00"]
    assert f["language"][0] == "en"


def test_parquet_and_json_array(tmp_path):
    frame = pd.DataFrame({"id": [1, 2], "created_at": pd.to_datetime(
        ["2026-03-01", "2026-03-02"], utc=True), "content": ["a", "b"]})
    frame.to_parquet(tmp_path / "p.parquet")
    assert list(read_posts_file(tmp_path / "p.parquet", "s").posts["source_id"]) == ["1", "2"]
    (tmp_path / "a.json").write_text('{"posts": [{"id": "1", "date": "2026-03-01", "body": "x"}]}')
    assert list(read_posts_file(tmp_path / "a.json", "s").posts["text"]) == ["x"]


def test_duplicate_ids_in_one_file_keep_the_last():
    raw = pd.DataFrame({"id": ["1", "1"], "created_at": ["2026-03-01"] * 2, "text": ["a", "b"]})
    assert list(normalise_posts(raw, "s", "f.csv")["text"]) == ["b"]


def test_errors_name_file_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,created_at,text\n1,2026-01-01,ok\n2,31/02/yesterday,x\n,2026-01-02,y\n")
    with pytest.raises(UserError) as e:
        read_posts_file(bad, "s")
    msg = str(e.value)
    assert f"{bad}: row 2: column created_at: cannot read this as a date/time" in msg
    assert f"{bad}: row 3: column id: empty id" in msg
    assert msg.endswith("nothing was written")


@pytest.mark.parametrize("content, expected", [
    ("created_at,text\n2026-01-01,x\n", r"missing an id column \(one of: id, post_id"),
    ("id,text\n1,x\n", "missing a time column"),
    ("id,created_at\n1,2026-01-01\n", "no text column"),
    ("id,created_at,text\n", "the file has no rows"),
])
def test_missing_columns_are_named(tmp_path, content, expected):
    path = tmp_path / "f.csv"
    path.write_text(content)
    with pytest.raises(UserError, match=expected):
        read_posts_file(path, "s")


def test_unreadable_files(tmp_path):
    with pytest.raises(UserError, match="file not found"):
        read_all(tmp_path / "none.csv")
    (tmp_path / "f.xlsx").write_text("x")
    with pytest.raises(UserError, match="unknown file type"):
        read_all(tmp_path / "f.xlsx")
    (tmp_path / "f.jsonl").write_text("{not json\n")
    with pytest.raises(UserError, match="f.jsonl: line 1: not JSON"):
        read_all(tmp_path / "f.jsonl")
    (tmp_path / "latin.csv").write_bytes(
        "id,created_at,text\n1,2026-01-01,caf\xe9\n".encode("latin-1"))
    with pytest.raises(UserError, match="not UTF-8"):
        read_all(tmp_path / "latin.csv")


def test_source_names_are_checked():
    raw = pd.DataFrame({"id": ["1"], "created_at": ["2026-01-01"], "text": ["x"]})
    with pytest.raises(UserError, match="--source"):
        normalise_posts(raw, "My Source!", "f")


def test_nul_characters_are_dropped():
    raw = pd.DataFrame({"id": ["1"], "created_at": ["2026-01-01"], "text": ["a\x00b"]})
    assert normalise_posts(raw, "s", "f")["text"][0] == "ab"


def test_parse_times_mixed_values():
    s = parse_times(pd.Series(["1772302380", 1772302380.5, "2026-02-28T18:13:00Z", "", None,
                               "now", "today"]))
    assert s[:3].dt.strftime("%H:%M").tolist() == ["18:13"] * 3
    assert s[3:].isna().all()  # "now" is not when a post was written
