"""Charts drawn as images with Pillow, for figures a person clicks on.

A Gradio `Image` reports the pixel a person clicked (`gr.SelectData.index`), which a plotly figure
cannot; `RasterAxes` draws axes, ticks, labels and marks into a PIL image and maps clicked pixels
back to data coordinates. Every image the server draws writes its text with `font()` (DejaVu Sans,
shipped in `assets/fonts/`: Pillow's bundled font has no accented letters) and fits long titles
with `draw_fitted()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from core.assets import FONT_PATH
from demos.plots import class_colors, hex_to_rgb

AXIS_COLOR = (75, 85, 99)
GRID_COLOR = (235, 235, 240)
# Gradio draws its image toolbar (fullscreen, download, share) over an image's top-right corner;
# titles keep this many pixels free at the right.
TOOLBAR_CLEARANCE = 40
# ...and an image shown with its label, the label over its top-left corner: titles keep this many pixels free at the left
LABEL_CLEARANCE = 150


@lru_cache(maxsize=16)
def font(size: int = 13) -> ImageFont.FreeTypeFont:
    """Returns the gallery's font (DejaVu Sans, with every Spanish letter) at `size` pixels."""
    return ImageFont.truetype(str(FONT_PATH), size)


def line_height(text_font: ImageFont.FreeTypeFont) -> int:
    """Returns the distance in pixels between two lines of text in `text_font`."""
    return round(text_font.size * 1.2)


def _split(words: list[str], text_font: ImageFont.FreeTypeFont) -> list[str]:
    """Returns two lines of `words` split where the longer line is shortest."""
    splits = ([" ".join(words[:i]), " ".join(words[i:])] for i in range(1, len(words)))
    return min(splits, key=lambda lines: max(text_font.getlength(line) for line in lines))


def fit_lines(
    text: str, max_width: float, *, size: int = 13, min_size: int = 10, max_height: float | None = None
) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """Returns `text` as one or two lines, and the largest font up to `size` at which they fit `max_width` (and `max_height`).

    A slightly smaller font on one line comes first (down to 80% of `size`), then two lines, then smaller
    still; text that fits nowhere is cut with an ellipsis at `min_size`.
    """
    words = text.split()

    def fits(lines: list[str], text_font: ImageFont.FreeTypeFont) -> bool:
        tall = max_height is not None and len(lines) * line_height(text_font) > max_height
        return not tall and all(text_font.getlength(line) <= max_width for line in lines)

    for px in range(size, max(min_size, round(size * 0.8)) - 1, -1):
        if fits([text], font(px)):
            return [text], font(px)
    for px in range(size, min_size - 1, -1):
        if len(words) > 1 and fits(lines := _split(words, font(px)), font(px)):
            return lines, font(px)
    smallest = font(min_size)
    cut = text
    while cut and smallest.getlength(cut + "…") > max_width:
        cut = cut[:-1]
    return [cut.rstrip() + "…"], smallest


