"""The Gaussian splatting tab's pictures and charts: one Gaussian with its 3-sigma ellipse, a fit with its ellipses,
one pixel's blend, PSNR and the count of Gaussians against steps, splatting against NeRF. Drawing only: the numbers
come from `core/splat` (and `core/nerf` for the comparison)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from PIL import Image, ImageDraw
from plotly.subplots import make_subplots

from demos.i18n import Lang, number, t
from demos.lazy import torch
from demos.nerf_plots import hex_colour
from demos.plots import chart_layout
from demos.raster import font

PANEL = 256
ELLIPSE_COLOUR = (220, 38, 38)
MEAN_COLOUR = (17, 24, 39)
SPLAT_COLOUR, NERF_COLOUR, COUNT_COLOUR = "#db2777", "#7c3aed", "#6b7280"


def picture(image: torch.Tensor, size: int = PANEL) -> Image.Image:
    """Returns an [H, W, 3] tensor in [0, 1] as a `size` x `size` picture (pixels kept square and sharp)."""
    array = (image.detach().clamp(0, 1).numpy() * 255).astype(np.uint8)
    return Image.fromarray(array).resize((size, size), Image.NEAREST)


def with_ellipses(image: torch.Tensor, ellipses: torch.Tensor, *, means: torch.Tensor | None = None, limit: int = 400) -> Image.Image:
    """Returns `image` [H, W, 3] enlarged to a panel with ellipses [N, P, 2] (pixels) drawn on it (at most `limit`)."""
    height, width = image.shape[:2]
    canvas = picture(image).convert("RGBA")
    layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    scale = np.array([PANEL / width, PANEL / height])
    shown = ellipses[:limit].numpy() * scale  # [N, P, 2]
    alpha = 230 if len(shown) <= 20 else 110
    for outline in shown:
        draw.line([tuple(p) for p in outline] + [tuple(outline[0])], fill=(*ELLIPSE_COLOUR, alpha), width=2 if len(shown) <= 20 else 1)
    if means is not None:
        for x, y in means[:limit].numpy() * scale:
            draw.ellipse((x - 2, y - 2, x + 2, y + 2), fill=(*MEAN_COLOUR, 255))
    return Image.alpha_composite(canvas, layer).convert("RGB")


def panels(pictures: list[Image.Image], titles: list[str]) -> Image.Image:
    """Returns the pictures side by side, each above its title."""
    band, gap = 30, 8
    canvas = Image.new("RGB", (PANEL * len(pictures) + gap * (len(pictures) - 1), PANEL + band), "white")
    draw = ImageDraw.Draw(canvas)
    for k, (shown, title) in enumerate(zip(pictures, titles, strict=True)):
        x = k * (PANEL + gap)
        canvas.paste(shown.resize((PANEL, PANEL)), (x, 0))
        draw.text((x + PANEL / 2, PANEL + band / 2), title, fill=(31, 41, 55), font=font(14), anchor="mm")
    return canvas


def fit_figure(
    history: dict[str, list[float]], x_key: str, psnr_key: str, lang: Lang, *, x_title: str, reference: float | None = None
) -> go.Figure:
    """Returns PSNR (left axis) and the number of Gaussians (right axis, dotted) against steps or seconds."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    xs = history.get(x_key, [])
    fig.add_trace(
        go.Scatter(x=xs, y=history.get(psnr_key, []), mode="lines", line={"color": SPLAT_COLOUR, "width": 2.5}, name="PSNR (dB)"),
        secondary_y=False,
    )
    fig.add_trace(
        go.Scatter(
            x=xs, y=history.get("count", []), mode="lines", line={"color": COUNT_COLOUR, "dash": "dot"}, name=t("splat_count_axis", lang)
        ),
        secondary_y=True,
    )
    if reference is not None:
        fig.add_hline(
            y=reference,
            line_dash="dash",
            line_color=NERF_COLOUR,
            annotation_text=t("splat_jpeg_line", lang, psnr=number(reference, lang, 1)),
        )
    chart_layout(
        fig,
        t("splat_curves_title", lang),
        x_title=x_title,
        y_title="PSNR (dB)",
        height=340,
        margin={"l": 55, "r": 60, "b": 90},
        legend={"y": -0.32},
        lang=lang,
    )
    fig.update_yaxes(title_text=t("splat_count_axis", lang), secondary_y=True, showgrid=False, rangemode="tozero")
    return fig


def blend_figure(blend, lang: Lang, *, shown: int = 40) -> go.Figure:
    """Returns one pixel's blend: each crossed Gaussian's alpha, the transmittance before it and its weight, in depth order."""
    k = min(len(blend.alpha), shown)
    order = list(range(1, k + 1))
    colours = [hex_colour(c) for c in blend.colour[:k]]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=order, y=blend.alpha[:k].tolist(), marker_color=colours, name="α_i", opacity=0.85))
    fig.add_trace(go.Scatter(x=order, y=blend.transmittance[:k].tolist(), mode="lines+markers", line={"color": "#111827"}, name="T_i"))
    fig.add_trace(
        go.Scatter(
            x=order, y=blend.weight[:k].tolist(), mode="lines+markers", line={"color": "#f97316", "dash": "dot"}, name="w_i = T_i α_i"
        )
    )
    return chart_layout(
        fig,
        t("splat_blend_title" if k == len(blend.alpha) else "splat_blend_title_first", lang, n=len(blend.alpha), shown=k),
        x_title=t("splat_blend_axis", lang),
        y_title=t("splat_blend_y", lang),
        height=340,
        margin={"l": 55, "b": 90},
        legend={"y": -0.32},
        lang=lang,
        yaxis={"range": [0, 1.05]},
    )


def comparison_figure(rows: list[dict], lang: Lang) -> go.Figure:
    """Returns milliseconds per frame (log axis) against held-out PSNR for the splat and the NeRF fields."""
    fig = go.Figure()
    # labels alternate above and below in order of speed, so two models with close timings do not write over each other
    # (the fastest's label leans right and the slowest's left, so that neither is cut at the plot's edge)
    ordered = sorted(rows, key=lambda r: r["ms"])
    for rank, row in enumerate(ordered):
        side = " right" if rank == 0 else " left" if rank == len(ordered) - 1 and rank > 0 else " center"
        fig.add_trace(
            go.Scatter(
                x=[row["ms"]],
                y=[row["psnr"]],
                mode="markers+text",
                marker={"size": 16, "color": row["colour"]},
                text=[row["name"]],
                textposition=("top" if rank % 2 == 0 else "bottom") + side,
                name=row["name"],
            )
        )
    chart_layout(fig, t("splat_compare_title", lang), x_title=t("splat_compare_ms", lang), y_title="PSNR (dB)", height=340, lang=lang)
    fig.update_xaxes(type="log")
    fig.update_layout(showlegend=False)
    return fig
