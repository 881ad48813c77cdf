"""GANs tab: a GAN Lab in Python (live 2D training with every loss and view), plus the digits DCGAN."""

from __future__ import annotations

import math
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field

import gradio as gr
import numpy as np
import torch

from core.checkpoint import save_checkpoint
from core.data.toy2d import TOY_DATASETS, DataError, Toy2D, make_toy, points_from_mask
from core.gan.lab2d import MLPGAN, GANLab, TrainSettings, config_for_data
from core.gan.losses import LOSSES, PROBABILISTIC
from core.loop import Trainer
from core.metrics.modes import mode_coverage
from core.plane import PlaneGrid, bounds, plane_grid
from core.seeding import init_weights
from core.threads import single_threaded
from demos import gan_digits, inputs
from demos.gan_plots import VIEWS, curves_figure, plane_image
from demos.i18n import I18N, Lang, error, lang_of, t
from demos.layout import LATEX, LIGHT, markdown

DATASETS = (*TOY_DATASETS, "drawn", "csv")
NUM_DATA = 10_000
PLAY_SECONDS = 120  # wall-clock ceiling of one press of play
REFRESH_SECONDS = 0.4  # the live view refreshes 2.5 times per second (each update costs the page a fixed toll)...
CURVES_EVERY = 5  # ...and the training curves every 2 s (a browser redraws three plotly panels slowly)
GRID_RESOLUTION = 60
MAX_CANVAS_PIXELS = 4_000_000
TRAIN = {"concurrency_id": "gan_train", "concurrency_limit": 4}  # each person trains their own run

ARCH_LIMITS = {"noise_dim": (1, 64), "g_width": (4, 512), "g_depth": (1, 6), "d_width": (4, 512), "d_depth": (1, 6)}
SETTING_LIMITS = {
    "clip": (1e-4, 100.0),
    "gp_weight": (0.0, 100.0),
    "d_steps": (1, 10),
    "batch_size": (16, 1024),
    "g_lr": (1e-6, 1.0),
    "d_lr": (1e-6, 1.0),
    "budget": (100, 50_000),
}
DEFAULT_ARCH = {
    "dataset": "ring",
    "seed": 0,
    "noise_dim": 8,
    "noise": "gaussian",
    "g_width": 128,
    "g_depth": 3,
    "d_width": 128,
    "d_depth": 3,
}
DEFAULT_SETTINGS = TrainSettings()
OPTIMIZER_CHOICES = [(I18N("gan_optimizer_adam"), "adam"), (I18N("gan_optimizer_sgd"), "sgd")]

# Ready-made experiments: the knobs they set, and what to watch (text key "exp_<name>").
EXPERIMENTS: dict[str, dict] = {
    # D three steps per G step at 100x G's learning rate: G lands on one mode and stays (1 of 8 on seeds 0-9)
    "mode_collapse": {
        "dataset": "ring",
        "seed": 0,
        "loss": "non_saturating",
        "g_lr": 1e-4,
        "d_lr": 1e-2,
        "d_steps": 3,
        "noise_dim": 2,
        "batch_size": 64,
        "budget": 4000,
        "schedule": "constant",
    },
    "vanishing": {
        "dataset": "ring",
        "seed": 0,
        "loss": "minimax",
        "d_lr": 5e-3,
        "g_lr": 1e-4,
        "d_steps": 5,
        "budget": 2000,
        "schedule": "constant",
    },
    "wgan_clip": {
        "dataset": "ring",
        "seed": 0,
        "loss": "wasserstein",
        "clip": 0.01,
        "g_lr": 5e-4,
        "d_lr": 5e-4,
        "d_steps": 3,
        "budget": 4000,
        "schedule": "constant",
    },
    "wgan_no_clip": {
        "dataset": "ring",
        "seed": 0,
        "loss": "wasserstein",
        "clip": 100.0,
        "g_lr": 5e-4,
        "d_lr": 5e-4,
        "d_steps": 3,
        "budget": 4000,
        "schedule": "constant",
    },
    "fifty_percent": {
        "dataset": "moons",
        "seed": 0,
        "loss": "non_saturating",
        "g_lr": 1e-3,
        "d_lr": 1e-3,
        "budget": 3000,
        "schedule": "constant",
    },
    "oscillation": {
        "dataset": "grid",
        "seed": 0,
        "loss": "non_saturating",
        "optimizer": "sgd",
        "g_lr": 0.05,
        "d_lr": 0.05,
        "budget": 3000,
        "schedule": "constant",
    },
}


