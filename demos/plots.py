"""Shared plotly helpers: palettes, class-coloured probability images and a common layout."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import plotly.graph_objects as go
from PIL import Image
from plotly.colors import qualitative

from demos.texts import SEPARATORS, Lang

PALETTE = qualitative.Dark24 + qualitative.Alphabet  # 50 distinct colours for classes


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def class_colors(num_classes: int) -> list[str]:
    """Returns one hex colour per class (cycling past 50 classes)."""
    return [PALETTE[k % len(PALETTE)] for k in range(num_classes)]


def blend_probabilities(probs: np.ndarray, *, lighten: float = 0.45) -> Image.Image:
    """Returns an RGB image where each pixel mixes the class colours by p(y|x).

    `probs` is `[H, W, K]` with row 0 at the lowest y; the image is flipped so that north is up.
    Pure colours mean certainty; muddy mixtures mean the classifier hesitates.
    """
    colors = np.array([hex_to_rgb(c) for c in class_colors(probs.shape[-1])], dtype=np.float32)  # [K, 3]
    rgb = probs @ colors  # [H, W, 3]
    rgb = (1 - lighten) * rgb + lighten * 255.0
    return Image.fromarray(np.flipud(rgb).clip(0, 255).astype(np.uint8))


MARGIN = {"l": 50, "r": 20, "t": 50, "b": 45}
LEGEND = {"orientation": "h", "y": -0.15, "x": 0.5, "xanchor": "center"}  # under the plot, centred


def base_layout(
    fig: go.Figure,
    title: str | None,
    *,
    x_title: str | None = "x₁",
    y_title: str | None = "x₂",
    height: int = 430,
    equal_aspect: bool = True,
    grid: bool = True,
    margin: dict[str, int] | None = None,
    legend: dict[str, Any] | None = None,
    lang: Lang | None = None,
    **layout: Any,
) -> go.Figure:
    """Returns `fig` with the gallery's common layout: a centred title (a second line after a newline drawn smaller),
    white background, compact margins, a legend under the plot, titled axes with light grid lines (`grid`), kept at
    equal aspect for the plane's x₁ and x₂ unless `equal_aspect` is False.

    A title of None leaves the figure's title (and subplot titles) alone, an axis title of None that axis's;
    `margin` and `legend` entries override the defaults; `lang` sets plotly's decimal and thousands marks to the
    language's; other keywords go to `fig.update_layout` as they are."""
    fig.update_layout(
        height=height,
        margin={**MARGIN, **(margin or {})},
        plot_bgcolor="white",
        legend={**LEGEND, **(legend or {})},
        **({"separators": SEPARATORS[lang]} if lang else {}),
        **layout,
    )
    if title is not None:
        main, _, sub = title.partition("\n")
        fig.update_layout(title={"text": f"{main}<br><sup>{sub}</sup>" if sub else main, "x": 0.5, "font": {"size": 15}})
    lines = {"showgrid": True, "gridcolor": "#eee"} if grid else {}
    x_axis = {"title_text": x_title} if x_title is not None else {}
    y_axis = {"title_text": y_title} if y_title is not None else {}
    if equal_aspect:
        # "domain" shrinks the plotting area instead of widening a range past the data box
        x_axis |= {"zeroline": False, "constrain": "domain"}
        y_axis |= {"zeroline": False, "scaleanchor": "x", "scaleratio": 1, "constrain": "domain"}
    if x_axis or lines:
        fig.update_xaxes(**lines, **x_axis)
    if y_axis or lines:
        fig.update_yaxes(**lines, **y_axis)
    return fig


def figure_like(spec: dict, *, layout: dict | None = None, traces: dict[int, dict] | None = None) -> go.Figure:
    """Returns the figure `spec` (the `to_dict()` of a figure plotly validated once, kept in a cache) with some of its
    layout's keys and its traces' keys replaced, without validating it again.

    Plotly validates every property of a figure it builds, 30 to 45 ms a figure: more than the rest of a slider's answer.
    A slider that moves one line of a chart builds the chart once, then answers with this."""
    changed = traces or {}
    data = [{**trace, **changed.get(i, {})} for i, trace in enumerate(spec["data"])]
    return go.Figure({"data": data, "layout": {**spec["layout"], **(layout or {})}}, _validate=False)


