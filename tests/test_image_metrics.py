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
