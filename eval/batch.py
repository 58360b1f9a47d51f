"""``python -m eval.batch FILE.csv [--add]`` (``make eval-batch FILE=...``): a new batch of
posts written blind for switching, measured whole as it arrives, before any rule is shaped
on it; ``--add`` then appends it to ``tests/data/switching_families.csv``.
``python -m eval.batch --batch batchQ`` measures a batch already added.

A batch file has the columns of the families file without ``split`` (family, title, body,
switch_from, switch_to, switch_kind, tag); every family starts with the batch's name
("batchR-..."). Its split is fixed by the family: ``test`` when the SHA-1 of the family is
divisible by 3 (batches F onward), so it never moves when posts are added. To measure an
older scorer on a batch, run this from a worktree of that commit with the batch file.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

from dashboard import paths
from dashboard.scoring import Scorer
from dashboard.tracker import load_tracker
from dashboard.vocabulary import REASON_KINDS, SWITCH_KINDS
from eval.switching import FAMILIES, SPLITS, evaluate, post_text, ratio, read_csv

COLUMNS = ("family", "title", "body", "switch_from", "switch_to", "switch_kind", "tag")
KINDS = {"", *SWITCH_KINDS}
TAGS = {"switch", "release", "employee", "company", "product", "comparison", "alternative",
        "figure", "jobs", "career", "untracked", "negated", "other-sense", "government",
        "campaign", "signup", "advice", "hypothetical", "criticism"}


class BatchError(ValueError):
    """A batch file that cannot be measured or added; the message names file, row, field."""


def split_of(family: str) -> str:
    return "test" if int(hashlib.sha1(family.encode("utf-8")).hexdigest(), 16) % 3 == 0 \
        else "dev"


def read_batch(path: Path, brands: set[str], known: set[str]) -> list[dict]:
    """The posts of a batch file, each with its ``split`` and ``text``; BatchError naming the
    row and field of the first thing wrong (a family already in ``known`` included)."""
    rows = read_csv(path)
    if not rows or set(COLUMNS) - set(rows[0]):
        raise BatchError(f"{path}: needs the columns {', '.join(COLUMNS)}")
    batch = rows[0]["family"].split("-")[0]
    seen: set[str] = set()
    for line, r in enumerate(rows, start=2):
        def wrong(field: str, why: str) -> BatchError:
            return BatchError(f"{path}, line {line}, {field} {r[field]!r}: {why}")
        if not (batch.startswith("batch") and r["family"].startswith(batch + "-")):
            raise wrong("family", "every family must start with the same batchX-")
        if r["family"] in seen | known:
            raise wrong("family", "already used")
        seen.add(r["family"])
        if not r["title"]:
            raise wrong("title", "empty (a comment's text goes in title)")
        for side in ("switch_from", "switch_to"):
            if r[side] not in brands | {"", "other"}:
                raise wrong(side, "not a tracker brand name, 'other' or empty")
        if r["switch_kind"] not in KINDS:
            raise wrong("switch_kind", f"not one of {sorted(KINDS)}")
        if r["tag"] not in TAGS or (r["tag"] == "switch") != bool(r["switch_kind"]):
            raise wrong("tag", "'switch' for a switching post, else a trap tag of the guide")
    return [dict(r, split=split_of(r["family"]),
                 text=post_text(r)) for r in rows]


def added_batch(name: str) -> list[dict]:
    """The posts of a batch already in the families file."""
    rows = [r for r in read_csv(FAMILIES) if r["family"].startswith(name + "-")]
    if not rows:
        raise BatchError(f"{FAMILIES}: no family starts with {name}-")
    return [dict(r, text=post_text(r)) for r in rows]


def report(rows: list[dict], scorer: Scorer) -> str:
    """Leave/move with the right brands, leave/move and consider, per split and whole, with
    the false alarms per tag."""
    lines = []
    for part in (*SPLITS, "whole"):
        chosen = rows if part == "whole" else [r for r in rows if r["split"] == part]
        if not chosen:
            continue
        result = evaluate(chosen, scorer)
        lines.append(f"{part}: {len(chosen)} posts")
        for measure in ("leave/move, right brands", "leave/move", "consider"):
            r = result[measure]
            lines.append(f"  {measure:<26} precision {ratio(r['tp'], r['called']):<15} "
                         f"recall {ratio(r['tp'], r['actual'])}")
        alarms = result["false alarms by tag"]
        lines.append("  false alarms: " + (", ".join(
            f"{t} {n}" for t, n in alarms.most_common()) or "none"))
    return "\n".join(lines)


def add(rows: list[dict]) -> list[int]:
    """Append ``rows`` to the families file; the data rows (counted from 1, as the reasons
    labels' ``ref``) of its test posts that leave, move or consider, which need reasons."""
    start = len(read_csv(FAMILIES)) + 1
    with open(FAMILIES, "a", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, ["family", "split", *COLUMNS[1:]], extrasaction="ignore",
                             lineterminator="\n")
        out.writerows(rows)
    return [start + i for i, r in enumerate(rows)
            if r["split"] == "test" and r["switch_kind"] in REASON_KINDS]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.batch", description=__doc__.split("\n\n")[0])
    p.add_argument("file", type=Path, nargs="?", help="a new batch file (CSV)")
    p.add_argument("--batch", help="measure a batch already added, by name (batchQ)")
    p.add_argument("--add", action="store_true", help="append the file to the families file")
    args = p.parse_args(argv)
    if (args.file is None) == (args.batch is None):
        p.error("give a batch file or --batch NAME")
    tracker = load_tracker(paths.DEFAULT_TRACKER)
    scorer = Scorer(tracker)
    try:
        rows = (added_batch(args.batch) if args.batch else
                read_batch(args.file, set(tracker.brand_names),
                           {r["family"] for r in read_csv(FAMILIES)}))
    except BatchError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"scorer {scorer.version}, {args.batch or args.file}")
    print(report(rows, scorer))
    if args.add:
        refs = add(rows)
        print(f"added {len(rows)} posts to {FAMILIES.relative_to(paths.ROOT)}; test posts "
              f"that need reasons labels (ref): {' '.join(map(str, refs)) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