@dataclass
class LabState:
    """One person's GAN Lab run (kept in `gr.State`)."""

    lab: GANLab
    data: Toy2D
    dataset: str
    grid: PlaneGrid
    trainer: Trainer
    steps_per_second: float = 0.0
    notes: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)  # a play loop and a knob change never overlap
    paused: bool = False  # set by Pause: a step the play loop had already begun to ask for is skipped

    def locked_step(self) -> dict[str, float]:
        with self.lock:
            return {} if self.paused else self.lab.step()


# --- input parsing -----------------------------------------------------------------------------


def parse_settings(values: list, lang: Lang) -> TrainSettings:
    """Returns validated `TrainSettings` from the settings inputs, in `SETTINGS_ORDER`."""
    loss, clip, gp, d_steps, batch, g_opt, g_lr, d_opt, d_lr, schedule, budget = values
    lim = SETTING_LIMITS
    return TrainSettings(
        loss=inputs.choice(loss, "gan_loss", LOSSES, lang),  # type: ignore[arg-type]
        clip=inputs.real(clip, "gan_clip", *lim["clip"], lang),
        gp_weight=inputs.real(gp, "gan_gp_weight", *lim["gp_weight"], lang),
        d_steps=inputs.integer(d_steps, "gan_d_steps", *lim["d_steps"], lang),
        batch_size=inputs.integer(batch, "gan_batch", *lim["batch_size"], lang),
        g_optimizer=inputs.choice(g_opt, "gan_g_optimizer", ("adam", "sgd"), lang),  # type: ignore[arg-type]
        g_lr=inputs.real(g_lr, "gan_g_lr", *lim["g_lr"], lang),
        d_optimizer=inputs.choice(d_opt, "gan_d_optimizer", ("adam", "sgd"), lang),  # type: ignore[arg-type]
        d_lr=inputs.real(d_lr, "gan_d_lr", *lim["d_lr"], lang),
        schedule=inputs.choice(schedule, "gan_schedule", ("constant", "linear"), lang),  # type: ignore[arg-type]
        budget=inputs.integer(budget, "gan_budget", *lim["budget"], lang),
    )


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
    caption = t("gan_plane_caption_d" if probabilistic else "gan_plane_caption_critic", lang) if "heatmap" in views else ""
    curves_plot = curves_figure(lab.history, lang) if curves else gr.skip()
    if state.data.centers is not None:
        samples = lab.model.sample(2500, generator=torch.Generator().manual_seed(1234))
        mc = mode_coverage(samples, state.data.centers, state.data.std)
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


def reset(
    dataset,
    csv_file,
    sketch,
    seed,
    noise_dim,
    noise,
    g_width,
    g_depth,
    d_width,
    d_depth,
    loss,
    clip,
    gp_weight,
    d_steps,
    batch_size,
    g_optimizer,
    g_lr,
    d_optimizer,
    d_lr,
    schedule,
    budget,
    views,
    request: gr.Request,
):
    """Builds a fresh GAN for the chosen data and architecture; returns the views and the new state."""
    lang = lang_of(request)
    setting_values = [loss, clip, gp_weight, d_steps, batch_size, g_optimizer, g_lr, d_optimizer, d_lr, schedule, budget]
    dataset = inputs.choice(dataset, "common_dataset", DATASETS, lang)
    seed_value = inputs.seed(seed, lang)
    arch = {
        key: inputs.integer(value, f"gan_{key}", *ARCH_LIMITS[key], lang)
        for key, value in (("noise_dim", noise_dim), ("g_width", g_width), ("g_depth", g_depth), ("d_width", d_width), ("d_depth", d_depth))
    }
    noise = inputs.choice(noise, "gan_noise", ("gaussian", "uniform"), lang)
    settings = parse_settings(setting_values, lang)
    views = parse_views(views, lang)
    generator = torch.Generator().manual_seed(seed_value)
    data = load_points(dataset, csv_file, sketch, generator, lang)
    model = init_weights(MLPGAN(config_for_data(data.points, noise=noise, **arch)), torch.Generator().manual_seed(seed_value))
    lab = GANLab(model, data.points, settings, generator=generator)
    state = LabState(lab, data, dataset, plane_grid(bounds(data.points, margin=0.3), GRID_RESOLUTION), Trainer(lambda: {}))
    state.trainer = Trainer(state.locked_step)
    return (*render(state, views, lang), state)


