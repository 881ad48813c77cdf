"""The gallery's mini CLIP: a `transformers` `CLIPModel` with a tiny configuration, trained from scratch
on the 8x8 digits paired with captions we generate.

Captions name the digit as a word and as a numeral, in English and Spanish ("a handwritten seven",
"un 7 escrito a mano"), and add attributes measured from the image: thick or thin strokes (the ink
against the class's median), slanted left or right (the ink's second moments), small or large (the
bounding box). Training is CLIP's (Radford et al. 2021): in a batch of N pairs the N x N cosine
similarities, scaled by a learned temperature, are trained with a cross-entropy in both directions so
that each image picks out its own caption and each caption its own image.

The model, its processor and the tokenizer built from our own vocabulary (`core.pretrained`) are saved
as a `transformers` folder, opened by the same loader as a real CLIP.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch.nn import functional as F

from core.loop import Progress, Trainer, recipe_command, run_recipe

WORDS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "es": ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
}
TEMPLATES = {
    "en": ("a handwritten {d}", "a photo of the digit {d}", "the number {d}", "a {a} handwritten {d}", "a handwritten {d}, {a}"),
    "es": ("un {d} escrito a mano", "una foto del dígito {d}", "el número {d}", "un {d} escrito a mano, {a}"),
}
ATTRIBUTES = {
    "en": {
        "thick": "with thick strokes",
        "thin": "with thin strokes",
        "left": "slanted left",
        "right": "slanted right",
        "small": "small",
        "large": "large",
    },
    "es": {
        "thick": "de trazo grueso",
        "thin": "de trazo fino",
        "left": "inclinado a la izquierda",
        "right": "inclinado a la derecha",
        "small": "pequeño",
        "large": "grande",
    },
}
ZERO_SHOT_TEMPLATE = "a handwritten {d}"


def attributes(images: Tensor, labels: Tensor) -> list[list[str]]:
    """Returns the attribute keys of each digit `[N, 1, 8, 8]`: stroke weight, slant and size, measured from its ink."""
    ink = images.flatten(1).sum(1)  # [N]
    rows, cols = torch.meshgrid(torch.arange(8.0), torch.arange(8.0), indexing="ij")
    mass = images[:, 0].clamp_min(0) + 1e-6  # [N, 8, 8]
    total = mass.sum((1, 2))
    mr, mc = (mass * rows).sum((1, 2)) / total, (mass * cols).sum((1, 2)) / total
    # slant: covariance of column against row; a top leaning right has columns growing as rows shrink
    cov = (mass * (rows - mr[:, None, None]) * (cols - mc[:, None, None])).sum((1, 2)) / total
    has_ink = (images[:, 0] > 0.25).any(2).float()  # [N, 8] rows with ink
    height = (7 - has_ink.flip(1).argmax(1)) - has_ink.argmax(1) + 1  # last inked row - first + 1
    class_median = {int(c): ink[labels == c].median() for c in labels.unique()}  # each digit's typical ink
    out: list[list[str]] = []
    for i in range(len(images)):
        keys = []
        median_ink = class_median[int(labels[i])]
        if ink[i] > 1.15 * median_ink:
            keys.append("thick")
        elif ink[i] < 0.85 * median_ink:
            keys.append("thin")
        if cov[i] < -0.6:
            keys.append("right")
        elif cov[i] > 0.6:
            keys.append("left")
        if height[i] <= 5:
            keys.append("small")
        out.append(keys)
    return out


def caption(label: int, keys: list[str], rng: random.Random) -> str:
    """Returns one random caption of a digit with its attribute keys."""
    lang = rng.choice(("en", "es"))
    digit = rng.choice((WORDS[lang][label], str(label)))
    templates = (
        [t for t in TEMPLATES[lang] if ("{a}" in t) == bool(keys)]
        if keys and rng.random() < 0.7
        else [t for t in TEMPLATES[lang] if "{a}" not in t]
    )
    attribute = ATTRIBUTES[lang][rng.choice(keys)] if keys else ""
    return rng.choice(templates).format(d=digit, a=attribute)


def corpus() -> list[str]:
    """Returns every word the captions use, in sentences (what the tokenizer is trained on)."""
    lines = []
    for lang in ("en", "es"):
        for label in range(10):
            for template in TEMPLATES[lang]:
                for a in [*ATTRIBUTES[lang].values()]:
                    for d in (WORDS[lang][label], str(label)):
                        lines.append(template.format(d=d, a=a))
    return lines


def mini_clip_config(vocab_size: int, *, width: int = 64, layers: int = 2) -> Any:
    """Returns the `CLIPConfig` of the mini CLIP: a ViT on 8x8 images with 2x2 patches and a small text transformer."""
    from transformers import CLIPConfig

    return CLIPConfig(
        text_config={
            "vocab_size": vocab_size,
            "hidden_size": width,
            "intermediate_size": 2 * width,
            "num_hidden_layers": layers,
            "num_attention_heads": 4,
            "max_position_embeddings": 32,
            "bos_token_id": 0,
            "eos_token_id": 1,
            "pad_token_id": 1,
        },
        vision_config={
            "image_size": 8,
            "patch_size": 2,
            "num_channels": 3,
            "hidden_size": width,
            "intermediate_size": 2 * width,
            "num_hidden_layers": layers,
            "num_attention_heads": 4,
        },
        projection_dim=32,
    )


def to_pixels(images: Tensor) -> Tensor:
    """Returns digits `[N, 1, 8, 8]` in [0, 1] as the model's input `[N, 3, 8, 8]` (grey to RGB, normalised to [-1, 1])."""
    return (images.expand(-1, 3, -1, -1) - 0.5) / 0.5


