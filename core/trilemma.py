"""The generative trilemma at classroom scale: train each family, sample it, measure it the same way.

A "unit" is one training run: a GAN (non-saturating or WGAN-GP), a VAE, a diffusion denoiser (one
network, sampled three ways: DDPM with 1,000 steps, DDIM with 50 and 10), or a denoising diffusion
GAN with 4 or 2 steps. On the 2D datasets every unit is trained here, per seed. On the digits the
gallery's shipped checkpoints stand in where they exist (DCGAN, the 16-D VAE, the epsilon U-Net), so
their seeds are sampling seeds; WGAN-GP and DDGAN on digits are MLPs on the 64 pixels, trained here.

Every model is measured alike on `num_samples` samples:
- quality: precision (Kynkaanniemi et al. 2019) and, on 2D, the share of high-quality samples; on
  digits the gallery's FID (with its real-against-real baseline) and the classifier's confidence;
- coverage: recall, and modes captured with the reverse KL (2D) or the class-histogram KL (digits);
- speed: network evaluations per sample and milliseconds per sample on this CPU, one thread.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor

from core import assets
from core.autoencoders import Autoencoder, AutoencoderConfig, autoencoder_trainer
from core.classifier import judge_digits
from core.data.images import load_digits
from core.data.toy2d import TOY_DATASETS, Toy2D, make_toy
from core.diffusion.ddgan import train_ddgan
from core.diffusion.ddpm import diffusion_trainer, sample
from core.diffusion.digits import SamplerName, shipped_diffusion
from core.diffusion.schedule import NoiseSchedule
from core.diffusion.toy import ToyConfig, ToyDenoiser
from core.gan.dcgan import DCGAN
from core.gan.lab2d import MLPGAN, RECOMMENDED, GANLab, TrainSettings, config_for_data
from core.loop import run_to_end
from core.metrics.fid import classifier_features, feature_frechet, manifold_metrics
from core.metrics.modes import mode_coverage

DATASETS = ("ring", "grid", "digits")
# model name -> (family, network evaluations per sample)
MODELS: dict[str, tuple[str, int]] = {
    "gan": ("gan", 1),
    "wgan_gp": ("gan", 1),
    "vae": ("vae", 1),
    "ddpm_1000": ("diffusion", 1000),
    "ddim_50": ("diffusion", 50),
    "ddim_10": ("diffusion", 10),
    "ddgan_4": ("ddgan", 4),
    "ddgan_2": ("ddgan", 2),
}
UNITS: dict[str, tuple[str, ...]] = {
    "gan": ("gan",),
    "wgan_gp": ("wgan_gp",),
    "vae": ("vae",),
    "diffusion": ("ddpm_1000", "ddim_50", "ddim_10"),
    "ddgan_4": ("ddgan_4",),
    "ddgan_2": ("ddgan_2",),
}
SHIPPED_ON_DIGITS = ("gan", "vae", "diffusion")  # units whose digits model is a shipped checkpoint

# Xiao et al. 2022, table 1 (CIFAR-10, 32x32, one V100 GPU): FID, recall, NFE, seconds per 100 images.
PAPER_TABLE: tuple[dict[str, Any], ...] = (
    {"model": "DDGAN (T=4)", "family": "ddgan", "fid": 3.75, "recall": 0.57, "nfe": 4, "seconds_per_100": 0.21},
    {"model": "DDPM", "family": "diffusion", "fid": 3.21, "recall": 0.57, "nfe": 1000, "seconds_per_100": 80.5},
    {"model": "DDIM (50 steps)", "family": "diffusion", "fid": 4.67, "recall": 0.53, "nfe": 50, "seconds_per_100": 4.01},
    {"model": "StyleGAN2-ADA", "family": "gan", "fid": 2.92, "recall": 0.49, "nfe": 1, "seconds_per_100": 0.04},
    {"model": "NVAE", "family": "vae", "fid": 23.5, "recall": 0.51, "nfe": 1, "seconds_per_100": 0.36},
)


@dataclass(frozen=True)
class Budget:
    """Training steps per unit and samples per measurement."""

    gan_steps: int = 15_000  # generator steps (the GAN Lab's default is 25,000; the comparison keeps its run under an hour)
    vae_steps: int = 10_000
    diffusion_steps: int = 20_000
    ddgan_steps: int = 15_000
    digits_gan_steps: int = 15_000  # WGAN-GP and DDGAN on the 64 pixels
    samples_2d: int = 2500
    samples_digits: int = 1000
    diffusion_timesteps: int = 1000


FULL = Budget()
QUICK = Budget(
    gan_steps=200,
    vae_steps=200,
    diffusion_steps=200,
    ddgan_steps=200,
    digits_gan_steps=200,
    samples_2d=500,
    samples_digits=200,
    diffusion_timesteps=1000,
)

Sampler = Callable[[int, torch.Generator], Tensor]  # (num, generator) -> samples [N, D] or images


def _real(dataset: str, num: int, seed: int) -> Toy2D:
    if dataset not in TOY_DATASETS:
        raise ValueError(f"dataset must be one of {list(TOY_DATASETS)} here, got {dataset!r}")
    return make_toy(dataset, num, generator=torch.Generator().manual_seed(seed))


def _train_gan(points: Tensor, loss: str, steps: int, seed: int) -> Sampler:
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    settings = TrainSettings(loss=loss, **{**RECOMMENDED[loss], "budget": steps})  # type: ignore[arg-type]
    lab = GANLab(MLPGAN(config_for_data(points)), points, settings, generator=generator)
    for _ in range(steps):
        lab.step()
    model = lab.model.eval()
    return lambda num, gen: model.sample(num, generator=gen)


def _train_vae_2d(points: Tensor, steps: int, seed: int) -> Sampler:
    torch.manual_seed(seed)
    model = Autoencoder(AutoencoderConfig(kind="vae", latent_dim=2, hidden=(128, 128), image_shape=(2,), likelihood="gaussian"))
    run_to_end(
        autoencoder_trainer(model, points, batch_size=256, generator=torch.Generator().manual_seed(seed)), steps, report_every=max(steps, 1)
    )
    model.eval()
    return lambda num, gen: model.sample(num, generator=gen)


def _train_diffusion_2d(points: Tensor, steps: int, seed: int, timesteps: int) -> dict[str, Sampler]:
    torch.manual_seed(seed)
    model = ToyDenoiser(ToyConfig(num_train_timesteps=timesteps))
    schedule = NoiseSchedule.named("linear", timesteps)
    # as the Diffusion tab's 2D run: Adam with a decaying learning rate, no moving average (on these narrow
    # modes the weights at the end of the decay sample closer to the modes than their average does)
    trainer = diffusion_trainer(
        model, points, schedule, "epsilon", batch_size=256, lr=3e-3, decay_steps=steps, generator=torch.Generator().manual_seed(seed)
    )
    run_to_end(trainer, steps, report_every=max(steps, 1))
    model.eval()

    def sampler(kind: str, num_steps: int) -> Sampler:
        return lambda num, gen: sample(model, schedule, "epsilon", (num, 2), sampler=kind, steps=num_steps, generator=gen)

    return {"ddpm_1000": sampler("ddpm", timesteps), "ddim_50": sampler("ddim", 50), "ddim_10": sampler("ddim", 10)}


def _train_ddgan(points: Tensor, num_steps: int, steps: int, seed: int, **options) -> Sampler:
    model = train_ddgan(points, steps=steps, seed=seed, num_steps=num_steps, **options).eval()
    return lambda num, gen: model.sample(num, generator=gen)


def _digits_images(flat: Tensor) -> Tensor:
    return flat.reshape(-1, 1, 8, 8).clamp(0, 1)


def train_unit(unit: str, dataset: str, seed: int, budget: Budget) -> dict[str, Sampler]:
    """Returns a sampler per model of `unit` on `dataset`: trained here, or a shipped digits checkpoint."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; choose one of {list(UNITS)}")
    if dataset == "digits":
        return _digits_unit(unit, seed, budget)
    points = _real(dataset, 10_000, seed).points
    if unit in ("gan", "wgan_gp"):
        return {unit: _train_gan(points, "non_saturating" if unit == "gan" else "wgan_gp", budget.gan_steps, seed)}
    if unit == "vae":
        return {"vae": _train_vae_2d(points, budget.vae_steps, seed)}
    if unit == "diffusion":
        return _train_diffusion_2d(points, budget.diffusion_steps, seed, budget.diffusion_timesteps)
    return {unit: _train_ddgan(points, int(unit.split("_")[1]), budget.ddgan_steps, seed)}


