"""Importing files a user already has: into the store as the standard gzip IDX files, as a local dataset, or into
``mine``."""

from __future__ import annotations

import gzip
import os
import shutil
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.csvfile import read_csv
from digitpad.data.idx import idx_header, read_idx
from digitpad.data.image_file import read_image
from digitpad.data.image_folder import (
    IMAGE_SUFFIXES,
    from_uint8,
    list_image_folder,
    to_mnist_rows,
)
from digitpad.data.loading import is_csv, is_gzip, load_file, partner_name
from digitpad.data.local_datasets import (
    LocalDataset,
    existing,
    file_md5,
    name_for,
    store_local,
)
from digitpad.data.personal import PersonalStore
from digitpad.data.registry import (
    DATASETS,
    FILE_NAMES,
    IMAGE_SHAPE,
    STANDARD_COUNTS,
    dataset_dir,
    get_spec,
    known_content,
)

_ROLE_OF = {file_name: role for role, file_name in FILE_NAMES.items()}


def import_files(paths: Iterable[str | os.PathLike], dataset: str | None = None, name: str | None = None) -> list[str]:
    """Store files the user already has, validated, as the standard gzip IDX files.

    Accepted: IDX files, gzip or raw (the header says images or labels; the
    split comes from the name: ``t10k``/``test`` or ``train``, else from the
    count 60000/10000); ``mnist.npz`` with keys x_train, y_train, x_test,
    y_test; labelled CSV files, one split each, told apart like IDX files.
    An array identical to a known MNIST or Fashion-MNIST file (by content md5)
    goes where that file belongs. Without ``dataset``, a labelled CSV of other
    content (Kaggle's ``train.csv``) becomes a local dataset of its own, named
    ``name`` or after the file (:mod:`digitpad.data.local_datasets`); any
    other file needs ``dataset``. Every file is checked before the first one
    is written.

    Returns
    -------
    list of str
        One line per stored file or local dataset, for messages.
    """
    if dataset is not None:
        get_spec(dataset)
        if name is not None:
            raise DataError(QT_TRANSLATE_NOOP("Importing", "--name names a local dataset made from a labelled CSV; "
                                                           "it does not go with --dataset"))
    read = [(Path(path), _read_parts(Path(path))) for path in paths]
    if not read:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "no files to import"))
    local = [(path, parts) for path, parts in read if dataset is None and _becomes_local(path, parts)]
    if name is not None and (len(read) != 1 or not local):
        raise DataError(QT_TRANSLATE_NOOP("Importing", "--name takes one labelled CSV file whose content is not "
                                                       "MNIST's or Fashion-MNIST's (such as Kaggle's train.csv)"))
    plans = _plan_local(local, name)
    parts = [part for path, file_parts in read if all(path is not p for p, _ in local) for part in file_parts]
    targets = [_target(part, dataset) for part in parts]
    _check_together(parts, targets)
    done = []
    for part, (target, split) in zip(parts, targets):
        dest = dataset_dir(target) / FILE_NAMES[(split, part.kind)]
        dest.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(dest) as out:
            if part.gz_file is not None:
                with part.gz_file.open("rb") as src:
                    shutil.copyfileobj(src, out.file)
            else:
                out.write(gzip.compress(idx_header(part.array) + part.array.tobytes(), 6, mtime=0))
        done.append(f"{DATASETS[target].title} {split} {part.kind} ({len(part.array)}) from {part.source}")
    return done + [plan.store() for plan in plans]


def _becomes_local(path: Path, parts: list[_Part]) -> bool:
    """A labelled CSV whose images and labels are no known file's: it becomes a local dataset."""
    return is_csv(path) and not any(known_content(part.array) for part in parts)


@dataclass(frozen=True)
class _LocalPlan:
    """One CSV on its way to a local dataset, checked; ``already`` when the same file is that dataset already."""

    path: Path
    name: str
    md5: str
    images: np.ndarray
    labels: np.ndarray
    already: LocalDataset | None

    def store(self) -> str:
        info = self.already or store_local(self.name, self.images, self.labels, self.path.name, self.md5)
        counts = f"{info.counts['train']:,} train and {info.counts['test']:,} test images"
        again = " (already there from the same file: nothing changed)" if self.already else ""
        return (f"{self.path.name} as the local dataset {info.name}{again}: {counts} ({info.split_text}) "
                f"in {info.folder}; train on it with --dataset {info.name}")


