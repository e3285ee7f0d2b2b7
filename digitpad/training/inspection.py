"""What a trained network does on a test set, as arrays ready to show.

:func:`inspect_model` runs the model over the test set once and gathers
everything the "looking inside" views display: the evaluation (confusion
matrix, per-class accuracy), every image's class probabilities (for the
mistakes gallery), the first layer's weights as images, and histograms of
each hidden layer's activations on a sample of test images. The views only
arrange these arrays; all the numbers are made here, without Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import Dataset
from digitpad.model.bundle import Model
from digitpad.nn.gradcheck import CheckResult
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.evaluate import CHUNK, Evaluation, evaluate
from digitpad.training.unit_health import dead_share, saturated_share

ACTIVITY_BATCH = 1000  # test images the activation histograms are measured on
MAX_TILES = 64         # first-layer units shown as weight images
HISTOGRAM_BINS = 40
FIXED_RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
# ColorBrewer RdBu: blue for negative, near-white for zero, red for positive weights.
DIVERGING_STOPS = np.array([[5, 113, 176], [146, 197, 222], [247, 247, 247], [244, 165, 130], [202, 0, 32]],
                           dtype=np.float64)


@dataclass(frozen=True)
class LayerActivity:
    """One hidden layer's activations on a batch of test images.

    ``counts`` ``(bins,)`` and ``edges`` ``(bins + 1,)`` are a histogram of
    every finite value of the ``(batch, units)`` outputs. ``dead_share`` (ReLU
    kinds) is the share of units never positive on the batch; ``saturated_share``
    (sigmoid, tanh) is the share of values in the flat ends of the curve. Each
    is None where it does not apply.
    """

    counts: np.ndarray
    edges: np.ndarray
    units: int
    batch: int
    zero_share: float
    dead_share: float | None
    saturated_share: float | None
    non_finite: int


@dataclass(frozen=True)
class Inspection:
    """Everything the inspection views show for one model on one test set."""

    evaluation: Evaluation
    probabilities: np.ndarray   # (N, n_classes) class probabilities of every test image
    class_names: tuple[str, ...]
    spec: NetworkSpec
    weights: np.ndarray         # (shown units, H, W) incoming weights of the first layer's units
    n_units: int                # units in the first layer (weights holds at most MAX_TILES)
    activity: tuple[LayerActivity, ...]

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    def confusion(self) -> np.ndarray:
        """``(n_classes, n_classes)`` counts: row = true class, column = predicted."""
        return self.evaluation.confusion(self.n_classes)

    def gallery_rows(self, cell: tuple[int, int] | None = None) -> np.ndarray:
        """Test-image indices to show, most confident prediction first.

        ``cell`` ``(true, predicted)`` selects one confusion-matrix cell (a
        diagonal cell holds correct predictions); None selects every mistake.
        """
        ev = self.evaluation
        if cell is None:
            rows = np.flatnonzero(ev.predictions != ev.labels)
        else:
            rows = np.flatnonzero((ev.labels == cell[0]) & (ev.predictions == cell[1]))
        confidence = self.probabilities[rows, ev.predictions[rows]]
        return rows[np.argsort(-confidence, kind="stable")]


def inspect_model(model: Model, test: Dataset, batch: int = ACTIVITY_BATCH, max_tiles: int = MAX_TILES,
                  seed: int = 0) -> Inspection:
    """Evaluate ``model`` on ``test`` and gather what the inspection views show.

    Raises DataError when the test images or classes do not fit the model.
    """
    check_fits(model, test)
    network = model.network
    sample = np.sort(np.random.default_rng(seed).permutation(len(test))[:batch])
    x = np.multiply(test.images[sample], network.dtype(model.input_scale), dtype=network.dtype)
    activity = tuple(layer_activity(a, network.spec.activation) for a in network.hidden_activations(x))
    return Inspection(evaluate(network, test, model.input_scale),
                      class_probabilities(network, test, model.input_scale),
                      tuple(model.class_names), network.spec,
                      first_layer_weights(network, model.input_shape, max_tiles),
                      network.dense_layers[0].n_out, activity)


def check_fits(model: Model, test: Dataset) -> None:
    """Raise DataError unless ``test`` has images and classes this model can take."""
    if len(test) == 0:
        raise DataError(QT_TRANSLATE_NOOP("Inspection", "the test set {name!r} holds no images").fill(name=test.name))
    if tuple(test.image_shape) != tuple(model.input_shape):
        raise DataError(QT_TRANSLATE_NOOP("Inspection", "the test set's {shape} images do not fit this model, which "
                                          "takes {model_shape} images").fill(shape=_shape(test.image_shape),
                                                                             model_shape=_shape(model.input_shape)))
    if test.n_classes != model.network.n_classes:
        raise DataError(QT_TRANSLATE_NOOP("Inspection", "the test set has {classes} classes but the model predicts "
                                          "{model_classes}").fill(classes=test.n_classes,
                                                                  model_classes=model.network.n_classes))


def _shape(shape: tuple[int, int]) -> str:
    return "×".join(map(str, shape))


def class_probabilities(network: MLP, data: Dataset, input_scale: float) -> np.ndarray:
    """``(N, n_classes)`` probabilities of every image, ``CHUNK`` rows per forward pass; float64, as a sigmoid
    head's shares come (in float32, shares of nearly saturated classes would tie again)."""
    probabilities = np.empty((len(data), network.n_classes), dtype=np.float64)
    scale = network.dtype(input_scale)
    for start in range(0, len(data), CHUNK):
        rows = slice(start, start + CHUNK)
        probabilities[rows] = network.predict_proba(np.multiply(data.images[rows], scale, dtype=network.dtype))
    return probabilities


