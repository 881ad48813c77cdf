"""Image data that installed packages bundle: digits, faces and photos (nothing is downloaded).

- digits: scikit-learn's 1,797 handwritten 8x8 digits (UCI optdigits test set), values 0..16,
  scaled to [0, 1] here. The split is fixed, stratified and documented: within each class, taken
  in file order, every fifth image (the 1st, 6th, 11th...) is in the test split (364 images); the
  rest is the train split (1,433 images). No random numbers are involved.
- faces: scikit-image's `lfw_subset`, whose first 100 of 200 images are 25x25 faces.
- photos: a few of scikit-image's bundled sample images, plus `shapes`, drawn here: a red square and a blue
  circle on white, two objects of two different colours (CLIP's colour-binding test).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from core.lazy import lazy_module

if TYPE_CHECKING:
    import torch
    from torch import Tensor
else:
    torch = lazy_module("torch")  # the photo names serve the page before any tab needs PyTorch

Split = Literal["train", "test", "all"]
DIGITS_TEST_EVERY = 5
DIGIT_SIZE = 8
NUM_DIGIT_CLASSES = 10

PhotoName = Literal["astronaut", "cat", "coffee", "rocket", "camera", "coins", "moon", "hubble", "shapes"]
PHOTOS: tuple[PhotoName, ...] = ("astronaut", "cat", "coffee", "rocket", "camera", "coins", "moon", "hubble", "shapes")
SHAPE_COLORS = {"red": (220, 38, 38), "blue": (37, 99, 235)}  # the square's and the circle's colours in `shapes`
_SKIMAGE_NAMES = {"cat": "chelsea", "hubble": "hubble_deep_field"}


def _digits_file() -> Path:
    """Returns the path of the digits CSV that scikit-learn ships, found without importing scikit-learn."""
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("scikit-learn is not installed: the digits data come with it")
    return Path(next(iter(spec.submodule_search_locations))) / "datasets" / "data" / "digits.csv.gz"


@lru_cache(maxsize=1)
def _digits_arrays() -> tuple[np.ndarray, np.ndarray]:
    """Returns scikit-learn's 1,797 digits `[N, 8, 8]` in [0, 1] and their labels, read from its CSV.

    Reading the file that `sklearn.datasets.load_digits` reads (64 pixel values 0-16 and the label per
    row) gives the same arrays without importing scikit-learn and SciPy, about 70 MB the gallery's
    server would otherwise hold from start-up."""
    data = np.loadtxt(_digits_file(), delimiter=",")  # [1797, 65]
    images = (data[:, :-1].reshape(-1, 8, 8) / 16.0).astype(np.float32)  # [1797, 8, 8] in [0, 1]
    return images, data[:, -1].astype(np.int64)


def digits_split_indices(split: Split) -> np.ndarray:
    """Returns the indices of the fixed split: test = every fifth image of each class, train = the rest."""
    labels = _digits_arrays()[1]
    index = np.arange(len(labels))
    if split == "all":
        return index
    rank = np.zeros(len(labels), dtype=np.int64)  # position of each image among those of its class
    for c in range(NUM_DIGIT_CLASSES):
        members = index[labels == c]
        rank[members] = np.arange(len(members))
    is_test = rank % DIGITS_TEST_EVERY == 0
    if split == "test":
        return index[is_test]
    if split == "train":
        return index[~is_test]
    raise ValueError(f"split must be one of 'train', 'test', 'all'; got {split!r}")


def load_digits(split: Split = "train") -> tuple[Tensor, Tensor]:
    """Returns (images `[N, 1, 8, 8]` float32 in [0, 1], labels `[N]` int64) of the fixed split."""
    images, labels = _digits_arrays()
    idx = digits_split_indices(split)
    return torch.from_numpy(images[idx]).unsqueeze(1).clone(), torch.from_numpy(labels[idx]).clone()


def sample_digits(num_samples: int, *, split: Split = "train", generator: torch.Generator | None = None) -> tuple[Tensor, Tensor]:
    """Returns `num_samples` digits drawn with replacement from the split, and their labels."""
    images, labels = load_digits(split)
    pick = torch.randint(len(images), (num_samples,), generator=generator)
    return images[pick], labels[pick]


def load_faces() -> Tensor:
    """Returns the 100 bundled LFW faces as `[100, 1, 25, 25]` float32 in [0, 1]."""
    from skimage.data import lfw_subset

    faces = lfw_subset()[:100].astype(np.float32)  # [100, 25, 25]
    return torch.from_numpy(faces).unsqueeze(1)


def load_photo(name: PhotoName, *, size: int | None = None) -> Tensor:
    """Returns a bundled photo as `[C, H, W]` float32 in [0, 1] (C = 3, or 1 for grey photos).

    With `size`, the photo is centre-cropped to a square and resized to `size` x `size`.
    """
    if name not in PHOTOS:
        raise ValueError(f"unknown photo {name!r}; choose one of {list(PHOTOS)}")
    if size is not None:  # a copy: the caller may change it
        return _square_photo(name, size).clone()
    return _photo(name)


@lru_cache(maxsize=16)
def _square_photo(name: PhotoName, size: int) -> Tensor:
    """The photo resized, kept: decoding a photo and resizing it took 25 ms, asked for by every page that opens."""
    return square(_photo(name), size)


def _photo(name: PhotoName) -> Tensor:
    if name == "shapes":
        array = shapes_picture()
    else:
        import skimage.data

        array = getattr(skimage.data, _SKIMAGE_NAMES.get(name, name))()
    image = torch.from_numpy(np.asarray(array, dtype=np.float32) / 255.0)
    image = image.permute(2, 0, 1) if image.ndim == 3 else image.unsqueeze(0)  # [C, H, W]
    return image.contiguous()


def shapes_picture(side: int = 448) -> np.ndarray:
    """Returns a drawn picture `[side, side, 3]` uint8: a red square on the left and a blue circle on the right, on white.

    Two objects of two different colours: a model that binds each colour to its object prefers "a red square and a blue
    circle" to "a blue square and a red circle"; one that only notices which words occur cannot tell them apart."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (side, side), "white")
    draw = ImageDraw.Draw(image)
    unit = side / 16
    draw.rectangle([1.5 * unit, 4.5 * unit, 7.5 * unit, 10.5 * unit], fill=SHAPE_COLORS["red"])
    draw.ellipse([8.5 * unit, 4.5 * unit, 14.5 * unit, 10.5 * unit], fill=SHAPE_COLORS["blue"])
    return np.asarray(image)


