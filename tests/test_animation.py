"""Recordings of live views saved as GIFs for slides: bounded, evenly spaced, ending on the result."""

from __future__ import annotations

import pickle

import gradio as gr
import numpy as np
import pytest
from PIL import Image

from demos.animation import (
    LAST_FRAME_MS,
    MAX_FRAMES,
    MAX_SIDE,
    MIN_FRAME_MS,
    MISFIT_LEVELS,
    Recording,
    durations_ms,
    save_gif,
    titled_views,
)
from demos.texts import t


def numbered(i: int, size: int = 64) -> Image.Image:
    """A flat frame whose colour encodes `i` < 256 (red (i % 16) * 16, green (i // 16) * 16): two numbers' colours
    differ by 16 levels or more, more than a shared palette may move a colour, so each frame keeps its own exactly."""
    return Image.fromarray(np.full((size, size, 3), [(i % 16) * 16, (i // 16) * 16, 0], dtype=np.uint8))


def levels(path) -> list[int]:
    gif = Image.open(path)
    found = []
    for k in range(gif.n_frames):
        gif.seek(k)
        red, green, _ = np.asarray(gif.convert("RGB"))[0, 0].tolist()
        found.append(round(red / 16) + 16 * round(green / 16))
    return found


def test_frames_with_the_same_colours_share_a_palette_and_new_colours_get_their_own(tmp_path):
    """Mapping onto the last palette is ~30x quicker than choosing one; it may move a colour by MISFIT_LEVELS at most."""
    gradient = np.tile(np.linspace(0, 255, 256).astype(np.uint8)[None, :, None], (32, 1, 3))  # a grey ramp, like a colour bar
    recording = Recording("ramp")
    recording.add(Image.fromarray(gradient))
    first = recording.palette
    shifted = gradient.copy()
    shifted[:, :128] = gradient[:, 128:]  # the same colours, moved
    recording.add(Image.fromarray(shifted))
    assert recording.palette is first  # reused
    green = shifted.copy()
    green[:8] = [0, 200, 0]  # a quarter of the picture in a colour the palette lacks
    recording.add(Image.fromarray(green))
    assert recording.palette != first
    gif = Image.open(recording.save_gif(tmp_path))
    frames = []
    for k in range(gif.n_frames):
        gif.seek(k)
        frames.append(np.asarray(gif.convert("RGB"), dtype=int))
    assert np.abs(frames[1] - shifted).max() <= MISFIT_LEVELS
    assert (frames[2][:8] == [0, 200, 0]).all()


def test_durations_follow_the_real_gaps_and_hold_the_last_frame():
    assert durations_ms([0.0, 0.1, 0.3]) == [100, 200, LAST_FRAME_MS]
    assert durations_ms([0.0, 0.001]) == [MIN_FRAME_MS, LAST_FRAME_MS]  # a burst plays at a speed browsers keep
    assert durations_ms([5.0]) == [LAST_FRAME_MS]


def test_a_long_run_plays_faster_in_at_most_twelve_seconds():
    times = [float(s) for s in range(61)]  # a frame a second for a minute
    durations = durations_ms(times)
    assert durations[:-1] == [200] * 60 and sum(durations[:-1]) == 12_000


def test_a_short_run_keeps_every_frame_in_order(tmp_path):
    recording = Recording("short")
    for i in range(10):
        recording.add(numbered(10 * i))
    assert levels(recording.save_gif(tmp_path)) == [10 * i for i in range(10)]


def test_a_long_run_is_bounded_evenly_spaced_and_ends_on_its_last_picture(tmp_path):
    recording = Recording("long")
    for i in range(250):
        recording.add(numbered(i))
    kept = levels(recording.save_gif(tmp_path))
    assert len(kept) <= MAX_FRAMES + 1 and recording.stride == 4
    assert kept[:-1] == list(range(0, 250, 4))[: len(kept) - 1]  # every 4th picture, from the first
    assert kept[-1] == 249  # the result, even though the stride skipped it


def test_large_frames_are_shrunk_and_the_file_is_named(tmp_path):
    recording = Recording("gan-lab-run")
    recording.add(numbered(7, size=1200))
    path = recording.save_gif(tmp_path)
    assert path.name == "gan-lab-run.gif" and Image.open(path).size == (MAX_SIDE, MAX_SIDE)


def test_a_recording_pickles_as_zero_gpu_hands_results_back():
    recording = Recording("x")
    for i in range(3):
        recording.add(numbered(i))
    copy = pickle.loads(pickle.dumps(recording))
    assert copy.frames == recording.frames and copy.name == "x"


def test_titled_views_puts_the_views_side_by_side_under_their_titles():
    row = titled_views([numbered(0, 50), numbered(255, 30)], ["x_t", "x0"], footer="Step 3 of 10")
    assert row.size == (16 + 50 + 16 + 30 + 16, row.size[1]) and row.size[1] > 50 + 2 * 16
    pixels = np.asarray(row)
    assert (pixels[row.size[1] // 2, 16 + 25] == 0).all()  # the first view is there, black


def test_titled_views_stack_wide_views():
    """The denoising stream's two rows of eight digits are far wider than tall: stacked, a GIF frame stays legible."""
    column = titled_views([numbered(0, 50).resize((400, 50)), numbered(255, 50).resize((400, 50))], ["x_t", "x0"])
    assert column.size[0] == 400 + 2 * 16 and column.size[1] > 2 * 50 + 3 * 16


class FakeRequest:
    def __init__(self) -> None:
        self.headers = {"accept-language": "es-AR"}


@pytest.mark.parametrize("state", [None, Recording("empty"), "not a recording", 3])
def test_saving_with_nothing_recorded_says_so_in_the_users_language(state):
    with pytest.raises(gr.Error) as raised:
        save_gif(state, FakeRequest())
    assert raised.value.message == t("common_gif_empty", "es")


def test_saving_a_live_runs_recording(tmp_path):
    class Run:
        recording = Recording("run")

    Run.recording.add(numbered(9))
    update = save_gif(Run(), FakeRequest())
    assert update.visible and levels(update.value["path"] if isinstance(update.value, dict) else update.value) == [9]
