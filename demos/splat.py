"""Gaussian splatting tab: one Gaussian by hand (2D, then 3D through a camera), an image fitted with 2D Gaussians live,
the scene fitted with 3D Gaussians live, the shipped splat flown and exported as a .ply, one pixel's blend, and
splatting against NeRF on the same views."""

from __future__ import annotations

import math
import tempfile
import time
from dataclasses import dataclass, field

import gradio as gr
import numpy as np

from core import assets
from demos import inputs, knobs, links, splat_plots
from demos.i18n import I18N, Lang, error, lang_of, number, t
from demos.knobs import Knob
from demos.layout import LATEX, LIGHT, intro, live_run_state, page, pages, sharing_note, train_stop_buttons
from demos.layout import picture_inputs as layout_picture_inputs
from demos.lazy import (
    F,
    core_checkpoint,
    core_loop,
    core_threads,
    metrics_image,
    nerf_occupancy,
    nerf_renderer,
    scene_cameras,
    scene_views,
    splat_fitting,
    splat_gaussians,
    splat_image2d,
    splat_ply,
    splat_projection,
    splat_renderer,
    torch,
)
from demos.nerf_plots import depth_panel, hex_colour
from demos.pictures import Picture

SIZE = 64  # the scene's views, as NeRF's
FIT_SIZE = 96  # pixels per side of an image fitted in 2D
TRAIN = {"concurrency_id": "splat_train", "concurrency_limit": 8}  # they take turns on the CPU (core.threads)
RENDER = {"concurrency_id": "splat_render", "concurrency_limit": 2}
REFRESH_SECONDS = 0.5
FIT_SECONDS = 90  # wall-clock ceiling of one 2D fit
BYTES_PER_GAUSSIAN_2D = 9 * 4  # mean 2, log scales 2, angle, opacity, colour 3: float32
COLOURS = {"red": (0.86, 0.15, 0.15), "green": (0.09, 0.64, 0.29), "blue": (0.15, 0.39, 0.92), "orange": (0.98, 0.45, 0.09)}
HAND_SIZE = 64  # the canvas of the hand-made 2D Gaussian

HAND_2D_KNOBS = (
    Knob("x", "slider", "splat_mean_x", 32.0, lo=0.0, hi=64.0, step=0.5),
    Knob("y", "slider", "splat_mean_y", 32.0, lo=0.0, hi=64.0, step=0.5),
    Knob("scale_x", "slider", "splat_scale_x", 8.0, lo=0.5, hi=20.0, step=0.5),
    Knob("scale_y", "slider", "splat_scale_y", 3.0, lo=0.5, hi=20.0, step=0.5),
    Knob("angle", "slider", "splat_angle", 30.0, lo=0.0, hi=180.0, step=1.0),
    Knob("opacity", "slider", "splat_opacity", 0.9, lo=0.0, hi=1.0, step=0.01),
    Knob("colour", "radio", "splat_colour", "blue", choices=tuple(COLOURS), choice_label="splat_colour_{}"),
)
HAND_3D_KNOBS = (
    Knob("azimuth", "slider", "splat_azimuth", 30.0, lo=0.0, hi=360.0, step=1.0),
    Knob("elevation", "slider", "splat_elevation", 20.0, lo=-80.0, hi=80.0, step=1.0),
    Knob("scale_x", "slider", "splat_scale3_x", 0.6, lo=0.05, hi=1.0, step=0.01),
    Knob("scale_y", "slider", "splat_scale3_y", 0.2, lo=0.05, hi=1.0, step=0.01),
    Knob("scale_z", "slider", "splat_scale3_z", 0.2, lo=0.05, hi=1.0, step=0.01),
    Knob("turn", "slider", "splat_turn", 0.0, lo=0.0, hi=180.0, step=1.0, info="splat_turn_info"),
)
FIT2D_KNOBS = (
    Knob("count", "slider", "splat_count", 500, lo=50, hi=5000, step=50, integer=True, info="splat_count_info"),
    Knob("steps", "slider", "splat_steps", 600, lo=50, hi=5000, step=50, integer=True),
    Knob("densify", "checkbox", "splat_densify", False, info="splat_densify_info"),
    Knob("lr", "number", "splat_lr", 0.01, lo=1e-4, hi=0.1),
    knobs.SEED,
)
FIT3D_KNOBS = (
    Knob("count", "slider", "splat_count", 2000, lo=200, hi=8000, step=100, integer=True),
    Knob("sh_degree", "radio", "splat_sh", "1", choices=("0", "1"), choice_label="splat_sh_{}"),
    Knob("init", "radio", "splat_init", "surface", choices=("surface", "random"), choice_label="splat_init_{}"),
    Knob("densify", "checkbox", "splat_densify", True, info="splat_densify3_info"),
    Knob("views", "slider", "splat_views", 24, lo=2, hi=48, step=1, integer=True, info="splat_views_info"),
    Knob("seconds", "slider", "splat_seconds", 60, lo=10, hi=180, step=5, integer=True),
    knobs.SEED,
)
VIEW_KNOBS = (
    Knob("model", "radio", "splat_model", "shipped", choices=("shipped", "yours"), choice_label="splat_model_{}"),
    Knob("azimuth", "slider", "splat_azimuth", 30.0, lo=0.0, hi=360.0, step=1.0),
    Knob("elevation", "slider", "splat_elevation", 30.0, lo=5.0, hi=85.0, step=1.0),
    Knob("distance", "slider", "splat_distance", 4.5, lo=3.0, hi=7.0, step=0.1),
)
PIXEL_KNOBS = (
    Knob("column", "slider", "splat_column", 32, lo=0, hi=SIZE - 1, step=1, integer=True, elem_id="splat-column"),
    Knob("row", "slider", "splat_row", 40, lo=0, hi=SIZE - 1, step=1, integer=True, elem_id="splat-row"),
)