def _digits_unit(unit: str, seed: int, budget: Budget) -> dict[str, Sampler]:
    if unit == "gan":
        dcgan = assets.dcgan()
        assert isinstance(dcgan, DCGAN)
        return {"gan": lambda num, gen: dcgan.sample(num, generator=gen)}
    if unit == "vae":
        vae = assets.autoencoder("vae_16d")
        assert isinstance(vae, Autoencoder)
        return {"vae": lambda num, gen: vae.sample(num, generator=gen)}
    if unit == "diffusion":
        diffusion = shipped_diffusion("epsilon")

        def sampler(kind: SamplerName, num_steps: int) -> Sampler:
            return lambda num, gen: diffusion.sample(num, generator=gen, sampler=kind, num_steps=num_steps)

        return {
            "ddpm_1000": sampler("ddpm", diffusion.config.num_train_timesteps),
            "ddim_50": sampler("ddim", 50),
            "ddim_10": sampler("ddim", 10),
        }
    flat = load_digits("train")[0].flatten(1)  # [N, 64]
    if unit == "wgan_gp":
        gan = _train_gan(flat, "wgan_gp", budget.digits_gan_steps, seed)
        return {"wgan_gp": lambda num, gen: _digits_images(gan(num, gen))}
    ddgan = _train_ddgan(flat, int(unit.split("_")[1]), budget.digits_gan_steps, seed, width=256, noise_dim=16)
    return {unit: lambda num, gen: _digits_images(ddgan(num, gen))}


