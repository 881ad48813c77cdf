"""The DCGAN part of the GANs tab through the HTTP API."""

import json
import re

import numpy as np
import pytest
from gradio_client.exceptions import AppError
from PIL import Image

from demos.texts import TABLES, t
from tests.texts import read, value


def norms_of(text: str) -> list[float]:
    return [value(v) for v in read(text, "gan_digits_norms", "en")["norms"].split(" · ")]


def test_samples_grid_and_the_slider_digit(client):
    grid, one, verdict = client.predict(0, 0, 0, 0, 0, api_name="/gan_digits_samples")
    assert Image.open(grid).size[0] > 300
    moved = client.predict(0, 2.5, -2.5, 1, 0, api_name="/gan_digits_samples")[1]
    assert not np.array_equal(np.asarray(Image.open(one)), np.asarray(Image.open(moved))), "a noise slider changes the digit"
    found = read(verdict, "gan_digits_verdict", "en", groups={"digit": r"\d"})
    assert 10 <= value(found["confidence"]) <= 100, verdict


def test_interpolation_strip_and_norms(client):
    strip, norms = client.predict(1, 2, "spherical", 8, api_name="/gan_digits_interpolate")
    width, height = Image.open(strip).size
    assert width > 6 * height
    values = norms_of(norms)
    assert len(values) == 8 and min(values) > min(values[0], values[-1]) - 0.3  # slerp keeps a typical length
    _, linear = client.predict(1, 2, "linear", 8, api_name="/gan_digits_interpolate")
    linear_values = norms_of(linear)
    assert linear_values[0] == values[0] and linear_values[-1] == values[-1]
    assert min(linear_values[3:5]) < min(values) - 0.5  # the straight line cuts through shorter noise vectors


def test_class_histogram(client):
    plot, text = client.predict(0, api_name="/gan_digits_judge")
    fig = json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]
    bars = fig["data"][0]
    counts = bars["text"] if isinstance(bars["text"], list) else None
    assert counts is not None and sum(int(c) for c in counts) == 2000 and len(counts) == 10
    found = read(text, "gan_digits_scores", "en")
    assert value(found["kl"]) >= 0 and 0 <= value(found["confident"]) <= 100


@pytest.mark.parametrize(
    ("api", "values", "message"),
    [
        ("/gan_digits_samples", (0, 99, 0, 0, 0), ("common_err_range", "gan_digits_coordinate", {"lo": -3.0, "hi": 3.0})),
        ("/gan_digits_samples", (-4, 0, 0, 0, 0), ("common_err_range", "common_seed", {"lo": 0, "hi": 2**31 - 1})),
        ("/gan_digits_interpolate", (1, 2, "curvy", 8), ("common_err_choice", "gan_digits_mode", {"choices": "linear, spherical"})),
        ("/gan_digits_interpolate", (1, 2, "linear", 1000), ("common_err_range", "gan_digits_steps", {"lo": 3, "hi": 16})),
        ("/gan_digits_judge", ("x",), ("common_err_not_number", "common_seed", {})),
    ],
)
def test_bad_input(client, api, values, message):
    key, name_key, fields = message
    with pytest.raises(AppError, match=re.escape(t(key, "en", name=t(name_key, "en"), **fields))):
        client.predict(*values, api_name=api)


def test_histogram_labels_fit_and_the_uniform_line_label_sits_beside_the_bars():
    from types import SimpleNamespace

    from demos.gan_digits import verdict

    fig, _ = verdict(0, SimpleNamespace(headers={"accept-language": "es-AR"}))
    counts = list(fig.data[0].y)
    low, high = fig.layout.yaxis.range
    assert low == 0 and high >= 1.12 * max(counts), "room above the tallest bar for its count label"
    assert fig.data[0].cliponaxis is False
    (label,) = fig.layout.annotations
    assert label.text == TABLES["es"]["gan_digits_uniform"]
    # to the right of the plot area, not over the last bar
    assert label.xref == "x domain" and label.x >= 1 and label.xanchor == "left"
    assert fig.layout.margin.r >= 9 * len(label.text)
