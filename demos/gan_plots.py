"""Plotly figures of the GAN Lab: the plane (data, samples, D, gradients, manifold) and the curves."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core.gan.lab2d import Snapshot
from core.plane import PlaneGrid
from demos.i18n import Lang, t
from demos.plots import base_layout, segments

REAL_COLOR = "#16a34a"  # green, as in GAN Lab
FAKE_COLOR = "#7c3aed"  # purple
VIEWS = ("real", "fake", "heatmap", "gradients", "manifold")


def plane_figure(snap: Snapshot, grid: PlaneGrid, views: list[str], probabilistic: bool, lang: Lang, title: str) -> go.Figure:
    """Returns the main GAN Lab view: D's output as a heat map, real and fake points, arrows and manifold."""
    box = (float(grid.xs[0]), float(grid.xs[-1]), float(grid.ys[0]), float(grid.ys[-1]))
    fig = go.Figure()
    if "heatmap" in views:
        z = snap.d_values.numpy()
        if probabilistic:
            scale = {"zmin": 0.0, "zmax": 1.0}
            bar_title = "D(x)"
        else:
            bound = float(np.abs(z - np.median(z)).max()) or 1.0
            scale = {"zmin": float(np.median(z)) - bound, "zmax": float(np.median(z)) + bound}
            bar_title = t("gan_critic", lang)
        fig.add_trace(go.Heatmap(
            x=grid.xs.numpy(), y=grid.ys.numpy(), z=z, colorscale=[[0, "#ede9fe"], [0.5, "#ffffff"], [1, "#dcfce7"]],
            colorbar={"title": {"text": bar_title, "side": "right"}, "thickness": 12}, hoverinfo="skip", name="D", **scale,
        ))  # fmt: skip
    if "manifold" in views:
        m = snap.manifold.numpy()  # [L, L, 2]
        lines = [m[i] for i in range(len(m))] + [m[:, j] for j in range(m.shape[1])]
        xs: list = []
        ys: list = []
        for line in lines:
            xs += [*map(float, line[:, 0]), None]
            ys += [*map(float, line[:, 1]), None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "rgba(124,58,237,0.35)", "width": 1}, name=t("gan_manifold", lang), hoverinfo="skip"))
    if "real" in views:
        real = snap.real.numpy()
        fig.add_trace(go.Scatter(x=real[:, 0], y=real[:, 1], mode="markers", name=t("gan_real", lang), marker={"size": 4, "color": REAL_COLOR}))
    if "fake" in views:
        fake = snap.fake.numpy()
        fig.add_trace(go.Scatter(x=fake[:, 0], y=fake[:, 1], mode="markers", name=t("gan_fake", lang), marker={"size": 4, "color": FAKE_COLOR}))
    if "gradients" in views:
        fake, grad = snap.fake.numpy()[:200], snap.fake_grad.numpy()[:200]
        longest = float(np.linalg.norm(grad, axis=1).max())
        length = 0.08 * max(box[1] - box[0], box[3] - box[2])
        ends = fake + grad * (length / longest if longest > 0 else 0.0)
        xs, ys = segments(fake, ends)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#f97316", "width": 1.5}, name=t("gan_gradients", lang), hoverinfo="skip"))
    fig.update_xaxes(range=[box[0], box[1]])
    fig.update_yaxes(range=[box[2], box[3]])
    return base_layout(fig, title, height=520)


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


def curves_figure(history: dict[str, list[float]], lang: Lang) -> go.Figure:
    """Returns three panels over training: both losses, D's accuracy on real and fake, G's gradient norm."""
    fig = make_subplots(rows=1, cols=3, subplot_titles=(t("gan_losses", lang), t("gan_accuracy", lang), t("gan_grad_norm", lang)), horizontal_spacing=0.08)
    steps = _thin(history.get("iteration", []))
    series = [
        (1, "d_loss", t("gan_d_loss", lang), "#0ea5e9"), (1, "g_loss", t("gan_g_loss", lang), FAKE_COLOR),
        (2, "d_acc_real", t("gan_acc_real", lang), REAL_COLOR), (2, "d_acc_fake", t("gan_acc_fake", lang), FAKE_COLOR),
        (3, "g_grad_norm", "‖∇G‖", "#f97316"),
    ]  # fmt: skip
    for col, key, name, color in series:
        if key in history:
            fig.add_trace(go.Scatter(x=steps, y=_thin(_smooth(history[key])), mode="lines", name=name, line={"color": color, "width": 1.5}), row=1, col=col)
    fig.add_hline(y=0.5, line_dash="dash", line_color="#64748b", row=1, col=2, annotation_text="50%", annotation_position="bottom right")
    fig.update_yaxes(range=[-0.02, 1.02], tickformat=".0%", row=1, col=2)
    fig.update_yaxes(type="log", row=1, col=3)
    for col in (1, 2, 3):
        fig.update_xaxes(title_text=t("gan_iteration", lang), row=1, col=col)
    fig.update_layout(height=320, margin={"l": 45, "r": 15, "t": 60, "b": 40}, plot_bgcolor="white",
                      legend={"orientation": "h", "y": -0.3, "x": 0.5, "xanchor": "center"})  # fmt: skip
    return fig
