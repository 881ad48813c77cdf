"""Where to look along a ray: stratified samples, then importance samples where the weights are.

Section 5.2 of Mildenhall et al. 2020: the coarse pass splits [near, far] into S equal bins and draws
one uniform point in each (stratified sampling, so the network sees continuous positions over
training); the fine pass treats the coarse weights as a piecewise-constant density along the ray and
draws more points from it by inverse transform sampling (hierarchical, or importance, sampling).
"""

from __future__ import annotations

import torch
from torch import Tensor

from core.device import rand


def stratified(near: Tensor, far: Tensor, count: int, *, generator: torch.Generator | None = None, jitter: bool = True) -> Tensor:
    """Returns `count` sorted distances per ray in [near, far], one in each of `count` equal bins, [R, count].

    Without `jitter` each sample sits at its bin's centre (deterministic, for rendering).
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    edges = torch.linspace(0.0, 1.0, count + 1, dtype=near.dtype, device=near.device)  # [S + 1]
    lower, width = edges[:-1], edges[1] - edges[0]
    if jitter:
        u = rand((*near.shape, count), generator=generator, device=near.device, dtype=near.dtype)
    else:
        u = torch.full((*near.shape, count), 0.5, dtype=near.dtype)
    fractions = lower + width * u  # [R, S]
    return near[..., None] + (far - near)[..., None] * fractions


def importance(
    bins: Tensor, weights: Tensor, count: int, *, generator: torch.Generator | None = None, deterministic: bool = False
) -> Tensor:
    """Returns `count` sorted distances per ray drawn from the piecewise-constant density `weights` on `bins`, [R, count].

    bins: [R, B + 1] bin edges along each ray; weights: [R, B] (any non-negative values; normalised here).
    Inverse transform sampling: u ~ U(0, 1) is mapped through the inverse of the cumulative distribution.
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    weights = weights + 1e-5  # no empty bins: a ray with all-zero weights samples uniformly
    pdf = weights / weights.sum(dim=-1, keepdim=True)
    cdf = torch.cat([torch.zeros_like(pdf[..., :1]), torch.cumsum(pdf, dim=-1)], dim=-1)  # [R, B + 1]
    cdf[..., -1] = 1.0
    if deterministic:
        u = torch.linspace(0.0, 1.0, count + 2, dtype=bins.dtype, device=bins.device)[1:-1].expand(*cdf.shape[:-1], count).contiguous()
    else:
        u = rand((*cdf.shape[:-1], count), generator=generator, device=bins.device, dtype=bins.dtype)
    upper = torch.searchsorted(cdf, u, right=True).clamp(1, cdf.shape[-1] - 1)  # the bin whose cdf range holds u
    lower = upper - 1
    cdf_lo, cdf_hi = cdf.gather(-1, lower), cdf.gather(-1, upper)
    bin_lo, bin_hi = bins.gather(-1, lower), bins.gather(-1, upper)
    span = (cdf_hi - cdf_lo).clamp(min=1e-10)
    samples = bin_lo + (u - cdf_lo) / span * (bin_hi - bin_lo)
    return samples.sort(dim=-1).values


def midpoints(t_vals: Tensor, near: Tensor, far: Tensor) -> Tensor:
    """Returns bin edges around sorted samples [R, S]: midpoints between them, closed by near and far, [R, S + 1]."""
    mids = 0.5 * (t_vals[..., 1:] + t_vals[..., :-1])
    return torch.cat([near[..., None], mids, far[..., None]], dim=-1)
