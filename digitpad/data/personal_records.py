"""My digits as bytes: a digit (:class:`PersonalDigit`), checked when it is made, and the body of the journal's
add records (see :mod:`digitpad.data.personal` for the journal around them)."""

from __future__ import annotations

import struct
import time
import uuid
from dataclasses import dataclass

import numpy as np

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import DIGIT_NAMES
from digitpad.data.registry import IMAGE_SHAPE

DIGIT = struct.Struct("<16sBBdH")  # id, label, has raw, added, source length
COUNT = struct.Struct("<I")
PIXELS = IMAGE_SHAPE[0] * IMAGE_SHAPE[1]


@dataclass(frozen=True)
class PersonalDigit:
    """One of the learner's digits.

    ``image`` is ``(28, 28)`` uint8 0..255, what a MNIST model receives
    (``center_digit(drawing) * 255``, rounded); ``raw`` the canvas drawing as
    drawn (None for imported images); ``source`` is ``"drawn"`` or the
    imported file's name.
    """

    id: str
    label: int
    image: np.ndarray
    raw: np.ndarray | None
    added: float
    source: str



def parse_digits(body: memoryview) -> list[PersonalDigit]:
    (count,) = COUNT.unpack_from(body)
    pos, digits = COUNT.size, []
    for _ in range(count):
        raw_id, label, has_raw, added, n_source = DIGIT.unpack_from(body, pos)
        pos += DIGIT.size
        source = bytes(body[pos:pos + n_source]).decode("utf-8")
        pos += n_source
        image = _pixels(body, pos)
        pos += PIXELS
        raw = None
        if has_raw:
            raw = _pixels(body, pos)
            pos += PIXELS
        if label >= len(DIGIT_NAMES):
            raise ValueError(f"label {label}")
        digits.append(PersonalDigit(raw_id.hex(), label, image, raw, added, source))
    if pos != len(body):
        raise ValueError(f"{len(body) - pos} bytes left over")
    return digits


def _pixels(body: memoryview, pos: int) -> np.ndarray:
    if pos + PIXELS > len(body):
        raise ValueError("an image is cut short")
    return np.frombuffer(body, np.uint8, PIXELS, pos).reshape(IMAGE_SHAPE)


def digit_bytes(digit: PersonalDigit) -> bytes:
    source = digit.source.encode("utf-8")
    raw = b"" if digit.raw is None else digit.raw.tobytes()
    return (DIGIT.pack(bytes.fromhex(digit.id), digit.label, digit.raw is not None, digit.added, len(source))
            + source + digit.image.tobytes() + raw)


def new_digit(image: np.ndarray, label: int, raw: np.ndarray | None, source: str) -> PersonalDigit:
    if len(source.encode("utf-8")) > 0xFFFF:
        raise DataError(QT_TRANSLATE_NOOP("PersonalRecords", "a digit's source name is too long ({start}…)").fill(
            start=source[:40]))
    return PersonalDigit(uuid.uuid4().hex, checked_label(label), _image(image, drawn=False),
                         None if raw is None else _image(raw, drawn=True), time.time(), source)


def checked_label(label: int) -> int:
    if isinstance(label, (bool, np.bool_)) or not isinstance(label, (int, np.integer)) or not 0 <= label <= 9:
        raise DataError(QT_TRANSLATE_NOOP("PersonalRecords", "a digit's label must be a whole number 0..9, got "
                                                             "{label!r}").fill(label=label))
    return int(label)


def _image(image: np.ndarray, drawn: bool) -> np.ndarray:
    """``image`` as read-only ``(28, 28)`` uint8; DataError naming the digit's image or (``drawn``) its raw drawing."""
    array = np.asarray(image)
    if array.size != PIXELS or array.ndim not in (1, 2) or (array.ndim == 2 and array.shape != IMAGE_SHAPE):
        wrong_shape = (QT_TRANSLATE_NOOP("PersonalRecords", "a digit's raw drawing must be 28×28, got shape {shape}")
                       if drawn else QT_TRANSLATE_NOOP("PersonalRecords", "a digit's image must be 28×28, got shape "
                                                                          "{shape}"))
        raise DataError(wrong_shape.fill(shape=array.shape))
    if array.dtype != np.uint8 and (not np.issubdtype(array.dtype, np.integer)
                                    or array.min() < 0 or array.max() > 255):
        wrong_type = (QT_TRANSLATE_NOOP("PersonalRecords", "a digit's raw drawing must hold whole numbers 0..255, got "
                                                           "{dtype}")
                      if drawn else QT_TRANSLATE_NOOP("PersonalRecords", "a digit's image must hold whole numbers "
                                                                         "0..255, got {dtype}"))
        raise DataError(wrong_type.fill(dtype=array.dtype))
    out = np.array(array, dtype=np.uint8).reshape(IMAGE_SHAPE)
    out.setflags(write=False)
    return out
