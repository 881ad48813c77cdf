"""Checkpoints that describe themselves: safetensors weights plus the model's config.

A checkpoint is a `.safetensors` file whose metadata holds the format tag, the model's registered
name and its config (JSON of the model's `@dataclass` config). `load_model` rebuilds the model from
that config alone, so sampling never needs the training script. Only safetensors is read: pickles
(`torch.save` files) and anything else are refused before any byte is interpreted as code, and only
models listed in `MODEL_REGISTRY` can be built from a file.

Contract for every shipped generative model: the loaded model has
`sample(num_samples, *, generator=None, **options) -> Tensor`, returning points `[N, 2]` in data
units for 2D models or images `[N, C, H, W]` in [0, 1] for image models; class-conditional models
accept `labels=`. A shipped network that needs its algorithm to sample (the digits U-Nets) loads ready
through its wrapper (`core.diffusion.digits.shipped_diffusion`); `tests/test_sample_contract.py`
checks every shipped model.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import struct
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

FORMAT = "generative-gallery/1"
MAX_HEADER_BYTES = 100_000_000

# The only classes a checkpoint may name: registered name -> "module:Class".
MODEL_REGISTRY: dict[str, str] = {
    "digits_classifier": "core.classifier:DigitsClassifier",
    "point_classifier": "core.classifier2d:PointClassifier",
    "gan2d": "core.gan.lab2d:MLPGAN",  # the GAN Lab's downloads store this key (the class was GAN2D): it stays
    "dcgan_digits": "core.gan.dcgan:DCGAN",
    "autoencoder": "core.autoencoders:Autoencoder",
    "diffusion_unet": "core.diffusion.unet:UNet",
    "toy_denoiser": "core.diffusion.toy:ToyDenoiser",
    "ddgan": "core.diffusion.ddgan:DDGAN",
    "nerf": "core.nerf.fields:NeRF",
    "grid_field": "core.nerf.fields:GridField",
    "splat": "core.splat.gaussians:Gaussians",
    "unclip_prior": "core.unclip.prior:PriorNet",
    "unclip_decoder": "core.unclip.decoder:EmbeddingUNet",
}


class CheckpointError(ValueError):
    """A file that is not a gallery checkpoint, or names a model the gallery does not know."""


def save_checkpoint(model: torch.nn.Module, path: str | Path, *, extra: dict[str, str] | None = None) -> Path:
    """Writes `model`'s weights and config to a safetensors file and returns its path.

    The model needs a dataclass `config` and a class attribute `checkpoint_name` listed in
    `MODEL_REGISTRY`. `extra` adds string metadata (training command, metrics...).
    """
    name = getattr(model, "checkpoint_name", None)
    if name not in MODEL_REGISTRY:
        raise CheckpointError(f"{type(model).__name__} has no registered checkpoint_name; known: {sorted(MODEL_REGISTRY)}")
    config = getattr(model, "config", None)
    if not dataclasses.is_dataclass(config) or isinstance(config, type):
        raise CheckpointError(f"{type(model).__name__}.config must be a dataclass instance")
    metadata = {"format": FORMAT, "model": name, "config": json.dumps(dataclasses.asdict(config))}
    metadata.update(extra or {})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous().cpu() for k, v in model.state_dict().items()}
    save_file(state, str(path), metadata=metadata)
    return path


def _check_safetensors_header(path: Path) -> None:
    """Raises CheckpointError unless the file starts like a safetensors file (length + JSON)."""
    if not path.is_file():
        raise CheckpointError(f"no checkpoint file at {path}")
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(9)
    if len(head) < 9:
        raise CheckpointError(f"{path.name} is too short to be a safetensors checkpoint")
    (header_len,) = struct.unpack("<Q", head[:8])
    if not 2 <= header_len <= min(MAX_HEADER_BYTES, size - 8) or head[8:9] != b"{":
        raise CheckpointError(
            f"{path.name} is not a safetensors file; only safetensors checkpoints are accepted (pickle and torch.save files are refused)"
        )


def read_checkpoint(path: str | Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """Returns (tensors, metadata) of a gallery checkpoint, refusing anything but safetensors."""
    path = Path(path)
    _check_safetensors_header(path)
    try:
        from safetensors import safe_open

        with safe_open(str(path), framework="pt") as f:
            metadata = dict(f.metadata() or {})
        tensors = load_file(str(path))
    except (SafetensorError, OSError, ValueError) as err:
        raise CheckpointError(f"{path.name} is not a readable safetensors file: {err}") from None
    if metadata.get("format") != FORMAT:
        raise CheckpointError(f"{path.name} is a safetensors file but not a gallery checkpoint (format {metadata.get('format')!r})")
    return tensors, metadata


def config_from_dict(config_class: type, values: dict[str, Any]) -> Any:
    """Returns `config_class(**values)`, turning JSON lists back into tuples and refusing unknown keys."""
    names = {f.name for f in dataclasses.fields(config_class)}
    unknown = set(values) - names
    if unknown:
        raise CheckpointError(f"unknown config keys for {config_class.__name__}: {sorted(unknown)}")
    return config_class(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def model_class(name: str) -> type:
    """Returns the registered model class for `name`."""
    if name not in MODEL_REGISTRY:
        raise CheckpointError(f"checkpoint names an unknown model {name!r}; known: {sorted(MODEL_REGISTRY)}")
    module_name, class_name = MODEL_REGISTRY[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)


def load_model(path: str | Path) -> torch.nn.Module:
    """Returns the ready model (eval mode, on the CPU) stored in a gallery checkpoint."""
    tensors, metadata = read_checkpoint(path)
    cls = model_class(metadata.get("model", ""))
    config_class = getattr(cls, "config_class", None)  # every registered model declares its config's dataclass
    if config_class is None:
        raise CheckpointError(f"{cls.__name__} is registered but has no config_class")
    try:
        config = config_from_dict(config_class, json.loads(metadata["config"]))
    except (KeyError, json.JSONDecodeError, TypeError) as err:
        raise CheckpointError(f"{Path(path).name} has a broken config: {err}") from None
    model = cls(config)
    try:
        model.load_state_dict(tensors, strict=True)
    except RuntimeError as err:
        raise CheckpointError(f"{Path(path).name} does not match its config: {err}") from None
    return model.eval()
