"""A Markdown table of bench figures side by side, with the targets of issue 6.

``python -m bench.compare BEFORE.json AFTER.json [MORE.json ...]`` prints one row per
figure found in any file, one column per file (named after it), and the target and
whether the last file meets it.
"""
from __future__ import annotations

import argparse
import json
import operator
from pathlib import Path

TARGETS = {  # figure: (comparison, bound), on the 2-core benchmark machine
    "score_ratio_vs_vader": (operator.ge, 1.0),
    "overview_warm_s_1m": (operator.le, 0.5),
    "overview_cold_s_1m": (operator.le, 3.0),
    "overview_floor_ratio_1m": (operator.le, 2.0),
    "dashboard_peak_rss_mb_1m": (operator.le, 1000.0),
}


def table(runs: dict[str, dict[str, float]]) -> str:
    names = list(dict.fromkeys(name for figures in runs.values() for name in figures))
    last = list(runs.values())[-1]
    lines = ["| figure | " + " | ".join(runs) + " | target |",
             "|---|" + "---:|" * len(runs) + "---|"]
    for name in names:
        cells = [f"{figures[name]:,}" if name in figures else "" for figures in runs.values()]
        target = ""
        if name in TARGETS:
            compare, bound = TARGETS[name]
            sign = ">=" if compare is operator.ge else "<="
            met = name in last and compare(last[name], bound)
            target = f"{sign} {bound:g} ({'met' if met else 'not met'})"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+")
    args = p.parse_args()
    print(table({Path(f).stem: json.loads(Path(f).read_text()) for f in args.files}))


if __name__ == "__main__":
    main()
