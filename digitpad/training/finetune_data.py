"""The data of a fine-tune: the learner's digits split into learn-from and held-out, MNIST, and their mix.

The held-out digits are never trained on: for ``mine`` the store's own rule decides (a hash of each digit's
id, stable forever); a file or folder has no ids, so a stratified share drawn with a fixed seed stands in.
"""

from __future__ import annotations

import math

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP, Message
from digitpad.data.dataset import Dataset, stratified_split
from digitpad.data.loading import load, load_source
from digitpad.data.registry import PERSONAL, is_named

HOLD_OUT_SHARE = 0.25  # of a personal set given as a file or folder, as the store holds out one digit in four
BASE = "mnist"


def personal_splits(source: str, seed: int = 0) -> tuple[Dataset, Dataset | None, Message]:
    """(digits to learn from, digits held out or None, a note for the learner (a Text) or "") of ``source``.

    A named dataset gives its train and test splits (``mine``: the store's held-out rule; a store with no
    held-out digit yet gives None and says so); a file or folder is split by :func:`hold_out` with ``seed``.
    Raises DataError when there is nothing to learn from.
    """
    if is_named(source):
        train = load(source, "train")
        try:
            return train, load(source, "test"), ""
        except DataError as exc:
            if source != PERSONAL:
                raise
            return train, None, exc.text  # the store reads (train did): it only has no held-out digit yet
    data = load_source(source, "train")
    train, test = hold_out(data, HOLD_OUT_SHARE, seed)
    if test is None:
        return train, test, QT_TRANSLATE_NOOP("FinetuneData", "{name} has no held-out split: it has too few digits "
                                                              "to keep any aside to test on").fill(name=data.name)
    return train, test, QT_TRANSLATE_NOOP("FinetuneData", "{name} has no held-out split: a stratified {share:.0%} of "
                                                          "it ({digits:,} digits, drawn with seed {seed}) is kept "
                                                          "aside to test on").fill(name=data.name,
                                                                                   share=HOLD_OUT_SHARE,
                                                                                   digits=len(test), seed=seed)


def base_splits() -> tuple[Dataset, Dataset]:
    """MNIST's training and test sets; DataError saying how to get MNIST when it is not here."""
    try:
        return load(BASE, "train"), load(BASE, "test")
    except DataError as exc:
        raise DataError(QT_TRANSLATE_NOOP("FinetuneData", "fine-tuning mixes your digits with MNIST, which is not "
                                                          "available: {error}").fill(error=exc.text)) from None


def hold_out(personal: Dataset, share: float = HOLD_OUT_SHARE, seed: int = 0) -> tuple[Dataset, Dataset | None]:
    """A stratified (train, held-out) split of a personal set that has no ids (a file or a folder), drawn
    with ``seed``; held-out is None when the set is too small to keep any digit aside."""
    train_rows, test_rows = stratified_split(personal.labels, share, np.random.default_rng([seed, 3]))
    if len(test_rows) == 0 or len(train_rows) == 0:
        return personal, None
    return personal.subset(train_rows), personal.subset(test_rows)


def mixed_set(base: Dataset, personal: Dataset, n_base: int, mix: float, seed: int) -> Dataset:
    """``n_base`` rows of ``base`` (a random sample drawn with ``seed``; all when it has fewer) and
    ``personal`` repeated until it is ``mix`` of the rows, every personal digit as often as any other (±1);
    never fewer personal rows than the set has."""
    rng = np.random.default_rng([seed, 2])
    n_base = min(n_base, len(base))
    base_rows = np.sort(rng.choice(len(base), n_base, replace=False))
    n_personal = max(len(personal), round(n_base * mix / (1 - mix)))
    repeats = math.ceil(n_personal / len(personal))
    personal_rows = np.concatenate([rng.permutation(len(personal)) for _ in range(repeats)])[:n_personal]
    return Dataset(np.concatenate([base.images[base_rows], personal.images[personal_rows]]),
                   np.concatenate([base.labels[base_rows], personal.labels[personal_rows]]),
                   base.image_shape, base.max_value, base.class_names, f"{base.name} + {personal.name}")
