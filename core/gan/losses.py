"""GAN losses as plain functions of the discriminator's raw outputs (logits or critic scores).

`real` and `fake` are D's outputs `[B]` on real and generated samples. With D(x) = sigmoid(logit):

- minimax (Goodfellow et al. 2014, eq. 1): D maximises log D(x) + log(1 - D(G(z)));
  G minimises log(1 - D(G(z))), which saturates (no gradient) when D rejects fakes confidently.
- non_saturating ("modified minimax", same paper, section 3): G maximises log D(G(z)) instead.
- wasserstein (Arjovsky et al. 2017, arXiv 1701.07875): the critic maximises D(x) - D(G(z)),
  G maximises D(G(z)); the critic must stay Lipschitz, here by weight clipping (`clip_weights`).
- wgan_gp (Gulrajani et al. 2017, arXiv 1704.00028): the same, plus lambda * (||grad D(x_hat)|| - 1)^2
  on random interpolates x_hat (`gradient_penalty`) instead of clipping.
- least_squares (Mao et al. 2017, arXiv 1611.04076): D regresses real to 1 and fake to 0; G pushes fake to 1.
- hinge (Lim and Ye 2017; Miyato et al. 2018): D minimises relu(1 - D(x)) + relu(1 + D(G(z))); G maximises D(G(z)).

Every function returns the quantity to *minimise*, as a scalar.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from core.gan.settings import LOSSES as LOSSES
from core.gan.settings import PROBABILISTIC as PROBABILISTIC
from core.gan.settings import LossName

# Where D's output splits "real" from "fake", per loss: the logit 0 (probability 1/2), the midpoint of least
# squares' targets 0 and 1, hinge's margin centre 0. A Wasserstein critic has none: adding a constant to its
# scores changes neither loss, so "score above c" says nothing about real or fake, for any c.
THRESHOLDS: dict[str, float | None] = {
    "minimax": 0.0,
    "non_saturating": 0.0,
    "least_squares": 0.5,
    "hinge": 0.0,
    "wasserstein": None,
    "wgan_gp": None,
}


def decision_threshold(name: LossName) -> float | None:
    """Returns the output above which D calls a sample real under loss `name`, or None for a Wasserstein critic (no such point)."""
    if name not in THRESHOLDS:
        raise ValueError(f"unknown loss {name!r}; choose one of {list(LOSSES)}")
    return THRESHOLDS[name]


def discriminator_accuracy(name: LossName, real: Tensor, fake: Tensor) -> tuple[float, float]:
    """Returns D's accuracy on real `[B]` and on fake `[B]` outputs: the shares on the right side of its threshold (NaN for a critic)."""
    threshold = decision_threshold(name)
    if threshold is None:
        return float("nan"), float("nan")
    return (real > threshold).float().mean().item(), (fake <= threshold).float().mean().item()


def discriminator_loss(name: LossName, real: Tensor, fake: Tensor) -> Tensor:
    """Returns D's loss to minimise, given its outputs on real `[B]` and fake `[B]` samples."""
    if name in ("minimax", "non_saturating"):
        # -log sigmoid(r) - log(1 - sigmoid(f)) = softplus(-r) + softplus(f)
        return F.softplus(-real).mean() + F.softplus(fake).mean()
    if name in ("wasserstein", "wgan_gp"):
        return fake.mean() - real.mean()
    if name == "least_squares":
        return 0.5 * ((real - 1) ** 2).mean() + 0.5 * (fake**2).mean()
    if name == "hinge":
        return F.relu(1 - real).mean() + F.relu(1 + fake).mean()
    raise ValueError(f"unknown loss {name!r}; choose one of {list(LOSSES)}")


def generator_loss(name: LossName, fake: Tensor) -> Tensor:
    """Returns G's loss to minimise, given D's outputs on generated samples `[B]`."""
    if name == "minimax":
        return -F.softplus(fake).mean()  # log(1 - sigmoid(f)) = -softplus(f)
    if name == "non_saturating":
        return F.softplus(-fake).mean()  # -log sigmoid(f)
    if name in ("wasserstein", "wgan_gp", "hinge"):
        return -fake.mean()
    if name == "least_squares":
        return 0.5 * ((fake - 1) ** 2).mean()
    raise ValueError(f"unknown loss {name!r}; choose one of {list(LOSSES)}")


def gradient_penalty(critic: Callable[[Tensor], Tensor], real: Tensor, fake: Tensor, *, generator: torch.Generator | None = None) -> Tensor:
    """Returns E[(||grad_x D(x_hat)||_2 - 1)^2] over random interpolates x_hat of real and fake `[B, ...]`."""
    shape = (real.shape[0],) + (1,) * (real.dim() - 1)
    t = torch.rand(shape, generator=generator)
    x_hat = (t * real + (1 - t) * fake).detach().requires_grad_(True)
    (grad,) = torch.autograd.grad(critic(x_hat).sum(), x_hat, create_graph=True)
    return ((grad.flatten(1).norm(dim=1) - 1) ** 2).mean()


@torch.no_grad()
def clip_weights(module: nn.Module, clip: float) -> None:
    """Clamps every parameter of `module` to [-clip, clip] in place (WGAN's Lipschitz constraint)."""
    for p in module.parameters():
        p.clamp_(-clip, clip)
