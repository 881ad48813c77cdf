"""The Generative Models Gallery: one Gradio tab per topic of the course unit, in the course's order.

    python app.py          # http://localhost:7860 (or GRADIO_SERVER_NAME / GRADIO_SERVER_PORT)
                           # and the Streamlit trilemma dashboard under /dashboard/ on the same port

Importing this module builds nothing and launches nothing; `build_app()` assembles the tabs from
`demos/`, `serve()` launches them with the dashboard mounted and `main()` does both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
import gradio as gr
from PIL import Image

from demos import autoencoders, clip, diffusion, explore, gans, nerf, overview, stable_diffusion, trilemma
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
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with gr.Blocks(title="Generative Models Gallery", delete_cache=(3600, 7200)) as demo:
        markdown("app_header")
        with gr.Tabs():
            for tab_id, label_key, build in TABS:
                with gr.Tab(I18N(label_key), id=tab_id, elem_id=f"tab-{tab_id}"):
                    build(demo)
    demo.queue(max_size=QUEUE_MAX_SIZE, default_concurrency_limit=2)
    return demo


LAUNCH_OPTIONS = {
    "i18n": I18N,
    "theme": gr.themes.Soft(primary_hue="indigo"),
    "css": CSS,
    "head": HEAD,
    "max_file_size": "5mb",
    "footer_links": ["api"],
}


DASHBOARD_PATH = "/dashboard"
DASHBOARD_SCRIPT = Path(__file__).resolve().parent / "demos" / "trilemma_dashboard.py"


class LazyDashboard:
    """The Streamlit trilemma dashboard as an ASGI app, built on its first request.

    Spaces no longer have a Streamlit SDK, so the gallery's own server serves the dashboard (Streamlit's
    `st.App` mounted in Gradio's FastAPI app). Importing Streamlit and starting its runtime cost start-up
    time and memory that most visitors never use, so both wait for the first request under /dashboard/
    (`st.App` starts its runtime by itself when mounted without a lifespan).
    """

    def __init__(self, script: Path = DASHBOARD_SCRIPT):
        self.script = script
        self._app: Any = None
        self._lock = threading.Lock()

    def _build(self) -> Any:
        with self._lock:
            if self._app is None:
                import streamlit as st  # heavy, and only the dashboard needs it
                from streamlit import config

                config.set_option("client.toolbarMode", "viewer")  # no "Deploy" button for students
                self._app = st.App(str(self.script))
            return self._app

    async def __call__(self, scope, receive, send) -> None:
        app = self._app or await anyio.to_thread.run_sync(self._build)
        await app(scope, receive, send)


def serve(demo: gr.Blocks, **options) -> Any:
    """Launches `demo` without blocking, mounts the dashboard under `DASHBOARD_PATH` on its server, returns launch's result."""
    result = demo.launch(prevent_thread_lock=True, **options)
    demo.app.mount(DASHBOARD_PATH, LazyDashboard())
    return result


def main() -> None:
    demo = build_app()
    serve(demo, **LAUNCH_OPTIONS)
    demo.block_thread()


if __name__ == "__main__":
    main()
