"""Model files: one ``.npz`` with the weight arrays and a JSON metadata entry.

The archive holds ``W0, b0, W1, ...`` exactly as :meth:`MLP.parameters` names
them, plus ``metadata``: a uint8 array of UTF-8 JSON describing the network,
its input, its classes and how it was trained (docs/model-format.md,
:mod:`digitpad.model.metadata`).

Loading reads each entry with ``allow_pickle=False`` and checks every field,
name, size, shape, dtype and value before a weight reaches the network, so a
file can never run code and every problem surfaces as one
:class:`ModelFileError` that says what is wrong.
"""

from __future__ import annotations

import io
import json
import math
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

import numpy as np

from digitpad import __version__
from digitpad.common.atomic import atomic_write
from digitpad.common.errors import ModelFileError
from digitpad.common.text import QT_TRANSLATE_NOOP, Message
from digitpad.model.bundle import Model
from digitpad.model.metadata import (
    MAX_DEPTH,
    METADATA,
    check_array,
    check_class_names,
    check_metadata,
    check_type,
    metadata_json,
)
from digitpad.nn.network import MLP

# Bound what a zip entry may inflate to before numpy reads it: an .npy header
# is well under this, and metadata (history included) is a few kilobytes.
_HEADER_BYTES = 65_536
_MAX_METADATA_BYTES = 16 * 2**20
# What a file that is no model at all is told it should have been.
EXPECTED = QT_TRANSLATE_NOOP("ModelFile", "digitpad opens the .npz model files it saves (File ▸ Save in the window, "
                                          "digitpad train --output on the command line).")


class _NotAModel(ModelFileError):
    """A readable archive that is something else (a NumPy .npz of other arrays), not a damaged model."""


# -- saving ---------------------------------------------------------------
def save_model(path: str | os.PathLike, model: Model) -> None:
    """Write ``model`` to ``path`` atomically: the old file stays intact on any failure.

    Fills ``model.created`` (when empty) and ``model.app_version`` once the
    file is in place. Raises ModelFileError for a model that would not load
    back (non-finite weights, inconsistent metadata) or when writing fails.
    """
    path = Path(path)
    created, arrays = _checked_arrays(model, path)
    try:
        with atomic_write(path) as out:
            write_npz(out.file, arrays)
    except OSError as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "cannot save model to {path}: {error}").fill(
            path=path, error=e.strerror or str(e))) from e
    model.created, model.app_version = created, __version__


def model_bytes(model: Model) -> bytes:
    """The bytes :func:`save_model` would write (a recovery checkpoint keeps its model so); ModelFileError as it."""
    _, arrays = _checked_arrays(model, "memory")
    buffer = io.BytesIO()
    write_npz(buffer, arrays)
    return buffer.getvalue()


def write_npz(file: BinaryIO, arrays: dict[str, np.ndarray]) -> None:
    """Write ``arrays`` as the uncompressed .npz ``np.savez`` writes, one ``NAME.npy`` entry each.

    The archive is closed even when writing an entry fails. ``np.savez`` before
    NumPy 2 leaves its ZipFile open then, and that ZipFile's finaliser later
    seeks in the file :func:`atomic_write` has already closed and removed.
    """
    with zipfile.ZipFile(file, mode="w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
        for name, array in arrays.items():
            with archive.open(f"{name}.npy", mode="w", force_zip64=True) as entry:
                np.lib.format.write_array(entry, array, allow_pickle=False)


def _checked_arrays(model: Model, where: object) -> tuple[str, dict[str, np.ndarray]]:
    """The model's creation time and the arrays of its file, checked as loading will check them."""
    created = model.created or datetime.now(timezone.utc).isoformat(timespec="seconds")
    weights = model.network.get_weights()  # a snapshot: what is checked is what is written
    try:
        text = metadata_json(model, created)
        for name, array in weights.items():
            check_array(name, array, array.shape, array.dtype)
    except ModelFileError as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "cannot save model to {path}: {error}").fill(
            path=where, error=e.text)) from e
    except (TypeError, ValueError) as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "cannot save model to {path}: {error}").fill(
            path=where, error=str(e))) from e
    return created, weights | {METADATA: np.frombuffer(text.encode("utf-8"), dtype=np.uint8)}


# -- loading --------------------------------------------------------------
def load_model(path: str | os.PathLike) -> Model:
    """Read a model file, checking everything; raise ModelFileError saying what is wrong.

    The archive is read entry by entry, as ``np.load`` reads an .npz, but with
    each size checked before it is inflated and ``allow_pickle=False`` always.
    """
    path = Path(path)
    try:
        return _open_model(path, path)
    except FileNotFoundError:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "no such file: {path}").fill(path=path)) from None
    except OSError as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "cannot read {path}: {error}").fill(
            path=path, error=e.strerror or str(e))) from e


def model_from_bytes(data: bytes, label: Message) -> Model:
    """A model from the bytes of its file (:func:`model_bytes`), checked as :func:`load_model` checks a file;
    ``label`` names where they come from in the message."""
    return _open_model(io.BytesIO(data), label)


