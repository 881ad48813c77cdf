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

import numpy as np
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


# The objects' placements, built once. A view marches every ray a hundred times or more through these functions,
# mostly with a few dozen rays left (the grazing ones), so each step's cost is the operations' own overhead: the
# scene computes in NumPy, whose operations start about three times faster than PyTorch's (a 64-pixel view in 30 ms
# instead of 90), behind functions that take and return tensors.
_SPHERE_CENTRE, SPHERE_RADIUS = np.array([-0.55, -0.35, 0.5], dtype=np.float32), 0.5
_BOX_CENTRE, _BOX_HALF = np.array([0.62, -0.25, 0.35], dtype=np.float32), np.array([0.3, 0.3, 0.35], dtype=np.float32)
_BOX_TO_LOCAL = np.array(  # points @ this turns world offsets into the box's frame (a turn of -BOX_ANGLE)
    [[math.cos(BOX_ANGLE), -math.sin(BOX_ANGLE), 0.0], [math.sin(BOX_ANGLE), math.cos(BOX_ANGLE), 0.0], [0.0, 0.0, 1.0]],
    dtype=np.float32,
)
_TORUS_CENTRE, TORUS_RADII = np.array([0.1, 0.72, 0.15], dtype=np.float32), (0.42, 0.15)  # major radius (lying flat), minor
_FLOOR_CENTRE, _FLOOR_HALF = np.array([0.0, 0.0, -0.05], dtype=np.float32), np.array([1.5, 1.5, 0.05], dtype=np.float32)
_LIGHT = np.array(LIGHT_DIRECTION, dtype=np.float32) / np.linalg.norm(LIGHT_DIRECTION)
_ALBEDO, _SPECULAR, _SHININESS = (
    np.array([getattr(MATERIALS[name], key) for name in OBJECTS], dtype=np.float32) for key in ("albedo", "specular", "shininess")
)


def _array(x: Tensor) -> np.ndarray:
    return x.detach().cpu().numpy()


def _tensor(a: np.ndarray, like: Tensor) -> Tensor:
    return torch.from_numpy(np.ascontiguousarray(a)).to(like.device)


def _length(v: np.ndarray) -> np.ndarray:
    return np.sqrt((v * v).sum(axis=-1))


def _sphere(p: np.ndarray) -> np.ndarray:
    return _length(p - _SPHERE_CENTRE) - SPHERE_RADIUS


def _box_sdf(q: np.ndarray, half: np.ndarray) -> np.ndarray:
    d = np.abs(q) - half
    return _length(np.maximum(d, 0)) + np.minimum(d.max(axis=-1), 0)


def _box(p: np.ndarray) -> np.ndarray:
    return _box_sdf((p - _BOX_CENTRE) @ _BOX_TO_LOCAL, _BOX_HALF)


def _torus(p: np.ndarray) -> np.ndarray:
    q = p - _TORUS_CENTRE
    major, minor = TORUS_RADII
    return np.hypot(np.hypot(q[..., 0], q[..., 1]) - major, q[..., 2]) - minor


def _floor(p: np.ndarray) -> np.ndarray:
    return _box_sdf(p - _FLOOR_CENTRE, _FLOOR_HALF)


_SDFS = {"floor": _floor, "sphere": _sphere, "box": _box, "torus": _torus}


def _distances(p: np.ndarray) -> np.ndarray:
    return np.stack([_SDFS[name](p) for name in OBJECTS], axis=-1)


def _sdf(p: np.ndarray) -> np.ndarray:
    floor, sphere, box, torus = (_SDFS[name](p) for name in OBJECTS)
    return np.minimum(np.minimum(floor, sphere), np.minimum(box, torus))


def _normals(p: np.ndarray, eps: float = 1e-4) -> np.ndarray:
    offsets = np.eye(3, dtype=p.dtype) * eps
    grad = np.stack([_sdf(p + o) - _sdf(p - o) for o in offsets], axis=-1)
    return grad / np.maximum(_length(grad), 1e-12)[..., None]


def object_distances(points: Tensor) -> Tensor:
    """Returns the signed distance from each point to each object (in `OBJECTS` order), [..., 4]."""
    return _tensor(_distances(_array(points)), points)


def sdf(points: Tensor) -> Tensor:
    """Returns the signed distance from each point [..., 3] to the nearest surface of the scene, [...]."""
    return _tensor(_sdf(_array(points)), points)