def draw_fitted(
    draw: ImageDraw.ImageDraw,
    text: str,
    box: tuple[float, float, float, float],
    *,
    size: int = 13,
    center: float | None = None,
    fill: str | tuple[int, int, int] = "black",
    min_size: int = 10,
) -> None:
    """Draws `text` inside `box` (x0, y0, x1, y1), shrunk or wrapped to fit.

    The text is centred at `center` (default the box's middle) as far as the box allows.
    """
    x0, y0, x1, y1 = box
    lines, text_font = fit_lines(text, x1 - x0, size=size, min_size=min_size, max_height=y1 - y0)
    middle = (x0 + x1) / 2 if center is None else center
    for i, line in enumerate(lines):
        half = text_font.getlength(line) / 2
        x = min(max(middle, x0 + half), x1 - half)
        draw.text((x, y0 + i * line_height(text_font)), line, fill=fill, font=text_font, anchor="mt")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Returns round tick values inside [low, high] (steps of 1, 2 or 5 times a power of ten)."""
    span = max(high - low, 1e-9)
    raw = span / count
    power = 10 ** np.floor(np.log10(raw))
    step = min((m * power for m in (1, 2, 5, 10) if m * power >= raw), default=power)
    first = np.ceil(low / step) * step
    return [round(float(v), 10) + 0.0 for v in np.arange(first, high + step * 1e-6, step)]  # + 0.0 turns -0.0 into 0.0


@dataclass(frozen=True)
class RasterAxes:
    """A square plotting area of `size` pixels for data in [low, high] on each axis, with margins."""

    low: tuple[float, float]
    high: tuple[float, float]
    size: int = 400
    left: int = 52
    bottom: int = 42
    top: int = 30
    right: int = 14
    labelled: bool = False  # shown under a Gradio label (its title then keeps LABEL_CLEARANCE free at the left)

    @property
    def width(self) -> int:
        return self.left + self.size + self.right

    @property
    def height(self) -> int:
        return self.top + self.size + self.bottom

    def to_pixel(self, points: np.ndarray) -> np.ndarray:
        """Returns pixel coordinates `[N, 2]` (x right, y down) of data points `[N, 2]`."""
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        lo, hi = np.array(self.low), np.array(self.high)
        unit = (points - lo) / (hi - lo)
        return np.stack([self.left + unit[:, 0] * self.size, self.top + (1 - unit[:, 1]) * self.size], axis=1)

    def to_data(self, x: float, y: float) -> tuple[float, float] | None:
        """Returns the data point under pixel (x, y), or None outside the plotting area."""
        u, v = (x - self.left) / self.size, 1 - (y - self.top) / self.size
        if not (0 <= u <= 1 and 0 <= v <= 1):
            return None
        return (self.low[0] + u * (self.high[0] - self.low[0]), self.low[1] + v * (self.high[1] - self.low[1]))

    def canvas(self, title: str, x_label: str, y_label: str, *, background: Image.Image | None = None) -> Image.Image:
        """Returns a white image with the title, ticks, grid, axis labels and an optional background in the plot area."""
        image = Image.new("RGB", (self.width, self.height), "white")
        draw = ImageDraw.Draw(image)
        box = (self.left, self.top, self.left + self.size, self.top + self.size)
        x_ticks, y_ticks = nice_ticks(self.low[0], self.high[0]), nice_ticks(self.low[1], self.high[1])
        if background is not None:
            image.paste(background.convert("RGB").resize((self.size, self.size), Image.Resampling.NEAREST), box[:2])
        else:
            for value in x_ticks:
                x = self.to_pixel(np.array([[value, self.low[1]]]))[0, 0]
                draw.line([(x, box[1]), (x, box[3])], fill=GRID_COLOR)
            for value in y_ticks:
                y = self.to_pixel(np.array([[self.low[0], value]]))[0, 1]
                draw.line([(box[0], y), (box[2], y)], fill=GRID_COLOR)
        draw.rectangle(box, outline=AXIS_COLOR)
        small = font(12)
        for value in x_ticks:
            x = self.to_pixel(np.array([[value, self.low[1]]]))[0, 0]
            draw.line([(x, box[3]), (x, box[3] + 4)], fill=AXIS_COLOR)
            draw.text((x, box[3] + 6), f"{value:g}", fill=AXIS_COLOR, font=small, anchor="mt")
        for value in y_ticks:
            y = self.to_pixel(np.array([[self.low[0], value]]))[0, 1]
            draw.line([(box[0] - 4, y), (box[0], y)], fill=AXIS_COLOR)
            draw.text((box[0] - 6, y), f"{value:g}", fill=AXIS_COLOR, font=small, anchor="rm")
        draw.text((self.left + self.size / 2, self.height - 4), x_label, fill="black", font=font(13), anchor="mb")
        title_box = (LABEL_CLEARANCE if self.labelled else 4, 4, self.width - TOOLBAR_CLEARANCE, self.top - 2)
        draw_fitted(draw, title, title_box, size=15, center=self.left + self.size / 2)
        label = Image.new("RGBA", (self.size, 18), (255, 255, 255, 0))
        ImageDraw.Draw(label).text((self.size / 2, 9), y_label, fill="black", font=font(13), anchor="mm")
        rotated = label.rotate(90, expand=True)
        image.paste(rotated, (2, self.top), rotated)
        return image

    def _clip_box(self) -> tuple[int, int, int, int]:
        return (self.left, self.top, self.left + self.size, self.top + self.size)

    def scatter(self, image: Image.Image, points: np.ndarray, labels: np.ndarray, *, radius: float = 3.0, alpha: float = 1.0) -> None:
        """Draws `points` `[N, 2]` coloured by integer class `labels` `[N]` (points outside are skipped)."""
        layer = Image.new("RGBA", image.size, (255, 255, 255, 0))
        draw = ImageDraw.Draw(layer)
        colors = [hex_to_rgb(c) for c in class_colors(10)]
        x0, y0, x1, y1 = self._clip_box()
        for (x, y), label in zip(self.to_pixel(points), np.asarray(labels), strict=True):
            if x0 <= x <= x1 and y0 <= y <= y1:
                draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*colors[int(label) % 10], int(255 * alpha)))
        image.paste(layer, (0, 0), layer)

    def marker(self, image: Image.Image, point: tuple[float, float], *, color: str = "black", size: float = 9.0) -> None:
        """Draws a ring-and-cross marker at `point`, clamped to the plot area's edge when outside it."""
        draw = ImageDraw.Draw(image)
        x0, y0, x1, y1 = self._clip_box()
        x, y = self.to_pixel(np.array([point]))[0]
        x, y = min(max(x, x0), x1), min(max(y, y0), y1)
        draw.ellipse([x - size, y - size, x + size, y + size], outline=color, width=3)
        draw.line([(x - size - 5, y), (x + size + 5, y)], fill=color, width=2)
        draw.line([(x, y - size - 5), (x, y + size + 5)], fill=color, width=2)

    def crosses(self, image: Image.Image, points: np.ndarray, *, color: str = "black", size: float = 4.0) -> None:
        """Draws small x marks at `points` `[N, 2]`."""
        draw = ImageDraw.Draw(image)
        for x, y in self.to_pixel(points):
            draw.line([(x - size, y - size), (x + size, y + size)], fill=color, width=2)
            draw.line([(x - size, y + size), (x + size, y - size)], fill=color, width=2)

    def ellipse(
        self, image: Image.Image, center: tuple[float, float], radii: tuple[float, float], *, color: str = "black", width: int = 2
    ) -> None:
        """Draws an axis-aligned ellipse with data-space `radii` around `center`."""
        draw = ImageDraw.Draw(image)
        (xa, ya), (xb, yb) = self.to_pixel(
            np.array([[center[0] - radii[0], center[1] + radii[1]], [center[0] + radii[0], center[1] - radii[1]]])
        )
        draw.ellipse([xa, ya, xb, yb], outline=color, width=width)


