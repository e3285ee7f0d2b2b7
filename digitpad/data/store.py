"""The local data store: where datasets live, what is there, and loading them.

Each downloadable dataset has its own folder under :func:`data_dir` holding the
four standard gzip IDX files (``train-images-idx3-ubyte.gz`` and friends).
Files get there by :mod:`digitpad.data.download` or by :func:`import_files`
from copies the user already has. The 8×8 digits ship with digitpad and are
always available.

Nothing here touches the network.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import platformdirs

from digitpad.data.csvfile import read_csv
from digitpad.data.dataset import DIGIT_NAMES, FASHION_NAMES, Dataset, stratified_split
from digitpad.data.digits8x8 import load_digits8x8
from digitpad.data.idx import UBYTE, read_idx
from digitpad.errors import DataError

ENV_VAR = "DIGITPAD_DATA_DIR"
SPLITS = ("train", "test")
IMAGE_SHAPE = (28, 28)
FILE_NAMES = {
    ("train", "images"): "train-images-idx3-ubyte.gz",
    ("train", "labels"): "train-labels-idx1-ubyte.gz",
    ("test", "images"): "t10k-images-idx3-ubyte.gz",
    ("test", "labels"): "t10k-labels-idx1-ubyte.gz",
}
STANDARD_COUNTS = {60000: "train", 10000: "test"}
BUNDLED = "digits8x8"
BUNDLED_TITLE = "8×8 digits"
# The bundled set has no official test split, so a fixed seed carves one out.
BUNDLED_TEST_SHARE = 0.2
BUNDLED_SEED = 0


@dataclass(frozen=True)
class FileSpec:
    """One file of a dataset and the two checksums that identify it.

    ``md5`` is the published md5 of the ``.gz``; ``content_md5`` is the md5 of
    the uncompressed IDX bytes, which survives re-compression by a mirror.
    """

    name: str
    md5: str
    content_md5: str


@dataclass(frozen=True)
class DatasetSpec:
    """A downloadable dataset: its files, their checksums and mirror base URLs."""

    name: str
    title: str
    class_names: tuple[str, ...]
    files: tuple[FileSpec, ...]
    mirrors: tuple[str, ...]


def _files(gz_md5s: tuple[str, ...], content_md5s: tuple[str, ...]) -> tuple[FileSpec, ...]:
    return tuple(FileSpec(n, g, c) for n, g, c in zip(FILE_NAMES.values(), gz_md5s, content_md5s))


DATASETS: dict[str, DatasetSpec] = {
    "mnist": DatasetSpec(
        "mnist", "MNIST", DIGIT_NAMES,
        _files(("f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
               ("6bbc9ace898e44ae57da46a324031adb", "a25bea736e30d166cdddb491f175f624",
                "2646ac647ad5339dbf082846283269ea", "27ae3e4e09519cfbb04c329615203637")),
        ("https://ossci-datasets.s3.amazonaws.com/mnist/",
         "https://storage.googleapis.com/cvdf-datasets/mnist/",
         "http://yann.lecun.com/exdb/mnist/"),
    ),
    "fashion": DatasetSpec(
        "fashion", "Fashion-MNIST", FASHION_NAMES,
        _files(("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
               ("f4a8712d7a061bf5bd6d2ca38dc4d50a", "9018921c3c673c538a1fc5bad174d6f9",
                "8181f5470baa50b63fa0f6fddb340f0a", "15d484375f8d13e6eb1aabb0c3f46965")),
        ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
         "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
    ),
}
NAMES = (*DATASETS, BUNDLED)
# Content md5 -> (dataset, standard file name): recognises a user's copy whatever it is called.
_KNOWN_CONTENT = {f.content_md5: (s.name, f.name) for s in DATASETS.values() for f in s.files}
_ROLE_OF = {file_name: role for role, file_name in FILE_NAMES.items()}


class DatasetInfo(NamedTuple):
    """One row of ``digitpad data list``; ``counts`` maps split to images found."""

    name: str
    title: str
    status: str
    location: str
    counts: dict[str, int]


def data_dir() -> Path:
    """The folder holding all dataset folders: ``$DIGITPAD_DATA_DIR`` or the user data dir."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("digitpad")) / "datasets"


def dataset_dir(name: str) -> Path:
    """The folder of one downloadable dataset (it may not exist yet)."""
    return data_dir() / get_spec(name).name


