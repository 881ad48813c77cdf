"""unCLIP on the mini CLIP: what the prior buys, how faithful variations are, and how long the pipeline takes.

- Why a prior: unCLIP (prior + decoder), the same decoder fed the text embedding directly, and the caption-only
  decoder, on the same captions (100 per digit, 6 in quick mode), over 3 seeds (1 in quick mode): the share the
  digits classifier reads as the requested digit (target for unCLIP: 90%), the CLIP score, the diversity (mean
  pairwise distance in the classifier's features, per digit) and recall / coverage against the real test digits
  of the digit (`core.unclip.evaluate`).
- Variations: every test digit's CLIP image embedding decoded 4 times (2 in quick mode); the share read as the
  source digit's class (target: 90%).
- Time: the full pipeline for 8 samples at the default steps (target: under 2 s), against the Diffusion tab's
  class-conditional U-Net drawing 8 digits at its own default steps, measured alternately in the same run.
"""

from __future__ import annotations

import time
from typing import Any

from benchmarks.common import median, target


def run(quick: bool) -> dict[str, Any]:
    """Returns the comparison of the three methods, the variations' class share and the pipeline's time."""
    import torch

    from core.assets import classifier
    from core.data.images import load_digits
    from core.diffusion.digits import shipped_diffusion
    from core.unclip.evaluate import METHODS, SCORES, compare, variation_class_share
    from core.unclip.pipeline import DEFAULTS, shipped_unclip

    torch.set_num_threads(1)
    pipe, judge = shipped_unclip(), classifier()
    test = load_digits("test")
    per_class, seeds = (6, 1) if quick else (100, 3)  # recall and coverage need more than 5 samples per digit
    results: dict[str, Any] = {"captions_per_digit": per_class, "seeds": seeds, "defaults": dict(DEFAULTS)}

    # 1. why a prior: the three methods on the same captions, seed by seed
    runs = [compare(pipe, judge, test, per_class=per_class, seed=seed) for seed in range(seeds)]
    results["per_seed"] = runs
    for method in METHODS:
        for score in SCORES:
            results[f"{method}_{score}"] = float(sum(r[method][score] for r in runs) / seeds)
    results["diversity_unclip_over_caption_only"] = results["unclip_diversity"] / results["caption_only_diversity"]
    results["accuracy_unclip_minus_caption_only"] = results["unclip_accuracy"] - results["caption_only_accuracy"]

    # 2. variations of the test digits keep their class
    images, labels = test if not quick else (test[0][:50], test[1][:50])
    results["variation_class_share"] = variation_class_share(
        pipe, judge, images, labels, per_image=2 if quick else 4, generator=torch.Generator().manual_seed(0)
    )

    # 3. time: 8 samples through the whole pipeline, against the class-conditional U-Net's 8 digits, alternately
    diffusion = shipped_diffusion("epsilon")
    labels8 = torch.full((8,), 7)
    pipeline_s, reference_s = [], []
    for i in range(1 if quick else 5):
        start = time.perf_counter()
        pipe.sample(8, labels=labels8, generator=torch.Generator().manual_seed(i))
        pipeline_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        diffusion.sample(8, labels=labels8, generator=torch.Generator().manual_seed(i))
        reference_s.append(time.perf_counter() - start)
    results["pipeline_8_samples_s"] = median(pipeline_s)
    results["class_unet_8_samples_s"] = median(reference_s)
    results["pipeline_over_class_unet"] = results["pipeline_8_samples_s"] / results["class_unet_8_samples_s"]
    results["targets"] = {
        "unclip_accuracy": target(results["unclip_accuracy"], minimum=0.9),
        "variation_class_share": target(results["variation_class_share"], minimum=0.9),
        "pipeline_8_samples_s": target(results["pipeline_8_samples_s"], 2.0),
    }
    return results
