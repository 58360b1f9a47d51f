"""Charts and views as files: PNG, SVG, interactive HTML, and a one-file HTML report.

Pure functions, no Streamlit. Every export is drawn in a light style (white paper, the
``plotly_white`` template) whatever theme the app shows, on a copy: the caller's figure is
never changed. HTML output is self-contained (plotly.js inlined), so it opens offline.

Images come from kaleido 1.x driving a headless Chromium (Debian's ``/usr/bin/chromium``,
or ``BROWSER_PATH``). Starting the browser takes seconds, so one browser is started on the
first image and kept for the life of the process; calls from any thread are served one at
a time. Data downloads (CSV, Parquet) live in ``files/export.py``.

May import: errors (no Streamlit, no store).
"""
from __future__ import annotations

import asyncio
import atexit
import html
import re
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from dashboard.errors import UserError

DEFAULT_WIDTH = 1200   # px; a full-width article image
DEFAULT_HEIGHT = 600   # px; used when the figure sets no height
RENDER_TIMEOUT = 90    # s kaleido allows one image
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
INSTALL_HINT = ("Image export (PNG, SVG) needs Chromium: install it with "
                "`apt-get install chromium`, or on Streamlit Community Cloud list `chromium` "
                "in packages.txt. HTML, CSV and Parquet exports work without it.")


class ImageExportUnavailable(UserError):
    """No usable Chromium, so PNG and SVG cannot be made; the message says how to fix it."""


def _light(fig: go.Figure) -> dict:
    """A copy of ``fig`` as a dict, restyled for a white page."""
    spec = fig.to_dict()  # deep copy
    spec["layout"] = spec.get("layout", {}) | {
        "template": pio.templates["plotly_white"].to_plotly_json(),
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "font": spec.get("layout", {}).get("font", {}) | {"color": "#222222"},
    }
    return spec


# --- images -------------------------------------------------------------------------------

def browser_path() -> str:
    """The Chromium kaleido will use, found the way kaleido finds it (``BROWSER_PATH``
    first, then ``PATH``); raises ImageExportUnavailable without one. Starts nothing."""
    from choreographer.browsers.chromium import Chromium
    path = Chromium.find_browser(skip_local=False)
    if not path or not Path(path).is_file():
        where = f" (found {path!r}, which is not a file: check BROWSER_PATH)" if path else ""
        raise ImageExportUnavailable(INSTALL_HINT + where)
    return path


