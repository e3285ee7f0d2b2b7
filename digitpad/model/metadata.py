"""The metadata of a model file: what it holds, how it is built from a Model, and every check on it.

Saving and loading run the same checks (:func:`check_metadata`), so whatever
saves also loads. Each problem is one :class:`ModelFileError` that says what
is wrong.
"""

from __future__ import annotations

import json
import math
import sys
from datetime import datetime
from itertools import pairwise

import numpy as np

from digitpad import __version__
from digitpad.common.errors import ConfigError, ModelFileError
from digitpad.data.preprocessing import PREPROCESSINGS
from digitpad.model.bundle import MAX_STEP_CHANGES, STEP_SETTINGS, Model
from digitpad.nn.network import MAX_PARAMETERS, MAX_UNITS, NetworkSpec

# Version 2 added ``step_changes``, version 3 ``mistakes``, version 4 ``edits``; older files (which lack them)
# still load, with no changes, no mistakes and no edits.
FORMAT_VERSION = 4
SUPPORTED_VERSIONS = (1, 2, 3, 4)
METADATA = "metadata"
# Bounds on what the window would otherwise try to show in full.
_MAX_ENTRIES = 1_000     # hyperparameters, metrics or history series; a real model has a few dozen
_MAX_EPOCHS = 100_000    # values per history series: the most epochs a run can have
_MAX_TEXT = 10_000       # characters in the name, the dataset or one hyperparameter
# Objects and lists inside one another: digitpad writes 3 levels (metadata > edits > an edit); more than this
# is no file of ours, and a few thousand would overflow Python's stack in json.loads or anything that walks it.
MAX_DEPTH = 16
# Hidden layers a network may have, checked here for files and by training.settings for the form and the CLI.
# Plain SGD barely trains an MLP past a dozen layers; 100,000 one-unit layers would take seconds per prediction.
MAX_HIDDEN_LAYERS = 64

# JSON type names as the error messages say them, and what json.loads turns them into.
_KINDS = {"an integer": int, "a finite number": (int, float), "a string": str,
          "a list": list, "an object": dict, "true or false": bool}
_FIELDS = {"format_version": "an integer", "network": "an object", "input_shape": "a list",
           "preprocessing": "a string", "input_scale": "a finite number", "class_names": "a list",
           "dataset": "a string", "hyperparameters": "an object", "history": "an object",
           "metrics": "an object", "name": "a string", "app_version": "a string",
           "created": "a string", "step_changes": "a list", "mistakes": "a list", "edits": "a list"}
# The fields of each version: a file with a field its version lacks is refused, as is one missing a field.
_VERSION_FIELDS = {4: _FIELDS, 3: {key: kind for key, kind in _FIELDS.items() if key != "edits"}}
_VERSION_FIELDS[2] = {key: kind for key, kind in _VERSION_FIELDS[3].items() if key != "mistakes"}
_VERSION_FIELDS[1] = {key: kind for key, kind in _VERSION_FIELDS[2].items() if key != "step_changes"}
# A mistake is a name the learning lab knows (the model layer cannot import it to check which): short text.
_MAX_MISTAKES, _MAX_MISTAKE_NAME = 100, 100
# Hand edits (the network view): a hidden unit's output gain, or one SGD step taken on one drawing.
_EDIT_FIELDS = {"unit": {"kind": "a string", "layer": "an integer", "unit": "an integer", "gain": "a finite number"},
                "step": {"kind": "a string", "label": "an integer", "lr": "a finite number"}}
_MAX_HAND_STEPS = 10_000
_STEP_FIELDS = {"epoch": "an integer", "batch": "an integer", "setting": "a string",
                "old": "a finite number", "new": "a finite number"}
# What each changeable setting may be, as TrainConfig.validate allows it (the model layer cannot import training).
_STEP_RANGES = {"lr": (lambda v: v > 0, "positive"), "momentum": (lambda v: 0 <= v < 1, "in [0, 1)"),
                "weight_decay": (lambda v: v >= 0, "zero or positive")}
assert set(_STEP_RANGES) == set(STEP_SETTINGS)
_SPEC_FIELDS = {"sizes": "a list", "activation": "a string", "output": "a string",
                "loss": "a string", "init": "a string", "bias": "true or false",
                "reduction": "a string", "dtype": "a string"}


# -- building ---------------------------------------------------------------
def metadata_json(model: Model, created: str) -> str:
    """The metadata document, checked exactly as load_model will read it back."""
    # Tuples become lists and numpy scalars numbers; NaN is let through here so
    # that the check below can name the field that holds it.
    meta = json.loads(json.dumps(_metadata(model, created), default=_json_scalar))
    check_metadata(meta)
    check_class_names(meta["class_names"], model.network.n_classes)
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
        "step_changes": list(model.step_changes),
        "mistakes": list(model.mistakes),
        "edits": unit_edits(model) + [{"kind": "step"} | step for step in model.hand_steps],
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


