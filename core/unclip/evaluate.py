"""What the prior buys, measured: unCLIP against the same decoder fed the text embedding directly and against the
caption-only baseline, on the same captions.

For each method and each requested digit: the share of samples the gallery's digits classifier reads as that digit
(fidelity), the CLIP score (cosine between the sample's CLIP image embedding and the caption's text embedding),
the diversity (mean pairwise distance between the samples' classifier features, as in the paper's "diversity at
similar fidelity") and recall and coverage against the real test digits of that class (Kynkaanniemi et al. 2019,
Naeem et al. 2020; `core.metrics.fid.manifold_metrics`), averaged over the digits. Variations of real digits are
judged by the share that keep the source digit's class.
"""

from __future__ import annotations

import random
from typing import Literal

import torch
from torch import Tensor

from core.metrics.fid import classifier_features, manifold_metrics
from core.metrics.modes import diversity
from core.mini_clip import WORDS
from core.unclip.decoder import decode
from core.unclip.pipeline import DEFAULTS, UnCLIP, image_embeddings, text_embeddings
from core.unclip.prior import sample_prior

Method = Literal["unclip", "text_direct", "caption_only"]
METHODS: tuple[Method, ...] = ("unclip", "text_direct", "caption_only")
SCORES = ("accuracy", "clip_score", "diversity", "recall", "coverage")


# The caption templates the mini CLIP reads (each names the right digit for all ten digits, as words and as numerals).
# Its tokenizer has no accented letters: "una foto del dígito 3" and "el número 3" are cut at the accent (the unknown
# character is its end-of-text token), so the mini CLIP cannot tell their digits apart and they are left out here.
READABLE_TEMPLATES = {"en": ("a handwritten {d}", "a photo of the digit {d}", "the number {d}"), "es": ("un {d} escrito a mano",)}


def digit_captions(per_class: int, *, seed: int = 0) -> tuple[list[str], Tensor]:
    """Returns `per_class` random captions of each digit (`READABLE_TEMPLATES`, English or Spanish, word or numeral)
    and their digits `[10 * per_class]`."""
    rng = random.Random(seed)
    labels = torch.arange(10).repeat_interleave(per_class)
    captions = []
    for y in labels.tolist():
        lang = rng.choice(("en", "es"))
        captions.append(rng.choice(READABLE_TEMPLATES[lang]).format(d=rng.choice((WORDS[lang][y], str(y)))))
    return captions, labels


@torch.no_grad()
def generate(
    pipeline: UnCLIP,
    method: Method,
    text: Tensor,
    *,
    generator: torch.Generator | None = None,
    prior_guidance: float = DEFAULTS["prior_guidance"],
    decoder_guidance: float = DEFAULTS["decoder_guidance"],
    prior_steps: int = int(DEFAULTS["prior_steps"]),
    decoder_steps: int = int(DEFAULTS["decoder_steps"]),
) -> Tensor:
    """Returns one digit `[N, 1, 8, 8]` per text embedding `[N, D]` by `method`:

    - "unclip": the prior draws an image embedding, the decoder decodes it;
    - "text_direct": the same decoder decodes the text embedding itself (no prior);
    - "caption_only": the baseline decoder, trained on text embeddings, decodes it."""
    options = {"guidance": decoder_guidance, "steps": decoder_steps, "generator": generator}
    if method == "unclip":
        z_i = sample_prior(pipeline.prior, text, guidance=prior_guidance, steps=prior_steps, generator=generator)
        return decode(pipeline.decoder, z_i, **options)
    if method == "text_direct":
        return decode(pipeline.decoder, text, **options)
    if method == "caption_only":
        return decode(pipeline.baseline, text, **options)
    raise ValueError(f"method must be one of {list(METHODS)}, got {method!r}")


@torch.no_grad()
def score(
    pipeline: UnCLIP, classifier: torch.nn.Module, images: Tensor, labels: Tensor, text: Tensor, real: tuple[Tensor, Tensor]
) -> dict[str, float]:
    """Returns accuracy, CLIP score, diversity, recall and coverage of `images` asked as digits `labels` with text embeddings
    `text`, against the real digits `real` (images, labels); per-class figures are averaged over the digits present."""
    classifier.eval()
    predicted = classifier(images).argmax(1)
    clip_score = (image_embeddings(pipeline.clip, images) * text).sum(1)
    features, real_features = classifier_features(classifier, images), classifier_features(classifier, real[0])
    per_class: dict[str, list[float]] = {"diversity": [], "recall": [], "coverage": []}
    for digit in labels.unique().tolist():
        mine = features[labels == digit]
        per_class["diversity"].append(diversity(mine))
        if len(mine) > 5:
            m = manifold_metrics(real_features[real[1] == digit], mine)
            per_class["recall"].append(m.recall)
            per_class["coverage"].append(m.coverage)
    out = {"accuracy": float((predicted == labels).float().mean()), "clip_score": float(clip_score.mean())}
    return out | {k: float(torch.tensor(v).mean()) if v else float("nan") for k, v in per_class.items()}


def compare(
    pipeline: UnCLIP,
    classifier: torch.nn.Module,
    real: tuple[Tensor, Tensor],
    *,
    per_class: int = 20,
    seed: int = 0,
    methods: tuple[Method, ...] = METHODS,
    **options: float,
) -> dict[str, dict[str, float]]:
    """Returns each method's scores (`score`) on `per_class` captions of every digit, drawn with generator seed `seed`."""
    captions, labels = digit_captions(per_class, seed=seed)
    text = text_embeddings(pipeline.clip, pipeline.tokenizer, captions)
    out: dict[str, dict[str, float]] = {}
    for method in methods:
        images = generate(pipeline, method, text, generator=torch.Generator().manual_seed(seed), **options)  # type: ignore[arg-type]
        out[method] = score(pipeline, classifier, images, labels, text, real)
    return out


@torch.no_grad()
def variations(
    pipeline: UnCLIP,
    images: Tensor,
    *,
    per_image: int = 4,
    generator: torch.Generator | None = None,
    guidance: float = DEFAULTS["decoder_guidance"],
    steps: int = int(DEFAULTS["decoder_steps"]),
) -> Tensor:
    """Returns `per_image` decodes of each digit's own CLIP image embedding `[N * per_image, 1, 8, 8]`, image by image."""
    z_i = image_embeddings(pipeline.clip, images).repeat_interleave(per_image, 0)
    return decode(pipeline.decoder, z_i, guidance=guidance, steps=steps, generator=generator)


def variation_class_share(pipeline: UnCLIP, classifier: torch.nn.Module, images: Tensor, labels: Tensor, **kwargs) -> float:
    """Returns the share of decoded variations that the classifier reads as their source digit's class."""
    per_image = int(kwargs.get("per_image", 4))
    decoded = variations(pipeline, images, **kwargs)
    classifier.eval()
    return float((classifier(decoded).argmax(1) == labels.repeat_interleave(per_image)).float().mean())


def digit_word(label: int, lang: str) -> str:
    """Returns the digit's word in `lang` ("en" or "es")."""
    return WORDS[lang][label]
