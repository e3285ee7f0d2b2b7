"""Made-up digits and a callback that stops a run, for tests of training and of the run history."""

from __future__ import annotations

import numpy as np

from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.training.reports import Callback


def block_digits(n: int, row: int, seed: int, name: str) -> Dataset:
    """``n`` 28×28 digits, class ``i % 10`` as a 4×4 block at (``row``, 2 + 2·class), over noise of their own."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 10
    images = rng.integers(0, 40, (n, 28, 28), dtype=np.uint8)
    for i, label in enumerate(labels):
        images[i, row:row + 4, 2 + 2 * label:6 + 2 * label] = 250
    return Dataset(images.reshape(n, -1), labels.astype(np.int64), (28, 28), 255, DIGIT_NAMES, name)


class StopAt(Callback):
    """Stops the run (its ``trainer``, set once the trainer is made) after batch ``batch`` of epoch ``epoch``."""

    def __init__(self, epoch: int, batch: int) -> None:
        self.at, self.trainer = (epoch, batch), None

    def on_batch_end(self, stats) -> None:
        if (stats.epoch, stats.batch) == self.at:
            self.trainer.stop()
