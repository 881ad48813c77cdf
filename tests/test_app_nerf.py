"""The NeRF tab through the HTTP API: the scene, flying the shipped fields, one ray, live training, the turntable, bad input."""

import itertools
import json
import re

import numpy as np
import pytest
from gradio_client.exceptions import AppError
from PIL import Image

from tests.test_app_overview import raw_call

FLY = {"model": "grid", "azimuth": 30.0, "elevation": 30.0, "distance": 4.5, "fixed_direction": False, "skip_empty": True}
RAY = {"column": 32, "row": 40, "sampling": "stratified", "samples": 32}
TRAIN = {
    "kind": "grid",
    "frequencies": 8,
    "samples": 24,
    "views": 6,
    "width": 32,
    "view_dependent": True,
    "lr": 0.0,
    "seconds": 10,
    "seed": 0,
}


def figure(plot) -> dict:
    return json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]


def psnr_in(text: str) -> float:
    return float(re.search(r"([\d.,]+)\sdB", text).group(1).replace(",", "."))


def test_the_scene_shows_the_chosen_number_of_training_cameras(client, spanish_client):
    fig = figure(client.predict(6, api_name="/nerf_scene"))
    names = [trace["name"] for trace in fig["data"]]
    assert "6 training cameras" in names and "4 held-out cameras" in names
    cameras = next(trace for trace in fig["data"] if trace["name"] == "6 training cameras")
    assert sum(x is None for x in cameras["x"]) == 6 * 5, "four edges and the image rectangle per camera"
    spanish = [trace["name"] for trace in figure(spanish_client.predict(2, api_name="/nerf_scene"))["data"]]
    assert "2 cámaras de entrenamiento" in spanish


@pytest.mark.parametrize("model", ["nerf", "grid"])
def test_flying_a_shipped_field_renders_the_view_close_to_the_truth(client, model):
    picture, text = client.predict(**(FLY | {"model": model}), api_name="/nerf_fly")
    image = Image.open(picture)
    assert image.size == (4 * 256 + 3 * 8, 256 + 30)
    assert psnr_in(text) > 22.0, text
    truth = np.asarray(image.convert("RGB"))[:256, :256].astype(int)
    render = np.asarray(image.convert("RGB"))[:256, 264:520].astype(int)
    assert np.abs(truth - render).mean() < 12


def test_holding_the_direction_fixed_changes_the_highlight_only(client):
    # seen from the far side of the fixed reference (azimuth 0), where the highlight has moved most
    far_side = FLY | {"model": "nerf", "azimuth": 220.0}
    free = np.asarray(Image.open(client.predict(**far_side, api_name="/nerf_fly")[0]).convert("RGB")).astype(int)
    fixed_picture, text = client.predict(**(far_side | {"fixed_direction": True}), api_name="/nerf_fly")
    fixed = np.asarray(Image.open(fixed_picture).convert("RGB")).astype(int)
    difference = np.abs(free[:256, 264:520] - fixed[:256, 264:520]).sum(-1)
    assert difference.max() > 50, "somewhere (the highlight) the colour changes"  # measured 88 at azimuth 200
    assert (difference < 10).mean() > 0.8, "most of the view (matte surfaces) does not"
    assert "azimuth 0°" in text


def test_skipping_empty_space_draws_the_same_view_and_says_so(client):
    view = FLY | {"model": "nerf", "azimuth": 140.0}
    skipped_picture, skipped_text = client.predict(**view, api_name="/nerf_fly")
    full_picture, full_text = client.predict(**(view | {"skip_empty": False}), api_name="/nerf_fly")
    skipped, full = (np.asarray(Image.open(p).convert("RGB"))[:256, 264:520].astype(int) for p in (skipped_picture, full_picture))
    difference = np.abs(skipped - full)
    assert difference.max() <= 1 and difference.mean() < 0.25  # 78 dB apart: some pixels round to the next 8-bit level
    assert psnr_in(skipped_text) == pytest.approx(psnr_in(full_text), abs=0.05)
    assert "skipping empty space" in skipped_text and "every sample of every ray" in full_text


