"""Posts: the posts behind every chart, filtered, searched and sorted, linked to the
originals, each story once with its copies listed below. A click on a day in the Overview
timeline lands here with that day chosen.

May import: ui, charts, read.metrics, paths, stories, vocabulary (no SQL, no store).
"""
from datetime import date

import streamlit as st

from dashboard import ui
from dashboard.stories import WINDOW
from dashboard.vocabulary import SWITCH_KINDS

ctx = ui.page("Posts")
f = ctx.filters

ORDERS = {"most engaged": "engagement", "newest": "newest", "oldest": "oldest",
          "most negative": "negative", "most positive": "positive"}
a, b, c, d = st.columns([3, 2, 2, 2])
search = a.text_input("Text contains", key="q", bind="query-params",
                      max_chars=ui.SEARCH_LIMIT, placeholder="e.g. cancel, Pentagon, refund")
kinds = b.multiselect("Switching", SWITCH_KINDS, key="kinds", bind="query-params",
                      placeholder="Any post")
order = c.selectbox("Sort by", list(ORDERS), key="sort", bind="query-params")
day = d.date_input("One day only", value=None, min_value=f.start, max_value=f.end,
                   key="day", bind="query-params")

implausible = ctx.info["implausible"] and st.toggle(
    f"Only the {ctx.info['implausible']:,} posts with an implausible time", key="implausible",
    bind="query-params", help="Dated before their source existed, or after they were "
    "collected: kept in the store, left out of every chart and date range.")
rows = ui.load_posts(ctx.url, f, limit=1000, search=search.strip(),
                     day=day if isinstance(day, date) and not implausible else None,
                     kinds=tuple(kinds), order=ORDERS[order or "most engaged"],
                     implausible=bool(implausible))
shown = "the first 1,000" if len(rows) == 1000 else f"{len(rows):,}"
st.caption(f"Showing {shown} posts matching the filters"
           + (" with an implausible time, whatever their dates" if implausible else
              f" on {day:%d %b %Y}" if isinstance(day, date) else "")
           + ". A post repeating the outside link or the words of a post from the "
           f"{WINDOW.days} days before it is a copy: each story is listed and counted once, "
           "by its first post, with its copies below the table. "
           f"Texts longer than {ui.TEXT_SHOWN:,} characters are cut here; "
           "`python -m dashboard export --table posts` has them whole.")
st.dataframe(
    rows.assign(url=ui.safe_links(rows["url"])),
    hide_index=True, height=620,
    column_order=["created_at", "source", "community", "text", "copies", "brands", "sentiment",
                  "sentiment_label", "switch_kind", "switch_from", "switch_to",
                  "switch_phrase", "engagement", "rating", "url", "simulated"],
    column_config={
        "created_at": st.column_config.DatetimeColumn("time (UTC)", format="YYYY-MM-DD HH:mm"),
        "text": st.column_config.TextColumn("text", width="large"),
        "copies": st.column_config.NumberColumn(
            help="how many times this story was posted again (listed below the table)"),
        "sentiment": st.column_config.NumberColumn(format="%.2f"),
        "sentiment_label": "label", "switch_kind": "switching", "switch_from": "from",
        "switch_to": "to", "switch_phrase": "matched phrase",
        "url": st.column_config.LinkColumn("link", display_text="open")})
ui.data_buttons(rows, "posts")

reposted = rows[rows["copies"] > 0]
if not reposted.empty:
    with st.expander(f"Copies of the {len(reposted):,} stories above that were posted more "
                     f"than once ({reposted['copies'].sum():,} copies)"):
        copies = ui.load_copies(ctx.url, tuple(reposted["id"]))
        st.dataframe(copies.assign(url=ui.safe_links(copies["url"])), hide_index=True,
                     column_order=["story_text", "created_at", "source", "community", "text",
                                   "engagement", "url"],
                     column_config={
                         "story_text": st.column_config.TextColumn("copy of", width="medium"),
                         "created_at": st.column_config.DatetimeColumn(
                             "time (UTC)", format="YYYY-MM-DD HH:mm"),
                         "text": st.column_config.TextColumn("text", width="large"),
                         "url": st.column_config.LinkColumn("link", display_text="open")})
ui.add_to_report("Posts", rows[["created_at", "source", "text", "brands", "sentiment_label",
                                "switch_kind"]])
ui.report_button("Posts")
