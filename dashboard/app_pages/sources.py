"""Sources: when each source last ran, how it went, and the days it was down. Those days
are shaded on every time chart, so missing data never reads as a quiet day.

May import: ui, charts, read.metrics, paths, vocabulary (no SQL, no store).
"""
import streamlit as st

from dashboard import charts, ui
from dashboard.read import metrics

ctx = ui.page("Sources", needs_data=False)
latest, days = ui.load_runs(ctx.url, ctx.filters)
if latest.empty:
    st.info("No collection runs recorded yet. `python -m dashboard collect` and `import` "
            "record one per source each time they run.")
    st.stop()

st.dataframe(latest.drop(columns="stats"), hide_index=True, column_config={
    "started_at": st.column_config.DatetimeColumn("last run (UTC)", format="YYYY-MM-DD HH:mm"),
    "finished_at": st.column_config.DatetimeColumn("finished", format="YYYY-MM-DD HH:mm"),
    "status": "last status", "items": "items (last run)", "error": "last error",
    "runs_total": "runs", "failed_total": "failed runs", "items_total": "items (all runs)"})
st.caption("Every run ends **ok**, **partial** (some of its units failed), **failed** or "
           "**skipped** (the reason is in its error: credentials missing, nothing to "
           "collect); **interrupted** runs were stopped by a signal or killed. "
           "docs/collecting.md says what to do about each failure.")
ui.add_to_report("Latest run per source", latest.drop(columns="stats"))
streams = metrics.stream_figures(latest)
if not streams.empty:
    st.subheader("Streams")
    st.caption("What each streaming source's latest run measured, updated as it runs: "
               "events read from the stream, the posts kept (those naming a tracked brand or "
               "query), how far behind real time it was, and how often it had to reconnect.")
    st.dataframe(streams, hide_index=True)
    ui.add_to_report("Streams", streams)
ui.show_chart(charts.source_status_chart(days, ctx.simulated), "source_status", days)

outages = ui.load_outages(ctx.url, ctx.filters)
st.subheader("Days with no data")
if outages.empty:
    st.success("Every source delivered on every day in this period.")
else:
    st.caption("Every run of the source failed on these days: the charts shade them, because "
               "their posts are missing rather than absent.")
    st.dataframe(outages.assign(date=outages["date"].dt.date), hide_index=True)
    ui.add_to_report("Days with no data", outages)
ui.report_button("Sources")
