"""The learner's own digits (``mine``): drawings corrected with "Correct it" and imported images.

On disk
-------
``<data dir>/mine/digits.journal`` is an append-only journal. It starts with
the line ``digitpad personal digits v1``; then come records, each framed as
the 4 bytes ``DPrc``, the payload's length and its CRC-32 (both uint32,
little-endian), and the payload: a kind byte and its body.

* ``A`` adds digits (one record per :meth:`PersonalStore.add_many`, so an
  import is all or nothing): a count, then per digit its 16-byte id, label,
  a flag for the raw drawing, the time added (float64), the source's name
  (UTF-8, uint16 length), the 784 bytes of the image and, when flagged, the
  784 bytes of the drawing as drawn.
* ``D`` deletes digits by id; ``L`` gives digits a new label.

Every mutating call writes one record with one ``write`` under a lock file
(``digits.lock``), then fsyncs before it returns, so what it returned is on the
disk. A crash mid-write leaves a torn tail, a frame cut short: on reading it is
ignored, and cut off (under the lock) before the next record is appended, so the
crash loses at most the record being written. A whole record whose CRC fails
(e.g. a flipped byte), in the middle or last, is damage and is skipped: the
reader looks for the next good record, keeps every good record before and after it, and
:attr:`PersonalStore.damage` says how many bytes were skipped so the window can
tell the learner; the file is left as it is (nothing is deleted silently). A
file that does not start with the journal's first line is refused with a
DataError naming it.

Held out
--------
A digit is in the ``test`` split iff the md5 of its id (its 32 hex characters)
read as a big-endian number is ≡ 0 mod 4: about one digit in four. The rule
depends on the id alone, which is never reused, so adding, deleting or
relabelling digits never moves a digit between splits, and a digit once held
out for the honest before/after of a fine-tune is never trained on.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import numpy as np

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.personal_records import (
    COUNT,
    PersonalDigit,
    checked_label,
    digit_bytes,
    new_digit,
    parse_digits,
)
from digitpad.data.preprocess import center_digit, is_blank
from digitpad.data.registry import IMAGE_SHAPE, PERSONAL, PERSONAL_TITLE, personal_dir

try:
    import fcntl
except ImportError:  # Windows: one write per record with O_APPEND still keeps records whole
    fcntl = None  # type: ignore[assignment]

JOURNAL = "digits.journal"
LOCK = "digits.lock"
FILE_MAGIC = b"digitpad personal digits v1\n"
RECORD_MAGIC = b"DPrc"
_FRAME = struct.Struct("<4sII")  # magic, payload length, CRC-32 of the payload
HELD_OUT_EVERY = 4


def held_out(digit_id: str) -> bool:
    """Whether the digit with this id is in the ``test`` split (the rule in the module docstring)."""
    digest = hashlib.md5(digit_id.encode("ascii"), usedforsecurity=False).digest()
    return int.from_bytes(digest, "big") % HELD_OUT_EVERY == 0


def digits_dataset(digits: Sequence[PersonalDigit]) -> Dataset:
    """These digits as a Dataset named ``mine``, rows in their order."""
    if not digits:
        return Dataset.empty(IMAGE_SHAPE, 255, DIGIT_NAMES, PERSONAL)
    images = np.stack([d.image.reshape(-1) for d in digits])
    labels = np.array([d.label for d in digits], dtype=np.int64)
    return Dataset(images, labels, IMAGE_SHAPE, 255, DIGIT_NAMES, PERSONAL)


class PersonalStore:
    """The digits in one folder (default ``<data dir>/mine``); opening it never writes.

    Each reading call first looks at the journal's size and modification time
    and reads only what another store (the window, a CLI import) appended since.
    """

    is_held_out = staticmethod(held_out)

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else personal_dir()
        self.path = self.folder / JOURNAL
        self._digits: dict[str, PersonalDigit] = {}
        self._seen: tuple[int, int, int] | None = None  # (inode, size, mtime_ns) last read
        self._good_end = 0  # end of the last good record
        self._damage: list[tuple[int, int]] = []  # (start, length) of skipped bytes

    # -- reading ---------------------------------------------------------------------
    def digits(self) -> list[PersonalDigit]:
        """Every digit, in the order added."""
        self._refresh()
        return list(self._digits.values())

    def __len__(self) -> int:
        self._refresh()
        return len(self._digits)

    def counts(self) -> dict[int, int]:
        """How many digits each label 0..9 has (0 for none)."""
        found = {label: 0 for label in range(len(DIGIT_NAMES))}
        for digit in self.digits():
            found[digit.label] += 1
        return found

    def dataset(self, split: str | None = None) -> Dataset:
        """The digits as a Dataset named ``mine``: all (None), or the ``train`` or held-out ``test`` split."""
        if split not in (None, "train", "test"):
            raise DataError(QT_TRANSLATE_NOOP("Personal", "split must be 'train' or 'test', got {split!r}").fill(
                split=split))
        return digits_dataset([d for d in self.digits() if split is None or held_out(d.id) == (split == "test")])

    @property
    def damage(self) -> Text | None:
        """What a damaged journal cost, in words (None when every record was read)."""
        self._refresh()
        if not self._damage:
            return None
        lost = sum(length for _, length in self._damage)
        return QT_TRANSLATE_NOOP("Personal", "{path}: {parts} damaged part(s) ({lost:,} bytes) were skipped; the "
                                             "digits in them are lost, every other digit was kept").fill(
            path=self.path, parts=len(self._damage), lost=lost)

    # -- changing ----------------------------------------------------------------------
    def add_drawing(self, drawing: np.ndarray, label: int) -> PersonalDigit:
        """Add a canvas drawing, ``(28, 28)`` float with ink high in [0, 1], preprocessed as MNIST's digits."""
        drawing = np.asarray(drawing, dtype=np.float32)
        if drawing.shape != IMAGE_SHAPE:
            raise DataError(QT_TRANSLATE_NOOP("Personal", "a drawing must be 28×28, got {shape}").fill(
                shape=drawing.shape))
        if is_blank(drawing):
            raise DataError(QT_TRANSLATE_NOOP("Personal", "the drawing is blank; draw a digit first"))
        image = np.rint(center_digit(drawing) * 255).astype(np.uint8)
        raw = np.rint(np.clip(drawing, 0, 1) * 255).astype(np.uint8)
        return self.add(image, label, raw=raw)

    def add(self, image: np.ndarray, label: int, raw: np.ndarray | None = None,
            source: str = "drawn") -> PersonalDigit:
        """Add one digit whose ``image`` is already as a model receives it (``(28, 28)`` uint8)."""
        digit = new_digit(image, label, raw, source)
        self._append(b"A" + COUNT.pack(1) + digit_bytes(digit))
        return digit

    def add_many(self, items: Sequence[tuple[np.ndarray, int, str]]) -> list[PersonalDigit]:
        """Add ``(image, label, source)`` items in one record: all of them, or none (on error or crash)."""
        digits = [new_digit(image, label, None, source) for image, label, source in items]
        if digits:
            self._append(b"A" + COUNT.pack(len(digits)) + b"".join(map(digit_bytes, digits)))
        return digits

    def delete(self, ids: Iterable[str]) -> None:
        """Delete the digits with these ids (ids no longer here, e.g. deleted elsewhere, are passed over)."""
        self._change(b"D", ids)

    def relabel(self, ids: Iterable[str], label: int) -> None:
        """Give the digits with these ids the label ``label``."""
        self._change(b"L" + bytes([checked_label(label)]), ids)

    def _change(self, head: bytes, ids: Iterable[str]) -> None:
        wanted = list(dict.fromkeys(ids))
        with self._locked():
            self._refresh()
            present = [i for i in wanted if i in self._digits]
            if present:
                self._write(head + COUNT.pack(len(present)) + b"".join(bytes.fromhex(i) for i in present))

    def _append(self, payload: bytes) -> None:
        with self._locked():
            self._refresh()
            self._write(payload)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the folder's lock file: one writer at a time, and no cut of a tail another is writing."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _write(self, payload: bytes) -> None:
        """Append one framed record, durably (called under the lock, just after a refresh)."""
        if not self.path.exists():
            with atomic_write(self.path) as out:  # which also makes the new name durable (the folder synced)
                out.write(FILE_MAGIC)
            self._refresh()
        frame = _FRAME.pack(RECORD_MAGIC, len(payload), zlib.crc32(payload)) + payload
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        try:
            if os.fstat(fd).st_size > self._good_end:  # a torn tail of an earlier crash
                os.ftruncate(fd, self._good_end)
            os.write(fd, frame)
            os.fsync(fd)
            inode = os.fstat(fd).st_ino
        finally:
            os.close(fd)
        # Read our own record back even if size and mtime happen to look unchanged (a cut tail, a coarse clock).
        self._seen = (inode, -1, -1)
        self._refresh()

    # -- the journal ----------------------------------------------------------------------
    def _refresh(self) -> None:
        """Bring the digits up to date with the journal, reading only what was appended when possible."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._digits, self._seen, self._good_end, self._damage = {}, None, 0, []
            return
        seen = (st.st_ino, st.st_size, st.st_mtime_ns)
        if seen == self._seen:
            return
        try:
            with open(self.path, "rb") as fh:
                if self._seen is None or seen[0] != self._seen[0] or st.st_size < self._good_end:
                    self._digits, self._good_end, self._damage = {}, 0, []
                    _check_magic(fh.read(len(FILE_MAGIC)), self.path)
                    self._good_end = len(FILE_MAGIC)
                fh.seek(self._good_end)
                data = fh.read()
        except OSError as exc:
            raise DataError(QT_TRANSLATE_NOOP("Personal", "{path}: cannot read your digits ({reason})").fill(
                path=self.path, reason=exc.strerror or exc)) from exc
        self._read_records(data, self._good_end)
        self._seen = seen

    def _read_records(self, data: bytes, base: int) -> None:
        pos = 0
        while pos < len(data):
            payload = _record_at(data, pos)
            if payload is None:
                # A whole frame whose checksum fails is damage, kept in the file; only a frame cut short is a
                # torn tail (a crash mid-write), ignored and cut before the next append.
                found = _next_record(data, pos + 1)
                if found is None:
                    found = _whole_frame_end(data, pos)
                    if found is None:
                        break
                    self._good_end = base + found  # never cut: it may be read again elsewhere
                self._damage.append((base + pos, found - pos))
                pos = found
                continue
            self._apply(payload, base + pos)
            pos += _FRAME.size + len(payload)
            self._good_end = base + pos

    def _apply(self, payload: bytes, offset: int) -> None:
        kind, body = payload[:1], memoryview(payload)[1:]
        try:
            if kind == b"A":
                for digit in parse_digits(body):
                    self._digits[digit.id] = digit
            elif kind in (b"D", b"L"):
                label, body = (body[0], body[1:]) if kind == b"L" else (None, body)
                (count,) = COUNT.unpack_from(body)
                if len(body) != COUNT.size + 16 * count:
                    raise ValueError(f"{len(body)} bytes for {count} ids")
                for k in range(count):
                    digit_id = bytes(body[4 + 16 * k: 20 + 16 * k]).hex()
                    if digit_id in self._digits:
                        if label is None:
                            del self._digits[digit_id]
                        else:
                            self._digits[digit_id] = replace(self._digits[digit_id], label=label)
            else:
                raise ValueError(f"unknown record kind {kind!r}")
        except (ValueError, struct.error, IndexError) as exc:
            raise DataError(QT_TRANSLATE_NOOP("Personal", "{path}: the record at byte {offset:,} cannot be read "
                                                          "({reason}); it may come from a newer digitpad. Open it "
                                                          "with that version, or move the file away to start "
                                                          "afresh").fill(path=self.path, offset=offset,
                                                                         reason=exc)) from exc


def _record_at(data: bytes, pos: int) -> bytes | None:
    """The payload of a good record starting at ``pos`` (magic, whole length, CRC), else None."""
    if len(data) - pos < _FRAME.size:
        return None
    magic, length, crc = _FRAME.unpack_from(data, pos)
    start = pos + _FRAME.size
    if magic != RECORD_MAGIC or start + length > len(data):
        return None
    payload = data[start:start + length]
    return payload if zlib.crc32(payload) == crc else None


def _whole_frame_end(data: bytes, pos: int) -> int | None:
    """Where a frame starting at ``pos`` ends when its magic is right and all its bytes are there (whatever
    its checksum says), else None: a frame cut short."""
    if len(data) - pos < _FRAME.size:
        return None
    magic, length, _ = _FRAME.unpack_from(data, pos)
    end = pos + _FRAME.size + length
    return end if magic == RECORD_MAGIC and end <= len(data) else None


def _next_record(data: bytes, pos: int) -> int | None:
    """Where the next good record starts at or after ``pos``, or None."""
    while (pos := data.find(RECORD_MAGIC, pos)) >= 0:
        if _record_at(data, pos) is not None:
            return pos
        pos += 1
    return None


def _check_magic(head: bytes, path: Path) -> None:
    if head != FILE_MAGIC:
        raise DataError(QT_TRANSLATE_NOOP("Personal", "{path} is not a digitpad journal of your digits (it does "
                                                      "not start with {magic!r}); nothing was changed. Move it out "
                                                      "of {folder} to start a new set, or put the right file "
                                                      "back").fill(path=path, magic=FILE_MAGIC.strip().decode(),
                                                                   folder=path.parent))


def empty_message() -> Text:
    """What to say when ``mine`` holds nothing yet."""
    return QT_TRANSLATE_NOOP("Personal", "{title} holds no digits yet; add some with Correct it under the "
                                         "probabilities (Ctrl+0 … Ctrl+9 on the canvas) or `digitpad data import "
                                         "--dataset {name} PATH`").fill(title=PERSONAL_TITLE, name=PERSONAL)
