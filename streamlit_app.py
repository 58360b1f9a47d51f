"""Entry point: `streamlit run streamlit_app.py` (what `make run` and Community Cloud do).

Sets up the page, the shared sidebar filters and the simulated-data banner, then routes to
the pages in dashboard/app_pages/.

May import: dashboard.ui (the pages are files that st.navigation runs).
"""
import streamlit as st

from dashboard import ui

st.set_page_config(page_title="Backlash & switching dashboard", page_icon="📉", layout="wide")

PAGES = "dashboard/app_pages"
page = st.navigation([
    st.Page(f"{PAGES}/overview.py", title="Overview", icon=":material/monitoring:",
            default=True),  # served at the root URL
    st.Page(f"{PAGES}/switching.py", title="Switching", icon=":material/swap_horiz:",
            url_path="switching"),
    st.Page(f"{PAGES}/ranks.py", title="App ranks", icon=":material/leaderboard:",
            url_path="ranks"),
    st.Page(f"{PAGES}/compare.py", title="Compare", icon=":material/compare_arrows:",
            url_path="compare"),
    st.Page(f"{PAGES}/posts.py", title="Posts", icon=":material/forum:", url_path="posts"),
    st.Page(f"{PAGES}/sources.py", title="Sources", icon=":material/sensors:",
            url_path="sources"),
    st.Page(f"{PAGES}/about.py", title="About the data", icon=":material/info:",
            url_path="about"),
])
ui.run_page(page)  # a store that fails stops the page with a message
