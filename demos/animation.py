"""Recordings of live views for slides: the frames a person watched, kept bounded, saved as an animated GIF.

A live view (the GAN Lab's plane, the denoising stream, the beta-VAE's latent map) adds each picture it
streams to the person's `Recording`; "Save as GIF" writes what they watched to a file they download.
A recording holds at most `MAX_FRAMES` frames, each palette-compressed: when it is full it keeps every
other frame and from then on records every other picture, so a two-minute run and a ten-second one both
fit, evenly spaced, in a few megabytes. The GIF plays the run faster than it happened when it was long
(at most `MAX_GIF_SECONDS`), and holds the last frame so that the slide ends on the result.
"""

from __future__ import annotations

import io
import itertools
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import gradio as gr
from PIL import Image, ImageChops, ImageDraw

from demos.i18n import I18N, error, lang_of
from demos.layout import LIGHT
from demos.raster import font, line_height

MAX_FRAMES = 96  # frames kept per recording (the memory bound: about 30 KB each)
MAX_SIDE = 480  # px: larger frames are shrunk, which is plenty for a slide
MAX_GIF_SECONDS = 12.0  # a longer run plays faster
MIN_FRAME_MS = 60  # browsers slow frames under 20 ms down to 100 ms; 60 ms is a smooth, safe floor
LAST_FRAME_MS = 2000  # the result stays on screen before the loop starts again
# One recorded frame in this many chooses its own 256 colours (about 30 ms for a GAN Lab plane); the others take
# the last chosen palette (a few ms), which the views' fixed colour scales and legends keep close to right, unless
# more than MISFIT_SHARE of their pixels would move by more than MISFIT_LEVELS (of 255) in some channel.
PALETTE_EVERY = 16
MISFIT_LEVELS, MISFIT_SHARE = 8, 0.01


@dataclass
class Recording:
    """The frames of one live view, as one person watched it (kept in `gr.State`).

    No lock, so that it pickles (ZeroGPU hands a GPU function's results back pickled): the frames are one
    list of (PNG bytes, time) pairs that `add` appends to or replaces whole, and a reader takes the list once."""

    name: str  # the file's stem, e.g. "gan-lab-run"
    frames: list[tuple[bytes, float]] = field(default_factory=list)  # palette PNG, when it was shown (monotonic s)
    stride: int = 1  # records one picture in `stride`
    seen: int = 0  # pictures offered since the recording began
    latest: tuple[Image.Image, float] | None = None  # the last picture offered when the stride skipped it: the GIF ends on it
    palette: bytes | None = None  # the colours the frames since the last chosen palette were mapped to

    def add(self, picture: Image.Image) -> None:
        """Records `picture` if it falls on the stride (else keeps it as the latest); keeps every other frame when full."""
        self.seen += 1
        if (self.seen - 1) % self.stride:
            self.latest = (picture, time.monotonic())
            return
        self.latest = None
        palette = None if len(self.frames) % PALETTE_EVERY == 0 else self.palette
        data, self.palette = _compress(picture, palette)
        self.frames.append((data, time.monotonic()))
        if len(self.frames) >= MAX_FRAMES:
            self.frames = self.frames[::2]
            self.stride *= 2

    def save_gif(self, folder: Path | None = None) -> Path:
        """Writes the recording as a looping GIF and returns its path."""
        frames, latest = self.frames, self.latest
        if latest is not None:
            frames = [*frames, (_compress(latest[0])[0], latest[1])]
        images = [Image.open(io.BytesIO(data)) for data, _ in frames]
        folder = Path(folder or tempfile.mkdtemp(prefix="gallery-gif-"))
        path = folder / f"{self.name}.gif"
        images[0].save(path, save_all=True, append_images=images[1:], duration=durations_ms([when for _, when in frames]), loop=0)
        return path


