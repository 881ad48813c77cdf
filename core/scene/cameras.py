"""Pinhole cameras looking at the scene, and the rays through their pixels.

The convention is NeRF's (Mildenhall et al. 2020, https://arxiv.org/abs/2003.08934), itself
OpenGL's: a camera looks down its own -z axis, +x points right and +y up in the picture. A pose is
the 4x4 camera-to-world matrix whose columns are the camera's right, up and backward axes and its
centre. The world is z-up: the floor is the plane z = 0 and cameras orbit on the upper hemisphere.

NeRF and Gaussian splatting use these same cameras, so their held-out PSNRs compare like with like.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor

WORLD_UP = (0.0, 0.0, 1.0)


@dataclass(frozen=True)
class Camera:
    """A pinhole camera: image size, focal length in pixels and the camera-to-world pose."""

    width: int
    height: int
    focal: float  # pixels; the principal point is the image centre
    c2w: Tensor  # [4, 4] camera-to-world: columns are right, up, backward (the view is -z) and the centre

    @property
    def center(self) -> Tensor:
        """Returns the camera's position in the world, [3]."""
        return self.c2w[:3, 3]

    @property
    def forward(self) -> Tensor:
        """Returns the unit vector the camera looks along, [3]."""
        return -self.c2w[:3, 2]

    def intrinsics(self) -> Tensor:
        """Returns the 3x3 intrinsic matrix K (pixels, principal point at the image centre)."""
        return torch.tensor([[self.focal, 0.0, self.width / 2], [0.0, self.focal, self.height / 2], [0.0, 0.0, 1.0]])

    def with_size(self, width: int, height: int) -> Camera:
        """Returns the same camera at another resolution (same field of view)."""
        return Camera(width, height, self.focal * width / self.width, self.c2w)


def look_at(eye: Tensor, target: Tensor, up: tuple[float, float, float] = WORLD_UP) -> Tensor:
    """Returns the 4x4 camera-to-world pose of a camera at `eye` looking at `target`."""
    eye, target = eye.to(torch.float32), target.to(torch.float32)
    backward = eye - target
    backward = backward / backward.norm()
    right = torch.linalg.cross(torch.tensor(up, dtype=torch.float32), backward)
    if right.norm() < 1e-6:  # looking straight up or down: any right vector perpendicular to the view works
        right = torch.linalg.cross(torch.tensor((0.0, 1.0, 0.0)), backward)
    right = right / right.norm()
    true_up = torch.linalg.cross(backward, right)
    pose = torch.eye(4)
    pose[:3, 0], pose[:3, 1], pose[:3, 2], pose[:3, 3] = right, true_up, backward, eye
    return pose


def orbit_position(azimuth: float, elevation: float, distance: float, target: Tensor | None = None) -> Tensor:
    """Returns the point at `distance` from `target` seen at `azimuth` and `elevation` (degrees), [3]."""
    target = torch.zeros(3) if target is None else target
    az, el = math.radians(azimuth), math.radians(elevation)
    offset = torch.tensor([math.cos(el) * math.cos(az), math.cos(el) * math.sin(az), math.sin(el)])
    return target + distance * offset


def orbit_camera(
    azimuth: float,
    elevation: float,
    distance: float,
    *,
    size: int = 64,
    fov: float = 50.0,
    target: Tensor | None = None,
) -> Camera:
    """Returns a square camera on a sphere around `target`, looking at it; angles and field of view in degrees."""
    target = torch.zeros(3) if target is None else target
    focal = 0.5 * size / math.tan(math.radians(fov) / 2)
    return Camera(size, size, focal, look_at(orbit_position(azimuth, elevation, distance, target), target))


def rays(camera: Camera) -> tuple[Tensor, Tensor]:
    """Returns the origins and unit directions of the rays through every pixel centre, each [H, W, 3]."""
    j, i = torch.meshgrid(torch.arange(camera.height, dtype=torch.float32), torch.arange(camera.width, dtype=torch.float32), indexing="ij")
    # pixel (i, j) -> camera space: x right, y up, the image plane at z = -1
    x = (i + 0.5 - camera.width / 2) / camera.focal
    y = -(j + 0.5 - camera.height / 2) / camera.focal
    directions_cam = torch.stack([x, y, -torch.ones_like(x)], dim=-1)  # [H, W, 3]
    directions = directions_cam @ camera.c2w[:3, :3].T
    directions = directions / directions.norm(dim=-1, keepdim=True)
    origins = camera.center.expand_as(directions)
    return origins, directions


def hemisphere_cameras(
    count: int,
    *,
    distance: float = 4.5,
    min_elevation: float = 15.0,
    max_elevation: float = 65.0,
    size: int = 64,
    fov: float = 50.0,
    offset: float = 0.0,
) -> list[Camera]:
    """Returns `count` cameras spread evenly over a band of the upper hemisphere, all looking at the origin.

    The azimuths follow the golden angle and the elevations sweep the band, so any prefix of the list
    covers the scene roughly evenly. `offset` (0 to 1) shifts the whole spiral: held-out cameras use an
    offset of a half so that none coincides with a training camera.
    """
    golden = 180.0 * (3.0 - math.sqrt(5.0))  # degrees
    cameras = []
    for k in range(count):
        fraction = ((k + 0.5 + offset) / count) % 1.0
        # even in sin(elevation): equal areas of the band
        low, high = math.sin(math.radians(min_elevation)), math.sin(math.radians(max_elevation))
        elevation = math.degrees(math.asin(low + fraction * (high - low)))
        azimuth = (k + offset) * golden % 360.0
        cameras.append(orbit_camera(azimuth, elevation, distance, size=size, fov=fov))
    return cameras


def frustum_corners(camera: Camera, depth: float = 0.5) -> Tensor:
    """Returns the world positions of the image's four corners at `depth` along the view, [4, 3] (clockwise from top left)."""
    half_w, half_h = camera.width / (2 * camera.focal), camera.height / (2 * camera.focal)
    corners = torch.tensor([[-half_w, half_h, -1.0], [half_w, half_h, -1.0], [half_w, -half_h, -1.0], [-half_w, -half_h, -1.0]])
    return camera.center + depth * corners @ camera.c2w[:3, :3].T


def turntable(frames: int, *, elevation: float = 30.0, distance: float = 4.5, size: int = 64, fov: float = 50.0) -> list[Camera]:
    """Returns `frames` cameras evenly spaced on one full turn around the scene at `elevation`."""
    return [orbit_camera(360.0 * k / frames, elevation, distance, size=size, fov=fov) for k in range(frames)]
