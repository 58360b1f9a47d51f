"""Frames in, plotly Figures out. Brand colours are fixed here, from the tracker.

Every time chart gets the events from ``data/events.csv`` as numbered dotted lines (hover
for the details; the pages list the numbers) and grey bands on days a source was down
(missing data is never drawn as a quiet day). Titles say what is plotted, axes the unit,
and all figures use one colour-blind-safe palette (Okabe–Ito, then Tol) so a brand keeps
its colour on every chart.

A figure is written as plain dicts, its traces and its layout, and handed to plotly once,
unchecked (``_figure``): plotly's graph objects check every property as it is set, and
every ``update_layout`` checks the whole layout again, which took most of the Overview's
rerun after a filter change (docs/performance.md). So columns go in as numpy arrays
(``_values``), as plotly's checks would leave them, and subplot grids are laid out by
``make_subplots`` once per shape of grid (``_subplots``). ``tests/test_charts.py`` builds
every chart and requires plotly's checked build of the same dicts to be the same figure.

May import: read.metrics, tracker, vocabulary (no Streamlit, no store).
"""
from __future__ import annotations

import copy
import functools
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.read.metrics import rolling_ratings, rolling_share
from dashboard.tracker import Tracker
from dashboard.vocabulary import FAILED, OK, PARTIAL, SKIPPED, STORES

# Okabe & Ito (2008) and Tol's muted scheme; colour-blind safe, readable on light and dark
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#44AA99",
           "#882255", "#999933", "#777777"]
FONT = "Inter, Helvetica, Arial, sans-serif"
SIMULATED_NOTE = "Simulated demo data"
RUN_STATUS_COLORS = {OK: "#009E73", PARTIAL: "#E69F00", FAILED: "#D55E00", SKIPPED: "#999999"}
EVENT_LINE = {"dash": "dot", "width": 1, "color": "#888888"}


def brand_colors(tracker: Tracker) -> dict[str, str]:
    """Brand -> colour: the tracker's own, else the next palette colour."""
    spare = iter(c for c in PALETTE if c not in {b.color for b in tracker.brands})
    return {b.name: b.color or next(spare, "#777777") for b in tracker.brands}


# --- plain dicts into a Figure ----------------------------------------------------------

def _figure(data: list[dict], layout: dict) -> go.Figure:
    """A Figure of these traces and this layout, taken as they are: plotly adds its default
    template and checks nothing (see the module's docstring)."""
    return go.Figure(data=data, layout=layout, _validate=False)


