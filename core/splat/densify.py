"""Adaptive density control: clone, split and prune Gaussians while they train (section 5.2 of Kerbl et al. 2023).

Where the loss keeps pushing a Gaussian's projected centre (a large mean gradient of the 2D means,
averaged over the views that saw it), the region is under-reconstructed:

- a **small** Gaussian there is **cloned** (a copy at the same place: the two then move apart);
- a **large** one is **split** in two, drawn from it, each with its scales divided by 1.6;
- Gaussians almost transparent (opacity < 0.005) or too large are **pruned**.

Every change of the count rebuilds the parameters, so the optimiser's Adam moments are carried over
row by row (zero for new rows), as the reference's `cat_tensors_to_optimizer` and `_prune_optimizer`
do. The same code serves the 3D splat (`core.splat.gaussians.Gaussians`) and the 2D image model
(`core.splat.image2d.Image2D`): both expose `parameters_by_name`, `set_parameters`, `scales`,
`opacities` and `sample_inside`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

import torch
from torch import Tensor, nn


class Densifiable(Protocol):
    """What densification needs of a model of N Gaussians (3D or 2D)."""

    opacity_logits: nn.Parameter

    def parameters_by_name(self) -> dict[str, nn.Parameter]: ...
    def set_parameters(self, values: dict[str, Tensor]) -> None: ...
    def scales(self) -> Tensor: ...
    def opacities(self) -> Tensor: ...
    def sample_inside(self, index: Tensor, *, generator: torch.Generator | None = None) -> Tensor: ...


@dataclass
class DensifyConfig:
    """When and how Gaussians are cloned, split and pruned (the reference's defaults where they carry over)."""

    grad_threshold: float = 0.0002  # mean norm of the 2D mean's gradient, in normalised image units (as the reference)
    dense_fraction: float = 0.01  # larger than this fraction of the extent: split; smaller: clone ("percent_dense")
    min_opacity: float = 0.005  # more transparent than this: pruned
    max_scale_fraction: float = 0.1  # a scale larger than this fraction of the extent: pruned
    split_factor: float = 1.6  # a split Gaussian's children have their scales divided by this
    max_count: int = 50_000  # no densification past this many Gaussians (memory and time stay bounded)


def make_optimizer(model: Densifiable, learning_rates: dict[str, float]) -> torch.optim.Adam:
    """Returns an Adam optimiser with one named parameter group per parameter of `model` (rates by name)."""
    groups = [{"params": [p], "lr": learning_rates[name], "name": name} for name, p in model.parameters_by_name().items()]
    return torch.optim.Adam(groups, lr=0.0, eps=1e-15)


class GradientStats:
    """The running mean of each Gaussian's 2D-mean gradient norm, over the views in which it was visible."""

    def __init__(self, count: int):
        self.total = torch.zeros(count)  # [N]
        self.seen = torch.zeros(count)  # [N]

    def add(self, means2d_grad: Tensor, visible: Tensor, width: int, height: int) -> None:
        """Adds one view's gradients of the 2D means [N, 2] (pixels) for the `visible` [N] Gaussians."""
        # in the reference's units: the means are in normalised device coordinates, [-1, 1] across the image
        ndc = means2d_grad.detach() * torch.tensor([width / 2, height / 2], dtype=means2d_grad.dtype)
        self.total += torch.where(visible, ndc.norm(dim=-1), torch.zeros_like(self.total)).float()
        self.seen += visible.float()

    def mean(self) -> Tensor:
        """Returns the mean gradient norm per Gaussian [N] (0 if never seen)."""
        return self.total / self.seen.clamp(min=1)


def _rebuild(model: Densifiable, optimizer: torch.optim.Optimizer, source: Tensor, appended: dict[str, Tensor]) -> None:
    """Replaces every parameter p by cat(p[source], appended[name]), carrying Adam's moments over (zeros for new rows)."""
    old = model.parameters_by_name()
    new_values = {name: torch.cat([p.detach()[source], appended[name].detach()]) for name, p in old.items()}
    model.set_parameters(new_values)
    new = model.parameters_by_name()
    for group in optimizer.param_groups:
        name = group["name"]
        state = optimizer.state.pop(old[name], None)
        group["params"] = [new[name]]
        if state:
            extra = appended[name].shape[0]
            for key in ("exp_avg", "exp_avg_sq"):
                moment = state[key]
                state[key] = torch.cat([moment[source], torch.zeros(extra, *moment.shape[1:], dtype=moment.dtype)])
            optimizer.state[new[name]] = state


def _rows(model: Densifiable, index: Tensor) -> dict[str, Tensor]:
    return {name: p.detach()[index] for name, p in model.parameters_by_name().items()}


@torch.no_grad()
def densify_and_prune(
    model: Densifiable,
    optimizer: torch.optim.Optimizer,
    stats: GradientStats,
    config: DensifyConfig,
    extent: float,
    *,
    generator: torch.Generator | None = None,
) -> dict[str, int]:
    """Clones, splits and prunes the Gaussians of `model` in place; returns how many were cloned, split and pruned.

    `extent` is the scene's size (the reference's camera extent; the image's for a 2D model): the
    size thresholds are fractions of it. The optimiser's state follows the surviving rows.
    """
    n = len(stats.total)
    grads = stats.mean()
    biggest = model.scales().max(dim=-1).values
    room = config.max_count > n
    hot = (grads >= config.grad_threshold) & room
    clone = hot & (biggest <= config.dense_fraction * extent)
    split = hot & (biggest > config.dense_fraction * extent)
    # budget: never go past max_count (clones add one, splits add one net)
    allowed = max(0, config.max_count - n)
    if int(clone.sum() + split.sum()) > allowed:
        ranked = torch.argsort(torch.where(hot, grads, torch.full_like(grads, -math.inf)), descending=True)[:allowed]
        keep_hot = torch.zeros_like(hot)
        keep_hot[ranked] = True
        clone, split = clone & keep_hot, split & keep_hot
    # 1. clone: copies of the small ones
    cloned = _rows(model, clone.nonzero()[:, 0])
    # 2. split: two children drawn from each large one, scales / 1.6; the parent goes
    parents = split.nonzero()[:, 0]
    children = _rows(model, parents.repeat(2))
    children["means"] = model.sample_inside(parents.repeat(2), generator=generator)
    children["log_scales"] = children["log_scales"] - math.log(config.split_factor)
    # 3. prune: the transparent and the huge (among the old rows; children and clones are kept)
    prune = (model.opacities() < config.min_opacity) | (biggest > config.max_scale_fraction * extent) | split
    source = (~prune).nonzero()[:, 0]
    appended = {name: torch.cat([cloned[name], children[name]]) for name in cloned}
    _rebuild(model, optimizer, source, appended)
    pruned = int(prune.sum()) - int(split.sum())
    return {"cloned": int(clone.sum()), "split": int(split.sum()), "pruned": pruned}


@torch.no_grad()
def prune(model: Densifiable, optimizer: torch.optim.Optimizer, keep: Tensor) -> None:
    """Keeps only the Gaussians where `keep` [N] is true, optimiser state included."""
    empty = {name: p.detach()[:0] for name, p in model.parameters_by_name().items()}
    _rebuild(model, optimizer, keep.nonzero()[:, 0], empty)


@torch.no_grad()
def reset_opacity(model: Densifiable, optimizer: torch.optim.Optimizer, value: float = 0.01) -> None:
    """Caps every opacity at `value` and zeroes its Adam moments (the reference's periodic opacity reset)."""
    logits = model.opacity_logits
    logits.copy_(torch.minimum(logits, torch.logit(torch.tensor(value))))
    state = optimizer.state.get(logits)
    if state:
        state["exp_avg"].zero_()
        state["exp_avg_sq"].zero_()
