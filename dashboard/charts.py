"""Frames in, plotly Figures out. Brand colours are fixed here, from the tracker.

Every time chart gets the events from ``data/events.csv`` as numbered dotted lines (hover
for the details; the pages list the numbers) and grey bands on days a source was down
(missing data is never drawn as a quiet day). Titles say what is plotted, axes the unit,
and all figures use one colour-blind-safe palette (Okabe–Ito, then Tol) so a brand keeps
its colour on every chart.

May import: read.metrics, tracker, vocabulary (no Streamlit, no store).
"""
from __future__ import annotations

import math

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


def brand_colors(tracker: Tracker) -> dict[str, str]:
    """Brand -> colour: the tracker's own, else the next palette colour."""
    spare = iter(c for c in PALETTE if c not in {b.color for b in tracker.brands})
    return {b.name: b.color or next(spare, "#777777") for b in tracker.brands}


def _layout(fig: go.Figure, title: str, simulated: bool, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title + (f" <sup>({SIMULATED_NOTE})</sup>" if simulated else ""),
               "x": 0, "xanchor": "left"},
        height=height, margin={"l": 60, "r": 20, "t": 90, "b": 40},
        legend={"orientation": "h", "y": -0.12, "x": 0, "title": None},
        hovermode="x unified", font={"family": FONT},
    )
    if simulated:  # the notice travels with every exported image too
        fig.add_annotation(text=SIMULATED_NOTE.upper(), xref="paper", yref="paper", x=0.5,
                           y=0.5, showarrow=False, opacity=0.08, textangle=-20,
                           font={"size": 48})
    return fig


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


def _xaxes(fig: go.Figure) -> list[str]:
    return sorted((k.replace("axis", "") for k in fig.layout.to_plotly_json()
                   if k.startswith("xaxis")), key=lambda a: int(a[1:] or 1)) or ["x"]


def add_context(fig: go.Figure, markers: pd.DataFrame, outages: pd.DataFrame | None = None
                ) -> go.Figure:
    """Event lines with numbered tags, and grey bands on days a source was unavailable.

    Shapes and annotations are set in one layout update: plotly's add_vline validates the
    whole figure per call, which costs seconds on a multi-panel chart.
    """
    axes = _xaxes(fig)
    line = {"dash": "dot", "width": 1, "color": "#888888"}
    shapes = [{"type": "line", "xref": ax, "yref": "paper", "x0": m.date, "x1": m.date,
               "y0": 0, "y1": 1, "line": line}
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
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes,
                      annotations=list(fig.layout.annotations) + notes)
    return fig


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


def backlash_chart(daily: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                   simulated: bool = False, outages: pd.DataFrame | None = None,
                   spikes: pd.DataFrame | None = None, hourly: bool = False) -> go.Figure:
    """Posts naming each brand per day or hour (top) and the share of them that are
    negative, smoothed over 7 days (or 24 hours)."""
    unit, window = ("hour", 24) if hourly else ("day", 7)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08,
                        row_heights=[0.6, 0.4])
    for brand, g in daily.groupby("brand", sort=False):
        if g["posts"].sum() == 0:
            continue
        style = {"color": colors.get(brand)}
        # small markers: a click needs a point to select (the page opens that day's posts)
        fig.add_trace(go.Scatter(x=g["date"], y=g["posts"], name=brand, legendgroup=brand,
                                 mode="lines+markers", marker={"size": 4}, line=style,
                                 hovertemplate="%{y:,} posts"), row=1, col=1)
        fig.add_trace(go.Scatter(x=g["date"], y=rolling_share(g, "negative", window) * 100,
                                 name=brand, legendgroup=brand, showlegend=False,
                                 mode="lines", line=style | {"width": 1.5},
                                 hovertemplate="%{y:.0f}% negative"), row=2, col=1)
    if spikes is not None and not spikes.empty:
        fig.add_trace(go.Scatter(
            x=spikes["peak"], y=spikes["posts"], mode="markers", name="spike",
            marker={"symbol": "triangle-down", "size": 12, "color": "#888888",
                    "line": {"width": 1, "color": "#ffffff"}},  # visible on light and dark
            customdata=spikes[["brand", "baseline", "ratio"]].to_numpy(),
            hovertemplate="spike: %{customdata[0]} %{y:,} posts, %{customdata[2]:.1f}× its "
                          "usual %{customdata[1]:.0f}<extra></extra>"), row=1, col=1)
    fig.update_yaxes(title_text=f"posts per {unit}", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text=f"% negative ({window}-{unit})", range=[0, 100], row=2, col=1)
    _layout(fig, "Backlash: posts naming each brand, and how negative they are", simulated, 560)
    return add_context(fig, markers, outages)


