"""The shipped digits diffusion models: class-conditional U-Nets (label dropout 0.2) that predict
the noise, the clean image, or v; their training command and the figures measured on them.

Pixels are scaled from [0, 1] to [-1, 1] for the network (`to_model`), and back (`to_image`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import torch
from torch import Tensor

from core.diffusion.ddpm import diffusion_trainer, sample
from core.diffusion.schedule import NoiseSchedule, Prediction
from core.diffusion.unet import UNet, UNetConfig
from core.loop import Progress

DEFAULT_GUIDANCE = 2.0
DEFAULT_STEPS = 50  # DDIM steps


def to_model(images: Tensor) -> Tensor:
    return images * 2 - 1


def to_image(x: Tensor) -> Tensor:
    return ((x + 1) / 2).clamp(0, 1)


def schedule_of(model: UNet) -> NoiseSchedule:
    return NoiseSchedule.named(model.config.schedule, model.config.num_train_timesteps)  # type: ignore[arg-type]


def generate(model: UNet, labels: Tensor | None, *, num: int | None = None, guidance: float = DEFAULT_GUIDANCE, **kwargs) -> Tensor:
    """Returns images `[N, 1, 8, 8]` in [0, 1]: one per label, or `num` unconditional ones when `labels` is None."""
    n = len(labels) if labels is not None else num
    assert n is not None
    shape = (n, 1, model.config.sample_size, model.config.sample_size)
    return to_image(sample(model, schedule_of(model), model.config.prediction, shape, labels=labels, guidance=guidance, **kwargs))


def evaluate_digits(
    model: UNet, classifier: torch.nn.Module, *, seed: int = 0, per_class: int = 100, unconditional: int = 2000
) -> dict[str, float]:
    """Returns the classifier's verdict at the default DDIM steps: the share of conditional samples
    (at the default guidance) read as their requested class, and the class-histogram KL to uniform and
    confident share of unconditional samples."""
    from core.classifier import judge_digits

    generator = torch.Generator().manual_seed(seed)
    labels = torch.arange(10).repeat_interleave(per_class)
    images = torch.cat([generate(model, chunk, generator=generator) for chunk in labels.split(500)])
    hits = (classifier.predict_proba(images).argmax(1) == labels).float().mean().item()
    free = torch.cat([generate(model, None, num=n, generator=generator) for n in [500] * (unconditional // 500)])
    verdict = judge_digits(classifier, free)
    return {
        "conditional_accuracy": hits,
        "unconditional_class_kl": verdict["class_kl"],
        "unconditional_confident_share": verdict["confident_share"],
    }


def train_digits_unet(
    out: str | Path,
    *,
    prediction: Prediction = "epsilon",
    steps: int = 12000,
    seed: int = 0,
    config: UNetConfig | None = None,
    evaluate: bool = True,
) -> Iterator[Progress]:
    """Trains a class-conditional U-Net on the digits' train split (labels dropped 20% of the time), saves
    the moving average of its weights to `out`, yields progress."""
    from core.assets import DIGITS_CLASSIFIER_PATH
    from core.checkpoint import load_model, save_checkpoint
    from core.data.images import load_digits

    torch.manual_seed(seed)
    config = config or UNetConfig(prediction=prediction)
    model = UNet(config)
    images, labels = load_digits("train")
    average = copy.deepcopy(model)
    trainer = diffusion_trainer(
        model,
        to_model(images),
        schedule_of(model),
        config.prediction,
        labels=labels,
        p_uncond=0.2,
        lr=1e-3,
        average=average,
        generator=torch.Generator().manual_seed(seed),
    )
    last = None
    for last in trainer.run(steps, report_every=max(1, steps // 20)):
        if not last.done:
            yield last
    assert last is not None
    model = average  # the moving average of the weights is the shipped model
    figures = evaluate_digits(model, load_model(DIGITS_CLASSIFIER_PATH), seed=seed) if evaluate else {}
    last.metrics.update(figures)
    name = {"epsilon": "epsilon", "sample": "sample", "v_prediction": "v"}[config.prediction]
    extra = {"command": f"python -m core.retrain diffusion-digits-{name} --steps {steps} --seed {seed}"}
    save_checkpoint(model, out, extra=extra | {k: f"{v:.4f}" for k, v in figures.items()})
    yield last
