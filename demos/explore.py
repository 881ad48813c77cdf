"""Explore tab: the course's models to explore, resource lists and datasets, grouped by family."""

from __future__ import annotations

import gradio as gr

from demos.layout import markdown


def build(demo: gr.Blocks) -> None:
    """Builds the Explore tab (static, translated Markdown; the catalogue is `demos/locales/catalog.py`)."""
    markdown("explore_intro")
    markdown("explore_models")
    markdown("explore_resources")
    markdown("explore_datasets")
