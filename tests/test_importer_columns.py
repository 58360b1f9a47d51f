"""Which column is which: the printed report, the most precise time column, the common
export spellings, and --map when guessing is not enough (import and score alike)."""
import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.errors import UserError
from dashboard.files.columns import choose_columns, parse_map
from dashboard.files.importer import read_posts_file
from dashboard.write.store import open_store

HN = ("object_id,date,date_full,title,story_text,author,points,url,extra\n"
      "a1,2026-03-01,2026-03-01 10:15:00,Cancelled ChatGPT,Moving to Claude,al,5,http://x,q\n"
      "a2,2026-03-01,2026-03-01 23:59:30,Claude is fine,,bo,3,,q\n")


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def write(tmp_path, content: str, name: str = "posts.csv"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_import_prints_the_columns_it_used(tmp_path, db, capsys):
    path = write(tmp_path, HN)
    assert main(["import", str(path), "--source", "hn", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"columns used from {path}:" in out
    for role, col in [("id", "object_id"), ("time", "date_full"),
                      ("text", "title + story_text"), ("author", "author"), ("url", "url"),
                      ("engagement", "points"), ("not used", "date, extra")]:
        assert f"  {role:<11}{col}" in out
    assert "community" not in out  # no such column: not listed
    assert "2 stored, 0 updated (already stored), 0 skipped" in out


def test_date_and_date_full_keep_the_hours_and_say_why(tmp_path, capsys):
    read = read_posts_file(write(tmp_path, HN), "hn")
    assert read.columns.time == "date_full"
    assert [str(t) for t in read.posts["created_at"]] == [
        "2026-03-01 10:15:00+00:00", "2026-03-01 23:59:30+00:00"]
    assert read.columns.time_note == ("most precise: 2 distinct times of day in the first 2 "
                                      "rows; date: 0")


def test_the_precision_check_prefers_times_over_dates_whatever_the_order():
    frame = pd.DataFrame({"created_at": ["2026-03-01", "2026-03-02"],  # first spelling
                          "timestamp": ["1772359200", "1772445600"],  # epoch: 10:00 UTC
                          "id": ["1", "2"], "text": ["a", "b"]})
    columns = choose_columns(frame, "f.csv")
    assert columns.time == "timestamp"
    assert "created_at: 0" in columns.time_note


def test_equal_precision_keeps_the_earlier_spelling_and_dates_only_are_said():
    frame = pd.DataFrame({"date": ["2026-03-01"], "created_at": ["2026-03-01"],
                          "id": ["1"], "text": ["a"]})
    columns = choose_columns(frame, "f.csv")
    assert columns.time == "created_at"
    assert columns.time_note.startswith("dates only: no time of day in the first 1 rows")


def test_an_unreadable_time_column_loses_to_a_readable_one():
    frame = pd.DataFrame({"created": ["yesterday", "today"], "date": ["2026-03-01"] * 2,
                          "id": ["1", "2"], "text": ["a", "b"]})
    assert choose_columns(frame, "f.csv").time == "date"


@pytest.mark.parametrize("header, role, column", [
    ("object_id,created_at,text", "id", "object_id"),
    ("objectID,created_at,text", "id", "objectID"),
    ("id,date_full,text", "time", "date_full"),
    ("id,datetime,text", "time", "datetime"),
    ("id,created_at,story_text", "body", "story_text"),
    ("id,created_at,selftext", "body", "selftext"),
])
def test_common_export_spellings(header, role, column):
    frame = pd.DataFrame([["1", "2026-03-01 10:00", "hello"]], columns=header.split(","))
    assert getattr(choose_columns(frame, "f.csv"), role) == column


def test_map_names_the_columns(tmp_path, db, capsys):
    path = write(tmp_path, "Post ID,Posted,Message,Who,Extra Text\n"
                           "7,2026-03-01 08:30,I left ChatGPT for Claude,zed,ignored\n")
    assert main(["import", str(path), "--source", "survey", "--db", db, "--keep-handles",
                 "--map", "id=Post ID,time=posted", "--map", "text=Message,author=Who"]) == 0
    out = capsys.readouterr().out
    assert "  id         Post ID" in out and "  time       Posted" in out
    posts = pd.read_sql("SELECT source_id, created_at, text, author FROM posts",
                        open_store(db))
    assert posts.iloc[0].tolist()[::2] == ["7", "I left ChatGPT for Claude"]
    assert posts.iloc[0]["author"] == "zed"
    assert str(posts.iloc[0]["created_at"]).startswith("2026-03-01 08:30")


def test_map_text_is_used_as_it_is_and_title_body_are_joined():
    frame = pd.DataFrame({"id": ["1"], "created_at": ["2026-03-01"], "title": ["T"],
                          "body": ["B"], "summary": ["S"]})
    text = choose_columns(frame, "f", parse_map(["text=summary"]))
    assert (text.title, text.body) == (None, "summary")
    both = choose_columns(frame, "f", parse_map(["title=summary"]))
    assert (both.title, both.body) == ("summary", "body")


def test_map_with_commas_in_a_column_name_and_an_optional_column_left_out():
    assert parse_map(["text=Comments, full,time=When"]) == {"text": "Comments, full",
                                                            "time": "When"}
    frame = pd.DataFrame({"id": ["1"], "created_at": ["2026-03-01"], "text": ["a"],
                          "author": ["x"]})
    assert "author" not in choose_columns(frame, "f", parse_map(["author="])).optional


@pytest.mark.parametrize("option, message", [
    ("colour=x", "--map 'colour=x': expected KEY=COLUMN with KEY one of id, time, text"),
    ("id", "--map 'id': expected KEY=COLUMN"),
    ("text=a,body=b", "give text, or title and/or body"),
    ("id=a,id=b", "id is given twice"),
    ("time=", "every post needs its time column"),
])
def test_bad_map_options_are_a_clear_error(tmp_path, db, capsys, option, message):
    path = write(tmp_path, HN)
    assert main(["import", str(path), "--source", "hn", "--db", db, "--map", option]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_a_mapped_column_the_file_lacks_is_named(tmp_path, db, capsys):
    path = write(tmp_path, HN)
    assert main(["import", str(path), "--source", "hn", "--db", db,
                 "--map", "text=Body Text"]) == 2
    err = capsys.readouterr().err
    assert f"--map text=Body Text: {path} has no column 'Body Text'; its columns: " \
           "object_id, date" in err
    with pytest.raises(UserError, match="or name it with --map text=COLUMN"):
        choose_columns(pd.DataFrame({"id": ["1"], "note": ["x"]}), "f.csv")


def test_score_uses_the_same_choice_and_map(tmp_path, capsys):
    path = write(tmp_path, "key,when,words\n1,2026-03-01,Cancelled ChatGPT Plus, moving to "
                           "Claude\n".replace("Plus, moving", "Plus and moving"))
    out = tmp_path / "scored.csv"
    assert main(["score", str(path), "-o", str(out), "--map", "text=words"]) == 0
    assert "  text       words" in capsys.readouterr().out
    scored = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert scored.loc[0, ["switch_from", "switch_to"]].tolist() == ["ChatGPT", "Claude"]
    assert main(["score", str(path), "-o", str(out), "--map", "text=nope"]) == 2
    assert "has no column 'nope'" in capsys.readouterr().err


def test_help_names_every_map_key(capsys):
    for command in ("import", "score"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert "id, time, text (used as it is), title, body (joined), author, url, " \
               "community, engagement, lang or rating" in out
