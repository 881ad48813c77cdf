"""The unCLIP prior: a diffusion model over CLIP image embeddings, conditioned on the caption's text embedding.

DALL-E 2 (Ramesh et al. 2022, arXiv 2204.06125, section 2.1) generates the CLIP image embedding z_i of a
caption y from its text embedding z_t with a diffusion model whose network predicts the clean embedding
z_i directly (not the noise), and drops the text conditioning 10% of the time so that classifier-free
guidance can mix p(z_i | z_t) with p(z_i). Its network is a transformer over the text tokens and
embeddings; ours, for 32-dimensional embeddings, is a residual MLP over [noisy z_i, z_t, time].

Unit-length embeddings have coordinates of size about 1/sqrt(D); they are scaled by sqrt(D) (`EMBED_SCALE`)
so the diffused vectors have unit variance per coordinate, like the noise, and scaled back after sampling
(then put back on the unit sphere, where CLIP's embeddings live). A missing caption is the zero vector:
real text embeddings have length 1, so the network can always tell the two apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import torch
from torch import Tensor, nn
from torch.nn import functional as F

from core.device import device_of, randn
from core.diffusion.samplers import DDIMSampler, DDPMSampler, StepOutput
from core.diffusion.schedule import NoiseSchedule, Prediction
from core.diffusion.unet import batch_timesteps, timestep_embedding
from core.loop import Trainer, update_average


@dataclass
class PriorConfig:
    embed_dim: int = 32  # the mini CLIP's projection size
    hidden: int = 256
    layers: int = 3  # residual blocks
    time_dim: int = 64
    prediction: Prediction = "sample"  # DALL-E 2's prior predicts the clean embedding
    schedule: str = "cosine"
    num_train_timesteps: int = 1000


def embed_scale(dim: int) -> float:
    """Returns the factor sqrt(D) that gives unit-length D-dimensional embeddings unit variance per coordinate."""
    return dim**0.5


class _Block(nn.Module):
    """LayerNorm, Linear, SiLU, Linear, added back (a pre-norm residual MLP block)."""

    def __init__(self, width: int):
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, 2 * width), nn.SiLU(), nn.Linear(2 * width, width))

    def forward(self, h: Tensor) -> Tensor:
        return h + self.mlp(self.norm(h))


class PriorNet(nn.Module):
    """`forward(z_t [N, D], timestep [N] or int, text [N, D]) -> prediction [N, D]`; a zero `text` row means "no caption"."""

    checkpoint_name = "unclip_prior"
    config_class = PriorConfig

    def __init__(self, config: PriorConfig):
        super().__init__()
        self.config = config
        d, w = config.embed_dim, config.hidden
        self.time_mlp = nn.Sequential(nn.Linear(config.time_dim, w), nn.SiLU(), nn.Linear(w, w))
        self.text_in = nn.Linear(d, w)
        self.x_in = nn.Linear(d, w)
        self.blocks = nn.ModuleList(_Block(w) for _ in range(config.layers))
        self.out = nn.Sequential(nn.LayerNorm(w), nn.Linear(w, d))

    def forward(self, z_t: Tensor, timestep: Tensor | int, text: Tensor) -> Tensor:
        t = batch_timesteps(timestep, len(z_t), z_t.device)
        h = self.x_in(z_t) + self.text_in(text) + self.time_mlp(timestep_embedding(t, self.config.time_dim))  # [N, W]
        for block in self.blocks:
            h = block(h)
        return self.out(h)


def schedule_of(config: PriorConfig) -> NoiseSchedule:
    return NoiseSchedule.named(config.schedule, config.num_train_timesteps)  # type: ignore[arg-type]


def drop_mask(batch: int, p_drop: float, *, generator: torch.Generator | None = None) -> Tensor:
    """Returns a boolean mask `[batch]`, True where the condition is kept (each dropped with probability `p_drop`)."""
    return torch.rand(batch, generator=generator) >= p_drop


def guided_output(net: nn.Module, x: Tensor, t: int | Tensor, cond: Tensor, guidance: float) -> Tensor:
    """Returns the classifier-free guided output: unconditional + guidance * (conditional - unconditional).

    `net(x, t, cond)` takes the condition `[N, D]` (zero rows: no condition); guidance 1 is the conditional
    output, 0 the unconditional one (each computed alone, without the other's half of the batch).
    """
    if guidance == 1.0:
        return net(x, t, cond)
    null = torch.zeros_like(cond)
    if guidance == 0.0:
        return net(x, t, null)
    cond_out, uncond_out = net(torch.cat([x, x]), t, torch.cat([cond, null])).chunk(2)
    return uncond_out + guidance * (cond_out - uncond_out)


def prior_trainer(
    net: PriorNet,
    text: Tensor,
    image: Tensor,
    *,
    p_drop: float = 0.1,
    batch_size: int = 256,
    lr: float = 1e-3,
    average: nn.Module | None = None,
    average_decay: float = 0.995,
    generator: torch.Generator | None = None,
) -> Trainer:
    """Returns a `Trainer` whose steps are Adam steps on the prior's loss (metric: loss).

    `text` `[N, K, D]` holds K caption embeddings of each of N images, `image` `[N, D]` their image embeddings
    (both unit length). Each step picks images and one of their captions, noises the scaled image embedding
    at a uniform timestep, drops the caption with probability `p_drop` and regresses the network's output
    on the clean embedding (DALL-E 2's L_prior, eq. 2 in section 2.1)."""
    config = net.config
    schedule = schedule_of(config)
    scale = embed_scale(config.embed_dim)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)

    def step() -> dict[str, float]:
        net.train()
        pick = torch.randint(len(image), (batch_size,), generator=generator)
        which = torch.randint(text.shape[1], (batch_size,), generator=generator)
        cond = text[pick, which] * drop_mask(batch_size, p_drop, generator=generator)[:, None]  # [B, D], dropped rows zero
        x0 = image[pick] * scale  # [B, D]
        t = torch.randint(schedule.num_steps, (batch_size,), generator=generator)
        noise = torch.randn(x0.shape, generator=generator)
        x_t = schedule.q_sample(x0, t, noise)
        loss = F.mse_loss(net(x_t, t, cond), schedule.target(config.prediction, x0, noise, t))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if average is not None:
            update_average(average, net, decay=average_decay)
        return {"loss": loss.item()}

    return Trainer(step)


@dataclass
class PriorStep:
    """One step of the prior's sampling: its index, the total, the timestep and the predicted clean embeddings (unit length)."""

    index: int
    total: int
    timestep: int
    embedding: Tensor  # [N, D]


def make_sampler(schedule: NoiseSchedule, prediction: Prediction, sampler: str, steps: int) -> DDIMSampler | DDPMSampler:
    """Returns the gallery's DDIM or DDPM sampler (`core.diffusion.samplers`) set to `steps` steps."""
    if sampler not in ("ddim", "ddpm"):
        raise ValueError(f"sampler must be one of ['ddim', 'ddpm'], got {sampler!r}")
    chosen: DDIMSampler | DDPMSampler = DDIMSampler(schedule, prediction) if sampler == "ddim" else DDPMSampler(schedule, prediction)
    chosen.set_timesteps(steps)
    return chosen


def sampler_step(
    chosen: DDIMSampler | DDPMSampler, output: Tensor, t: int, x: Tensor, *, eta: float, generator: torch.Generator | None
) -> StepOutput:
    """Returns the sampler's step from x_t (DDIM with its `eta`; DDPM ignores `eta`, its noise is its own)."""
    if isinstance(chosen, DDIMSampler):
        return chosen.step(output, t, x, eta=eta, generator=generator)
    return chosen.step(output, t, x, generator=generator)


@torch.no_grad()
def prior_steps(
    net: PriorNet,
    text: Tensor,
    *,
    guidance: float = 1.0,
    steps: int = 64,
    sampler: str = "ddim",
    eta: float = 1.0,
    generator: torch.Generator | None = None,
) -> Iterator[PriorStep]:
    """Yields every step of sampling one image embedding per text embedding `text` `[N, D]` (zero rows: no caption).

    DDIM with eta 1 (the default) draws fresh noise at every step like DDPM, which keeps the prior's samples varied;
    the last step's `embedding` is the sample, on the unit sphere."""
    net.eval()
    config = net.config
    chosen = make_sampler(schedule_of(config), config.prediction, sampler, steps)
    scale = embed_scale(config.embed_dim)
    text = text.to(device_of(net))
    x = randn(tuple(text.shape), generator=generator, device=text.device)
    total = len(chosen.timesteps)
    for i, t in enumerate(chosen.timesteps.tolist()):
        output = guided_output(net, x, t, text, guidance)
        out = sampler_step(chosen, output, t, x, eta=eta, generator=generator)
        x = out.prev_sample
        yield PriorStep(i + 1, total, t, F.normalize(out.pred_original_sample / scale, dim=-1))


def sample_prior(net: PriorNet, text: Tensor, **kwargs) -> Tensor:
    """Returns one unit-length image embedding `[N, D]` per text embedding `[N, D]` (the last step of `prior_steps`)."""
    *_, last = prior_steps(net, text, **kwargs)
    return last.embedding
