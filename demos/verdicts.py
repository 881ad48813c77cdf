"""The digits classifier's verdict, shown the same way wherever a tab judges digits (Autoencoders, Diffusion, GANs):
one digit's reading in words, or many digits as tiles captioned with what the classifier reads."""

from __future__ import annotations

from PIL import Image

from core.assets import classifier
from demos.i18n import Lang, percent, t
from demos.lazy import torch
from demos.raster import labeled_tiles

CONFIDENT = 0.9  # a reading surer than this counts as a recognisable digit (as `core.classifier.judge_digits` counts)


def digit_verdict(image: torch.Tensor, key: str, lang: Lang) -> str:
    """Returns the text `key` filled with the digit the classifier reads in `image` `[1, 1, 8, 8]` and its confidence in %."""
    probs = classifier().predict_proba(image)[0]  # [10]
    return t(key, lang, digit=int(probs.argmax()), confidence=100 * float(probs.max()))


def judged_tiles(
    images: torch.Tensor, wanted: torch.Tensor | None = None, *, lang: Lang = "en"
) -> tuple[Image.Image, torch.Tensor, list[bool]]:
    """Returns images `[N, 1, 8, 8]` in [0, 1] as tiles captioned "digit · confidence %", the digits read `[N]`, and
    whether each tile is good (green): read as `wanted` `[N]` when given, else read with confidence above `CONFIDENT`."""
    best, read = classifier().predict_proba(images).max(1)  # [N], [N]
    good = ((read == wanted) if wanted is not None else best > CONFIDENT).tolist()
    captions = [f"{d} · {percent(p, lang)}" for d, p in zip(read.tolist(), best.tolist(), strict=True)]
    return labeled_tiles(images[:, 0].numpy(), captions, good), read, good
