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
from digitpad.common.text import QT_TRANSLATE_NOOP, Message, Template
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
_KINDS = {QT_TRANSLATE_NOOP("ModelFile", "an integer"): int,
          QT_TRANSLATE_NOOP("ModelFile", "a finite number"): (int, float),
          QT_TRANSLATE_NOOP("ModelFile", "a string"): str, QT_TRANSLATE_NOOP("ModelFile", "a list"): list,
          QT_TRANSLATE_NOOP("ModelFile", "an object"): dict, QT_TRANSLATE_NOOP("ModelFile", "true or false"): bool}
_KIND_WORDS = {kind: kind for kind in _KINDS}  # the marked words of each kind, found by the plain str a field names
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
_STEP_RANGES = {"lr": (lambda v: v > 0, QT_TRANSLATE_NOOP("ModelFile", "positive")),
                "momentum": (lambda v: 0 <= v < 1, QT_TRANSLATE_NOOP("ModelFile", "in [0, 1)")),
                "weight_decay": (lambda v: v >= 0, QT_TRANSLATE_NOOP("ModelFile", "zero or positive"))}
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
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "a hyperparameter is NaN or infinite, which JSON cannot "
                                                            "store")) from None


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
def check_type(value: object, kind: str, where: Message) -> object:
    # JSON true/false arrive as bool, which Python also counts as an int.
    ok = isinstance(value, _KINDS[kind]) and isinstance(value, bool) == (kind == "true or false")
    # 1e400 parses as inf and a 400-digit integer overflows any float: neither is a usable number.
    if not ok or (kind == "a finite number" and not abs(value) <= sys.float_info.max):
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} must be {kind}, got {value}").fill(
            where=where, kind=_KIND_WORDS[kind], value=json.dumps(value)[:60]))
    return value


def _check_fields(obj: dict, fields: dict[str, str], where: Message) -> None:
    missing, unknown = fields.keys() - obj.keys(), obj.keys() - fields.keys()
    if missing:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} lacks field(s) {fields}").fill(
            where=where, fields=", ".join(sorted(missing))))
    if unknown:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} has unknown field(s) {fields}").fill(
            where=where, fields=", ".join(sorted(unknown))))
    for key, kind in fields.items():
        check_type(obj[key], kind, _field(where, key))


def _field(where: Message, key: str) -> Message:
    """E.g. "metadata field 'name'"."""
    return QT_TRANSLATE_NOOP("ModelFile", "{where} field {key!r}").fill(where=where, key=key)


def check_metadata(meta: dict) -> NetworkSpec:
    """Check everything that does not need the network built; return its spec."""
    check_depth(meta)
    supported = ", ".join(map(str, SUPPORTED_VERSIONS))
    if "format_version" not in meta:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "metadata has no format_version (this digitpad reads "
                                                            "versions {supported})").fill(supported=supported))
    version = check_type(meta["format_version"], "an integer", "format_version")
    if version not in SUPPORTED_VERSIONS:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "format_version {version} is not supported (this digitpad "
                                                            "reads versions {supported}); a newer digitpad may open "
                                                            "it").fill(version=version, supported=supported))
    _check_fields(meta, _VERSION_FIELDS[version], "metadata")
    _check_sizes(meta)
    _check_step_changes(meta.get("step_changes", []))
    _check_mistakes(meta.get("mistakes", []))
    spec = _check_spec(meta["network"])
    _check_edits(meta.get("edits", []), spec)
    _check_input(meta, spec.sizes[0])
    for key, series in meta["history"].items():
        where = QT_TRANSLATE_NOOP("ModelFile", "history {key!r}").fill(key=key)
        for value in check_type(series, "a list", where):
            _check_number_or_null(value, where)
    for key, value in meta["metrics"].items():
        _check_number_or_null(value, QT_TRANSLATE_NOOP("ModelFile", "metric {key!r}").fill(key=key))
    if meta["created"]:
        try:
            datetime.fromisoformat(meta["created"])
        except ValueError:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "created must be an ISO 8601 time, got {value!r}").fill(
                value=meta["created"])) from None
    return spec


def check_depth(document: object) -> None:
    """Refuse objects and lists nested more than MAX_DEPTH deep, walked without recursion."""
    containers, depth = [document] if isinstance(document, (dict, list)) else [], 0
    while containers:
        depth += 1
        if depth > MAX_DEPTH:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "metadata nests objects or lists more than {depth} "
                                                                "deep; digitpad writes 3").fill(depth=MAX_DEPTH))
        containers = [child for item in containers for child in (item.values() if isinstance(item, dict) else item)
                      if isinstance(child, (dict, list))]


