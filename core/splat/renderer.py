"""Rendering a 3D Gaussian splat from a camera: project (EWA), colour (SH), rasterise (tiles).

This module joins the representation (`core.splat.gaussians`), the projection
(`core.splat.projection`) and the rasteriser (`core.splat.rasterize`), as NeRF's `renderer.py` joins a
field and volume rendering. Views share the scene's cameras, so renders align pixel for pixel with
`core.scene.scene.render`.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor

from core.scene.cameras import Camera, orbit_camera
from core.scene.scene import BACKGROUND
from core.splat.gaussians import Gaussians
from core.splat.projection import Projected, project
from core.splat.rasterize import PixelBlend, Raster, pixel_blend, rasterize


@dataclass
class SplatRender:
    """A rendered view and the projection that made it (its means2d can keep gradients for densification)."""

    rgb: Tensor  # [H, W, 3]
    opacity: Tensor  # [H, W]
    depth: Tensor  # [H, W]
    projected: Projected


def _projected(gaussians: Gaussians, camera: Camera, dilation: float | None) -> tuple[Projected, Tensor]:
    dilation = gaussians.config.dilation if dilation is None else dilation
    projected = project(gaussians.means, gaussians.covariances(), camera, dilation=dilation)
    return projected, gaussians.colours(camera.center.to(gaussians.means.dtype))


def render(
    gaussians: Gaussians,
    camera: Camera,
    *,
    background: tuple[float, float, float] | Tensor = BACKGROUND,
    dilation: float | None = None,
) -> SplatRender:
    """Returns the splat's image [H, W, 3], opacity and depth [H, W] seen from `camera` (differentiable).

    `dilation` (pixels^2) overrides the splat's own `config.dilation`, the low-pass it was trained with.
    """
    projected, colours = _projected(gaussians, camera, dilation)
    raster: Raster = rasterize(
        projected.means2d,
        projected.conics,
        colours,
        gaussians.opacities(),
        projected.depths,
        projected.radii,
        camera.width,
        camera.height,
        background=background,
    )
    return SplatRender(raster.rgb, raster.opacity, raster.depth, projected)


@torch.no_grad()
def render_view(gaussians: Gaussians, camera: Camera, *, background: tuple[float, float, float] | Tensor = BACKGROUND) -> SplatRender:
    """Returns the splat's view from `camera` without gradients (what a live view draws)."""
    return render(gaussians, camera, background=background)


@torch.no_grad()
def render_pixel_blend(
    gaussians: Gaussians,
    camera: Camera,
    column: int,
    row: int,
    *,
    background: tuple[float, float, float] | Tensor = BACKGROUND,
) -> PixelBlend:
    """Returns the depth-sorted blend of pixel (`column`, `row`): the Gaussians it crosses, their alphas and transmittance."""
    projected, colours = _projected(gaussians, camera, None)
    return pixel_blend(
        projected.means2d,
        projected.conics,
        colours,
        gaussians.opacities(),
        projected.depths,
        projected.radii,
        camera.width,
        camera.height,
        column,
        row,
        background=background,
    )


class SplatViews:
    """The gallery's `sample()` contract for a splat: a sample is a view from a random camera on the views' hemisphere band."""

    def __init__(self, gaussians: Gaussians):
        self.gaussians = gaussians

    @torch.no_grad()
    def sample(self, num_samples: int, *, generator: torch.Generator | None = None, size: int = 64) -> Tensor:
        """Returns `num_samples` renders [N, 3, size, size] in [0, 1] from cameras drawn like `core.nerf.fields.ViewSampler`'s."""
        u = torch.rand(num_samples, 2, generator=generator)
        images = []
        for azimuth, height in u.tolist():
            camera = orbit_camera(360.0 * azimuth, 15.0 + 50.0 * height, 4.5, size=size)
            images.append(render_view(self.gaussians, camera).rgb.clamp(0, 1).permute(2, 0, 1))
        return torch.stack(images)
