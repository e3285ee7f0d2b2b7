"""Random shifts of uint8 image batches: every image moves as a whole, within the bound, blanks filled with 0."""

from __future__ import annotations

import numpy as np
import pytest

from digitpad.data.augment import random_shift


def shifted(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """One (H, W) image moved dy down and dx right, the slow obvious way."""
    h, w = image.shape
    out = np.zeros_like(image)
    for r in range(h):
        for c in range(w):
            if 0 <= r - dy < h and 0 <= c - dx < w:
                out[r, c] = image[r - dy, c - dx]
    return out


def offset_of(original: np.ndarray, moved: np.ndarray, bound: int) -> tuple[int, int]:
    matches = [(dy, dx) for dy in range(-bound, bound + 1) for dx in range(-bound, bound + 1)
               if np.array_equal(shifted(original, dy, dx), moved)]
    assert len(matches) == 1, "the output is not one whole-image shift of the input"
    return matches[0]


@pytest.mark.parametrize("shape, bound", [((28, 28), 2), ((8, 8), 1), ((5, 7), 3)])
def test_each_image_is_its_input_moved_by_an_offset_within_the_bound(shape, bound):
    rng = np.random.default_rng(0)
    images = rng.integers(1, 256, (40, shape[0] * shape[1]), dtype=np.uint8)  # no zeros: offsets are unambiguous
    before = images.copy()
    out = random_shift(images, shape, bound, np.random.default_rng(1))
    assert out.shape == images.shape and out.dtype == np.uint8
    assert np.array_equal(images, before), "the input batch must not change"
    offsets = {offset_of(a.reshape(shape), b.reshape(shape), bound) for a, b in zip(images, out)}
    assert all(abs(dy) <= bound and abs(dx) <= bound for dy, dx in offsets)


def test_every_offset_occurs_and_they_differ_per_image():
    images = np.random.default_rng(0).integers(1, 256, (400, 36), dtype=np.uint8)
    out = random_shift(images, (6, 6), 1, np.random.default_rng(2))
    offsets = [offset_of(a.reshape(6, 6), b.reshape(6, 6), 1) for a, b in zip(images, out)]
    assert set(offsets) == {(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)}


def test_zero_bound_is_the_identity_and_a_huge_shift_blanks_the_image():
    images = np.arange(2 * 16, dtype=np.uint8).reshape(2, 16)
    assert np.array_equal(random_shift(images, (4, 4), 0, np.random.default_rng(0)), images)
    rng = np.random.default_rng(0)
    out = random_shift(np.full((200, 16), 7, np.uint8), (4, 4), 9, rng)
    offsets_blank = (out == 0).all(axis=1)
    assert offsets_blank.any() and not offsets_blank.all()


def test_the_same_seed_gives_the_same_shifts():
    images = np.random.default_rng(0).integers(0, 256, (64, 784), dtype=np.uint8)
    a = random_shift(images, (28, 28), 2, np.random.default_rng(5))
    b = random_shift(images, (28, 28), 2, np.random.default_rng(5))
    assert np.array_equal(a, b)
