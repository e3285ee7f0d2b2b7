"""Model files: round trip, atomic saves, and every way loading refuses a bad file."""

from __future__ import annotations

import errno
import io
import json
import math
import os
import zipfile
from datetime import datetime

import numpy as np
import pytest
from support.models import make_model, parts, refused

from digitpad import __version__
from digitpad.common.errors import ModelFileError
from digitpad.lab.mistakes import SoftmaxDerivativeHead, apply_mistakes
from digitpad.model import files as model_file
from digitpad.model.files import load_model, save_model
from digitpad.nn.network import NetworkSpec


def write(path, meta: dict | str | bytes, arrays: dict[str, np.ndarray]):
    text = meta if isinstance(meta, (str, bytes)) else json.dumps(meta)
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    np.savez(path, metadata=np.frombuffer(raw, dtype=np.uint8), **arrays)
    return path


# -- round trip -------------------------------------------------------------
@pytest.mark.parametrize("spec", [
    NetworkSpec((64, 16, 10), activation="tanh"),
    NetworkSpec((64, 16, 8, 10), dtype="float64", init="glorot"),
    NetworkSpec((64, 16, 1), output="identity", loss="mse", bias=False, reduction="sum"),
], ids=["float32", "float64", "regression-no-bias"])
def test_round_trip_keeps_predictions_bit_identical_and_every_field(tmp_path, spec):
    model = make_model(spec)
    save_model(tmp_path / "m.npz", model)
    back = load_model(tmp_path / "m.npz")
    x = np.random.default_rng(0).uniform(0, 1, size=(50, 64))
    assert np.array_equal(back.network.predict_proba(x), model.network.predict_proba(x))
    assert back.network.spec == model.network.spec
    weights = back.network.get_weights()
    assert weights.keys() == model.network.get_weights().keys()
    assert all(w.dtype == np.dtype(spec.dtype) for w in weights.values())
    for name in ("input_shape", "preprocessing", "input_scale", "class_names", "dataset",
                 "hyperparameters", "history", "metrics", "name", "created", "app_version", "step_changes"):
        assert getattr(back, name) == getattr(model, name), name


def test_save_fills_created_and_app_version_but_keeps_a_given_time(tmp_path):
    model = make_model()
    save_model(tmp_path / "a.npz", model)
    assert datetime.fromisoformat(model.created).utcoffset().total_seconds() == 0
    assert model.app_version == __version__
    old = make_model(created="2020-01-02T03:04:05+00:00", app_version="0.0.1")
    save_model(tmp_path / "b.npz", old)
    back = load_model(tmp_path / "b.npz")
    assert (back.created, back.app_version) == ("2020-01-02T03:04:05+00:00", __version__)


def test_numpy_scalars_and_non_finite_curves_are_stored_as_plain_json(tmp_path):
    model = make_model(hyperparameters={"seed": np.int64(3), "lr": np.float32(0.5)},
                       history={"train_loss": [2.0, float("nan"), float("inf")]},
                       metrics={"test_loss": float("nan")})
    save_model(tmp_path / "m.npz", model)
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        text = bytes(npz["metadata"]).decode("utf-8")
    assert "NaN" not in text and "Infinity" not in text
    back = load_model(tmp_path / "m.npz")
    assert back.hyperparameters == {"seed": 3, "lr": 0.5}
    assert back.history["train_loss"][0] == 2.0 and all(map(math.isnan, back.history["train_loss"][1:]))
    assert math.isnan(back.metrics["test_loss"])


def test_summary_names_what_a_user_needs():
    text = make_model().summary()
    for word in ("tiny", "MLP(64→16 tanh→10 softmax)", "1,210 parameters", "digits",
                 "optimizer=adam", "lr=0.001", "test_accuracy 0.9", "2 epochs"):
        assert word in text, text