def _plan_local(local: list[tuple[Path, list[_Part]]], name: str | None) -> list[_LocalPlan]:
    """Check every CSV that becomes a local dataset, and its name, before anything is written."""
    plans: list[_LocalPlan] = []
    for path, (images, labels) in local:
        chosen = name if name is not None else name_for(path)
        if not chosen:
            raise DataError(QT_TRANSLATE_NOOP("Importing", "{file}: cannot make a dataset name from the file's "
                                                           "name; give one with --name").fill(file=path.name))
        if any(plan.name == chosen for plan in plans):
            raise DataError(QT_TRANSLATE_NOOP("Importing", "two files would become the local dataset {name!r}; "
                                                           "import them one at a time with --name").fill(name=chosen))
        md5 = file_md5(path)
        plans.append(_LocalPlan(path, chosen, md5, images.array, labels.array.astype(np.int64),
                                existing(chosen, md5)))
    return plans


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
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{path}: no such file").fill(path=path))
    if path.suffix.lower() == ".npz":
        return _npz_parts(path)
    lower = path.name.lower()
    split = "test" if ("t10k" in lower or "test" in lower) else "train" if "train" in lower else None
    if is_csv(path):
        images, labels = read_csv(path)
        if labels is None:
            raise DataError(QT_TRANSLATE_NOOP("Importing", "{file} has no label column; only labelled CSV files can "
                                                           "be imported (Kaggle's test.csv is for `digitpad predict "
                                                           "MODEL {file} --submission submission.csv`)").fill(
                file=path.name))
        return [_Part(path.name, "images", images.reshape(-1, *IMAGE_SHAPE), split, None),
                _Part(path.name, "labels", _as_uint8(labels, path.name), split, None)]
    array = read_idx(path)
    kind = {3: "images", 1: "labels"}.get(array.ndim)
    if kind is None:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{file}: an IDX file with {ndim} dimensions is neither "
                                                       "images nor labels").fill(file=path.name, ndim=array.ndim))
    return [_Part(path.name, kind, array, split, path if is_gzip(path) else None)]


def _npz_parts(path: Path) -> list[_Part]:
    """The four arrays of an ``mnist.npz``; an empty, damaged or foreign file is one DataError naming it."""
    keys = {("train", "images"): "x_train", ("train", "labels"): "y_train",
            ("test", "images"): "x_test", ("test", "labels"): "y_test"}
    expected = QT_TRANSLATE_NOOP("Importing", "expected a NumPy .npz archive with the keys of mnist.npz "
                                              "({keys})").fill(keys=", ".join(keys.values()))
    if path.stat().st_size == 0:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{file} is empty; {expected}").fill(file=path.name,
                                                                                          expected=expected))
    try:
        # Opened here, not by np.load, which leaves its file open when the archive turns out damaged.
        # np.load reads an .npy file too (one array, no keys), and says "pickled data" for any other bytes.
        with path.open("rb") as fh:
            npz = np.load(fh, allow_pickle=False)
            if not isinstance(npz, np.lib.npyio.NpzFile):
                raise DataError(QT_TRANSLATE_NOOP("Importing", "{file} holds a single array, not an archive; "
                                                               "{expected}").fill(file=path.name, expected=expected))
            with npz:
                missing = [key for key in keys.values() if key not in npz.files]
                if missing:
                    raise DataError(QT_TRANSLATE_NOOP("Importing", "{file}: no {missing} in it; {expected}").fill(
                        file=path.name, missing=", ".join(missing), expected=expected))
                arrays = {role: npz[key] for role, key in keys.items()}
    # What zipfile, zlib and numpy's header parser raise between them for bytes that are no archive or a damaged one.
    except (OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error, NotImplementedError) as exc:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{file}: cannot read it as .npz, it is damaged or not a "
                                                       "NumPy archive ({reason}); {expected}").fill(
            file=path.name, reason=exc, expected=expected)) from exc
    sources = {role: f"{path.name}:{key}" for role, key in keys.items()}
    return [_Part(sources[role], role[1], _as_uint8(array, sources[role]), role[0], None)
            for role, array in arrays.items()]


def _as_uint8(array: np.ndarray, source: str) -> np.ndarray:
    if array.dtype == np.uint8:
        return array
    if not np.issubdtype(array.dtype, np.integer) or (array.size and (array.min() < 0 or array.max() > 255)):
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{source}: expected whole numbers 0..255, got {dtype}").fill(
            source=source, dtype=array.dtype))
    return array.astype(np.uint8)


def _target(part: _Part, dataset: str | None) -> tuple[str, str]:
    """Validate a part and decide its (dataset, split)."""
    shape = part.array.shape
    if len(part.array) == 0 or shape[1:] != (IMAGE_SHAPE if part.kind == "images" else ()):
        if part.kind == "images":
            raise DataError(QT_TRANSLATE_NOOP("Importing", "{source}: expected (N, 28, 28) images, got shape "
                                                           "{shape}").fill(source=part.source, shape=shape))
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{source}: expected (N,) labels, got shape {shape}").fill(
            source=part.source, shape=shape))
    if part.kind == "labels" and part.array.max() >= 10:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{source}: labels must lie in 0..9, found {found}").fill(
            source=part.source, found=part.array.max()))
    known = known_content(part.array)
    if known is not None and dataset in (None, known[0]):
        return known[0], _ROLE_OF[known[1]][0]
    if dataset is None:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{source} is not one of the known MNIST or Fashion-MNIST "
                                                       "files; say which dataset it belongs to (--dataset mnist or "
                                                       "--dataset fashion)").fill(source=part.source))
    split = part.split or STANDARD_COUNTS.get(len(part.array))
    if split is None:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "{source}: cannot tell train from test data; put 'train' or "
                                                       "'test' in its name").fill(source=part.source))
    return dataset, split


