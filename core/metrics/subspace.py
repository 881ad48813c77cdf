"""PCA and principal angles between subspaces: does a linear autoencoder find PCA's subspace?

The principal angles between the column spaces of A and B are arccos of the singular values of
Q_A^T Q_B, with Q_A, Q_B orthonormal bases (Bjorck and Golub 1973); all zero means the same subspace.
"""

from __future__ import annotations

import torch
from torch import Tensor


def orthonormal_basis(matrix: Tensor) -> Tensor:
    """Returns an orthonormal basis `[D, k]` of the column space of `matrix` `[D, k]` (float64)."""
    q, _ = torch.linalg.qr(matrix.double())
    return q


def pca_basis(data: Tensor, k: int) -> tuple[Tensor, Tensor]:
    """Returns (the top-k principal directions `[D, k]`, the data mean `[D]`) of `data` `[N, D]`."""
    data = data.double()
    mean = data.mean(0)
    _, _, vh = torch.linalg.svd(data - mean, full_matrices=False)
    return vh[:k].T, mean


def principal_angles(a: Tensor, b: Tensor) -> Tensor:
    """Returns the principal angles in degrees `[k]` (ascending) between the column spaces of `a` and `b`."""
    cosines = torch.linalg.svdvals(orthonormal_basis(a).T @ orthonormal_basis(b)).clamp(-1, 1)
    return torch.rad2deg(torch.arccos(cosines))  # cosines come sorted descending, so angles ascend


def pca_reconstruction_error(data: Tensor, k: int) -> float:
    """Returns the mean squared error per image of projecting `data` `[N, D]` on its top-k PCA subspace."""
    basis, mean = pca_basis(data, k)
    centred = data.double() - mean
    residual = centred - centred @ basis @ basis.T
    return float(residual.pow(2).sum(1).mean())
