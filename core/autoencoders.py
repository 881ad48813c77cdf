"""Autoencoders (AE), variational autoencoders (VAE) and the linear autoencoder, on small images.

- AE: z = f(x), x_hat = g(z), loss -log p(x | x_hat) (per-pixel binary cross-entropy, or a Gaussian's squared
  error). Nothing shapes the latent space.
- VAE (Kingma and Welling 2013, arXiv 1312.6114): the encoder gives z_mean and log_var of
  q(z|x) = N(mu, sigma^2); z = mu + sigma * eps (the reparametrisation trick, eq. 10 of the paper)
  and the loss is reconstruction + beta * KL(q(z|x) || N(0, I)) (beta-VAE, Higgins et al. 2017).
- Linear AE: f and g are linear maps; trained with squared error on centred data, its decoder
  spans the same subspace as the top principal components (Baldi and Hornik 1989).

The networks are MLPs on flattened images; reconstructions use a sigmoid so pixels stay in [0, 1].
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import torch
from torch import Tensor, nn
from torch.nn import functional as F

from core.checkpoint import save_checkpoint
from core.classifier import judge_digits
from core.data.images import load_digits
from core.loop import Progress, Trainer, recipe_command, run_recipe
from core.metrics.subspace import pca_basis, principal_angles
from core.seeding import init_weights

AutoencoderKind = Literal["ae", "vae", "linear"]


@dataclass
class AutoencoderConfig:
    kind: AutoencoderKind = "vae"
    latent_dim: int = 2
    hidden: tuple[int, ...] = (256, 128)
    image_shape: tuple[int, ...] = (1, 8, 8)  # or (2,) for 2D points
    beta: float = 1.0  # weight of the KL term (VAE only)
    # "bernoulli": pixels in [0, 1], decoded through a sigmoid; "gaussian": real values (2D points),
    # decoded as the mean of N(mu, sigma^2 I) with one learned sigma
    likelihood: Literal["bernoulli", "gaussian"] = "bernoulli"


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
        pixels = math.prod(config.image_shape)
        k = config.latent_dim
        self.encoder: nn.Module
        self.decoder: nn.Module
        if config.kind == "linear":
            self.encoder = nn.Linear(pixels, k)
            self.decoder = nn.Linear(k, pixels)
        else:
            out = 2 * k if config.kind == "vae" else k
            self.encoder = _mlp([pixels, *config.hidden, out])
            self.decoder = _mlp([k, *reversed(config.hidden), pixels])
        if config.likelihood == "gaussian":
            self.log_sigma = nn.Parameter(torch.zeros(()))

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
        if self.config.likelihood == "gaussian":
            return raw
        return raw.clamp(0, 1) if self.config.kind == "linear" else torch.sigmoid(raw)

    def loss(self, images: Tensor, *, generator: torch.Generator | None = None) -> dict[str, Tensor]:
        """Returns the per-image reconstruction error, the KL term (0 unless VAE) and their weighted sum."""
        z_mean, log_var = self.encode(images)
        if self.config.kind == "linear":
            recon = (self.decode_raw(z_mean) - images).pow(2).flatten(1).sum(1).mean()
            return {"reconstruction": recon, "kl": torch.zeros(()), "loss": recon}
        z = reparameterize(z_mean, log_var, generator=generator) if log_var is not None else z_mean
        # 1. reconstruction: negative log-likelihood of the pixels (summed over pixels), Bernoulli or Gaussian
        raw = self.decode_raw(z)
        if self.config.likelihood == "gaussian":
            nll = 0.5 * ((images - raw) / self.log_sigma.exp()) ** 2 + self.log_sigma + 0.5 * math.log(2 * math.pi)
        else:
            nll = F.binary_cross_entropy_with_logits(raw, images, reduction="none")
        recon = nll.flatten(1).sum(1).mean()
        # 2. KL(q(z|x) || p(z)), closed form for two Gaussians
        kl = kl_to_standard_normal(z_mean, log_var).mean() if log_var is not None else torch.zeros(())
        return {"reconstruction": recon, "kl": kl, "loss": recon + self.config.beta * kl}

    @torch.no_grad()
    def sample(self, num_samples: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns `num_samples` images `[N, C, H, W]` in [0, 1] (or points) decoded from z ~ N(0, I)."""
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


# --- What the Autoencoders tab shows: encodings, decodes of latent points, the prior test ---


@torch.no_grad()
def encode_mean(model: Autoencoder, images: Tensor) -> Tensor:
    """Returns each image's latent code `[N, k]`: f(x) for an AE, the mean mu(x) for a VAE."""
    model.eval()
    return model.encode(images)[0]


@torch.no_grad()
def decode_points(model: Autoencoder, z: Tensor) -> Tensor:
    """Returns the decodes `[N, C, H, W]` in [0, 1] of latent points `z` `[N, k]`."""
    model.eval()
    return model.decode(z.float())


