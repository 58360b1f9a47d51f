"""Reading a table file (CSV, TSV, JSONL/JSON, Parquet; CSV, TSV and JSON also gzipped) in
chunks, as it is: CSV cells as strings, JSON values as parsed, Parquet as typed.

A chunk holds at most ``CHUNK_ROWS`` rows and, in CSV and JSONL, about ``CHUNK_CHARS``
characters, so memory follows the chunk, not the file. Bounds, each a UserError naming
the file (and row or line): ``MAX_ROWS`` rows, ``MAX_CELL_CHARS`` characters in one CSV
cell or JSONL line, ``MAX_JSON_CHARS`` for a ``.json`` file (parsed whole; JSONL is read
line by line), ``MAX_DEPTH`` levels of lists and objects in one JSON record.

May import: errors.
"""
from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from dashboard.errors import UserError

CHUNK_ROWS = 10_000  # rows read, checked and scored at a time
CHUNK_CHARS = 50_000_000  # ... or fewer, when they hold this many characters
MAX_ROWS = 2_000_000  # rows in one file: split bigger exports
MAX_CELL_CHARS = 64_000_000  # one CSV cell or JSONL line (a post's text is cut far sooner)
MAX_JSON_CHARS = 200_000_000  # a .json file is parsed whole
MAX_DEPTH = 100  # levels of lists and objects in one JSON record
KINDS = {".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
         ".json": "json", ".parquet": "parquet"}


def file_kind(path: Path) -> str:
    """csv, tsv, jsonl, json or parquet, from the file name."""
    gz = path.suffix.lower() == ".gz" and len(path.suffixes) > 1
    suffix = path.suffixes[-2].lower() if gz else path.suffix.lower()
    if KINDS.get(suffix) is None or (gz and KINDS[suffix] == "parquet"):
        raise UserError(f"{path}: unknown file type {''.join(path.suffixes[-2:])!r}; "
                        "use .csv, .tsv, .jsonl, .json or .parquet (all but Parquet may be "
                        ".gz)")
    return KINDS[suffix]


