"""Gaussian splatting against known answers: analytic footprints, EWA by hand, alpha compositing by hand,
a brute-force rasteriser, finite differences, the .ply layout read by `plyfile`, and tiny fits."""

import math

import numpy as np
import pytest
import torch

from core.scene.cameras import Camera, orbit_camera, rays
from core.splat.densify import DensifyConfig, GradientStats, densify_and_prune, make_optimizer
from core.splat.gaussians import SH_C0, SH_C1, Gaussians, SplatConfig, quaternion_to_rotation, sh_to_colour
from core.splat.image2d import Image2D, Image2DConfig
from core.splat.ply import read_ply, write_ply
from core.splat.projection import perspective_jacobian, project, world_to_camera
from core.splat.rasterize import ALPHA_MAX, ALPHA_MIN, T_MIN, choose_tile, footprints, pixel_blend, rasterize, tile_rects
from core.splat.renderer import render, render_pixel_blend

SIZE, FOCAL, DISTANCE = 32, 40.0, 4.0


def facing_camera() -> Camera:
    """A camera at the origin looking down -z (its pose is the identity)."""
    return Camera(SIZE, SIZE, FOCAL, torch.eye(4))


def one_gaussian(mean, scales, quat=(1.0, 0.0, 0.0, 0.0), opacity=0.8, rgb=(0.2, 0.5, 0.9)) -> Gaussians:
    return gaussians_of([mean], [scales], [quat], [opacity], [rgb])


def gaussians_of(means, scales, quats, opacities, rgbs) -> Gaussians:
    model = Gaussians(SplatConfig(count=len(means), sh_degree=0))
    with torch.no_grad():
        model.means.copy_(torch.tensor(means))
        model.log_scales.copy_(torch.tensor(scales).log())
        model.quats.copy_(torch.tensor(quats))
        model.opacity_logits.copy_(torch.logit(torch.tensor(opacities)))
        model.sh[:, 0] = (torch.tensor(rgbs) - 0.5) / SH_C0
    return model


def pixel_grid() -> tuple[torch.Tensor, torch.Tensor]:
    j, i = torch.meshgrid(torch.arange(SIZE, dtype=torch.float32), torch.arange(SIZE, dtype=torch.float32), indexing="ij")
    return i + 0.5, j + 0.5  # pixel centres (u, v)


# --- the representation --------------------------------------------------------------------------


def test_quaternions_give_rotations_and_scales_round_trip():
    angle, axis = 0.7, torch.tensor([1.0, 2.0, 2.0]) / 3.0
    q = torch.cat([torch.tensor([math.cos(angle / 2)]), math.sin(angle / 2) * axis])
    rotation = quaternion_to_rotation(torch.stack([q, 3.0 * q, -q]))
    # Rodrigues' formula for the same rotation
    k = torch.tensor([[0.0, -axis[2], axis[1]], [axis[2], 0.0, -axis[0]], [-axis[1], axis[0], 0.0]])
    expected = torch.eye(3) + math.sin(angle) * k + (1 - math.cos(angle)) * k @ k
    for r in rotation:  # q, 3q and -q are the same rotation
        torch.testing.assert_close(r, expected, atol=1e-6, rtol=0)
    model = one_gaussian((0.0, 0.0, -4.0), (0.1, 0.2, 0.3), quat=tuple(q.tolist()))
    torch.testing.assert_close(model.scales()[0], torch.tensor([0.1, 0.2, 0.3]))
    eigenvalues = torch.linalg.eigvalsh(model.covariances()[0])
    torch.testing.assert_close(eigenvalues, torch.tensor([0.01, 0.04, 0.09]), atol=1e-6, rtol=0)
    torch.testing.assert_close(model.covariances()[0], expected @ torch.diag(torch.tensor([0.01, 0.04, 0.09])) @ expected.T)


def test_sh_degree_0_colour_is_half_plus_c0_times_f_dc_and_degree_1_follows_the_reference_signs():
    f_dc = torch.tensor([[[0.4, -0.2, -3.0]]])  # [1, 1, 3]
    colour = sh_to_colour(f_dc, torch.tensor([[0.0, 0.0, 1.0]]))
    torch.testing.assert_close(colour[0], torch.tensor([0.5 + SH_C0 * 0.4, 0.5 - SH_C0 * 0.2, 0.0]))  # clamped at 0
    sh = torch.zeros(1, 4, 3)
    sh[0, 1:, 0] = torch.tensor([1.0, 2.0, 3.0])  # red only: f_1, f_2, f_3
    direction = torch.tensor([[0.6, 0.0, 0.8]])  # x = 0.6, y = 0, z = 0.8
    red = sh_to_colour(sh, direction)[0, 0].item()
    assert red == pytest.approx(0.5 + SH_C1 * (-0.0 * 1.0 + 0.8 * 2.0 - 0.6 * 3.0), abs=1e-6)


