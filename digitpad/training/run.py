"""Glue shared by the CLI and the GUI: settings in, a trained Model out."""

from __future__ import annotations

import numpy as np

from digitpad.data.dataset import Dataset, stratified_split
from digitpad.errors import ConfigError, DataError
from digitpad.nn.model_file import Model
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.training.trainer import TrainResult, input_scale

MAX_UNITS = 100_000


def parse_hidden(text: str) -> tuple[int, ...]:
    """``"256,128"`` → ``(256, 128)``; empty means no hidden layer.

    Raises ConfigError for anything but positive whole numbers.
    """
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    sizes = []
    for part in parts:
        if not part.isdigit() or int(part) < 1:
            raise ConfigError(f"hidden layers must be positive whole numbers separated by commas, e.g. 256,128; got {part!r}")
        if int(part) > MAX_UNITS:
            raise ConfigError(f"a hidden layer of {part} units is too large (at most {MAX_UNITS})")
        sizes.append(int(part))
    return tuple(sizes)


def split_validation(data: Dataset, share: float, seed: int) -> tuple[Dataset, Dataset | None]:
    """A stratified (train, validation) split; validation is None when ``share`` is 0."""
    if len(data) == 0:
        raise DataError(f"{data.name} holds no images")
    if share == 0:
        return data, None
    train_rows, val_rows = stratified_split(data.labels, share, np.random.default_rng([seed, 1]))
    if len(train_rows) == 0 or len(val_rows) == 0:
        raise ConfigError(f"{len(data)} images are too few to split off a {share:.0%} validation share")
    return data.subset(train_rows), data.subset(val_rows)


def preprocessing_for(data: Dataset) -> str:
    """The preprocessing id a drawing needs to look like this dataset's images."""
    return "digits-8x8" if data.image_shape == (8, 8) else "mnist-28"


def to_model(network: MLP, data: Dataset, config: TrainConfig, result: TrainResult | None,
             metrics: dict[str, float] | None = None, name: str = "") -> Model:
    """Wrap a trained network with everything needed to use and reproduce it."""
    return Model(network=network, input_shape=data.image_shape, preprocessing=preprocessing_for(data),
                 input_scale=input_scale(data, config), class_names=data.class_names, dataset=data.name,
                 hyperparameters=config.to_dict(), history=dict(result.history) if result else {},
                 metrics=dict(metrics or {}), name=name)


def make_spec(n_inputs: int, hidden: tuple[int, ...], n_classes: int, regression: bool = False,
              **options) -> NetworkSpec:
    """A NetworkSpec with one output per class, or one output for a regression on label/10."""
    if regression and options.get("loss") != "mse":
        raise ConfigError("a regression on label/10 needs the mean squared error loss")
    return NetworkSpec((n_inputs, *hidden, 1 if regression else n_classes), **options)
