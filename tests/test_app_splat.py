"""The Gaussian splatting tab through the HTTP API: one Gaussian by hand, live 2D and 3D fits, the shipped splat flown,
one pixel's blend, the .ply export, splatting against NeRF, bad input."""

import itertools
import json
import math
import re

import numpy as np
import pytest
from gradio_client.exceptions import AppError
from PIL import Image
from plyfile import PlyData

from core.assets import splat
from core.splat.ply import property_names
from tests.test_app_overview import raw_call

HAND_2D = {"x": 32.0, "y": 32.0, "scale_x": 8.0, "scale_y": 3.0, "angle": 30.0, "opacity": 0.9, "colour": "blue"}
HAND_3D = {"azimuth": 30.0, "elevation": 20.0, "scale_x": 0.6, "scale_y": 0.2, "scale_z": 0.2, "turn": 0.0}
FIT_2D = {"source": "photo", "digit_index": 0, "photo": "astronaut", "upload": None}
FIT_2D |= {"count": 100, "steps": 250, "densify": False, "lr": 0.01}
FIT_3D = {"count": 600, "sh_degree": "0", "init": "surface", "densify": False, "views": 6, "seconds": 10, "seed": 0}
VIEW = {"model": "shipped", "azimuth": 30.0, "elevation": 30.0, "distance": 4.5}
NUMBER = r"-?\d+(?:\{?[.,]\}?\d+)?"


def numbers(text: str) -> list[float]:
    return [float(x.replace("{,}", ".").replace(",", ".")) for x in re.findall(NUMBER, text)]


def matrix(text: str, name: str) -> np.ndarray:
    """Returns the pmatrix written right after `name =` in a LaTeX text."""
    body = re.search(re.escape(name) + r" = \\begin\{pmatrix\}(.*?)\\end\{pmatrix\}", text).group(1)
    return np.array([numbers(row) for row in body.split(r"\\")])


def figure(plot) -> dict:
    return json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]


def psnr_in(text: str) -> float:
    return float(re.search(r"PSNR[^\d]*([\d.,]+)\sdB", text).group(1).replace(",", "."))


def test_one_2d_gaussian_has_the_covariance_worked_by_hand(client, spanish_client):
    picture, text = client.predict(**HAND_2D, api_name="/splat_hand_2d")
    # Sigma = R diag(8^2, 3^2) R^T at 30 degrees: a = 64 cos^2 + 9 sin^2, b = 55 sin cos, c = 64 sin^2 + 9 cos^2
    a, b, c = 64 * 0.75 + 9 * 0.25, 55 * math.sin(math.radians(30)) * math.cos(math.radians(30)), 64 * 0.25 + 9 * 0.75
    shown = numbers(text.split("pmatrix}")[1])
    assert shown[:4] == pytest.approx([a, b, b, c], abs=0.06)
    image = np.asarray(Image.open(picture).convert("RGB")).astype(int)
    assert image.shape == (256, 256, 3)
    centre = image[128, 138]  # beside the dark dot that marks the mean
    assert centre[2] > 200 and centre[0] < 100, "the centre shows the chosen blue"
    assert ((image[..., 0] > 180) & (image[..., 1] < 90) & (image[..., 2] < 90)).sum() > 100, "the red 3-sigma ellipse is drawn"
    assert "{,}" in spanish_client.predict(**HAND_2D, api_name="/splat_hand_2d")[1]  # decimal comma, written for LaTeX


@pytest.mark.parametrize("azimuth", [0.0, 75.0])
def test_the_projected_covariance_is_j_w_sigma_w_t_j_t(client, azimuth):
    _, text = client.predict(**(HAND_3D | {"azimuth": azimuth}), api_name="/splat_hand_3d")
    sigma, w, j, cov2d = (matrix(text, name) for name in (r"\Sigma", "W", "J", r"J W \Sigma W^\top J^\top"))
    assert sigma.shape == (3, 3) and w.shape == (3, 3) and j.shape == (2, 3)
    assert cov2d == pytest.approx(j @ w @ sigma @ w.T @ j.T, rel=0.05, abs=0.3)


def test_the_same_ellipsoid_casts_another_ellipse_from_another_camera(client):
    texts = [client.predict(**(HAND_3D | {"azimuth": a}), api_name="/splat_hand_3d")[1] for a in (0.0, 90.0)]
    first, second = (matrix(text, r"J W \Sigma W^\top J^\top") for text in texts)
    assert abs(first[0, 0] - second[0, 0]) > 0.2 * max(first[0, 0], second[0, 0])


def test_a_2d_fit_streams_and_raises_psnr_and_compares_with_a_jpeg(client):
    job = client.submit(**FIT_2D, seed=0, api_name="/splat_fit_2d")
    job.result()
    outputs = job.outputs()
    assert len(outputs) >= 2
    last = outputs[-1][2]
    assert last.startswith("Done") and "JPEG" in last, last
    curves = figure(outputs[-1][1])
    psnr = [y for trace in curves["data"] if trace["name"] == "PSNR (dB)" for y in trace["y"]]
    assert psnr[-1] > psnr[0] + 2
    assert curves["layout"]["shapes"], "the JPEG of the same size is a dashed line"
    panels = Image.open(outputs[-1][0])
    assert panels.size == (3 * 256 + 2 * 8, 256 + 30)


