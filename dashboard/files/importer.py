"""Reading post files (CSV, TSV, JSONL/JSON, Parquet) into the store's post columns.

Column names are matched case-insensitively against common spellings (``id``/``post_id``,
``created_at``/``created_utc``/``date``, ``text``/``body``/``title`` ...); a file with both a
title and a body column gets "title\\n\\nbody" as its text. Every row is checked before
anything is written; problems are reported as ``file: row N: column: what is wrong``, with
rows counted from 1 after the header.

May import: errors, files.rows.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.errors import UserError
from dashboard.files.rows import as_text, parse_times, whole_numbers

ID = ["id", "post_id", "source_id", "objectid", "uuid", "tweet_id", "status_id", "review_id",
      "reviewid", "uri", "name"]
CREATED = ["created_at", "created_utc", "created", "createdat", "date", "datetime",
           "timestamp", "time", "published_at", "published", "posted_at", "at", "indexedat"]
TITLE = ["title", "headline", "subject"]
BODY = ["text", "body", "content", "selftext", "full_text", "message", "comment", "review",
        "comment_text", "story_text"]
OPTIONAL = {
    "author": ["author", "user", "username", "user_name", "screen_name", "handle", "username",
               "by", "account"],
    "url": ["url", "permalink", "link", "post_url"],
    "community": ["community", "subreddit", "channel", "server", "group", "forum"],
    "engagement": ["engagement", "score", "likes", "like_count", "upvotes", "points",
                   "favorite_count", "score_max", "thumbsupcount"],
    "language": ["language", "lang"],
    "rating": ["rating", "stars", "score_stars", "im:rating"],
}
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


def find_column(frame: pd.DataFrame, names: list[str]) -> str | None:
    """The first column of ``frame`` whose lower-cased name is in ``names`` (in that order)."""
    lower = {str(c).lower(): c for c in frame.columns}
    return next((lower[n] for n in names if n in lower), None)


def text_of(frame: pd.DataFrame, where: str) -> pd.Series:
    """The post text: title and body joined when both exist, else whichever exists."""
    title, body = find_column(frame, TITLE), find_column(frame, BODY)
    if title is None and body is None:
        raise UserError(f"{where}: no text column; expected one of "
                        f"{', '.join(BODY + TITLE)} (found: {', '.join(map(str, frame.columns))})")
    parts = [as_text(frame[c]) for c in (title, body) if c is not None]
    if len(parts) == 1:
        return parts[0]
    t, b = parts
    return t.where(b == "", t + "\n\n" + b).where(t != "", b)


def normalise_posts(raw: pd.DataFrame, source: str, where: str) -> pd.DataFrame:
    """Validate a raw table and map it to the store's post columns (unscored).

    Raises UserError listing up to five problems, each with its row and column.
    """
    if not SOURCE_NAME.match(source or ""):
        raise UserError(f"--source {source!r}: use lower-case letters, digits, '_', '-' or '.'")
    if raw.empty:
        raise UserError(f"{where}: the file has no rows")
    id_col, time_col = find_column(raw, ID), find_column(raw, CREATED)
    missing = [f"{what} (one of: {', '.join(names)})" for what, col, names in
               (("an id column", id_col, ID), ("a time column", time_col, CREATED)) if col is None]
    if missing:
        raise UserError(f"{where}: missing {' and '.join(missing)}; "
                        f"found: {', '.join(map(str, raw.columns))}")
    out = pd.DataFrame(index=raw.index)
    out["source"] = source
    out["source_id"] = as_text(raw[id_col]).str.strip()
    out["created_at"] = parse_times(raw[time_col])
    out["text"] = text_of(raw, where)
    for target, names in OPTIONAL.items():
        col = find_column(raw, names)
        if col is not None and col not in (id_col, time_col):
            out[target] = raw[col]
    for col in ("engagement", "rating"):
        if col in out:
            out[col] = whole_numbers(out[col])
    for col in ("author", "url", "community", "language"):
        if col in out:
            out[col] = as_text(out[col]).replace("", None)

    problems = []
    for mask, col, why in (
        (out["source_id"] == "", id_col, "empty id"),
        (out["created_at"].isna(), time_col, "cannot read this as a date/time"),
        (out["text"].str.strip() == "", "text", "empty text"),
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


def read_posts_file(path: str | Path, source: str) -> pd.DataFrame:
    """Read and normalise a posts file (see normalise_posts)."""
    return normalise_posts(read_table(path), source, str(path))
