"""What the training doctor reads and what it says: :class:`HealthSignals` in, :class:`Diagnosis` out.

The rules that turn one into the other live in :mod:`digitpad.training.diagnosis`;
:mod:`digitpad.training.doctor` gathers the signals from a run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digitpad.common.text import Message


@dataclass(frozen=True)
class Diagnosis:
    """One problem seen in a run, in words a learner can act on.

    ``fix`` maps :class:`RunSettings` field names to new values the GUI can
    apply with one click (None when no single change is the fix); treat it as
    read-only (being a dict, it also makes a Diagnosis unhashable).
    ``epoch`` (1-based) is when the problem was first seen; ``layer`` the
    1-based dense layer concerned, where one is. ``epochs`` is the first and
    last epoch of the stretch of the loss curve a diagnosis of the curve
    describes (0 is the first batch, before any update), so a plot can mark it.

    ``title``, ``explanation`` and ``suggestion`` are marked templates or
    their :class:`~digitpad.common.text.Text` (plain strings are shown as
    they are). Two diagnoses are equal when they say the same in the same
    words: numbers that differ beyond the digits shown make no new diagnosis.
    """

    code: str
    severity: str  # "problem" (training cannot work like this) or "warning" (it works, hampered)
    title: Message
    explanation: Message
    suggestion: Message
    fix: dict[str, object] | None = None
    epoch: int = 0
    layer: int | None = None
    epochs: tuple[int, int] | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnosis):
            return NotImplemented
        return self._said() == other._said()

    def _said(self) -> tuple:
        return (self.code, self.severity, str(self.title), str(self.explanation), str(self.suggestion), self.fix,
                self.epoch, self.layer, self.epochs)


@dataclass(frozen=True, eq=False)
class HealthSignals:
    """The numbers the rules read; per-epoch series run oldest first, per-layer tuples from the input side.

    Norms are ‖∂L/∂W‖ of each dense layer. ``saturation`` and ``dead`` have one
    share per hidden layer (empty when the activation has no such state). The
    per-epoch series become read-only arrays (an array given is not copied).
    """

    epoch: int                            # 1-based epoch the run is in
    initial_loss: float = math.nan        # the first batch's loss, before any update
    peak_loss: float = math.nan           # the largest batch loss so far
    epoch_losses: Sequence[float] = ()
    epoch_accuracies: Sequence[float] = ()
    lr_share: float = 1.0                 # learning rate now / the run's starting rate
    first_norms: tuple[float, ...] = ()   # on the first batch
    peak_norms: tuple[float, ...] = ()    # largest so far
    recent_norms: tuple[float, ...] = ()  # median over the latest epoch's batches
    saturation: tuple[float, ...] = ()
    dead: tuple[float, ...] = ()
    output_std: float = math.nan          # mean over output units of their std across the probe images
    probe_size: int = 0
    divergence: str | None = None         # the trainer's message when the loss became NaN or infinite
    # The loss plot's y extent: the lowest and highest finite batch, epoch or validation loss so far (empty: taken
    # from the first batch's, the peak and the epoch losses).
    loss_range: tuple[float, float] = ()

    def __post_init__(self) -> None:
        for name in ("epoch_losses", "epoch_accuracies"):
            series = np.asarray(getattr(self, name), dtype=float).view()  # a view: the caller's array stays writable
            series.flags.writeable = False
            object.__setattr__(self, name, series)
