"""Stored 28×28 digits (the learner's own, as the model received them) through any digit model, in batches.

A digit in My digits is kept as an MNIST-28 model receives it: the drawing after
:func:`~digitpad.data.preprocess.center_digit`, as uint8 0..255. A model with
the ``mnist-28`` preprocessing therefore takes those rows as they are (times its
input scale), exactly as evaluation feeds a dataset; a model of another
preprocessing (the 8×8 digits) reads each stored image as a drawing, through its
own preprocessing (``to_8x8`` of the image in [0, 1]).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from digitpad.data.dataset import DIGIT_NAMES
from digitpad.data.preprocessing import MNIST_28, get_preprocessing
from digitpad.model.bundle import Model

CHUNK = 512  # rows per forward pass: progress and cancelling in small pieces, memory bounded


def reads_digits(model: Model) -> bool:
    """Whether ``model``'s classes are the digits 0–9 (a one-output regression predicts a digit too): only such
    a model can read, or be corrected on, the learner's digits."""
    return model.network.spec.is_regression or tuple(model.class_names) == DIGIT_NAMES


def rows_to_input(model: Model, images: np.ndarray) -> np.ndarray:
    """The network input ``(N, n_inputs)`` for stored digits ``images`` ``(N, 28, 28)`` or ``(N, 784)`` uint8."""
    images = np.asarray(images)
    n = len(images)
    if images.dtype != np.uint8 or images.reshape(n, -1).shape[1] != 28 * 28:
        raise ValueError(f"expected (N, 28, 28) uint8 digits, got {images.dtype} {images.shape}")
    dtype = model.network.dtype
    if model.preprocessing == MNIST_28.id:
        return np.multiply(images.reshape(n, -1), dtype(model.input_scale), dtype=dtype)
    preprocessing = get_preprocessing(model.preprocessing)
    drawings = images.reshape(n, 28, 28).astype(np.float32) / 255.0
    raw = np.stack([preprocessing.to_raw(drawing) for drawing in drawings]) if n else \
        np.zeros((0, *preprocessing.input_shape), np.float32)
    return (raw.reshape(n, -1) * model.input_scale).astype(dtype)


def predict_rows(model: Model, images: np.ndarray, report: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> np.ndarray | None:
    """The digit ``model`` reads in each of ``images`` ``(N, 28, 28)`` uint8, ``(N,)`` int64, ``CHUNK`` rows per
    pass (its gains, the window's hand edits, included); ``report`` gets the share done after each chunk.
    None when ``cancelled()`` turns true between chunks. ``model`` must read digits (:func:`reads_digits`)."""
    predictions = np.empty(len(images), dtype=np.int64)
    for start in range(0, len(images), CHUNK):
        if cancelled is not None and cancelled():
            return None
        rows = slice(start, start + CHUNK)
        predictions[rows] = model.network.predict(rows_to_input(model, images[rows]))
        if report is not None:
            report(min(start + CHUNK, len(images)) / len(images))
    return predictions
