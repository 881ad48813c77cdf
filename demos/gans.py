"""GANs tab: a GAN Lab in Python (live 2D training with every loss and view), plus the digits DCGAN."""

from __future__ import annotations

import copy
import dataclasses
import math
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache

import gradio as gr
import numpy as np

from core.data.toy2d import TOY_DATASETS, DataError, Toy2D, make_toy, points_from_mask
from core.gan.experiments import EXPERIMENTS
from core.gan.settings import LOSSES, PROBABILISTIC, MLPGANConfig, TrainSettings
from demos import gan_digits, inputs, knobs, links
from demos.animation import Recording, gif_download
from demos.gan_plots import VIEWS, curves_figure, plane_image
from demos.i18n import I18N, Lang, error, lang_of, t
from demos.knobs import Knob
from demos.layout import LATEX, LIGHT, LIVE_RUNS, intro, live_run_state, markdown, page, pages, sharing_note
from demos.lazy import core_checkpoint, core_loop, core_plane, core_seeding, core_threads, gan_lab2d, metrics_modes, torch
from demos.pictures import Picture

DATASETS = (*TOY_DATASETS, "drawn", "csv")
NUM_DATA = 10_000
PLAY_SECONDS = 120  # wall-clock ceiling of one press of play
REFRESH_SECONDS = 0.4  # the live view refreshes 2.5 times per second (each update costs the page a fixed toll)...
CURVES_EVERY = 5  # ...and the training curves every 2 s (a browser redraws three plotly panels slowly)
GRID_RESOLUTION = 60
MAX_CANVAS_PIXELS = 4_000_000
TRAIN = {"concurrency_id": "gan_train", "concurrency_limit": LIVE_RUNS}  # each person trains their own run

MLPGAN_DEFAULTS, TRAIN_DEFAULTS = MLPGANConfig(), TrainSettings()
OPTIMIZERS = ("adam", "sgd")

# The lab's knobs, each declared once; the widgets are laid out two to a row in this order, which is
# also the order of the API's parameters. A knob's name is the field of the core config it fills.
DATASET = Knob("dataset", "dropdown", "common_dataset", "ring", choices=DATASETS, choice_label="common_ds_{}")
ARCH_KNOBS = (  # `seed` picks the initial weights and the data; the others fill `MLPGANConfig`
    dataclasses.replace(knobs.SEED, full_width=True),
    Knob("noise_dim", "slider", "gan_noise_dim", MLPGAN_DEFAULTS.noise_dim, lo=1, hi=64, step=1, integer=True),
    Knob("noise", "radio", "gan_noise", MLPGAN_DEFAULTS.noise, choices=("gaussian", "uniform"), choice_label="gan_noise_{}"),
    Knob("g_width", "slider", "gan_g_width", MLPGAN_DEFAULTS.g_width, lo=4, hi=512, step=4, integer=True),
    Knob("g_depth", "slider", "gan_g_depth", MLPGAN_DEFAULTS.g_depth, lo=1, hi=6, step=1, integer=True),
    Knob("d_width", "slider", "gan_d_width", MLPGAN_DEFAULTS.d_width, lo=4, hi=512, step=4, integer=True),
    Knob("d_depth", "slider", "gan_d_depth", MLPGAN_DEFAULTS.d_depth, lo=1, hi=6, step=1, integer=True),
)
SETTING_KNOBS = (  # fill `TrainSettings`; a change applies to the current run at once
    Knob(
        "loss",
        "radio",
        "gan_loss",
        TRAIN_DEFAULTS.loss,
        choices=LOSSES,
        choice_label="loss_{}",
        info="gan_loss_info",
        elem_id="gan-loss",
        full_width=True,
    ),
    Knob("clip", "number", "gan_clip", TRAIN_DEFAULTS.clip, lo=1e-4, hi=100.0),
    Knob("gp_weight", "number", "gan_gp_weight", TRAIN_DEFAULTS.gp_weight, lo=0.0, hi=100.0),
    Knob("d_steps", "slider", "gan_d_steps", TRAIN_DEFAULTS.d_steps, lo=1, hi=10, step=1, integer=True),
    Knob("batch_size", "slider", "gan_batch", TRAIN_DEFAULTS.batch_size, lo=16, hi=1024, step=16, integer=True),
    Knob("g_optimizer", "radio", "gan_g_optimizer", TRAIN_DEFAULTS.g_optimizer, choices=OPTIMIZERS, choice_label="gan_optimizer_{}"),
    Knob("g_lr", "number", "gan_g_lr", TRAIN_DEFAULTS.g_lr, lo=1e-6, hi=1.0),
    Knob("d_optimizer", "radio", "gan_d_optimizer", TRAIN_DEFAULTS.d_optimizer, choices=OPTIMIZERS, choice_label="gan_optimizer_{}"),
    Knob("d_lr", "number", "gan_d_lr", TRAIN_DEFAULTS.d_lr, lo=1e-6, hi=1.0),
    Knob("schedule", "radio", "gan_schedule", TRAIN_DEFAULTS.schedule, choices=("constant", "linear"), choice_label="gan_schedule_{}"),
    Knob("budget", "slider", "gan_budget", TRAIN_DEFAULTS.budget, lo=100, hi=50_000, step=100, integer=True),
)
RUN_KNOBS = (DATASET, *ARCH_KNOBS, *SETTING_KNOBS)  # what a fresh run is built from
DEFAULT_RUN = knobs.defaults(RUN_KNOBS)  # what a page load sends
SETTING_NAMES = frozenset(k.name for k in SETTING_KNOBS)


