"""Shared plotly helpers: palettes, class-coloured probability images and a common layout."""

from __future__ import annotations

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
    fig.update_xaxes(title_text=x_title, showgrid=True, gridcolor="#eee", zeroline=False)
    fig.update_yaxes(title_text=y_title, showgrid=True, gridcolor="#eee", zeroline=False, scaleanchor="x", scaleratio=1)
    return fig
