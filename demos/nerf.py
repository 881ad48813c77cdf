"""The NeRF tab: the scene and its cameras, a shipped radiance field flown with sliders, one ray's samples,
a person's own field trained live (the MLP or the voxel grid), the two fields' speed, and a turntable GIF."""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache

import gradio as gr
import numpy as np
import plotly.graph_objects as go

from core import assets
from core import workers as core_workers
from demos import knobs, links, nerf_plots
from demos.gpu import RENDER_SECONDS, SAMPLING_SECONDS, on_gpu
from demos.i18n import I18N, Lang, error, lang_of, number, t
from demos.inputs import quick_queue
from demos.knobs import Knob
from demos.layout import LIGHT, intro, live_run_state, page, pages, sharing_note, train_stop_buttons
from demos.lazy import (
    core_checkpoint,
    core_device,
    core_loop,
    core_seeding,
    core_threads,
    metrics_image,
    nerf_fitting,
    nerf_occupancy,
    nerf_renderer,
    scene,
    scene_cameras,
    scene_views,
    torch,
)
from demos.pictures import Picture

SIZE = 64  # pixels per side of every view the tab renders (the shipped fields were trained at this size)
FIELDS = ("nerf", "grid")
SHIPPED_VIEWS = 48  # the training views of the shipped fields
TRAIN = {"concurrency_id": "nerf_train", "concurrency_limit": 8}  # they take turns on the CPU (core.threads)
# A view takes about 0.1 s of CPU alone (a third of it the exact truth beside it). `python app.py` renders views, rays
# and turntables in a worker process (`core.workers`), where each takes the next turn on that process's CPU; a queue of
# its own, so NeRF renders never hold up the other tabs' quick events (the shared LIGHT queue). Two at a time: the
# worker renders them in turn. A quick queue: while a view renders, the server's live runs and digit samplers wait
# before their next turn (`FairShare.quick`), leaving the worker a core.
RENDER = quick_queue({"concurrency_id": "nerf_render", "concurrency_limit": 2})
REFRESH_SECONDS = 2.0
FLY_SAMPLES = 48  # samples per ray of a flown view (the fields were trained with 48)
TURNTABLE_FRAMES = 24

FLY_KNOBS = (
    Knob("model", "radio", "nerf_model", "nerf", choices=FIELDS, choice_label="nerf_field_{}"),
    Knob("azimuth", "slider", "nerf_azimuth", 30.0, lo=0.0, hi=360.0, step=1.0),
    Knob("elevation", "slider", "nerf_elevation", 30.0, lo=5.0, hi=85.0, step=1.0),
    Knob("distance", "slider", "nerf_distance", 4.5, lo=3.0, hi=7.0, step=0.1),
    Knob("fixed_direction", "checkbox", "nerf_fixed_direction", False, info="nerf_fixed_direction_info"),
    Knob("skip_empty", "checkbox", "nerf_skip_empty", True, info="nerf_skip_empty_info"),
)
RAY_KNOBS = (
    Knob("column", "slider", "nerf_column", 32, lo=0, hi=SIZE - 1, step=1, integer=True, elem_id="nerf-column"),
    Knob("row", "slider", "nerf_row", 40, lo=0, hi=SIZE - 1, step=1, integer=True, elem_id="nerf-row"),
    Knob("sampling", "radio", "nerf_sampling", "stratified", choices=("stratified", "hierarchical"), choice_label="nerf_sampling_{}"),
    Knob("samples", "slider", "nerf_samples", 32, lo=4, hi=128, step=1, integer=True),
)
TRAIN_KNOBS = (
    Knob("kind", "radio", "nerf_kind", "grid", choices=FIELDS, choice_label="nerf_field_{}", full_width=True),
    Knob("frequencies", "slider", "nerf_frequencies", 8, lo=0, hi=10, step=1, integer=True, info="nerf_frequencies_info"),
    Knob("samples", "slider", "nerf_samples", 32, lo=4, hi=96, step=1, integer=True),
    Knob("views", "slider", "nerf_views", 24, lo=2, hi=48, step=1, integer=True, info="nerf_views_info"),
    Knob("width", "slider", "nerf_width", 64, lo=16, hi=128, step=16, integer=True),
    Knob("view_dependent", "checkbox", "nerf_view_dependent", True),
    Knob("lr", "number", "nerf_lr", 0.0, lo=0.0, hi=1.0, info="nerf_lr_info"),
    Knob("seconds", "slider", "nerf_seconds", 60, lo=10, hi=180, step=5, integer=True),
    knobs.SEED,
)


