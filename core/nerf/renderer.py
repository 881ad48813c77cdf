"""Rendering a radiance field along rays: sample, query the field, composite.

`render_rays` runs the paper's two passes with one field: a coarse pass of stratified samples and,
when `fine_samples` > 0, a fine pass that adds samples drawn from the coarse weights (section 5.2 of
Mildenhall et al. 2020; the paper trains a second network for it, we reuse the same one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import Tensor

from core.device import to_cpu
from core.nerf.rendering import Rendered, composite
from core.nerf.sampling import importance, midpoints, stratified
from core.scene.cameras import Camera, rays
from core.scene.scene import BACKGROUND, bounds_along, trace

Field = Callable[[Tensor, Tensor], tuple[Tensor, Tensor]]  # (points [N, 3], directions [N, 3]) -> (sigma [N], rgb [N, 3])


@dataclass
class RayRender:
    """A rendered batch of rays and the samples that made it."""

    rendered: Rendered
    t_vals: Tensor  # [R, S] the sample distances, sorted
    sigma: Tensor  # [R, S]
    rgb: Tensor  # [R, S, 3]


def query(field: Field, origins: Tensor, directions: Tensor, t_vals: Tensor) -> tuple[Tensor, Tensor]:
    """Returns the field's density [R, S] and colour [R, S, 3] at distances t_vals [R, S] along rays [R, 3]."""
    points = origins[:, None] + t_vals[..., None] * directions[:, None]  # [R, S, 3]
    dirs = directions[:, None].expand_as(points)
    sigma, rgb = field(points.reshape(-1, 3), dirs.reshape(-1, 3))
    return sigma.reshape(t_vals.shape), rgb.reshape(*t_vals.shape, 3)


def render_rays(
    field: Field,
    origins: Tensor,
    directions: Tensor,
    near: Tensor,
    far: Tensor,
    *,
    samples: int = 64,
    fine_samples: int = 0,
    generator: torch.Generator | None = None,
    jitter: bool = True,
) -> RayRender:
    """Returns the volume rendering of rays [R, 3] between `near` and `far` [R] through `field`."""
    t_vals = stratified(near, far, samples, generator=generator, jitter=jitter)  # [R, S]
    if fine_samples > 0:
        with torch.no_grad():
            sigma, rgb = query(field, origins, directions, t_vals)
            coarse = composite(sigma, rgb, t_vals, far, background=BACKGROUND)
        extra = importance(midpoints(t_vals, near, far), coarse.weights, fine_samples, generator=generator, deterministic=not jitter)
        t_vals = torch.cat([t_vals, extra], dim=-1).sort(dim=-1).values
    sigma, rgb = query(field, origins, directions, t_vals)
    return RayRender(composite(sigma, rgb, t_vals, far, background=BACKGROUND), t_vals, sigma, rgb)


@torch.no_grad()
def render_view(
    field: Field, camera: Camera, *, samples: int = 64, fine_samples: int = 0, chunk: int = 4096, device: torch.device | None = None
) -> Rendered:
    """Returns the field's image [H, W, 3], depth [H, W] and opacity [H, W] seen from `camera` (deterministic samples).

    The rays are cast on `device` (where the field lives; the CPU by default) and the result comes back on the CPU."""
    origins, directions = (x.reshape(-1, 3).to(device) for x in rays(camera))
    near, far = bounds_along(origins, directions)
    parts = []
    for i in range(0, origins.shape[0], chunk):
        part = slice(i, i + chunk)
        ray_batch = (origins[part], directions[part], near[part], far[part])
        parts.append(render_rays(field, *ray_batch, samples=samples, fine_samples=fine_samples, jitter=False).rendered)
    h, w = camera.height, camera.width
    return to_cpu(
        Rendered(
            torch.cat([p.rgb for p in parts]).reshape(h, w, 3),
            torch.cat([p.depth for p in parts]).reshape(h, w),
            torch.cat([p.opacity for p in parts]).reshape(h, w),
            torch.cat([p.weights for p in parts]).reshape(h, w, -1),
            torch.cat([p.transmittance for p in parts]).reshape(h, w, -1),
            torch.cat([p.alpha for p in parts]).reshape(h, w, -1),
        )
    )


@dataclass
class RayProfile:
    """Everything along one pixel's ray: the samples, what the field says there, and the truth."""

    t_vals: Tensor  # [S] sample distances
    sigma: Tensor  # [S] density
    transmittance: Tensor  # [S] T_i
    weights: Tensor  # [S] w_i = T_i (1 - exp(-sigma_i delta_i))
    rgb: Tensor  # [S, 3] the field's colour at each sample
    colour: Tensor  # [3] the rendered pixel
    true_colour: Tensor  # [3] the exact renderer's pixel
    true_depth: float  # where the ray meets the first surface (inf if it misses)
    near: float
    far: float


@torch.no_grad()
def ray_profile(
    field: Field, camera: Camera, column: int, row: int, *, samples: int = 64, fine_samples: int = 0, device: torch.device | None = None
) -> RayProfile:
    """Returns the samples, densities, transmittance and weights along the ray of pixel (`column`, `row`).

    The ray is cast on `device` (where the field lives; the CPU by default); the profile comes back on the CPU."""
    if not (0 <= column < camera.width and 0 <= row < camera.height):
        raise ValueError(f"pixel ({column}, {row}) is outside the {camera.width} x {camera.height} image")
    origins, directions = rays(camera)
    o, d = origins[row, column][None], directions[row, column][None]  # [1, 3]
    true_colour, true_depth, _ = trace(o, d)
    o, d = o.to(device), d.to(device)
    near, far = bounds_along(o, d)
    out = to_cpu(render_rays(field, o, d, near, far, samples=samples, fine_samples=fine_samples, jitter=False))
    r = out.rendered
    samples_along = (out.t_vals[0], out.sigma[0], r.transmittance[0], r.weights[0], out.rgb[0])
    return RayProfile(*samples_along, r.rgb[0], true_colour[0], true_depth.item(), near.item(), far.item())


def with_fixed_direction(field: Field, direction: Tensor) -> Field:
    """Returns `field` with every query seen along one `direction` [3]: the 5D input cut to 3D, so highlights stop moving."""
    unit = direction / direction.norm()

    def fixed(points: Tensor, directions: Tensor) -> tuple[Tensor, Tensor]:
        return field(points, unit.to(directions.device).expand_as(directions))

    return fixed
