"""unCLIP on the mini CLIP: caption -> text embedding -> prior -> image embedding -> decoder -> digit.

The mini CLIP (`core.mini_clip`) is frozen: its text tower gives the caption's embedding z_t, its image
tower the embedding z_i of a digit; both are unit length in a 32-dimensional space. The prior
(`core.unclip.prior`) draws z_i given z_t, the decoder (`core.unclip.decoder`) draws a digit given z_i.
Variations of a digit decode its own z_i with other seeds; interpolation decodes points of the great
circle between two z_i (slerp). The caption-only baseline is a decoder of the same size trained on the
captions' text embeddings, which has to put all of a caption's variety into its own noise.

`train_unclip` trains the three networks on the digits' train split with captions from `core.mini_clip.caption`
(several per image, with the attributes measured from it) and saves them with their configs.
"""

from __future__ import annotations

import copy
import dataclasses
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch.nn import functional as F

from core import assets
from core.checkpoint import save_checkpoint
from core.diffusion.digits import to_model
from core.loop import Progress, recipe_command, run_recipe
from core.mini_clip import attributes, caption, to_pixels
from core.unclip.decoder import DecoderConfig, EmbeddingUNet, decode, decoder_trainer
from core.unclip.prior import PriorConfig, PriorNet, prior_trainer, sample_prior
from core.unclip.settings import DEFAULTS as DEFAULTS

MAX_CAPTION_CHARS = 300  # a longer caption is cut here before tokenising (the tokenizer then cuts to its own limit)


# ---- the frozen mini CLIP's two towers --------------------------------------------------------------------------


@torch.no_grad()
def text_embeddings(clip: Any, tokenizer: Any, captions: list[str]) -> Tensor:
    """Returns the unit-length text embeddings `[N, D]` of `captions` by the CLIP text tower (each cut to its token limit)."""
    ids = tokenizer([c[:MAX_CAPTION_CHARS] for c in captions], padding=True, truncation=True, return_tensors="pt")
    features = clip.get_text_features(input_ids=ids.input_ids, attention_mask=ids.attention_mask)
    features = getattr(features, "pooler_output", features)  # transformers 5 may wrap the tensor
    return F.normalize(features.float(), dim=-1)


def read_up_to(tokenizer: Any, caption: str) -> str | None:
    """Returns the start of `caption` the text tower actually reads when a character the tokenizer does not know (the mini
    CLIP's has no accented letters) ends it early, or None when it reads the caption whole.

    An unknown character becomes the unknown token, which in the mini CLIP is the end-of-text token where CLIP pools."""
    ids = tokenizer(caption[:MAX_CAPTION_CHARS], truncation=True).input_ids
    end = tokenizer.eos_token_id
    first = ids.index(end) if end in ids else len(ids)
    if first >= len(ids) - 1:
        return None
    return tokenizer.decode(ids[1:first]).strip()


@torch.no_grad()
def image_embeddings(clip: Any, images: Tensor) -> Tensor:
    """Returns the unit-length image embeddings `[N, D]` of digits `[N, 1, 8, 8]` in [0, 1] by the CLIP image tower."""
    features = clip.get_image_features(pixel_values=to_pixels(images))
    features = getattr(features, "pooler_output", features)
    return F.normalize(features.float(), dim=-1)


def slerp(a: Tensor, b: Tensor, weights: Tensor) -> Tensor:
    """Returns the points `[T, D]` of the great circle from unit vector `a` to `b` `[D]` at `weights` `[T]` in [0, 1].

    slerp(a, b, w) = sin((1 - w) theta) / sin(theta) a + sin(w theta) / sin(theta) b, theta the angle between them
    (Shoemake 1985); every point has length 1. Nearly equal vectors fall back to the normalised straight line."""
    a, b = F.normalize(a.double(), dim=-1), F.normalize(b.double(), dim=-1)
    w = weights.double()[:, None]  # [T, 1]
    theta = torch.arccos((a @ b).clamp(-1, 1))
    if theta < 1e-4:
        return F.normalize((1 - w) * a + w * b, dim=-1).float()
    return ((torch.sin((1 - w) * theta) * a + torch.sin(w * theta) * b) / torch.sin(theta)).float()


