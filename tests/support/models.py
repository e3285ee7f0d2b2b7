"""Small model files to test with: a tiny model, the parts of a saved one to tamper with, a refused load."""

from __future__ import annotations

import json

import numpy as np
import pytest

from digitpad.common.errors import ModelFileError
from digitpad.model.bundle import Model
from digitpad.model.files import load_model, save_model
from digitpad.nn.network import MLP, NetworkSpec


def make_model(spec: NetworkSpec | None = None, **changes) -> Model:
    fields = dict(
        # seed 1: load_model builds its network from seed 0, so equal weights prove they were loaded.
        network=MLP(spec or NetworkSpec((64, 16, 10), activation="tanh"), seed=1),
        input_shape=(8, 8), preprocessing="digits-8x8", input_scale=1 / 16,
        class_names=tuple("0123456789"), dataset="digits",
        hyperparameters={"optimizer": "adam", "lr": 0.001, "batch": 32, "epochs": 2, "seed": 7},
        history={"train_loss": [1.5, 0.75], "val_accuracy": [0.5, 0.875]},
        metrics={"test_accuracy": 0.9}, name="tiny")
    return Model(**fields | changes)


def parts(tmp_path) -> tuple[dict, dict[str, np.ndarray]]:
    """The metadata and arrays of a freshly saved good model, ready to tamper with."""
    path = tmp_path / "good.npz"
    save_model(path, make_model())
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    return json.loads(bytes(arrays.pop("metadata"))), arrays


def refused(path, *words: str) -> str:
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    message = str(info.value)
    for word in words:
        assert word in message, message
    return message
