"""A GAN on 2D points, trained one step at a time: the model behind the GAN Lab tab.

`MLPGAN` holds two MLPs (generator: noise -> point, discriminator: point -> one output) and the
data's shift and scale, so it works in data units, on 2D points or any D-dimensional data (the
trilemma comparison trains it on the 64 pixels of the digits). `GANLab` trains it with any loss of
`core.gan.losses`: a D step updates D with G frozen, a G step updates G with D frozen (the course's
alternating training), and `step()` does `d_steps` D steps then one G step. `snapshot()` computes
what the tab draws: samples, D's output over the plane, the gradient G's samples receive, and the
generator's manifold (a grid in noise space mapped through G).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from core.gan.losses import (
    PROBABILISTIC,
    clip_weights,
    decision_threshold,
    discriminator_accuracy,
    discriminator_loss,
    generator_loss,
    gradient_penalty,
)
from core.gan.settings import MLPGANConfig as MLPGANConfig
from core.gan.settings import OptimizerName
from core.gan.settings import TrainSettings as TrainSettings
from core.plane import PlaneGrid


def mlp(inputs: int, width: int, depth: int, outputs: int, activation: Callable[[], nn.Module]) -> nn.Sequential:
    """Returns an MLP with `depth` hidden layers of `width` units."""
    layers: list[nn.Module] = []
    for i in range(depth):
        layers += [nn.Linear(inputs if i == 0 else width, width), activation()]
    layers.append(nn.Linear(width if depth else inputs, outputs))
    return nn.Sequential(*layers)


class MLPGAN(nn.Module):
    """Generator and discriminator for 2D points (or any D-dimensional data); `sample` follows the gallery's generative contract."""

    checkpoint_name = "gan2d"
    config_class = MLPGANConfig
    shift: Tensor  # buffers, registered in __init__ ([D], [])
    scale: Tensor

    def __init__(self, config: MLPGANConfig):
        super().__init__()
        self.config = config
        self.generator = mlp(config.noise_dim, config.g_width, config.g_depth, config.data_dim, nn.ReLU)
        self.discriminator = mlp(config.data_dim, config.d_width, config.d_depth, 1, lambda: nn.LeakyReLU(0.2))
        self.register_buffer("shift", torch.tensor(config.data_shift, dtype=torch.float32))
        self.register_buffer("scale", torch.tensor(float(config.data_scale)))

    def noise(self, num_samples: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns noise `[N, noise_dim]`: standard normal, or uniform on [-1, 1]."""
        if self.config.noise == "uniform":
            return 2 * torch.rand(num_samples, self.config.noise_dim, generator=generator) - 1
        return torch.randn(num_samples, self.config.noise_dim, generator=generator)

    def generate(self, z: Tensor) -> Tensor:
        """Returns G(z) `[N, D]` in data units (differentiable)."""
        return self.generator(z) * self.scale + self.shift

    def discriminate(self, x: Tensor) -> Tensor:
        """Returns D's raw output `[N]` (a logit or a critic score) on points `[N, D]` in data units."""
        return self.discriminator((x - self.shift) / self.scale).squeeze(-1)

    @torch.no_grad()
    def sample(self, num_samples: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns `num_samples` generated points `[N, D]` in data units."""
        return self.generate(self.noise(num_samples, generator=generator))


def standardisation(data: Tensor) -> dict:
    """Returns the config fields that standardise `data` [N, D]: its mean as `data_shift`, its largest std as
    `data_scale`, and `data_dim` (shared by `MLPGANConfig` and `DDGANConfig`)."""
    shift = tuple(float(v) for v in data.mean(0))
    return {"data_shift": shift, "data_scale": float(data.std(0).max().clamp_min(1e-3)), "data_dim": data.shape[1]}


def config_for_data(data: Tensor, **options) -> MLPGANConfig:
    """Returns a `MLPGANConfig` whose shift and scale standardise `data` [N, D] (D = 2 for the lab)."""
    return MLPGANConfig(**standardisation(data), **options)


# Recommended settings per loss (what the mode-coverage benchmark uses): a linear decay of the
# learning rates over the budget lets the samples settle onto the modes at the end of a run.
RECOMMENDED: dict[str, dict] = {
    "minimax": {"schedule": "linear"},
    "non_saturating": {"schedule": "linear"},
    "wasserstein": {"g_lr": 5e-4, "d_lr": 5e-4, "d_steps": 3, "schedule": "linear"},
    "wgan_gp": {"schedule": "linear"},
    "least_squares": {"schedule": "linear"},
    "hinge": {"schedule": "linear"},
}


def make_optimizer(name: OptimizerName, params, lr: float) -> torch.optim.Optimizer:
    """Returns Adam (betas 0.5, 0.9, as in the WGAN-GP paper) or plain SGD."""
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.5, 0.9))
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    raise ValueError(f"unknown optimizer {name!r}; choose 'adam' or 'sgd'")


MAX_HISTORY = 4000


@dataclass
class Snapshot:
    """What the GAN Lab draws, in data units."""

    real: Tensor  # [N, 2]
    fake: Tensor  # [M, 2]
    fake_grad: Tensor  # [M, 2] direction that lowers G's loss at each fake sample (-dL_G/dx)
    d_values: Tensor  # [H, W] D(x) in (0, 1) for probabilistic losses, else the critic score
    manifold: Tensor  # [L, L, 2] a grid in noise space mapped through G


class GANLab:
    """Trains a `MLPGAN` on the points `data` [N, 2], one D step, G step or both at a time."""

    def __init__(self, model: MLPGAN, data: Tensor, settings: TrainSettings, *, generator: torch.Generator):
        self.model = model
        self.data = data
        self.generator = generator
        self.settings = dataclasses.replace(settings)
        self.d_opt = make_optimizer(settings.d_optimizer, model.discriminator.parameters(), settings.d_lr)
        self.g_opt = make_optimizer(settings.g_optimizer, model.generator.parameters(), settings.g_lr)
        self.d_steps_done = 0
        self.g_steps_done = 0
        self.iterations = 0  # recorded actions: a D step, a G step, or a full step
        self.last: dict[str, float] = {}
        self.history: dict[str, list[float]] = {}

    def update(self, settings: TrainSettings) -> None:
        """Applies new settings: learning rates at once, a new optimizer only if its kind changed."""
        old = self.settings
        if settings.d_optimizer != old.d_optimizer:
            self.d_opt = make_optimizer(settings.d_optimizer, self.model.discriminator.parameters(), settings.d_lr)
        if settings.g_optimizer != old.g_optimizer:
            self.g_opt = make_optimizer(settings.g_optimizer, self.model.generator.parameters(), settings.g_lr)
        self.settings = dataclasses.replace(settings)
        self._apply_schedule()

    def lr_factor(self) -> float:
        """Returns the learning-rate multiplier of the schedule at the current generator step."""
        if self.settings.schedule == "linear":
            return max(1.0 - self.g_steps_done / max(self.settings.budget, 1), 0.01)
        return 1.0

    def _apply_schedule(self) -> None:
        factor = self.lr_factor()
        for group in self.d_opt.param_groups:
            group["lr"] = self.settings.d_lr * factor
        for group in self.g_opt.param_groups:
            group["lr"] = self.settings.g_lr * factor

    def _real_batch(self) -> Tensor:
        pick = torch.randint(len(self.data), (self.settings.batch_size,), generator=self.generator)
        return self.data[pick]

    def _d_step(self) -> dict[str, float]:
        """One discriminator step with G frozen; returns D's loss and accuracies."""
        s, model = self.settings, self.model
        self._apply_schedule()
        real = self._real_batch()
        with torch.no_grad():
            fake = model.generate(model.noise(s.batch_size, generator=self.generator))
        real_out, fake_out = model.discriminate(real), model.discriminate(fake)
        loss = discriminator_loss(s.loss, real_out, fake_out)
        if s.loss == "wgan_gp":
            loss = loss + s.gp_weight * gradient_penalty(model.discriminate, real, fake, generator=self.generator)
        self.d_opt.zero_grad(set_to_none=True)
        loss.backward()
        self.d_opt.step()
        if s.loss == "wasserstein":
            clip_weights(model.discriminator, s.clip)
        self.d_steps_done += 1
        acc_real, acc_fake = discriminator_accuracy(s.loss, real_out, fake_out)  # NaN for a critic: it has no "real" side
        metrics = {"d_loss": loss.item(), "d_acc_real": acc_real, "d_acc_fake": acc_fake}
        # a critic's gap E[D(x)] - E[D(G(z))] is what it maximises (the Wasserstein estimate); it means nothing for the other losses
        is_critic = decision_threshold(s.loss) is None
        metrics["critic_gap"] = (real_out.mean() - fake_out.mean()).item() if is_critic else float("nan")
        self.last.update(metrics)
        return metrics

    def _g_step(self) -> dict[str, float]:
        """One generator step with D frozen; returns G's loss and the norm of its gradient."""
        s, model = self.settings, self.model
        self._apply_schedule()
        for p in model.discriminator.parameters():
            p.requires_grad_(False)
        try:
            fake = model.generate(model.noise(s.batch_size, generator=self.generator))
            loss = generator_loss(s.loss, model.discriminate(fake))
            self.g_opt.zero_grad(set_to_none=True)
            loss.backward()
        finally:
            for p in model.discriminator.parameters():
                p.requires_grad_(True)
        grad_norm = torch.sqrt(sum(((p.grad**2).sum() for p in model.generator.parameters() if p.grad is not None), torch.zeros(())))
        self.g_opt.step()
        self.g_steps_done += 1
        metrics = {"g_loss": loss.item(), "g_grad_norm": grad_norm.item()}
        self.last.update(metrics)
        return metrics

    def step_d(self) -> dict[str, float]:
        """One discriminator step (G frozen), recorded in the history; returns the latest metrics."""
        self._d_step()
        return self._record()

    def step_g(self) -> dict[str, float]:
        """One generator step (D frozen), recorded in the history; returns the latest metrics."""
        self._g_step()
        return self._record()

    def step(self) -> dict[str, float]:
        """`d_steps` discriminator steps then one generator step; returns the latest metrics of both."""
        for _ in range(self.settings.d_steps):
            self._d_step()
        self._g_step()
        return self._record()

    def _record(self) -> dict[str, float]:
        """Appends the latest metrics to `history` (halving its resolution past `MAX_HISTORY` entries)."""
        self.iterations += 1
        self.history.setdefault("iteration", []).append(float(self.iterations))
        for key, value in self.last.items():
            column = self.history.setdefault(key, [])
            column.extend([float("nan")] * (len(self.history["iteration"]) - 1 - len(column)))
            column.append(value)
        if len(self.history["iteration"]) > MAX_HISTORY:
            self.history = {key: column[::2] for key, column in self.history.items()}
        return dict(self.last)

    def snapshot(
        self,
        grid: PlaneGrid,
        *,
        num_fake: int = 400,
        num_real: int = 400,
        manifold_lines: int = 15,
        generator: torch.Generator | None = None,
    ) -> Snapshot:
        """Returns samples, D over `grid`, the gradient on G's samples and G's manifold."""
        model, loss_name = self.model, self.settings.loss
        fixed = generator if generator is not None else torch.Generator().manual_seed(0)
        real = self.data[torch.randint(len(self.data), (num_real,), generator=fixed)]
        z = model.noise(num_fake, generator=fixed)
        with torch.no_grad():
            fake = model.generate(z)
            d_out = model.discriminate(grid.points)
            d_values = torch.sigmoid(d_out) if loss_name in PROBABILISTIC else d_out
            # the manifold: vary the first two noise coordinates over their typical range, the rest at 0
            span = 2.0 if model.config.noise == "gaussian" else 1.0
            ticks = torch.linspace(-span, span, manifold_lines)
            u, v = torch.meshgrid(ticks, ticks, indexing="ij")
            z_grid = torch.zeros(manifold_lines * manifold_lines, model.config.noise_dim)
            z_grid[:, 0] = u.reshape(-1)
            if model.config.noise_dim > 1:
                z_grid[:, 1] = v.reshape(-1)
            manifold = model.generate(z_grid).reshape(manifold_lines, manifold_lines, 2)
        x = fake.clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(generator_loss(loss_name, model.discriminate(x)) * num_fake, x)
        return Snapshot(real, fake, -grad, grid.as_image(d_values), manifold)