@dataclass
class FitRun:
    """One person's fit (kept in `gr.State`): the trainer (stopped when the tab closes) and what it fits."""

    trainer: core_loop.Trainer
    model: torch.nn.Module
    history: dict[str, list[float]] = field(default_factory=lambda: {"x": [], "psnr": [], "count": []})


def _bar(done: float) -> str:
    filled = round(20 * min(max(done, 0.0), 1.0))
    return "`" + "█" * filled + "░" * (20 - filled) + "`"


# --- 1. one Gaussian by hand ---


def hand_2d(request: gr.Request, **values):
    """Returns one 2D Gaussian's footprint with its 3-sigma ellipse, and its covariance written out."""
    lang = lang_of(request)
    v = knobs.parse(HAND_2D_KNOBS, values, lang)
    mean = torch.tensor([v["x"], v["y"]])
    scales, angle = torch.tensor([v["scale_x"], v["scale_y"]]), torch.tensor(math.radians(v["angle"]))
    cov = splat_image2d.covariance_2d(scales, angle)
    image = splat_image2d.gaussian_2d_footprint(mean, cov, v["opacity"], COLOURS[v["colour"]], HAND_SIZE, HAND_SIZE)
    picture = splat_plots.with_ellipses(image, splat_image2d.ellipse_points(mean, cov)[None], means=mean[None])
    a, b, c = cov[0, 0].item(), cov[0, 1].item(), cov[1, 1].item()
    text = t("splat_hand2d_text", lang, a=_tex(a, lang, 1), b=_tex(b, lang, 1), c=_tex(c, lang, 1), o=_tex(v["opacity"], lang, 2))
    return picture, text


def _single_gaussian(scales: tuple[float, float, float], turn_degrees: float) -> splat_gaussians.Gaussians:
    """Returns one Gaussian at the scene's centre with `scales`, turned by `turn_degrees` about the vertical axis."""
    model = splat_gaussians.Gaussians(splat_gaussians.SplatConfig(count=1, sh_degree=0))
    half = math.radians(turn_degrees) / 2
    with torch.no_grad():
        model.means.zero_()
        model.log_scales.copy_(torch.tensor(scales).log()[None])
        model.quats.copy_(torch.tensor([[math.cos(half), 0.0, math.sin(half), 0.0]]))  # about y, the up axis
        model.opacity_logits.fill_(float(splat_gaussians.logit(0.95)))
        model.sh[0, 0] = splat_gaussians.rgb_to_sh_dc(torch.tensor(COLOURS["blue"]))
    return model


def _tex(x: float, lang: Lang, digits: int) -> str:
    return number(x, lang, digits).replace(",", "{,}")  # a bare comma in LaTeX is punctuation: 0, 5


