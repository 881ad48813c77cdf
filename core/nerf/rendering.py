"""Volume rendering: turning densities and colours sampled along a ray into a pixel.

Eq. 3 of Mildenhall et al. 2020 (https://arxiv.org/abs/2003.08934), the quadrature of the volume
rendering integral. With samples at distances t_i along a ray, delta_i = t_{i+1} - t_i between them,
density sigma_i and colour c_i:

    alpha_i = 1 - exp(-sigma_i delta_i)           the chance the ray stops inside sample i's interval
    T_i     = prod_{j < i} (1 - alpha_j)          transmittance: the chance it got that far
    w_i     = T_i alpha_i                         the weight of sample i
    C       = sum_i w_i c_i + (1 - sum_i w_i) b   the pixel, over a background colour b

The same front-to-back compositing blends depth-sorted Gaussians in splatting, with alpha_i then
the Gaussian's opacity times its projected footprint. This module knows nothing of any network,
just as nerf-pytorch keeps `raw2outputs` apart from the MLP.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor


@dataclass
class Rendered:
    """What volume rendering returns for a batch of rays (R rays, S samples each)."""

    rgb: Tensor  # [R, 3] the composited colour
    depth: Tensor  # [R] the expected stopping distance, sum_i w_i t_i (over the opacity where it is > 0)
    opacity: Tensor  # [R] the accumulated opacity, sum_i w_i
    weights: Tensor  # [R, S] w_i = T_i alpha_i
    transmittance: Tensor  # [R, S] T_i, the chance the ray reaches sample i
    alpha: Tensor  # [R, S] alpha_i = 1 - exp(-sigma_i delta_i)


def deltas(t_vals: Tensor, far: Tensor | float) -> Tensor:
    """Returns the interval lengths delta_i = t_{i+1} - t_i [R, S], the last one ending at `far`."""
    far_t = torch.as_tensor(far, dtype=t_vals.dtype, device=t_vals.device).expand(t_vals.shape[:-1]).unsqueeze(-1)
    return torch.diff(torch.cat([t_vals, far_t.clamp(min=t_vals[..., -1:])], dim=-1), dim=-1)


def alphas_to_weights(alpha: Tensor) -> tuple[Tensor, Tensor]:
    """Returns the transmittance T_i and weights w_i = T_i alpha_i of per-sample alphas [R, S]."""
    # T_i = prod_{j<i} (1 - alpha_j): an exclusive cumulative product (the first sample sees T = 1)
    ones = torch.ones_like(alpha[..., :1])
    transmittance = torch.cumprod(torch.cat([ones, 1.0 - alpha[..., :-1] + 1e-10], dim=-1), dim=-1)
    return transmittance, transmittance * alpha


def composite(
    sigma: Tensor,
    rgb: Tensor,
    t_vals: Tensor,
    far: Tensor | float,
    *,
    background: tuple[float, float, float] | Tensor = (1.0, 1.0, 1.0),
) -> Rendered:
    """Returns the volume-rendered colour, depth, opacity and per-sample weights of rays.

    sigma: [R, S] densities (>= 0); rgb: [R, S, 3] colours in [0, 1]; t_vals: [R, S] sample distances,
    increasing along each ray; far: where the last sample's interval ends.
    """
    delta = deltas(t_vals, far)  # [R, S]
    alpha = 1.0 - torch.exp(-sigma * delta)  # eq. 3: the chance of stopping inside each interval
    transmittance, weights = alphas_to_weights(alpha)
    opacity = weights.sum(dim=-1)
    colour = (weights[..., None] * rgb).sum(dim=-2)
    colour = colour + (1.0 - opacity[..., None]) * torch.as_tensor(background, dtype=colour.dtype, device=colour.device)
    depth = (weights * t_vals).sum(dim=-1) / opacity.clamp(min=1e-10)
    return Rendered(colour, depth, opacity, weights, transmittance, alpha)
