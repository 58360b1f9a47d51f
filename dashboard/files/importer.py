"""Reading post files into the store's post columns, and the rows that are not posts.

The file is read in chunks (``files/tables.py``, which holds the bounds), which column is
which comes from ``files/columns.py``, and a file with both a title and a body column gets
"title\\n\\nbody" as its text, cut at ``rows.TEXT_CAP`` characters with a marker saying so.
Every row is checked before anything is written: a row without an id, a readable time or
text, or with a list where a single value belongs, is reported as ``file: row N: column
C: what is wrong`` (rows counted from 1 after the header; in JSONL, the line), and either
stops the import or, when asked, is set aside with its reason for the rejected-rows file.

May import: errors, files.columns, files.export, files.rows, files.tables.
"""
from __future__ import annotations

import itertools
import pickle
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from dashboard.errors import UserError
from dashboard.files.columns import OPTIONAL_KEYS, Columns, choose_columns, require_id_and_time
from dashboard.files.export import write_table
from dashboard.files.rows import TEXT_CAP, as_text, capped, clean_text, nested_kind, \
    parse_times, whole_numbers
from dashboard.files.tables import read_chunks

MAX_PROBLEMS = 5  # problems an error message lists
SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
REJECT_COLUMNS = ("row", "column", "reason")  # the rejected-rows file's first columns


def open_posts_file(path: str | Path, mapping: dict[str, str] | None = None,
                    ) -> tuple[Columns, Iterator[pd.DataFrame]]:
    """The columns chosen for the file (``columns.choose_columns``, on its first chunk:
    a JSONL key first seen later is not used) and all its chunks; a file without rows is a
    UserError."""
    chunks = read_chunks(path)
    first = next(chunks, None)
    if first is None or first.empty:
        raise UserError(f"{path}: the file has no rows")
    return choose_columns(first, str(path), mapping), itertools.chain([first], chunks)


# --- checking rows ------------------------------------------------------------------------

@dataclass
class RowReport:
    """What checking a file's rows found besides posts: the rows that are not posts (all
    of them with their reasons, the first problems also as message lines) and the texts
    cut at ``TEXT_CAP``."""
    where: str
    rejected: list[pd.DataFrame] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    problems: int = 0
    skipped: int = 0
    cut: int = 0

    def add(self, raw: pd.DataFrame, problems: list[tuple[int, str, str]]) -> None:
        """``problems``: (row index in ``raw``, column, what is wrong), in row order."""
        self.lines += [f"{self.where}: row {i + 1}: column {col}: {why}"
                       for i, col, why in problems[:MAX_PROBLEMS - len(self.lines)]]
        self.problems += len(problems)
        by_row: dict[int, list[tuple[str, str]]] = {}
        for i, col, why in problems:
            by_row.setdefault(i, []).append((col, why))
        self.skipped += len(by_row)
        names = [_free_name(n, raw.columns) for n in REJECT_COLUMNS]
        reasons = pd.DataFrame({
            names[0]: [i + 1 for i in by_row],
            names[1]: ["; ".join(col for col, _ in p) for p in by_row.values()],
            names[2]: ["; ".join(why for _, why in p) for p in by_row.values()],
        }, index=list(by_row))
        self.rejected.append(pd.concat([reasons, raw.loc[list(by_row)]], axis=1))

    def error(self, skipping: bool = False) -> UserError:
        """The first problems as an error: ``skipping``, for a file without one post."""
        more = self.problems - len(self.lines)
        return UserError("\n".join([
            *([f"{self.where}: not one row can be stored:"] if skipping else []),
            *self.lines, *([f"(and {more:,} more problems)"] if more > 0 else []),
            *([] if skipping else [f"{self.skipped:,} of the rows cannot be stored: fix "
                                   "them, or pass --skip-invalid to store the others and "
                                   "set these aside"]),
            "nothing was written"]))

    def rejected_rows(self) -> pd.DataFrame:
        """Every rejected row: its number, the columns at fault and why, then its cells."""
        return pd.concat(self.rejected, ignore_index=True)


def _free_name(name: str, taken) -> str:
    """``name``, with "_" in front until the file has no column of that name."""
    while name in taken:
        name = "_" + name
    return name


def post_text(cells: pd.DataFrame, columns: Columns) -> pd.Series:
    """The post text, capped: title and body joined when both exist, else whichever does."""
    parts = [as_text(cells[c]) for c in (columns.title, columns.body) if c is not None]
    text = parts[0]
    if len(parts) == 2:
        t, b = parts
        text = t.where(b == "", t + "\n\n" + b).where(t != "", b)
    return text.map(capped)


