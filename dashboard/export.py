"""Writing frames to files: CSV that spreadsheets open safely, and Parquet.

CSV text cells that start with ``= + - @``, a tab or a carriage return get a leading
apostrophe, so a post cannot become a spreadsheet formula (CSV/formula injection).
Numbers, including text cells that are plain numbers such as "-3", are left alone.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from dashboard.errors import UserError
from dashboard.filters import Filters
from dashboard.metrics import daily_backlash
from dashboard.queries import all_posts, all_ranks, mention_stats, switch_stats
from dashboard.tracker import Tracker

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot be read as formulas."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            s = out[col]
            risky = s.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START)
                          and not PLAIN_NUMBER.fullmatch(v))
            out[col] = s.where(~risky, "'" + s.astype(str))
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return spreadsheet_safe(frame).to_csv(index=False).encode("utf-8")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_parquet(index=False)


def write_table(frame: pd.DataFrame, output: str | Path, fmt: str, append: bool = False) -> None:
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            frame.to_parquet(output, index=False)
        else:
            spreadsheet_safe(frame).to_csv(output, index=False, mode="a" if append else "w",
                                           header=not append)
    except OSError as e:
        raise UserError(f"{output}: cannot write: {e.strerror or e}") from None


def daily_table(engine: Engine, tracker: Tracker, filters: Filters = Filters(),
                hourly: bool = False) -> pd.DataFrame:
    """The per-brand figures per day (or hour) over the filters (default: the whole store)."""
    return daily_backlash(mention_stats(engine, filters, hourly),
                          switch_stats(engine, filters, hourly),
                          list(filters.brands) or tracker.brand_names, filters.start,
                          filters.end, freq="h" if hourly else "D")


def export_table(engine: Engine, table: str, output: str | Path, fmt: str,
                 tracker: Tracker) -> int:
    """Write ``posts``, ``ranks`` or ``daily`` to ``output``; returns the row count."""
    if table == "daily":
        frame = daily_table(engine, tracker)
        frame["date"] = pd.to_datetime(frame["date"]).dt.date
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