def _matrix(rows: torch.Tensor, lang: Lang, digits: int = 2) -> str:
    body = r" \\ ".join(" & ".join(_tex(x, lang, digits) for x in row.tolist()) for row in rows)
    return r"\begin{pmatrix}" + body + r"\end{pmatrix}"


def hand_3d(request: gr.Request, **values):
    """Returns one 3D Gaussian seen by an orbiting camera, its projected 2D ellipse, and J, W and J W Sigma W^T J^T."""
    lang = lang_of(request)
    v = knobs.parse(HAND_3D_KNOBS, values, lang)
    eye = scene_cameras.orbit_position(v["azimuth"], v["elevation"], 3.0, target=torch.zeros(3))
    camera = scene_cameras.Camera(128, 128, 128 / (2 * math.tan(math.radians(25))), scene_cameras.look_at(eye, torch.zeros(3)))
    model = _single_gaussian((v["scale_x"], v["scale_y"], v["scale_z"]), v["turn"])
    with torch.no_grad():
        shown = splat_renderer.render_view(model, camera).rgb
        projected = splat_projection.project(model.means, model.covariances(), camera, dilation=0.0)
        cam = splat_projection.world_to_camera(model.means, camera)
        jacobian = splat_projection.perspective_jacobian(cam, camera)[0]  # [2, 3]
    view = camera.c2w[:3, :3].T  # W: world axes to camera axes
    outline = splat_image2d.ellipse_points(projected.means2d[0], projected.cov2d[0])[None]
    picture = splat_plots.with_ellipses(shown, outline, means=projected.means2d)
    text = t(
        "splat_hand3d_text",
        lang,
        sigma=_matrix(model.covariances()[0].detach(), lang, 3),
        w=_matrix(view, lang, 3),
        j=_matrix(jacobian, lang),
        cov2d=_matrix(projected.cov2d[0].detach(), lang),
    )
    return picture, text


# --- 2. an image as 2D Gaussians, live ---


def _fit_target(source, digit_index, photo, upload, lang: Lang) -> torch.Tensor:
    image = inputs.picture(source, digit_index, photo, upload, lang, size=FIT_SIZE)  # [C, H, W]
    rgb = image.expand(3, -1, -1) if image.shape[0] == 1 else image[:3]
    if rgb.shape[-1] != FIT_SIZE or rgb.shape[-2] != FIT_SIZE:  # a digit is 8 x 8
        rgb = F.interpolate(rgb[None], size=(FIT_SIZE, FIT_SIZE), mode="bilinear", align_corners=False)[0]
    return rgb.permute(1, 2, 0).contiguous().clamp(0, 1)  # [H, W, 3]


def fit_2d(source, digit_index, photo, upload, request: gr.Request, **values):
    """Fits 2D Gaussians to the chosen picture, streaming the render, its ellipses, PSNR and the count against steps."""
    lang = lang_of(request)
    target = _fit_target(source, digit_index, photo, upload, lang)
    v = knobs.parse(FIT2D_KNOBS, values, lang)
    config = splat_fitting.ImageFitConfig(count=v["count"], lr=v["lr"], densify=v["densify"])
    fit = splat_fitting.image_fit(target, config, generator=torch.Generator().manual_seed(v["seed"]))
    run = FitRun(fit.trainer, fit.model)
    yield from core_threads.TRAINING.share(_fit_2d_updates(run, target, v["steps"], lang), stopped=run.trainer.stopped)


