"""Shared plotly helpers: palettes, class-coloured probability images and a common layout."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from PIL import Image
from plotly.colors import qualitative

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


def base_layout(fig: go.Figure, title: str, *, x_title: str = "x₁", y_title: str = "x₂", height: int = 430) -> go.Figure:
    """Applies the gallery's common layout: title, axis labels, equal aspect, compact margins."""
    fig.update_layout(
        title={"text": title, "x": 0.5, "font": {"size": 15}},
        height=height,
        margin={"l": 50, "r": 20, "t": 50, "b": 45},
        plot_bgcolor="white",
        legend={"orientation": "h", "y": -0.15, "x": 0.5, "xanchor": "center"},
    )
    # equal aspect; "domain" shrinks the plotting area instead of widening a range past the data box
    fig.update_xaxes(title_text=x_title, showgrid=True, gridcolor="#eee", zeroline=False, constrain="domain")
    fig.update_yaxes(title_text=y_title, showgrid=True, gridcolor="#eee", zeroline=False, scaleanchor="x", scaleratio=1, constrain="domain")
    return fig


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
