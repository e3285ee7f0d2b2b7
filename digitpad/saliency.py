"""Saliency: which pixels of a drawing push the network towards its answer.

:func:`input_gradient` is backpropagation taken one step further than
training takes it: past the first Dense layer, down to the input. For a
softmax network it differentiates the class's *log-probability*
``log p_c = z_c − log Σ_k e^{z_k}``, whose gradient ``∇z_c − Σ_k p_k ∇z_k``
is the evidence for class c *against the classes competing with it*. The bare
logit ``z_c`` would also show whatever raises every class's score at once
(more ink anywhere), which changes no decision. The computation runs in
float64 because for a confident prediction the competing ``p_k`` are tiny, and
in float32 ``onehot − p`` would round to zero and leave nothing to show. Other
heads (sigmoid per class, mean squared error) use the unit's logit ``z_c``:
their outputs are monotone in it and do not compete.

:func:`drawing_saliency` carries that gradient back through the
preprocessing onto the canvas. Once the ink's crop box and the whole-pixel
shift are fixed, :func:`~digitpad.data.preprocess.center_digit` and
:func:`~digitpad.data.preprocess.to_8x8` are linear in the pixel values
(crop, area-averaging matrices ``R_rows @ crop @ R_colsᵀ``, placement, block
sums), so the exact gradient on the canvas is the transposed map applied to
the input gradient. Pixels outside the crop box get zero: a small change
there moves no input pixel (a large one would move the box itself, which no
gradient describes). That half needs the preprocessing, so unlike the rest of
``nn`` this module imports :mod:`digitpad.data.preprocess` and
:mod:`digitpad.predict` (neither imports it back).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from digitpad.data import preprocess
from digitpad.data.preprocess import (
    BITMAP_SIZE,
    BLOCK,
    BOX_SIZE,
    CANVAS_SIZE,
    CENTRE,
    INK_FRACTION,
    is_blank,
)
from digitpad.nn.layers import Dense
from digitpad.nn.model_file import Model
from digitpad.nn.network import MLP
from digitpad.predict import RAW_MAX, drawing_to_input


def input_gradient(network: MLP, x: np.ndarray, class_index: int) -> np.ndarray:
    """Gradient of class ``class_index``'s score with respect to the input.

    The score is the log-probability for a softmax output and the logit of
    output unit ``class_index`` otherwise (a one-output regression has only
    unit 0). Nothing in ``network`` is modified, so it is safe to call
    between two training steps.

    Parameters
    ----------
    network : MLP
        Any network; its weights are read in float64.
    x : np.ndarray
        ``(batch, n_inputs)`` network input.
    class_index : int
        Output unit whose score is differentiated, ``0 <= class_index < n_out``.

    Returns
    -------
    np.ndarray
        ``(batch, n_inputs)`` float64; row i is the gradient of row i's score.
    """
    n_out = network.spec.sizes[-1]
    if not 0 <= class_index < n_out:
        raise ValueError(f"class_index must be in 0..{n_out - 1}, got {class_index}")
    a = np.array(x, dtype=np.float64, ndmin=2)
    steps = []  # (layer, float64 weights or a private copy of the activation)
    for layer in network.layers:
        if isinstance(layer, Dense):
            W = layer.params["W"].astype(np.float64)
            a = a @ W + layer.params["b"] if layer.has_bias else a @ W
            steps.append(W)
        else:
            # A shallow copy keeps the layer's own derivative code but caches in the copy, not the network.
            own = copy.copy(layer)
            a = own.forward(a, train=True)
            steps.append(own)
    grad = _score_gradient(network, a, class_index)
    for step in reversed(steps):
        grad = grad @ step.T if isinstance(step, np.ndarray) else step.backward(grad)
    return grad


def _score_gradient(network: MLP, z: np.ndarray, class_index: int) -> np.ndarray:
    """d(score)/dz for the last Dense output ``z`` (batch, n_out), float64."""
    grad = np.zeros_like(z)
    if network.spec.output != "softmax":
        grad[:, class_index] = 1.0
        return grad
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    grad -= p
    # 1 − p_c written as the sum of the others' probabilities: exact even when p_c rounds to 1.
    grad[:, class_index] = np.delete(p, class_index, axis=1).sum(axis=1)
    return grad


@dataclass(frozen=True)
class InkMap:
    """The linear part of a preprocessing step for one drawing.

    ``field[top:top+h, left:left+w] = rows @ image[box] @ cols.T`` with
    ``(h, w) = (len(rows), len(cols))`` and ``box = (r0, r1, c0, c1)`` the
    inclusive ink bounding box. (The preprocessing also clips to [0, 1],
    which only trims rounding: each row of the matrices sums to 1.)
    """

    box: tuple[int, int, int, int]
    rows: np.ndarray  # (h, r1 − r0 + 1) area-averaging matrix
    cols: np.ndarray  # (w, c1 − c0 + 1)
    top: int
    left: int

    def pull_back(self, field_grad: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
        """The transposed map: a gradient on the field ``(F, F)`` to one on the image ``shape``."""
        r0, r1, c0, c1 = self.box
        h, w = len(self.rows), len(self.cols)
        out = np.zeros(shape)
        out[r0:r1 + 1, c0:c1 + 1] = self.rows.T @ field_grad[self.top:self.top + h, self.left:self.left + w] @ self.cols
        return out


def ink_map(image: np.ndarray, preprocessing: str) -> InkMap:
    """The crop box, resampling matrices and placement that ``preprocessing`` uses for ``image``.

    Mirrors :func:`~digitpad.data.preprocess.center_digit` ("mnist-28") and
    :func:`~digitpad.data.preprocess.to_8x8` ("digits-8x8", onto the 32×32
    bitmap before the block sums) with their own helpers; the tests hold the
    two to the same output. ``image`` is ``(H, W)`` in [0, 1] and not blank.
    """
    image = np.asarray(image, dtype=np.float64)
    ink = image > INK_FRACTION * image.max()
    r = np.flatnonzero(ink.any(axis=1))
    c = np.flatnonzero(ink.any(axis=0))
    r0, r1, c0, c1 = int(r[0]), int(r[-1]), int(c[0]), int(c[-1])
    h, w = r1 - r0 + 1, c1 - c0 + 1
    size = BITMAP_SIZE if preprocessing == "digits-8x8" else BOX_SIZE
    scale = size / max(h, w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    rows, cols = preprocess._resample_matrix(h, new_h), preprocess._resample_matrix(w, new_w)
    if preprocessing == "digits-8x8":
        top, left = (BITMAP_SIZE - new_h) // 2, (BITMAP_SIZE - new_w) // 2
    else:
        digit = np.clip(rows @ image[r0:r1 + 1, c0:c1 + 1] @ cols.T, 0.0, 1.0)
        mass = digit.sum()
        cy = digit.sum(axis=1) @ np.arange(new_h) / mass
        cx = digit.sum(axis=0) @ np.arange(new_w) / mass
        top = int(np.clip(round(CENTRE - cy), 0, CANVAS_SIZE - new_h))
        left = int(np.clip(round(CENTRE - cx), 0, CANVAS_SIZE - new_w))
    return InkMap((r0, r1, c0, c1), rows, cols, top, left)


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
    grad = input_gradient(network, x, top_class)[0]
    mapping = ink_map(drawing, model.preprocessing)
    if model.preprocessing == "digits-8x8":
        blocks = np.kron(np.eye(BITMAP_SIZE // BLOCK), np.ones((1, BLOCK)))  # (8, 32): sums 4-pixel runs
        field = blocks.T @ grad.reshape(model.input_shape) @ blocks
    else:
        field = grad.reshape(model.input_shape) * RAW_MAX["mnist-28"]
    saliency = mapping.pull_back(field * model.input_scale, drawing.shape)
    peak = np.abs(saliency).max()
    return saliency / peak if peak > 0 else saliency
