"""What a collect run tells the person (or the log) watching it.

On the terminal (stderr): a progress line per source, rewritten in place on a terminal
(items fetched), a line for every rate-limit wait, and one summary line per source when it
ends (its status, counts and the first reason); the details (each failed unit, notes,
retries) go to the run record and the JSON log, not the terminal. ``quiet``: only the
summary lines of sources that failed, partly failed or were interrupted. ``json_lines``:
one JSON object per event on stderr (``ts``, ``level``, ``event``, ``source`` and the
event's fields) and nothing else. Every string passes through ``redact`` before it is
written.

The reporter also keeps, per source, the notes (what was left out, and why) and the number
of unreadable items skipped, for the run record and the summary.

May import: vocabulary.
"""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timezone

from dashboard.vocabulary import OK, SKIPPED

PROGRESS_EVERY = 0.5  # seconds between progress updates
WIDTH = 78
SHOWN_WAITS = {"rate_limit"}  # retry waits (our own backoff) go to the log only


class Reporter:
    def __init__(self, *, quiet: bool = False, json_lines: bool = False, stream=None,
                 redact=lambda text: text, clock=time.monotonic):
        self.quiet, self.json_lines, self.redact, self.clock = quiet, json_lines, redact, clock
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() and not json_lines
        self.source: str | None = None
        self.count = 0
        self.last = 0.0
        self.transient = False
        self.notes: list[str] = []
        self.unreadable = 0

    def start(self, source: str) -> None:
        self.source, self.count, self.last = source, 0, 0.0
        self.notes, self.unreadable = [], 0
        self._emit("source_started", "info", "collecting…", transient=True)

    def fetched(self, n: int, unreadable: int = 0) -> None:
        """``n`` more items came in (before saving); ``unreadable`` more were skipped."""
        self.count += n
        if unreadable:
            self.unreadable += unreadable
            self._emit("items_skipped", "warning", f"{unreadable} items without a readable "
                       "time skipped", log_only=True, skipped=unreadable)
        if self.clock() - self.last >= PROGRESS_EVERY:
            self.last = self.clock()
            self._emit("fetched", "debug", f"{self.count:,} items fetched", transient=True,
                       fetched=self.count)

    def wait(self, seconds: float, reason: str, host: str, kind: str) -> None:
        self._emit(f"{kind}_wait", "info", f"waiting {seconds:.0f} s for {host} ({reason})",
                   log_only=kind not in SHOWN_WAITS, seconds=round(seconds, 1),
                   reason=reason, host=host)

    def note(self, message: str) -> None:
        self.notes.append(message)
        self._emit("note", "info", message, log_only=True, message=message)

    def problem(self, message: str) -> None:
        self._emit("unit_failed", "error", message, log_only=True, error=message)

    def not_tried(self, unit: str, why: str) -> None:
        self._emit("unit_not_tried", "error", f"{unit}: {why}", log_only=True, unit=unit,
                   error=why)

    def finished(self, source: str, status: str, items: int, new: int | None, seconds: float,
                 error: str | None, units: int = 0, done: int = 0,
                 reason: str | None = None) -> None:
        """The source's summary line; ``reason``: the first thing that went wrong or was
        left out, in one line (``error``, the whole account, goes to the log)."""
        self.source = source
        if status == SKIPPED:
            text = f"skipped: {reason or error}"
        else:
            counts = f"{items:,} items" + (f" ({new:,} new)" if new is not None else "")
            of = f", {done} of {units} units" if units and done != units else ""
            text = f"{status}, {counts}{of} in {seconds:.1f} s" + (f"; {reason}" if reason
                                                                   else "")
        level = "info" if status in (OK, SKIPPED) else "error"
        self._emit("source_finished", level, text, status=status, items=items, new=new,
                   units=units, done=done, seconds=round(seconds, 2), reason=reason,
                   error=error)

    def _emit(self, event: str, level: str, text: str, transient: bool = False,
              log_only: bool = False, **fields):
        if self.quiet and level in ("debug", "info") or log_only and not self.json_lines:
            return
        if self.json_lines:
            record = {"ts": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      "level": level, "event": event, "source": self.source, **fields}
            line = json.dumps({k: self._clean(v) for k, v in record.items()},
                              ensure_ascii=False)
        else:
            line = self.redact(f"{self.source}: {text}" if self.source else text)
        if transient:
            if self.tty:
                print(f"\r{line[:WIDTH]:<{WIDTH}}", end="", file=self.stream, flush=True)
                self.transient = True
            elif self.json_lines:
                print(line, file=self.stream, flush=True)
            return
        if self.transient:
            print(f"\r{'':<{WIDTH}}\r", end="", file=self.stream)
            self.transient = False
        print(line, file=self.stream, flush=True)

    def _clean(self, value):
        return self.redact(value) if isinstance(value, str) else value
