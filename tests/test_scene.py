"""The shared 3D scene: cameras and rays with known geometry, and the exact renderer against analytic hits."""

import math

import pytest
import torch

from core.scene import scene
from core.scene.cameras import Camera, frustum_corners, hemisphere_cameras, look_at, orbit_camera, rays, turntable


def test_look_at_is_a_rotation_whose_view_axis_points_at_the_target():
    eye, target = torch.tensor([3.0, -2.0, 1.5]), torch.tensor([0.2, 0.1, 0.3])
    pose = look_at(eye, target)
    rotation = pose[:3, :3]
    torch.testing.assert_close(rotation.T @ rotation, torch.eye(3), atol=1e-6, rtol=0)
    assert torch.det(rotation).item() == pytest.approx(1.0, abs=1e-6)
    view = -rotation[:, 2]
    torch.testing.assert_close(view, (target - eye) / (target - eye).norm(), atol=1e-6, rtol=0)
    assert rotation[2, 1].item() > 0, "the camera's up axis leans towards the world's up"


def test_the_centre_pixel_ray_points_at_the_look_at_point():
    camera = orbit_camera(37.0, 28.0, 4.5, size=65)  # odd size: pixel 32 is centred exactly on the axis
    origins, directions = rays(camera)
    to_target = -camera.center / camera.center.norm()
    torch.testing.assert_close(directions[32, 32], to_target, atol=1e-6, rtol=0)
    torch.testing.assert_close(origins[5, 7], camera.center)
    torch.testing.assert_close(directions.norm(dim=-1), torch.ones(65, 65), atol=1e-6, rtol=0)


def test_pixel_rays_follow_the_pinhole_model():
    # a camera at the origin looking down -z (identity pose): pixel (i, j) sees direction ((i+.5-W/2)/f, -(j+.5-H/2)/f, -1)
    camera = Camera(8, 6, 10.0, torch.eye(4))
    _, directions = rays(camera)
    expected = torch.tensor([(0 + 0.5 - 4) / 10.0, -(5 + 0.5 - 3) / 10.0, -1.0])
    torch.testing.assert_close(directions[5, 0], expected / expected.norm(), atol=1e-6, rtol=0)
    assert directions[0, 0, 0] < 0 and directions[0, 0, 1] > 0, "the top-left pixel looks left and up"


def test_hemisphere_cameras_stay_in_their_band_and_held_out_views_are_new():
    train = hemisphere_cameras(20, min_elevation=15, max_elevation=65)
    held_out = hemisphere_cameras(5, offset=0.5)
    for camera in train + held_out:
        elevation = math.degrees(math.asin(camera.center[2].item() / camera.center.norm().item()))
        assert 15 - 1e-4 <= elevation <= 65 + 1e-4
        assert camera.center.norm().item() == pytest.approx(4.5, abs=1e-5)
    gaps = torch.cdist(torch.stack([c.center for c in held_out]), torch.stack([c.center for c in train]))
    assert gaps.min().item() > 0.1


def test_a_ray_straight_down_hits_the_top_of_the_sphere_and_the_floor_at_the_analytic_distance():
    origins = torch.tensor([[-0.55, -0.35, 3.0], [1.2, 1.2, 3.0]])  # above the sphere's centre; above an empty floor corner
    down = torch.tensor([[0.0, 0.0, -1.0], [0.0, 0.0, -1.0]])
    colour, depth, hit = scene.trace(origins, down)
    assert hit.tolist() == [True, True]
    torch.testing.assert_close(depth, torch.tensor([3.0 - 1.0, 3.0]), atol=2 * scene.HIT_EPSILON, rtol=0)
    assert colour[0, 0] > colour[0, 2], "the sphere is red"


def test_a_ray_that_misses_the_scene_sees_the_background():
    colour, depth, hit = scene.trace(torch.tensor([[0.0, 0.0, 3.0]]), torch.tensor([[0.0, 0.0, 1.0]]))
    assert not hit.item() and math.isinf(depth.item())
    torch.testing.assert_close(colour[0], torch.tensor(scene.BACKGROUND))


def test_the_sphere_is_glossy_and_the_box_is_matte():
    # one surface point seen from two directions: the sphere's colour changes with the view, the box's does not
    sphere_top = torch.tensor([[-0.55, -0.35, 1.0], [-0.55, -0.35, 1.0]])
    box_top = torch.tensor([[0.62, -0.25, 0.7], [0.62, -0.25, 0.7]])
    views = torch.tensor([[-0.45, -0.35, -0.82], [0.3, 0.3, -0.9]])
    views = views / views.norm(dim=-1, keepdim=True)
    sphere_colours, box_colours = scene.shade(sphere_top, views), scene.shade(box_top, views)
    assert (sphere_colours[0] - sphere_colours[1]).abs().max() > 0.1
    torch.testing.assert_close(box_colours[0], box_colours[1])


