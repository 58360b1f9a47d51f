"""Property-based tests of the importer (dashboard/files/: tables, columns, importer, rows): random
files in every format with hostile text, wrong types, missing and duplicated columns, bad
dates and time zones. Each either imports (and the rows are what the file said, and store
cleanly) or stops with a UserError that names the file and, for a bad cell, its row and
column, where the cell really is bad. The command line turns every such error into exit
status 2 and a message, never a traceback."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.cli import main
from dashboard.errors import UserError
from dashboard.files.columns import BODY, CREATED, ID, OPTIONAL, TITLE
from dashboard.files.importer import normalise_posts, read_posts_file
from dashboard.files.rows import nested_kind, parse_times
from dashboard.files.tables import read_chunks
from dashboard.scoring import Scorer
from dashboard.write.ingest import save_posts_as_run
from dashboard.write.store import open_store
from reliability import tally
from reliability.fuzzing import SPECIAL, texts
from reliability.store_checks import problems
from tests.helpers import ROOT

FORMATS = ["csv", "tsv", "jsonl", "json", "parquet"]
NAMES = [*ID[:3], *CREATED[:5], *BODY[:3], *TITLE[:1], *(v[0] for v in OPTIONAL.values()),
         "junk", "ID", "Created_At", ""]
ZONES = ["Z", "+00:00", "+05:30", "-08:00", " UTC", " PST", " Europe/Paris", ""]
SAFE_TIMES = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1))


@st.composite
def times(draw):
    """A time cell as exports write them, or as they get mangled."""
    when = draw(SAFE_TIMES)
    return draw(st.one_of(
        st.just(when.isoformat() + draw(st.sampled_from(ZONES))),
        st.just(when.strftime(draw(st.sampled_from(["%Y-%m-%d", "%d/%m/%Y %H:%M",
                                                    "%a, %d %b %Y %H:%M:%S +0000",
                                                    "%Y-%m-%dT%H:%M:%S.%f"])))),
        st.just(int(when.replace(tzinfo=timezone.utc).timestamp())),
        st.just(int(when.replace(tzinfo=timezone.utc).timestamp() * 1000)),
        st.sampled_from(["", "soon", "2026-02-30", "0000-01-01", "9999-12-31T23:59:59",
                         "-1e20", "1e30", "NaN", "inf", "true", "null"]),
        st.floats(), st.integers(), st.booleans(), st.none(), texts(4)))


def cell():
    return st.one_of(texts(8), st.integers(), st.floats(), st.booleans(), st.none(),
                     st.lists(st.integers(), max_size=2),
                     st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@st.composite
def tables(draw):
    """Columns with import-like and junk names; cells of every type."""
    rows = draw(st.integers(0, 6))
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=7))
    return {name: [draw(times() if name in CREATED else cell()) for _ in range(rows)]
            for name in dict.fromkeys(names)}


def as_text(value) -> str:
    """What a CSV or Parquet cell can hold: text without lone surrogates."""
    text = "" if value is None else str(value)
    return text.encode("utf-8", "replace").decode("utf-8")


def write(table: dict, fmt: str, path) -> None:
    rows = [dict(zip(table, values)) for values in zip(*table.values())]
    if fmt == "jsonl":  # ensure_ascii: lone surrogates travel as \\ud83d escapes
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps({"posts": rows}), encoding="utf-8")
    else:
        frame = pd.DataFrame({k: [as_text(v) for v in vals] for k, vals in table.items()},
                             dtype=object)
        if fmt == "parquet":
            frame.to_parquet(path)
        else:
            frame.to_csv(path, sep="\t" if fmt == "tsv" else ",", index=False)


ROW_PROBLEM = re.compile(r": row (\d+): column (.+?): (empty id|cannot read this as a "
                         r"date/time|empty text|.+, not a single value)")


def assert_points_at_bad_cells(message: str, path) -> None:
    """Each ``row N: column C`` in the message names a cell that is bad for that reason."""
    lines = [line for line in message.splitlines() if line.startswith(f"{path}: row ")]
    raw = pd.concat(read_chunks(path)) if lines else None
    for line in lines:
        row, col, why = ROW_PROBLEM.search(line).groups()
        i = int(row) - 1
        if why.endswith("not a single value"):
            assert nested_kind(raw[col].iloc[i]), line
        elif why == "cannot read this as a date/time":
            assert pd.isna(parse_times(raw[col].iloc[[i]]).iloc[0]), line
        elif why == "empty id":
            value = raw[col].iloc[i]
            assert value is None or pd.isna(value) or not str(value).replace("\x00", "")\
                .strip(), line


def assert_clean(frame: pd.DataFrame) -> None:
    for col in ("source_id", "text"):
        assert frame[col].map(lambda v: isinstance(v, str) and v.strip() != "" and "\x00"
                              not in v and not re.search("[\ud800-\udfff]", v)).all()
    assert str(frame["created_at"].dtype) == "datetime64[ns, UTC]"
    assert frame["created_at"].notna().all()
    assert not frame.duplicated(["source", "source_id"]).any()


@given(tables(), st.sampled_from(FORMATS))
def test_any_file_imports_or_says_which_cell_is_wrong(tmp_path_factory, tracker, table, fmt):
    path = tmp_path_factory.mktemp("fuzz") / f"posts.{fmt}"
    write(table, fmt, path)
    with tally.scenario("fuzz"):
        try:
            frame = read_posts_file(path, "fuzz").posts
        except UserError as e:
            assert str(path) in str(e)
            assert_points_at_bad_cells(str(e), path)
            return
        assert_clean(frame)
        engine = open_store("sqlite://")
        written, new = save_posts_as_run(engine, frame, "fuzz", Scorer(tracker))
        assert written == new == len(frame)
        assert problems(engine) == []


@given(SAFE_TIMES, st.timezones(), st.sampled_from(["iso", "epoch", "epoch_ms"]))
def test_times_in_any_zone_land_on_the_same_utc_instant(when, zone, form):
    aware = when.replace(tzinfo=zone)
    utc = aware.astimezone(timezone.utc)
    cell = {"iso": aware.isoformat(), "epoch": int(utc.timestamp()),
            "epoch_ms": int(utc.timestamp() * 1000)}[form]
    parsed = parse_times(pd.Series([cell], dtype=object)).iloc[0]
    precision = timedelta(microseconds=1) if form == "iso" else timedelta(seconds=1)
    assert abs(parsed.to_pydatetime(warn=False) - utc) < precision


def test_naive_times_are_utc():
    parsed = parse_times(pd.Series(["2026-03-01 10:00", "2026-03-01T10:00:00"]))
    assert parsed.dt.strftime("%H:%M %Z").tolist() == ["10:00 UTC"] * 2


# --- the command line: exit status 2 and a message, never a traceback -------------------

def hostile_files(tmp_path) -> dict:
    """One file per way an export can be wrong."""
    files = {
        "no id column.csv": "created_at,text\n2026-03-01,x\n",
        "no time column.csv": "id,text\n1,x\n",
        "no text column.csv": "id,created_at\n1,2026-03-01\n",
        "header only.csv": "id,created_at,text\n",
        "empty.csv": "",
        "bad dates.csv": "id,created_at,text\n1,2026-02-30,a\n2,0000-01-01,b\n3,soon,c\n",
        "zone names.csv": "id,created_at,text\n1,2026-03-01 10:00 PST,a\n",
        "blank ids.csv": "id,created_at,text\n ,2026-03-01,a\n",
        "types.json": json.dumps([{"id": [1], "created_at": {"a": 1}, "text": ["x"]}]),
        "scalar.json": "5",
        "two lists.json": json.dumps({"a": [], "b": []}),
        "broken.jsonl": '{"id": 1, "created_at": "2026-03-01", "text": "x"\n',
        "not a table.parquet": "PAR1 not really",
        "unknown.xlsx": "x",
    }
    paths = {}
    for name, content in files.items():
        paths[name] = tmp_path / name
        paths[name].write_text(content, encoding="utf-8")
    paths["latin-1.csv"] = tmp_path / "latin-1.csv"
    paths["latin-1.csv"].write_bytes("id,created_at,text\n1,2026-03-01,café\n".encode("latin-1"))
    paths["a directory.csv"] = tmp_path / "dir.csv"
    paths["a directory.csv"].mkdir()
    paths["missing.csv"] = tmp_path / "missing.csv"
    return paths


def test_bad_files_exit_2_with_a_message(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    for name, path in hostile_files(tmp_path).items():
        with tally.scenario("fuzz"):
            assert main(["import", str(path), "--source", "s", "--db", db]) == 2, name
            err = capsys.readouterr().err
            assert err.startswith("error: ") and str(path) in err, (name, err)


def test_the_real_command_line_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": None, "created_at": "yesterday", "text": None}]))
    done = subprocess.run([sys.executable, "-m", "dashboard", "import", str(bad), "--source",
                           "s", "--db", f"sqlite:///{tmp_path / 's.sqlite'}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {bad}: row 1: column ")
    assert f"{bad}: row 1: column id: empty id" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.reliability
@pytest.mark.postgres
@given(tables(), st.sampled_from(FORMATS))
def test_any_importable_file_stores_in_postgres(tmp_path_factory, tracker, pg_url, table, fmt):
    """PostgreSQL is stricter than SQLite (NUL, lengths, integer range): what the importer
    accepts must store there too."""
    path = tmp_path_factory.mktemp("fuzz") / f"posts.{fmt}"
    write(table, fmt, path)
    with tally.scenario("fuzz"):
        try:
            frame = read_posts_file(path, "fuzz").posts
        except UserError:
            return
        engine = open_store(pg_url)
        assert save_posts_as_run(engine, frame, "fuzz", Scorer(tracker))[0] == len(frame)
        assert problems(engine) == []
        engine.dispose()


def test_hostile_text_stores_in_every_column(engine, tracker):
    """Every special character in every text column, in one import."""
    frame = pd.DataFrame({"id": [f"id{s}" for s in SPECIAL], "created_at": "2026-03-01",
                          "text": [f"post {s}" for s in SPECIAL], "author": SPECIAL,
                          "url": SPECIAL, "subreddit": SPECIAL, "lang": SPECIAL},
                         dtype=object)
    posts = normalise_posts(frame, "fuzz", "hostile.json")
    assert save_posts_as_run(engine, posts, "fuzz", Scorer(tracker), keep_handles=True) == \
        (len(posts), len(posts))
    assert problems(engine) == []
