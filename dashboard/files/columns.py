"""Which column of a posts file is which: the spellings recognised for each role, the
``--map KEY=COL`` choices that override them, the precision check among time columns, and
the lines that report the choice.

Names are matched case-insensitively, the first spelling in a list that the file has
winning. When several time columns exist, the one with the most distinct times of day in
the first rows wins (a date-only column has none), so ``date`` + ``date_full`` keeps the
hours.

May import: errors, files.rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard.errors import UserError
from dashboard.files.rows import parse_times

ID = ["id", "post_id", "source_id", "objectid", "object_id", "uuid", "tweet_id", "status_id",
      "review_id", "reviewid", "uri", "name"]
CREATED = ["created_at", "created_utc", "created", "createdat", "date_full", "datetime",
           "date_time", "created_time", "date", "timestamp", "time", "published_at",
           "published", "posted_at", "at", "indexedat"]
TITLE = ["title", "headline", "subject"]
BODY = ["text", "body", "content", "selftext", "full_text", "message", "comment", "review",
        "comment_text", "story_text"]
OPTIONAL = {  # store column -> spellings
    "author": ["author", "user", "username", "user_name", "screen_name", "handle", "by",
               "account"],
    "url": ["url", "permalink", "link", "post_url"],
    "community": ["community", "subreddit", "channel", "server", "group", "forum"],
    "engagement": ["engagement", "score", "likes", "like_count", "upvotes", "points",
                   "favorite_count", "score_max", "thumbsupcount"],
    "language": ["language", "lang"],
    "rating": ["rating", "stars", "score_stars", "im:rating"],
}
# --map keys: the roles, with the store's "language" spelled as the usual option "lang"
MAP_KEYS = ("id", "time", "text", "title", "body", "author", "url", "community",
            "engagement", "lang", "rating")
OPTIONAL_KEYS = {"author": "author", "url": "url", "community": "community",
                 "engagement": "engagement", "lang": "language", "rating": "rating"}
PRECISION_ROWS = 1000  # rows the time columns are compared on
# a comma starts the next KEY=COL only when a key follows, so a column name may hold commas
_NEXT_KEY = re.compile(rf",\s*(?=(?:{'|'.join(MAP_KEYS)})\s*=)", re.IGNORECASE)


def parse_map(values: list[str] | None) -> dict[str, str]:
    """``--map`` options (``id=COL,time=COL``, possibly repeated) as {key: column}; an empty
    column (``author=``) means "none". Unknown keys are a UserError listing the known."""
    mapping: dict[str, str] = {}
    for value in values or []:
        for pair in _NEXT_KEY.split(value):
            key, eq, column = pair.partition("=")
            key = key.strip().lower()
            if not eq or key not in MAP_KEYS:
                raise UserError(f"--map {pair!r}: expected KEY=COLUMN with KEY one of "
                                f"{', '.join(MAP_KEYS)}")
            if key in mapping:
                raise UserError(f"--map: {key} is given twice")
            mapping[key] = column.strip()
    if "text" in mapping and {"title", "body"} & mapping.keys():
        raise UserError("--map: give text, or title and/or body (joined), not both")
    for key in ("id", "time", "text"):
        if mapping.get(key) == "":
            raise UserError(f"--map {key}=: every post needs its {key} column; name one")
    return mapping


@dataclass(frozen=True)
class Columns:
    """The file's column for each role (None: the file has none); the text is the title
    and body joined when both exist."""
    id: str | None
    time: str | None
    title: str | None
    body: str | None
    optional: dict[str, str]  # store column -> file column
    time_note: str = ""  # why this time column, when there was a choice or a doubt
    unused: list[str] = field(default_factory=list)

    @property
    def used(self) -> list[str]:
        return [c for c in (self.id, self.time, self.title, self.body,
                            *self.optional.values()) if c is not None]


def find_column(columns, names: list[str]) -> str | None:
    """The first of ``columns`` whose lower-cased name is in ``names`` (in that order)."""
    lower = {str(c).lower(): c for c in columns}
    return next((lower[n] for n in names if n in lower), None)


def _mapped(frame: pd.DataFrame, key: str, column: str, where: str) -> str | None:
    """The file column ``--map key=column`` names: exact, else the one of any case."""
    if column == "":
        return None
    if column in frame.columns:
        return column
    same = [c for c in frame.columns if str(c).lower() == column.lower()]
    if len(same) == 1:
        return same[0]
    raise UserError(f"--map {key}={column}: {where} has no column {column!r}; "
                    f"its columns: {', '.join(map(str, frame.columns))}")


def time_precision(values: pd.Series) -> tuple[int, int]:
    """How many distinct times of day other than midnight ``values`` hold (dates: 0), and
    how many of them read as times at all."""
    times = parse_times(values).dropna()
    of_day = times - times.dt.floor("D")
    return of_day[of_day > pd.Timedelta(0)].nunique(), len(times)


def most_precise_time(frame: pd.DataFrame) -> tuple[str | None, str]:
    """The time column with the most distinct times of day in the first rows (then the
    most readable times, then the earlier spelling), and a note saying why."""
    lower = {str(c).lower(): c for c in frame.columns}
    candidates = [lower[n] for n in CREATED if n in lower]
    if not candidates:
        return None, ""
    head = frame.head(PRECISION_ROWS)
    counts = {c: time_precision(head[c]) for c in candidates}
    best = max(candidates, key=lambda c: counts[c])  # max keeps the first of equals
    rows = f"the first {len(head):,} rows"
    if counts[best][0] == 0:
        return best, f"dates only: no time of day in {rows}; posts are placed at 00:00 UTC"
    if len(candidates) == 1:
        return best, ""
    others = "; ".join(f"{c}: {counts[c][0]:,}" for c in candidates if c != best)
    return best, (f"most precise: {counts[best][0]:,} distinct times of day in {rows}; "
                  f"{others}")


def choose_columns(frame: pd.DataFrame, where: str,
                   mapping: dict[str, str] | None = None) -> Columns:
    """Each role's column in ``frame``: ``mapping`` (from ``parse_map``) first, then the
    spellings; a column goes to one role only. Raises UserError when a mapped column is
    missing or no text column exists."""
    mapping = mapping or {}
    got = {key: _mapped(frame, key, col, where) for key, col in mapping.items()}
    time_note = ""
    if "time" not in got:
        got["time"], time_note = most_precise_time(frame)
    got.setdefault("id", find_column(frame.columns, ID))
    if "text" in got:  # exactly this column: no title joined to it
        got["body"], got["title"] = got.pop("text"), None
    got.setdefault("title", find_column(frame.columns, TITLE))
    got.setdefault("body", find_column(frame.columns, BODY))
    if got["title"] is None and got["body"] is None:
        raise UserError(f"{where}: no text column; expected one of "
                        f"{', '.join(BODY + TITLE)} (found: {', '.join(map(str, frame.columns))}"
                        "); or name it with --map text=COLUMN")
    taken = {c for c in got.values() if c is not None}
    optional = {}
    for key, target in OPTIONAL_KEYS.items():
        free = [c for c in frame.columns if c not in taken]
        col = got[key] if key in got else find_column(free, OPTIONAL[target])
        if col is not None:
            optional[target] = col
            taken.add(col)
    return Columns(id=got["id"], time=got["time"], title=got["title"],
                   body=got["body"], optional=optional, time_note=time_note,
                   unused=[str(c) for c in frame.columns if c not in taken])


def require_id_and_time(columns: Columns, frame: pd.DataFrame, where: str) -> None:
    """A UserError naming what is missing when the file has no id or no time column."""
    missing = [f"{what} (one of: {', '.join(names)}; or --map {key}=COLUMN)"
               for what, key, col, names in (("an id column", "id", columns.id, ID),
                                             ("a time column", "time", columns.time, CREATED))
               if col is None]
    if missing:
        raise UserError(f"{where}: missing {' and '.join(missing)}; "
                        f"found: {', '.join(map(str, frame.columns))}")


def column_report(columns: Columns, where: str) -> list[str]:
    """Lines saying which column was used for what (and which were not used)."""
    text = " + ".join(c for c in (columns.title, columns.body) if c is not None)
    roles = [("id", columns.id), ("time", columns.time), ("text", text),
             *((k, columns.optional.get(t)) for k, t in OPTIONAL_KEYS.items())]
    lines = [f"columns used from {where}:"]
    for role, col in roles:
        if col is not None:
            note = f" ({columns.time_note})" if role == "time" and columns.time_note else ""
            lines.append(f"  {role:<11}{col}{note}")
    if columns.unused:
        lines.append(f"  {'not used':<11}{', '.join(columns.unused)}")
    return lines
