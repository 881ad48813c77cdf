"""Every generative model the gallery ships loads ready to `sample(num_samples, *, generator=None, **options)`.

The test walks `assets/`: each checkpoint file or model folder is either mapped to the loader that gives
its generative model, or listed as excluded with the reason. A new file that is neither fails the test,
so whoever ships a model also says how it samples (or why it does not). Few sampling steps keep it fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import torch

from core import assets
from core.diffusion.digits import shipped_diffusion
from core.diffusion.schedule import PREDICTION_SHORT_NAMES
from core.mini_ldm import shipped_mini_ldm
from core.splat.renderer import SplatViews
from core.unclip.pipeline import shipped_caption_only, shipped_unclip

ROOT = assets.ASSETS
MODEL_FOLDERS = ("model_index.json", "config.json")  # a `diffusers` pipeline or `transformers` model folder holds one

# asset (relative to assets/) -> (loader of its generative model, sampling options that keep the test fast)
GENERATIVE: dict[str, tuple[Callable[[], Any], dict[str, Any]]] = {
    "dcgan_digits.safetensors": (assets.dcgan, {}),
    **{
        assets.autoencoder_path(name).relative_to(ROOT).as_posix(): (lambda name=name: assets.autoencoder(name), {})
        for name in assets.AUTOENCODER_NAMES
        if name != "ae_2d"
    },
    **{
        path.relative_to(ROOT).as_posix(): (lambda p=prediction: shipped_diffusion(p), {"num_steps": 2})
        for prediction, path in assets.DIFFUSION_PATHS.items()
    },
    "mini_ldm": (shipped_mini_ldm, {"num_steps": 2}),
    # a scene model's sample is a view from a random camera (small and coarse here, to stay fast)
    **{
        path.relative_to(ROOT).as_posix(): (lambda kind=kind: assets.radiance_field(kind), {"size": 16, "samples": 24})
        for kind, path in assets.NERF_PATHS.items()
    },
    assets.SPLAT_PATH.relative_to(ROOT).as_posix(): (lambda: SplatViews(assets.splat()), {"size": 16}),
    # unCLIP's prior and decoder sample together (no caption: the prior's unconditional draw, then the decoder); the
    # caption-only baseline decodes alone
    "unclip/prior.safetensors": (shipped_unclip, {"prior_steps": 4, "num_steps": 2}),
    "unclip/decoder.safetensors": (shipped_unclip, {"prior_steps": 4, "num_steps": 2}),
    "unclip/baseline.safetensors": (shipped_caption_only, {"num_steps": 2}),
}

# what is not a generative model, and why (a pattern matches files under assets/)
EXCLUDED: dict[str, str] = {
    "digits_classifier.safetensors": "the digits classifier: a judge, p(y | x), it draws nothing",
    # A plain autoencoder has no prior on its latent space: decoding N(0, I) lands in the holes between the
    # codes the encoder uses, which is what the Autoencoders tab shows next to the VAE. Not a generative model.
    "autoencoders/ae_2d.safetensors": "the plain autoencoder: no latent prior, so no honest way to sample",
    "mini_clip": "the mini CLIP: image and text encoders, it draws nothing",
    "fonts/*": "the font the pictures are labelled with, and its licence",
    "benchmarks/*.json": "benchmark results",
}


def shipped_assets() -> list[str]:
    """Returns every asset: model folders as one entry, other files one each (relative to assets/)."""
    folders = {p.parent for name in MODEL_FOLDERS for p in ROOT.glob(f"*/{name}")}
    out = {p.relative_to(ROOT).as_posix() for p in folders}
    for path in ROOT.rglob("*"):
        if path.is_file() and not any(folder in path.parents for folder in folders):
            out.add(path.relative_to(ROOT).as_posix())
    return sorted(out)


def is_excluded(asset: str) -> bool:
    return any(Path(asset).match(pattern) for pattern in EXCLUDED)


def test_every_asset_is_either_generative_or_excluded_with_a_reason():
    found = shipped_assets()
    unlisted = [a for a in found if a not in GENERATIVE and not is_excluded(a)]
    assert not unlisted, f"new assets: map each to its loader in GENERATIVE or exclude it with a reason in EXCLUDED: {unlisted}"
    missing = [a for a in GENERATIVE if a not in found]
    assert not missing, f"listed but not shipped: {missing}"
    assert not [a for a in GENERATIVE if is_excluded(a)], "an asset cannot be both generative and excluded"
    # DCGAN, six VAEs, three U-Nets, the mini LDM, two fields, a splat, unCLIP's prior, decoder and baseline
    assert len(GENERATIVE) == 17 and "dcgan_digits.safetensors" in found


def test_diffusion_files_are_named_by_the_predictions_short_names():
    assert {p: path.name for p, path in assets.DIFFUSION_PATHS.items()} == {
        p: f"unet_{name}.safetensors" for p, name in PREDICTION_SHORT_NAMES.items()
    }


@pytest.mark.parametrize("asset", sorted(GENERATIVE))
def test_shipped_model_samples_by_the_contract(asset):
    loader, options = GENERATIVE[asset]
    model = loader()

    def draw(seed: int) -> torch.Tensor:
        return model.sample(4, generator=torch.Generator().manual_seed(seed), **options)

    first, again, other = draw(0), draw(0), draw(1)
    assert isinstance(first, torch.Tensor) and first.dtype == torch.float32
    assert first.dim() == 4 and first.shape[0] == 4, first.shape  # images [N, C, H, W]
    assert torch.isfinite(first).all() and first.min() >= 0 and first.max() <= 1
    assert torch.equal(first, again), "the same seed must give the same samples"
    assert not torch.allclose(first, other), "another seed must give other samples"
    assert (first[0] - first[1]).abs().max() > 1e-3, "the samples of one draw must differ from each other"


def test_unclip_takes_labels_or_captions_and_explains_bad_options():
    model = shipped_unclip()
    images = model.sample(2, generator=torch.Generator().manual_seed(0), labels=torch.tensor([3, 7]), prior_steps=4, num_steps=2)
    assert images.shape == (2, 1, 8, 8)
    with pytest.raises(ValueError, match="one per sample"):
        model.sample(3, captions=["a handwritten 1"])
    with pytest.raises(ValueError, match="one per sample"):
        shipped_caption_only().sample(2, labels=torch.tensor([1]))


def test_digits_diffusion_takes_labels_and_explains_bad_options():
    model = shipped_diffusion("epsilon")
    images = model.sample(2, generator=torch.Generator().manual_seed(0), labels=torch.tensor([3, 7]), num_steps=2, sampler="ddpm")
    assert images.shape == (2, 1, 8, 8)
    with pytest.raises(ValueError, match="ddpm"):
        model.sample(2, sampler="euler")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="one digit per sample"):
        model.sample(3, labels=torch.tensor([1]))
