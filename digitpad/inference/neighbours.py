"""The training images nearest to a drawing: as the network sees them (its last hidden layer) and as pixels.

"Explain a misread": the network classifies a drawing by what its last hidden layer makes of it, and the output
layer is linear in that layer's outputs a, so two images whose outputs lie close get close class scores
(‖Δz‖ ≤ ‖W‖·‖Δa‖). The training images nearest in that space, Euclidean, are the ones the network treats most
like the drawing; their labels show what it thinks the drawing resembles. Beside them, the nearest in pixel space
(what the drawing looks like, before any learning) compare the preprocessed drawing, what the model sees, with the
training images on the same [0, 1] scale.

:meth:`NeighbourIndex.build` passes every training image through the network once (in chunks, meant for a thread
of the caller's, with progress and cancelling), keeping the last hidden layer's outputs with the network's unit
gains, float32. :meth:`NeighbourIndex.nearest` then answers one drawing: squared distances by
‖a‖² − 2a·b + ‖b‖² (one product of the drawing's row with every image, no (N, units) difference array), which picks
a few candidates; their distances are then computed directly in float64, so the ones shown are exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import Dataset
from digitpad.inference.predict import drawing_to_input, preview
from digitpad.model.bundle import Model
from digitpad.nn.network import MLP
from digitpad.nn.products import product

CHUNK = 4096  # training images per step: progress and cancelling, and a 28×28 pixel chunk's float32 copy (12.8 MB)
CANDIDATES = 4  # the expansion keeps k × this many candidates, whose distances are then computed directly


class Neighbour(NamedTuple):
    """One training image near the drawing: its index in the training set, its label, its Euclidean distance."""

    index: int
    label: int
    distance: float


@dataclass(frozen=True, eq=False)
class LookAlikes:
    """A drawing's nearest training images, nearest first: ``hidden`` in the last hidden layer (None for a network
    without one), ``pixel`` in pixel space; ``predicted`` is the class the network gives the drawing."""

    hidden: tuple[Neighbour, ...] | None
    pixel: tuple[Neighbour, ...]
    predicted: int

    @property
    def agreement(self) -> float | None:
        """The share of the hidden-layer neighbours labelled as the predicted class (None without any)."""
        if not self.hidden:
            return None
        return sum(n.label == self.predicted for n in self.hidden) / len(self.hidden)


def last_hidden_outputs(network: MLP, x: np.ndarray) -> np.ndarray | None:
    """The output of the last hidden activation, gains applied, ``(batch, units)``, for network input ``x``
    ``(batch, n_inputs)``; None for a network without a hidden layer. Inference passes: no cached state touched."""
    if len(network.layers) < 3:
        return None
    values = np.asarray(x, dtype=network.dtype)
    for i, layer in enumerate(network.layers[:-1]):
        values = layer.forward(values, train=False)
        gain = network.gain_after(i)
        if gain is not None:
            values = values * gain
    return values


@dataclass(frozen=True, eq=False)
class NeighbourIndex:
    """Every training image of ``train`` ready to be compared with a drawing read by ``model``.

    ``hidden`` ``(N, units)`` float32 holds the last hidden layer's outputs (None without a hidden layer) and
    ``hidden_norms`` their squared lengths; ``pixel_norms`` the squared lengths of the images on the [0, 1]
    scale. The pixels stay ``train.images`` (uint8). ``model`` must keep the weights and gains it had at
    :meth:`build` (give it a copy of a model that may change).
    """

    model: Model
    train: Dataset
    hidden: np.ndarray | None
    hidden_norms: np.ndarray | None
    pixel_norms: np.ndarray

    @classmethod
    def build(cls, model: Model, train: Dataset, progress: Callable[[float], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> NeighbourIndex | None:
        """Pass the images of ``train`` through ``model``'s input scaling and network, ``CHUNK`` at a time.
        ``progress`` gets the share done after each chunk; None when ``cancelled()`` turns true between chunks.
        DataError when the training images are not of the model's input shape."""
        network = model.network
        if tuple(train.image_shape) != tuple(model.input_shape) or train.n_features != network.spec.sizes[0]:
            raise DataError(QT_TRANSLATE_NOOP("Neighbours", "{dataset}: its images are {rows}×{columns} pixels, the "
                                                            "model reads {model_rows}×{model_columns}").fill(
                dataset=train.name, rows=train.image_shape[0], columns=train.image_shape[1],
                model_rows=model.input_shape[0], model_columns=model.input_shape[1]))
        n, sizes = len(train), network.spec.sizes
        hidden = np.empty((n, sizes[-2]), np.float32) if len(sizes) > 2 else None
        pixel_norms = np.empty(n, np.float64)
        scale = network.dtype(model.input_scale)
        for start in range(0, n, CHUNK):
            if cancelled is not None and cancelled():
                return None
            rows = slice(start, start + CHUNK)
            images = train.images[rows]
            # Exact: integer squares summed, then scaled to [0, 1] pixels.
            pixel_norms[rows] = np.einsum("ij,ij->i", images, images, dtype=np.int64) / float(train.max_value) ** 2
            if hidden is not None:
                hidden[rows] = last_hidden_outputs(network, np.multiply(images, scale, dtype=network.dtype))
            if progress is not None:
                progress(min(1.0, (start + CHUNK) / n))
        if cancelled is not None and cancelled():
            return None
        hidden_norms = None if hidden is None else np.einsum("ij,ij->i", hidden, hidden, dtype=np.float64)
        return cls(model, train, hidden, hidden_norms, pixel_norms)

    def nearest(self, drawing: np.ndarray, k: int = 8) -> LookAlikes | None:
        """The ``k`` training images nearest to ``drawing`` (2-D, ink high, in [0, 1], as the canvas gives it) in
        each space, nearest first (all of them when there are fewer; equal distances in training-set order);
        None when the drawing has no ink."""
        if not np.any(drawing > 0):
            return None
        model, network = self.model, self.model.network
        x = drawing_to_input(model, drawing)
        outputs = last_hidden_outputs(network, x)
        scores = network.forward(x) if outputs is None else network.layers[-1].forward(outputs, train=False)
        predicted = int(network.predict_from_scores(scores)[0])
        pixel = self._pixel_nearest(preview(model, drawing).reshape(-1).astype(np.float64), k)
        if outputs is None:
            return LookAlikes(None, pixel, predicted)
        query = outputs[0].astype(np.float64)
        hidden = self._nearest(query, self._hidden_dots(query), self.hidden_norms, self.hidden, 1.0, k)
        return LookAlikes(hidden, pixel, predicted)

    def _hidden_dots(self, query: np.ndarray) -> np.ndarray:
        # One row against every image, by NumPy's own loops (products.py): no wait on busy BLAS workers.
        return product(query.astype(np.float32)[None, :], self.hidden.T)[0]

    def _pixel_nearest(self, query: np.ndarray, k: int) -> tuple[Neighbour, ...]:
        images, top = self.train.images, float(self.train.max_value)
        row = query.astype(np.float32)[None, :]
        dots = np.empty(len(images), np.float64)
        for start in range(0, len(images), CHUNK):  # a float copy of one chunk at a time, never of all images
            chunk = images[start:start + CHUNK].astype(np.float32)
            dots[start:start + CHUNK] = product(row, chunk.T)[0] / top
        return self._nearest(query, dots, self.pixel_norms, images, top, k)

    def _nearest(self, query: np.ndarray, dots: np.ndarray, norms: np.ndarray, vectors: np.ndarray, top: float,
                 k: int) -> tuple[Neighbour, ...]:
        """The ``k`` nearest by ‖v‖² − 2v·q + ‖q‖², refined: the ``CANDIDATES × k`` smallest are measured again
        directly, ``vectors[i] / top`` against ``query``, in float64 (the expansion loses digits to cancellation
        when a distance is small beside the lengths)."""
        n, k = len(norms), max(0, min(k, len(norms)))
        if k == 0:
            return ()
        squared = norms - 2.0 * dots + query @ query
        keep = min(n, CANDIDATES * k)
        candidates = np.argpartition(squared, keep - 1)[:keep] if keep < n else np.arange(n)
        exact = np.sqrt(np.sum((vectors[candidates].astype(np.float64) / top - query) ** 2, axis=1))
        order = np.lexsort((candidates, exact))[:k]
        labels = self.train.labels
        return tuple(Neighbour(int(candidates[i]), int(labels[candidates[i]]), float(exact[i])) for i in order)