class _ImageSession:
    """One kaleido browser on its own event-loop thread, started on first use.

    A lock serialises callers (Streamlit runs scripts and deferred downloads on many
    threads) and guards start and close. After any failure the browser is closed, so the
    next call starts a fresh one instead of reusing a crashed one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido = None

    def render(self, spec: dict, opts: dict) -> bytes:
        with self._lock:
            try:
                if self._kaleido is None:
                    self._start()
                return self._run(self._kaleido.calc_fig(spec, opts=opts))
            except BaseException:
                self._close()
                raise

    def close(self) -> None:
        """Stop the browser (it restarts on the next image)."""
        with self._lock:
            self._close()

    def _start(self) -> None:
        import kaleido
        from kaleido.errors import BrowserFailedError, ChromeNotFoundError
        path = browser_path()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido",
                                        daemon=True)
        self._thread.start()

        async def open_browser():
            # mathjax=False: no CDN request (the charts use no LaTeX), so it works offline
            k = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT, mathjax=False, path=path)
            await k.open()
            return k
        try:
            self._kaleido = self._run(open_browser())
        except (ChromeNotFoundError, BrowserFailedError) as e:
            raise ImageExportUnavailable(f"{INSTALL_HINT} ({path} did not start: {e})") from e

    def _run(self, coro):
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:  # kaleido times out a render itself; this also bounds browser start and close
            return future.result(RENDER_TIMEOUT + 15)
        except FutureTimeout:
            future.cancel()
            raise TimeoutError(f"image export took over {RENDER_TIMEOUT + 15} s") from None

    def _close(self) -> None:
        if self._loop is None:
            return
        if self._kaleido is not None:
            try:
                self._run(self._kaleido.close())
            except Exception:  # a crashed browser may not close cleanly
                pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        self._loop = self._thread = self._kaleido = None


_session = _ImageSession()
atexit.register(_session.close)  # no Chromium left behind when the process ends


def close_image_session() -> None:
    """Stop the shared browser now (tests, shutdown); the next image starts a new one."""
    _session.close()


def _image(fig: go.Figure, fmt: str, width: int | None, height: int | None,
           scale: float) -> bytes:
    spec = _light(fig)
    layout = spec["layout"]
    opts = {"format": fmt, "scale": scale,
            "width": width or layout.get("width") or DEFAULT_WIDTH,
            "height": height or layout.get("height") or DEFAULT_HEIGHT}
    return _session.render(spec, opts)


def figure_png(fig: go.Figure, width: int | None = None, height: int | None = None,
               scale: float = 2) -> bytes:
    """PNG bytes of ``fig`` on white. Size in layout pixels: width defaults to the
    figure's or 1200, height to the figure's or 600; ``scale=2`` doubles the pixels
    for sharp print. Raises ImageExportUnavailable without Chromium."""
    return _image(fig, "png", width, height, scale)


def figure_svg(fig: go.Figure, width: int | None = None, height: int | None = None) -> bytes:
    """SVG bytes of ``fig`` on white; size defaults as for ``figure_png``."""
    return _image(fig, "svg", width, height, 1)


# --- HTML ---------------------------------------------------------------------------------

def figure_html(fig: go.Figure) -> bytes:
    """A standalone interactive HTML page of ``fig`` (plotly.js inlined, works offline)."""
    return pio.to_html(_light(fig), include_plotlyjs=True, full_html=True,
                       config=PLOTLY_CONFIG, validate=False).encode("utf-8")


REPORT_CSS = """
body { font-family: Inter, Helvetica, Arial, sans-serif; color: #222; background: #fff;
       max-width: 1200px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
.notice { border: 2px solid #D55E00; background: #fff4ec; padding: .75em 1em;
          font-weight: 600; margin-bottom: 1em; }
.generated { color: #555; }
table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
section { margin: 2em 0; }
"""


def _escaped(text: object) -> str:
    return html.escape(str(text), quote=True)


def _section_body(content: go.Figure | pd.DataFrame | str) -> str:
    if isinstance(content, go.Figure):
        # plotly.js is in the page head once; each figure brings only its data
        return pio.to_html(_light(content), include_plotlyjs=False, full_html=False,
                           config=PLOTLY_CONFIG, validate=False)
    if isinstance(content, pd.DataFrame):
        return content.to_html(index=False, escape=True, render_links=False, border=0,
                               na_rep="")
    if isinstance(content, str):
        return "\n".join(f"<p>{_escaped(p.strip())}</p>"
                         for p in re.split(r"\n\s*\n", content) if p.strip())
    raise TypeError(f"report section must be a Figure, DataFrame or str, "
                    f"not {type(content).__name__}")


def report_html(title: str, filters: list[tuple[str, str]],
                sections: list[tuple[str, go.Figure | pd.DataFrame | str]],
                notice: str | None = None) -> bytes:
    """One self-contained HTML file of a view: ``notice`` (if any) at the top, the title,
    when it was made (UTC), the filters as a table, then each (heading, content) section
    in order. Figures stay interactive (plotly.js inlined once for the whole file);
    DataFrames become tables and strings paragraphs. All text is HTML-escaped, so post
    text cannot become markup. Large frames make large files: pass what the view shows."""
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    rows = "\n".join(f"<tr><th scope=\"row\">{_escaped(k)}</th><td>{_escaped(v)}</td></tr>"
                     for k, v in filters)
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escaped(title)}</title>", f"<style>{REPORT_CSS}</style>",
        f'<script type="text/javascript">{get_plotlyjs()}</script>', "</head>", "<body>",
    ]
    if notice:
        parts.append(f'<div class="notice" role="note">{_escaped(notice)}</div>')
    parts += [f"<h1>{_escaped(title)}</h1>", f'<p class="generated">Generated {made}</p>',
              "<h2>Filters</h2>",
              f'<table class="filters">{rows}</table>' if rows else "<p>No filters.</p>"]
    for heading, content in sections:
        parts.append(f"<section><h2>{_escaped(heading)}</h2>\n{_section_body(content)}"
                     "</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts).encode("utf-8")


# --- file names ---------------------------------------------------------------------------

def export_name(stem: str, *parts: object, ext: str) -> str:
    """A safe file name: stem and parts joined by ``_``, parts that are None skipped, and
    anything but ASCII letters, digits, ``.`` and ``-`` turned into ``-``.
    ``export_name("backlash", date(2026, 2, 20), date(2026, 3, 10), ext="png")`` gives
    ``backlash_2026-02-20_2026-03-10.png``."""
    def clean(part: object) -> str:
        return re.sub(r"[^A-Za-z0-9.-]+", "-", str(part))[:80].strip(".-")
    ext = ext.lstrip(".").lower()
    if not re.fullmatch(r"[a-z0-9]{1,10}", ext):
        raise ValueError(f"bad file extension {ext!r}")
    words = [w for w in (clean(p) for p in (stem, *parts) if p is not None) if w]
    return "_".join(words or ["export"]) + "." + ext