def _require(state, lang: Lang) -> LabState:
    if not isinstance(state, LabState):
        raise error("gan_err_reset_first", lang)
    return state


def play(
    state, loss, clip, gp_weight, d_steps, batch_size, g_optimizer, g_lr, d_optimizer, d_lr, schedule, budget, views, request: gr.Request
):
    """Trains until the budget, the time ceiling or pause; streams the views about 5.5 times a second."""
    lang = lang_of(request)
    setting_values = [loss, clip, gp_weight, d_steps, batch_size, g_optimizer, g_lr, d_optimizer, d_lr, schedule, budget]
    state = _require(state, lang)
    state.lab.update(parse_settings(setting_values, lang))
    views = parse_views(views, lang)
    remaining = state.lab.settings.budget - state.lab.g_steps_done
    state.notes = [] if remaining > 0 else [t("gan_budget_reached", lang)]
    state.steps_per_second, state.paused = 0.0, False
    last_steps, last_time = state.lab.g_steps_done, time.monotonic()
    run = single_threaded(state.trainer.run(max(remaining, 0), max_seconds=PLAY_SECONDS, report_seconds=REFRESH_SECONDS))
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
            views_now = render(state, views, lang, curves=progress.done or frame % CURVES_EVERY == 0)
        yield views_now


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

    def handler(
        state,
        loss,
        clip,
        gp_weight,
        d_steps,
        batch_size,
        g_optimizer,
        g_lr,
        d_optimizer,
        d_lr,
        schedule,
        budget,
        views,
        request: gr.Request,
    ):
        lang = lang_of(request)
        setting_values = [loss, clip, gp_weight, d_steps, batch_size, g_optimizer, g_lr, d_optimizer, d_lr, schedule, budget]
        state = _require(state, lang)
        settings, views = parse_settings(setting_values, lang), parse_views(views, lang)
        with state.lock:
            state.lab.update(settings)
            if which is not None:
                {"d": state.lab.step_d, "g": state.lab.step_g, "both": state.lab.step}[which]()
                state.notes, state.steps_per_second = [], 0.0
            return render(state, views, lang)

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
    checkpoint = save_checkpoint(
        state.lab.model,
        os.path.join(folder, "gan2d.safetensors"),
        extra={"dataset": state.dataset, "loss": state.lab.settings.loss, "generator_steps": str(state.lab.g_steps_done)},
    )
    samples = state.lab.model.sample(2000, generator=torch.Generator().manual_seed(0)).numpy()
    csv_path = os.path.join(folder, "gan2d_samples.csv")
    np.savetxt(csv_path, samples, delimiter=",", header="x,y", comments="", fmt="%.6f")
    return gr.File(value=[str(checkpoint), csv_path], visible=True)


def load_experiment(name, request: gr.Request):
    """Returns the knob values of a ready-made experiment and the sentence on what to watch."""
    lang = lang_of(request)
    name = inputs.choice(name, "gan_experiment", tuple(EXPERIMENTS), lang)
    preset = EXPERIMENTS[name]
    arch = DEFAULT_ARCH | {k: v for k, v in preset.items() if k in DEFAULT_ARCH}
    s = DEFAULT_SETTINGS
    optimizer = preset.get("optimizer", "adam")
    values = [
        arch["dataset"],
        arch["seed"],
        arch["noise_dim"],
        arch["noise"],
        arch["g_width"],
        arch["g_depth"],
        arch["d_width"],
        arch["d_depth"],
        preset.get("loss", s.loss),
        preset.get("clip", s.clip),
        preset.get("gp_weight", s.gp_weight),
        preset.get("d_steps", s.d_steps),
        preset.get("batch_size", s.batch_size),
        optimizer,
        preset.get("g_lr", s.g_lr),
        optimizer,
        preset.get("d_lr", s.d_lr),
        preset.get("schedule", s.schedule),
        preset.get("budget", s.budget),
    ]
    return [*values, t(f"exp_{name}", lang)]


