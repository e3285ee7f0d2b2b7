"""Loading datasets: a split of a known or local dataset from the store, or a user's CSV/IDX file."""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.csvfile import read_csv
from digitpad.data.dataset import DIGIT_NAMES, Dataset, stratified_split
from digitpad.data.digits8x8 import load_digits8x8
from digitpad.data.idx import read_idx
from digitpad.data.image_folder import load_image_folder
from digitpad.data.local_datasets import (
    is_local,
    load_local,
    local_dir,
    local_names,
    read_info,
)
from digitpad.data.personal import PersonalStore, empty_message, held_out
from digitpad.data.registry import (
    BUNDLED,
    BUNDLED_SEED,
    BUNDLED_TEST_SHARE,
    BUNDLED_TITLE,
    DATASETS,
    FILE_NAMES,
    IMAGE_SHAPE,
    PERSONAL,
    PERSONAL_TITLE,
    SPLITS,
    dataset_dir,
    dataset_names,
    get_spec,
    is_named,
    known_content,
)

LOCAL_TITLE = "local dataset"  # the title column of a local dataset in `digitpad data list`


class DatasetInfo(NamedTuple):
    """One row of ``digitpad data list``; ``counts`` maps split to images found; ``source`` is the file a local
    dataset was imported from (and how it was split), empty for the others."""

    name: str
    title: str
    status: str
    location: str
    counts: dict[str, int]
    source: str = ""


def available() -> list[DatasetInfo]:
    """Every known dataset, then every local one, with its status, location and image counts per split."""
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
    infos.append(_personal_info())
    return infos + [_local_info(name) for name in local_names()]


def _local_info(name: str) -> DatasetInfo:
    """A local dataset's row: ready with its counts and source, or unreadable (its record is not ours)."""
    try:
        info = read_info(name)
    except DataError as exc:
        return DatasetInfo(name, LOCAL_TITLE, "unreadable", str(local_dir(name)), {}, str(exc))
    return DatasetInfo(name, LOCAL_TITLE, "ready", str(info.folder), dict(info.counts),
                       f"from {info.source}, {info.split_text}")


def _personal_info() -> DatasetInfo:
    """``mine``'s row: ready with its train and held-out counts, empty, or unreadable (its journal is not ours)."""
    store = PersonalStore()
    try:
        digits = store.digits()
    except DataError:
        return DatasetInfo(PERSONAL, PERSONAL_TITLE, "unreadable", str(store.path), {})
    test = sum(held_out(d.id) for d in digits)
    counts = {"train": len(digits) - test, "test": test} if digits else {}
    return DatasetInfo(PERSONAL, PERSONAL_TITLE, "ready" if digits else "empty", str(store.folder), counts)


def load(name: str, split: str) -> Dataset:
    """Load one split (``"train"`` or ``"test"``) of a dataset from the store.

    The bundled 8×8 digits have no official test split: a stratified 80/20
    split drawn with ``np.random.default_rng(0)`` stands in, so it is the same
    on every machine and every run.
    """
    if split not in SPLITS:
        raise DataError(QT_TRANSLATE_NOOP("Loading", "split must be 'train' or 'test', got {split!r}").fill(
            split=split))
    if name == BUNDLED:
        return _bundled_splits()[split]
    if name == PERSONAL:
        return _personal_split(split)
    if is_local(name):
        return load_local(name, split)
    spec = get_spec(name)
    folder = dataset_dir(name)
    paths = [folder / FILE_NAMES[(split, kind)] for kind in ("images", "labels")]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise DataError(QT_TRANSLATE_NOOP("Loading", "{title} {split} data is missing ({files} not in {folder}); get "
                                                     "it with `digitpad data download {name}` or `digitpad data "
                                                     "import FILES`").fill(title=spec.title, split=split,
                                                                           files=", ".join(missing), folder=folder,
                                                                           name=name))
    try:
        images, labels = read_idx(paths[0]), read_idx(paths[1])
    except DataError as exc:
        raise DataError(QT_TRANSLATE_NOOP("Loading", "{error}; get it again with `digitpad data download "
                                                     "{name}`").fill(error=exc.text, name=name)) from exc
    return make_dataset(images, labels, spec.class_names, name)


def load_source(source: str, split: str) -> Dataset:
    """A split of a named dataset (a local one included), or a user's CSV/IDX file or ImageFolder directory
    (all one split)."""
    if is_named(source):
        return load(source, split)
    if Path(source).is_file():
        return load_file(source)
    if Path(source).is_dir():
        return load_image_folder(source)
    raise DataError(QT_TRANSLATE_NOOP("Loading", "{source!r} is neither a dataset ({names}) nor an existing file or "
                                                 "folder").fill(source=source, names=", ".join(dataset_names())))