def _fit_2d_updates(run: FitRun, target: torch.Tensor, steps: int, lang: Lang):
    model = run.model
    for progress in run.trainer.run(steps, max_seconds=FIT_SECONDS, report_seconds=core_threads.TRAINING.slice(REFRESH_SECONDS)):
        count = len(model)
        run.history["x"].append(progress.step)
        run.history["psnr"].append(progress.metrics.get("psnr", float("nan")))
        run.history["count"].append(count)
        rendered = progress.preview if progress.preview is not None else model.render(FIT_SIZE, FIT_SIZE).detach().clamp(0, 1)
        with torch.no_grad():
            ellipses = model.ellipses(FIT_SIZE, FIT_SIZE)
            means = model.means.detach() * FIT_SIZE
        picture = splat_plots.panels(
            [splat_plots.picture(target), splat_plots.picture(rendered), splat_plots.with_ellipses(rendered, ellipses, means=means)],
            [t("splat_panel_target", lang), t("splat_panel_render", lang, n=number(count, lang)), t("splat_panel_ellipses", lang)],
        )
        jpeg = metrics_image.jpeg_within(target, count * BYTES_PER_GAUSSIAN_2D) if progress.done else None
        figure = splat_plots.fit_figure(
            run.history, "x", "psnr", lang, x_title=t("common_step", lang), reference=jpeg.psnr if jpeg is not None else None
        )
        score = progress.metrics.get("psnr", float("nan"))
        if progress.done:
            status = t(
                "splat_fit2d_done",
                lang,
                steps=t("common_n_steps", lang, count=progress.step),
                seconds=number(progress.elapsed, lang, 1),
                psnr=number(score, lang, 1),
                n=number(count, lang),
                kb=number(count * BYTES_PER_GAUSSIAN_2D / 1000, lang, 1),
            )
            status += " " + (
                t("splat_jpeg", lang, psnr=number(jpeg.psnr, lang, 1), kb=number(jpeg.size / 1000, lang, 1), quality=jpeg.quality)
                if jpeg is not None
                else t("splat_jpeg_none", lang)
            )
            if progress.reason == "time":
                status += " " + t("splat_time_ceiling", lang, seconds=FIT_SECONDS)
        else:
            status = (
                _bar(progress.step / steps)
                + "  "
                + t(
                    "splat_fit2d_status",
                    lang,
                    step=number(progress.step, lang),
                    total=number(steps, lang),
                    psnr=number(score, lang, 1),
                    n=number(count, lang),
                )
                + sharing_note(lang)
            )
        yield picture, figure, status, run


def stop(run) -> None:
    """Asks this person's fit to end after its current step."""
    if isinstance(run, FitRun):
        run.trainer.stop()


# --- 3. the scene as 3D Gaussians, live ---


def fit_3d(request: gr.Request, **values):
    """Fits 3D Gaussians to the scene's training views, streaming a held-out view, its PSNR and the count over time."""
    lang = lang_of(request)
    v = knobs.parse(FIT3D_KNOBS, values, lang)
    generator = torch.Generator().manual_seed(v["seed"])
    config = splat_fitting.SceneFitConfig(count=v["count"], sh_degree=int(v["sh_degree"]), init=v["init"], densify=v["densify"], steps=1500)
    gaussians = splat_fitting.initial_gaussians(config, generator=generator)
    trainer = core_loop.Trainer(
        splat_fitting.make_scene_step(gaussians, scene_views.train_views(v["views"], SIZE), config, generator=generator)
    )
    run = FitRun(trainer, gaussians)
    yield from core_threads.TRAINING.share(_fit_3d_updates(run, v["seconds"], lang), stopped=run.trainer.stopped)


def _fit_3d_updates(run: FitRun, seconds: int, lang: Lang):
    held_out = scene_views.held_out_views(SIZE)
    camera, truth = held_out.cameras[0], held_out.images[0]
    for progress in run.trainer.run(10**9, max_seconds=seconds, report_seconds=core_threads.TRAINING.slice(2 * REFRESH_SECONDS)):
        with torch.no_grad():
            rendered = splat_renderer.render_view(run.model, camera).rgb.clamp(0, 1)
        score = metrics_image.psnr(rendered, truth)
        run.history["x"].append(progress.elapsed)
        run.history["psnr"].append(score)
        run.history["count"].append(len(run.model))
        picture = splat_plots.panels(
            [splat_plots.picture(truth), splat_plots.picture(rendered)], [t("splat_panel_truth", lang), t("splat_panel_yours", lang)]
        )
        figure = splat_plots.fit_figure(run.history, "x", "psnr", lang, x_title=t("splat_seconds_axis", lang))
        key = {"time": "splat_fit3d_done", "stopped": "splat_fit3d_stopped"}.get(progress.reason, "splat_fit3d_status")
        status = t(
            key,
            lang,
            step=number(progress.step, lang),
            seconds=number(progress.elapsed, lang),
            limit=seconds,
            psnr=number(score, lang, 1),
            n=number(len(run.model), lang),
        )
        if not progress.done:
            status = _bar(progress.elapsed / seconds) + "  " + status + sharing_note(lang)
        yield picture, figure, status, run


