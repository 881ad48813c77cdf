"""The Diffusion tab's 2D playground: train a small denoiser live on 2D data, watch particles travel
from noise to data, and draw the learned score field at any timestep."""

from __future__ import annotations

import time
from dataclasses import dataclass

import gradio as gr
import numpy as np
import plotly.graph_objects as go

from core.data.toy2d import DataError, Toy2D, make_toy, points_from_mask
from demos import inputs, links
from demos.gans import ink_mask
from demos.i18n import I18N, Lang, error, lang_of, number, t
from demos.layout import LIGHT, LIVE_RUNS, intro, live_run_state, markdown, sharing_note, sketchpad, train_stop_buttons
from demos.lazy import (
    core_loop,
    core_plane,
    core_seeding,
    core_threads,
    diffusion_ddpm,
    diffusion_schedule,
    metrics_modes,
    torch,
    toy_denoiser,
)
from demos.plots import base_layout, chart_layout, segments

DATASETS = ("ring", "grid", "moons", "spiral", "swiss_roll", "drawn")
TOY_STEPS = 100  # diffusion timesteps of the 2D model
# Training steps by default: the ring and the grid then put over 90% of samples within 3 std of a mode (the
# benchmark's `toy`), and the run ends well inside TRAIN_SECONDS on a busy 2-core machine (its `toy_default_run`).
TOY_TRAIN_DEFAULT = 20_000
NUM_PARTICLES = 1500
NUM_COVERAGE = 2500  # samples behind the final mode coverage (the benchmark's count)
LIVE_SAMPLES = 500  # samples of the live view while training: 2,500 every second took over half the run's time
PREVIEW_SHARE = 0.15  # at most this share of a run's time draws live samples: on a busy machine they come less often
LIMITS = {"train_steps": (100, 30_000), "t": (0, TOY_STEPS - 1)}
TRAIN = {"concurrency_id": "diffusion_toy", "concurrency_limit": LIVE_RUNS}
REFRESH_SECONDS = 1.0
TRAIN_SECONDS = 180  # a cap for a shared server: the default run took 70 to 130 s on a busy 2-core machine
DATA_COLOR, PARTICLE_COLOR = "#16a34a", "#7c3aed"


@dataclass
class ToyState:
    """One person's 2D diffusion run (kept in `gr.State`)."""

    model: toy_denoiser.ToyDenoiser
    schedule: diffusion_schedule.NoiseSchedule
    data: Toy2D
    dataset: str
    trainer: core_loop.Trainer


def _require(state, lang: Lang) -> ToyState:
    if not isinstance(state, ToyState):
        raise error("toy_err_train_first", lang)
    return state


def _box(data: Toy2D) -> tuple[float, float, float, float]:
    return core_plane.bounds(data.points, margin=0.35)


def _scatter(data: Toy2D, particles: np.ndarray | None, title: str, lang: Lang, *, arrows: tuple | None = None) -> go.Figure:
    x0, x1, y0, y1 = _box(data)
    fig = go.Figure()
    shown = data.points[:2000].numpy()
    fig.add_trace(
        go.Scatter(
            x=shown[:, 0], y=shown[:, 1], mode="markers", name=t("toy_data", lang), marker={"size": 3, "color": DATA_COLOR, "opacity": 0.35}
        )
    )
    if particles is not None:
        inside = particles[(particles[:, 0] > x0) & (particles[:, 0] < x1) & (particles[:, 1] > y0) & (particles[:, 1] < y1)]
        fig.add_trace(
            go.Scatter(
                x=inside[:, 0], y=inside[:, 1], mode="markers", name=t("toy_particles", lang), marker={"size": 3, "color": PARTICLE_COLOR}
            )
        )
    if arrows is not None:
        xs, ys = segments(*arrows)
        fig.add_trace(
            go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#ea580c", "width": 1.5}, name=t("toy_score", lang), hoverinfo="skip")
        )
        fig.add_trace(
            go.Scatter(
                x=arrows[1][:, 0],
                y=arrows[1][:, 1],
                mode="markers",
                marker={"size": 3, "color": "#ea580c"},
                showlegend=False,
                hoverinfo="skip",
            )
        )
    fig.update_xaxes(range=[x0, x1])
    fig.update_yaxes(range=[y0, y1])
    return base_layout(fig, title, height=460, lang=lang)


def _coverage(state: ToyState, points: torch.Tensor, lang: Lang) -> str:
    if state.data.centers is None:
        return t("toy_coverage_none", lang)
    mc = metrics_modes.mode_coverage(points, state.data.centers, state.data.std)
    kl = number(mc.reverse_kl, lang, 3) if np.isfinite(mc.reverse_kl) else "—"
    return t("common_mode_coverage", lang, captured=mc.modes_captured, total=mc.num_modes, hq=100 * mc.high_quality, kl=kl)


