"""Cleaning cells into what every store accepts: text, counts and times; telling a single
value from a list, an object or binary data; and the cap on one post's text
(``TEXT_CAP``). Used by the file importer (``files/importer.py``) and the collectors
(``collectors/base.py``) alike, so a post reads the same whichever way it came in.

May import: nothing of the project (numpy and pandas only).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

EPOCH_MS = 1e11  # epoch numbers above this are milliseconds, not seconds
INT_RANGE = (-2**31, 2**31 - 1)  # PostgreSQL INTEGER, the narrowest store column
TIME_RANGE = (pd.Timestamp.min.tz_localize("UTC"), pd.Timestamp.max.tz_localize("UTC"))
_SURROGATE = re.compile("[\ud800-\udfff]")
# characters of one post's text that are kept (Reddit's own limit for a post): a 50 MB
# "post" is never a post, and scoring one took gigabytes
TEXT_CAP = 40_000


def capped(text: str) -> str:
    """``text``, or its first ``TEXT_CAP`` characters and a marker saying that the rest was
    cut and how long it was (worded so the scorer reads nothing into it)."""
    if len(text) <= TEXT_CAP:
        return text
    return f"{text[:TEXT_CAP]} [… truncated at {TEXT_CAP:,} of {len(text):,} characters]"


def nested_kind(value) -> str | None:
    """What a cell holds when it is no single value: "a list", "an object" (JSON's, or a
    Parquet struct) or "binary data"; None for text, numbers, times and missing cells."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "binary data"
    return None


def clean_text(value) -> str:
    """A cell as text every store accepts: missing is "", NUL is dropped (PostgreSQL refuses
    it, and it never means anything in a post), and a lone UTF-16 surrogate (a broken JSON
    escape, which no UTF-8 store can hold) becomes U+FFFD."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    text = value if isinstance(value, str) else str(value)
    return _SURROGATE.sub("\ufffd", text.replace("\x00", ""))


def as_text(col: pd.Series) -> pd.Series:
    """``clean_text`` of every cell of ``col``."""
    # most cells: plain ASCII text, with nothing to clean (no surrogate can be ASCII)
    return pd.Series([v if type(v) is str and v.isascii() and "\x00" not in v else
                      clean_text(v) for v in col.tolist()], index=col.index, dtype=object)


def whole_numbers(values: pd.Series) -> pd.Series:
    """Counts as nullable integers; anything that is not a number, or does not fit a store's
    INTEGER column (inf, 1e23), is missing."""
    scalars = values.astype(object).map(lambda v: v if pd.api.types.is_scalar(v) else None)
    numbers = pd.to_numeric(scalars, errors="coerce").astype(float)
    return numbers.where(numbers.between(*INT_RANGE)).round().astype("Int64")


def parse_times(values: pd.Series) -> pd.Series:
    """UTC timestamps from epoch seconds/milliseconds or date strings (naive = UTC)."""
    raw = values.astype(object)
    numbers = pd.to_numeric(raw, errors="coerce")
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    is_num = numbers.notna()
    if is_num.any():
        n = numbers[is_num].astype(float)
        n = n.where(n.abs() < EPOCH_MS, n / 1000)
        out[is_num] = _in_range(pd.to_datetime(n, unit="s", utc=True, errors="coerce"))
    strings = as_text(raw).str.strip()
    # pandas reads "now" and "today" as the moment of reading, which no post was written at
    text = ~is_num & raw.notna() & (strings != "") & ~strings.isin(["now", "today"])
    if text.any():
        out[text] = _in_range(pd.to_datetime(strings[text], utc=True, errors="coerce",
                                             format="mixed"))
    return out


def _in_range(times: pd.Series) -> pd.Series:
    """Times pandas can parse but not hold (year 1, 9999, epoch 5e10) are unreadable too."""
    return times.where(times.between(*TIME_RANGE))
