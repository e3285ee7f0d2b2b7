"""Saliency: which pixels of a drawing push the network towards its answer.

The network's gradient with respect to its input
(:func:`~digitpad.nn.input_gradient.input_gradient`) is carried back through
the preprocessing onto the canvas by the preprocessing's adjoint
(:meth:`~digitpad.data.preprocessing.Preprocessing.pull_back`): once the ink's
crop box and the whole-pixel shift are fixed, the preprocessing is linear in
the pixel values, so the exact gradient on the canvas is the transposed map
applied to the input gradient. Pixels outside the crop box get zero: a small
change there moves no input pixel (a large one would move the box itself,
which no gradient describes).
"""

from __future__ import annotations

import numpy as np

from digitpad.data.preprocess import is_blank
from digitpad.data.preprocessing import get_preprocessing
from digitpad.inference.predict import drawing_to_input
from digitpad.model.bundle import Model
from digitpad.nn.input_gradient import input_gradient


def drawing_saliency(model: Model, drawing: np.ndarray) -> np.ndarray | None:
    """Where ink raises (> 0) or lowers (< 0) the score of the model's top class.

    Parameters
    ----------
    model : Model
        A "mnist-28" or "digits-8x8" model.
    drawing : np.ndarray
        ``(H, W)`` ink-is-high image in [0, 1], e.g. the 28×28 canvas.

    Returns
    -------
    np.ndarray or None
        ``(H, W)`` float64 in [-1, 1] on the drawing's own grid, divided by
        its largest magnitude (all zeros if the gradient vanishes); None for a
        blank drawing. For a one-output regression, > 0 means "raises the
        predicted digit".
    """
    drawing = np.asarray(drawing, dtype=np.float64)
    if is_blank(drawing):
        return None
    network = model.network
    x = drawing_to_input(model, drawing)
    top_class = 0 if network.spec.is_regression else int(network.predict(x)[0])
    grad = input_gradient(network, x, top_class)[0].reshape(model.input_shape) * model.input_scale
    saliency = get_preprocessing(model.preprocessing).pull_back(drawing, grad)
    peak = np.abs(saliency).max()
    return saliency / peak if peak > 0 else saliency
