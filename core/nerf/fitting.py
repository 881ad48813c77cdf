"""Fitting a radiance field to the training views: one optimisation step on a random batch of rays.

The loss is the paper's: the mean squared error between rendered and true pixel colours (eq. 6 of
Mildenhall et al. 2020, with one field for both passes). `RayBatches` holds every training ray once;
`make_step` returns the closure the generic training loop calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import torch
from torch import nn

from core.checkpoint import save_checkpoint
from core.loop import Progress, Trainer
from core.metrics.image import psnr
from core.nerf.fields import GridField, GridFieldConfig, NeRF, NeRFConfig
from core.nerf.renderer import render_rays, render_view
from core.scene.views import Views, fit_recipe
from core.seeding import init_weights

FieldKind = Literal["nerf", "grid"]


@dataclass
class FitConfig:
    """How a radiance field is fitted."""

    batch_rays: int = 1024
    samples: int = 48  # stratified samples per ray
    fine_samples: int = 0  # importance samples per ray (0: stratified only)
    lr: float = 5e-3
    lr_final: float | None = None  # if set, the rate decays exponentially to lr_final over `steps`, then stays there
    decoder_lr: float | None = None  # a grid field's colour decoder (a small MLP) at its own rate; None: `lr` for everything
    steps: int = 1000  # the length of the decay (the run itself is bounded by the loop's budget)
    tv_weight: float = 0.0  # weight of a field's total variation (only fields that define one: the voxel grid)


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


def parameter_groups(field: nn.Module, config: FitConfig) -> list[dict]:
    """Returns Adam's parameter groups: one at `config.lr`, or, with `decoder_lr` and a field that has a `decoder`,
    the grids at `lr` and the decoder at `decoder_lr`.

    A voxel grid learns fastest with a large step (each voxel sees few rays: DVGO uses 0.1), which would
    throw the decoder's weights, shared by every sample, far off; so the two get different rates."""
    decoder: nn.Module | None = getattr(field, "decoder", None)
    if config.decoder_lr is None or decoder is None:
        return [{"params": list(field.parameters()), "lr": config.lr}]
    inner = {id(p) for p in decoder.parameters()}
    grids = [p for p in field.parameters() if id(p) not in inner]
    return [{"params": grids, "lr": config.lr}, {"params": list(decoder.parameters()), "lr": config.decoder_lr}]


def make_step(
    field: nn.Module, views: Views, config: FitConfig, *, generator: torch.Generator | None = None
) -> Callable[[], dict[str, float]]:
    """Returns a closure that takes one Adam step on a random batch of rays and returns {"loss", "psnr"}."""
    batches = RayBatches(views)
    regulariser: Callable[[], torch.Tensor] | None = getattr(field, "total_variation", None) if config.tv_weight > 0 else None
    optimiser = torch.optim.Adam(parameter_groups(field, config))
    floor = config.lr_final / config.lr if config.lr_final else 1.0
    gamma = floor ** (1 / max(1, config.steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda done: max(floor, gamma**done))  # every group alike

    def step() -> dict[str, float]:
        origins, directions, near, far, colours = batches.draw(config.batch_rays, generator)
        out = render_rays(
            field, origins, directions, near, far, samples=config.samples, fine_samples=config.fine_samples, generator=generator
        )
        mse = torch.mean((out.rendered.rgb - colours) ** 2)
        loss = mse + config.tv_weight * regulariser() if regulariser is not None else mse
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
        schedule.step()
        return {"loss": mse.item(), "psnr": -10.0 * torch.log10(mse.detach()).item()}

    return step


def held_out_psnr(field: nn.Module, views: Views, *, samples: int = 64, fine_samples: int = 0) -> float:
    """Returns the mean PSNR in dB of the field's renders of `views` against their exact images."""
    scores = [
        psnr(render_view(field, c, samples=samples, fine_samples=fine_samples).rgb, image)
        for c, image in zip(views.cameras, views.images, strict=True)
    ]
    return sum(scores) / len(scores)


def fit(
    field: nn.Module,
    views: Views,
    held_out: Views,
    config: FitConfig,
    *,
    max_steps: int,
    max_seconds: float | None = None,
    report_every: int = 50,
    generator: torch.Generator | None = None,
) -> Iterator[Progress]:
    """Fits `field` to `views`, yielding `Progress` whose metrics add the held-out PSNR and whose preview is held-out view 0.

    Intermediate reports measure the first held-out view only (it is cheap); the final one measures them all.
    """
    trainer = Trainer(make_step(field, views, config, generator=generator))
    first = Views(held_out.cameras[:1], held_out.images[:1], held_out.depths[:1])
    for progress in trainer.run(max_steps, max_seconds=max_seconds, report_every=report_every):
        whole = progress.done
        progress.metrics["held_out_psnr"] = held_out_psnr(field, held_out if whole else first, samples=config.samples)
        progress.preview = render_view(field, held_out.cameras[0], samples=config.samples).rgb
        yield progress


def train_radiance_field(
    out: str | Path,
    kind: FieldKind = "nerf",
    *,
    steps: int = 6000,
    views: int = 48,
    size: int = 64,
    seed: int = 0,
    fit_config: FitConfig | None = None,
    **field_options,
) -> Iterator[Progress]:
    """Fits a radiance field of `kind` to the scene's training views, saves it to `out` with its held-out PSNR, yields progress."""
    generator = torch.Generator().manual_seed(seed)
    field = init_weights(make_field(kind, **field_options), generator)
    config = fit_config or FitConfig(**DEFAULT_FIT[kind], steps=steps)
    last = None
    for last in fit_recipe(fit, field, config, views=views, size=size, steps=steps, generator=generator):
        yield last
    assert last is not None
    command = f"python -m core.retrain {'nerf' if kind == 'nerf' else 'grid-field'} --steps {steps} --seed {seed}"
    save_checkpoint(
        field,
        out,
        extra={"command": command, "held_out_psnr": f"{last.metrics['held_out_psnr']:.2f}", "views": str(views), "size": str(size)},
    )


DEFAULT_FIT: dict[str, dict] = {
    "nerf": {"lr": 5e-3, "lr_final": 5e-4, "samples": 48, "batch_rays": 1024},
    # the voxels at a large rate and the decoder at the MLP's (one rate of 0.05 for both: 24.1 dB after 150 s; these: 25 dB
    # after 20 s, one thread), with a light total-variation prior (0.01 kept the box half transparent and the floor blurred)
    "grid": {"lr": 0.4, "lr_final": 0.02, "decoder_lr": 0.005, "samples": 48, "batch_rays": 1024, "tv_weight": 3e-4},
}
