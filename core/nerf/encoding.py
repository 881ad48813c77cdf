"""Positional encoding: the frequencies that let an MLP draw sharp edges.

Eq. 4 of Mildenhall et al. 2020: gamma(p) = (sin(2^0 pi p), cos(2^0 pi p), ..., sin(2^{L-1} pi p),
cos(2^{L-1} pi p)) for each coordinate. An MLP fed raw coordinates is biased towards smooth
functions (Tancik et al. 2020, https://arxiv.org/abs/2006.10739); with L = 0 the result is blurry,
which is the paper's own ablation. We also pass p itself, as the reference code does.
"""

from __future__ import annotations

import math

import torch
from torch import Tensor


def encoded_size(frequencies: int, dims: int = 3) -> int:
    """Returns the length of gamma(p) for `dims` coordinates and L = `frequencies` (p itself included)."""
    return dims * (1 + 2 * frequencies)


def positional_encoding(p: Tensor, frequencies: int) -> Tensor:
    """Returns [p, sin(2^k pi p), cos(2^k pi p) for k < L] along the last axis, [..., dims * (1 + 2L)]."""
    if frequencies < 0:
        raise ValueError(f"frequencies must be >= 0, got {frequencies}")
    if frequencies == 0:
        return p
    scales = (2.0 ** torch.arange(frequencies, dtype=p.dtype, device=p.device)) * math.pi  # [L]
    angles = p[..., None, :] * scales[:, None]  # [..., L, dims]
    features = torch.cat([torch.sin(angles), torch.cos(angles)], dim=-1).flatten(-2)  # [..., L * 2 * dims]
    return torch.cat([p, features], dim=-1)
