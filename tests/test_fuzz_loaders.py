"""Random and mutated bytes fed to every loader: our one clear error type, or a valid result; never a crash."""

from __future__ import annotations

import gzip

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digitpad.common.errors import DataError, ModelFileError
from digitpad.data.csvfile import read_csv
from digitpad.data.idx import read_idx, write_idx
from digitpad.model.bundle import Model
from digitpad.model.files import load_model, save_model
from digitpad.nn.network import MLP, NetworkSpec

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    """Overwrite bytes at positions (mod length) and optionally truncate."""
    out = bytearray(data)
    for position, value in edits:
        if out:
            out[position % len(out)] = value
    return bytes(out[:cut] if cut is not None else out)


EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8)
CUTS = st.none() | st.integers(0, 5000)


@pytest.fixture(scope="module")
def idx_bytes(tmp_path_factory):
    path = tmp_path_factory.mktemp("idx") / "images-idx3-ubyte"
    write_idx(path, np.random.default_rng(0).integers(0, 256, (5, 28, 28)))
    raw = path.read_bytes()
    return raw, gzip.compress(raw, mtime=0)


@FUZZ
@given(edits=EDITS, cut=CUTS, gz=st.booleans())
def test_idx_reader_on_mutated_files(idx_bytes, tmp_path, edits, cut, gz):
    path = tmp_path / "f.gz"
    path.write_bytes(mutate(idx_bytes[1] if gz else idx_bytes[0], edits, cut))
    try:
        array = read_idx(path)
    except DataError:
        return
    assert array.dtype == np.uint8


@FUZZ
@given(data=st.binary(max_size=300))
def test_idx_reader_on_random_bytes(tmp_path, data):
    path = tmp_path / "r"
    path.write_bytes(data)
    try:
        read_idx(path)
    except DataError:
        pass


def test_an_absurd_header_is_refused_before_allocating(tmp_path):
    path = tmp_path / "huge"
    path.write_bytes(bytes([0, 0, 8, 3]) + (1_000_000).to_bytes(4, "big") * 3)  # 10^18 pixels claimed
    with pytest.raises(DataError, match="larger than any dataset"):
        read_idx(path)


@pytest.mark.parametrize("dims", [(2**31, 2**31, 4, 1), (2**32 - 1,) * 4, (0, 2**32 - 1, 2**32 - 1)],
                         ids=["product-wraps-to-zero", "all-ones", "zero-times-huge"])
def test_dimensions_whose_product_overflows_int64_are_refused_naming_the_file(tmp_path, dims):
    path = tmp_path / "huge-idx4-ubyte"
    path.write_bytes(bytes([0, 0, 8, len(dims)]) + b"".join(n.to_bytes(4, "big") for n in dims) + b"\0" * 16)
    with pytest.raises(DataError, match="huge-idx4-ubyte: header claims .* larger than any dataset"):
        read_idx(path)


def test_a_header_claiming_more_than_the_file_holds_reads_only_what_is_there(tmp_path, monkeypatch):
    path = tmp_path / "short-idx1-ubyte.gz"
    path.write_bytes(gzip.compress(bytes([0, 0, 8, 1]) + (1_999_999_999).to_bytes(4, "big") + b"\1" * 100))
    asked = []
    real_read = gzip.GzipFile.read
    monkeypatch.setattr(gzip.GzipFile, "read", lambda self, size=-1: asked.append(size) or real_read(self, size))
    with pytest.raises(DataError, match="short-idx1-ubyte.gz: file is shorter than its header"):
        read_idx(path)
    assert max(asked) <= 2**24  # never one read (and one allocation) of the 2 GB the header claims


@FUZZ
@given(text=st.text(alphabet="0123456789,-. \n\r\tabe\x00", max_size=3000))
def test_csv_reader_on_random_text(tmp_path, text):
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    try:
        images, labels = read_csv(path)
    except DataError:
        return
    assert images.dtype == np.uint8 and images.shape[1] == 784


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "m.npz"
    net = MLP(NetworkSpec((64, 8, 10)))
    save_model(path, Model(net, (8, 8), "digits-8x8", 1 / 16, tuple("0123456789"), dataset="digits8x8"))
    return path.read_bytes()


@FUZZ
@given(edits=EDITS, cut=CUTS)
def test_model_loader_on_mutated_files(model_bytes, tmp_path, edits, cut):
    path = tmp_path / "m.npz"
    path.write_bytes(mutate(model_bytes, edits, cut))
    try:
        model = load_model(path)
    except ModelFileError:
        return
    assert np.isfinite(model.network.predict_proba(np.zeros((1, 64)))).all()


@FUZZ
@given(data=st.binary(max_size=2000))
def test_image_reader_on_random_bytes(tmp_path, data, qapp):
    from digitpad.data.image_file import read_image
    path = tmp_path / "x.png"
    path.write_bytes(data)
    try:
        image = read_image(path)
    except DataError:
        return
    assert image.ndim == 2


@FUZZ
@given(edits=EDITS, cut=CUTS)
def test_image_reader_on_mutated_pngs(tmp_path, edits, cut, qapp):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    from digitpad.data.image_file import read_image
    image = QImage(20, 20, QImage.Format.Format_Grayscale8)
    image.fill(200)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path = tmp_path / "m.png"
    path.write_bytes(mutate(bytes(data.data()), edits, cut))
    try:
        read_image(path)
    except DataError:
        pass
