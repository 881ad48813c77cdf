"""Image quality against a reference: PSNR and SSIM, the two figures NeRF and splatting papers report.

SSIM follows Wang et al. 2004 (https://ieeexplore.ieee.org/document/1284395) with the usual settings:
an 11x11 Gaussian window of sigma 1.5, K1 = 0.01, K2 = 0.03, data range 1, averaged over the channels
and the valid (unpadded) windows, as `skimage.metrics.structural_similarity(gaussian_weights=True,
use_sample_covariance=False)` computes it.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import Tensor


def psnr(predicted: Tensor, target: Tensor) -> float:
    """Returns the peak signal-to-noise ratio in dB of images in [0, 1]: -10 log10(mean squared error)."""
    mse = torch.mean((predicted.clamp(0, 1) - target) ** 2).item()
    return math.inf if mse == 0 else -10.0 * math.log10(mse)


def ssim(predicted: Tensor, target: Tensor, *, window: int = 11, sigma: float = 1.5) -> float:
    """Returns the mean structural similarity of two images [H, W, C] in [0, 1] (1 for identical images)."""
    c1, c2 = 0.01**2, 0.03**2
    x = predicted.clamp(0, 1).permute(2, 0, 1)[:, None].double()  # [C, 1, H, W]
    y = target.permute(2, 0, 1)[:, None].double()
    offsets = torch.arange(window, dtype=torch.float64) - (window - 1) / 2
    g = torch.exp(-(offsets**2) / (2 * sigma**2))
    g = g / g.sum()
    kernel = (g[:, None] * g[None, :])[None, None]  # [1, 1, k, k]

    def blur(z: Tensor) -> Tensor:
        return F.conv2d(z, kernel)  # valid windows only

    mu_x, mu_y = blur(x), blur(y)
    var_x = blur(x * x) - mu_x**2
    var_y = blur(y * y) - mu_y**2
    cov = blur(x * y) - mu_x * mu_y
    score = ((2 * mu_x * mu_y + c1) * (2 * cov + c2)) / ((mu_x**2 + mu_y**2 + c1) * (var_x + var_y + c2))
    return score.mean().item()


@dataclass
class JpegResult:
    """The best JPEG of an image that fits a byte budget."""

    image: Tensor  # [H, W, 3] decoded, in [0, 1]
    quality: int  # PIL's quality setting, 1-95
    size: int  # bytes of the file
    psnr: float  # against the original


def jpeg_within(image: Tensor, max_bytes: int) -> JpegResult | None:
    """Returns the highest-quality JPEG of `image` [H, W, 3] in [0, 1] whose file takes at most `max_bytes` (None if none does).

    The reference a compact representation is measured against: a 2D Gaussian fit stores a few numbers per
    Gaussian, and a JPEG of the same size is what a person would use instead.
    """
    pixels = Image.fromarray((image.clamp(0, 1).numpy() * 255).round().astype(np.uint8))

    def encode(quality: int) -> bytes:
        buffer = io.BytesIO()
        pixels.save(buffer, format="JPEG", quality=quality)
        return buffer.getvalue()

    low, high, best = 1, 95, None
    while low <= high:  # the file grows with the quality: binary search for the largest that fits
        quality = (low + high) // 2
        data = encode(quality)
        if len(data) <= max_bytes:
            best, low = (quality, data), quality + 1
        else:
            high = quality - 1
    if best is None:
        return None
    quality, data = best
    decoded = torch.from_numpy(np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.float32) / 255.0)
    return JpegResult(decoded, quality, len(data), psnr(decoded, image))