# --- projection --------------------------------------------------------------------------------


def test_projected_covariance_is_j_w_sigma_wt_jt_by_hand():
    camera = orbit_camera(37.0, 28.0, 4.5, size=48)
    mean = np.array([0.3, -0.4, 0.5])
    a = np.array([[0.3, 0.1, 0.0], [0.05, 0.2, 0.1], [0.0, -0.1, 0.25]])
    sigma = a @ a.T
    w = camera.c2w[:3, :3].numpy().astype(np.float64).T
    x, y, z = w @ (mean - camera.center.numpy())
    t, f = -z, camera.focal
    jacobian = np.array([[f / t, 0.0, f * x / t**2], [0.0, -f / t, -f * y / t**2]])
    expected = jacobian @ w @ sigma @ w.T @ jacobian.T
    out = project(torch.tensor(mean[None]), torch.tensor(sigma[None]), camera, dilation=0.0)
    np.testing.assert_allclose(out.cov2d[0].numpy(), expected, rtol=1e-5)
    np.testing.assert_allclose(out.conics[0].numpy()[[0, 1, 2]], np.linalg.inv(expected)[[0, 0, 1], [0, 1, 1]], rtol=1e-5)
    assert out.depths[0].item() == pytest.approx(t, rel=1e-6)
    dilated = project(torch.tensor(mean[None]), torch.tensor(sigma[None]), camera, dilation=0.3)
    np.testing.assert_allclose(dilated.cov2d[0].numpy(), expected + 0.3 * np.eye(2), rtol=1e-5)


def test_a_point_on_a_pixels_ray_projects_to_that_pixels_centre():
    camera = orbit_camera(120.0, 40.0, 4.5, size=40)
    origins, directions = rays(camera)
    for column, row in [(0, 0), (5, 31), (39, 12)]:
        point = origins[row, column] + 3.7 * directions[row, column]
        out = project(point[None], 1e-4 * torch.eye(3)[None], camera)
        torch.testing.assert_close(out.means2d[0], torch.tensor([column + 0.5, row + 0.5]), atol=1e-3, rtol=0)


def test_the_jacobian_is_the_derivative_of_the_projection():
    camera = orbit_camera(10.0, 30.0, 4.5, size=32)
    cam_point = torch.tensor([[0.2, -0.3, -3.5]], dtype=torch.float64)

    def to_pixels(p):
        return torch.stack([camera.focal * p[0] / -p[2], -camera.focal * p[1] / -p[2]])

    numeric = torch.autograd.functional.jacobian(to_pixels, cam_point[0])
    torch.testing.assert_close(perspective_jacobian(cam_point, camera)[0], numeric)
    torch.testing.assert_close(world_to_camera(camera.center[None], camera), torch.zeros(1, 3), atol=1e-6, rtol=0)


# --- rendering against analytic footprints ---------------------------------------------------


def test_an_isotropic_gaussian_facing_the_camera_renders_the_analytic_2d_gaussian():
    scale, opacity, rgb = 0.25, 0.8, torch.tensor([0.2, 0.5, 0.9])
    model = one_gaussian((0.0, 0.0, -DISTANCE), (scale, scale, scale), opacity=opacity, rgb=tuple(rgb.tolist()))
    out = render(model, facing_camera(), background=(1.0, 1.0, 1.0), dilation=0.0)
    sigma = FOCAL * scale / DISTANCE  # pixels
    u, v = pixel_grid()
    g = opacity * torch.exp(-0.5 * ((u - SIZE / 2) ** 2 + (v - SIZE / 2) ** 2) / sigma**2)
    g = torch.where(g >= ALPHA_MIN, g, torch.zeros_like(g))
    expected = g[..., None] * rgb + (1 - g[..., None])
    inside = ((u - SIZE / 2) ** 2 + (v - SIZE / 2) ** 2) < (3 * sigma) ** 2
    torch.testing.assert_close(out.rgb[inside], expected[inside], atol=1e-5, rtol=0)
    torch.testing.assert_close(out.opacity[inside], g[inside], atol=1e-5, rtol=0)
    assert out.depth[inside].sub(DISTANCE).abs().max().item() < 1e-4
    assert out.rgb[0, 0].tolist() == [1.0, 1.0, 1.0]  # a corner far from it shows the background
    # the splat's own dilation is the default; the reference's 0.3 px^2 widens the footprint
    assert model.config.dilation == 0.3
    widened = render(model, facing_camera(), background=(1.0, 1.0, 1.0)).opacity
    assert widened[16, 20] > out.opacity[16, 20] + 1e-3