def timed_samples(sampler: Sampler, num: int, seed: int) -> tuple[Tensor, float]:
    """Returns (samples, milliseconds per sample) of one batch of `num` drawn with `seed`."""
    start = time.perf_counter()
    with torch.no_grad():
        samples = sampler(num, torch.Generator().manual_seed(seed))
    return samples, 1000 * (time.perf_counter() - start) / num


def measure_2d(dataset: str, samples: Tensor, seed: int) -> dict[str, float]:
    """Returns mode coverage and precision/recall/density/coverage of 2D `samples` against fresh real points."""
    real = _real(dataset, len(samples), 1_000 + seed)
    finite = samples[torch.isfinite(samples).all(1)]
    assert real.centers is not None and real.std is not None, f"{dataset} has no known modes"  # ring and grid have
    modes = mode_coverage(finite, real.centers, real.std)
    manifold = manifold_metrics(real.points, finite)
    return {
        "modes": float(modes.modes_captured),
        "num_modes": float(modes.num_modes),
        "high_quality": modes.high_quality,
        "reverse_kl": min(modes.reverse_kl, 10.0),
        "frechet": feature_frechet(real.points, finite),
        "precision": manifold.precision,
        "recall": manifold.recall,
        "density": manifold.density,
        "coverage": manifold.coverage,
    }


def measure_digits(images: Tensor, classifier: torch.nn.Module) -> dict[str, float]:
    """Returns the gallery's FID against the test split, precision/recall/density/coverage, and the classifier's verdict."""
    test = classifier_features(classifier, load_digits("test")[0])  # [364, 64]
    fake = classifier_features(classifier, images)
    manifold = manifold_metrics(test, fake[: len(test)])  # equal set sizes
    verdict = judge_digits(classifier, images)
    return {
        "fid": feature_frechet(test, fake),
        "precision": manifold.precision,
        "recall": manifold.recall,
        "density": manifold.density,
        "coverage": manifold.coverage,
        "class_kl": verdict["class_kl"],
        "confident_share": verdict["confident_share"],
    }


