"""DCGAN on the 8x8 digits: the convolutional GAN recipe of Radford et al. 2015 scaled down.

Radford, Metz and Chintala, "Unsupervised Representation Learning with Deep Convolutional
Generative Adversarial Networks", arXiv 1511.06434. Their architecture guidelines, kept here:
strided (transposed) convolutions instead of pooling, batch norm in both networks except the
generator's output and the discriminator's input, ReLU in the generator, LeakyReLU(0.2) in the
discriminator, weights drawn from N(0, 0.02), Adam with lr 2e-4 and beta1 = 0.5. Scaled down:
noise -> 2x2 -> 4x4 -> 8x8 (the paper goes 4x4 -> 64x64), one 3x3 convolution at 8x8 in each
network, and a sigmoid output because the gallery's images live in [0, 1] (the paper uses tanh).

The generator is trained with the non-saturating loss (Goodfellow et al. 2014, sec. 3): it
maximises log D(G(z)) instead of minimising log(1 - D(G(z))), which vanishes early in training.
Two later tricks make the digits on 1,433 training images cleaner: one-sided label smoothing
(Salimans et al. 2016, arXiv 1606.03498) and a moving average of the generator's weights
(Yazici et al. 2019, arXiv 1806.04498), which is what the checkpoint ships.
"""

from __future__ import annotations

import copy
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
from core.loop import Progress, Trainer, recipe_command, run_recipe, update_average

InterpolationMode = Literal["linear", "spherical"]
INTERPOLATION_MODES: tuple[InterpolationMode, ...] = ("linear", "spherical")


@dataclass
class DCGANConfig:
    noise_dim: int = 32
    g_channels: tuple[int, int, int] = (128, 64, 32)  # generator widths at 2x2, 4x4, 8x8
    d_channels: tuple[int, int, int] = (32, 64, 128)  # discriminator widths at 8x8, 4x4, 2x2
    image_size: int = 8  # fixed by the architecture (three resolutions: 2, 4, 8)


