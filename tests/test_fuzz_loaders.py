"""Random and mutated bytes fed to every loader: our one clear error type, or a valid result; never a crash."""

from __future__ import annotations

import copy
import gzip
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.models import parts

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
        images, _labels = read_csv(path)
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


# Values a mutation puts in place of a metadata value: wrong types, deep nesting, huge numbers, NaN strings.
ODD_VALUES = [None, True, -1, 0, 2**70, 1e308, -1e-308, "NaN", "Infinity", "", "x" * 20_000, [], {}, [[[[[[]]]]]],
              json.loads("[" * 40 + "]" * 40), [1] * 70, [64] + [1] * 80 + [10], {"kind": "unit"}, [None], 3.5]


def _paths(value, prefix=()):
    """Every (key path) inside a JSON document, containers and leaves alike."""
    yield prefix
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in children:
        yield from _paths(child, (*prefix, key))


def _mutate_metadata(meta: dict, rng: np.random.Generator) -> dict:
    meta = copy.deepcopy(meta)
    paths = list(_paths(meta))[1:]  # never the document itself
    path = paths[rng.integers(len(paths))]
    *parents, last = path
    target = meta
    for key in parents:
        target = target[key]
    if rng.random() < 0.15 and isinstance(target, dict):
        del target[last]  # a missing key
    else:
        target[last] = ODD_VALUES[rng.integers(len(ODD_VALUES))]
    return meta


def _mutate_array(array: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    choice = rng.integers(5)
    if choice == 0:
        return array.reshape(-1)  # another shape
    if choice == 1:
        return array.astype(rng.choice(["float64", "float16", "int32", "uint8", "complex64", "bool"]))
    if choice == 2:
        return array[: max(len(array) - 1, 0)]
    out = array.astype(array.dtype, copy=True)
    out.flat[rng.integers(out.size)] = rng.choice([np.nan, np.inf, -np.inf, 1e30])
    return out


def test_model_loader_on_mutated_metadata_and_arrays(tmp_path):
    """Every mutation of a real saved model loads or is one ModelFileError; most of them reach the checks."""
    meta, arrays = parts(tmp_path)
    meta["edits"] = [{"kind": "unit", "layer": 1, "unit": 2, "gain": 0.5}, {"kind": "step", "label": 3, "lr": 0.1}]
    meta["step_changes"] = [{"epoch": 0, "batch": 1, "setting": "lr", "old": 0.1, "new": 0.05}]
    rng = np.random.default_rng(16)
    outcomes = {"loaded": 0, "refused": 0}
    for i in range(300):
        new_meta, new_arrays = meta, dict(arrays)
        if i % 3:
            new_meta = _mutate_metadata(meta, rng)
        else:
            name = sorted(arrays)[rng.integers(len(arrays))]
            new_arrays[name] = _mutate_array(arrays[name], rng)
        path = tmp_path / "m.npz"
        raw = json.dumps(new_meta).encode()
        np.savez(path, metadata=np.frombuffer(raw, dtype=np.uint8), **new_arrays)
        try:
            model = load_model(path)
        except ModelFileError as e:
            assert str(path) in str(e)
            outcomes["refused"] += 1
            continue
        outcomes["loaded"] += 1
        assert np.isfinite(model.network.predict_proba(np.zeros((1, 64)))).all()
    # A mutation of a field the checks do not limit (a name, a hyperparameter) loads; most are refused.
    assert outcomes["refused"] > 200 and outcomes["loaded"] > 10, outcomes
