"""NumPy arrays as QImages: grayscale, RGB and RGBA, each owning its pixels."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def gray_image(array: np.ndarray) -> QImage:
    """A 2-D array in [0, 1] as a white-on-black grayscale image.

    Converted once per change, so painting is one scaled blit instead of a
    rectangle per pixel.
    """
    pixels = np.rint(np.clip(array, 0.0, 1.0) * 255.0).astype(np.uint8)
    return _image(pixels, 1, QImage.Format.Format_Grayscale8)


def rgb_image(rgb: np.ndarray) -> QImage:
    """An ``(H, W, 3)`` uint8 array as an RGB image."""
    return _image(rgb, 3, QImage.Format.Format_RGB888)


def rgba_image(rgba: np.ndarray) -> QImage:
    """An ``(H, W, 4)`` uint8 array as an RGBA image (straight, not premultiplied, alpha)."""
    return _image(rgba, 4, QImage.Format.Format_RGBA8888)


def _image(pixels: np.ndarray, channels: int, kind: QImage.Format) -> QImage:
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = pixels.shape[:2]
    data = pixels.tobytes()  # held in a name so it outlives the wrapping QImage until copy()
    return QImage(data, w, h, channels * w, kind).copy()
