"""App ranks: each brand's chart position per store, chart and country, side by side, the
review stars of each app beside them, and the backlash on the same time axis as the ranks
so a reader can see whether posts lead ranks.

May import: ui, charts, read.metrics, paths, vocabulary (no SQL, no store).
"""
import streamlit as st

from dashboard import charts, ui

ctx = ui.page("App-store ranks")
f, colors = ctx.filters, ctx.colors
markers = charts.event_markers(ui.load_events(), f.start, f.end)
store, label = ui.app_store_picker(ctx)
lines = ui.load_rank_lines(ctx.url, f, store)
if lines.empty:
    st.info("No snapshots of this store's charts in this period for these brands and "
            "countries. Chart history grows with every `collect` run.")
else:
    for chart in sorted(lines["chart"].unique()):
        per_chart = lines[lines["chart"] == chart]
        ui.show_chart(charts.rank_chart(per_chart, markers, colors,
                                        f"{label} {chart}: position of each brand's app by "
                                        f"country", ctx.tracker.charts.limit, ctx.simulated,
                                        list(ctx.tracker.charts.countries)),
                      f"ranks_{chart}", per_chart)
    st.caption("Breaks in a line: the app was off the chart, or no snapshot was taken then.")

# --- review stars: per app and day, from the stored App Store and Google Play reviews ----
ratings = ui.load_ratings(ctx.url, ctx.tracker_path, f)
if ratings.empty:
    st.info("No App Store or Google Play reviews of the tracked apps in this period: "
            "`collect` gathers them (sources `app_store_reviews`, `google_play_reviews`).")
else:
    ui.show_chart(charts.ratings_chart(ratings, markers, colors, ctx.simulated), "ratings",
                  ratings)
    st.caption("Each store's reviews of each brand's app (all countries collected), by the "
               "UTC day they were written. A day with few reviews swings widely.")

if not lines.empty:
    countries = sorted(lines["country"].unique())
    country = st.selectbox("Country for the side-by-side view", countries, key="rank_country",
                           format_func=str.upper, bind="query-params",
                           index=countries.index("us") if "us" in countries else 0)
    daily = ui.load_daily(ctx.url, ctx.tracker_path, f)
    one = lines[(lines["country"] == country) & (lines["chart"] == lines["chart"].min())]
    ui.show_chart(charts.ranks_and_posts_chart(
        one, daily, markers, colors,
        f"{label} rank in {country.upper()} (top) and posts per day (bottom), same time axis",
        ctx.tracker.charts.limit, ctx.simulated), "ranks_vs_posts", one)

ui.report_button("App ranks")
