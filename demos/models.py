"""The shipped checkpoints the tabs read, each loaded once on first use and shared read-only.

The loaders live in `core.assets`; this module only re-exports them for the modules that still
import them from here (`demos/diffusion.py`, `benchmarks/diffusion.py`; to remove: issue 12).
"""

from __future__ import annotations

from core.assets import autoencoder, classifier, dcgan, diffusion_unet

__all__ = ["autoencoder", "classifier", "dcgan", "diffusion_unet"]
