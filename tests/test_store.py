"""The store: schema, idempotent upserts, mentions, ranks, runs, schema evolution."""
from datetime import datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import inspect, select, text

from dashboard.errors import UserError
from dashboard.read.filters import Filters
from dashboard.read.queries import latest_runs, source_outages
from dashboard.write import migrations, store
from dashboard.write.schema import app_ranks, mentions, posts, runs
from dashboard.write.store import (count_posts, get_meta, open_store, recorded_run, redact,
                                   set_meta, utcnow, write_posts, write_ranks, write_runs)


def post(source_id, text="hello", brands="ChatGPT", **kw):
    return {"source": "reddit", "source_id": source_id, "text": text, "brands": brands,
            "created_at": "2026-02-28T18:13:00Z", **kw}


def rows(engine, table):
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table))]


def test_a_new_store_has_every_table_and_the_current_version(engine):
    names = set(inspect(engine).get_table_names())
    assert {"posts", "mentions", "app_ranks", "runs", "meta"} <= names
    assert get_meta(engine, "schema_version") == str(migrations.SCHEMA_VERSION)


def test_writing_the_same_post_twice_keeps_one_row(engine):
    write_posts(engine, pd.DataFrame([post("a1", engagement=5)]))
    write_posts(engine, pd.DataFrame([post("a1", "edited", "Claude;Gemini", engagement=9)]))
    (row,) = rows(engine, posts)
    assert (row["text"], row["engagement"], row["brands"]) == ("edited", 9, "Claude;Gemini")
    assert row["created_at"] == datetime(2026, 2, 28, 18, 13)  # stored as naive UTC
    assert str(row["day"]) == "2026-02-28"
    assert row["simulated"] is False
    assert sorted(m["brand"] for m in rows(engine, mentions)) == ["Claude", "Gemini"]


def test_times_are_converted_to_utc(engine):
    write_posts(engine, pd.DataFrame([post("tz", created_at="2026-03-01T01:30:00+05:00")]))
    (row,) = rows(engine, posts)
    assert row["created_at"] == datetime(2026, 2, 28, 20, 30)
    assert str(row["day"]) == "2026-02-28"


def test_same_id_from_two_sources_is_two_posts(engine):
    write_posts(engine, pd.DataFrame([post("1"), post("1") | {"source": "hackernews"}]))
    assert count_posts(engine) == 2 and count_posts(engine, "hackernews") == 1


def test_many_posts_in_batches(engine, monkeypatch):
    monkeypatch.setattr(store, "BATCH", 2000)
    frame = pd.DataFrame([post(str(i)) for i in range(4500)])
    seen = []
    assert write_posts(engine, frame, progress=seen.append) == 4500
    assert seen == [2000, 4000, 4500]
    assert count_posts(engine) == 4500 and len(rows(engine, mentions)) == 4500


def test_ranks_upsert_on_snapshot_key(engine):
    snap = {"captured_at": "2026-03-01T00:00:00Z", "store": "app_store", "country": "us",
            "chart": "top-free", "app_id": "6473753684", "app_name": "Claude",
            "brand": "Claude", "rank": 2}
    write_ranks(engine, pd.DataFrame([snap]))
    write_ranks(engine, pd.DataFrame([snap | {"rank": 1}]))
    (row,) = rows(engine, app_ranks)
    assert row["rank"] == 1 and row["captured_at"] == datetime(2026, 3, 1)


def test_runs_are_recorded_even_when_they_fail(engine):
    with recorded_run(engine, "hackernews") as run:
        run["items"] = 7
    with pytest.raises(ValueError):
        with recorded_run(engine, "bluesky") as run:
            raise ValueError("HTTP 503")
    ok, failed = sorted(rows(engine, runs), key=lambda r: r["source"], reverse=True)
    assert (ok["status"], ok["items"], ok["error"]) == ("ok", 7, None)
    assert failed["status"] == "failed" and "HTTP 503" in failed["error"]
    assert failed["finished_at"] >= failed["started_at"]


def test_a_killed_run_is_marked_interrupted_when_the_next_one_starts(engine):
    started = utcnow()
    write_runs(engine, [
        {"source": "reddit", "started_at": started - timedelta(hours=4), "status": "running",
         "items": 0},  # killed: it never finished its row
        {"source": "reddit", "started_at": started - timedelta(minutes=5), "status": "running",
         "items": 0},  # another collector still at work
        {"source": "bluesky", "started_at": started - timedelta(hours=4), "status": "running",
         "items": 0}])  # another source: its own next run will tell
    with recorded_run(engine, "reddit") as run:
        run["items"] = 3
    found = sorted((r["source"], r["status"], bool(r["error"])) for r in rows(engine, runs))
    assert found == [("bluesky", "running", False), ("reddit", "interrupted", True),
                     ("reddit", "ok", False), ("reddit", "running", False)]
    assert latest_runs(engine).set_index("source")["failed_total"].to_dict() == {
        "bluesky": 0, "reddit": 1}


def test_a_day_whose_only_run_was_interrupted_is_a_day_without_data(engine):
    day = datetime(2026, 2, 28, 6)
    write_runs(engine, [{"source": "reddit", "started_at": day, "status": "interrupted",
                         "items": 0, "error": "stopped without finishing"}])
    outages = source_outages(engine, Filters())
    assert outages[["source", "date"]].astype(str).values.tolist() == [["reddit", "2026-02-28"]]


def test_meta_values_are_replaced(engine):
    set_meta(engine, "k", "1")
    set_meta(engine, "k", "2")
    assert get_meta(engine, "k") == "2" and get_meta(engine, "none", "d") == "d"


def test_sqlite_file_store_uses_wal(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path}/sub/dir/s.sqlite")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_old_store_is_upgraded_without_losing_rows(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/old.sqlite"
    engine = open_store(url)
    write_posts(engine, pd.DataFrame([post("kept")]))

    def add_note_column(conn):
        conn.execute(text("ALTER TABLE posts ADD COLUMN note TEXT"))
        conn.execute(text("UPDATE posts SET note = 'migrated'"))

    step = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "STEPS",
                        [*migrations.STEPS, (step, "add note", add_note_column)])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", step)
    engine = open_store(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT source_id, note FROM posts")).all()
        assert rows == [("kept", "migrated")]
    assert get_meta(engine, "schema_version") == str(step)
    open_store(url)  # a second open runs nothing again


def test_a_store_newer_than_the_code_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path}/new.sqlite"
    set_meta(open_store(url), "schema_version", "999")
    with pytest.raises(UserError, match="newer than this code"):
        open_store(url)


def test_bad_store_urls_are_user_errors():
    with pytest.raises(UserError, match="cannot open store"):
        open_store("nosuchdialect://x")
    with pytest.raises(UserError) as e:
        open_store("postgresql://user:s3cret@127.0.0.1:1/db")
    assert "s3cret" not in str(e.value) and "***" in str(e.value)


def test_redact_hides_passwords():
    assert "pw" not in redact("postgresql://u:pw@h/db")