def normals(points: Tensor, eps: float = 1e-4) -> Tensor:
    """Returns the unit surface normals at points on (or near) the surface, by central differences, [..., 3]."""
    return _tensor(_normals(_array(points), eps), points)


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


def _march(origins: np.ndarray, directions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    entry, exit_ = (_array(x) for x in _box_entry_exit(torch.from_numpy(origins), torch.from_numpy(directions)))
    t = entry.copy()
    hit = np.zeros(t.shape, dtype=bool)
    index = np.flatnonzero(exit_ > entry)  # the rays still marching, compacted every step
    o, d, t_active, far = origins[index], directions[index], t[index], exit_[index]
    for _ in range(MAX_MARCH_STEPS):
        if index.size == 0:
            break
        step = _sdf(o + t_active[:, None] * d)
        t_active = t_active + step
        reached = step < HIT_EPSILON
        t[index] = t_active
        hit[index[reached]] = True
        keep = ~reached & (t_active <= far)
        index, o, d, t_active, far = index[keep], o[keep], d[keep], t_active[keep], far[keep]
    return np.where(hit, t, np.asarray(math.inf, dtype=t.dtype)), hit


def march(origins: Tensor, directions: Tensor) -> tuple[Tensor, Tensor]:
    """Returns the distance to the first surface along each ray and whether it hit one, each [N] for rays [N, 3].

    Sphere tracing: step forward by the distance to the nearest surface, which can never overshoot it.
    """
    t, hit = _march(_array(origins), _array(directions))
    return _tensor(t, origins), _tensor(hit, origins)


def _albedo(points: np.ndarray, which: np.ndarray) -> np.ndarray:
    albedo = _ALBEDO[which]  # [N, 3]
    on_floor = which == OBJECTS.index("floor")
    tile = np.mod(np.floor(points[:, 0] / CHECKER) + np.floor(points[:, 1] / CHECKER), 2) == 1
    return np.where((on_floor & tile)[:, None], albedo * 0.55, albedo)


def _shade(points: np.ndarray, directions: np.ndarray) -> np.ndarray:
    which = _distances(points).argmin(axis=-1)
    n = _normals(points)
    # hard shadows: march from just above the surface towards the light
    light = _LIGHT.astype(points.dtype)
    _, blocked = _march(points + n * 4 * HIT_EPSILON + light * 1e-3, np.repeat(light[None], len(points), axis=0))
    lit = (~blocked).astype(points.dtype)[:, None]
    diffuse = np.maximum(n @ light, 0)[:, None]
    half = light - directions  # Blinn-Phong: the half vector between the light and the viewer
    half = half / _length(half)[:, None]
    highlight = _SPECULAR[which][:, None] * np.maximum((n * half).sum(axis=-1, keepdims=True), 0) ** _SHININESS[which][:, None]
    colour = _albedo(points, which) * (AMBIENT + (1 - AMBIENT) * diffuse * lit) + highlight * lit
    return np.clip(colour, 0, 1)


def shade(points: Tensor, directions: Tensor) -> Tensor:
    """Returns the colour seen at surface points [N, 3] by rays arriving along `directions` [N, 3], in [0, 1]."""
    return _tensor(_shade(_array(points), _array(directions)), points)


def trace(origins: Tensor, directions: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """Returns the exact colour [..., 3], depth [...] (inf on a miss) and hit mask [...] of rays [..., 3]."""
    shape = origins.shape[:-1]
    o, d = _array(origins).reshape(-1, 3), _array(directions).reshape(-1, 3)
    depth, hit = _march(o, d)
    colour = np.tile(np.asarray(BACKGROUND, dtype=o.dtype), (o.shape[0], 1))
    if hit.any():
        colour[hit] = _shade(o[hit] + depth[hit, None] * d[hit], d[hit])
    return (_tensor(colour.reshape(*shape, 3), origins), _tensor(depth.reshape(shape), origins), _tensor(hit.reshape(shape), origins))


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
    start = low + (high - low) * torch.rand(count, 3, generator=generator)
    points = _array(start)
    for _ in range(12):
        points = points - _sdf(points)[:, None] * _normals(points)
    colours = _albedo(points, _distances(points).argmin(axis=-1)) * (AMBIENT + (1 - AMBIENT) * 0.7)
    return _tensor(points, start), _tensor(colours, start)