@dataclass
class LabState:
    """One person's GAN Lab run (kept in `gr.State`)."""

    lab: gan_lab2d.GANLab
    data: Toy2D
    dataset: str
    grid: core_plane.PlaneGrid
    trainer: core_loop.Trainer
    steps_per_second: float = 0.0
    notes: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)  # a play loop and a knob change never overlap
    paused: bool = False  # set by Pause: a step the play loop had already begun to ask for is skipped
    recording: Recording = field(default_factory=lambda: Recording("gan-lab-run"))  # the plane as it was shown, for a GIF

    def locked_step(self) -> dict[str, float]:
        with self.lock:
            return {} if self.paused else self.lab.step()


# --- input parsing -----------------------------------------------------------------------------


def parse_settings(values: dict, lang: Lang) -> TrainSettings:
    """Returns validated `TrainSettings` from the training knobs' values, by name."""
    return knobs.fill(TrainSettings, knobs.parse(SETTING_KNOBS, values, lang))


def parse_views(views, lang: Lang) -> list[str]:
    if views is None:
        return []
    if not isinstance(views, list) or any(v not in VIEWS for v in views):
        raise error("common_err_choice", lang, name=t("gan_views", lang), choices=", ".join(VIEWS))
    return views


def ink_mask(sketch, lang: Lang) -> torch.Tensor:
    """Returns the drawn pixels of a Sketchpad value as a boolean mask `[H, W]`."""
    image = sketch.get("composite") if isinstance(sketch, dict) else None
    if image is None:
        raise error("common_draw_empty", lang)
    array = np.asarray(image)
    if array.ndim != 3 or array.shape[2] not in (3, 4) or array.shape[0] * array.shape[1] > MAX_CANVAS_PIXELS:
        raise error("common_draw_empty", lang)
    ink = array[..., :3].astype(np.float32).mean(-1) < 160
    if array.shape[2] == 4:
        ink &= array[..., 3] > 0
    return torch.from_numpy(ink)


def load_points(dataset: str, csv_file, sketch, generator: torch.Generator, lang: Lang) -> Toy2D:
    """Returns the training points of the chosen dataset."""
    if dataset == "csv":
        return inputs.csv_points(csv_file, lang)
    if dataset == "drawn":
        try:
            return points_from_mask(ink_mask(sketch, lang), 2000, generator=generator)
        except DataError as err:
            raise inputs.data_error(err, lang) from None
    return make_toy(dataset, NUM_DATA, generator=generator)  # type: ignore[arg-type]


