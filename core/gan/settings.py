"""What a 2D GAN run is made of, as plain data: its loss names, its networks' shape and its training settings.

Kept apart from the networks (`lab2d`) and the losses' maths (`losses`) so that the GAN Lab's page can build its
knobs from these defaults without importing PyTorch (`core.lazy`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LossName = Literal["minimax", "non_saturating", "wasserstein", "wgan_gp", "least_squares", "hinge"]
LOSSES: tuple[LossName, ...] = ("minimax", "non_saturating", "wasserstein", "wgan_gp", "least_squares", "hinge")
# Losses whose D outputs a logit of "real" (the others output an unbounded critic score).
PROBABILISTIC: frozenset[str] = frozenset({"minimax", "non_saturating"})

NoiseName = Literal["gaussian", "uniform"]
OptimizerName = Literal["adam", "sgd"]
ScheduleName = Literal["constant", "linear"]


@dataclass
class MLPGANConfig:
    noise_dim: int = 8
    noise: NoiseName = "gaussian"
    g_width: int = 128
    g_depth: int = 3
    d_width: int = 128
    d_depth: int = 3
    data_shift: tuple[float, ...] = (0.0, 0.0)  # the data's mean: networks see (x - shift) / scale
    data_scale: float = 1.0
    data_dim: int = 2  # 2 for the lab's points; the trilemma benchmark also trains it on 64-pixel digits


@dataclass
class TrainSettings:
    """What may change between steps without rebuilding the networks."""

    loss: LossName = "non_saturating"
    g_optimizer: OptimizerName = "adam"
    d_optimizer: OptimizerName = "adam"
    g_lr: float = 1e-3
    d_lr: float = 1e-3
    d_steps: int = 1
    batch_size: int = 256
    clip: float = 0.01  # weight clipping of the Wasserstein critic
    gp_weight: float = 0.1  # lambda of WGAN-GP (Gulrajani et al. use 0.1 on their toy data)
    budget: int = 25_000  # generator steps of a full run
    schedule: ScheduleName = "linear"  # learning rates fall linearly to 1% at the budget; or "constant"
