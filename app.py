"""The Generative Models Gallery: one Gradio tab per topic of the course unit, in the course's order.

    python app.py          # http://localhost:7860 (or GRADIO_SERVER_NAME / GRADIO_SERVER_PORT)
                           # and the Streamlit trilemma dashboard under /dashboard/ on the same port

Importing this module builds nothing and launches nothing; `build_app()` assembles the tabs from
`demos/`, `serve()` launches them with the dashboard mounted and `main()` does both.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from copy import copy
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import anyio
import gradio as gr
from gradio.state_holder import SessionState, StateHolder
from PIL import Image

from core import workers
from core.memory import limit_arenas, start_trimming
from demos import autoencoders, clip, diffusion, explore, gans, inputs, links, nerf, overview, splat, stable_diffusion, trilemma
from demos.i18n import I18N
from demos.layout import defer_page_loads, free_closed_sessions, markdown, opened_flag

# (tab id, label key, builder): the course's order.
TABS: list[tuple[str, str, Callable[[gr.Blocks], None]]] = [
    ("overview", "tab_overview", overview.build),
    ("gans", "tab_gans", gans.build),
    ("autoencoders", "tab_autoencoders", autoencoders.build),
    ("diffusion", "tab_diffusion", diffusion.build),
    ("clip", "tab_clip", clip.build),
    ("stable_diffusion", "tab_sd", stable_diffusion.build),
    ("nerf", "tab_nerf", nerf.build),
    ("gaussian_splatting", "tab_3dgs", splat.build),
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
.katex-display {overflow-x: auto; overflow-y: hidden; max-width: 100%}
#app-header h1 {font-size: 1.6rem; margin: 0 0 0.15rem}
#app-header p {font-size: 0.9rem; margin: 0; opacity: 0.85}
.gallery-more.padded {padding: 2px 8px; margin-top: -0.3rem; background: transparent; border-style: none !important; box-shadow: none}
.gallery-more > .label-wrap {font-size: 0.85rem; color: var(--link-text-color, #4f46e5); justify-content: flex-start; gap: 0.5em}
.gallery-no-heading h1, .gallery-no-heading h2, .gallery-no-heading h3 {display: none}
.gallery-no-heading :is(h1, h2, h3) + * {margin-top: 0 !important}
#lang-switch {text-align: right; font-size: 0.95rem}
#lang-switch a {text-decoration: none; padding: 0 0.3em}
.gallery-link {align-items: flex-end}
html[data-gallery-lang="es"] #lang-switch a[hreflang="es"], html[data-gallery-lang="en"] #lang-switch a[hreflang="en"] {font-weight: 700}
"""
LANGUAGE_SWITCH = (  # plain links: choosing reloads the page in that language (see LANGUAGE_SCRIPT)
    '<nav aria-label="Idioma / Language"><a href="?lang=es" hreflang="es" lang="es">ES</a>|'
    '<a href="?lang=en" hreflang="en" lang="en">EN</a></nav>'
)


# The language switch (ES / EN at the top, or ?lang=es in a link) overrides the browser's language and is remembered
# on this browser. Gradio reads navigator.language once, when its code starts, to pick the language of its labels (the
# tab names among them, which it never translates again), and the server writes its texts in the language of each
# request's Accept-Language header (demos.i18n). This script answers both with the chosen language; it must run before
# Gradio's code, so `serve` puts it at the top of the page's <head> (Gradio's own `head` runs too late).
LANGUAGE_SCRIPT = """<script>
(() => {
  const LANGS = ["es", "en"];
  // the switch's links reload the page: a click reaches this listener (window, capture phase) before Gradio's own
  // handlers, which could otherwise take a same-page link for a move inside the app and keep the old language
  window.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("#lang-switch a[hreflang]") : null;
    if (!link) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.assign(link.href);
  }, true);
  const asked = new URLSearchParams(window.location.search).get("lang");
  let chosen = null;
  try {
    if (LANGS.includes(asked)) window.localStorage.setItem("gallery-lang", asked);
    chosen = window.localStorage.getItem("gallery-lang");
  } catch (e) { chosen = asked; }  // storage blocked (a strict iframe): the link's choice still holds for this page
  if (!LANGS.includes(chosen)) return;
  document.documentElement.dataset.galleryLang = chosen;
  Object.defineProperty(window.navigator, "language", { get: () => chosen });
  Object.defineProperty(window.navigator, "languages", { get: () => [chosen] });
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.origin !== window.location.origin) return fetch(input, init);
    const headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
    headers.set("Accept-Language", chosen);
    return fetch(input, { ...init, headers });
  };
})();
</script>"""

