"""Radiance fields: functions from a 3D point and a viewing direction to a density and a colour.

Two fields share one interface, `field(points [N, 3], directions [N, 3]) -> (sigma [N], rgb [N, 3])`,
so the same volume renderer (`core.nerf.rendering`) draws either:

- `NeRF`, the MLP of Mildenhall et al. 2020 (https://arxiv.org/abs/2003.08934), scaled down: the
  density depends on the position only, the colour on the position and the direction (the course's
  5D input), both through positional encoding;
- `GridField`, a dense voxel grid of density and colour features read by trilinear interpolation and
  decoded by a tiny MLP, as in DVGO (Sun et al. 2022, https://arxiv.org/abs/2111.11215) and
  Plenoxels: most of the work becomes a memory lookup, which is why it trains many times faster.

Both also split a query in two, `density_at(points) -> (sigma, carry)` then `colour_at(carry, directions)`,
so a renderer can ask for colour only where a sample's weight is worth it (`core.nerf.renderer.march`).
Neither knows anything of rays or rendering.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from core.nerf.encoding import encoded_size, positional_encoding
from core.nerf.renderer import render_view
from core.scene.cameras import orbit_camera
from core.scene.scene import BOUNDS


def _normalise(points: Tensor) -> Tensor:
    """Maps points of the scene's bounds to [-1, 1]^3."""
    low, high = (torch.tensor(b, dtype=points.dtype, device=points.device) for b in BOUNDS)
    return 2 * (points - low) / (high - low) - 1


class ViewSampler:
    """The gallery's `sample()` contract for a scene model: a sample is a view from a random camera."""

    @torch.no_grad()
    def sample(self, num_samples: int, *, generator: torch.Generator | None = None, size: int = 64, samples: int = 64) -> Tensor:
        """Returns `num_samples` renders [N, 3, size, size] in [0, 1] from cameras drawn on the hemisphere band of the views."""
        u = torch.rand(num_samples, 2, generator=generator)
        images = []
        for azimuth, height in u.tolist():
            elevation = 15.0 + 50.0 * height
            camera = orbit_camera(360.0 * azimuth, elevation, 4.5, size=size)
            images.append(render_view(self, camera, samples=samples).rgb.permute(2, 0, 1))  # type: ignore[arg-type]
        return torch.stack(images)


@dataclass
class NeRFConfig:
    """Shape of the NeRF MLP."""

    frequencies: int = 8  # L for positions (the paper uses 10; 0 gives the blurry ablation)
    direction_frequencies: int = 3  # L for directions (the paper uses 4)
    width: int = 96
    depth: int = 4  # hidden layers before the density head
    view_dependent: bool = True  # False: the colour ignores the direction


