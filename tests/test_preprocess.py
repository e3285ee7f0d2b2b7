"""Tests for digitpad.data.preprocess: MNIST-style centring and the 8×8 format."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from digitpad.data.digits8x8 import load_digits8x8
from digitpad.data.idx import read_idx
from digitpad.data.preprocess import center_digit, is_blank, to_8x8

MNIST_TEST_IMAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist" / "t10k-images-idx3-ubyte.gz"
# The "7": a top bar and a slanted stem, in (y, x) units of its bounding box.
SEVEN = [((0.0, 0.0), (0.0, 1.0)), ((0.0, 1.0), (1.0, 0.35))]
# Off-centre positions for a 0.6× copy of the digit, fractional on purpose.
SMALL_PLACES = [(top, left) for top in (1.3, 5.6, 9.8, 13.1) for left in (1.5, 6.8, 12.1, 17.4)]


def _strokes(segments, top: float, left: float, height: float, width: float,
             thickness: float, size: int = 28) -> np.ndarray:
    """Render line segments as a ``(size, size)`` float32 image with soft edges."""
    r, c = np.mgrid[0:size, 0:size].astype(float)
    dist = np.full((size, size), np.inf)
    for (y0, x0), (y1, x1) in segments:
        a = np.array([top + y0 * height, left + x0 * width])
        d = np.array([top + y1 * height, left + x1 * width]) - a
        t = np.clip(((r - a[0]) * d[0] + (c - a[1]) * d[1]) / (d @ d), 0.0, 1.0)
        dist = np.minimum(dist, np.hypot(r - a[0] - t * d[0], c - a[1] - t * d[1]))
    return np.clip(thickness / 2 - dist + 0.5, 0.0, 1.0).astype(np.float32)


def _seven(top: float, left: float, scale: float = 1.0) -> np.ndarray:
    return _strokes(SEVEN, top, left, 19 * scale, 13 * scale, 3.0 * scale)


def _ring(cy: float, cx: float, radius: float, thickness: float = 3.0) -> np.ndarray:
    r, c = np.mgrid[0:28, 0:28].astype(float)
    dist = np.abs(np.hypot(r - cy, c - cx) - radius)
    return np.clip(thickness / 2 - dist + 0.5, 0.0, 1.0).astype(np.float32)


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def _mad(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).mean())


def _centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    idx = np.arange(image.shape[0])
    mass = image.sum()
    return float(image.sum(axis=1) @ idx / mass), float(image.sum(axis=0) @ idx / mass)


def _ink_extent(image: np.ndarray) -> tuple[int, int]:
    ink = image > 0.05 * image.max()
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def test_output_format():
    out = center_digit(_seven(4, 7))
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0


@pytest.mark.parametrize("shape", [(28, 28), (280, 280), (5, 9)])
def test_blank_gives_zeros(shape):
    image = np.zeros(shape, dtype=np.float32)
    image[0, 0] = 0.01  # a faint smudge is not a drawing
    assert is_blank(image)
    assert not center_digit(image).any() and center_digit(image).shape == (28, 28)
    assert not to_8x8(image).any() and to_8x8(image).shape == (8, 8)


def test_not_a_2d_image():
    with pytest.raises(ValueError, match="2-D"):
        center_digit(np.zeros((2, 28, 28)))


@pytest.mark.parametrize("shift", [(-3, -5), (3, 4), (-2, 6)])
def test_whole_pixel_shift_gives_the_same_output(shift):
    ref, moved = _seven(4, 7), _seven(4 + shift[0], 7 + shift[1])
    assert _corr(ref, moved) < 0.5  # the inputs themselves differ a lot
    np.testing.assert_allclose(center_digit(moved), center_digit(ref), atol=1e-6)


def test_small_off_centre_digit_comes_out_like_the_centred_one():
    ref = _seven(4, 7)
    smalls = [_seven(*place, scale=0.6) for place in SMALL_PLACES]
    # The bounds below fail a no-op: the raw inputs are far apart.
    assert min(_mad(ref, small) for small in smalls) > 0.08
    assert max(_corr(ref, small) for small in smalls) < 0.75
    out_ref = center_digit(ref)
    mad = np.array([_mad(out_ref, center_digit(small)) for small in smalls])
    corr = np.array([_corr(out_ref, center_digit(small)) for small in smalls])
    # Not near 0 and 1: a 0.6x digit has lost detail at 28 px, its ink box is
    # whole pixels (scale off by up to 1/13) and the shift is whole pixels
    # (off by up to 0.5 px, as in MNIST). Measured: mean 0.041 and 0.913,
    # worst 0.064 and 0.82.
    assert mad.mean() < 0.05 and corr.mean() > 0.88
    assert mad.max() < 0.08 and corr.min() > 0.75


def test_large_drawing_matches_the_28px_one():
    digit = _seven(4, 7)
    drawing = np.kron(digit, np.ones((10, 10), dtype=np.float32))  # a 280×280 canvas
    np.testing.assert_allclose(center_digit(drawing), center_digit(digit), atol=1e-5)


@pytest.mark.parametrize("image", [_seven(2, 3, 0.6), _seven(10.3, 12.7, 0.7), _ring(9.2, 17.6, 5.0),
                                   _strokes([((0, 0), (1, 0)), ((1, 0), (1, 1))], 3, 3, 8, 14, 2.0)])
def test_box_is_20_and_centre_of_mass_at_14(image):
    out = center_digit(image)
    assert max(_ink_extent(out)) == 20
    cy, cx = _centre_of_mass(out)
    assert abs(cy - 14.0) <= 0.5 + 1e-9 and abs(cx - 14.0) <= 0.5 + 1e-9


def test_lopsided_digit_is_kept_whole_inside_the_frame():
    # Nearly all mass at the top: centring the mass would push the box out of the frame.
    image = _strokes([((0, 0), (0, 1)), ((0, 0.5), (1, 0.5))], 2, 4, 20, 16, 1.0)
    image[2:7, 4:21] = 1.0
    out = center_digit(image)
    assert _centre_of_mass(out)[0] < 13.5  # the mass could not be centred...
    assert _ink_extent(out)[0] == 20  # ...because nothing was cut off
    assert out[-1].any()


@pytest.mark.realdata
def test_mnist_digits_stay_as_they_are():
    if not MNIST_TEST_IMAGES.exists():
        pytest.skip(f"MNIST test images not found at {MNIST_TEST_IMAGES}")
    images = read_idx(MNIST_TEST_IMAGES)[:2000].astype(np.float32) / 255
    # The convention: MNIST's own centres of mass all lie within 0.5 px of index 14.
    centres = np.array([_centre_of_mass(image) for image in images])
    assert np.abs(centres - 14.0).max() <= 0.5
    out = np.stack([center_digit(image) for image in images])
    diff = np.abs(out - images).mean(axis=(1, 2))
    # MNIST was made this way, so most digits come back bit for bit; the rest
    # move by one pixel (a centre of mass on a half-pixel tie) or had faint
    # ink outside the 20-px box.
    assert np.mean(diff < 1e-6) > 0.9
    assert diff.mean() < 0.001
    assert np.mean([_corr(a, b) for a, b in zip(out, images)]) > 0.99


def test_8x8_format_and_full_block():
    out = to_8x8(np.ones((28, 28), dtype=np.float32))
    assert out.shape == (8, 8) and out.dtype == np.float32
    np.testing.assert_allclose(out, 16.0)


def test_8x8_values_in_range():
    out = to_8x8(_seven(4, 7))
    assert out.min() >= 0.0 and out.max() <= 16.0
    assert out.max() > 8.0  # the stroke fills blocks well


def test_8x8_of_small_off_centre_digit_matches_centred():
    ref = _seven(4, 7)
    smalls = [_seven(*place, scale=0.6) for place in SMALL_PLACES]
    # Plain 4×4 block sums of the canvas, with no cropping, fail the bounds below.
    blocks = [image.reshape(7, 4, 7, 4).sum(axis=(1, 3)) for image in smalls]
    ref_blocks = ref.reshape(7, 4, 7, 4).sum(axis=(1, 3))
    assert np.mean([_mad(ref_blocks, b) for b in blocks]) > 1.5
    assert np.mean([_corr(ref_blocks, b) for b in blocks]) < 0.88
    out_ref = to_8x8(ref)
    mad = np.array([_mad(out_ref, to_8x8(small)) for small in smalls])
    corr = np.array([_corr(out_ref, to_8x8(small)) for small in smalls])
    # Measured: mean 1.1 (of 16) and 0.92, worst 1.75 and 0.82.
    assert mad.mean() < 1.5 and corr.mean() > 0.88
    assert mad.max() < 2.5 and corr.min() > 0.75


def test_8x8_recovers_upscaled_digits8x8_images():
    data = load_digits8x8()
    originals = data.images.reshape(-1, 8, 8)[:600].astype(np.float32) / 16
    # 8×8 → 24×24 by repeating each value 3×3, padded to the 28×28 canvas.
    recovered = [to_8x8(np.pad(np.kron(x, np.ones((3, 3), dtype=np.float32)), 2)) / 16 for x in originals]
    corr = np.array([_corr(x, y) for x, y in zip(originals, recovered)])
    # Not 1: the set's digits are not always centred by their bounding box,
    # and a one-column shift of an 8×8 image costs much correlation.
    # Measured: mean 0.952, median 1.0.
    assert corr.mean() > 0.9
    assert np.median(corr) > 0.99
