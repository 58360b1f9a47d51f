"""Switching: who moved where, net migration over time, share of voice, and the posts
behind any flow with the phrase that made the call.

May import: ui, charts, read.metrics, paths, vocabulary (no SQL, no store).
"""
import streamlit as st

from dashboard import charts, ui
from dashboard.read import metrics

ctx = ui.page("Switching")
f, colors = ctx.filters, ctx.colors
daily = ui.load_daily(ctx.url, ctx.tracker_path, f)
markers = charts.event_markers(ui.load_events(), f.start, f.end)
flows = ui.load_flows(ctx.url, f).sort_values("posts", ascending=False, ignore_index=True)

if flows.empty:
    st.info("No posts in this view report moving from one brand to another.")
else:
    ui.show_chart(charts.flow_sankey(flows, colors, ctx.simulated), "migration_flows", flows)

cumulative = metrics.cumulative_net(daily)
ui.show_chart(charts.net_migration_chart(cumulative, markers, colors, ctx.simulated),
              "net_migration", cumulative)
sov = metrics.share_of_voice(daily)
ui.show_chart(charts.share_of_voice_chart(sov, markers, colors, ctx.simulated),
              "share_of_voice", sov)

st.subheader("The posts behind a flow")
if not flows.empty:
    options = [f"{r.switch_from} → {r.switch_to}" for r in flows.itertuples()]
    picked = st.selectbox("Flow", options, key="flow", bind="query-params",
                          format_func=lambda o: f"{o} ({dict(zip(options, flows.posts))[o]:,} "
                                                "posts)")
    source, target = (picked or options[0]).split(" → ")
    rows = ui.load_posts(ctx.url, f, limit=200, flow=(source, target))
    st.caption("The *phrase* column is the wording the switching detector matched.")
    st.dataframe(rows[["created_at", "source", "switch_phrase", "text", "engagement", "url"]]
                 .assign(url=ui.safe_links(rows["url"])),
                 hide_index=True, column_config={
                     "created_at": st.column_config.DatetimeColumn("time (UTC)"),
                     "switch_phrase": "phrase",
                     "url": st.column_config.LinkColumn("link", display_text="open")})
    ui.add_to_report(f"Posts reporting {source} → {target}", rows[["created_at", "source",
                                                                    "switch_phrase", "text"]])
    ui.data_buttons(rows, f"flow_{source}_{target}")

ui.report_button("Switching")
