"""Downloading MNIST and Fashion-MNIST into the local store, verified and atomically.

Only :func:`download` and :func:`download_files` touch the network, and only
when called. Each file streams into a temp file beside its destination, is
checked (size, checksum, IDX structure) and only then renamed into place, so
an interrupted or bad download never leaves a partial file behind. Mirrors are
tried in order; the error lists why each one failed, or, when not one of them
could even be reached, says there is no internet connection and what to do
without one.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import http.client
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.data.idx import read_idx
from digitpad.data.registry import DatasetSpec, FileSpec, content_md5, dataset_dir, get_spec

CHUNK_SIZE = 64 * 1024
# A connection that could not be made at all: the network is down or unreachable, not the mirror broken.
UNREACHABLE_ERRNOS = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.ECONNREFUSED})

Progress = Callable[[str, int, int | None], None]
Cancel = Callable[[], bool]


class DownloadCancelled(DataError):
    """The user stopped the download; nothing partial was left behind."""


def download(name: str, *, mirrors: Iterable[str] | None = None, progress: Progress | None = None,
             cancel: Cancel | None = None, timeout: float = 30.0,
             dest_dir: str | os.PathLike | None = None) -> Path:
    """Download the files of a known dataset (``"mnist"`` or ``"fashion"``).

    Parameters
    ----------
    name
        Registry name of the dataset.
    mirrors
        Base URLs to try instead of the registry's, in order.
    progress
        Called as ``progress(file_name, bytes_done, bytes_total_or_None)``
        after every chunk.
    cancel
        Polled between chunks; returning True stops with :class:`DownloadCancelled`.
    timeout
        Seconds a connection may stay silent before the mirror counts as failed.
    dest_dir
        Folder to fill; the dataset's folder in the store by default.

    Returns
    -------
    Path
        The folder holding the four verified files.
    """
    spec = get_spec(name)
    if mirrors is not None:
        spec = dataclasses.replace(spec, mirrors=tuple(mirrors))
    folder = Path(dest_dir) if dest_dir is not None else dataset_dir(name)
    return download_files(spec, folder, progress=progress, cancel=cancel, timeout=timeout)


def download_files(spec: DatasetSpec, dest_dir: str | os.PathLike, *, progress: Progress | None = None,
                   cancel: Cancel | None = None, timeout: float = 30.0) -> Path:
    """Fetch every file of ``spec`` that is not already in ``dest_dir`` and valid.

    Takes the same callbacks as :func:`download`; tests pass a spec of their
    own files, checksums and a local server as the mirror.
    """
    dest_dir = Path(dest_dir)
    for file in spec.files:
        target = dest_dir / file.name
        if not _is_valid(target, file):
            _fetch_from_any(spec, file, target, progress, cancel, timeout)
    return dest_dir


def verify_file(path: str | os.PathLike, file: FileSpec, file_md5: str | None = None) -> None:
    """Raise DataError unless ``path`` is an IDX file matching ``file``'s checksums.

    The published ``.gz`` md5 or, after decompressing, the content md5 will
    do: some mirrors re-compress the files, which changes the first but not
    the second. ``file_md5`` saves hashing the file again when it is known.
    """
    path = Path(path)
    try:
        array = read_idx(path)
    except DataError as exc:
        raise DataError(QT_TRANSLATE_NOOP("Download", "{file}: not a valid IDX file ({reason})").fill(
            file=file.name, reason=exc.text)) from exc
    if file_md5 is None:
        file_md5 = _md5_of(path)
    if file_md5 != file.md5 and content_md5(array) != file.content_md5:
        raise DataError(QT_TRANSLATE_NOOP("Download", "{file}: checksum mismatch (md5 {md5} is not the published "
                                                      "one)").fill(file=file.name, md5=file_md5))


def _is_valid(path: Path, file: FileSpec) -> bool:
    if not path.is_file():
        return False
    try:
        verify_file(path, file)
    except DataError:
        return False
    return True


def _fetch_from_any(spec: DatasetSpec, file: FileSpec, target: Path, progress: Progress | None,
                    cancel: Cancel | None, timeout: float) -> None:
    reasons, unreachable = [], 0
    for base in spec.mirrors:
        if cancel is not None and cancel():  # e.g. cancelled while the last mirror stalled: try no other
            raise DownloadCancelled("download cancelled")
        url = base.rstrip("/") + "/" + file.name
        try:
            _fetch(url, file, target, progress, cancel, timeout)
            return
        except DownloadCancelled:
            raise
        # OSError covers URLError, HTTPError (404, redirect loops), timeouts and
        # refused or reset connections; HTTPException covers malformed replies.
        except (OSError, http.client.HTTPException, DataError, ValueError) as exc:
            reasons.append(f"{url}: {_reason(exc)}")
            unreachable += _unreachable(exc)
    if reasons and unreachable == len(reasons):
        raise DataError(offline_message(spec.title))
    if not reasons:
        raise DataError(QT_TRANSLATE_NOOP("Download", "could not download {file} of {title}: no mirrors given").fill(
            file=file.name, title=spec.title))
    raise DataError(QT_TRANSLATE_NOOP("Download", "could not download {file} of {title}:{reasons}").fill(
        file=file.name, title=spec.title, reasons="".join(f"\n  {reason}" for reason in reasons)))


def _fetch(url: str, file: FileSpec, target: Path, progress: Progress | None,
           cancel: Cancel | None, timeout: float) -> None:
    """Stream one URL into place, or raise and leave nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(target) as out:
        digest = hashlib.md5(usedforsecurity=False)
        done = 0
        with _open(url, timeout) as response:
            total = _content_length(response)
            if progress is not None:
                progress(file.name, 0, total)
            while True:
                if cancel is not None and cancel():
                    raise DownloadCancelled("download cancelled")
                chunk = response.read(CHUNK_SIZE)
                if not chunk:
                    break
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(file.name, done, total)
        # http.client returns a short body without complaint when the server
        # closes early, so the length is checked here.
        if total is not None and done != total:
            raise DataError(QT_TRANSLATE_NOOP("Download", "connection dropped after {done} of {total} bytes").fill(
                done=done, total=total))
        # A mirror serving the raw file passes the content check and is stored
        # as served; read_idx reads raw and gzip files alike.
        verify_file(out.readback_path, file, digest.hexdigest())