# --- UI ----------------------------------------------------------------------------------------


def build(demo: gr.Blocks) -> None:
    """Builds the GANs tab and wires its events."""
    markdown("gan_intro")
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=320):
            dataset = inputs.Dropdown(
                [(I18N(f"common_ds_{n}"), n) for n in DATASETS], value=DEFAULT_ARCH["dataset"], label=I18N("common_dataset")
            )
            with gr.Accordion(I18N("common_draw"), open=False):
                markdown("gan_draw_help")
                sketch = gr.Sketchpad(
                    type="numpy", canvas_size=(320, 320), label=I18N("common_draw"), brush=gr.Brush(default_size=6, colors=["#111111"])
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
                play_button = gr.Button("▶ " + I18N("gan_play"), variant="primary", elem_id="gan-play")
                pause_button = gr.Button(I18N("gan_pause"), elem_id="gan-pause")
                reset_button = gr.Button("↺ " + I18N("gan_reset"), elem_id="gan-reset")
            with gr.Row():
                d_button = gr.Button(I18N("gan_step_d"), size="sm", elem_id="gan-step-d")
                g_button = gr.Button(I18N("gan_step_g"), size="sm", elem_id="gan-step-g")
                both_button = gr.Button(I18N("gan_step_both"), size="sm", elem_id="gan-step-both")
            with gr.Accordion(I18N("gan_training_knobs"), open=True):
                loss = inputs.Radio(
                    [(I18N(f"loss_{n}"), n) for n in LOSSES], value=DEFAULT_SETTINGS.loss, label=I18N("gan_loss"), elem_id="gan-loss"
                )
                with gr.Row():
                    clip = inputs.Number(DEFAULT_SETTINGS.clip, label=I18N("gan_clip"), minimum=1e-4, maximum=100)
                    gp_weight = inputs.Number(DEFAULT_SETTINGS.gp_weight, label=I18N("gan_gp_weight"), minimum=0, maximum=100)
                with gr.Row():
                    g_optimizer = inputs.Radio(OPTIMIZER_CHOICES, value="adam", label=I18N("gan_g_optimizer"))
                    g_lr = inputs.Number(DEFAULT_SETTINGS.g_lr, label=I18N("gan_g_lr"), minimum=1e-6, maximum=1)
                with gr.Row():
                    d_optimizer = inputs.Radio(OPTIMIZER_CHOICES, value="adam", label=I18N("gan_d_optimizer"))
                    d_lr = inputs.Number(DEFAULT_SETTINGS.d_lr, label=I18N("gan_d_lr"), minimum=1e-6, maximum=1)
                with gr.Row():
                    d_steps = inputs.Slider(1, 10, value=1, step=1, label=I18N("gan_d_steps"))
                    batch_size = inputs.Slider(16, 1024, value=DEFAULT_SETTINGS.batch_size, step=16, label=I18N("gan_batch"))
                with gr.Row():
                    schedule = inputs.Radio(
                        [(I18N("gan_schedule_constant"), "constant"), (I18N("gan_schedule_linear"), "linear")],
                        value=DEFAULT_SETTINGS.schedule,
                        label=I18N("gan_schedule"),
                    )
                    budget = inputs.Slider(
                        100, SETTING_LIMITS["budget"][1], value=DEFAULT_SETTINGS.budget, step=100, label=I18N("gan_budget")
                    )
            with gr.Accordion(I18N("gan_arch_knobs"), open=False):
                markdown("gan_arch_help")
                with gr.Row():
                    noise_dim = inputs.Slider(1, 64, value=DEFAULT_ARCH["noise_dim"], step=1, label=I18N("gan_noise_dim"))
                    noise = inputs.Radio(
                        [(I18N("gan_noise_gaussian"), "gaussian"), (I18N("gan_noise_uniform"), "uniform")],
                        value="gaussian",
                        label=I18N("gan_noise"),
                    )
                with gr.Row():
                    g_width = inputs.Slider(4, 512, value=DEFAULT_ARCH["g_width"], step=4, label=I18N("gan_g_width"))
                    g_depth = inputs.Slider(1, 6, value=DEFAULT_ARCH["g_depth"], step=1, label=I18N("gan_g_depth"))
                with gr.Row():
                    d_width = inputs.Slider(4, 512, value=DEFAULT_ARCH["d_width"], step=4, label=I18N("gan_d_width"))
                    d_depth = inputs.Slider(1, 6, value=DEFAULT_ARCH["d_depth"], step=1, label=I18N("gan_d_depth"))
                seed = inputs.Number(DEFAULT_ARCH["seed"], precision=0, minimum=0, label=I18N("common_seed"))
        with gr.Column(scale=3):
            views = gr.CheckboxGroup(
                [(I18N(f"gan_view_{v}"), v) for v in VIEWS], value=list(VIEWS), label=I18N("gan_views"), elem_id="gan-views"
            )
            plane_plot = gr.Image(label=I18N("gan_plane"), type="pil", format="png", interactive=False, elem_id="gan-plane")
            plane_caption = gr.Markdown(elem_id="gan-plane-caption")
            with gr.Row():
                coverage = gr.Markdown(elem_id="gan-coverage")
                status = gr.Markdown(elem_id="gan-status")
            curves_plot = gr.Plot(label=I18N("gan_curves"), elem_id="gan-curves")
            markdown("gan_views_help")
            with gr.Row():
                download_button = gr.Button(I18N("gan_download"), size="sm")
                files = gr.File(label=I18N("gan_files"), file_count="multiple", interactive=False, visible=False)
    lab_state = gr.State(None)

    arch_inputs = [dataset, csv_file, sketch, seed, noise_dim, noise, g_width, g_depth, d_width, d_depth]
    setting_inputs = [loss, clip, gp_weight, d_steps, batch_size, g_optimizer, g_lr, d_optimizer, d_lr, schedule, budget]
    view_outputs = [plane_plot, plane_caption, curves_plot, coverage, status]
    gr.on(
        [
            demo.load,
            reset_button.click,
            dataset.change,
            noise_dim.release,
            noise.change,
            g_width.release,
            g_depth.release,
            d_width.release,
            d_depth.release,
            seed.submit,
        ],
        reset,
        [*arch_inputs, *setting_inputs, views],
        [*view_outputs, lab_state],
        api_name="gan_reset",
        trigger_mode="always_last",
        **LIGHT,
    )
    # drawing or uploading selects that dataset and starts a fresh run on it
    for trigger, name in ((sketch.change, "drawn"), (csv_file.upload, "csv")):
        trigger(lambda name=name: name, None, dataset, api_name=f"gan_use_{name}", **LIGHT).then(
            reset, [*arch_inputs, *setting_inputs, views], [*view_outputs, lab_state], api_name=f"gan_reset_{name}", **LIGHT
        )
    play_event = play_button.click(play, [lab_state, *setting_inputs, views], view_outputs, api_name="gan_play", **TRAIN)
    pause_button.click(pause, [lab_state, views], view_outputs, api_name="gan_pause", cancels=[play_event], **LIGHT)
    for button, handler, name in (
        (d_button, step_d, "gan_step_d"),
        (g_button, step_g, "gan_step_g"),
        (both_button, step_both, "gan_step_both"),
    ):
        button.click(handler, [lab_state, *setting_inputs, views], view_outputs, api_name=name, **LIGHT)
    views.change(redraw, [lab_state, views], view_outputs, api_name="gan_views", **LIGHT)
    gr.on(
        [
            loss.change,
            clip.submit,
            gp_weight.submit,
            g_optimizer.change,
            g_lr.submit,
            d_optimizer.change,
            d_lr.submit,
            d_steps.release,
            batch_size.release,
            schedule.change,
            budget.release,
        ],
        apply_settings,
        [lab_state, *setting_inputs, views],
        view_outputs,
        api_name="gan_settings",
        **LIGHT,
    )
    download_button.click(download, lab_state, files, api_name="gan_download", **LIGHT)
    load_button.click(
        load_experiment,
        experiment,
        [dataset, seed, noise_dim, noise, g_width, g_depth, d_width, d_depth, *setting_inputs, experiment_text],
        api_name="gan_experiment",
        **LIGHT,
    ).then(reset, [*arch_inputs, *setting_inputs, views], [*view_outputs, lab_state], api_name="gan_experiment_reset", **LIGHT)
    gan_digits.build(demo)