def get_spec(name: str) -> DatasetSpec:
    """The registry entry of a downloadable dataset; DataError for any other name."""
    if name == BUNDLED:
        raise DataError(f"{BUNDLED} is bundled with digitpad; it has no files to download or import")
    try:
        return DATASETS[name]
    except KeyError:
        raise DataError(f"unknown dataset {name!r}; known: {', '.join(NAMES)}") from None


def is_available(name: str) -> bool:
    """True when every file of ``name`` is in the store (always for the bundled set)."""
    if name == BUNDLED:
        return True
    folder = dataset_dir(name)
    return all((folder / f.name).is_file() for f in get_spec(name).files)


def available() -> list[DatasetInfo]:
    """Every known dataset with its status, location and image counts per split."""
    bundled = _bundled_splits()
    infos = [DatasetInfo(BUNDLED, BUNDLED_TITLE, "bundled", "bundled with digitpad",
                         {split: len(ds) for split, ds in bundled.items()})]
    for spec in DATASETS.values():
        folder = dataset_dir(spec.name)
        present = sum((folder / f.name).is_file() for f in spec.files)
        status = {0: "missing", len(spec.files): "ready"}.get(
            present, f"incomplete ({present} of {len(spec.files)} files)")
        counts = {split: _header_count(folder / FILE_NAMES[(split, "images")]) for split in SPLITS}
        counts = {split: count for split, count in counts.items() if count is not None}
        infos.append(DatasetInfo(spec.name, spec.title, status, str(folder), counts))
    return infos


def load(name: str, split: str) -> Dataset:
    """Load one split (``"train"`` or ``"test"``) of a dataset from the store.

    The bundled 8×8 digits have no official test split: a stratified 80/20
    split drawn with ``np.random.default_rng(0)`` stands in, so it is the same
    on every machine and every run.
    """
    if split not in SPLITS:
        raise DataError(f"split must be 'train' or 'test', got {split!r}")
    if name == BUNDLED:
        return _bundled_splits()[split]
    spec = get_spec(name)
    folder = dataset_dir(name)
    paths = [folder / FILE_NAMES[(split, kind)] for kind in ("images", "labels")]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise DataError(f"{spec.title} {split} data is missing ({', '.join(missing)} not in {folder}); "
                        f"get it with `digitpad data download {name}` or `digitpad data import FILES`")
    try:
        images, labels = read_idx(paths[0]), read_idx(paths[1])
    except DataError as exc:
        raise DataError(f"{exc}; get it again with `digitpad data download {name}`") from exc
    return _make_dataset(images, labels, spec.class_names, name)


def load_source(source: str, split: str) -> Dataset:
    """A split of a named dataset, or a user's CSV/IDX file (which is all one split)."""
    if source in NAMES:
        return load(source, split)
    if Path(source).is_file():
        return load_file(source)
    raise DataError(f"{source!r} is neither a dataset ({', '.join(NAMES)}) nor an existing file")


def describe(source: str) -> Dataset:
    """An empty Dataset with the image shape, scale and class names of ``source``.

    ``source`` is a dataset name or a file path (user files hold 28×28 digits
    as far as can be known without reading them).
    """
    if source == BUNDLED:
        return Dataset.empty((8, 8), 16, DIGIT_NAMES, BUNDLED)
    if source in DATASETS:
        return Dataset.empty(IMAGE_SHAPE, 255, DATASETS[source].class_names, source)
    return Dataset.empty(IMAGE_SHAPE, 255, DIGIT_NAMES, Path(source).name)


def load_file(path: str | os.PathLike) -> Dataset:
    """Load a user's labelled CSV, or an IDX images file with its labels file beside it.

    The labels of ``train-images-idx3-ubyte.gz`` are looked for in
    ``train-labels-idx1-ubyte.gz`` (or ``.idx1-`` for ``.idx3-`` names) in the
    same folder. Class names are Fashion-MNIST's when the labels are the
    known Fashion-MNIST labels and the digits otherwise.
    """
    path = Path(path)
    if _is_csv(path):
        images, labels = read_csv(path)
        if labels is None:
            raise DataError(f"{path.name} has no label column; only labelled CSV files can be trained on")
        images = images.reshape(-1, *IMAGE_SHAPE)
    else:
        first, pair = read_idx(path), _partner_name(path.name)
        if pair is None:
            raise DataError(f"{path.name}: cannot tell where its labels are; use the standard names "
                            "(train-images-idx3-ubyte with train-labels-idx1-ubyte beside it)")
        second = read_idx(path.with_name(pair))
        images, labels = (first, second) if first.ndim == 3 else (second, first)
    known = _KNOWN_CONTENT.get(content_md5(labels.astype(np.uint8)))
    class_names = DATASETS[known[0]].class_names if known else DIGIT_NAMES
    return _make_dataset(images, labels, class_names, path.name)


