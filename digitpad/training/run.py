"""Glue shared by the CLI and the GUI: settings in, a trained Model out."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np

from digitpad.data.dataset import Dataset, stratified_split
from digitpad.errors import ConfigError, DataError
from digitpad.nn.losses import HEADS
from digitpad.nn.model_file import Model
from digitpad.nn.network import NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.training.trainer import TrainResult, input_scale

MAX_UNITS = 100_000
MAX_PARAMETERS = 50_000_000  # ~200 MB of float32 weights, plus as much again for gradients and optimizer state
HEAD_NAMES = tuple(f"{output}+{loss}" for output, loss in HEADS)


@dataclass(frozen=True)
class RunSettings:
    """Every choice a user makes before pressing Train, as the CLI and the GUI offer them.

    ``dataset`` is a dataset name (mnist, fashion, digits8x8) or a CSV/IDX
    file path; ``subset`` 0 means every training image; ``batch_size`` 0
    means full batch; ``head`` is "output+loss", e.g. "softmax+cross_entropy".
    """

    dataset: str = "mnist"
    subset: int = 0
    validation: float = TrainConfig.validation
    hidden: str = "256,128"
    activation: str = "relu"
    head: str = "softmax+cross_entropy"
    regression: bool = False
    init: str = "he"
    bias: bool = True
    sum_gradient: bool = False
    scale_inputs: bool = TrainConfig.scale_inputs
    float64: bool = False
    optimizer: str = TrainConfig.optimizer
    lr: float = TrainConfig.lr
    momentum: float = TrainConfig.momentum
    weight_decay: float = TrainConfig.weight_decay
    schedule: str = TrainConfig.schedule
    batch_size: int = TrainConfig.batch_size
    epochs: int = TrainConfig.epochs
    seed: int = TrainConfig.seed
    shift: int = TrainConfig.shift

    def config(self) -> TrainConfig:
        """The TrainConfig part, validated."""
        config = TrainConfig(epochs=self.epochs, batch_size=self.batch_size, optimizer=self.optimizer, lr=self.lr,
                             momentum=self.momentum, weight_decay=self.weight_decay, schedule=self.schedule,
                             seed=self.seed, validation=self.validation, scale_inputs=self.scale_inputs,
                             shift=self.shift)
        config.validate()
        return config

    def spec(self, n_inputs: int, n_classes: int) -> NetworkSpec:
        """The network for data with ``n_inputs`` pixels and ``n_classes`` classes."""
        if self.head not in HEAD_NAMES:
            raise ConfigError(f"unknown output + loss {self.head!r}; choose one of {', '.join(HEAD_NAMES)}", "head")
        output, loss = self.head.split("+")
        if self.regression and loss != "mse":
            raise ConfigError("a regression on label/10 needs the mean squared error loss", "head")
        out = 1 if self.regression else n_classes
        sizes = (n_inputs, *parse_hidden(self.hidden), out)
        n_params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
        if n_params > MAX_PARAMETERS:
            raise ConfigError(f"this network would have {n_params:,} parameters; at most {MAX_PARAMETERS:,} "
                              "fit in memory comfortably", "hidden")
        try:
            return NetworkSpec(sizes, self.activation, output, loss,
                               self.init, self.bias, "sum" if self.sum_gradient else "mean",
                               "float64" if self.float64 else "float32")
        except ConfigError as exc:
            raise ConfigError(str(exc), exc.field or "hidden") from None

    def validate(self) -> None:
        """Raise ConfigError (with its ``field``) for the first setting that does not make sense."""
        if self.subset < 0:
            raise ConfigError(f"subset must be 0 (all) or a positive number of images, got {self.subset}", "subset")
        self.config()
        self.spec(784, 10)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> RunSettings:
        """Settings from a dict, ignoring unknown keys (e.g. from an older version's settings)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


def parse_hidden(text: str) -> tuple[int, ...]:
    """``"256,128"`` → ``(256, 128)``; empty means no hidden layer.

    Raises ConfigError for anything but positive whole numbers.
    """
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    sizes = []
    for part in parts:
        if not (part.isascii() and part.isdigit()) or int(part) < 1:
            raise ConfigError("hidden layers must be positive whole numbers separated by commas, "
                              f"e.g. 256,128; got {part!r}", "hidden")
        if int(part) > MAX_UNITS:
            raise ConfigError(f"a hidden layer of {part} units is too large (at most {MAX_UNITS})", "hidden")
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
        raise ConfigError(f"{len(data)} images are too few to split off a {share:.1%} validation share", "validation")
    return data.subset(train_rows), data.subset(val_rows)


def preprocessing_for(data: Dataset) -> str:
    """The preprocessing id a drawing needs to look like this dataset's images."""
    return "digits-8x8" if data.image_shape == (8, 8) else "mnist-28"


def to_model(network, data: Dataset, settings: RunSettings, result: TrainResult | None,
             metrics: dict[str, float] | None = None, name: str = "") -> Model:
    """Wrap a trained network with everything needed to use and reproduce it."""
    return Model(network=network, input_shape=data.image_shape, preprocessing=preprocessing_for(data),
                 input_scale=input_scale(data, settings.config()), class_names=data.class_names,
                 dataset=data.name, hyperparameters=settings.to_dict(),
                 history=dict(result.history) if result else {}, metrics=dict(metrics or {}), name=name)
