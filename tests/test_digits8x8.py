"""Tests for digitpad.data.digits8x8: the bundled 8×8 digits set."""

from __future__ import annotations

import hashlib
import importlib.resources

import numpy as np

from digitpad.data.dataset import DIGIT_NAMES
from digitpad.data.digits8x8 import load_digits8x8

ASSET_SHA256 = "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22"


def test_shape_values_and_metadata():
    data = load_digits8x8()
    assert data.images.shape == (1797, 64) and data.images.dtype == np.uint8
    assert data.labels.shape == (1797,) and data.labels.dtype == np.int64
    assert data.images.min() == 0 and data.images.max() == 16
    assert (data.image_shape, data.max_value, data.name) == ((8, 8), 16, "digits8x8")
    assert data.class_names == DIGIT_NAMES


def test_about_180_images_per_digit():
    counts = np.bincount(load_digits8x8().labels, minlength=10)
    assert len(counts) == 10
    assert counts.min() >= 170 and counts.max() <= 190


def test_first_image_is_the_known_zero():
    # The first row of scikit-learn's digits.csv.gz, a 0.
    data = load_digits8x8()
    assert data.labels[0] == 0
    np.testing.assert_array_equal(data.images[0, :16], [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0])


def test_asset_is_unchanged_and_attributed():
    assets = importlib.resources.files("digitpad.assets")
    digest = hashlib.sha256((assets / "digits.csv.gz").read_bytes()).hexdigest()
    assert digest == ASSET_SHA256
    notice = (assets / "DIGITS8X8_LICENSE.md").read_text(encoding="utf-8")
    for needed in (ASSET_SHA256, "CC BY 4.0", "Alpaydin", "Kaynak", "UCI", "scikit-learn 1.9.1"):
        assert needed in notice
