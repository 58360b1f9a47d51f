"""What a reader chose to look at: one value object shared by pages, queries and exports.

May import: nothing of the project.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Filters:
    """Dates are UTC days, ``end`` inclusive; empty tuples mean "all"."""
    start: date | None = None
    end: date | None = None
    brands: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sentiments: tuple[str, ...] = ()