# -- checks shared by save and load -----------------------------------------
def check_type(value: object, kind: str, where: str) -> object:
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
        check_type(obj[key], kind, f"{where} field {key!r}")


def check_metadata(meta: dict) -> NetworkSpec:
    """Check everything that does not need the network built; return its spec."""
    check_depth(meta)
    supported = ", ".join(map(str, SUPPORTED_VERSIONS))
    if "format_version" not in meta:
        raise ModelFileError(f"metadata has no format_version (this digitpad reads versions {supported})")
    version = check_type(meta["format_version"], "an integer", "format_version")
    if version not in SUPPORTED_VERSIONS:
        raise ModelFileError(f"format_version {version} is not supported (this digitpad reads versions "
                             f"{supported}); a newer digitpad may open it")
    _check_fields(meta, _VERSION_FIELDS[version], "metadata")
    _check_sizes(meta)
    _check_step_changes(meta.get("step_changes", []))
    _check_mistakes(meta.get("mistakes", []))
    spec = _check_spec(meta["network"])
    _check_edits(meta.get("edits", []), spec)
    _check_input(meta, spec.sizes[0])
    for key, series in meta["history"].items():
        for value in check_type(series, "a list", f"history {key!r}"):
            _check_number_or_null(value, f"history {key!r}")
    for key, value in meta["metrics"].items():
        _check_number_or_null(value, f"metric {key!r}")
    if meta["created"]:
        try:
            datetime.fromisoformat(meta["created"])
        except ValueError:
            raise ModelFileError(f"created must be an ISO 8601 time, got {meta['created']!r}") from None
    return spec


def check_depth(document: object) -> None:
    """Refuse objects and lists nested more than MAX_DEPTH deep, walked without recursion."""
    containers, depth = [document] if isinstance(document, (dict, list)) else [], 0
    while containers:
        depth += 1
        if depth > MAX_DEPTH:
            raise ModelFileError(f"metadata nests objects or lists more than {MAX_DEPTH} deep; digitpad writes 3")
        containers = [child for item in containers for child in (item.values() if isinstance(item, dict) else item)
                      if isinstance(child, (dict, list))]


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


def _check_step_changes(changes: list) -> None:
    """Each change is an object of exactly the five fields, for a known setting, with allowed values, in order."""
    if len(changes) > MAX_STEP_CHANGES:
        raise ModelFileError(f"step_changes has {len(changes):,} entries; at most {MAX_STEP_CHANGES:,} are allowed")
    previous = (0, 0)
    for i, change in enumerate(changes):
        where = f"step_changes[{i}]"
        _check_fields(check_type(change, "an object", where), _STEP_FIELDS, where)
        epoch, batch, setting = change["epoch"], change["batch"], change["setting"]
        if epoch < 0 or batch < 0:
            raise ModelFileError(f"{where} epoch and batch must be zero or positive, got epoch {epoch}, batch {batch}")
        if setting not in _STEP_RANGES:
            raise ModelFileError(f"{where} setting {setting!r} is unknown; known: {', '.join(STEP_SETTINGS)}")
        allowed, words = _STEP_RANGES[setting]
        for key in ("old", "new"):
            if not allowed(change[key]):
                raise ModelFileError(f"{where} field {key!r}: {setting} must be {words}, got {change[key]}")
        if (epoch, batch) < previous:
            raise ModelFileError(f"{where} (epoch {epoch}, batch {batch}) comes before the change above it "
                                 f"(epoch {previous[0]}, batch {previous[1]}); changes must be in the order "
                                 "they took effect")
        previous = (epoch, batch)


def _check_mistakes(mistakes: list) -> None:
    """Names of the learning lab's deliberate mistakes: short non-empty strings, each once. Whether this
    digitpad knows them is for the one who installs them to say (the window, through the lab)."""
    if len(mistakes) > _MAX_MISTAKES:
        raise ModelFileError(f"mistakes has {len(mistakes):,} entries; at most {_MAX_MISTAKES:,} are allowed")
    for i, name in enumerate(mistakes):
        check_type(name, "a string", f"mistakes[{i}]")
        if not 0 < len(name) <= _MAX_MISTAKE_NAME:
            raise ModelFileError(f"mistakes[{i}] must be a name of 1 to {_MAX_MISTAKE_NAME} characters, "
                                 f"got {len(name):,} characters")
        if name in mistakes[:i]:
            raise ModelFileError(f"mistakes[{i}] {name!r} is listed twice")


def unit_edits(model: Model) -> list[dict]:
    """The network's switched-off and scaled hidden units as ``edits`` entries, layer by layer."""
    return [{"kind": "unit", "layer": layer, "unit": int(unit), "gain": float(gains[unit])}
            for layer, gains in sorted(model.network.gains.items()) for unit in np.flatnonzero(gains != 1)]


