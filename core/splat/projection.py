"""Projecting 3D Gaussians onto a camera's image: EWA splatting (Zwicker et al. 2001).

A 3D Gaussian of mean mu and covariance Sigma seen through a pinhole camera is, to first order, a 2D
Gaussian on the image: its mean is the projection of mu and its covariance is

    Sigma' = J W Sigma W^T J^T                    (eq. 5 of Kerbl et al. 2023, https://arxiv.org/abs/2308.04079)

where W is the world-to-camera rotation and J the Jacobian of the perspective projection at the mean
(the projection is linearised there: the "local affine approximation" of EWA splatting,
https://www.cs.umd.edu/~zwicker/publications/EWASplatting-TVCG02.pdf).

Cameras follow `core.scene.cameras`: a camera looks down its -z axis with +x right and +y up, so a
point at camera coordinates (x, y, z) has depth t = -z and lands at pixel coordinates

    u = f x / t + W / 2,    v = -f y / t + H / 2      (u right, v down; pixel (i, j)'s centre is (i + 0.5, j + 0.5))

exactly where `core.scene.cameras.rays` sends pixel (i, j)'s ray, so splat renders align pixel for
pixel with the exact renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor

from core.scene.cameras import Camera

NEAR = 0.2  # Gaussians closer than this to the camera (or behind it) are culled, as in the reference
DILATION = 0.3  # pixels^2 added to the 2D covariance: the reference's low-pass filter (a pixel is not a point)


@dataclass
class Projected:
    """N Gaussians as seen on one camera's image."""

    means2d: Tensor  # [N, 2] pixel coordinates (u right, v down)
    cov2d: Tensor  # [N, 2, 2] image-space covariances, in pixels^2
    conics: Tensor  # [N, 3] (a, b, c): the inverse covariance [[a, b], [b, c]]
    depths: Tensor  # [N] distance along the view (t = -z in camera space)
    radii: Tensor  # [N] 3-sigma radius in pixels (integer valued), 0 for culled Gaussians


def world_to_camera(points: Tensor, camera: Camera) -> Tensor:
    """Returns `points` [N, 3] in the camera's coordinates (x right, y up, the view along -z), [N, 3]."""
    rotation = camera.c2w[:3, :3].to(points.dtype)  # columns: the camera's axes in the world
    return (points - camera.center.to(points.dtype)) @ rotation  # R^T (p - c), row by row


def perspective_jacobian(cam_points: Tensor, camera: Camera, *, clamp: bool = True) -> Tensor:
    """Returns the Jacobian d(u, v)/d(x, y, z) of the projection at camera-space points [N, 3], [N, 2, 3].

    With t = -z:  J = [[f/t, 0, f x/t^2], [0, -f/t, -f y/t^2]]. As the reference does, x/t and y/t are
    clamped to 1.3 times the field of view, so Gaussians far off-screen do not get huge footprints.
    """
    x, y, t = cam_points[:, 0], cam_points[:, 1], -cam_points[:, 2]
    f = camera.focal
    tx, ty = x / t, y / t
    if clamp:
        lim_x, lim_y = 1.3 * camera.width / (2 * f), 1.3 * camera.height / (2 * f)
        tx, ty = tx.clamp(-lim_x, lim_x), ty.clamp(-lim_y, lim_y)
    zero = torch.zeros_like(t)
    row_u = torch.stack([f / t, zero, f * tx / t], dim=-1)
    row_v = torch.stack([zero, -f / t, -f * ty / t], dim=-1)
    return torch.stack([row_u, row_v], dim=-2)


def project_covariances(covariances: Tensor, cam_points: Tensor, camera: Camera, *, dilation: float = DILATION) -> Tensor:
    """Returns the image-space covariances J W Sigma W^T J^T + dilation I, [N, 2, 2], of 3D covariances [N, 3, 3]."""
    w = camera.c2w[:3, :3].T.to(covariances.dtype)  # world -> camera rotation
    jw = perspective_jacobian(cam_points, camera) @ w  # [N, 2, 3]
    cov2d = jw @ covariances @ jw.transpose(1, 2)
    return cov2d + dilation * torch.eye(2, dtype=cov2d.dtype)


def conics_and_radii(cov2d: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """Returns the inverse covariances as (a, b, c) [N, 3], 3-sigma radii [N] and determinants [N] of 2x2 covariances [N, 2, 2]."""
    a, b, c = cov2d[:, 0, 0], cov2d[:, 0, 1], cov2d[:, 1, 1]
    det = a * c - b * b
    safe = torch.where(det > 0, det, torch.ones_like(det))
    conics = torch.stack([c / safe, -b / safe, a / safe], dim=-1)
    with torch.no_grad():  # the largest eigenvalue sets the extent; the reference keeps the discriminant >= 0.1
        mid = 0.5 * (a + c)
        largest = mid + (mid * mid - det).clamp(min=0.1).sqrt()
        radii = torch.ceil(3.0 * largest.sqrt())
    return conics, radii, det


def project(
    means: Tensor,
    covariances: Tensor,
    camera: Camera,
    *,
    dilation: float = DILATION,
    near: float = NEAR,
) -> Projected:
    """Returns the 2D means, covariances, conics, depths and radii of 3D Gaussians (means [N, 3], covariances [N, 3, 3]).

    Gaussians nearer than `near`, with a degenerate footprint or entirely outside the image get radius 0
    (the rasteriser skips them). `dilation` (pixels^2, 0.3 in the reference; 0 for the exact EWA footprint)
    is added to the 2D covariance's diagonal.
    """
    cam = world_to_camera(means, camera)  # [N, 3]
    depths = -cam[:, 2]
    safe_cam = torch.where((depths > near)[:, None], cam, torch.tensor([0.0, 0.0, -1.0], dtype=cam.dtype))  # no division by ~0
    safe_depths = -safe_cam[:, 2]
    u = camera.focal * safe_cam[:, 0] / safe_depths + camera.width / 2
    v = -camera.focal * safe_cam[:, 1] / safe_depths + camera.height / 2
    means2d = torch.stack([u, v], dim=-1)  # [N, 2]
    cov2d = project_covariances(covariances, safe_cam, camera, dilation=dilation)
    conics, radii, det = conics_and_radii(cov2d)
    with torch.no_grad():
        on_image = (u + radii > 0) & (u - radii < camera.width) & (v + radii > 0) & (v - radii < camera.height)
        keep = (depths > near) & (det > 0) & on_image
        radii = torch.where(keep, radii, torch.zeros_like(radii))
    return Projected(means2d, cov2d, conics, depths, radii)
