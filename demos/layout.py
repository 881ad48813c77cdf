"""Small layout helpers shared by the tabs."""

from __future__ import annotations

import gradio as gr

from demos.i18n import I18N

# $$...$$ for display equations, $...$ inline (Gradio's default knows only $$).
LATEX = [{"left": "$$", "right": "$$", "display": True}, {"left": "$", "right": "$", "display": False}]

# Concurrency slots shared by endpoints (pass as **LIGHT / **HEAVY to an event): quick fits share
# "light"; training runs and samplers share "heavy", so the 2-core machine is never oversubscribed.
LIGHT = {"concurrency_id": "light", "concurrency_limit": 4}
HEAVY = {"concurrency_id": "heavy", "concurrency_limit": 1}


def markdown(key: str, **kwargs) -> gr.Markdown:
    """Returns a translated Markdown block that renders LaTeX."""
    return gr.Markdown(I18N(key), latex_delimiters=LATEX, **kwargs)


def train_stop_buttons(elem_id: str) -> tuple[gr.Button, gr.Button]:
    """Returns a row's ▶ Train (primary, `elem_id`) and Stop buttons, for the tabs' live training runs."""
    with gr.Row():
        train = gr.Button("▶ " + I18N("ae_train"), variant="primary", elem_id=elem_id)
        stop = gr.Button(I18N("ae_stop"))
    return train, stop