def durations_ms(times: list[float]) -> list[int]:
    """Returns each frame's display time in ms from when they were shown: the real gaps, scaled so that the
    whole lasts at most `MAX_GIF_SECONDS`, at least `MIN_FRAME_MS` each, in GIF's 10 ms steps; the last held."""
    gaps = [1000 * (b - a) for a, b in itertools.pairwise(times)]
    total = sum(gaps)
    scale = min(1.0, 1000 * MAX_GIF_SECONDS / total) if total > 0 else 1.0
    return [max(MIN_FRAME_MS, round(g * scale / 10) * 10) for g in gaps] + [LAST_FRAME_MS]


def _compress(picture: Image.Image, palette: bytes | None = None) -> tuple[bytes, bytes]:
    """Returns `picture` shrunk to `MAX_SIDE` as a palette PNG, and its palette: `palette` if given (nearest colours,
    no dithering), else 256 colours chosen for this picture."""
    image = picture.convert("RGB")
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.LANCZOS)
    quantized = None
    if palette is not None:
        reference = Image.new("P", (1, 1))
        reference.putpalette(palette)
        quantized = image.quantize(palette=reference, dither=Image.Dither.NONE)
        histogram = ImageChops.difference(image, quantized.convert("RGB")).histogram()  # 256 bins per channel
        moved = sum(sum(histogram[band * 256 + MISFIT_LEVELS + 1 : (band + 1) * 256]) for band in range(3))
        if moved > MISFIT_SHARE * image.width * image.height:
            quantized = None
    if quantized is None:
        quantized = image.quantize(colors=256, method=Image.Quantize.MAXCOVERAGE)
        palette = bytes(quantized.getpalette() or [])
    buffer = io.BytesIO()
    quantized.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue(), palette


def titled_views(pictures: list[Image.Image], titles: list[str], *, footer: str = "") -> Image.Image:
    """Returns `pictures` on white, each under its title, with an optional footer line: a GIF frame of several views
    (the denoising stream's x_t and predicted x0). Side by side, or stacked when they are much wider than tall."""
    text_font = font(15)
    gap = 16
    top = line_height(text_font) + 10 if any(titles) else 0
    bottom = line_height(text_font) + 8 if footer else 0
    stacked = sum(p.width for p in pictures) > 2 * max(p.height + top for p in pictures)
    if stacked:
        width = max(p.width for p in pictures) + 2 * gap
        height = sum(p.height + top for p in pictures) + gap * (len(pictures) + 1) + bottom
    else:
        width = sum(p.width for p in pictures) + gap * (len(pictures) + 1)
        height = top + max(p.height for p in pictures) + 2 * gap + bottom
    canvas = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(canvas)
    x = y = gap
    for picture, title in zip(pictures, titles, strict=True):
        draw.text((x, y - 4), title, fill="#111827", font=text_font)
        canvas.paste(picture.convert("RGB"), (x, y + top))
        if stacked:
            y += picture.height + top + gap
        else:
            x += picture.width + gap
    if footer:
        draw.text((gap, height - bottom - 4), footer, fill="#374151", font=text_font)
    return canvas


def save_gif(state, request: gr.Request):
    """Handler of a "Save as GIF" button: returns the GIF of the recording in `state` (a `Recording`, or a live
    run that has one as `.recording`) for the file box, or says that nothing was recorded yet."""
    lang = lang_of(request)
    recording = state if isinstance(state, Recording) else getattr(state, "recording", None)
    if not isinstance(recording, Recording) or not recording.frames:
        raise error("common_gif_empty", lang)
    return gr.File(value=str(recording.save_gif()), visible=True)


def gif_download(state: gr.State, *, api_name: str, elem_id: str) -> None:
    """Adds a "Save as GIF" button and its (hidden until filled) file box, wired to `save_gif` on `state`;
    call it inside the live view's row of buttons."""
    button = gr.Button(I18N("common_gif"), size="sm", elem_id=f"{elem_id}-button")
    file = gr.File(label=I18N("common_gif_file"), visible=False, interactive=False, elem_id=elem_id)
    button.click(save_gif, state, file, api_name=api_name, **LIGHT)
