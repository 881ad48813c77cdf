"""The GAN Lab's views: the plane (data, samples, D, gradients, manifold) as a picture, and the curves in plotly."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go
from PIL import Image, ImageDraw
from plotly.subplots import make_subplots

from demos.i18n import Lang, number, percent, t
from demos.lazy import core_plane, gan_lab2d
from demos.plots import chart_layout, figure_like, hex_to_rgb
from demos.raster import AXIS_COLOR, RasterAxes, fit_lines, font, line_height

REAL_COLOR = "#16a34a"  # green, as in GAN Lab
FAKE_COLOR = "#7c3aed"  # purple
VIEWS = ("real", "fake", "heatmap", "gradients", "manifold")


# D's colour scale, as in GAN Lab: purple where D says "fake", white at 0.5, green where it says "real"
HEAT_STOPS = np.array([[237, 233, 254], [255, 255, 255], [220, 252, 231]], dtype=np.float32)
MANIFOLD_RGBA = (124, 58, 237, 90)
GRADIENT_COLOR = "#f97316"
PLANE_SIZE = 460  # pixels of the square plotting area...
PLANE_LEFT, PLANE_TOP = 52, 30  # ...and where it starts in the picture
PLANE_BOX = (PLANE_LEFT, PLANE_TOP, PLANE_LEFT + PLANE_SIZE, PLANE_TOP + PLANE_SIZE)


def _heat_rgb(unit: np.ndarray) -> np.ndarray:
    """Returns colours `[H, W, 3]` for values in [0, 1] on the purple-white-green scale."""
    u = np.clip(unit, 0.0, 1.0)[..., None] * 2.0
    low = HEAT_STOPS[0] + (HEAT_STOPS[1] - HEAT_STOPS[0]) * np.minimum(u, 1.0)
    high = HEAT_STOPS[1] + (HEAT_STOPS[2] - HEAT_STOPS[1]) * np.clip(u - 1.0, 0.0, 1.0)
    return np.where(u <= 1.0, low, high)


def _heat_scale(z: np.ndarray, probabilistic: bool) -> tuple[float, float]:
    """Returns (low, high) of the heat map's scale: [0, 1] for D(x), symmetric around the median for a critic."""
    if probabilistic:
        return 0.0, 1.0
    middle = float(np.median(z))
    bound = float(np.abs(z - middle).max()) or 1.0
    return middle - bound, middle + bound


def plane_image(
    snap: gan_lab2d.Snapshot, grid: core_plane.PlaneGrid, views: list[str], probabilistic: bool, lang: Lang, title: str
) -> Image.Image:
    """Returns the main GAN Lab view as a picture: D's output as a heat map, real and fake points, G's gradients and manifold.

    A picture, not a plotly figure: the view streams about five times a second, and a browser redraws an
    image in a millisecond where a plotly chart of this size takes hundreds.
    """
    axes = RasterAxes(
        (float(grid.xs[0]), float(grid.ys[0])),
        (float(grid.xs[-1]), float(grid.ys[-1])),
        size=PLANE_SIZE,
        left=PLANE_LEFT,
        top=PLANE_TOP,
        right=150,
        labelled=True,  # the tab shows it under its label, "Data space"
    )
    background = None
    low, high = 0.0, 1.0
    if "heatmap" in views:
        z = snap.d_values.numpy()  # [H, W], row 0 at the lowest y
        low, high = _heat_scale(z, probabilistic)
        rgb = _heat_rgb((np.flipud(z) - low) / (high - low))
        background = Image.fromarray(rgb.astype(np.uint8)).resize((PLANE_SIZE, PLANE_SIZE), Image.Resampling.BILINEAR)
    image = axes.canvas(title, "x₁", "x₂", background=background)
    # marks go on a layer the size of the plotting area, which clips whatever falls outside it
    layer = Image.new("RGBA", (PLANE_SIZE, PLANE_SIZE), (255, 255, 255, 0))
    draw = ImageDraw.Draw(layer)
    offset = np.array([axes.left, axes.top], dtype=np.float64)

    def pixels(points: np.ndarray) -> np.ndarray:
        return axes.to_pixel(points) - offset

    if "manifold" in views:
        m = snap.manifold.numpy()  # [L, L, 2]
        for line in [*m, *m.transpose(1, 0, 2)]:
            draw.line([tuple(p) for p in pixels(line)], fill=MANIFOLD_RGBA, width=1)
    for key, points, color in (("real", snap.real, REAL_COLOR), ("fake", snap.fake, FAKE_COLOR)):
        if key in views:
            fill = (*hex_to_rgb(color), 230)
            for x, y in pixels(points.numpy()):
                draw.ellipse([x - 2.2, y - 2.2, x + 2.2, y + 2.2], fill=fill)
    if "gradients" in views:
        fake, grad = snap.fake.numpy()[:200], snap.fake_grad.numpy()[:200]
        longest = float(np.linalg.norm(grad, axis=1).max())
        span = max(axes.high[0] - axes.low[0], axes.high[1] - axes.low[1])
        ends = fake + grad * (0.08 * span / longest if longest > 0 else 0.0)
        for (x0, y0), (x1, y1) in zip(pixels(fake), pixels(ends), strict=True):
            draw.line([(x0, y0), (x1, y1)], fill=GRADIENT_COLOR, width=1)
    image.paste(layer, (axes.left, axes.top), layer)
    _plane_legend(image, axes, views, probabilistic, (low, high), lang)
    return image