def import_files(paths: Iterable[str | os.PathLike], dataset: str | None = None) -> list[str]:
    """Store files the user already has, validated, as the standard gzip IDX files.

    Accepted: IDX files, gzip or raw (the header says images or labels; the
    split comes from the name: ``t10k``/``test`` or ``train``, else from the
    count 60000/10000); ``mnist.npz`` with keys x_train, y_train, x_test,
    y_test; labelled CSV files, one split each, told apart like IDX files.
    An array identical to a known MNIST or Fashion-MNIST file (by content md5)
    goes where that file belongs; anything else needs ``dataset``. Every file
    is checked before the first one is written.

    Returns
    -------
    list of str
        One line per stored file, for messages.
    """
    if dataset is not None:
        get_spec(dataset)
    parts = [part for path in paths for part in _read_parts(Path(path))]
    if not parts:
        raise DataError("no files to import")
    targets = [_target(part, dataset) for part in parts]
    _check_together(parts, targets)
    done = []
    for part, (name, split) in zip(parts, targets):
        dest = dataset_dir(name) / FILE_NAMES[(split, part.kind)]
        with atomic_file(dest) as tmp:
            if part.gz_file is not None:
                shutil.copyfile(part.gz_file, tmp)
            else:
                tmp.write_bytes(gzip.compress(_idx_header(part.array) + part.array.tobytes(), 6, mtime=0))
        done.append(f"{DATASETS[name].title} {split} {part.kind} ({len(part.array)}) from {part.source}")
    return done


@contextmanager
def atomic_file(dest: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; it replaces ``dest`` only if the block succeeds.

    The temp file lives in the same folder so ``os.replace`` is atomic, and it
    is deleted on any error, so a reader never sees half a file.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)


def content_md5(array: np.ndarray) -> str:
    """md5 of the array as uncompressed IDX bytes, i.e. of the original file's content."""
    digest = hashlib.md5(_idx_header(array), usedforsecurity=False)
    digest.update(np.ascontiguousarray(array, dtype=np.uint8).data)
    return digest.hexdigest()


def _make_dataset(images: np.ndarray, labels: np.ndarray, class_names: tuple[str, ...], name: str) -> Dataset:
    if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE:
        raise DataError(f"{name}: expected 28×28 images, got an array of shape {images.shape}")
    if labels.ndim != 1 or len(labels) != len(images):
        raise DataError(f"{name}: {labels.shape} labels do not match {len(images)} images")
    if len(images) == 0:
        raise DataError(f"{name} holds no images")
    return Dataset(images.reshape(len(images), -1), labels.astype(np.int64), IMAGE_SHAPE, 255,
                   class_names, name)


@dataclass(frozen=True)
class _Part:
    """One array a user's file brings: images ``(N, 28, 28)`` or labels ``(N,)``, uint8."""

    source: str
    kind: str
    array: np.ndarray
    split: str | None  # what the file name says, if anything
    gz_file: Path | None  # a gzip IDX file worth storing byte for byte (keeps its md5)


def _read_parts(path: Path) -> list[_Part]:
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    if path.suffix.lower() == ".npz":
        return _npz_parts(path)
    lower = path.name.lower()
    split = "test" if ("t10k" in lower or "test" in lower) else "train" if "train" in lower else None
    if _is_csv(path):
        images, labels = read_csv(path)
        if labels is None:
            raise DataError(f"{path.name} has no label column; only labelled CSV files can be imported")
        return [_Part(path.name, "images", images.reshape(-1, *IMAGE_SHAPE), split, None),
                _Part(path.name, "labels", _as_uint8(labels, path.name), split, None)]
    array = read_idx(path)
    kind = {3: "images", 1: "labels"}.get(array.ndim)
    if kind is None:
        raise DataError(f"{path.name}: an IDX file with {array.ndim} dimensions is neither images nor labels")
    return [_Part(path.name, kind, array, split, path if _is_gzip(path) else None)]


