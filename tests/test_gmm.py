"""EM for the Gaussian mixture: log density against SciPy, monotone likelihood, known parameters."""

import itertools

import numpy as np
import pytest
import torch
from scipy.stats import multivariate_normal

from core.data.toy2d import make_toy
from core.gmm import GaussianMixture, GMMConfig, em_trainer
from core.loop import run_to_end

TRUE_WEIGHTS = torch.tensor([0.5, 0.3, 0.2], dtype=torch.float64)
TRUE_MEANS = torch.tensor([[-3.0, 0.0], [2.0, 2.0], [2.0, -3.0]], dtype=torch.float64)
TRUE_COVS = torch.tensor([[[0.5, 0.2], [0.2, 0.3]], [[0.2, 0.0], [0.0, 0.6]], [[0.4, -0.15], [-0.15, 0.2]]], dtype=torch.float64)


def known_mixture() -> GaussianMixture:
    gmm = GaussianMixture(GMMConfig(num_components=3))
    gmm.weights.copy_(TRUE_WEIGHTS)
    gmm.means.copy_(TRUE_MEANS)
    gmm.covariances.copy_(TRUE_COVS)
    return gmm


def test_log_prob_matches_scipy():
    gmm = known_mixture()
    x = torch.randn(50, 2, generator=torch.Generator().manual_seed(0), dtype=torch.float64) * 2
    expected = np.log(
        sum(
            w * multivariate_normal(m, c).pdf(x.numpy())
            for w, m, c in zip(TRUE_WEIGHTS.numpy(), TRUE_MEANS.numpy(), TRUE_COVS.numpy(), strict=True)
        )
    )
    assert gmm.log_prob(x).numpy() == pytest.approx(expected, rel=1e-10)


def test_em_never_lowers_the_likelihood():
    data = make_toy("spiral", 800, generator=torch.Generator().manual_seed(1)).points
    gmm = GaussianMixture(GMMConfig(num_components=6))
    final = run_to_end(em_trainer(gmm, data, generator=torch.Generator().manual_seed(2)), 40)
    lls = final.history["log_likelihood"]
    assert len(lls) == 40
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(lls))
    assert lls[-1] > lls[0] + 0.01


def test_em_recovers_a_known_mixture():
    samples = known_mixture().sample(6000, generator=torch.Generator().manual_seed(3))
    gmm = GaussianMixture(GMMConfig(num_components=3))
    run_to_end(em_trainer(gmm, samples, generator=torch.Generator().manual_seed(4)), 200)
    order = torch.cdist(TRUE_MEANS, gmm.means).argmin(dim=1)  # match fitted components to true ones
    assert sorted(order.tolist()) == [0, 1, 2]
    assert gmm.means[order] == pytest.approx(TRUE_MEANS, abs=0.05)
    assert gmm.weights[order] == pytest.approx(TRUE_WEIGHTS, abs=0.02)
    assert gmm.covariances[order] == pytest.approx(TRUE_COVS, abs=0.05)


def test_samples_follow_the_mixture():
    samples = known_mixture().sample(40_000, generator=torch.Generator().manual_seed(5)).double()
    expected_mean = (TRUE_WEIGHTS[:, None] * TRUE_MEANS).sum(0)
    assert samples.mean(0) == pytest.approx(expected_mean, abs=0.05)
    a = known_mixture().sample(10, generator=torch.Generator().manual_seed(6))
    b = known_mixture().sample(10, generator=torch.Generator().manual_seed(6))
    assert torch.equal(a, b) and a.dtype == torch.float32


def test_too_few_points_for_the_components():
    with pytest.raises(ValueError, match="at least 5 points"):
        GaussianMixture(GMMConfig(num_components=5)).initialize(torch.zeros(3, 2))
