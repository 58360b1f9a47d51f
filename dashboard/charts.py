"""Frames in, plotly Figures out. Brand colours are fixed here, from the tracker.

Every time chart gets the events from ``data/events.csv`` as numbered dotted lines (hover
for the details; the pages list the numbers), titles say what is plotted, axes say the
unit, and all figures use one colour-blind-safe palette (Okabe–Ito) so a brand keeps its
colour on every chart.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.metrics import rolling_share
from dashboard.tracker import Tracker

# Okabe & Ito (2008), colour-blind safe; used for brands without a colour in the tracker
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#555555",
           "#882255", "#44AA99", "#999933"]
FONT = "Inter, Helvetica, Arial, sans-serif"
SIMULATED_NOTE = "Simulated demo data"


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
    if events.empty:
        return pd.DataFrame(columns=["number", "date", "labels", "details"])
    ev = events[(events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))]
    rows = []
    for i, (day, group) in enumerate(ev.groupby("date", sort=True), 1):
        rows.append({"number": i, "date": day, "labels": " · ".join(group["label"]),
                     "details": "<br>".join(f"<b>{r.label}</b>: {r.description}"
                                            for r in group.itertuples())})
    return pd.DataFrame(rows)


def add_events(fig: go.Figure, markers: pd.DataFrame) -> go.Figure:
    """Dotted vertical lines on every x axis, a numbered tag at the top (hover for details).

    Shapes and annotations are set in one layout update: plotly's add_vline validates the
    whole figure per call, which costs seconds on a multi-panel chart.
    """
    xaxes = sorted(k.replace("axis", "") for k in fig.layout.to_plotly_json()
                   if k.startswith("xaxis")) or ["x"]
    line = {"dash": "dot", "width": 1, "color": "#888888"}
    shapes = [{"type": "line", "xref": ax, "yref": "paper", "x0": m.date, "x1": m.date,
               "y0": 0, "y1": 1, "line": line}
              for m in markers.itertuples() for ax in xaxes]
    tags = [{"x": m.date, "y": 1.0, "xref": xaxes[0], "yref": "paper", "yanchor": "bottom",
             "text": str(m.number), "showarrow": False, "hovertext": m.details,
             "font": {"size": 11, "color": "#444444"}, "bgcolor": "#f2f2f2",
             "bordercolor": "#888888", "borderwidth": 1, "borderpad": 2}
            for m in markers.itertuples()]
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes,
                      annotations=list(fig.layout.annotations) + tags)
    return fig


def backlash_chart(daily: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                   simulated: bool = False) -> go.Figure:
    """Posts naming each brand per day (top) and the share of them that are negative."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08,
                        row_heights=[0.6, 0.4])
    for brand, g in daily.groupby("brand", sort=False):
        if g["posts"].sum() == 0:
            continue
        style = {"color": colors.get(brand)}
        fig.add_trace(go.Scatter(x=g["date"], y=g["posts"], name=brand, legendgroup=brand,
                                 mode="lines", line=style,
                                 hovertemplate="%{y:,} posts"), row=1, col=1)
        fig.add_trace(go.Scatter(x=g["date"], y=rolling_share(g, "negative") * 100, name=brand,
                                 legendgroup=brand, showlegend=False, mode="lines",
                                 line=style | {"width": 1.5},
                                 hovertemplate="%{y:.0f}% negative (7 days)"), row=2, col=1)
    fig.update_yaxes(title_text="posts per day", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text="% negative, 7-day", range=[0, 100], row=2, col=1)
    _layout(fig, "Backlash: posts naming each brand, and how negative they are", simulated, 560)
    return add_events(fig, markers)


def migration_chart(daily: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
                    simulated: bool = False) -> go.Figure:
    """Posts reporting arriving at (up) and leaving (down) each brand, per day."""
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
                             marker={"color": c, "pattern": {"shape": "/", "fgcolor": "white",
                                                             "fgopacity": 0.6}},
                             customdata=g["leaving"],
                             hovertemplate=f"{brand}: %{{customdata:,}} leaving<extra></extra>"))
    fig.update_layout(barmode="relative", bargap=0.15)
    fig.update_yaxes(title_text="posts per day (leaving below 0)", zeroline=True,
                     zerolinecolor="#444444")
    _layout(fig, "Switching: posts reporting arriving at each brand (up) or leaving it "
            "(hatched, down)", simulated, 460)
    return add_events(fig, markers)


def rank_chart(lines: pd.DataFrame, markers: pd.DataFrame, colors: dict[str, str],
               title: str, limit: int = 100, simulated: bool = False) -> go.Figure:
    """Chart position over time, #1 at the top; one panel per country; gaps stay gaps."""
    countries = list(dict.fromkeys(lines["country"])) if not lines.empty else []
    fig = make_subplots(rows=1, cols=max(1, len(countries)), shared_yaxes=True,
                        subplot_titles=[c.upper() for c in countries] or None,
                        horizontal_spacing=0.02)
    for col, country in enumerate(countries, 1):
        here = lines[lines["country"] == country]
        for brand in [b for b in colors if b in set(here["brand"])]:
            g = here[here["brand"] == brand]
            fig.add_trace(go.Scatter(x=g["captured_at"], y=g["rank"], name=brand,
                                     legendgroup=brand, showlegend=col == 1, mode="lines",
                                     connectgaps=False, line={"color": colors.get(brand)},
                                     hovertemplate=f"{brand}: #%{{y}}<extra></extra>"),
                          row=1, col=col)
    fig.update_yaxes(type="log", autorange=False, range=[math.log10(limit + 0.5), math.log10(0.8)],
                     tickvals=[1, 2, 3, 5, 10, 20, 50, 100], ticktext=[
                         "#1", "#2", "#3", "#5", "#10", "#20", "#50", "#100"])
    fig.update_yaxes(title_text="chart position (#1 at top)", col=1)
    _layout(fig, title, simulated, 420)
    return add_events(fig, markers)
