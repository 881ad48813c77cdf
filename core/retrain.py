"""Training commands for every checkpoint the gallery ships.

    python -m core.retrain digits-classifier            # -> assets/digits_classifier.safetensors
    python -m core.retrain dcgan-digits                 # -> assets/dcgan_digits.safetensors (needs the classifier)
    python -m core.retrain autoencoders-digits          # -> assets/autoencoders/*.safetensors (needs the classifier)
    python -m core.retrain diffusion-digits-epsilon     # -> assets/diffusion/unet_epsilon.safetensors (also -sample, -v)
    python -m core.retrain mini-clip                    # -> assets/mini_clip/ (a transformers CLIPModel folder)
    python -m core.retrain mini-ldm                     # -> assets/mini_ldm/ (a diffusers StableDiffusionPipeline folder)
    python -m core.retrain nerf                         # -> assets/nerf/nerf.safetensors (also grid-field -> grid.safetensors)
    python -m core.retrain splat                        # -> assets/splat/splat.safetensors
    python -m core.retrain unclip                       # -> assets/unclip/{prior,decoder,baseline}.safetensors (needs the mini CLIP)

Each recipe is a generator that drives the shared `Trainer` and yields its `Progress`; the command
line prints the reports, tests run the same recipes at tiny scale.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import torch

from core import assets
from core.assets import (
    AUTOENCODERS_DIR,
    DCGAN_PATH,
    DIFFUSION_PATHS,
    DIGITS_CLASSIFIER_PATH,
    MINI_CLIP_DIR,
    MINI_LDM_DIR,
    NERF_PATHS,
    SPLAT_PATH,
    UNCLIP_DIR,
)
from core.autoencoders import train_autoencoders
from core.checkpoint import save_checkpoint
from core.classifier import DigitsClassifier, DigitsClassifierConfig, accuracy, digits_classifier_trainer
from core.data.images import load_digits
from core.diffusion.digits import train_digits_unet
from core.diffusion.schedule import PREDICTION_SHORT_NAMES, Prediction
from core.gan.dcgan import train_dcgan
from core.loop import RETRAIN, Progress, recipe_command, run_recipe
from core.mini_clip import train_mini_clip
from core.mini_ldm import train_mini_ldm
from core.nerf.fitting import train_radiance_field
from core.splat.fitting import train_splat
from core.unclip.pipeline import train_unclip

# The paths are `core.assets`'s, used here as the recipes' default outputs. (`benchmarks/diffusion.py`
# still imports DIFFUSION_PATHS from here: to remove, issue 12.)


def train_digits_classifier(
    out: str | Path = DIGITS_CLASSIFIER_PATH, *, steps: int = 4000, seed: int = 0, config: DigitsClassifierConfig | None = None
) -> Iterator[Progress]:
    """Trains the digits classifier on the train split, saves it to `out`, yields progress.

    The final report's metrics include `test_accuracy` on the held-out split.
    """
    torch.manual_seed(seed)  # weight initialisation; data order uses its own generator
    generator = torch.Generator().manual_seed(seed)
    model = DigitsClassifier(config or DigitsClassifierConfig())
    images, labels = load_digits("train")
    test_images, test_labels = load_digits("test")
    trainer = digits_classifier_trainer(model, images, labels, generator=generator)
    last = yield from run_recipe(trainer, steps)
    test_acc = accuracy(model, test_images, test_labels)
    last.metrics["test_accuracy"] = test_acc
    save_checkpoint(
        model,
        out,
        extra={"command": recipe_command("digits-classifier", steps, seed), "test_accuracy": f"{test_acc:.4f}"},
    )
    yield last


def train_dcgan_digits(out: str | Path = DCGAN_PATH, **kwargs) -> Iterator[Progress]:
    """Trains the digits DCGAN, judged by the shipped classifier (see `core.gan.dcgan.train_dcgan`)."""
    return train_dcgan(out, classifier=assets.classifier(), **kwargs)


def train_autoencoders_digits(out: str | Path = AUTOENCODERS_DIR, **kwargs) -> Iterator[Progress]:
    """Trains the Autoencoders tab's AE and VAEs, judged by the shipped classifier (see `core.autoencoders.train_autoencoders`)."""
    return train_autoencoders(out, classifier=assets.classifier(), **kwargs)


def _diffusion_recipe(prediction: Prediction):
    def recipe(out: str | Path = DIFFUSION_PATHS[prediction], **kwargs) -> Iterator[Progress]:
        return train_digits_unet(out, prediction=prediction, **kwargs)

    return recipe


def train_mini_clip_digits(out: str | Path = MINI_CLIP_DIR, **kwargs) -> Iterator[Progress]:
    """Trains the CLIP tab's mini CLIP (see `core.mini_clip.train_mini_clip`)."""
    return train_mini_clip(out, **kwargs)


def train_mini_ldm_digits(out: str | Path = MINI_LDM_DIR, **kwargs) -> Iterator[Progress]:
    """Trains the Stable Diffusion tab's mini latent diffusion pipeline on the mini CLIP, judged by the shipped
    classifier (see `core.mini_ldm.train_mini_ldm`)."""
    return train_mini_ldm(out, clip_dir=MINI_CLIP_DIR, classifier=assets.classifier(), **kwargs)


def train_unclip_digits(out: str | Path = UNCLIP_DIR, **kwargs) -> Iterator[Progress]:
    """Trains the CLIP tab's unCLIP prior, decoder and caption-only baseline on the shipped mini CLIP, single-threaded
    (see `core.unclip.pipeline.train_unclip`)."""
    torch.set_num_threads(1)  # the documented duration is one core's
    return train_unclip(out, clip_dir=MINI_CLIP_DIR, **kwargs)


def _radiance_recipe(kind: str):
    def recipe(out: str | Path = NERF_PATHS[kind], **kwargs) -> Iterator[Progress]:
        return train_radiance_field(out, kind, **kwargs)  # type: ignore[arg-type]

    return recipe


RECIPES = {
    "digits-classifier": (train_digits_classifier, DIGITS_CLASSIFIER_PATH),
    "dcgan-digits": (train_dcgan_digits, DCGAN_PATH),
    "autoencoders-digits": (train_autoencoders_digits, AUTOENCODERS_DIR),
    **{f"diffusion-digits-{name}": (_diffusion_recipe(p), DIFFUSION_PATHS[p]) for p, name in PREDICTION_SHORT_NAMES.items()},
    "mini-clip": (train_mini_clip_digits, MINI_CLIP_DIR),
    "mini-ldm": (train_mini_ldm_digits, MINI_LDM_DIR),
    "nerf": (_radiance_recipe("nerf"), NERF_PATHS["nerf"]),
    "grid-field": (_radiance_recipe("grid"), NERF_PATHS["grid"]),
    "splat": (train_splat, SPLAT_PATH),
    "unclip": (train_unclip_digits, UNCLIP_DIR),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=RETRAIN, description="Train a checkpoint the gallery ships.")
    parser.add_argument("recipe", choices=sorted(RECIPES))
    parser.add_argument("--out", type=Path, default=None, help="where to write the checkpoint (default: assets/)")
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    recipe, default_out = RECIPES[args.recipe]
    kwargs = {"seed": args.seed} | ({"steps": args.steps} if args.steps else {})
    for progress in recipe(args.out or default_out, **kwargs):
        shown = ", ".join(f"{k}={v:.4f}" for k, v in progress.metrics.items())
        name = f"{progress.preview}  " if isinstance(progress.preview, str) else ""
        print(f"{name}step {progress.step:6d}  {progress.elapsed:6.1f}s  {shown}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
