"""The pictures the server sends: lossless PNG files, one per distinct picture, served by a plain image component."""

from __future__ import annotations

import io
from pathlib import Path

import gradio as gr
import numpy as np
import pytest
from PIL import Image

from demos import pictures
from demos.pictures import Picture, PictureFiles


def _noise(seed: int, size=(40, 30), mode="RGB") -> Image.Image:
    rng = np.random.default_rng(seed)
    channels = {"RGB": 3, "RGBA": 4}.get(mode)
    shape = (size[1], size[0], channels) if channels else (size[1], size[0])
    return Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8), mode)


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L"])
def test_a_written_picture_reads_back_pixel_for_pixel(tmp_path, mode):
    picture = _noise(0, mode=mode)
    path = PictureFiles().path_of(picture, tmp_path)
    with Image.open(path) as back:
        assert back.format == "PNG" and back.mode == mode and back.size == picture.size
        assert np.array_equal(np.asarray(back), np.asarray(picture))


def test_the_same_picture_is_written_once_and_a_different_one_again(tmp_path, monkeypatch):
    files, saved = PictureFiles(), []
    original = Image.Image.save
    monkeypatch.setattr(Image.Image, "save", lambda self, *a, **k: (saved.append(1), original(self, *a, **k))[1])
    first = files.path_of(_noise(1), tmp_path)
    again = files.path_of(_noise(1), tmp_path)  # equal pixels, another object
    other = files.path_of(_noise(2), tmp_path)
    assert first == again != other
    assert len(saved) == 2


def test_palette_pictures_with_equal_indices_but_other_colours_are_different_files(tmp_path):
    indices = np.arange(12, dtype=np.uint8).reshape(3, 4)
    red, blue = Image.fromarray(indices, "P"), Image.fromarray(indices, "P")
    red.putpalette([255, 0, 0] * 256)
    blue.putpalette([0, 0, 255] * 256)
    files = PictureFiles()
    assert files.path_of(red, tmp_path) != files.path_of(blue, tmp_path)


def test_a_deleted_file_is_written_again_and_the_record_stays_bounded(tmp_path):
    files = PictureFiles(remembered=3)
    path = files.path_of(_noise(3), tmp_path)
    (tmp_path / path).unlink()
    assert files.path_of(_noise(3), tmp_path) == path
    with Image.open(path) as back:
        assert np.array_equal(np.asarray(back), np.asarray(_noise(3)))
    for seed in range(10):
        files.path_of(_noise(seed), tmp_path)
    assert len(files._paths) == 3


def test_the_file_is_smaller_than_raw_pixels_and_written_at_the_fast_level(tmp_path):
    flat = Image.new("RGB", (200, 100), (10, 200, 30))
    path = PictureFiles().path_of(flat, tmp_path)
    assert (tmp_path / path).stat().st_size < 200 * 100 * 3 / 50
    assert pictures.PNG_LEVEL == 1


def test_a_picture_is_a_plain_image_on_the_page_and_its_value_a_cached_file(monkeypatch):
    with gr.Blocks() as demo:
        picture = Picture(label="x", elem_id="x-picture", format="png", type="pil", interactive=False, height=120)
        webp = Picture(label="y", format="webp", interactive=False)
    assert picture.get_block_name() == "image"
    config = picture.get_config()  # what the page is told: a plain image with every setting given
    assert config["name"] == "image" and config["elem_id"] == "x-picture" and config["label"] == "x"
    assert config["interactive"] is False and config["height"] == 120 and config["format"] == "png"
    flat = Image.new("RGB", (300, 200), (10, 200, 30))
    data = picture.postprocess(flat)
    assert data.path.startswith(str(picture.GRADIO_CACHE)) and data.path.endswith(".png")
    fast, default = io.BytesIO(), io.BytesIO()
    flat.save(fast, "png", compress_level=pictures.PNG_LEVEL)
    flat.save(default, "png")
    assert fast.getvalue() != default.getvalue()
    assert Path(data.path).read_bytes() == fast.getvalue()  # written by `FILES`, not by Gradio's default encoding
    with monkeypatch.context() as patch:
        patch.setattr(Image.Image, "save", lambda *a, **k: pytest.fail("a picture sent again was encoded again"))
        assert picture.postprocess(flat.copy()).path == data.path
    data = picture.postprocess(_noise(4))
    with Image.open(data.path) as back:
        assert np.array_equal(np.asarray(back), np.asarray(_noise(4)))
    assert webp.postprocess(_noise(4)).path.endswith(".webp")  # other formats are Gradio's own encoding
    assert picture.postprocess(None) is None
    demo.close()
