"""The command line: ``python -m dashboard {collect,stream,import,score,rescore,export,demo,
alert,snapshot} ...``.

Every command accepts ``--db URL`` (default: ``DASHBOARD_DB`` or ``data/dashboard.sqlite``;
for ``demo``, ``data/demo.sqlite``) and ``--tracker FILE`` (default:
``data/trackers/ai-assistants.toml``). Bad input ends with a one-paragraph error naming
the file, row and column, and exit status 2; nothing already stored is touched. Opening a
store whose daily rollup must be rebuilt shows that rebuild's progress too.

May import: anything in the package; each command imports what it needs when it runs, so
``--help`` stays quick.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from dashboard import paths
from dashboard.errors import UserError

EXPORT_TABLES = ("posts", "ranks", "daily", "reasons", "ratings")


class Progress:
    """One status line on stderr, rewritten in place on a terminal (plain lines otherwise)."""

    def __init__(self, total: int | None = None, quiet: bool = False, unit: str = "posts"):
        self.total, self.quiet, self.unit = total, quiet, unit
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int):
        now = time.monotonic()
        if self.quiet or (now - self.last < 0.2 and done != self.total):
            return
        self.last = now
        of = f"/{self.total:,}" if self.total else ""
        line = f"{stage}: {done:,}{of} {self.unit}"
        if self.tty:
            print(f"\r{line:<60}", end="", file=sys.stderr, flush=True)
            self.shown = True
        elif done == self.total:
            print(line, file=sys.stderr)

    def done(self):
        if self.tty and self.shown:
            print(file=sys.stderr)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="store URL, e.g. sqlite:///data/my.sqlite or "
                                "postgresql://user@host/db (default: $DASHBOARD_DB or "
                                "data/dashboard.sqlite)")
    p.add_argument("--tracker", help="tracker TOML file (default: "
                                     "data/trackers/ai-assistants.toml)")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def _scorer(value: str) -> str:
    if value in ("full", "vader") or (value.startswith("transformers:") and
                                      value[len("transformers:"):].strip()):
        return value
    raise argparse.ArgumentTypeError(f"{value!r}: choose full, vader or transformers:MODEL")


def _scorer_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scorer", type=_scorer, default="full", metavar="SCORER",
                   help="full: VADER adapted to backlash and switching (default); vader: "
                        "plain vaderSentiment 3.3.2; transformers:MODEL: a Hugging Face "
                        "text-classification model (a model id or a local directory; "
                        "P(positive) - P(negative); needs pip install -r "
                        "requirements-transformers.txt). Every post stores the scorer "
                        "version it was scored with")


def _map_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--map", action="append", metavar="KEY=COL,...",
                   help="which column is which, when the names are not recognised: KEY is "
                        "id, time, text (used as it is), title, body (joined), author, url, "
                        "community, engagement, lang or rating, e.g. --map "
                        "id=Post ID,time=Posted,text=Message; an empty COL (author=) uses "
                        "none")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Collect, score and export posts about the brands in a tracker file.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("import", help="score a CSV/JSONL/Parquet file of posts and store it",
                       description="Read posts from FILE (id, time and text columns; common "
                       "spellings are recognised, --map names the others), score them and "
                       "store them; print which column was used for what. Re-importing the "
                       "same file adds no rows. A row without an id, a readable time or text "
                       "stops the import (nothing is written) unless --skip-invalid.")
    p.add_argument("file")
    p.add_argument("--source", required=True,
                   help="name to store the posts under, e.g. reddit, x, my-survey")
    _map_option(p)
    p.add_argument("--skip-invalid", action="store_true",
                   help="store the good rows and write the others, with the row number, "
                        "column and reason, to a CSV file (see --rejected); exit status 2 "
                        "if no row is good")
    p.add_argument("--rejected", metavar="PATH",
                   help="with --skip-invalid: where the rejected rows go (default: "
                        "FILE.rejected.csv)")
    p.add_argument("--keep-handles", action="store_true",
                   help="store authors' handles instead of salted-hash pseudonyms")
    _scorer_option(p)
    _common(p)

    p = sub.add_parser("score", help="score a file of posts without storing it",
                       description="Write FILE's columns plus sentiment, sentiment_label, "
                       "brands, brand_sentiment (JSON: brand -> score toward it), "
                       "switch_from, switch_to, switch_kind and switch_phrase. The text "
                       "columns are chosen as import chooses them.")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help="output CSV file")
    _map_option(p)
    _scorer_option(p)
    _common(p)

    p = sub.add_parser("rescore", help="rescore stored posts scored by another scorer version",
                       description="Score again, and store, only the posts whose stored "
                       "scorer_version differs from the scorer's (after an upgrade, a "
                       "lexicon edit or a change of the tracker's brands).")
    _scorer_option(p)
    _common(p)

    p = sub.add_parser("export", help="write stored posts, ranks or daily figures to a file",
                       description="daily: one row per date and brand with posts, "
                       "mean_sentiment, negative_share, leaving and arriving; reasons: per "
                       "date, brand and reason (the tracker's), the posts leaving, moving "
                       "from or considering leaving the brand that give it; ratings: per date, "
                       "brand and store, the app's reviews, mean_rating and one_star_share.")
    p.add_argument("--table", choices=EXPORT_TABLES, required=True)
    p.add_argument("--format", choices=("csv", "parquet"), default=None,
                   help="default: from the output file's extension, else csv")
    p.add_argument("-o", "--output", required=True)
    _common(p)

    p = sub.add_parser("collect", help="fetch new posts and chart snapshots from live sources",
                       description="Collect every source the tracker sets up (Reddit, Hacker "
                       "News, Bluesky, Mastodon, App Store charts and reviews, Google Play "
                       "reviews), each from where it stopped last time; see "
                       "docs/collecting.md. Exit status 0 when every source ran or was "
                       "skipped (missing credentials), 1 when any that ran failed or "
                       "partly failed, 130/143 when interrupted.")
    p.add_argument("--sources", help="comma-separated sources to run (default: all)")
    p.add_argument("--since", help="backfill from this date/time (UTC) or days back, e.g. "
                                   "2026-03-01 or 30d (default: from where each stopped)")
    p.add_argument("--keep-handles", action="store_true",
                   help="store authors' handles instead of salted-hash pseudonyms")
    p.add_argument("--for", dest="run_for", metavar="DURATION",
                   help="how long bluesky_stream reads, e.g. 30s, 10m or 2h (default: until "
                        "it has caught up with real time, at most 10m)")
    p.add_argument("--strict", action="store_true",
                   help="a skipped source (no credentials, nothing to collect) is a failure "
                        "too: exit status 1")
    p.add_argument("--log-json", action="store_true",
                   help="structured log: one JSON object per event on stderr")
    _common(p)

    p = sub.add_parser("stream", help="follow Bluesky's public Jetstream until Ctrl-C or SIGTERM",
                       description="Read every new Bluesky post from Jetstream (no keys) and "
                       "store those naming a tracked brand or a [sources.bluesky_stream] query, "
                       "from where the last run stopped, one run record per hour. Ctrl-C or "
                       "SIGTERM saves what is buffered and the cursor, then exits.")
    p.add_argument("--keep-handles", action="store_true",
                   help="store authors' DIDs instead of salted-hash pseudonyms")
    p.add_argument("--log-json", action="store_true",
                   help="structured log: one JSON object per event on stderr")
    _common(p)

    p = sub.add_parser("alert", help="send new spikes and switching surges to notification URLs",
                       description="Find spikes (the Overview's) and switching surges in the "
                       "days counted back from the newest data, and send each event not "
                       "sent before through Apprise notification URLs (json://, slack://, "
                       "discord://, mailto://, ntfy://, ...: https://appriseit.com/services/)."
                       " Exit status 1 if a notification failed; it is tried again next run.")
    p.add_argument("--notify", action="append", metavar="URL",
                   help="an Apprise URL, repeatable (default: $DASHBOARD_NOTIFY, space-"
                        "separated, else the tracker's [alerts] notify)")
    p.add_argument("--since", help="the days to look at: a date (2026-03-01) or days counted "
                                   "back from the newest data (default: 2d)")
    p.add_argument("--app-url", help="the dashboard's address, for a link to each event's "
                                     "view (default: $DASHBOARD_URL)")
    p.add_argument("--dry-run", action="store_true",
                   help="print what would be sent; send nothing and remember nothing")
    _common(p)

    p = sub.add_parser("snapshot", help="write a compact read-only SQLite copy of the store",
                       description="Copy the store (SQLite or PostgreSQL) into one compact "
                       "SQLite file, without the author salt, for the app to read over "
                       "HTTP (DASHBOARD_DB=https://.../FILE.sqlite) and for a scheduled job "
                       "to carry on from. FILE is replaced only once the copy is whole.")
    p.add_argument("-o", "--output", required=True, metavar="FILE.sqlite")
    _common(p)

    p = sub.add_parser("demo", help="(re)build the simulated demo store",
                       description="Replace the simulated rows in the store with the seeded "
                       "demo simulation (default store: data/demo.sqlite).")
    _common(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as e:  # Ctrl-C, or SIGTERM while collecting (runner.Interrupted)
        print("interrupted; what was stored so far is kept, rerun to finish", file=sys.stderr)
        return 128 + getattr(e, "signum", 2)


def _tracker(args):
    from dashboard.tracker import load_tracker
    return load_tracker(paths.tracker_path(args.tracker))


def _store(args, url: str | None = None):
    """The store, opened; a rebuild of its daily rollup (after a change of what it
    counts) shows its progress."""
    from dashboard.write.store import open_store
    progress = Progress(quiet=args.quiet, unit="days")

    def rebuilding(done: int, total: int):
        progress.total = total
        progress("rebuilding the daily figures", done)
    engine = open_store(url or paths.cli_store_url(args.db), progress=rebuilding)
    progress.done()
    return engine


def cmd_import(args) -> int:
    from dashboard.files.columns import column_report, parse_map
    from dashboard.files.importer import read_posts_file, write_rejected
    from dashboard.files.rows import TEXT_CAP
    from dashboard.scoring import Scorer
    from dashboard.write.ingest import save_posts_as_run
    if args.rejected and not args.skip_invalid:
        raise UserError("--rejected: only with --skip-invalid")
    tracker = _tracker(args)
    reading = Progress(None, args.quiet, unit="rows")
    read = read_posts_file(args.file, args.source, parse_map(args.map), args.skip_invalid,
                           chosen=lambda c: _say(args, "\n".join(column_report(c, args.file))),
                           progress=reading)
    reading.done()
    scorer = Scorer(tracker, args.scorer)  # a model that cannot load stops before the store
    rejected = args.rejected or f"{args.file}.rejected.csv"
    if read.report.skipped:  # written first: if it cannot be, nothing is stored
        write_rejected(read.report, rejected, args.file)
    engine = _store(args)
    progress = Progress(read.count, args.quiet)
    with read:
        n, new = save_posts_as_run(engine, read.chunks(), args.source, scorer,
                                   keep_handles=args.keep_handles or tracker.keep_author_handles,
                                   progress=progress, total=read.count)
    progress.done()
    skipped, cut = read.report.skipped, read.report.cut
    repeated = read.rows - skipped - read.ids
    again = read.count - read.ids  # repeats in later chunks: written again, the last one kept
    _say(args, "; ".join([
        f"imported {args.file} as source {args.source!r}: {new:,} stored, "
        f"{n - new - again:,} updated (already stored), {skipped:,} skipped"
        + (f" (rows and reasons in {rejected})" if skipped else ""),
        *([f"{_counted(repeated, 'row')} repeated an id (the last one kept)"] if repeated
          else []),
        *([f"{_counted(cut, 'text')} cut at {TEXT_CAP:,} characters (marked in the text)"]
          if cut else []),
        f"scorer {scorer.version}"]))
    return 0


def cmd_score(args) -> int:
    from dashboard.files.columns import column_report, parse_map
    from dashboard.files.export import write_table
    from dashboard.files.importer import nested_problems, open_posts_file, post_text
    from dashboard.scoring import SCORE_COLUMNS, Scorer
    columns, chunks = open_posts_file(args.file, parse_map(args.map))
    _say(args, "\n".join(column_report(columns, args.file)))
    scorer = Scorer(_tracker(args), args.scorer)
    progress = Progress(None, args.quiet)
    cols = [c for c in SCORE_COLUMNS if c != "scorer_version"]
    output = Path(args.output)
    part = output.with_name(output.name + ".part")  # OUT appears only when complete
    n = 0
    try:
        for chunk in chunks:  # scored and written a chunk at a time: memory stays bounded
            texts = chunk.reindex(columns=[c for c in (columns.title, columns.body) if c])
            if bad := nested_problems(texts):
                i, col, why = bad[0]
                raise UserError(f"{args.file}: row {i + 1}: column {col}: {why}")
            scores = scorer.score_frame(pd.DataFrame({"text": post_text(texts, columns)}),
                                        progress=lambda k: progress("scored", n + k))
            out = pd.concat([chunk.drop(columns=cols, errors="ignore"), scores[cols]], axis=1)
            write_table(out, part, "csv", append=n > 0)
            n += len(chunk)
        part.replace(output)
    finally:
        part.unlink(missing_ok=True)
    progress.done()
    _say(args, f"scored {n:,} posts with scorer {scorer.version} → {args.output}")
    return 0


def cmd_rescore(args) -> int:
    from dashboard.scoring import Scorer
    from dashboard.write.rescore import count_stale, rescore
    scorer = Scorer(_tracker(args), args.scorer)
    engine = _store(args)
    progress = Progress(count_stale(engine, scorer.version), args.quiet)
    n = rescore(engine, scorer, progress=lambda n: progress("rescored", n))
    progress.done()
    _say(args, f"rescored {n:,} posts with scorer {scorer.version}" if n else
         f"nothing to rescore: every post was scored by {scorer.version}")
    return 0


def cmd_export(args) -> int:
    from dashboard.files.export import export_table
    fmt = args.format or ("parquet" if Path(args.output).suffix == ".parquet" else "csv")
    n = export_table(_store(args), args.table, args.output, fmt, _tracker(args))
    _say(args, f"wrote {n:,} rows of {args.table} → {args.output}")
    return 0


def cmd_collect(args) -> int:
    from dashboard.collectors import runner
    names, since = runner.source_names(args.sources), _since(args.since)
    run_for = runner.parse_duration(args.run_for)
    ctx = runner.make_context(_store(args), _tracker(args), since=since,
                              keep_handles=args.keep_handles, quiet=args.quiet,
                              log_json=args.log_json, run_for=run_for)
    return runner.exit_code(runner.collect(ctx, names), strict=args.strict)


def cmd_stream(args) -> int:
    from dashboard.collectors import runner
    ctx = runner.make_context(_store(args), _tracker(args), keep_handles=args.keep_handles,
                              quiet=args.quiet, log_json=args.log_json)
    return runner.exit_code([runner.follow(ctx)])


def _since(given: str | None):
    """``--since``, read by the collectors' rules and held to the sane time window."""
    from dashboard.collectors.runner import parse_since
    from dashboard.time_window import checked_since
    try:
        when = parse_since(given)
    except OverflowError:  # more days back than a date can hold: before every source
        when = datetime.min.replace(tzinfo=timezone.utc)
    return checked_since(when, given)


