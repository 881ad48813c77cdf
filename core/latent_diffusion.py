"""What the Stable Diffusion tab computes with any `StableDiffusionPipeline` (the mini one or a real one):
text-to-image streamed step by step (the pipeline's own loop, observed through its step callback), the
autoencoder's round trip of an image, and image-to-image.

The pipeline runs in a helper thread and hands each step's latents over a queue, so a caller can show
the picture emerging while the real `diffusers` loop runs unchanged; closing the stream interrupts it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor
from torch.nn import functional as F


@dataclass
class Step:
    index: int  # 1-based
    total: int
    timestep: int
    latents: Tensor  # [1, C, h, w] after this step, in the pipeline's scaled latent units
    seconds: float  # time this step took


@dataclass
class Final:
    image: Tensor  # [3, H, W] in [0, 1]
    latents: Tensor  # [1, C, h, w]
    seconds: float  # the whole generation


def text_to_image_steps(
    pipe: Any,
    prompt: str,
    *,
    negative_prompt: str = "",
    steps: int = 25,
    guidance: float = 4.0,
    seed: int = 0,
    height: int = 32,
    width: int = 32,
) -> Iterator[Step | Final]:
    """Yields a `Step` after each denoising step of `pipe(prompt, ...)`, then the `Final` image."""
    out: queue.Queue = queue.Queue()
    stop = threading.Event()
    last_time = [time.perf_counter()]

    def on_step(pipeline, i, t, kwargs):
        now = time.perf_counter()
        out.put(Step(i + 1, steps, int(t), kwargs["latents"].detach().to("cpu", copy=True), now - last_time[0]))
        last_time[0] = now
        if stop.is_set():
            pipeline._interrupt = True  # diffusers' own way to end its loop early
        return kwargs

    def run() -> None:
        start = time.perf_counter()
        try:
            result = pipe(
                prompt,
                negative_prompt=negative_prompt or None,
                num_inference_steps=steps,
                guidance_scale=guidance,
                height=height,
                width=width,
                generator=torch.Generator().manual_seed(seed),
                output_type="latent",
                callback_on_step_end=on_step,
                callback_on_step_end_tensor_inputs=["latents"],
            )
            latents = result.images
            out.put(Final(decode(pipe, latents)[0], latents.cpu(), time.perf_counter() - start))
        except BaseException as exc:  # hand any failure to the consumer
            out.put(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    try:
        while True:
            item = out.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if isinstance(item, Final):
                return
    finally:
        stop.set()
        worker.join(timeout=60)


@torch.no_grad()
def decode(pipe: Any, latents: Tensor) -> Tensor:
    """Returns the images `[N, 3, H, W]` in [0, 1] that the pipeline's autoencoder decodes from scaled `latents`."""
    images = pipe.vae.decode(latents.to(pipe.vae.device) / pipe.vae.config.scaling_factor).sample
    return (images / 2 + 0.5).clamp(0, 1).cpu()


@torch.no_grad()
def encode(pipe: Any, image: Tensor) -> Tensor:
    """Returns the scaled latent `[1, C, h, w]` (the posterior's mean) of an image `[3, H, W]` in [0, 1]."""
    latent = pipe.vae.encode(image[None].to(pipe.vae.device) * 2 - 1).latent_dist.mean * pipe.vae.config.scaling_factor
    return latent.cpu()


def fit_image(image: Tensor, size: int) -> Tensor:
    """Returns an image `[C, H, W]` in [0, 1] (C = 1 or 3) as RGB `[3, size, size]`, centre-cropped and resized."""
    rgb = image.expand(3, -1, -1) if image.shape[0] == 1 else image[:3]
    _, h, w = rgb.shape
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    square = rgb[:, top : top + side, left : left + side]
    return F.interpolate(square[None], size=(size, size), mode="bilinear", antialias=side > size, align_corners=False)[0].clamp(0, 1)


@dataclass
class RoundTrip:
    original: Tensor  # [3, H, W]
    latent: Tensor  # [C, h, w], scaled
    reconstruction: Tensor  # [3, H, W]
    error: Tensor  # [H, W] mean absolute error over channels
    mse: float
    compression: float  # numbers in the image / numbers in the latent


def round_trip(pipe: Any, image: Tensor, size: int) -> RoundTrip:
    """Returns an image's trip through the pipeline's autoencoder at `size` x `size`: the latent, the reconstruction, the error."""
    original = fit_image(image, size)
    latent = encode(pipe, original)
    reconstruction = decode(pipe, latent)[0]
    diff = (reconstruction - original).abs()
    return RoundTrip(
        original,
        latent[0],
        reconstruction,
        diff.mean(0),
        float((reconstruction - original).pow(2).mean()),
        original.numel() / latent[0].numel(),
    )


@torch.no_grad()
def image_to_image(
    pipe: Any,
    prompt: str,
    image: Tensor,
    *,
    strength: float,
    negative_prompt: str = "",
    steps: int = 25,
    guidance: float = 4.0,
    seed: int = 0,
    size: int = 32,
) -> Tensor:
    """Returns `pipe` (an img2img pipeline) applied to an image `[C, H, W]`: `[3, size, size]` in [0, 1].

    The image is encoded, noised to the level `strength` (0: unchanged, 1: pure noise, as text-to-image) and denoised
    under the prompt, which runs `strength * steps` of the steps."""
    start = fit_image(image, size)[None]  # [1, 3, size, size] in [0, 1], as diffusers expects tensors
    result = pipe(
        prompt,
        image=start,
        strength=strength,
        negative_prompt=negative_prompt or None,
        num_inference_steps=steps,
        guidance_scale=guidance,
        generator=torch.Generator().manual_seed(seed),
        output_type="pt",
    )
    return result.images[0].clamp(0, 1)