# Gradio's Plot mounts a new Plotly chart for every new value and never calls `Plotly.purge` on the old
# one; a responsive chart stays referenced by its window "resize" listener, so a live view that streams
# figures (GAN Lab, training curves) grows the page by thousands of nodes a second until the browser
# stalls. Purging each chart as it leaves the page keeps the page the same size however long it plays.
# The script also scrolls a tab's page to the top of the window when a person chooses it.
HEAD = """<script>
(() => {
  const purge = (node) => {
    if (!(node instanceof Element) || !window.Plotly) return;
    const charts = node.classList.contains("js-plotly-plot") ? [node] : node.querySelectorAll(".js-plotly-plot");
    for (const chart of charts) if (!chart.isConnected) window.Plotly.purge(chart);
  };
  new MutationObserver((records) => { for (const r of records) r.removedNodes.forEach(purge); })
    .observe(document.documentElement, { childList: true, subtree: true });
  // choosing a page of a tab (its bar, or the bar's "More tabs" menu) brings the page's bar to the top of the window:
  // the page, one idea sized to a 1366x768 screen, then fills the screen
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(".gallery-pages > .tab-wrapper button") : null;
    if (!button || button.closest(".overflow-menu > button") === button) return;
    const pages = button.closest(".gallery-pages");
    requestAnimationFrame(() => {
      if (Math.abs(pages.getBoundingClientRect().top) > 1) pages.scrollIntoView({ block: "start" });
    });
  });
})();
</script>"""

MAX_THREADS = 256
# A handler that waits for a torch operation gives up Python's lock; under load it then waits for a thread running
# Python to hand the lock back, up to the switch interval (5 ms by default) per operation. A NeRF view runs
# thousands of operations. With 40 students (`python -m benchmarks classroom`), 1 ms measured light p95 13.5 s
# against 15.8 s and the GAN rate's median 0.47 against 0.38 steps/s (one run each, so within the noise).
SWITCH_INTERVAL_SECONDS = 0.001
MAX_IMAGE_PIXELS = 16_000_000  # uploads that decode to more pixels are refused (a PNG can be a bomb)


def build_app() -> gr.Blocks:
    """Returns the gallery's Blocks with its queue configured (not launched)."""
    # PIL only warns past its limit and refuses past twice it: refuse past ours when a file is opened, before it decodes
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS // 2
    inputs.remember_signatures()
    # the queue summarises its last 10,000 events in a pandas table after every event (for /monitoring): past a few
    # thousand events that costs more CPU than most of our events; summarise every 100 events, over the last 2,000
    os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "100")
    os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "2000")
    queue = {"max_size": QUEUE_MAX_SIZE, "default_concurrency_limit": 2}
    with inputs.Blocks(title="Generative Models Gallery", delete_cache=(3600, 7200), queue=queue) as demo:
        with gr.Row(equal_height=False):
            with gr.Column(scale=12):
                markdown("app_header", elem_id="app-header")
            with gr.Column(scale=1, min_width=90):
                gr.HTML(LANGUAGE_SWITCH, elem_id="lang-switch")
        with gr.Tabs() as tabs:
            built = {}
            for tab_id, label_key, build in TABS:
                with gr.Tab(I18N(label_key), id=tab_id, elem_id=f"tab-{tab_id}") as tab:
                    build(demo)
                built[tab_id] = tab
        # the first tab computes its defaults on page load, every other tab when it is first opened
        opened = {tab_id: opened_flag(tab) for tab_id, tab in list(built.items())[1:]}
        for tab_id, flag in opened.items():
            defer_page_loads(demo, built[tab_id], flag)
        # a link to a setup (?tab=gans&section=lab&...) selects its tab (and opens it) and puts its section's settings back
        links.restore_on_load(demo, tabs, [tab_id for tab_id, _, _ in TABS], opened)
        free_closed_sessions(demo)  # a class that leaves gives its memory back within a minute, not an hour
    return demo


