"""An image as 2D Gaussians, drawn by the splat rasteriser: the 2D warm-up of Gaussian splatting.

Each of N Gaussians has a mean, two log scales and a rotation angle (its covariance
R(theta) diag(s)^2 R(theta)^T), an opacity logit and a colour (through a sigmoid). There is no camera:
means and scales are in image units ([0, 1] across the width and the height, x right and y down), so a
model fitted at one resolution renders at any other. The Gaussians are blended in a fixed order
(index 0 in front) by the same rasteriser as the 3D splat (`core.splat.rasterize`), with a constant
depth per Gaussian as its sort key. Image fitting with 2D Gaussians is studied as such by
GaussianImage (Zhang et al. 2024, https://arxiv.org/abs/2403.08551).

`covariance_2d`, `ellipse_points` and `gaussian_2d_footprint` draw one Gaussian by hand (its 3-sigma
ellipse and its footprint): the "one Gaussian" view of the tab.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from core.splat.projection import conics_and_radii
from core.splat.rasterize import Raster, rasterize


def covariance_2d(scales: Tensor, angles: Tensor) -> Tensor:
    """Returns the covariances R(theta) diag(s^2) R(theta)^T [..., 2, 2] of scales [..., 2] and angles [...] (radians)."""
    c, s = torch.cos(angles), torch.sin(angles)
    rotation = torch.stack([torch.stack([c, -s], -1), torch.stack([s, c], -1)], -2)  # [..., 2, 2]
    m = rotation * scales[..., None, :]  # R S
    return m @ m.transpose(-1, -2)


def ellipse_points(mean: Tensor, cov: Tensor, *, sigma: float = 3.0, points: int = 64) -> Tensor:
    """Returns `points` points [..., points, 2] on the `sigma` ellipse {x : (x - mu)^T Sigma^-1 (x - mu) = sigma^2} of means [..., 2]."""
    eigenvalues, eigenvectors = torch.linalg.eigh(cov)  # the ellipse's axes: [..., 2], [..., 2, 2]
    t = torch.linspace(0, 2 * math.pi, points, dtype=cov.dtype)
    circle = torch.stack([torch.cos(t), torch.sin(t)], dim=-1)  # [points, 2]
    axes = eigenvectors * (sigma * eigenvalues.clamp(min=0).sqrt())[..., None, :]  # columns scaled by sigma sqrt(lambda)
    return mean[..., None, :] + circle @ axes.transpose(-1, -2)


def gaussian_2d_footprint(
    mean: Tensor,
    cov: Tensor,
    opacity: float,
    colour: tuple[float, float, float] | Tensor,
    width: int,
    height: int,
    *,
    background: tuple[float, float, float] = (1.0, 1.0, 1.0),
) -> Tensor:
    """Returns the image [H, W, 3] of one 2D Gaussian (mean [2] and covariance [2, 2] in pixels) over `background`."""
    conics, radii, _ = conics_and_radii(cov[None])
    colours = torch.as_tensor(colour, dtype=torch.float32)[None]
    out = rasterize(
        mean[None], conics, colours, torch.tensor([float(opacity)]), torch.zeros(1), radii, width, height, background=background
    )
    return out.rgb


@dataclass
class Image2DConfig:
    """Shape of a 2D Gaussian image model."""

    count: int = 500
    background: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"count must be >= 1, got {self.count}")


class Image2D(nn.Module):
    """N 2D Gaussians in image units: means [N, 2], log scales [N, 2], angles [N], opacity logits [N], colour logits [N, 3]."""

    def __init__(self, config: Image2DConfig):
        super().__init__()
        self.config = config
        n = config.count
        self.means = nn.Parameter(torch.full((n, 2), 0.5))  # [N, 2] in [0, 1]: x right, y down
        self.log_scales = nn.Parameter(torch.full((n, 2), math.log(0.05)))  # [N, 2] in image units
        self.angles = nn.Parameter(torch.zeros(n))  # [N] radians
        self.opacity_logits = nn.Parameter(torch.zeros(n))  # [N]
        self.colour_logits = nn.Parameter(torch.zeros(n, 3))  # [N, 3]

    def __len__(self) -> int:
        return self.means.shape[0]

    @classmethod
    def initialise(cls, config: Image2DConfig, image: Tensor | None = None, *, generator: torch.Generator | None = None) -> Image2D:
        """Returns Gaussians at uniform random places, sized to tile the image, coloured by `image` [H, W, 3] where they stand."""
        model = cls(config)
        n = config.count
        with torch.no_grad():
            model.means.copy_(torch.rand(n, 2, generator=generator))
            model.log_scales.fill_(math.log(0.5 / math.sqrt(n)))
            model.angles.copy_(math.pi * torch.rand(n, generator=generator))
            if image is not None:
                h, w = image.shape[:2]
                column = (model.means[:, 0] * w).long().clamp(0, w - 1)
                row = (model.means[:, 1] * h).long().clamp(0, h - 1)
                model.colour_logits.copy_(torch.logit(image[row, column].clamp(0.02, 0.98)))
        return model

    def scales(self) -> Tensor:
        """Returns the scales exp(log_scales) in image units, [N, 2]."""
        return self.log_scales.exp()

    def opacities(self) -> Tensor:
        """Returns the opacities sigmoid(opacity_logits), [N]."""
        return torch.sigmoid(self.opacity_logits)

    def colours(self) -> Tensor:
        """Returns the colours sigmoid(colour_logits), [N, 3]."""
        return torch.sigmoid(self.colour_logits)

    def pixel_covariances(self, width: int, height: int) -> Tensor:
        """Returns the covariances in pixels^2 [N, 2, 2] at a `width` x `height` resolution."""
        d = torch.tensor([width, height], dtype=self.means.dtype)
        return covariance_2d(self.scales(), self.angles) * d[:, None] * d[None, :]  # D Sigma D, D = diag(W, H)

    def render_with_means(self, width: int, height: int, *, dilation: float = 0.0) -> tuple[Raster, Tensor, Tensor]:
        """Returns the raster, the pixel means [N, 2] (to read their gradient) and the radii [N] of the model at `width` x `height`."""
        means2d = self.means * torch.tensor([width, height], dtype=self.means.dtype)
        cov = self.pixel_covariances(width, height) + dilation * torch.eye(2, dtype=self.means.dtype)
        conics, radii, _ = conics_and_radii(cov)
        order = torch.arange(len(self), dtype=self.means.dtype)  # fixed order: index 0 in front
        raster = rasterize(
            means2d, conics, self.colours(), self.opacities(), order, radii, width, height, background=self.config.background
        )
        return raster, means2d, radii

    def render(self, width: int, height: int) -> Tensor:
        """Returns the image [H, W, 3] of the Gaussians at `width` x `height` pixels."""
        return self.render_with_means(width, height)[0].rgb

    def ellipses(self, width: int, height: int, *, sigma: float = 3.0, points: int = 32) -> Tensor:
        """Returns every Gaussian's `sigma` ellipse in pixels, [N, points, 2] (an overlay for the fitted image)."""
        with torch.no_grad():
            means2d = self.means * torch.tensor([width, height], dtype=self.means.dtype)
            return ellipse_points(means2d, self.pixel_covariances(width, height), sigma=sigma, points=points)

    # what densification needs (`core.splat.densify`)
    def parameters_by_name(self) -> dict[str, nn.Parameter]:
        """Returns every per-Gaussian parameter by name (each has N rows)."""
        return {
            "means": self.means,
            "log_scales": self.log_scales,
            "angles": self.angles,
            "opacity_logits": self.opacity_logits,
            "colour_logits": self.colour_logits,
        }

    def set_parameters(self, values: dict[str, Tensor]) -> None:
        """Replaces every per-Gaussian parameter by `values` (the count may change)."""
        for name, value in values.items():
            setattr(self, name, nn.Parameter(value.detach().clone()))
        self.config = Image2DConfig(count=self.means.shape[0], background=self.config.background)

    def sample_inside(self, index: Tensor, *, generator: torch.Generator | None = None) -> Tensor:
        """Returns one point drawn from each Gaussian of `index` [M], [M, 2]."""
        eps = torch.randn(index.shape[0], 2, generator=generator)
        c, s = torch.cos(self.angles[index]), torch.sin(self.angles[index])
        local = self.scales()[index] * eps
        return self.means[index] + torch.stack([c * local[:, 0] - s * local[:, 1], s * local[:, 0] + c * local[:, 1]], dim=-1)
