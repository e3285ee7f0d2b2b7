"""Named local datasets: a user's labelled CSV (Kaggle's digit-recognizer ``train.csv``) kept as a dataset.

On disk
-------
``<data dir>/NAME/`` holds the four standard gzip IDX files, as a downloaded
dataset does, and ``local-dataset.json`` recording where they came from: the
source file's name and md5, the split rule and the counts. The JSON is written
last, so a folder without it is an import that never finished and is not a
dataset.

The split
---------
The file's rows are split once, at import: a stratified :data:`TEST_SHARE`
(1/7, MNIST's 10,000 of 70,000) drawn with ``np.random.default_rng(SEED)`` is
the ``test`` split and the rest the ``train`` split. Training loads the train
split only, so the test rows are never trained on and stay an honest measure.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.data.dataset import DIGIT_NAMES, Dataset, stratified_split
from digitpad.data.idx import idx_header, read_idx
from digitpad.data.registry import (
    FILE_NAMES,
    IMAGE_SHAPE,
    NAMES,
    SPLITS,
    TITLES,
    data_dir,
)

INFO_FILE = "local-dataset.json"
FORMAT = "digitpad local dataset v1"
TEST_SHARE = 1 / 7
SEED = 0
MAX_NAME = 40
_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


@dataclass(frozen=True)
class LocalDataset:
    """What ``local-dataset.json`` records of one local dataset.

    ``counts`` maps split to images; the split rule is ``stratified`` with
    ``test_share`` and ``seed`` (see the module's docstring).
    """

    name: str
    source: str      # the file's name as imported
    source_md5: str  # of the file's bytes, so the same file imported again is recognised
    counts: dict[str, int]
    test_share: float = TEST_SHARE
    seed: int = SEED
    stratified: bool = True

    @property
    def folder(self) -> Path:
        return local_dir(self.name)

    @property
    def split_text(self) -> Text:
        """The split rule in words, for messages: ``a stratified 1/7 held out as test with seed 0``."""
        if abs(self.test_share - TEST_SHARE) < 1e-12:
            rule = (QT_TRANSLATE_NOOP("LocalDatasets", "a stratified 1/7 held out as test with seed {seed}")
                    if self.stratified else
                    QT_TRANSLATE_NOOP("LocalDatasets", "1/7 held out as test with seed {seed}"))
        else:
            rule = (QT_TRANSLATE_NOOP("LocalDatasets", "a stratified {share:.1%} held out as test with seed {seed}")
                    if self.stratified else
                    QT_TRANSLATE_NOOP("LocalDatasets", "{share:.1%} held out as test with seed {seed}"))
        return rule.fill(share=self.test_share, seed=self.seed)


def local_dir(name: str) -> Path:
    """The folder of local dataset ``name`` (it may not exist)."""
    return data_dir() / name


def name_for(path: str | os.PathLike) -> str:
    """The default name of the dataset a file becomes: its stem (``.csv``/``.gz`` off), lowercased, every run
    of other characters than a-z and 0-9 turned into one ``-``."""
    stem = Path(path).name.lower()
    for suffix in (".gz", ".csv"):
        stem = stem.removesuffix(suffix)
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:MAX_NAME].strip("-")


def check_name(name: str) -> str:
    """``name`` when it can name a local dataset; DataError saying why not (form, or taken by a known dataset)."""
    if name in NAMES:
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "the name {name!r} is taken by {title}; give the local "
                                                           "dataset another with --name").fill(name=name,
                                                                                               title=TITLES[name]))
    if len(name) > MAX_NAME or not _NAME.match(name):
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "{name!r} cannot name a local dataset: use up to {most} "
                                                           "lowercase letters, digits and '-' (not first or last), "
                                                           "e.g. --name kaggle-train").fill(name=name, most=MAX_NAME))
    return name


def local_names() -> list[str]:
    """Every local dataset in the data folder (folders with a ``local-dataset.json``), sorted."""
    root = data_dir()
    if not root.is_dir():
        return []
    return sorted(entry.name for entry in root.iterdir()
                  if entry.name not in NAMES and _NAME.match(entry.name) and (entry / INFO_FILE).is_file())


def is_local(name: str) -> bool:
    """True when ``name`` is a local dataset in the data folder."""
    return name not in NAMES and bool(_NAME.match(name)) and (local_dir(name) / INFO_FILE).is_file()


def read_info(name: str) -> LocalDataset:
    """The record of local dataset ``name``; DataError naming the file when it is missing or not ours."""
    path = local_dir(name) / INFO_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.pop("format") != FORMAT:
            raise ValueError("not a digitpad local dataset")
        info = LocalDataset(**doc)
        if info.name != name or set(info.counts) != set(SPLITS):
            raise ValueError("its name or counts do not fit its folder")
        return info
    except FileNotFoundError:
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "there is no local dataset {name!r} in {folder}").fill(
            name=name, folder=data_dir())) from None
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "{path}: cannot read it as a local dataset ({reason}); "
                                                           "import the file again").fill(path=path,
                                                                                         reason=exc)) from None


def load_local(name: str, split: str) -> Dataset:
    """One split of a local dataset, as the digits 0..9."""
    info = read_info(name)
    folder = local_dir(name)
    images, labels = (read_idx(folder / FILE_NAMES[(split, kind)]) for kind in ("images", "labels"))
    if len(images) != len(labels) or len(labels) != info.counts[split]:
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "{folder}: the {split} split holds {images} images and "
                                                           "{labels} labels, not the {recorded} its {record} records; "
                                                           "import the file again").fill(
            folder=folder, split=split, images=len(images), labels=len(labels), recorded=info.counts[split],
            record=INFO_FILE))
    return Dataset(images.reshape(len(images), -1), labels.astype(np.int64), IMAGE_SHAPE, 255, DIGIT_NAMES, name)


def file_md5(path: str | os.PathLike) -> str:
    """md5 of a file's bytes (read in blocks)."""
    digest = hashlib.md5(usedforsecurity=False)
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def existing(name: str, source_md5: str) -> LocalDataset | None:
    """The local dataset ``name`` when it was made from the same file (same md5); None when the name is free.

    DataError when the name is another dataset's (or its folder holds other things), saying how to free it.
    """
    folder = local_dir(check_name(name))
    if is_local(name):
        info = read_info(name)
        if info.source_md5 == source_md5:
            return info
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "a local dataset {name!r} already exists (from {source}, "
                                                           "another file); give this one another name with --name, "
                                                           "or remove the old one first (delete the folder "
                                                           "{folder})").fill(name=name, source=info.source,
                                                                             folder=folder))
    ours = set(FILE_NAMES.values())
    if folder.exists() and (not folder.is_dir() or any(p.name not in ours for p in folder.iterdir())):
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "{folder} already exists and is not a local dataset; "
                                                           "give another name with --name").fill(folder=folder))
    return None


