"""Bad rows: all-or-nothing by default; --skip-invalid stores the good rows and writes the
rejected ones, with row number, column and reason, to a formula-safe CSV it names."""
import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.write.store import count_posts, open_store

MIXED = ("id,created_at,text,author\n"
         "1,2026-03-01 10:00,Cancelled ChatGPT today,al\n"
         "2,2026-03-01 11:00,,bo\n"
         ",soon,=HYPERLINK(\"http://evil.example\"),cy\n"
         "4,2026-03-02 09:00,Claude is fine,dd\n")


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    return path


def test_by_default_one_bad_row_stores_nothing(mixed, db, capsys):
    assert main(["import", str(mixed), "--source", "s", "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"error: {mixed}: row 2: column text: empty text",
        f"{mixed}: row 3: column id: empty id",
        f"{mixed}: row 3: column created_at: cannot read this as a date/time ('soon')",
        "2 of the rows cannot be stored: fix them, or pass --skip-invalid to store the "
        "others and set these aside",
        "nothing was written"]
    assert count_posts(open_store(db)) == 0
    assert not (mixed.parent / "mixed.csv.rejected.csv").exists()


def test_skip_invalid_stores_the_good_rows_and_writes_the_rejected_ones(mixed, db, capsys):
    assert main(["import", str(mixed), "--source", "s", "--db", db, "--skip-invalid"]) == 0
    rejected = mixed.parent / "mixed.csv.rejected.csv"
    assert (f"2 stored, 0 updated (already stored), 2 skipped (rows and reasons in "
            f"{rejected})") in capsys.readouterr().out
    stored = pd.read_sql("SELECT source_id FROM posts ORDER BY source_id", open_store(db))
    assert stored["source_id"].tolist() == ["1", "4"]
    raw = rejected.read_bytes()
    assert raw.count(b"\r\n") == 3  # header and two rows, CRLF as the other exports
    rows = pd.read_csv(rejected, dtype=str, keep_default_na=False)
    assert list(rows.columns) == ["row", "column", "reason", "id", "created_at", "text",
                                  "author"]
    assert rows[["row", "column", "reason"]].values.tolist() == [
        ["2", "text", "empty text"],
        ["3", "id; created_at", "empty id; cannot read this as a date/time ('soon')"]]
    assert rows.loc[1, "text"] == "'=HYPERLINK(\"http://evil.example\")"  # formula-safe
    assert rows.loc[0, "author"] == "bo"  # the row as it was, to fix and import again


def test_the_rejected_file_can_be_named_but_not_be_the_input(mixed, db, tmp_path, capsys):
    out = tmp_path / "out" / "bad rows.csv"
    assert main(["import", str(mixed), "--source", "s", "--db", db, "--skip-invalid",
                 "--rejected", str(out)]) == 0
    assert len(pd.read_csv(out)) == 2
    assert main(["import", str(mixed), "--source", "s", "--db", db, "--skip-invalid",
                 "--rejected", str(mixed)]) == 2
    assert "that is the file being imported" in capsys.readouterr().err
    assert main(["import", str(mixed), "--source", "s", "--db", db,
                 "--rejected", str(out)]) == 2
    assert "--rejected: only with --skip-invalid" in capsys.readouterr().err
    assert mixed.read_text(encoding="utf-8") == MIXED


def test_skip_invalid_with_no_good_row_writes_nothing_and_exits_2(tmp_path, db, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,created_at,text\n1,soon,x\n2,2026-03-01,\n", encoding="utf-8")
    assert main(["import", str(bad), "--source", "s", "--db", db, "--skip-invalid"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}: not one row can be stored:\n{bad}: row 1: ")
    assert err.rstrip().endswith("nothing was written")
    assert not (tmp_path / "bad.csv.rejected.csv").exists()
    assert count_posts(open_store(db)) == 0


def test_the_summary_counts_updates_and_repeated_ids(tmp_path, db, capsys):
    path = tmp_path / "p.csv"
    path.write_text("id,created_at,text\n1,2026-03-01,a\n1,2026-03-01,b\n2,2026-03-01,c\n",
                    encoding="utf-8")
    assert main(["import", str(path), "--source", "s", "--db", db]) == 0
    assert ("2 stored, 0 updated (already stored), 0 skipped; 1 row repeated an id (the last "
            "one kept)") in capsys.readouterr().out
    assert main(["import", str(path), "--source", "s", "--db", db]) == 0
    assert "0 stored, 2 updated (already stored), 0 skipped" in capsys.readouterr().out