def class_legend(image: Image.Image, *, title: str, x: int, y: int) -> None:
    """Draws a vertical legend of the ten digit colours at (x, y)."""
    draw = ImageDraw.Draw(image)
    lines, title_font = fit_lines(title, image.width - x - 2, size=12, min_size=9, max_height=16)
    draw.text((x, y), lines[0], fill="black", font=title_font)
    for digit, color in enumerate(class_colors(10)):
        top = y + 18 + 17 * digit
        draw.ellipse([x, top + 2, x + 10, top + 12], fill=hex_to_rgb(color))
        draw.text((x + 15, top), str(digit), fill="black", font=font(12))


def labeled_tiles(images: np.ndarray, captions: list[str], good: list[bool], *, per_row: int = 8, scale: int = 8) -> Image.Image:
    """Returns images `[N, H, W]` in [0, 1] tiled with a caption under each, green when `good` else red."""
    n, h, w = images.shape
    tile_w, tile_h = w * scale, h * scale
    rows = (n + per_row - 1) // per_row
    cell_w, cell_h = tile_w + 10, tile_h + 22
    canvas = Image.new("RGB", (per_row * cell_w + 10, rows * cell_h + 8), "white")
    draw = ImageDraw.Draw(canvas)
    for i in range(n):
        r, c = divmod(i, per_row)
        left, top = 10 + c * cell_w, 8 + r * cell_h
        tile = Image.fromarray((np.clip(images[i], 0, 1) * 255).astype(np.uint8)).resize((tile_w, tile_h), Image.Resampling.NEAREST)
        canvas.paste(tile, (left, top))
        color = (22, 128, 61) if good[i] else (190, 30, 45)
        draw.rectangle([left - 1, top - 1, left + tile_w, top + tile_h], outline=color, width=2)
        draw.text((left + tile_w / 2, top + tile_h + 3), captions[i], fill=color, font=font(12), anchor="mt")
    return canvas