class NeRF(ViewSampler, nn.Module):
    """The NeRF MLP: sigma(x) and c(x, d), each input positionally encoded."""

    checkpoint_name = "nerf"
    config_class = NeRFConfig

    def __init__(self, config: NeRFConfig | None = None):
        super().__init__()
        self.config = config = config or NeRFConfig()
        layers: list[nn.Module] = []
        size = encoded_size(config.frequencies)
        for _ in range(config.depth):
            layers += [nn.Linear(size, config.width), nn.ReLU()]
            size = config.width
        self.trunk = nn.Sequential(*layers)
        self.sigma_head = nn.Linear(config.width, 1)
        self.feature = nn.Linear(config.width, config.width)
        direction_size = encoded_size(config.direction_frequencies) if config.view_dependent else 0
        self.colour_head = nn.Sequential(
            nn.Linear(config.width + direction_size, config.width // 2), nn.ReLU(), nn.Linear(config.width // 2, 3)
        )

    def forward(self, points: Tensor, directions: Tensor) -> tuple[Tensor, Tensor]:
        """Returns the density [N] (>= 0) and colour [N, 3] (in [0, 1]) at points [N, 3] seen along directions [N, 3]."""
        sigma, h = self.density_at(points)
        return sigma, self.colour_at(h, directions)

    def density_at(self, points: Tensor) -> tuple[Tensor, Tensor]:
        """Returns the density [N] at points [N, 3] and the trunk's features [N, width] that `colour_at` reads."""
        h = self.trunk(positional_encoding(_normalise(points), self.config.frequencies))
        return F.softplus(self.sigma_head(h)[..., 0] - 1.0), h  # softplus, shifted so an untrained field starts nearly empty

    def colour_at(self, h: Tensor, directions: Tensor) -> Tensor:
        """Returns the colour [N, 3] of trunk features h [N, width] seen along directions [N, 3]."""
        features = self.feature(h)
        if self.config.view_dependent:
            features = torch.cat([features, positional_encoding(directions, self.config.direction_frequencies)], dim=-1)
        return torch.sigmoid(self.colour_head(features))


@dataclass
class GridFieldConfig:
    """Shape of the voxel-grid field."""

    resolution: int = 48  # voxels per side of the bounds
    features: int = 8  # colour features per voxel, decoded by the tiny MLP
    direction_frequencies: int = 3
    width: int = 32  # of the colour decoder
    view_dependent: bool = True


class GridField(ViewSampler, nn.Module):
    """A dense grid of density and colour features (trilinear lookup) with a tiny colour decoder."""

    checkpoint_name = "grid_field"
    config_class = GridFieldConfig
    deterministic_init = True  # the grids start as constants; only the decoder is drawn at random (core.seeding)

    def __init__(self, config: GridFieldConfig | None = None):
        super().__init__()
        self.config = config = config or GridFieldConfig()
        r = config.resolution
        self.density = nn.Parameter(torch.full((1, 1, r, r, r), -2.0))  # [1, 1, D, H, W], before softplus
        self.colour = nn.Parameter(torch.zeros(1, config.features, r, r, r))  # [1, F, D, H, W]
        direction_size = encoded_size(config.direction_frequencies) if config.view_dependent else 0
        self.decoder = nn.Sequential(nn.Linear(config.features + direction_size, config.width), nn.ReLU(), nn.Linear(config.width, 3))

    def total_variation(self) -> Tensor:
        """Returns the mean squared difference between neighbouring voxels of both grids (a smoothness prior, as DVGO's)."""
        total = torch.zeros(())
        for grid in (self.density, self.colour):
            for axis in (2, 3, 4):
                total = total + torch.diff(grid, dim=axis).pow(2).mean()
        return total

    def _lookup(self, grid: Tensor, points: Tensor) -> Tensor:
        # grid_sample wants (x, y, z) -> (W, H, D); the grid is stored [D=z, H=y, W=x]
        coords = _normalise(points).reshape(1, -1, 1, 1, 3)
        values = F.grid_sample(grid, coords, mode="bilinear", padding_mode="border", align_corners=True)  # [1, C, N, 1, 1]
        return values.reshape(grid.shape[1], -1).T  # [N, C]

    def forward(self, points: Tensor, directions: Tensor) -> tuple[Tensor, Tensor]:
        """Returns the density [N] (>= 0) and colour [N, 3] (in [0, 1]) at points [N, 3] seen along directions [N, 3]."""
        sigma, at = self.density_at(points)
        return sigma, self.colour_at(at, directions)

    def density_at(self, points: Tensor) -> tuple[Tensor, Tensor]:
        """Returns the density [N] at points [N, 3], and the points themselves (what `colour_at` reads)."""
        return F.softplus(self._lookup(self.density, points)[:, 0] * 4.0), points  # scaled so the grid learns in few steps

    def colour_at(self, points: Tensor, directions: Tensor) -> Tensor:
        """Returns the colour [N, 3] at points [N, 3] seen along directions [N, 3]."""
        features = self._lookup(self.colour, points)
        if self.config.view_dependent:
            features = torch.cat([features, positional_encoding(directions, self.config.direction_frequencies)], dim=-1)
        return torch.sigmoid(self.decoder(features))
