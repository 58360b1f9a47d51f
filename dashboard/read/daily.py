"""The dashboard's main table: per brand and day (or hour), posts naming it, their mean
sentiment toward it and negative share, negative and positive posts, leaving and arriving
(the Overview, Switching and App ranks pages, and ``export --table daily``).

May import: the foundation (tracker) and the rest of the read side.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from dashboard.read.filters import Filters
from dashboard.read.metrics import daily_backlash
from dashboard.read.queries import daily_stats
from dashboard.tracker import Tracker


def daily_table(engine: Engine, tracker: Tracker, filters: Filters = Filters(),
                hourly: bool = False) -> pd.DataFrame:
    """The per-brand figures per day (or hour) over the filters (default: the whole store)."""
    mentions, switches = daily_stats(engine, filters, hourly)
    return daily_backlash(mentions, switches, list(filters.brands) or tracker.brand_names,
                          filters.start, filters.end, freq="h" if hourly else "D")
