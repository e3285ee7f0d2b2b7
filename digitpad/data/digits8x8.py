"""The 8×8 handwritten digits set that ships inside the package.

1,797 images of 8×8 pixels with values 0..16, the set scikit-learn's
``load_digits`` returns (UCI "Optical Recognition of Handwritten Digits";
attribution in ``assets/DIGITS8X8_LICENSE.md``, installed as ``digitpad.assets``).
It is small enough to bundle, so one dataset always works offline and trains
in seconds.
"""

from __future__ import annotations

import gzip
import importlib.resources
import zlib

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import DIGIT_NAMES, Dataset

ASSET = "digits.csv.gz"
N_IMAGES = 1797
N_PIXELS = 64
MAX_VALUE = 16


def load_digits8x8() -> Dataset:
    """Load the bundled set as a :class:`Dataset`.

    ``images`` is ``(1797, 64)`` uint8 with values 0..16, ``labels`` is
    ``(1797,)`` int64 with values 0..9, ``image_shape`` is ``(8, 8)``.
    """
    resource = importlib.resources.files("digitpad.assets") / ASSET
    try:
        text = gzip.decompress(resource.read_bytes())
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(QT_TRANSLATE_NOOP("Digits8x8", "the bundled {file} cannot be read ({reason}); reinstall "
                                                       "digitpad").fill(file=ASSET, reason=exc)) from exc
    # Each row is 64 pixels then the label; a wrong count means a damaged file.
    try:
        values = np.fromstring(text.replace(b"\n", b","), dtype=np.int64, sep=",")
    except ValueError as exc:
        raise DataError(QT_TRANSLATE_NOOP("Digits8x8", "the bundled {file} is damaged ({reason}); reinstall "
                                                       "digitpad").fill(file=ASSET, reason=exc)) from exc
    if values.size != N_IMAGES * (N_PIXELS + 1):
        raise DataError(QT_TRANSLATE_NOOP("Digits8x8", "the bundled {file} holds {found} numbers, expected "
                                                       "{expected}; reinstall digitpad").fill(
            file=ASSET, found=values.size, expected=N_IMAGES * (N_PIXELS + 1)))
    rows = values.reshape(N_IMAGES, N_PIXELS + 1)
    if rows[:, :N_PIXELS].min() < 0 or rows[:, :N_PIXELS].max() > MAX_VALUE:
        raise DataError(QT_TRANSLATE_NOOP("Digits8x8", "the bundled {file} has pixel values outside 0..{high}; "
                                                       "reinstall digitpad").fill(file=ASSET, high=MAX_VALUE))
    return Dataset(images=rows[:, :N_PIXELS].astype(np.uint8), labels=rows[:, N_PIXELS].copy(),
                   image_shape=(8, 8), max_value=MAX_VALUE, class_names=DIGIT_NAMES, name="digits8x8")