def describe(source: str) -> Dataset:
    """An empty Dataset with the image shape, scale and class names of ``source``.

    ``source`` is a dataset name or a file path (user files hold 28×28 digits
    as far as can be known without reading them).
    """
    if source == BUNDLED:
        return Dataset.empty((8, 8), 16, DIGIT_NAMES, BUNDLED)
    if source in DATASETS:
        return Dataset.empty(IMAGE_SHAPE, 255, DATASETS[source].class_names, source)
    if source == PERSONAL:
        return Dataset.empty(IMAGE_SHAPE, 255, DIGIT_NAMES, PERSONAL)
    return Dataset.empty(IMAGE_SHAPE, 255, DIGIT_NAMES, Path(source).name)


def load_file(path: str | os.PathLike) -> Dataset:
    """Load a user's labelled CSV, or an IDX images file with its labels file beside it.

    The labels of ``train-images-idx3-ubyte.gz`` are looked for in
    ``train-labels-idx1-ubyte.gz`` (or ``.idx1-`` for ``.idx3-`` names) in the
    same folder. Class names are Fashion-MNIST's when the labels are the
    known Fashion-MNIST labels and the digits otherwise.
    """
    path = Path(path)
    if is_csv(path):
        images, labels = read_csv(path)
        if labels is None:
            raise DataError(QT_TRANSLATE_NOOP("Loading", "{file} has no label column; only labelled CSV files can be "
                                                         "trained on").fill(file=path.name))
        images = images.reshape(-1, *IMAGE_SHAPE)
    else:
        first, pair = read_idx(path), partner_name(path.name)
        if pair is None:
            raise DataError(QT_TRANSLATE_NOOP("Loading", "{file}: cannot tell where its labels are; use the standard "
                                                         "names (train-images-idx3-ubyte with train-labels-idx1-ubyte "
                                                         "beside it)").fill(file=path.name))
        second = read_idx(path.with_name(pair))
        images, labels = (first, second) if first.ndim == 3 else (second, first)
    known = known_content(labels.astype(np.uint8))
    class_names = DATASETS[known[0]].class_names if known else DIGIT_NAMES
    return make_dataset(images, labels, class_names, path.name)


def make_dataset(images: np.ndarray, labels: np.ndarray, class_names: tuple[str, ...], name: str) -> Dataset:
    if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE:
        raise DataError(QT_TRANSLATE_NOOP("Loading", "{name}: expected 28×28 images, got an array of shape "
                                                     "{shape}").fill(name=name, shape=images.shape))
    if labels.ndim != 1 or len(labels) != len(images):
        raise DataError(QT_TRANSLATE_NOOP("Loading", "{name}: {shape} labels do not match {images} images").fill(
            name=name, shape=labels.shape, images=len(images)))
    if len(images) == 0:
        raise DataError(QT_TRANSLATE_NOOP("Loading", "{name} holds no images").fill(name=name))
    return Dataset(images.reshape(len(images), -1), labels.astype(np.int64), IMAGE_SHAPE, 255,
                   class_names, name)


def _personal_split(split: str) -> Dataset:
    """A split of ``mine``, by the held-out rule of :mod:`digitpad.data.personal`."""
    store = PersonalStore()
    digits = len(store)
    if digits == 0:
        raise DataError(empty_message())
    data = store.dataset(split)
    if len(data) == 0:
        none = (QT_TRANSLATE_NOOP("Loading", "{title} has no held-out (test) digits among its {digits}: one digit "
                                             "in four, chosen by its id, is held out for testing; add more digits")
                if split == "test" else
                QT_TRANSLATE_NOOP("Loading", "{title} has no training digits among its {digits}: one digit in four, "
                                             "chosen by its id, is held out for testing; add more digits"))
        raise DataError(none.fill(title=PERSONAL_TITLE, digits=digits))
    return data


def _bundled_splits() -> dict[str, Dataset]:
    full = load_digits8x8()
    train, test = stratified_split(full.labels, BUNDLED_TEST_SHARE, np.random.default_rng(BUNDLED_SEED))
    return {"train": full.subset(train), "test": full.subset(test)}


def _header_count(path: Path) -> int | None:
    """The first dimension an IDX header declares, without reading the data."""
    try:
        with (gzip.open if is_gzip(path) else open)(path, "rb") as fh:
            return struct.unpack(">II", fh.read(8))[1]
    except (OSError, EOFError, zlib.error, struct.error):
        return None


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def is_csv(path: Path) -> bool:
    return path.name.lower().endswith((".csv", ".csv.gz"))


def partner_name(name: str) -> str | None:
    """The labels file name for an images file name, or the other way round."""
    for images, labels in (("images-idx3", "labels-idx1"), ("images.idx3", "labels.idx1")):
        if images in name:
            return name.replace(images, labels)
        if labels in name:
            return name.replace(labels, images)
    return None
