"""Counts for the `make reliability` summary: scenarios tried and survived, rows lost,
duplicates, hostile payloads tried and payloads that executed.

Tests call ``record`` (or use ``scenario``); the counts go, one JSON object per line, to the
file named by ``RELIABILITY_TALLY`` when the process exits. Without that variable (a plain
`make test`) nothing is written. ``python -m reliability.report FILE`` prints the table.
"""
from __future__ import annotations

import atexit
import contextlib
import json
import os

FIELDS = ("tried", "survived", "lost", "duplicates", "payloads", "executed")
_rows: list[dict] = []


def record(suite: str, **counts: int) -> None:
    """Add ``counts`` (keys from FIELDS) to ``suite``'s totals."""
    unknown = set(counts) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown tally fields: {', '.join(sorted(unknown))}")
    _rows.append({"suite": suite, **counts})


@contextlib.contextmanager
def scenario(suite: str):
    """One scenario: counted as tried on entry, as survived only if the block finishes."""
    record(suite, tried=1)
    yield
    record(suite, survived=1)


def _flush() -> None:
    path = os.environ.get("RELIABILITY_TALLY")
    if not path or not _rows:
        return
    with open(path, "a", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in _rows)


atexit.register(_flush)
