"""Autoencoders (AE), variational autoencoders (VAE) and the linear autoencoder, on small images.

- AE: z = f(x), x_hat = g(z), loss ||x - x_hat||^2. Nothing shapes the latent space.
- VAE (Kingma and Welling 2013, arXiv 1312.6114): the encoder gives z_mean and log_var of
  q(z|x) = N(mu, sigma^2); z = mu + sigma * eps (the reparametrisation trick, eq. 10 of the paper)
  and the loss is reconstruction + beta * KL(q(z|x) || N(0, I)) (beta-VAE, Higgins et al. 2017).
- Linear AE: f and g are linear maps; trained with squared error on centred data, its decoder
  spans the same subspace as the top principal components (Baldi and Hornik 1989).

The networks are MLPs on flattened images; reconstructions use a sigmoid so pixels stay in [0, 1].
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import torch
from torch import Tensor, nn
from torch.nn import functional as F

from core.training import Trainer

AutoencoderKind = Literal["ae", "vae", "linear"]


@dataclass
class AutoencoderConfig:
    kind: AutoencoderKind = "vae"
    latent_dim: int = 2
    hidden: tuple[int, ...] = (256, 128)
    image_shape: tuple[int, int, int] = (1, 8, 8)
    beta: float = 1.0  # weight of the KL term (VAE only)


def reparameterize(z_mean: Tensor, log_var: Tensor, *, generator: torch.Generator | None = None, noise: Tensor | None = None) -> Tensor:
    """Returns z = mu + sigma * eps with eps ~ N(0, I) (or the given `noise`), differentiable in mu and sigma."""
    eps = torch.randn(z_mean.shape, generator=generator) if noise is None else noise
    return z_mean + torch.exp(0.5 * log_var) * eps


def kl_to_standard_normal(z_mean: Tensor, log_var: Tensor) -> Tensor:
    """Returns KL(N(mu, sigma^2) || N(0, I)) per sample `[N]`: 0.5 * sum(mu^2 + sigma^2 - log sigma^2 - 1)."""
    return 0.5 * (z_mean.pow(2) + log_var.exp() - log_var - 1).sum(dim=1)


def _mlp(sizes: list[int]) -> nn.Sequential:
    layers: list[nn.Module] = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class Autoencoder(nn.Module):
    """An AE, a VAE or a linear AE; `sample` decodes draws from N(0, I) (the gallery's contract)."""

    checkpoint_name = "autoencoder"
    config_class = AutoencoderConfig

    def __init__(self, config: AutoencoderConfig):
        super().__init__()
        self.config = config
        pixels = config.image_shape[0] * config.image_shape[1] * config.image_shape[2]
        k = config.latent_dim
        if config.kind == "linear":
            self.encoder = nn.Linear(pixels, k)
            self.decoder = nn.Linear(k, pixels)
        else:
            out = 2 * k if config.kind == "vae" else k
            self.encoder = _mlp([pixels, *config.hidden, out])
            self.decoder = _mlp([k, *reversed(config.hidden), pixels])

    def encode(self, images: Tensor) -> tuple[Tensor, Tensor | None]:
        """Returns (z_mean `[N, k]`, log_var `[N, k]` for a VAE, else None) for images `[N, C, H, W]`."""
        h = self.encoder(images.flatten(1))
        if self.config.kind == "vae":
            z_mean, log_var = h.chunk(2, dim=1)
            return z_mean, log_var.clamp(-12, 8)
        return h, None

    def decode_raw(self, z: Tensor) -> Tensor:
        """Returns the decoder's output `[N, C, H, W]`: logits for AE/VAE, pixel values for the linear AE."""
        return self.decoder(z).reshape(len(z), *self.config.image_shape)

    def decode(self, z: Tensor) -> Tensor:
        """Returns decoded images `[N, C, H, W]` in [0, 1]."""
        raw = self.decode_raw(z)
        return raw.clamp(0, 1) if self.config.kind == "linear" else torch.sigmoid(raw)

    def loss(self, images: Tensor, *, generator: torch.Generator | None = None) -> dict[str, Tensor]:
        """Returns the per-image reconstruction error, the KL term (0 unless VAE) and their weighted sum."""
        z_mean, log_var = self.encode(images)
        if self.config.kind == "linear":
            recon = (self.decode_raw(z_mean) - images).pow(2).flatten(1).sum(1).mean()
            return {"reconstruction": recon, "kl": torch.zeros(()), "loss": recon}
        z = reparameterize(z_mean, log_var, generator=generator) if log_var is not None else z_mean
        # 1. reconstruction: Bernoulli log-likelihood of the pixels (summed over pixels)
        recon = F.binary_cross_entropy_with_logits(self.decode_raw(z), images, reduction="none").flatten(1).sum(1).mean()
        # 2. KL(q(z|x) || p(z)), closed form for two Gaussians
        kl = kl_to_standard_normal(z_mean, log_var).mean() if log_var is not None else torch.zeros(())
        return {"reconstruction": recon, "kl": kl, "loss": recon + self.config.beta * kl}

    @torch.no_grad()
    def sample(self, num_samples: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns `num_samples` images `[N, C, H, W]` in [0, 1] decoded from z ~ N(0, I)."""
        return self.decode(torch.randn(num_samples, self.config.latent_dim, generator=generator))


def autoencoder_trainer(
    model: Autoencoder, images: Tensor, *, batch_size: int = 128, lr: float = 1e-3, generator: torch.Generator | None = None
) -> Trainer:
    """Returns a `Trainer` whose steps are Adam minibatch steps (metrics: loss, reconstruction, kl)."""
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def step() -> dict[str, float]:
        model.train()
        batch = images[torch.randint(len(images), (batch_size,), generator=generator)]
        terms = model.loss(batch, generator=generator)
        optimizer.zero_grad(set_to_none=True)
        terms["loss"].backward()
        optimizer.step()
        return {name: value.item() for name, value in terms.items()}

    return Trainer(step)