# --- 4. the shipped splat (or yours): fly, inspect a pixel, export ---


def _splat(model: str, run, lang: Lang) -> splat_gaussians.Gaussians:
    if model == "yours":
        if not isinstance(run, FitRun) or not isinstance(run.model, splat_gaussians.Gaussians):
            raise error("splat_err_no_run", lang)
        return run.model
    try:
        return assets.splat()
    except (FileNotFoundError, core_checkpoint.CheckpointError):
        raise error("splat_err_missing", lang) from None


def view(run, request: gr.Request, **values):
    """Returns the truth, the splat's render, its depth and opacity for a camera, with the view's PSNR and render time."""
    lang = lang_of(request)
    v = knobs.parse(VIEW_KNOBS, values, lang)
    gaussians = _splat(v["model"], run, lang)
    with core_threads.TRAINING.ahead(), torch.no_grad():
        camera, truth = scene_views.orbit_truth(v["azimuth"], v["elevation"], v["distance"], SIZE)
        start = time.perf_counter()
        out = splat_renderer.render_view(gaussians, camera)
        ms = 1000 * (time.perf_counter() - start)
    picture = splat_plots.panels(
        [
            splat_plots.picture(truth),
            splat_plots.picture(out.rgb),
            depth_panel(out.depth, out.opacity),
            splat_plots.picture(out.opacity[..., None].expand(-1, -1, 3)),
        ],
        [t("splat_panel_truth", lang), t(f"splat_model_{v['model']}", lang), t("splat_panel_depth", lang), t("splat_panel_opacity", lang)],
    )
    text = t(
        "splat_view_text",
        lang,
        psnr=number(metrics_image.psnr(out.rgb, truth), lang, 1),
        ms=number(ms, lang),
        n=number(len(gaussians), lang),
    )
    return picture, text


def view_on_load(run, request: gr.Request, **values):
    """Returns `view`'s pictures, or none and the reason (no shipped splat) as the text, for the first render on page load."""
    try:
        return view(run, request, **values)
    except gr.Error as err:
        return None, str(err.message)


def pixel(run, request: gr.Request, **values):
    """Returns one pixel's depth-sorted blend (each crossed Gaussian's alpha, transmittance and weight) and what it adds to."""
    lang = lang_of(request)
    v = knobs.parse(VIEW_KNOBS, {k: values[k] for k in knobs.by_name(VIEW_KNOBS) if k in values}, lang)
    p = knobs.parse(PIXEL_KNOBS, {k: values[k] for k in knobs.by_name(PIXEL_KNOBS) if k in values}, lang)
    gaussians = _splat(v["model"], run, lang)
    with core_threads.TRAINING.ahead():
        camera, truth = scene_views.orbit_truth(v["azimuth"], v["elevation"], v["distance"], SIZE)
        blend = splat_renderer.render_pixel_blend(gaussians, camera, p["column"], p["row"])
    swatch = '<span style="display:inline-block;width:1em;height:1em;background:{};border:1px solid #999"></span>'
    text = t(
        "splat_pixel_text",
        lang,
        n=len(blend.alpha),
        mine=swatch.format(hex_colour(blend.pixel)),
        truth=swatch.format(hex_colour(truth[p["row"], p["column"]])),
        rest=number(blend.final_transmittance, lang, 3),
    )
    return splat_plots.blend_figure(blend, lang), text


def pixel_on_load(run, request: gr.Request, **values):
    try:
        return pixel(run, request, **values)
    except gr.Error as err:
        return None, str(err.message)


def pick_pixel(evt: gr.SelectData):
    """Returns the column and row of the clicked point of the truth panel (the first of the view picture)."""
    x, y = evt.index
    panel = splat_plots.PANEL
    return min(int(x) % (panel + 8), panel - 1) * SIZE // panel, min(int(y), panel - 1) * SIZE // panel


