"""Model files: one ``.npz`` with the weight arrays and a JSON metadata entry.

The archive holds ``W0, b0, W1, ...`` exactly as :meth:`MLP.parameters` names
them, plus ``metadata``: a uint8 array of UTF-8 JSON describing the network,
its input, its classes and how it was trained (docs/model-format.md).

Loading reads each entry with ``allow_pickle=False`` and checks every field,
name, size, shape, dtype and value before a weight reaches the network, so a
file can never run code and every problem surfaces as one
:class:`ModelFileError` that says what is wrong. Saving runs the same checks,
so whatever saves also loads.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import errno
import math
import os
import secrets
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from digitpad import __version__
from digitpad.errors import ConfigError, ModelFileError
from digitpad.nn.network import MLP, NetworkSpec

FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)
# How a drawing becomes network input: centre_digit 28×28 raw 0..255, or to_8x8 raw 0..16.
PREPROCESSING = ("mnist-28", "digits-8x8")
_INPUT_SHAPES = {"mnist-28": (28, 28), "digits-8x8": (8, 8)}
MAX_UNITS = 100_000
MAX_PARAMETERS = 50_000_000
METADATA = "metadata"
# Bound what a zip entry may inflate to before numpy reads it: an .npy header
# is well under this, and metadata (history included) is a few kilobytes.
_HEADER_BYTES = 65_536
_MAX_METADATA_BYTES = 16 * 2**20
# Within those bytes, bounds on what the window would otherwise try to show in full.
_MAX_ENTRIES = 1_000     # hyperparameters, metrics or history series; a real model has a few dozen
_MAX_EPOCHS = 100_000    # values per history series: the most epochs a run can have
_MAX_TEXT = 10_000       # characters in the name, the dataset or one hyperparameter

# JSON type names as the error messages say them, and what json.loads turns them into.
_KINDS = {"an integer": int, "a finite number": (int, float), "a string": str,
          "a list": list, "an object": dict, "true or false": bool}
_FIELDS = {"format_version": "an integer", "network": "an object", "input_shape": "a list",
           "preprocessing": "a string", "input_scale": "a finite number", "class_names": "a list",
           "dataset": "a string", "hyperparameters": "an object", "history": "an object",
           "metrics": "an object", "name": "a string", "app_version": "a string",
           "created": "a string"}
_SPEC_FIELDS = {"sizes": "a list", "activation": "a string", "output": "a string",
                "loss": "a string", "init": "a string", "bias": "true or false",
                "reduction": "a string", "dtype": "a string"}


@dataclass
class Model:
    """A trained network with everything needed to use, show and reproduce it.

    ``input_scale`` maps raw pixels (0..255 for "mnist-28", 0..16 for
    "digits-8x8") to network input: ``x = raw × input_scale``.
    """

    network: MLP
    input_shape: tuple[int, int]
    preprocessing: str
    input_scale: float
    class_names: tuple[str, ...]
    dataset: str = ""
    hyperparameters: dict = field(default_factory=dict)
    history: dict[str, list[float]] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    name: str = ""
    created: str = ""
    app_version: str = ""

    def copy(self) -> Model:
        """A deep copy: its network and records can change without touching this model."""
        network = MLP(self.network.spec)
        network.set_weights(self.network.get_weights())
        return dataclasses.replace(self, network=network, hyperparameters=copy.deepcopy(self.hyperparameters),
                                   history=copy.deepcopy(self.history), metrics=dict(self.metrics))

    def summary(self) -> str:
        """Several lines of plain text describing the model, for the CLI and the GUI."""
        net = self.network
        rows = [
            ("network", f"{net!r}, {net.n_parameters():,} parameters, {net.spec.dtype}"),
            ("input", f"{'×'.join(map(str, self.input_shape))} {self.preprocessing}, "
                      f"pixels × {self.input_scale:.6g}"),
            ("classes", " ".join(self.class_names)),
            ("dataset", self.dataset or "unknown"),
            ("training", ", ".join(f"{k}={v}" for k, v in self.hyperparameters.items()) or "unknown"),
            ("history", _describe_history(self.history)),
            ("metrics", ", ".join(f"{k} {v:.4g}" for k, v in self.metrics.items()) or "none"),
            ("created", f"{self.created} by digitpad {self.app_version}" if self.created else "not saved"),
        ]
        title = f"Model {self.name!r}" if self.name else "Model (unnamed)"
        return "\n".join([title] + [f"  {key:<9} {text}" for key, text in rows])


def _describe_history(history: dict[str, list[float]]) -> str:
    if not history:
        return "none"
    epochs = max(len(series) for series in history.values())
    return f"{epochs} epochs of {', '.join(history)}"


# -- saving ---------------------------------------------------------------
def save_model(path: str | os.PathLike, model: Model) -> None:
    """Write ``model`` to ``path`` atomically: the old file stays intact on any failure.

    Fills ``model.created`` (when empty) and ``model.app_version`` once the
    file is in place. Raises ModelFileError for a model that would not load
    back (non-finite weights, inconsistent metadata) or when writing fails.
    """
    path = Path(path)
    created = model.created or datetime.now(timezone.utc).isoformat(timespec="seconds")
    weights = model.network.get_weights()  # a snapshot: what is checked is what is written
    try:
        text = _metadata_json(model, created)
        for name, array in weights.items():
            _check_array(name, array, array.shape, array.dtype)
    except (ModelFileError, TypeError, ValueError) as e:
        raise ModelFileError(f"cannot save model to {path}: {e}") from e
    arrays = weights | {METADATA: np.frombuffer(text.encode("utf-8"), dtype=np.uint8)}
    try:
        _write_atomically(path, arrays)
    except OSError as e:
        raise ModelFileError(f"cannot save model to {path}: {e.strerror or e}") from e
    model.created, model.app_version = created, __version__


def _metadata_json(model: Model, created: str) -> str:
    """The metadata document, checked exactly as load_model will read it back."""
    # Tuples become lists and numpy scalars numbers; NaN is let through here so
    # that the check below can name the field that holds it.
    meta = json.loads(json.dumps(_metadata(model, created), default=_json_scalar))
    _check_metadata(meta)
    _check_class_names(meta["class_names"], model.network.n_classes)
    try:
        # Strict JSON, which any reader accepts; only a hyperparameter can still be non-finite.
        return json.dumps(meta, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise ModelFileError("a hyperparameter is NaN or infinite, which JSON cannot store") from None


def _metadata(model: Model, created: str) -> dict:
    computed = {
        "format_version": FORMAT_VERSION,
        "network": model.network.spec.to_dict(),
        # A diverged run has NaN/Inf in its curves; JSON has no such numbers, so they become null.
        "history": {k: [_finite_or_none(v) for v in series] for k, series in model.history.items()},
        "metrics": {k: _finite_or_none(v) for k, v in model.metrics.items()},
        "app_version": __version__,
        "created": created,
    }
    return {key: computed[key] if key in computed else getattr(model, key) for key in _FIELDS}


def _finite_or_none(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _json_scalar(value: object) -> object:
    """Let numpy scalars (an np.int64 seed, an np.float32 rate) through json.dumps."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{value!r} ({type(value).__name__}) cannot be stored as JSON")