@dataclass
class NerfRun:
    """One person's training run (kept in `gr.State`): the field, its trainer and its PSNR history."""

    kind: str
    field: torch.nn.Module
    trainer: core_loop.Trainer
    samples: int
    curve: dict[str, list[float]] = field(default_factory=lambda: {"seconds": [], "train": [], "held_out": []})


def _camera(values: dict) -> scene_cameras.Camera:
    return scene_cameras.orbit_camera(values["azimuth"], values["elevation"], values["distance"], size=SIZE)


def _shipped(kind: str, lang: Lang) -> torch.nn.Module:
    try:
        return core_device.place(assets.radiance_field(kind))  # on the GPU where there is one (see demos/gpu.py)
    except (FileNotFoundError, core_checkpoint.CheckpointError):
        raise error("nerf_err_missing", lang) from None


# --- 1. the scene and its cameras ---


@lru_cache(maxsize=1)
def _surface() -> tuple[torch.Tensor, torch.Tensor]:
    return scene.surface_points(2500, generator=torch.Generator().manual_seed(0))


def scene_view(views, request: gr.Request):
    """Returns the 3D view of the scene with the chosen number of training cameras and the held-out ones."""
    lang = lang_of(request)
    count = knobs.by_name(TRAIN_KNOBS)["views"].parse(views, lang)
    return nerf_plots.scene_figure(
        _surface(), list(scene_views.train_views(count, SIZE).cameras), list(scene_views.held_out_views(SIZE).cameras), lang
    )


# --- 2. flying the shipped field ---


FIXED_FROM = (0.0, 30.0, 4.5)  # azimuth, elevation, distance: with the direction held fixed, every point is coloured as seen from here


def _occupancy(kind: str) -> nerf_occupancy.OccupancyGrid:
    """The shipped field's occupancy grid (about a second, once per process): flown views skip empty space."""
    with core_threads.one_thread():
        return nerf_occupancy.shipped_occupancy(kind)


def _shipped_field(values: dict, lang: Lang) -> nerf_renderer.Field:
    model = _shipped(values["model"], lang)
    return (
        nerf_renderer.with_fixed_direction(model, scene_cameras.orbit_camera(*FIXED_FROM).forward) if values["fixed_direction"] else model
    )


@on_gpu(RENDER_SECONDS)
def fly(request: gr.Request, **values):
    """Returns the truth, the shipped field's render, its depth and opacity for a camera, with the view's PSNR."""
    lang = lang_of(request)
    v = knobs.parse(FLY_KNOBS, values, lang)
    fly_args = (v["model"], v["azimuth"], v["elevation"], v["distance"], v["fixed_direction"], v["skip_empty"], lang)
    return core_workers.run(_fly_view, *fly_args)  # on a CPU server, in the worker process beside it (`core.workers`)


# A class asks for the same views again and again (the page-load default above all):
# the last views rendered are kept, so each is rendered once for everyone (its text keeps its render time); each
# holds about 0.9 MB of pictures, so a class's many cameras do not keep the server large once it has gone.
@lru_cache(maxsize=16)
def _fly_view(model: str, azimuth: float, elevation: float, distance: float, fixed_direction: bool, skip_empty: bool, lang: Lang):
    v = {"model": model, "azimuth": azimuth, "elevation": elevation, "distance": distance, "fixed_direction": fixed_direction}
    with core_threads.TRAINING.ahead():
        (camera, truth), field_fn = scene_views.orbit_truth(azimuth, elevation, distance, SIZE), _shipped_field(v, lang)
        occupancy = _occupancy(model) if skip_empty else None
        start = time.perf_counter()
        out = nerf_renderer.render_view(
            field_fn, camera, samples=FLY_SAMPLES, device=core_device.device_of(_shipped(model, lang)), occupancy=occupancy
        )
        ms = 1000 * (time.perf_counter() - start)
    picture = nerf_plots.panels(
        [
            nerf_plots.unit_picture(truth),
            nerf_plots.unit_picture(out.rgb),
            nerf_plots.depth_panel(out.depth, out.opacity),
            nerf_plots.unit_picture(out.opacity[..., None].expand(-1, -1, 3)),
        ],
        [t("nerf_panel_truth", lang), t(f"nerf_field_{model}", lang), t("nerf_panel_depth", lang), t("nerf_panel_opacity", lang)],
    )
    text = t(
        "nerf_fly_text" if skip_empty else "nerf_fly_text_full",
        lang,
        psnr=number(metrics_image.psnr(out.rgb, truth), lang, 1),
        ms=number(ms, lang),
    )
    if fixed_direction:
        text += "  \n" + t("nerf_fixed_note", lang)
    return picture, text


