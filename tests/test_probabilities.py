"""Tests for the probability bars: values in, values shown, the top class, no prediction."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from digitpad.ui.widgets.probabilities import HINT, ProbabilityBars, percent

FASHION = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


@pytest.fixture
def bars(qtbot) -> ProbabilityBars:
    widget = ProbabilityBars()
    qtbot.addWidget(widget)
    widget.resize(widget.minimumSizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max())
    return e / e.sum()


def highlight_pixels(widget: ProbabilityBars) -> int:
    """How many pixels are painted in the full highlight colour (the top bar's)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), -1)
    return int(np.count_nonzero(pixels == widget.palette().highlight().color().rgb()))


def test_shows_the_given_probabilities_and_their_argmax(bars):
    probs = softmax(np.array([0.1, 2.0, 0.3, 0.0, 1.0, -1.0, 0.5, 5.0, 0.2, 0.4]))
    bars.set_probabilities(probs)
    np.testing.assert_allclose(bars.probabilities(), probs)
    assert bars.top_class() == 7 == int(np.argmax(bars.probabilities()))
    assert bars.accessibleDescription() == f"Prediction: 7, {percent(probs[7])}"
    assert highlight_pixels(bars) > 100, "the top bar is filled"


def test_none_shows_no_prediction(bars):
    bars.set_probabilities(np.full(10, 0.1))
    bars.set_probabilities(None)
    assert bars.probabilities().shape == (10,)
    assert not np.any(bars.probabilities())
    assert bars.top_class() is None
    assert HINT in bars.accessibleDescription()
    assert highlight_pixels(bars) == 0, "no bar is filled"


def test_starts_without_a_prediction_for_ten_digits(bars):
    assert bars.class_names() == tuple("0123456789")
    assert not np.any(bars.probabilities()) and bars.top_class() is None
    assert bars.objectName() == "probabilities"
    assert "softmax" in bars.toolTip().lower()


def test_fashion_names_and_long_top_class(bars):
    bars.set_class_names(FASHION)
    assert bars.class_names() == tuple(FASHION)
    probs = np.zeros(10)
    probs[[5, 7, 9]] = [0.12, 0.05, 0.83]
    bars.set_probabilities(probs)
    assert bars.top_class() == 9
    assert "Ankle boot" in bars.accessibleDescription()
    assert highlight_pixels(bars) > 100


def test_new_class_names_clear_the_prediction_and_any_count_works(bars):
    bars.set_probabilities(np.full(10, 0.1))
    bars.set_class_names(["cat", "dog", "bird"])
    assert bars.probabilities().shape == (3,) and bars.top_class() is None
    bars.set_probabilities(np.array([0.2, 0.1, 0.7]))
    assert bars.top_class() == 2
    with pytest.raises(ValueError, match="at least 2"):
        bars.set_class_names(["only"])


def test_rejects_probabilities_of_the_wrong_shape(bars):
    with pytest.raises(ValueError, match="10 probabilities"):
        bars.set_probabilities(np.full(9, 0.1))
    with pytest.raises(ValueError, match="NaN"):
        bars.set_probabilities(np.full(10, np.nan))


def test_minimum_size_fits_the_rows(bars):
    hint = bars.minimumSizeHint()
    assert hint.width() >= 220 and hint.height() >= 300
    bars.set_class_names([f"class {i}" for i in range(40)])
    assert bars.minimumSizeHint().height() > hint.height()


def test_percent_format():
    assert percent(0.98234) == "98.2 %"
    assert percent(1.0) == "100.0 %"
