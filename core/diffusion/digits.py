"""The shipped digits diffusion models: class-conditional U-Nets (label dropout 0.2) that predict
the noise, the clean image, or v; their training command and the figures measured on them.

Pixels are scaled from [0, 1] to [-1, 1] for the network (`to_model`), and back (`to_image`).
A shipped U-Net is only the network; `DigitsDiffusion` holds it with its schedule and prediction
target and meets the gallery's `sample` contract (`shipped_diffusion(prediction)` loads one).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import torch
from torch import Tensor, nn

from core import assets
from core.checkpoint import save_checkpoint
from core.classifier import judge_digits
from core.data.images import load_digits
from core.diffusion.ddpm import diffusion_trainer, sample
from core.diffusion.schedule import PREDICTION_SHORT_NAMES, NoiseSchedule, Prediction
from core.diffusion.settings import DEFAULT_GUIDANCE as DEFAULT_GUIDANCE
from core.diffusion.settings import DEFAULT_STEPS as DEFAULT_STEPS
from core.diffusion.settings import SAMPLERS as SAMPLERS
from core.diffusion.settings import SamplerName as SamplerName
from core.diffusion.unet import UNet, UNetConfig
from core.loop import Progress, recipe_command, run_recipe


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


class DigitsDiffusion(nn.Module):
    """A digits U-Net with the schedule and prediction target it was trained with: a model that samples.

    The U-Net only maps (x_t, t, label) to its prediction; this holds what turns it into images
    (`core.diffusion.ddpm`'s sampling loop), as labml's `DenoiseDiffusion(eps_model)` does.
    """

    def __init__(self, unet: UNet):
        super().__init__()
        self.unet = unet
        self.config = unet.config
        self.schedule = schedule_of(unet)
        self.prediction: Prediction = unet.config.prediction

    @torch.no_grad()
    def sample(
        self,
        num_samples: int,
        *,
        generator: torch.Generator | None = None,
        labels: Tensor | None = None,
        guidance: float = DEFAULT_GUIDANCE,
        num_steps: int = DEFAULT_STEPS,
        sampler: SamplerName = "ddim",
        eta: float = 0.0,
    ) -> Tensor:
        """Returns `num_samples` images `[N, 1, 8, 8]` in [0, 1]: of the digits `labels` `[N]` (classifier-free
        guidance `guidance`), or unconditional ones when `labels` is None; `num_steps` steps of `sampler`."""
        if sampler not in SAMPLERS:
            raise ValueError(f"sampler must be one of {list(SAMPLERS)}, got {sampler!r}")
        if labels is not None and len(labels) != num_samples:
            raise ValueError(f"labels must hold one digit per sample ({num_samples}), got {len(labels)}")
        return generate(
            self.unet, labels, num=num_samples, guidance=guidance, sampler=sampler, steps=num_steps, eta=eta, generator=generator
        )


@lru_cache(maxsize=3)
def shipped_diffusion(prediction: Prediction) -> DigitsDiffusion:
    """Returns the shipped digits diffusion model trained to predict `prediction`, ready to sample."""
    if prediction not in PREDICTION_SHORT_NAMES:
        raise ValueError(f"prediction must be one of {list(PREDICTION_SHORT_NAMES)}, got {prediction!r}")
    unet = assets.diffusion_unet(prediction)
    assert isinstance(unet, UNet), f"{assets.DIFFUSION_PATHS[prediction].name} holds a {type(unet).__name__}"
    return DigitsDiffusion(unet).eval()


def evaluate_digits(
    model: UNet, classifier: torch.nn.Module, *, seed: int = 0, per_class: int = 100, unconditional: int = 2000
) -> dict[str, float]:
    """Returns the classifier's verdict at the default DDIM steps: the share of conditional samples
    (at the default guidance) read as their requested class, and the class-histogram KL to uniform and
    confident share of unconditional samples."""
    generator = torch.Generator().manual_seed(seed)
    labels = torch.arange(10).repeat_interleave(per_class)
    images = torch.cat([generate(model, chunk, generator=generator) for chunk in labels.split(500)])
    # nn.Module.__getattr__ types the classifier's own methods as Tensor | Module
    hits = (classifier.predict_proba(images).argmax(1) == labels).float().mean().item()  # type: ignore[operator]
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
    last = yield from run_recipe(trainer, steps)
    model = average  # the moving average of the weights is the shipped model
    figures = evaluate_digits(model, assets.classifier(), seed=seed) if evaluate else {}
    last.metrics.update(figures)
    name = PREDICTION_SHORT_NAMES[config.prediction]
    extra = {"command": recipe_command(f"diffusion-digits-{name}", steps, seed)}
    save_checkpoint(model, out, extra=extra | {k: f"{v:.4f}" for k, v in figures.items()})
    yield last