def migration_chart(daily: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                    simulated: bool = False, outages: pd.DataFrame | None = None) -> go.Figure:
    """Posts reporting arriving at (up) and leaving (hatched, down) each brand, per day."""
    fig = go.Figure()
    for brand, g in daily.groupby("brand", sort=False):
        if g["leaving"].sum() + g["arriving"].sum() == 0:
            continue
        c = colors.get(brand)
        fig.add_trace(go.Bar(x=g["date"], y=g["arriving"], name=brand,
                             legendgroup=brand, marker_color=c,
                             hovertemplate=f"{brand}: %{{y:,}} arriving<extra></extra>"))
        fig.add_trace(go.Bar(x=g["date"], y=-g["leaving"], name=f"{brand} leaving",
                             legendgroup=brand, showlegend=False,
                             # hatching in the brand colour over a pale fill: Streamlit's
                             # theme blanks a white pattern, and this reads the same exported
                             marker={"color": _alpha(c, 0.25), "pattern": {
                                 "shape": "/", "fillmode": "overlay", "fgcolor": c,
                                 "solidity": 0.4}},
                             customdata=g["leaving"],
                             hovertemplate=f"{brand}: %{{customdata:,}} leaving<extra></extra>"))
    fig.update_layout(barmode="relative", bargap=0.15)
    fig.update_yaxes(title_text="posts (leaving below 0)", zeroline=True,
                     zerolinecolor="#444444")
    _layout(fig, "Switching: posts reporting arriving at each brand (up) or leaving it "
            "(hatched, down)", simulated, 460)
    return add_context(fig, markers, outages)