def latent_grid(low: tuple[float, float], high: tuple[float, float], num: int) -> Tensor:
    """Returns `num * num` points `[num^2, 2]` of a regular grid, row by row from the top (largest z2).

    Tiled in this order the decodes read like a map: z1 grows to the right, z2 grows upwards.
    """
    z1 = torch.linspace(low[0], high[0], num)
    z2 = torch.linspace(high[1], low[1], num)
    rows, cols = torch.meshgrid(z2, z1, indexing="ij")
    return torch.stack([cols.flatten(), rows.flatten()], dim=1)


@torch.no_grad()
def reconstruction_mse(model: Autoencoder, images: Tensor) -> float:
    """Returns the squared error of the reconstructions from the latent code, summed over pixels and averaged over images."""
    recon = decode_points(model, encode_mean(model, images))
    return float((recon - images).pow(2).flatten(1).sum(1).mean())


@torch.no_grad()
def elbo_terms(model: Autoencoder, images: Tensor, *, samples: int = 10, generator: torch.Generator | None = None) -> dict[str, float]:
    """Returns a VAE's test-set ELBO in nats per image: reconstruction (Bernoulli negative log-likelihood,
    averaged over `samples` draws of z) and KL, with `elbo = -(reconstruction + kl)` (beta ignored)."""
    model.eval()
    z_mean, log_var = model.encode(images)
    if log_var is None:
        raise ValueError("the ELBO needs a VAE")
    recon = torch.stack(
        [
            F.binary_cross_entropy_with_logits(
                model.decode_raw(reparameterize(z_mean, log_var, generator=generator)), images, reduction="none"
            )
            .flatten(1)
            .sum(1)
            for _ in range(samples)
        ]
    ).mean()
    kl = kl_to_standard_normal(z_mean, log_var).mean()
    return {"reconstruction": float(recon), "kl": float(kl), "elbo": -float(recon + kl)}


@torch.no_grad()
def reparameterized_decodes(
    model: Autoencoder, image: Tensor, num: int, *, generator: torch.Generator | None = None, use_mean: bool = False
) -> dict[str, Tensor]:
    """Returns, for one image `[1, C, H, W]`, the VAE's `mu` `[k]` and `sigma` `[k]`, `num` codes
    z = mu + sigma * eps `[num, k]` (or `num` copies of mu when `use_mean`) and their decodes."""
    model.eval()
    z_mean, log_var = model.encode(image)
    if log_var is None:
        raise ValueError("the reparametrisation trick needs a VAE")
    mu, log_var = z_mean.expand(num, -1), log_var.expand(num, -1)
    z = mu.clone() if use_mean else reparameterize(mu, log_var, generator=generator)
    return {"mu": z_mean[0], "sigma": torch.exp(0.5 * log_var[0]), "z": z, "decodes": model.decode(z)}


@torch.no_grad()
def interpolate_codes(model: Autoencoder, first: Tensor, second: Tensor, steps: int) -> Tensor:
    """Returns `steps` decodes `[steps, C, H, W]` along the straight line between two images' codes."""
    codes = encode_mean(model, torch.cat([first, second]))
    weights = torch.linspace(0, 1, steps).unsqueeze(1)
    return decode_points(model, (1 - weights) * codes[0] + weights * codes[1])


# --- Linear AE against PCA, and a non-linear AE with the same latent size ---


@dataclass
class SubspaceRace:
    """A linear AE and a non-linear AE with `k` latents trained side by side, measured against PCA.

    The linear AE takes full-batch Adam steps on the train split (centred by its own biases); its
    decoder weights span a k-dimensional subspace whose principal angles to PCA's top-k subspace
    fall to zero. The non-linear AE (one hidden layer) takes minibatch steps. Errors are the
    squared reconstruction error per test image (summed over pixels), the same measure for all three.
    """

    k: int
    linear: Autoencoder
    nonlinear: Autoencoder
    pca_basis: Tensor  # [D, k]
    pca_test_mse: float
    train: Tensor
    test: Tensor


