"""Tests for the input preview: what the model sees, drawn crisp."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from digitpad.ui.widgets.preview import InputPreview


@pytest.fixture
def preview(qtbot) -> InputPreview:
    widget = InputPreview()
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def gray_pixels(widget: InputPreview) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    # A copy: the view would dangle once ``image`` is freed on return.
    return rows[:, :image.width()].copy()


def test_shows_a_28x28_input(preview):
    array = np.random.default_rng(1).uniform(0, 1, (28, 28)).astype(np.float32)
    preview.set_image(array)
    np.testing.assert_array_equal(preview.shown_image(), array)
    assert preview.objectName() == "inputPreview"
    assert "centre of mass" in preview.toolTip()


def test_shows_an_8x8_input_in_crisp_blocks(preview):
    array = np.zeros((8, 8))
    array[2, 5] = 1.0
    preview.set_image(array)
    assert preview.shown_image().shape == (8, 8)
    pixels = gray_pixels(preview)
    # 112 px inside a 1 px frame: 14 px per input pixel, nearest neighbour.
    block = pixels[1 + 2 * 14:1 + 3 * 14, 1 + 5 * 14:1 + 6 * 14]
    assert np.all(block == 255)
    assert np.all(pixels[1 + 3 * 14:1 + 4 * 14, 1 + 5 * 14:1 + 6 * 14] == 0)


def test_none_empties_the_frame(preview):
    preview.set_image(np.ones((28, 28)))
    preview.set_image(None)
    assert preview.shown_image() is None
    assert not np.any(gray_pixels(preview)[5:-5, 5:-5] == 0), "no black image left"


def test_rejects_non_images(preview):
    with pytest.raises(ValueError, match="2-D"):
        preview.set_image(np.zeros(784))