def test_a_ray_through_a_surface_puts_its_weight_at_the_true_depth(client):
    plot, text = client.predict(**FLY, **RAY, api_name="/nerf_ray")
    fig = figure(plot)
    sigma, transmittance, weights = fig["data"]
    depth = float(re.search(r"t = (\d+\.\d+)", text).group(1))
    peak = weights["x"][int(np.argmax(weights["y"]))]
    assert abs(peak - depth) < 0.3, (peak, depth)
    opacity = float(re.search(r"opacity of \*\*(\d+\.\d+)", text).group(1))
    assert opacity > 0.6 and sum(weights["y"]) == pytest.approx(opacity, abs=0.006)
    t_along = transmittance["y"]
    assert t_along[0] == pytest.approx(1.0) and all(b <= a + 1e-9 for a, b in itertools.pairwise(t_along))
    assert t_along[-1] >= 1 - opacity - 0.006, "what passes the last sample is at least what the weights left (2 decimals)"
    hierarchical = figure(client.predict(**FLY, **(RAY | {"sampling": "hierarchical"}), api_name="/nerf_ray")[0])
    near = lambda trace: sum(abs(x - depth) < 0.3 for x in trace["x"])  # noqa: E731
    assert near(hierarchical["data"][0]) > near(sigma), "importance samples gather at the surface"


def test_live_training_streams_and_raises_the_held_out_psnr(client):
    job = client.submit(**TRAIN, api_name="/nerf_train")
    job.result()
    outputs = job.outputs()
    assert len(outputs) >= 2
    first, last = outputs[0][2], outputs[-1][2]
    assert last.startswith("Done") and psnr_in(last) > psnr_in(first)
    curves = figure(outputs[-1][1])
    assert [trace["name"] for trace in curves["data"]][-2:] == ["your run, held-out view", "your run, training batch"]


def test_the_turntable_is_an_animated_gif_of_one_full_turn(client):
    path = client.predict("grid", api_name="/nerf_turntable")
    gif = Image.open(path)
    assert gif.format == "GIF" and gif.n_frames == 24


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"azimuth": 1e9}, "between"),
        ({"elevation": -90}, "between"),
        ({"model": "stable-diffusion"}, "one of"),
        ({"distance": "far"}, "number"),
    ],
)
def test_bad_camera_values_are_refused_with_a_message(client, changes, message):
    with pytest.raises(AppError, match=message):
        client.predict(**(FLY | changes), api_name="/nerf_fly")


@pytest.mark.parametrize("changes", [{"samples": 0}, {"samples": 10**9}, {"frequencies": 10**9}, {"views": 0}, {"lr": -1.0}])
def test_bad_training_values_are_refused(client, changes):
    with pytest.raises(AppError):
        client.predict(**(TRAIN | changes), api_name="/nerf_train")


def test_nan_camera_over_raw_http_is_refused_and_the_server_stays_healthy(client, app_url):
    stream = raw_call(app_url, "nerf_fly", '{"data": ["grid", NaN, 30, 4.5, false, true]}')
    assert "event: error" in stream and "finite number" in stream
    assert psnr_in(client.predict(**FLY, api_name="/nerf_fly")[1]) > 22.0


def test_a_view_from_the_worker_process_equals_the_view_rendered_in_the_server():
    """`python app.py` renders flown views and rays in a worker process (`core.workers`): the same pictures and numbers."""
    import gradio as gr

    from core import workers
    from demos import nerf

    request = gr.Request(headers={"accept-language": "es"})
    view = FLY | {"azimuth": 123.0}
    here_picture, here_text = nerf.fly(request, **view)
    here_ray, here_ray_text = nerf.ray(request, **view, **RAY)
    assert workers.enable()
    try:
        there_picture, there_text = nerf.fly(request, **view)
        there_ray, there_ray_text = nerf.ray(request, **view, **RAY)
    finally:
        workers.enable(False)
    assert np.array_equal(np.asarray(here_picture), np.asarray(there_picture))
    assert psnr_in(there_text) == psnr_in(here_text) and "dB" in there_text
    assert there_ray_text == here_ray_text

    def drawn(fig) -> dict:  # the figure without plotly's process-wide default template (other tests may change it here)
        d = fig.to_dict()
        d["layout"].pop("template", None)
        return d

    assert drawn(there_ray) == drawn(here_ray) and drawn(here_ray)["data"]
