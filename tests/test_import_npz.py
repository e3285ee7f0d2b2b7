"""`data import` of an .npz: anything but a readable mnist.npz is one DataError naming the file, never a traceback."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest

from digitpad.common.errors import DataError
from digitpad.data import importing


def _mnist_npz_bytes() -> bytes:
    rng = np.random.default_rng(0)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, x_train=rng.integers(0, 256, (6, 28, 28), np.uint8),
                        y_train=rng.integers(0, 10, 6, np.uint8), x_test=rng.integers(0, 256, (3, 28, 28), np.uint8),
                        y_test=rng.integers(0, 10, 3, np.uint8))
    return buffer.getvalue()


def _damaged_entry() -> bytes:
    """The archive intact, the compressed bytes of its first array flipped (zlib then fails)."""
    data = bytearray(_mnist_npz_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.infolist()[0]
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0xFF
    return bytes(data)


def _npy_bytes() -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.zeros((2, 28, 28), np.uint8))
    return buffer.getvalue()


def _pickled_npz() -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, x_train=np.array([{"a": 1}], dtype=object), y_train=np.zeros(1), x_test=np.zeros(1),
             y_test=np.zeros(1))
    return buffer.getvalue()


@pytest.mark.parametrize("content, words", [
    (b"", "mnist.npz is empty"),
    (b"not an archive at all\n" * 10, "mnist.npz: cannot read it as .npz"),
    (_mnist_npz_bytes()[:300], "mnist.npz: cannot read it as .npz"),
    (_damaged_entry(), "mnist.npz: cannot read it as .npz"),
    (_npy_bytes(), "mnist.npz holds a single array"),
    (_pickled_npz(), "mnist.npz: cannot read it as .npz"),
], ids=["empty", "garbage", "truncated", "damaged-entry", "npy-not-npz", "pickled-objects"])
def test_an_unreadable_npz_is_one_data_error_naming_it(tmp_path, content, words):
    path = tmp_path / "mnist.npz"
    path.write_bytes(content)
    with pytest.raises(DataError, match=words) as caught:
        importing.import_files([path], dataset="mnist")
    assert "x_train, y_train, x_test, y_test" in str(caught.value)


def test_seeded_mutations_of_an_npz_import_or_fail_with_a_data_error(tmp_path):
    original = _mnist_npz_bytes()
    rng = np.random.default_rng(16)
    path = tmp_path / "mnist.npz"
    outcomes = {"imported": 0, "refused": 0}
    for _ in range(60):
        data = bytearray(original)
        for position in rng.integers(0, len(data), rng.integers(1, 6)):
            data[position] = rng.integers(0, 256)
        path.write_bytes(bytes(data[:rng.integers(len(data) // 2, len(data) + 1)]))
        try:
            importing.import_files([path], dataset="mnist")
            outcomes["imported"] += 1
        except DataError:
            outcomes["refused"] += 1
    assert outcomes["refused"] > 0
