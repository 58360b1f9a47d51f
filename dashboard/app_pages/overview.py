"""Overview: headline numbers, the backlash timeline with spikes, the switching flow and the
app ranks, with the real events marked. Click a day on the timeline to open its posts.

May import: ui, charts, read.metrics, paths, vocabulary (no SQL, no store).
"""
from dataclasses import replace
from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import charts, ui
from dashboard.read import metrics

ctx = ui.page("Backlash and switching")
f, colors = ctx.filters, ctx.colors
st.caption(ui.filter_caption(ctx))

daily = ui.load_daily(ctx.url, ctx.tracker_path, f)
previous = ui.load_daily(ctx.url, ctx.tracker_path, ctx.previous())
timeline = ui.load_daily(ctx.url, ctx.tracker_path, f, hourly=True) if ctx.hourly else daily
markers = ui.load_markers(f.start, f.end)
outages = ui.post_outages(ctx)
spikes = metrics.spikes(daily)

# --- headline numbers: this period against the one just before it -----------------------
head = metrics.headline(daily, previous)
span = (f.end - f.start).days + 1
total, before = head["posts"].sum(), (head["posts"] - head["posts_change"]).sum()
neg_now = daily["negative"].sum() / max(1, daily["posts"].sum())
neg_before = previous["negative"].sum() / max(1, previous["posts"].sum())
# no comparison when the store holds nothing before this period
comparable = ctx.info["first_day"] is not None and ctx.previous().start >= ctx.info["first_day"]
cols = st.columns(4)
cols[0].metric("Posts naming a brand", f"{int(total):,}",
               f"{int(total - before):+,} vs previous {span} days" if comparable else None,
               help=None if comparable else "No data before this period to compare with")
cols[1].metric("Negative share", f"{neg_now:.0%}",
               f"{(neg_now - neg_before) * 100:+.0f} pts" if comparable else None,
               delta_color="inverse")
moving = head[(head["leaving"] > 0) | (head["arriving"] > 0)].sort_values("net")
if not moving.empty:
    lost, won = moving.iloc[0], moving.iloc[-1]
    cols[2].metric("Losing the most", lost["brand"], f"{int(lost['net']):+,} net",
                   help="posts reporting arriving at the brand minus posts reporting leaving it")
    cols[3].metric("Gaining the most", won["brand"], f"{int(won['net']):+,} net")
with st.expander("Per brand, against the previous period", expanded=False):
    table = head.rename(columns={"negative_share": "negative share",
                                 "negative_share_change": "change (pts)"})
    table["change (pts)"] = table["change (pts)"] * 100
    st.dataframe(table, hide_index=True, column_config={
        "negative share": st.column_config.NumberColumn(format="percent"),
        "change (pts)": st.column_config.NumberColumn(format="%+.1f"),
        **{c: st.column_config.NumberColumn(format="%+d") for c in table.columns
           if c.endswith("_change")}})
    ui.add_to_report("Per brand, against the previous period", table)

# --- backlash timeline -------------------------------------------------------------------
fig = charts.backlash_chart(timeline, markers, colors, ctx.simulated, outages,
                            None if ctx.hourly else spikes, hourly=ctx.hourly)
event = ui.show_chart(fig, "backlash", timeline, on_select="rerun", selection_mode="points")
picked = [p.get("x") for p in (event.selection.points if event else [])]
if picked:  # a click on the timeline opens that day's posts
    day = pd.Timestamp(picked[0]).date()
    # the sidebar filters are bound to the URL and travel by themselves; add the day
    st.switch_page("dashboard/app_pages/posts.py", query_params={"day": str(day)})
st.caption("Click a point to open that day's posts. Grey bands: a source was unavailable "
           "(no data, not no posts). ▼ marks a spike.")

# --- spikes: what broke out, and the posts behind it ------------------------------------
if not spikes.empty:
    st.subheader("Spikes")
    for s in spikes.head(5).itertuples():
        day = s.peak.date()
        box = st.expander(f"{s.brand}, {day:%d %b}: {s.posts:,} posts, {s.ratio:.1f}× its "
                          f"usual {s.baseline:.0f} a day", key=f"spike_{s.brand}_{day}",
                          on_change="rerun")
        if not box.open:  # filled when opened: reading the texts costs more than the charts
            continue
        with box:
            on_day = ui.load_texts(ctx.url, replace(f, start=day, end=day), s.brand)
            base = ui.load_texts(ctx.url, replace(f, start=day - timedelta(days=14),
                                                  end=day - timedelta(days=1)), s.brand)
            aliases = {w.lower().strip(".") for a in ctx.tracker.brand(s.brand).aliases
                       for w in a.split()} | {s.brand.lower()}
            terms = metrics.breakout_terms(on_day, base, aliases)
            left, right = st.columns([1, 2])
            left.markdown("**Words that broke out**")
            left.dataframe(terms, hide_index=True, column_config={
                "lift": st.column_config.NumberColumn(format="%.0f×",
                                                      help="how much more often than usual")})
            right.markdown("**Top posts that day**")
            top = ui.load_posts(ctx.url, replace(f, start=day, end=day, brands=(s.brand,)),
                                limit=5)
            right.dataframe(top[["text", "engagement", "sentiment_label", "source"]],
                            hide_index=True)

# --- switching and ranks -----------------------------------------------------------------
ui.show_chart(charts.migration_chart(daily, markers, colors, ctx.simulated, outages),
              "switching", daily[["date", "brand", "leaving", "arriving"]])

store, label = ui.app_store_picker(ctx)
lines = ui.load_rank_lines(ctx.url, f, store)
if lines.empty:
    st.info("No app-store ranks in this period for these brands and countries.")
else:
    ui.show_chart(ui.rank_figure(ctx, store,
                                 f"{label} top free apps: position of each brand's app"),
                  "ranks", lines)

with st.expander(f"Events marked on the charts ({len(markers)})"):
    ev = ui.load_events()
    ev = ev[(ev["date"] >= pd.Timestamp(f.start)) & (ev["date"] <= pd.Timestamp(f.end))]
    numbers = dict(zip(markers["date"], markers["number"]))
    ev = ev.assign(number=ev["date"].map(numbers), date=ev["date"].dt.date)[
        ["number", "date", "label", "description", "source_url"]]
    st.dataframe(ev, hide_index=True,
                 column_config={"source_url": st.column_config.LinkColumn("source")})
    ui.add_to_report("Events marked on the charts", ev)

ui.report_button("Overview")
