"""Realistic post files for crash and concurrency runs, from the demo's own wording.

``posts_frame(n, seed)`` fills the templates of ``data/demo/texts.toml`` (leaving, moving,
complaints, praise, chatter, news about the tracked brands) into a Reddit-export-shaped
table: id, created_utc, subreddit, author, title, body, score, url. A few posts carry what
real exports do: emoji, right-to-left text, zero-width characters, quotes, commas and line
breaks (so CSV quoting is exercised). The same seed always gives the same file.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.paths import DATA

TEXTS = DATA / "demo" / "texts.toml"
BRANDS = ["ChatGPT", "Claude", "Gemini", "Grok", "Copilot", "Perplexity", "DeepSeek",
          "Le Chat"]
SUBREDDITS = ["ChatGPT", "ClaudeAI", "OpenAI", "singularity", "artificial", "LocalLLaMA"]
EXTRAS = ["", "", "", "", " 🚀🔥", " שלום עולם", " zero\u200bwidth", ' "quoted, with comma"',
          "\nsecond line, after a break", " ☕️ — ça va?"]
START = pd.Timestamp("2026-02-01", tz="UTC")


def posts_frame(n: int, seed: int = 7, days: int = 40) -> pd.DataFrame:
    """``n`` posts spread over ``days`` days from 2026-02-01, ids ``p0``..``p{n-1}``."""
    rng = np.random.default_rng(seed)
    words = tomllib.loads(TEXTS.read_text(encoding="utf-8"))
    # every reason's wordings are one slot here (the demo picks a reason by the day)
    slots = words["slots"] | {"reason": [w for group in words["reasons"].values() for w in group]}
    types = words["types"]
    kinds = sorted(types)

    def pick(options):
        return options[rng.integers(len(options))]

    def fill(template: str) -> str:
        a, b = rng.choice(len(BRANDS), size=2, replace=False)
        names = {"from": BRANDS[a], "to": BRANDS[b], "brand": BRANDS[a]}
        return re.sub(r"\{(\w+)\}", lambda m: names.get(m.group(1)) or pick(slots[m.group(1)]),
                      template)

    titles, bodies = [], []
    for _ in range(n):
        kind = types[pick(kinds)]
        titles.append(fill(pick(kind["templates"])))
        bodies.append(fill(pick(kind["templates"])) + pick(EXTRAS) if rng.random() < 0.5
                      else "")
    seconds = rng.integers(0, days * 86400, size=n)
    return pd.DataFrame({
        "id": [f"p{i}" for i in range(n)],
        "created_utc": (START.timestamp() + seconds).astype(int),
        "subreddit": [pick(SUBREDDITS) for _ in range(n)],
        "author": [f"user_{rng.integers(n // 3 + 1)}" for _ in range(n)],
        "title": titles,
        "body": bodies,
        "score": rng.integers(-5, 2000, size=n),
        "url": [f"https://www.reddit.com/r/x/comments/p{i}/" for i in range(n)],
    })


def write_posts_csv(path: Path, n: int, seed: int = 7) -> Path:
    posts_frame(n, seed).to_csv(path, index=False)
    return path