class Generator(nn.Module):
    """G(z): noise `[B, noise_dim]` -> images `[B, 1, 8, 8]` in [0, 1]."""

    def __init__(self, config: DCGANConfig):
        super().__init__()
        c2, c4, c8 = config.g_channels
        self.project = nn.Sequential(nn.Linear(config.noise_dim, c2 * 4, bias=False), nn.BatchNorm1d(c2 * 4), nn.ReLU())
        self.up = nn.Sequential(
            nn.ConvTranspose2d(c2, c4, 4, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(c4),
            nn.ReLU(),  # [B, c4, 4, 4]
            nn.ConvTranspose2d(c4, c8, 4, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(c8),
            nn.ReLU(),  # [B, c8, 8, 8]
            nn.Conv2d(c8, c8, 3, padding=1, bias=False),
            nn.BatchNorm2d(c8),
            nn.ReLU(),  # [B, c8, 8, 8]
            nn.Conv2d(c8, 1, 3, padding=1),  # [B, 1, 8, 8]; no batch norm on the output layer
        )
        self._c2 = c2

    def forward(self, z: Tensor) -> Tensor:
        """Returns images `[B, 1, 8, 8]` in [0, 1] for noise `z` `[B, noise_dim]`."""
        h = self.project(z).view(-1, self._c2, 2, 2)  # [B, c2, 2, 2]
        return torch.sigmoid(self.up(h))


class Discriminator(nn.Module):
    """D(x): images `[B, 1, 8, 8]` in [0, 1] -> one logit per image `[B]` (real > 0 > fake)."""

    def __init__(self, config: DCGANConfig):
        super().__init__()
        c8, c4, c2 = config.d_channels
        self.net = nn.Sequential(
            nn.Conv2d(1, c8, 3, padding=1),
            nn.LeakyReLU(0.2),  # [B, c8, 8, 8]; no batch norm on the input layer
            nn.Conv2d(c8, c4, 4, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(c4),
            nn.LeakyReLU(0.2),  # [B, c4, 4, 4]
            nn.Conv2d(c4, c2, 4, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(c2),
            nn.LeakyReLU(0.2),  # [B, c2, 2, 2]
            nn.Flatten(),
            nn.Linear(c2 * 4, 1),
        )

    def forward(self, images: Tensor) -> Tensor:
        """Returns logits `[B]`."""
        return self.net(images * 2 - 1).squeeze(1)  # the networks see pixels in [-1, 1], as in the paper


def _init_dcgan_weights(module: nn.Module) -> None:
    """DCGAN initialisation: conv and linear weights from N(0, 0.02), batch-norm scales from N(1, 0.02)."""
    if isinstance(module, nn.Conv2d | nn.ConvTranspose2d | nn.Linear):
        nn.init.normal_(module.weight, 0.0, 0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.BatchNorm1d | nn.BatchNorm2d):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


class DCGAN(nn.Module):
    """A generator and a discriminator; samples are the generator's images of standard normal noise."""

    checkpoint_name = "dcgan_digits"
    config_class = DCGANConfig

    def __init__(self, config: DCGANConfig):
        super().__init__()
        if config.image_size != 8:
            raise ValueError(f"DCGAN is built for 8x8 images; image_size must be 8, got {config.image_size}")
        self.config = config
        self.generator = Generator(config)
        self.discriminator = Discriminator(config)
        self.apply(_init_dcgan_weights)

    def noise(self, num_samples: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns standard normal latents `[num_samples, noise_dim]`."""
        return torch.randn(num_samples, self.config.noise_dim, generator=generator)

    @torch.no_grad()
    def decode(self, z: Tensor) -> Tensor:
        """Returns the generator's images `[N, 1, 8, 8]` in [0, 1] of latents `z` `[N, noise_dim]` (eval mode)."""
        if z.ndim != 2 or z.shape[1] != self.config.noise_dim:
            raise ValueError(f"z must have shape [N, {self.config.noise_dim}], got {list(z.shape)}")
        was_training = self.generator.training
        self.generator.eval()  # batch norm uses its running statistics: a sample does not depend on its batch
        try:
            return self.generator(z.float())
        finally:
            self.generator.train(was_training)

    def sample(self, num_samples: int, *, generator: torch.Generator | None = None, noise: Tensor | None = None) -> Tensor:
        """Returns `num_samples` generated digits `[N, 1, 8, 8]` in [0, 1] (or the images of `noise`, if given)."""
        if noise is not None and len(noise) != num_samples:
            raise ValueError(f"noise holds {len(noise)} latents but num_samples is {num_samples}")
        return self.decode(self.noise(num_samples, generator=generator) if noise is None else noise)

    def interpolate(self, z0: Tensor, z1: Tensor, steps: int, *, mode: InterpolationMode = "spherical") -> Tensor:
        """Returns `steps` latents `[steps, noise_dim]` from `z0` to `z1`; see `interpolate_latents`."""
        return interpolate_latents(z0, z1, steps, mode=mode)


def interpolate_latents(z0: Tensor, z1: Tensor, steps: int, *, mode: InterpolationMode = "spherical") -> Tensor:
    """Returns `steps` latents `[steps, D]` going from `z0` to `z1` (both `[D]`), endpoints included.

    "linear" is (1 - t) z0 + t z1. "spherical" is slerp (Shoemake 1985), which DCGAN's successors
    recommend for Gaussian latents (White 2016, arXiv 1609.04468): a straight line through a
    Gaussian's centre passes where almost no training latent lies, the great circle does not.
    Nearly parallel (or opposite) vectors, whose angle's sine is too small to divide by, fall back
    to linear.
    """
    if mode not in INTERPOLATION_MODES:
        raise ValueError(f"mode must be one of {list(INTERPOLATION_MODES)}, got {mode!r}")
    if steps < 2:
        raise ValueError(f"steps must be at least 2 (both endpoints), got {steps}")
    z0, z1 = z0.reshape(-1).float(), z1.reshape(-1).float()
    if z0.shape != z1.shape:
        raise ValueError(f"z0 and z1 must have the same size, got {z0.numel()} and {z1.numel()}")
    t = torch.linspace(0.0, 1.0, steps)[:, None]  # [steps, 1]
    linear = (1 - t) * z0 + t * z1  # [steps, D]
    if mode == "linear":
        return linear
    cos_omega = torch.dot(z0, z1) / (z0.norm() * z1.norm()).clamp_min(1e-12)
    omega = torch.arccos(cos_omega.clamp(-1.0, 1.0))  # angle between z0 and z1
    if math.sin(omega.item()) < 1e-4:
        return linear
    out = (torch.sin((1 - t) * omega) * z0 + torch.sin(t * omega) * z1) / torch.sin(omega)  # [steps, D]
    out[0], out[-1] = z0, z1  # exact endpoints despite rounding
    return out


def dcgan_trainer(
    model: DCGAN,
    images: Tensor,
    *,
    batch_size: int = 128,
    lr: float = 2e-4,
    real_label: float = 0.9,
    average: Generator | None = None,
    average_decay: float = 0.999,
    generator: torch.Generator | None = None,
) -> Trainer:
    """Returns a `Trainer` whose steps are one discriminator step and one generator step.

    Losses are binary cross-entropy on D's logits: D minimises -log D(x) - log(1 - D(G(z))), with
    real images labelled `real_label` instead of 1 (one-sided label smoothing: D never becomes
    certain, so G keeps useful gradients); G minimises the non-saturating -log D(G(z)). Adam with
    betas (0.5, 0.999) as in the paper. If `average` (a copy of `model.generator`) is given, every
    step moves it toward the generator's weights (`update_average`). The preview is the images
    `[16, 1, 8, 8]` of 16 latents fixed when the trainer is made.
    """
    g_optimizer = torch.optim.Adam(model.generator.parameters(), lr=lr, betas=(0.5, 0.999))
    d_optimizer = torch.optim.Adam(model.discriminator.parameters(), lr=lr, betas=(0.5, 0.999))
    preview_noise = model.noise(16, generator=generator)  # [16, noise_dim]

    def step() -> dict[str, float]:
        model.train()
        real = images[torch.randint(len(images), (batch_size,), generator=generator)]  # [B, 1, 8, 8]
        fake = model.generator(model.noise(batch_size, generator=generator))  # [B, 1, 8, 8]

        # 1. discriminator step: real images are positives, generated ones negatives (G is not updated)
        d_real, d_fake = model.discriminator(real), model.discriminator(fake.detach())  # [B], [B]
        real_target, fake_target = torch.full_like(d_real, real_label), torch.zeros_like(d_fake)
        d_loss = F.binary_cross_entropy_with_logits(d_real, real_target) + F.binary_cross_entropy_with_logits(d_fake, fake_target)
        d_optimizer.zero_grad(set_to_none=True)
        d_loss.backward()
        d_optimizer.step()

        # 2. generator step, non-saturating: maximise log D(G(z)) (D is not updated)
        d_on_fake = model.discriminator(fake)  # [B]
        g_loss = F.binary_cross_entropy_with_logits(d_on_fake, torch.ones_like(d_on_fake))
        g_optimizer.zero_grad(set_to_none=True)
        g_loss.backward()
        g_optimizer.step()
        if average is not None:
            update_average(average, model.generator, decay=average_decay)
        return {
            "d_loss": d_loss.item(),
            "g_loss": g_loss.item(),
            "d_acc_real": (d_real > 0).float().mean().item(),
            "d_acc_fake": (d_fake < 0).float().mean().item(),
        }

    return Trainer(step, preview=lambda: model.decode(preview_noise))


def train_dcgan(
    out: str | Path, *, classifier: nn.Module, steps: int = 20000, seed: int = 0, config: DCGANConfig | None = None
) -> Iterator[Progress]:
    """Trains the DCGAN on the digits' train split, judges and saves it to `out`, yields progress.

    The saved generator is the moving average of the trained one. The final report's metrics
    include `class_kl` and `confident_share` (see `judge_digits`) of 10,000 samples as read by
    `classifier` (the shipped digits classifier, `core.assets.classifier()`, for the shipped model).
    """
    torch.manual_seed(seed)  # weight initialisation; data and noise use their own generator
    generator = torch.Generator().manual_seed(seed)
    model = DCGAN(config or DCGANConfig())
    images, _ = load_digits("train")
    average = copy.deepcopy(model.generator)
    trainer = dcgan_trainer(model, images, average=average, generator=generator)
    last = yield from run_recipe(trainer, steps)
    model.generator.load_state_dict(average.state_dict())
    samples = model.sample(10_000, generator=torch.Generator().manual_seed(seed + 1))
    verdict = judge_digits(classifier, samples)
    last.metrics.update(verdict)
    save_checkpoint(
        model,
        out,
        extra={
            "command": recipe_command("dcgan-digits", steps, seed),
            "class_kl": f"{verdict['class_kl']:.4f}",
            "confident_share": f"{verdict['confident_share']:.4f}",
        },
    )
    yield last