def _values(column: pd.Series | pd.Index) -> np.ndarray:
    """A column as plotly keeps a checked one: a numpy array (numbers are sent as typed
    arrays), times as the wall-clock times of their zone, without it."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        column = column.dt.tz_localize(None)
    return column.to_numpy()


def _trace(kind: str, x, y, **props) -> dict:
    """A trace of ``kind`` ("scatter", "bar") drawing the columns ``x`` and ``y``."""
    return {"type": kind, "x": _values(x), "y": _values(y), **props}


def _merge(into: dict, props: dict) -> dict:
    """``props`` merged into ``into``, nested dicts key by key (as plotly's updates merge)."""
    for key, value in props.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


def _axis(layout: dict, key: str, **props) -> None:
    """``props`` merged into the layout's axis ``key`` ("yaxis", "xaxis2", ...)."""
    _merge(layout.setdefault(key, {}), props)


@functools.lru_cache(maxsize=64)
def _grid(rows: int, cols: int, options: tuple) -> tuple[dict, dict]:
    fig = make_subplots(rows=rows, cols=cols,
                        **{k: list(v) if isinstance(v, tuple) else v for k, v in options})
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # the figure gets plotly's default when it is made
    cells = {}
    for row in range(1, rows + 1):
        for col in range(1, cols + 1):
            panel = fig.get_subplot(row, col)
            cells[row, col] = (panel.xaxis.plotly_name, panel.yaxis.plotly_name)
    return layout, cells


def _subplots(rows: int, cols: int, **options) -> tuple[dict, dict[tuple[int, int], tuple]]:
    """``make_subplots``' layout of this grid (a copy: the grid is laid out once per shape)
    and, by (row, col) from 1, the layout keys of each panel's x and y axes."""
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    layout, cells = _grid(rows, cols, key)
    return copy.deepcopy(layout), cells


def _on(panel: tuple[str, str]) -> dict:
    """The trace keys that draw a trace in ``panel`` (its axes' layout keys)."""
    x, y = panel
    return {"xaxis": x.replace("axis", ""), "yaxis": y.replace("axis", "")}


def _layout(layout: dict, title: str, simulated: bool, height: int) -> dict:
    """The title, size, legend and font every chart shares, merged into ``layout``."""
    _merge(layout, {
        "title": {"text": title + (f" <sup>({SIMULATED_NOTE})</sup>" if simulated else ""),
                  "x": 0, "xanchor": "left"},
        "height": height, "margin": {"l": 60, "r": 20, "t": 90, "b": 40},
        "legend": {"orientation": "h", "y": -0.12, "x": 0},
        "hovermode": "x unified", "font": {"family": FONT},
    })
    if simulated:  # the notice travels with every exported image too
        layout.setdefault("annotations", []).append({
            "text": SIMULATED_NOTE.upper(), "xref": "paper", "yref": "paper", "x": 0.5,
            "y": 0.5, "showarrow": False, "opacity": 0.08, "textangle": -20,
            "font": {"size": 48}})
    return layout


# --- events and outages -----------------------------------------------------------------

def event_markers(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events in [start, end] grouped by date and numbered 1, 2, ... in date order."""
    cols = ["number", "date", "labels", "details"]
    if events.empty or start is None or end is None:
        return pd.DataFrame(columns=cols)
    ev = events[(events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))]
    rows = []
    for i, (day, group) in enumerate(ev.groupby("date", sort=True), 1):
        rows.append({"number": i, "date": day, "labels": " · ".join(group["label"]),
                     "details": "<br>".join(f"<b>{_esc(r.label)}</b>: {_esc(r.description)}"
                                            for r in group.itertuples())})
    return pd.DataFrame(rows, columns=cols)


def _esc(text: str) -> str:
    """Plotly hover text is HTML-like: keep event text literal."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xaxes(layout: dict) -> list[str]:
    """The x axes of ``layout`` as traces name them ("x", "x2", ...), in order."""
    return sorted((k.replace("axis", "") for k in layout if k.startswith("xaxis")),
                  key=lambda a: int(a[1:] or 1)) or ["x"]


def add_context(layout: dict, markers: pd.DataFrame, outages: pd.DataFrame | None = None
                ) -> dict:
    """Event lines with numbered tags, and grey bands on days a source was unavailable,
    added to ``layout``'s shapes and annotations."""
    axes = _xaxes(layout)
    shapes = [{"type": "line", "xref": ax, "yref": "paper", "x0": m.date, "x1": m.date,
               "y0": 0, "y1": 1, "line": EVENT_LINE}
              for m in markers.itertuples() for ax in axes]
    notes = [{"x": m.date, "y": 1.0, "xref": axes[0], "yref": "paper", "yanchor": "bottom",
              "text": str(m.number), "showarrow": False, "hovertext": m.details,
              "font": {"size": 11, "color": "#444444"}, "bgcolor": "#f2f2f2",
              "bordercolor": "#888888", "borderwidth": 1, "borderpad": 2}
             for m in markers.itertuples()]
    if outages is not None and not outages.empty:
        for first, last, sources in _outage_spans(outages):
            for ax in axes:
                shapes.append({"type": "rect", "xref": ax, "yref": "paper", "x0": first,
                               "x1": last + pd.Timedelta(days=1), "y0": 0, "y1": 1,
                               "fillcolor": "#999999", "opacity": 0.18, "line": {"width": 0},
                               "layer": "below"})
            notes.append({"x": first, "y": 0.98, "xref": axes[0], "yref": "paper",
                          "xanchor": "left", "yanchor": "top", "showarrow": False,
                          "text": "no data", "font": {"size": 9, "color": "#666666"},
                          "hovertext": f"{first:%d %b}–{last:%d %b}: every collection run "
                                       f"failed for {', '.join(sources)}"})
    _append(layout, "shapes", shapes)
    _append(layout, "annotations", notes)
    return layout


def _event_lines(layout: dict, markers: pd.DataFrame) -> dict:
    """Event lines without tags, each within its own panel (on charts of many panels)."""
    _append(layout, "shapes", [
        {"type": "line", "xref": ax, "yref": f"y{ax[1:]} domain", "x0": m.date, "x1": m.date,
         "y0": 0, "y1": 1, "line": EVENT_LINE}
        for m in markers.itertuples() for ax in _xaxes(layout)])
    return layout


def _append(layout: dict, key: str, items: list[dict]) -> None:
    """``items`` added to the layout's list ``key`` ("shapes", "annotations"); no empty list
    is written (plotly leaves it out too)."""
    if items:
        layout[key] = layout.get(key, []) + items


def _outage_spans(outages: pd.DataFrame) -> list[tuple[pd.Timestamp, pd.Timestamp, list]]:
    """Consecutive outage days merged into (first day, last day, sources) spans."""
    spans: list[tuple[pd.Timestamp, pd.Timestamp, list]] = []
    for day, group in outages.groupby("date"):
        if spans and day - spans[-1][1] <= pd.Timedelta(days=1):
            first, _, sources = spans[-1]
            spans[-1] = (first, day, sorted(set(sources) | set(group["source"])))
        else:
            spans.append((day, day, sorted(group["source"])))
    return spans


# --- the charts -------------------------------------------------------------------------

def backlash_chart(daily: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                   simulated: bool = False, outages: pd.DataFrame | None = None,
                   spikes: pd.DataFrame | None = None, hourly: bool = False) -> go.Figure:
    """Posts naming each brand per day or hour (top) and the share of them that are
    negative, smoothed over 7 days (or 24 hours)."""
    unit, window = ("hour", 24) if hourly else ("day", 7)
    layout, panels = _subplots(2, 1, shared_xaxes=True, vertical_spacing=0.08,
                               row_heights=[0.6, 0.4])
    top, bottom = _on(panels[1, 1]), _on(panels[2, 1])
    data = []
    for brand, g in daily.groupby("brand", sort=False):
        if g["posts"].sum() == 0:
            continue
        style = {"color": colors.get(brand)}
        # small markers: a click needs a point to select (the page opens that day's posts)
        data.append(_trace("scatter", g["date"], g["posts"], name=brand, legendgroup=brand,
                           mode="lines+markers", marker={"size": 4}, line=style,
                           hovertemplate="%{y:,} posts", **top))
        data.append(_trace("scatter", g["date"], rolling_share(g, "negative", window) * 100,
                           name=brand, legendgroup=brand, showlegend=False, mode="lines",
                           line=style | {"width": 1.5}, hovertemplate="%{y:.0f}% negative",
                           **bottom))
    if spikes is not None and not spikes.empty:
        data.append(_trace(
            "scatter", spikes["peak"], spikes["posts"], mode="markers", name="spike",
            marker={"symbol": "triangle-down", "size": 12, "color": "#888888",
                    "line": {"width": 1, "color": "#ffffff"}},  # visible on light and dark
            customdata=spikes[["brand", "baseline", "ratio"]].to_numpy(),
            hovertemplate="spike: %{customdata[0]} %{y:,} posts, %{customdata[2]:.1f}× its "
                          "usual %{customdata[1]:.0f}<extra></extra>", **top))
    _axis(layout, panels[1, 1][1], title={"text": f"posts per {unit}"}, rangemode="tozero")
    _axis(layout, panels[2, 1][1], title={"text": f"% negative ({window}-{unit})"},
          range=[0, 100])
    _layout(layout, "Backlash: posts naming each brand, and how negative they are",
            simulated, 560)
    return _figure(data, add_context(layout, markers, outages))


def migration_chart(daily: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                    simulated: bool = False, outages: pd.DataFrame | None = None) -> go.Figure:
    """Posts reporting arriving at (up) and leaving (hatched, down) each brand, per day."""
    data = []
    for brand, g in daily.groupby("brand", sort=False):
        if g["leaving"].sum() + g["arriving"].sum() == 0:
            continue
        c = colors.get(brand)
        data.append(_trace("bar", g["date"], g["arriving"], name=brand, legendgroup=brand,
                           marker={"color": c},
                           hovertemplate=f"{brand}: %{{y:,}} arriving<extra></extra>"))
        data.append(_trace("bar", g["date"], -g["leaving"], name=f"{brand} leaving",
                           legendgroup=brand, showlegend=False,
                           # hatching in the brand colour over a pale fill: Streamlit's
                           # theme blanks a white pattern, and this reads the same exported
                           marker={"color": _alpha(c, 0.25), "pattern": {
                               "shape": "/", "fillmode": "overlay", "fgcolor": c,
                               "solidity": 0.4}},
                           customdata=_values(g["leaving"]),
                           hovertemplate=f"{brand}: %{{customdata:,}} leaving<extra></extra>"))
    layout = {"barmode": "relative", "bargap": 0.15,
              "yaxis": {"title": {"text": "posts (leaving below 0)"}, "zeroline": True,
                        "zerolinecolor": "#444444"}}
    _layout(layout, "Switching: posts reporting arriving at each brand (up) or leaving it "
            "(hatched, down)", simulated, 460)
    return _figure(data, add_context(layout, markers, outages))


def rank_chart(lines: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
               title: str, limit: int = 100, simulated: bool = False,
               countries: list[str] | None = None) -> go.Figure:
    """Chart position over time, #1 at the top; one panel per country (three to a row, in
    ``countries`` order); gaps stay gaps; event lines on every panel."""
    present = set(lines["country"]) if not lines.empty else set()
    order = [c for c in (countries or sorted(present)) if c in present] or sorted(present)
    ncols = min(3, max(1, len(order)))
    nrows = max(1, math.ceil(len(order) / ncols))
    layout, panels = _subplots(nrows, ncols, shared_yaxes=True, shared_xaxes=True,
                               subplot_titles=[c.upper() for c in order] or None,
                               horizontal_spacing=0.03, vertical_spacing=0.12)
    data = []
    for i, country in enumerate(order):
        here = lines[lines["country"] == country]
        where = _on(panels[i // ncols + 1, i % ncols + 1])
        drawn = set(here["brand"].unique())  # once: a set of the column per brand was most
        for brand in [b for b in colors if b in drawn]:  # of the chart's time
            g = here[here["brand"] == brand]
            data.append(_trace("scatter", g["captured_at"], g["rank"], name=brand,
                               legendgroup=brand, showlegend=i == 0, mode="lines",
                               connectgaps=False, line={"color": colors.get(brand)},
                               hovertemplate=f"{brand}: #%{{y}}<extra></extra>", **where))
    _rank_axis(layout, panels, limit)
    for i in range(len(order), nrows * ncols):  # hide the empty cells of the grid
        for key in panels[i // ncols + 1, i % ncols + 1]:
            _axis(layout, key, visible=False)
    _layout(layout, title, simulated, 120 + 300 * nrows)
    if len(order) <= 1:
        return _figure(data, add_context(layout, markers))
    return _figure(data, _event_lines(layout, markers))  # tags would crowd the panel titles


def _rank_axis(layout: dict, panels: dict, limit: int, only: tuple[int, int] | None = None
               ) -> None:
    """Log scale, #1 at the top, ticks as chart positions, on the y axis of panel ``only``
    (row, col), else on every panel, titled in the first column."""
    chosen = [only] if only else list(panels)
    for panel in chosen:
        _axis(layout, panels[panel][1], type="log", autorange=False,
              range=[math.log10(limit + 0.5), math.log10(0.8)],
              tickvals=[1, 2, 3, 5, 10, 20, 50, 100],
              ticktext=["#1", "#2", "#3", "#5", "#10", "#20", "#50", "#100"])
    for panel in chosen if only else [p for p in panels if p[1] == 1]:
        _axis(layout, panels[panel][1], title={"text": "chart position (#1 at top)"})


def ranks_and_posts_chart(lines: pd.DataFrame, daily: pd.DataFrame, markers: pd.DataFrame,
                          colors: dict[str, str], title: str, limit: int = 100,
                          simulated: bool = False) -> go.Figure:
    """Rank (top) over posts per day (bottom) on one time axis: do posts lead ranks?"""
    layout, panels = _subplots(2, 1, shared_xaxes=True, vertical_spacing=0.06,
                               row_heights=[0.55, 0.45])
    data = []
    for brand in colors:
        g = lines[lines["brand"] == brand]
        if not g.empty:
            data.append(_trace("scatter", g["captured_at"], g["rank"], name=brand,
                               legendgroup=brand, mode="lines", connectgaps=False,
                               line={"color": colors[brand]},
                               hovertemplate=f"{brand}: #%{{y}}<extra></extra>",
                               **_on(panels[1, 1])))
        d = daily[daily["brand"] == brand]
        if not d.empty and d["posts"].sum() > 0:
            data.append(_trace("scatter", d["date"], d["posts"], name=brand, legendgroup=brand,
                               showlegend=g.empty, mode="lines",
                               line={"color": colors[brand], "width": 1.5},
                               hovertemplate=f"{brand}: %{{y:,}} posts<extra></extra>",
                               **_on(panels[2, 1])))
    _rank_axis(layout, panels, limit, only=(1, 1))
    _axis(layout, panels[2, 1][1], title={"text": "posts per day"}, rangemode="tozero")
    _layout(layout, title, simulated, 620)
    return _figure(data, add_context(layout, markers))


def flow_sankey(flows: pd.DataFrame, colors: dict[str, str], simulated: bool = False
                ) -> go.Figure:
    """Who moved where: posts reporting a move from one brand (left) to another (right)."""
    left = list(dict.fromkeys(flows["switch_from"]))
    right = list(dict.fromkeys(flows["switch_to"]))
    labels = [f"{b} ▸" for b in left] + [f"▸ {b}" for b in right]
    node_colors = [colors.get(b, "#777777") for b in left + right]
    sankey = {
        "type": "sankey", "arrangement": "snap",
        "node": {"label": labels, "color": node_colors, "pad": 14, "thickness": 16},
        "link": {"source": [left.index(a) for a in flows["switch_from"]],
                 "target": [len(left) + right.index(b) for b in flows["switch_to"]],
                 "value": flows["posts"].tolist(),
                 "color": [_alpha(colors.get(a, "#777777"), 0.35) for a in flows["switch_from"]],
                 "hovertemplate": "%{source.label} %{target.label}: %{value:,} posts"
                                  "<extra></extra>"}}
    return _figure([sankey], _layout({}, "Migration: posts reporting a move from one brand "
                                     "(left) to another (right)", simulated, 460))


def _alpha(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def net_migration_chart(cumulative: pd.DataFrame, markers: pd.DataFrame,
                        colors: dict[str, str], simulated: bool = False) -> go.Figure:
    """Running total of arriving minus leaving posts per brand since the period began."""
    data = [_trace("scatter", g["date"], g["cumulative"], name=brand, mode="lines",
                   line={"color": colors.get(brand)},
                   hovertemplate=f"{brand}: %{{y:+,}}<extra></extra>")
            for brand, g in cumulative.groupby("brand", sort=False)
            if g["net"].abs().sum() != 0]
    layout = {"yaxis": {"title": {"text": "net posts (arriving − leaving), cumulative"},
                        "zeroline": True, "zerolinecolor": "#444444"}}
    _layout(layout, "Net migration: running total of arriving minus leaving posts", simulated,
            420)
    return _figure(data, add_context(layout, markers))


def share_of_voice_chart(sov: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                         simulated: bool = False) -> go.Figure:
    """Each brand's share of all brand mentions per week, stacked to 100%."""
    data = [_trace("scatter", g["date"], g["share"] * 100, name=brand, mode="lines",
                   stackgroup="sov", line={"width": 0.5, "color": colors.get(brand)},
                   hovertemplate=f"{brand}: %{{y:.0f}}%<extra></extra>")
            for brand, g in sov.groupby("brand", sort=False)]
    layout = {"yaxis": {"title": {"text": "% of brand mentions (weekly)"}, "range": [0, 100]}}
    _layout(layout, "Share of voice: each brand's share of all brand mentions, by week",
            simulated, 420)
    return _figure(data, add_context(layout, markers))


def source_status_chart(run_days: pd.DataFrame, simulated: bool = False) -> go.Figure:
    """One row per source, one cell per day: green ok, orange partial, red failed, grey
    skipped (every run of the day skipped: no credentials, nothing to collect)."""
    data = []
    if not run_days.empty:
        status = run_days.assign(status=run_days.apply(
            lambda r: FAILED if r["failed"] == r["runs"] else
            SKIPPED if r["skipped"] == r["runs"] else
            PARTIAL if r["failed"] or r["partial"] else OK, axis=1))
        for name, color in RUN_STATUS_COLORS.items():
            g = status[status["status"] == name]
            data.append(_trace(
                "scatter", g["date"], g["source"], mode="markers", name=name,
                marker={"symbol": "square", "size": 9, "color": color},
                customdata=g[["runs", "failed", "items"]].to_numpy(),
                hovertemplate="%{y} %{x|%d %b}: %{customdata[0]} runs, %{customdata[1]} "
                              "failed, %{customdata[2]:,} items<extra></extra>"))
    layout = _layout({"yaxis": {"autorange": "reversed"}},
                     "Collection runs per source and day", simulated,
                     160 + 28 * max(1, run_days["source"].nunique()
                                    if not run_days.empty else 1))
    layout["hovermode"] = "closest"
    return _figure(data, layout)


def reason_colors(labels: dict[str, str]) -> dict[str, str]:
    """Reason name -> its colour, in the tracker's order (``labels``: name -> label)."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(labels)}


def reasons_chart(daily_reasons: pd.DataFrame, markers: pd.DataFrame, labels: dict[str, str],
                  simulated: bool = False, outages: pd.DataFrame | None = None) -> go.Figure:
    """Posts leaving, moving from or considering leaving the brands in view, per day,
    stacked by the reason they give (``labels``: the reasons shown, name -> label; a post
    giving two reasons is in both stacks)."""
    per_day = daily_reasons.groupby(["reason", "date"], as_index=False)["posts"].sum()
    data = []
    for name, color in reason_colors(labels).items():
        g = per_day[per_day["reason"] == name]
        if g.empty:
            continue
        data.append(_trace("bar", g["date"], g["posts"], name=labels[name],
                           marker={"color": color},
                           hovertemplate=f"{_esc(labels[name])}: %{{y:,}}<extra></extra>"))
    layout = {"barmode": "stack", "bargap": 0.15,
              "yaxis": {"title": {"text": "posts giving the reason"}, "rangemode": "tozero"}}
    _layout(layout, "Why they leave: posts leaving or thinking of leaving, by the reason they "
            "give", simulated, 460)
    return _figure(data, add_context(layout, markers, outages))


RATING_ROWS = [("reviews", "reviews per day", "%{y:,} reviews"),
               ("mean_rating", "mean stars (7 days)", "%{y:.2f} stars over 7 days"),
               ("one_star_share", "% one-star (7 days)", "%{y:.0f}% one-star over 7 days")]
RATING_AXES = [{"rangemode": "tozero"}, {"range": [0.8, 5.2]}, {"range": [0, 100]}]


def ratings_chart(ratings: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                  simulated: bool = False) -> go.Figure:
    """Per app: reviews per day, and their mean stars and share giving one star over the
    trailing 7 days; a column per store, a line per brand, breaks where it had no reviews."""
    stores = [s for s in STORES if s in set(ratings["store"])] or [next(iter(STORES))]
    layout, panels = _subplots(3, len(stores), shared_xaxes=True, vertical_spacing=0.06,
                               horizontal_spacing=0.05,
                               subplot_titles=[STORES[s] for s in stores])
    smooth = rolling_ratings(ratings)
    data = []
    for col, store in enumerate(stores, 1):
        here = smooth[smooth["store"] == store] if not smooth.empty else smooth
        drawn = set(here["brand"].unique()) if "brand" in here else set()
        for brand in [b for b in colors if b in drawn]:
            g = here[here["brand"] == brand]
            for row, (column, _, hover) in enumerate(RATING_ROWS, 1):
                y = g[column] * 100 if column == "one_star_share" else g[column]
                data.append(_trace("scatter", g["date"], y, name=brand, legendgroup=brand,
                                   showlegend=col == 1 and row == 1, mode="lines",
                                   connectgaps=False,
                                   line={"color": colors[brand], "width": 1.5},
                                   hovertemplate=f"{_esc(brand)}: {hover}<extra></extra>",
                                   **_on(panels[row, col])))
    for row, (_, title, _) in enumerate(RATING_ROWS, 1):
        _axis(layout, panels[row, 1][1], title={"text": title})
        for col in range(1, len(stores) + 1):
            _axis(layout, panels[row, col][1], **RATING_AXES[row - 1])
    _layout(layout, "Review stars: reviews per day, their mean stars and the share giving one "
            "star, per app", simulated, 620)
    # numbered tags would hide the stores' titles; hover the other charts for the events
    return _figure(data, _event_lines(layout, markers) if len(stores) > 1
                   else add_context(layout, markers))


COMPARE_ROWS = [("posts", "posts per day"), ("negative_share", "% negative"),
                ("leaving", "leaving"), ("arriving", "arriving"),
                ("best_rank", "best chart position")]
EPISODE_STYLES = ({"color": PALETTE[0], "dash": "solid"}, {"color": PALETTE[1], "dash": "dash"})


def compare_chart(episodes: list[tuple[str, pd.DataFrame]], simulated: bool = False,
                  limit: int = 100) -> go.Figure:
    """Two episodes (name, ``episodes.episode_days``) aligned on day 0: posts naming the
    brand, their negative share, leaving, arriving and the brand's best chart position,
    against days since day 0 (the dotted line)."""
    rows = len(COMPARE_ROWS)
    layout, panels = _subplots(rows, 1, shared_xaxes=True, vertical_spacing=0.035)
    data = []
    for (name, days), style in zip(episodes, EPISODE_STYLES):
        when = _values(days["date"].dt.strftime("%d %b %Y"))
        for row, (column, title) in enumerate(COMPARE_ROWS, 1):
            y = days[column] * 100 if column == "negative_share" else days[column]
            data.append(_trace("scatter", days["day"], y, name=name, legendgroup=name,
                               showlegend=row == 1, mode="lines", connectgaps=False,
                               line=style | {"width": 2}, customdata=when,
                               hovertemplate=f"{_esc(name)}, %{{customdata}}: "
                                             f"%{{y:,.0f}} {title}<extra></extra>",
                               **_on(panels[row, 1])))
    for row, (column, title) in enumerate(COMPARE_ROWS, 1):
        _axis(layout, panels[row, 1][1], title={"text": title},
              **({"range": [0, 100]} if column == "negative_share" else
                 {} if column == "best_rank" else {"rangemode": "tozero"}))
    _rank_axis(layout, panels, limit, only=(rows, 1))
    _axis(layout, panels[rows, 1][1], title={"text": "best position"})
    _axis(layout, panels[rows, 1][0], title={"text": "days since day 0"})
    layout["shapes"] = [{"type": "line", "xref": ax, "yref": f"y{ax[1:]} domain",
                         "x0": 0, "x1": 0, "y0": 0, "y1": 1, "line": EVENT_LINE}
                        for ax in _xaxes(layout)]
    return _figure(data, _layout(layout, "Two episodes aligned on day 0: posts, negative "
                                 "share, leaving, arriving and best chart position",
                                 simulated, 900))
