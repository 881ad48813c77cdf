"""The unCLIP decoder: the gallery's digits U-Net conditioned on a CLIP embedding instead of a class label.

DALL-E 2's decoder (Ramesh et al. 2022, section 2.1) is a GLIDE diffusion model whose CLIP image embedding
is projected and added to the timestep embedding (and also given as four extra context tokens, which an 8x8
U-Net without attention does not have). Ours is `core.diffusion.unet.UNet` with the class embedding replaced
by a small MLP of the embedding, added to the time embedding that enters every residual block. The condition
is dropped (set to the zero vector) part of the time in training, 10% in the paper, so that classifier-free
guidance can be used at sampling.

The same network conditioned on the caption's CLIP *text* embedding is the caption-only baseline (GLIDE's
setting: a decoder that only ever reads the caption), against which the paper measures what the prior buys.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import torch
from torch import Tensor, nn
from torch.nn import functional as F

from core.device import device_of, randn
from core.diffusion.ddpm import SampleStep
from core.diffusion.digits import schedule_of, to_image
from core.diffusion.unet import UNet, UNetConfig, UNetOutput
from core.loop import Trainer, update_average
from core.unclip.prior import drop_mask, embed_scale, guided_output, make_sampler, sampler_step

Condition = Literal["image", "text"]  # what the decoder reads: CLIP image embeddings (unCLIP) or text embeddings (baseline)


@dataclass
class DecoderConfig(UNetConfig):
    num_classes: int = 0  # no class labels: the condition is an embedding
    embed_dim: int = 32
    condition: Condition = "image"


class EmbeddingUNet(UNet):
    """`forward(sample [N, 1, 8, 8], timestep [N] or int, embedding [N, D] or None)`; a zero row (or None) is "no condition"."""

    checkpoint_name = "unclip_decoder"
    config_class = DecoderConfig

    def __init__(self, config: DecoderConfig):
        if config.num_classes:
            raise ValueError("an EmbeddingUNet takes no class labels: num_classes must be 0")
        super().__init__(config)
        d = config.time_dim
        self.config: DecoderConfig = config
        self.embedding_mlp = nn.Sequential(nn.Linear(config.embed_dim, d), nn.SiLU(), nn.Linear(d, d))

    def forward(self, sample: Tensor, timestep: Tensor | int, embedding: Tensor | None = None, return_dict: bool = True):
        if embedding is None:
            embedding = sample.new_zeros(len(sample), self.config.embed_dim)
        # where the condition enters: time MLP(sinusoid) + MLP(CLIP embedding), added in every residual block
        # (a unit-length embedding scaled by sqrt(D) has coordinates of size 1, like the class embedding it replaces)
        emb = super().embed(timestep, None, len(sample)) + self.embedding_mlp(
            embedding * embed_scale(self.config.embed_dim)
        )  # [N, time_dim]
        out = self.denoise(sample, emb)
        return UNetOutput(out) if return_dict else (out,)


def _net(model: EmbeddingUNet):
    def net(x: Tensor, t: int | Tensor, cond: Tensor) -> Tensor:
        out = model(x, t, cond)
        assert isinstance(out, UNetOutput)
        return out.sample

    return net


def decoder_trainer(
    model: EmbeddingUNet,
    images: Tensor,
    conditions: Tensor,
    *,
    p_drop: float = 0.1,
    batch_size: int = 64,
    lr: float = 1e-3,
    average: nn.Module | None = None,
    average_decay: float = 0.999,
    generator: torch.Generator | None = None,
) -> Trainer:
    """Returns a `Trainer` whose steps are Adam steps on the denoising loss of images in [-1, 1] `[N, 1, 8, 8]`
    given their conditions `[N, K, D]` (K embeddings per image, one picked per step: the image's own CLIP image
    embedding, K = 1, or the text embeddings of K captions of it), each dropped with probability `p_drop`."""
    config = model.config
    schedule = schedule_of(model)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    net = _net(model)

    def step() -> dict[str, float]:
        model.train()
        pick = torch.randint(len(images), (batch_size,), generator=generator)
        which = torch.randint(conditions.shape[1], (batch_size,), generator=generator)
        cond = conditions[pick, which] * drop_mask(batch_size, p_drop, generator=generator)[:, None]  # [B, D]
        x0 = images[pick]
        t = torch.randint(schedule.num_steps, (batch_size,), generator=generator)
        noise = torch.randn(x0.shape, generator=generator)
        loss = F.mse_loss(net(schedule.q_sample(x0, t, noise), t, cond), schedule.target(config.prediction, x0, noise, t))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if average is not None:
            update_average(average, model, decay=average_decay)
        return {"loss": loss.item()}

    return Trainer(step)


@torch.no_grad()
def decode_steps(
    model: EmbeddingUNet,
    embeddings: Tensor,
    *,
    guidance: float = 3.0,
    steps: int = 50,
    sampler: str = "ddim",
    eta: float = 0.0,
    generator: torch.Generator | None = None,
    noise: Tensor | None = None,
) -> Iterator[SampleStep]:
    """Yields every step of decoding one digit per embedding `[N, D]` from pure noise (the last step holds the digits).

    `noise` `[N, 1, 8, 8]` is the starting x_T (drawn from `generator` when None): the same noise for every embedding makes
    a row of decodes differ only by their embeddings (DALL-E 2's interpolations fix it the same way)."""
    model.eval()
    chosen = make_sampler(schedule_of(model), model.config.prediction, sampler, steps)
    embeddings = embeddings.to(device_of(model))
    size = model.config.sample_size
    shape = (len(embeddings), model.config.in_channels, size, size)
    x = randn(shape, generator=generator, device=embeddings.device) if noise is None else noise.to(embeddings.device)
    net = _net(model)
    total = len(chosen.timesteps)
    for i, t in enumerate(chosen.timesteps.tolist()):
        output = guided_output(net, x, t, embeddings, guidance)
        out = sampler_step(chosen, output, t, x, eta=eta, generator=generator)
        x = out.prev_sample
        yield SampleStep(i + 1, total, t, to_image(x), to_image(out.pred_original_sample))


def decode(model: EmbeddingUNet, embeddings: Tensor, **kwargs) -> Tensor:
    """Returns one digit `[N, 1, 8, 8]` in [0, 1] per embedding `[N, D]` (the last step of `decode_steps`)."""
    *_, last = decode_steps(model, embeddings, **kwargs)
    return last.sample
