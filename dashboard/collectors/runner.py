"""``python -m dashboard collect``: every configured source in turn, each recorded as a run.

A source runs when the tracker has a ``[sources.<name>]`` table (``app_store_charts`` uses
``[charts]`` and always runs). Every source set up ends its run ``ok``, ``partial`` (some
units failed), ``failed`` or ``skipped`` (no credentials, or nothing to collect), with the
items written and, in the run's ``error``, the whole account: why it stopped, the units
not tried, each failed unit, items skipped, notes. One source failing never stops the next;
each starts with its hosts' circuits closed and its wait budget whole. A run stopped by
SIGINT or SIGTERM is recorded ``interrupted`` with what it had done, and the signal is
raised on (``Interrupted``). Exit status (``exit_code``): 1 when any source that ran
failed, partly failed or was interrupted, else 0; with ``strict``, a skip is a failure too.

May import: every collector, errors, scoring, tracker, vocabulary, write.store.
"""
from __future__ import annotations

import contextlib
import difflib
import re
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine

from dashboard.collectors import (app_store_charts, app_store_reviews, bluesky, bluesky_stream,
                                  google_play_reviews, hackernews, mastodon, reddit)
from dashboard.collectors.base import CollectContext, NothingToCollect, Tally, describe
from dashboard.collectors.credentials import Credentials, MissingCredentials
from dashboard.collectors.http import Http, Refused
from dashboard.collectors.report import Reporter
from dashboard.errors import UserError
from dashboard.scoring import Scorer
from dashboard.tracker import Tracker
from dashboard.vocabulary import FAILED, INTERRUPTED, NOT_OK, PARTIAL, SKIPPED
from dashboard.write.store import count_posts, recorded_run

# charts first: the snapshot's time should be the run's start, whatever follows; the
# stream last, as it runs for a while
SOURCES = {m.SOURCE: m for m in (app_store_charts, reddit, hackernews, bluesky, mastodon,
                                 app_store_reviews, google_play_reviews, bluesky_stream)}
ALWAYS = {app_store_charts.SOURCE}
ERROR_MAX = 2000  # characters of a run's account kept in its record
KEYLESS_HINT = ("this source takes no credentials, so the service refuses this address or "
                "User-Agent: set DASHBOARD_CONTACT so its operator can reach you, and try "
                "later")
_DAYS = re.compile(r"^(\d+)d$")
_DURATION = re.compile(r"^(\d+)([smh])$")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM, raised where the collector was."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass(frozen=True)
class Result:
    source: str
    status: str
    items: int  # rows written: posts, or chart positions for app_store_charts
    new: int | None  # posts not stored before (None for chart snapshots, always new)
    seconds: float
    error: str | None  # the whole account, as recorded
    units: int = 0
    done: int = 0
    reason: str | None = None  # the first thing that went wrong or was left out


def make_context(engine: Engine, tracker: Tracker, *, since: datetime | None = None,
                 keep_handles: bool = False, quiet: bool = False, log_json: bool = False,
                 http: Http | None = None, credentials: Credentials | None = None,
                 now: datetime | None = None, stream=None,
                 run_for: float | None = None) -> CollectContext:
    credentials = credentials or Credentials()
    report = Reporter(quiet=quiet, json_lines=log_json, stream=stream,
                      redact=credentials.redact)
    http = http or Http()
    http.set_wait_hook(report.wait)
    return CollectContext(engine=engine, tracker=tracker, http=http, credentials=credentials,
                          scorer=Scorer(tracker), report=report,
                          now=now or datetime.now(timezone.utc), since=since,
                          keep_handles=keep_handles, run_for=run_for)


def run_source(ctx: CollectContext, name: str) -> Result:
    """Collect one source inside a recorded run; never raises for the source's failures
    (an interruption is recorded, then raised on)."""
    module, started = SOURCES[name], time.monotonic()
    posts_before = None if name in ALWAYS else count_posts(ctx.engine, name)
    ctx.report.start(name)
    ctx.http.new_source()
    tally, stop, interrupted = Tally(ctx.report), None, None
    with recorded_run(ctx.engine, name) as run:
        tally.run_id = run["id"]
        try:
            module.collect(ctx, tally)
            if not tally.units:  # set up, yet nothing came of it (see its notes)
                raise NothingToCollect("; ".join(ctx.report.notes) or "nothing to collect")
            status = tally.status
        except (MissingCredentials, NothingToCollect) as e:
            status, stop = SKIPPED, str(e)
        except KeyboardInterrupt as e:
            status, interrupted = INTERRUPTED, e
            stop = (f"interrupted by {e.args[0] if isinstance(e, Interrupted) else 'SIGINT'} "
                    f"with {tally.done} units done ({tally.items:,} items stored); rerun to "
                    "go on from there")
        except Exception as e:  # a refusal, a spent wait budget, a failed login: stop here
            status, stop = PARTIAL if tally.done else FAILED, stopped_because(e)
        error = account(tally, stop)
        run.update(status=status, items=tally.items, stats=tally.stats,
                   error=ctx.credentials.redact(error)[:ERROR_MAX] if error else None)
    new = None if posts_before is None else count_posts(ctx.engine, name) - posts_before
    result = Result(name, status, tally.items, new, time.monotonic() - started,
                    run["error"], tally.units, tally.done,
                    ctx.credentials.redact(headline(tally, stop)) or None)
    ctx.report.finished(name, result.status, result.items, result.new, result.seconds,
                        result.error, result.units, result.done, result.reason)
    if interrupted is not None:
        raise interrupted
    return result


def stopped_because(e: Exception) -> str:
    hint = f"; {e.hint or KEYLESS_HINT}" if isinstance(e, Refused) else ""
    return f"stopped: {describe(e)}{hint}"


