"""2D toy distributions for GANs, diffusion and the generative-vs-discriminative overview.

The two benchmark mixtures follow the literature exactly (VEEGAN, Srivastava et al. 2017,
arXiv 1705.07761; PacGAN, Lin et al. 2018, arXiv 1712.04086):

- ring: 8 Gaussians on the unit circle at angles 2*pi*k/8, k = 0..7, std 0.01;
- grid: 25 Gaussians at {-4, -2, 0, 2, 4}^2, std 0.05.

Every sampler takes a `generator` and returns a `Toy2D`: the points, the index of the component
(mode, arm or segment) each point came from, and, for mixtures, the exact mode centres and std.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from core.lazy import lazy_module

if TYPE_CHECKING:
    import torch
    from torch import Tensor
else:  # the tabs read the dataset names while building the page: PyTorch waits for the first draw (core.lazy)
    torch = lazy_module("torch")


ToyName = Literal["ring", "grid", "moons", "spiral", "swiss_roll"]
TOY_DATASETS: tuple[ToyName, ...] = ("ring", "grid", "moons", "spiral", "swiss_roll")

RING_RADIUS = 1.0
RING_STD = 0.01
GRID_STD = 0.05
GRID_VALUES = (-4.0, -2.0, 0.0, 2.0, 4.0)

MAX_SAMPLES = 1_000_000
CSV_MIN_ROWS = 3
CSV_MAX_ROWS = 20_000
CSV_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Toy2D:
    """A 2D point set with the component each point came from."""

    points: Tensor  # [N, 2] float32, data units
    labels: Tensor  # [N] int64, component index in [0, num_classes)
    num_classes: int
    centers: Tensor | None = None  # [K, 2] mode centres, for mixtures
    std: float | None = None  # std of every mode, for mixtures


class DataError(ValueError):
    """Bad user data; `key` names the message and `params` fill it, so a UI can translate it."""

    def __init__(self, key: str, message: str, **params: object):
        super().__init__(message)
        self.key = key
        self.params = params


def ring_centers() -> Tensor:
    """Returns the 8 ring mode centres `[8, 2]`: radius 1, angles 2*pi*k/8."""
    angles = 2 * math.pi * torch.arange(8, dtype=torch.float64) / 8
    return (RING_RADIUS * torch.stack([angles.cos(), angles.sin()], dim=1)).float()


def grid_centers() -> Tensor:
    """Returns the 25 grid mode centres `[25, 2]` at {-4, -2, 0, 2, 4}^2."""
    values = torch.tensor(GRID_VALUES)
    gx, gy = torch.meshgrid(values, values, indexing="ij")
    return torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)


def _check_n(num_samples: int) -> None:
    if not isinstance(num_samples, int) or not 1 <= num_samples <= MAX_SAMPLES:
        raise ValueError(f"num_samples must be an integer in [1, {MAX_SAMPLES}], got {num_samples!r}")


def _mixture(centers: Tensor, std: float, num_samples: int, generator: torch.Generator | None) -> Toy2D:
    """Samples an equal-weight isotropic Gaussian mixture."""
    _check_n(num_samples)
    labels = torch.randint(len(centers), (num_samples,), generator=generator)
    noise = torch.randn(num_samples, 2, generator=generator)
    points = centers[labels] + std * noise  # [N, 2]
    return Toy2D(points, labels, len(centers), centers.clone(), std)


def ring(num_samples: int, *, generator: torch.Generator | None = None) -> Toy2D:
    """Returns samples of the ring of 8 Gaussians (radius 1, std 0.01)."""
    return _mixture(ring_centers(), RING_STD, num_samples, generator)


def grid(num_samples: int, *, generator: torch.Generator | None = None) -> Toy2D:
    """Returns samples of the grid of 25 Gaussians at {-4,...,4}^2 (std 0.05)."""
    return _mixture(grid_centers(), GRID_STD, num_samples, generator)


def moons(num_samples: int, *, noise: float = 0.08, generator: torch.Generator | None = None) -> Toy2D:
    """Returns two interleaving half circles (as scikit-learn's `make_moons`), class = moon."""
    _check_n(num_samples)
    labels = torch.randint(2, (num_samples,), generator=generator)
    t = math.pi * torch.rand(num_samples, generator=generator)
    upper = torch.stack([t.cos(), t.sin()], dim=1)
    lower = torch.stack([1 - t.cos(), 0.5 - t.sin()], dim=1)
    points = torch.where(labels[:, None] == 0, upper, lower)
    points = points + noise * torch.randn(num_samples, 2, generator=generator)
    return Toy2D(points, labels, 2)


def spiral(num_samples: int, *, noise: float = 0.03, generator: torch.Generator | None = None) -> Toy2D:
    """Returns a two-armed spiral of radius about 1, class = arm."""
    _check_n(num_samples)
    labels = torch.randint(2, (num_samples,), generator=generator)
    t = torch.rand(num_samples, generator=generator)
    radius = 0.1 + 0.9 * t
    angle = 3 * math.pi * t + math.pi * labels
    points = radius[:, None] * torch.stack([angle.cos(), angle.sin()], dim=1)
    points = points + noise * torch.randn(num_samples, 2, generator=generator)
    return Toy2D(points, labels, 2)


def swiss_roll(num_samples: int, *, noise: float = 0.03, generator: torch.Generator | None = None) -> Toy2D:
    """Returns the 2D swiss roll scaled to about [-1.5, 1.5]^2; class = inner, middle or outer third."""
    _check_n(num_samples)
    u = torch.rand(num_samples, generator=generator)
    t = 1.5 * math.pi * (1 + 2 * u)
    points = torch.stack([t * t.cos(), t * t.sin()], dim=1) / 10
    points = points + noise * torch.randn(num_samples, 2, generator=generator)
    labels = torch.clamp((u * 3).long(), max=2)
    return Toy2D(points, labels, 3)


_SAMPLERS = {"ring": ring, "grid": grid, "moons": moons, "spiral": spiral, "swiss_roll": swiss_roll}


def make_toy(name: ToyName, num_samples: int, *, generator: torch.Generator | None = None) -> Toy2D:
    """Returns `num_samples` points of the named toy distribution."""
    if name not in _SAMPLERS:
        raise ValueError(f"unknown toy dataset {name!r}; choose one of {list(_SAMPLERS)}")
    return _SAMPLERS[name](num_samples, generator=generator)


def points_from_csv(text: str | bytes, *, max_rows: int = CSV_MAX_ROWS) -> Toy2D:
    """Returns user points parsed from CSV text: columns x, y and an optional integer label.

    A header row is allowed. Raises `DataError` for text in numeric columns, NaN or infinite
    values, fewer than 3 rows, more than `max_rows` rows, or more than 2 MB of text.
    """
    if isinstance(text, bytes):
        if len(text) > CSV_MAX_BYTES:
            raise DataError("csv_too_big", "the CSV is larger than 2 MB", limit=CSV_MAX_BYTES)
        text = text.decode("utf-8", errors="replace")
    if len(text) > CSV_MAX_BYTES:
        raise DataError("csv_too_big", "the CSV is larger than 2 MB", limit=CSV_MAX_BYTES)
    rows = [r for r in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in r)]
    if rows and not _is_number(rows[0][0]):
        rows = rows[1:]  # header
    if len(rows) > max_rows:
        raise DataError("csv_too_many", f"the CSV has more than {max_rows} rows", limit=max_rows)
    if len(rows) < CSV_MIN_ROWS:
        raise DataError("csv_too_few", f"the CSV needs at least {CSV_MIN_ROWS} rows of x, y", minimum=CSV_MIN_ROWS)
    xy, labels = [], []
    for line, row in enumerate(rows, start=1):
        if len(row) < 2:
            raise DataError("csv_columns", f"row {line} needs two numbers, x and y", row=line)
        try:
            x, y = float(row[0]), float(row[1])
            label = int(float(row[2])) if len(row) > 2 and row[2].strip() else 0
        except ValueError:
            raise DataError("csv_not_number", f"row {line} has text where a number should be", row=line) from None
        if not (math.isfinite(x) and math.isfinite(y)):
            raise DataError("csv_not_finite", f"row {line} has a NaN or infinite value", row=line)
        if not 0 <= label < 100:
            raise DataError("csv_label", f"row {line}: labels must be integers from 0 to 99", row=line)
        xy.append((x, y))
        labels.append(label)
    label_tensor = torch.tensor(labels)
    # relabel to 0..K-1 so classifiers see contiguous classes
    _, label_tensor = torch.unique(label_tensor, return_inverse=True)
    return Toy2D(torch.tensor(xy, dtype=torch.float32), label_tensor, int(label_tensor.max()) + 1)


