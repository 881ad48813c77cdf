"""Bundled image data: the fixed digits split, faces and photos."""

import pytest
import torch

from core.data.images import PHOTOS, digits_split_indices, load_digits, load_faces, load_photo, sample_digits


def test_digits_split_is_fixed_disjoint_and_complete():
    train, test = digits_split_indices("train"), digits_split_indices("test")
    assert len(train) == 1433 and len(test) == 364
    assert set(train).isdisjoint(test) and len(set(train) | set(test)) == 1797
    _, labels = load_digits("all")
    first_of_each_class = [int((labels == c).nonzero()[0]) for c in range(10)]
    assert set(first_of_each_class) <= set(test.tolist())


@pytest.mark.parametrize("split", ["train", "test"])
def test_digits_shapes_and_range(split):
    images, labels = load_digits(split)
    assert images.shape[1:] == (1, 8, 8) and images.dtype == torch.float32
    assert images.min() == 0.0 and images.max() == 1.0
    assert set(labels.tolist()) == set(range(10))
    counts = torch.bincount(labels, minlength=10)
    assert counts.min() >= 0.95 * counts.float().mean()  # stratified: balanced classes


def test_sample_digits_is_seeded():
    a, la = sample_digits(16, generator=torch.Generator().manual_seed(1))
    b, lb = sample_digits(16, generator=torch.Generator().manual_seed(1))
    assert torch.equal(a, b) and torch.equal(la, lb) and a.shape == (16, 1, 8, 8)


def test_faces():
    faces = load_faces()
    assert faces.shape == (100, 1, 25, 25)
    assert faces.min() >= 0.0 and faces.max() <= 1.0


@pytest.mark.parametrize("name", PHOTOS)
def test_photos_resize_to_a_square(name):
    photo = load_photo(name, size=64)
    assert photo.shape[1:] == (64, 64) and photo.shape[0] in (1, 3)
    assert photo.min() >= 0.0 and photo.max() <= 1.0 and photo.std() > 0.01


def test_unknown_photo():
    with pytest.raises(ValueError, match="unknown photo"):
        load_photo("dog")
