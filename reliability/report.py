"""``python -m reliability.report FILE``: the `make reliability` summary table.

Reads the counts ``reliability.tally`` wrote and prints one row per suite plus a total.
Exits 1 when a row was lost or duplicated, a payload executed, or a scenario did not
survive, so the make target fails even if a test forgot to assert it.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from reliability.tally import FIELDS

HEADERS = ("suite", "scenarios tried", "survived", "rows lost", "duplicates",
           "payloads tried", "payloads executed")


def totals(lines: list[str]) -> dict[str, dict[str, int]]:
    by_suite: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    for line in lines:
        row = json.loads(line)
        suite = by_suite[row.pop("suite")]
        for key, value in row.items():
            suite[key] += value
    return dict(sorted(by_suite.items()))


def table(by_suite: dict[str, dict[str, int]]) -> str:
    total = {k: sum(s[k] for s in by_suite.values()) for k in FIELDS}
    rows = [(name, *(s[k] for k in FIELDS)) for name, s in by_suite.items()]
    rows.append(("total", *(total[k] for k in FIELDS)))
    cells = [HEADERS, *[(r[0], *(f"{v:,}" for v in r[1:])) for r in rows]]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(HEADERS))]
    fmt = lambda row: "| " + " | ".join(
        str(c).ljust(w) if i == 0 else str(c).rjust(w)
        for i, (c, w) in enumerate(zip(row, widths))) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(cells[0]), rule, *map(fmt, cells[1:])])


def healthy(by_suite: dict[str, dict[str, int]]) -> bool:
    return all(s["lost"] == s["duplicates"] == s["executed"] == 0
               and s["survived"] == s["tried"] for s in by_suite.values())


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path("out/reliability.jsonl")
    if not path.is_file():
        print(f"{path}: no counts recorded (run the suites with RELIABILITY_TALLY={path})")
        return 1
    by_suite = totals(path.read_text(encoding="utf-8").splitlines())
    print(table(by_suite))
    ok = healthy(by_suite)
    print("all scenarios survived; nothing lost, duplicated or executed" if ok else
          "FAILED: a scenario did not survive, or rows were lost or duplicated, or a "
          "payload executed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
