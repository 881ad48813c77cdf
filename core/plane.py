"""Evaluation grids over the 2D plane, for heat maps, contours and vector fields of 2D models."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor


@dataclass(frozen=True)
class PlaneGrid:
    xs: Tensor  # [W] x coordinates of the columns
    ys: Tensor  # [H] y coordinates of the rows
    points: Tensor  # [H * W, 2], row-major: row i is y = ys[i]

    def as_image(self, values: Tensor) -> Tensor:
        """Returns per-point `values` `[H * W, ...]` reshaped to `[H, W, ...]`."""
        return values.reshape(len(self.ys), len(self.xs), *values.shape[1:])


def bounds(points: Tensor, *, margin: float = 0.25, min_span: float = 1e-2) -> tuple[float, float, float, float]:
    """Returns (x_min, x_max, y_min, y_max) around `points` [N, 2], widened by `margin` of the span."""
    lo, hi = points.min(0).values, points.max(0).values
    span = (hi - lo).clamp_min(min_span)
    lo, hi = lo - margin * span, hi + margin * span
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def plane_grid(box: tuple[float, float, float, float], resolution: int = 100) -> PlaneGrid:
    """Returns a `resolution` x `resolution` grid of points covering `box` = (x0, x1, y0, y1)."""
    x0, x1, y0, y1 = box
    xs = torch.linspace(x0, x1, resolution)
    ys = torch.linspace(y0, y1, resolution)
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    return PlaneGrid(xs, ys, torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1))
