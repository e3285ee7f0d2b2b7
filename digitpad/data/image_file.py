"""Image files: reading PNG, JPEG and others as ink-is-high grayscale arrays, writing grayscale PNGs.

Reading uses Qt's image reader (imported lazily, so the CLI's other commands
start without Qt) rather than adding an imaging library to the dependencies.
Writing needs no library at all: an 8-bit grayscale PNG is a signature and
three zlib-compressed, CRC-framed chunks, so :func:`write_png` makes them
itself, the same bytes on every machine and without a display.
"""

from __future__ import annotations

import os
import struct
import zlib

import numpy as np

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP

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
        raise DataError(QT_TRANSLATE_NOOP("ImageFile", "{path} is a folder, not an image").fill(path=path))
    reader = QImageReader(os.fspath(path))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise DataError(QT_TRANSLATE_NOOP("ImageFile", "{path}: image is too large ({width}×{height})").fill(
            path=path, width=size.width(), height=size.height()))
    image = reader.read()
    if image.isNull():
        raise DataError(QT_TRANSLATE_NOOP("ImageFile", "{path}: cannot read image ({reason})").fill(
            path=path, reason=reader.errorString()))
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h = rgba.width(), rgba.height()
    pixels = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=rgba.bytesPerLine() * h)
    pixels = pixels.reshape(h, rgba.bytesPerLine())[:, : 4 * w].reshape(h, w, 4).astype(np.float32) / 255
    alpha = pixels[..., 3]
    if np.median(_border(alpha)) < 0.5:
        return np.ascontiguousarray(alpha)
    gray = pixels[..., :3] @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    gray = gray * alpha + (1 - alpha)  # lay any translucent pixels on white paper
    return np.clip(ink_high(gray), 0, 1)


def ink_high(gray: np.ndarray) -> np.ndarray:
    """``gray`` (2-D, values in [0, 1]) with its ink high: inverted when its border is light (dark ink on paper)."""
    return 1 - gray if np.median(_border(gray)) > 0.5 else gray


def write_png(path: str | os.PathLike, image: np.ndarray) -> None:
    """Write a 2-D uint8 array as an 8-bit grayscale PNG (atomically: the old file or the whole new one)."""
    if image.ndim != 2 or image.dtype != np.uint8:
        raise DataError(f"{path}: a PNG is written from a 2-D uint8 image, got {image.dtype} {image.shape}")
    h, w = image.shape
    rows = np.hstack([np.zeros((h, 1), np.uint8), image])  # filter type 0 (none) before each row
    header = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)  # 8-bit grayscale, no interlace
    with atomic_write(path) as out:
        out.write(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
                  + _chunk(b"IDAT", zlib.compress(rows.tobytes(), 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _border(image: np.ndarray) -> np.ndarray:
    """The outermost ring of pixels, where the background shows."""
    return np.concatenate([image[0], image[-1], image[1:-1, 0], image[1:-1, -1]])
