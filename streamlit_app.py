"""Entry point: `streamlit run streamlit_app.py` (what `make run` and Community Cloud do).

Sets up the page, the shared sidebar filters and the simulated-data banner, then routes to
the pages in dashboard/app_pages/.
"""
import streamlit as st

from dashboard import ui

st.set_page_config(page_title="Backlash & switching dashboard", page_icon="📉", layout="wide")

pages = [
    st.Page("dashboard/app_pages/overview.py", title="Overview", icon=":material/monitoring:",
            url_path="overview", default=True),
]
page = st.navigation(pages)
ui.setup()
page.run()