@torch.no_grad()
def class_centres(clip: Any) -> tuple[Tensor, Tensor, Tensor]:
    """Returns the test digits' image embeddings `[N, D]`, their labels `[N]`, and each class's mean direction `[10, D]` (unit length)."""
    from core.data.images import load_digits

    images, labels = load_digits("test")
    z = image_embeddings(clip, images)
    centres = F.normalize(torch.stack([z[labels == d].mean(0) for d in range(10)]), dim=-1)
    return z, labels, centres


def nearest_class(z: Tensor, centres: Tensor) -> Tensor:
    """Returns the class `[N]` whose mean image embedding is most similar (cosine) to each embedding `z` `[N, D]`."""
    return (F.normalize(z, dim=-1) @ centres.T).argmax(1)


# ---- the shipped pipeline ---------------------------------------------------------------------------------------


@dataclass
class UnCLIP:
    """The mini CLIP's text and image towers, the prior, the decoder and the caption-only baseline, ready to sample."""

    clip: Any
    tokenizer: Any
    prior: PriorNet
    decoder: EmbeddingUNet
    baseline: EmbeddingUNet

    def captions_of(self, labels: Tensor) -> list[str]:
        """Returns "a handwritten {digit}" for each digit of `labels` `[N]` (the mini CLIP's zero-shot caption)."""
        from core.mini_clip import WORDS, ZERO_SHOT_TEMPLATE

        return [ZERO_SHOT_TEMPLATE.format(d=WORDS["en"][int(y)]) for y in labels]

    @torch.no_grad()
    def sample(
        self,
        num_samples: int,
        *,
        generator: torch.Generator | None = None,
        labels: Tensor | None = None,
        captions: list[str] | None = None,
        prior_guidance: float = DEFAULTS["prior_guidance"],
        decoder_guidance: float = DEFAULTS["decoder_guidance"],
        prior_steps: int = int(DEFAULTS["prior_steps"]),
        num_steps: int = int(DEFAULTS["decoder_steps"]),
    ) -> Tensor:
        """Returns `num_samples` digits `[N, 1, 8, 8]` in [0, 1] through the prior and the decoder: of `captions`, of
        "a handwritten {digit}" for `labels`, or unconditional ones (no caption: the prior's guidance is not used)."""
        if captions is None and labels is not None:
            captions = self.captions_of(labels)
        if captions is not None and len(captions) != num_samples:
            raise ValueError(f"captions (or labels) must hold one per sample ({num_samples}), got {len(captions)}")
        if captions is None:
            text = torch.zeros(num_samples, self.prior.config.embed_dim)
            prior_guidance = 1.0
        else:
            text = text_embeddings(self.clip, self.tokenizer, captions)
        z_i = sample_prior(self.prior, text, guidance=prior_guidance, steps=prior_steps, generator=generator)
        return decode(self.decoder, z_i, guidance=decoder_guidance, steps=num_steps, generator=generator)


class CaptionOnly:
    """The caption-only baseline decoder with the mini CLIP's text tower: a caption goes straight to pixels."""

    def __init__(self, pipeline: UnCLIP):
        self.pipeline = pipeline

    @torch.no_grad()
    def sample(
        self,
        num_samples: int,
        *,
        generator: torch.Generator | None = None,
        labels: Tensor | None = None,
        captions: list[str] | None = None,
        guidance: float = DEFAULTS["decoder_guidance"],
        num_steps: int = int(DEFAULTS["decoder_steps"]),
    ) -> Tensor:
        """Returns `num_samples` digits `[N, 1, 8, 8]` in [0, 1] of `captions`, of `labels`, or unconditional ones."""
        if captions is None and labels is not None:
            captions = self.pipeline.captions_of(labels)
        if captions is not None and len(captions) != num_samples:
            raise ValueError(f"captions (or labels) must hold one per sample ({num_samples}), got {len(captions)}")
        text = (
            torch.zeros(num_samples, self.pipeline.baseline.config.embed_dim)
            if captions is None
            else text_embeddings(self.pipeline.clip, self.pipeline.tokenizer, captions)
        )
        return decode(self.pipeline.baseline, text, guidance=guidance if captions else 1.0, steps=num_steps, generator=generator)