def test_a_rendered_view_shows_every_object_inside_the_bounds():
    colour, depth = scene.render(orbit_camera(30.0, 30.0, 4.5, size=48))
    assert colour.shape == (48, 48, 3) and depth.shape == (48, 48)
    assert colour.min() >= 0 and colour.max() <= 1
    origins, directions = rays(orbit_camera(30.0, 30.0, 4.5, size=48))
    points = origins + depth[..., None].nan_to_num(posinf=0.0) * directions
    which = scene.object_distances(points[depth.isfinite()]).argmin(dim=-1)
    assert set(which.tolist()) == set(range(len(scene.OBJECTS)))
    low, high = torch.tensor(scene.BOUNDS[0]), torch.tensor(scene.BOUNDS[1])
    inside = points[depth.isfinite()]
    assert ((inside >= low - 1e-3) & (inside <= high + 1e-3)).all()


def test_surface_points_lie_on_the_surfaces():
    points, colours = scene.surface_points(500, generator=torch.Generator().manual_seed(0))
    assert scene.sdf(points).abs().max() < 1e-3
    assert colours.shape == (500, 3) and colours.min() >= 0 and colours.max() <= 1


def test_frustum_corners_lie_on_the_corner_rays_and_a_turntable_closes_the_circle():
    camera = orbit_camera(60.0, 20.0, 4.5, size=32)
    corners = frustum_corners(camera, depth=1.0)
    _, directions = rays(camera)
    # the top-left pixel's ray points almost at the first corner (a pixel centre is half a pixel inside)
    to_corner = (corners[0] - camera.center) / (corners[0] - camera.center).norm()
    assert torch.dot(to_corner, directions[0, 0]).item() > 0.9995
    assert ((corners - camera.center) @ camera.forward).tolist() == pytest.approx([1.0] * 4, abs=1e-5)
    cameras = turntable(8, elevation=30.0)
    centres = torch.stack([c.center for c in cameras])
    assert centres[:, 2].tolist() == pytest.approx([4.5 * math.sin(math.radians(30.0))] * 8, abs=1e-5)
    steps = (centres - centres.roll(1, 0)).norm(dim=-1)
    assert steps.max() - steps.min() < 1e-4, "evenly spaced, the last frame one step before the first"


def test_the_box_is_turned_by_its_angle_about_the_vertical_axis():
    centre = torch.tensor([0.62, -0.25, 0.35])
    turned = torch.tensor([math.cos(scene.BOX_ANGLE), math.sin(scene.BOX_ANGLE), 0.0])
    face_centre = centre + 0.3 * turned  # the middle of the face the box's own x axis points through
    assert scene.object_distances(face_centre[None])[0, scene.OBJECTS.index("box")].abs() < 1e-6
    # the same offset without the turn lands inside the box, 0.3 - 0.3 cos(30°) short of that face (its nearest)
    unturned = scene.object_distances((centre + torch.tensor([0.3, 0.0, 0.0]))[None])[0, scene.OBJECTS.index("box")]
    assert unturned.item() == pytest.approx(-(0.3 - 0.3 * math.cos(scene.BOX_ANGLE)), abs=1e-6)


def test_an_orbit_truth_is_the_exact_render_of_its_camera_and_is_kept():
    from core.scene.views import orbit_truth

    camera, truth = orbit_truth(123.0, 20.0, 4.0, 16)
    expected_camera = orbit_camera(123.0, 20.0, 4.0, size=16)
    assert torch.equal(camera.c2w, expected_camera.c2w)
    assert torch.equal(truth, scene.render(expected_camera)[0])
    assert orbit_truth(123.0, 20.0, 4.0, 16)[1] is truth  # rendered once, then shared


def test_a_single_ray_is_traced_and_shaded_without_warnings():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a read-only NumPy array handed to PyTorch warns (the shadow rays of one point)
        colour, depth, hit = scene.trace(torch.tensor([[-0.55, -0.35, 3.0]]), torch.tensor([[0.0, 0.0, -1.0]]))
    assert hit.item() and depth.item() == pytest.approx(2.0, abs=2 * scene.HIT_EPSILON)
    assert colour[0, 0] > colour[0, 1]
