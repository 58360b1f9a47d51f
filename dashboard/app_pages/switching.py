"""Switching: who moved where, net migration over time, share of voice, why they leave (the
tracker's reasons, with example posts and the words that gave each reason), and the posts
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

# --- why they leave: the tracker's reasons, in the posts leaving the brands in view ------
st.subheader("Why they leave")
labels = {r.name: r.label for r in ctx.tracker.reasons}
if not labels:
    st.info("This tracker lists no reasons for leaving: add `[[reasons]]` tables to it "
            "(README, *Tracker format*).")
else:
    picked = st.multiselect("Reasons", list(labels), format_func=labels.get, key="reasons",
                            bind="query-params", placeholder="Every reason")
    shown = {name: labels[name] for name in picked or labels}
    matches, read = ui.load_reasons(ctx.url, ctx.tracker_path, f)
    matches = matches[matches["reason"].isin(shown)]
    per_day = metrics.daily_reasons(matches)
    ui.show_chart(charts.reasons_chart(per_day, markers, shown, ctx.simulated,
                                       ui.post_outages(ctx)), "leaving_reasons", per_day)
    st.caption("Posts that leave, move from or consider leaving a brand in view, by the "
               "reasons the tracker lists, found by their phrases anywhere in the post; a post "
               "giving two reasons is counted in both. Phrases miss reasons told in other "
               "words and count reasons a post mentions only to set aside (*About the data* "
               "shows how often)." + (f" Only the newest {read:,} such posts in this range "
                                      "were read: narrow the dates to see the others."
                                      if read >= ui.REASONS_READ else ""))
    examples = metrics.reason_examples(matches, list(labels))
    st.dataframe(examples.assign(reason=examples["reason"].map(labels),
                                 url=ui.safe_links(examples["url"]))[
        ["reason", "phrase", "created_at", "brand", "switch_kind", "text", "engagement",
         "url"]], hide_index=True, column_config={
        "phrase": "words that gave it", "switch_kind": "switching",
        "created_at": st.column_config.DatetimeColumn("time (UTC)", format="YYYY-MM-DD HH:mm"),
        "text": st.column_config.TextColumn("text", width="large"),
        "url": st.column_config.LinkColumn("link", display_text="open")})
    ui.add_to_report("Why they leave: example posts", examples[["reason", "phrase", "text"]])

st.subheader("The posts behind a flow")
if not flows.empty:
    options = [f"{r.switch_from} → {r.switch_to}" for r in flows.itertuples()]
    # the label is what the link carries, so it holds no count (counts change, links must not)
    picked = st.selectbox("Flow", options, key="flow", bind="query-params") or options[0]
    source, target = picked.split(" → ")
    st.caption(f"{dict(zip(options, flows.posts))[picked]:,} posts report {source} → {target}.")
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
