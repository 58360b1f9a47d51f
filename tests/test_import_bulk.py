"""The bulk write path (issue 16): batches staged and upserted as sets store exactly what
row-by-row writing stored, on SQLite and PostgreSQL; an import streamed in many chunks
(scored ahead while the last is written) leaves exact posts, mentions, copies and rollup;
and an import holds about the same memory whatever the file's length."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import select

from dashboard.cli import main
from dashboard.files import tables
from dashboard.scoring import Scorer
from dashboard.write import bulk, ingest, store
from dashboard.write.schema import mentions, posts
from dashboard.write.store import count_posts, open_store, write_posts
from reliability.corpus import posts_frame
from reliability.store_checks import fingerprint, problems
from tests.helpers import ROOT, assert_settled


def reddit_posts(n: int) -> pd.DataFrame:
    """``n`` generated posts in the store's columns (source, source_id, created_at, text)."""
    frame = posts_frame(n)
    return pd.DataFrame({"source": "reddit", "source_id": frame["id"], "text": frame["title"],
                         "created_at": pd.to_datetime(frame["created_utc"], unit="s",
                                                      utc=True)})


AWKWARD = ["tab\there", "line\nbreak", "back\\slash \\N", 'quote " and , comma', "",
           "emoji 🚀 and שלום", "\\.", "null", "ChatGPT is gone, I use Claude now"]


def test_rows_staged_in_bulk_read_back_as_written(store_url, tracker):
    """Times with and without microseconds, days, flags, missing numbers and texts that
    COPY and CSV escape all come back as the values written."""
    frame = pd.DataFrame({
        "source": "s", "source_id": [f"id{i}" for i in range(len(AWKWARD))],
        "created_at": pd.to_datetime(["2026-03-01 10:00:00", "2026-03-01 10:00:00.250"] +
                                     ["2026-03-02 23:59:59"] * (len(AWKWARD) - 2), utc=True,
                                    format="ISO8601"),
        "text": AWKWARD, "url": [None, "https://example.com/a"] + [None] * (len(AWKWARD) - 2),
        "engagement": pd.array([None, 3] + [0] * (len(AWKWARD) - 2), dtype="Int64"),
        "simulated": [True, False] + [False] * (len(AWKWARD) - 2)})
    frame.loc[4, "text"] = "x"  # an empty text is no post
    engine = open_store(store_url)
    write_posts(engine, Scorer(tracker).score_frame(frame))
    with engine.connect() as conn:
        rows = conn.execute(select(posts).order_by(posts.c.id)).mappings().all()
        brands = conn.execute(select(mentions.c.brand).order_by(mentions.c.brand)).scalars()
        assert list(brands) == ["ChatGPT", "Claude"]
    assert [r["text"] for r in rows] == frame["text"].tolist()
    assert rows[0]["created_at"] == datetime(2026, 3, 1, 10)
    assert rows[1]["created_at"] == datetime(2026, 3, 1, 10, 0, 0, 250_000)
    assert [r["day"] for r in rows[:3]] == [date(2026, 3, 1)] * 2 + [date(2026, 3, 2)]
    assert [r["simulated"] for r in rows[:2]] == [True, False]
    assert [r["engagement"] for r in rows[:2]] == [None, 3]
    assert [r["url"] for r in rows[:2]] == [None, "https://example.com/a"]
    assert rows[-1]["switch_from"] == "ChatGPT" and rows[-1]["implausible_time"] is False


def test_an_import_in_many_small_chunks_is_exact(store_url, tmp_path, monkeypatch, capsys):
    """Chunks of 300 rows read, 250 scored at a time and batches of 200 written leave
    the same posts and mentions as one batch, every copy and daily figure settled; an id
    repeated in a later chunk is written again and its last row kept."""
    rows = posts_frame(1500, seed=3)
    again = rows.iloc[[10, 20]].assign(title=["edited: gone from ChatGPT, on Claude now"] * 2)
    path = tmp_path / "posts.csv"
    pd.concat([rows, again]).to_csv(path, index=False)
    whole = f"sqlite:///{tmp_path / 'whole.sqlite'}"
    assert main(["import", str(path), "--source", "reddit", "--db", whole, "--quiet"]) == 0

    monkeypatch.setattr(tables, "CHUNK_ROWS", 300)
    monkeypatch.setattr(ingest, "CHUNK", 250)
    monkeypatch.setattr(store, "BATCH", 200)
    capsys.readouterr()
    assert main(["import", str(path), "--source", "reddit", "--db", store_url]) == 0
    said = capsys.readouterr().out
    assert "1,500 stored, 0 updated (already stored), 0 skipped; 2 rows repeated an id" in said
    engine = open_store(store_url)
    assert count_posts(engine) == 1500 and problems(engine) == []
    assert fingerprint(engine) == fingerprint(open_store(whole))
    with engine.connect() as conn:
        edited = conn.execute(select(posts.c.text).where(posts.c.source_id == "p10")).scalar()
    assert edited.startswith("edited: gone from ChatGPT")
    assert_settled(engine)

    assert main(["import", str(path), "--source", "reddit", "--db", store_url]) == 0
    assert "0 stored, 1,500 updated (already stored)" in capsys.readouterr().out
    assert fingerprint(engine) == fingerprint(open_store(whole))


