"""Training and held-out views of the scene: cameras with their exact images, and their rays.

Both 3D tabs train on the same `train_views` and measure on the same `held_out_views`, whose cameras
sit between the training ones (`hemisphere_cameras(offset=0.5)`), so a held-out PSNR is a view the
model never saw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import torch
from torch import Tensor

from core.loop import Progress
from core.scene.cameras import Camera, hemisphere_cameras, orbit_camera, rays
from core.scene.scene import bounds_along, render

HELD_OUT_COUNT = 4


@dataclass(frozen=True)
class Views:
    """Cameras and what they see: V views of H x W pixels."""

    cameras: tuple[Camera, ...]
    images: Tensor  # [V, H, W, 3] in [0, 1]
    depths: Tensor  # [V, H, W], inf where the ray sees the background

    def __len__(self) -> int:
        return len(self.cameras)

    def rays(self) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
        """Returns every pixel's ray: origins [R, 3], directions [R, 3], near [R], far [R] and colour [R, 3]."""
        origins, directions = zip(*(rays(c) for c in self.cameras), strict=True)
        o, d = torch.stack(origins).reshape(-1, 3), torch.stack(directions).reshape(-1, 3)
        near, far = bounds_along(o, d)
        return o, d, near, far, self.images.reshape(-1, 3)


@lru_cache(maxsize=16)
def _views(count: int, size: int, offset: float) -> Views:
    cameras = tuple(hemisphere_cameras(count, size=size, offset=offset))
    images, depths = zip(*(render(c) for c in cameras), strict=True)
    return Views(cameras, torch.stack(images), torch.stack(depths))


@lru_cache(maxsize=256)
def orbit_truth(azimuth: float, elevation: float, distance: float, size: int = 64) -> tuple[Camera, Tensor]:
    """Returns an orbit camera and the scene's exact image from it [size, size, 3], for the last 256 poses asked.

    The NeRF and splat tabs show the truth beside every view they render, and a class flies to the same
    poses again and again (the page-load pose above all, a slider dragged back and forth); an exact image
    takes about 30 ms, a third of a flown view's time, and each kept one 48 kB at 64 pixels (12 MB for all).
    The image is shared: read it, never write to it."""
    camera = orbit_camera(azimuth, elevation, distance, size=size)
    return camera, render(camera)[0]


def train_views(count: int = 24, size: int = 64) -> Views:
    """Returns `count` training views of `size` x `size` pixels (rendered once, then cached)."""
    return _views(count, size, 0.0)


def held_out_views(size: int = 64, count: int = HELD_OUT_COUNT) -> Views:
    """Returns the held-out views: cameras between the training ones, never trained on."""
    return _views(count, size, 0.5)


def fit_recipe(
    fit: Callable[..., Iterator[Progress]], model: Any, config: Any, *, views: int, size: int, steps: int, generator: torch.Generator
) -> Iterator[Progress]:
    """Runs a shipped recipe's `fit` (NeRF's or the splat's) of `model` on `views` training views and the held-out views
    of `size` pixels for `steps` steps, reporting 20 times: the loop behind `python -m core.retrain nerf / splat`."""
    return fit(
        model,
        train_views(views, size),
        held_out_views(size),
        config,
        max_steps=steps,
        report_every=max(1, steps // 20),
        generator=generator,
    )
