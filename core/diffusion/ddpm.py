"""DDPM: training a denoiser and sampling from it (DDPM or DDIM), for the digits U-Net and the 2D MLP alike.

Training (Ho et al. 2020, algorithm 1): pick a data point x_0, a timestep t uniformly, noise eps;
build x_t in closed form; regress the network's output on its target (eps, x_0 or v) with the
squared error. With labels, each label is replaced by the "no label" index with probability
`p_uncond` (label dropout), so one network learns p(x | y) and p(x) and classifier-free guidance
(Ho and Salimans 2022) can mix them: out = out_uncond + w * (out_cond - out_uncond).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from core.device import device_of, randn
from core.diffusion.samplers import DDIMSampler, DDPMSampler
from core.diffusion.schedule import NoiseSchedule, Prediction
from core.diffusion.unet import UNet
from core.loop import Trainer, update_average


def predict(model: nn.Module, x: Tensor, t: Tensor | int, labels: Tensor | None = None) -> Tensor:
    """Returns the network's raw output at x_t (the U-Net's `.sample`, or the MLP's tensor)."""
    if isinstance(model, UNet):
        return model(x, t, labels).sample
    return model(x, t)


def _null_label(model: nn.Module) -> int:
    """Returns the class index that means "no label" (label dropout); only the U-Net takes labels."""
    if not isinstance(model, UNet):
        raise TypeError(f"labels need the class-conditional U-Net, not a {type(model).__name__}")
    return model.config.num_classes


def guided(model: nn.Module, x: Tensor, t: Tensor | int, labels: Tensor | None, guidance: float) -> Tensor:
    """Returns the classifier-free guided output: unconditional + guidance * (conditional - unconditional).

    guidance 0 is the unconditional model, 1 the conditional one, above 1 pushes towards the label.
    """
    if labels is None or guidance == 1.0:
        return predict(model, x, t, labels)
    null = torch.full_like(labels, _null_label(model))
    both = predict(model, torch.cat([x, x]), t, torch.cat([labels, null]))
    cond, uncond = both.chunk(2)
    return uncond + guidance * (cond - uncond)


def diffusion_trainer(
    model: nn.Module,
    data: Tensor,
    schedule: NoiseSchedule,
    prediction: Prediction,
    *,
    labels: Tensor | None = None,
    p_uncond: float = 0.1,
    batch_size: int = 128,
    lr: float = 2e-4,
    decay_steps: int | None = None,
    average: nn.Module | None = None,
    average_decay: float = 0.999,
    generator: torch.Generator | None = None,
) -> Trainer:
    """Returns a `Trainer` whose steps are Adam steps on the denoising loss (metric: loss).

    With `decay_steps`, the learning rate falls linearly to 5% of `lr` over that many steps (then stays):
    the last, fine details (the exact position of a narrow mode) need small steps. With `average` (a copy
    of `model`), each step moves it towards the model's weights (an exponential moving average, which
    samples better than the raw weights).
    """
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda i: max(0.05, 1 - i / decay_steps)) if decay_steps else None

    def step() -> dict[str, float]:
        model.train()
        pick = torch.randint(len(data), (batch_size,), generator=generator)
        x0 = data[pick]
        t = torch.randint(schedule.num_steps, (batch_size,), generator=generator)
        noise = torch.randn(x0.shape, generator=generator)
        x_t = schedule.q_sample(x0, t, noise)
        y = None
        if labels is not None:
            y = labels[pick].clone()
            y[torch.rand(batch_size, generator=generator) < p_uncond] = _null_label(model)
        loss = (predict(model, x_t, t, y) - schedule.target(prediction, x0, noise, t)).pow(2).mean()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        if average is not None:
            update_average(average, model, decay=average_decay)
        return {"loss": loss.item()}

    return Trainer(step)


@dataclass
class SampleStep:
    """One reported step of a sampling run: the index of the step, its timestep, x_t after it, and the predicted x_0."""

    index: int
    total: int
    timestep: int
    sample: Tensor
    pred_x0: Tensor


@torch.no_grad()
def sample_steps(
    model: nn.Module,
    schedule: NoiseSchedule,
    prediction: Prediction,
    shape: tuple[int, ...],
    *,
    sampler: str = "ddim",
    steps: int = 50,
    eta: float = 0.0,
    labels: Tensor | None = None,
    guidance: float = 1.0,
    generator: torch.Generator | None = None,
    noise: Tensor | None = None,
) -> Iterator[SampleStep]:
    """Yields every step of a sampling run from pure noise (the last one holds the final samples)."""
    model.eval()
    chosen: DDIMSampler | DDPMSampler = DDIMSampler(schedule, prediction) if sampler == "ddim" else DDPMSampler(schedule, prediction)
    chosen.set_timesteps(steps)
    device = device_of(model)
    x = randn(shape, generator=generator, device=device) if noise is None else noise.to(device)
    labels = None if labels is None else labels.to(device)
    total = len(chosen.timesteps)
    for i, t in enumerate(chosen.timesteps.tolist()):
        output = guided(model, x, t, labels, guidance)
        if isinstance(chosen, DDIMSampler):
            out = chosen.step(output, t, x, eta=eta, generator=generator)
        else:
            out = chosen.step(output, t, x, generator=generator)
        x = out.prev_sample
        yield SampleStep(i + 1, total, t, x, out.pred_original_sample)


def sample(model: nn.Module, schedule: NoiseSchedule, prediction: Prediction, shape: tuple[int, ...], **kwargs) -> Tensor:
    """Returns the final samples of `sample_steps` (same arguments)."""
    *_, last = sample_steps(model, schedule, prediction, shape, **kwargs)
    return last.sample
