"""What a training run reports: the callbacks' hook points and the numbers they receive.

:class:`~digitpad.training.trainer.Trainer` calls a :class:`Callback`'s
hooks on the training thread with :class:`BatchStats` after each mini-batch,
:class:`EpochStats` after each epoch, a :class:`StepChange` when a change of
the learning rate, momentum or weight decay takes effect, a
:class:`TrainState` for callbacks that keep checkpoints, and the
:class:`TrainResult` at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from digitpad.common.text import Message, Text


@dataclass(frozen=True)
class BatchStats:
    epoch: int        # 0-based
    batch: int        # 0-based within the epoch
    n_batches: int
    loss: float
    lr: float
    elapsed: float    # seconds since the run started
    grad_norms: tuple[float, ...] = ()  # ‖∂L/∂W‖ of each dense layer, before the update


@dataclass(frozen=True)
class EpochStats:
    epoch: int        # 0-based
    epochs: int
    train_loss: float
    train_accuracy: float
    val_loss: float | None
    val_accuracy: float | None
    lr: float
    seconds: float    # this epoch's training time


@dataclass(frozen=True)
class StepChange:
    """A setting changed while the run trained: ``setting`` went from ``old`` to ``new``.

    ``epoch`` and ``batch`` (0-based) are those of the first mini-batch that
    used ``new``. ``setting`` is ``"lr"`` (the schedule's base learning rate),
    ``"momentum"`` or ``"weight_decay"``.
    """

    epoch: int
    batch: int
    setting: str
    old: float
    new: float


@dataclass
class TrainResult:
    status: str                  # "completed", "stopped" or "diverged"
    message: str
    epochs_done: int
    history: dict[str, list[float]] = field(default_factory=dict)
    batch_losses: list[float] = field(default_factory=list)
    seconds: float = 0.0
    # Changes made with Trainer.change_step, in the order they took effect. A diverged run keeps
    # those of the epochs whose weights it restored, like its history.
    step_changes: list[StepChange] = field(default_factory=list)
    # Validation loss and accuracy of the weights the run ends with (empty without validation data): for a run
    # stopped mid-epoch they are measured at the stop, not taken from the last full epoch.
    final_metrics: dict[str, float] = field(default_factory=dict)
    # (epoch, batches done in it), both counted from 1, when a stop came in the middle of an epoch.
    stopped_at: tuple[int, int] | None = None
    # ``message`` marked for translation, for the window ("": a result read back from a checkpoint, English only).
    text: Message = ""

    def say(self, text: Text) -> None:
        """Set the message: ``text`` for the window, its English words as ``message`` (the CLI, the run history)."""
        self.message, self.text = str(text), text

    def copy(self, **changes) -> TrainResult:
        """A copy with lists of its own (a checkpoint's result must not grow with the run), and ``changes``."""
        return replace(self, history={key: list(values) for key, values in self.history.items()},
                       batch_losses=list(self.batch_losses), step_changes=list(self.step_changes),
                       final_metrics=dict(self.final_metrics), **changes)


@dataclass(frozen=True)
class TrainState:
    """A run at the end of epoch ``epochs_done``: what it needs to go on exactly as if never interrupted.

    ``weights`` and ``optimizer`` (velocities or Adam's moments) are copies;
    ``rng`` is the shuffling generator's ``bit_generator.state``; ``step`` the
    learning rate, momentum and weight decay in effect, ``pending`` the changes
    asked for that the next batch will apply; ``result`` the history, batch
    losses and step changes so far (its ``seconds`` the training time so far).
    """

    epochs_done: int
    weights: dict[str, np.ndarray]
    optimizer: dict
    rng: dict
    step: dict[str, float]
    result: TrainResult
    pending: dict[str, float] = field(default_factory=dict)


class Callback:
    """Override the hooks you need; each is called on the training thread."""

    def on_step_change(self, change: StepChange) -> None:
        """A change from Trainer.change_step takes effect; called before the batch that first uses it."""

    # True to receive on_checkpoint: building a TrainState copies the weights and the optimizer state.
    wants_state = False

    def on_batch_end(self, stats: BatchStats) -> None: ...
    def on_epoch_end(self, stats: EpochStats) -> None: ...
    def on_checkpoint(self, state: TrainState) -> None:
        """After on_epoch_end, when ``wants_state``: the run as it stands, to continue it later."""

    def on_train_end(self, result: TrainResult) -> None: ...
