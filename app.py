"""The Generative Models Gallery: one Gradio tab per topic of the course unit, in the course's order.

    python app.py          # http://localhost:7860 (or GRADIO_SERVER_NAME / GRADIO_SERVER_PORT)

Importing this module builds nothing and launches nothing; `build_app()` assembles the tabs from
`demos/` and `main()` launches them.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import gradio as gr
from PIL import Image

from demos import autoencoders, clip, diffusion, explore, gans, inputs, nerf, overview, stable_diffusion, trilemma
from demos.i18n import I18N
from demos.layout import markdown
from demos.topics import topic_tab

# (tab id, label key, builder): the course's order.
TABS: list[tuple[str, str, Callable[[gr.Blocks], None]]] = [
    ("overview", "tab_overview", overview.build),
    ("gans", "tab_gans", gans.build),
    ("autoencoders", "tab_autoencoders", autoencoders.build),
    ("diffusion", "tab_diffusion", diffusion.build),
    ("clip", "tab_clip", clip.build),
    ("stable_diffusion", "tab_sd", stable_diffusion.build),
    ("nerf", "tab_nerf", nerf.build),
    ("gaussian_splatting", "tab_3dgs", topic_tab("3dgs")),
    ("trilemma", "tab_trilemma", trilemma.build),
    ("explore", "tab_explore", explore.build),
]

QUEUE_MAX_SIZE = 64  # requests waiting beyond this are refused with "queue full" instead of piling up
# Gradio keeps every session (each browser tab, each API call without a session of its own) with a copy of the
# page's configuration, about 1 MB here, until it holds this many and drops the least recently used (10,000
# by default: gigabytes); a class of 60 with a few reloads each stays well under it
SESSION_CAPACITY = 256
CSS = """
.gradio-container {max-width: 1400px !important}
footer {display: none !important}
"""


# Gradio's Plot mounts a new Plotly chart for every new value and never calls `Plotly.purge` on the old
# one; a responsive chart stays referenced by its window "resize" listener, so a live view that streams
# figures (GAN Lab, training curves) grows the page by thousands of nodes a second until the browser
# stalls. Purging each chart as it leaves the page keeps the page the same size however long it plays.
HEAD = """<script>
(() => {
  const purge = (node) => {
    if (!(node instanceof Element) || !window.Plotly) return;
    const charts = node.classList.contains("js-plotly-plot") ? [node] : node.querySelectorAll(".js-plotly-plot");
    for (const chart of charts) if (!chart.isConnected) window.Plotly.purge(chart);
  };
  new MutationObserver((records) => { for (const r of records) r.removedNodes.forEach(purge); })
    .observe(document.documentElement, { childList: true, subtree: true });
})();
</script>"""

MAX_IMAGE_PIXELS = 16_000_000  # uploads that decode to more pixels are refused (a PNG can be a bomb)


def build_app() -> gr.Blocks:
    """Returns the gallery's Blocks with its queue configured (not launched)."""
    # PIL only warns past its limit and refuses past twice it: refuse past ours when a file is opened, before it decodes
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS // 2
    with inputs.Blocks(title="Generative Models Gallery", delete_cache=(3600, 7200)) as demo:
        markdown("app_header")
        with gr.Tabs():
            for tab_id, label_key, build in TABS:
                with gr.Tab(I18N(label_key), id=tab_id, elem_id=f"tab-{tab_id}"):
                    build(demo)
    # the queue summarises its last 10,000 events in a pandas table after every event (for /monitoring): past a few
    # thousand events that costs more CPU than most of our events; summarise every 100 events, over the last 2,000
    os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "100")
    os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "2000")
    demo.queue(max_size=QUEUE_MAX_SIZE, default_concurrency_limit=2)
    return demo


LAUNCH_OPTIONS = {
    "i18n": I18N,
    "theme": gr.themes.Soft(primary_hue="indigo"),
    "css": CSS,
    "head": HEAD,
    "max_file_size": "5mb",
    "footer_links": ["api"],
    "state_session_capacity": SESSION_CAPACITY,
}


def main() -> None:
    build_app().launch(**LAUNCH_OPTIONS)


if __name__ == "__main__":
    main()
