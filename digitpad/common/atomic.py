"""Writing a file so that readers see the old one or the complete new one, never half of either.

:func:`atomic_write` is the one way digitpad writes a file a user keeps
(models, datasets, downloads, exports): the content goes to a new file in the
same folder, is flushed to the disk, and only then renamed over the
destination, which ``os.replace`` does in one step; on POSIX the folder is
flushed too, so the rename itself survives a power cut. A file that replaces
another keeps the old file's permission bits (a model the user made
group-readable stays so). Where the system allows
(Linux), the new file has no name until it is complete, so even a process
killed mid-write leaves nothing behind; elsewhere a hidden ``.NAME.*.tmp``
file beside the destination is removed on any error.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class PendingFile:
    """The file being written: ``file`` takes the bytes; :attr:`readback_path` reads them back before they land."""

    def __init__(self, file: BinaryIO, path: Path | None) -> None:
        self.file, self._path = file, path

    def write(self, data: bytes) -> int:
        return self.file.write(data)

    @property
    def readback_path(self) -> str:
        """A path that opens what has been written so far (e.g. to verify a download before it replaces anything)."""
        self.file.flush()
        return str(self._path) if self._path is not None else f"/proc/self/fd/{self.file.fileno()}"


@contextmanager
def atomic_write(dest: str | os.PathLike) -> Iterator[PendingFile]:
    """Yield a :class:`PendingFile`; when the block succeeds it becomes ``dest`` (replacing any old file).

    On any exception nothing is left: no new file, and ``dest`` as it was.
    The folder must exist. New files get the usual permissions (0o666 less
    the umask), as any file the user creates; a replaced file's are kept.
    """
    dest = Path(dest)
    mode = _old_mode(dest)
    fd = _open_unnamed(dest.parent)
    tmp = None if fd is not None else dest.parent / f".{dest.name}.{secrets.token_hex(8)}.tmp"
    if tmp is not None:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    link = dest.parent / f".{dest.name}.{secrets.token_hex(8)}.tmp" if tmp is None else tmp
    try:
        with os.fdopen(fd, "w+b") as f:
            yield PendingFile(f, tmp)
            f.flush()
            if mode is not None:  # by descriptor where the system can (the unnamed file has no path yet)
                os.chmod(f.fileno() if os.chmod in os.supports_fd else link, mode)
            os.fsync(f.fileno())
            if tmp is None:
                _give_name(f.fileno(), link)
        os.replace(link, dest)
    except BaseException:
        link.unlink(missing_ok=True)
        raise
    _sync_folder(dest.parent)


def _old_mode(dest: Path) -> int | None:
    """The permission bits of the regular file ``dest`` replaces, or None when there is none to keep."""
    try:
        info = os.stat(dest)
    except FileNotFoundError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _sync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries to disk, so the rename is durable; POSIX only (Windows cannot open a folder)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:  # a file system that cannot sync folders: the file is in place regardless
            raise
    finally:
        os.close(fd)


def _open_unnamed(folder: Path) -> int | None:
    """A read-write file descriptor for a new file without a name in ``folder``, or None where unsupported."""
    if not (hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")):
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o666)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):  # a filesystem without O_TMPFILE
            return None
        raise


def _give_name(fd: int, path: Path) -> None:
    """Link the unnamed file ``fd`` into the file system as ``path``."""
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        # A directory fd makes os.link use linkat(), which can follow the /proc link to the open file.
        os.link(f"/proc/self/fd/{fd}", path.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)