def test_a_rotated_anisotropic_gaussian_matches_its_covariance():
    theta, sx, sy = 0.6, 0.45, 0.15
    quat = (math.cos(theta / 2), 0.0, 0.0, math.sin(theta / 2))  # a turn about the view axis
    model = one_gaussian((0.0, 0.0, -DISTANCE), (sx, sy, 0.05), quat=quat, opacity=0.7)
    out = render(model, facing_camera(), background=(1.0, 1.0, 1.0), dilation=0.0)
    # in the image, v points down: the camera's turn by theta is a turn by -theta
    c, s = math.cos(-theta), math.sin(-theta)
    r = torch.tensor([[c, -s], [s, c]])
    cov = (FOCAL / DISTANCE) ** 2 * r @ torch.diag(torch.tensor([sx**2, sy**2])) @ r.T
    u, v = pixel_grid()
    d = torch.stack([u - SIZE / 2, v - SIZE / 2], dim=-1)
    mahalanobis = (d @ torch.linalg.inv(cov) * d).sum(-1)
    g = 0.7 * torch.exp(-0.5 * mahalanobis)
    inside = (mahalanobis < 9) & (g >= ALPHA_MIN)
    torch.testing.assert_close(out.opacity[inside], g[inside], atol=1e-5, rtol=0)
    # the wrong turn (theta instead of -theta) would not match
    wrong = (d @ torch.linalg.inv(r.T @ torch.diag(torch.tensor([sx**2, sy**2])) @ r * (FOCAL / DISTANCE) ** 2) * d).sum(-1)
    assert (out.opacity[inside] - 0.7 * torch.exp(-0.5 * wrong[inside])).abs().max() > 0.1


def test_two_overlapping_gaussians_blend_in_depth_order():
    colours = [(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)]
    o1, o2, bg = 0.6, 0.7, torch.tensor([0.0, 1.0, 0.0])
    # both project to pixel (16, 16)'s centre, the red one in front
    x = 0.5 / FOCAL

    def pixel(depth_red, depth_blue):
        means = [(x * depth_red, -x * depth_red, -depth_red), (x * depth_blue, -x * depth_blue, -depth_blue)]
        model = gaussians_of(means, [(0.1, 0.1, 0.1)] * 2, [(1.0, 0.0, 0.0, 0.0)] * 2, [o1, o2], colours)
        return render(model, facing_camera(), background=bg, dilation=0.0).rgb[16, 16]

    red, blue = torch.tensor(colours[0]), torch.tensor(colours[1])
    front_red = o1 * red + (1 - o1) * o2 * blue + (1 - o1) * (1 - o2) * bg
    front_blue = o2 * blue + (1 - o2) * o1 * red + (1 - o1) * (1 - o2) * bg
    torch.testing.assert_close(pixel(3.0, 5.0), front_red, atol=1e-5, rtol=0)
    torch.testing.assert_close(pixel(5.0, 3.0), front_blue, atol=1e-5, rtol=0)
    assert (front_red - front_blue).abs().max() > 0.2


# --- the tiled rasteriser against a brute-force one ------------------------------------------


