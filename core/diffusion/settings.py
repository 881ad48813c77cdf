"""The noise schedules' names and the digit diffusion model's sampling defaults, as plain data.

Kept apart from the models (`schedule`, `digits`) so that the Diffusion tab can build its knobs without importing PyTorch
(`core.lazy`).
"""

from __future__ import annotations

from typing import Literal

DEFAULT_GUIDANCE = 2.0
DEFAULT_STEPS = 50  # DDIM steps
SamplerName = Literal["ddpm", "ddim"]
SAMPLERS: tuple[SamplerName, ...] = ("ddpm", "ddim")
ScheduleName = Literal["linear", "cosine", "quadratic"]
SCHEDULES: tuple[ScheduleName, ...] = ("linear", "cosine", "quadratic")
Prediction = Literal["epsilon", "sample", "v_prediction"]  # what the network predicts, in `diffusers`' words
PREDICTIONS: tuple[Prediction, ...] = ("epsilon", "sample", "v_prediction")
# the short name of each prediction, as in the shipped files (`unet_v.safetensors`) and the training recipes' names
PREDICTION_SHORT_NAMES: dict[Prediction, str] = {"epsilon": "epsilon", "sample": "sample", "v_prediction": "v"}