def _samples(state: ToyState, num: int, seed: int) -> torch.Tensor:
    *_, last = diffusion_ddpm.sample_steps(
        state.model, state.schedule, "epsilon", (num, 2), sampler="ddpm", steps=TOY_STEPS, generator=torch.Generator().manual_seed(seed)
    )
    return last.sample


def _loss_figure(history: dict[str, list[float]], lang: Lang) -> go.Figure:
    loss = np.asarray(history.get("loss", []), dtype=np.float64)
    steps = np.asarray(history.get("step", []), dtype=np.float64)
    window = 50
    smooth = np.convolve(loss, np.ones(window) / window, mode="valid") if len(loss) >= window else loss
    stride = max(1, len(smooth) // 1500)
    fig = go.Figure(
        go.Scatter(
            x=steps[len(steps) - len(smooth) :][::stride],
            y=smooth[::stride],
            mode="lines",
            line={"color": "#4f46e5"},
            name=t("toy_loss", lang),
        )
    )
    return chart_layout(
        fig,
        t("toy_loss_title", lang),
        x_title=t("common_step", lang),
        y_title=t("toy_loss_axis", lang),
        height=300,
        margin={"l": 55},
        lang=lang,
    )


def train(dataset, sketch, steps, seed, request: gr.Request):
    """Trains a fresh 2D denoiser on the chosen data, streaming its loss, its samples and their mode coverage."""
    lang = lang_of(request)
    dataset = inputs.choice(dataset, "common_dataset", DATASETS, lang)
    n = inputs.integer(steps, "toy_train_steps", *LIMITS["train_steps"], lang)
    seed_value = inputs.seed(seed, lang)
    generator = torch.Generator().manual_seed(seed_value)
    data = _data(dataset, sketch, generator, lang)
    model = core_seeding.init_weights(
        toy_denoiser.ToyDenoiser(toy_denoiser.ToyConfig(num_train_timesteps=TOY_STEPS)), torch.Generator().manual_seed(seed_value)
    )
    schedule = diffusion_schedule.NoiseSchedule.named("linear", TOY_STEPS)
    trainer = diffusion_ddpm.diffusion_trainer(
        model, data.points, schedule, "epsilon", batch_size=256, lr=3e-3, decay_steps=n, generator=generator
    )
    state = ToyState(model, schedule, data, dataset, trainer)
    yield from core_threads.TRAINING.share(_training_updates(state, n, lang), stopped=state.trainer.stopped)


def _training_updates(state: ToyState, n: int, lang: Lang):
    """Yields the live view every second: loss and status always, samples when drawing them keeps within PREVIEW_SHARE."""
    next_preview = 0.0
    for progress in state.trainer.run(n, max_seconds=TRAIN_SECONDS, report_seconds=core_threads.TRAINING.slice(REFRESH_SECONDS)):
        status = _status(progress, n, lang) + sharing_note(lang, done=progress.done)
        if not progress.done and time.monotonic() < next_preview:
            yield _loss_figure(progress.history, lang), gr.skip(), gr.skip(), status, state
            continue
        start = time.monotonic()
        count = NUM_COVERAGE if progress.done else LIVE_SAMPLES
        points = _samples(state, count, 1)
        title = t(
            "toy_samples_title", lang, dataset=t(f"common_ds_{state.dataset}", lang), samples=t("common_n_samples", lang, count=count)
        )
        view, coverage = _scatter(state.data, points.numpy(), title, lang), _coverage(state, points, lang)
        next_preview = time.monotonic() + (time.monotonic() - start) * (1 - PREVIEW_SHARE) / PREVIEW_SHARE
        yield _loss_figure(progress.history, lang), view, coverage, status, state


def _status(progress: core_loop.Progress, total: int, lang: Lang) -> str:
    """Returns the status line of a run: its step and loss while it runs, then how it ended (done, cut by the time limit, stopped)."""
    key = {"steps": "toy_status_done", "time": "toy_status_cut", "stopped": "toy_status_stopped"}.get(progress.reason, "toy_status")
    loss = progress.metrics.get("loss", float("nan"))
    return t(
        key,
        lang,
        step=number(progress.step, lang),
        total=number(total, lang),
        loss=number(loss, lang, 3),
        seconds=number(progress.elapsed, lang),
        limit=number(TRAIN_SECONDS, lang),
    )


def particles(state, seed, request: gr.Request):
    """Streams particles travelling from pure noise to data as the reverse process runs."""
    lang = lang_of(request)
    state = _require(state, lang)
    seed_value = inputs.seed(seed, lang)
    yield from core_threads.TRAINING.share(_particle_updates(state, seed_value, lang))


def _particle_updates(state: ToyState, seed: int, lang: Lang):
    last_report = 0.0
    stream = diffusion_ddpm.sample_steps(
        state.model,
        state.schedule,
        "epsilon",
        (NUM_PARTICLES, 2),
        sampler="ddpm",
        steps=TOY_STEPS,
        generator=torch.Generator().manual_seed(seed),
    )
    for step in stream:
        now = time.monotonic()
        if step.index < step.total and now - last_report < 0.2:
            continue
        last_report = now
        title = t("toy_particles_title", lang, i=step.index, n=step.total, t=step.timestep)
        text = _coverage(state, step.sample, lang) if step.index == step.total else gr.skip()
        yield _scatter(state.data, step.sample.numpy(), title, lang), text


def score(state, timestep, request: gr.Request):
    """Returns the learned score field at the chosen timestep as arrows over the plane."""
    lang = lang_of(request)
    state = _require(state, lang)
    k = inputs.integer(timestep, "toy_t", *LIMITS["t"], lang)
    x0, x1, y0, y1 = _box(state.data)
    grid = core_plane.plane_grid((x0, x1, y0, y1), 21)
    points = grid.points
    field = toy_denoiser.score_field(state.model, state.schedule, "epsilon", points, k).numpy()
    lengths = np.linalg.norm(field, axis=1, keepdims=True)
    step = 0.8 * (x1 - x0) / 21
    ends = points.numpy() + field / np.maximum(lengths, 1e-9) * step * np.minimum(1.0, lengths / np.percentile(lengths, 90))
    title = t("toy_score_title", lang, t=k, a=float(state.schedule.alphas_cumprod[k]))
    return _scatter(state.data, None, title, lang, arrows=(points.numpy(), ends))


def preview(dataset, sketch, request: gr.Request):
    """Returns the chosen data alone, before any training."""
    lang = lang_of(request)
    dataset = inputs.choice(dataset, "common_dataset", DATASETS, lang)
    if dataset == "drawn" and not isinstance(sketch, dict):
        return gr.skip()
    data = _data(dataset, sketch, torch.Generator().manual_seed(0), lang)
    return _scatter(data, None, t("toy_data_title", lang, dataset=t(f"common_ds_{dataset}", lang)), lang)


def _data(dataset: str, sketch, generator: torch.Generator, lang: Lang) -> Toy2D:
    try:
        return (
            points_from_mask(ink_mask(sketch, lang), 2000, generator=generator)
            if dataset == "drawn"
            else make_toy(dataset, 10_000, generator=generator)
        )  # type: ignore[arg-type]
    except DataError as err:
        raise inputs.data_error(err, lang) from None


def stop(state) -> None:
    if isinstance(state, ToyState):
        state.trainer.stop()


def build(demo: gr.Blocks) -> None:
    """Builds the 2D diffusion playground."""
    intro("toy_help", heading=False)
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=280):
            dataset = inputs.Dropdown([(I18N(f"common_ds_{d}"), d) for d in DATASETS], value="ring", label=I18N("common_dataset"))
            with gr.Accordion(I18N("common_draw"), open=False):
                sketch = sketchpad("common_draw", brush=6)
            steps = inputs.Slider(*LIMITS["train_steps"], value=TOY_TRAIN_DEFAULT, step=100, label=I18N("toy_train_steps"))
            seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
            train_button, stop_button = train_stop_buttons("toy-train")
        with gr.Column(scale=3):
            view = gr.Plot(label=I18N("toy_view"), elem_id="toy-view")
            with gr.Row():
                particles_button = gr.Button(I18N("toy_particles_button"))
                particle_seed = inputs.Number(1, precision=0, minimum=0, label=I18N("common_seed"))
                timestep = inputs.Slider(*LIMITS["t"], value=10, step=1, label=I18N("toy_t"))
            links.control(
                demo,
                "diffusion",
                "playground",
                {
                    "dataset": (dataset, links.choice(DATASETS[:-1], "common_dataset")),  # not "drawn": a link carries no drawing
                    "train_steps": steps,
                    "seed": seed,
                    "particle_seed": particle_seed,
                    "t": timestep,
                },
            )
        with gr.Column(scale=2):
            status = gr.Markdown(I18N("toy_hint"), elem_id="toy-status")
            coverage = gr.Markdown(elem_id="toy-coverage")
            loss_plot = gr.Plot(label=I18N("toy_loss"))
            markdown("toy_loss_caption")
    state = live_run_state()
    gr.on([demo.load, dataset.change], preview, [dataset, sketch], view, api_name="diffusion_toy_data", **LIGHT)
    train_event = train_button.click(
        train, [dataset, sketch, steps, seed], [loss_plot, view, coverage, status, state], api_name="diffusion_toy_train", **TRAIN
    )
    stop_button.click(stop, state, None, api_name="diffusion_toy_stop", cancels=[train_event], **LIGHT)
    particles_button.click(particles, [state, particle_seed], [view, coverage], api_name="diffusion_toy_particles", **TRAIN)
    timestep.release(score, [state, timestep], view, api_name="diffusion_toy_score", **LIGHT)