def _plane_legend(
    image: Image.Image, axes: RasterAxes, views: list[str], probabilistic: bool, scale: tuple[float, float], lang: Lang
) -> None:
    """Draws the legend of the marks and the heat map's colour bar to the right of the plotting area."""
    draw = ImageDraw.Draw(image)
    x, y = axes.left + axes.size + 14, axes.top + 4
    width = image.width - x - 4
    entries = [
        ("real", "dot", REAL_COLOR, t("gan_real", lang)),
        ("fake", "dot", FAKE_COLOR, t("gan_fake", lang)),
        ("gradients", "line", GRADIENT_COLOR, t("gan_gradients", lang)),
        ("manifold", "line", "#a78bfa", t("gan_manifold", lang)),
    ]
    for view, mark, color, label in entries:
        if view not in views:
            continue
        if mark == "dot":
            draw.ellipse([x + 3, y + 4, x + 11, y + 12], fill=color)
        else:
            draw.line([(x, y + 8), (x + 14, y + 8)], fill=color, width=2)
        lines, text_font = fit_lines(label, width - 20, size=12, min_size=9, max_height=30)
        for i, line in enumerate(lines):
            draw.text((x + 20, y + i * line_height(text_font)), line, fill="black", font=text_font)
        y += 12 + len(lines) * line_height(text_font)
    if "heatmap" not in views:
        return
    # the colour bar: high values at the top, as on the y axis
    y += 14
    label = "D(x)" if probabilistic else t("gan_critic", lang)
    draw.text((x, y), label, fill="black", font=font(12))
    top, bottom = y + 20, axes.top + axes.size - 8
    ramp = _heat_rgb(np.linspace(1.0, 0.0, max(bottom - top, 2))[:, None] * np.ones((1, 14)))
    image.paste(Image.fromarray(ramp.astype(np.uint8)), (x, top))
    draw.rectangle([x, top, x + 13, bottom], outline=AXIS_COLOR)
    low, high = scale
    for fraction in (0.0, 0.5, 1.0):
        value = high - fraction * (high - low)
        draw.text((x + 19, top + fraction * (bottom - top)), number(value, lang, spec=".3g"), fill=AXIS_COLOR, font=font(11), anchor="lm")


def _thin(values: list[float], limit: int = 800) -> list[float]:
    stride = max(1, math.ceil(len(values) / limit))
    return values[::stride]