@lru_cache(maxsize=1)
def shipped_unclip() -> UnCLIP:
    """Returns the shipped unCLIP pipeline on the shipped mini CLIP."""
    from core.pretrained import load_clip

    clip, processor = load_clip(assets.MINI_CLIP_DIR)
    prior, decoder, baseline = (assets.unclip_model(name) for name in ("prior", "decoder", "baseline"))
    assert isinstance(prior, PriorNet) and isinstance(decoder, EmbeddingUNet) and isinstance(baseline, EmbeddingUNet)
    return UnCLIP(clip, processor.tokenizer, prior, decoder, baseline)


def shipped_caption_only() -> CaptionOnly:
    """Returns the shipped caption-only baseline, ready to sample."""
    return CaptionOnly(shipped_unclip())


# ---- training ---------------------------------------------------------------------------------------------------


@torch.no_grad()
def caption_embeddings(clip: Any, tokenizer: Any, images: Tensor, labels: Tensor, *, per_image: int, seed: int) -> Tensor:
    """Returns the text embeddings `[N, K, D]` of `per_image` random captions of each digit (with its measured attributes)."""
    keys = attributes(images, labels)
    rng = random.Random(seed)
    texts = [caption(int(labels[i]), keys[i], rng) for i in range(len(images)) for _ in range(per_image)]
    return torch.cat([text_embeddings(clip, tokenizer, chunk) for chunk in _chunks(texts, 2048)]).view(len(images), per_image, -1)


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def unclip_paths(out: str | Path) -> dict[str, Path]:
    """Returns the three checkpoint files of an unCLIP folder (named as in `assets.UNCLIP_PATHS`)."""
    return {name: Path(out) / path.name for name, path in assets.UNCLIP_PATHS.items()}


def train_unclip(
    out: str | Path,
    *,
    clip_dir: str | Path,
    steps: int = 4000,
    prior_steps: int | None = None,
    seed: int = 0,
    captions_per_image: int = 16,
    decoder_config: DecoderConfig | None = None,
    prior_config: PriorConfig | None = None,
    batch_size: int = 64,
) -> Iterator[Progress]:
    """Trains the prior, the decoder and the caption-only baseline on the digits' train split with the frozen mini CLIP
    in `clip_dir`, saves the moving averages of their weights in `out`, yields progress (labelled by model).

    `steps` Adam steps for each decoder, `prior_steps` (default: `steps`) for the prior."""
    from core.data.images import load_digits
    from core.pretrained import load_clip

    started = time.monotonic()
    clip, processor = load_clip(clip_dir)
    images, labels = load_digits("train")
    z_image = image_embeddings(clip, images)  # [N, D]
    z_text = caption_embeddings(clip, processor.tokenizer, images, labels, per_image=captions_per_image, seed=seed)  # [N, K, D]
    command = {"command": recipe_command("unclip", steps, seed)}
    paths = unclip_paths(out)

    torch.manual_seed(seed)
    prior = PriorNet(prior_config or PriorConfig(embed_dim=z_image.shape[1]))
    prior_average = copy.deepcopy(prior)
    trainer = prior_trainer(prior, z_text, z_image, average=prior_average, generator=torch.Generator().manual_seed(seed))
    last = yield from run_recipe(trainer, prior_steps or steps, label="prior")
    yield last
    save_checkpoint(prior_average, paths["prior"], extra=command | {"loss": f"{last.metrics['loss']:.4f}"})

    config = decoder_config or DecoderConfig(channels=(32, 64), time_dim=64, embed_dim=z_image.shape[1])
    for name, conditions in (("decoder", z_image[:, None]), ("baseline", z_text)):
        torch.manual_seed(seed)
        model = EmbeddingUNet(dataclasses.replace(config, condition="image" if name == "decoder" else "text"))
        average = copy.deepcopy(model)
        trainer = decoder_trainer(
            model,
            to_model(images),
            conditions,
            batch_size=batch_size,
            average=average,
            generator=torch.Generator().manual_seed(seed + 1),
        )
        last = yield from run_recipe(trainer, steps, label=name)
        yield last
        save_checkpoint(average, paths[name], extra=command | {"loss": f"{last.metrics['loss']:.4f}"})
    last.metrics["seconds"] = time.monotonic() - started
    yield last
