"""Sample-quality metrics: Frechet distance against SciPy and a closed form, KID, precision/recall, density/coverage."""

import numpy as np
import pytest
import torch

from core.metrics.fid import feature_frechet, frechet_distance, kid, manifold_metrics, numpy_frechet_reference


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_frechet_matches_scipy_on_random_covariances(seed):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(500, 16)) @ rng.normal(size=(16, 16))
    b = rng.normal(loc=0.5, size=(400, 16)) @ rng.normal(size=(16, 16))
    ours = feature_frechet(torch.from_numpy(a), torch.from_numpy(b))
    assert ours == pytest.approx(numpy_frechet_reference(a, b), rel=1e-6)


def test_frechet_closed_form_for_diagonal_gaussians():
    # diagonal covariances commute: FD = |mu1 - mu2|^2 + sum (sqrt(s1) - sqrt(s2))^2
    mu1, mu2 = torch.tensor([0.0, 1.0, -2.0]), torch.tensor([1.0, 1.0, 0.0])
    s1, s2 = torch.tensor([1.0, 4.0, 0.25]), torch.tensor([9.0, 1.0, 0.25])
    expected = (mu1 - mu2).pow(2).sum() + (s1.sqrt() - s2.sqrt()).pow(2).sum()
    assert frechet_distance(mu1, torch.diag(s1), mu2, torch.diag(s2)) == pytest.approx(expected.item(), rel=1e-12)
    assert frechet_distance(mu1, torch.diag(s1), mu1, torch.diag(s1)) == pytest.approx(0.0, abs=1e-12)


def test_identical_feature_sets_have_zero_frechet_distance():
    x = torch.randn(300, 8, generator=torch.Generator().manual_seed(0))
    assert feature_frechet(x, x) == pytest.approx(0.0, abs=1e-9)


def test_kid_is_unbiased_on_identical_distributions():
    generator = torch.Generator().manual_seed(0)
    values = [kid(torch.randn(100, 8, generator=generator), torch.randn(100, 8, generator=generator)) for _ in range(200)]
    assert abs(np.mean(values)) < 3 * np.std(values) / np.sqrt(len(values))  # zero within its standard error
    shifted = kid(torch.randn(200, 8, generator=generator), torch.randn(200, 8, generator=generator) + 1)
    assert shifted > 10 * np.std(values)


def test_manifold_metrics_on_constructed_cases():
    generator = torch.Generator().manual_seed(0)
    real = torch.randn(1000, 4, generator=generator)
    same = manifold_metrics(real, real)
    assert same.precision == same.recall == same.coverage == 1.0 and same.density > 1.0  # each point also sits in its own ball
    far = manifold_metrics(real, torch.randn(500, 4, generator=generator) + 100)
    assert far.precision == far.recall == far.coverage == far.density == 0.0
    # a subset: every generated point is real (precision 1) but it covers only part of the real manifold
    half = real[real[:, 0] > 0]
    subset = manifold_metrics(real, half)
    assert subset.precision == 1.0 and subset.recall < 0.75 and subset.coverage < 0.75


def test_coverage_and_density_of_two_samples_of_one_distribution():
    generator = torch.Generator().manual_seed(1)
    results = [manifold_metrics(torch.randn(1000, 8, generator=generator), torch.randn(1000, 8, generator=generator)) for _ in range(3)]
    coverage = np.mean([r.coverage for r in results])
    density = np.mean([r.density for r in results])
    assert coverage == pytest.approx(1 - 2**-5, abs=0.03)  # Naeem et al.: 1 - (1/2)^k for k = 5
    assert density == pytest.approx(1.0, abs=0.1)


def test_too_few_samples_are_refused():
    with pytest.raises(ValueError):
        feature_frechet(torch.randn(1, 3), torch.randn(5, 3))
    with pytest.raises(ValueError):
        manifold_metrics(torch.randn(3, 2), torch.randn(10, 2))


def test_gallery_fid_of_real_digits_is_small_and_grows_with_corruption():
    from core.assets import DIGITS_CLASSIFIER_PATH
    from core.checkpoint import load_model
    from core.data.images import load_digits
    from core.metrics.fid import gallery_fid, real_baseline_fid

    classifier = load_model(DIGITS_CLASSIFIER_PATH)
    train, test = load_digits("train")[0], load_digits("test")[0]
    baseline = real_baseline_fid(classifier, 364, generator=torch.Generator().manual_seed(0))
    assert baseline == pytest.approx(
        gallery_fid(classifier, train[torch.randperm(len(train), generator=torch.Generator().manual_seed(0))[:364]], test)
    )
    noisy = (train[:364] + 0.5 * torch.rand(364, 1, 8, 8, generator=torch.Generator().manual_seed(1))).clamp(0, 1)
    ones = train[load_digits("train")[1] == 1]
    assert baseline < gallery_fid(classifier, noisy, test) and baseline < gallery_fid(classifier, ones, test)
    # the bias: fewer real samples, larger real-vs-real FID
    assert real_baseline_fid(classifier, 50, generator=torch.Generator().manual_seed(0)) > baseline


def test_manifold_metrics_match_a_scikit_learn_reference():
    from core.metrics.fid import numpy_manifold_reference

    rng = np.random.default_rng(3)
    real, fake = rng.normal(size=(400, 6)), rng.normal(loc=0.3, scale=1.2, size=(300, 6))
    ours = manifold_metrics(torch.from_numpy(real), torch.from_numpy(fake))
    reference = numpy_manifold_reference(real, fake)
    for name in ("precision", "recall", "density", "coverage"):
        assert getattr(ours, name) == pytest.approx(getattr(reference, name), abs=1e-12), name