def nested_problems(cells: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(row index, column, why) for each cell that is a list, an object or binary data."""
    plain = (str, int, float, bool, type(None))  # what CSV cells are: checked at once
    cells = cells[[c for c in cells if not all(type(v) in plain for v in cells[c].tolist())]]
    kinds = cells.map(nested_kind)
    return [(i, str(col), f"{kind}, not a single value")
            for col in kinds.columns for i, kind in kinds[col].dropna().items()]


def normalise_posts(raw: pd.DataFrame, source: str, where: str, columns: Columns | None = None,
                    report: RowReport | None = None) -> pd.DataFrame:
    """The rows of ``raw`` that are posts, in the store's post columns (unscored), one per
    id (the last). ``columns``: chosen on ``raw`` unless given. Rows that are not posts go
    to ``report`` (with the texts cut); without one, they are a UserError listing up to
    five problems, each with its row and column."""
    if not SOURCE_NAME.match(source or ""):
        raise UserError(f"--source {source!r}: use lower-case letters, digits, '_', '-' or '.'")
    columns = columns or choose_columns(raw, where)
    require_id_and_time(columns, raw, where)
    # only the columns used, a missing one (in later JSONL lines) as empty
    cells = pd.DataFrame({c: raw[c] if c in raw else None for c in columns.used},
                         index=raw.index, dtype=object)
    leave_out = {col: f" (--map {key}= leaves the column out)" for key, target in
                 OPTIONAL_KEYS.items() if (col := columns.optional.get(target)) is not None}
    problems = [(i, col, why + leave_out.get(col, ""))
                for i, col, why in nested_problems(cells)]
    for i, col, _ in problems:
        cells.at[i, col] = None  # never turned into text
    out = pd.DataFrame(index=raw.index)
    out["source"] = source
    out["source_id"] = as_text(cells[columns.id]).str.strip()
    out["created_at"] = parse_times(cells[columns.time])
    out["text"] = post_text(cells, columns)
    for target, col in columns.optional.items():
        values = cells[col]
        out[target] = whole_numbers(values) if target in ("engagement", "rating") else \
            as_text(values).replace("", None)

    nested = {i for i, _, _ in problems}
    text_col = " + ".join(c for c in (columns.title, columns.body) if c is not None)
    for bad, col, why in ((out["source_id"] == "", columns.id, "empty id"),
                          (out["created_at"].isna(), columns.time,
                           "cannot read this as a date/time"),
                          (out["text"].str.strip() == "", text_col, "empty text")):
        for i in out.index[bad.to_numpy()].difference(nested):
            shown = clean_text(raw.at[i, col])[:40] if col in raw else ""
            problems.append((i, col, why + (f" ({shown!r})" if shown.strip() else "")))
    strict, report = report is None, report or RowReport(where)
    if problems:
        report.add(raw, sorted(problems, key=lambda p: p[0]))
        if strict:
            raise report.error()
    posts = out[~out.index.isin([i for i, _, _ in problems])]
    report.cut += int((posts["text"].str.len() > TEXT_CAP).sum())
    return posts.drop_duplicates(["source", "source_id"], keep="last")


# --- a whole file -------------------------------------------------------------------------

@dataclass
class PostsFile:
    """A posts file read and checked: its posts (store columns, unscored) in chunks, the
    columns they came from, how many rows it had and held posts, how many distinct ids
    (``ids``), and what else its rows held (``RowReport``). The checked chunks wait in a
    temporary file (``spool``), so a file of any size is held a chunk at a time; close it
    (or use ``with``) to remove that file."""
    spool: IO[bytes]
    parts: int  # chunks in the spool
    count: int
    ids: int
    columns: Columns
    rows: int
    report: RowReport

    def chunks(self) -> Iterator[pd.DataFrame]:
        """The posts, a chunk at a time in file order, each chunk one row per id; an id
        repeated in a later chunk comes again there (written in order, the last row wins)."""
        self.spool.seek(0)
        for _ in range(self.parts):
            yield pickle.load(self.spool)

    @property
    def posts(self) -> pd.DataFrame:
        """Every post at once, one row per id (its last): for files known to be small."""
        return pd.concat(self.chunks()).drop_duplicates(["source", "source_id"], keep="last") \
            .reset_index(drop=True)

    def close(self) -> None:
        self.spool.close()

    def __enter__(self) -> PostsFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_posts_file(path: str | Path, source: str, mapping: dict[str, str] | None = None,
                    skip_invalid: bool = False,
                    chosen: Callable[[Columns], None] | None = None,
                    progress: Callable[[str, int], None] | None = None) -> PostsFile:
    """Read and check every row of a posts file (see ``normalise_posts``) before any is
    used; ``mapping`` from ``columns.parse_map``. A row that is not a post is a UserError
    listing the first problems, unless ``skip_invalid``: then only a file without a single
    post is one. ``chosen(columns)`` once the columns are chosen, before any row is
    checked; ``progress("read", rows)`` after each chunk."""
    columns, chunks = open_posts_file(path, mapping)
    if chosen:
        chosen(columns)
    report, rows, count, parts, hashes = RowReport(str(path)), 0, 0, 0, []
    spool = tempfile.TemporaryFile(prefix="import-")
    try:
        for chunk in chunks:
            posts = normalise_posts(chunk, source, str(path), columns, report)
            rows += len(chunk)
            if len(posts):
                _spool(posts, spool, path)
                parts, count = parts + 1, count + len(posts)
                # 8 bytes a post: distinct ids counted without holding them
                hashes.append(pd.util.hash_pandas_object(posts["source_id"], index=False)
                              .to_numpy())
            if progress:
                progress("read", rows)
        if report.skipped and not skip_invalid:
            raise report.error()
        if not count:
            raise report.error(skipping=True)
    except BaseException:
        spool.close()
        raise
    return PostsFile(spool, parts, count, len(np.unique(np.concatenate(hashes))), columns,
                     rows, report)


def _spool(posts: pd.DataFrame, spool: IO[bytes], path: str | Path) -> None:
    """Add checked posts to the import's temporary file; a full or missing temporary folder
    is a UserError saying which folder (nothing has been stored yet)."""
    try:
        pickle.dump(posts, spool, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as e:
        raise UserError(f"{path}: cannot hold the checked rows in a temporary file in "
                        f"{tempfile.gettempdir()} ({e.strerror or e}): free some space "
                        "there, or set TMPDIR to a folder with room for about the file's "
                        "size; nothing was written") from None


def write_rejected(report: RowReport, output: str | Path, source_file: str | Path) -> None:
    """The rejected rows as a formula-safe CSV (``export.write_table``); never over the
    file they came from."""
    if Path(output).resolve() == Path(source_file).resolve():
        raise UserError(f"--rejected {output}: that is the file being imported; "
                        "name another file")
    write_table(report.rejected_rows(), output, "csv")
