"""The NeRF tab's pictures and charts: views side by side, the depth map, the scene with its cameras in 3D,
one ray's samples, PSNR against seconds. Drawing only: the numbers come from `core/nerf` and `core/scene`."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from PIL import Image, ImageDraw
from plotly.subplots import make_subplots

from demos.i18n import Lang, t
from demos.lazy import scene, scene_cameras, torch
from demos.plots import base_layout, chart_layout
from demos.raster import font

PANEL = 256  # each panel of the view picture, enlarged from the rendered size
PANEL_GAP, TITLE_BAND = 8, 30
FIELD_COLOURS = {"nerf": "#7c3aed", "grid": "#0891b2"}
TRAIN_COLOUR, HELD_OUT_COLOUR = "#2563eb", "#f97316"


def unit_picture(image: torch.Tensor) -> Image.Image:
    """Returns an [H, W, 3] tensor in [0, 1] as a PANEL x PANEL picture."""
    array = (image.clamp(0, 1).numpy() * 255).astype(np.uint8)
    return Image.fromarray(array).resize((PANEL, PANEL), Image.NEAREST)


def _viridis(unit: np.ndarray) -> np.ndarray:
    """Returns colours [..., 3] (uint8) of values in [0, 1] on a viridis-like scale (dark purple near, yellow far)."""
    stops = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]], dtype=float)
    x = np.clip(unit, 0, 1) * (len(stops) - 1)
    low = np.floor(x).astype(int).clip(0, len(stops) - 2)
    frac = (x - low)[..., None]
    return (stops[low] * (1 - frac) + stops[low + 1] * frac).astype(np.uint8)


def depth_panel(depth: torch.Tensor, opacity: torch.Tensor) -> Image.Image:
    near, far = 2.0, 7.5
    unit = ((depth - near) / (far - near)).numpy()
    colours = _viridis(unit)
    colours[opacity.numpy() < 0.5] = 255  # where the field is mostly empty the depth means nothing: white
    return Image.fromarray(colours).resize((PANEL, PANEL), Image.NEAREST)


def panels(pictures: list[Image.Image], titles: list[str]) -> Image.Image:
    """Returns the pictures side by side, each above its title (below, so the widget's own label covers none)."""
    band = TITLE_BAND
    canvas = Image.new("RGB", (PANEL * len(pictures) + PANEL_GAP * (len(pictures) - 1), PANEL + band), "white")
    draw = ImageDraw.Draw(canvas)
    for k, (picture, title) in enumerate(zip(pictures, titles, strict=True)):
        x = k * (PANEL + PANEL_GAP)
        canvas.paste(picture, (x, 0))
        draw.text((x + PANEL / 2, PANEL + band / 2), title, fill=(31, 41, 55), font=font(14), anchor="mm")
    return canvas


def _frustum_lines(cameras: list[scene_cameras.Camera], depth: float) -> tuple[list, list, list]:
    xs, ys, zs = [], [], []
    for camera in cameras:
        c = camera.center.tolist()
        corners = scene_cameras.frustum_corners(camera, depth).tolist()
        for corner in corners:  # the four edges from the centre
            xs += [c[0], corner[0], None]
            ys += [c[1], corner[1], None]
            zs += [c[2], corner[2], None]
        loop = [*corners, corners[0]]  # the image rectangle
        xs += [p[0] for p in loop] + [None]
        ys += [p[1] for p in loop] + [None]
        zs += [p[2] for p in loop] + [None]
    return xs, ys, zs


def scene_figure(
    surface: tuple[torch.Tensor, torch.Tensor],
    train_cameras: list[scene_cameras.Camera],
    held_out_cameras: list[scene_cameras.Camera],
    lang: Lang,
) -> go.Figure:
    """Returns the 3D view of the scene: its surface points [N, 3] in their colours [N, 3], the training and held-out
    cameras as frustums, the bounds and the light."""
    points, colours = surface
    fig = go.Figure()
    rgb = [f"rgb({r},{g},{b})" for r, g, b in (colours.numpy() * 255).astype(int)]
    p = points.numpy()
    fig.add_trace(
        go.Scatter3d(x=p[:, 0], y=p[:, 1], z=p[:, 2], mode="markers", marker={"size": 2, "color": rgb}, name=t("nerf_surfaces", lang))
    )
    for cameras, colour, key in (
        (train_cameras, TRAIN_COLOUR, "nerf_train_cameras"),
        (held_out_cameras, HELD_OUT_COLOUR, "nerf_held_out_cameras"),
    ):
        xs, ys, zs = _frustum_lines(cameras, 0.45)
        name = t(key, lang, count=len(cameras))
        fig.add_trace(go.Scatter3d(x=xs, y=ys, z=zs, mode="lines", line={"color": colour, "width": 3}, name=name))
    low, high = scene.BOUNDS
    corners = [(x, y, z) for x in (low[0], high[0]) for y in (low[1], high[1]) for z in (low[2], high[2])]
    edges = [(a, b) for a in range(8) for b in range(a + 1, 8) if sum(ca != cb for ca, cb in zip(corners[a], corners[b], strict=True)) == 1]
    xs, ys, zs = [], [], []
    for a, b in edges:
        for axis, values in enumerate((xs, ys, zs)):
            values += [corners[a][axis], corners[b][axis], None]
    fig.add_trace(go.Scatter3d(x=xs, y=ys, z=zs, mode="lines", line={"color": "#9ca3af", "dash": "dash"}, name=t("nerf_bounds", lang)))
    light = np.array(scene.LIGHT_DIRECTION) / np.linalg.norm(scene.LIGHT_DIRECTION)
    start, end = light * 2.2, light * 3.2
    fig.add_trace(
        go.Scatter3d(
            x=[start[0], end[0]],
            y=[start[1], end[1]],
            z=[start[2], end[2]],
            mode="lines+markers",
            line={"color": "#eab308", "width": 6},
            marker={"size": [2, 7], "color": "#eab308"},
            name=t("nerf_light", lang),
        )
    )
    base_layout(fig, t("nerf_scene_title", lang), x_title=None, y_title=None, equal_aspect=False, grid=False, height=480, lang=lang)
    fig.update_layout(scene={"aspectmode": "data", "xaxis_title": "x", "yaxis_title": "y", "zaxis_title": "z"}, legend={"y": -0.05})
    return fig


def hex_colour(colour: torch.Tensor) -> str:
    r, g, b = (colour.clamp(0, 1) * 255).round().int().tolist()
    return f"#{r:02x}{g:02x}{b:02x}"


def ray_figure(profile, lang: Lang) -> go.Figure:
    t_vals = profile.t_vals.tolist()  # lists: the figure reaches API clients as plain JSON
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08, row_heights=[0.45, 0.55])
    colours = [hex_colour(c) for c in profile.rgb]
    fig.add_trace(
        go.Scatter(
            x=t_vals,
            y=profile.sigma.tolist(),
            mode="lines+markers",
            marker={"color": colours, "size": 7, "line": {"width": 0.5}},
            line={"color": "#9ca3af"},
            name=t("nerf_ray_sigma", lang),
        ),
        row=1,
        col=1,
    )
    fig.add_trace(go.Scatter(x=t_vals, y=profile.transmittance.tolist(), mode="lines", line={"color": "#2563eb"}, name="T"), row=2, col=1)
    fig.add_trace(go.Bar(x=t_vals, y=profile.weights.tolist(), marker={"color": colours}, name=t("nerf_ray_weights", lang)), row=2, col=1)
    if np.isfinite(profile.true_depth):
        for row in (1, 2):
            fig.add_vline(x=profile.true_depth, line={"dash": "dash", "color": "#dc2626"}, row=row, col=1)
        fig.add_annotation(
            x=profile.true_depth,
            y=1,
            yref="y2 domain",
            text=t("nerf_ray_surface", lang),
            showarrow=False,
            font={"color": "#dc2626"},
            xanchor="left",
        )
    chart_layout(fig, t("nerf_ray_title", lang), height=380, lang=lang, legend={"y": -0.22})
    fig.update_yaxes(title_text=t("nerf_ray_sigma_axis", lang), row=1, col=1)
    fig.update_yaxes(title_text=t("nerf_ray_weight_axis", lang), range=[0, 1.05], row=2, col=1)
    fig.update_xaxes(title_text=t("nerf_ray_distance", lang), row=2, col=1)
    return fig