def _check_together(parts: list[_Part], targets: list[tuple[str, str]]) -> None:
    """Refuse two files for one slot, and images and labels of different lengths."""
    slots: dict[tuple[str, str, str], _Part] = {}
    for part, (name, split) in zip(parts, targets):
        other = slots.setdefault((name, split, part.kind), part)
        if other is not part:
            raise DataError(QT_TRANSLATE_NOOP("Importing", "{first} and {second} are both {name} {split} "
                                                           "{kind}").fill(first=other.source, second=part.source,
                                                                          name=name, split=split, kind=part.kind))
    for (name, split, kind), part in slots.items():
        labels = slots.get((name, split, "labels"))
        if kind == "images" and labels is not None and len(labels.array) != len(part.array):
            raise DataError(QT_TRANSLATE_NOOP("Importing", "{images} has {n_images} images but {labels} has "
                                                           "{n_labels} labels").fill(
                images=part.source, n_images=len(part.array), labels=labels.source, n_labels=len(labels.array)))


@dataclass(frozen=True)
class ImportSummary:
    """What :func:`import_personal` added: digits per label, files read, the paths given, the set's size after."""

    counts: dict[int, int]
    files: int
    sources: tuple[str, ...]
    total: int

    @property
    def added(self) -> int:
        return sum(self.counts.values())


def import_personal(paths: Iterable[str | os.PathLike], store: PersonalStore | None = None,
                    progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Add labelled images to ``mine``, preprocessed as a drawing is, all or nothing.

    Accepted: ImageFolder directories (subfolders 0 … 9 of images), labelled
    CSV files (Kaggle's ``label,pixel0,…``) and IDX images files with their
    labels beside them. A single image file has no label and is refused.
    Everything is read and checked first, calling ``progress(done, total)``
    after each image; then one :meth:`PersonalStore.add_many` stores them.
    """
    store = store if store is not None else PersonalStore()
    sources = _personal_sources([Path(p) for p in paths])
    total = sum(len(source) for source in sources)
    items: list[tuple[np.ndarray, int, str]] = []
    for image, label, name in (item for source in sources for item in source.images()):
        items.append((to_mnist_rows([image], [name])[0].reshape(IMAGE_SHAPE), label, name))
        if progress is not None:
            progress(len(items), total)
    store.add_many(items)
    counts = {label: 0 for label in range(10)}
    for _, label, _ in items:
        counts[label] += 1
    return ImportSummary(counts, sum(s.files for s in sources),
                         tuple(s.name + ("/" if s.folder is not None else "") for s in sources), len(store))


@dataclass(frozen=True)
class _PersonalSource:
    """One path given to :func:`import_personal`: an ImageFolder's files, or a data file's arrays."""

    name: str
    files: int
    folder: list[tuple[Path, int]] | None = None
    arrays: tuple[np.ndarray, np.ndarray] | None = None  # (N, 28, 28) uint8 images, (N,) labels

    def __len__(self) -> int:
        return len(self.folder) if self.folder is not None else len(self.arrays[1])

    def images(self) -> Iterator[tuple[np.ndarray, int, str]]:
        """(image ink high in [0, 1], label, source name) for each image, read as it is asked for."""
        if self.folder is not None:
            for file, label in self.folder:
                yield read_image(file), label, f"{self.name}/{label}/{file.name}"
            return
        images, labels = self.arrays
        for row, (image, label) in enumerate(zip(from_uint8(images), labels), start=1):
            yield image, int(label), f"{self.name}:{row}"


def _personal_sources(paths: list[Path]) -> list[_PersonalSource]:
    if not paths:
        raise DataError(QT_TRANSLATE_NOOP("Importing", "no files or folders to import"))
    sources, seen = [], set()
    for path in paths:
        if path.is_dir():
            files = list_image_folder(path)
            sources.append(_PersonalSource(path.resolve().name, len(files), folder=files))
            continue
        if not path.is_file():
            raise DataError(QT_TRANSLATE_NOOP("Importing", "{path}: no such file or folder").fill(path=path))
        if path.suffix.lower() in IMAGE_SUFFIXES:
            raise DataError(QT_TRANSLATE_NOOP("Importing", "{file} is a single image, and a single image has no "
                                                           "label; put images in subfolders 0 … 9 (an ImageFolder) "
                                                           "and import the folder").fill(file=path.name))
        pair = partner_name(path.name)
        key = frozenset({path.resolve(), *([path.with_name(pair).resolve()] if pair and not is_csv(path) else [])})
        if key & seen:
            continue  # the other file of an IDX pair already given
        seen |= key
        data = load_file(path)
        sources.append(_PersonalSource(path.name, len(key),
                                       arrays=(data.images.reshape(-1, *IMAGE_SHAPE), data.labels)))
    return sources
