"""An in-memory image dataset kept as uint8 and scaled per batch."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP

DIGIT_NAMES = tuple(str(d) for d in range(10))
FASHION_NAMES = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)


@dataclass(frozen=True)
class Dataset:
    """Images and labels of one split.

    ``images`` is ``(N, H*W)`` uint8 with values in ``0..max_value``; it stays
    uint8 in memory (full MNIST is 47 MB this way, 188 MB as float32) and
    :meth:`scaled` converts rows to float in [0, 1] on demand.
    """

    images: np.ndarray
    labels: np.ndarray
    image_shape: tuple[int, int]
    max_value: int
    class_names: tuple[str, ...]
    name: str

    def __post_init__(self) -> None:
        if self.images.dtype != np.uint8 or self.images.ndim != 2:
            raise DataError(QT_TRANSLATE_NOOP("Dataset", "{name}: images must be a 2-D uint8 array, got {dtype} "
                                                         "{shape}").fill(name=self.name, dtype=self.images.dtype,
                                                                         shape=self.images.shape))
        if self.images.shape[1] != self.image_shape[0] * self.image_shape[1]:
            raise DataError(QT_TRANSLATE_NOOP("Dataset", "{name}: rows of {values} values do not fit {shape}").fill(
                name=self.name, values=self.images.shape[1], shape=self.image_shape))
        if self.labels.shape != (len(self.images),):
            raise DataError(QT_TRANSLATE_NOOP("Dataset", "{name}: {labels} labels for {images} images").fill(
                name=self.name, labels=len(self.labels), images=len(self.images)))
        if len(self.labels) and (self.labels.min() < 0 or self.labels.max() >= len(self.class_names)):
            raise DataError(QT_TRANSLATE_NOOP("Dataset", "{name}: labels must lie in 0..{high}").fill(
                name=self.name, high=len(self.class_names) - 1))
        if len(self.images) and int(self.images.max()) > self.max_value:
            raise DataError(QT_TRANSLATE_NOOP("Dataset", "{name}: pixel values exceed {high}").fill(
                name=self.name, high=self.max_value))

    @classmethod
    def empty(cls, image_shape: tuple[int, int], max_value: int, class_names: tuple[str, ...], name: str) -> Dataset:
        """A dataset with no rows: describes images without holding any."""
        return cls(np.zeros((0, image_shape[0] * image_shape[1]), np.uint8), np.zeros(0, np.int64),
                   image_shape, max_value, class_names, name)

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def n_features(self) -> int:
        return self.images.shape[1]

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    def subset(self, indices: np.ndarray) -> Dataset:
        """The rows at ``indices`` (a copy), keeping every other attribute."""
        return Dataset(self.images[indices], self.labels[indices], self.image_shape,
                       self.max_value, self.class_names, self.name)

    def scaled(self, dtype: type = np.float32) -> np.ndarray:
        """All images as ``(N, H*W)`` floats in [0, 1]."""
        return self.images.astype(dtype) * dtype(1.0 / self.max_value)

    def head(self, n: int | None) -> Dataset:
        """The first ``n`` rows (all when ``n`` is None or not smaller)."""
        if n is None or n >= len(self):
            return self
        if n <= 0:
            raise DataError(QT_TRANSLATE_NOOP("Dataset", "a subset must hold at least one image, got {n}").fill(n=n))
        return self.subset(np.arange(n))


def stratified_split(labels: np.ndarray, fraction: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Split row indices into (train, validation) keeping class shares equal.

    Each class gives ``round(fraction * count)`` rows to validation (at least
    one when the class has two or more rows and ``fraction > 0``). Both index
    arrays come back sorted so the caller's order is preserved.
    """
    if not 0.0 <= fraction < 1.0:
        raise DataError(QT_TRANSLATE_NOOP("Dataset", "validation share must be in [0, 1), got {fraction}").fill(
            fraction=fraction))
    val_parts = []
    for cls in np.unique(labels):
        rows = np.flatnonzero(labels == cls)
        n_val = int(round(fraction * len(rows)))
        if fraction > 0 and n_val == 0 and len(rows) >= 2:
            n_val = 1
        val_parts.append(rng.choice(rows, size=n_val, replace=False))
    val = np.sort(np.concatenate(val_parts)) if val_parts else np.empty(0, dtype=np.intp)
    mask = np.ones(len(labels), dtype=bool)
    mask[val] = False
    return np.flatnonzero(mask), val
