"""The shipped checkpoints the tabs read, each loaded once on first use and shared read-only."""

from __future__ import annotations

from functools import lru_cache

from core.checkpoint import load_model
from core.train import AUTOENCODERS_DIR, DCGAN_PATH, DIGITS_CLASSIFIER_PATH


@lru_cache(maxsize=1)
def classifier():
    """Returns the shipped digits classifier."""
    return load_model(DIGITS_CLASSIFIER_PATH)


@lru_cache(maxsize=1)
def dcgan():
    """Returns the shipped digits DCGAN."""
    return load_model(DCGAN_PATH)


@lru_cache(maxsize=8)
def autoencoder(name: str):
    """Returns the shipped autoencoder `name` (a key of `core.autoencoders.SHIPPED`)."""
    from core.autoencoders import SHIPPED

    if name not in SHIPPED:
        raise KeyError(name)
    return load_model(AUTOENCODERS_DIR / f"{name}.safetensors")


@lru_cache(maxsize=3)
def diffusion_unet(prediction: str):
    """Returns the shipped digits U-Net trained to predict `prediction` ("epsilon", "sample" or "v_prediction")."""
    from core.train import DIFFUSION_PATHS

    return load_model(DIFFUSION_PATHS[prediction])