def test_densification_changes_the_count_of_gaussians(client):
    job = client.submit(**(FIT_2D | {"densify": True, "steps": 200, "count": 50}), seed=0, api_name="/splat_fit_2d")
    job.result()
    counts = [y for trace in figure(job.outputs()[-1][1])["data"] if trace["name"] == "Gaussians" for y in trace["y"]]
    assert counts and counts[-1] != 50  # started at 50: grown by clones and splits, cut by pruning


def test_a_3d_fit_streams_and_raises_the_held_out_psnr(client):
    job = client.submit(**FIT_3D, api_name="/splat_fit_3d")
    job.result()
    outputs = job.outputs()
    first, last = outputs[0][2], outputs[-1][2]
    assert last.startswith("Done") and psnr_in(last) > psnr_in(first) + 1.0, (first, last)


def test_the_shipped_splat_renders_a_view_close_to_the_truth(client):
    picture, text = client.predict(**VIEW, api_name="/splat_view")
    assert Image.open(picture).size == (4 * 256 + 3 * 8, 256 + 30)
    assert psnr_in(text) > 25.0, text


def test_one_pixels_blend_has_falling_transmittance_and_weights_summing_below_one(client):
    plot, text = client.predict(**VIEW, column=32, row=40, api_name="/splat_pixel")
    traces = {trace["name"]: trace for trace in figure(plot)["data"]}
    transmittance, weights, alphas = traces["T_i"]["y"], traces["w_i = T_i α_i"]["y"], traces["α_i"]["y"]
    assert transmittance[0] == pytest.approx(1.0) and all(b <= a + 1e-9 for a, b in itertools.pairwise(transmittance))
    assert weights == pytest.approx([t * a for t, a in zip(transmittance, alphas, strict=True)], abs=1e-6)
    assert sum(weights) <= 1.0 + 1e-6
    assert "crosses" in text


def test_the_ply_export_is_a_standard_splat_file(client):
    shown, download = client.predict("shipped", api_name="/splat_ply")
    ply = PlyData.read(download)
    vertex = ply["vertex"]
    assert [p.name for p in vertex.properties] == property_names(splat().config.sh_degree)
    assert vertex.count == len(splat())
    assert shown.endswith(".ply")


def test_your_splat_before_training_is_a_clear_message(app_url):
    from gradio_client import Client

    fresh = Client(app_url, verbose=False)  # a new session: nothing trained in it
    with pytest.raises(AppError, match="not trained a splat"):
        fresh.predict(**(VIEW | {"model": "yours"}), api_name="/splat_view")


def test_splatting_renders_faster_than_nerf_at_the_same_size(client):
    _plot, table = client.predict(api_name="/splat_compare")
    rows = [line for line in table.splitlines() if line.startswith("| ") and "ms" not in line]
    assert len(rows) == 4
    cells = {row.split("|")[1].strip(): [float(row.split("|")[k].strip().replace(",", "")) for k in (2, 3)] for row in rows}
    assert cells["Gaussian splat"][1] < cells["NeRF (MLP)"][1]  # ms per frame: about 8x apart
    assert cells["NeRF (MLP), empty space skipped"][0] == pytest.approx(cells["NeRF (MLP)"][0], abs=0.05)  # the same picture


@pytest.mark.parametrize(
    ("endpoint", "values"),
    [
        ("/splat_fit_2d", FIT_2D | {"count": 10**9, "seed": 0}),
        ("/splat_fit_2d", FIT_2D | {"count": 0, "seed": 0}),
        ("/splat_fit_2d", FIT_2D | {"lr": -1.0, "seed": 0}),
        ("/splat_fit_3d", FIT_3D | {"views": 0}),
        ("/splat_fit_3d", FIT_3D | {"sh_degree": "3"}),
        ("/splat_hand_2d", HAND_2D | {"scale_x": 1e9}),
        ("/splat_view", VIEW | {"azimuth": "left"}),
    ],
)
def test_bad_values_are_refused_with_a_message(client, endpoint, values):
    with pytest.raises(AppError, match=r"between|one of|number|whole"):
        client.predict(**values, api_name=endpoint)


def test_a_nan_learning_rate_over_raw_http_is_refused_and_the_server_stays_healthy(client, app_url):
    stream = raw_call(app_url, "splat_fit_2d", '{"data": ["photo", 0, "astronaut", null, 100, 100, false, NaN, 0]}')
    assert "event: error" in stream and "finite number" in stream
    assert client.predict(**HAND_2D, api_name="/splat_hand_2d")[1].startswith("Covariance")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_blend_chart_says_when_it_shows_only_the_nearest_gaussians(lang):
    import torch

    from core.splat.rasterize import PixelBlend
    from demos.splat_plots import blend_figure
    from demos.texts import t

    def blend(k: int) -> PixelBlend:
        alpha = torch.full((k,), 0.1)
        transmittance = 0.9 ** torch.arange(k, dtype=torch.float32)
        colour = torch.full((k, 3), 0.5)
        weight = transmittance * alpha
        order = torch.arange(k)
        return PixelBlend(order, order.float(), alpha, transmittance, weight, colour, weight[:, None] * colour, colour[0], 0.0)

    many = blend_figure(blend(59), lang, shown=40)
    assert many.layout.title.text == t("splat_blend_title_first", lang, shown=40, n=59) and len(many.data[0].x) == 40
    few = blend_figure(blend(3), lang, shown=40)
    assert few.layout.title.text == t("splat_blend_title", lang, n=3) and len(few.data[0].x) == 3