def square(image: Tensor, size: int) -> Tensor:
    """Returns `image` `[C, H, W]` centre-cropped to a square and resized to `size` x `size` (antialiased)."""
    _, h, w = image.shape
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    image = image[:, top : top + side, left : left + side]
    resized = torch.nn.functional.interpolate(image[None], size=(size, size), mode="bilinear", antialias=True, align_corners=False)
    return resized[0].clamp(0, 1).contiguous()


def image_from_array(array: np.ndarray, size: int) -> Tensor:
    """Returns an uploaded picture `[H, W]`, `[H, W, 3]` or `[H, W, 4]` (uint8, uint16, bool or float in
    [0, 1]) as `[C, size, size]` in [0, 1], C = 1 or 3; the alpha channel is dropped. Raises
    `DrawingError("draw_empty")` for an empty array and `DrawingError("draw_too_big")` past `MAX_DRAWING_PIXELS`."""
    array = np.asarray(array)
    if array.ndim not in (2, 3) or array.size == 0 or (array.ndim == 3 and array.shape[2] not in (1, 3, 4)):
        raise DrawingError("draw_empty")
    if array.shape[0] * array.shape[1] > MAX_DRAWING_PIXELS:
        raise DrawingError("draw_too_big")
    if array.dtype == np.bool_:
        values = array.astype(np.float32)
    elif np.issubdtype(array.dtype, np.integer):
        values = array.astype(np.float32) / float(np.iinfo(array.dtype).max)
    else:
        values = np.nan_to_num(array.astype(np.float32)).clip(0, 1)
    values = values[..., None] if values.ndim == 2 else values[..., :3]
    return square(torch.from_numpy(np.ascontiguousarray(values)).permute(2, 0, 1), size)


