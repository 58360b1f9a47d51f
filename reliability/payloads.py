"""Hostile posts: markup, script and Markdown payloads in post text, urls, authors and
communities, and how to tell whether any of them came alive on a page.

Every payload instance has a number ``n``. If it runs, it pushes ``n`` onto
``window.__pwned`` (what /work/shared/checks/browse.py looks for) or calls ``alert(n)``;
elements it injects carry ``data-pwn="n"``; and its visible marker ``PWN<n>`` appears as
text. Shown literally, the marker sits next to the payload's own syntax (its *witness*:
``:red[``, ``](``, ``<b>`` ...); interpreted, the syntax is gone. ``DETECT_JS`` collects
every number that executed or rendered as markup on a page.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

JS = "(window.__pwned=window.__pwned||[]).push({n})"
SINK = "http://127.0.0.1:9"  # nothing listens: a request here means markup loaded something

# (name, template, witness): {js} is the recording script, {n} the instance number
PAYLOADS = [
    ("script tag", '<script data-pwn="{n}">{js}</script>PWN{n}', "<script"),
    ("img onerror", '<img src=x data-pwn="{n}" onerror="{js}">PWN{n}', "<img"),
    ("svg onload", '<svg data-pwn="{n}" onload="{js}"></svg>PWN{n}', "<svg"),
    ("iframe", '<iframe data-pwn="{n}" src="javascript:{js}"></iframe>PWN{n}', "<iframe"),
    ("javascript link", '<a data-pwn="{n}" href="javascript:{js}">PWN{n}</a>', "<a "),
    ("event attribute", '" onmouseover="{js}" data-pwn="{n}" x="PWN{n}', "onmouseover"),
    ("markdown link", "[PWN{n}](javascript:{js})", "]("),
    ("markdown image", f"![PWN{{n}}]({SINK}/pwn-{{n}}.png)", "]("),
    ("markdown bold", "**PWN{n}** __PWN{n}__", "**"),
    ("streamlit colour", ":red[PWN{n}] :blue-background[PWN{n}]", ":red["),
    ("streamlit icon", ":material/warning: PWN{n} :streamlit:", ":material/"),
    ("latex", "$PWN{n}$ $$\\alert{{{n}}}$$", "$PWN"),
    ("plotly html", "<b>PWN{n}</b><br><a href='javascript:{js}'>x</a>", "<b>"),
    ("alert", "<script>alert({n})</script>PWN{n}", "<script"),
]
URLS = [  # only http(s) may become a link; everything else must vanish or stay text
    ("javascript url", "javascript:{js}"),
    ("javascript url, odd case", "JaVaScRiPt:{js}"),
    ("javascript url, leading tab", "\tjavascript:{js}"),
    ("data url", "data:text/html,<script>{js}</script>"),
    ("vbscript url", "vbscript:msgbox({n})"),
    ("http url breaking out of its attribute", 'https://x.example/"onmouseover="{js}'),
]
FIELDS = ("text", "url", "author", "community")
DETECT_JS = """() => {
  const found = new Set((window.__pwned || []).map(String));
  document.querySelectorAll('[data-pwn]').forEach(e => found.add(e.dataset.pwn));
  document.querySelectorAll('a[href]').forEach(a => {
    const h = a.getAttribute('href').trim().toLowerCase();
    if (!/^(https?:|mailto:|\\/|#|\\?|\\.)/.test(h) && h !== '')
      found.add('href:' + h.slice(0, 60));
  });
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const witnesses = WITNESSES;
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (const m of node.textContent.matchAll(/PWN(\\d+)/g)) {
      const witness = witnesses[m[1]];
      // the marker shown without its own syntax around it: the syntax was interpreted
      if (witness && !node.textContent.includes(witness)) found.add(m[1]);
    }
  }
  return [...found];
}"""


@dataclass(frozen=True)
class Instance:
    n: int
    name: str
    field: str
    value: str
    witness: str | None  # None: the payload has no visible marker (urls)


def instances() -> list[Instance]:
    """Every payload in every field it can reach, numbered from 1."""
    out = []
    for field in FIELDS:
        for name, template, witness in PAYLOADS:
            n = len(out) + 1
            out.append(Instance(n, name, field, template.format(n=n, js=JS.format(n=n)),
                                witness))
    for name, template in URLS:
        n = len(out) + 1
        out.append(Instance(n, name, "url", template.format(n=n, js=JS.format(n=n)), None))
    return out


def detect_js() -> str:
    witnesses = {str(i.n): i.witness for i in instances() if i.witness}
    return DETECT_JS.replace("WITNESSES", repr(witnesses).replace("'", '"'))


def hostile_posts(days: int = 21, per_day: int = 4) -> pd.DataFrame:
    """A posts file (importer columns) holding every payload instance, on the last day, in
    posts that move from ChatGPT to Claude (so they show on every page: a spike, a flow,
    the post tables), after ``days`` quiet days of ordinary posts (the spike's baseline)."""
    start = pd.Timestamp("2026-03-01", tz="UTC")
    rows = [{"id": f"calm-{d}-{i}", "created_at": start + pd.Timedelta(days=d, hours=i),
             "text": "Thinking about ChatGPT and Claude today", "url":
             "https://example.com/calm", "author": "calm", "subreddit": "calm"}
            for d in range(days) for i in range(per_day)]
    spike = start + pd.Timedelta(days=days, hours=12)
    for i in instances():
        post = {"id": f"pwn-{i.n}", "created_at": spike,
                "text": f"Cancelled ChatGPT, switched from ChatGPT to Claude (post {i.n})",
                "url": f"https://example.com/pwn-{i.n}", "author": f"author-{i.n}",
                "subreddit": f"community-{i.n}"}
        post[{"community": "subreddit"}.get(i.field, i.field)] = \
            i.value if i.field != "text" else f"{i.value} switched from ChatGPT to Claude"
        rows.append(post)
    return pd.DataFrame(rows)
