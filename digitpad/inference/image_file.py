"""Reading PNG, JPEG and other image files as ink-is-high grayscale arrays.

Uses Qt's image reader (imported lazily, so the CLI's other commands start
without Qt) rather than adding an imaging library to the dependencies.
"""

from __future__ import annotations

import os

import numpy as np

from digitpad.common.errors import DataError

MAX_PIXELS = 50_000_000  # refuse absurd images before decoding them


def read_image(path: str | os.PathLike) -> np.ndarray:
    """A 2-D float32 image in [0, 1] where ink is high.

    Colour becomes grayscale. A picture on a transparent background (most of
    its border transparent) has its opacity as the ink; any other picture is
    laid on white, and inverted when its border is light (dark ink on paper,
    the usual scan or screenshot) so the digit is bright on black, as in MNIST.
    """
    from PySide6.QtGui import QImage, QImageReader

    if os.path.isdir(path):
        raise DataError(f"{path} is a folder, not an image")
    reader = QImageReader(os.fspath(path))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise DataError(f"{path}: image is too large ({size.width()}×{size.height()})")
    image = reader.read()
    if image.isNull():
        raise DataError(f"{path}: cannot read image ({reader.errorString()})")
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h = rgba.width(), rgba.height()
    pixels = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=rgba.bytesPerLine() * h)
    pixels = pixels.reshape(h, rgba.bytesPerLine())[:, : 4 * w].reshape(h, w, 4).astype(np.float32) / 255
    alpha = pixels[..., 3]
    if np.median(_border(alpha)) < 0.5:
        return np.ascontiguousarray(alpha)
    gray = pixels[..., :3] @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    gray = gray * alpha + (1 - alpha)  # lay any translucent pixels on white paper
    if np.median(_border(gray)) > 0.5:
        gray = 1 - gray
    return np.clip(gray, 0, 1)


def _border(image: np.ndarray) -> np.ndarray:
    """The outermost ring of pixels, where the background shows."""
    return np.concatenate([image[0], image[-1], image[1:-1, 0], image[1:-1, -1]])