def chart_layout(
    fig: go.Figure, title: str | None, *, x_title: str | None = None, y_title: str | None = None, grid: bool = False, **kwargs: Any
) -> go.Figure:
    """Returns `fig` with `base_layout` for a chart that is not the plane: free aspect, no grid lines unless `grid`,
    each axis titled only when its title is given; other keywords as `base_layout` takes them."""
    return base_layout(fig, title, x_title=x_title, y_title=y_title, equal_aspect=False, grid=grid, **kwargs)


def image_grid(images, *, nrow: int = 8, scale: int = 8, pad: int = 1) -> Image.Image:
    """Returns images `[N, C, H, W]` in [0, 1] tiled `nrow` per row and enlarged `scale` times (nearest)."""
    array = images.detach().clamp(0, 1).cpu().numpy()
    n, c, h, w = array.shape
    rows = (n + nrow - 1) // nrow
    canvas = np.ones((c, rows * (h + pad) + pad, nrow * (w + pad) + pad), dtype=np.float32)
    for i in range(n):
        r, k = divmod(i, nrow)
        canvas[:, pad + r * (h + pad) : pad + r * (h + pad) + h, pad + k * (w + pad) : pad + k * (w + pad) + w] = array[i]
    pixels = (canvas.transpose(1, 2, 0) * 255).round().astype(np.uint8)
    image = Image.fromarray(pixels[..., 0] if c == 1 else pixels)
    return image.resize((image.width * scale, image.height * scale), Image.NEAREST)


def segments(starts: np.ndarray, ends: np.ndarray) -> tuple[list, list]:
    """Returns x and y lists drawing one line segment per row, separated by None."""
    xs = np.stack([starts[:, 0], ends[:, 0], np.full(len(starts), np.nan)], axis=1).reshape(-1)
    ys = np.stack([starts[:, 1], ends[:, 1], np.full(len(starts), np.nan)], axis=1).reshape(-1)
    return [None if math.isnan(v) else float(v) for v in xs], [None if math.isnan(v) else float(v) for v in ys]


def channel_strip(channels, *, size: int = 128, pad: int = 4) -> Image.Image:
    """Returns the maps `[C, h, w]` side by side, each enlarged to `size` pixels (nearest), on a blue-white-red scale
    symmetric around 0 and shared by all channels (so their magnitudes compare)."""
    array = np.asarray(channels.detach().cpu().numpy() if hasattr(channels, "detach") else channels, dtype=np.float32)
    c, h, w = array.shape
    bound = float(np.abs(array).max()) or 1.0
    scaled = np.clip(array / bound, -1, 1)  # [C, h, w] in [-1, 1]
    blue, red, white = np.array([37, 99, 235.0]), np.array([220, 38, 38.0]), np.array([255, 255, 255.0])
    rgb = np.where(scaled[..., None] < 0, white + (-scaled[..., None]) * (blue - white), white + scaled[..., None] * (red - white))
    factor = max(1, size // max(h, w))
    tiles = [np.kron(rgb[k], np.ones((factor, factor, 1))) for k in range(c)]
    th, tw = tiles[0].shape[:2]
    canvas = np.full((th, c * tw + (c - 1) * pad, 3), 255.0)
    for k, tile in enumerate(tiles):
        canvas[:, k * (tw + pad) : k * (tw + pad) + tw] = tile
    return Image.fromarray(canvas.clip(0, 255).astype(np.uint8))


def enlarge(image, *, size: int = 256) -> Image.Image:
    """Returns an image `[C, H, W]` in [0, 1] (C = 1 or 3) enlarged pixel by pixel to about `size` pixels."""
    array = image.detach().clamp(0, 1).cpu().numpy()
    array = np.repeat(array, 3, axis=0) if array.shape[0] == 1 else array[:3]
    factor = max(1, size // max(array.shape[1:]))
    big = np.kron(array.transpose(1, 2, 0), np.ones((factor, factor, 1)))
    return Image.fromarray((big * 255).round().astype(np.uint8))
