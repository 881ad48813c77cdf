"""The Diffusion tab: quality of the shipped digits models, 2D mode coverage, sampling speed, latency.

- Digits: the share of conditional samples (default guidance, DDIM at the default steps) the
  classifier reads as the requested class (target at least 95%), and the class-histogram KL to
  uniform of 2,000 unconditional samples (target at most 0.05), for each shipped prediction target.
- Steps against quality (the speed corner of the trilemma): for DDPM and DDIM at several step
  counts, the classifier-judged accuracy of conditional samples, the class histogram of
  unconditional ones, the gallery's FID of the unconditional samples against the test split (with
  the real-vs-real baseline at the same sample size), and the seconds each took. The tab draws this curve from the results file.
- 2D: a small denoiser trained at the tab's default budget on the ring and the grid (the
  foundation's exact configs), 2,500 samples, 5 seeds: modes captured, % high quality, reverse KL.
- Speed: seconds to sample 64 digits with DDIM at 50 steps and DDPM at 1,000 (targets under 1 s and
  15 s), and our sampling loop against `diffusers`' loop (its DDIMScheduler) around the same
  network, measured alternately in the same run (target: ratio at most 1.05).
- Latency of the forward-process slider (the handler, figures included; target median under 50 ms).
"""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from benchmarks.common import median, target

TOY_DATASETS = ("ring", "grid")

CURVE_STEPS = (10, 20, 50, 100, 250, 1000)


def toy_run(job: tuple[str, int, int]) -> dict[str, Any]:
    """Trains the 2D denoiser as the tab does and returns the mode coverage of 2,500 samples."""
    import torch

    from core.data.toy2d import make_toy
    from core.diffusion.schedule import NoiseSchedule
    from core.diffusion.training import diffusion_trainer, sample
    from core.diffusion.unet import ToyConfig, ToyDenoiser
    from core.metrics.modes import mode_coverage
    from core.training import run_to_end
    from demos.diffusion_toy import TOY_STEPS

    torch.set_num_threads(1)
    dataset, seed, steps = job
    generator = torch.Generator().manual_seed(seed)
    data = make_toy(dataset, 10_000, generator=generator)  # type: ignore[arg-type]
    torch.manual_seed(seed)
    model = ToyDenoiser(ToyConfig(num_train_timesteps=TOY_STEPS))
    schedule = NoiseSchedule.named("linear", TOY_STEPS)
    start = time.perf_counter()
    run_to_end(diffusion_trainer(model, data.points, schedule, "epsilon", batch_size=256, lr=3e-3, decay_steps=steps, generator=generator), steps)
    seconds = time.perf_counter() - start
    points = sample(model, schedule, "epsilon", (2500, 2), sampler="ddpm", steps=TOY_STEPS, generator=torch.Generator().manual_seed(seed + 1))
    mc = mode_coverage(points, data.centers, data.std)
    return {"dataset": dataset, "seed": seed, "modes": mc.modes_captured, "num_modes": mc.num_modes, "high_quality": mc.high_quality,
            "reverse_kl": mc.reverse_kl, "train_s": seconds}  # fmt: skip


def _toy(quick: bool) -> tuple[list[dict], list[dict]]:
    seeds = range(1) if quick else range(5)
    datasets = ("ring",) if quick else TOY_DATASETS
    from demos.diffusion_toy import TOY_TRAIN_DEFAULT  # the tab's default budget

    steps = 400 if quick else TOY_TRAIN_DEFAULT
    with ProcessPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(toy_run, [(d, s, steps) for d in datasets for s in seeds]))
    rows = []
    for dataset in datasets:
        group = [r for r in runs if r["dataset"] == dataset]

        def stat(key: str, group: list[dict] = group) -> tuple[float, float]:
            values = [float(r[key]) for r in group]
            return statistics.fmean(values), statistics.pstdev(values)

        (m, ms), (hq, hqs), (kl, kls) = stat("modes"), stat("high_quality"), stat("reverse_kl")
        rows.append({"dataset": dataset, "seeds": len(group), "train_steps": steps, "modes_mean": m, "modes_std": ms, "num_modes": group[0]["num_modes"],
                     "hq_mean": hq, "hq_std": hqs, "kl_mean": kl, "kl_std": kls})  # fmt: skip
    return rows, runs


