"""From a drawing or an image to a model's class probabilities.

A drawing goes through the preprocessing its model was trained with: MNIST's
crop, scale to 20 px and centre of mass (``mnist-28``), or the 8×8 digits'
reduction to 0–16 (``digits-8x8``), then the model's input scaling.
"""

from __future__ import annotations

import numpy as np

from digitpad.data.preprocess import center_digit, to_8x8
from digitpad.nn.model_file import Model

RAW_MAX = {"mnist-28": 255.0, "digits-8x8": 16.0}


def drawing_to_input(model: Model, drawing: np.ndarray) -> np.ndarray:
    """The network input ``(1, n_inputs)`` for a 2-D ink-is-high image in [0, 1]."""
    if model.preprocessing == "digits-8x8":
        raw = to_8x8(drawing)  # already on the 0–16 scale
    else:
        raw = center_digit(drawing) * RAW_MAX["mnist-28"]
    return (raw * model.input_scale).reshape(1, -1).astype(model.network.dtype)


def preview(model: Model, drawing: np.ndarray) -> np.ndarray:
    """What the model sees, as an image in [0, 1] of the model's input shape."""
    if model.preprocessing == "digits-8x8":
        return to_8x8(drawing) / RAW_MAX["digits-8x8"]
    return center_digit(drawing)


def predict_drawing(model: Model, drawing: np.ndarray) -> np.ndarray | None:
    """Class probabilities ``(n_classes,)``, or None when the drawing has no ink."""
    if not np.any(drawing > 0):
        return None
    return model.network.predict_proba(drawing_to_input(model, drawing))[0]
