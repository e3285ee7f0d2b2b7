"""Reader and writer for the IDX format MNIST and Fashion-MNIST ship in.

Layout: a big-endian int32 magic ``0x000008NN`` where ``08`` means unsigned
bytes and ``NN`` is the number of dimensions, one big-endian int32 per
dimension, then the raw data in row-major order. Files may be gzip-compressed.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP

UBYTE = 0x08
MAX_DIMS = 4
# Refuse headers that claim more than this before allocating anything.
MAX_ELEMENTS = 2_000_000_000
# The data is read in pieces of this size, so a header that lies costs no more memory than the file holds.
_CHUNK = 1 << 24


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file of unsigned bytes (``.gz`` or raw) into a uint8 array.

    Raises :class:`DataError` naming the file and the problem when the magic
    number, the dimensions or the length do not fit.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            gzipped = fh.read(2) == b"\x1f\x8b"
        opener = gzip.open if gzipped else open
        with opener(path, "rb") as fh:
            return _parse(fh, path.name)
    except (OSError, EOFError, zlib.error) as exc:
        if isinstance(exc, FileNotFoundError):
            raise DataError(QT_TRANSLATE_NOOP("Idx", "{path}: no such file").fill(path=path)) from exc
        raise DataError(QT_TRANSLATE_NOOP("Idx", "{file}: cannot read ({reason})").fill(file=path.name,
                                                                                    reason=exc)) from exc


def _parse(fh, name: str) -> np.ndarray:
    header = fh.read(4)
    if len(header) < 4:
        raise DataError(QT_TRANSLATE_NOOP("Idx", "{file}: too short to be an IDX file").fill(file=name))
    zero, dtype_code, ndim = struct.unpack(">HBB", header)
    if zero != 0 or dtype_code != UBYTE or not 1 <= ndim <= MAX_DIMS:
        raise DataError(QT_TRANSLATE_NOOP("Idx", "{file}: not an IDX file of unsigned bytes (magic 0x{magic})").fill(
            file=name, magic=header.hex()))
    raw_dims = fh.read(4 * ndim)
    if len(raw_dims) < 4 * ndim:
        raise DataError(QT_TRANSLATE_NOOP("Idx", "{file}: header ends before its {ndim} dimensions").fill(
            file=name, ndim=ndim))
    dims = struct.unpack(f">{ndim}I", raw_dims)
    # Python integers cannot overflow, as numpy's int64 product of (2**31, 2**31, 4) does (to 0). Zero
    # dimensions count as one: numpy also refuses a shape like (0, 2**32 - 1, 2**32 - 1, 2**32 - 1).
    if math.prod(max(n, 1) for n in dims) > MAX_ELEMENTS:
        raise DataError(QT_TRANSLATE_NOOP("Idx", "{file}: header claims {dims}, which is far larger than any "
                                                 "dataset").fill(file=name, dims=dims))
    count = math.prod(dims)
    data = _read_at_most(fh, count + 1)
    if len(data) != count:
        if len(data) < count:
            raise DataError(QT_TRANSLATE_NOOP("Idx", "{file}: file is shorter than its header {dims} says").fill(
                file=name, dims=dims))
        raise DataError(QT_TRANSLATE_NOOP("Idx", "{file}: file is longer than its header {dims} says").fill(
            file=name, dims=dims))
    return np.frombuffer(data, dtype=np.uint8).reshape(dims)


def _read_at_most(fh, size: int) -> bytes:
    """Up to ``size`` bytes, read piece by piece: one ``read(size)`` would allocate all of ``size`` first."""
    pieces = []
    while size > 0 and (piece := fh.read(min(size, _CHUNK))):
        pieces.append(piece)
        size -= len(piece)
    return b"".join(pieces)


def write_idx(path: str | os.PathLike, array: np.ndarray) -> None:
    """Write a uint8 array as IDX; gzip-compressed when the name ends in ``.gz``."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = idx_header(array)
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "wb") as fh:
        fh.write(header + array.tobytes())


def idx_header(array: np.ndarray) -> bytes:
    """The IDX header of a uint8 array: magic number and dimensions."""
    return struct.pack(">HBB", 0, UBYTE, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