# --- rendering ---------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    """Returns a loss for the status line: three decimals, or a dash before the first step."""
    return f"{value:.3f}" if value is not None and math.isfinite(value) else "—"


def render(state: LabState, views: list[str], lang: Lang, *, curves: bool = True) -> tuple:
    """Returns the plane picture, its caption, the curves figure (or `gr.skip()`), the coverage text and the status text."""
    lab = state.lab
    snap = lab.snapshot(state.grid)
    title = t("gan_plane_title", lang, dataset=t(f"common_ds_{state.dataset}", lang), loss=t(f"loss_{lab.settings.loss}", lang))
    probabilistic = lab.settings.loss in PROBABILISTIC
    plane = plane_image(snap, state.grid, views, probabilistic, lang, title)
    state.recording.add(plane)
    caption = t("gan_plane_caption_d" if probabilistic else "gan_plane_caption_critic", lang) if "heatmap" in views else ""
    curves_plot = curves_figure(lab.history, lang) if curves else gr.skip()
    if state.data.centers is not None:
        samples = lab.model.sample(2500, generator=torch.Generator().manual_seed(1234))
        mc = metrics_modes.mode_coverage(samples, state.data.centers, state.data.std)
        kl = f"{mc.reverse_kl:.3f}" if math.isfinite(mc.reverse_kl) else "—"
        coverage = t("common_mode_coverage", lang, captured=mc.modes_captured, total=mc.num_modes, hq=100 * mc.high_quality, kl=kl)
    else:
        coverage = t("gan_coverage_none", lang)
    status = t(
        "gan_status" if state.steps_per_second > 0 else "gan_status_idle",
        lang,
        it=lab.iterations,
        d=lab.d_steps_done,
        g=lab.g_steps_done,
        budget=lab.settings.budget,
        sps=state.steps_per_second,
        d_loss=_fmt(lab.last.get("d_loss")),
        g_loss=_fmt(lab.last.get("g_loss")),
    )
    if state.notes:
        status += "\n\n" + " ".join(state.notes)
    return plane, caption, curves_plot, coverage, status


# --- handlers ----------------------------------------------------------------------------------


def reset(csv_file, sketch, views, request: gr.Request, **values):
    """Builds a fresh GAN for the chosen data and architecture; returns the views and the new state.

    `values` holds the knobs of `RUN_KNOBS` by name (a missing one takes its default)."""
    lang = lang_of(request)
    run = knobs.parse(RUN_KNOBS, values, lang)
    views = parse_views(views, lang)
    if run["dataset"] in TOY_DATASETS and run == DEFAULT_RUN:  # the page-load run: a copy of one built once
        template, shown = _first_run(tuple(run.items()), tuple(views), lang)
        return (*shown, _copy_of(template))
    if run["dataset"] in TOY_DATASETS:
        state, shown = _toy_run(tuple(run.items()), tuple(views), lang)
        return (*shown, state)
    generator = torch.Generator().manual_seed(run["seed"])
    state = new_run(run, load_points(run["dataset"], csv_file, sketch, generator, lang), generator)
    return (*render(state, views, lang), state)


def new_run(run: dict, data: Toy2D, generator: torch.Generator) -> LabState:
    """Returns a fresh run of `run`'s knobs on `data`; its batches come from `generator` (seeded by `run["seed"]`,
    then drawn from for the data), its weights from their own generator seeded alike."""
    model = core_seeding.init_weights(
        gan_lab2d.MLPGAN(knobs.fill(MLPGANConfig, run, **gan_lab2d.standardisation(data.points))),
        torch.Generator().manual_seed(run["seed"]),
    )
    lab = gan_lab2d.GANLab(model, data.points, knobs.fill(TrainSettings, run), generator=generator)
    state = LabState(
        lab,
        data,
        run["dataset"],
        core_plane.plane_grid(core_plane.bounds(data.points, margin=0.3), GRID_RESOLUTION),
        core_loop.Trainer(lambda: {}),
    )
    state.trainer = core_loop.Trainer(state.locked_step)
    return state


