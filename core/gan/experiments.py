"""The GAN Lab's ready-made experiments: each names the knobs it sets, by the names of the lab's fields.

A preset's keys are `dataset` and `seed` (which data, which initial weights), fields of `MLPGANConfig`
(the networks) and fields of `TrainSettings` (the training); every knob it leaves out takes its default.
The GAN Lab tab (`demos/gans.py`) loads them into its widgets and says what to watch (text key
"exp_<name>"); `benchmarks/gan2d.py` reruns the "vanishing" one to measure the saturating loss.
"""

from __future__ import annotations

from typing import Any

EXPERIMENTS: dict[str, dict[str, Any]] = {
    # D three steps per G step at 100x G's learning rate: G lands on one mode and stays (1 of 8 on seeds 0-9)
    "mode_collapse": {
        "dataset": "ring",
        "seed": 0,
        "loss": "non_saturating",
        "g_lr": 1e-4,
        "d_lr": 1e-2,
        "d_steps": 3,
        "noise_dim": 2,
        "batch_size": 64,
        "budget": 4000,
        "schedule": "constant",
    },
    "vanishing": {
        "dataset": "ring",
        "seed": 0,
        "loss": "minimax",
        "d_lr": 5e-3,
        "g_lr": 1e-4,
        "d_steps": 5,
        "budget": 2000,
        "schedule": "constant",
    },
    "wgan_clip": {
        "dataset": "ring",
        "seed": 0,
        "loss": "wasserstein",
        "clip": 0.01,
        "g_lr": 5e-4,
        "d_lr": 5e-4,
        "d_steps": 3,
        "budget": 4000,
        "schedule": "constant",
    },
    "wgan_no_clip": {
        "dataset": "ring",
        "seed": 0,
        "loss": "wasserstein",
        "clip": 100.0,
        "g_lr": 5e-4,
        "d_lr": 5e-4,
        "d_steps": 3,
        "budget": 4000,
        "schedule": "constant",
    },
    "fifty_percent": {
        "dataset": "moons",
        "seed": 0,
        "loss": "non_saturating",
        "g_lr": 1e-3,
        "d_lr": 1e-3,
        "budget": 3000,
        "schedule": "constant",
    },
    "oscillation": {
        "dataset": "grid",
        "seed": 0,
        "loss": "non_saturating",
        "g_optimizer": "sgd",
        "d_optimizer": "sgd",
        "g_lr": 0.05,
        "d_lr": 0.05,
        "budget": 3000,
        "schedule": "constant",
    },
}
