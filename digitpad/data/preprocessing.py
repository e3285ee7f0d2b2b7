"""The ways a drawing becomes network input, by the id a model file stores.

Each :class:`Preprocessing` says what a model trained on its dataset reads:
the input shape, the raw pixel range (the network sees ``raw × input_scale``),
the forward map from a drawing to raw pixels and its adjoint, which carries a
gradient on the raw pixels back onto the drawing. Code asks the registry
instead of comparing ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.preprocess import InkMap, block_sums_adjoint, center_digit, ink_map, to_8x8


@dataclass(frozen=True)
class Preprocessing:
    """One way from a drawing (2-D, ink high, values in [0, 1]) to a model's raw input pixels."""

    id: str
    input_shape: tuple[int, int]
    raw_max: float
    to_raw: Callable[[np.ndarray], np.ndarray]  # drawing → ``input_shape`` floats in 0..raw_max
    raw_grad_to_field: Callable[[np.ndarray], np.ndarray]  # raw-pixel gradient → gradient on the ink map's field
    eight_by_eight: bool

    def ink_map(self, drawing: np.ndarray) -> InkMap:
        """The crop box, resampling matrices and placement this preprocessing uses for ``drawing`` (not blank)."""
        return ink_map(drawing, self.eight_by_eight)

    def pull_back(self, drawing: np.ndarray, raw_grad: np.ndarray) -> np.ndarray:
        """A gradient on the raw input pixels ``input_shape`` as one on ``drawing`` (its own shape), float64.

        Exact for the linear part of the preprocessing (crop box and shift
        held fixed); pixels outside the ink's box get 0. ``drawing`` must not be blank.
        """
        return self.ink_map(drawing).pull_back(self.raw_grad_to_field(np.asarray(raw_grad, dtype=np.float64)), drawing.shape)


MNIST_28 = Preprocessing("mnist-28", (28, 28), 255.0, lambda drawing: center_digit(drawing) * 255.0,
                         lambda grad: grad * 255.0, False)
DIGITS_8X8 = Preprocessing("digits-8x8", (8, 8), 16.0, to_8x8, block_sums_adjoint, True)
PREPROCESSINGS = {p.id: p for p in (MNIST_28, DIGITS_8X8)}


def get_preprocessing(preprocessing_id: str) -> Preprocessing:
    """The preprocessing with this id; DataError naming the known ones otherwise."""
    try:
        return PREPROCESSINGS[preprocessing_id]
    except KeyError:
        raise DataError(QT_TRANSLATE_NOOP("Preprocessing", "preprocessing {id!r} is unknown; known: {known}").fill(
            id=preprocessing_id, known=", ".join(PREPROCESSINGS))) from None


def for_image_shape(image_shape: tuple[int, int]) -> Preprocessing:
    """The preprocessing that makes a drawing look like a dataset's images of this shape."""
    return DIGITS_8X8 if tuple(image_shape) == DIGITS_8X8.input_shape else MNIST_28
