"""Mode coverage of samples from a mixture with known modes (VEEGAN and PacGAN's convention).

A sample is *high quality* if it lies within `threshold` (3) standard deviations of its nearest mode
centre; a mode is *captured* if at least one high-quality sample is nearest to it. The reverse KL
is KL(q || p) between q, the histogram of high-quality samples over the modes, and p, the true
(uniform) mode weights: 0 for a perfect spread, log K when everything sits on one mode.
Srivastava et al. 2017 (arXiv 1705.07761), Lin et al. 2018 (arXiv 1712.04086). `diversity`, the mean
distance between two samples, measures spread where the modes are not known (guided digits).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor


@dataclass(frozen=True)
class ModeCoverage:
    modes_captured: int
    num_modes: int
    high_quality: float  # share of samples within `threshold` std of their nearest mode
    reverse_kl: float  # KL(high-quality mode histogram || uniform); inf if no sample is high quality
    counts: tuple[int, ...]  # high-quality samples per mode


def mode_coverage(samples: Tensor, centers: Tensor, std: float, *, threshold: float = 3.0) -> ModeCoverage:
    """Returns the mode coverage of `samples` [N, D] for modes at `centers` [K, D] with equal weights."""
    samples = samples.double()
    centers = centers.double()
    finite = torch.isfinite(samples).all(dim=1)
    distance = torch.cdist(samples[finite], centers)  # [N', K]
    nearest_distance, nearest = distance.min(dim=1)
    good = nearest_distance <= threshold * std
    counts = torch.bincount(nearest[good], minlength=len(centers))
    total = int(counts.sum())
    if total == 0:
        kl = math.inf
    else:
        q = counts.double() / total
        nonzero = q > 0
        kl = float((q[nonzero] * torch.log(q[nonzero] * len(centers))).sum())
    return ModeCoverage(
        modes_captured=int((counts > 0).sum()),
        num_modes=len(centers),
        high_quality=total / max(len(samples), 1),
        reverse_kl=kl,
        counts=tuple(int(c) for c in counts),
    )


def diversity(images: Tensor) -> float:
    """Returns the mean Euclidean distance between all pairs of `images` `[N, ...]` (0 when all are identical)."""
    flat = images.flatten(1).double()
    n = len(flat)
    if n < 2:
        return 0.0
    return float(torch.cdist(flat, flat).sum() / (n * (n - 1)))