def test_scoring_a_stream_gives_the_rows_of_scoring_each_frame(tracker, monkeypatch):
    from dashboard.scoring import parallel
    monkeypatch.setattr(parallel, "BATCH", 7)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    frames = [pd.DataFrame({"text": posts_frame(40, seed=k)["title"]}) for k in range(5)]
    scorer = Scorer(tracker)
    out = list(scorer.score_frames((k, f) for k, f in enumerate(frames)))
    assert [k for k, _ in out] == list(range(5))
    for (_, got), frame in zip(out, frames):
        pd.testing.assert_frame_equal(got, scorer.score_frame(frame))


PEAK = """
import resource, sys
from dashboard.cli import main
code = main(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
sys.exit(code)
"""


def peak_mb(path, db) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, "import", str(path), "--source", "s",
                          "--db", db, "--quiet"], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return int(out.stdout.split()[-1])


def test_an_imports_memory_does_not_grow_with_the_file(tmp_path):
    """An import of 4x the rows peaks within 20% of the smaller one's memory (the importer
    holds a few chunks, whatever the file's length): what makes a 1M-row file safe."""
    sizes, peaks = (25_000, 100_000), []
    for n in sizes:
        path = tmp_path / f"{n}.csv"
        pd.DataFrame({"id": range(n), "created_at": "2026-03-01T12:00:00Z",
                      "text": [f"post number {i}, with words about nothing much at all"
                               for i in range(n)]}).to_csv(path, index=False)
        peaks.append(peak_mb(path, f"sqlite:///{tmp_path / f'{n}.sqlite'}"))
    assert peaks[1] <= peaks[0] * 1.2, json.dumps(dict(zip(sizes, peaks)))


@pytest.mark.parametrize("kept", [True, False])
def test_posts_fetched_again_are_written_with_or_without_their_scores(engine, tracker, kept):
    scorer = Scorer(tracker)
    frame = pd.DataFrame({"source": "s", "source_id": ["a", "b"], "text": ["ChatGPT", "Claude"],
                          "created_at": pd.Timestamp("2026-03-01", tz="UTC")})
    ingest.save_posts(engine, frame, scorer)
    frame["engagement"] = 5
    if not kept:
        frame["text"] = ["Gemini", "Grok"]
    assert ingest.save_posts(engine, frame, scorer) == 2
    with engine.connect() as conn:
        got = conn.execute(select(posts.c.brands, posts.c.engagement).order_by(posts.c.id)).all()
    assert got == ([("ChatGPT", 5), ("Claude", 5)] if kept else [("Gemini", 5), ("Grok", 5)])


def test_a_full_temporary_folder_is_a_clear_error_and_stores_nothing(tmp_path, monkeypatch,
                                                                     capsys):
    import errno
    import tempfile

    class Full:
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            pass
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda **kw: Full())
    path = tmp_path / "p.csv"
    posts_frame(50).to_csv(path, index=False)
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    assert main(["import", str(path), "--source", "reddit", "--db", db]) != 0
    err = capsys.readouterr().err
    assert "cannot hold the checked rows in a temporary file" in err and "TMPDIR" in err
    assert "No space left on device" in err and "nothing was written" in err


@pytest.mark.postgres
def test_a_large_import_refreshes_the_planners_statistics(pg_url, tracker, monkeypatch):
    from sqlalchemy import text
    monkeypatch.setattr(ingest, "ANALYZE_AFTER", 100)
    frame = reddit_posts(150)
    engine = open_store(pg_url)
    ingest.save_posts_as_run(engine, frame, "reddit", Scorer(tracker))
    with engine.connect() as conn:
        analyzed = conn.execute(text("SELECT last_analyze FROM pg_stat_user_tables WHERE "
                                     "relname = 'posts' AND schemaname = current_schema()"))
        assert analyzed.scalar() is not None


@pytest.mark.postgres
def test_the_staging_tables_do_not_grow_with_the_batches_before(pg_url, tracker, monkeypatch):
    """Each batch empties the staging tables without leaving the earlier rows behind as
    dead space (a DELETE did: nothing vacuums a temporary table, and every batch's joins
    read all of it, so batches got slower the more came before)."""
    from sqlalchemy import text
    monkeypatch.setattr(store, "BATCH", 200)
    frame = reddit_posts(2_000)
    engine = open_store(pg_url)
    sizes, upsert = [], bulk.upsert

    def measured(conn, columns):  # each batch's staging tables, once loaded
        sizes.append(conn.execute(text("SELECT pg_relation_size('stage_posts') + "
                                       "pg_relation_size('stage_mentions')")).scalar())
        upsert(conn, columns)
    monkeypatch.setattr(bulk, "upsert", measured)
    write_posts(engine, Scorer(tracker).score_frame(frame))
    assert count_posts(engine) == len(frame) and len(sizes) == 10
    assert max(sizes) <= 2 * sizes[0], sizes


def test_a_long_import_refreshes_the_statistics_as_it_goes(store_url, tracker, monkeypatch):
    """Every ANALYZE_AFTER posts written, not only at the end: a file of a source new to
    the store otherwise runs on plans made without its posts (store.analyze)."""
    calls = []
    monkeypatch.setattr(ingest, "ANALYZE_AFTER", 100)
    monkeypatch.setattr(ingest, "CHUNK", 50)
    monkeypatch.setattr(ingest, "analyze", lambda engine: calls.append(count_posts(engine)))
    frame = reddit_posts(330)
    ingest.save_posts(open_store(store_url), frame, Scorer(tracker))
    assert calls == [100, 200, 300, 330]
