"""What the CLIP tab computes, for any `transformers` CLIP (the mini one or a real one): embeddings of
images and texts, zero-shot probabilities at a chosen temperature, similarity matrices, and the
shared space projected to 2D."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import Tensor


@dataclass
class Embeddings:
    images: Tensor  # [N, D], unit length
    texts: Tensor  # [K, D], unit length
    truncated: bool  # some text was longer than the model reads (it was cut)
    logit_scale: float  # the model's learned temperature, exp(logit_scale)


def to_pil(image: Tensor):
    """Returns an image `[C, H, W]` in [0, 1] (C = 1 or 3) as an RGB PIL image."""
    from PIL import Image

    array = (image.clamp(0, 1) * 255).round().to(torch.uint8)
    array = array.expand(3, -1, -1) if array.shape[0] == 1 else array[:3]
    return Image.fromarray(array.permute(1, 2, 0).numpy(), mode="RGB")


def model_input(processor: Any, image: Tensor) -> Tensor:
    """Returns `image` (`[C, H, W]` in [0, 1]) as the model receives it, after its processor's resize and crop: `[3, h, w]` in [0, 1]."""
    processed = processor.image_processor([to_pil(image)], return_tensors="pt").pixel_values[0]  # [3, h, w], normalised
    mean = torch.tensor(processor.image_processor.image_mean).view(3, 1, 1)
    std = torch.tensor(processor.image_processor.image_std).view(3, 1, 1)
    return (processed * std + mean).clamp(0, 1)


_WORD = re.compile(r"[^\W_]+")


def unseen_words(texts: Iterable[str], corpus: Iterable[str]) -> list[str]:
    """Returns the words of `texts` (lower-cased, in order of first appearance) that never occur in `corpus`.

    A model trained only on `corpus` has no meaning for them: its tokenizer cuts them into pieces it never saw in context."""
    known = {w for line in corpus for w in _WORD.findall(line.lower())}
    out: list[str] = []
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if word not in known and word not in out:
                out.append(word)
    return out


@torch.no_grad()
def embed(model: Any, processor: Any, images: list[Tensor], texts: list[str]) -> Embeddings:
    """Returns unit-length embeddings of `images` (each `[C, H, W]` in [0, 1]) and `texts`, by the model's own preprocessing."""
    tokenizer = processor.tokenizer
    limit = tokenizer.model_max_length
    ids = tokenizer(texts, padding=True, truncation=True, max_length=limit, return_tensors="pt")
    truncated = any(len(tokenizer(t).input_ids) > limit for t in texts)
    pixels = processor.image_processor([to_pil(i) for i in images], return_tensors="pt").pixel_values
    image_features = model.get_image_features(pixel_values=pixels)
    text_features = model.get_text_features(input_ids=ids.input_ids, attention_mask=ids.attention_mask)
    image_features = getattr(image_features, "pooler_output", image_features)  # transformers 5 may wrap the tensor
    text_features = getattr(text_features, "pooler_output", text_features)
    return Embeddings(
        images=torch.nn.functional.normalize(image_features.float(), dim=-1),
        texts=torch.nn.functional.normalize(text_features.float(), dim=-1),
        truncated=truncated,
        logit_scale=float(model.logit_scale.exp()),
    )


def similarity(emb: Embeddings) -> Tensor:
    """Returns the cosine similarities `[N, K]` of every image with every text."""
    return emb.images @ emb.texts.T


def zero_shot_probs(emb: Embeddings, scale: float | None = None) -> Tensor:
    """Returns p(text k | image n) `[N, K]` = softmax_k(scale * cos); `scale` defaults to the model's learned one.

    A small scale (high temperature) flattens the probabilities, a large one sharpens them; the ranking never changes."""
    return torch.softmax((emb.logit_scale if scale is None else scale) * similarity(emb), dim=-1)


def joint_projection(emb: Embeddings) -> tuple[np.ndarray, np.ndarray]:
    """Returns 2D coordinates of the image and text embeddings on the first two principal axes of all of them together."""
    points = torch.cat([emb.images, emb.texts]).double()
    centred = points - points.mean(0)
    if len(points) < 2:
        coords = torch.zeros(len(points), 2, dtype=torch.float64)
    else:
        _, _, vh = torch.linalg.svd(centred, full_matrices=False)
        coords = centred @ vh[:2].T
        if coords.shape[1] < 2:
            coords = torch.cat([coords, torch.zeros(len(coords), 2 - coords.shape[1], dtype=torch.float64)], dim=1)
    out = coords.numpy()
    return out[: len(emb.images)], out[len(emb.images) :]
