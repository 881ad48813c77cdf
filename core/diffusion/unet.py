"""A small U-Net for 8x8 digits, conditioned on the timestep (the 2D playground's MLP is in `core.diffusion.toy`).

The U-Net (Ronneberger et al. 2015, as used by Ho et al. 2020): a down path that halves the
resolution (8 -> 4 -> 2) while widening the channels, a middle block, and an up path that doubles
it back, each up block concatenating the down block's output of the same resolution (the skip
connections). The timestep enters every residual block as a sinusoidal embedding passed through an
MLP and added to the feature maps; an optional class label (index `num_classes` means "no label",
used for classifier-free guidance) is embedded and added to it. One network serves every timestep.

Its call follows `diffusers`' UNet2DModel (`model(sample, timestep).sample`, a `config` with
`in_channels` and `sample_size`), so it also runs inside `diffusers`' DDPMPipeline unchanged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor, nn
from torch.nn import functional as F

from core.diffusion.schedule import Prediction


def batch_timesteps(timestep: Tensor | int, batch: int, device: torch.device | None = None) -> Tensor:
    """Returns `timestep` as one timestep per sample `[batch]` on `device` (a single value is repeated)."""
    t = torch.as_tensor(timestep, device=device).reshape(-1)
    return t.expand(batch) if t.numel() == 1 else t


def timestep_embedding(t: Tensor, dim: int, *, max_period: float = 10_000.0) -> Tensor:
    """Returns sinusoidal embeddings `[N, dim]` of timesteps `t` `[N]` (Vaswani et al. 2017; cos first, then sin)."""
    half = dim // 2
    freqs = torch.exp(-math.log(max_period) * torch.arange(half, dtype=torch.float32, device=t.device) / half)  # [half]
    angles = t.float()[:, None] * freqs[None]  # [N, half]
    return torch.cat([torch.cos(angles), torch.sin(angles)], dim=1)


@dataclass
class UNetConfig:
    in_channels: int = 1
    sample_size: int = 8
    channels: tuple[int, ...] = (32, 64, 64)  # per resolution: 8x8, 4x4, 2x2
    time_dim: int = 128
    num_classes: int = 10  # 0 for an unconditional model
    prediction: Prediction = "epsilon"
    schedule: str = "linear"
    num_train_timesteps: int = 1000


@dataclass
class UNetOutput:
    sample: Tensor


class ResBlock(nn.Module):
    """GroupNorm, SiLU, conv; the time (and class) embedding added; again; plus a skip (1x1 conv if widths differ)."""

    def __init__(self, c_in: int, c_out: int, time_dim: int):
        super().__init__()
        self.norm1 = nn.GroupNorm(8, c_in)
        self.conv1 = nn.Conv2d(c_in, c_out, 3, padding=1)
        self.time = nn.Linear(time_dim, c_out)
        self.norm2 = nn.GroupNorm(8, c_out)
        self.conv2 = nn.Conv2d(c_out, c_out, 3, padding=1)
        self.skip = nn.Conv2d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x: Tensor, emb: Tensor) -> Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.time(F.silu(emb))[:, :, None, None]  # where the timestep enters
        h = self.conv2(F.silu(self.norm2(h)))
        return h + self.skip(x)


class UNet(nn.Module):
    """The digits U-Net; `forward(sample [N, 1, 8, 8], timestep [N] or int, class_labels [N] or None)`."""

    checkpoint_name = "diffusion_unet"
    config_class = UNetConfig

    def __init__(self, config: UNetConfig):
        super().__init__()
        self.config = config
        c, d = config.channels, config.time_dim
        self.time_mlp = nn.Sequential(nn.Linear(d, d), nn.SiLU(), nn.Linear(d, d))
        self.class_embedding = nn.Embedding(config.num_classes + 1, d) if config.num_classes else None
        self.conv_in = nn.Conv2d(config.in_channels, c[0], 3, padding=1)
        self.down = nn.ModuleList()
        self.downsample = nn.ModuleList()
        for i in range(len(c)):
            self.down.append(ResBlock(c[max(i - 1, 0)], c[i], d))
            if i < len(c) - 1:
                self.downsample.append(nn.Conv2d(c[i], c[i], 3, stride=2, padding=1))
        self.mid = ResBlock(c[-1], c[-1], d)
        self.up = nn.ModuleList()
        self.upsample = nn.ModuleList()
        for i in reversed(range(len(c))):
            self.up.append(ResBlock(c[min(i + 1, len(c) - 1)] + c[i], c[i], d))  # input: previous level + skip
            if i > 0:
                self.upsample.append(nn.Conv2d(c[i], c[i], 3, padding=1))
        self.norm_out = nn.GroupNorm(8, c[0])
        self.conv_out = nn.Conv2d(c[0], config.in_channels, 3, padding=1)

    # diffusers' pipelines read these
    @property
    def dtype(self) -> torch.dtype:
        return self.conv_in.weight.dtype

    @property
    def device(self) -> torch.device:
        return self.conv_in.weight.device

    def embed(self, timestep: Tensor | int, class_labels: Tensor | None, batch: int) -> Tensor:
        """Returns the embedding `[N, time_dim]` added in every block: time MLP(sinusoid) + class embedding."""
        emb = self.time_mlp(timestep_embedding(batch_timesteps(timestep, batch, self.device), self.config.time_dim))
        if self.class_embedding is not None:
            if class_labels is None:  # no label: the "null" class learned through label dropout
                class_labels = torch.full((batch,), self.config.num_classes, dtype=torch.long, device=self.device)
            emb = emb + self.class_embedding(class_labels)
        return emb

    def forward(self, sample: Tensor, timestep: Tensor | int, class_labels: Tensor | None = None, return_dict: bool = True):
        out = self.denoise(sample, self.embed(timestep, class_labels, len(sample)))
        return UNetOutput(out) if return_dict else (out,)

    def denoise(self, sample: Tensor, emb: Tensor) -> Tensor:
        """Returns the network's prediction `[N, C, H, W]` at `sample` given the embedding `emb` `[N, time_dim]` added in
        every block (a subclass that conditions on something else builds its own `emb`: `core.unclip.decoder`)."""
        h = self.conv_in(sample)
        skips = []
        for i, block in enumerate(self.down):
            h = block(h, emb)
            skips.append(h)
            if i < len(self.downsample):
                h = self.downsample[i](h)
        h = self.mid(h, emb)
        for i, block in enumerate(self.up):
            h = block(torch.cat([h, skips.pop()], dim=1), emb)  # the skip connection
            if i < len(self.upsample):
                h = self.upsample[i](F.interpolate(h, scale_factor=2, mode="nearest"))
        return self.conv_out(F.silu(self.norm_out(h)))


def describe_unet(model: UNet) -> list[dict]:
    """Returns the network's stages in order, measured by running it once: name, kind, resolution,
    channels in and out, parameters, and whether the time embedding enters there.

    A skip stage names the down stage whose output it concatenates.
    """
    stages: list[dict] = []
    hooks = []

    def record(name: str, kind: str):
        def hook(module, inputs, output):
            x = inputs[0]
            stages.append(
                {
                    "name": name,
                    "kind": kind,
                    "resolution": int(output.shape[-1]),
                    "in_channels": int(x.shape[1]),
                    "out_channels": int(output.shape[1]),
                    "params": sum(p.numel() for p in module.parameters()),
                    "time": isinstance(module, ResBlock),
                }
            )

        return hook

    named: list[tuple[str, str, nn.Module]] = [("conv_in", "conv", model.conv_in)]
    for i, block in enumerate(model.down):
        named.append((f"down{i}", "down", block))
        if i < len(model.downsample):
            named.append((f"downsample{i}", "downsample", model.downsample[i]))
    named.append(("mid", "mid", model.mid))
    for i, block in enumerate(model.up):
        named.append((f"up{i}", "up", block))
        if i < len(model.upsample):
            named.append((f"upsample{i}", "upsample", model.upsample[i]))
    named.append(("conv_out", "conv", model.conv_out))
    for name, kind, module in named:
        hooks.append(module.register_forward_hook(record(name, kind)))
    size = model.config.sample_size
    with torch.no_grad():
        model(torch.zeros(1, model.config.in_channels, size, size), torch.tensor([0]))
    for h in hooks:
        h.remove()
    levels = len(model.down)
    for stage in stages:
        if stage["kind"] == "up":
            stage["skip_from"] = f"down{levels - 1 - int(stage['name'][2:])}"
    return stages