def cmd_demo(args) -> int:
    from dashboard.demo import build_demo, check_tracker
    tracker = _tracker(args)
    check_tracker(tracker)  # before a store is made for it
    url = args.db or paths.sqlite_url(paths.DEMO_STORE)
    engine = _store(args, url)
    progress = Progress(None, args.quiet)
    counts = build_demo(engine, tracker, progress=progress)
    progress.done()
    _say(args, f"demo store ready: {counts['posts']:,} simulated posts and "
               f"{counts['ranks']:,} simulated chart positions")
    return 0


def cmd_alert(args) -> int:
    from dashboard.alerts.deliver import notify_urls, send_alerts
    from dashboard.alerts.detect import find_events
    tracker = _tracker(args)
    urls = notify_urls(args.notify, os.environ.get("DASHBOARD_NOTIFY"), tracker.notify)
    engine = _store(args)
    events, first = find_events(engine, tracker, args.since)
    if first is None:
        _say(args, "the store holds no posts yet: nothing to alert about")
        return 0
    out = send_alerts(engine, events, urls, args.app_url or os.environ.get("DASHBOARD_URL"),
                      dry_run=args.dry_run, say=lambda m: _say(args, m))
    if not urls and not args.dry_run:
        print("no notification URL (--notify, DASHBOARD_NOTIFY or the tracker's [alerts] "
              "notify): nothing sent", file=sys.stderr)
    for line in out.failed:
        print(f"failed: {line}", file=sys.stderr)
    _say(args, f"since {first}: {len(events)} events, {out.due} not sent before; "
               f"{out.sent} notifications sent, {len(out.failed)} failed"
               + (f", {out.waiting} events wait for the next run" if out.waiting else ""))
    return 1 if out.failed else 0


def cmd_snapshot(args) -> int:
    from dashboard.write.snapshot import write_snapshot
    engine = _store(args)
    if engine.url.database and Path(engine.url.database).resolve() == \
            Path(args.output).resolve():
        raise UserError(f"{args.output} is the store itself: write the snapshot elsewhere")
    n = write_snapshot(engine, args.output)
    _say(args, f"snapshot of {n['posts']:,} posts and {n['ranks']:,} chart positions → "
               f"{args.output} ({n['bytes'] / 1e6:.1f} MB)")
    return 0


def _counted(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _say(args, msg: str) -> None:
    if not args.quiet:
        print(msg)


COMMANDS = {"collect": cmd_collect, "stream": cmd_stream, "import": cmd_import, "score": cmd_score,
            "rescore": cmd_rescore, "export": cmd_export, "demo": cmd_demo,
            "alert": cmd_alert, "snapshot": cmd_snapshot}
