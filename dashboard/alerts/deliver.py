"""Sending alerts through Apprise notification URLs, each event to each URL once.

The store's ``meta`` table remembers, per event (``Event.key``), which URLs took it: a
12-hex-digit digest of each URL, never the URL (it often holds a token). An event that a
URL refused stays unsent for that URL and is tried again on the next run; the others are
not sent twice. Every send is bounded: ``SEND_TIMEOUT`` for one notification, and at most
``PER_RUN`` events a run (the rest wait for the next one, newest first).

May import: the foundation, ``write.store`` (meta) and alerts.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field

import apprise
from sqlalchemy import Engine

from dashboard.alerts.detect import Event
from dashboard.alerts.message import alert_body, alert_title
from dashboard.errors import UserError
from dashboard.write.store import get_meta, set_meta, utcnow

SEND_TIMEOUT = 30  # seconds for one notification, whatever the service
PER_RUN = 20  # events sent in one run at most

logging.getLogger("apprise").addHandler(logging.NullHandler())
logging.getLogger("apprise").propagate = False  # its failures are reported here, once


def notify_urls(given: list[str] | None, env: str | None, tracker_urls) -> list[str]:
    """The notification URLs: ``--notify``, else ``DASHBOARD_NOTIFY`` (space-separated),
    else the tracker's ``[alerts] notify``; each checked with Apprise."""
    urls = list(given or []) or (env or "").split() or list(tracker_urls)
    for i, url in enumerate(urls, 1):
        if apprise.Apprise.instantiate(url) is None:
            raise UserError(f"notification URL {i} ({shown(url)}) is not one Apprise can "
                            "use: see https://appriseit.com/services/ for each service's form")
    return urls


def shown(url: str) -> str:
    """A URL as messages may show it: its scheme only (the rest may hold a token)."""
    return f"{url.split('://', 1)[0]}://…" if "://" in url else "…"


def url_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:12]


def sent_to(engine: Engine, e: Event) -> dict[str, str]:
    """URL digest -> when ``e`` was sent there."""
    return json.loads(get_meta(engine, e.key) or "{}").get("sent", {})


@dataclass
class Outcome:
    due: int = 0  # events some URL has not taken yet
    sent: int = 0  # notifications accepted
    failed: list[str] = field(default_factory=list)  # one line per refused notification
    waiting: int = 0  # events left for the next run (PER_RUN)


def unsent(engine: Engine, events: list[Event], urls: list[str]
           ) -> list[tuple[Event, list[str]]]:
    """Each event with the URLs that have not taken it (with no URLs: the events no URL
    ever took)."""
    due = []
    for e in events:
        taken = sent_to(engine, e)
        todo = [u for u in urls if url_id(u) not in taken]
        if todo or (not urls and not taken):
            due.append((e, todo))
    return due


def send_alerts(engine: Engine, events: list[Event], urls: list[str], app_url: str | None,
                dry_run: bool = False, say=print) -> Outcome:
    """Send each event to each URL that has not taken it yet and remember who took it;
    with ``dry_run`` (or no URL), only say what would be sent."""
    due = unsent(engine, events, urls)
    out = Outcome(due=len(due), waiting=max(0, len(due) - PER_RUN))
    for e, todo in due[-PER_RUN:]:
        title, body = alert_title(e), alert_body(e, app_url)
        if dry_run or not urls:
            say(f"--- {e.key}, to {', '.join(map(shown, todo)) or 'no URL'}\n{title}\n{body}\n")
            continue
        sent = sent_to(engine, e)
        for url in todo:
            error = _send(url, title, body)
            if error:
                out.failed.append(f"{e.key} to {shown(url)}: {error}")
                continue
            sent[url_id(url)] = utcnow().isoformat(timespec="seconds")
            out.sent += 1
            say(f"sent {e.key} to {shown(url)}")
        if sent:
            set_meta(engine, e.key, json.dumps({"sent": sent}, sort_keys=True))
    return out


def _send(url: str, title: str, body: str) -> str | None:
    """Notify one URL; the reason it failed, or None."""
    notifier = apprise.Apprise()
    notifier.add(url)
    result = notifier.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT,
                             timeout=SEND_TIMEOUT)
    if result:
        return None
    errors = [entry.message for entry in result.logs() if entry.level in ("ERROR", "WARNING")]
    reason = errors[-1] if errors else "refused, no reason given"
    return reason.replace(url, shown(url))[:300]
