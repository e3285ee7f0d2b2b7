"""Folders of digit images (torchvision's ImageFolder layout) and images made into MNIST-style rows.

An ImageFolder directory holds one subfolder per class, named ``0`` … ``9``,
each holding that digit's images (PNG, JPEG, BMP or GIF, any case of the
extension). Hidden files (``.DS_Store``, ``._x.png``) are passed over; anything
else is an error naming it, so a stray file is never mistaken for a digit.

Every image, drawn or read, becomes a row the way the canvas's drawing does:
:func:`digitpad.data.preprocess.center_digit` (crop, scale to 20 px, centre of
mass), times 255, rounded. Images from files are read ink high by
:func:`digitpad.data.image_file.read_image`; arrays from CSV or IDX files go
through :func:`from_uint8`, which inverts those with a light border the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.image_file import ink_high, read_image, write_png
from digitpad.data.preprocess import center_digit, is_blank
from digitpad.data.registry import IMAGE_SHAPE

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")
Progress = Callable[[int, int], None]


def to_mnist_rows(images: np.ndarray | Sequence[np.ndarray], sources: Sequence[str] | None = None) -> np.ndarray:
    """``(N, 784)`` uint8 rows from N 2-D float images with ink high in [0, 1] (any size each).

    DataError naming the image's source (or its index) when one is blank.
    """
    rows = np.empty((len(images), IMAGE_SHAPE[0] * IMAGE_SHAPE[1]), np.uint8)
    for k, image in enumerate(images):
        if is_blank(np.asarray(image)):
            if sources is not None:
                raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{source} is blank (no ink); remove it or draw the "
                                                                 "digit darker, nothing was imported").fill(
                    source=sources[k]))
            raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "image {index} is blank (no ink); remove it or draw the "
                                                             "digit darker, nothing was imported").fill(index=k + 1))
        rows[k] = np.rint(center_digit(image) * 255).reshape(-1)
    return rows


def from_uint8(images: np.ndarray) -> list[np.ndarray]:
    """``(N, H, W)`` uint8 images (a CSV's or IDX file's) as float images with ink high in [0, 1]."""
    return [ink_high(image.astype(np.float32) / 255) for image in images]


def list_image_folder(path: str | os.PathLike) -> list[tuple[Path, int]]:
    """Every image file of an ImageFolder directory with its label, checked, in a stable order."""
    root = Path(path)
    if not root.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{folder}: no such folder").fill(folder=root))
    found = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir():
            raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{file}: an ImageFolder holds only subfolders 0 … 9 "
                                                             "of images; move this file out of it").fill(file=entry))
        if entry.name not in DIGIT_NAMES:
            raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{folder}: folder {name!r} is not a digit class "
                                                             "0 … 9").fill(folder=root, name=entry.name))
        for file in sorted(entry.iterdir()):
            if file.name.startswith("."):
                continue
            if not file.is_file() or file.suffix.lower() not in IMAGE_SUFFIXES:
                raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{file}: not a PNG, JPEG, BMP or GIF image; an "
                                                                 "ImageFolder's class folders hold only "
                                                                 "images").fill(file=file))
            found.append((file, int(entry.name)))
    if not found:
        raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{folder}: no images in it; expected subfolders 0 … 9 "
                                                         "holding PNG or JPEG files").fill(folder=root))
    return found


def read_image_folder(path: str | os.PathLike, progress: Progress | None = None,
                      ) -> tuple[list[np.ndarray], np.ndarray, list[str]]:
    """Read an ImageFolder directory: (images ink high in [0, 1], labels ``(N,)`` int64, sources).

    Sources name each image as ``folder/label/file``. ``progress(done, total)``
    is called after each image.
    """
    files = list_image_folder(path)
    images = []
    for done, (file, _) in enumerate(files, start=1):
        images.append(read_image(file))
        if progress is not None:
            progress(done, len(files))
    labels = np.array([label for _, label in files], dtype=np.int64)
    root = Path(path).resolve().name
    return images, labels, [f"{root}/{label}/{file.name}" for file, label in files]


def load_image_folder(path: str | os.PathLike) -> Dataset:
    """An ImageFolder directory as a Dataset of MNIST-style rows, named after the folder."""
    images, labels, sources = read_image_folder(path)
    return Dataset(to_mnist_rows(images, sources), labels, IMAGE_SHAPE, 255, DIGIT_NAMES,
                   Path(path).resolve().name)


def write_image_folder(dataset: Dataset, directory: str | os.PathLike, names: Sequence[str] | None = None) -> int:
    """Write every image as ``directory/<label>/<name>.png`` (28×28 grayscale, light ink on dark, as MNIST).

    ``names`` gives each image's file name (the digits' ids for ``mine``); the
    row number otherwise. The directory must be new or empty: an export never
    overwrites a file. Returns the number of files written.
    """
    root = Path(directory)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{folder} already exists and is not an empty folder; "
                                                         "export into a new or empty folder (nothing was "
                                                         "written)").fill(folder=root))
    if dataset.image_shape != IMAGE_SHAPE:
        raise DataError(QT_TRANSLATE_NOOP("ImageFolder", "{name}: only 28×28 images can be exported, not "
                                                         "{shape}").fill(name=dataset.name, shape=dataset.image_shape))
    names = names if names is not None else [f"{k:05d}" for k in range(len(dataset))]
    for label in sorted(set(dataset.labels.tolist())):
        (root / str(label)).mkdir(parents=True, exist_ok=True)
    for row, label, name in zip(dataset.images, dataset.labels, names):
        write_png(root / str(label) / f"{name}.png", row.reshape(IMAGE_SHAPE))
    return len(dataset)
