"""A small MLP classifier on 2D points: the discriminative model p(y|x) of the Overview tab.

It learns only where the boundaries between classes lie; it has no notion of how likely a point
is, so it is as confident far from the data as near it, and it cannot draw new points.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

from core.loop import Trainer


@dataclass
class PointClassifierConfig:
    num_classes: int = 2
    hidden: int = 64
    depth: int = 2


class PointClassifier(nn.Module):
    """MLP from standardised (x, y) to class logits; the input scaling is stored as buffers."""

    checkpoint_name = "point_classifier"
    config_class = PointClassifierConfig
    shift: Tensor  # buffers, registered in __init__ ([2] each)
    scale: Tensor

    def __init__(self, config: PointClassifierConfig):
        super().__init__()
        self.config = config
        layers: list[nn.Module] = []
        width = 2
        for _ in range(config.depth):
            layers += [nn.Linear(width, config.hidden), nn.ReLU()]
            width = config.hidden
        layers.append(nn.Linear(width, config.num_classes))
        self.net = nn.Sequential(*layers)
        self.register_buffer("shift", torch.zeros(2))
        self.register_buffer("scale", torch.ones(2))

    def forward(self, x: Tensor) -> Tensor:
        """Returns class logits `[N, K]` for points `[N, 2]`."""
        return self.net((x - self.shift) / self.scale)

    @torch.no_grad()
    def predict_proba(self, x: Tensor) -> Tensor:
        """Returns p(y | x) as `[N, K]`."""
        return torch.softmax(self(x.float()), dim=1)


def classifier_trainer(model: PointClassifier, points: Tensor, labels: Tensor, *, lr: float = 1e-2, weight_decay: float = 1e-4) -> Trainer:
    """Returns a `Trainer` whose steps are full-batch Adam steps on cross-entropy (metrics: loss, accuracy)."""
    model.shift.copy_(points.mean(0))
    model.scale.copy_(points.std(0).clamp_min(1e-3))
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)

    def step() -> dict[str, float]:
        logits = model(points)
        loss = nn.functional.cross_entropy(logits, labels)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        accuracy = (logits.argmax(1) == labels).float().mean()
        return {"loss": loss.item(), "accuracy": accuracy.item()}

    return Trainer(step)
