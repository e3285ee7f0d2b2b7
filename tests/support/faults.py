"""Injected failures and what they leave behind: a disk that fills mid-write, the files left in a folder."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def disk_full_mid_write(file, arrays) -> None:
    """Stands in for digitpad.model.files.write_npz: writes part of an archive, then the disk is full."""
    file.write(b"PK\x03\x04" + bytes(4096))
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def left_in(folder: Path, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """(complete files, anything else: partial or temporary) in a dataset folder."""
    names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    complete = [n for n in names if files.get(n) == (folder / n).read_bytes()]
    return complete, [n for n in names if n not in complete]
