"""Text as it is shown on a page or in a spreadsheet: bidirectional controls made visible.

A right-to-left override (U+202E) or an isolate in a post would make a cell display its
characters in an order other than the one stored ("moc.elgoog" read as "google.com"). On
every page and in CSV exports each such control is shown as a visible mark naming it
("⟨RLO⟩"); the store keeps the raw text.

May import: nothing of the project (pandas only).
"""
from __future__ import annotations

import re

import pandas as pd

BIDI_CONTROLS = {"\u061c": "ALM", "\u200e": "LRM", "\u200f": "RLM", "\u202a": "LRE",
                 "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
                 "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI"}
_BIDI = re.compile("[" + "".join(BIDI_CONTROLS) + "]")


def visible(value):
    """``value`` with its bidi controls as marks; anything but text is left as it is."""
    if isinstance(value, str) and _BIDI.search(value):
        return _BIDI.sub(lambda m: f"⟨{BIDI_CONTROLS[m.group()]}⟩", value)
    return value


def visible_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells show their bidi controls (column names too)."""
    out = frame.copy()
    out.columns = [visible(c) for c in out.columns]
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            out.isetitem(i, pd.Series([visible(v) for v in col], index=col.index,
                                      dtype=object))
    return out
