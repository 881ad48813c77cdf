"""Where tensors live: the one place in the gallery that chooses between a GPU and the CPU.

The gallery runs on a 2-core CPU; on a Space with a GPU (ZeroGPU or a dedicated card) the heavy paths
(digit diffusion sampling, the Stable Diffusion pipelines, NeRF and splat rendering) move their model
there for the duration of a call. Three rules keep the results the same on either:

- random numbers are drawn on the seeded generator's own device (the CPU for every generator the
  gallery makes) and then moved, so a seed gives the same picture on any hardware;
- models move with `place`, never with a `.cuda()` written in a model or a demo;
- results leave a GPU function on the CPU (`to_cpu`), so pictures, plots and `gr.State` never hold a
  GPU tensor.

`GALLERY_DEVICE=cpu` (or `cuda`) overrides the choice.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Literal, TypeVar

import torch
from torch import Tensor, nn

DeviceName = Literal["cpu", "cuda"]
DEVICE_VARIABLE = "GALLERY_DEVICE"

M = TypeVar("M", bound=nn.Module)


def compute_device() -> torch.device:
    """Returns the device heavy paths run on: `GALLERY_DEVICE` if set, else CUDA when present, else the CPU."""
    wanted = os.environ.get(DEVICE_VARIABLE, "").strip().lower()
    if wanted not in ("", "cpu", "cuda"):
        raise ValueError(f"{DEVICE_VARIABLE} must be 'cpu' or 'cuda', not {wanted!r}")
    if wanted == "cpu" or (wanted == "" and not torch.cuda.is_available()):
        return torch.device("cpu")
    return torch.device("cuda")


def place(module: M) -> M:
    """Returns `module` moved to `compute_device()` (a no-op where it already is)."""
    target = compute_device()
    first = next(module.parameters(), None)
    if first is not None and first.device != target:
        module.to(target)
    return module


def device_of(module: nn.Module) -> torch.device:
    """Returns the device of a module's first parameter (the CPU for a module without any)."""
    first = next(module.parameters(), None)
    return first.device if first is not None else torch.device("cpu")


def randn(
    shape: tuple[int, ...] | torch.Size,
    *,
    generator: torch.Generator | None = None,
    device: torch.device | str | None = None,
    dtype: torch.dtype | None = None,
) -> Tensor:
    """Returns standard normal noise drawn on the generator's device and moved to `device`.

    Drawing where the generator lives keeps a seed's numbers identical on the CPU and on a GPU (a CUDA
    generator would draw different ones); the copy of a few thousand numbers costs nothing next to a
    network evaluation.
    """
    source = generator.device if generator is not None else torch.device("cpu")
    noise = torch.randn(shape, generator=generator, device=source, dtype=dtype)
    return noise if device is None else noise.to(device)


def rand(
    shape: tuple[int, ...] | torch.Size,
    *,
    generator: torch.Generator | None = None,
    device: torch.device | str | None = None,
    dtype: torch.dtype | None = None,
) -> Tensor:
    """Returns uniform [0, 1) numbers drawn on the generator's device and moved to `device` (see `randn`)."""
    source = generator.device if generator is not None else torch.device("cpu")
    numbers = torch.rand(shape, generator=generator, device=source, dtype=dtype)
    return numbers if device is None else numbers.to(device)


def to_cpu(value: Any) -> Any:
    """Returns `value` with every tensor inside (lists, tuples, dicts, dataclasses) moved to the CPU and detached."""
    if isinstance(value, Tensor):
        return value.detach().cpu()
    if isinstance(value, dict):
        return {key: to_cpu(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return type(value)(to_cpu(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: to_cpu(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init})
    return value