def _open(url: str, timeout: float) -> http.client.HTTPResponse:
    try:
        return urllib.request.urlopen(url, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()  # it carries the open error response
        raise


def _content_length(response: http.client.HTTPResponse) -> int | None:
    header = response.headers.get("Content-Length", "")
    return int(header) if header.isdigit() else None


def _md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def offline_message(title: str) -> Text:
    """What to say when no mirror of dataset ``title`` could be reached, and the ways on without a network."""
    return QT_TRANSLATE_NOOP("Download", "no internet connection (could not reach any mirror of {title}); import "
                                         "files you have with `digitpad data import FILES` or use the bundled 8×8 "
                                         "digits (--dataset digits8x8)").fill(title=title)


def _unreachable(exc: BaseException) -> bool:
    """True when the connection itself failed: no name lookup, no route, refused, or no answer to connect.

    urllib wraps whatever fails before the request is sent in URLError; a
    timeout after it was sent (a stalled server) is raised bare and is the
    mirror's fault, not the network's.
    """
    if not isinstance(exc, urllib.error.URLError) or isinstance(exc, urllib.error.HTTPError):
        return False
    reason = exc.reason
    if isinstance(reason, (socket.gaierror, TimeoutError)):
        return True
    return isinstance(reason, OSError) and reason.errno in UNREACHABLE_ERRNOS


def _reason(exc: BaseException) -> str:
    """One short line saying why a mirror failed."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {str(exc.reason).splitlines()[0]}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    if isinstance(exc, TimeoutError):
        return "timed out"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
