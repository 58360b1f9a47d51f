"""Overview: the backlash timeline, the switching flow and the app ranks, events marked."""
import pandas as pd
import streamlit as st

from dashboard import charts, ui
from dashboard.metrics import net_migration

ctx = ui.context()
f = ctx.filters
colors = charts.brand_colors(ctx.tracker)

st.title("Backlash and switching")
if not ctx.info["posts"] and ctx.info["first_day"] is None:
    st.info("The store is empty. Import posts with `python -m dashboard import FILE --source "
            "NAME`, or run `python -m dashboard demo` for the simulated demo.")
    st.stop()

daily = ui.load_daily(ctx.url, str(ctx.tracker.path), f)
markers = charts.event_markers(ui.load_events(), f.start, f.end)
st.caption(f"{f.start:%d %b %Y} – {f.end:%d %b %Y} (UTC) · "
           f"{', '.join(f.sources) or 'all sources'} · "
           f"{', '.join(f.sentiments) or 'any sentiment'}")

by_brand = daily.groupby("brand", sort=False)[["posts", "leaving", "arriving"]].sum()
net = (by_brand["arriving"] - by_brand["leaving"]).sort_values()
cols = st.columns(4)
cols[0].metric("Posts naming a brand", f"{int(by_brand['posts'].sum()):,}")
neg = daily["negative_share"].mul(daily["posts"]).sum() / max(1, daily["posts"].sum())
cols[1].metric("Negative share", f"{neg:.0%}")
if not net.empty and (by_brand[["leaving", "arriving"]].to_numpy().sum() > 0):
    cols[2].metric("Most left", net.index[0], f"{int(net.iloc[0]):+,} net",
                   help="Posts reporting arriving minus posts reporting leaving")
    cols[3].metric("Most joined", net.index[-1], f"{int(net.iloc[-1]):+,} net")

st.plotly_chart(charts.backlash_chart(daily, markers, colors, ctx.simulated),
                key="backlash_chart")
st.plotly_chart(charts.migration_chart(daily, markers, colors, ctx.simulated),
                key="migration_chart")

stores = {"App Store": "app_store", "Google Play": "google_play"}
label = st.segmented_control("Store", list(stores), default="App Store", key="store",
                             bind="query-params") or "App Store"
lines = ui.load_rank_lines(ctx.url, f, stores[label])
if lines.empty:
    st.info("No app-store ranks in this period for these brands and countries.")
else:
    title = f"{label} top free apps: position of each brand's app"
    st.plotly_chart(charts.rank_chart(lines, markers, colors, title,
                                      ctx.tracker.charts.limit, ctx.simulated),
                    key="rank_chart")

with st.expander(f"Events marked on the charts ({len(markers)})", expanded=False):
    ev = ui.load_events()
    ev = ev[(ev["date"] >= pd.Timestamp(f.start)) & (ev["date"] <= pd.Timestamp(f.end))]
    numbers = dict(zip(markers["date"], markers["number"]))
    st.dataframe(ev.assign(number=ev["date"].map(numbers), date=ev["date"].dt.date)[
        ["number", "date", "label", "description", "source_url"]],
        hide_index=True, column_config={"source_url": st.column_config.LinkColumn("source")})

with st.expander("Net migration per brand (arriving − leaving), whole period"):
    st.dataframe(net_migration(daily).groupby("brand")["net"].sum().sort_values()
                 .rename("net posts").to_frame())