def fly_on_load(request: gr.Request, **values):
    """Returns `fly`'s view, or no picture and the reason (a missing field) as the text, for the first render on page load."""
    try:
        return fly(request, **values)
    except gr.Error as err:
        return None, f"⚠️ {err.message}"


def ray_on_load(request: gr.Request, **values):
    """Returns `ray`'s plot and text, or nothing when the field is missing (`fly_on_load` says why)."""
    try:
        return ray(request, **values)
    except gr.Error:
        return None, ""


def pick_pixel(evt: gr.SelectData):
    """Returns the column and row of the pixel clicked in the view picture (any of its panels)."""
    x, y = evt.index
    panel, gap = nerf_plots.PANEL, nerf_plots.PANEL_GAP
    column = int((x % (panel + gap)) * SIZE / panel)
    row = int(y * SIZE / panel)  # the panels start at the top; their titles are underneath
    return min(max(column, 0), SIZE - 1), min(max(row, 0), SIZE - 1)


# --- 3. one ray ---


@on_gpu(RENDER_SECONDS)
def ray(request: gr.Request, **values):
    """Returns the plot of one pixel's ray (density, transmittance, weights, the samples' colours) and what it adds up to."""
    lang = lang_of(request)
    v = knobs.parse(FLY_KNOBS, {k: values[k] for k in knobs.by_name(FLY_KNOBS) if k in values}, lang)
    r = knobs.parse(RAY_KNOBS, {k: values[k] for k in knobs.by_name(RAY_KNOBS) if k in values}, lang)
    return core_workers.run(_ray_view, v, r, lang)