class DrawingError(ValueError):
    """A drawing or image that cannot become a digit; `key` names the message shown to the person."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


MAX_DRAWING_PIXELS = 16_000_000


def digit_from_image(image: np.ndarray) -> Tensor:
    """Returns a drawn or photographed digit as the dataset sees digits: `[1, 1, 8, 8]` in [0, 1].

    The dataset's own recipe (UCI optdigits): the ink's bounding box is centred in a square, scaled
    to 32x32 binary pixels and summed over 4x4 blocks (0..16, here divided by 16). `image` is
    `[H, W]`, `[H, W, 3]` or `[H, W, 4]` (any dtype); ink is whatever differs from the background
    (the median of the border pixels), so dark-on-light and light-on-dark both work; transparent
    pixels are background. Raises `DrawingError("draw_empty")` when there is no ink and
    `DrawingError("draw_too_big")` past `MAX_DRAWING_PIXELS`.
    """
    from PIL import Image

    array = np.asarray(image)
    if array.ndim not in (2, 3) or array.size == 0 or (array.ndim == 3 and array.shape[2] not in (1, 2, 3, 4)):
        raise DrawingError("draw_empty")
    if array.shape[0] * array.shape[1] > MAX_DRAWING_PIXELS:
        raise DrawingError("draw_too_big")
    values = array.astype(np.float32)
    if values.ndim == 2:
        values = values[..., None]
    scale = 255.0 if array.dtype == np.uint8 or values.max(initial=0) > 1.0 else 1.0
    opaque = values[..., -1] > 0.5 * scale if values.shape[2] in (2, 4) else np.ones(values.shape[:2], dtype=bool)
    channels = values.shape[2] - (1 if values.shape[2] in (2, 4) else 0)
    gray = values[..., :channels].mean(-1) / scale  # [H, W] in [0, 1]
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    border_opaque = np.concatenate([opaque[0], opaque[-1], opaque[:, 0], opaque[:, -1]])
    # ink differs from the background (the border's median); on a transparent background, every opaque pixel is ink
    ink = (np.abs(gray - float(np.median(border[border_opaque]))) > 0.25) & opaque if border_opaque.any() else opaque
    if not ink.any():
        raise DrawingError("draw_empty")
    rows, cols = np.flatnonzero(ink.any(1)), np.flatnonzero(ink.any(0))
    crop = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    side = max(crop.shape)
    square = np.zeros((side, side), dtype=np.uint8)
    top, left = (side - crop.shape[0]) // 2, (side - crop.shape[1]) // 2
    square[top : top + crop.shape[0], left : left + crop.shape[1]] = crop * 255
    bitmap = np.asarray(Image.fromarray(square).resize((32, 32), Image.Resampling.BOX)) > 127  # [32, 32] binary
    counts = bitmap.reshape(8, 4, 8, 4).sum(axis=(1, 3)).astype(np.float32)  # [8, 8] in 0..16
    return torch.from_numpy(counts / 16.0).reshape(1, 1, DIGIT_SIZE, DIGIT_SIZE)


def gaussian_blur(images: Tensor, sigma: float) -> Tensor:
    """Returns images `[N, C, H, W]` blurred with a Gaussian of standard deviation `sigma` pixels (edges replicated)."""
    if sigma <= 0:
        return images.clone()
    radius = max(1, int(3 * sigma + 0.5))
    offsets = torch.arange(-radius, radius + 1, dtype=torch.float32)
    kernel = torch.exp(-0.5 * (offsets / sigma) ** 2)
    kernel = kernel / kernel.sum()
    c = images.shape[1]
    x = torch.nn.functional.pad(images, (radius, radius, radius, radius), mode="replicate")
    x = torch.nn.functional.conv2d(x, kernel.view(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
    return torch.nn.functional.conv2d(x, kernel.view(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)