LAUNCH_OPTIONS = {
    "i18n": I18N,
    # compact spacing and text: one idea, its controls and its figure fit a 1366x768 projector
    "theme": gr.themes.Soft(primary_hue="indigo", spacing_size="sm", text_size="sm"),
    "css": CSS,
    "head": HEAD,
    "max_file_size": "5mb",
    "footer_links": ["api"],
    "state_session_capacity": SESSION_CAPACITY,
    # every live run holds a worker thread while it waits for its turn on the CPU (core.threads.TRAINING): Gradio's
    # default of 40 threads would leave a class's sliders none
    "max_threads": MAX_THREADS,
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
                import plotly.io as pio

                charts_template = pio.templates.default
                import streamlit as st  # heavy, and only the dashboard needs it
                from streamlit import config

                # Importing Streamlit makes its theme plotly's default for the whole process: a template of placeholder
                # colours ("#000001"...) that only Streamlit's page fills in, so the gallery's traces without a colour of their
                # own drawn after a visit to the dashboard came out near-black. The dashboard names its theme on its charts.
                pio.templates.default = charts_template
                config.set_option("client.toolbarMode", "viewer")  # no "Deploy" button for students
                self._app = st.App(str(self.script))
            return self._app

    async def __call__(self, scope, receive, send) -> None:
        app = self._app or await anyio.to_thread.run_sync(self._build)
        await app(scope, receive, send)


class CachedPage:
    """One of Gradio's GET routes that rebuild the same answer for every request (the page, its configuration, the API
    description), answered from a cache, with `script` first in the page's <head> when given.

    Gradio deep-copies the 1.4 MB configuration (and, for the page, embeds it with the API description)
    for every request: 0.1 to 0.25 s of the server's one Python thread each. A class of forty opening
    the page at once held up every other request for about 15 s. The app is fixed once launched, and an
    answer depends only on the address it was asked at (`gradio.route_utils.get_root_url`: the URL, the
    Host and X-Forwarded headers) and the query parameters the route reads (`params`), so each distinct
    request is built once; the last `size` are kept.
    """

    ADDRESS_HEADERS = (b"host", b"x-forwarded-host", b"x-forwarded-proto", b"x-gradio-server")

    def __init__(self, handle: Any, params: tuple[str, ...], script: str = "", size: int = 4):
        self.handle = handle  # the ASGI app (or route's `handle`) that builds an answer
        self.params = params
        self.script = script.encode()
        self.size = size
        self._answers: OrderedDict[tuple, tuple[dict, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def key(self, scope) -> tuple | None:
        """Returns what the answer depends on, or None for a request that must be built afresh."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if query.get("deep_link"):
            return None  # a deep link carries a person's values
        headers = tuple(sorted((k.lower(), v) for k, v in scope["headers"] if k.lower() in self.ADDRESS_HEADERS))
        chosen = tuple((p, tuple(query.get(p, ()))) for p in self.params)
        return scope["path"], scope.get("root_path", ""), scope.get("scheme", "http"), headers, chosen

    async def __call__(self, scope, receive, send) -> None:
        head = scope.get("method") == "HEAD"  # the GET answer's headers, without its body
        scope = {**scope, "method": "GET"} if head else scope
        key = self.key(scope)
        with self._lock:
            answer = self._answers.get(key) if key is not None else None
            if key is not None and answer is not None:
                self._answers.move_to_end(key)
        if answer is None:
            answer = await self._build(scope, receive)
            if key is not None and answer[0].get("status") == 200:
                with self._lock:
                    self._answers[key] = answer
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
        start, body = answer
        await send(start)
        await send({"type": "http.response.body", "body": b"" if head else body})

    async def _build(self, scope, receive) -> tuple[dict, bytes]:
        start: dict = {}
        chunks: list[bytes] = []

        async def collect(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.handle(scope, receive, collect)
        body = b"".join(chunks)
        if self.script and start.get("status") == 200 and b"<head>" in body:
            body = body.replace(b"<head>", b"<head>" + self.script, 1)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        return {**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]}, body


# the answers served from `CachedPage`: (path, the query parameters Gradio reads there)
CACHED_ROUTES = {"/": ("page",), "/config": ("page",), "/gradio_api/info": ("page", "all_endpoints", "serialize")}


class CachedPages:
    """ASGI middleware that answers GET and HEAD on `CACHED_ROUTES` from a `CachedPage` each, with `script` first in
    the page's <head> (the answers are the same for everyone only while the app has no login).

    Given to Gradio's FastAPI app when it is created (`launch(app_kwargs=...)`), it is in place for launch's own
    check that the page answers, so that check builds the page the first visitor then gets from the cache.
    """

    def __init__(self, app: Any, script: str = ""):
        self.app = app
        self.pages = {path: CachedPage(app, params, script if path == "/" else "") for path, params in CACHED_ROUTES.items()}

    async def __call__(self, scope, receive, send) -> None:
        page = None
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):
            path, root = scope.get("path", ""), scope.get("root_path", "")
            page = self.pages.get(path[len(root) :] if root and path.startswith(root) else path)
        await (page or self.app)(scope, receive, send)


class LazySessionState(SessionState):
    """Gradio's state of one session, without its eager copy of every component's configuration.

    For each new session Gradio builds the configuration of all the page's components (about 1,100), kept
    for deep links (`/gradio_api/deep_link`), which the gallery does not offer (its links carry their settings
    in the address): 0.11 s of the server's one Python thread and about 1 MB for every visitor, so a class
    of forty opening the page at once waited behind some 4 s of it. Here a component's configuration is
    built when the session first changes it, and all of them only when a deep link asks (`components`).
    """

    def __init__(self, blocks: gr.Blocks):  # as SessionState.__init__, with `config_values` filled on demand
        self.blocks_config = copy(blocks.default_config)
        self._config_ids = [k for k in self.blocks_config.blocks if k in blocks.blocks]
        self.config_values = {}
        self.state_data = {}
        self._state_ttl = {}
        self.is_closed = False
        self.STATE_TTL_WHEN_CLOSED = 1 if os.getenv("GRADIO_IS_E2E_TEST", None) else 3600

    @property
    def components(self) -> Iterator[dict]:
        built, blocks, known = self.config_values, self.blocks_config.blocks, set(self._config_ids)
        order = [*self._config_ids, *(k for k in built if k not in known)]
        self.config_values = {k: built[k] if k in built else self.blocks_config.config_for_block(k, [], blocks[k]) for k in order}
        return (config for config in self.config_values.values() if config)


class LazyStateHolder(StateHolder):
    """Gradio's holder of every session's state, whose new sessions are `LazySessionState`s."""

    def __getitem__(self, session_id: str) -> SessionState:
        if session_id not in self.session_data:
            self.session_data[session_id] = LazySessionState(self.blocks)
        return super().__getitem__(session_id)


def lazy_sessions(app: Any, demo: gr.Blocks) -> None:
    """Gives the launched `app` (Gradio's FastAPI app) of `demo` a `LazyStateHolder`, keeping the sessions it holds."""
    holder = LazyStateHolder()
    holder.set_blocks(demo)
    with app.state_holder.lock:
        holder.session_data.update(app.state_holder.session_data)
        holder.time_last_used.update(app.state_holder.time_last_used)
    app.state_holder = holder


def serve(demo: gr.Blocks, **options) -> Any:
    """Launches `demo` without blocking, with the language script first on its page and the dashboard under `DASHBOARD_PATH`;
    returns launch's result."""
    from starlette.middleware import Middleware

    if options.get("auth") is not None or options.get("auth_dependency") is not None:
        raise ValueError("the gallery's cached pages need an app without a login")
    app_kwargs = dict(options.pop("app_kwargs", None) or {})
    app_kwargs["middleware"] = [*app_kwargs.get("middleware", []), Middleware(CachedPages, script=LANGUAGE_SCRIPT)]
    result = demo.launch(prevent_thread_lock=True, app_kwargs=app_kwargs, **options)
    start_trimming()  # a class's freed runs go back to the system once they leave, not only to Python's allocator
    lazy_sessions(demo.app, demo)
    demo.app.mount(DASHBOARD_PATH, LazyDashboard())
    return result


def main() -> None:
    limit_arenas()  # before the server's threads start: each would keep a heap of its own (`core.memory`)
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    workers.enable()  # the NeRF tab's views render in a process beside the server (`core.workers`), from the first one asked
    demo = build_app()
    serve(demo, **LAUNCH_OPTIONS)
    demo.block_thread()


if __name__ == "__main__":
    main()
