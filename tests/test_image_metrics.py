"""PSNR and SSIM against their definitions and scikit-image's SSIM."""

import math

import pytest
import torch
from skimage.metrics import structural_similarity

from core.metrics.image import psnr, ssim


def test_psnr_follows_its_definition():
    assert psnr(torch.zeros(4, 4, 3), torch.full((4, 4, 3), 0.1)) == pytest.approx(20.0)
    assert psnr(torch.ones(2, 2, 3), torch.ones(2, 2, 3)) == math.inf


@pytest.mark.parametrize("noise", [0.02, 0.1, 0.4])
def test_ssim_matches_scikit_image(noise):
    g = torch.Generator().manual_seed(0)
    target = torch.rand(40, 48, 3, generator=g)
    predicted = (target + noise * torch.randn(40, 48, 3, generator=g)).clamp(0, 1)
    reference = structural_similarity(
        predicted.numpy(), target.numpy(), channel_axis=2, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1.0
    )
    assert ssim(predicted, target) == pytest.approx(reference, abs=1e-5)
    assert ssim(target, target) == pytest.approx(1.0)


def test_jpeg_within_a_budget_is_the_best_quality_that_fits():
    import io

    from PIL import Image

    from core.data.images import load_photo
    from core.metrics.image import jpeg_within

    image = load_photo("astronaut", size=64)[:3].permute(1, 2, 0).contiguous()
    small, large = jpeg_within(image, 1500), jpeg_within(image, 6000)
    assert small is not None and large is not None
    assert small.size <= 1500 and large.size <= 6000 and large.quality > small.quality and large.psnr > small.psnr
    # one quality step more would not fit: the search found the largest
    pixels = Image.fromarray((image.numpy() * 255).round().astype("uint8"))
    buffer = io.BytesIO()
    pixels.save(buffer, format="JPEG", quality=small.quality + 1)
    assert len(buffer.getvalue()) > 1500
    assert jpeg_within(image, 10) is None