def export_ply(run, request: gr.Request, **values):
    """Returns the chosen splat written as a standard 3D Gaussian splat .ply: for the 3D viewer and to download."""
    lang = lang_of(request)
    v = knobs.parse(VIEW_KNOBS[:1], {"model": values.get("model")}, lang)
    gaussians = _splat(v["model"], run, lang)
    with tempfile.NamedTemporaryFile(suffix=".ply", prefix=f"splat_{v['model']}_", delete=False) as file:
        path = splat_ply.write_ply(splat_gaussians.turned_upside_down(gaussians), file.name)  # viewers expect the reference's y-down world
    return str(path), str(path)


# --- 5. splatting against NeRF ---


def compare(request: gr.Request):
    """Renders the held-out views with the shipped splat and both shipped NeRF fields: PSNR and milliseconds per frame."""
    lang = lang_of(request)
    held_out = scene_views.held_out_views(SIZE)
    rows = []
    contenders = [("splat", splat_plots.SPLAT_COLOUR), ("nerf", splat_plots.NERF_COLOUR), ("nerf_skip", "#b45309"), ("grid", "#0891b2")]
    with core_threads.TRAINING.ahead(), torch.no_grad():
        for name, colour in contenders:
            kind = name.removesuffix("_skip")  # nerf_skip: the same NeRF, empty space skipped as the NeRF tab flies it
            try:
                model = assets.splat() if name == "splat" else assets.radiance_field(kind)
                occupancy = nerf_occupancy.shipped_occupancy(kind) if name.endswith("_skip") else None
            except (FileNotFoundError, core_checkpoint.CheckpointError):
                continue
            scores, times = [], []
            for camera, truth in zip(held_out.cameras, held_out.images, strict=True):
                start = time.perf_counter()
                if name == "splat":
                    rendered = splat_renderer.render_view(model, camera).rgb
                else:
                    rendered = nerf_renderer.render_view(model, camera, samples=48, occupancy=occupancy).rgb
                times.append(1000 * (time.perf_counter() - start))
                scores.append(metrics_image.psnr(rendered, truth))
            rows.append(
                {
                    "name": t(f"splat_contender_{name}", lang),
                    "psnr": float(np.mean(scores)),
                    "ms": float(np.median(times)),
                    "colour": colour,
                }
            )
    if not rows:
        raise error("splat_err_missing", lang)
    lines = [t("splat_compare_header", lang), "|---|---:|---:|"]
    lines += [f"| {r['name']} | {number(r['psnr'], lang, 1)} | {number(r['ms'], lang)} |" for r in rows]
    fastest = min(rows, key=lambda r: r["ms"])
    slowest = max(rows, key=lambda r: r["ms"])
    reading = t(
        "splat_compare_reading", lang, fast=fastest["name"], slow=slowest["name"], ratio=number(slowest["ms"] / fastest["ms"], lang, 0)
    )
    return splat_plots.comparison_figure(rows, lang), "\n".join(lines) + "\n\n" + reading


# --- the tab ---


@dataclass
class TrainingRow:
    """The widgets of one live fit: its knobs (and picture choice), buttons, status, picture and curves."""

    widgets: dict
    button: gr.Button
    stop: gr.Button
    status: gr.Markdown
    picture: gr.Image
    curves: gr.Plot
    source: tuple = ()  # the picture choice of a 2D fit (`inputs.picture`'s four widgets)


def _training_row(
    demo: gr.Blocks, declared: tuple[Knob, ...], elem_id: str, *, folded: tuple[str, ...] = (), picture_inputs: bool = False
) -> TrainingRow:
    """Returns a live fit's row: the settings with Train and Stop, the picture with the status, and the curves.

    Its translation keys are named after `elem_id` (`splat-fit2d` -> `splat_fit2d`, `splat_fit2d_hint`)."""
    key = elem_id.replace("-", "_")
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            source = layout_picture_inputs(digit=0, photo="astronaut", height=160, source="photo") if picture_inputs else ()
            widgets = knobs.layout_folded(declared, folded, per_row=2)  # `folded` under "More settings"
            button, stop_button = train_stop_buttons(elem_id)
            # a fit's link: its settings, seed and picture come back, and Train reproduces the fit
            settings = links.picture_settings(*source[:3]) if picture_inputs else {}
            links.control(demo, "gaussian_splatting", key.removeprefix("splat_"), settings | links.knob_settings(declared, widgets))
        with gr.Column(scale=2):
            picture = Picture(type="pil", interactive=False, label=I18N(key), elem_id=f"{elem_id}-picture", height=300, format="png")
            status = gr.Markdown(I18N(f"{key}_hint"), elem_id=f"{elem_id}-status")
        with gr.Column(scale=3):
            curves = gr.Plot(label=I18N("splat_curves"), elem_id=f"{elem_id}-curves")
    return TrainingRow(widgets, button, stop_button, status, picture, curves, tuple(source))