def random_splats(count: int, size: int, seed: int, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    means2d = (torch.rand(count, 2, generator=g) * 1.2 - 0.1) * size
    a = torch.randn(count, 2, 2, generator=g, dtype=dtype) * 2.0
    cov = a @ a.transpose(1, 2) + 0.5 * torch.eye(2, dtype=dtype)
    inv = torch.linalg.inv(cov)
    conics = torch.stack([inv[:, 0, 0], inv[:, 0, 1], inv[:, 1, 1]], dim=-1)
    largest = torch.linalg.eigvalsh(cov)[:, -1]
    radii = torch.ceil(3 * largest.sqrt())
    colours = torch.rand(count, 3, generator=g, dtype=dtype)
    opacities = torch.rand(count, generator=g, dtype=dtype) * 0.98 + 0.01
    depths = torch.rand(count, generator=g, dtype=dtype) * 5 + 1
    return means2d.to(dtype), conics, colours, opacities, depths, radii


def brute_force(means2d, conics, colours, opacities, depths, radii, width, height, tile, background):
    """Every pixel against every Gaussian, one by one, in Python: the reference rasteriser's loop."""
    x0, x1, y0, y1 = tile_rects(means2d, radii, width, height, tile)
    order = torch.argsort(depths).tolist()
    image = torch.zeros(height, width, 3, dtype=means2d.dtype)
    for row in range(height):
        for column in range(width):
            tx, ty = column // tile, row // tile
            colour, t = torch.zeros(3, dtype=means2d.dtype), 1.0
            for k in order:
                if not (x0[k] <= tx < x1[k] and y0[k] <= ty < y1[k]):
                    continue
                dx, dy = column + 0.5 - means2d[k, 0], row + 0.5 - means2d[k, 1]
                power = -0.5 * (conics[k, 0] * dx * dx + conics[k, 2] * dy * dy) - conics[k, 1] * dx * dy
                alpha = min(ALPHA_MAX, float(opacities[k] * torch.exp(power)))
                if alpha < ALPHA_MIN:
                    continue
                if t * (1 - alpha) < T_MIN:
                    break
                colour = colour + t * alpha * colours[k]
                t = t * (1 - alpha)
            image[row, column] = colour + t * torch.as_tensor(background, dtype=means2d.dtype)
    return image


@pytest.mark.parametrize("tile", [4, 16])
def test_the_tiled_rasteriser_equals_a_brute_force_one(tile):
    splats = random_splats(40, 20, seed=1)
    means2d, conics, _, opacities, _, radii = splats
    means2d[:5], conics[:5], radii[:5], opacities[:5] = torch.tensor([10.0, 9.0]), conics[5], radii[5], 0.99
    # a stack of nearly opaque Gaussians: early termination happens where they cover
    expected = brute_force(*splats, 20, 18, tile, (0.1, 0.2, 0.3))
    out = rasterize(*splats, 20, 18, background=(0.1, 0.2, 0.3), tile=tile, chunk_elements=700)  # many small chunks
    torch.testing.assert_close(out.rgb, expected, atol=1e-9, rtol=0)


def test_footprints_are_the_alpha_1_255_box_within_the_3_sigma_square():
    # Sigma = diag(4, 1) (sigma_x = 2, sigma_y = 1): the 3-sigma square has radius ceil(3 * 2) = 6
    conics = torch.tensor([[0.25, 0.0, 1.0]] * 4)
    radii = torch.full((4,), 6.0)
    opacities = torch.tensor([0.99, 0.2, 1 / 255 + 1e-6, 1 / 300])
    boxes = footprints(radii, conics, opacities)
    reach = [math.sqrt(2 * math.log(255 * o)) for o in (0.99, 0.2)]  # q at the 1/255 contour: 3.32 and 2.58 sigma
    assert boxes[0].tolist() == [6.0, math.ceil(reach[0] * 1)]  # x capped by the 3-sigma square; y: 3.32 sigma_y -> 4
    assert boxes[1].tolist() == [math.ceil(reach[1] * 2), math.ceil(reach[1] * 1)]  # a fainter one: 5.16 -> 6 and 2.58 -> 3
    assert boxes[2].tolist() == [1.0, 1.0]  # barely above 1/255: a tiny box around the mean
    assert boxes[3].tolist() == [0.0, 0.0]  # below 1/255 everywhere: never binned


def test_every_pixel_that_passes_the_alpha_skip_lies_in_its_footprint():
    means2d, conics, _, opacities, _, radii = random_splats(200, 32, seed=5)
    boxes = footprints(radii, conics, opacities)
    j, i = torch.meshgrid(torch.arange(32.0), torch.arange(32.0), indexing="ij")
    pixels = torch.stack([i.flatten(), j.flatten()], dim=-1) + 0.5
    d = pixels[None] - means2d[:, None]  # [N, P, 2]
    q = conics[:, None, 0] * d[..., 0] ** 2 + 2 * conics[:, None, 1] * d[..., 0] * d[..., 1] + conics[:, None, 2] * d[..., 1] ** 2
    passes = (opacities[:, None] * torch.exp(-q / 2) >= ALPHA_MIN) & (d.abs() <= radii[:, None, None]).all(-1)
    inside = (d.abs() <= boxes[:, None]).all(-1)
    assert passes.sum() > 1000 and not (passes & ~inside).any()
    assert (boxes <= radii[:, None]).all() and (boxes < radii[:, None]).any()  # never larger, often smaller


def test_the_tile_side_follows_the_footprints_and_never_changes_the_image():
    assert [choose_tile(torch.full((3, 2), w)) for w in (2.0, 6.0, 20.0)] == [4, 8, 16]
    assert choose_tile(torch.zeros(0, 2)) == 4
    splats = random_splats(60, 24, seed=3)
    chosen = rasterize(*splats, 24, 24, background=(0.1, 0.2, 0.3))
    for tile in (4, 8, 16):
        fixed = rasterize(*splats, 24, 24, background=(0.1, 0.2, 0.3), tile=tile)
        torch.testing.assert_close(chosen.rgb, fixed.rgb, atol=1e-9, rtol=0)


def test_rasteriser_gradients_agree_with_finite_differences():
    means2d, conics, colours, opacities, depths, radii = random_splats(4, 8, seed=2)
    opacities = opacities.clamp(max=0.7)
    radii = torch.full_like(radii, 20.0)  # every Gaussian covers the whole image: no bounding box in the way
    conics = conics * 0.1  # wide: every alpha is above 1/255, away from the skip threshold

    def image(m, q, c, o, d):
        out = rasterize(m, q, c, o, d, radii, 8, 8, background=(0.5, 0.5, 0.5), tile=4)
        return out.rgb, out.depth

    inputs = tuple(x.clone().requires_grad_() for x in (means2d, conics, colours, opacities, depths))
    assert torch.autograd.gradcheck(image, inputs, eps=1e-6, atol=1e-6, fast_mode=True)


def test_render_gradients_reach_every_parameter_and_agree_with_finite_differences():
    model = gaussians_of(
        [(0.1, 0.0, -4.0), (-0.2, 0.1, -4.5)], [(0.3, 0.2, 0.25), (0.2, 0.3, 0.2)], [(0.9, 0.1, 0.2, 0.0), (1.0, 0.0, 0.3, 0.1)],
        [0.5, 0.6], [(0.2, 0.4, 0.6), (0.7, 0.3, 0.1)],
    ).double()  # fmt: skip
    camera = Camera(8, 8, 10.0, torch.eye(4))
    names = list(model.parameters_by_name())

    class View(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.splat = model

        def forward(self):
            return render(self.splat, camera, background=(1.0, 1.0, 1.0)).rgb

    def image(*values):
        return torch.func.functional_call(View(), {f"splat.{n}": v for n, v in zip(names, values, strict=True)}, ())

    inputs = tuple(p.detach().clone().requires_grad_() for p in model.parameters_by_name().values())
    assert torch.autograd.gradcheck(image, inputs, eps=1e-6, atol=1e-5, fast_mode=True)


def test_a_pixels_blend_lists_the_gaussians_it_crosses_front_to_back_and_recomposes_the_pixel():
    splats = random_splats(80, 24, seed=3)
    out = rasterize(*splats, 24, 24, background=(1.0, 1.0, 1.0))
    blend = pixel_blend(*splats, 24, 24, 11, 7, background=(1.0, 1.0, 1.0))
    assert len(blend.index) >= 2
    assert torch.all(blend.depth[1:] >= blend.depth[:-1])
    torch.testing.assert_close(blend.pixel, out.rgb[7, 11])
    t = torch.cumprod(torch.cat([torch.ones(1, dtype=blend.alpha.dtype), 1 - blend.alpha[:-1]]), 0)
    torch.testing.assert_close(blend.transmittance, t)
    torch.testing.assert_close(blend.contribution.sum(0) + blend.final_transmittance, blend.pixel)
    with pytest.raises(ValueError, match="outside"):
        pixel_blend(*splats, 24, 24, 24, 0)


def test_a_splat_pixel_blend_matches_its_render():
    model = Gaussians.initialise(SplatConfig(count=300), generator=torch.Generator().manual_seed(0))
    camera = orbit_camera(30.0, 35.0, 4.5, size=32)
    image = render(model, camera).rgb
    blend = render_pixel_blend(model, camera, 16, 20)
    torch.testing.assert_close(blend.pixel, image[20, 16].detach(), atol=1e-6, rtol=0)


# --- .ply files ------------------------------------------------------------------------------------


def random_splat(count: int, sh_degree: int, seed: int = 0) -> Gaussians:
    g = torch.Generator().manual_seed(seed)
    model = Gaussians(SplatConfig(count=count, sh_degree=sh_degree))
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g))
    return model