def _smooth(values: list[float], window: int = 15) -> list[float]:
    """Returns the trailing moving average of `values` (per-batch metrics are noisy), NaN-aware."""
    array = np.asarray(values, dtype=np.float64)
    valid = np.isfinite(array)
    sums = np.cumsum(np.where(valid, array, 0.0))
    counts = np.cumsum(valid)
    sums[window:] = sums[window:] - sums[:-window]
    counts[window:] = counts[window:] - counts[:-window]
    with np.errstate(invalid="ignore", divide="ignore"):
        return (sums / counts).tolist()


def critic_curves(history: dict[str, list[float]]) -> bool:
    """Returns whether the latest D step was a Wasserstein critic's (no accuracy to show: its gap instead)."""
    gap = history.get("critic_gap", [])
    return bool(gap) and math.isfinite(gap[-1])


def curves_figure(history: dict[str, list[float]], lang: Lang) -> go.Figure:
    """Returns three panels over training: both losses, D's accuracy on real and fake (a critic's gap instead), G's gradient norm.

    A new run's empty panels (every student's first view of the lab) are built and validated once per language."""
    if not history.get("iteration"):
        return figure_like(_empty_curves_spec(lang))
    return _build_curves_figure(history, lang)


@lru_cache(maxsize=4)
def _empty_curves_spec(lang: Lang) -> dict:
    return _build_curves_figure({}, lang).to_dict()


def _build_curves_figure(history: dict[str, list[float]], lang: Lang) -> go.Figure:
    critic = critic_curves(history)
    middle_title = t("gan_critic_gap" if critic else "gan_accuracy", lang)
    # stacked, sharing the iteration axis: the chart stands beside the data plane, as tall as it
    fig = make_subplots(
        rows=3,
        cols=1,
        subplot_titles=(t("gan_losses", lang), middle_title, t("gan_grad_norm", lang)),
        shared_xaxes=True,
        vertical_spacing=0.09,
    )
    steps = _thin(history.get("iteration", []))
    middle = [(2, "critic_gap", "E[D(x)] − E[D(G(z))]", "#0ea5e9")]
    if not critic:
        middle = [(2, "d_acc_real", t("gan_acc_real", lang), REAL_COLOR), (2, "d_acc_fake", t("gan_acc_fake", lang), FAKE_COLOR)]
    series = [
        (1, "d_loss", t("gan_d_loss", lang), "#0ea5e9"),
        (1, "g_loss", t("gan_g_loss", lang), FAKE_COLOR),
        *middle,
        (3, "g_grad_norm", "‖∇G‖", "#f97316"),
    ]
    for col, key, name, color in series:
        if key in history:
            fig.add_trace(
                go.Scatter(x=steps, y=_thin(_smooth(history[key])), mode="lines", name=name, line={"color": color, "width": 1.5}),
                row=col,
                col=1,
            )
    if not critic:
        fig.add_hline(
            y=0.5,
            line_dash="dash",
            line_color="#64748b",
            row=2,
            col=1,
            annotation_text=percent(0.5, lang),
            annotation_position="bottom right",
        )
        fig.update_yaxes(range=[-0.02, 1.02], tickformat=".0%", row=2, col=1)
    fig.update_yaxes(type="log", dtick=1, row=3, col=1)  # powers of ten only: a short panel has no room for more
    fig.update_xaxes(title_text=t("gan_iteration", lang), row=3, col=1)
    caption = t("gan_curves_caption_critic" if critic else "gan_curves_caption_d", lang)
    # the caption sits under the label Gradio draws over the chart's top-left corner, one line per "<br>"
    lines = caption.count("<br>") + 1
    chart_layout(fig, None, height=420 + 15 * lines, margin={"l": 50, "r": 15, "t": 75 + 15 * lines, "b": 70}, legend={"y": -0.17})
    fig.update_layout(
        title={
            "text": caption,
            "font": {"size": 11},
            "x": 0.01,
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 50},
        }
    )
    return fig
