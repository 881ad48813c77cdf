"""The gallery's digits classifier: a small CNN on 8x8 digits.

Later tabs use it as a judge: the class it reads in a generated digit, its confidence, and its
64-dimensional penultimate features, which define the gallery's FID ("Frechet digits distance",
after Heusel et al. 2017, arXiv 1706.08500, who use Inception features on photos).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

from core.loop import Trainer


@dataclass
class DigitsClassifierConfig:
    channels: tuple[int, int] = (32, 64)
    feature_dim: int = 64  # penultimate features: the space of the gallery's FID
    dropout: float = 0.25
    num_classes: int = 10


class DigitsClassifier(nn.Module):
    """CNN: two conv blocks (8x8 -> 4x4), a feature layer, and class logits."""

    checkpoint_name = "digits_classifier"
    config_class = DigitsClassifierConfig

    def __init__(self, config: DigitsClassifierConfig):
        super().__init__()
        self.config = config
        c1, c2 = config.channels
        self.conv = nn.Sequential(
            nn.Conv2d(1, c1, 3, padding=1),
            nn.ReLU(),
            nn.Conv2d(c1, c1, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),  # [B, c1, 4, 4]
            nn.Conv2d(c1, c2, 3, padding=1),
            nn.ReLU(),
        )
        self.to_features = nn.Sequential(nn.Flatten(), nn.Dropout(config.dropout), nn.Linear(c2 * 16, config.feature_dim), nn.ReLU())
        self.head = nn.Linear(config.feature_dim, config.num_classes)

    def features(self, images: Tensor) -> Tensor:
        """Returns penultimate features `[B, feature_dim]` of images `[B, 1, 8, 8]` in [0, 1]."""
        return self.to_features(self.conv(images))

    def forward(self, images: Tensor) -> Tensor:
        """Returns class logits `[B, 10]`."""
        return self.head(self.features(images))

    @torch.no_grad()
    def predict_proba(self, images: Tensor) -> Tensor:
        """Returns class probabilities `[B, 10]` (eval mode is the caller's choice)."""
        return torch.softmax(self(images.float()), dim=1)


def random_shift(images: Tensor, *, max_shift: int = 1, generator: torch.Generator | None = None) -> Tensor:
    """Returns images `[B, C, H, W]` each shifted by up to `max_shift` pixels, zero-filled."""
    b, _, h, w = images.shape
    padded = nn.functional.pad(images, (max_shift,) * 4)
    dy = torch.randint(0, 2 * max_shift + 1, (b,), generator=generator)
    dx = torch.randint(0, 2 * max_shift + 1, (b,), generator=generator)
    rows = (dy[:, None] + torch.arange(h))[:, None, :, None].expand(b, images.shape[1], h, w + 2 * max_shift)
    shifted = padded.gather(2, rows)
    cols = (dx[:, None] + torch.arange(w))[:, None, None, :].expand(b, images.shape[1], h, w)
    return shifted.gather(3, cols)


def digits_classifier_trainer(
    model: DigitsClassifier,
    images: Tensor,
    labels: Tensor,
    *,
    batch_size: int = 64,
    lr: float = 2e-3,
    generator: torch.Generator | None = None,
) -> Trainer:
    """Returns a `Trainer` whose steps are Adam minibatch steps with random 1-pixel shifts."""
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-4)

    def step() -> dict[str, float]:
        model.train()
        pick = torch.randint(len(images), (batch_size,), generator=generator)
        x = random_shift(images[pick], generator=generator)
        logits = model(x)
        loss = nn.functional.cross_entropy(logits, labels[pick], label_smoothing=0.05)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return {"loss": loss.item(), "batch_accuracy": (logits.argmax(1) == labels[pick]).float().mean().item()}

    return Trainer(step)


@torch.no_grad()
def accuracy(model: nn.Module, images: Tensor, labels: Tensor) -> float:
    """Returns the share of `images` whose arg-max class equals `labels` (model put in eval mode)."""
    model.eval()
    return (model(images).argmax(1) == labels).float().mean().item()


@torch.no_grad()
def judge_digits(classifier: nn.Module, images: Tensor, *, confidence: float = 0.9, batch_size: int = 2000) -> dict[str, float]:
    """Returns the digits classifier's verdict on generated `images` `[N, 1, 8, 8]`.

    - `class_kl`: KL divergence (natural log) of the histogram of predicted classes to the uniform
      distribution over the classes; 0 when every digit is generated equally often.
    - `confident_share`: share of images whose largest class probability exceeds `confidence`.
    """
    classifier.eval()
    # nn.Module.__getattr__ types the classifier's own methods as Tensor | Module
    probs = torch.cat([classifier.predict_proba(chunk) for chunk in images.split(batch_size)])  # type: ignore[operator]  # [N, K]
    num_classes = probs.shape[1]
    histogram = torch.bincount(probs.argmax(1), minlength=num_classes).double() / len(probs)  # [K]
    present = histogram > 0
    class_kl = (histogram[present] * torch.log(histogram[present] * num_classes)).sum().item()
    return {"class_kl": class_kl, "confident_share": (probs.max(1).values > confidence).float().mean().item()}
