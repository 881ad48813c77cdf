"""Sample-quality metrics on feature vectors: Frechet distance (FID), KID, precision and recall,
density and coverage.

- Frechet distance (Heusel et al. 2017, arXiv 1706.08500) between Gaussians fitted to two feature
  sets: ||mu_1 - mu_2||^2 + tr(S_1 + S_2 - 2 (S_1 S_2)^(1/2)). The trace of the matrix square root
  is computed stably in float64 as the sum of the square roots of the eigenvalues of
  S_1^(1/2) S_2 S_1^(1/2), which is symmetric positive semi-definite.
- The gallery's FID uses the penultimate (64-d) features of the shipped digits classifier; FID is
  biased upwards at small sample sizes, so it always comes with a real-vs-real baseline.
- KID (Binkowski et al. 2018): the unbiased estimate of the squared MMD with the polynomial kernel
  k(x, y) = (x.y / d + 1)^3.
- Precision and recall (Kynkaanniemi et al. 2019, k = 3): the share of generated samples inside the
  real manifold (the union of balls reaching each real point's k-th neighbour), and of real samples
  inside the generated manifold.
- Density and coverage (Naeem et al. 2020, k = 5): density counts how many real balls each generated
  sample falls in, divided by k; coverage is the share of real balls holding at least one generated
  sample. On two samples of one distribution, coverage is about 1 - 2^-k and density about 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor


def _stats(features: Tensor) -> tuple[Tensor, Tensor]:
    """Returns the mean `[D]` and unbiased covariance `[D, D]` of `features` `[N, D]`, in float64."""
    x = features.detach().double().cpu().numpy()  # NumPy's BLAS computes c.T @ c about twice as fast here
    if len(x) < 2:
        raise ValueError(f"need at least 2 samples, got {len(x)}")
    mu = x.mean(0)
    centred = x - mu
    return torch.from_numpy(mu), torch.from_numpy(centred.T @ centred / (len(x) - 1))


def _sqrtm_psd(matrix: Tensor) -> Tensor:
    """Returns the symmetric square root of a symmetric positive semi-definite matrix (float64)."""
    values, vectors = torch.linalg.eigh((matrix + matrix.T) / 2)
    return (vectors * values.clamp_min(0).sqrt()) @ vectors.T


def frechet_distance(mu1: Tensor, sigma1: Tensor, mu2: Tensor, sigma2: Tensor) -> float:
    """Returns the Frechet distance between N(mu1, sigma1) and N(mu2, sigma2), computed in float64."""
    mu1, mu2, sigma1, sigma2 = (v.double() for v in (mu1, mu2, sigma1, sigma2))
    root1 = _sqrtm_psd(sigma1)
    middle = root1 @ sigma2 @ root1  # similar to sigma1 @ sigma2, so the same eigenvalues, but symmetric
    trace_sqrt = torch.linalg.eigvalsh((middle + middle.T) / 2).clamp_min(0).sqrt().sum()
    value = (mu1 - mu2).pow(2).sum() + torch.trace(sigma1) + torch.trace(sigma2) - 2 * trace_sqrt
    return float(value.clamp_min(0))


def feature_frechet(real: Tensor, fake: Tensor) -> float:
    """Returns the Frechet distance between Gaussians fitted to two feature sets `[N, D]` and `[M, D]`."""
    return frechet_distance(*_stats(real), *_stats(fake))


def kid(real: Tensor, fake: Tensor) -> float:
    """Returns the unbiased estimate of MMD^2 with the cubic polynomial kernel (KID), in feature units."""
    x, y = real.double(), fake.double()
    if len(x) < 2 or len(y) < 2:
        raise ValueError("KID needs at least 2 samples in each set")
    d = x.shape[1]

    def kernel(a: Tensor, b: Tensor) -> Tensor:
        return (a @ b.T / d + 1) ** 3

    kxx, kyy, kxy = kernel(x, x), kernel(y, y), kernel(x, y)
    m, n = len(x), len(y)
    xx = (kxx.sum() - kxx.diagonal().sum()) / (m * (m - 1))
    yy = (kyy.sum() - kyy.diagonal().sum()) / (n * (n - 1))
    return float(xx + yy - 2 * kxy.mean())


def _kth_radii(points: Tensor, ks: tuple[int, ...]) -> list[Tensor]:
    """Returns, for each k in `ks`, each point's distance to its k-th nearest other point `[N]` (one distance matrix for all)."""
    if len(points) <= max(ks):
        raise ValueError(f"need more than k = {max(ks)} samples, got {len(points)}")
    nearest = torch.cdist(points, points).topk(max(ks) + 1, dim=1, largest=False).values  # [N, k + 1], sorted
    return [nearest[:, k] for k in ks]  # column 0 is the point itself (distance 0)


