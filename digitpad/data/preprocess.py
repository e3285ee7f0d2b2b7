"""Bring a drawn or imported digit into the form a dataset's digits have.

A network trained on MNIST only ever saw digits that were size-normalised and
centred in one particular way; a digit drawn small in a corner of the canvas
looks like nothing it knows. These functions repeat the datasets' own
preprocessing on any ink-is-high grayscale image with values in [0, 1]:

* :func:`center_digit` for networks trained on MNIST: the ink's
  bounding box is scaled so its longer side is 20 px (aspect ratio kept,
  anti-aliased), then placed in a 28×28 field with its centre of mass at
  pixel (14, 14).
* :func:`to_8x8` for the 8×8 digits set: the ink is scaled to fill a 32×32
  box and 4×4 blocks are summed, giving values 0..16.

Coordinates are pixel indices: row ``r`` and column ``c`` name the pixel
whose centre is at ``(r, c)``, so a 28×28 image spans -0.5..27.5 and its
geometric centre is 13.5. MNIST's centre of mass is nonetheless at 14: over
the 10,000 test images it lies in [13.5, 14.5] with mean 14.0 on both axes,
i.e. MNIST shifted by whole pixels to bring it nearest to index 14. We do the
same so drawn digits sit where the training digits sat.
"""

from __future__ import annotations

import numpy as np

CANVAS_SIZE = 28
BOX_SIZE = 20
CENTRE = 14.0
BITMAP_SIZE = 32
BLOCK = 4
# Below this intensity nothing counts as drawn: a stray faint smudge would
# otherwise be blown up to fill the box.
BLANK_LEVEL = 0.05
# Ink for cropping is relative to the brightest pixel, so a faint but real
# drawing is cropped at its own contrast, while its near-invisible fringe does
# not widen the box.
INK_FRACTION = 0.05


def is_blank(image: np.ndarray) -> bool:
    """Whether ``image`` (any 2-D shape, values in [0, 1]) holds no ink."""
    return image.size == 0 or float(np.max(image)) < BLANK_LEVEL


def center_digit(image: np.ndarray) -> np.ndarray:
    """Size-normalise and centre a digit the way MNIST's digits were.

    Parameters
    ----------
    image : np.ndarray
        ``(H, W)`` float, ink high, values in [0, 1]; any size (the 28×28
        canvas, a 280×280 drawing, a converted photo).

    Returns
    -------
    np.ndarray
        ``(28, 28)`` float32 in [0, 1]. The ink's bounding box is scaled by
        area averaging so its longer side is 20 px, then shifted by whole
        pixels so its centre of mass is at index (14, 14), kept inside the
        frame. All zeros when the image is blank.
    """
    image = _as_image(image)
    out = np.zeros((CANVAS_SIZE, CANVAS_SIZE), dtype=np.float32)
    if is_blank(image):
        return out
    digit = _fit_ink(image, BOX_SIZE)
    h, w = digit.shape
    mass = digit.sum()
    cy = digit.sum(axis=1) @ np.arange(h) / mass
    cx = digit.sum(axis=0) @ np.arange(w) / mass
    # Whole-pixel shifts as MNIST did: no second blur from sub-pixel moves.
    top = int(np.clip(round(CENTRE - cy), 0, CANVAS_SIZE - h))
    left = int(np.clip(round(CENTRE - cx), 0, CANVAS_SIZE - w))
    out[top:top + h, left:left + w] = digit
    return out


def to_8x8(image: np.ndarray) -> np.ndarray:
    """Turn a digit into the 8×8 digits set's format.

    That set was made from 32×32 bitmaps with the digit normalised to fill
    the box, cut into 4×4 blocks, each block counting its "on" pixels. Here
    the ink is scaled (aspect ratio kept) so its longer side is 32, centred
    by its bounding box, and each block sums its pixels in [0, 1].

    Parameters
    ----------
    image : np.ndarray
        ``(H, W)`` float, ink high, values in [0, 1], e.g. the 28×28 canvas.

    Returns
    -------
    np.ndarray
        ``(8, 8)`` float32 with values 0..16 (16 = a block fully inked).
        All zeros when the image is blank.
    """
    image = _as_image(image)
    n_blocks = BITMAP_SIZE // BLOCK
    if is_blank(image):
        return np.zeros((n_blocks, n_blocks), dtype=np.float32)
    digit = _fit_ink(image, BITMAP_SIZE)
    h, w = digit.shape
    bitmap = np.zeros((BITMAP_SIZE, BITMAP_SIZE))
    top, left = (BITMAP_SIZE - h) // 2, (BITMAP_SIZE - w) // 2
    bitmap[top:top + h, left:left + w] = digit
    blocks = bitmap.reshape(n_blocks, BLOCK, n_blocks, BLOCK).sum(axis=(1, 3))
    return blocks.astype(np.float32)


def _as_image(image: np.ndarray) -> np.ndarray:
    image = np.asarray(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError(f"expected a 2-D grayscale image, got shape {image.shape}")
    return image


def _fit_ink(image: np.ndarray, size: int) -> np.ndarray:
    """Crop ``image`` to its ink and scale it so the longer side is ``size``.

    Returns an ``(h, w)`` float64 array with ``max(h, w) == size``, values in
    [0, 1]. The image must not be blank.
    """
    ink = image > INK_FRACTION * image.max()
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    crop = image[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = crop.shape
    scale = size / max(h, w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    scaled = _resample_matrix(h, new_h) @ crop @ _resample_matrix(w, new_w).T
    # Weights sum to 1 only up to rounding; keep the promise of [0, 1].
    return np.clip(scaled, 0.0, 1.0)


def _resample_matrix(n: int, m: int) -> np.ndarray:
    """The ``(m, n)`` area-averaging matrix that resizes a length ``n`` to ``m``.

    Output pixel ``j`` covers ``[j * n/m, (j + 1) * n/m)`` of the input; its
    weight on input pixel ``i`` is the overlap of that interval with
    ``[i, i + 1)``, divided by the interval's length so each row sums to 1.
    This anti-aliases when shrinking and repeats pixels when enlarging.
    """
    edges = np.arange(m + 1) * (n / m)
    starts = np.arange(n)
    overlap = (np.minimum(edges[1:, None], starts + 1) - np.maximum(edges[:-1, None], starts))
    return np.clip(overlap, 0.0, None) * (m / n)
