"""Pictures the server sends to the page: each distinct picture is encoded once, at zlib's fastest level.

A `gr.Image` output encodes every picture it is given as PNG at zlib's default level, for every person: a class
that opens the page at once gets the same default maps, digits and photos forty times over, and the GAN Lab's
live planes are encoded 2.5 times a second per run. Measured on this machine (a 496x472 latent map): Gradio's
encoding took 9.1 ms of the server's CPU, level 1 took 6.0 ms (the file 30% larger, a few KB on the loopback
or a classroom's network), and recognising a picture already sent (a hash of its pixels) 0.5 ms. With a class
of 40 on a 2-core server, the encoding was the largest single cost of a slider's answer (38% of the server's
time for a latent-point decode).

`Picture` is a `gr.Image` for output only (the page shows the same image component: `is_template`) that writes
each picture to Gradio's cache under a hash of its pixels, and gives Gradio the file's path, which Gradio serves
as it is (a file already in its cache is neither copied nor encoded again).
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections import OrderedDict
from pathlib import Path

import gradio as gr
from PIL import Image

PNG_LEVEL = 1  # zlib's fastest level: 35% less CPU than the default (6) for a slightly larger file
REMEMBERED = 512  # the last pictures written, recognised when sent again (a path each: a few KB of memory)


class PictureFiles:
    """Writes pictures as PNG files under a folder, one file per distinct picture; thread-safe."""

    def __init__(self, remembered: int = REMEMBERED):
        self.remembered = remembered
        self._paths: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def path_of(self, picture: Image.Image, folder: str | Path) -> str:
        """Returns the path of a PNG file holding `picture` under `folder`, written now unless it was already."""
        key = _digest(picture)
        with self._lock:
            path = self._paths.get(key)
            if path is not None:
                self._paths.move_to_end(key)
        if path is not None and os.path.exists(path):  # Gradio may have deleted its cache since
            return path
        target = Path(folder) / key / "image.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        picture.save(buffer, "png", compress_level=PNG_LEVEL)
        partial = target.with_name(f".{threading.get_ident()}.part")  # a reader never sees a half-written file
        partial.write_bytes(buffer.getvalue())
        os.replace(partial, target)
        with self._lock:
            self._paths[key] = str(target)
            while len(self._paths) > self.remembered:
                self._paths.popitem(last=False)
        return str(target)


def _digest(picture: Image.Image) -> str:
    """Returns a hash of the picture's mode, size and pixels (a palette picture's palette too)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{picture.mode} {picture.size}".encode())
    if picture.mode == "P" and (palette := picture.getpalette()) is not None:
        h.update(bytes(palette))
    h.update(picture.tobytes())
    return h.hexdigest()


FILES = PictureFiles()  # the server's one record of the pictures it wrote (their files are shared, like Gradio's cache)


class Picture(gr.Image):
    """An output image (a PIL picture in, `gr.Image` on the page) whose pictures are written by `FILES`.

    Its constructor is `gr.Image`'s (Gradio describes a component to the page from its constructor's parameters);
    give it `format="png"`, `interactive=False`."""

    is_template = True  # the page and the API see a plain `image`

    def postprocess(self, value):
        if isinstance(value, Image.Image) and self.format == "png" and getattr(self.watermark, "watermark", None) is None:
            value = FILES.path_of(value, self.GRADIO_CACHE)
        return super().postprocess(value)
