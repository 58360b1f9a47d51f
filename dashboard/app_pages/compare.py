"""Compare: two episodes (a day 0 and a brand each) aligned on day 0, from a week before to a
month after: posts naming the brand, their negative share, leaving and arriving, the brand's
best chart position; and how big each got, how fast, and how fast it faded. The events of
the tracked brands are offered as episodes; every choice is kept in the URL.

May import: ui, charts, read.episodes, read.filters, read.metrics, paths, vocabulary (no
SQL, no store).
"""
import pandas as pd
import streamlit as st

from dashboard import charts, ui
from dashboard.read import episodes
from dashboard.read.filters import Filters

ctx = ui.page("Compare two episodes")
f, info, brands = ctx.filters, ctx.info, ctx.tracker.brand_names
known = episodes.known_episodes(ui.load_events(), brands, info["first_day"], info["last_day"])
events = {f"{day:%d %b %Y} · {brand} · {label}": (day, brand)
          for day, brand, label in known.itertuples(index=False)}
pair = episodes.default_pair(known, ui.load_daily(ctx.url, ctx.tracker_path, Filters()))
defaults = [(info["default_start"], brands[0])] * (2 - len(pair)) + pair


def use_event(side: str) -> None:
    """A known event picked: it becomes the episode's day 0 and brand (both in the URL)."""
    day, brand = events[st.session_state[f"{side}_event"]]
    st.session_state[f"{side}_day"], st.session_state[f"{side}_brand"] = day, brand
    st.session_state[f"{side}_event"] = None


picked = []
for column, side, (day, brand) in zip(st.columns(2), ("a", "b"), defaults):
    with column:
        st.markdown(f"**Episode {side.upper()}**")
        st.selectbox("Start from a known event", list(events), index=None, key=f"{side}_event",
                     on_change=use_event, args=(side,), placeholder="Pick an event…")
        day = st.date_input("Day 0 (UTC)", value=day, min_value=info["first_day"],
                            max_value=info["last_day"], key=f"{side}_day", bind="query-params")
        brand = st.selectbox("Brand", brands, index=brands.index(brand), key=f"{side}_brand",
                             bind="query-params")
        picked.append((day, brand))
st.caption("The sidebar's sources, countries and sentiment apply here; its dates and brands "
           "do not: each episode sets its own.")

names = [f"{side}: {brand} from {day:%d %b %Y}" for side, (day, brand) in zip("AB", picked)]
days = [ui.load_episode(ctx.url, ctx.tracker_path, f, day, brand) for day, brand in picked]
ui.show_chart(charts.compare_chart(list(zip(names, days)), ctx.simulated,
                                   ctx.tracker.charts.limit), "compare",
              pd.concat([d.assign(episode=n) for n, d in zip(names, days)], ignore_index=True))

# an episode's figures stop where the other one, starting within its month, begins
apart = (picked[1][0] - picked[0][0]).days
untils = [apart if 0 < apart <= episodes.AFTER else None,
          -apart if 0 < -apart <= episodes.AFTER else None]
table = pd.DataFrame([{"episode": name, **episodes.episode_summary(d, until)}
                      for name, d, until in zip(names, days, untils)])
st.dataframe(table, hide_index=True, column_config={
    "baseline": st.column_config.NumberColumn("posts a day before (days -7..-1)",
                                              format="%.0f"),
    "peak": st.column_config.NumberColumn("peak posts in a day", format="%d"),
    "days_to_peak": st.column_config.NumberColumn("days from day 0 to the peak", format="%d"),
    "days_to_half": st.column_config.NumberColumn("days from the peak to half of it",
                                                  format="%d"),
    "leaving": "leaving (days 0..30)", "arriving": "arriving (days 0..30)",
    "best_rank": st.column_config.NumberColumn("best chart position", format="#%d")})
st.caption("Peaks are searched over days 0 to 30; when the other episode starts within them, "
           "only up to the day before it. *Days from the peak to half of it*: until posts a "
           "day fell to half the peak or below; empty when they had not by day 30 or the "
           "end of the data.")
ui.add_to_report("The two episodes", table)
ui.report_button("Compare")
