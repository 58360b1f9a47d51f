"""An alert's words: a title and a plain-text body naming the brand, the day and the kind,
the count against the usual level, the top posts, and a link that opens that view of the
dashboard.

The body is plain text. Apprise escapes it for each target (HTML for e-mail, CommonMark
for Markdown services, Slack's ``&<>``); before that, a post's text loses its control
characters, shows its bidi controls as marks, cannot mention anyone (``@`` is followed by
a zero-width space) and is cut to ``POST_CHARS``.

May import: the foundation, files (visible text) and alerts.detect.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

from dashboard.alerts.detect import KINDS, Event
from dashboard.files.visible import visible

POST_CHARS = 280
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SAFE_LINK = re.compile(r"^https?://\S+$")


def alert_title(e: Event) -> str:
    return f"{KINDS[e.kind].label}: {e.brand}, {e.peak:%d %b %Y}"


def alert_body(e: Event, app_url: str | None) -> str:
    since = "" if e.start == e.peak else f", above its usual level since {e.start:%d %b}"
    lines = [f"{KINDS[e.kind].label}: {_count(e)} on {e.peak:%a %d %b %Y} (UTC), "
             f"{e.count / max(e.usual, 1):.1f}× the usual {e.usual:.0f} a day{since}."]
    if e.top_posts:
        lines += ["", "Top posts that day:"]
        for i, post in enumerate(e.top_posts, 1):
            link = post.get("url") or ""
            where = f" {link}" if isinstance(link, str) and _SAFE_LINK.match(link) else ""
            lines.append(f"{i}. [{post['source']}] {plain(post['text'])}{where}")
    if app_url:
        lines += ["", f"Open this view: {alert_link(app_url, e)}"]
    return "\n".join(lines)


def _count(e: Event) -> str:
    return f"{e.count:,} {e.what}"


def plain(text) -> str:
    """A post's text on one line, safe to show anywhere (see the module's docstring)."""
    text = _CONTROL.sub(" ", visible(str(text or ""))).strip()
    text = re.sub(r"\s+", " ", text).replace("@", "@\u200b")
    return text if len(text) <= POST_CHARS else text[:POST_CHARS - 1].rstrip() + "…"


def alert_link(app_url: str, e: Event) -> str:
    """The dashboard view of ``e``: its page, its brand, and the days from two weeks
    before it to its peak (the filters the app reads from the address)."""
    query = urlencode([("brands", e.brand), ("dates", e.view_start.isoformat()),
                       ("dates", e.peak.isoformat())])
    return f"{app_url.rstrip('/')}/{KINDS[e.kind].page}?{query}"