# -- saving safely ----------------------------------------------------------
def test_save_refuses_non_finite_weights_and_writes_nothing(tmp_path):
    model = make_model()
    model.network.dense_layers[1].params["W"][0, 0] = np.nan
    with pytest.raises(ModelFileError, match="W1.*NaN"):
        save_model(tmp_path / "m.npz", model)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("changes, word", [
    ({"class_names": ("a", "b")}, "class_names"),
    ({"preprocessing": "mnist-28", "input_shape": (28, 28)}, "784"),
    ({"input_scale": float("nan")}, "input_scale"),
    ({"hyperparameters": {"lr": float("inf")}}, "hyperparameter"),
    ({"hyperparameters": {"optimizer": object()}}, "object"),
])
def test_save_refuses_metadata_that_would_not_load(tmp_path, changes, word):
    with pytest.raises(ModelFileError, match=word):
        save_model(tmp_path / "m.npz", make_model(**changes))
    assert list(tmp_path.iterdir()) == []


def test_failure_mid_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "m.npz"
    save_model(path, make_model())
    before = path.read_bytes()
    real_write = np.lib.format.write_array

    def write_then_crash(fp, array, *args, **kwargs):
        real_write(fp, array, *args, **kwargs)
        raise RuntimeError("crash mid-write")

    monkeypatch.setattr(np.lib.format, "write_array", write_then_crash)
    with pytest.raises(RuntimeError, match="crash mid-write"):
        save_model(path, make_model(name="other"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]


def test_the_file_is_the_npz_np_savez_writes_and_np_load_reads(tmp_path):
    model = make_model()
    save_model(tmp_path / "m.npz", model)
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        ours = {name: npz[name] for name in npz.files}
    np.savez(tmp_path / "savez.npz", **ours)
    with zipfile.ZipFile(tmp_path / "m.npz") as mine, zipfile.ZipFile(tmp_path / "savez.npz") as theirs:
        assert [(i.filename, i.compress_type) for i in mine.infolist()] == \
               [(i.filename, i.compress_type) for i in theirs.infolist()]
        assert all(mine.read(name) == theirs.read(name) for name in theirs.namelist())
    assert sorted(ours) == sorted([*model.network.get_weights(), "metadata"])


def test_disk_full_becomes_model_file_error_and_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "m.npz"
    save_model(path, make_model())
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ModelFileError, match=os.strerror(errno.ENOSPC)):
        save_model(path, make_model(name="other"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]


def test_saving_into_a_missing_folder_is_a_model_file_error(tmp_path):
    with pytest.raises(ModelFileError, match="cannot save"):
        save_model(tmp_path / "nope" / "m.npz", make_model())


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_saved_file_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        save_model(tmp_path / "m.npz", make_model())
    finally:
        os.umask(umask)
    assert (tmp_path / "m.npz").stat().st_mode & 0o777 == 0o644


# -- refusing bad metadata --------------------------------------------------
def _set(path: str, value):
    def edit(meta):
        *keys, last = path.split(".")
        target = meta
        for key in keys:
            target = target[key]
        target[last] = value
    return edit


def _drop(key: str):
    return lambda meta: meta.pop(key)


@pytest.mark.parametrize("edit, words", [
    (_drop("format_version"), ["format_version", "1"]),
    (_set("format_version", 5), ["format_version 5", "reads versions 1, 2, 3, 4"]),
    (_set("format_version", "1"), ["format_version"]),
    (_set("format_version", True), ["format_version"]),
    (_drop("name"), ["lacks", "name"]),
    (_set("colour", "blue"), ["unknown", "colour"]),
    (_drop("hyperparameters"), ["hyperparameters"]),
    (_set("hyperparameters", [1, 2]), ["hyperparameters", "an object"]),
    (_set("network", [64, 16, 10]), ["network"]),
    (lambda m: m["network"].pop("loss"), ["network", "loss"]),
    (_set("network.depth", 3), ["network", "depth"]),
    (_set("network.sizes", "64,16,10"), ["sizes", "a list"]),
    (_set("network.sizes", [64, 0, 10]), ["sizes", "positive"]),
    (_set("network.sizes", [64, 16.5, 10]), ["sizes", "an integer"]),
    (_set("network.sizes", [64, True, 10]), ["sizes", "an integer"]),
    (_set("network.sizes", [64]), ["network", "two or more"]),
    (_set("network.activation", "swish"), ["network", "swish"]),
    (_set("network.bias", "yes"), ["bias"]),
    (_set("network.dtype", "float16"), ["float16"]),
    (_set("network.sizes", [64, 200_000, 10]), ["100,000 units"]),
    (_set("network.sizes", [64, 90_000, 90_000, 10]), ["50,000,000"]),
    (_set("class_names", list("012")), ["class_names", "10 strings"]),
    (_set("class_names", list(range(10))), ["class_names"]),
    (_set("class_names", "0123456789"), ["class_names", "a list"]),
    (_set("preprocessing", "cifar"), ["preprocessing", "cifar"]),
    (_set("input_shape", [8, 9]), ["input_shape", "[8, 9]"]),
    (lambda m: m.update(preprocessing="mnist-28", input_shape=[28, 28]), ["784", "64 inputs"]),
    (_set("input_scale", 0), ["input_scale"]),
    (_set("input_scale", -1.0), ["input_scale"]),
    (_set("input_scale", "1/16"), ["input_scale", "a finite number"]),
    (_set("input_scale", 10**400), ["input_scale", "a finite number"]),
    (_set("input_shape", [8.0, 8.0]), ["input_shape", "an integer"]),
    (_set("history", {"train_loss": "low"}), ["history", "train_loss"]),
    (_set("history", {"train_loss": [1.0, "x"]}), ["history", "train_loss"]),
    (_set("history", {"train_loss": [1.0, 10**400]}), ["history", "train_loss"]),
    (_set("metrics", {"test_accuracy": "high"}), ["metric", "test_accuracy"]),
    (_set("created", "yesterday"), ["created", "yesterday"]),
    (_set("dataset", None), ["dataset"]),
    (_set("hyperparameters", {f"k{i}": i for i in range(1001)}), ["hyperparameters", "1,001 entries"]),
    (_set("history", {"train_loss": [0.5] * 100_001}), ["history", "train_loss", "100,001 values"]),
    (_set("name", "x" * 10_001), ["name", "10,001 characters"]),
    (_set("hyperparameters", {"hidden": "1," * 6000}), ["hyperparameter 'hidden'", "12,000 characters"]),
    (_set("hyperparameters", {"deep": json.loads("[" * 17 + "]" * 17)}), ["nests", "more than 16 deep"]),
    (_set("network.sizes", [64] + [1] * 65 + [10]), ["65 hidden layers", "at most 64"]),
    (_set("network.sizes", [64] + [1] * 100_000 + [10]), ["100,000 hidden layers", "at most 64"]),
])
def test_bad_metadata_is_refused_with_the_reason(tmp_path, edit, words):
    meta, arrays = parts(tmp_path)
    edit(meta)
    refused(write(tmp_path / "bad.npz", meta, arrays), *words)


# -- step changes (format version 2) ---------------------------------------
CHANGES = [{"epoch": 0, "batch": 7, "setting": "lr", "old": 0.05, "new": 0.1 / 3},
           {"epoch": 0, "batch": 7, "setting": "momentum", "old": 0.0, "new": 0.9},
           {"epoch": 3, "batch": 0, "setting": "weight_decay", "old": 0.0, "new": 1e-4},
           {"epoch": 3, "batch": 12, "setting": "lr", "old": 0.1 / 3, "new": 5e-300}]


def test_step_changes_round_trip_exactly(tmp_path):
    model = make_model(step_changes=[dict(c) for c in CHANGES])
    save_model(tmp_path / "m.npz", model)
    back = load_model(tmp_path / "m.npz")
    assert back.step_changes == CHANGES
    assert all(type(c["epoch"]) is int and type(c["new"]) is float for c in back.step_changes)
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        meta = json.loads(bytes(npz["metadata"]))
    assert meta["format_version"] == 4 and meta["step_changes"] == CHANGES
    save_model(tmp_path / "none.npz", make_model())
    assert load_model(tmp_path / "none.npz").step_changes == []


def test_a_version_1_file_still_loads_with_no_step_changes(tmp_path):
    meta, arrays = parts(tmp_path)
    del meta["step_changes"], meta["mistakes"], meta["edits"]
    meta["format_version"] = 1
    model = load_model(write(tmp_path / "v1.npz", meta, arrays))
    assert model.step_changes == [] and model.name == "tiny"
    assert np.array_equal(model.network.get_weights()["W0"], arrays["W0"])
    assert_field_came_with(2, "step_changes", meta, arrays, tmp_path)


def assert_field_came_with(version: int, field: str, meta: dict, arrays: dict, tmp_path) -> None:
    """Version ``version - 1`` (``meta``, without ``field``) never had ``field``; ``version`` always has it."""
    meta[field] = []
    refused(write(tmp_path / f"v{version - 1}_with.npz", meta, arrays), "unknown", field)
    meta["format_version"] = version
    del meta[field]
    refused(write(tmp_path / f"v{version}_without.npz", meta, arrays), "lacks", field)


def _change(**fields):
    return _set("step_changes", [dict(CHANGES[0], **fields)])


@pytest.mark.parametrize("edit, words", [
    (_set("step_changes", {"lr": 0.1}), ["step_changes", "a list"]),
    (_set("step_changes", [[0, 7, "lr", 0.05, 0.01]]), ["step_changes[0]", "an object"]),
    (_set("step_changes", [{"epoch": 0, "batch": 7, "setting": "lr", "old": 0.05}]),
     ["step_changes[0]", "lacks", "new"]),
    (_change(when="now"), ["step_changes[0]", "unknown", "when"]),
    (_change(epoch=1.5), ["step_changes[0]", "'epoch'", "an integer"]),
    (_change(batch=True), ["step_changes[0]", "'batch'", "an integer"]),
    (_change(epoch=-1), ["step_changes[0]", "zero or positive"]),
    (_change(setting="batch_size"), ["step_changes[0]", "'batch_size'", "unknown", "lr, momentum, weight_decay"]),
    (_change(setting=3), ["step_changes[0]", "'setting'", "a string"]),
    (_change(new="0.1"), ["step_changes[0]", "'new'", "a finite number"]),
    (_change(new=None), ["step_changes[0]", "'new'", "a finite number"]),
    (_change(old=10**400), ["step_changes[0]", "'old'", "a finite number"]),
    (_change(new=0), ["step_changes[0]", "'new'", "lr must be positive"]),
    (_change(setting="momentum", new=1.0), ["step_changes[0]", "'new'", "momentum must be in [0, 1)"]),
    (_change(setting="weight_decay", old=-0.5), ["step_changes[0]", "'old'", "weight_decay must be zero or positive"]),
    (_set("step_changes", [CHANGES[2], CHANGES[0]]), ["step_changes[1]", "epoch 0, batch 7", "order"]),
    (_set("step_changes", [CHANGES[0]] * 10_001), ["step_changes", "10,001 entries", "10,000"]),
])
def test_a_malformed_step_changes_field_is_refused_with_the_reason(tmp_path, edit, words):
    meta, arrays = parts(tmp_path)
    edit(meta)
    refused(write(tmp_path / "bad.npz", meta, arrays), *words)


def test_a_non_finite_step_change_is_refused_at_save(tmp_path):
    with pytest.raises(ModelFileError, match=r"step_changes\[0\] field 'new' must be a finite number"):
        save_model(tmp_path / "m.npz", make_model(step_changes=[dict(CHANGES[0], new=float("nan"))]))
    assert list(tmp_path.iterdir()) == []


def test_copy_and_summary_handle_step_changes():
    model = make_model(step_changes=[dict(c) for c in CHANGES])
    twin = model.copy()
    twin.step_changes[0]["new"] = 0.5
    twin.step_changes.append(dict(CHANGES[3]))
    assert model.step_changes == CHANGES
    text = model.summary()
    assert "lr 0.05 → 0.0333333 from epoch 1 batch 8" in text and "weight_decay 0 → 0.0001 from epoch 4 batch 1" in text
    many = make_model(step_changes=[dict(CHANGES[0])] * 12).summary()
    assert "and 7 more" in many
    assert "changes   none" in make_model().summary()


# -- the lab's deliberate mistakes (format version 3) -----------------------
def test_mistakes_round_trip_and_older_files_have_none(tmp_path):
    save_model(tmp_path / "m.npz", make_model(mistakes=("softmax_derivative",)))
    assert load_model(tmp_path / "m.npz").mistakes == ("softmax_derivative",)
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        assert json.loads(bytes(npz["metadata"]))["mistakes"] == ["softmax_derivative"]
    meta, arrays = parts(tmp_path)
    assert meta["format_version"] == 4 and meta["mistakes"] == []
    del meta["mistakes"], meta["edits"]
    meta["format_version"] = 2
    model = load_model(write(tmp_path / "v2.npz", meta, arrays))
    assert model.mistakes == () and model.step_changes == [] and model.name == "tiny"
    assert_field_came_with(3, "mistakes", meta, arrays, tmp_path)


@pytest.mark.parametrize("edit, words", [
    (_set("mistakes", "softmax_derivative"), ["mistakes", "a list"]),
    (_set("mistakes", [3]), ["mistakes[0]", "a string"]),
    (_set("mistakes", [""]), ["mistakes[0]", "1 to 100 characters"]),
    (_set("mistakes", ["x" * 101]), ["mistakes[0]", "101 characters"]),
    (_set("mistakes", ["softmax_derivative"] * 2), ["mistakes[1]", "'softmax_derivative'", "twice"]),
    (_set("mistakes", [f"m{i}" for i in range(101)]), ["mistakes", "101 entries"]),
])
def test_a_malformed_mistakes_field_is_refused_with_the_reason(tmp_path, edit, words):
    meta, arrays = parts(tmp_path)
    edit(meta)
    refused(write(tmp_path / "bad.npz", meta, arrays), *words)


def test_an_unknown_mistake_name_loads_for_its_opener_to_judge():
    """The model layer cannot know the lab's names (it must not import the lab); the window refuses one it does
    not know (tests/test_lab_mistake_files.py), the command line evaluates and predicts as without it."""
    model = make_model(mistakes=("future_bug",))
    assert "future_bug: deliberate bugs from the learning lab" in model.summary()
    assert "mistakes" not in make_model().summary()


def test_copy_keeps_the_networks_head_and_its_mistakes():
    model = make_model(NetworkSpec((64, 16, 10)), mistakes=("softmax_derivative",))
    apply_mistakes(model.mistakes, model.network)
    twin = model.copy()
    assert type(twin.network.head) is SoftmaxDerivativeHead and twin.network.head is not model.network.head
    assert twin.mistakes == model.mistakes and twin.network.head.reduction == model.network.head.reduction


@pytest.mark.parametrize("text, word", [
    (b"\xff\xfe{}", "UTF-8"),
    ("{not json", "JSON"),
    ("[1, 2, 3]", "an object"),
    ("{}", "format_version"),
])
def test_unreadable_metadata_is_refused(tmp_path, text, word):
    _, arrays = parts(tmp_path)
    refused(write(tmp_path / "bad.npz", text, arrays), word)


@pytest.mark.parametrize("value, word", [("NaN", "NaN"), ("Infinity", "Infinity"), ("1e400", "input_scale")])
def test_non_finite_numbers_in_metadata_are_refused(tmp_path, value, word):
    meta, arrays = parts(tmp_path)
    text = json.dumps(meta).replace(json.dumps(meta["input_scale"]), value)
    refused(write(tmp_path / "bad.npz", text, arrays), word)


def test_metadata_nested_past_pythons_stack_is_refused_not_a_recursion_error(tmp_path):
    meta, arrays = parts(tmp_path)
    text = json.dumps(meta).replace('"seed": 7', '"seed": ' + "[" * 100_000 + "]" * 100_000)
    assert "bad.npz" in refused(write(tmp_path / "bad.npz", text, arrays), "more than 16 deep")


def test_sixty_four_hidden_layers_still_load(tmp_path):
    model = make_model(NetworkSpec((64, *[2] * 64, 10)))
    save_model(tmp_path / "deep.npz", model)
    assert load_model(tmp_path / "deep.npz").network.spec.sizes == (64, *[2] * 64, 10)


def test_missing_metadata_is_refused(tmp_path):
    _, arrays = parts(tmp_path)
    np.savez(tmp_path / "bad.npz", **arrays)
    refused(tmp_path / "bad.npz", "metadata")


def test_metadata_stored_as_a_string_array_is_refused(tmp_path):
    meta, arrays = parts(tmp_path)
    np.savez(tmp_path / "bad.npz", metadata=np.array(json.dumps(meta)), **arrays)
    refused(tmp_path / "bad.npz", "metadata", "uint8")


# -- refusing bad arrays ------------------------------------------------------
@pytest.mark.parametrize("edit, words", [
    (lambda a: a.pop("W1"), ["W1", "missing"]),
    (lambda a: a.update(W9=np.zeros(3, np.float32)), ["unexpected", "W9"]),
    (lambda a: a.update(W1=np.zeros((16, 9), np.float32)), ["W1", "shape (16, 9)", "(16, 10)"]),
    (lambda a: a.update(W1=a["W1"].astype(np.float64)), ["W1", "float64", "float32"]),
    (lambda a: a.update(b0=a["b0"].astype(np.int32)), ["b0", "int32"]),
    (lambda a: a["W1"].__setitem__((0, 0), np.nan), ["W1", "NaN"]),
    (lambda a: a["b0"].__setitem__(3, -np.inf), ["b0", "infinite"]),
    (lambda a: a.update(W0=np.zeros((1000, 1000), np.float32)), ["W0", "bytes"]),
])
def test_bad_weight_arrays_are_refused_with_their_name(tmp_path, edit, words):
    meta, arrays = parts(tmp_path)
    edit(arrays)
    refused(write(tmp_path / "bad.npz", meta, arrays), *words)


def test_big_endian_weights_of_the_right_width_are_accepted(tmp_path):
    meta, arrays = parts(tmp_path)
    arrays = {k: v.astype(">f4") for k, v in arrays.items()}
    model = load_model(write(tmp_path / "be.npz", meta, arrays))
    assert np.array_equal(model.network.get_weights()["W0"], arrays["W0"])


def _zip_with(path, members: dict[str, bytes], tmp_path):
    meta, arrays = parts(tmp_path)
    write(path, meta, arrays)
    with zipfile.ZipFile(path, "a") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


def test_a_pickled_object_array_is_never_loaded(tmp_path):
    meta, arrays = parts(tmp_path)
    del arrays["W1"]
    path = write(tmp_path / "bad.npz", meta, arrays)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("W1.npy", _npy(np.array([{"evil": 1}], dtype=object)))
    refused(path, "W1", "pickled")


def test_an_entry_escaping_the_folder_is_refused_and_nothing_is_written(tmp_path):
    folder = tmp_path / "models"
    folder.mkdir()
    path = _zip_with(folder / "bad.npz", {"../evil.npy": _npy(np.zeros(3))}, folder)
    refused(path, "unexpected", "../evil.npy")
    assert sorted(p.name for p in folder.iterdir()) == ["bad.npz", "good.npz"]
    assert not (tmp_path / "evil.npy").exists()


def test_an_entry_that_is_not_npy_is_refused(tmp_path):
    refused(_zip_with(tmp_path / "bad.npz", {"README": b"hi"}, tmp_path), "unexpected", "README")


# -- refusing files that are not models at all ---------------------------------
def test_garbage_empty_and_npy_files_are_refused(tmp_path):
    (tmp_path / "garbage.npz").write_bytes(b"\x80\x04not a model at all" * 10)
    (tmp_path / "empty.npz").write_bytes(b"")
    np.save(tmp_path / "single.npy", np.zeros(3))
    for name in ("garbage.npz", "empty.npz", "single.npy"):
        refused(tmp_path / name, name, ".npz")


def test_truncated_and_corrupted_files_are_refused(tmp_path):
    save_model(tmp_path / "m.npz", make_model())
    data = (tmp_path / "m.npz").read_bytes()
    (tmp_path / "short.npz").write_bytes(data[: len(data) // 2])
    refused(tmp_path / "short.npz", "short.npz")
    corrupted = bytearray(data)
    corrupted[len(data) // 3] ^= 0xFF  # a byte of W0's numbers: only the zip's CRC can tell
    (tmp_path / "flipped.npz").write_bytes(bytes(corrupted))
    refused(tmp_path / "flipped.npz", "flipped.npz", "W0", "damaged")


def test_missing_file_and_folder_are_refused(tmp_path):
    refused(tmp_path / "nothing.npz", "no such file")
    refused(tmp_path, str(tmp_path))


def test_limits_are_checked_before_building_the_network(tmp_path, monkeypatch):
    meta, arrays = parts(tmp_path)
    meta["network"]["sizes"] = [64, 99_999, 99_999, 10]
    monkeypatch.setattr(model_file, "MLP", lambda spec: pytest.fail("network was built"))
    refused(write(tmp_path / "bad.npz", meta, arrays), "parameters")


# -- hand edits: units switched off or scaled, steps on one drawing (format version 4) ---------------------
def test_edits_round_trip_and_older_files_have_none(tmp_path):
    model = make_model(hand_steps=[{"label": 7, "lr": 0.05}])
    model.network.set_unit_gain(1, 3, 0.0)
    model.network.set_unit_gain(1, 5, 1.5)
    assert model.edited and model.describe_edits() == "1 unit switched off, 1 unit scaled; 1 step on one drawing"
    assert "edits     1 unit switched off" in model.summary()
    save_model(tmp_path / "m.npz", model)
    back = load_model(tmp_path / "m.npz")
    assert back.edited and back.hand_steps == [{"label": 7, "lr": 0.05}]
    assert back.network.unit_gain(1, 3) == 0.0 and back.network.unit_gain(1, 5) == 1.5
    x = np.random.default_rng(0).random((3, 64)).astype(np.float32)
    np.testing.assert_array_equal(back.network.predict_proba(x), model.network.predict_proba(x))
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        assert json.loads(bytes(npz["metadata"]))["edits"] == [
            {"kind": "unit", "layer": 1, "unit": 3, "gain": 0.0}, {"kind": "unit", "layer": 1, "unit": 5, "gain": 1.5},
            {"kind": "step", "label": 7, "lr": 0.05}]
    meta, arrays = parts(tmp_path)
    assert meta["edits"] == [] and not make_model().edited and "edits" not in make_model().summary()
    del meta["edits"]
    meta["format_version"] = 3
    assert not load_model(write(tmp_path / "v3.npz", meta, arrays)).edited
    assert_field_came_with(4, "edits", meta, arrays, tmp_path)


def _unit(**fields):
    return _set("edits", [{"kind": "unit", "layer": 1, "unit": 0, "gain": 0.0} | fields])


@pytest.mark.parametrize("edit, words", [
    (_set("edits", {"kind": "unit"}), ["edits", "a list"]),
    (_set("edits", [3]), ["edits[0]", "an object"]),
    (_set("edits", [{"kind": "erase"}]), ["edits[0]", "'erase'", "unknown"]),
    (_unit(layer=2), ["edits[0]", "hidden layer 2", "does not have"]),
    (_unit(unit=16), ["edits[0]", "unit 16"]),
    (_unit(gain="off"), ["edits[0]", "gain", "a finite number"]),
    (_unit(extra=1), ["edits[0]", "unknown", "extra"]),
    (_set("edits", [{"kind": "unit", "layer": 1, "unit": 2, "gain": 0.0}] * 2), ["edits[1]", "second time"]),
    (_set("edits", [{"kind": "step", "label": 10, "lr": 0.1}]), ["edits[0]", "label from 0 to 9"]),
    (_set("edits", [{"kind": "step", "label": 1, "lr": -0.1}]), ["edits[0]", "positive lr"]),
])
def test_a_malformed_edits_field_is_refused_with_the_reason(tmp_path, edit, words):
    meta, arrays = parts(tmp_path)
    edit(meta)
    refused(write(tmp_path / "bad.npz", meta, arrays), *words)
