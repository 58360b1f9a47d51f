"""A store that fails: unreachable, corrupt, read-only, full, or a run that is killed or
interrupted. Every page then shows what failed and which store (any password hidden, however
the URL spells it) and never a traceback; the CLI prints one paragraph and exits with status
2; a read-only store can still be read; an import that fails part-way keeps the batches it
wrote, its run says how many, and running it again finishes the job. On SQLite and, where
the fault exists there, PostgreSQL (a full disk is raised there by a trigger, with the
server's own SQLSTATE)."""
from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select, text

from dashboard.cli import main
from dashboard.write import store
from dashboard.write.faults import redact, scrub
from dashboard.write.schema import runs
from dashboard.write.store import BATCH, count_posts, open_store
from reliability.corpus import posts_frame, write_posts_csv
from reliability.store_checks import problems
from tests.helpers import ROOT, app_page

PAGES = ["overview", "switching", "ranks", "posts", "sources", "about"]
PASSWORDS = ["s3cret-pw", "p@ss@word", "pa:ss/wo?rd", "pa%40ss", "sp ace"]
POSTS = 2 * BATCH + 500  # three batches


# --- passwords are hidden however they are written -------------------------------------

@pytest.mark.parametrize("password", PASSWORDS)
def test_a_password_is_hidden_however_it_is_written(password):
    url = f"postgresql://collector:{password}@db.example:5432/store"
    shown = redact(url)
    assert shown.startswith("postgresql://collector:***@") and shown.endswith("/store")
    pieces = [p for p in password.replace(":", "@").split("@") if len(p) > 2]
    assert not [p for p in pieces if p in shown]
    # a driver that split the URL at the password's first '@' names the rest as a host
    message = f"failed to resolve host '{password.split('@', 1)[-1]}@db.example'"
    assert not [p for p in pieces if p in scrub(message, url)]


def test_a_password_given_as_a_parameter_is_hidden():
    url = "postgresql://db.example/store?user=me&password=hunter22&sslmode=require"
    assert "hunter22" not in redact(url) and "sslmode=require" in redact(url)
    assert "hunter22" not in scrub("password=hunter22 was refused", url)


# --- the CLI and every page say what failed ---------------------------------------------

@pytest.fixture
def no_dns(monkeypatch):
    """Names other than this machine's do not resolve (the driver resolves in Python)."""
    real = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", local_only)


def cli_error(capsys, *argv) -> str:
    """Run the CLI, which must exit 2 with one paragraph on stderr (after any progress
    lines); returns it."""
    capsys.readouterr()  # what came before
    assert main(list(argv)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\nerror: " in f"\n{err}"
    paragraph = err[f"\n{err}".index("\nerror: "):]
    assert paragraph.count("\n") == 1
    return paragraph


def page_error(monkeypatch, url: str, page: str) -> str:
    """Run a page on ``url``: it must show an error and no exception; returns the message."""
    at = app_page(monkeypatch, url, page)
    assert "store cannot be used" in at.error[0].value
    return at.code[0].value


def unreachable(password: str) -> str:
    return f"postgresql://collector:{password}@127.0.0.1:1/store"  # nothing listens there


@pytest.mark.parametrize("password", ["s3cret-pw", "hunter@zebra42@quux"])
def test_an_unreachable_server_is_one_paragraph_on_the_cli(password, no_dns, capsys, tmp_path):
    err = cli_error(capsys, "export", "--table", "posts", "-o", str(tmp_path / "p.csv"),
                    "--db", unreachable(password))
    assert "cannot reach the store postgresql://collector:***@127.0.0.1:1/store" in err
    assert not [p for p in ("s3cret", "hunter", "zebra42", "quux") if p in err]
    if "@" in password:
        assert "write it as %40" in err


@pytest.mark.parametrize("page", PAGES)
def test_an_unreachable_server_is_a_message_on_every_page(page, no_dns, monkeypatch):
    message = page_error(monkeypatch, unreachable("hunter@zebra42@quux"), page)
    assert "cannot reach the store postgresql://collector:***@127.0.0.1:1/store" in message
    assert not [p for p in ("hunter", "zebra42", "quux") if p in message]


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path, capsys, monkeypatch):
    (tmp_path / "a-file").write_text("not a folder")
    url = f"sqlite:///{tmp_path / 'a-file' / 'store.sqlite'}"
    err = cli_error(capsys, "export", "--table", "posts", "-o", str(tmp_path / "p.csv"),
                    "--db", url)
    assert f"cannot reach the store {url}" in err and "cannot create the folder" in err
    assert "cannot create the folder" in page_error(monkeypatch, url, "overview")


