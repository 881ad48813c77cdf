"""The NeRF tab: quality of the shipped fields, the MLP against the voxel grid in seconds, render speed.

- Quality: held-out PSNR and SSIM (mean over the held-out views, 64x64) of the shipped NeRF (target
  at least 28 dB) and the shipped voxel grid.
- Race: both fields trained from scratch on the same views with the same renderer, the held-out PSNR
  measured against training seconds (evaluation time left out). Reported: the seconds each takes to
  reach 25 dB and their ratio (target: the grid at least 5 times sooner), and the grid's PSNR after
  60 s, the tab's live run (target: at least 20 dB). The curves feed the tab's chart.
- Ablations of the paper with our numbers: the NeRF trained for the same 400 steps with L = 0 (no
  positional encoding), with the colour ignoring the direction, and on a quarter of the views.
- Speed: median milliseconds to render a 64x64 novel view with each shipped field as the tab renders it,
  skipping empty space (`core.nerf.occupancy`; target under 150 ms for the NeRF), and with every sample
  through the network as the paper does (`*_full_ms`); the occupancy grid's one-off cost and how far the
  skipping render is from the full one (PSNR); and to profile one ray (target under 50 ms). The
  reference, measured in the same run, is the exact sphere-traced render of the same view. One torch
  thread, as the tab runs.
- Memory: the peak resident memory a live training run adds to a fresh process (psutil).
"""

from __future__ import annotations

import subprocess
import sys
import time
from typing import Any

from benchmarks.common import REPO_ROOT, median, run_sections, target

MIN_PSNR, RACE_PSNR, MIN_SPEEDUP, LIVE_SECONDS, LIVE_PSNR = 28.0, 25.0, 5.0, 60.0, 20.0
MAX_VIEW_MS, MAX_RAY_MS = 150.0, 50.0


def _quality() -> dict[str, Any]:
    from core import assets
    from core.metrics.image import psnr, ssim
    from core.nerf.renderer import render_view
    from core.scene.views import held_out_views

    views = held_out_views(64)
    out: dict[str, Any] = {}
    for kind in ("nerf", "grid"):
        field = assets.radiance_field(kind)
        renders = [render_view(field, c, samples=64).rgb for c in views.cameras]
        out[f"{kind}_psnr"] = sum(psnr(r, i) for r, i in zip(renders, views.images, strict=True)) / len(views)
        out[f"{kind}_ssim"] = sum(ssim(r, i) for r, i in zip(renders, views.images, strict=True)) / len(views)
    return out


def race_curve(
    kind: str, seconds: float, *, size: int, views: int, every: float, decay_steps: int = 2000, **options
) -> dict[str, list[float]]:
    """Returns held-out PSNR against training seconds of a field of `kind` trained from scratch (evaluation not timed)."""
    import torch

    from core.loop import Trainer
    from core.nerf.fitting import DEFAULT_FIT, FitConfig, held_out_psnr, make_field, make_step
    from core.scene.views import held_out_views, train_views
    from core.seeding import init_weights

    field = init_weights(make_field(kind, **options), torch.Generator().manual_seed(0))
    config = FitConfig(**DEFAULT_FIT[kind], steps=decay_steps)
    trainer = Trainer(make_step(field, train_views(views, size), config, generator=torch.Generator().manual_seed(0)))
    held_out = held_out_views(size)
    curve: dict[str, list[float]] = {"seconds": [], "held_out": []}
    trained = 0.0
    while trained < seconds:
        *_, last = trainer.run(10**9, max_seconds=min(every, seconds - trained))
        trained += last.elapsed
        curve["seconds"].append(round(trained, 2))
        curve["held_out"].append(round(held_out_psnr(field, held_out, samples=config.samples), 3))
    return curve


def _first_reaching(curve: dict[str, list[float]], level: float) -> float | None:
    return next((s for s, p in zip(curve["seconds"], curve["held_out"], strict=True) if p >= level), None)


def _race(quick: bool) -> dict[str, Any]:
    size, views = (16, 4) if quick else (64, 48)
    budgets = {"grid": 6.0, "nerf": 6.0} if quick else {"grid": 150.0, "nerf": 420.0}
    every = 2.0 if quick else 10.0
    decay = {"grid": 20, "nerf": 20} if quick else {"grid": 1000, "nerf": 1500}  # about the steps each budget holds
    curves = {
        kind: race_curve(kind, budgets[kind], size=size, views=views, every=every, decay_steps=decay[kind]) for kind in ("grid", "nerf")
    }
    out: dict[str, Any] = {"curves": curves}
    grid_time, nerf_time = _first_reaching(curves["grid"], RACE_PSNR), _first_reaching(curves["nerf"], RACE_PSNR)
    out["grid_seconds_to_25db"] = grid_time if grid_time is not None else float("nan")
    out["nerf_seconds_to_25db"] = nerf_time if nerf_time is not None else float("nan")
    # a field that never reached the level counts as its whole budget (the ratio is then a lower bound)
    out["grid_speedup"] = (nerf_time or budgets["nerf"]) / (grid_time or budgets["grid"])
    live = [p for s, p in zip(curves["grid"]["seconds"], curves["grid"]["held_out"], strict=True) if s <= LIVE_SECONDS]
    out["grid_psnr_at_60s"] = max(live) if live else float("nan")
    return out


