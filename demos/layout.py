"""Small layout helpers shared by the tabs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import gradio as gr

from core.memory import collect_soon
from demos.i18n import I18N, Lang, t
from demos.inputs import quick_queue
from demos.lazy import core_threads
from demos.locales.en import STRINGS as EN_STRINGS
from demos.locales.markdown import LEAD, MORE

# $$...$$ for display equations, $...$ inline (Gradio's default knows only $$).
LATEX = [{"left": "$$", "right": "$$", "display": True}, {"left": "$", "right": "$", "display": False}]

# Concurrency slots shared by endpoints (pass as **LIGHT / **HEAVY to an event): quick fits share
# "light"; training runs and samplers share "heavy", so the 2-core machine is never oversubscribed.
LIGHT = quick_queue({"concurrency_id": "light", "concurrency_limit": 4})  # live runs let these answers go first
HEAVY = {"concurrency_id": "heavy", "concurrency_limit": 1}
# Live runs (Play, Train, Fit) take turns on the CPU (`core.threads.TRAINING`), so many can be live at once: a
# class's worth of each kind runs, each with its first frame at once; more wait in the queue, which shows their place.
LIVE_RUNS = 48


SESSION_HOURS = 3  # a live run's state outlives a lesson; closing the tab frees it soon after (`free_closed_sessions`)


def stop_training(value) -> None:
    """Stops the live run held in a session's state (Gradio calls this when it deletes the state)."""
    trainer = getattr(value, "trainer", None)
    if trainer is not None:
        trainer.stop()


CLOSED_GRACE_SECONDS = 30.0  # a closed tab's session is freed this long after it closed, if it was not used since


def free_closed_sessions(demo: gr.Blocks, grace: float = CLOSED_GRACE_SECONDS) -> None:
    """Frees a session's states `grace` seconds after its tab closed (its runs stop through `stop_training`).

    Gradio keeps a closed session's states for an hour, in case the tab comes back: after a class, forty
    stopped runs (models, data, recorded frames) held the server at 1.8 times its idle memory. A session
    that answered an event after it closed (a connection that dropped and came back) is kept."""

    def closed(request: gr.Request) -> None:
        session = request.session_hash
        if session is not None:
            timer = threading.Timer(grace, _free_if_unused, args=(demo, session, time.time()))
            timer.daemon = True
            timer.start()

    demo.unload(closed)


def _free_if_unused(demo: gr.Blocks, session: str, closed_at: float) -> None:
    holder = demo.state_holder
    last_used = holder.time_last_used.get(session)
    if session not in holder or (last_used is not None and last_used.timestamp() > closed_at):
        return
    holder.delete_state(session)  # calls each state's delete callback
    with holder.lock:
        holder.session_data.pop(session, None)
        holder.time_last_used.pop(session, None)
    collect_soon()  # the run's reference cycles, freed once the class's sessions are (`core.memory.collect_soon`)


def sharing_note(lang: Lang, *, done: bool = False) -> str:
    """Returns " · " and a sentence saying how many other live runs take turns on the CPU with this one
    (`core.threads.TRAINING`), or "" while every live run has a turn of its own or once this run is `done`."""
    live = core_threads.TRAINING.live()
    if done or live <= core_threads.TRAINING.slots:
        return ""
    return " · " + t("common_sharing", lang, count=live - 1)


def live_run_state() -> gr.State:
    """Returns the `gr.State` that holds one person's live training run (or what a run recorded, for a GIF).

    Gradio deletes a session's state when its tab closes or reloads; the delete callback then stops the
    run, so a student who leaves frees the CPU and, once the loop ends, the run's memory."""
    return gr.State(None, time_to_live=SESSION_HOURS * 3600, delete_callback=stop_training)


PAGES_CLASS = "gallery-pages"


@contextmanager
def pages(tab_id: str) -> Iterator[gr.Tabs]:
    """Opens the pages of tab `tab_id`: one idea each, with its controls, its key figure and its short text, sized to
    fit a 1366x768 screen; a link to one of its sections selects its page (`links.control` finds it)."""
    with gr.Tabs(elem_id=f"pages-{tab_id}", elem_classes=PAGES_CLASS) as tabs:
        yield tabs


def page(tab_id: str, page_id: str, label_key: str) -> gr.Tab:
    """Returns page `page_id` of tab `tab_id` (open it inside `pages(tab_id)`), labelled with the text `label_key`.

    Gradio draws a page's widgets when the page is first shown: its page-load results wait for it meanwhile. Its id
    for Gradio is "tab.page", unique in the app (two tabs may both have a "generate" page). Put only pages in a bar:
    anything else there (a `gr.State`) shifts Gradio's page buttons, which then repeat."""
    return gr.Tab(I18N(label_key), id=f"{tab_id}.{page_id}", elem_id=f"page-{tab_id}-{page_id}")


def enclosing_page(block) -> tuple[gr.Tabs, str] | None:
    """Returns the pages (`pages`) and the Gradio id ("tab.page") of the page that `block` (or the block being built) lies
    in, if any."""
    while block is not None:
        parent = getattr(block, "parent", None)
        if isinstance(block, gr.Tab) and isinstance(parent, gr.Tabs) and PAGES_CLASS in (parent.elem_classes or []):
            return parent, str(block.id)
        block = parent
    return None


