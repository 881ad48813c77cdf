"""The forward process: a noise schedule, x_t in closed form, the one-step chain, and conversions.

With betas beta_1..beta_T, alpha_t = 1 - beta_t and alpha_bar_t = prod_{s<=t} alpha_s (Ho et al.
2020, arXiv 2006.11239):

    q(x_t | x_{t-1}) = N(sqrt(alpha_t) x_{t-1}, beta_t I)          (one step of the Markov chain)
    q(x_t | x_0)     = N(sqrt(alpha_bar_t) x_0, (1 - alpha_bar_t) I) (closed form, eq. 4)

so x_t = sqrt(alpha_bar_t) x_0 + sqrt(1 - alpha_bar_t) eps. The signal-to-noise ratio is
alpha_bar_t / (1 - alpha_bar_t). Timesteps are 0-based as in `diffusers` (t = 0 is the first noising
step). A network can predict the noise eps, the clean sample x_0, or the velocity
v = sqrt(alpha_bar_t) eps - sqrt(1 - alpha_bar_t) x_0 (Salimans and Ho 2022); each determines the
others given x_t.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor

from core.diffusion.settings import PREDICTION_SHORT_NAMES as PREDICTION_SHORT_NAMES
from core.diffusion.settings import PREDICTIONS as PREDICTIONS
from core.diffusion.settings import SCHEDULES as SCHEDULES
from core.diffusion.settings import Prediction as Prediction
from core.diffusion.settings import ScheduleName as ScheduleName


def make_betas(name: ScheduleName, num_steps: int = 1000, *, beta_start: float = 1e-4, beta_end: float = 0.02) -> Tensor:
    """Returns betas `[num_steps]` (float32, as `diffusers` builds them).

    - linear: DDPM's, evenly spaced from `beta_start` to `beta_end`.
    - cosine: Nichol and Dhariwal 2021, alpha_bar(s) = cos^2((s + 0.008) / 1.008 * pi / 2), betas capped at 0.999
      (`diffusers`' "squaredcos_cap_v2").
    - quadratic: square roots evenly spaced, then squared (`diffusers`' "scaled_linear").

    The default `beta_start` and `beta_end` are DDPM's for 1,000 steps; with fewer steps they are
    scaled by 1000 / num_steps (Nichol and Dhariwal 2021), so the chain still ends in noise.
    """
    if num_steps < 1:
        raise ValueError(f"num_steps must be >= 1, got {num_steps}")
    scale = 1000 / num_steps if num_steps < 1000 else 1.0
    beta_start, beta_end = scale * beta_start, min(scale * beta_end, 0.999)
    if name == "linear":
        return torch.linspace(beta_start, beta_end, num_steps, dtype=torch.float32)
    if name == "quadratic":
        return torch.linspace(beta_start**0.5, beta_end**0.5, num_steps, dtype=torch.float32) ** 2
    if name == "cosine":

        def alpha_bar(s: float) -> float:
            return math.cos((s + 0.008) / 1.008 * math.pi / 2) ** 2

        betas = [min(1 - alpha_bar((i + 1) / num_steps) / alpha_bar(i / num_steps), 0.999) for i in range(num_steps)]
        return torch.tensor(betas, dtype=torch.float32)
    raise ValueError(f"unknown schedule {name!r}; choose among {SCHEDULES}")


def _expand(values: Tensor, like: Tensor) -> Tensor:
    """Returns per-sample `values` `[N]` shaped to broadcast against `like` `[N, ...]`."""
    return values.reshape(-1, *([1] * (like.dim() - 1))).to(like.dtype)


@dataclass
class NoiseSchedule:
    """A forward process with `betas` `[T]`; all per-timestep quantities are derived from them."""

    betas: Tensor

    @classmethod
    def named(cls, name: ScheduleName, num_steps: int = 1000) -> NoiseSchedule:
        return cls(make_betas(name, num_steps))

    def __post_init__(self) -> None:
        self.alphas = 1.0 - self.betas
        self.alphas_cumprod = torch.cumprod(self.alphas, dim=0)

    @property
    def num_steps(self) -> int:
        return len(self.betas)

    def snr(self) -> Tensor:
        """Returns the signal-to-noise ratio alpha_bar_t / (1 - alpha_bar_t) `[T]`."""
        return self.alphas_cumprod / (1 - self.alphas_cumprod)

    def q_sample(self, x0: Tensor, t: Tensor, noise: Tensor) -> Tensor:
        """Returns x_t = sqrt(alpha_bar_t) x_0 + sqrt(1 - alpha_bar_t) eps for timesteps `t` `[N]` (closed form)."""
        a = _expand(self.alphas_cumprod[t], x0)
        return a.sqrt() * x0 + (1 - a).sqrt() * noise

    def chain(self, x0: Tensor, t: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns x_t reached by applying the one-step chain x_s = sqrt(alpha_s) x_{s-1} + sqrt(beta_s) eps_s, t + 1 times."""
        x = x0
        for s in range(t + 1):
            x = self.alphas[s].sqrt() * x + self.betas[s].sqrt() * torch.randn(x.shape, generator=generator, dtype=x.dtype)
        return x

    def target(self, prediction: Prediction, x0: Tensor, noise: Tensor, t: Tensor) -> Tensor:
        """Returns what a network trained with `prediction` must output for x_t built from `x0` and `noise`."""
        if prediction == "epsilon":
            return noise
        if prediction == "sample":
            return x0
        a = _expand(self.alphas_cumprod[t], x0)
        return a.sqrt() * noise - (1 - a).sqrt() * x0

    def to_x0_and_eps(self, prediction: Prediction, output: Tensor, x_t: Tensor, t: Tensor | int) -> tuple[Tensor, Tensor]:
        """Returns (predicted x_0, predicted eps) from a network's `output` at x_t (the conversions between the three).

        `t` is one timestep per sample `[N]`, or a single timestep shared by the batch (a sampler's step).
        """
        a = self.alphas_cumprod[t]
        if a.dim() > 0:
            a = _expand(a, x_t)
        if prediction == "epsilon":
            return (x_t - (1 - a).sqrt() * output) / a.sqrt(), output
        if prediction == "sample":
            return output, (x_t - a.sqrt() * output) / (1 - a).sqrt()
        if prediction == "v_prediction":
            return a.sqrt() * x_t - (1 - a).sqrt() * output, a.sqrt() * output + (1 - a).sqrt() * x_t
        raise ValueError(f"unknown prediction {prediction!r}; choose among {PREDICTIONS}")


def normal_band_shares(values: Tensor) -> list[float]:
    """Returns the shares of `values` within 1, 2 and 3 of zero (about 0.683, 0.954, 0.997 for standard normal noise)."""
    flat = values.flatten().abs()
    return [float((flat <= k).float().mean()) for k in (1, 2, 3)]