def first_layer_weights(network: MLP, image_shape: tuple[int, int], limit: int = MAX_TILES) -> np.ndarray:
    """The first ``limit`` first-layer units' incoming weights as images, ``(k, H, W)`` float64.

    Column ``j`` of ``W0`` ``(H·W, units)`` holds what unit ``j`` multiplies
    each pixel by, so reshaped it is a picture of the pattern the unit looks for.
    """
    W = network.dense_layers[0].params["W"]
    return W[:, :limit].T.astype(np.float64).reshape(-1, *image_shape)


def diverging_rgb(tiles: np.ndarray, shared_scale: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Colour ``(k, H, W)`` weights blue (negative), white (0), red (positive).

    Each tile is scaled by its own largest ``|w|``, or all by the overall
    largest with ``shared_scale``, so the colours are symmetric around 0.
    Returns ``(k, H, W, 3)`` uint8 RGB and the ``(k,)`` scale of each tile.
    """
    tiles = np.asarray(tiles, dtype=np.float64)
    largest = np.abs(tiles).reshape(len(tiles), -1).max(axis=1, initial=0.0)
    scales = np.full(len(tiles), largest.max(initial=0.0)) if shared_scale else largest
    safe = np.where(scales > 0, scales, 1.0)
    position = (np.clip(tiles / safe[:, None, None], -1.0, 1.0) + 1.0) * 2.0  # 0..4 along the stops
    stops = np.arange(len(DIVERGING_STOPS))
    rgb = np.stack([np.interp(position, stops, DIVERGING_STOPS[:, c]) for c in range(3)], axis=-1)
    return np.rint(rgb).astype(np.uint8), scales


def layer_activity(values: np.ndarray, activation: str, bins: int = HISTOGRAM_BINS) -> LayerActivity:
    """Histogram and health of one hidden layer's ``(batch, units)`` outputs."""
    finite = np.isfinite(values)
    shown = values[finite]
    low, high = FIXED_RANGES.get(activation, _data_range(shown))
    counts, edges = np.histogram(shown, bins=bins, range=(low, high))
    batch, units = values.shape
    dead = dead_share(values, activation)
    saturated = saturated_share(shown, activation)
    zero_share = float(np.mean(shown == 0)) if shown.size else 0.0
    return LayerActivity(counts, edges, units, batch, zero_share, dead, saturated, int(values.size - shown.size))


def _data_range(values: np.ndarray) -> tuple[float, float]:
    """The values' span, widened when it is a single point (e.g. a layer of dead units)."""
    if values.size == 0:
        return 0.0, 1.0
    low, high = float(values.min()), float(values.max())
    if math.isclose(low, high):
        return low - 0.5, high + 0.5
    return low, high


def layer_errors(result: CheckResult) -> list[tuple[int, float, float | None]]:
    """``(layer, weight error, bias error or None)`` per dense layer, from ``W0, b0, W1, ...``."""
    n_layers = len(result.spec.sizes) - 1
    return [(i, result.errors[f"W{i}"], result.errors.get(f"b{i}")) for i in range(n_layers)]