def _ablations(quick: bool) -> dict[str, float]:
    import torch

    from core.loop import Trainer
    from core.nerf.fitting import DEFAULT_FIT, FitConfig, held_out_psnr, make_field, make_step
    from core.scene.views import held_out_views, train_views
    from core.seeding import init_weights

    size, views, steps = (16, 4, 20) if quick else (64, 48, 400)
    out = {}
    for name, options, count in (
        ("full", {}, views),
        ("no_encoding", {"frequencies": 0}, views),
        ("no_view_dependence", {"view_dependent": False}, views),
        ("quarter_views", {}, max(2, views // 4)),
    ):
        field = init_weights(make_field("nerf", **options), torch.Generator().manual_seed(0))
        config = FitConfig(**DEFAULT_FIT["nerf"], steps=steps)
        trainer = Trainer(make_step(field, train_views(count, size), config, generator=torch.Generator().manual_seed(0)))
        *_, _last = trainer.run(steps)
        out[f"ablation_{name}_psnr"] = held_out_psnr(field, held_out_views(size), samples=config.samples)
    return out


def _speed(quick: bool) -> dict[str, float]:
    import torch

    from core import assets
    from core.metrics.image import psnr
    from core.nerf.occupancy import occupancy_grid
    from core.nerf.renderer import ray_profile, render_view
    from core.scene import scene
    from core.scene.cameras import orbit_camera

    torch.set_num_threads(1)
    repeats = 3 if quick else 15
    camera = orbit_camera(47.0, 33.0, 4.5, size=64)
    fields = {kind: assets.radiance_field(kind) for kind in ("nerf", "grid")}
    out: dict[str, float] = {}
    grids = {}
    for kind, field in fields.items():  # the occupancy grid is measured once per field (the tab keeps it)
        start = time.perf_counter()
        grids[kind] = occupancy_grid(field)
        out[f"{kind}_occupancy_build_ms"] = 1000 * (time.perf_counter() - start)
        out[f"{kind}_occupied_share"] = grids[kind].fraction
        full, fast = (render_view(field, camera, samples=64, occupancy=g) for g in (None, grids[kind]))
        out[f"{kind}_skip_vs_full_psnr"] = float(psnr(fast.rgb, full.rgb))
    timings: dict[str, list[float]] = {"exact": [], "nerf": [], "grid": [], "nerf_full": [], "grid_full": [], "ray": []}
    for _ in range(repeats):  # alternate, so that a noisy spell hits every measurement alike
        for name, fn in (
            ("exact", lambda: scene.render(camera)),
            ("nerf", lambda: render_view(fields["nerf"], camera, samples=64, occupancy=grids["nerf"])),
            ("grid", lambda: render_view(fields["grid"], camera, samples=64, occupancy=grids["grid"])),
            ("nerf_full", lambda: render_view(fields["nerf"], camera, samples=64)),
            ("grid_full", lambda: render_view(fields["grid"], camera, samples=64)),
            ("ray", lambda: ray_profile(fields["nerf"], camera, 32, 40, samples=64)),
        ):
            start = time.perf_counter()
            fn()
            timings[name].append(1000 * (time.perf_counter() - start))
    for name, values in timings.items():
        out[f"{name}_ms"] = median(values)
    out["nerf_view_vs_exact"] = out["nerf_ms"] / out["exact_ms"]
    out["grid_view_vs_exact"] = out["grid_ms"] / out["exact_ms"]
    out["nerf_skip_speedup"] = out["nerf_full_ms"] / out["nerf_ms"]
    out["grid_skip_speedup"] = out["grid_full_ms"] / out["grid_ms"]
    return out


LIVE_RUN = """
import os, psutil, torch
torch.set_num_threads(1)
from core.loop import Trainer
from core.nerf.fitting import FitConfig, make_field, make_step
from core.scene.views import train_views
views = train_views({views}, {size})
before = psutil.Process().memory_info().rss
field = make_field("{kind}")
trainer = Trainer(make_step(field, views, FitConfig(batch_rays=512, samples=32, lr=0.01)))
*_, last = trainer.run({steps})
print(psutil.Process().memory_info().rss - before)
"""


def _memory(quick: bool) -> dict[str, float]:
    size, views, steps = (16, 4, 5) if quick else (64, 24, 100)
    out = {}
    for kind in ("grid", "nerf"):
        code = LIVE_RUN.format(views=views, size=size, kind=kind, steps=steps)
        result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=600, check=True)
        out[f"{kind}_live_run_mb"] = int(result.stdout.strip().splitlines()[-1]) / 2**20
    return out


SECTIONS = ("quality", "speed", "memory", "race", "ablations")  # what `--only` may name


def run(quick: bool = False, only: tuple[str, ...] = (), previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """Returns the NeRF tab's quality, race, ablation, speed and memory figures, with their targets.

    `only` re-runs those sections and keeps the other figures from `previous` (the results file), noting when.
    """
    sections = {
        "quality": _quality,
        "speed": lambda: _speed(quick),
        "memory": lambda: _memory(quick),
        "race": lambda: _race(quick),
        "ablations": lambda: _ablations(quick),
    }
    results = run_sections(sections, only, previous)
    results["targets"] = {
        "nerf_psnr": target(results["nerf_psnr"], minimum=MIN_PSNR),
        "grid_speedup": target(results["grid_speedup"], minimum=MIN_SPEEDUP),
        "grid_psnr_at_60s": target(results["grid_psnr_at_60s"], minimum=LIVE_PSNR),
        "nerf_ms": target(results["nerf_ms"], MAX_VIEW_MS),
        "ray_ms": target(results["ray_ms"], MAX_RAY_MS),
    }
    return results
