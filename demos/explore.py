"""Explore tab: the course's models to explore, resource lists and datasets, grouped by family."""

from __future__ import annotations

import gradio as gr

from demos.layout import intro, markdown, page, pages
from demos.locales.catalog import MODELS


def build(demo: gr.Blocks) -> None:
    """Builds the Explore tab (static, translated Markdown; the catalogue is `demos/locales/catalog.py`)."""
    intro("explore_intro")
    with pages("explore"):
        # the models to explore, the largest family on a page of its own and the others together: each fits one screen
        first, *others = MODELS
        with page("explore", "stylegan", "explore_page_stylegan"):
            markdown(f"explore_models_{first}")
        with page("explore", "translation", "explore_page_translation"):
            for family in others:
                markdown(f"explore_models_{family}")
        for part in ("resources", "datasets"):
            with page("explore", part, f"explore_page_{part}"):
                markdown(f"explore_{part}")
