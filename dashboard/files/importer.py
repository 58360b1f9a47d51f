"""Reading post files (CSV, TSV, JSONL/JSON, Parquet) into the store's post columns, and
the rows that are not posts.

Which column is which comes from ``files/columns.py``; a file with both a title and a body
column gets "title\\n\\nbody" as its text. Every row is checked before anything is written:
a row without an id, a readable time or text is reported as ``file: row N: column C: what
is wrong`` (rows counted from 1 after the header), and either stops the import or, when
asked, is set aside with its reason for the rejected-rows file.

May import: errors, files.columns, files.export, files.rows.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.errors import UserError
from dashboard.files.columns import Columns, choose_columns, require_id_and_time
from dashboard.files.export import write_table
from dashboard.files.rows import as_text, clean_text, parse_times, whole_numbers

MAX_PROBLEMS = 5  # problems an error message lists
SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
REJECT_COLUMNS = ("row", "column", "reason")  # the rejected-rows file's first columns


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


# --- checking rows ------------------------------------------------------------------------

@dataclass
class RowReport:
    """What checking a file's rows found besides posts: the rows that are not posts, all
    of them with their reasons, the first problems also as message lines."""
    where: str
    rejected: list[pd.DataFrame] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    problems: int = 0
    skipped: int = 0

    def add(self, raw: pd.DataFrame, problems: list[tuple[int, str, str]]) -> None:
        """``problems``: (row index in ``raw``, column, what is wrong), in row order."""
        self.lines += [f"{self.where}: row {i + 1}: column {col}: {why}"
                       for i, col, why in problems[:MAX_PROBLEMS - len(self.lines)]]
        self.problems += len(problems)
        by_row: dict[int, list[tuple[str, str]]] = {}
        for i, col, why in problems:
            by_row.setdefault(i, []).append((col, why))
        self.skipped += len(by_row)
        names = [_free_name(n, raw.columns) for n in REJECT_COLUMNS]
        reasons = pd.DataFrame({
            names[0]: [i + 1 for i in by_row],
            names[1]: ["; ".join(col for col, _ in p) for p in by_row.values()],
            names[2]: ["; ".join(why for _, why in p) for p in by_row.values()],
        }, index=list(by_row))
        self.rejected.append(pd.concat([reasons, raw.loc[list(by_row)]], axis=1))

    def error(self, skipping: bool = False) -> UserError:
        """The first problems as an error: ``skipping``, for a file without one post."""
        more = self.problems - len(self.lines)
        return UserError("\n".join([
            *([f"{self.where}: not one row can be stored:"] if skipping else []),
            *self.lines, *([f"(and {more:,} more problems)"] if more > 0 else []),
            *([] if skipping else [f"{self.skipped:,} of the rows cannot be stored: fix "
                                   "them, or pass --skip-invalid to store the others and "
                                   "set these aside"]),
            "nothing was written"]))

    def rejected_rows(self) -> pd.DataFrame:
        """Every rejected row: its number, the columns at fault and why, then its cells."""
        return pd.concat(self.rejected, ignore_index=True)


def _free_name(name: str, taken) -> str:
    """``name``, with "_" in front until the file has no column of that name."""
    while name in taken:
        name = "_" + name
    return name


def post_text(raw: pd.DataFrame, columns: Columns) -> pd.Series:
    """The post text: title and body joined when both exist, else whichever does."""
    parts = [as_text(raw[c]) for c in (columns.title, columns.body) if c is not None]
    if len(parts) == 1:
        return parts[0]
    t, b = parts
    return t.where(b == "", t + "\n\n" + b).where(t != "", b)


def normalise_posts(raw: pd.DataFrame, source: str, where: str, columns: Columns | None = None,
                    report: RowReport | None = None) -> pd.DataFrame:
    """The rows of ``raw`` that are posts, in the store's post columns (unscored), one per
    id (the last). ``columns``: chosen on ``raw`` unless given. Rows that are not posts go
    to ``report``; without one, they are a UserError listing up to five problems, each
    with its row and column."""
    if not SOURCE_NAME.match(source or ""):
        raise UserError(f"--source {source!r}: use lower-case letters, digits, '_', '-' or '.'")
    columns = columns or choose_columns(raw, where)
    require_id_and_time(columns, raw, where)
    out = pd.DataFrame(index=raw.index)
    out["source"] = source
    out["source_id"] = as_text(raw[columns.id]).str.strip()
    out["created_at"] = parse_times(raw[columns.time])
    out["text"] = post_text(raw, columns)
    for target, col in columns.optional.items():
        out[target] = whole_numbers(raw[col]) if target in ("engagement", "rating") else \
            as_text(raw[col]).replace("", None)

    problems = []
    text_col = " + ".join(c for c in (columns.title, columns.body) if c is not None)
    for bad, col, why in ((out["source_id"] == "", columns.id, "empty id"),
                          (out["created_at"].isna(), columns.time,
                           "cannot read this as a date/time"),
                          (out["text"].str.strip() == "", text_col, "empty text")):
        for i in out.index[bad.to_numpy()]:
            shown = clean_text(raw.at[i, col])[:40] if col in raw else ""
            problems.append((i, col, why + (f" ({shown!r})" if shown.strip() else "")))
    strict, report = report is None, report or RowReport(where)
    if problems:
        report.add(raw, sorted(problems, key=lambda p: p[0]))
        if strict:
            raise report.error()
    posts = out[~out.index.isin([i for i, _, _ in problems])]
    return posts.drop_duplicates(["source", "source_id"], keep="last")


# --- a whole file -------------------------------------------------------------------------

@dataclass
class PostsFile:
    """A posts file read: its posts (store columns, unscored), the columns they came from,
    how many rows it had, and what else its rows held (``RowReport``)."""
    posts: pd.DataFrame
    columns: Columns
    rows: int
    report: RowReport


def read_posts_file(path: str | Path, source: str, mapping: dict[str, str] | None = None,
                    skip_invalid: bool = False,
                    chosen: Callable[[Columns], None] | None = None) -> PostsFile:
    """Read and check every row of a posts file (see ``normalise_posts``); ``mapping``
    from ``columns.parse_map``. A row that is not a post is a UserError listing the first
    problems, unless ``skip_invalid``: then only a file without a single post is one.
    ``chosen(columns)`` once the columns are chosen, before any row is checked."""
    raw = read_table(path)
    if raw.empty:
        raise UserError(f"{path}: the file has no rows")
    columns = choose_columns(raw, str(path), mapping)
    if chosen:
        chosen(columns)
    report = RowReport(str(path))
    posts = normalise_posts(raw, source, str(path), columns, report)
    if report.skipped and not skip_invalid:
        raise report.error()
    if posts.empty:
        raise report.error(skipping=True)
    return PostsFile(posts.reset_index(drop=True), columns, len(raw), report)


def write_rejected(report: RowReport, output: str | Path, source_file: str | Path) -> None:
    """The rejected rows as a formula-safe CSV (``export.write_table``); never over the
    file they came from."""
    if Path(output).resolve() == Path(source_file).resolve():
        raise UserError(f"--rejected {output}: that is the file being imported; "
                        "name another file")
    write_table(report.rejected_rows(), output, "csv")