def subspace_race(
    train: Tensor, test: Tensor, k: int, *, linear_lr: float = 0.03, nonlinear_lr: float = 3e-3, batch_size: int = 256, seed: int = 0
) -> tuple[SubspaceRace, Trainer]:
    """Returns the race's models and a `Trainer` whose step trains both once.

    Metrics per step: `max_angle` and `mean_angle` (degrees) between the linear decoder's subspace and
    PCA's, `linear_mse`, `nonlinear_mse` and `pca_mse` on the test images.
    """

    init = torch.Generator().manual_seed(seed)  # weights, drawn as torch.manual_seed(seed) would, without touching it
    generator = torch.Generator().manual_seed(seed)
    pixels = train[0].numel()
    shape = tuple(train.shape[1:])
    linear = init_weights(Autoencoder(AutoencoderConfig(kind="linear", latent_dim=k, image_shape=shape)), init)
    nonlinear = init_weights(Autoencoder(AutoencoderConfig(kind="ae", latent_dim=k, hidden=(128,), image_shape=shape)), init)
    basis, mean = pca_basis(train.reshape(len(train), pixels), k)
    centred = test.reshape(len(test), pixels).double() - mean
    pca_mse = float((centred - centred @ basis @ basis.T).pow(2).sum(1).mean())
    race = SubspaceRace(k, linear, nonlinear, basis, pca_mse, train, test)
    decoder = linear.decoder
    assert isinstance(decoder, nn.Linear)  # the linear AE's: its weight [D, k] spans the learned subspace
    linear_opt = torch.optim.Adam(linear.parameters(), lr=linear_lr)
    nonlinear_opt = torch.optim.Adam(nonlinear.parameters(), lr=nonlinear_lr)

    def step() -> dict[str, float]:
        linear.train()
        nonlinear.train()
        for model, optimizer, batch in (
            (linear, linear_opt, train),
            (nonlinear, nonlinear_opt, train[torch.randint(len(train), (batch_size,), generator=generator)]),
        ):
            loss = model.loss(batch)["loss"]
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        angles = principal_angles(decoder.weight.detach(), basis)
        return {
            "max_angle": float(angles.max()),
            "mean_angle": float(angles.mean()),
            "linear_mse": reconstruction_mse(linear, test),
            "nonlinear_mse": reconstruction_mse(nonlinear, test),
            "pca_mse": pca_mse,
        }

    return race, Trainer(step)


# --- The shipped digits models and the command that trains them ---

# name -> config of every autoencoder the tab ships (files `<name>.safetensors` under one folder)
SHIPPED: dict[str, AutoencoderConfig] = {
    "ae_2d": AutoencoderConfig(kind="ae", latent_dim=2),
    "vae_2d": AutoencoderConfig(kind="vae", latent_dim=2, beta=1.0),
    "vae_2d_beta0": AutoencoderConfig(kind="vae", latent_dim=2, beta=0.0),
    "vae_2d_beta0.5": AutoencoderConfig(kind="vae", latent_dim=2, beta=0.5),
    "vae_2d_beta2": AutoencoderConfig(kind="vae", latent_dim=2, beta=2.0),
    "vae_2d_beta4": AutoencoderConfig(kind="vae", latent_dim=2, beta=4.0),
    "vae_16d": AutoencoderConfig(kind="vae", latent_dim=16, beta=1.0),
}


def evaluate_autoencoder(model: Autoencoder, classifier: nn.Module, test: Tensor, *, seed: int = 0) -> dict[str, float]:
    """Returns the figures the tab reports for one model: reconstruction MSE on `test`; for 1,000
    decodes of z ~ N(0, I), the share the classifier labels with confidence above 0.9 and the KL of
    its class histogram to uniform; and a VAE's test ELBO terms."""
    model.eval()
    verdict = judge_digits(classifier, model.sample(1000, generator=torch.Generator().manual_seed(seed)))
    figures = {
        "test_mse": reconstruction_mse(model, test),
        "prior_confident_share": verdict["confident_share"],
        "prior_class_kl": verdict["class_kl"],
    }
    if model.config.kind == "vae":
        terms = elbo_terms(model, test, generator=torch.Generator().manual_seed(seed))
        figures |= {"test_reconstruction_nll": terms["reconstruction"], "test_kl": terms["kl"], "test_elbo": terms["elbo"]}
    return figures


def train_autoencoders(
    out_dir: str | Path, *, classifier: nn.Module, steps: int = 20000, seed: int = 0, configs: dict[str, AutoencoderConfig] | None = None
) -> Iterator[Progress]:
    """Trains every model of `configs` (default `SHIPPED`) on the digits' train split, saves each
    to `out_dir/<name>.safetensors` with its figures as read by `classifier` (see `evaluate_autoencoder`;
    the shipped digits classifier, `core.assets.classifier()`, for the shipped models), yields progress."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    images, _ = load_digits("train")
    test, _ = load_digits("test")
    for name, config in (configs or SHIPPED).items():
        torch.manual_seed(seed)  # weight initialisation; batches and noise use their own generator
        model = Autoencoder(config)
        trainer = autoencoder_trainer(model, images, generator=torch.Generator().manual_seed(seed))
        last = yield from run_recipe(trainer, steps, reports=5, label=name)
        figures = evaluate_autoencoder(model, classifier, test, seed=seed)
        last.metrics.update(figures)
        extra = {"command": recipe_command("autoencoders-digits", steps, seed), "name": name}
        save_checkpoint(model, out_dir / f"{name}.safetensors", extra=extra | {k: f"{v:.4f}" for k, v in figures.items()})
        yield last