def read_csv_points(path: str | os.PathLike | None, *, max_rows: int = CSV_MAX_ROWS) -> Toy2D:
    """Returns user points read from the CSV file at `path` (as `points_from_csv` parses them).

    Raises `DataError` when there is no such file ("err_csv_missing") or it is larger than 2 MB ("csv_too_big",
    checked before reading), and for anything `points_from_csv` rejects."""
    if not isinstance(path, str | os.PathLike) or not os.path.isfile(path):
        raise DataError("err_csv_missing", "upload a CSV file first")
    if os.path.getsize(path) > CSV_MAX_BYTES:
        raise DataError("csv_too_big", "the CSV is larger than 2 MB", limit=CSV_MAX_BYTES)
    with open(path, "rb") as f:
        return points_from_csv(f.read(CSV_MAX_BYTES + 1), max_rows=max_rows)


def points_from_mask(mask: Tensor, num_samples: int, *, extent: float = 2.0, generator: torch.Generator | None = None) -> Toy2D:
    """Returns points sampled uniformly from the drawn pixels of `mask` [H, W] (True = ink).

    The canvas maps to [-extent, extent]^2 with y pointing up; each point is a random position inside
    a random inked pixel. Raises `DataError` if fewer than 3 pixels are inked.
    """
    _check_n(num_samples)
    rows, cols = torch.nonzero(mask, as_tuple=True)
    if len(rows) < CSV_MIN_ROWS:
        raise DataError("draw_empty", "draw something on the canvas first (at least a few strokes)")
    h, w = mask.shape
    pick = torch.randint(len(rows), (num_samples,), generator=generator)
    jitter = torch.rand(num_samples, 2, generator=generator)
    x = (cols[pick] + jitter[:, 0]) / w * 2 * extent - extent
    y = extent - (rows[pick] + jitter[:, 1]) / h * 2 * extent
    return Toy2D(torch.stack([x, y], dim=1).float(), torch.zeros(num_samples, dtype=torch.long), 1)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