def build(demo: gr.Blocks) -> None:
    """Builds the Gaussian splatting tab and wires its events."""
    intro("topic_3dgs")
    with pages("gaussian_splatting"):
        with page("gaussian_splatting", "hand", "splat_page_hand"):
            intro("splat_hand_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=260):
                    hand2_widgets = knobs.layout(HAND_2D_KNOBS, per_row=2)
                    hand2_link = links.control(demo, "gaussian_splatting", "hand_2d", links.knob_settings(HAND_2D_KNOBS, hand2_widgets))
                with gr.Column(scale=1, min_width=300):
                    hand2_picture = Picture(
                        type="pil", interactive=False, label=I18N("splat_hand2d"), elem_id="splat-hand2d", height=340, format="png"
                    )
                with gr.Column(scale=1, min_width=260):
                    hand2_text = gr.Markdown(elem_id="splat-hand2d-text", latex_delimiters=LATEX)
        with page("gaussian_splatting", "hand3d", "splat_page_hand3d"):
            intro("splat_hand3d_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=260):
                    hand3_widgets = knobs.layout(HAND_3D_KNOBS, per_row=2)
                    hand3_link = links.control(demo, "gaussian_splatting", "hand_3d", links.knob_settings(HAND_3D_KNOBS, hand3_widgets))
                with gr.Column(scale=1, min_width=300):
                    hand3_picture = Picture(
                        type="pil", interactive=False, label=I18N("splat_hand3d"), elem_id="splat-hand3d", height=340, format="png"
                    )
                with gr.Column(scale=1, min_width=300):
                    hand3_text = gr.Markdown(elem_id="splat-hand3d-text", latex_delimiters=LATEX)
        with page("gaussian_splatting", "fit2d", "splat_page_fit2d"):
            intro("splat_fit2d_help", heading=False)
            fit2 = _training_row(demo, FIT2D_KNOBS, "splat-fit2d", folded=("lr", "seed"), picture_inputs=True)
        with page("gaussian_splatting", "fit3d", "splat_page_fit3d"):
            intro("splat_fit3d_help", heading=False)
            fit3 = _training_row(demo, FIT3D_KNOBS, "splat-fit3d", folded=("init", "views", "seed"))
        with page("gaussian_splatting", "view", "splat_page_view"):
            intro("splat_view_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=2, min_width=280):
                    view_widgets = knobs.layout(VIEW_KNOBS, per_row=2)
                    pixel_widgets = knobs.layout(PIXEL_KNOBS, per_row=2)
                    view_settings = links.knob_settings(VIEW_KNOBS, view_widgets) | links.knob_settings(PIXEL_KNOBS, pixel_widgets)
                    view_link = links.control(demo, "gaussian_splatting", "view", view_settings)
                with gr.Column(scale=3):
                    view_picture = Picture(
                        type="pil", interactive=False, label=I18N("splat_view"), elem_id="splat-view", height=280, format="png"
                    )
                    view_text = gr.Markdown(elem_id="splat-view-text")
                with gr.Column(scale=3):
                    blend_plot = gr.Plot(label=I18N("splat_blend"), elem_id="splat-blend")
                    blend_text = gr.Markdown(elem_id="splat-blend-text", latex_delimiters=LATEX)
        with page("gaussian_splatting", "ply", "splat_page_ply"):
            intro("splat_ply_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=260):
                    ply_button = gr.Button(I18N("splat_ply_button"), elem_id="splat-ply-button")
                    ply_file = gr.File(label=I18N("splat_ply_file"), interactive=False, elem_id="splat-ply-file")
                with gr.Column(scale=3):
                    viewer = gr.Model3D(
                        label=I18N("splat_viewer"),
                        elem_id="splat-viewer",
                        height=440,
                        clear_color=(1.0, 1.0, 1.0, 1.0),
                        camera_position=(30, 60, 7),
                    )
        with page("gaussian_splatting", "compare", "splat_page_compare"):
            intro("splat_compare_help", heading=False)
            with gr.Row(equal_height=False):
                compare_button = gr.Button(I18N("splat_compare_button"), elem_id="splat-compare-button")
            with gr.Row(equal_height=False):
                compare_plot = gr.Plot(label=I18N("splat_compare"), elem_id="splat-compare")
                compare_text = gr.Markdown(elem_id="splat-compare-text")
    fit2_state, fit3_state = live_run_state(), live_run_state()

    hand2_event = {"fn": hand_2d, "inputs": None, "outputs": [hand2_picture, hand2_text], "inputs_kwargs": hand2_widgets, **LIGHT}
    hand3_event = {"fn": hand_3d, "inputs": None, "outputs": [hand3_picture, hand3_text], "inputs_kwargs": hand3_widgets, **LIGHT}
    hand2_on_load = hand2_event | {"fn": links.unless_linked(hand_2d, "gaussian_splatting", "hand_2d")}
    demo.load(**hand2_on_load, api_name=False).then(
        **hand3_event | {"fn": links.unless_linked(hand_3d, "gaussian_splatting", "hand_3d")}, api_name=False
    )
    hand2_link.restored.change(**hand2_event, api_name=False)
    hand3_link.restored.change(**hand3_event, api_name=False)
    gr.on([], **hand2_event, api_name="splat_hand_2d")
    gr.on([], **hand3_event, api_name="splat_hand_3d")
    for name, knob in knobs.by_name(HAND_2D_KNOBS).items():
        knob.committed(hand2_widgets[name])(**hand2_event, api_name=False)
    for name, knob in knobs.by_name(HAND_3D_KNOBS).items():
        knob.committed(hand3_widgets[name])(**hand3_event, api_name=False)

    fit2.button.click(
        fit_2d,
        list(fit2.source),
        [fit2.picture, fit2.curves, fit2.status, fit2_state],
        inputs_kwargs=fit2.widgets,
        api_name="splat_fit_2d",
        **TRAIN,
    )
    fit2.stop.click(stop, [fit2_state], None, api_name="splat_fit_2d_stop", **LIGHT)
    fit3.button.click(
        fit_3d, None, [fit3.picture, fit3.curves, fit3.status, fit3_state], inputs_kwargs=fit3.widgets, api_name="splat_fit_3d", **TRAIN
    )
    fit3.stop.click(stop, [fit3_state], None, api_name="splat_fit_3d_stop", **LIGHT)

    both = {**view_widgets, **pixel_widgets}
    view_event = {"fn": view, "inputs": [fit3_state], "outputs": [view_picture, view_text], "inputs_kwargs": view_widgets, **RENDER}
    pixel_event = {"fn": pixel, "inputs": [fit3_state], "outputs": [blend_plot, blend_text], "inputs_kwargs": both, **RENDER}
    view_on_load_event = view_event | {"fn": links.unless_linked(view_on_load, "gaussian_splatting", "view")}
    pixel_on_load_event = pixel_event | {"fn": links.unless_linked(pixel_on_load, "gaussian_splatting", "view")}
    demo.load(**view_on_load_event, api_name=False).then(**pixel_on_load_event, api_name=False)
    view_link.restored.change(**view_event | {"fn": view_on_load}, api_name=False).then(
        **pixel_event | {"fn": pixel_on_load}, api_name=False
    )
    gr.on([], **view_event, api_name="splat_view")
    gr.on([], **pixel_event, api_name="splat_pixel")
    for name, knob in knobs.by_name(VIEW_KNOBS).items():
        knob.committed(view_widgets[name])(**view_event, api_name=False).then(**pixel_event, api_name=False)
    for name, knob in knobs.by_name(PIXEL_KNOBS).items():
        knob.committed(pixel_widgets[name])(**pixel_event, api_name=False)
    view_picture.select(pick_pixel, None, [pixel_widgets["column"], pixel_widgets["row"]], api_name=False, **LIGHT).then(
        **pixel_event, api_name=False
    )
    ply_button.click(
        export_ply, [fit3_state], [viewer, ply_file], inputs_kwargs={"model": view_widgets["model"]}, api_name="splat_ply", **RENDER
    )
    compare_button.click(compare, None, [compare_plot, compare_text], api_name="splat_compare", **RENDER)