def _check_sizes(meta: dict) -> None:
    """Refuse metadata far larger than any digitpad writes (it would freeze the window that shows it)."""
    for key in ("hyperparameters", "metrics", "history"):
        if len(meta[key]) > _MAX_ENTRIES:
            raise _too_many(key, len(meta[key]), _MAX_ENTRIES)
    for key, series in meta["history"].items():
        if isinstance(series, list) and len(series) > _MAX_EPOCHS:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "history {key!r} has {count:,} values; at most "
                                                                "{limit:,} are allowed").fill(
                key=key, count=len(series), limit=_MAX_EPOCHS))
    texts = [("name", meta["name"]), ("dataset", meta["dataset"])] + [
        (QT_TRANSLATE_NOOP("ModelFile", "hyperparameter {key!r}").fill(key=key), value)
        for key, value in meta["hyperparameters"].items()]
    for what, text in texts:
        if len(str(text)) > _MAX_TEXT:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{what} is {length:,} characters long; at most "
                                                                "{limit:,} are allowed").fill(
                what=what, length=len(str(text)), limit=_MAX_TEXT))


def _too_many(key: str, count: int, limit: int) -> ModelFileError:
    return ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{key} has {count:,} entries; at most {limit:,} are "
                                                         "allowed").fill(key=key, count=count, limit=limit))


def _check_step_changes(changes: list) -> None:
    """Each change is an object of exactly the five fields, for a known setting, with allowed values, in order."""
    if len(changes) > MAX_STEP_CHANGES:
        raise _too_many("step_changes", len(changes), MAX_STEP_CHANGES)
    previous = (0, 0)
    for i, change in enumerate(changes):
        where = f"step_changes[{i}]"
        _check_fields(check_type(change, "an object", where), _STEP_FIELDS, where)
        epoch, batch, setting = change["epoch"], change["batch"], change["setting"]
        if epoch < 0 or batch < 0:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} epoch and batch must be zero or positive, "
                                                                "got epoch {epoch}, batch {batch}").fill(
                where=where, epoch=epoch, batch=batch))
        if setting not in _STEP_RANGES:
            raise _unknown(QT_TRANSLATE_NOOP("ModelFile", "{where} setting {name!r} is unknown; known: {known}"),
                           where, setting, STEP_SETTINGS)
        allowed, words = _STEP_RANGES[setting]
        for key in ("old", "new"):
            if not allowed(change[key]):
                raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where}: {setting} must be {words}, got "
                                                                    "{value}").fill(
                    where=_field(where, key), setting=setting, words=words, value=change[key]))
        if (epoch, batch) < previous:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} (epoch {epoch}, batch {batch}) comes before "
                                                                "the change above it (epoch {previous_epoch}, batch "
                                                                "{previous_batch}); changes must be in the order they "
                                                                "took effect").fill(
                where=where, epoch=epoch, batch=batch, previous_epoch=previous[0], previous_batch=previous[1]))
        previous = (epoch, batch)


def _check_mistakes(mistakes: list) -> None:
    """Names of the learning lab's deliberate mistakes: short non-empty strings, each once. Whether this
    digitpad knows them is for the one who installs them to say (the window, through the lab)."""
    if len(mistakes) > _MAX_MISTAKES:
        raise _too_many("mistakes", len(mistakes), _MAX_MISTAKES)
    for i, name in enumerate(mistakes):
        check_type(name, "a string", f"mistakes[{i}]")
        if not 0 < len(name) <= _MAX_MISTAKE_NAME:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "mistakes[{i}] must be a name of 1 to {limit} "
                                                                "characters, got {length:,} characters").fill(
                i=i, limit=_MAX_MISTAKE_NAME, length=len(name)))
        if name in mistakes[:i]:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "mistakes[{i}] {name!r} is listed twice").fill(
                i=i, name=name))


def unit_edits(model: Model) -> list[dict]:
    """The network's switched-off and scaled hidden units as ``edits`` entries, layer by layer."""
    return [{"kind": "unit", "layer": layer, "unit": int(unit), "gain": float(gains[unit])}
            for layer, gains in sorted(model.network.gains.items()) for unit in np.flatnonzero(gains != 1)]