def _open_model(source: Path | BinaryIO, label: object) -> Model:
    try:
        with zipfile.ZipFile(source) as archive:
            return _read_model(archive)
    except _NotAModel as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{file} is not a digitpad model: {reason}. "
                                                            "{expected}").fill(
            file=label, reason=e.text, expected=EXPECTED)) from e
    except ModelFileError as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{file} is not a valid model file: {reason}").fill(
            file=label, reason=e.text)) from e
    # What zipfile raises for archives it cannot parse: bad structure, names that are
    # not UTF-8/CP437 (UnicodeDecodeError), multi-disk archives (NotImplementedError).
    # zipfile's own words ("File is not a zip file") would mean nothing to the person opening it.
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{file} is not a digitpad model: it is not a zip archive, "
                                                            "or a damaged or incomplete one. {expected}").fill(
            file=label, expected=EXPECTED)) from e


def _read_model(archive: zipfile.ZipFile) -> Model:
    meta = _read_metadata(archive)
    spec = check_metadata(meta)
    network = MLP(spec, initialise=False)
    check_class_names(meta["class_names"], network.n_classes)
    network.set_weights(_read_weights(archive, network))
    edits = meta.get("edits", [])  # files before version 4 were never edited by hand
    for edit in edits:
        if edit["kind"] == "unit":
            network.set_unit_gain(edit["layer"], edit["unit"], edit["gain"])
    return Model(
        network, tuple(meta["input_shape"]), meta["preprocessing"], float(meta["input_scale"]),
        tuple(meta["class_names"]),
        history={k: [math.nan if v is None else float(v) for v in s] for k, s in meta["history"].items()},
        metrics={k: math.nan if v is None else float(v) for k, v in meta["metrics"].items()},
        **{key: meta[key] for key in ("dataset", "hyperparameters", "name", "created", "app_version")},
        # Version 1 files have no step_changes: nothing was changed while they trained.
        step_changes=[{"epoch": c["epoch"], "batch": c["batch"], "setting": c["setting"],
                       "old": float(c["old"]), "new": float(c["new"])} for c in meta.get("step_changes", [])],
        # Files before version 3 record no mistakes: the engine's own maths.
        mistakes=tuple(meta.get("mistakes", [])),
        hand_steps=[{"label": e["label"], "lr": float(e["lr"])} for e in edits if e["kind"] == "step"],
    )


def _read_array(archive: zipfile.ZipFile, name: str, max_bytes: int) -> np.ndarray:
    """Read entry ``name.npy``, refusing one that would inflate past ``max_bytes`` or holds objects."""
    info = archive.getinfo(f"{name}.npy")
    if info.file_size > max_bytes:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "array {name} is {size:,} bytes, more than its {limit:,} "
                                                            "limit").fill(
            name=name, size=info.file_size, limit=max_bytes))
    try:
        with archive.open(info) as f:
            return np.lib.format.read_array(f, allow_pickle=False)
    # Untrusted bytes pass through zipfile, zlib and numpy's header parser, which
    # raise many exception types between them; every one means this entry is unusable.
    except Exception as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "array {name} is damaged or not a plain array of numbers "
                                                            "(pickled objects are never loaded): {error}").fill(
            name=name, error=str(e))) from e


def _read_metadata(archive: zipfile.ZipFile) -> dict:
    if f"{METADATA}.npy" not in archive.namelist():
        raise _NotAModel(QT_TRANSLATE_NOOP("ModelFile", "it is a .npz archive without the 'metadata' entry every "
                                                        "digitpad model has, so probably arrays saved by another "
                                                        "program"))
    raw = _read_array(archive, METADATA, _MAX_METADATA_BYTES)
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "metadata must be a 1-d uint8 array of UTF-8 JSON, not "
                                                            "{dtype}{shape}").fill(dtype=str(raw.dtype),
                                                                                   shape=str(raw.shape)))
    try:
        meta = json.loads(raw.tobytes().decode("utf-8"), parse_constant=_refuse_constant)
    except ValueError as e:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "metadata is not valid UTF-8 JSON: {error}").fill(
            error=str(e))) from e
    except RecursionError:  # thousands of [ or { inside one another; check_metadata refuses far fewer
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "metadata nests objects or lists more than {depth} deep; "
                                                            "digitpad writes 3").fill(depth=MAX_DEPTH)) from None
    return check_type(meta, "an object", "metadata")


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _read_weights(archive: zipfile.ZipFile, network: MLP) -> dict[str, np.ndarray]:
    expected = {f"{name}.npy": p for name, p, _ in network.parameters()}
    entries = set(archive.namelist())
    missing = sorted(m.removesuffix(".npy") for m in expected.keys() - entries)
    if missing:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "weight array(s) {names} missing").fill(
            names=", ".join(missing)))
    extra = sorted(entries - expected.keys() - {f"{METADATA}.npy"})
    if extra:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "unexpected entries {names}").fill(
            names=", ".join(map(repr, extra))))
    weights = {}
    for member, p in expected.items():
        name = member.removesuffix(".npy")
        array = _read_array(archive, name, p.nbytes + _HEADER_BYTES)
        weights[name] = check_array(name, array, p.shape, p.dtype)
    return weights
