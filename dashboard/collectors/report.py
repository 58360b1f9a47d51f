"""What a collect run tells the person (or the log) watching it.

Default: progress on stderr, one status line rewritten in place on a terminal (items
fetched per source), and a line of its own for every rate-limit wait, note, failure and
finished source. ``quiet``: only failures (in either format). ``json_lines``: one JSON
object per event on stderr (``ts``, ``level``, ``event``, ``source`` and the event's
fields) and nothing else. Every string passes through ``redact`` before it is written.

May import: vocabulary.
"""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timezone

from dashboard.vocabulary import NOT_OK, SKIPPED

PROGRESS_EVERY = 0.5  # seconds between progress updates
WIDTH = 78


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

    def start(self, source: str) -> None:
        self.source, self.count, self.last = source, 0, 0.0
        self._emit("source_started", "info", "collecting…", transient=True)

    def fetched(self, n: int) -> None:
        """``n`` more items came in (before saving)."""
        self.count += n
        if self.clock() - self.last >= PROGRESS_EVERY:
            self.last = self.clock()
            self._emit("fetched", "debug", f"{self.count:,} items fetched", transient=True,
                       fetched=self.count)

    def wait(self, seconds: float, reason: str, host: str) -> None:
        self._emit("rate_limit_wait", "info", f"waiting {seconds:.0f} s for {host} ({reason})",
                   seconds=round(seconds, 1), reason=reason, host=host)

    def note(self, message: str) -> None:
        self._emit("note", "info", message, message=message)

    def problem(self, message: str) -> None:
        self._emit("unit_failed", "error", message, error=message)

    def finished(self, source: str, status: str, items: int, new: int | None, seconds: float,
                 error: str | None) -> None:
        self.source = source
        if status == SKIPPED:
            text = f"skipped: {error}"
        else:
            text = (f"{status}, {items:,} items" + (f" ({new:,} new)" if new is not None else "")
                    + f" in {seconds:.1f} s" + (f"; {error.splitlines()[0]}" if error else ""))
        level = "error" if status in NOT_OK else "info"
        self._emit("source_finished", level, text, status=status, items=items, new=new,
                   seconds=round(seconds, 2), error=error)

    def _emit(self, event: str, level: str, text: str, transient: bool = False, **fields):
        if self.quiet and level != "error":
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