def account(tally: Tally, stop: str | None) -> str | None:
    """The run's whole account, for its record: why it stopped, the units not tried, each
    failed unit, the items skipped and the notes, most telling first."""
    report = tally.report
    lines = [stop] if stop else []
    lines += [f"{n} units not tried: {why}" for why, n in tally.not_tried.items()]
    lines += tally.failures
    if report.unreadable:
        lines.append(f"{report.unreadable} items without a readable time skipped")
    lines += [f"note: {note}" for note in report.notes]
    text = "\n".join(lines)
    if len(text) > ERROR_MAX:  # cut at a line, saying how much more the log holds
        kept = text[:ERROR_MAX - 60].rsplit("\n", 1)[0]
        text = f"{kept}\n… and {len(lines) - kept.count(chr(10)) - 1} more lines in the log"
    return text or None


def headline(tally: Tally, stop: str | None) -> str:
    """The summary line's reason: what went wrong or was left out, in one line (the notes
    themselves only when nothing went wrong)."""
    report, parts = tally.report, [stop] if stop else []
    if tally.failures and not stop:
        parts.append(f"{len(tally.failures)} failed, first {tally.failures[0]}")
    parts += [f"{n} not tried: {why}" for why, n in tally.not_tried.items()]
    if report.unreadable:
        parts.append(f"{report.unreadable} unreadable items skipped")
    if report.notes and not parts:
        more = len(report.notes) - 1
        parts.append(report.notes[0] + (f" (+{more} more notes)" if more else ""))
    elif report.notes:
        parts.append(f"{len(report.notes)} notes in the run record")
    return "; ".join(parts)


def collect(ctx: CollectContext, names: list[str] | None = None) -> list[Result]:
    """Run ``names`` (default: every source the tracker sets up); a source named but not
    set up is reported as skipped (no run is recorded for it)."""
    results = []
    with interrupts_raised():
        for name in names or list(SOURCES):
            if ctx.stop.is_set():  # asked to stop during a stream: the rest waits for next time
                break
            if name in ALWAYS or name in ctx.tracker.sources:
                results.append(run_source(ctx, name))
            elif names:
                reason = f"not set up: the tracker has no [sources.{name}] table"
                ctx.report.finished(name, SKIPPED, 0, None, 0, None, reason=reason)
                results.append(Result(name, SKIPPED, 0, None, 0, None, reason=reason))
    return results


@contextlib.contextmanager
def interrupts_raised() -> Iterator[None]:
    """SIGINT and SIGTERM raised as ``Interrupted`` (once: a second signal while the run
    record is written is ignored), so the run in progress is recorded as interrupted. Only
    in the main thread, where Python delivers signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    kinds = (signal.SIGINT, signal.SIGTERM)

    def interrupt(signum, frame):
        for kind in kinds:
            signal.signal(kind, signal.SIG_IGN)
        raise Interrupted(signum)
    before = {kind: signal.signal(kind, interrupt) for kind in kinds}
    try:
        yield
    finally:
        for kind, handler in before.items():
            signal.signal(kind, handler)


def follow(ctx: CollectContext) -> Result:
    """``stream``: bluesky_stream in runs of ``RUN_SPAN``, one after another, until
    Ctrl-C or SIGTERM (``ctx.stop``); returns the last run's result."""
    bluesky_stream.endpoints_of(ctx.tracker)  # a mistake stops here, not in every run
    ctx.run_for = bluesky_stream.RUN_SPAN
    with bluesky_stream.stop_on_signals(ctx.stop):
        while True:
            result = run_source(ctx, bluesky_stream.SOURCE)
            if result.status == FAILED:  # nothing answered, or the store did not
                ctx.stop.wait(bluesky_stream.BACKOFF[1])
            if ctx.stop.is_set():
                return result


def exit_code(results: list[Result], strict: bool = False) -> int:
    """1 when a source that ran did not end ok (with ``strict``, a skipped one too)."""
    bad = NOT_OK + ((SKIPPED,) if strict else ())
    return 1 if any(r.status in bad for r in results) else 0


def source_names(text: str | None) -> list[str] | None:
    """``--sources a,b`` -> names, checked against the known sources."""
    if not text:
        return None
    names = [n.strip() for n in text.split(",") if n.strip()]
    for name in names:
        if name not in SOURCES:
            close = difflib.get_close_matches(name, list(SOURCES), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UserError(f"--sources: unknown {name}; {hint}choose from "
                            f"{', '.join(SOURCES)}")
    return names


def parse_since(text: str | None, now: datetime | None = None) -> datetime | None:
    """``--since``: a date (2026-03-01), a time (2026-03-01T12:00, UTC unless it says) or a
    number of days back (30d)."""
    if not text:
        return None
    now = now or datetime.now(timezone.utc)
    if match := _DAYS.match(text.strip()):
        return now - timedelta(days=int(match.group(1)))
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"--since {text!r}: use a date like 2026-03-01, a time like "
                        "2026-03-01T12:00, or days back like 30d") from None
    when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when
    if when > now:
        raise UserError(f"--since {text!r} is in the future")
    return when.astimezone(timezone.utc)


def parse_duration(text: str | None) -> float | None:
    """``--for``: how long a stream runs, ``30s``, ``10m`` or ``2h``, in seconds."""
    if not text:
        return None
    match = _DURATION.match(text.strip())
    if not match or int(match.group(1)) == 0:
        raise UserError(f"--for {text!r}: use a positive number of seconds, minutes or hours "
                        "like 30s, 10m or 2h")
    return float(int(match.group(1)) * UNIT_SECONDS[match.group(2)])
