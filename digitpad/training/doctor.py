"""The training doctor: watches a run's health signals and says in plain words what is wrong.

:class:`Doctor` is a trainer callback. It keeps every batch's gradient norms
and loss; at each epoch end (and when the run ends) it measures the network
on a fixed probe batch (saturated, dead and constant units) and turns all of
it into :class:`~digitpad.training.diagnosis.HealthSignals`, which
:func:`~digitpad.training.diagnosis.diagnose` turns into diagnoses.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from digitpad.nn.network import MLP
from digitpad.training.diagnosis import Diagnosis, HealthSignals, diagnose
from digitpad.training.reports import BatchStats, Callback, EpochStats, TrainResult
from digitpad.training.settings import RunSettings
from digitpad.training.unit_health import dead_share, saturated_share


class Series:
    """Values (floats, or equal-length rows of floats) appended one at a time, in an array that grows by
    doubling; :meth:`view` copies nothing."""

    def __init__(self) -> None:
        self._values: np.ndarray | None = None
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def append(self, value: float | tuple[float, ...]) -> None:
        if self._values is None:
            self._values = np.empty((64, *np.shape(value)))
        elif self._n == len(self._values):
            self._values = np.concatenate((self._values, np.empty_like(self._values)))
        self._values[self._n] = value
        self._n += 1

    def view(self) -> np.ndarray:
        """The values so far (later appends never change them)."""
        return np.zeros(0) if self._values is None else self._values[:self._n]


class GradientHistory:
    """Every batch's ‖∂L/∂W‖ per dense layer, at x positions in epochs (``epoch + (batch + 1) / n_batches``).

    The norms live in an array that grows by doubling, and the largest norm
    per layer is kept as batches arrive, so a run of thousands of epochs
    costs the doctor the same per epoch at its end as at its start.
    """

    def __init__(self) -> None:
        self.steps: list[float] = []
        self._norms = Series()
        self.peak: np.ndarray | None = None  # (n_layers,) largest norm so far

    def __len__(self) -> int:
        return len(self.steps)

    def append(self, step: float, norms: tuple[float, ...]) -> None:
        self._norms.append(norms)
        self.steps.append(step)
        latest = self._norms.view()[-1]
        self.peak = latest.copy() if self.peak is None else np.maximum(self.peak, latest)

    def as_array(self) -> np.ndarray:
        """The norms as ``(n_batches, n_layers)`` (a view: read, do not keep)."""
        return self._norms.view() if len(self._norms) else np.zeros((0, 0))


# The doctor checks (a probe pass and every rule) after each of the first CHECKED_EPOCHS epochs and then after
# every k-th, so no run has more than about twice that many checks: checking each of the lab's 3,000 one-step
# epochs took a fifth of its training time, and a learner cannot read a verdict that changes 100 times a second.
# A doctor given a ``min_interval`` (the window's) also lets that much time pass between two checks: the window
# shows a verdict at most 4 times a second, and checking each of the 8×8 digits' 30 epochs of 13 ms cost 7 %
# of that run (benchmarks/README.md).
CHECKED_EPOCHS = 100


class Doctor(Callback):
    """Watches a run and keeps its current :class:`Diagnosis` list.

    Parameters
    ----------
    network
        The network being trained (read only: the doctor runs inference on it).
    probe
        A fixed batch of inputs ``(batch, n_features)``, scaled as the network
        sees them, e.g. 256 training images.
    settings
        The run's settings; fixes are computed from them (e.g. lr / 10).
    on_diagnoses
        Called with the new list, on the training thread, whenever it changes.
    min_interval
        Seconds (of ``clock``) to let pass between two checks; the run's
        last epoch and its end are always checked. 0 checks every epoch the
        count rule names (:data:`CHECKED_EPOCHS`), wherever the run goes.
    """

    def __init__(self, network: MLP, probe: np.ndarray, settings: RunSettings,
                 on_diagnoses: Callable[[list[Diagnosis]], None] | None = None, min_interval: float = 0.0,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.network, self.probe, self.settings = network, np.asarray(probe, dtype=network.dtype), settings
        self.on_diagnoses = on_diagnoses
        self.min_interval, self._clock, self._last_check = min_interval, clock, -math.inf
        self.history = GradientHistory()
        self._initial_loss = self._peak_loss = math.nan
        self._loss_range = (math.inf, -math.inf)  # the loss plot's y extent: every finite loss it shows
        self._epoch_losses, self._epoch_accuracies = Series(), Series()
        self._lr_share = 1.0
        self._epoch_start = self._last_epoch_start = 0  # history rows where this and the previous epoch began
        self._first_seen: dict[str, int] = {}
        self._checked = 0  # the latest epoch whose end was checked
        self._diagnoses: list[Diagnosis] = []

    def diagnoses(self) -> list[Diagnosis]:
        """The problems seen in the latest check, most severe first (a new list)."""
        return list(self._diagnoses)

    # -- trainer callbacks --------------------------------------------------
    def on_batch_end(self, stats: BatchStats) -> None:
        self.history.append(stats.epoch + (stats.batch + 1) / stats.n_batches, stats.grad_norms)
        if math.isnan(self._initial_loss):
            self._initial_loss = self._peak_loss = stats.loss
        self._peak_loss = max(self._peak_loss, stats.loss)
        self._lr_share = stats.lr / self.settings.lr
        self._plotted(stats.loss)

    def on_epoch_end(self, stats: EpochStats) -> None:
        self._epoch_losses.append(stats.train_loss)
        self._epoch_accuracies.append(stats.train_accuracy)
        if stats.val_loss is not None:  # the training loss is its batches' mean: already in the range
            self._plotted(stats.val_loss)
        epoch = stats.epoch + 1
        counted = epoch <= CHECKED_EPOCHS or epoch % math.ceil(stats.epochs / CHECKED_EPOCHS) == 0
        now = self._clock()
        if epoch == stats.epochs or (counted and now - self._last_check >= self.min_interval):
            self._update(self._signals(epoch))
            self._checked, self._last_check = epoch, now
        self._last_epoch_start, self._epoch_start = self._epoch_start, len(self.history)

    def on_train_end(self, result: TrainResult) -> None:
        if result.status == "diverged":
            # epochs_done is the 0-based epoch the loss went bad in.
            self._update(replace(self._signals(result.epochs_done + 1), divergence=result.message))
        elif len(self.history) > self._epoch_start:  # stopped inside an epoch: check what it did
            self._update(self._signals(int(self.history.steps[-1]) + 1))
        elif self._checked < result.epochs_done:  # stopped between two checks
            self._update(self._signals(result.epochs_done))

    # -- measuring ------------------------------------------------------------
    def _plotted(self, loss: float) -> None:
        if math.isfinite(loss):
            low, high = self._loss_range
            self._loss_range = (min(low, loss), max(high, loss))

    def _signals(self, epoch: int) -> HealthSignals:
        norms = self.history.as_array()
        recent = norms[self._epoch_start:] if len(norms) > self._epoch_start else norms[self._last_epoch_start:]
        layers = norms.shape[1] if len(norms) else 0
        return HealthSignals(
            epoch, self._initial_loss, self._peak_loss, self._epoch_losses.view(), self._epoch_accuracies.view(),
            self._lr_share,
            first_norms=tuple(norms[0].tolist()) if layers else (),
            peak_norms=tuple(self.history.peak.tolist()) if layers else (),
            recent_norms=tuple(np.median(recent, axis=0).tolist()) if layers else (),
            loss_range=self._loss_range if self._loss_range[0] <= self._loss_range[1] else (),
            **probe_signals(self.network, self.probe))

    def _update(self, signals: HealthSignals) -> None:
        found = diagnose(signals, self.network.spec, self.settings)
        self._first_seen = {d.code: self._first_seen.get(d.code, d.epoch) for d in found}
        found = [replace(d, epoch=self._first_seen[d.code]) for d in found]
        if found != self._diagnoses:
            self._diagnoses = found
            if self.on_diagnoses is not None:
                self.on_diagnoses(list(found))


def probe_signals(network: MLP, probe: np.ndarray) -> dict[str, object]:
    """Saturation and dead-unit shares per hidden layer, and the outputs' spread, on ``probe``.

    Returns the ``saturation``, ``dead``, ``output_std`` and ``probe_size``
    fields of :class:`HealthSignals`.
    """
    kind = network.spec.activation
    # A run heading for overflow may hold huge (finite) weights; inf and nan here only mean "no verdict".
    with np.errstate(over="ignore", invalid="ignore"):
        hidden, outputs = network.activations(probe)
        saturation = [share for a in hidden if (share := saturated_share(a, kind)) is not None]
        dead = [share for a in hidden if (share := dead_share(a, kind)) is not None]
        output_std = float(outputs.std(axis=0).mean())
    return {"saturation": tuple(float(v) for v in saturation), "dead": tuple(float(v) for v in dead),
            "output_std": output_std, "probe_size": len(probe)}
