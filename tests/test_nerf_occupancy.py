"""Empty-space skipping (core/nerf/occupancy.py, core.nerf.renderer.march): what is skipped, and that the image stays the same."""

import math

import torch
from torch import nn

from core import assets
from core.metrics.image import psnr
from core.nerf.occupancy import occupancy_grid
from core.nerf.renderer import render_view
from core.scene.cameras import orbit_camera
from core.scene.scene import BOUNDS
from core.scene.views import held_out_views

RADIUS, SIGMA = 0.4, 40.0
CENTRE = torch.tensor([0.2, -0.3, 0.5])


class Ball(nn.Module):
    """A solid ball of density 40 and a colour that depends on the position: nothing anywhere else."""

    def __init__(self, split: bool):
        super().__init__()
        self.queried: list[torch.Tensor] = []  # every point the density was asked at
        self.coloured = 0
        if split:
            self.density_at, self.colour_at = self._density_at, self._colour_at

    def _density_at(self, points):
        self.queried.append(points)
        inside = (points - CENTRE).norm(dim=-1) < RADIUS
        return torch.where(inside, SIGMA, 0.0), points

    def _colour_at(self, points, directions):
        self.coloured += points.shape[0]
        return torch.sigmoid(points * 3)

    def forward(self, points, directions):
        sigma, _ = self._density_at(points)
        self.coloured += points.shape[0]
        return sigma, torch.sigmoid(points * 3)


def test_the_grid_marks_the_cells_that_hold_density_and_a_margin_around_them():
    grid = occupancy_grid(Ball(split=True), resolution=32, margin=1)
    low, high = (torch.tensor(b) for b in BOUNDS)
    size = (high - low) / 32
    axes = [low[i] + size[i] * (torch.arange(32) + 0.5) for i in range(3)]
    centres = torch.stack(torch.meshgrid(*axes, indexing="ij"), dim=-1)  # [32, 32, 32, 3]
    distance = (centres - CENTRE).norm(dim=-1)
    assert grid.occupied[distance < RADIUS - size.norm()].all()  # every cell well inside is occupied
    assert not grid.occupied[distance > RADIUS + 3 * size.norm()].any()  # nothing far outside
    ball_share = (4 / 3 * math.pi * RADIUS**3) / float((high - low).prod())
    assert ball_share < grid.fraction < 4 * ball_share  # the ball plus its margin of cells
    assert grid.contains(torch.tensor([[0.2, -0.3, 0.5], [1.4, 1.4, 1.1], [9.0, 0.0, 0.0]])).tolist() == [True, False, False]


def test_a_skipping_render_draws_the_same_image_and_never_queries_behind_the_surface():
    camera = orbit_camera(30.0, 25.0, 4.0, size=24)
    full = render_view(Ball(split=False), camera, samples=48)
    for split in (False, True):
        ball = Ball(split=split)
        grid = occupancy_grid(ball, resolution=32)
        ball.queried.clear()
        fast = render_view(ball, camera, samples=48, occupancy=grid)
        assert (fast.rgb - full.rgb).abs().max() < 2e-3  # at most the 1e-3 a stopped ray leaves, twice over
        assert (fast.opacity - full.opacity).abs().max() < 2e-3
        queried = torch.cat(ball.queried)
        assert queried.shape[0] < 0.1 * 24 * 24 * 48  # empty air and what lies behind the ball are never queried
        axis = (CENTRE - camera.center) / (CENTRE - camera.center).norm()
        along = (queried - CENTRE) @ axis  # from the ball's centre, away from the camera
        across = ((queried - CENTRE) - along[:, None] * axis).norm(dim=-1)
        assert along[across < RADIUS / 2].max() < RADIUS / 2  # a central ray is spent (optical depth 7) before the back half
        assert along.min() < -RADIUS * 0.8  # ...after querying the front
    assert ball.coloured < queried.shape[0]  # split: colour only where a sample's weight counts


def test_the_shipped_fields_render_a_held_out_view_the_same_with_a_fraction_of_the_queries():
    camera = held_out_views(64).cameras[0]
    for kind, share in (("nerf", 0.2), ("grid", 0.3)):  # measured: 0.10 and 0.21 of the samples (the grid's density is smeared more)
        field = assets.radiance_field(kind)
        grid = occupancy_grid(field)
        full = render_view(field, camera, samples=48)
        asked = []
        density_at = field.density_at
        field.density_at = lambda points, asked=asked, density_at=density_at: (asked.append(points.shape[0]), density_at(points))[1]
        fast = render_view(field, camera, samples=48, occupancy=grid)
        assert psnr(fast.rgb, full.rgb) > 45  # measured 79 and 76 dB (48 dB: an RMS error of one 8-bit level); the truth: about 30 dB
        assert sum(asked) < share * 64 * 64 * 48