@pytest.mark.parametrize("sh_degree", [0, 1])
def test_a_written_ply_reads_back_exactly_here_and_in_plyfile_with_the_reference_names(tmp_path, sh_degree):
    plyfile = pytest.importorskip("plyfile")
    model = random_splat(7, sh_degree)
    path = write_ply(model, tmp_path / "splat.ply")
    back = read_ply(path)
    for name, p in model.parameters_by_name().items():
        torch.testing.assert_close(getattr(back, name), p, rtol=0, atol=0, msg=name)
    vertex = plyfile.PlyData.read(str(path))["vertex"]
    rest = 3 * ((sh_degree + 1) ** 2 - 1)
    expected_names = ["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2"]
    expected_names += [f"f_rest_{i}" for i in range(rest)]
    expected_names += ["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    assert [p.name for p in vertex.properties] == expected_names
    assert vertex.count == 7
    assert all(str(vertex[name].dtype) == "float32" for name in expected_names)
    np.testing.assert_array_equal(vertex["y"], model.means[:, 1].detach().numpy())
    np.testing.assert_array_equal(vertex["opacity"], model.opacity_logits.detach().numpy())
    np.testing.assert_array_equal(vertex["rot_0"], model.quats[:, 0].detach().numpy())  # w first
    np.testing.assert_array_equal(vertex["scale_2"], model.log_scales[:, 2].detach().numpy())
    np.testing.assert_array_equal(vertex["f_dc_1"], model.sh[:, 0, 1].detach().numpy())
    if sh_degree == 1:  # channel-major: f_rest_0..2 are red's three coefficients, f_rest_3 green's first
        np.testing.assert_array_equal(vertex["f_rest_1"], model.sh[:, 2, 0].detach().numpy())
        np.testing.assert_array_equal(vertex["f_rest_3"], model.sh[:, 1, 1].detach().numpy())
        np.testing.assert_array_equal(vertex["f_rest_8"], model.sh[:, 3, 2].detach().numpy())


def test_the_ply_reader_rejects_corrupt_truncated_and_huge_files(tmp_path):
    path = write_ply(random_splat(5, 1), tmp_path / "good.ply")
    data = path.read_bytes()
    offset = data.index(b"end_header\n") + len(b"end_header\n")
    cases = {
        "truncated": data[:-4],
        "too long": data + b"\0" * 4,
        "huge count": data.replace(b"element vertex 5", b"element vertex 999999999"),
        "count beyond the body": data.replace(b"element vertex 5", b"element vertex 6"),
        "zero count": data.replace(b"element vertex 5", b"element vertex 0"),
        "ascii format": data.replace(b"binary_little_endian", b"ascii"),
        "a double property": data.replace(b"property float x", b"property double x"),
        "a renamed property": data.replace(b"property float opacity", b"property float alpha"),
        "not a ply": b"PK\x03\x04" + data[4:],
        "no end of header": data[: offset - 11] + b"\0" * 11 + data[offset:],
        "NaN": data[:offset] + np.float32(np.nan).tobytes() + data[offset + 4 :],
        "empty": b"",
    }
    for reason, content in cases.items():
        bad = tmp_path / "bad.ply"
        bad.write_bytes(content)
        with pytest.raises(ValueError):
            read_ply(bad)
            pytest.fail(f"accepted a file with {reason}")
    assert len(read_ply(path)) == 5


# --- densification ---------------------------------------------------------------------------------


def test_densification_clones_the_small_splits_the_large_and_prunes_the_transparent():
    model = Image2D(Image2DConfig(count=4))
    with torch.no_grad():
        model.means.copy_(torch.tensor([[0.2, 0.2], [0.5, 0.5], [0.8, 0.8], [0.3, 0.7]]))
        model.log_scales.copy_(torch.tensor([0.005, 0.1, 0.05, 0.05]).log()[:, None].expand(-1, 2))
        model.opacity_logits.copy_(torch.logit(torch.tensor([0.5, 0.5, 0.001, 0.5])))
    optimizer = make_optimizer(model, dict.fromkeys(model.parameters_by_name(), 0.01))
    model.render(8, 8).sum().backward()
    optimizer.step()  # Adam has moments now
    moment_of_the_quiet_one = optimizer.state[model.means]["exp_avg"][3].clone()
    parent_scales = model.scales()[1].detach().clone()
    stats = GradientStats(4)
    # Gaussian 0 (small) and 1 (large) are pushed hard, 2 (transparent) and 3 hardly
    stats.add(torch.tensor([[1e-3, 0.0], [0.0, 2e-3], [0.0, 0.0], [1e-5, 0.0]]), torch.ones(4, dtype=torch.bool), 2, 2)
    config = DensifyConfig(grad_threshold=2e-4, dense_fraction=0.02, max_scale_fraction=0.5)
    counts = densify_and_prune(model, optimizer, stats, config, 1.0, generator=torch.Generator().manual_seed(0))
    assert counts == {"cloned": 1, "split": 1, "pruned": 1}
    assert len(model) == 4 + 1 + 2 - 1 - 1  # one clone, two children for one parent, one pruned
    # survivors first (0 and 3), then the clone of 0, then the two children of 1
    torch.testing.assert_close(model.means[2], torch.tensor([0.2, 0.2]))
    torch.testing.assert_close(model.log_scales[3:].exp(), (parent_scales / 1.6).expand(2, 2))
    assert (model.means[3:] - 0.5).abs().max() < 0.5  # drawn from the parent
    # the optimiser follows: its groups hold the new tensors, old rows keep their moments, new rows start at 0
    assert [g["params"][0] for g in optimizer.param_groups] == list(model.parameters_by_name().values())
    state = optimizer.state[model.means]
    assert state["exp_avg"].shape == (5, 2)
    torch.testing.assert_close(state["exp_avg"][1], moment_of_the_quiet_one)
    assert state["exp_avg"][2:].abs().sum() == 0
    model.render(8, 8).sum().backward()
    optimizer.step()  # and it still steps


def test_densification_works_on_the_3d_splat_and_respects_the_budget():
    model = Gaussians.initialise(SplatConfig(count=50), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        model.log_scales.fill_(-4.0)  # all small: every densified one is cloned, none pruned
    optimizer = make_optimizer(model, dict.fromkeys(model.parameters_by_name(), 0.01))
    stats = GradientStats(50)
    stats.add(torch.full((50, 2), 1.0), torch.ones(50, dtype=torch.bool), 64, 64)
    counts = densify_and_prune(model, optimizer, stats, DensifyConfig(max_count=60), 5.0, generator=torch.Generator().manual_seed(0))
    assert counts == {"cloned": 10, "split": 0, "pruned": 0}
    assert len(model) == 60 and model.config.count == 60
    assert model.quats.shape == (60, 4) and model.sh.shape == (60, 4, 3)


def test_turning_a_splat_upside_down_keeps_every_view_and_twice_is_the_identity():
    """A view of the turned splat from the turned camera is the same picture (means, rotations and SH all turn)."""
    from core.scene.cameras import Camera, orbit_camera
    from core.splat.gaussians import Gaussians, SplatConfig, turned_upside_down
    from core.splat.renderer import render_view

    generator = torch.Generator().manual_seed(3)
    gaussians = Gaussians.initialise(SplatConfig(count=300, sh_degree=1), "surface", generator=generator)
    with torch.no_grad():
        gaussians.quats.copy_(torch.randn(300, 4, generator=generator))
        gaussians.log_scales.add_(0.5 * torch.randn(300, 3, generator=generator))
        gaussians.sh[:, 1:].copy_(0.3 * torch.randn(300, 3, 3, generator=generator))
    turned = turned_upside_down(gaussians)
    camera = orbit_camera(40.0, 35.0, 4.5, size=48)
    flip = torch.diag(torch.tensor([1.0, -1.0, -1.0, 1.0]))
    turned_camera = Camera(camera.width, camera.height, camera.focal, flip @ camera.c2w)
    assert torch.allclose(render_view(turned, turned_camera).rgb, render_view(gaussians, camera).rgb, atol=1e-4)
    back = turned_upside_down(turned)
    assert torch.equal(back.means, gaussians.means) and torch.equal(back.sh, gaussians.sh)
    assert torch.allclose(back.covariances(), gaussians.covariances(), atol=1e-6)
