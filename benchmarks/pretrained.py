"""The mini CLIP and the mini latent diffusion pipeline: quality, latency and the loaders' overhead.

- Mini CLIP zero-shot accuracy on the 364 test digits with "a handwritten {digit}" (target: 90%), and
  with numerals and the Spanish captions.
- Mini latent diffusion: the share of images per digit that the digits classifier reads as the digit
  asked for ("a handwritten {digit}", default steps and guidance; target: 90% for every digit); 20
  images per digit (5 in quick mode).
- Latency: one mini text-to-image at the default steps through the tab's streamed path, against the
  pipeline called directly (the streaming's cost); one zero-shot call through the tab's path (the
  model's processor), against the bare model on ready tensors.
- Loaders: loading a model that is already cached, against loading it the first time (ratio: should
  be almost 0).
"""

from __future__ import annotations

import time
from typing import Any

from benchmarks.common import median, target


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(quick: bool) -> dict[str, Any]:
    """Returns the accuracies, latencies and loader overheads of the shipped mini models."""
    import torch

    from core import pretrained
    from core.assets import DIGITS_CLASSIFIER_PATH, MINI_CLIP_DIR, MINI_LDM_DIR
    from core.checkpoint import load_model
    from core.clip_tools import embed, zero_shot_probs
    from core.data.images import load_digits
    from core.latent_diffusion import text_to_image_steps
    from core.mini_clip import WORDS, to_pixels, zero_shot, zero_shot_accuracy
    from core.mini_ldm import DEFAULT_GUIDANCE, DEFAULT_STEPS, IMAGE_SIZE, per_digit_accuracy

    torch.set_num_threads(1)
    results: dict[str, Any] = {}
    # 1. loaders: first load against a cached one
    pretrained._CLIP_CACHE.clear()
    pretrained.release_pipeline()
    results["clip_first_load_s"] = _timed(lambda: pretrained.load_clip(MINI_CLIP_DIR))
    results["clip_cached_load_s"] = median(_timed(lambda: pretrained.load_clip(MINI_CLIP_DIR)) for _ in range(5))
    results["pipeline_first_load_s"] = _timed(lambda: pretrained.load_pipeline(MINI_LDM_DIR))
    results["pipeline_cached_load_s"] = median(_timed(lambda: pretrained.load_pipeline(MINI_LDM_DIR)) for _ in range(5))
    results["clip_cached_over_first"] = results["clip_cached_load_s"] / results["clip_first_load_s"]
    results["pipeline_cached_over_first"] = results["pipeline_cached_load_s"] / results["pipeline_first_load_s"]

    # 2. mini CLIP quality
    model, processor = pretrained.load_clip(MINI_CLIP_DIR)
    images, labels = load_digits("test")
    results["clip_zero_shot_accuracy"] = zero_shot_accuracy(model, processor.tokenizer, images, labels)
    for name, prompts in (
        ("numerals", [f"a handwritten {d}" for d in range(10)]),
        ("spanish", [f"un {w} escrito a mano" for w in WORDS["es"]]),
    ):
        probs = zero_shot(model, processor.tokenizer, images, prompts)
        results[f"clip_zero_shot_accuracy_{name}"] = (probs.argmax(1) == labels).float().mean().item()

    # 3. latency of one zero-shot call: the tab's path against the bare model on ready tensors
    texts = [f"a handwritten {w}" for w in WORDS["en"]]
    ids = processor.tokenizer(texts, padding=True, return_tensors="pt")
    pixels = to_pixels(images[:1])
    repeats = 3 if quick else 15
    tab, bare = [], []
    for _ in range(repeats):  # alternate to share the machine's noise
        tab.append(_timed(lambda: zero_shot_probs(embed(model, processor, [images[0]], texts))))
        with torch.no_grad():
            bare.append(_timed(lambda: model(input_ids=ids.input_ids, attention_mask=ids.attention_mask, pixel_values=pixels)))
    results["clip_call_ms"] = 1000 * median(tab)
    results["clip_bare_call_ms"] = 1000 * median(bare)
    results["clip_call_over_bare"] = median(tab) / median(bare)

    # 4. mini text-to-image: the streamed path against calling the pipeline
    pipe = pretrained.load_pipeline(MINI_LDM_DIR)
    streamed, direct = [], []
    for seed in range(2 if quick else 5):
        streamed.append(
            _timed(
                lambda seed=seed: list(
                    text_to_image_steps(
                        pipe,
                        "a handwritten seven",
                        steps=DEFAULT_STEPS,
                        guidance=DEFAULT_GUIDANCE,
                        seed=seed,
                        height=IMAGE_SIZE,
                        width=IMAGE_SIZE,
                    )
                )
            )
        )
        direct.append(
            _timed(
                lambda seed=seed: pipe(
                    "a handwritten seven",
                    num_inference_steps=DEFAULT_STEPS,
                    guidance_scale=DEFAULT_GUIDANCE,
                    height=IMAGE_SIZE,
                    width=IMAGE_SIZE,
                    generator=torch.Generator().manual_seed(seed),
                )
            )
        )
    results["txt2img_s"] = median(streamed)
    results["txt2img_direct_s"] = median(direct)
    results["txt2img_streamed_over_direct"] = median(streamed) / median(direct)

    # 5. mini latent diffusion quality
    per_digit = 5 if quick else 20
    accuracy = per_digit_accuracy(pipe, load_model(DIGITS_CLASSIFIER_PATH), per_digit=per_digit, seed=1000)
    results["ldm_images_per_digit"] = per_digit
    results["ldm_accuracy_min"] = min(accuracy)
    results["ldm_accuracy_mean"] = sum(accuracy) / len(accuracy)
    results["ldm_accuracy_per_digit"] = [{"digit": d, "accuracy": a} for d, a in enumerate(accuracy)]
    pretrained.release_pipeline()
    results["targets"] = {
        "clip_zero_shot_accuracy": target(results["clip_zero_shot_accuracy"], minimum=0.9),
        "ldm_accuracy_min": target(results["ldm_accuracy_min"], minimum=0.9),
        "clip_cached_over_first": target(results["clip_cached_over_first"], maximum=0.01),
        "pipeline_cached_over_first": target(results["pipeline_cached_over_first"], maximum=0.01),
    }
    return results