def _ray_view(v: dict, r: dict, lang: Lang) -> tuple:
    fine = r["samples"] if r["sampling"] == "hierarchical" else 0
    coarse = max(4, r["samples"] // 2) if fine else r["samples"]
    fine = r["samples"] - coarse if fine else 0
    with core_threads.TRAINING.ahead():
        device = core_device.device_of(_shipped(v["model"], lang))
        profile = nerf_renderer.ray_profile(
            _shipped_field(v, lang), _camera(v), r["column"], r["row"], samples=coarse, fine_samples=fine, device=device
        )
    return nerf_plots.ray_figure(profile, lang), _ray_text(profile, r, lang)


def _ray_text(profile, r: dict, lang: Lang) -> str:
    swatch = '<span style="display:inline-block;width:1em;height:1em;background:{};border:1px solid #999"></span>'
    depth = number(profile.true_depth, lang, 2) if np.isfinite(profile.true_depth) else "∞"
    return t(
        "nerf_ray_text",
        lang,
        column=r["column"],
        row=r["row"],
        rendered=swatch.format(nerf_plots.hex_colour(profile.colour)),
        truth=swatch.format(nerf_plots.hex_colour(profile.true_colour)),
        opacity=number(profile.weights.sum().item(), lang, 2),
        depth=depth,
        samples=len(profile.t_vals),
    )


# --- 4. training a field live ---


def train(request: gr.Request, **values):
    """Trains a fresh field on the chosen views, streaming a held-out view, the PSNR curves and a status line."""
    lang = lang_of(request)
    v = knobs.parse(TRAIN_KNOBS, values, lang)
    kind = v["kind"]
    options = {"width": v["width"], "view_dependent": v["view_dependent"]}
    if kind == "nerf":
        options |= {"frequencies": v["frequencies"], "depth": 3}
    else:
        options |= {"resolution": 48}
    generator = torch.Generator().manual_seed(v["seed"])
    model = core_seeding.init_weights(nerf_fitting.make_field(kind, **options), torch.Generator().manual_seed(v["seed"]))
    lr = v["lr"] or nerf_fitting.DEFAULT_FIT[kind]["lr"]
    fit = nerf_fitting.DEFAULT_FIT[kind]
    config = nerf_fitting.FitConfig(
        batch_rays=512, samples=v["samples"], lr=lr, decoder_lr=fit.get("decoder_lr"), tv_weight=fit.get("tv_weight", 0.0)
    )
    trainer = core_loop.Trainer(nerf_fitting.make_step(model, scene_views.train_views(v["views"], SIZE), config, generator=generator))
    run = NerfRun(kind, model, trainer, v["samples"])
    yield from core_threads.TRAINING.share(_training_updates(run, v["seconds"], lang), stopped=run.trainer.stopped)


def _training_updates(run: NerfRun, seconds: int, lang: Lang):
    held_out = scene_views.held_out_views(SIZE)
    camera, truth = held_out.cameras[0], held_out.images[0]
    for progress in run.trainer.run(10**9, max_seconds=seconds, report_seconds=core_threads.TRAINING.slice(REFRESH_SECONDS)):
        rendered = nerf_renderer.render_view(run.field, camera, samples=run.samples).rgb
        score = metrics_image.psnr(rendered, truth)
        run.curve["seconds"].append(progress.elapsed)
        run.curve["train"].append(progress.metrics.get("psnr", float("nan")))
        run.curve["held_out"].append(score)
        picture = nerf_plots.panels(
            [nerf_plots.unit_picture(truth), nerf_plots.unit_picture(rendered)], [t("nerf_panel_truth", lang), t("nerf_panel_yours", lang)]
        )
        yield (
            picture,
            nerf_plots.curves_figure(_benchmark_curves(), run.kind, run.curve, lang),
            _train_status(progress, score, seconds, lang),
            run,
        )


def _train_status(progress: core_loop.Progress, score: float, seconds: int, lang: Lang) -> str:
    key = {"time": "nerf_status_done", "stopped": "nerf_status_stopped"}.get(progress.reason, "nerf_status")
    status = t(
        key, lang, step=number(progress.step, lang), seconds=number(progress.elapsed, lang), limit=seconds, psnr=number(score, lang, 1)
    )
    return status + sharing_note(lang, done=progress.done)


def _benchmark_curves() -> dict:
    path = assets.BENCHMARKS_DIR / "nerf.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("curves", {})
    except (OSError, ValueError):
        return {}


def benchmark_curves(request: gr.Request) -> go.Figure:
    """Returns the PSNR-against-seconds chart of the shipped runs alone (before a person trains)."""
    return nerf_plots.curves_figure(_benchmark_curves(), None, None, lang_of(request))


def stop(run) -> None:
    """Asks this person's training run to end after its current step."""
    if isinstance(run, NerfRun):
        run.trainer.stop()


# --- 5. turntable ---


@on_gpu(SAMPLING_SECONDS)
def turntable_gif(request: gr.Request, **values):
    """Returns an animated GIF of the shipped field orbiting the scene (one full turn)."""
    lang = lang_of(request)
    v = knobs.parse(FLY_KNOBS[:1], {"model": values.get("model")}, lang)
    return core_workers.run(_turntable_gif, v["model"], lang)


def _turntable_gif(kind: str, lang: Lang) -> str:
    model, occupancy = _shipped(kind, lang), _occupancy(kind)
    frames = []
    with core_threads.TRAINING.ahead():
        for camera in scene_cameras.turntable(TURNTABLE_FRAMES, elevation=30.0, size=SIZE):
            frames.append(
                nerf_plots.unit_picture(
                    nerf_renderer.render_view(model, camera, samples=48, device=core_device.device_of(model), occupancy=occupancy).rgb
                )
            )
    with tempfile.NamedTemporaryFile(suffix=".gif", delete=False) as file:
        frames[0].save(file, format="GIF", save_all=True, append_images=frames[1:], duration=80, loop=0)
    return file.name


# --- the tab ---


def build(demo: gr.Blocks) -> None:
    """Builds the NeRF tab and wires its events."""
    intro("topic_nerf")
    with pages("nerf"):
        with page("nerf", "scene", "nerf_page_scene"):
            intro("nerf_scene_help", heading=False)
            scene_plot = gr.Plot(label=I18N("nerf_scene_plot"), elem_id="nerf-scene")
        with page("nerf", "fly", "nerf_page_fly"):
            intro("nerf_fly_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=2, min_width=280):  # the camera
                    fly_widgets = knobs.layout(FLY_KNOBS, per_row=2)
                    fly_link = links.control(demo, "nerf", "fly", links.knob_settings(FLY_KNOBS, fly_widgets))
                with gr.Column(scale=3):  # what it sees, and the pixel whose ray is drawn beside it
                    view = Picture(type="pil", interactive=False, label=I18N("nerf_view"), elem_id="nerf-view", height=230, format="png")
                    view_text = gr.Markdown(elem_id="nerf-view-text")
                    ray_widgets = knobs.layout(RAY_KNOBS, per_row=2)
                    # the ray is cast from the camera: its link carries both
                    ray_settings = links.knob_settings(FLY_KNOBS, fly_widgets) | links.knob_settings(RAY_KNOBS, ray_widgets)
                    ray_link = links.control(demo, "nerf", "ray", ray_settings)
                with gr.Column(scale=3):
                    intro("nerf_ray_help", heading=False)  # the page's label names it
                    ray_plot = gr.Plot(label=I18N("nerf_ray_plot"), elem_id="nerf-ray")
                    ray_text = gr.Markdown(elem_id="nerf-ray-text")
        with page("nerf", "train", "nerf_page_train"):
            intro("nerf_train_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=300):
                    train_widgets = knobs.layout_folded(TRAIN_KNOBS, ("samples", "width", "lr", "seed"), per_row=2)
                    train_button, stop_button = train_stop_buttons("nerf-train")
                    links.control(demo, "nerf", "train", links.knob_settings(TRAIN_KNOBS, train_widgets))  # Train reproduces the run
                with gr.Column(scale=2):
                    live = Picture(type="pil", interactive=False, label=I18N("nerf_live"), elem_id="nerf-live", height=230, format="png")
                    status = gr.Markdown(I18N("nerf_hint"), elem_id="nerf-status")
                    with gr.Accordion(I18N("nerf_turntable"), open=False):
                        gif_button = gr.Button(I18N("nerf_turntable"))
                        gif = gr.Image(
                            type="filepath", interactive=False, label=I18N("nerf_turntable_label"), elem_id="nerf-gif", height=240
                        )
                with gr.Column(scale=3):
                    curves = gr.Plot(label=I18N("nerf_curves_plot"), elem_id="nerf-curves")
    run_state = live_run_state()

    fly_inputs, ray_inputs = dict(fly_widgets), {**fly_widgets, **ray_widgets}
    scene_event = {"fn": scene_view, "inputs": [train_widgets["views"]], "outputs": scene_plot, "api_name": "nerf_scene", **RENDER}
    demo.load(**scene_event)
    train_widgets["views"].release(scene_view, [train_widgets["views"]], scene_plot, api_name=False, **RENDER)
    fly_event = {"fn": fly, "inputs": None, "outputs": [view, view_text], "inputs_kwargs": fly_inputs, **RENDER}
    ray_event = {"fn": ray, "inputs": None, "outputs": [ray_plot, ray_text], "inputs_kwargs": ray_inputs, **RENDER}
    # on page load a missing field says so in the tab itself, not in an error box over whichever tab is open
    load_event = fly_event | {"fn": links.unless_linked(fly_on_load, "nerf", "fly", "ray")}
    ray_load_event = ray_event | {"fn": links.unless_linked(ray_on_load, "nerf", "fly", "ray")}
    demo.load(**load_event, api_name=False).then(**ray_load_event, api_name=False)
    for link in (fly_link, ray_link):  # a link to the camera or the ray renders from the link's values
        link.restored.change(**fly_event | {"fn": fly_on_load}, api_name=False).then(**ray_event | {"fn": ray_on_load}, api_name=False)
    gr.on([], **fly_event, api_name="nerf_fly")  # the API endpoints: the same handlers, raising clear errors
    gr.on([], **ray_event, api_name="nerf_ray")
    for name, knob in knobs.by_name(FLY_KNOBS).items():
        knob.committed(fly_widgets[name])(**fly_event, api_name=False).then(**ray_event, api_name=False)
    for name, knob in knobs.by_name(RAY_KNOBS).items():
        knob.committed(ray_widgets[name])(**ray_event, api_name=False)
    view.select(pick_pixel, None, [ray_widgets["column"], ray_widgets["row"]], api_name=False, **LIGHT).then(**ray_event, api_name=False)
    train_event = train_button.click(
        train, None, [live, curves, status, run_state], inputs_kwargs=train_widgets, api_name="nerf_train", **TRAIN
    )
    stop_button.click(stop, [run_state], None, api_name="nerf_stop", **LIGHT)
    demo.load(benchmark_curves, None, curves, api_name=False)
    gif_button.click(turntable_gif, None, gif, inputs_kwargs={"model": fly_widgets["model"]}, api_name="nerf_turntable", **RENDER)
    del train_event