# A class opens the page at once, and every page load starts the default run: building and drawing it takes about
# 40 ms of CPU. The page-load runs are copies of one built and drawn once per views and language (a few ms); each
# copy is a person's own run (`_copy_of`). A kept run with its pictures holds about 8 MB, so only the default
# knobs' runs are kept: a class's own seeds would fill the cache with runs nobody asks for again.
@lru_cache(maxsize=4)
def _first_run(run_items: tuple, views: tuple[str, ...], lang: Lang) -> tuple[LabState, tuple]:
    return _toy_run(run_items, views, lang)


def _toy_run(run_items: tuple, views: tuple[str, ...], lang: Lang) -> tuple[LabState, tuple]:
    """Returns a fresh run of a built-in dataset with the knobs `run_items`, and its views."""
    run = dict(run_items)
    generator = torch.Generator().manual_seed(run["seed"])
    state = new_run(run, make_toy(run["dataset"], NUM_DATA, generator=generator), generator)  # type: ignore[arg-type]
    return state, render(state, list(views), lang)


def _copy_of(template: LabState) -> LabState:
    """Returns a run of its own with `template`'s model, optimisers, generator, history and recorded first frame
    (the data and the plane's grid, which nothing changes, are shared)."""
    lab = copy.deepcopy(template.lab)
    state = LabState(lab, template.data, template.dataset, template.grid, core_loop.Trainer(lambda: {}))
    state.trainer = core_loop.Trainer(state.locked_step)
    state.recording = dataclasses.replace(template.recording, frames=list(template.recording.frames))
    return state


def _require(state, lang: Lang) -> LabState:
    if not isinstance(state, LabState):
        raise error("gan_err_reset_first", lang)
    return state


def _split(values: dict) -> tuple[dict, dict]:
    """Returns (the training knobs' values, the run's other knobs' values: dataset, architecture)."""
    settings = {name: value for name, value in values.items() if name in SETTING_NAMES}
    return settings, {name: value for name, value in values.items() if name not in SETTING_NAMES}


def _run_or_first(state, views, request: gr.Request, first: dict, settings: dict) -> LabState:
    """Returns the person's run; without one yet, builds it from the knobs as Reset would.

    On a busy server the page's own first run (built when the page loads) can arrive seconds after the
    page is drawn, and a student who presses Play or a step button before then gets the run Reset would
    build rather than an error."""
    if isinstance(state, LabState):
        return state
    if not first:  # called without the run's knobs (the handlers' callers in tests, the API's older callers)
        return _require(state, lang_of(request))
    *_, state = reset(None, None, views, request, **first, **settings)
    return state


def play(state, views, request: gr.Request, **values):
    """Trains until the budget, the time ceiling or pause; streams the views and the run about 2.5 times a second.

    The run takes turns on the CPU with every other live run on the server (`core.threads.TRAINING`):
    with many, each turn trains a shorter slice and the frames come further apart.
    `values` holds the knobs of `SETTING_KNOBS` by name, and may hold the run's dataset and architecture,
    which build the run when there is none yet."""
    lang = lang_of(request)
    settings, first = _split(values)
    state = _run_or_first(state, views, request, first, settings)
    state.lab.update(parse_settings(settings, lang))
    views = parse_views(views, lang)
    remaining = state.lab.settings.budget - state.lab.g_steps_done
    state.notes = [] if remaining > 0 else [t("gan_budget_reached", lang)]
    state.steps_per_second, state.paused = 0.0, False
    run = state.trainer.run(max(remaining, 0), max_seconds=PLAY_SECONDS, report_seconds=core_threads.TRAINING.slice(REFRESH_SECONDS))
    yield from core_threads.TRAINING.share(_play_frames(state, run, views, remaining, lang), stopped=state.trainer.stopped)