def rank_chart(lines: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
               title: str, limit: int = 100, simulated: bool = False,
               countries: list[str] | None = None) -> go.Figure:
    """Chart position over time, #1 at the top; one panel per country (three to a row, in
    ``countries`` order); gaps stay gaps; event lines on every panel."""
    present = set(lines["country"]) if not lines.empty else set()
    order = [c for c in (countries or sorted(present)) if c in present] or sorted(present)
    ncols = min(3, max(1, len(order)))
    nrows = max(1, math.ceil(len(order) / ncols))
    fig = make_subplots(rows=nrows, cols=ncols, shared_yaxes=True, shared_xaxes=True,
                        subplot_titles=[c.upper() for c in order] or None,
                        horizontal_spacing=0.03, vertical_spacing=0.12)
    for i, country in enumerate(order):
        here = lines[lines["country"] == country]
        for brand in [b for b in colors if b in set(here["brand"])]:
            g = here[here["brand"] == brand]
            fig.add_trace(go.Scatter(x=g["captured_at"], y=g["rank"], name=brand,
                                     legendgroup=brand, showlegend=i == 0, mode="lines",
                                     connectgaps=False, line={"color": colors.get(brand)},
                                     hovertemplate=f"{brand}: #%{{y}}<extra></extra>"),
                          row=i // ncols + 1, col=i % ncols + 1)
    _rank_axis(fig, limit)
    for i in range(len(order), nrows * ncols):  # hide the empty cells of the grid
        fig.update_xaxes(visible=False, row=i // ncols + 1, col=i % ncols + 1)
        fig.update_yaxes(visible=False, row=i // ncols + 1, col=i % ncols + 1)
    _layout(fig, title, simulated, 120 + 300 * nrows)
    if len(order) <= 1:
        return add_context(fig, markers)
    return _event_lines(fig, markers)  # numbered tags would crowd the panel titles


def _event_lines(fig: go.Figure, markers: pd.DataFrame) -> go.Figure:
    line = {"dash": "dot", "width": 1, "color": "#888888"}
    fig.update_layout(shapes=list(fig.layout.shapes) + [
        {"type": "line", "xref": ax, "yref": f"y{ax[1:]} domain", "x0": m.date, "x1": m.date,
         "y0": 0, "y1": 1, "line": line} for m in markers.itertuples() for ax in _xaxes(fig)])
    return fig


def _rank_axis(fig: go.Figure, limit: int, **where) -> None:
    """Log scale, #1 at the top, ticks as chart positions (on the axes ``where`` selects)."""
    fig.update_yaxes(type="log", autorange=False, range=[math.log10(limit + 0.5),
                                                         math.log10(0.8)],
                     tickvals=[1, 2, 3, 5, 10, 20, 50, 100],
                     ticktext=["#1", "#2", "#3", "#5", "#10", "#20", "#50", "#100"], **where)
    fig.update_yaxes(title_text="chart position (#1 at top)", **(where or {"col": 1}))


def ranks_and_posts_chart(lines: pd.DataFrame, daily: pd.DataFrame, markers: pd.DataFrame,
                          colors: dict[str, str], title: str, limit: int = 100,
                          simulated: bool = False) -> go.Figure:
    """Rank (top) over posts per day (bottom) on one time axis: do posts lead ranks?"""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        row_heights=[0.55, 0.45])
    for brand in colors:
        g = lines[lines["brand"] == brand]
        if not g.empty:
            fig.add_trace(go.Scatter(x=g["captured_at"], y=g["rank"], name=brand,
                                     legendgroup=brand, mode="lines", connectgaps=False,
                                     line={"color": colors[brand]},
                                     hovertemplate=f"{brand}: #%{{y}}<extra></extra>"),
                          row=1, col=1)
        d = daily[daily["brand"] == brand]
        if not d.empty and d["posts"].sum() > 0:
            fig.add_trace(go.Scatter(x=d["date"], y=d["posts"], name=brand, legendgroup=brand,
                                     showlegend=g.empty, mode="lines",
                                     line={"color": colors[brand], "width": 1.5},
                                     hovertemplate=f"{brand}: %{{y:,}} posts<extra></extra>"),
                          row=2, col=1)
    _rank_axis(fig, limit, row=1, col=1)
    fig.update_yaxes(title_text="posts per day", rangemode="tozero", row=2, col=1)
    _layout(fig, title, simulated, 620)
    return add_context(fig, markers)


def flow_sankey(flows: pd.DataFrame, colors: dict[str, str], simulated: bool = False
                ) -> go.Figure:
    """Who moved where: posts reporting a move from one brand (left) to another (right)."""
    left = list(dict.fromkeys(flows["switch_from"]))
    right = list(dict.fromkeys(flows["switch_to"]))
    labels = [f"{b} ▸" for b in left] + [f"▸ {b}" for b in right]
    node_colors = [colors.get(b, "#777777") for b in left + right]
    fig = go.Figure(go.Sankey(
        arrangement="snap",
        node={"label": labels, "color": node_colors, "pad": 14, "thickness": 16},
        link={"source": [left.index(a) for a in flows["switch_from"]],
              "target": [len(left) + right.index(b) for b in flows["switch_to"]],
              "value": flows["posts"].tolist(),
              "color": [_alpha(colors.get(a, "#777777"), 0.35) for a in flows["switch_from"]],
              "hovertemplate": "%{source.label} %{target.label}: %{value:,} posts"
                               "<extra></extra>"}))
    return _layout(fig, "Migration: posts reporting a move from one brand (left) to another "
                   "(right)", simulated, 460)


def _alpha(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def net_migration_chart(cumulative: pd.DataFrame, markers: pd.DataFrame,
                        colors: dict[str, str], simulated: bool = False) -> go.Figure:
    """Running total of arriving minus leaving posts per brand since the period began."""
    fig = go.Figure()
    for brand, g in cumulative.groupby("brand", sort=False):
        if g["net"].abs().sum() == 0:
            continue
        fig.add_trace(go.Scatter(x=g["date"], y=g["cumulative"], name=brand, mode="lines",
                                 line={"color": colors.get(brand)},
                                 hovertemplate=f"{brand}: %{{y:+,}}<extra></extra>"))
    fig.update_yaxes(title_text="net posts (arriving − leaving), cumulative", zeroline=True,
                     zerolinecolor="#444444")
    _layout(fig, "Net migration: running total of arriving minus leaving posts", simulated, 420)
    return add_context(fig, markers)


def share_of_voice_chart(sov: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                         simulated: bool = False) -> go.Figure:
    """Each brand's share of all brand mentions per week, stacked to 100%."""
    fig = go.Figure()
    for brand, g in sov.groupby("brand", sort=False):
        fig.add_trace(go.Scatter(x=g["date"], y=g["share"] * 100, name=brand, mode="lines",
                                 stackgroup="sov", line={"width": 0.5, "color": colors.get(brand)},
                                 hovertemplate=f"{brand}: %{{y:.0f}}%<extra></extra>"))
    fig.update_yaxes(title_text="% of brand mentions (weekly)", range=[0, 100])
    _layout(fig, "Share of voice: each brand's share of all brand mentions, by week",
            simulated, 420)
    return add_context(fig, markers)


def source_status_chart(run_days: pd.DataFrame, simulated: bool = False) -> go.Figure:
    """One row per source, one cell per day: green ok, orange partial, red failed, grey
    skipped (every run of the day skipped: no credentials, nothing to collect)."""
    fig = go.Figure()
    if not run_days.empty:
        status = run_days.assign(status=run_days.apply(
            lambda r: FAILED if r["failed"] == r["runs"] else
            SKIPPED if r["skipped"] == r["runs"] else
            PARTIAL if r["failed"] or r["partial"] else OK, axis=1))
        for name, color in RUN_STATUS_COLORS.items():
            g = status[status["status"] == name]
            fig.add_trace(go.Scatter(
                x=g["date"], y=g["source"], mode="markers", name=name,
                marker={"symbol": "square", "size": 9, "color": color},
                customdata=g[["runs", "failed", "items"]].to_numpy(),
                hovertemplate="%{y} %{x|%d %b}: %{customdata[0]} runs, %{customdata[1]} "
                              "failed, %{customdata[2]:,} items<extra></extra>"))
    fig.update_yaxes(title_text=None, autorange="reversed")
    _layout(fig, "Collection runs per source and day", simulated,
            160 + 28 * max(1, run_days["source"].nunique() if not run_days.empty else 1))
    fig.update_layout(hovermode="closest")
    return fig


def reason_colors(labels: dict[str, str]) -> dict[str, str]:
    """Reason name -> its colour, in the tracker's order (``labels``: name -> label)."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(labels)}


def reasons_chart(daily_reasons: pd.DataFrame, markers: pd.DataFrame, labels: dict[str, str],
                  simulated: bool = False, outages: pd.DataFrame | None = None) -> go.Figure:
    """Posts leaving, moving from or considering leaving the brands in view, per day,
    stacked by the reason they give (``labels``: the reasons shown, name -> label; a post
    giving two reasons is in both stacks)."""
    fig = go.Figure()
    per_day = daily_reasons.groupby(["reason", "date"], as_index=False)["posts"].sum()
    for name, color in reason_colors(labels).items():
        g = per_day[per_day["reason"] == name]
        if g.empty:
            continue
        fig.add_trace(go.Bar(x=g["date"], y=g["posts"], name=labels[name], marker_color=color,
                             hovertemplate=f"{_esc(labels[name])}: %{{y:,}}<extra></extra>"))
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_yaxes(title_text="posts giving the reason", rangemode="tozero")
    _layout(fig, "Why they leave: posts leaving or thinking of leaving, by the reason they "
            "give", simulated, 460)
    return add_context(fig, markers, outages)


RATING_ROWS = [("reviews", "reviews per day", "%{y:,} reviews"),
               ("mean_rating", "mean stars (7 days)", "%{y:.2f} stars over 7 days"),
               ("one_star_share", "% one-star (7 days)", "%{y:.0f}% one-star over 7 days")]


def ratings_chart(ratings: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                  simulated: bool = False) -> go.Figure:
    """Per app: reviews per day, and their mean stars and share giving one star over the
    trailing 7 days; a column per store, a line per brand, breaks where it had no reviews."""
    stores = [s for s in STORES if s in set(ratings["store"])] or [next(iter(STORES))]
    fig = make_subplots(rows=3, cols=len(stores), shared_xaxes=True, vertical_spacing=0.06,
                        horizontal_spacing=0.05, subplot_titles=[STORES[s] for s in stores])
    smooth = rolling_ratings(ratings)
    for col, store in enumerate(stores, 1):
        here = smooth[smooth["store"] == store] if not smooth.empty else smooth
        for brand in [b for b in colors if b in set(here.get("brand", ()))]:
            g = here[here["brand"] == brand]
            for row, (column, _, hover) in enumerate(RATING_ROWS, 1):
                y = g[column] * 100 if column == "one_star_share" else g[column]
                fig.add_trace(go.Scatter(x=g["date"], y=y, name=brand, legendgroup=brand,
                                         showlegend=col == 1 and row == 1, mode="lines",
                                         connectgaps=False,
                                         line={"color": colors[brand], "width": 1.5},
                                         hovertemplate=f"{_esc(brand)}: {hover}<extra></extra>"),
                              row=row, col=col)
    for row, (_, title, _) in enumerate(RATING_ROWS, 1):
        fig.update_yaxes(title_text=title, row=row, col=1)
    fig.update_yaxes(rangemode="tozero", row=1)
    fig.update_yaxes(range=[0.8, 5.2], row=2)
    fig.update_yaxes(range=[0, 100], row=3)
    _layout(fig, "Review stars: reviews per day, their mean stars and the share giving one "
            "star, per app", simulated, 620)
    # numbered tags would hide the stores' titles; hover the other charts for the events
    return _event_lines(fig, markers) if len(stores) > 1 else add_context(fig, markers)


COMPARE_ROWS = [("posts", "posts per day"), ("negative_share", "% negative"),
                ("leaving", "leaving"), ("arriving", "arriving"),
                ("best_rank", "best chart position")]
EPISODE_STYLES = ({"color": PALETTE[0], "dash": "solid"}, {"color": PALETTE[1], "dash": "dash"})


def compare_chart(episodes: list[tuple[str, pd.DataFrame]], simulated: bool = False,
                  limit: int = 100) -> go.Figure:
    """Two episodes (name, ``episodes.episode_days``) aligned on day 0: posts naming the
    brand, their negative share, leaving, arriving and the brand's best chart position,
    against days since day 0 (the dotted line)."""
    fig = make_subplots(rows=len(COMPARE_ROWS), cols=1, shared_xaxes=True,
                        vertical_spacing=0.035)
    for (name, days), style in zip(episodes, EPISODE_STYLES):
        for row, (column, title) in enumerate(COMPARE_ROWS, 1):
            y = days[column] * 100 if column == "negative_share" else days[column]
            fig.add_trace(go.Scatter(x=days["day"], y=y, name=name, legendgroup=name,
                                     showlegend=row == 1, mode="lines", connectgaps=False,
                                     line=style | {"width": 2},
                                     customdata=days["date"].dt.strftime("%d %b %Y"),
                                     hovertemplate=f"{_esc(name)}, %{{customdata}}: "
                                                   f"%{{y:,.0f}} {title}<extra></extra>"),
                          row=row, col=1)
    for row, (column, title) in enumerate(COMPARE_ROWS, 1):
        fig.update_yaxes(title_text=title, row=row, col=1,
                         **({"range": [0, 100]} if column == "negative_share" else
                            {} if column == "best_rank" else {"rangemode": "tozero"}))
    _rank_axis(fig, limit, row=len(COMPARE_ROWS), col=1)
    fig.update_yaxes(title_text="best position", row=len(COMPARE_ROWS), col=1)
    fig.update_xaxes(title_text="days since day 0", row=len(COMPARE_ROWS), col=1)
    fig.update_layout(shapes=[{"type": "line", "xref": ax, "yref": f"y{ax[1:]} domain",
                               "x0": 0, "x1": 0, "y0": 0, "y1": 1,
                               "line": {"dash": "dot", "width": 1, "color": "#888888"}}
                              for ax in _xaxes(fig)])
    return _layout(fig, "Two episodes aligned on day 0: posts, negative share, leaving, "
                   "arriving and best chart position", simulated, 900)
