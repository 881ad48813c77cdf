"""Fitting a radiance field to the training views: one optimisation step on a random batch of rays.

The loss is the paper's: the mean squared error between rendered and true pixel colours (eq. 6 of
Mildenhall et al. 2020, with one field for both passes). `RayBatches` holds every training ray once;
`make_step` returns the closure the generic training loop calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import torch
from torch import nn

from core.nerf.fields import GridField, GridFieldConfig, NeRF, NeRFConfig
from core.nerf.renderer import render_rays, render_view
from core.scene.views import Views, psnr

FieldKind = Literal["nerf", "grid"]


@dataclass
class FitConfig:
    """How a radiance field is fitted."""

    batch_rays: int = 1024
    samples: int = 48  # stratified samples per ray
    fine_samples: int = 0  # importance samples per ray (0: stratified only)
    lr: float = 5e-3


def make_field(kind: FieldKind, **options) -> nn.Module:
    """Returns a fresh radiance field of `kind` ("nerf" or "grid"), its config built from `options`."""
    if kind == "nerf":
        return NeRF(NeRFConfig(**options))
    if kind == "grid":
        return GridField(GridFieldConfig(**options))
    raise ValueError(f"unknown field kind {kind!r}; choose 'nerf' or 'grid'")


class RayBatches:
    """Every training pixel's ray, drawn in random batches."""

    def __init__(self, views: Views):
        self.origins, self.directions, self.near, self.far, self.colours = views.rays()

    def __len__(self) -> int:
        return self.origins.shape[0]

    def draw(self, count: int, generator: torch.Generator | None = None):
        """Returns `count` random rays: origins, directions, near, far [R] and true colours [R, 3]."""
        index = torch.randint(len(self), (count,), generator=generator)
        return self.origins[index], self.directions[index], self.near[index], self.far[index], self.colours[index]


def make_step(
    field: nn.Module, views: Views, config: FitConfig, *, generator: torch.Generator | None = None
) -> Callable[[], dict[str, float]]:
    """Returns a closure that takes one Adam step on a random batch of rays and returns {"loss", "psnr"}."""
    batches = RayBatches(views)
    optimiser = torch.optim.Adam(field.parameters(), lr=config.lr)

    def step() -> dict[str, float]:
        origins, directions, near, far, colours = batches.draw(config.batch_rays, generator)
        out = render_rays(
            field, origins, directions, near, far, samples=config.samples, fine_samples=config.fine_samples, generator=generator
        )
        loss = torch.mean((out.rendered.rgb - colours) ** 2)
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
        return {"loss": loss.item(), "psnr": -10.0 * torch.log10(loss.detach()).item()}

    return step


def held_out_psnr(field: nn.Module, views: Views, *, samples: int = 64, fine_samples: int = 0) -> float:
    """Returns the mean PSNR in dB of the field's renders of `views` against their exact images."""
    scores = [
        psnr(render_view(field, c, samples=samples, fine_samples=fine_samples).rgb, image)
        for c, image in zip(views.cameras, views.images, strict=True)
    ]
    return sum(scores) / len(scores)
