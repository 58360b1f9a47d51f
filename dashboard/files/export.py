"""Writing frames to files: CSV that spreadsheets open safely, and Parquet.

CSV text cells and headers that start with ``= + - @``, a tab or a carriage return (also
after leading spaces, line breaks or byte-order marks, which spreadsheets strip, and in the
full-width forms some read as these) get a leading apostrophe, so a post cannot become a
spreadsheet formula (CSV/formula injection). A byte-order mark (U+FEFF) counts as a leading
blank: a reader takes one that opens the file for the file's own mark and drops it. Numbers,
including text cells that are plain numbers such as "-3", are left alone. Lines end in CRLF,
so no cell can break out into a row of its own.

May import: errors, tracker, files.visible, and the read side (read.daily, read.metrics,
read.queries, read.ratings, read.reasons) for the CLI's exports.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from dashboard.errors import UserError
from dashboard.files.visible import visible
from dashboard.read.daily import daily_table
from dashboard.read.metrics import daily_reasons
from dashboard.read.queries import all_posts, all_ranks, scorer_versions, store_overview
from dashboard.read.ratings import ratings_table
from dashboard.read.reasons import posts_by_reason
from dashboard.tracker import Tracker

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
LEADING_BLANKS = re.compile(r"[\s\ufeff]*")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def formula_like(value) -> bool:
    """Whether a spreadsheet could take ``value`` for a formula (see the module doc)."""
    if not isinstance(value, str):
        return False
    if value.startswith(("\t", "\r")):
        return True
    start = value[LEADING_BLANKS.match(value).end():]
    return start.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(start.rstrip())


def safe_cell(value):
    return "'" + value if formula_like(value) else value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names cannot be read as formulas, and show
    their bidi controls as marks (``visible.py``)."""
    out = frame.copy()
    # headers come from users' files too
    out.columns = [safe_cell(visible(c)) for c in out.columns]
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if isinstance(col.dtype, pd.CategoricalDtype):  # text hides in categories too
            col = col.astype(object)
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            # object dtype: a lone surrogate must reach to_csv's error handler, not pyarrow
            out.isetitem(i, pd.Series([safe_cell(visible(v)) for v in col], index=col.index,
                                      dtype=object))
    return out


def to_safe_csv(frame: pd.DataFrame, target=None, **options):
    """``frame`` as CSV text (or into ``target``): formula-safe cells, and CRLF line ends as
    RFC 4180 has them, so a carriage return inside a cell gets the cell quoted (with "\n"
    ends a bare CR would start a new row in a spreadsheet, and its rest a new cell)."""
    return spreadsheet_safe(frame).to_csv(target, index=False, lineterminator="\r\n",
                                          encoding="utf-8", errors="replace", **options)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return to_safe_csv(frame).encode("utf-8", "replace")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_parquet(index=False)


def write_table(frame: pd.DataFrame, output: str | Path, fmt: str, append: bool = False) -> None:
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            frame.to_parquet(output, index=False)
        else:
            to_safe_csv(frame, output, mode="a" if append else "w", header=not append)
    except OSError as e:
        raise UserError(f"{output}: cannot write: {e.strerror or e}") from None


def export_table(engine: Engine, table: str, output: str | Path, fmt: str,
                 tracker: Tracker) -> int:
    """Write ``posts``, ``ranks``, ``daily``, ``reasons`` or ``ratings`` to ``output``;
    returns the row count. Posts carry their ``scorer_version``; daily rows name every
    scorer version in the store (``scorer_versions``, ";"-separated). Posts and ranks carry
    their own ``simulated`` flag; the daily, reasons and ratings rows say whether the store
    holds simulated data, so a figure from the demo is marked wherever it is pasted."""
    if table in ("reasons", "ratings"):
        frame = (daily_reasons(posts_by_reason(engine, tracker)[0]) if table == "reasons" else
                 ratings_table(engine, tracker))
        frame["date"] = pd.to_datetime(frame["date"]).dt.date
    elif table == "daily":
        frame = daily_table(engine, tracker)
        frame["date"] = pd.to_datetime(frame["date"]).dt.date
        # which scorer made the numbers (posts exports carry it per post)
        frame["scorer_versions"] = ";".join(v for v in scorer_versions(engine)[
            "scorer_version"].dropna().sort_values())
    if table in ("reasons", "ratings", "daily"):
        frame["simulated"] = store_overview(engine)["simulated"]
    elif table == "ranks":
        frame = all_ranks(engine)
    elif fmt == "parquet":
        frame = pd.concat(list(all_posts(engine)) or [pd.DataFrame()], ignore_index=True)
    else:  # stream posts to CSV chunk by chunk: the store may be bigger than memory
        n = 0
        for i, chunk in enumerate(all_posts(engine)):
            write_table(chunk, output, fmt, append=i > 0)
            n += len(chunk)
        if n == 0:
            write_table(pd.DataFrame(columns=["source", "source_id"]), output, fmt)
        return n
    write_table(frame, output, fmt)
    return len(frame)