def _play_frames(state: LabState, run, views: list[str], remaining: int, lang: Lang):
    """Yields the views after each report of `run`, the curves every `CURVES_EVERY` frames and at the end."""
    last_steps, last_time = state.lab.g_steps_done, time.monotonic()
    for frame, progress in enumerate(run, start=1):
        now = time.monotonic()
        if state.lab.g_steps_done > last_steps:
            state.steps_per_second = (state.lab.g_steps_done - last_steps) / max(now - last_time, 1e-6)
            last_steps, last_time = state.lab.g_steps_done, now
        if progress.done and progress.reason == "steps" and remaining > 0:
            state.notes = [t("gan_budget_reached", lang)]
        elif progress.done and progress.reason == "time":
            state.notes = [t("gan_time_ceiling", lang, seconds=PLAY_SECONDS)]
        with state.lock:
            *views_now, status = render(state, views, lang, curves=progress.done or frame % CURVES_EVERY == 0)
        yield (*views_now, status + sharing_note(lang, done=progress.done), state)


def pause(state, views, request: gr.Request):
    """Stops a running play loop after its current step; returns the views of the run where it stopped.

    The play loop streams a frame every `REFRESH_SECONDS`, so the last frame it sent is up to that much
    training behind; answering with a fresh render shows the very step the run paused at."""
    if not isinstance(state, LabState):
        return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
    lang = lang_of(request)
    views = parse_views(views, lang)
    state.trainer.stop()
    with state.lock:
        state.paused = True
        return render(state, views, lang)


def _with_settings(which: str | None):
    """Returns a handler that applies the training knobs, then does one D, G or full step (or none)."""

    def handler(state, views, request: gr.Request, **values):
        lang = lang_of(request)
        settings, first = _split(values)
        state = _run_or_first(state, views, request, first, settings)
        settings, views = parse_settings(settings, lang), parse_views(views, lang)
        with state.lock:
            state.lab.update(settings)
            if which is not None:
                {"d": state.lab.step_d, "g": state.lab.step_g, "both": state.lab.step}[which]()
                state.notes, state.steps_per_second = [], 0.0
            return (*render(state, views, lang), state)

    handler.__name__ = f"step_{which}" if which else "apply_settings"
    handler.__doc__ = (
        f"Performs one {'full' if which == 'both' else which.upper()} step; returns the views."
        if which
        else "Applies the training knobs to the current run at once (even while it plays); returns the views."
    )
    return handler


step_d, step_g, step_both, apply_settings = _with_settings("d"), _with_settings("g"), _with_settings("both"), _with_settings(None)


def redraw(state, views, request: gr.Request):
    """Returns the views again (after a view is toggled)."""
    lang = lang_of(request)
    state, views = _require(state, lang), parse_views(views, lang)
    with state.lock:
        return render(state, views, lang)


def download(state, request: gr.Request) -> gr.File:
    """Returns the trained 2D GAN as a safetensors checkpoint and 2,000 of its samples as CSV."""
    lang = lang_of(request)
    state = _require(state, lang)
    folder = tempfile.mkdtemp(prefix="gan2d-")
    checkpoint = core_checkpoint.save_checkpoint(
        state.lab.model,
        os.path.join(folder, "gan2d.safetensors"),
        extra={"dataset": state.dataset, "loss": state.lab.settings.loss, "generator_steps": str(state.lab.g_steps_done)},
    )
    samples = state.lab.model.sample(2000, generator=torch.Generator().manual_seed(0)).numpy()
    csv_path = os.path.join(folder, "gan2d_samples.csv")
    np.savetxt(csv_path, samples, delimiter=",", header="x,y", comments="", fmt="%.6f")
    return gr.File(value=[str(checkpoint), csv_path], visible=True)


