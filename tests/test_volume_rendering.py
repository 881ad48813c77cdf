"""Volume rendering and ray sampling against known answers: a homogeneous slab, one opaque sample, a known density."""

import math

import numpy as np
import pytest
import torch
from scipy import stats

from core.nerf.encoding import encoded_size, positional_encoding
from core.nerf.rendering import composite
from core.nerf.sampling import importance, midpoints, stratified


def test_a_homogeneous_slab_has_exponential_transmittance_and_the_analytic_opacity():
    sigma, near, far, count = 0.8, 1.0, 3.5, 400
    t_vals = torch.linspace(near, far, count + 1)[:-1][None]  # [1, S], intervals of equal length tiling [near, far]
    rgb = torch.tensor([0.2, 0.4, 0.6]).expand(1, count, 3)
    out = composite(torch.full((1, count), sigma), rgb, t_vals, far, background=(1.0, 1.0, 1.0))
    depth_into = (t_vals - near)[0]
    torch.testing.assert_close(out.transmittance[0], torch.exp(-sigma * depth_into), atol=1e-5, rtol=1e-4)
    opacity = 1 - math.exp(-sigma * (far - near))
    assert out.opacity.item() == pytest.approx(opacity, abs=1e-5)
    assert out.weights.sum().item() == pytest.approx(out.opacity.item(), abs=1e-6)
    expected = opacity * torch.tensor([0.2, 0.4, 0.6]) + (1 - opacity)
    torch.testing.assert_close(out.rgb[0], expected, atol=1e-5, rtol=0)
    # expected stopping depth of an exponential truncated at far: near + 1/sigma - L e^{-sigma L} / (1 - e^{-sigma L})
    length = far - near
    analytic = near + 1 / sigma - length * math.exp(-sigma * length) / (1 - math.exp(-sigma * length))
    assert out.depth.item() == pytest.approx(analytic, abs=0.01)


def test_a_single_opaque_sample_returns_its_colour_and_depth():
    t_vals = torch.tensor([[1.0, 2.0, 3.0, 4.0]])
    sigma = torch.tensor([[0.0, 1e4, 0.0, 5.0]])
    rgb = torch.tensor([[[0, 0, 0], [0.9, 0.1, 0.3], [0, 1, 0], [1, 1, 1]]], dtype=torch.float32)
    out = composite(sigma, rgb, t_vals, 5.0, background=(0.0, 0.0, 1.0))
    torch.testing.assert_close(out.rgb[0], torch.tensor([0.9, 0.1, 0.3]), atol=1e-5, rtol=0)
    assert out.depth.item() == pytest.approx(2.0, abs=1e-5)
    assert out.transmittance[0, 2].item() == pytest.approx(0.0, abs=1e-6), "nothing passes the opaque sample"


def test_an_empty_ray_shows_the_background():
    out = composite(torch.zeros(2, 8), torch.rand(2, 8, 3), torch.linspace(0, 1, 8).expand(2, 8), 1.0, background=(0.1, 0.2, 0.3))
    torch.testing.assert_close(out.rgb, torch.tensor([[0.1, 0.2, 0.3]] * 2))
    assert out.opacity.abs().max() < 1e-6


def test_stratified_samples_fall_one_in_each_bin():
    near, far = torch.tensor([1.0, 2.0]), torch.tensor([3.0, 6.0])
    t_vals = stratified(near, far, 8, generator=torch.Generator().manual_seed(0))
    bins = ((t_vals - near[:, None]) / (far - near)[:, None] * 8).floor()
    assert bins.tolist() == [list(range(8))] * 2
    centred = stratified(near, far, 4, jitter=False)
    torch.testing.assert_close(centred[0], torch.tensor([1.25, 1.75, 2.25, 2.75]))


def test_importance_sampling_draws_from_the_piecewise_constant_density():
    bins = torch.tensor([[0.0, 1.0, 2.0, 4.0, 5.0]])
    weights = torch.tensor([[0.1, 0.0, 0.6, 0.3]])
    samples = importance(bins, weights, 20000, generator=torch.Generator().manual_seed(1))[0].numpy()
    pdf = (weights[0] + 1e-5) / (weights[0] + 1e-5).sum()
    cdf_edges = np.concatenate([[0.0], np.cumsum(pdf.numpy())])
    edges = bins[0].numpy()

    def cdf(x):
        return np.interp(x, edges, cdf_edges)

    assert stats.kstest(samples, cdf).pvalue > 0.01
    assert np.all(np.diff(samples) >= 0), "samples come sorted"
    assert ((samples > 1.0) & (samples < 2.0)).mean() < 0.001, "an empty bin gets (almost) no samples"


def test_midpoints_close_the_bins_with_near_and_far():
    edges = midpoints(torch.tensor([[1.0, 2.0, 4.0]]), torch.tensor([0.5]), torch.tensor([5.0]))
    torch.testing.assert_close(edges, torch.tensor([[0.5, 1.5, 3.0, 5.0]]))


def test_positional_encoding_matches_its_formula():
    p = torch.tensor([[0.3, -0.7, 1.1]])
    encoded = positional_encoding(p, 2)
    assert encoded.shape == (1, encoded_size(2)) == (1, 15)
    x = 0.3
    # [p (3), sin(pi p) (3), cos(pi p) (3), sin(2 pi p) (3), cos(2 pi p) (3)]
    expected_first = [x, math.sin(math.pi * x), math.cos(math.pi * x), math.sin(2 * math.pi * x), math.cos(2 * math.pi * x)]
    assert encoded[0, [0, 3, 6, 9, 12]].tolist() == pytest.approx(expected_first, abs=1e-6)
    torch.testing.assert_close(positional_encoding(p, 0), p)
