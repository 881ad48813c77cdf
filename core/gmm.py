"""Gaussian mixture model fitted by expectation-maximisation: the simplest generative model of p(x).

p(x) = sum_k pi_k N(x; mu_k, Sigma_k). EM alternates
  E-step: responsibilities r_nk = pi_k N(x_n; mu_k, Sigma_k) / p(x_n);
  M-step: N_k = sum_n r_nk, pi_k = N_k / N, mu_k = sum_n r_nk x_n / N_k,
          Sigma_k = sum_n r_nk (x_n - mu_k)(x_n - mu_k)^T / N_k + reg * I,
and never lowers the log-likelihood (Dempster, Laird and Rubin 1977; Bishop, PRML section 9.2).
Computed in float64 for stability.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from core.loop import Trainer


@dataclass
class GMMConfig:
    num_components: int = 5
    dim: int = 2
    reg_covar: float = 1e-6  # added to every covariance's diagonal, in data units squared


class GaussianMixture(nn.Module):
    """A mixture of full-covariance Gaussians; `sample` follows the gallery's generative contract."""

    weights: Tensor  # buffers, registered in __init__
    means: Tensor
    covariances: Tensor
    config_class = GMMConfig

    def __init__(self, config: GMMConfig):
        super().__init__()
        if config.num_components < 1:
            raise ValueError(f"num_components must be >= 1, got {config.num_components}")
        self.config = config
        k, d = config.num_components, config.dim
        self.register_buffer("weights", torch.full((k,), 1.0 / k, dtype=torch.float64))  # [K]
        self.register_buffer("means", torch.zeros(k, d, dtype=torch.float64))  # [K, D]
        self.register_buffer("covariances", torch.eye(d, dtype=torch.float64).repeat(k, 1, 1))  # [K, D, D]

    def initialize(self, x: Tensor, *, generator: torch.Generator | None = None) -> None:
        """Sets means by k-means++ seeding and 10 k-means steps on `x` [N, D]; covariances and weights from the clusters."""
        x = x.double()
        n, k = len(x), self.config.num_components
        if n < k:
            raise ValueError(f"need at least {k} points for {k} components, got {n}")
        first = torch.randint(n, (1,), generator=generator)
        centres = [x[first[0]]]
        for _ in range(1, k):
            d2 = torch.cdist(x, torch.stack(centres)).min(dim=1).values ** 2  # [N]
            probs = d2 / d2.sum() if d2.sum() > 0 else torch.full_like(d2, 1.0 / n)
            centres.append(x[torch.multinomial(probs, 1, generator=generator)[0]])
        means = torch.stack(centres)  # [K, D]
        # 10 Lloyd (k-means) iterations refine the seeds, as scikit-learn's default initialisation does
        for _ in range(10):
            assign = torch.cdist(x, means).argmin(dim=1)  # [N]
            for j in range(k):
                if (assign == j).any():
                    means[j] = x[assign == j].mean(0)
        assign = torch.cdist(x, means).argmin(dim=1)
        eye = torch.eye(self.config.dim, dtype=x.dtype)
        data_cov = torch.cov(x.T).reshape(self.config.dim, self.config.dim)
        for j in range(k):
            members = x[assign == j]
            cov = torch.cov(members.T).reshape(self.config.dim, self.config.dim) if len(members) > self.config.dim else data_cov / k
            self.covariances[j] = cov + self.config.reg_covar * eye
        self.means.copy_(means)
        self.weights.copy_(torch.bincount(assign, minlength=k).double().clamp_min(1) / n)
        self.weights.div_(self.weights.sum())

    def component_log_prob(self, x: Tensor) -> Tensor:
        """Returns log pi_k + log N(x_n; mu_k, Sigma_k) as `[N, K]`."""
        x = x.double()
        chol = torch.linalg.cholesky(self.covariances)  # [K, D, D]
        diff = (x[None] - self.means[:, None]).unsqueeze(-1)  # [K, N, D, 1]
        solved = torch.linalg.solve_triangular(chol[:, None], diff, upper=False).squeeze(-1)  # [K, N, D]
        mahalanobis = (solved**2).sum(-1)  # [K, N]
        log_det = 2 * torch.log(torch.diagonal(chol, dim1=-2, dim2=-1)).sum(-1)  # [K]
        d = self.config.dim
        log_normal = -0.5 * (mahalanobis + log_det[:, None] + d * math.log(2 * math.pi))
        return (torch.log(self.weights)[:, None] + log_normal).T  # [N, K]

    def log_prob(self, x: Tensor) -> Tensor:
        """Returns log p(x_n) as `[N]` (float64)."""
        return torch.logsumexp(self.component_log_prob(x), dim=1)

    def em_step(self, x: Tensor) -> float:
        """Performs one EM iteration on `x` [N, D]; returns the mean log-likelihood before it."""
        x = x.double()
        # 1. E-step: responsibilities r_nk
        joint = self.component_log_prob(x)  # [N, K]
        log_px = torch.logsumexp(joint, dim=1, keepdim=True)  # [N, 1]
        resp = torch.exp(joint - log_px)  # [N, K]
        # 2. M-step: weights, means, covariances
        nk = resp.sum(0) + 1e-12  # [K]
        self.weights.copy_(nk / nk.sum())
        means = (resp.T @ x) / nk[:, None]  # [K, D]
        diff = x[None] - means[:, None]  # [K, N, D]
        cov = torch.einsum("kn,kni,knj->kij", resp.T, diff, diff) / nk[:, None, None]
        cov = cov + self.config.reg_covar * torch.eye(self.config.dim, dtype=x.dtype)
        self.means.copy_(means)
        self.covariances.copy_(cov)
        return float(log_px.mean())

    @torch.no_grad()
    def sample(self, num_samples: int, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns `num_samples` brand-new points `[N, D]` (float32): pick a component, then a Gaussian."""
        component = torch.multinomial(self.weights, num_samples, replacement=True, generator=generator)  # [N]
        chol = torch.linalg.cholesky(self.covariances)[component]  # [N, D, D]
        eps = torch.randn(num_samples, self.config.dim, 1, generator=generator, dtype=torch.float64)
        return (self.means[component] + (chol @ eps).squeeze(-1)).float()


def em_trainer(model: GaussianMixture, x: Tensor, *, generator: torch.Generator | None = None) -> Trainer:
    """Returns a `Trainer` whose every step is one EM iteration (metric: mean log-likelihood)."""
    model.initialize(x, generator=generator)
    data = x.double()

    def step() -> dict[str, float]:
        return {"log_likelihood": model.em_step(data)}

    return Trainer(step)
