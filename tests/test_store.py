"""The local data store: locations, loading, importing users' files."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import numpy as np
import pytest

from digitpad.common.errors import DataError
from digitpad.data import importing, loading, registry
from digitpad.data.dataset import DIGIT_NAMES, FASHION_NAMES
from digitpad.data.idx import read_idx, write_idx

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def tiny_split(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` random 28×28 uint8 images and labels cycling through 0..9."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (n, 28, 28), dtype=np.uint8), (np.arange(n) % 10).astype(np.uint8)


def write_dataset(folder: Path, n_train: int = 20, n_test: int = 10) -> dict[str, np.ndarray]:
    """The four standard gzip IDX files in ``folder``; returns the arrays by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for split, n, seed in (("train", n_train, 1), ("test", n_test, 2)):
        images, labels = tiny_split(n, seed)
        arrays[registry.FILE_NAMES[(split, "images")]] = images
        arrays[registry.FILE_NAMES[(split, "labels")]] = labels
    for name, array in arrays.items():
        write_idx(folder / name, array)
    return arrays


def write_csv(path: Path, images: np.ndarray, labels: np.ndarray | None) -> None:
    rows = images.reshape(len(images), -1).astype(np.int64)
    if labels is not None:
        rows = np.column_stack([labels, rows])
    np.savetxt(path, rows, fmt="%d", delimiter=",")


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "store"
    monkeypatch.setenv(registry.ENV_VAR, str(home))
    return home


@pytest.fixture
def user_files(tmp_path: Path) -> Path:
    """A folder outside the store holding a user's four standard files."""
    folder = tmp_path / "downloads"
    write_dataset(folder)
    return folder


def test_data_dir_follows_the_environment_or_the_platform(monkeypatch, tmp_path):
    monkeypatch.setenv(registry.ENV_VAR, str(tmp_path))
    assert registry.data_dir() == tmp_path
    assert registry.dataset_dir("fashion") == tmp_path / "fashion"
    monkeypatch.delenv(registry.ENV_VAR)
    assert registry.data_dir().name == "datasets"
    assert "digitpad" in str(registry.data_dir())


def test_unknown_and_bundled_names_are_refused_where_files_are_meant(data_home):
    with pytest.raises(DataError, match="unknown dataset 'emnist'"):
        loading.load("emnist", "train")
    with pytest.raises(DataError, match="bundled"):
        registry.dataset_dir("digits8x8")
    with pytest.raises(DataError, match="split"):
        loading.load("mnist", "validation")


def test_missing_dataset_says_how_to_get_it(data_home):
    assert not registry.is_available("mnist")
    with pytest.raises(DataError) as info:
        loading.load("mnist", "train")
    message = str(info.value)
    assert "MNIST train data is missing" in message
    assert "digitpad data download mnist" in message
    assert "digitpad data import" in message


def test_load_reads_the_standard_files(data_home):
    arrays = write_dataset(data_home / "fashion")
    assert registry.is_available("fashion")
    train = loading.load("fashion", "train")
    assert train.images.shape == (20, 784) and train.images.dtype == np.uint8
    assert train.labels.dtype == np.int64
    assert train.image_shape == (28, 28) and train.max_value == 255
    assert train.class_names == FASHION_NAMES and train.name == "fashion"
    np.testing.assert_array_equal(train.images, arrays["train-images-idx3-ubyte.gz"].reshape(20, -1))
    assert len(loading.load("fashion", "test")) == 10


def test_available_reports_status_and_counts(data_home):
    write_dataset(data_home / "mnist", n_train=30, n_test=12)
    (data_home / "fashion").mkdir()
    write_idx(data_home / "fashion" / "t10k-labels-idx1-ubyte.gz", np.zeros(3, np.uint8))
    infos = {info.name: info for info in loading.available()}
    assert list(infos) == ["digits8x8", "mnist", "fashion", "mine"]
    assert infos["mnist"].status == "ready"
    assert infos["mnist"].counts == {"train": 30, "test": 12}
    assert infos["mnist"].location == str(data_home / "mnist")
    assert infos["fashion"].status == "incomplete (1 of 4 files)"
    assert infos["fashion"].counts == {}
    assert infos["digits8x8"].status == "bundled"
    assert sum(infos["digits8x8"].counts.values()) == 1797


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_load_refuses_a_corrupt_file(data_home, damage):
    write_dataset(data_home / "mnist")
    path = data_home / "mnist" / "train-images-idx3-ubyte.gz"
    raw = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(raw[:-100]) if damage == "truncated" else b"<html>not found</html>")
    with pytest.raises(DataError, match="train-images-idx3-ubyte.gz.*digitpad data download mnist"):
        loading.load("mnist", "train")