def _curve(quick: bool) -> list[dict]:
    import torch

    from core.classifier import judge_digits
    from core.data.images import load_digits
    from core.diffusion.digits import DEFAULT_GUIDANCE, generate
    from core.metrics.fid import gallery_fid, real_baseline_fid
    from demos.models import classifier, diffusion_unet

    model = diffusion_unet("epsilon")
    per_class = 5 if quick else 20
    labels = torch.arange(10).repeat_interleave(per_class)
    test = load_digits("test")[0]
    baseline = real_baseline_fid(classifier(), len(labels), generator=torch.Generator().manual_seed(0))
    rows = []
    for steps in (10, 20) if quick else CURVE_STEPS:
        for sampler in ("ddpm", "ddim"):
            start = time.perf_counter()
            images = generate(model, labels, guidance=DEFAULT_GUIDANCE, sampler=sampler, steps=steps, eta=1.0 if sampler == "ddpm" else 0.0,
                              generator=torch.Generator().manual_seed(0))  # fmt: skip
            seconds = time.perf_counter() - start
            accuracy = (classifier().predict_proba(images).argmax(1) == labels).float().mean().item()
            free = generate(model, None, num=len(labels), sampler=sampler, steps=steps, eta=1.0 if sampler == "ddpm" else 0.0,
                            generator=torch.Generator().manual_seed(1))  # fmt: skip
            verdict = judge_digits(classifier(), free)
            rows.append({"sampler": sampler, "steps": steps, "conditional_accuracy": accuracy, "unconditional_class_kl": verdict["class_kl"],
                         "unconditional_confident_share": verdict["confident_share"], "seconds_per_sample": seconds / len(labels),
                         "fid": gallery_fid(classifier(), free, test), "real_baseline_fid": baseline})  # fmt: skip
    return rows


def _speed(quick: bool) -> dict[str, float]:
    import torch
    from diffusers import DDIMScheduler

    from core.diffusion.digits import generate
    from demos.models import diffusion_unet

    model = diffusion_unet("epsilon")
    repeats = 1 if quick else 3

    def ours(steps: int, sampler: str) -> float:
        start = time.perf_counter()
        generate(model, None, num=64, sampler=sampler, steps=steps, generator=torch.Generator().manual_seed(0))
        return time.perf_counter() - start

    @torch.no_grad()
    def theirs(steps: int) -> float:
        scheduler = DDIMScheduler(num_train_timesteps=1000, clip_sample=False)
        start = time.perf_counter()
        scheduler.set_timesteps(steps)
        x = torch.randn(64, 1, 8, 8, generator=torch.Generator().manual_seed(0))
        for t in scheduler.timesteps:
            x = scheduler.step(model(x, t).sample, t, x).prev_sample
        return time.perf_counter() - start

    ddim_ours, ddim_theirs = [], []
    for _ in range(3 if quick else 7):  # alternate to share the machine's noise
        ddim_ours.append(ours(50, "ddim"))
        ddim_theirs.append(theirs(50))
    ddpm = [ours(1000, "ddpm") for _ in range(repeats)] if not quick else [ours(100, "ddpm") * 10]
    return {"ddim50_64_digits_s": median(ddim_ours), "diffusers_ddim50_64_digits_s": median(ddim_theirs),
            "ours_over_diffusers_ratio": median(ddim_ours) / median(ddim_theirs), "ddpm1000_64_digits_s": median(ddpm)}  # fmt: skip


def _latency(quick: bool) -> dict[str, float]:
    from demos.diffusion import forward

    times = []
    for i in range(10 if quick else 40):
        start = time.perf_counter()
        forward("photo", 0, "astronaut", None, "linear", (37 * i) % 1000, 0, None)
        times.append(1000 * (time.perf_counter() - start))
    return {"forward_slider_ms": median(times[2:])}


def run(quick: bool) -> dict[str, Any]:
    """Returns the digits figures, the steps-quality curve, 2D coverage, speed and latency."""
    import torch

    from core.diffusion.digits import evaluate_digits
    from core.train import DIFFUSION_PATHS
    from demos.models import classifier, diffusion_unet

    torch.set_num_threads(1)
    predictions = ("epsilon",) if quick else tuple(DIFFUSION_PATHS)
    digits = []
    for prediction in predictions:
        figures = evaluate_digits(diffusion_unet(prediction), classifier(), per_class=10 if quick else 100, unconditional=500 if quick else 2000)
        digits.append({"prediction": prediction, **figures})
    toy_rows, toy_runs = _toy(quick)
    results: dict[str, Any] = {"digits": digits, "curve": _curve(quick), "toy": toy_rows, "toy_runs": toy_runs}
    results.update(_speed(quick))
    results.update(_latency(quick))
    eps = digits[0]
    targets = {
        "conditional_accuracy": target(eps["conditional_accuracy"], minimum=0.95),
        "unconditional_class_kl": target(eps["unconditional_class_kl"], maximum=0.05),
        "ddim50_64_digits_s": target(results["ddim50_64_digits_s"], maximum=1.0),
        "ddpm1000_64_digits_s": target(results["ddpm1000_64_digits_s"], maximum=15.0),
        "ours_over_diffusers_ratio": target(results["ours_over_diffusers_ratio"], maximum=1.05),
        "forward_slider_ms": target(results["forward_slider_ms"], maximum=50.0),
    }
    for row in toy_rows:
        targets[f"{row['dataset']}_modes"] = target(row["modes_mean"], minimum=row["num_modes"])
        targets[f"{row['dataset']}_high_quality"] = target(row["hq_mean"], minimum=0.9)
    results["targets"] = targets
    return results