def _check_edits(edits: list, spec: NetworkSpec) -> None:
    """Each edit is a unit of a hidden layer the network has, each unit at most once, or a step with a label the
    network can take and a positive learning rate."""
    hidden = spec.sizes[1:-1]
    if len(edits) > sum(hidden) + _MAX_HAND_STEPS:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "edits has {count:,} entries; at most one per hidden unit "
                                                            "and {limit:,} steps are allowed").fill(
            count=len(edits), limit=_MAX_HAND_STEPS))
    units = set()
    n_classes = 10 if spec.is_regression else spec.sizes[-1]
    for i, edit in enumerate(edits):
        where = f"edits[{i}]"
        kind = check_type(check_type(edit, "an object", where).get("kind"), "a string", _field(where, "kind"))
        if kind not in _EDIT_FIELDS:
            raise _unknown(QT_TRANSLATE_NOOP("ModelFile", "{where} kind {name!r} is unknown; known: {known}"),
                           where, kind, _EDIT_FIELDS)
        _check_fields(edit, _EDIT_FIELDS[kind], where)
        if kind == "step":
            if not 0 <= edit["label"] < n_classes or edit["lr"] <= 0:
                raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} needs a label from 0 to {last} and a "
                                                                    "positive lr, got label {label}, lr {lr}").fill(
                    where=where, last=n_classes - 1, label=edit["label"], lr=edit["lr"]))
            continue
        layer, unit = edit["layer"], edit["unit"]
        if not 1 <= layer <= len(hidden) or not 0 <= unit < hidden[layer - 1]:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} names unit {unit} of hidden layer {layer}, "
                                                                "which the network {sizes} does not have").fill(
                where=where, unit=unit, layer=layer, sizes=str(list(spec.sizes))))
        if (layer, unit) in units:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "{where} edits unit {unit} of hidden layer {layer} a "
                                                                "second time").fill(
                where=where, unit=unit, layer=layer))
        units.add((layer, unit))


def _check_spec(network: dict) -> NetworkSpec:
    _check_fields(network, _SPEC_FIELDS, "network")
    sizes = network["sizes"]
    if len(sizes) - 2 > MAX_HIDDEN_LAYERS:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "network sizes have {count:,} hidden layers; at most "
                                                            "{limit} are allowed").fill(
            count=len(sizes) - 2, limit=MAX_HIDDEN_LAYERS))
    for size in sizes:
        if check_type(size, "an integer", QT_TRANSLATE_NOOP("ModelFile", "each of network sizes")) < 1:
            raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "network sizes must be positive, got {sizes}").fill(
                sizes=str(sizes)))
    if any(size > MAX_UNITS for size in sizes):
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "network sizes {sizes} have a layer over {limit:,} "
                                                            "units").fill(sizes=str(sizes), limit=MAX_UNITS))
    n_params = sum(a * b + b * network["bias"] for a, b in pairwise(sizes))
    if n_params > MAX_PARAMETERS:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "network sizes {sizes} need {count:,} parameters, over "
                                                            "the {limit:,} allowed").fill(
            sizes=str(sizes), count=n_params, limit=MAX_PARAMETERS))
    try:
        return NetworkSpec(**network | {"sizes": tuple(sizes)})
    except ConfigError as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "network: {error}").fill(error=e.text)) from e


def _check_input(meta: dict, n_inputs: int) -> None:
    preprocessing = meta["preprocessing"]
    if preprocessing not in PREPROCESSINGS:
        raise _unknown(QT_TRANSLATE_NOOP("ModelFile", "{where} {name!r} is unknown; known: {known}"),
                       "preprocessing", preprocessing, PREPROCESSINGS)
    shape = meta["input_shape"]
    for n in shape:
        check_type(n, "an integer", QT_TRANSLATE_NOOP("ModelFile", "each of input_shape"))
    if shape != list(PREPROCESSINGS[preprocessing].input_shape):
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "input_shape {shape} does not match preprocessing {name!r} "
                                                            "(needs {needed})").fill(
            shape=str(shape), name=preprocessing, needed=str(list(PREPROCESSINGS[preprocessing].input_shape))))
    if math.prod(shape) != n_inputs:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "input_shape {shape} has {pixels} pixels; the network "
                                                            "takes {inputs} inputs").fill(
            shape=str(shape), pixels=math.prod(shape), inputs=n_inputs))
    if meta["input_scale"] <= 0:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "input_scale must be positive, got {value}").fill(
            value=meta["input_scale"]))


def _unknown(template: Template, where: Message, name: str, known: object) -> ModelFileError:
    """``template`` (fields where, name, known) for a name that is none of ``known``'s keys."""
    return ModelFileError(template.fill(where=where, name=name, known=", ".join(known)))


def _check_number_or_null(value: object, where: Message) -> None:
    if value is not None:
        check_type(value, "a finite number", where)


def check_class_names(names: list, n_classes: int) -> None:
    if len(names) != n_classes or not all(isinstance(n, str) for n in names):
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "class_names must be {count} strings, one per class, got "
                                                            "{names}").fill(count=n_classes, names=str(names)))


def check_array(name: str, array: np.ndarray, shape: tuple, dtype: np.dtype) -> np.ndarray:
    # Any byte order of the right float width is fine; set_weights converts it.
    if array.dtype.kind != "f" or array.dtype.itemsize != np.dtype(dtype).itemsize:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "array {name} has dtype {dtype}, expected "
                                                            "{expected}").fill(
            name=name, dtype=str(array.dtype), expected=str(np.dtype(dtype))))
    if array.shape != shape:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "array {name} has shape {shape}, expected "
                                                            "{expected}").fill(
            name=name, shape=str(array.shape), expected=str(shape)))
    if not np.isfinite(array).all():
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFile", "array {name} contains NaN or infinite values").fill(
            name=name))
    return array