def test_load_refuses_images_and_labels_that_disagree(data_home):
    write_dataset(data_home / "mnist")
    write_idx(data_home / "mnist" / "train-labels-idx1-ubyte.gz", np.zeros(19, np.uint8))
    with pytest.raises(DataError, match="labels do not match 20 images"):
        loading.load("mnist", "train")
    write_idx(data_home / "mnist" / "train-images-idx3-ubyte.gz", np.zeros((19, 8, 8), np.uint8))
    with pytest.raises(DataError, match="28×28"):
        loading.load("mnist", "train")


def test_bundled_digits_split_is_stratified_and_fixed():
    train, test = loading.load("digits8x8", "train"), loading.load("digits8x8", "test")
    assert len(train) + len(test) == 1797
    assert 0.19 < len(test) / 1797 < 0.21
    test_share = np.bincount(test.labels, minlength=10) / np.bincount(
        np.concatenate([train.labels, test.labels]), minlength=10)
    assert np.all(np.abs(test_share - 0.2) < 0.01)
    again = loading.load("digits8x8", "test")
    np.testing.assert_array_equal(again.images, test.images)
    assert registry.is_available("digits8x8")


def test_import_gzip_idx_keeps_the_files_byte_for_byte(data_home, user_files):
    sources = sorted(user_files.iterdir())
    lines = importing.import_files(sources, dataset="mnist")
    assert len(lines) == 4 and all(line.startswith("MNIST") for line in lines)
    for source in sources:
        assert md5(data_home / "mnist" / source.name) == md5(source)
    assert len(loading.load("mnist", "test")) == 10
    assert sorted(p.name for p in (data_home / "mnist").iterdir()) == sorted(registry.FILE_NAMES.values())


def test_import_raw_idx_with_other_names_goes_by_name_and_count(data_home, tmp_path):
    images, labels = tiny_split(20, 3)
    write_idx(tmp_path / "my-train-images.idx", images)
    write_idx(tmp_path / "my-train-labels.idx", labels)
    # No split in the name: 10000 is the standard test count.
    write_idx(tmp_path / "labels.bin", np.zeros(10000, np.uint8))
    importing.import_files([tmp_path / "my-train-images.idx", tmp_path / "my-train-labels.idx",
                        tmp_path / "labels.bin"], dataset="fashion")
    train = loading.load("fashion", "train")
    np.testing.assert_array_equal(train.images, images.reshape(20, -1))
    stored = data_home / "fashion" / "t10k-labels-idx1-ubyte.gz"
    assert gzip.decompress(stored.read_bytes())[:8] == b"\x00\x00\x08\x01\x00\x00\x27\x10"


def test_import_needs_the_split_when_neither_name_nor_count_tells(data_home, tmp_path):
    write_idx(tmp_path / "images.idx", tiny_split(20, 0)[0])
    with pytest.raises(DataError, match="cannot tell train from test"):
        importing.import_files([tmp_path / "images.idx"], dataset="mnist")


def test_import_mnist_npz(data_home, tmp_path):
    (x_train, y_train), (x_test, y_test) = tiny_split(20, 4), tiny_split(10, 5)
    np.savez(tmp_path / "mnist.npz", x_train=x_train, y_train=y_train.astype(np.int64),
             x_test=x_test, y_test=y_test)
    lines = importing.import_files([tmp_path / "mnist.npz"], dataset="mnist")
    assert len(lines) == 4
    test = loading.load("mnist", "test")
    np.testing.assert_array_equal(test.images, x_test.reshape(10, -1))
    np.testing.assert_array_equal(loading.load("mnist", "train").labels, y_train)


def test_import_npz_without_the_expected_keys(data_home, tmp_path):
    np.savez(tmp_path / "other.npz", images=np.zeros((2, 28, 28), np.uint8))
    with pytest.raises(DataError, match="x_train"):
        importing.import_files([tmp_path / "other.npz"], dataset="mnist")


def test_import_labelled_csv(data_home, tmp_path):
    images, labels = tiny_split(20, 6)
    write_csv(tmp_path / "mnist_test.csv", images, labels)
    lines = importing.import_files([tmp_path / "mnist_test.csv"], dataset="mnist")
    assert lines == ["MNIST test images (20) from mnist_test.csv",
                     "MNIST test labels (20) from mnist_test.csv"]
    test = loading.load("mnist", "test")
    np.testing.assert_array_equal(test.images, images.reshape(20, -1))
    np.testing.assert_array_equal(test.labels, labels)


def test_import_refuses_an_unlabelled_csv(data_home, tmp_path):
    write_csv(tmp_path / "test.csv", tiny_split(5, 0)[0], None)
    with pytest.raises(DataError, match="no label column"):
        importing.import_files([tmp_path / "test.csv"], dataset="mnist")


def test_import_without_dataset_asks_which(data_home, user_files):
    with pytest.raises(DataError, match="--dataset"):
        importing.import_files(sorted(user_files.iterdir()))
    assert not data_home.exists()