def _npz_parts(path: Path) -> list[_Part]:
    keys = {("train", "images"): "x_train", ("train", "labels"): "y_train",
            ("test", "images"): "x_test", ("test", "labels"): "y_test"}
    try:
        with np.load(path, allow_pickle=False) as npz:
            missing = [key for key in keys.values() if key not in npz.files]
            if missing:
                raise DataError(f"{path.name}: no {', '.join(missing)} in it; expected the keys of mnist.npz")
            arrays = {role: npz[key] for role, key in keys.items()}
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise DataError(f"{path.name}: cannot read it as .npz ({exc})") from exc
    sources = {role: f"{path.name}:{key}" for role, key in keys.items()}
    return [_Part(sources[role], role[1], _as_uint8(array, sources[role]), role[0], None)
            for role, array in arrays.items()]


def _as_uint8(array: np.ndarray, source: str) -> np.ndarray:
    if array.dtype == np.uint8:
        return array
    if not np.issubdtype(array.dtype, np.integer) or (array.size and (array.min() < 0 or array.max() > 255)):
        raise DataError(f"{source}: expected whole numbers 0..255, got {array.dtype}")
    return array.astype(np.uint8)


def _target(part: _Part, dataset: str | None) -> tuple[str, str]:
    """Validate a part and decide its (dataset, split)."""
    shape = part.array.shape
    if len(part.array) == 0 or shape[1:] != (IMAGE_SHAPE if part.kind == "images" else ()):
        wanted = "(N, 28, 28) images" if part.kind == "images" else "(N,) labels"
        raise DataError(f"{part.source}: expected {wanted}, got shape {shape}")
    if part.kind == "labels" and part.array.max() >= 10:
        raise DataError(f"{part.source}: labels must lie in 0..9, found {part.array.max()}")
    known = _KNOWN_CONTENT.get(content_md5(part.array))
    if known is not None and dataset in (None, known[0]):
        return known[0], _ROLE_OF[known[1]][0]
    if dataset is None:
        raise DataError(f"{part.source} is not one of the known MNIST or Fashion-MNIST files; "
                        "say which dataset it belongs to (--dataset mnist or --dataset fashion)")
    split = part.split or STANDARD_COUNTS.get(len(part.array))
    if split is None:
        raise DataError(f"{part.source}: cannot tell train from test data; put 'train' or 'test' in its name")
    return dataset, split


def _check_together(parts: list[_Part], targets: list[tuple[str, str]]) -> None:
    """Refuse two files for one slot, and images and labels of different lengths."""
    slots: dict[tuple[str, str, str], _Part] = {}
    for part, (name, split) in zip(parts, targets):
        other = slots.setdefault((name, split, part.kind), part)
        if other is not part:
            raise DataError(f"{other.source} and {part.source} are both {name} {split} {part.kind}")
    for (name, split, kind), part in slots.items():
        labels = slots.get((name, split, "labels"))
        if kind == "images" and labels is not None and len(labels.array) != len(part.array):
            raise DataError(f"{part.source} has {len(part.array)} images "
                            f"but {labels.source} has {len(labels.array)} labels")


def _bundled_splits() -> dict[str, Dataset]:
    full = load_digits8x8()
    train, test = stratified_split(full.labels, BUNDLED_TEST_SHARE, np.random.default_rng(BUNDLED_SEED))
    return {"train": full.subset(train), "test": full.subset(test)}


def _header_count(path: Path) -> int | None:
    """The first dimension an IDX header declares, without reading the data."""
    try:
        with (gzip.open if _is_gzip(path) else open)(path, "rb") as fh:
            return struct.unpack(">II", fh.read(8))[1]
    except (OSError, EOFError, zlib.error, struct.error):
        return None


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _is_csv(path: Path) -> bool:
    return path.name.lower().endswith((".csv", ".csv.gz"))


def _partner_name(name: str) -> str | None:
    """The labels file name for an images file name, or the other way round."""
    for images, labels in (("images-idx3", "labels-idx1"), ("images.idx3", "labels.idx1")):
        if images in name:
            return name.replace(images, labels)
        if labels in name:
            return name.replace(labels, images)
    return None


def _idx_header(array: np.ndarray) -> bytes:
    return struct.pack(">HBB", 0, UBYTE, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
