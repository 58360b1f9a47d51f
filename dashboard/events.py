"""The dated real-world events marked on every time chart (``data/events.csv``).

May import: errors, paths.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.errors import UserError
from dashboard.paths import EVENTS_CSV

COLUMNS = ["date", "label", "description", "brand", "kind", "source_url"]


def load_events(path: str | Path = EVENTS_CSV) -> pd.DataFrame:
    """Events with ``date`` as a timestamp; an absent file means no events."""
    path = Path(path)
    if not path.exists():
        return pd.DataFrame(columns=COLUMNS).astype({"date": "datetime64[ns]"})
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in frame]
    if missing:
        raise UserError(f"{path}: missing column(s) {', '.join(missing)}")
    dates = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        row = int(dates.isna().to_numpy().argmax())
        raise UserError(f"{path}: row {row + 1}: column date: expected YYYY-MM-DD, "
                        f"got {frame['date'].iloc[row]!r}")
    return frame.assign(date=dates)[COLUMNS].sort_values("date", kind="stable")