def read_chunks(path: str | Path) -> Iterator[pd.DataFrame]:
    """The file's rows in chunks, each indexed by its row from 0 (rows counted after the
    header; in JSONL, by line). A file without rows gives no chunk."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: file not found")
    kind = file_kind(path)
    readers = {"csv": _csv_chunks, "tsv": _csv_chunks, "jsonl": _jsonl_chunks,
               "json": _json_chunks, "parquet": _parquet_chunks}
    rows = 0
    try:
        for chunk in readers[kind](path, kind):
            rows += len(chunk)
            if rows > MAX_ROWS:
                raise UserError(f"{path}: more than {MAX_ROWS:,} rows; split it into "
                                "smaller files and import each")
            yield chunk
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except (ValueError, OSError, EOFError, csv.Error) as e:
        raise UserError(f"{path}: cannot read as {kind}: "
                        f"{(str(e).splitlines() or [type(e).__name__])[0]}") from None


def _open_text(path: Path):
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    return opener(path, "rt", encoding="utf-8-sig", newline="")


def _in_chunks(rows: Iterator[tuple[int, object, int]]) -> Iterator[tuple[list, list]]:
    """(index, row, characters) as (indexes, rows) lists of at most ``CHUNK_ROWS`` rows and
    about ``CHUNK_CHARS`` characters."""
    index, chunk, chars = [], [], 0
    for i, row, size in rows:
        index.append(i)
        chunk.append(row)
        chars += size
        if len(chunk) == CHUNK_ROWS or chars >= CHUNK_CHARS:
            yield index, chunk
            index, chunk, chars = [], [], 0
    if chunk:
        yield index, chunk


# object columns: a lone surrogate escape ("\\ud83d") is kept for rows.clean_text to mend,
# where pandas' own string columns would refuse the whole file

def _csv_chunks(path: Path, kind: str) -> Iterator[pd.DataFrame]:
    limit = csv.field_size_limit(MAX_CELL_CHARS)  # the module's own limit is 131,072
    try:
        with _open_text(path) as f:
            reader = csv.reader(f, delimiter="\t" if kind == "tsv" else ",")
            names = _unique_names(next(reader, []))
            for index, rows in _in_chunks(_csv_rows(path, reader, len(names))):
                yield pd.DataFrame(rows, index=index, columns=names, dtype=object)
    finally:
        csv.field_size_limit(limit)


def _csv_rows(path: Path, reader, width: int) -> Iterator[tuple[int, list, int]]:
    n = 0
    try:
        for cells in reader:
            if not cells:  # a blank line
                continue
            if len(cells) > width:
                raise UserError(f"{path}: row {n + 1}: {len(cells)} cells, but the header "
                                f"names {width} columns")
            yield n, cells + [""] * (width - len(cells)), sum(map(len, cells))
            n += 1
    except csv.Error as e:
        why = f"a cell longer than {MAX_CELL_CHARS:,} characters" if "field larger" in \
            str(e) else str(e)
        raise UserError(f"{path}: row {n + 1}: {why}") from None


def _unique_names(header: list[str]) -> list[str]:
    """Column names as pandas makes them unique: a second ``id`` becomes ``id.1``."""
    names: list[str] = []
    taken: set[str] = set()
    for name in header:
        unique, k = name, 0
        while unique in taken:
            k += 1
            unique = f"{name}.{k}"
        names.append(unique)
        taken.add(unique)
    return names


def _jsonl_chunks(path: Path, kind: str) -> Iterator[pd.DataFrame]:
    with _open_text(path) as f:
        for index, records in _in_chunks(_jsonl_rows(path, f)):
            yield pd.DataFrame(records, index=index, dtype=object)


def _jsonl_rows(path: Path, f) -> Iterator[tuple[int, dict, int]]:
    n = 0
    while line := f.readline(MAX_CELL_CHARS + 1):
        n += 1
        if len(line) > MAX_CELL_CHARS:
            raise UserError(f"{path}: line {n}: longer than {MAX_CELL_CHARS:,} characters")
        if not line.strip():
            continue
        record = _parsed(path, line, f"line {n}: ")
        if not isinstance(record, dict):
            raise UserError(f"{path}: line {n}: expected a JSON object, one post per line")
        _check_depth(path, record, f"line {n}")
        yield n - 1, record, len(line)


def _json_chunks(path: Path, kind: str) -> Iterator[pd.DataFrame]:
    with _open_text(path) as f:
        text = f.read(MAX_JSON_CHARS + 1)
    if len(text) > MAX_JSON_CHARS:
        raise UserError(f"{path}: larger than {MAX_JSON_CHARS:,} characters, too large to "
                        "read whole; write it as JSONL (one object per line), which is read "
                        "in parts")
    data = _parsed(path, text)
    del text
    if isinstance(data, dict):  # {"posts": [...]} or similar: the one list inside
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise UserError(f"{path}: expected a JSON list of posts, or an object holding one")
        data = lists[0]
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise UserError(f"{path}: expected a JSON list of objects, one per post")
    for i, record in enumerate(data):
        _check_depth(path, record, f"row {i + 1}")
    columns = list(dict.fromkeys(k for record in data for k in record))
    for index, records in _in_chunks((i, r, 0) for i, r in enumerate(data)):
        yield pd.DataFrame(records, index=index, columns=columns, dtype=object)


def _parsed(path: Path, text: str, where: str = ""):
    try:
        return json.loads(text)
    except RecursionError:
        raise UserError(f"{path}: {where}nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as e:
        raise UserError(f"{path}: {where}not JSON: {e}") from None


def _check_depth(path: Path, record: dict, where: str) -> None:
    """A UserError when lists and objects nest more than ``MAX_DEPTH`` levels in
    ``record`` (counted without recursion, which is what such data breaks)."""
    stack = [(record, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UserError(f"{path}: {where}: nested more than {MAX_DEPTH} levels deep")
        inner = value.values() if isinstance(value, dict) else value
        stack.extend((v, depth + 1) for v in inner if isinstance(v, (dict, list)))


def _parquet_chunks(path: Path, kind: str) -> Iterator[pd.DataFrame]:
    with pq.ParquetFile(path) as file:
        start = 0
        for batch in file.iter_batches(batch_size=CHUNK_ROWS):
            frame = batch.to_pandas()
            frame.index = range(start, start + len(frame))
            start += len(frame)
            yield frame
