"""Charts are written as plain dicts and handed to plotly unchecked (``charts._figure``, so
that a rerun does not spend its time in plotly's checks): every figure the pages draw on the
demo store must be the figure plotly builds from the same dicts with every property checked,
and sent to the browser as the same JSON. A misspelt property, or a value plotly would
have converted or dropped, fails here."""
import copy
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
import streamlit as st

from dashboard import charts
from tests.helpers import app_page

VIEWS = [("overview", {}), ("overview", {"dates": ["2026-02-28", "2026-03-01"]}),  # hourly
         ("overview", {"dates": ["2026-03-01", "2026-03-20"]}),  # outage bands
         ("switching", {}), ("ranks", {}), ("ranks", {"store": "Google Play"}),
         ("compare", {}), ("sources", {})]


@pytest.fixture
def built(monkeypatch):
    """Every figure ``charts`` makes while the test runs, as it was made."""
    figures, make = [], charts._figure
    monkeypatch.setattr(charts, "_figure", lambda data, layout: figures.append(
        make(data, layout)) or figures[-1])
    st.cache_data.clear()
    st.cache_resource.clear()  # the rank figure is shared between runs: build it again
    return figures


@pytest.mark.parametrize("page,query", VIEWS)
def test_every_chart_is_the_figure_plotly_checks(monkeypatch, demo_url, built, page, query):
    app_page(monkeypatch, demo_url, page, **query)
    assert built, "the page drew no chart"
    for fig in built:
        checked = go.Figure(copy.deepcopy(fig.to_plotly_json()))  # raises on a bad property
        assert json.loads(pio.to_json(fig)) == json.loads(pio.to_json(checked)), \
            fig.layout.title.text


def test_a_column_goes_in_as_plotly_would_take_it():
    zoned = pd.Series(pd.date_range("2026-03-01 22:00", periods=3, freq="h", tz="US/Eastern"))
    for column in (zoned, zoned.dt.tz_convert("UTC"), pd.Series([1, 2, 3]),
                   pd.Series([0.5, None, 2.0]), pd.Series(["a", "b", "c"], dtype="string")):
        taken = go.Scatter(x=column).x
        np.testing.assert_array_equal(charts._values(column), taken)  # NaN equals NaN
        assert charts._values(column).dtype == taken.dtype
