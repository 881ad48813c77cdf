"""Rendering a radiance field along rays: sample, query the field, composite.

`render_rays` runs the paper's two passes with one field: a coarse pass of stratified samples and,
when `fine_samples` > 0, a fine pass that adds samples drawn from the coarse weights (section 5.2 of
Mildenhall et al. 2020; the paper trains a second network for it, we reuse the same one).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import Tensor

from core.device import to_cpu
from core.nerf.occupancy import OccupancyGrid
from core.nerf.rendering import Rendered, composite, deltas
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


def query(
    field: Field, origins: Tensor, directions: Tensor, t_vals: Tensor, occupancy: OccupancyGrid | None = None
) -> tuple[Tensor, Tensor]:
    """Returns the field's density [R, S] and colour [R, S, 3] at distances t_vals [R, S] along rays [R, 3].

    With an `occupancy` grid, only samples in occupied cells reach the field; the others are empty
    (sigma 0, colour 0), which is what skipping empty space means."""
    points = origins[:, None] + t_vals[..., None] * directions[:, None]  # [R, S, 3]
    dirs = directions[:, None].expand_as(points)
    points, dirs = points.reshape(-1, 3), dirs.reshape(-1, 3)
    if occupancy is None:
        sigma, rgb = field(points, dirs)
    else:
        keep = occupancy.contains(points)
        sigma_kept, rgb_kept = field(points[keep], dirs[keep])
        sigma = torch.zeros(points.shape[0], dtype=sigma_kept.dtype, device=points.device).index_put((keep,), sigma_kept)
        rgb = torch.zeros(points.shape[0], 3, dtype=rgb_kept.dtype, device=points.device).index_put((keep,), rgb_kept)
    return sigma.reshape(t_vals.shape), rgb.reshape(*t_vals.shape, 3)


@torch.no_grad()
def march(
    field: Field,
    origins: Tensor,
    directions: Tensor,
    t_vals: Tensor,
    far: Tensor,
    occupancy: OccupancyGrid,
    *,
    segment: int = 4,
    stop_below: float = 1e-3,
    colour_below: float = 1e-4,
) -> tuple[Tensor, Tensor]:
    """Returns density [R, S] and colour [R, S, 3] along rays, queried front to back `segment` samples at a time.

    Samples in empty cells of `occupancy` are skipped, and a ray stops once its transmittance falls
    below `stop_below` (early ray termination): what lies behind a surface is never queried. A field
    that splits its query (`density_at`, `colour_at`) is asked for colour only at samples whose weight
    T_i alpha_i reaches `colour_below`. Skipped samples are returned empty (sigma 0, colour 0): a stopped
    ray loses at most `stop_below` of its pixel, a sample without colour its weight (under `colour_below`).
    """
    rays_count, count = t_vals.shape
    sigma = torch.zeros(rays_count, count, dtype=t_vals.dtype, device=t_vals.device)
    rgb = torch.zeros(rays_count, count, 3, dtype=t_vals.dtype, device=t_vals.device)
    split = hasattr(field, "density_at") and hasattr(field, "colour_at")
    delta = deltas(t_vals, far)
    log_t = torch.zeros(rays_count, dtype=t_vals.dtype, device=t_vals.device)  # log transmittance so far
    alive = torch.arange(rays_count, device=t_vals.device)
    for start in range(0, count, segment):
        part = slice(start, min(count, start + segment))
        points = origins[alive, None] + t_vals[alive, part, None] * directions[alive, None]  # [A, s, 3]
        keep = occupancy.contains(points.reshape(-1, 3)).reshape(points.shape[:2])
        ray, slot = keep.nonzero(as_tuple=True)
        if split:
            s, carry = field.density_at(points[ray, slot])  # type: ignore[attr-defined]
        else:
            s, c = field(points[ray, slot], directions[alive][ray])
        block = torch.zeros(keep.shape, dtype=t_vals.dtype, device=t_vals.device).index_put((ray, slot), s)
        optical = block * delta[alive, part]  # sigma delta of each sample of the segment
        if split:  # colour where T_i alpha_i is worth it: T_i from the samples before, alpha_i = 1 - exp(-sigma delta)
            before = log_t[alive, None] - (torch.cumsum(optical, dim=-1) - optical)
            weight = torch.exp(before) * -torch.expm1(-optical)
            wanted = weight[ray, slot] >= colour_below
            c = torch.zeros(s.shape[0], 3, dtype=t_vals.dtype, device=t_vals.device)
            c[wanted] = field.colour_at(carry[wanted], directions[alive][ray[wanted]])  # type: ignore[attr-defined]
        sigma[alive[ray], start + slot] = s
        rgb[alive[ray], start + slot] = c
        log_t[alive] -= optical.sum(dim=-1)  # T = exp(-sum sigma delta)
        alive = alive[log_t[alive] > math.log(stop_below)]
        if alive.numel() == 0:
            break
    return sigma, rgb


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
    occupancy: OccupancyGrid | None = None,
) -> RayRender:
    """Returns the volume rendering of rays [R, 3] between `near` and `far` [R] through `field` (`occupancy`: skip empty space)."""
    t_vals = stratified(near, far, samples, generator=generator, jitter=jitter)  # [R, S]
    if fine_samples > 0:
        with torch.no_grad():
            sigma, rgb = query(field, origins, directions, t_vals, occupancy)
            coarse = composite(sigma, rgb, t_vals, far, background=BACKGROUND)
        extra = importance(midpoints(t_vals, near, far), coarse.weights, fine_samples, generator=generator, deterministic=not jitter)
        t_vals = torch.cat([t_vals, extra], dim=-1).sort(dim=-1).values
    if occupancy is not None and not torch.is_grad_enabled():
        sigma, rgb = march(field, origins, directions, t_vals, far, occupancy)
    else:
        sigma, rgb = query(field, origins, directions, t_vals, occupancy)
    return RayRender(composite(sigma, rgb, t_vals, far, background=BACKGROUND), t_vals, sigma, rgb)


@torch.no_grad()
def render_view(
    field: Field,
    camera: Camera,
    *,
    samples: int = 64,
    fine_samples: int = 0,
    chunk: int = 4096,
    device: torch.device | None = None,
    occupancy: OccupancyGrid | None = None,
) -> Rendered:
    """Returns the field's image [H, W, 3], depth [H, W] and opacity [H, W] seen from `camera` (deterministic samples).

    The rays are cast on `device` (where the field lives; the CPU by default) and the result comes back on the CPU.
    With the field's `occupancy` grid (`core.nerf.occupancy`), samples in empty cells skip the network."""
    origins, directions = (x.reshape(-1, 3).to(device) for x in rays(camera))
    near, far = bounds_along(origins, directions)
    parts = []
    for i in range(0, origins.shape[0], chunk):
        part = slice(i, i + chunk)
        ray_batch = (origins[part], directions[part], near[part], far[part])
        rendered = render_rays(field, *ray_batch, samples=samples, fine_samples=fine_samples, jitter=False, occupancy=occupancy)
        parts.append(rendered.rendered)
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