def markdown(key: str, **kwargs) -> gr.Markdown:
    """Returns a translated Markdown block that renders LaTeX."""
    return gr.Markdown(I18N(key), latex_delimiters=LATEX, **kwargs)


def intro(key: str, *, heading: bool = True) -> None:
    """Shows lecture text `key` as its lead (heading, "Look at / Try") with the rest folded beneath it, opened on demand.

    The lead stays beside what it describes; the full explanation (equations, details) is one click away, so a tab's
    first screen holds its idea and figure rather than a page of text (`demos.locales.markdown.split_lead`). Without
    `heading`, the text's headings are hidden: a page's own label names it already."""
    classes = ["gallery-lead"] if heading else ["gallery-lead", "gallery-no-heading"]
    if key + LEAD not in EN_STRINGS:  # a short text of the tables, not a lecture: nothing to fold
        markdown(key, elem_classes=classes)
        return
    markdown(key + LEAD, elem_classes=classes)
    if EN_STRINGS.get(key + MORE):
        with gr.Accordion(I18N("common_read_more"), open=False, elem_classes="gallery-more"):
            markdown(key + MORE)


def train_stop_buttons(elem_id: str) -> tuple[gr.Button, gr.Button]:
    """Returns a row's ▶ Train (primary, `elem_id`) and Stop buttons, for the tabs' live training runs."""
    with gr.Row():
        train = gr.Button("▶ " + I18N("common_train"), variant="primary", elem_id=elem_id)
        stop = gr.Button(I18N("common_stop"))
    return train, stop


def sketchpad(label_key: str, *, brush: int, **kwargs) -> gr.Sketchpad:
    """Returns a 280x280 drawing canvas, one layer and a black brush `brush` pixels wide, whose value reaches the
    handler as numpy arrays (the GAN Lab's `ink_mask` reads its ink, `core.data.images.digit_from_image` a digit)."""
    return gr.Sketchpad(
        type="numpy",
        canvas_size=(280, 280),
        label=I18N(label_key),
        brush=gr.Brush(default_size=brush, colors=["#111111"]),
        layers=False,
        **kwargs,
    )


def picture_inputs(
    *, digit: int, photo: str, height: int, source: str = "digit", sources: list[str] | None = None
) -> tuple[gr.Radio, gr.Slider, gr.Dropdown, gr.Image]:
    """Returns the widgets of `inputs.picture`: a digit, photo or upload choice (`source` first), a digit number, a photo
    and an upload box (taking `sources`: Gradio's upload, webcam and clipboard by default)."""
    from core.data.images import PHOTOS
    from demos import inputs

    chosen = source
    source = inputs.Radio([(I18N(f"common_source_{s}"), s) for s in inputs.IMAGE_SOURCES], value=source, label=I18N("common_source"))
    digit_index = inputs.Slider(*inputs.DIGIT_INDEX, value=digit, step=1, label=I18N("common_digit_index"), visible=chosen == "digit")
    photo_choice = inputs.Dropdown(list(PHOTOS), value=photo, label=I18N("common_photo"), visible=chosen == "photo")
    upload = inputs.Image(label=I18N("common_upload"), type="numpy", height=height, sources=sources, visible=chosen == "upload")
    # only the chosen source's widget shows: the others wait behind their choice (their values stay, for the API)
    source.change(shown_source, source, [digit_index, photo_choice, upload], api_name=False, queue=False, show_progress="hidden")
    return source, digit_index, photo_choice, upload


def shown_source(source: str) -> list[dict]:
    """Returns the visibility of the digit number, the photo and the upload box for image source `source`."""
    return [gr.update(visible=source == name) for name in ("digit", "photo", "upload")]


def _opened() -> int:
    return 1


def opened_flag(tab: gr.Tab) -> gr.State:
    """Returns a state that turns 1 the first time a person selects `tab` (a link that opens the tab sets it too:
    `links.restore`); selecting the tab again leaves it at 1, so its change fires once. A state, not a hidden
    widget: the server compares its values, where a widget could report a change when the browser draws it."""
    flag = gr.State(0)
    # queued: Gradio reports a state's change to the page only for queued events (unqueued, the flag never fires)
    tab.select(_opened, None, flag, api_name=False, concurrency_limit=None)
    return flag


def defer_page_loads(demo: gr.Blocks, tab: gr.Tab, flag: gr.State) -> int:
    """Moves the page-load events of `tab` (every component they read or write lies inside it) to the tab's first
    opening (`flag`'s change); returns how many moved.

    A page load then computes only what the first tab shows: a tab's defaults (a fitted mixture, a NeRF view, the
    GAN Lab's first plane) are computed when a person first opens it, so forty students opening the page at once
    do not each compute all ten tabs, and the page is ready sooner. Handlers named `..._defaults` stay on page load:
    they fill widgets a person edits (a prompt, labels) in the reader's language, and must not overwrite what a
    person has begun to type in a tab just opened."""
    inside: set[int] = set()

    def walk(block) -> None:
        for child in getattr(block, "children", []):
            inside.add(child._id)
            walk(child)

    walk(tab)
    moved = 0
    for fn in demo.fns.values():
        if (demo._id, "load") not in fn.targets or str(fn.api_name).endswith("_defaults"):
            continue
        blocks = [b._id for b in (*fn.inputs, *fn.outputs)]
        if blocks and all(b in inside for b in blocks):
            fn.targets = [(flag._id, "change") if target == (demo._id, "load") else target for target in fn.targets]
            moved += 1
    return moved
