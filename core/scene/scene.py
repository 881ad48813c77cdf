"""The gallery's own 3D scene and its exact renderer: the ground truth of the NeRF and splatting tabs.

A glossy red sphere, a matte blue box and a green torus stand on a checkered floor tile, lit by one
directional light with hard shadows. Every object is a signed distance function (Hart 1996, "Sphere
tracing"), so one renderer marches a ray to the first surface to within `HIT_EPSILON` of it and shades
it: Lambert diffuse plus a Blinn-Phong highlight on the sphere. The highlight moves with the viewer,
which is why NeRF's colour needs the viewing direction. Rays that miss the floor tile see a white
background, and the whole scene fits inside `BOUNDS`, so a radiance field only has to model that box.

Any pose renders exactly (up to the marching tolerance), so every PSNR on held-out views is a real
measurement against the truth, not an estimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor

from core.scene.cameras import Camera, rays

BOUNDS = ((-1.5, -1.5, -0.1), (1.5, 1.5, 1.2))  # (min xyz, max xyz) of everything that is not background
BACKGROUND = (1.0, 1.0, 1.0)
LIGHT_DIRECTION = (0.45, 0.35, 0.82)  # towards the light (normalised below)
AMBIENT = 0.3
HIT_EPSILON = 1e-4
MAX_MARCH_STEPS = 160


@dataclass(frozen=True)
class Material:
    """How a surface answers the light: its albedo and, if glossy, a Blinn-Phong highlight."""

    albedo: tuple[float, float, float]
    specular: float = 0.0
    shininess: float = 1.0


MATERIALS = {
    "floor": Material((0.80, 0.78, 0.74)),  # checkered: every other tile darker (see `_albedo`)
    "sphere": Material((0.85, 0.18, 0.15), specular=0.65, shininess=40.0),
    "box": Material((0.20, 0.35, 0.85)),
    "torus": Material((0.25, 0.70, 0.30), specular=0.15, shininess=10.0),
}
OBJECTS = tuple(MATERIALS)
CHECKER = 0.375  # floor tile size
BOX_ANGLE = math.radians(30.0)  # the box turns about the vertical axis


# The objects' placements, built once (a view marches every ray a hundred times or more through these functions).
_SPHERE_CENTRE, SPHERE_RADIUS = torch.tensor([-0.55, -0.35, 0.5]), 0.5
_BOX_CENTRE, _BOX_HALF = torch.tensor([0.62, -0.25, 0.35]), torch.tensor([0.3, 0.3, 0.35])
_BOX_TO_LOCAL = torch.tensor(  # points @ this turns world offsets into the box's frame (a turn of -BOX_ANGLE)
    [[math.cos(BOX_ANGLE), -math.sin(BOX_ANGLE), 0.0], [math.sin(BOX_ANGLE), math.cos(BOX_ANGLE), 0.0], [0.0, 0.0, 1.0]]
)
_TORUS_CENTRE, TORUS_RADII = torch.tensor([0.1, 0.72, 0.15]), (0.42, 0.15)  # major radius (lying flat), minor radius
_FLOOR_CENTRE, _FLOOR_HALF = torch.tensor([0.0, 0.0, -0.05]), torch.tensor([1.5, 1.5, 0.05])


def _length(v: Tensor) -> Tensor:
    return torch.linalg.vector_norm(v, dim=-1)  # as `v.norm(dim=-1)`, without its Python wrapper (a march calls it thousands of times)


def _sphere(p: Tensor) -> Tensor:
    return _length(p - _SPHERE_CENTRE) - SPHERE_RADIUS


def _box_sdf(q: Tensor, half: Tensor) -> Tensor:
    d = q.abs() - half
    return _length(d.clamp(min=0)) + d.amax(dim=-1).clamp(max=0)


def _box(p: Tensor) -> Tensor:
    return _box_sdf((p - _BOX_CENTRE) @ _BOX_TO_LOCAL.to(p.dtype), _BOX_HALF)


def _torus(p: Tensor) -> Tensor:
    q = p - _TORUS_CENTRE
    major, minor = TORUS_RADII
    return torch.hypot(torch.hypot(q[..., 0], q[..., 1]) - major, q[..., 2]) - minor


def _floor(p: Tensor) -> Tensor:
    return _box_sdf(p - _FLOOR_CENTRE, _FLOOR_HALF)


_SDFS = {"floor": _floor, "sphere": _sphere, "box": _box, "torus": _torus}


def object_distances(points: Tensor) -> Tensor:
    """Returns the signed distance from each point to each object (in `OBJECTS` order), [..., 4]."""
    return torch.stack([_SDFS[name](points) for name in OBJECTS], dim=-1)


def sdf(points: Tensor) -> Tensor:
    """Returns the signed distance from each point [..., 3] to the nearest surface of the scene, [...]."""
    return object_distances(points).min(dim=-1).values


def normals(points: Tensor, eps: float = 1e-4) -> Tensor:
    """Returns the unit surface normals at points on (or near) the surface, by central differences, [..., 3]."""
    offsets = torch.eye(3) * eps
    grad = torch.stack([sdf(points + o) - sdf(points - o) for o in offsets], dim=-1)
    return grad / grad.norm(dim=-1, keepdim=True).clamp(min=1e-12)


def _box_entry_exit(origins: Tensor, directions: Tensor) -> tuple[Tensor, Tensor]:
    """Returns where each ray enters and leaves `BOUNDS` (the slab method); exit < entry for a miss."""
    low, high = (torch.tensor(b, dtype=origins.dtype, device=origins.device) for b in BOUNDS)
    inv = 1.0 / torch.where(directions.abs() < 1e-12, torch.full_like(directions, 1e-12), directions)
    t0, t1 = (low - origins) * inv, (high - origins) * inv
    entry = torch.minimum(t0, t1).max(dim=-1).values.clamp(min=0.0)
    exit_ = torch.maximum(t0, t1).min(dim=-1).values
    return entry, exit_


def bounds_along(origins: Tensor, directions: Tensor) -> tuple[Tensor, Tensor]:
    """Returns the near and far distances at which rays [..., 3] cross the scene bounds (near = far on a miss)."""
    entry, exit_ = _box_entry_exit(origins, directions)
    return entry, torch.maximum(exit_, entry)


def march(origins: Tensor, directions: Tensor) -> tuple[Tensor, Tensor]:
    """Returns the distance to the first surface along each ray and whether it hit one, each [...].

    Sphere tracing: step forward by the distance to the nearest surface, which can never overshoot it.
    """
    entry, exit_ = _box_entry_exit(origins, directions)
    t = entry.clone()
    hit = torch.zeros(t.shape, dtype=torch.bool)
    index = (exit_ > entry).nonzero(as_tuple=True)[0]  # the rays still marching, compacted every step
    o, d, t_active, far = origins[index], directions[index], t[index], exit_[index]
    for _ in range(MAX_MARCH_STEPS):
        if index.numel() == 0:
            break
        step = sdf(o + t_active[:, None] * d)
        t_active = t_active + step
        reached = step < HIT_EPSILON
        t[index] = t_active
        hit[index[reached]] = True
        keep = ~reached & (t_active <= far)
        index, o, d, t_active, far = index[keep], o[keep], d[keep], t_active[keep], far[keep]
    t = torch.where(hit, t, torch.full_like(t, math.inf))
    return t, hit


def _albedo(points: Tensor, which: Tensor) -> Tensor:
    albedo = torch.tensor([MATERIALS[name].albedo for name in OBJECTS])[which]  # [N, 3]
    on_floor = which == OBJECTS.index("floor")
    tile = (torch.floor(points[:, 0] / CHECKER) + torch.floor(points[:, 1] / CHECKER)).remainder(2) == 1
    return torch.where((on_floor & tile)[:, None], albedo * 0.55, albedo)


def shade(points: Tensor, directions: Tensor) -> Tensor:
    """Returns the colour seen at surface points [N, 3] by rays arriving along `directions` [N, 3], in [0, 1]."""
    which = object_distances(points).argmin(dim=-1)
    n = normals(points)
    light = torch.tensor(LIGHT_DIRECTION)
    light = light / light.norm()
    # hard shadows: march from just above the surface towards the light
    _, blocked = march(points + n * 4 * HIT_EPSILON + light * 1e-3, light.expand_as(points))
    lit = (~blocked).float()[:, None]
    diffuse = (n @ light).clamp(min=0)[:, None]
    specular_k = torch.tensor([MATERIALS[name].specular for name in OBJECTS])[which][:, None]
    shininess = torch.tensor([MATERIALS[name].shininess for name in OBJECTS])[which][:, None]
    half = light - directions  # Blinn-Phong: the half vector between the light and the viewer
    half = half / half.norm(dim=-1, keepdim=True)
    highlight = specular_k * (n * half).sum(-1, keepdim=True).clamp(min=0) ** shininess
    colour = _albedo(points, which) * (AMBIENT + (1 - AMBIENT) * diffuse * lit) + highlight * lit
    return colour.clamp(0, 1)


def trace(origins: Tensor, directions: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """Returns the exact colour [..., 3], depth [...] (inf on a miss) and hit mask [...] of rays [..., 3]."""
    shape = origins.shape[:-1]
    o, d = origins.reshape(-1, 3), directions.reshape(-1, 3)
    depth, hit = march(o, d)
    colour = torch.tensor(BACKGROUND).repeat(o.shape[0], 1)
    if hit.any():
        colour[hit] = shade(o[hit] + depth[hit, None] * d[hit], d[hit])
    return colour.reshape(*shape, 3), depth.reshape(shape), hit.reshape(shape)


def render(camera: Camera) -> tuple[Tensor, Tensor]:
    """Returns the exact image [H, W, 3] in [0, 1] and depth map [H, W] (inf where the ray misses) of a view."""
    origins, directions = rays(camera)
    colour, depth, _ = trace(origins, directions)
    return colour, depth


def surface_points(count: int, *, generator: torch.Generator | None = None) -> tuple[Tensor, Tensor]:
    """Returns `count` points on the scene's surfaces [N, 3] and their diffuse colours [N, 3].

    Random points in the bounds are pulled onto the nearest surface along the distance field's
    gradient; they stand in for the structure-from-motion points that initialise Gaussian splatting.
    """
    low, high = torch.tensor(BOUNDS[0]), torch.tensor(BOUNDS[1])
    points = low + (high - low) * torch.rand(count, 3, generator=generator)
    for _ in range(12):
        points = points - sdf(points)[:, None] * normals(points)
    which = object_distances(points).argmin(dim=-1)
    return points, _albedo(points, which) * (AMBIENT + (1 - AMBIENT) * 0.7)