def load_experiment(name, request: gr.Request) -> dict:
    """Returns every knob's value in a ready-made experiment (the preset's, else the default) by name, and
    the sentence on what to watch as `experiment_text`."""
    lang = lang_of(request)
    name = inputs.choice(name, "gan_experiment", tuple(EXPERIMENTS), lang)
    return knobs.defaults(RUN_KNOBS) | EXPERIMENTS[name] | {"experiment_text": t(f"exp_{name}", lang)}


# --- UI ----------------------------------------------------------------------------------------


def build(demo: gr.Blocks) -> None:
    """Builds the GANs tab and wires its events."""
    intro("gan_intro")
    lab_state = live_run_state()
    with pages("gans"):
        with page("gans", "lab", "gan_page_lab"), gr.Row(equal_height=False):
            with gr.Column(scale=2, min_width=300):  # the controls
                widgets = {"dataset": DATASET.widget()}
                with gr.Accordion(I18N("common_draw"), open=False):
                    markdown("gan_draw_help")
                    sketch = gr.Sketchpad(
                        type="numpy",
                        canvas_size=(320, 320),
                        label=I18N("common_draw"),
                        brush=gr.Brush(default_size=6, colors=["#111111"]),
                    )
                with gr.Accordion(I18N("common_ds_csv"), open=False):
                    markdown("common_csv_help")
                    csv_file = gr.File(label=I18N("common_csv_file"), file_types=[".csv", ".txt"], type="filepath", height=110)
                with gr.Row():
                    experiment = inputs.Dropdown(
                        [(I18N(f"exp_title_{n}"), n) for n in EXPERIMENTS], value=None, label=I18N("gan_experiment"), scale=3
                    )
                    load_button = gr.Button(I18N("gan_load_experiment"), scale=1)
                experiment_text = gr.Markdown(latex_delimiters=LATEX)
                with gr.Row():
                    # medium buttons: "▶ Reproducir" and "↺ Reiniciar" keep their symbol on the word's line (no-break space)
                    play_button = gr.Button("▶\u00a0" + I18N("gan_play"), variant="primary", size="md", min_width=70, elem_id="gan-play")
                    pause_button = gr.Button(I18N("gan_pause"), size="md", min_width=70, elem_id="gan-pause")
                    reset_button = gr.Button("↺\u00a0" + I18N("gan_reset"), size="md", min_width=70, elem_id="gan-reset")
                with gr.Row():
                    d_button = gr.Button(I18N("gan_step_d"), size="sm", min_width=60, elem_id="gan-step-d")
                    g_button = gr.Button(I18N("gan_step_g"), size="sm", min_width=60, elem_id="gan-step-g")
                    both_button = gr.Button(I18N("gan_step_both"), size="sm", min_width=60, elem_id="gan-step-both")
                with gr.Accordion(I18N("gan_training_knobs"), open=False):
                    settings = knobs.layout(SETTING_KNOBS)
                with gr.Accordion(I18N("gan_arch_knobs"), open=False):
                    markdown("gan_arch_help")
                    arch = knobs.layout(ARCH_KNOBS)
                link = links.control(demo, "gans", "lab")
                with gr.Row():
                    download_button = gr.Button(I18N("gan_download"), size="sm")
                    gif_download(lab_state, api_name="gan_gif", elem_id="gan-gif")
                files = gr.File(label=I18N("gan_files"), file_count="multiple", interactive=False, visible=False)
            with gr.Column(scale=5):  # the key figure beside its curves, then what they show
                with gr.Row(equal_height=False):
                    with gr.Column(min_width=300):
                        plane_plot = Picture(
                            label=I18N("gan_plane"), type="pil", format="png", interactive=False, height=400, elem_id="gan-plane"
                        )
                    with gr.Column(min_width=300):
                        curves_plot = gr.Plot(label=I18N("gan_curves"), elem_id="gan-curves")
                with gr.Row(equal_height=False):
                    with gr.Column(min_width=300):
                        views = gr.CheckboxGroup(
                            [(I18N(f"gan_view_{v}"), v) for v in VIEWS], value=list(VIEWS), label=I18N("gan_views"), elem_id="gan-views"
                        )
                    with gr.Column(min_width=300):
                        status = gr.Markdown(elem_id="gan-status")
                        coverage = gr.Markdown(elem_id="gan-coverage")
                        with gr.Accordion(I18N("common_read_more"), open=False, elem_id="gan-more", elem_classes="gallery-more"):
                            plane_caption = gr.Markdown(elem_id="gan-plane-caption")
                            markdown("gan_views_help")
        # a link carries the dataset by name (not a drawing or a file), the seed, every knob and the views: Play reproduces the run
        link_knobs = (dataclasses.replace(DATASET, choices=TOY_DATASETS), *ARCH_KNOBS, *SETTING_KNOBS)
        link.register(links.knob_settings(link_knobs, {"dataset": widgets["dataset"], **arch, **settings}) | {"views": views})
        widgets |= arch | settings  # in the order of RUN_KNOBS: the API takes its parameters in this order

        # every knob reaches its handler by name; the API names each parameter after its knob
        run_inputs = {"dataset": widgets["dataset"], "csv_file": csv_file, "sketch": sketch, **arch, **settings, "views": views}
        setting_inputs = {**settings, "views": views}
        # Play and the step buttons also take the built-in dataset and architecture that build a run, after the settings
        # (the API's callers that pass only the settings keep working): on a busy server they can come before the
        # page's first run is built (a drawing or a file builds its run as it arrives)
        stepping_inputs = setting_inputs | {"dataset": widgets["dataset"], **arch}
        view_outputs = [plane_plot, plane_caption, curves_plot, coverage, status]
        rebuild = [k.committed(widgets[k.name]) for k in (DATASET, *ARCH_KNOBS)]
        gr.on(
            [demo.load, reset_button.click, *rebuild, link.restored.change],
            reset,
            None,
            [*view_outputs, lab_state],
            inputs_kwargs=run_inputs,
            api_name="gan_reset",
            trigger_mode="always_last",
            **LIGHT,
        )
        # drawing or uploading selects that dataset and starts a fresh run on it
        for trigger, name in ((sketch.change, "drawn"), (csv_file.upload, "csv")):
            trigger(lambda name=name: name, None, widgets["dataset"], api_name=f"gan_use_{name}", **LIGHT).then(
                reset, None, [*view_outputs, lab_state], inputs_kwargs=run_inputs, api_name=f"gan_reset_{name}", **LIGHT
            )
        play_event = play_button.click(
            play, [lab_state], [*view_outputs, lab_state], inputs_kwargs=stepping_inputs, api_name="gan_play", **TRAIN
        )
        pause_button.click(pause, [lab_state, views], view_outputs, api_name="gan_pause", cancels=[play_event], **LIGHT)
        for button, handler, name in (
            (d_button, step_d, "gan_step_d"),
            (g_button, step_g, "gan_step_g"),
            (both_button, step_both, "gan_step_both"),
        ):
            button.click(handler, [lab_state], [*view_outputs, lab_state], inputs_kwargs=stepping_inputs, api_name=name, **LIGHT)
        views.change(redraw, [lab_state, views], view_outputs, api_name="gan_views", **LIGHT)
        gr.on(
            [k.committed(settings[k.name]) for k in SETTING_KNOBS],
            apply_settings,
            [lab_state],
            [*view_outputs, lab_state],
            inputs_kwargs=stepping_inputs,
            api_name="gan_settings",
            **LIGHT,
        )
        download_button.click(download, lab_state, files, api_name="gan_download", **LIGHT)
        load_button.click(
            knobs.by_component(load_experiment, {**widgets, "experiment_text": experiment_text}),
            experiment,
            [*widgets.values(), experiment_text],
            api_name="gan_experiment",
            **LIGHT,
        ).then(reset, None, [*view_outputs, lab_state], inputs_kwargs=run_inputs, api_name="gan_experiment_reset", **LIGHT)
        gan_digits.build(demo)