def _check_edits(edits: list, spec: NetworkSpec) -> None:
    """Each edit is a unit of a hidden layer the network has, each unit at most once, or a step with a label the
    network can take and a positive learning rate."""
    hidden = spec.sizes[1:-1]
    if len(edits) > sum(hidden) + _MAX_HAND_STEPS:
        raise ModelFileError(f"edits has {len(edits):,} entries; at most one per hidden unit and "
                             f"{_MAX_HAND_STEPS:,} steps are allowed")
    units = set()
    n_classes = 10 if spec.is_regression else spec.sizes[-1]
    for i, edit in enumerate(edits):
        where = f"edits[{i}]"
        kind = check_type(check_type(edit, "an object", where).get("kind"), "a string", f"{where} field 'kind'")
        if kind not in _EDIT_FIELDS:
            raise ModelFileError(f"{where} kind {kind!r} is unknown; known: {', '.join(_EDIT_FIELDS)}")
        _check_fields(edit, _EDIT_FIELDS[kind], where)
        if kind == "step":
            if not 0 <= edit["label"] < n_classes or edit["lr"] <= 0:
                raise ModelFileError(f"{where} needs a label from 0 to {n_classes - 1} and a positive lr, "
                                     f"got label {edit['label']}, lr {edit['lr']}")
            continue
        layer, unit = edit["layer"], edit["unit"]
        if not 1 <= layer <= len(hidden) or not 0 <= unit < hidden[layer - 1]:
            raise ModelFileError(f"{where} names unit {unit} of hidden layer {layer}, which the network "
                                 f"{list(spec.sizes)} does not have")
        if (layer, unit) in units:
            raise ModelFileError(f"{where} edits unit {unit} of hidden layer {layer} a second time")
        units.add((layer, unit))


def _check_spec(network: dict) -> NetworkSpec:
    _check_fields(network, _SPEC_FIELDS, "network")
    sizes = network["sizes"]
    if len(sizes) - 2 > MAX_HIDDEN_LAYERS:
        raise ModelFileError(f"network sizes have {len(sizes) - 2:,} hidden layers; at most "
                             f"{MAX_HIDDEN_LAYERS} are allowed")
    for size in sizes:
        if check_type(size, "an integer", "each of network sizes") < 1:
            raise ModelFileError(f"network sizes must be positive, got {sizes}")
    if any(size > MAX_UNITS for size in sizes):
        raise ModelFileError(f"network sizes {sizes} have a layer over {MAX_UNITS:,} units")
    n_params = sum(a * b + b * network["bias"] for a, b in pairwise(sizes))
    if n_params > MAX_PARAMETERS:
        raise ModelFileError(f"network sizes {sizes} need {n_params:,} parameters, "
                             f"over the {MAX_PARAMETERS:,} allowed")
    try:
        return NetworkSpec(**network | {"sizes": tuple(sizes)})
    except ConfigError as e:
        raise ModelFileError(f"network: {e}") from e


def _check_input(meta: dict, n_inputs: int) -> None:
    preprocessing = meta["preprocessing"]
    if preprocessing not in PREPROCESSINGS:
        raise ModelFileError(f"preprocessing {preprocessing!r} is unknown; known: {', '.join(PREPROCESSINGS)}")
    shape = meta["input_shape"]
    for n in shape:
        check_type(n, "an integer", "each of input_shape")
    if shape != list(PREPROCESSINGS[preprocessing].input_shape):
        raise ModelFileError(f"input_shape {shape} does not match preprocessing {preprocessing!r} "
                             f"(needs {list(PREPROCESSINGS[preprocessing].input_shape)})")
    if math.prod(shape) != n_inputs:
        raise ModelFileError(f"input_shape {shape} has {math.prod(shape)} pixels; "
                             f"the network takes {n_inputs} inputs")
    if meta["input_scale"] <= 0:
        raise ModelFileError(f"input_scale must be positive, got {meta['input_scale']}")


def _check_number_or_null(value: object, where: str) -> None:
    if value is not None:
        check_type(value, "a finite number", where)


def check_class_names(names: list, n_classes: int) -> None:
    if len(names) != n_classes or not all(isinstance(n, str) for n in names):
        raise ModelFileError(f"class_names must be {n_classes} strings, one per class, got {names}")


def check_array(name: str, array: np.ndarray, shape: tuple, dtype: np.dtype) -> np.ndarray:
    # Any byte order of the right float width is fine; set_weights converts it.
    if array.dtype.kind != "f" or array.dtype.itemsize != np.dtype(dtype).itemsize:
        raise ModelFileError(f"array {name} has dtype {array.dtype}, expected {np.dtype(dtype)}")
    if array.shape != shape:
        raise ModelFileError(f"array {name} has shape {array.shape}, expected {shape}")
    if not np.isfinite(array).all():
        raise ModelFileError(f"array {name} contains NaN or infinite values")
    return array
