"""Accuracy, loss and confusion matrix of a network on a dataset."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from digitpad.data.dataset import Dataset
from digitpad.nn.network import MLP

CHUNK = 4096  # rows per forward pass: bounds memory on full datasets


@dataclass(frozen=True)
class Evaluation:
    loss: float
    accuracy: float
    predictions: np.ndarray  # (N,) predicted class per image
    labels: np.ndarray       # (N,) true class per image

    def confusion(self, n_classes: int) -> np.ndarray:
        """``(n_classes, n_classes)`` counts: row = true class, column = predicted."""
        return np.bincount(self.labels * n_classes + self.predictions,
                           minlength=n_classes * n_classes).reshape(n_classes, n_classes)

    def per_class_accuracy(self, n_classes: int) -> np.ndarray:
        """Share of each true class predicted correctly (NaN for a class with no images)."""
        matrix = self.confusion(n_classes)
        totals = matrix.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(matrix) / totals, np.nan)


def evaluate(network: MLP, data: Dataset, input_scale: float) -> Evaluation:
    """Mean loss and accuracy over every image, in chunks of ``CHUNK`` rows."""
    predictions = np.empty(len(data), dtype=np.int64)
    total_loss = 0.0
    scale = network.dtype(input_scale)
    for start in range(0, len(data), CHUNK):
        rows = slice(start, start + CHUNK)
        x = np.multiply(data.images[rows], scale, dtype=network.dtype)
        z = network.forward(x)
        predictions[rows] = network.predict_from_scores(z)
        loss, _ = network.head.loss_and_grad(z, network.targets(data.labels[rows]))
        total_loss += loss * len(x)
    n = max(len(data), 1)
    return Evaluation(total_loss / n, float(np.mean(predictions == data.labels)) if len(data) else 0.0,
                      predictions, data.labels)
