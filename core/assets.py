"""The files the gallery ships under `assets/`, named once, and the shipped models, loaded once.

Every shipped checkpoint, the benchmark results folder and the font are named here and nowhere
else: the model modules, the training command line (`core/retrain.py`), the tabs, the benchmarks and
the tests all import their paths from this module. It is a leaf: of our own code it imports only
`core.checkpoint` (which imports nothing else of ours), so anyone can import it without a cycle.

Each loader reads its checkpoint on first use and returns the same read-only model afterwards
(`functools.lru_cache`); nothing is read at import. The mini CLIP and the mini latent diffusion
model are `transformers` / `diffusers` folders: `core.pretrained.load_clip(MINI_CLIP_DIR)` and
`core.pretrained.load_pipeline(MINI_LDM_DIR)` open them. The loaded forms that sample by the gallery's
contract but need more than this leaf may import live beside their models: `core.diffusion.digits.shipped_diffusion`
(a U-Net with its schedule) and `core.mini_ldm.shipped_mini_ldm`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from core.lazy import lazy_module

if TYPE_CHECKING:
    import torch

    from core import checkpoint
else:  # the tabs read these paths while building the page: PyTorch waits for the first model (core.lazy)
    torch = lazy_module("torch")
    checkpoint = lazy_module("core.checkpoint")


ASSETS = Path(__file__).resolve().parent.parent / "assets"

DIGITS_CLASSIFIER_PATH = ASSETS / "digits_classifier.safetensors"  # the judge: its features define the gallery's FID
DCGAN_PATH = ASSETS / "dcgan_digits.safetensors"
AUTOENCODERS_DIR = ASSETS / "autoencoders"
# the keys of `core.autoencoders.SHIPPED`, one `<name>.safetensors` each (tests/test_layers.py checks they agree)
AUTOENCODER_NAMES = ("ae_2d", "vae_2d", "vae_2d_beta0", "vae_2d_beta0.5", "vae_2d_beta2", "vae_2d_beta4", "vae_16d")
DIFFUSION_DIR = ASSETS / "diffusion"
# prediction -> file, named by the prediction's short name (`core.diffusion.schedule.PREDICTION_SHORT_NAMES`; this leaf
# cannot import it: tests/test_sample_contract.py checks they agree)
DIFFUSION_PATHS = {
    "epsilon": DIFFUSION_DIR / "unet_epsilon.safetensors",
    "sample": DIFFUSION_DIR / "unet_sample.safetensors",
    "v_prediction": DIFFUSION_DIR / "unet_v.safetensors",
}
MINI_CLIP_DIR = ASSETS / "mini_clip"  # a `transformers` CLIPModel folder
MINI_LDM_DIR = ASSETS / "mini_ldm"  # a `diffusers` StableDiffusionPipeline folder
NERF_DIR = ASSETS / "nerf"
NERF_PATHS = {"nerf": NERF_DIR / "nerf.safetensors", "grid": NERF_DIR / "grid.safetensors"}  # the MLP and the voxel grid
SPLAT_PATH = ASSETS / "splat" / "splat.safetensors"  # the 3D Gaussian splat of the scene (`python -m core.retrain splat`)
FONT_PATH = ASSETS / "fonts" / "DejaVuSans.ttf"  # Pillow's bundled font has no accented letters
UNCLIP_DIR = ASSETS / "unclip"  # the CLIP tab's unCLIP on the mini CLIP (`python -m core.retrain unclip`)
# the prior (text embedding -> image embedding), the decoder (image embedding -> digit), the caption-only baseline
UNCLIP_PATHS = {name: UNCLIP_DIR / f"{name}.safetensors" for name in ("prior", "decoder", "baseline")}
BENCHMARKS_DIR = ASSETS / "benchmarks"  # where `python -m benchmarks` writes `<name>.json`


def autoencoder_path(name: str) -> Path:
    """Returns the checkpoint path of shipped autoencoder `name` (one of `AUTOENCODER_NAMES`)."""
    if name not in AUTOENCODER_NAMES:
        raise KeyError(name)
    return AUTOENCODERS_DIR / f"{name}.safetensors"


@lru_cache(maxsize=1)
def classifier() -> torch.nn.Module:
    """Returns the shipped digits classifier."""
    return checkpoint.load_model(DIGITS_CLASSIFIER_PATH)


@lru_cache(maxsize=1)
def dcgan() -> torch.nn.Module:
    """Returns the shipped digits DCGAN."""
    return checkpoint.load_model(DCGAN_PATH)


@lru_cache(maxsize=8)
def autoencoder(name: str) -> torch.nn.Module:
    """Returns the shipped autoencoder `name` (one of `AUTOENCODER_NAMES`)."""
    return checkpoint.load_model(autoencoder_path(name))


@lru_cache(maxsize=3)
def diffusion_unet(prediction: str) -> torch.nn.Module:
    """Returns the shipped digits U-Net trained to predict `prediction` ("epsilon", "sample" or "v_prediction")."""
    return checkpoint.load_model(DIFFUSION_PATHS[prediction])


@lru_cache(maxsize=2)
def radiance_field(kind: str) -> torch.nn.Module:
    """Returns the shipped radiance field of `kind` ("nerf", the MLP, or "grid", the voxel grid) of the 3D scene."""
    return checkpoint.load_model(NERF_PATHS[kind])


@lru_cache(maxsize=1)
def splat() -> torch.nn.Module:
    """Returns the shipped 3D Gaussian splat of the scene (a `core.splat.gaussians.Gaussians`)."""
    return checkpoint.load_model(SPLAT_PATH)


@lru_cache(maxsize=3)
def unclip_model(name: str) -> torch.nn.Module:
    """Returns the shipped unCLIP network `name`: "prior", "decoder" or "baseline" (`core.unclip.pipeline.shipped_unclip`
    joins them with the mini CLIP)."""
    return checkpoint.load_model(UNCLIP_PATHS[name])
