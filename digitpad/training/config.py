"""Training settings, validated before a run starts."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.nn.optim import OPTIMIZERS, SCHEDULES

# Pixels of a 28×28 image; more would push most of a digit off it. Like the shift, the limit scales with the
# image (digitpad.data.augment.scaled_shift): 2 pixels on the 8×8 digits.
MAX_SHIFT = 8

# Far beyond any sensible step, yet still finite in float32 (so a run can diverge, not fail to start).
MAX_LR = 1e30


@dataclass(frozen=True)
class TrainConfig:
    """How to train. ``batch_size = 0`` means full-batch gradient descent.

    ``scale_inputs`` divides pixel values by the dataset's maximum (255, or 16
    for the 8×8 digits) so inputs lie in [0, 1]; turning it off feeds raw
    values, one of the classic reasons a net does not learn. ``shift`` moves
    each training image by a random offset of up to that many pixels on each
    axis, drawn anew every epoch (augmentation; 0 turns it off). It counts
    pixels of a 28×28 image and is scaled down for smaller ones (see
    :func:`digitpad.data.augment.scaled_shift`).
    """

    epochs: int = 10
    batch_size: int = 128
    optimizer: str = "momentum"
    lr: float = 0.05
    momentum: float = 0.9
    weight_decay: float = 0.0
    schedule: str = "cosine"
    seed: int = 0
    validation: float = 0.1
    scale_inputs: bool = True
    shift: int = 0

    def validate(self, n_train: int | None = None) -> None:
        """Raise ConfigError naming the first bad setting."""
        if self.epochs < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "epochs must be at least 1, got {epochs}")
                              .fill(epochs=self.epochs), "epochs")
        if self.batch_size < 0:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "batch size must be positive (or 0 for full batch), "
                                                "got {batch_size}").fill(batch_size=self.batch_size), "batch_size")
        if n_train == 0:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "there are no training images"), "subset")
        if n_train is not None and self.batch_size > n_train:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "batch size {batch_size} is larger than the {n_train} "
                                                "training images").fill(batch_size=self.batch_size, n_train=n_train),
                              "batch_size")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "unknown optimizer {optimizer!r}; choose one of {names}")
                              .fill(optimizer=self.optimizer, names=", ".join(OPTIMIZERS)), "optimizer")
        if not (math.isfinite(self.lr) and 0 < self.lr <= MAX_LR):
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "learning rate must be a positive number up to "
                                                "{max_lr:g}, got {lr}").fill(max_lr=MAX_LR, lr=self.lr), "lr")
        if not 0 <= self.momentum < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "momentum must be in [0, 1), got {momentum}")
                              .fill(momentum=self.momentum), "momentum")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "weight decay must be zero or positive, got "
                                                "{weight_decay}").fill(weight_decay=self.weight_decay), "weight_decay")
        if self.schedule not in SCHEDULES:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "unknown schedule {schedule!r}; choose one of {names}")
                              .fill(schedule=self.schedule, names=", ".join(SCHEDULES)), "schedule")
        if self.seed < 0:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "seed must be zero or a positive whole number, got "
                                                "{seed}").fill(seed=self.seed), "seed")
        if not 0 <= self.shift <= MAX_SHIFT:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "random shift must be 0 to {max_shift} pixels (of a "
                                                "28×28 image), got {shift}")
                              .fill(max_shift=MAX_SHIFT, shift=self.shift), "shift")
        if not 0 <= self.validation < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("TrainConfig", "validation share must be in [0, 1), got {validation}")
                              .fill(validation=self.validation), "validation")

    def to_dict(self) -> dict:
        return asdict(self)
