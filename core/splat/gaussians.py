"""A scene as 3D Gaussians: the representation of Kerbl et al. 2023, apart from any rasteriser.

3D Gaussian splatting (https://arxiv.org/abs/2308.04079) describes a scene by N anisotropic Gaussians,
each with a mean, a covariance, an opacity and a view-dependent colour. The optimiser works on raw,
unconstrained parameters; activations map them to valid values (section 4 of the paper):

    scale      s = exp(log_scales)                      [N, 3], positive
    rotation   R = R(q / |q|)                           q = (w, x, y, z), any non-zero quaternion
    covariance Sigma = R S S^T R^T, S = diag(s)         [N, 3, 3], positive semi-definite by construction
    opacity    o = sigmoid(opacity_logits)              [N], in (0, 1)
    colour     c = max(0, 0.5 + SH(d) . sh)             [N, 3], spherical harmonics of the viewing direction d

The SH evaluation, constants and the +0.5 offset follow the reference implementation
(graphdeco-inria/gaussian-splatting, `utils/sh_utils.py`). Degree 0 is a plain colour, degree 1 adds
three linear terms in the viewing direction (a highlight that moves with the viewer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import torch
from torch import Tensor, nn

from core.scene.scene import BOUNDS, surface_points

SH_C0 = 0.28209479177387814  # 1 / (2 sqrt(pi)), the degree-0 real spherical harmonic
SH_C1 = 0.4886025119029199  # sqrt(3 / (4 pi)), the degree-1 ones' constant
Init = Literal["surface", "random"]


@dataclass
class SplatConfig:
    """Shape of a 3D Gaussian splat: how many Gaussians and the degree of their spherical harmonics."""

    count: int = 4000
    sh_degree: int = 1  # 0: a colour per Gaussian; 1: plus a linear dependence on the viewing direction
    dilation: float = 0.3  # pixels^2 added to every projected covariance when rendered (`core.splat.projection.DILATION`)

    def __post_init__(self) -> None:
        if self.sh_degree not in (0, 1):
            raise ValueError(f"sh_degree must be 0 or 1, got {self.sh_degree}")
        if self.count < 1:
            raise ValueError(f"count must be >= 1, got {self.count}")

    @property
    def sh_coefficients(self) -> int:
        """Returns (degree + 1)^2, the number of SH coefficients per colour channel."""
        return (self.sh_degree + 1) ** 2


def quaternion_to_rotation(quats: Tensor) -> Tensor:
    """Returns the rotation matrices [N, 3, 3] of quaternions [N, 4] (w, x, y, z), normalised first."""
    q = quats / quats.norm(dim=-1, keepdim=True).clamp(min=1e-12)
    w, x, y, z = q.unbind(-1)
    rows = [
        1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
    ]  # fmt: skip
    return torch.stack(rows, dim=-1).reshape(*quats.shape[:-1], 3, 3)


def sh_to_colour(sh: Tensor, directions: Tensor) -> Tensor:
    """Returns the colours [N, 3] of SH coefficients [N, K, 3] (K = 1 or 4) seen along unit `directions` [N, 3].

    colour = 0.5 + C0 f_dc - C1 y f_1 + C1 z f_2 - C1 x f_3, clamped at 0 (the reference's `eval_sh` and
    its `clamp_min(sh2rgb + 0.5, 0)`).
    """
    result = SH_C0 * sh[:, 0]
    if sh.shape[1] > 1:
        x, y, z = directions[:, 0:1], directions[:, 1:2], directions[:, 2:3]
        result = result - SH_C1 * y * sh[:, 1] + SH_C1 * z * sh[:, 2] - SH_C1 * x * sh[:, 3]
    return (result + 0.5).clamp(min=0.0)


def rgb_to_sh_dc(rgb: Tensor) -> Tensor:
    """Returns the degree-0 coefficients [N, 3] whose colour is `rgb` [N, 3]: (rgb - 0.5) / C0."""
    return (rgb - 0.5) / SH_C0


def nearest_neighbour_scales(points: Tensor, *, neighbours: int = 3, chunk: int = 1024) -> Tensor:
    """Returns each point's root mean squared distance to its `neighbours` nearest others, [N] (the reference's initial scale)."""
    n = points.shape[0]
    k = min(neighbours, n - 1)
    if k < 1:
        return torch.full((n,), 0.1, dtype=points.dtype)
    parts = []
    for start in range(0, n, chunk):
        d2 = torch.cdist(points[start : start + chunk], points).square()  # [c, N]
        d2[torch.arange(d2.shape[0]), torch.arange(start, start + d2.shape[0])] = torch.inf  # not itself
        parts.append(d2.topk(k, dim=1, largest=False).values.mean(dim=1))
    return torch.cat(parts).clamp(min=1e-7).sqrt()


def logit(p: float | Tensor) -> Tensor:
    """Returns log(p / (1 - p)), the inverse of the sigmoid."""
    p = torch.as_tensor(p, dtype=torch.float32)
    return torch.log(p / (1 - p))


class Gaussians(nn.Module):
    """N 3D Gaussians: raw parameters, their activations, and nothing about rendering."""

    checkpoint_name = "splat"
    config_class = SplatConfig

    def __init__(self, config: SplatConfig):
        super().__init__()
        self.config = config
        n, k = config.count, config.sh_coefficients
        self.means = nn.Parameter(torch.zeros(n, 3))  # [N, 3] world positions
        self.log_scales = nn.Parameter(torch.full((n, 3), -3.0))  # [N, 3]
        self.quats = nn.Parameter(torch.tensor([1.0, 0.0, 0.0, 0.0]).repeat(n, 1))  # [N, 4] (w, x, y, z)
        self.opacity_logits = nn.Parameter(torch.full((n,), float(logit(0.1))))  # [N]
        self.sh = nn.Parameter(torch.zeros(n, k, 3))  # [N, (deg + 1)^2, 3]

    # activations -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.means.shape[0]

    def scales(self) -> Tensor:
        """Returns the positive scales exp(log_scales), [N, 3]."""
        return self.log_scales.exp()

    def rotations(self) -> Tensor:
        """Returns the rotation matrices of the normalised quaternions, [N, 3, 3]."""
        return quaternion_to_rotation(self.quats)

    def opacities(self) -> Tensor:
        """Returns the opacities sigmoid(opacity_logits), [N]."""
        return torch.sigmoid(self.opacity_logits)

    def covariances(self) -> Tensor:
        """Returns the covariances Sigma = R S S^T R^T, [N, 3, 3] (eq. 6 of Kerbl et al. 2023)."""
        m = self.rotations() * self.scales()[:, None, :]  # R S: scales each column of R
        return m @ m.transpose(1, 2)

    def colours(self, camera_center: Tensor) -> Tensor:
        """Returns each Gaussian's colour [N, 3] seen from `camera_center` [3] (the direction is centre -> mean)."""
        directions = self.means - camera_center
        directions = directions / directions.norm(dim=-1, keepdim=True).clamp(min=1e-12)
        return sh_to_colour(self.sh, directions)

    # what densification needs (`core.splat.densify`) ---------------------------------------------
    def parameters_by_name(self) -> dict[str, nn.Parameter]:
        """Returns every per-Gaussian parameter by name (each has N rows)."""
        return {
            "means": self.means,
            "log_scales": self.log_scales,
            "quats": self.quats,
            "opacity_logits": self.opacity_logits,
            "sh": self.sh,
        }

    def set_parameters(self, values: dict[str, Tensor]) -> None:
        """Replaces every per-Gaussian parameter by `values` (new leaf tensors; the count may change)."""
        for name, value in values.items():
            setattr(self, name, nn.Parameter(value.detach().clone()))
        self.config = SplatConfig(count=self.means.shape[0], sh_degree=self.config.sh_degree, dilation=self.config.dilation)

    def sample_inside(self, index: Tensor, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns one point drawn from each Gaussian of `index` [M], [M, 3] (x = mean + R (s * eps))."""
        eps = torch.randn(index.shape[0], 3, generator=generator)
        return self.means[index] + (self.rotations()[index] @ (self.scales()[index] * eps)[..., None])[..., 0]

    # initialisation ----------------------------------------------------------------------------
    @classmethod
    def from_points(cls, points: Tensor, colours: Tensor, *, sh_degree: int = 1, opacity: float = 0.1, dilation: float = 0.3) -> Gaussians:
        """Returns isotropic Gaussians at `points` [N, 3] with `colours` [N, 3], scaled by their nearest neighbours.

        As the paper initialises from structure-from-motion points: the scale is the root mean squared
        distance to the three nearest neighbours, the opacity 0.1, the rotation the identity.
        """
        model = cls(SplatConfig(count=points.shape[0], sh_degree=sh_degree, dilation=dilation))
        with torch.no_grad():
            model.means.copy_(points)
            model.log_scales.copy_(nearest_neighbour_scales(points).log()[:, None].expand(-1, 3))
            model.opacity_logits.fill_(float(logit(opacity)))
            model.sh.zero_()
            model.sh[:, 0] = rgb_to_sh_dc(colours)
        return model

    @classmethod
    def initialise(cls, config: SplatConfig, init: Init = "surface", *, generator: torch.Generator | None = None) -> Gaussians:
        """Returns `config.count` Gaussians on the scene's surfaces ("surface") or uniform in its bounds ("random").

        The surface points stand in for the structure-from-motion points of the paper.
        """
        if init == "surface":
            points, colours = surface_points(config.count, generator=generator)
        elif init == "random":
            low, high = torch.tensor(BOUNDS[0]), torch.tensor(BOUNDS[1])
            points = low + (high - low) * torch.rand(config.count, 3, generator=generator)
            colours = torch.rand(config.count, 3, generator=generator)
        else:
            raise ValueError(f"unknown init {init!r}; choose 'surface' or 'random'")
        return cls.from_points(points, colours, sh_degree=config.sh_degree, dilation=config.dilation)


def turned_upside_down(gaussians: Gaussians) -> Gaussians:
    """Returns a copy of `gaussians` turned 180 degrees about the x axis: (x, y, z) -> (x, -y, -z).

    The gallery's scene has y up; splat viewers follow the reference's COLMAP/OpenCV world, y down. Every
    part turns with the world: means, rotations (q' = q_x(180) q = (-x, w, -z, y) for q = (w, x, y, z)) and
    the degree-1 colour terms, whose y and z directions flip with it (so a view of the turned splat from the
    turned camera is the same picture). Applying it twice gives back the original.
    """
    turned = Gaussians(gaussians.config)
    with torch.no_grad():
        flip = torch.tensor([1.0, -1.0, -1.0], dtype=gaussians.means.dtype)
        w, x, y, z = gaussians.quats.unbind(-1)
        turned.means.copy_(gaussians.means * flip)
        turned.quats.copy_(torch.stack([-x, w, -z, y], dim=-1))
        turned.log_scales.copy_(gaussians.log_scales)
        turned.opacity_logits.copy_(gaussians.opacity_logits)
        turned.sh.copy_(gaussians.sh)
        if turned.sh.shape[1] > 1:
            turned.sh[:, 1:3] = -gaussians.sh[:, 1:3]  # the y and z terms (eval order: -C1 y f_1 + C1 z f_2 - C1 x f_3)
    return turned
