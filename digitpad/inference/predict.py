"""From a drawing or an image to a model's class probabilities.

A drawing goes through the preprocessing its model was trained with (the
registry in :mod:`digitpad.data.preprocessing`: MNIST's crop, scale to 20 px
and centre of mass, or the 8×8 digits' reduction to 0–16), then the model's
input scaling.
"""

from __future__ import annotations

import numpy as np

from digitpad.data.preprocessing import get_preprocessing
from digitpad.model.bundle import Model


def drawing_to_input(model: Model, drawing: np.ndarray) -> np.ndarray:
    """The network input ``(1, n_inputs)`` for a 2-D ink-is-high image in [0, 1]."""
    raw = get_preprocessing(model.preprocessing).to_raw(drawing)
    return (raw * model.input_scale).reshape(1, -1).astype(model.network.dtype)


def preview(model: Model, drawing: np.ndarray) -> np.ndarray:
    """What the model sees, as an image in [0, 1] of the model's input shape."""
    preprocessing = get_preprocessing(model.preprocessing)
    return preprocessing.to_raw(drawing) / preprocessing.raw_max


def predict_drawing(model: Model, drawing: np.ndarray) -> np.ndarray | None:
    """Class probabilities ``(n_classes,)``, or None when the drawing has no ink."""
    if not np.any(drawing > 0):
        return None
    return model.network.predict_proba(drawing_to_input(model, drawing))[0]


def input_range(model: Model) -> float:
    """The largest input value the network can receive: the raw maximum times the input scaling (1 for inputs
    scaled to [0, 1]; 255 for raw MNIST pixels)."""
    return get_preprocessing(model.preprocessing).raw_max * model.input_scale
