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

Once the ink's crop box and the whole-pixel shift are fixed, both are linear
in the pixel values (crop, area-averaging matrices ``R_rows @ crop @ R_colsᵀ``,
placement, block sums). :func:`ink_map` gives that linear map for one image,
and its transpose (:meth:`InkMap.pull_back`) carries a gradient on the result
back onto the image: the adjoint that saliency needs.

Coordinates are pixel indices: row ``r`` and column ``c`` name the pixel
whose centre is at ``(r, c)``, so a 28×28 image spans -0.5..27.5 and its
geometric centre is 13.5. MNIST's centre of mass is nonetheless at 14: over
the 10,000 test images it lies in [13.5, 14.5] with mean 14.0 on both axes,
i.e. MNIST shifted by whole pixels to bring it nearest to index 14. We do the
same so drawn digits sit where the training digits sat.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def ink_map(image: np.ndarray, eight_by_eight: bool) -> InkMap:
    """The crop box, resampling matrices and placement that ``preprocessing`` uses for ``image``.

    Mirrors :func:`center_digit` ("mnist-28") and :func:`to_8x8`
    ("digits-8x8", onto the 32×32 bitmap before the block sums) with their
    own helpers; the tests hold the two to the same output. ``image`` is
    ``(H, W)`` in [0, 1] and not blank.
    """
    image = np.asarray(image, dtype=np.float64)
    ink = image > INK_FRACTION * image.max()
    r = np.flatnonzero(ink.any(axis=1))
    c = np.flatnonzero(ink.any(axis=0))
    r0, r1, c0, c1 = int(r[0]), int(r[-1]), int(c[0]), int(c[-1])
    h, w = r1 - r0 + 1, c1 - c0 + 1
    size = BITMAP_SIZE if eight_by_eight else BOX_SIZE
    scale = size / max(h, w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    rows, cols = _resample_matrix(h, new_h), _resample_matrix(w, new_w)
    if eight_by_eight:
        top, left = (BITMAP_SIZE - new_h) // 2, (BITMAP_SIZE - new_w) // 2
    else:
        digit = np.clip(rows @ image[r0:r1 + 1, c0:c1 + 1] @ cols.T, 0.0, 1.0)
        mass = digit.sum()
        cy = digit.sum(axis=1) @ np.arange(new_h) / mass
        cx = digit.sum(axis=0) @ np.arange(new_w) / mass
        top = int(np.clip(round(CENTRE - cy), 0, CANVAS_SIZE - new_h))
        left = int(np.clip(round(CENTRE - cx), 0, CANVAS_SIZE - new_w))
    return InkMap((r0, r1, c0, c1), rows, cols, top, left)


def block_sums_adjoint(grad: np.ndarray) -> np.ndarray:
    """The transpose of :func:`to_8x8`'s block sums: an ``(8, 8)`` gradient onto the ``(32, 32)`` bitmap."""
    blocks = np.kron(np.eye(BITMAP_SIZE // BLOCK), np.ones((1, BLOCK)))  # (8, 32): sums 4-pixel runs
    return blocks.T @ grad @ blocks
