"""Speed of the sample-quality metrics against reference computations, on 2,000 x 64 features.

- Frechet distance: ours (float64, eigenvalues of a symmetric product) against the textbook formula
  with SciPy's `linalg.sqrtm`.
- Precision/recall (k = 3) and density/coverage (k = 5): ours (torch.cdist and kthvalue) against
  scikit-learn's nearest neighbours following the papers step by step.

Both pairs are measured alternately in the same run, each with one thread (torch's, and the BLAS and
OpenMP pools NumPy, SciPy and scikit-learn use, through threadpoolctl): the same resources for both.
The ratios are ours over the reference (target: ours is not slower, ratio at most 1). The values
must agree (Frechet to a relative 1e-6).
"""

from __future__ import annotations

import time
from typing import Any

from benchmarks.common import median, target


def _time(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def run(quick: bool) -> dict[str, Any]:
    """Returns the seconds and ratios of our metrics against the references, and their agreement."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _run(quick)


def _run(quick: bool) -> dict[str, Any]:
    import numpy as np
    import torch

    from core.metrics.fid import feature_frechet, manifold_metrics, numpy_frechet_reference, numpy_manifold_reference

    torch.set_num_threads(1)
    n = 500 if quick else 2000
    rng = np.random.default_rng(0)
    real = rng.normal(size=(n, 64)) @ rng.normal(size=(64, 64)) / 8
    fake = rng.normal(loc=0.1, size=(n, 64)) @ rng.normal(size=(64, 64)) / 8
    real_t, fake_t = torch.from_numpy(real), torch.from_numpy(fake)
    repeats = 1 if quick else 5
    feature_frechet(real_t, fake_t), numpy_frechet_reference(real, fake)  # warm up
    ours_fd, ref_fd, ours_knn, ref_knn = [], [], [], []
    for _ in range(repeats):  # alternate to share the machine's noise; the Frechet distance takes milliseconds, so 20 calls each
        ours_fd += [sum(_time(lambda: feature_frechet(real_t, fake_t), 20)) / 20]
        ref_fd += [sum(_time(lambda: numpy_frechet_reference(real, fake), 20)) / 20]
        ours_knn += _time(lambda: manifold_metrics(real_t, fake_t), 1)
        ref_knn += _time(lambda: numpy_manifold_reference(real, fake), 1)
    fd, fd_ref = feature_frechet(real_t, fake_t), numpy_frechet_reference(real, fake)
    knn, knn_ref = manifold_metrics(real_t, fake_t), numpy_manifold_reference(real, fake)
    results: dict[str, Any] = {
        "samples": n,
        "dims": 64,
        "frechet_s": median(ours_fd),
        "frechet_reference_s": median(ref_fd),
        "frechet_ratio": median(ours_fd) / median(ref_fd),
        "frechet_relative_difference": abs(fd - fd_ref) / fd_ref,
        "knn_s": median(ours_knn),
        "knn_reference_s": median(ref_knn),
        "knn_ratio": median(ours_knn) / median(ref_knn),
        "knn_max_difference": max(abs(getattr(knn, k) - getattr(knn_ref, k)) for k in ("precision", "recall", "density", "coverage")),
    }
    results["targets"] = {
        "frechet_ratio": target(results["frechet_ratio"], maximum=1.0),
        "knn_ratio": target(results["knn_ratio"], maximum=1.0),
        "frechet_relative_difference": target(results["frechet_relative_difference"], maximum=1e-6),
    }
    return results
