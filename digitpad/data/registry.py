"""The datasets digitpad knows: their names, titles, files, checksums and mirrors, and where they live.

Each downloadable dataset has its own folder under :func:`data_dir` holding the
four standard gzip IDX files (``train-images-idx3-ubyte.gz`` and friends).
Files get there by :mod:`digitpad.data.download` or by
:mod:`digitpad.data.importing` from copies the user already has. The 8×8
digits ship with digitpad and are always available. The learner's own digits
(``mine``) live in :func:`personal_dir`, kept by :mod:`digitpad.data.personal`.
Local datasets (a user's labelled CSV imported under a name of its own) have
their folders beside the others, kept by :mod:`digitpad.data.local_datasets`;
:func:`is_named` and :func:`dataset_names` include them.

Nothing here touches the network or reads a dataset.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import platformdirs

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP, Template
from digitpad.data.dataset import DIGIT_NAMES, FASHION_NAMES
from digitpad.data.idx import idx_header

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
BUNDLED_TITLE = QT_TRANSLATE_NOOP("Datasets", "8×8 digits")
# The bundled set has no official test split, so a fixed seed carves one out.
BUNDLED_TEST_SHARE = 0.2
BUNDLED_SEED = 0
# The learner's own digits (Correct it, or imported images), kept by digitpad.data.personal.
PERSONAL = "mine"
PERSONAL_TITLE = QT_TRANSLATE_NOOP("Datasets", "My digits")


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
NAMES = (*DATASETS, BUNDLED, PERSONAL)
# Content md5 -> (dataset, standard file name): recognises a user's copy whatever it is called.
_KNOWN_CONTENT = {f.content_md5: (s.name, f.name) for s in DATASETS.values() for f in s.files}
TITLES = {**{name: spec.title for name, spec in DATASETS.items()}, BUNDLED: BUNDLED_TITLE,
          PERSONAL: PERSONAL_TITLE}


def title(source: str) -> str | Template:
    """How the window and messages name a dataset: its title, or the file name of a user's file (a marked
    :class:`~digitpad.common.text.Template` for the titles that are words, which the window renders)."""
    return TITLES.get(source) or Path(source).name


def data_dir() -> Path:
    """The folder holding all dataset folders: ``$DIGITPAD_DATA_DIR`` or the user data dir."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("digitpad")) / "datasets"


def dataset_dir(name: str) -> Path:
    """The folder of one downloadable dataset (it may not exist yet)."""
    return data_dir() / get_spec(name).name


def personal_dir() -> Path:
    """The folder of the learner's own digits (it may not exist yet)."""
    return data_dir() / PERSONAL


def is_named(source: str) -> bool:
    """True for a dataset's name (a known one or a local dataset in the data folder), False for a file's path."""
    if source in NAMES:
        return True
    # local_datasets.py builds on this module, so it is imported only when asked about.
    from digitpad.data.local_datasets import is_local
    return is_local(source)


def dataset_names() -> tuple[str, ...]:
    """Every dataset name: the known ones, then the local datasets found in the data folder."""
    from digitpad.data.local_datasets import local_names
    return (*NAMES, *local_names())


def get_spec(name: str) -> DatasetSpec:
    """The registry entry of a downloadable dataset; DataError for any other name."""
    if name == BUNDLED:
        raise DataError(QT_TRANSLATE_NOOP("Registry", "{name} is bundled with digitpad; it has no files to "
                                                      "download or import").fill(name=BUNDLED))
    if name == PERSONAL:
        raise DataError(QT_TRANSLATE_NOOP("Registry", "{name} ({title}) is your own set in {folder}; there is "
                                                      "nothing to download: add digits with Correct it under the "
                                                      "probabilities or `digitpad data import --dataset {name} "
                                                      "PATH`").fill(name=PERSONAL, title=PERSONAL_TITLE,
                                                                    folder=personal_dir()))
    try:
        return DATASETS[name]
    except KeyError:
        pass
    from digitpad.data.local_datasets import is_local, local_dir
    if is_local(name):
        raise DataError(QT_TRANSLATE_NOOP("Registry", "{name} is a local dataset in {folder}, imported from a "
                                                      "file; there is nothing to download: import the file again "
                                                      "to replace it").fill(name=name, folder=local_dir(name)))
    raise DataError(QT_TRANSLATE_NOOP("Registry", "unknown dataset {name!r}; known: {known}").fill(
        name=name, known=", ".join(dataset_names())))


def is_available(name: str) -> bool:
    """True when every file of ``name`` is in the store (always for the bundled set).

    ``mine`` is available when it holds at least one digit; not when its
    journal cannot be read (loading it says why). A local dataset is
    available once its import finished.
    """
    if name == BUNDLED:
        return True
    if name not in NAMES:
        from digitpad.data.local_datasets import is_local
        return is_local(name)
    if name == PERSONAL:
        # personal.py builds on this module, so it is imported only when asked about.
        from digitpad.data.personal import PersonalStore
        try:
            return len(PersonalStore()) > 0
        except DataError:
            return False
    folder = dataset_dir(name)
    return all((folder / f.name).is_file() for f in get_spec(name).files)


def content_md5(array: np.ndarray) -> str:
    """md5 of the array as uncompressed IDX bytes, i.e. of the original file's content."""
    digest = hashlib.md5(idx_header(array), usedforsecurity=False)
    digest.update(np.ascontiguousarray(array, dtype=np.uint8).data)
    return digest.hexdigest()


def known_content(array: np.ndarray) -> tuple[str, str] | None:
    """(dataset, standard file name) of a known MNIST or Fashion-MNIST file with this content, or None."""
    return _KNOWN_CONTENT.get(content_md5(array))