# --- corrupt ----------------------------------------------------------------------------

def imported(url: str, posts: int = 300) -> str:
    path = write_posts_csv(Path(url.split("///", 1)[1]).parent / "posts.csv", posts)
    assert main(["import", str(path), "--source", "reddit", "--db", url, "--quiet"]) == 0
    return url


def test_a_file_that_is_not_a_store(tmp_path, capsys, monkeypatch):
    path = tmp_path / "store.sqlite"
    path.write_bytes(os.urandom(8192))
    url = f"sqlite:///{path}"
    err = cli_error(capsys, "export", "--table", "posts", "-o", str(tmp_path / "p.csv"),
                    "--db", url)
    assert f"the store {url} is damaged (file is not a database)" in err
    for page in ("overview", "posts"):
        assert "is damaged" in page_error(monkeypatch, url, page)


def test_a_store_damaged_inside(tmp_path, capsys, monkeypatch):
    """A valid header, but the pages holding the posts overwritten: the failure comes when
    the posts are read, long after the store was opened."""
    url = imported(f"sqlite:///{tmp_path / 'store.sqlite'}")
    engine = open_store(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file
        size = conn.exec_driver_sql("PRAGMA page_size").scalar()
        root = conn.exec_driver_sql("SELECT rootpage FROM sqlite_master "
                                    "WHERE name = 'posts'").scalar()
    engine.dispose()
    with open(tmp_path / "store.sqlite", "r+b") as f:
        f.seek((root - 1) * size)
        f.write(os.urandom(size))
    err = cli_error(capsys, "export", "--table", "posts", "-o", str(tmp_path / "p.csv"),
                    "--db", url)
    assert f"the store {url} is damaged" in err
    assert "is damaged" in page_error(monkeypatch, url, "posts")


# --- read-only --------------------------------------------------------------------------

@contextlib.contextmanager
def read_only(folder: Path):
    """``folder`` on a read-only filesystem: a read-only bind mount of itself (needs root
    with mount rights; skips otherwise)."""
    try:
        subprocess.run(["mount", "--bind", folder, folder], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as e:
        pytest.skip(f"cannot bind-mount here ({e}); a read-only filesystem needs root")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", folder, folder], check=True,
                       capture_output=True)
        yield
    finally:
        subprocess.run(["umount", "--lazy", folder], check=True)  # engines may hold files


def renders(monkeypatch, url: str, page: str):
    at = app_page(monkeypatch, url, page)
    assert not at.error
    return at


@pytest.mark.parametrize("writer", ["closed", "open"])
def test_a_store_on_a_read_only_filesystem_can_be_read(writer, tmp_path, capsys, monkeypatch):
    """Closed: the store was closed cleanly (one file); open: a snapshot taken while a
    writer had it open (its -wal and -shm files beside it)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    url = f"sqlite:///{folder / 'store.sqlite'}"
    posts = write_posts_csv(tmp_path / "posts.csv", 300)
    subprocess.run([sys.executable, "-m", "dashboard", "import", str(posts), "--source",
                    "reddit", "--db", url, "--quiet"], cwd=ROOT, check=True)
    if writer == "open":
        assert main(["import", str(posts), "--source", "again", "--db", url, "--quiet"]) == 0
    assert Path(f"{folder / 'store.sqlite'}-wal").exists() == (writer == "open")
    out = tmp_path / "out.csv"
    with read_only(folder):
        assert main(["export", "--table", "posts", "-o", str(out), "--db", url,
                     "--quiet"]) == 0
        assert len(pd.read_csv(out)) == 300 * (1 + (writer == "open"))
        assert len(renders(monkeypatch, url, "posts").dataframe[0].value) > 0
        renders(monkeypatch, url, "overview")
        err = cli_error(capsys, "import", str(posts), "--source", "x", "--db", url)
        assert f"the store {url} is read-only" in err and "can still be read" in err


def test_an_old_store_on_a_read_only_filesystem_says_it_needs_an_upgrade(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    url = imported(f"sqlite:///{folder / 'store.sqlite'}")
    with open_store(url).begin() as conn:
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    with read_only(folder):
        err = cli_error(capsys, "export", "--table", "posts", "-o", str(tmp_path / "p.csv"),
                        "--db", url)
    assert "is at schema version 3 and must be upgraded" in err and "read-only" in err


def read_only_postgres(pg_url: str) -> str:
    """The same PostgreSQL store with every transaction read-only (as on a standby)."""
    return pg_url.replace("options=", "options=-cdefault_transaction_read_only%3Don%20")


@pytest.mark.postgres
def test_a_read_only_postgres_store_can_be_read(pg_url, tmp_path, capsys, monkeypatch):
    imported_pg = write_posts_csv(tmp_path / "posts.csv", 300)
    assert main(["import", str(imported_pg), "--source", "reddit", "--db", pg_url,
                 "--quiet"]) == 0
    url = read_only_postgres(pg_url)
    out = tmp_path / "out.csv"
    assert main(["export", "--table", "posts", "-o", str(out), "--db", url, "--quiet"]) == 0
    assert len(pd.read_csv(out)) == 300
    assert len(renders(monkeypatch, url, "posts").dataframe[0].value) > 0
    err = cli_error(capsys, "import", str(imported_pg), "--source", "x", "--db", url)
    assert "is read-only (cannot execute" in err and "in a read-only transaction)" in err


# --- full: the batches before stay, the run says how many, a rerun finishes -------------

def run_rows(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(runs.c.status, runs.c["items"], runs.c.error).order_by(runs.c.id))]


def check_full_then_rerun(url: str, posts_csv: Path, capsys, make_room) -> None:
    err = cli_error(capsys, "import", str(posts_csv), "--source", "reddit", "--db", url)
    assert "is full" in err and f"of the {POSTS:,} posts had been written" in err
    engine = open_store(url)
    written = count_posts(engine)
    assert 0 < written < POSTS and written % BATCH == 0, "whole batches, the failed one undone"
    [(status, items, error)] = run_rows(engine)
    assert (status, items) == ("failed", written) and "is full" in error
    assert f"{written:,} of the {POSTS:,} posts had been written" in err
    make_room()
    assert main(["import", str(posts_csv), "--source", "reddit", "--db", url]) == 0
    assert f"{POSTS - written:,} stored, {written:,} updated (already stored)" in \
        capsys.readouterr().out
    assert count_posts(engine) == POSTS and problems(engine) == []


@pytest.fixture(scope="module")
def posts_csv(tmp_path_factory):
    return write_posts_csv(tmp_path_factory.mktemp("full") / "posts.csv", POSTS)


def test_an_import_that_fills_a_sqlite_store(tmp_path, posts_csv, capsys, monkeypatch):
    """SQLite's own "database or disk is full", from a page limit set on every connection:
    room for the empty store and one batch of posts (about five a page), not two."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with open_store(url).connect() as conn:
        empty = conn.exec_driver_sql("PRAGMA page_count").scalar()
    limit = {"pages": empty + BATCH // 5}
    real = store._sqlite_pragmas

    def limited(dbapi_conn, record):
        real(dbapi_conn, record)
        dbapi_conn.execute(f"PRAGMA max_page_count = {limit['pages']}")
    monkeypatch.setattr(store, "_sqlite_pragmas", limited)
    check_full_then_rerun(url, posts_csv, capsys, lambda: limit.update(pages=10**9))


@contextlib.contextmanager
def small_filesystem(folder: Path, size: str):
    """A tmpfs of ``size`` mounted on ``folder`` (needs root with mount rights; skips
    otherwise)."""
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", folder],
                       check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as e:
        pytest.skip(f"cannot mount a tmpfs here ({e}); a full disk needs root")
    try:
        yield
    finally:
        subprocess.run(["umount", "--lazy", folder], check=True)  # engines may hold files


def test_an_import_that_fills_a_real_disk(tmp_path, posts_csv, capsys):
    folder = tmp_path / "disk"
    folder.mkdir()
    url = f"sqlite:///{folder / 'store.sqlite'}"
    grow = ["mount", "-o", "remount,size=64m", folder]
    # room for one batch in the WAL (about 1 KB a post), not two
    with small_filesystem(folder, f"{BATCH * 11 // 10}k"):
        check_full_then_rerun(url, posts_csv, capsys,
                              lambda: subprocess.run(grow, check=True))


@pytest.mark.postgres
def test_an_import_that_fills_a_postgres_store(pg_url, posts_csv, capsys):
    """The server's "could not extend file: No space left on device" (SQLSTATE 53100),
    raised by a trigger once the first batch is in."""
    engine = open_store(pg_url)
    with engine.begin() as conn:
        conn.execute(text(f"""
            CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF (SELECT count(*) FROM posts) >= {BATCH} THEN
                RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device'
                  USING ERRCODE = 'disk_full';
              END IF;
              RETURN NULL;
            END $$"""))
        conn.execute(text("CREATE TRIGGER disk_full BEFORE INSERT ON posts "
                          "FOR EACH STATEMENT EXECUTE FUNCTION disk_full()"))

    def make_room():
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER disk_full ON posts"))
    check_full_then_rerun(pg_url, posts_csv, capsys, make_room)


# --- killed or interrupted: the run says what was written -------------------------------

def test_a_killed_import_leaves_whole_batches_and_says_so(tmp_path, posts_csv):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_store(url)
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "import", str(posts_csv),
                             "--source", "reddit", "--db", url, "--quiet"], cwd=ROOT,
                            start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while count_posts(engine) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = count_posts(engine)
    assert written % BATCH == 0 and problems(engine) == []
    [(status, items, _)] = run_rows(engine)
    assert (status, items) == ("running", written)  # what it wrote, as it was killed
    assert main(["import", str(posts_csv), "--source", "reddit", "--db", url, "--quiet"]) == 0
    assert count_posts(engine) == POSTS


def test_an_interrupted_import_is_recorded_as_interrupted(tmp_path, posts_csv, monkeypatch,
                                                          capsys):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    real = store.write_posts

    def stop_after_one_batch(engine, frame, progress=None, **kw):
        def count(done):
            if progress:
                progress(done)
            raise KeyboardInterrupt
        return real(engine, frame, progress=count, **kw)
    monkeypatch.setattr("dashboard.write.ingest.write_posts", stop_after_one_batch)
    assert main(["import", str(posts_csv), "--source", "reddit", "--db", url]) == 130
    [(status, items, error)] = run_rows(open_store(url))
    assert (status, items) == ("interrupted", BATCH)
    assert error == "interrupted (Ctrl-C or a stop signal)"


# --- two imports at once count only their own posts ------------------------------------

@pytest.mark.parametrize("store_kind", ["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def test_two_imports_at_once_never_count_the_others_posts(store_kind, tmp_path, request):
    url = (f"sqlite:///{tmp_path / 'store.sqlite'}" if store_kind == "sqlite"
           else request.getfixturevalue("pg_url"))
    open_store(url).dispose()
    files = []
    for name, prefix in (("a.csv", "a"), ("b.csv", "b"), ("same.csv", "s")):
        frame = posts_frame(BATCH + 300, seed=len(files))
        frame["id"] = prefix + frame["id"]
        frame.to_csv(tmp_path / name, index=False)
        files.append(tmp_path / name)
    argv = [sys.executable, "-m", "dashboard", "import", "--source", "reddit", "--db", url]
    # different posts, then the same posts, imported by two processes at once
    for pair in ([files[0], files[1]], [files[2], files[2]]):
        procs = [subprocess.Popen([*argv, str(f)], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for f in pair]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
        counts = [_counts(out) for out, _ in outs]
        assert all(0 <= new <= n and 0 <= old for n, new, old in counts), counts
        if pair[0] == pair[1]:
            assert sum(new for _, new, _ in counts) == BATCH + 300
        else:
            assert [new for _, new, _ in counts] == [BATCH + 300] * 2
    assert count_posts(open_store(url)) == 3 * (BATCH + 300)


def _counts(out: str) -> tuple[int, int, int]:
    """(posts, new, already stored) from import's summary line."""
    found = re.search(r"imported .*: ([\d,]+) stored, ([\d,]+) updated", out)
    new, already = (int(n.replace(",", "")) for n in found.groups())
    return new + already, new, already
