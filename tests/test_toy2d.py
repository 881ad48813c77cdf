"""2D toy data: exact benchmark configs, shapes, determinism, and CSV parsing."""

import math

import pytest
import torch

from core.data.toy2d import (
    CSV_MAX_ROWS,
    TOY_DATASETS,
    DataError,
    grid,
    grid_centers,
    make_toy,
    points_from_csv,
    read_csv_points,
    ring,
    ring_centers,
)


def test_ring_centres_are_eight_angles_without_duplicate_endpoint():
    centres = ring_centers()
    assert centres.shape == (8, 2)
    for k in range(8):
        angle = 2 * math.pi * k / 8
        assert centres[k].tolist() == pytest.approx([math.cos(angle), math.sin(angle)], abs=1e-7)
    assert torch.linalg.norm(centres, dim=1) == pytest.approx(torch.ones(8), abs=1e-6)
    assert torch.cdist(centres, centres).add(torch.eye(8)).min() > 0.7  # all distinct


def test_grid_centres_are_the_25_points_of_minus4_to_4_step_2():
    centres = grid_centers()
    assert centres.shape == (25, 2)
    expected = {(float(x), float(y)) for x in (-4, -2, 0, 2, 4) for y in (-4, -2, 0, 2, 4)}
    assert {tuple(c) for c in centres.tolist()} == expected


@pytest.mark.parametrize(("sampler", "std"), [(ring, 0.01), (grid, 0.05)])
def test_mixture_std_and_labels(sampler, std):
    data = sampler(40_000, generator=torch.Generator().manual_seed(0))
    assert data.points.shape == (40_000, 2) and data.points.dtype == torch.float32
    assert data.std == std
    offsets = data.points - data.centers[data.labels]
    assert offsets.std().item() == pytest.approx(std, rel=0.03)
    assert offsets.mean().abs().item() < 3 * std / math.sqrt(40_000) * 3
    counts = torch.bincount(data.labels, minlength=data.num_classes).float()
    assert counts.min() / counts.max() > 0.85  # equal weights


@pytest.mark.parametrize("name", TOY_DATASETS)
def test_every_toy_dataset_is_deterministic_and_labelled(name):
    a = make_toy(name, 500, generator=torch.Generator().manual_seed(3))
    b = make_toy(name, 500, generator=torch.Generator().manual_seed(3))
    c = make_toy(name, 500, generator=torch.Generator().manual_seed(4))
    assert torch.equal(a.points, b.points) and torch.equal(a.labels, b.labels)
    assert not torch.equal(a.points, c.points)
    assert a.points.shape == (500, 2) and torch.isfinite(a.points).all()
    assert a.labels.min() >= 0 and a.labels.max() < a.num_classes
    assert len(torch.unique(a.labels)) == a.num_classes
    assert a.points.abs().max() < 6


def test_unknown_dataset_and_bad_sizes_are_refused():
    with pytest.raises(ValueError, match="unknown toy dataset"):
        make_toy("donut", 10)
    with pytest.raises(ValueError, match="num_samples"):
        ring(0)


def test_csv_with_header_and_labels():
    data = points_from_csv("x,y,label\n0,0,3\n1,1,3\n2,0.5,7\n")
    assert data.points.tolist() == [[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]]
    assert data.labels.tolist() == [0, 0, 1]  # relabelled to contiguous classes
    assert data.num_classes == 2


def test_csv_without_labels_gives_one_class():
    data = points_from_csv(b"1,2\n3,4\n5,6\n")
    assert data.num_classes == 1 and data.points.shape == (3, 2)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("x,y\n1,2\n", "csv_too_few"),
        ("1,2\n3,abc\n5,6\n", "csv_not_number"),
        ("1,2\n3,nan\n5,6\n", "csv_not_finite"),
        ("1,2\n3,inf\n5,6\n", "csv_not_finite"),
        ("1\n2\n3\n", "csv_columns"),
        ("1,2,500\n3,4,0\n5,6,0\n", "csv_label"),
        ("1,2\n" * (CSV_MAX_ROWS + 1), "csv_too_many"),
        (b"1" * 2_000_001, "csv_too_big"),
    ],
)
def test_bad_csv_is_refused_with_a_key(text, key):
    with pytest.raises(DataError) as info:
        points_from_csv(text)
    assert info.value.key == key


def test_a_csv_file_is_read_or_refused_with_a_key(tmp_path):
    good = tmp_path / "points.csv"
    good.write_text("x,y\n0,0\n1,1\n2,0.5\n")
    assert read_csv_points(str(good)).points.tolist() == [[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]]
    big = tmp_path / "big.csv"
    big.write_bytes(b"1" * 2_000_001)
    for path, key in (
        (None, "err_csv_missing"),
        ("", "err_csv_missing"),
        (str(tmp_path / "none.csv"), "err_csv_missing"),
        (str(big), "csv_too_big"),
    ):
        with pytest.raises(DataError) as info:
            read_csv_points(path)
        assert info.value.key == key
