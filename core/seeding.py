"""Seeded weight initialisation that never touches the process-wide random generator.

`torch.manual_seed` sets one generator that every request of a server shares: two people who press
"train" with the same seed at the same moment would interleave their draws and get different networks.
`init_weights` re-draws a freshly built network's parameters from PyTorch's own default initialisation
with a private `torch.Generator`, in the order PyTorch's constructors draw them, so
`init_weights(Net(config), torch.Generator().manual_seed(s))` equals `torch.manual_seed(s); Net(config)`.
"""

from __future__ import annotations

import math
from typing import TypeVar

import torch
from torch import nn

# layers whose parameters PyTorch initialises without random numbers (ones and zeros)
DETERMINISTIC = (nn.LayerNorm, nn.GroupNorm, nn.BatchNorm1d, nn.BatchNorm2d)
M = TypeVar("M", bound=nn.Module)


def _fan_in(weight: torch.Tensor) -> int:
    return weight.shape[1] * (weight[0][0].numel() if weight.dim() > 2 else 1)


@torch.no_grad()
def init_weights(module: M, generator: torch.Generator) -> M:
    """Returns `module` with every parameter re-drawn as PyTorch's default initialisation would, from `generator`."""
    for layer in module.modules():
        own = list(layer.parameters(recurse=False))
        if isinstance(layer, (nn.Linear, nn.Conv1d, nn.Conv2d)):
            # as nn.Linear.reset_parameters and nn.Conv2d.reset_parameters
            nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=generator)
            if layer.bias is not None:
                fan_in = _fan_in(layer.weight)
                bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0.0
                nn.init.uniform_(layer.bias, -bound, bound, generator=generator)
        elif isinstance(layer, nn.Embedding):
            nn.init.normal_(layer.weight, generator=generator)
            if layer.padding_idx is not None:
                layer.weight[layer.padding_idx].zero_()
        elif own and not isinstance(layer, DETERMINISTIC) and not getattr(layer, "deterministic_init", False):
            raise TypeError(f"init_weights does not know how PyTorch initialises {type(layer).__name__}; add it here")
    return module
