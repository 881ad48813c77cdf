"""Clickable charts drawn with Pillow: pixel and data coordinates map back and forth exactly."""

import numpy as np
import pytest

from demos import raster
from demos.raster import RasterAxes, labeled_tiles, nice_ticks


def test_pixels_and_data_round_trip():
    axes = RasterAxes((-2.0, 10.0), (6.0, 30.0), size=400, left=50, top=30)
    points = np.array([[-2.0, 10.0], [6.0, 30.0], [0.0, 20.0]])
    pixels = axes.to_pixel(points)
    assert pixels.tolist() == [[50, 430], [450, 30], [150, 230]]  # y grows downwards on screen
    for (x, y), point in zip(pixels, points, strict=True):
        assert axes.to_data(x, y) == pytest.approx(tuple(point))
    assert axes.to_data(10, 100) is None and axes.to_data(200, 431) is None  # margins


@pytest.mark.parametrize(
    "low, high, expected",
    [(0, 10, [0, 2, 4, 6, 8, 10]), (-3.3, 3.3, [-2, 0, 2]), (-7.5, 23, [0, 10, 20]), (0.01, 0.05, [0.01, 0.02, 0.03, 0.04, 0.05])],
)
def test_nice_ticks(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_canvas_has_the_declared_size_and_draws_in_the_plot_area():
    axes = RasterAxes((0.0, 0.0), (1.0, 1.0), size=200)
    image = axes.canvas("title", "z1", "z2")
    assert image.size == (axes.width, axes.height)
    before = np.asarray(image).copy()
    axes.scatter(image, np.array([[0.5, 0.5], [5.0, 5.0]]), np.array([3, 4]))  # the second point is outside and skipped
    changed = np.argwhere((np.asarray(image) != before).any(-1))
    x, y = axes.to_pixel(np.array([[0.5, 0.5]]))[0]
    assert len(changed) > 0 and np.abs(changed[:, 1] - x).max() <= 4 and np.abs(changed[:, 0] - y).max() <= 4


def test_labeled_tiles_layout():
    tiles = labeled_tiles(np.zeros((10, 8, 8)), [str(i) for i in range(10)], [True] * 5 + [False] * 5, per_row=4, scale=4)
    assert tiles.size == (4 * (32 + 10) + 10, 3 * (32 + 22) + 8)


LONG_TITLE = "Autoencoder variacional (VAE), latente 2-D: códigos de 364 dígitos de prueba, con un título todavía más largo"


def ink(image) -> np.ndarray:
    """Returns the (row, column) of every non-white pixel."""
    return np.argwhere((np.asarray(image.convert("RGB")) < 250).any(-1))


@pytest.mark.parametrize("title", ["z", "Autoencoder (AE): códigos de 364 dígitos de prueba", LONG_TITLE])
def test_a_title_fits_the_image_and_keeps_clear_of_the_image_toolbar(title):
    axes = RasterAxes((0.0, 0.0), (1.0, 1.0), size=400, right=44)
    blank = np.asarray(axes.canvas("", "z1", "z2"))
    drawn = np.asarray(axes.canvas(title, "z1", "z2"))
    title_ink = np.argwhere((drawn != blank).any(-1))
    assert len(title_ink) > 0, "the title is drawn"
    assert title_ink[:, 0].max() < axes.top, "the title stays above the plot"
    assert title_ink[:, 1].min() >= 2, "not cut at the left edge"
    # Gradio's image toolbar sits in the top-right corner: the title leaves it free
    assert title_ink[:, 1].max() < axes.width - raster.TOOLBAR_CLEARANCE
    # ...and an image's label in the top-left corner, when it is shown with one
    labelled = RasterAxes((0.0, 0.0), (1.0, 1.0), size=400, right=44, labelled=True)
    blank = np.asarray(labelled.canvas("", "z1", "z2"))
    title_ink = np.argwhere((np.asarray(labelled.canvas(title, "z1", "z2")) != blank).any(-1))
    assert title_ink[:, 1].min() >= raster.LABEL_CLEARANCE and title_ink[:, 1].max() < labelled.width - raster.TOOLBAR_CLEARANCE


def test_long_text_is_shrunk_then_wrapped_to_fit():
    lines, fitted = raster.fit_lines("beta = 1", 300, size=15)
    assert lines == ["beta = 1"] and fitted.size == 15, "short text is left alone"
    lines, fitted = raster.fit_lines(LONG_TITLE, 400, size=15, max_height=30)
    assert len(lines) == 2 and " ".join(lines) == LONG_TITLE
    assert all(fitted.getlength(line) <= 400 for line in lines)
    assert len(lines) * raster.line_height(fitted) <= 30


def test_legend_title_fits_the_margin():
    axes = RasterAxes((0.0, 0.0), (1.0, 1.0), size=200, right=44)
    image = axes.canvas("", "z1", "z2")
    before = np.asarray(image).copy()
    raster.class_legend(image, title="Dígito", x=axes.left + axes.size + 8, y=axes.top)
    changed = np.argwhere((np.asarray(image) != before).any(-1))
    assert changed[:, 1].max() < image.width - 1, "the legend title is not cut at the right edge"
