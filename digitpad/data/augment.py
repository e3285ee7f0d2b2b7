"""Random shifts of image batches, computed on uint8 rows before scaling.

Shifting every training image by a few pixels, differently each epoch, is the
augmentation that lifts a plain MLP on MNIST from about 98.4 % to over 99 %:
the net stops relying on exact pixel positions.
"""

from __future__ import annotations

import numpy as np


def random_shift(images: np.ndarray, image_shape: tuple[int, int], max_shift: int,
                 rng: np.random.Generator) -> np.ndarray:
    """Each image moved by its own random whole-pixel offset, blank pixels filled with 0.

    ``images`` is ``(B, H*W)`` (any dtype, normally uint8); offsets are drawn
    uniformly from ``-max_shift..max_shift`` on each axis. Returns a new
    ``(B, H*W)`` array of the same dtype.

    A shift separates into a row shift and a column shift, and the images that
    share an offset move together in one slice assignment: ``2·(2·max_shift + 1)``
    NumPy operations per batch instead of one per image.
    """
    h, w = image_shape
    batch = images.reshape(len(images), h, w)
    for axis in (1, 2):
        amounts = rng.integers(-max_shift, max_shift + 1, len(images))
        batch = _shift_along(batch, amounts, axis)
    return batch.reshape(len(images), h * w)


def _shift_along(batch: np.ndarray, amounts: np.ndarray, axis: int) -> np.ndarray:
    """``batch`` (B, H, W) with image i moved by ``amounts[i]`` pixels along ``axis`` (1: down, 2: right)."""
    out = np.zeros_like(batch)
    for d in np.unique(amounts):
        if abs(d) >= batch.shape[axis]:
            continue  # moved out of the image entirely: stays blank
        rows = np.flatnonzero(amounts == d)
        target, source = [rows, slice(None), slice(None)], [rows, slice(None), slice(None)]
        target[axis] = slice(max(d, 0), batch.shape[axis] + min(d, 0))
        source[axis] = slice(max(-d, 0), batch.shape[axis] + min(-d, 0))
        out[tuple(target)] = batch[tuple(source)]
    return out
