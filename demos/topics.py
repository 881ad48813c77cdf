"""Tabs whose interactive part has not landed yet: each shows its topic's explanation and equation,
and says that its controls are coming. They show no controls that would do nothing."""

from __future__ import annotations

import gradio as gr

from demos.layout import markdown


def topic_tab(topic: str):
    """Returns a `build(demo)` function that shows the explanation `topic_<topic>` and the coming note."""

    def build(demo: gr.Blocks) -> None:
        markdown(f"topic_{topic}")
        markdown("coming_soon")

    build.__name__ = f"build_{topic}"
    return build
