"""The 2D diffusion playground's denoiser: an MLP eps_theta(x_t, t) on points, and the score field it learns.

It trains and samples with `core.diffusion.ddpm` like the digits U-Net; what is particular to 2D is the
network (an MLP on the point and the timestep's embedding) and the picture of the learned score
grad log p_t(x) as arrows over the plane (Song and Ermon 2019, arXiv 1907.05600).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

from core.diffusion.ddpm import predict
from core.diffusion.schedule import NoiseSchedule, Prediction
from core.diffusion.unet import batch_timesteps, timestep_embedding


@dataclass
class ToyConfig:
    """A small MLP for 2D diffusion: input (x, y) and the timestep's embedding."""

    width: int = 128
    depth: int = 3
    time_dim: int = 32
    num_train_timesteps: int = 100
    schedule: str = "linear"
    prediction: Prediction = "epsilon"


class ToyDenoiser(nn.Module):
    """eps_theta(x_t, t) for 2D points: an MLP on [x_t, MLP(sinusoid(t))]."""

    checkpoint_name = "toy_denoiser"
    config_class = ToyConfig

    def __init__(self, config: ToyConfig):
        super().__init__()
        self.config = config
        self.time_mlp = nn.Sequential(nn.Linear(config.time_dim, config.width), nn.SiLU())
        layers: list[nn.Module] = [nn.Linear(2 + config.width, config.width), nn.SiLU()]
        for _ in range(config.depth - 1):
            layers += [nn.Linear(config.width, config.width), nn.SiLU()]
        layers.append(nn.Linear(config.width, 2))
        self.net = nn.Sequential(*layers)

    def forward(self, x: Tensor, timestep: Tensor | int) -> Tensor:
        emb = self.time_mlp(timestep_embedding(batch_timesteps(timestep, len(x), x.device), self.config.time_dim))
        return self.net(torch.cat([x, emb], dim=1))


@torch.no_grad()
def score_field(model: nn.Module, schedule: NoiseSchedule, prediction: Prediction, points: Tensor, t: int) -> Tensor:
    """Returns the learned score at timestep t on `points` `[N, D]`: grad log p_t(x) ~ -eps_theta(x, t) / sqrt(1 - alpha_bar_t).

    It points towards more likely, less noisy data (Song and Ermon 2019; the eps-score link of Ho et al. 2020, eq. 11).
    """
    model.eval()
    steps = torch.full((len(points),), t)
    _, eps = schedule.to_x0_and_eps(prediction, predict(model, points, steps), points, steps)
    return -eps / (1 - schedule.alphas_cumprod[t]).sqrt()
