"""Reading post files (CSV, TSV, JSONL/JSON, Parquet) into the store's post columns.

Which column is which comes from ``files/columns.py``; a file with both a title and a body
column gets "title\\n\\nbody" as its text. Every row is checked before anything is written;
problems are reported as ``file: row N: column C: what is wrong``, with rows counted from 1
after the header.

May import: errors, files.columns, files.rows.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.errors import UserError
from dashboard.files.columns import Columns, choose_columns, require_id_and_time
from dashboard.files.rows import as_text, parse_times, whole_numbers

MAX_PROBLEMS = 5
SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV/TSV/JSONL/JSON/Parquet file as it is (all CSV cells as strings)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: file not found")
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix == ".gz" else path.suffix.lower()
    try:
        if suffix.startswith((".csv", ".tsv", ".txt")):
            sep = "\t" if suffix.startswith(".tsv") else ","
            return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False,
                               encoding="utf-8-sig")
        if suffix.startswith((".jsonl", ".ndjson")):
            return pd.read_json(path, lines=True, dtype=False)
        if suffix.startswith(".json"):
            return _read_json(path)
        if suffix == ".parquet":
            return pd.read_parquet(path)
    except UnicodeDecodeError as e:
        raise UserError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
    except (ValueError, pd.errors.ParserError, OSError) as e:
        raise UserError(f"{path}: cannot read as {suffix.lstrip('.')}: "
                        f"{str(e).splitlines()[0]}") from None
    raise UserError(f"{path}: unknown file type {suffix!r}; "
                    "use .csv, .tsv, .jsonl, .json or .parquet")


def _read_json(path: Path) -> pd.DataFrame:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):  # {"posts": [...]} or similar: the one list inside
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise UserError(f"{path}: expected a JSON list of posts, or an object holding one")
        data = lists[0]
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise UserError(f"{path}: expected a JSON list of objects, one per post")
    # object columns: a lone surrogate escape ("\\ud83d") is kept for rows.clean_text to mend,
    # where pandas' own string columns would refuse the whole file
    return pd.DataFrame(data, dtype=object)


def post_text(raw: pd.DataFrame, columns: Columns) -> pd.Series:
    """The post text: title and body joined when both exist, else whichever does."""
    parts = [as_text(raw[c]) for c in (columns.title, columns.body) if c is not None]
    if len(parts) == 1:
        return parts[0]
    t, b = parts
    return t.where(b == "", t + "\n\n" + b).where(t != "", b)


def normalise_posts(raw: pd.DataFrame, source: str, where: str,
                    columns: Columns | None = None) -> pd.DataFrame:
    """Validate a raw table and map it to the store's post columns (unscored), one row per
    id (the last); ``columns``: chosen on ``raw`` unless given.

    Raises UserError listing up to five problems, each with its row and column.
    """
    if not SOURCE_NAME.match(source or ""):
        raise UserError(f"--source {source!r}: use lower-case letters, digits, '_', '-' or '.'")
    columns = columns or choose_columns(raw, where)
    require_id_and_time(columns, raw, where)
    out = pd.DataFrame(index=raw.index)
    out["source"] = source
    out["source_id"] = as_text(raw[columns.id]).str.strip()
    out["created_at"] = parse_times(raw[columns.time])
    out["text"] = post_text(raw, columns)
    for target, col in columns.optional.items():
        out[target] = whole_numbers(raw[col]) if target in ("engagement", "rating") else \
            as_text(raw[col]).replace("", None)

    problems = []
    text_col = " + ".join(c for c in (columns.title, columns.body) if c is not None)
    for mask, col, why in (
        (out["source_id"] == "", columns.id, "empty id"),
        (out["created_at"].isna(), columns.time, "cannot read this as a date/time"),
        (out["text"].str.strip() == "", text_col, "empty text"),
    ):
        for i in np.flatnonzero(mask.to_numpy())[:MAX_PROBLEMS]:
            shown = raw[col].iloc[i] if col in raw else ""
            problems.append((i, f"{where}: row {i + 1}: column {col}: {why}"
                                + (f" ({str(shown)[:40]!r})" if str(shown).strip() else "")))
    if problems:
        problems.sort()
        total = len(problems)
        lines = [p for _, p in problems[:MAX_PROBLEMS]]
        more = "\n(and more; fix these and run again)" if total > MAX_PROBLEMS else ""
        raise UserError("\n".join(lines) + more + "\nnothing was written")
    # the same id twice in one file: the last row wins, as a re-import would
    return out.drop_duplicates(["source", "source_id"], keep="last").reset_index(drop=True)


@dataclass
class PostsFile:
    """A posts file read: its posts (store columns, unscored), the columns they came from,
    and how many rows it had."""
    posts: pd.DataFrame
    columns: Columns
    rows: int


def read_posts_file(path: str | Path, source: str, mapping: dict[str, str] | None = None,
                    chosen: Callable[[Columns], None] | None = None) -> PostsFile:
    """Read and normalise a posts file (see ``normalise_posts``); ``mapping`` from
    ``columns.parse_map``; ``chosen(columns)`` once the columns are chosen, before any row
    is checked."""
    raw = read_table(path)
    if raw.empty:
        raise UserError(f"{path}: the file has no rows")
    columns = choose_columns(raw, str(path), mapping)
    if chosen:
        chosen(columns)
    return PostsFile(normalise_posts(raw, source, str(path), columns), columns, len(raw))