def test_import_detects_known_content(data_home, user_files, monkeypatch):
    # Pretend the tiny test files are the published Fashion-MNIST ones.
    known = {registry.content_md5(read_idx(path)): ("fashion", path.name) for path in user_files.glob("t10k-*")}
    monkeypatch.setattr(registry, "_KNOWN_CONTENT", known)
    renamed = (user_files / "t10k-images-idx3-ubyte.gz").rename(user_files / "whatever.gz")
    lines = importing.import_files([renamed, user_files / "t10k-labels-idx1-ubyte.gz"])
    assert lines[0] == "Fashion-MNIST test images (10) from whatever.gz"
    assert loading.load("fashion", "test").class_names == FASHION_NAMES
    with pytest.raises(DataError, match="--dataset"):
        importing.import_files([user_files / "train-labels-idx1-ubyte.gz"])


def test_import_checks_everything_before_writing(data_home, tmp_path):
    images, labels = tiny_split(20, 7)
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", images)
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", labels + 5)
    with pytest.raises(DataError, match="labels must lie in 0..9"):
        importing.import_files([tmp_path / "train-images-idx3-ubyte.gz", tmp_path / "train-labels-idx1-ubyte.gz"],
                           dataset="mnist")
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", labels[:-1])
    with pytest.raises(DataError, match="20 images but .* 19 labels"):
        importing.import_files([tmp_path / "train-images-idx3-ubyte.gz", tmp_path / "train-labels-idx1-ubyte.gz"],
                           dataset="mnist")
    with pytest.raises(DataError, match="both mnist train images"):
        importing.import_files([tmp_path / "train-images-idx3-ubyte.gz"] * 2, dataset="mnist")
    assert not data_home.exists()


def test_import_refuses_wrong_shapes_and_missing_files(data_home, tmp_path):
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", np.zeros((5, 8, 8), np.uint8))
    with pytest.raises(DataError, match=r"expected \(N, 28, 28\) images"):
        importing.import_files([tmp_path / "train-images-idx3-ubyte.gz"], dataset="mnist")
    with pytest.raises(DataError, match="no such file"):
        importing.import_files([tmp_path / "nothing.gz"], dataset="mnist")
    with pytest.raises(DataError, match="no files"):
        importing.import_files([], dataset="mnist")


def test_load_file_reads_a_csv(tmp_path):
    images, labels = tiny_split(12, 8)
    write_csv(tmp_path / "mine.csv", images, labels)
    ds = loading.load_file(tmp_path / "mine.csv")
    assert ds.name == "mine.csv" and ds.class_names == DIGIT_NAMES
    np.testing.assert_array_equal(ds.images, images.reshape(12, -1))
    write_csv(tmp_path / "unlabelled.csv", images, None)
    with pytest.raises(DataError, match="no label column"):
        loading.load_file(tmp_path / "unlabelled.csv")


@pytest.mark.parametrize("chosen", ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"])
def test_load_file_finds_the_partner_idx_file(user_files, chosen):
    ds = loading.load_file(user_files / chosen)
    assert len(ds) == 10 and ds.images.shape == (10, 784)


def test_load_file_needs_standard_idx_names(user_files):
    renamed = (user_files / "train-images-idx3-ubyte.gz").rename(user_files / "pictures.gz")
    with pytest.raises(DataError, match="cannot tell where its labels are"):
        loading.load_file(renamed)
    renamed.rename(user_files / "train-images-idx3-ubyte.gz")
    (user_files / "train-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataError, match="train-labels-idx1-ubyte.gz: no such file"):
        loading.load_file(user_files / "train-images-idx3-ubyte.gz")


@pytest.mark.realdata
def test_real_files_are_recognised_by_content(data_home):
    mnist, fashion = REAL_DATA / "mnist", REAL_DATA / "fashion"
    if not (mnist.is_dir() and fashion.is_dir()):
        pytest.skip(f"real MNIST/Fashion-MNIST files not found in {REAL_DATA}")
    # Fashion labels: enough to show the other dataset is told apart, and cheap.
    lines = importing.import_files([*sorted(mnist.iterdir()), fashion / "t10k-labels-idx1-ubyte.gz"])
    assert sum(line.startswith("MNIST") for line in lines) == 4
    assert lines[-1].startswith("Fashion-MNIST test labels (10000)")
    info = {i.name: i for i in loading.available()}["mnist"]
    assert info.status == "ready" and info.counts == {"train": 60000, "test": 10000}
    test = loading.load("mnist", "test")
    assert len(test) == 10000 and np.bincount(test.labels).min() > 800
    assert loading.load_file(fashion / "t10k-labels-idx1-ubyte.gz").class_names == FASHION_NAMES
