"""Denoising diffusion GAN (Xiao et al. 2022, arXiv 2112.07804): diffusion in a few large steps.

Ordinary diffusion takes small steps because q(x_{t-1} | x_t) is close to Gaussian only when the
step is small. With T = 2 to 4 large steps that denoising distribution is multimodal, so DDGAN
models it with a conditional GAN instead of a Gaussian:

- the generator G(x_t, z, t) predicts a clean sample x_0' from a noisy x_t and fresh noise z;
- the next, less noisy point is drawn from the forward process's posterior q(x_{t-1} | x_t, x_0')
  (a Gaussian in closed form, as in DDPM);
- the discriminator D(x_{t-1}, x_t, t) tells real pairs (both from the forward process) from pairs
  whose x_{t-1} came from G, with the non-saturating loss and an R1 penalty on real pairs.

Sampling runs G T times: T network evaluations per sample, against DDPM's hundreds. The noise
levels follow the paper's discretised variance-preserving SDE (beta_min 0.1, beta_max 20), so
alpha_bar_T is about 4e-5 and x_T is pure noise. Data are standardised with a stored shift and
scale, as in `MLPGAN`, so the same code trains on 2D points and on 64-pixel digits.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn
from torch.nn import functional as F

from core.gan.lab2d import mlp, standardisation
from core.loop import Trainer, run_to_end, update_average


@dataclass
class DDGANConfig:
    data_dim: int = 2
    num_steps: int = 4  # T: denoising steps, and network evaluations per sample
    noise_dim: int = 8  # z, the generator's own noise
    width: int = 128
    depth: int = 3
    beta_min: float = 0.1
    beta_max: float = 20.0
    data_shift: tuple[float, ...] = (0.0, 0.0)
    data_scale: float = 1.0


def ddgan_alphas_cumprod(num_steps: int, beta_min: float = 0.1, beta_max: float = 20.0) -> Tensor:
    """Returns alpha_bar_0..alpha_bar_T `[T + 1]` (float64) of the discretised VP SDE; alpha_bar_0 = 1.

    alpha_bar(s) = exp(-s^2 (beta_max - beta_min) / 2 - s beta_min) at s = t / T (the paper's code,
    which also offsets s by 1e-3 so that the first step adds a little noise).
    """
    if num_steps < 1:
        raise ValueError(f"num_steps must be >= 1, got {num_steps}")
    s = torch.arange(num_steps + 1, dtype=torch.float64) / num_steps
    s = s * (1 - 1e-3) + 1e-3
    log_mean = -0.25 * s**2 * (beta_max - beta_min) - 0.5 * s * beta_min
    alpha_bar = torch.exp(2 * log_mean)
    return alpha_bar / alpha_bar[0]  # t = 0 is the data itself


class DDGAN(nn.Module):
    """Generator G(x_t, z, t) -> x_0' and discriminator D(x_{t-1}, x_t, t) -> logit; `sample` runs T steps."""

    checkpoint_name = "ddgan"
    config_class = DDGANConfig
    shift: Tensor  # buffers, registered in __init__ ([D], [])
    scale: Tensor
    alphas_cumprod: Tensor  # [T + 1]
    betas: Tensor

    def __init__(self, config: DDGANConfig):
        super().__init__()
        self.config = config
        d, w = config.data_dim, config.width
        steps = config.num_steps  # the timestep enters as a one-hot vector: a few inputs that do not drown the data's
        self.generator = mlp(d + config.noise_dim + steps, w, config.depth, d, nn.ReLU)
        self.discriminator = mlp(2 * d + steps, w, config.depth, 1, lambda: nn.LeakyReLU(0.2))
        self.register_buffer("shift", torch.tensor(config.data_shift, dtype=torch.float32))
        self.register_buffer("scale", torch.tensor(float(config.data_scale)))
        alpha_bar = ddgan_alphas_cumprod(config.num_steps, config.beta_min, config.beta_max)
        betas = 1 - alpha_bar[1:] / alpha_bar[:-1]  # [T]: betas[t - 1] is beta_t
        self.register_buffer("alphas_cumprod", alpha_bar.float(), persistent=False)
        self.register_buffer("betas", betas.float(), persistent=False)

    def _embed(self, t: Tensor) -> Tensor:
        return F.one_hot(t - 1, self.config.num_steps).float()  # [N, T]

    def predict_x0(self, x_t: Tensor, t: Tensor, z: Tensor) -> Tensor:
        """Returns G's clean sample x_0' `[N, D]` (standardised units) for x_t at timesteps t `[N]` in 1..T."""
        return self.generator(torch.cat([x_t, z, self._embed(t)], dim=1))

    def discriminate(self, x_prev: Tensor, x_t: Tensor, t: Tensor) -> Tensor:
        """Returns D's logit `[N]` that (x_{t-1}, x_t) is a real pair of the forward process."""
        return self.discriminator(torch.cat([x_prev, x_t, self._embed(t)], dim=1)).squeeze(-1)

    def posterior_mean_var(self, x0: Tensor, x_t: Tensor, t: Tensor) -> tuple[Tensor, Tensor]:
        """Returns the mean `[N, D]` and variance `[N, 1]` of q(x_{t-1} | x_t, x_0) (DDPM's eq. 7)."""
        ab_t, ab_prev = self.alphas_cumprod[t][:, None], self.alphas_cumprod[t - 1][:, None]
        beta = self.betas[t - 1][:, None]
        mean = (beta * ab_prev.sqrt() * x0 + (1 - ab_prev) * (1 - beta).sqrt() * x_t) / (1 - ab_t)
        return mean, beta * (1 - ab_prev) / (1 - ab_t)

    def posterior(self, x0: Tensor, x_t: Tensor, t: Tensor, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns a draw of q(x_{t-1} | x_t, x_0); at t = 1 it is x_0 itself (zero variance)."""
        mean, var = self.posterior_mean_var(x0, x_t, t)
        return mean + var.sqrt() * torch.randn(x0.shape, generator=generator)

    def forward_pair(self, x0: Tensor, t: Tensor, *, generator: torch.Generator | None = None) -> tuple[Tensor, Tensor]:
        """Returns a real pair (x_{t-1} ~ q(x_{t-1} | x_0), x_t ~ q(x_t | x_{t-1})) for timesteps t `[N]`."""
        ab_prev = self.alphas_cumprod[t - 1][:, None]
        x_prev = ab_prev.sqrt() * x0 + (1 - ab_prev).sqrt() * torch.randn(x0.shape, generator=generator)
        beta = self.betas[t - 1][:, None]
        x_t = (1 - beta).sqrt() * x_prev + beta.sqrt() * torch.randn(x0.shape, generator=generator)
        return x_prev, x_t

    def noise(self, num: int, *, generator: torch.Generator | None = None) -> Tensor:
        return torch.randn(num, self.config.noise_dim, generator=generator)

    @torch.no_grad()
    def sample(self, num_samples: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns `num_samples` samples `[N, D]` in data units after T generator steps from pure noise."""
        x = torch.randn(num_samples, self.config.data_dim, generator=generator)
        for step in range(self.config.num_steps, 0, -1):
            t = torch.full((num_samples,), step, dtype=torch.long)
            x0 = self.predict_x0(x, t, self.noise(num_samples, generator=generator))
            x = self.posterior(x0, x, t, generator=generator)
        return x * self.scale + self.shift


def ddgan_config_for_data(data: Tensor, **options) -> DDGANConfig:
    """Returns a `DDGANConfig` whose shift and scale standardise `data` `[N, D]`."""
    return DDGANConfig(**standardisation(data), **options)


def ddgan_trainer(
    model: DDGAN,
    data: Tensor,
    *,
    steps: int,
    batch_size: int = 256,
    lr: float = 1e-3,
    r1: float = 0.02,
    average: DDGAN | None = None,
    average_decay: float = 0.999,
    generator: torch.Generator | None = None,
) -> Trainer:
    """Returns a `Trainer` whose steps are one D step and one G step on `data` `[N, D]` (data units).

    Adam (betas 0.5, 0.9) with learning rates falling linearly to 1% over `steps`, as in the GAN Lab;
    `r1` weighs the R1 penalty (the squared gradient of D at real pairs). With `average` (a copy of
    `model`), each step moves its weights towards the model's (what should be sampled).
    """
    d_opt = torch.optim.Adam(model.discriminator.parameters(), lr=lr, betas=(0.5, 0.9))
    g_opt = torch.optim.Adam(model.generator.parameters(), lr=lr, betas=(0.5, 0.9))
    schedules = [torch.optim.lr_scheduler.LambdaLR(o, lambda i: max(1 - i / max(steps, 1), 0.01)) for o in (d_opt, g_opt)]
    standard = (data - model.shift) / model.scale  # [N, D]
    num_steps = model.config.num_steps

    def step() -> dict[str, float]:
        x0 = standard[torch.randint(len(standard), (batch_size,), generator=generator)]
        t = torch.randint(1, num_steps + 1, (batch_size,), generator=generator)
        x_prev, x_t = model.forward_pair(x0, t, generator=generator)

        # 1. discriminator: real pairs against pairs whose x_{t-1} came from G (G frozen)
        x_prev.requires_grad_(True)
        real_out = model.discriminate(x_prev, x_t, t)
        (grad,) = torch.autograd.grad(real_out.sum(), x_prev, create_graph=True)
        with torch.no_grad():
            fake_prev = model.posterior(model.predict_x0(x_t, t, model.noise(batch_size, generator=generator)), x_t, t, generator=generator)
        fake_out = model.discriminate(fake_prev, x_t, t)
        d_loss = F.softplus(-real_out).mean() + F.softplus(fake_out).mean() + 0.5 * r1 * grad.pow(2).sum(1).mean()
        d_opt.zero_grad(set_to_none=True)
        d_loss.backward()
        d_opt.step()

        # 2. generator, non-saturating: make D call G's pairs real (D frozen: only G's optimiser steps)
        fake_prev = model.posterior(model.predict_x0(x_t, t, model.noise(batch_size, generator=generator)), x_t, t, generator=generator)
        g_loss = F.softplus(-model.discriminate(fake_prev, x_t, t)).mean()
        g_opt.zero_grad(set_to_none=True)
        g_loss.backward()
        g_opt.step()
        for schedule in schedules:
            schedule.step()
        if average is not None:
            update_average(average, model, decay=average_decay)
        return {"d_loss": d_loss.item(), "g_loss": g_loss.item(), "d_acc_real": (real_out > 0).float().mean().item()}

    return Trainer(step)


def train_ddgan(data: Tensor, *, steps: int, seed: int = 0, **options) -> DDGAN:
    """Returns a DDGAN trained for `steps` steps on `data` `[N, D]` (options: config fields).

    It returns the trained weights themselves: on the narrow modes of the 2D data a moving average of
    the weights placed samples measurably further from the modes than the weights at the end of the
    learning-rate decay did.
    """
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    model = DDGAN(ddgan_config_for_data(data, **options))
    run_to_end(ddgan_trainer(model, data, steps=steps, generator=generator), steps, report_every=max(steps, 1))
    return model.eval()
