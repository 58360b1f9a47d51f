"""The scheduled workflow's collect step (.github/workflows/collect.yml), kept here so it
is tested (tests/test_collect_job.py) rather than written in shell.

It runs ``python -m dashboard collect --log-json`` into the store named by ``DASHBOARD_DB``,
or, when that secret is not set (a fork with no secrets), into a SQLite store on the
runner's disk (``--local-store``), which the workflow's next steps publish as a release
asset: keyless sources still run, and sources without credentials
are skipped, so a fork stays green. ``SINCE`` and ``SOURCES`` (the workflow's inputs) are
passed on. The JSON log goes to ``--log`` (the job keeps it as an artifact), and a job
summary in Markdown (what ran, what was skipped and why, what failed) to
``$GITHUB_STEP_SUMMARY``. The exit status is collect's: 0 when every source ran or was
skipped, 1 when one that ran failed, 2 when the input was wrong.

Usage, from the checkout's top folder: python -m scripts.collect_job [--log FILE]
[--local-store FILE] [collect options]

May import: dashboard (its command line and its store URL's redaction).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path

from dashboard.cli import main as dashboard
from dashboard.write.store import redact

MARKS = {"ok": "ok", "partial": "⚠️ partial", "failed": "❌ failed", "skipped": "skipped",
         "interrupted": "❌ interrupted"}


class Tee(io.TextIOBase):
    """Writes go to every stream given."""

    def __init__(self, *streams):
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


def collect_args(env: dict, local_store: str, extra: list[str]) -> tuple[list[str], str]:
    """The arguments of ``collect`` and where its store is, in words for the summary."""
    url = env.get("DASHBOARD_DB", "").strip()
    store = (f"`{redact(url)}` (the DASHBOARD_DB secret)" if url else
             f"`{local_store}` on this runner: no DASHBOARD_DB secret is set, so the workflow "
             "keeps this SQLite store as the release asset data/dashboard.sqlite (README: "
             "\"Deploy and share\")")
    args = ["collect", "--log-json", "--db", url or f"sqlite:///{Path(local_store).resolve()}"]
    if env.get("SINCE", "").strip():
        args += ["--since", env["SINCE"].strip()]
    if env.get("SOURCES", "").strip():
        args += ["--sources", env["SOURCES"].strip()]
    return args + extra, store


def summary(log: str, store: str, code: int) -> str:
    """The job summary: a table of every source's end, from ``log`` (collect's JSON log),
    and any other line it printed (an error that stopped it before any source ran)."""
    finished, said = [], []
    for line in log.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            said.append(line)
            continue
        if isinstance(event, dict) and event.get("event") == "source_finished":
            finished.append(event)
    counts = {s: sum(e["status"] == s for e in finished) for s in MARKS}
    head = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "nothing ran"
    out = [f"## Collect: {head} (exit status {code})", "", f"Store: {store}", ""]
    if finished:
        out += ["| source | status | items (new) | units done | why |",
                "|---|---|---:|---:|---|"]
        for e in finished:
            ran = e["status"] != "skipped"
            new = f" ({e['new']:,} new)" if ran and e.get("new") is not None else ""
            items = f"{e['items']:,}{new}" if ran else ""
            units = f"{e.get('done', 0)} of {e['units']}" if e.get("units") else ""
            out.append(f"| {e['source']} | {MARKS.get(e['status'], e['status'])} | {items} | "
                       f"{units} | {_cell(e.get('reason') or '')} |")
    if said:
        out += ["", "```", *said, "```"]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def run(argv: list[str] | None = None, env: dict | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--log", default="collect-log.jsonl",
                   help="the JSON log (default: %(default)s)")
    p.add_argument("--local-store", default="data/dashboard.sqlite",
                   help="the store when DASHBOARD_DB is not set (default: %(default)s)")
    known, extra = p.parse_known_args(argv)
    env = os.environ if env is None else env
    args, store = collect_args(env, known.local_store, extra)
    log = io.StringIO()
    with open(known.log, "w", encoding="utf-8") as file, \
            contextlib.redirect_stderr(Tee(sys.stderr, file, log)):
        code = dashboard(args)
    target = env.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(summary(log.getvalue(), store, code))
    return code


if __name__ == "__main__":
    sys.exit(run())
