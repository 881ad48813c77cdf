"""Bundled image data: the fixed digits split, faces and photos."""

import numpy as np
import pytest
import torch

from core.data.images import PHOTOS, digits_split_indices, load_digits, load_faces, load_photo, sample_digits, square


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


def test_digit_from_image_follows_the_datasets_recipe():
    """A 32x32 binary bitmap summed over 4x4 blocks is exactly how optdigits made its 8x8 digits."""
    from core.data.images import digit_from_image

    rng = np.random.default_rng(0)
    bitmap = np.zeros((32, 32), dtype=bool)
    bitmap[4:28, 10:22] = rng.random((24, 12)) > 0.4  # ink inside a 24x12 box, centred horizontally
    bitmap[4, 10] = bitmap[27, 21] = True  # pin the bounding box
    canvas = np.full((32 * 10, 32 * 10, 3), 255, dtype=np.uint8)  # dark ink on white, 10x larger
    big = np.kron(bitmap, np.ones((10, 10), dtype=bool))
    canvas[big] = 0
    digit = digit_from_image(canvas)
    # the crop is 240x120 pixels; centred in a 240x240 square and shrunk to 32x32 it is the bitmap's 24x12 box scaled by 32/24
    assert digit.shape == (1, 1, 8, 8) and digit.min() >= 0 and digit.max() <= 1
    assert digit[0, 0, :, :2].sum() == 0 and digit[0, 0, :, 6:].sum() == 0  # side columns stay empty, as in the dataset
    # light ink on a dark background and a transparent background give the same digit
    inverted = 255 - canvas
    assert torch.equal(digit_from_image(inverted), digit)
    rgba = np.zeros((320, 320, 4), dtype=np.uint8)
    rgba[big] = (0, 0, 0, 255)
    assert torch.equal(digit_from_image(rgba), digit)


def test_digit_from_image_reads_large_renderings_of_test_digits():
    """Test digits blown up to 320x320 come back as digits the shipped classifier still recognises."""
    from core.assets import DIGITS_CLASSIFIER_PATH
    from core.checkpoint import load_model
    from core.data.images import digit_from_image

    images, labels = load_digits("test")
    classifier = load_model(DIGITS_CLASSIFIER_PATH)
    back = torch.cat([digit_from_image((np.kron(1 - image[0].numpy(), np.ones((40, 40))) * 255).astype(np.uint8)) for image in images])
    accuracy = (classifier.predict_proba(back).argmax(1) == labels).float().mean().item()
    assert accuracy > 0.88


@pytest.mark.parametrize(
    "array, key",
    [
        (np.full((50, 50, 3), 255, dtype=np.uint8), "draw_empty"),  # blank canvas
        (np.zeros((0, 0, 3), dtype=np.uint8), "draw_empty"),
        (np.zeros((4, 4, 7), dtype=np.uint8), "draw_empty"),
        (np.zeros((4001, 4001), dtype=np.uint8), "draw_too_big"),
    ],
)
def test_digit_from_image_refuses_what_it_cannot_read(array, key):
    from core.data.images import DrawingError, digit_from_image

    with pytest.raises(DrawingError) as info:
        digit_from_image(array)
    assert info.value.key == key


@pytest.mark.parametrize(
    "array",
    [
        np.full((30, 50, 3), 255, dtype=np.uint8),
        np.full((30, 50), 65535, dtype=np.uint16),
        np.ones((50, 30, 4), dtype=np.float64),
        np.ones((40, 40), dtype=bool),
    ],
)
def test_image_from_array_reads_any_mode_and_bit_depth(array):
    from core.data.images import image_from_array

    image = image_from_array(array, 16)
    assert image.shape[1:] == (16, 16) and image.shape[0] in (1, 3)
    assert torch.allclose(image, torch.ones_like(image), atol=1e-5)  # white stays white in every encoding


def test_image_from_array_refuses_empty_and_huge():
    from core.data.images import DrawingError, image_from_array

    for array, key in ((np.zeros((0, 3)), "draw_empty"), (np.zeros((5000, 4000), dtype=np.uint8), "draw_too_big")):
        with pytest.raises(DrawingError) as info:
            image_from_array(array, 16)
        assert info.value.key == key


def test_gaussian_blur_keeps_the_mean_and_spreads_a_point():
    from scipy.ndimage import gaussian_filter

    from core.data.images import gaussian_blur

    image = torch.zeros(1, 1, 15, 15)
    image[0, 0, 7, 7] = 1.0
    blurred = gaussian_blur(image, 1.0)
    assert blurred.sum().item() == pytest.approx(1.0, abs=1e-5) and blurred[0, 0, 7, 7] < 0.2
    reference = gaussian_filter(image[0, 0].numpy(), 1.0, mode="nearest", truncate=3.0)
    assert np.allclose(blurred[0, 0].numpy(), reference, atol=1e-4)  # the same filter as SciPy's
    assert torch.equal(gaussian_blur(image, 0.0), image)


def test_the_shapes_picture_holds_a_red_square_and_a_blue_circle():
    """The colour-binding test needs two objects of two different colours: red fills a square, blue a circle, apart."""
    import numpy as np

    from core.data.images import SHAPE_COLORS, shapes_picture

    picture = shapes_picture(448).astype(int)
    masks = {name: (np.abs(picture - np.array(rgb)).sum(-1) < 30) for name, rgb in SHAPE_COLORS.items()}
    for name, mask in masks.items():
        rows, cols = np.nonzero(mask)
        box = (rows.max() - rows.min() + 1) * (cols.max() - cols.min() + 1)
        fill = mask.sum() / box  # a square fills its bounding box, a circle pi/4 of it
        assert fill == pytest.approx(1.0 if name == "red" else np.pi / 4, abs=0.02), name
        assert 0.1 < mask.mean() < 0.25, name
    red_cols, blue_cols = np.nonzero(masks["red"])[1], np.nonzero(masks["blue"])[1]
    assert red_cols.max() < blue_cols.min()  # side by side, not overlapping
    assert not (masks["red"] & masks["blue"]).any() and (masks["red"] | masks["blue"]).mean() < 0.4
    photo = load_photo("shapes", size=64)  # what the models get: still red on the left, blue on the right
    assert photo[0, 32, 16] > 0.7 > photo[2, 32, 16] and photo[2, 32, 48] > 0.7 > photo[0, 32, 48]


def test_digits_read_from_the_csv_equal_scikit_learns_loader():
    """The gallery reads scikit-learn's digits file itself (no scikit-learn import at start-up): same pixels, same labels."""
    from sklearn.datasets import load_digits as sklearn_digits

    bunch = sklearn_digits()
    images, labels = load_digits("all")
    assert torch.equal(images[:, 0], torch.from_numpy((bunch.images / 16.0).astype(np.float32)))
    assert torch.equal(labels, torch.from_numpy(bunch.target.astype(np.int64)))


def test_a_resized_photo_is_kept_and_each_caller_gets_a_copy_of_its_own():
    first = load_photo("astronaut", size=32)
    first.zero_()  # a caller changing its copy
    again = load_photo("astronaut", size=32)
    assert again.shape == (3, 32, 32) and again.mean() > 0.1
    expected = square(load_photo("astronaut"), 32)
    assert torch.equal(again, expected)
