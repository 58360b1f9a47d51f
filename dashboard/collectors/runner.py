"""``python -m dashboard collect``: every configured source in turn, each recorded as a run.

A source runs when the tracker has a ``[sources.<name>]`` table (``app_store_charts`` uses
``[charts]`` and always runs). Its run row says ok, partial (some units failed), failed, or
skipped-no-credentials, with the items written and the errors; one source failing never
stops the next. The exit status is 1 when any source failed or was partial, else 0.

May import: every collector, errors, scoring, tracker, vocabulary, write.store.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine

from dashboard.collectors import (app_store_charts, app_store_reviews, bluesky, bluesky_stream,
                                  google_play_reviews, hackernews, mastodon, reddit)
from dashboard.collectors.base import CollectContext, Tally, describe
from dashboard.collectors.credentials import Credentials, MissingCredentials
from dashboard.collectors.http import Http
from dashboard.collectors.report import Reporter
from dashboard.errors import UserError
from dashboard.scoring import Scorer
from dashboard.tracker import Tracker
from dashboard.vocabulary import FAILED, NOT_OK, SKIPPED
from dashboard.write.store import count_posts, recorded_run

# charts first: the snapshot's time should be the run's start, whatever follows; the
# stream last, as it runs for a while
SOURCES = {m.SOURCE: m for m in (app_store_charts, reddit, hackernews, bluesky, mastodon,
                                 app_store_reviews, google_play_reviews, bluesky_stream)}
ALWAYS = {app_store_charts.SOURCE}
_DAYS = re.compile(r"^(\d+)d$")
_DURATION = re.compile(r"^(\d+)([smh])$")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}


@dataclass(frozen=True)
class Result:
    source: str
    status: str
    items: int  # rows written: posts, or chart positions for app_store_charts
    new: int | None  # posts not stored before (None for chart snapshots, always new)
    seconds: float
    error: str | None


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
    """Collect one source inside a recorded run; never raises for the source's failures."""
    module, started = SOURCES[name], time.monotonic()
    posts_before = None if name in ALWAYS else count_posts(ctx.engine, name)
    ctx.report.start(name)
    tally = Tally(ctx.report)
    with recorded_run(ctx.engine, name) as run:
        tally.run_id = run["id"]
        try:
            module.collect(ctx, tally)
            status = tally.status
            error = "\n".join(tally.failures) or None
        except MissingCredentials as e:
            status, error = SKIPPED, str(e)
        except Exception as e:  # outside any unit (a refused login): the whole source failed
            status, error = FAILED, "\n".join([*tally.failures, describe(e)])
        error = ctx.credentials.redact(error)[:2000] if error else None
        run.update(status=status, items=tally.items, error=error, stats=tally.stats)
    new = None if posts_before is None else count_posts(ctx.engine, name) - posts_before
    result = Result(name, status, tally.items, new, time.monotonic() - started, error)
    ctx.report.finished(name, result.status, result.items, result.new, result.seconds,
                        result.error)
    return result


def collect(ctx: CollectContext, names: list[str] | None = None) -> list[Result]:
    """Run ``names`` (default: every source), skipping those the tracker does not set up."""
    results = []
    for name in names or list(SOURCES):
        if ctx.stop.is_set():  # asked to stop during a stream: the rest waits for next time
            break
        if name not in ALWAYS and name not in ctx.tracker.sources:
            ctx.report.source = name
            ctx.report.note(f"no [sources.{name}] in the tracker; not collected")
            continue
        results.append(run_source(ctx, name))
    return results


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


def exit_code(results: list[Result]) -> int:
    return 1 if any(r.status in NOT_OK for r in results) else 0


def source_names(text: str | None) -> list[str] | None:
    """``--sources a,b`` -> names, checked against the known sources."""
    if not text:
        return None
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in SOURCES]
    if unknown:
        raise UserError(f"--sources: unknown {', '.join(unknown)}; "
                        f"choose from {', '.join(SOURCES)}")
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
