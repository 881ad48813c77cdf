"""The dashboard mounted in the gallery's server keeps Streamlit's chart theme to itself (`app.LazyDashboard`)."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

import app


def test_mounting_the_dashboard_leaves_the_gallerys_chart_template_alone(monkeypatch):
    """Importing Streamlit sets plotly's default template to its own placeholder colours ("#000001"...), which only
    Streamlit's page fills in: a gallery chart drawn after a visit to /dashboard/ must still carry plotly's colours."""
    monkeypatch.setattr(pio.templates, "default", "plotly")
    dashboard = app.LazyDashboard()
    assert dashboard._build() is dashboard._build()  # built once
    assert pio.templates.default == "plotly" and "streamlit" in pio.templates
    figure = go.Figure(go.Scatter(x=[0, 1], y=[0, 1])).to_dict()  # as the gallery's charts are made
    colours = figure["layout"]["template"]["layout"]["colorway"]
    assert colours[0] == "#636efa" and not any(c.startswith("#0000") for c in colours)


def test_the_dashboard_names_streamlits_theme_on_its_own_charts():
    import streamlit  # noqa: F401  (registers the theme)

    from demos import trilemma_dashboard

    shown: list[go.Figure] = []

    class Column:
        def plotly_chart(self, figure, key):
            shown.append(figure)

    trilemma_dashboard._chart(Column(), go.Figure(go.Scatter(x=[0], y=[0])), "k")
    assert shown[0].layout.template.layout.colorway[0] == pio.templates["streamlit"].layout.colorway[0]