def clip_loss(logits_per_image: Tensor) -> Tensor:
    """Returns CLIP's symmetric cross-entropy: image i should pick text i, and text i image i."""
    target = torch.arange(len(logits_per_image))
    return 0.5 * (F.cross_entropy(logits_per_image, target) + F.cross_entropy(logits_per_image.T, target))


@torch.no_grad()
def zero_shot(model: Any, tokenizer: Any, images: Tensor, prompts: list[str]) -> Tensor:
    """Returns the probabilities `[N, K]` that each digit matches each prompt (softmax of scaled cosine similarities)."""
    text = tokenizer(prompts, padding=True, return_tensors="pt")
    out = model(input_ids=text.input_ids, attention_mask=text.attention_mask, pixel_values=to_pixels(images))
    return out.logits_per_image.softmax(dim=1)


def zero_shot_accuracy(model: Any, tokenizer: Any, images: Tensor, labels: Tensor, template: str = ZERO_SHOT_TEMPLATE) -> float:
    """Returns the share of digits whose most probable prompt `template` names their digit (English words)."""
    probs = zero_shot(model, tokenizer, images, [template.format(d=w) for w in WORDS["en"]])
    return (probs.argmax(1) == labels).float().mean().item()


def mini_clip_trainer(
    model: Any, tokenizer: Any, images: Tensor, labels: Tensor, *, batch_size: int = 128, lr: float = 1e-3, seed: int = 0
) -> Trainer:
    """Returns a `Trainer` whose steps are AdamW steps on CLIP's loss over a batch of digits and fresh captions."""
    keys = attributes(images, labels)
    rng = random.Random(seed)
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)

    def step() -> dict[str, float]:
        model.train()
        pick = torch.randperm(len(images), generator=generator)[:batch_size]
        texts = [caption(int(labels[i]), keys[i], rng) for i in pick.tolist()]
        text = tokenizer(texts, padding=True, return_tensors="pt")
        out = model(input_ids=text.input_ids, attention_mask=text.attention_mask, pixel_values=to_pixels(images[pick]))
        loss = clip_loss(out.logits_per_image)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            model.logit_scale.clamp_(0, 4.6052)  # temperature at most 100, as in the paper
        return {"loss": loss.item()}

    return Trainer(step)


def train_mini_clip(out: str | Path, *, steps: int = 3000, seed: int = 0, width: int = 64, layers: int = 2) -> Iterator[Progress]:
    """Trains the mini CLIP on the digits' train split, saves it (model, processor, tokenizer) in `out`, yields progress.

    The final report's metrics include `zero_shot_accuracy` on the test split with "a handwritten {digit}".
    """
    from transformers import CLIPImageProcessor, CLIPModel, CLIPProcessor

    from core.data.images import load_digits
    from core.pretrained import build_clip_tokenizer

    out = Path(out)
    tokenizer = build_clip_tokenizer(corpus(), out)
    torch.manual_seed(seed)
    model = CLIPModel(mini_clip_config(len(tokenizer), width=width, layers=layers))
    images, labels = load_digits("train")
    last = yield from run_recipe(mini_clip_trainer(model, tokenizer, images, labels, seed=seed), steps)
    model.eval()
    test_images, test_labels = load_digits("test")
    last.metrics["zero_shot_accuracy"] = zero_shot_accuracy(model, tokenizer, test_images, test_labels)
    model.save_pretrained(out)
    pixels = CLIPImageProcessor(
        size={"shortest_edge": 8}, crop_size={"height": 8, "width": 8}, image_mean=[0.5] * 3, image_std=[0.5] * 3, do_convert_rgb=True
    )
    CLIPProcessor(image_processor=pixels, tokenizer=tokenizer).save_pretrained(out)
    (out / "TRAINED_WITH.txt").write_text(
        f"{recipe_command('mini-clip', steps, seed)}\nzero-shot accuracy (test, '{ZERO_SHOT_TEMPLATE}'): "
        f"{last.metrics['zero_shot_accuracy']:.4f}\n",
        encoding="utf-8",
    )
    yield last
