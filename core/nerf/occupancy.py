"""Empty-space skipping: an occupancy grid of a trained field, so a render queries the network only where there is matter.

A NeRF renders slowly because every sample of every ray goes through the MLP, although most of the
scene's box is empty air. Instant-NGP (Müller et al. 2022, https://arxiv.org/abs/2201.05989) and
nerfacc keep a coarse grid of booleans, "is there any density in this cell?", and march rays only
through occupied cells. Here the grid is measured once from a trained field:

1. the field's density is evaluated at every corner of a `resolution`^3 lattice over the bounds;
2. a cell is occupied when any of its 8 corners has sigma above `threshold`;
3. the occupied set is grown by `margin` cells in every direction, so a thin peak between corners is kept.

A render then evaluates the field only at samples in occupied cells; every other sample gets sigma = 0.
The image differs from the full render only by what the skipped samples would have added, which
`tests/test_nerf_occupancy.py` measures on the shipped fields (PSNR against the full render).
A grid describes one set of weights: a field that is still training needs a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import torch
import torch.nn.functional as F
from torch import Tensor

from core.scene.scene import BOUNDS


@dataclass
class OccupancyGrid:
    """Which cells of the scene's bounds hold any density: occupied [R, R, R] indexed (x, y, z)."""

    occupied: Tensor  # [R, R, R] bool
    low: Tensor  # [3] the bounds' corners
    high: Tensor  # [3]

    @property
    def resolution(self) -> int:
        return int(self.occupied.shape[0])

    @property
    def fraction(self) -> float:
        """The share of the bounds' volume that is occupied (what a render still has to query)."""
        return float(self.occupied.float().mean())

    def contains(self, points: Tensor) -> Tensor:
        """Returns [N] True where points [N, 3] fall in an occupied cell (False outside the bounds)."""
        low, high = self.low.to(points.device, points.dtype), self.high.to(points.device, points.dtype)
        r = self.resolution
        cell = torch.floor((points - low) / (high - low) * r).long()
        inside = ((cell >= 0) & (cell < r)).all(dim=-1)
        cell = cell.clamp(0, r - 1)
        occupied = self.occupied.to(points.device)[cell[:, 0], cell[:, 1], cell[:, 2]]
        return occupied & inside


@torch.no_grad()
def occupancy_grid(field, *, resolution: int = 64, threshold: float = 0.01, margin: int = 1, chunk: int = 65536) -> OccupancyGrid:
    """Returns the occupancy grid of `field` (a callable (points, directions) -> (sigma, rgb)) over the scene's bounds.

    `threshold` is the density below which a sample counts as empty air: with the views' sample spacing
    (about 0.08) it would stop a ray with probability under 0.1 %.
    """
    parameter = next(iter(getattr(field, "parameters", lambda: iter(()))()), None)
    device = parameter.device if parameter is not None else torch.device("cpu")
    low, high = (torch.tensor(b, dtype=torch.float32) for b in BOUNDS)
    axes = [torch.linspace(float(low[i]), float(high[i]), resolution + 1) for i in range(3)]
    corners = torch.stack(torch.meshgrid(*axes, indexing="ij"), dim=-1).reshape(-1, 3)  # [(R+1)^3, 3]
    direction = torch.tensor([0.0, 0.0, -1.0])
    density = getattr(field, "density_at", None)  # the density alone, where the field can give it without colour

    def sigma_at(points: Tensor) -> Tensor:
        points = points.to(device)
        return (density(points)[0] if density else field(points, direction.to(device).expand_as(points))[0]).cpu()

    sigma = torch.cat([sigma_at(part) for part in corners.split(chunk)])
    dense = (sigma > threshold).float().reshape(1, 1, resolution + 1, resolution + 1, resolution + 1)
    cells = F.max_pool3d(dense, kernel_size=2, stride=1)  # any of a cell's 8 corners -> [1, 1, R, R, R]
    grown = F.max_pool3d(cells, kernel_size=2 * margin + 1, stride=1, padding=margin)  # `margin` cells all round
    return OccupancyGrid(grown[0, 0] > 0, low, high)


@lru_cache(maxsize=2)
def shipped_occupancy(kind: str) -> OccupancyGrid:
    """Returns the occupancy grid of the shipped field of `kind` ("nerf" or "grid"), measured once per process (about a second)."""
    from core import assets

    return occupancy_grid(assets.radiance_field(kind))
