"""Autoencoders tab: an AE and a VAE side by side on digits, their latent maps, holes, the
reparametrisation trick, the KL weight trained live, linear AE against PCA, and a 16-D VAE."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

import gradio as gr
import numpy as np
import plotly.graph_objects as go
from PIL import Image, ImageDraw

from core.assets import AUTOENCODERS_DIR, autoencoder
from demos import inputs, links
from demos.animation import Recording, gif_download, titled_views
from demos.i18n import I18N, Lang, error, lang_of, t
from demos.knobs import Knob
from demos.layout import LATEX, LIGHT, LIVE_RUNS, intro, live_run_state, markdown, page, pages, sharing_note, sketchpad, train_stop_buttons
from demos.lazy import core_autoencoders, core_checkpoint, core_loop, core_seeding, core_threads, data_images, torch
from demos.pictures import Picture
from demos.plots import chart_layout, image_grid
from demos.raster import AXIS_COLOR, RasterAxes, class_legend, draw_fitted
from demos.texts import LANGS, TABLES
from demos.verdicts import digit_verdict, judged_tiles

MAP_MODELS = ("ae_2d", "vae_2d")  # the two models of the latent maps, side by side
# Gradio's drawing canvas starts with no tool chosen, so a first stroke draws nothing. On page load
# this picks the brush (the button's label is Gradio's "image_editor.brush", in either language).
BRUSH_LABELS = sorted({"Brush", "Pincel", *(TABLES[lang].get("image_editor.brush", "") for lang in LANGS)} - {""})
SELECT_BRUSH = f"""() => {{
    const labels = {json.dumps(BRUSH_LABELS)};
    const pick = () => {{
        const buttons = [...document.querySelectorAll("#ae-sketch button[aria-label]")];
        const brush = buttons.find((b) => labels.includes(b.getAttribute("aria-label")));
        if (brush) brush.click();
        return Boolean(brush);
    }};
    if (!pick()) {{
        const watch = new MutationObserver(() => pick() && watch.disconnect());
        watch.observe(document.body, {{ childList: true, subtree: true }});
    }}
}}"""
VIEWS = ("codes", "manifold")
MANIFOLD_SIZE = 15  # decodes per side of the manifold grid
BETAS = {0.0: "vae_2d_beta0", 0.5: "vae_2d_beta0.5", 1.0: "vae_2d", 2.0: "vae_2d_beta2", 4.0: "vae_2d_beta4"}
TRAIN = {"concurrency_id": "ae_train", "concurrency_limit": LIVE_RUNS}  # each person trains their own run
LIVE_SECONDS = 90  # wall-clock ceiling of one live training run
REFRESH_SECONDS = 0.4
LIMITS = {
    "beta": (0.0, 10.0),
    "beta_steps": (100, 20_000),
    "k": (1, 16),
    "race_steps": (50, 5000),
    "prior_count": (4, 64),
    "samples": (1, 32),
}
NUM_VAE16_SLIDERS = 4


# --- the shipped models' test codes, map bounds and figures ---


@lru_cache(maxsize=1)
def test_digits() -> tuple[torch.Tensor, torch.Tensor]:
    return data_images.load_digits("test")


@lru_cache(maxsize=16)
def codes(name: str) -> np.ndarray:
    """Returns the latent codes `[N, 2]` of the test digits under shipped model `name`."""
    return core_autoencoders.encode_mean(autoencoder(name), test_digits()[0]).numpy()


PRIOR_BOX = 3.0  # a VAE's map always shows at least [-3, 3]^2, where N(0, I) puts 99.5% of its mass


def _bounds(points: np.ndarray, *, prior: bool = False, margin: float = 0.12) -> tuple[tuple[float, float], tuple[float, float]]:
    """Returns the box of the central 99% of `points` `[N, 2]` plus a margin (and the prior's box when `prior`)."""
    lo, hi = np.percentile(points, 0.5, axis=0), np.percentile(points, 99.5, axis=0)
    pad = (hi - lo) * margin + 1e-3
    lo, hi = lo - pad, hi + pad
    if prior:
        lo, hi = np.minimum(lo, -PRIOR_BOX), np.maximum(hi, PRIOR_BOX)
    return (float(lo[0]), float(lo[1])), (float(hi[0]), float(hi[1]))


@lru_cache(maxsize=16)
def axes_of(name: str, size: int = 400) -> RasterAxes:
    """Returns the map axes of shipped model `name`: the box of its test codes with a margin."""
    low, high = _bounds(codes(name), prior=core_autoencoders.SHIPPED[name].kind == "vae")
    return RasterAxes(low, high, size=size, right=44)


def slider_ranges() -> list[dict]:
    """Returns the latent sliders' ranges, each map's box, sent on page load so that building the tab loads no model."""
    return [
        gr.update(minimum=round(axes_of(name).low[i], 2), maximum=round(axes_of(name).high[i], 2)) for name in MAP_MODELS for i in range(2)
    ]


@lru_cache(maxsize=8)
def figures(name: str) -> dict[str, float]:
    """Returns the figures measured when shipped model `name` was trained (stored in its checkpoint)."""
    metadata = core_checkpoint.read_checkpoint(AUTOENCODERS_DIR / f"{name}.safetensors")[1]
    out = {}
    for key, value in metadata.items():
        try:
            out[key] = float(value)
        except ValueError:
            continue
    return out


def _manifold(model: core_autoencoders.Autoencoder, axes: RasterAxes):
    """Returns the decodes of a grid over the axes' box, tiled as one image (z2 grows upwards)."""
    grid = core_autoencoders.latent_grid(axes.low, axes.high, MANIFOLD_SIZE)
    return image_grid(core_autoencoders.decode_points(model, grid), nrow=MANIFOLD_SIZE, scale=4, pad=0)


@lru_cache(maxsize=32)
def base_map(name: str, view: str, lang: Lang, size: int = 400):
    """Returns the map of shipped model `name` without markers: test codes coloured by digit, or the manifold."""
    axes = axes_of(name, size)
    title = t(f"ae_map_title_{view}", lang, model=t(f"ae_map_name_{name}", lang))  # short: it must fit one line
    if view == "manifold":
        return axes.canvas(title, "z1", "z2", background=_manifold(autoencoder(name), axes))
    image = axes.canvas(title, "z1", "z2")
    axes.scatter(image, codes(name), test_digits()[1].numpy(), alpha=0.85)
    class_legend(image, title=t("ae_digit", lang), x=axes.left + axes.size + 8, y=axes.top)
    return image


def _decoded(model: core_autoencoders.Autoencoder, z: torch.Tensor, lang: Lang) -> tuple:
    """Returns one decoded latent point as a large image, and the classifier's verdict on it."""
    image = core_autoencoders.decode_points(model, z.reshape(1, -1))
    return image_grid(image, nrow=1, scale=20, pad=0), digit_verdict(image, "ae_verdict", lang)


def point_view(name: str, z1: float, z2: float, view: str, lang: Lang) -> tuple:
    """Returns the map of shipped model `name` (`view`: its test codes or decodes) with the point (z1, z2) marked,
    the point's decode enlarged and the classifier's verdict on it: what a slider move shows (the benchmark times it)."""
    image = base_map(name, view, lang).copy()
    axes_of(name).marker(image, (z1, z2))
    return (image, *_decoded(autoencoder(name), torch.tensor([z1, z2]), lang))


def _coordinate(value, name: str, axis: int, lang: Lang) -> float:
    axes = axes_of(name)
    return inputs.real(value, "ae_coordinate", round(axes.low[axis], 2), round(axes.high[axis], 2), lang)


def _link_coordinate(name: str, axis: int) -> links.Parser:
    """Returns the link parser of a map's latent slider: a number clamped into the map's box (`_coordinate`'s range)."""

    def parse(text: str, lang: Lang) -> tuple[float, bool]:
        low, high = round(axes_of(name).low[axis], 2), round(axes_of(name).high[axis], 2)
        return links.knob(Knob("z", "number", "ae_coordinate", 0.0, lo=low, hi=high))(text, lang)

    return parse


# --- handlers ---


def point_handler(name: str):
    """Returns the handler of one map's sliders: the map with the point marked, its decode and verdict."""

    def handler(z1, z2, view, request: gr.Request):
        lang = lang_of(request)
        view = inputs.choice(view, "ae_view", VIEWS, lang)
        return point_view(name, _coordinate(z1, name, 0, lang), _coordinate(z2, name, 1, lang), view, lang)

    handler.__name__ = f"point_{name}"
    return handler


def click_handler(name: str):
    """Returns the handler of a click on one map: the clicked latent point moves the sliders and is decoded."""

    def handler(view, evt: gr.SelectData, request: gr.Request):
        lang = lang_of(request)
        view = inputs.choice(view, "ae_view", VIEWS, lang)
        index = evt.index if isinstance(evt.index, list | tuple) and len(evt.index) == 2 else None
        point = axes_of(name).to_data(float(index[0]), float(index[1])) if index is not None else None
        if point is None:  # a click on the margin or the legend
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        z1, z2 = round(point[0], 2), round(point[1], 2)
        return (z1, z2, *point_view(name, z1, z2, view, lang))

    handler.__name__ = f"click_{name}"
    return handler


def change_view(view, ae_z1, ae_z2, vae_z1, vae_z2, request: gr.Request):
    """Returns both maps drawn in the chosen view, with their points marked."""
    lang = lang_of(request)
    view = inputs.choice(view, "ae_view", VIEWS, lang)
    out = []
    for name, (z1, z2) in zip(MAP_MODELS, ((ae_z1, ae_z2), (vae_z1, vae_z2)), strict=True):
        image = base_map(name, view, lang).copy()
        axes_of(name).marker(image, (_coordinate(z1, name, 0, lang), _coordinate(z2, name, 1, lang)))
        out.append(image)
    return tuple(out)


def prior_samples(seed, count, request: gr.Request):
    """Returns decodes of the same draws z ~ N(0, I) by the AE and by the VAE, each judged by the classifier."""
    lang = lang_of(request)
    seed_value = inputs.seed(seed, lang)
    n = inputs.integer(count, "ae_prior_count", *LIMITS["prior_count"], lang)
    z = torch.randn(n, 2, generator=torch.Generator().manual_seed(seed_value))
    tiles, confident = [], []
    for name in MAP_MODELS:
        images = core_autoencoders.decode_points(autoencoder(name), z)
        judged, _, good = judged_tiles(images, lang=lang)
        tiles.append(judged)
        confident.append(sum(good))
    ae, vae = (figures(name) for name in MAP_MODELS)
    summary = t(
        "ae_prior_summary",
        lang,
        n=n,
        ae=confident[0],
        vae=confident[1],
        ae_share=100 * ae["prior_confident_share"],
        vae_share=100 * vae["prior_confident_share"],
        ae_kl=ae["prior_class_kl"],
        vae_kl=vae["prior_class_kl"],
    )
    return tiles[0], tiles[1], summary


def draw_handler(source: str):
    """Returns the handler of a drawing or an upload: where the digit lands in both latent spaces."""

    def handler(picture, view, request: gr.Request):
        lang = lang_of(request)
        view = inputs.choice(view, "ae_view", VIEWS, lang)
        array = picture.get("composite") if source == "sketch" and isinstance(picture, dict) else picture
        if source == "sketch" and array is None:
            raise error("common_err_draw_empty", lang)
        if isinstance(array, str) and array == inputs.UNREADABLE:
            raise error("common_err_image_unreadable", lang)
        if not isinstance(array, np.ndarray):
            raise error("common_err_image", lang)
        try:
            digit = data_images.digit_from_image(array)
        except data_images.DrawingError as err:
            raise error(f"common_err_{err.key}", lang) from None
        out: list = []
        strip = [digit]
        for name in MAP_MODELS:
            z = core_autoencoders.encode_mean(autoencoder(name), digit)[0].tolist()
            axes = axes_of(name)
            z1, z2 = (round(min(max(z[i], axes.low[i]), axes.high[i]), 2) for i in range(2))  # the sliders stop at the map's edge
            out += [z1, z2, *point_view(name, z[0], z[1], view, lang)]
            strip.append(core_autoencoders.decode_points(autoencoder(name), torch.tensor([z])))
        text = digit_verdict(digit, "ae_draw_text", lang)
        return (*out, image_grid(torch.cat(strip), nrow=3, scale=14, pad=2), text)

    handler.__name__ = f"draw_{source}"
    return handler


def _example(digit, example, lang: Lang) -> torch.Tensor:
    """Returns test image number `example` of class `digit` `[1, 1, 8, 8]`."""
    d = inputs.integer(digit, "ae_digit", 0, 9, lang)
    images, labels = test_digits()
    members = images[labels == d]
    k = inputs.integer(example, "ae_example", 0, len(members) - 1, lang)
    return members[k : k + 1]


def interpolation(first, second, example, steps, request: gr.Request):
    """Returns image strips along the straight line between two test digits' codes, for the AE and the VAE."""
    lang = lang_of(request)
    a, b = _example(first, example, lang), _example(second, example, lang)
    n = inputs.integer(steps, "ae_steps", 3, 16, lang)
    return tuple(
        image_grid(torch.cat([a, core_autoencoders.interpolate_codes(autoencoder(name), a, b, n), b]), nrow=n + 2, scale=8)
        for name in MAP_MODELS
    )


def reparametrisation(digit, example, count, seed, mode, request: gr.Request):
    """Returns the VAE's q(z|x) for one test digit as ellipses on its map, samples z = mu + sigma * eps, and their decodes."""
    lang = lang_of(request)
    image = _example(digit, example, lang)
    n = inputs.integer(count, "ae_samples", *LIMITS["samples"], lang)
    seed_value = inputs.seed(seed, lang)
    mode = inputs.choice(mode, "ae_mode", ("sample", "mean"), lang)
    name = "vae_2d"
    out = core_autoencoders.reparameterized_decodes(
        autoencoder(name), image, n, generator=torch.Generator().manual_seed(seed_value), use_mean=mode == "mean"
    )
    mu, sigma = out["mu"].tolist(), out["sigma"].tolist()
    half = max(4.5 * max(sigma), 0.3)  # zoomed in around mu: sigma is small next to the prior's unit scale
    axes = RasterAxes((mu[0] - half, mu[1] - half), (mu[0] + half, mu[1] + half), right=44)
    chart = axes.canvas(t("ae_reparam_title", lang), "z1", "z2")
    axes.scatter(chart, codes(name), test_digits()[1].numpy(), radius=3.0, alpha=0.3)
    for scale, width in ((1, 3), (2, 2)):
        axes.ellipse(chart, (mu[0], mu[1]), (scale * sigma[0], scale * sigma[1]), width=width)
    axes.crosses(chart, out["z"].numpy(), color="#dc2626")
    axes.marker(chart, (mu[0], mu[1]), size=5)
    class_legend(chart, title=t("ae_digit", lang), x=axes.left + axes.size + 8, y=axes.top)
    strip = image_grid(torch.cat([image, out["decodes"]]), nrow=min(n + 1, 11), scale=8)
    text = t("ae_reparam_text", lang, mu1=mu[0], mu2=mu[1], s1=sigma[0], s2=sigma[1])
    return chart, strip, text


def beta_gallery(request: gr.Request):
    """Returns the shipped VAEs' maps for each beta, side by side, with their KL and reconstruction."""
    lang = lang_of(request)
    panels = []
    for beta, name in BETAS.items():
        axes = RasterAxes(*_bounds(codes(name), prior=True), size=230, left=44, bottom=36, top=44)
        fig = figures(name)
        panel = axes.canvas(t("ae_beta_panel", lang, beta=beta), "z1", "z2")
        axes.scatter(panel, codes(name), test_digits()[1].numpy(), radius=2.0, alpha=0.85)
        figures_line = t("ae_beta_figures", lang, kl=fig["test_kl"], rec=fig["test_reconstruction_nll"])
        draw_fitted(
            ImageDraw.Draw(panel),
            figures_line,
            (2, 24, panel.width - 2, axes.top - 2),
            size=12,
            center=axes.left + axes.size / 2,
            fill=AXIS_COLOR,
        )
        panels.append(panel)
    width = sum(p.width for p in panels)
    strip = Image.new("RGB", (width, panels[0].height), "white")
    x = 0
    for panel in panels:
        strip.paste(panel, (x, 0))
        x += panel.width
    return strip


@dataclass
class LiveRun:
    """One person's live training run (kept in `gr.State`): stop() ends it after the current step."""

    trainer: core_loop.Trainer
    extra: dict = field(default_factory=dict)

    def stop(self) -> None:
        self.trainer.stop()


def stop_run(state) -> None:
    """Asks the person's running training loop to stop."""
    if isinstance(state, LiveRun):
        state.stop()


def _curves(history: dict[str, list[float]], keys: list[tuple[str, str]], title: str, y_title: str, lang: Lang, *, hlines=()) -> go.Figure:
    fig = go.Figure()
    steps = history.get("step", [])
    stride = max(1, len(steps) // 2000)  # a few thousand points are plenty for a line
    for key, label in keys:
        fig.add_trace(go.Scatter(x=steps[::stride], y=history.get(key, [])[::stride], mode="lines", name=label))
    for value, label in hlines:
        fig.add_hline(y=value, line_dash="dash", line_color="#6b7280", annotation_text=label)
    return chart_layout(
        fig, title, x_title=t("common_step", lang), y_title=y_title, height=300, margin={"l": 55}, legend={"y": -0.25}, grid=True
    )


def _live_map(model: core_autoencoders.Autoencoder, beta: float, lang: Lang):
    z = core_autoencoders.encode_mean(model, test_digits()[0]).numpy()
    axes = RasterAxes(*_bounds(z, prior=True), size=360, right=44)
    image = axes.canvas(t("ae_live_map_title", lang, beta=beta), "z1", "z2")
    axes.scatter(image, z, test_digits()[1].numpy(), alpha=0.85)
    class_legend(image, title=t("ae_digit", lang), x=axes.left + axes.size + 8, y=axes.top)
    return image


def beta_train(beta, steps, seed, request: gr.Request):
    """Trains a 2D VAE with the chosen beta, streaming reconstruction and KL curves and its latent map."""
    lang = lang_of(request)
    beta_value = inputs.real(beta, "ae_beta", *LIMITS["beta"], lang)
    n = inputs.integer(steps, "ae_train_steps", *LIMITS["beta_steps"], lang)
    seed_value = inputs.seed(seed, lang)
    model = core_seeding.init_weights(
        core_autoencoders.Autoencoder(core_autoencoders.AutoencoderConfig(kind="vae", latent_dim=2, beta=beta_value)),
        torch.Generator().manual_seed(seed_value),
    )
    run = LiveRun(
        core_autoencoders.autoencoder_trainer(
            model, data_images.load_digits("train")[0], generator=torch.Generator().manual_seed(seed_value)
        )
    )
    recording = Recording(f"beta-vae-{beta_value:g}-latent-map")  # the map as the person watched it, for a GIF
    yield from core_threads.TRAINING.share(_beta_frames(run, model, beta_value, n, recording, lang), stopped=run.trainer.stopped)


def _beta_frames(run: LiveRun, model: core_autoencoders.Autoencoder, beta_value: float, n: int, recording: Recording, lang: Lang):
    keys = [("reconstruction", t("ae_curve_reconstruction", lang)), ("kl", t("ae_curve_kl", lang))]
    for progress in run.trainer.run(n, max_seconds=LIVE_SECONDS, report_seconds=core_threads.TRAINING.slice(REFRESH_SECONDS)):
        curves = _curves(progress.history, keys, t("ae_beta_curves_title", lang, beta=beta_value), t("ae_nats", lang), lang)
        m = progress.metrics
        key = "ae_live_status_done" if progress.done else "ae_live_status"
        status = t(
            key,
            lang,
            step=progress.step,
            steps=t("common_n_steps", lang, count=progress.step),
            total=n,
            rec=m.get("reconstruction", float("nan")),
            kl=m.get("kl", float("nan")),
            seconds=progress.elapsed,
        )
        if progress.done and progress.reason == "time":
            status += " " + t("ae_time_ceiling", lang, seconds=LIVE_SECONDS)
        status += sharing_note(lang, done=progress.done)
        latent_map = _live_map(model, beta_value, lang)
        recording.add(titled_views([latent_map], [""], footer=f"{t('common_step', lang)} {progress.step} / {n}"))
        yield curves, latent_map, status, run, recording


def race(k, steps, request: gr.Request):
    """Trains a linear AE and a non-linear AE with k latents side by side, streaming their angles to PCA and errors."""
    lang = lang_of(request)
    k_value = inputs.integer(k, "ae_k", *LIMITS["k"], lang)
    n = inputs.integer(steps, "ae_race_steps", *LIMITS["race_steps"], lang)
    train, test = data_images.load_digits("train")[0], test_digits()[0]
    state, trainer = core_autoencoders.subspace_race(train, test, k_value)
    run = LiveRun(trainer)
    yield from core_threads.TRAINING.share(_race_frames(run, state, k_value, n, lang), stopped=trainer.stopped)


def _race_frames(run: LiveRun, state: core_autoencoders.SubspaceRace, k_value: int, n: int, lang: Lang):
    angle_keys = [("max_angle", t("ae_curve_max_angle", lang)), ("mean_angle", t("ae_curve_mean_angle", lang))]
    error_keys = [("linear_mse", t("ae_curve_linear", lang)), ("nonlinear_mse", t("ae_curve_nonlinear", lang))]
    for progress in run.trainer.run(n, max_seconds=LIVE_SECONDS, report_seconds=core_threads.TRAINING.slice(REFRESH_SECONDS)):
        angles = _curves(
            progress.history, angle_keys, t("ae_angles_title", lang, count=k_value), t("ae_degrees", lang), lang, hlines=[(5.0, "5°")]
        )
        errors = _curves(
            progress.history,
            error_keys,
            t("ae_errors_title", lang, k=k_value),
            t("ae_mse", lang),
            lang,
            hlines=[(state.pca_test_mse, t("ae_curve_pca", lang))],
        )
        m = progress.metrics
        status = t(
            "ae_race_status",
            lang,
            step=progress.step,
            total=n,
            angle=m["max_angle"],
            linear=m["linear_mse"],
            pca=state.pca_test_mse,
            nonlinear=m["nonlinear_mse"],
        )
        yield angles, errors, status + sharing_note(lang, done=progress.done), run


def vae16(seed, z0, z1, z2, z3, request: gr.Request):
    """Returns 32 random samples of the 16-D VAE, and one digit whose first latents are the sliders."""
    lang = lang_of(request)
    seed_value = inputs.seed(seed, lang)
    values = [inputs.real(c, "ae_coordinate", -3.0, 3.0, lang) for c in (z0, z1, z2, z3)]
    model = autoencoder("vae_16d")
    z = torch.randn(33, model.config.latent_dim, generator=torch.Generator().manual_seed(seed_value))
    single = z[:1].clone()
    single[0, : len(values)] = torch.tensor(values)
    grid = image_grid(core_autoencoders.decode_points(model, z[1:]), nrow=8, scale=6)
    return (grid, *_decoded(model, single[0], lang))


# --- layout ---


def build(demo: gr.Blocks) -> None:
    """Builds the Autoencoders tab and wires its events."""
    intro("topic_autoencoders")
    with pages("autoencoders"):
        with page("autoencoders", "maps", "ae_page_maps"):
            intro("ae_maps_help", heading=False)
            maps, sliders, decodes, verdicts = {}, {}, {}, {}
            with gr.Row(equal_height=False):
                with gr.Column(scale=4):
                    with gr.Row(equal_height=False):
                        for name in MAP_MODELS:
                            with gr.Column(scale=2, min_width=300):
                                maps[name] = Picture(
                                    format="png",
                                    type="pil",
                                    interactive=False,
                                    label=I18N(f"ae_model_{name}"),
                                    show_label=False,
                                    height=300,
                                    elem_id=f"ae-map-{name}",
                                    buttons=["fullscreen"],  # one icon: the title under a narrow map's top edge stays clear
                                )
                                with gr.Row():
                                    with gr.Column(scale=3, min_width=180):
                                        sliders[name] = [
                                            inputs.Slider(
                                                -PRIOR_BOX,  # each model's own range comes on page load (`slider_ranges`)
                                                PRIOR_BOX,
                                                value=0.0,
                                                step=0.01,
                                                label=f"z{'₁₂'[i]}",
                                                elem_id=f"ae-{name}-z{i + 1}",
                                            )
                                            for i in range(2)
                                        ]
                                        verdicts[name] = gr.Markdown()
                                    decodes[name] = Picture(
                                        format="png",
                                        type="pil",
                                        interactive=False,
                                        label=I18N("ae_decoded"),
                                        height=150,
                                        scale=2,
                                        min_width=120,
                                        elem_id=f"ae-decoded-{name}",
                                        buttons=["fullscreen"],  # one icon: a narrow box has no room for the label and three
                                    )
                    view = inputs.Radio([(I18N(f"ae_view_{v}"), v) for v in VIEWS], value="codes", label=I18N("ae_view"), elem_id="ae-view")
                with gr.Column(scale=2, min_width=280):  # a digit of one's own, which lands on both maps
                    with gr.Accordion(I18N("ae_draw_title"), open=False):
                        markdown("ae_draw_help")
                    sketch = sketchpad("ae_draw", brush=22, elem_id="ae-sketch")
                    with gr.Accordion(I18N("ae_upload"), open=False):
                        upload = inputs.Image(type="numpy", image_mode="RGBA", sources=["upload"], label=I18N("ae_upload"), height=220)
                    drawn = Picture(
                        format="png",
                        type="pil",
                        interactive=False,
                        label=I18N("ae_drawn_strip"),
                        height=100,
                        elem_id="ae-drawn",
                        buttons=["fullscreen"],
                    )
                    drawn_text = gr.Markdown(elem_id="ae-drawn-text")
                    maps_link = links.control(
                        demo,
                        "autoencoders",
                        "maps",
                        {"map_view": view}
                        | {f"{name}_z{i + 1}": (sliders[name][i], _link_coordinate(name, i)) for name in MAP_MODELS for i in range(2)},
                    )
            demo.load(None, js=SELECT_BRUSH)
            demo.load(slider_ranges, None, [s for name in MAP_MODELS for s in sliders[name]], api_name=False, **LIGHT)
        with page("autoencoders", "prior", "ae_page_prior"):
            intro("ae_prior_help", heading=False)
            with gr.Row():
                prior_seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
                prior_count = inputs.Slider(*LIMITS["prior_count"], value=16, step=4, label=I18N("ae_prior_count"))
                prior_button = gr.Button(I18N("ae_prior_button"), variant="primary")
            prior_link = links.control(demo, "autoencoders", "prior", {"seed": prior_seed, "count": prior_count})
            with gr.Row(equal_height=False):
                prior_images = [
                    Picture(format="png", type="pil", interactive=False, label=I18N(f"ae_prior_{name}"), height=260) for name in MAP_MODELS
                ]
            prior_text = gr.Markdown()
        with page("autoencoders", "interpolation", "ae_page_interpolation"):
            intro("ae_interp_help", heading=False)
            with gr.Row():
                first = inputs.Dropdown([str(d) for d in range(10)], value="3", label=I18N("ae_first"))
                second = inputs.Dropdown([str(d) for d in range(10)], value="8", label=I18N("ae_second"))
                example = inputs.Slider(0, 30, value=0, step=1, label=I18N("ae_example"))
                interp_steps = inputs.Slider(3, 16, value=8, step=1, label=I18N("ae_steps"))
            interp_link = links.control(
                demo, "autoencoders", "interpolation", {"first": first, "second": second, "example": example, "steps": interp_steps}
            )
            with gr.Row():
                strips = [
                    Picture(format="png", type="pil", interactive=False, label=I18N(f"ae_strip_{name}"), height=120) for name in MAP_MODELS
                ]
        with page("autoencoders", "reparametrisation", "ae_page_reparametrisation"):
            intro("ae_reparam_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1):
                    rp_digit = inputs.Dropdown([str(d) for d in range(10)], value="2", label=I18N("ae_digit"))
                    rp_example = inputs.Slider(0, 30, value=0, step=1, label=I18N("ae_example"))
                    rp_count = inputs.Slider(*LIMITS["samples"], value=10, step=1, label=I18N("ae_samples"))
                    rp_seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
                    rp_mode = inputs.Radio(
                        [(I18N("ae_mode_sample"), "sample"), (I18N("ae_mode_mean"), "mean")], value="sample", label=I18N("ae_mode")
                    )
                    rp_link = links.control(
                        demo,
                        "autoencoders",
                        "reparametrisation",
                        {"digit": rp_digit, "example": rp_example, "count": rp_count, "seed": rp_seed, "mode": rp_mode},
                    )
                    rp_text = gr.Markdown(latex_delimiters=LATEX)
                with gr.Column(scale=2):
                    rp_chart = Picture(
                        format="png", type="pil", interactive=False, label=I18N("ae_reparam_chart"), show_label=False, height=380
                    )
                    rp_strip = Picture(format="png", type="pil", interactive=False, label=I18N("ae_reparam_strip"), height=110)
        with page("autoencoders", "beta", "ae_page_beta"):
            intro("ae_beta_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=260):
                    beta = inputs.Slider(*LIMITS["beta"], value=1.0, step=0.1, label=I18N("ae_beta"), elem_id="ae-beta")
                    beta_steps = inputs.Slider(*LIMITS["beta_steps"], value=3000, step=100, label=I18N("ae_train_steps"))
                    beta_seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
                    beta_button, beta_stop = train_stop_buttons("ae-beta-train")
                    links.control(demo, "autoencoders", "beta", {"beta": beta, "steps": beta_steps, "seed": beta_seed})
                    beta_status = gr.Markdown(I18N("ae_beta_hint"), elem_id="ae-beta-status")
                    beta_recording = live_run_state()  # what the run showed, for a GIF: freed with the session like the run
                    with gr.Row():
                        gif_download(beta_recording, api_name="autoencoders_beta_gif", elem_id="ae-beta-gif")
                with gr.Column(scale=4):
                    with gr.Row(equal_height=False):
                        with gr.Column(min_width=300):
                            beta_curves = gr.Plot(label=I18N("ae_beta_curves"))
                        with gr.Column(min_width=300):
                            beta_map = Picture(
                                format="png", type="pil", interactive=False, label=I18N("ae_live_map"), show_label=False, height=300
                            )
                    beta_shipped = Picture(
                        format="png", type="pil", interactive=False, label=I18N("ae_beta_shipped"), show_label=False, height=250
                    )
        with page("autoencoders", "race", "ae_page_race"):
            intro("ae_race_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1):
                    k = inputs.Slider(*LIMITS["k"], value=4, step=1, label=I18N("ae_k"))
                    race_steps = inputs.Slider(*LIMITS["race_steps"], value=2000, step=50, label=I18N("ae_race_steps"))
                    race_button, race_stop = train_stop_buttons("ae-race-train")
                    links.control(demo, "autoencoders", "race", {"k": k, "steps": race_steps})
                    race_status = gr.Markdown(I18N("ae_race_hint"), elem_id="ae-race-status")
                with gr.Column(scale=2):
                    angles_plot = gr.Plot(label=I18N("ae_angles"))
                with gr.Column(scale=2):
                    errors_plot = gr.Plot(label=I18N("ae_errors"))
        with page("autoencoders", "vae16", "ae_page_vae16"):
            intro("ae_vae16_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column():
                    v16_seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
                    v16_grid = Picture(format="png", type="pil", interactive=False, label=I18N("ae_vae16_grid"), height=330)
                with gr.Column():
                    v16_sliders = [
                        inputs.Slider(-3, 3, value=0, step=0.05, label=I18N("ae_coordinate") + f" z[{i}]") for i in range(NUM_VAE16_SLIDERS)
                    ]
                    v16_one = Picture(format="png", type="pil", interactive=False, label=I18N("ae_decoded"), height=170)
                    v16_verdict = gr.Markdown()
            v16_link = links.control(demo, "autoencoders", "vae16", {"seed": v16_seed, **{f"z{i}": sl for i, sl in enumerate(v16_sliders)}})
    run_state = live_run_state()

    for name in MAP_MODELS:
        z1, z2 = sliders[name]
        outs = [maps[name], decodes[name], verdicts[name]]
        gr.on(
            [demo.load, z1.input, z2.input, maps_link.restored.change],
            point_handler(name),
            [z1, z2, view],
            outs,
            api_name=f"autoencoders_point_{name}",
            trigger_mode="always_last",
            show_progress="hidden",
            **LIGHT,
        )
        maps[name].select(
            click_handler(name),
            view,
            [z1, z2, *outs],
            api_name=f"autoencoders_click_{name}",
            api_visibility="private",
            show_progress="hidden",
            **LIGHT,
        )
    all_sliders = [*sliders["ae_2d"], *sliders["vae_2d"]]
    view.change(change_view, [view, *all_sliders], [maps[n] for n in MAP_MODELS], api_name="autoencoders_view", **LIGHT)
    gr.on(
        [demo.load, prior_button.click, prior_seed.submit, prior_link.restored.change],
        prior_samples,
        [prior_seed, prior_count],
        [*prior_images, prior_text],
        api_name="autoencoders_prior",
        trigger_mode="always_last",
        **LIGHT,
    )
    draw_outputs = []
    for name in MAP_MODELS:
        draw_outputs += [*sliders[name], maps[name], decodes[name], verdicts[name]]
    draw_outputs += [drawn, drawn_text]
    sketch.change(draw_handler("sketch"), [sketch, view], draw_outputs, api_name="autoencoders_draw", trigger_mode="always_last", **LIGHT)
    upload.upload(draw_handler("upload"), [upload, view], draw_outputs, api_name="autoencoders_upload", **LIGHT)
    gr.on(
        [demo.load, first.change, second.change, example.release, interp_steps.release, interp_link.restored.change],
        interpolation,
        [first, second, example, interp_steps],
        strips,
        api_name="autoencoders_interpolate",
        trigger_mode="always_last",
        **LIGHT,
    )
    gr.on(
        [demo.load, rp_digit.change, rp_example.release, rp_count.release, rp_seed.submit, rp_mode.change, rp_link.restored.change],
        reparametrisation,
        [rp_digit, rp_example, rp_count, rp_seed, rp_mode],
        [rp_chart, rp_strip, rp_text],
        api_name="autoencoders_reparam",
        trigger_mode="always_last",
        **LIGHT,
    )
    demo.load(beta_gallery, None, beta_shipped, api_name="autoencoders_beta_shipped", **LIGHT)
    beta_event = beta_button.click(
        beta_train,
        [beta, beta_steps, beta_seed],
        [beta_curves, beta_map, beta_status, run_state, beta_recording],
        api_name="autoencoders_beta_train",
        **TRAIN,
    )
    beta_stop.click(stop_run, run_state, None, api_name="autoencoders_beta_stop", cancels=[beta_event], **LIGHT)
    race_event = race_button.click(
        race, [k, race_steps], [angles_plot, errors_plot, race_status, run_state], api_name="autoencoders_race", **TRAIN
    )
    race_stop.click(stop_run, run_state, None, api_name="autoencoders_race_stop", cancels=[race_event], **LIGHT)
    gr.on(
        [demo.load, v16_seed.submit, *[s.release for s in v16_sliders], v16_link.restored.change],
        vae16,
        [v16_seed, *v16_sliders],
        [v16_grid, v16_one, v16_verdict],
        api_name="autoencoders_vae16",
        trigger_mode="always_last",
        **LIGHT,
    )