def real_baselines(dataset: str, budget: Budget, seed: int = 0) -> dict[str, float]:
    """Returns the same measurements for real data against real data: what a perfect model scores."""
    if dataset == "digits":
        train = load_digits("train")[0]
        generator = torch.Generator().manual_seed(seed)
        num = budget.samples_digits
        # distinct train digits while there are enough (repeats would inflate FID), as `real_baseline_fid` does
        pick = (
            torch.randperm(len(train), generator=generator)[:num]
            if num <= len(train)
            else torch.randint(len(train), (num,), generator=generator)
        )
        return measure_digits(train[pick], assets.classifier())
    return measure_2d(dataset, _real(dataset, budget.samples_2d, 5_000 + seed).points, seed)


def run_unit(job: tuple[str, str, int, Budget]) -> list[dict[str, Any]]:
    """Returns one measured row per model of a unit: (unit, dataset, seed, budget) -> rows with 'sample_preview'."""
    unit, dataset, seed, budget = job
    torch.set_num_threads(1)
    samplers = train_unit(unit, dataset, seed, budget)
    classifier = assets.classifier() if dataset == "digits" else None
    rows = []
    for model, sampler in samplers.items():
        num = budget.samples_digits if dataset == "digits" else budget.samples_2d
        samples, ms = timed_samples(sampler, num, 100 + seed)
        metrics = measure_digits(samples, classifier) if classifier is not None else measure_2d(dataset, samples, seed)
        family, nfe = MODELS[model]
        trained_here = not (dataset == "digits" and unit in SHIPPED_ON_DIGITS)
        preview = samples[:64].reshape(-1, 64) if dataset == "digits" else samples[:500]
        rows.append(
            {
                "dataset": dataset,
                "model": model,
                "family": family,
                "seed": seed,
                "nfe": nfe,
                "ms_per_sample": ms,
                "seed_kind": "training" if trained_here else "sampling",
                **metrics,
                "sample_preview": preview.float(),
            }
        )
    return rows


def jobs(
    budget: Budget, *, datasets: tuple[str, ...] = DATASETS, units: tuple[str, ...] = tuple(UNITS), seeds: int = 3
) -> Iterator[tuple[str, str, int, Budget]]:
    """Yields the (unit, dataset, seed, budget) jobs of a comparison, slowest first (for two workers)."""
    order = {"wgan_gp": 0, "ddgan_4": 1, "ddgan_2": 2, "gan": 3, "diffusion": 4, "vae": 5}
    for unit in sorted(units, key=lambda u: order[u]):
        for dataset in datasets:
            if dataset == "digits" and unit == "ddgan_2":
                continue  # on digits one DDGAN (T = 4, the paper's) is enough
            for seed in range(seeds):
                yield unit, dataset, seed, budget


SUMMARY_KEYS = (
    "ms_per_sample",
    "precision",
    "recall",
    "density",
    "coverage",
    "modes",
    "high_quality",
    "reverse_kl",
    "frechet",
    "fid",
    "class_kl",
    "confident_share",
)


def summarise(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Returns one row per (dataset, model): the mean and the spread (population std) of each measurement over seeds."""
    rows = []
    for dataset in DATASETS:
        for model in MODELS:
            group = [r for r in runs if r["dataset"] == dataset and r["model"] == model]
            if not group:
                continue
            row: dict[str, Any] = {
                "dataset": dataset,
                "model": model,
                "family": group[0]["family"],
                "nfe": group[0]["nfe"],
                "seeds": len(group),
                "seed_kind": group[0]["seed_kind"],
            }
            for key in SUMMARY_KEYS:
                values = [float(r[key]) for r in group if key in r]
                if values:
                    row[key] = statistics.fmean(values)
                    row[f"{key}_std"] = statistics.pstdev(values)
            rows.append(row)
    return rows
