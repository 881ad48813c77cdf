"""DDPM and DDIM samplers that follow the `diffusers` scheduler contract.

`set_timesteps(n)` chooses n of the T training timesteps ("leading" spacing: 0, T/n, 2T/n, ...
reversed, as `diffusers` does by default); `timesteps` lists them from noisiest to cleanest;
`step(model_output, t, sample)` returns the sample at the previous chosen timestep and the
predicted x_0. With every timestep (n = T) DDPM is the ancestral sampler of Ho et al. 2020
(eq. 6-7, variance beta_tilde); with fewer it skips, using the alpha_bar ratio between the two
timesteps as the step's beta. DDIM (Song et al. 2021, eq. 12) is deterministic for eta = 0 and
adds eta * sigma_t noise otherwise (eta = 1 recovers DDPM's variance).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor

from core.device import randn
from core.diffusion.schedule import NoiseSchedule, Prediction


@dataclass
class StepOutput:
    prev_sample: Tensor
    pred_original_sample: Tensor


class _Sampler:
    def __init__(self, schedule: NoiseSchedule, prediction: Prediction = "epsilon"):
        self.schedule = schedule
        self.prediction = prediction
        self.num_inference_steps: int | None = None
        self.timesteps = torch.arange(schedule.num_steps - 1, -1, -1)
        self._previous: dict[int, int] = {}

    def set_timesteps(self, num_inference_steps: int) -> None:
        """Chooses `num_inference_steps` timesteps, "leading" spacing (as `diffusers`' default)."""
        total = self.schedule.num_steps
        if not 1 <= num_inference_steps <= total:
            raise ValueError(f"num_inference_steps must be between 1 and {total}, got {num_inference_steps}")
        self.num_inference_steps = num_inference_steps
        ratio = total // num_inference_steps
        self.timesteps = torch.arange(num_inference_steps - 1, -1, -1) * ratio
        steps = self.timesteps.tolist()
        self._previous = {t: (steps[i + 1] if i + 1 < len(steps) else -1) for i, t in enumerate(steps)}

    def previous_timestep(self, t: int) -> int:
        return self._previous.get(int(t), int(t) - 1)

    def _alpha_bars(self, t: int) -> tuple[Tensor, Tensor, int]:
        prev = self.previous_timestep(t)
        a_t = self.schedule.alphas_cumprod[t]
        a_prev = self.schedule.alphas_cumprod[prev] if prev >= 0 else torch.tensor(1.0)
        return a_t, a_prev, prev


class DDPMSampler(_Sampler):
    """Ancestral sampling: x_{t-1} ~ N(mu_tilde(x_t, x_0), beta_tilde_t I)."""

    def step(
        self,
        model_output: Tensor,
        timestep: int | Tensor,
        sample: Tensor,
        *,
        generator: torch.Generator | None = None,
        variance_noise: Tensor | None = None,
    ) -> StepOutput:
        t = int(timestep)
        a_t, a_prev, _ = self._alpha_bars(t)
        b_t, b_prev = 1 - a_t, 1 - a_prev
        alpha_t = a_t / a_prev  # the step's alpha (its beta is 1 - alpha when timesteps are skipped)
        beta_t = 1 - alpha_t
        # 1. predicted x_0 from the network's output
        x0, _ = self.schedule.to_x0_and_eps(self.prediction, model_output, sample, t)
        # 2. posterior mean mu_tilde = c0 * x_0 + ct * x_t (Ho et al. eq. 7)
        mean = (a_prev**0.5 * beta_t / b_t) * x0 + (alpha_t**0.5 * b_prev / b_t) * sample
        # 3. add noise with variance beta_tilde = (1 - alpha_bar_prev) / (1 - alpha_bar_t) * beta_t, except at the last step
        if t > 0:
            variance = torch.clamp(b_prev / b_t * beta_t, min=1e-20)
            if variance_noise is None:
                variance_noise = randn(model_output.shape, generator=generator, device=model_output.device, dtype=model_output.dtype)
            mean = mean + variance**0.5 * variance_noise
        return StepOutput(mean, x0)


class DDIMSampler(_Sampler):
    """x_{t-1} = sqrt(alpha_bar_prev) x_0 + sqrt(1 - alpha_bar_prev - sigma^2) eps + sigma z, sigma = eta * sigma_t."""

    def step(
        self,
        model_output: Tensor,
        timestep: int | Tensor,
        sample: Tensor,
        *,
        eta: float = 0.0,
        generator: torch.Generator | None = None,
        variance_noise: Tensor | None = None,
    ) -> StepOutput:
        if self.num_inference_steps is None:
            raise ValueError("call set_timesteps before step")
        t = int(timestep)
        prev = t - self.schedule.num_steps // self.num_inference_steps
        a_t = self.schedule.alphas_cumprod[t]
        a_prev = self.schedule.alphas_cumprod[prev] if prev >= 0 else torch.tensor(1.0)
        x0, eps = self.schedule.to_x0_and_eps(self.prediction, model_output, sample, t)
        # sigma_t of Song et al. eq. 16: the DDPM posterior's standard deviation between these two timesteps
        variance = (1 - a_prev) / (1 - a_t) * (1 - a_t / a_prev)
        sigma = eta * variance**0.5
        prev_sample = a_prev**0.5 * x0 + (1 - a_prev - sigma**2) ** 0.5 * eps
        if eta > 0:
            if variance_noise is None:
                variance_noise = randn(model_output.shape, generator=generator, device=model_output.device, dtype=model_output.dtype)
            prev_sample = prev_sample + sigma * variance_noise
        return StepOutput(prev_sample, x0)