def curves_figure(benchmark: dict, run_kind: str | None, run_curve: dict | None, lang: Lang) -> go.Figure:
    """Returns held-out PSNR against seconds: the benchmark's runs of the shipped fields and, if any, a person's run."""
    fig = go.Figure()
    for kind, curve in benchmark.items():
        fig.add_trace(
            go.Scatter(
                x=curve["seconds"],
                y=curve["held_out"],
                mode="lines",
                line={"color": FIELD_COLOURS.get(kind), "dash": "dot"},
                name=t("nerf_curve_benchmark", lang, field=t(f"nerf_field_{kind}", lang)),
            )
        )
    if run_kind is not None and run_curve is not None:
        colour = FIELD_COLOURS[run_kind]
        fig.add_trace(
            go.Scatter(
                x=run_curve["seconds"],
                y=run_curve["held_out"],
                mode="lines+markers",
                line={"color": colour, "width": 3},
                name=t("nerf_curve_yours_held_out", lang),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=run_curve["seconds"],
                y=run_curve["train"],
                mode="lines",
                line={"color": colour, "width": 1},
                opacity=0.6,
                name=t("nerf_curve_yours_train", lang),
            )
        )
    return chart_layout(
        fig,
        t("nerf_curves_title", lang),
        x_title=t("nerf_seconds_axis", lang),
        y_title="PSNR (dB)",
        height=400,
        grid=True,
        lang=lang,
        legend={"y": -0.3},
        margin={"b": 90},
    )
