"""Random shifts of image batches, computed on uint8 rows before scaling.

Shifting every training image by a few pixels, differently each epoch, is the
augmentation that lifts a plain MLP on MNIST from about 98.4 % to over 99 %:
the net stops relying on exact pixel positions.

A shift is given in pixels of a 28×28 image (what the presets and the form
say) and scaled to the image by :func:`scaled_shift`, rounding down: on the
8×8 digits one pixel is already 3.5 pixels of a 28×28 digit, and the *Quick*
recipe measured 97.5 % on the 8×8 test split unshifted, 93.6 % with ±1 px and
83.3 % with ±2 px, so its ±2 (28-pixel) shift must become 0 there, not 1.
"""

from __future__ import annotations

import numpy as np

REFERENCE_SIDE = 28  # pixels; shifts are given for an image this size


def scaled_shift(shift: int, image_shape: tuple[int, int]) -> int:
    """The whole-pixel shift for ``image_shape`` that matches ``shift`` pixels of a 28×28 image.

    ``floor(shift × side / 28)`` with the shorter side: a fraction of a pixel
    cannot be shifted, and rounding it up moves small images much further than
    asked (±2 → ±1 on 8×8 digits is ±3.5 px of 28). 28×28 images keep ``shift``.
    """
    return shift * min(image_shape) // REFERENCE_SIDE


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