@dataclass
class ManifoldMetrics:
    precision: float
    recall: float
    density: float
    coverage: float


def manifold_metrics(real: Tensor, fake: Tensor, *, k_pr: int = 3, k_dc: int = 5) -> ManifoldMetrics:
    """Returns precision and recall (k = `k_pr`) and density and coverage (k = `k_dc`) of `fake` against `real`."""
    x, y = real.double(), fake.double()
    cross = torch.cdist(y, x)  # [M, N] generated-to-real distances
    real_radius, radius_dc = _kth_radii(x, (k_pr, k_dc))
    (fake_radius,) = _kth_radii(y, (k_pr,))
    precision = (cross <= real_radius[None]).any(1).double().mean()  # generated j inside some real ball
    recall = (cross <= fake_radius[:, None]).any(0).double().mean()  # real i inside some generated ball
    density = (cross <= radius_dc[None]).sum().item() / (k_dc * len(y))  # (generated, real ball) memberships, counted
    coverage = (cross.min(0).values <= radius_dc).double().mean()
    return ManifoldMetrics(float(precision), float(recall), float(density), float(coverage))


def numpy_frechet_reference(real: np.ndarray, fake: np.ndarray) -> float:
    """Returns the textbook Frechet distance computed with SciPy's `linalg.sqrtm` (the reference for tests and benchmarks)."""
    from scipy import linalg

    mu1, mu2 = real.mean(0), fake.mean(0)
    s1, s2 = np.cov(real, rowvar=False), np.cov(fake, rowvar=False)
    covmean = linalg.sqrtm(s1 @ s2)
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


@torch.no_grad()
def classifier_features(classifier: torch.nn.Module, images: Tensor, *, batch_size: int = 2000) -> Tensor:
    """Returns the digits classifier's penultimate features `[N, 64]` of `images` `[N, 1, 8, 8]` in [0, 1]."""
    classifier.eval()
    # nn.Module.__getattr__ types the classifier's own methods as Tensor | Module
    return torch.cat([classifier.features(chunk) for chunk in images.split(batch_size)])  # type: ignore[operator]


def gallery_fid(classifier: torch.nn.Module, generated: Tensor, real: Tensor) -> float:
    """Returns the gallery's FID: the Frechet distance between the classifier features of `generated` and `real` digits."""
    return feature_frechet(classifier_features(classifier, real), classifier_features(classifier, generated))


def real_baseline_fid(classifier: torch.nn.Module, num: int, *, generator: torch.Generator | None = None) -> float:
    """Returns the FID of `num` train digits against the test split: what a perfect model would score at this
    sample size (FID is biased upwards when samples are few). Sampled with replacement if `num` exceeds the split."""
    from core.data.images import load_digits

    train, test = load_digits("train")[0], load_digits("test")[0]
    pick = (
        torch.randint(len(train), (num,), generator=generator)
        if num > len(train)
        else torch.randperm(len(train), generator=generator)[:num]
    )
    return gallery_fid(classifier, train[pick], test)


def numpy_manifold_reference(real: np.ndarray, fake: np.ndarray, *, k_pr: int = 3, k_dc: int = 5) -> ManifoldMetrics:
    """Returns the four k-NN metrics computed with scikit-learn's nearest neighbours, following the papers'
    definitions step by step (the reference for tests and benchmarks)."""
    from sklearn.metrics import pairwise_distances
    from sklearn.neighbors import NearestNeighbors

    def radii(points: np.ndarray, k: int) -> np.ndarray:
        distances, _ = NearestNeighbors(n_neighbors=k + 1).fit(points).kneighbors(points)
        return distances[:, -1]  # the first neighbour is the point itself

    cross = pairwise_distances(fake, real)  # [M, N]
    r_real, r_fake = radii(real, k_pr), radii(fake, k_pr)
    precision = float((cross <= r_real[None]).any(axis=1).mean())
    real_to_fake = cross.transpose()
    recall = float((real_to_fake <= r_fake[None]).any(axis=1).mean())
    r_dc = radii(real, k_dc)
    density = float((cross <= r_dc[None]).sum() / (k_dc * len(fake)))
    coverage = float((cross.min(axis=0) <= r_dc).mean())
    return ManifoldMetrics(precision, recall, density, coverage)