def _write_atomically(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write a new file beside ``path``, make it durable, then rename it over ``path``.

    Where the system allows (Linux), the new file has no name until it is
    complete, so even a process killed mid-write leaves nothing behind.
    """
    tmp = path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"
    fd = _open_unnamed(path.parent)
    named = fd is None
    if named:
        # os.open applies the umask to 0o666 like any new file; mkstemp would force 0o600.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
            f.flush()
            os.fsync(f.fileno())
            if not named:
                _give_name(f.fileno(), tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _open_unnamed(folder: Path) -> int | None:
    """A writable file descriptor for a new file without a name in ``folder``, or None where unsupported."""
    if not (hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")):
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o666)
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


# -- loading --------------------------------------------------------------
def load_model(path: str | os.PathLike) -> Model:
    """Read a model file, checking everything; raise ModelFileError saying what is wrong.

    The archive is read entry by entry, as ``np.load`` reads an .npz, but with
    each size checked before it is inflated and ``allow_pickle=False`` always.
    """
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_model(archive)
    except FileNotFoundError:
        raise ModelFileError(f"no such file: {path}") from None
    except ModelFileError as e:
        raise ModelFileError(f"{path} is not a valid model file: {e}") from e
    # What zipfile raises for archives it cannot parse: bad structure, names that are
    # not UTF-8/CP437 (UnicodeDecodeError), multi-disk archives (NotImplementedError).
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as e:
        raise ModelFileError(f"{path} is not a model file (.npz archive) or is damaged: {e}") from e
    except OSError as e:
        raise ModelFileError(f"cannot read {path}: {e.strerror or e}") from e


def _read_model(archive: zipfile.ZipFile) -> Model:
    meta = _read_metadata(archive)
    spec = _check_metadata(meta)
    network = MLP(spec)
    _check_class_names(meta["class_names"], network.n_classes)
    network.set_weights(_read_weights(archive, network))
    return Model(
        network, tuple(meta["input_shape"]), meta["preprocessing"], float(meta["input_scale"]),
        tuple(meta["class_names"]),
        history={k: [math.nan if v is None else float(v) for v in s] for k, s in meta["history"].items()},
        metrics={k: math.nan if v is None else float(v) for k, v in meta["metrics"].items()},
        **{key: meta[key] for key in ("dataset", "hyperparameters", "name", "created", "app_version")},
    )


def _read_array(archive: zipfile.ZipFile, name: str, max_bytes: int) -> np.ndarray:
    """Read entry ``name.npy``, refusing one that would inflate past ``max_bytes`` or holds objects."""
    info = archive.getinfo(f"{name}.npy")
    if info.file_size > max_bytes:
        raise ModelFileError(f"array {name} is {info.file_size:,} bytes, more than its {max_bytes:,} limit")
    try:
        with archive.open(info) as f:
            return np.lib.format.read_array(f, allow_pickle=False)
    # Untrusted bytes pass through zipfile, zlib and numpy's header parser, which
    # raise many exception types between them; every one means this entry is unusable.
    except Exception as e:
        raise ModelFileError(f"array {name} is damaged or not a plain array of numbers "
                             f"(pickled objects are never loaded): {e}") from e


def _read_metadata(archive: zipfile.ZipFile) -> dict:
    if f"{METADATA}.npy" not in archive.namelist():
        raise ModelFileError("it has no 'metadata' entry")
    raw = _read_array(archive, METADATA, _MAX_METADATA_BYTES)
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise ModelFileError(f"metadata must be a 1-d uint8 array of UTF-8 JSON, not {raw.dtype}{raw.shape}")
    try:
        meta = json.loads(raw.tobytes().decode("utf-8"), parse_constant=_refuse_constant)
    except ValueError as e:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
        raise ModelFileError(f"metadata is not valid UTF-8 JSON: {e}") from e
    return _check_type(meta, "an object", "metadata")


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _read_weights(archive: zipfile.ZipFile, network: MLP) -> dict[str, np.ndarray]:
    expected = {f"{name}.npy": p for name, p, _ in network.parameters()}
    entries = set(archive.namelist())
    missing = sorted(m.removesuffix(".npy") for m in expected.keys() - entries)
    if missing:
        raise ModelFileError(f"weight array(s) {', '.join(missing)} missing")
    extra = sorted(entries - expected.keys() - {f"{METADATA}.npy"})
    if extra:
        raise ModelFileError(f"unexpected entries {', '.join(map(repr, extra))}")
    weights = {}
    for member, p in expected.items():
        name = member.removesuffix(".npy")
        array = _read_array(archive, name, p.nbytes + _HEADER_BYTES)
        weights[name] = _check_array(name, array, p.shape, p.dtype)
    return weights


# -- checks shared by save and load -----------------------------------------
def _check_type(value: object, kind: str, where: str) -> object:
    # JSON true/false arrive as bool, which Python also counts as an int.
    ok = isinstance(value, _KINDS[kind]) and isinstance(value, bool) == (kind == "true or false")
    # 1e400 parses as inf and a 400-digit integer overflows any float: neither is a usable number.
    if not ok or (kind == "a finite number" and not abs(value) <= sys.float_info.max):
        raise ModelFileError(f"{where} must be {kind}, got {json.dumps(value)[:60]}")
    return value


def _check_fields(obj: dict, fields: dict[str, str], where: str) -> None:
    missing, unknown = fields.keys() - obj.keys(), obj.keys() - fields.keys()
    if missing:
        raise ModelFileError(f"{where} lacks field(s) {', '.join(sorted(missing))}")
    if unknown:
        raise ModelFileError(f"{where} has unknown field(s) {', '.join(sorted(unknown))}")
    for key, kind in fields.items():
        _check_type(obj[key], kind, f"{where} field {key!r}")


def _check_metadata(meta: dict) -> NetworkSpec:
    """Check everything that does not need the network built; return its spec."""
    supported = ", ".join(map(str, SUPPORTED_VERSIONS))
    if "format_version" not in meta:
        raise ModelFileError(f"metadata has no format_version (this digitpad reads version {supported})")
    version = _check_type(meta["format_version"], "an integer", "format_version")
    if version not in SUPPORTED_VERSIONS:
        raise ModelFileError(f"format_version {version} is not supported (this digitpad reads version "
                             f"{supported}); a newer digitpad may open it")
    _check_fields(meta, _FIELDS, "metadata")
    _check_sizes(meta)
    spec = _check_spec(meta["network"])
    _check_input(meta, spec.sizes[0])
    for key, series in meta["history"].items():
        for value in _check_type(series, "a list", f"history {key!r}"):
            _check_number_or_null(value, f"history {key!r}")
    for key, value in meta["metrics"].items():
        _check_number_or_null(value, f"metric {key!r}")
    if meta["created"]:
        try:
            datetime.fromisoformat(meta["created"])
        except ValueError:
            raise ModelFileError(f"created must be an ISO 8601 time, got {meta['created']!r}") from None
    return spec


def _check_sizes(meta: dict) -> None:
    """Refuse metadata far larger than any digitpad writes (it would freeze the window that shows it)."""
    for key in ("hyperparameters", "metrics", "history"):
        if len(meta[key]) > _MAX_ENTRIES:
            raise ModelFileError(f"{key} has {len(meta[key]):,} entries; at most {_MAX_ENTRIES:,} are allowed")
    for key, series in meta["history"].items():
        if isinstance(series, list) and len(series) > _MAX_EPOCHS:
            raise ModelFileError(f"history {key!r} has {len(series):,} values; at most {_MAX_EPOCHS:,} are allowed")
    texts = {"name": meta["name"], "dataset": meta["dataset"]} | {
        f"hyperparameter {key!r}": value for key, value in meta["hyperparameters"].items()}
    for what, text in texts.items():
        if len(str(text)) > _MAX_TEXT:
            raise ModelFileError(f"{what} is {len(str(text)):,} characters long; at most {_MAX_TEXT:,} are allowed")


def _check_spec(network: dict) -> NetworkSpec:
    _check_fields(network, _SPEC_FIELDS, "network")
    sizes = network["sizes"]
    for size in sizes:
        if _check_type(size, "an integer", "each of network sizes") < 1:
            raise ModelFileError(f"network sizes must be positive, got {sizes}")
    if any(size > MAX_UNITS for size in sizes):
        raise ModelFileError(f"network sizes {sizes} have a layer over {MAX_UNITS:,} units")
    n_params = sum(a * b + b * network["bias"] for a, b in zip(sizes, sizes[1:]))
    if n_params > MAX_PARAMETERS:
        raise ModelFileError(f"network sizes {sizes} need {n_params:,} parameters, "
                             f"over the {MAX_PARAMETERS:,} allowed")
    try:
        return NetworkSpec(**network | {"sizes": tuple(sizes)})
    except ConfigError as e:
        raise ModelFileError(f"network: {e}") from e


def _check_input(meta: dict, n_inputs: int) -> None:
    preprocessing = meta["preprocessing"]
    if preprocessing not in PREPROCESSING:
        raise ModelFileError(f"preprocessing {preprocessing!r} is unknown; known: {', '.join(PREPROCESSING)}")
    shape = meta["input_shape"]
    for n in shape:
        _check_type(n, "an integer", "each of input_shape")
    if shape != list(_INPUT_SHAPES[preprocessing]):
        raise ModelFileError(f"input_shape {shape} does not match preprocessing {preprocessing!r} "
                             f"(needs {list(_INPUT_SHAPES[preprocessing])})")
    if math.prod(shape) != n_inputs:
        raise ModelFileError(f"input_shape {shape} has {math.prod(shape)} pixels; "
                             f"the network takes {n_inputs} inputs")
    if meta["input_scale"] <= 0:
        raise ModelFileError(f"input_scale must be positive, got {meta['input_scale']}")


def _check_number_or_null(value: object, where: str) -> None:
    if value is not None:
        _check_type(value, "a finite number", where)


def _check_class_names(names: list, n_classes: int) -> None:
    if len(names) != n_classes or not all(isinstance(n, str) for n in names):
        raise ModelFileError(f"class_names must be {n_classes} strings, one per class, got {names}")


def _check_array(name: str, array: np.ndarray, shape: tuple, dtype: np.dtype) -> np.ndarray:
    # Any byte order of the right float width is fine; set_weights converts it.
    if array.dtype.kind != "f" or array.dtype.itemsize != np.dtype(dtype).itemsize:
        raise ModelFileError(f"array {name} has dtype {array.dtype}, expected {np.dtype(dtype)}")
    if array.shape != shape:
        raise ModelFileError(f"array {name} has shape {array.shape}, expected {shape}")
    if not np.isfinite(array).all():
        raise ModelFileError(f"array {name} contains NaN or infinite values")
    return array