def store_local(name: str, images: np.ndarray, labels: np.ndarray, source: str, source_md5: str) -> LocalDataset:
    """Split ``(N, 28, 28)`` uint8 images and ``(N,)`` labels 0..9 into train and test and store them as ``name``.

    Call :func:`existing` first: this writes over whatever the folder holds.
    Each file is written atomically, the record last.
    """
    train, test = stratified_split(labels, TEST_SHARE, np.random.default_rng(SEED))
    if len(train) == 0 or len(test) == 0:
        raise DataError(QT_TRANSLATE_NOOP("LocalDatasets", "{source}: {images} images are too few to hold out a "
                                                           "test split (1/7 of each digit)").fill(source=source,
                                                                                                  images=len(labels)))
    folder = local_dir(name)
    folder.mkdir(parents=True, exist_ok=True)
    for split, rows in (("train", train), ("test", test)):
        for kind, array in (("images", images[rows]), ("labels", labels[rows].astype(np.uint8))):
            with atomic_write(folder / FILE_NAMES[(split, kind)]) as out:
                out.write(gzip.compress(idx_header(array) + np.ascontiguousarray(array).tobytes(), 6, mtime=0))
    info = LocalDataset(name, source, source_md5, {"train": len(train), "test": len(test)})
    with atomic_write(folder / INFO_FILE) as out:
        out.write(json.dumps({"format": FORMAT, **asdict(info)}, indent=2).encode("utf-8"))
    return info
