"""Every choice a user makes before pressing Train, as the CLI's flags and the window's form offer them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from itertools import pairwise

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.model.metadata import MAX_HIDDEN_LAYERS
from digitpad.nn.losses import HEADS
from digitpad.nn.network import MAX_PARAMETERS, MAX_UNITS, NetworkSpec
from digitpad.training.config import TrainConfig

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
            raise ConfigError(QT_TRANSLATE_NOOP("RunSettings", "unknown output + loss {head!r}; choose one of {names}")
                              .fill(head=self.head, names=", ".join(HEAD_NAMES)), "head")
        output, loss = self.head.split("+")
        if self.regression and loss != "mse":
            raise ConfigError(QT_TRANSLATE_NOOP("RunSettings", "a regression on label/10 needs the mean squared "
                                                "error loss"), "head")
        out = 1 if self.regression else n_classes
        sizes = (n_inputs, *parse_hidden(self.hidden), out)
        n_params = sum(a * b + b for a, b in pairwise(sizes))
        if n_params > MAX_PARAMETERS:
            raise ConfigError(QT_TRANSLATE_NOOP("RunSettings", "this network would have {n_params:,} parameters; at "
                                                "most {max_params:,} fit in memory comfortably")
                              .fill(n_params=n_params, max_params=MAX_PARAMETERS), "hidden")
        try:
            return NetworkSpec(sizes, self.activation, output, loss,
                               self.init, self.bias, "sum" if self.sum_gradient else "mean",
                               "float64" if self.float64 else "float32")
        except ConfigError as exc:
            raise ConfigError(exc.text, exc.field or "hidden") from None

    def validate(self) -> None:
        """Raise ConfigError (with its ``field``) for the first setting that does not make sense."""
        if self.subset < 0:
            raise ConfigError(QT_TRANSLATE_NOOP("RunSettings", "subset must be 0 (all) or a positive number of images, "
                                                "got {subset}").fill(subset=self.subset), "subset")
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

    Raises ConfigError for anything but positive whole numbers, and for more
    hidden layers than a model file may hold (MAX_HIDDEN_LAYERS).
    """
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if len(parts) > MAX_HIDDEN_LAYERS:
        raise ConfigError(QT_TRANSLATE_NOOP("RunSettings", "{count:,} hidden layers are too many (at most {limit})")
                          .fill(count=len(parts), limit=MAX_HIDDEN_LAYERS), "hidden")
    sizes = []
    for part in parts:
        if not (part.isascii() and part.isdigit()) or int(part) < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("RunSettings", "hidden layers must be positive whole numbers "
                                                "separated by commas, e.g. 256,128; got {part!r}").fill(part=part),
                              "hidden")
        if int(part) > MAX_UNITS:
            raise ConfigError(QT_TRANSLATE_NOOP("RunSettings", "a hidden layer of {units} units is too large (at most "
                                                "{limit})").fill(units=part, limit=MAX_UNITS), "hidden")
        sizes.append(int(part))
    return tuple(sizes)
