"""Run ``Trainer.fit`` in a QThread and report through Qt signals.

Modelled on superqt's ``new_worker_qthread``: :meth:`TrainingWorker.run` does
the work in a :class:`~digitpad.ui.jobs.job.Job`'s thread (:func:`start_job`),
with signals named for what happened. The trainer knows nothing of Qt;
:class:`TrainingWorker` only adapts its plain callbacks to signals. Three
rules keep the GUI healthy:

* Batch losses are batched up and sent at most every ``THROTTLE_SECONDS``,
  finished epochs with them at most every ``EPOCH_THROTTLE_SECONDS`` (sent
  apart, each made the loss plot repaint once more; an epoch longer than
  that goes at its end), both stretched
  while the updates take the GUI thread too much CPU (:mod:`~digitpad.ui.jobs.pace`; :class:`EpochUpdate`
  carries every epoch since the last one, with one copy of the weights), and
  everything once more at the end: a run doing thousands of batches or epochs
  per second cannot flood the GUI thread, yet every point arrives. Sending every epoch of the lab's 3,000
  one-step epochs froze the window for a minute (benchmarks/README.md).
  From the moment :meth:`TrainingWorker.pause` returns, nothing more
  arrives until ``resume``: a pause looks like one.
* Only numbers and copies leave the thread: ``epoch_finished`` carries a copy
  of the weights, never the live arrays the trainer keeps writing into.
* BLAS keeps the threads it has, as in the CLI. An earlier version gave it
  one core fewer while the GUI trained, against OpenBLAS threads that spin
  while a busy GUI thread holds their core; once the GUI thread's share of a
  run fell to 6-10 % (throttled updates, cheap repaints) that cost 15-35 %
  on MNIST and no run stalled without it (benchmarks/README.md).

Control (``stop``/``pause``/``resume``) sets thread-safe flags the trainer
checks between batches (a pause also holds signals back on the GUI side);
call these methods from the GUI thread. :meth:`TrainingWorker.change_step`
changes the learning rate, momentum or weight decay from the next batch on;
when a change takes effect the worker emits ``step_changed(StepChange)``, in
order with the batches: the batches before it arrive first, so a marker at
the change lands after them on the plot (:func:`step_position`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from time import monotonic

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import Dataset
from digitpad.nn.network import MLP
from digitpad.training.config import TrainConfig
from digitpad.training.reports import BatchStats, Callback, EpochStats, StepChange, TrainState
from digitpad.training.trainer import BatchRows, Trainer, aligned_batch
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.jobs.job import Job
from digitpad.ui.jobs.pace import UpdatePace, yield_to_gui

# 10 updates per second still look continuous. Each one costs the GUI thread, whose Python holds the GIL
# the trainer needs, ~2.5 ms (new points, one repaint of the loss plot without antialiasing on the noisy
# batch curves; 10 ms with it, benchmarks/README.md).
THROTTLE_SECONDS = 0.1
# Finished epochs also redraw the accuracy plot and redo the drawing's prediction: at most 4 a second,
# however short the epochs (the lab's 3,000 one-step epochs once sent 500 a second and froze the window).
EPOCH_THROTTLE_SECONDS = 0.25


@dataclass(frozen=True)
class Progress:
    """Where the run is, and every batch loss since the previous ``Progress``.

    ``epoch`` and ``batch`` are 0-based, as in :class:`BatchStats`, and name
    the last batch included. ``steps[i]`` is the x position of ``losses[i]``
    in epochs: ``epoch + (batch + 1) / n_batches``. ``eta`` extrapolates the
    time per batch so far over the batches still to do.
    """

    epoch: int
    batch: int
    n_batches: int
    epochs: int
    elapsed: float
    eta: float
    losses: list[float]
    steps: list[float]
    grad_norms: list[tuple[float, ...]]  # per batch, ‖∂L/∂W‖ of each dense layer


@dataclass(frozen=True)
class EpochUpdate:
    """The epochs finished since the previous update, oldest first, and a snapshot of the weights after the last."""

    epochs: tuple[EpochStats, ...]
    weights: dict[str, np.ndarray]

    @property
    def stats(self) -> EpochStats:
        """The latest epoch's statistics."""
        return self.epochs[-1]


class _PauseGate(QObject):
    """Lives in the GUI thread and passes progress on, holding it back while the run is paused.

    Without it, a Progress the worker sent just before the user pressed Pause
    (still queued) or the one batch that finishes after it would arrive
    while paused, as if training went on. Held items go out in order on
    resume or when the run ends.
    """

    # Emitted on the worker thread, so queued to this object's thread: one call per flush, so the GUI handles
    # a flush's batches, epochs and diagnoses in one event and repaints once.
    arrived = Signal(object)  # [(kind, value), ...] with kind "progress", "epoch", "diagnoses" or "step"
    # Emitted on the GUI thread.
    progressed = Signal(object)
    epoch_finished = Signal(object)
    diagnosed = Signal(list)
    step_changed = Signal(object)

    def __init__(self, pace: UpdatePace) -> None:
        super().__init__()
        self.closed = False
        self.pace = pace
        pace.new_run()
        self._held: list[tuple[str, object]] = []
        self.arrived.connect(self._pass)

    def _pass(self, items: list[tuple[str, object]]) -> None:
        self.pace.arrived()
        self._held.extend(items)
        if not self.closed:
            self.release()

    def release(self, *_: object) -> None:
        held, self._held = self._held, []
        signals = {"progress": self.progressed, "epoch": self.epoch_finished, "diagnoses": self.diagnosed,
                   "step": self.step_changed}
        for kind, value in held:
            signals[kind].emit(value)


class _SignalAdapter(Callback):
    """Turns the trainer's callbacks into throttled signals to the gate (runs on the worker thread)."""

    def __init__(self, network: MLP, epochs: int, gate: _PauseGate) -> None:
        self._network, self._epochs, self._gate = network, epochs, gate
        self._losses: list[float] = []
        self._steps: list[float] = []
        self._norms: list[tuple[float, ...]] = []
        self._finished: list[EpochStats] = []
        self._weights: dict[str, np.ndarray] = {}  # a copy taken at the latest epoch's end
        self._diagnoses: list | None = None  # the doctor's latest, not yet sent
        self._changes: list[StepChange] = []  # step changes that took effect, not yet sent
        self._last: BatchStats | None = None
        self._last_emit = self._last_epoch_emit = -math.inf

    def on_batch_end(self, stats: BatchStats) -> None:
        self._losses.append(float(stats.loss))
        self._steps.append(stats.epoch + (stats.batch + 1) / stats.n_batches)
        self._norms.append(stats.grad_norms)
        self._last = stats
        now, slowdown = monotonic(), self._gate.pace.slowdown
        if now - self._last_emit >= THROTTLE_SECONDS * slowdown:
            # Finished epochs ride along with the batches when they are due: one update, one repaint.
            self.flush(epochs=now - self._last_epoch_emit >= EPOCH_THROTTLE_SECONDS * slowdown)

    def on_epoch_end(self, stats: EpochStats) -> None:
        self._finished.append(stats)
        self._weights = self._network.get_weights()  # sent with this epoch, even if batches of the next go first
        # A long epoch (MNIST's take seconds) goes at once: its point shows before a pause the learner presses
        # to look at it, and one more repaint per epoch costs nothing there. Short ones ride with the batches.
        if stats.epoch + 1 == stats.epochs or stats.seconds >= EPOCH_THROTTLE_SECONDS * self._gate.pace.slowdown:
            self.flush()

    def on_step_change(self, change: StepChange) -> None:
        # Rare (a person typed a value), so sent at once, after everything that happened before it.
        self._changes.append(change)
        self.flush()

    def note_diagnoses(self, diagnoses: list) -> None:
        """The training doctor's latest diagnoses (its ``on_diagnoses``); sent with the next flush."""
        self._diagnoses = list(diagnoses)

    def flush(self, epochs: bool = True) -> None:
        """Send the pending batch losses as one ``Progress`` and, with ``epochs``, the finished epochs as one
        ``EpochUpdate`` and the doctor's latest diagnoses, all in one signal; pending step changes always go,
        last.

        Batches first, so the GUI has drawn an epoch's batches when its epoch point arrives; step changes
        last, since each takes effect before the batch after all those sent with it.
        """
        items: list[tuple[str, object]] = []
        if self._losses:
            s = self._last
            done = s.epoch * s.n_batches + s.batch + 1
            remaining = self._epochs * s.n_batches - done
            items.append(("progress", Progress(s.epoch, s.batch, s.n_batches, self._epochs, s.elapsed,
                                               s.elapsed / done * remaining, self._losses, self._steps, self._norms)))
            self._losses, self._steps, self._norms = [], [], []
            self._last_emit = monotonic()
        if epochs and self._finished:
            items.append(("epoch", EpochUpdate(tuple(self._finished), self._weights)))
            self._finished = []
            self._last_epoch_emit = monotonic()
        if epochs and self._diagnoses is not None:
            items.append(("diagnoses", self._diagnoses))
            self._diagnoses = None
        items.extend(("step", change) for change in self._changes)
        self._changes = []
        if items:
            self._gate.arrived.emit(items)


class TrainingWorker(QObject):
    """Trains ``network`` in place on ``train`` (validating on ``val``) when :meth:`run` is called.

    Create it in the GUI thread. Exactly one of ``finished(TrainResult)`` or
    ``errored(message)`` ends every run; an exception inside training never
    escapes the thread. ``progressed`` and ``epoch_finished`` are emitted on
    the GUI thread, and never between :meth:`pause` and :meth:`resume`; so is
    ``step_changed``, after the ``progressed`` holding the batches before the change.
    """

    progressed = Signal(object)      # Progress
    epoch_finished = Signal(object)  # EpochUpdate
    diagnosed = Signal(list)         # the latest diagnoses handed to note_diagnoses (e.g. by the training doctor)
    finished = Signal(object)        # TrainResult
    errored = Signal(str)            # "ExceptionType: text"
    step_changed = Signal(object)    # StepChange, when a change_step takes effect (before that batch's progress)

    def __init__(self, network: MLP, config: TrainConfig, train: Dataset, val: Dataset | None,
                 callbacks: Sequence[Callback] = (), batch_rows: BatchRows = aligned_batch,
                 pace: UpdatePace | None = None, resume: TrainState | None = None) -> None:
        """``callbacks`` run on the training thread too (e.g. the training doctor);
        ``batch_rows`` is the trainer's batch picker (see :class:`Trainer`); ``pace`` is the window's
        :class:`~digitpad.ui.jobs.pace.UpdatePace`, kept from run to run (default: a new one);
        ``resume`` a checkpoint's state the run goes on from (``Trainer.fit(resume=...)``)."""
        super().__init__()
        self.network, self.config = network, config
        self._train, self._val, self._resume = train, val, resume
        self._gate = _PauseGate(pace or UpdatePace())
        self._adapter = _SignalAdapter(network, config.epochs, self._gate)
        # The adapter goes last, so what the other callbacks report for an epoch leaves with that epoch.
        self._trainer = Trainer(network, config, [*callbacks, self._adapter], batch_rows)
        # Direct: the gate emits on the GUI thread, where the worker lives too.
        self._gate.progressed.connect(self.progressed, Qt.ConnectionType.DirectConnection)
        self._gate.epoch_finished.connect(self.epoch_finished, Qt.ConnectionType.DirectConnection)
        self._gate.diagnosed.connect(self.diagnosed, Qt.ConnectionType.DirectConnection)
        self._gate.step_changed.connect(self.step_changed, Qt.ConnectionType.DirectConnection)
        # Connected before any receiver of the window, so held items go out before the end arrives.
        self.finished.connect(self._gate.release)
        self.errored.connect(self._gate.release)

    def run(self) -> None:
        """The job's body; call it directly to train synchronously (tests do)."""
        try:
            result = self._trainer.fit(self._train, self._val, self._resume)
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not vanish with the thread
            self._adapter.flush()  # the batches before the failure still belong on the plot
            self.errored.emit(f"{type(exc).__name__}: {exc}")
        else:
            self._adapter.flush()
            self.finished.emit(result)

    def note_diagnoses(self, diagnoses: list) -> None:
        """Hand the GUI new diagnoses (call from the training thread, e.g. as the doctor's ``on_diagnoses``):
        they go out with the next flush, throttled like the progress, and only the latest counts."""
        self._adapter.note_diagnoses(diagnoses)

    # -- control from the GUI thread (see the module docstring) ----------------
    def stop(self) -> None:
        """End the run after the current batch; ``finished`` reports status "stopped"."""
        self._trainer.stop()

    def pause(self) -> None:
        """Hold the run before the next batch, and its signals at once, until :meth:`resume` or the end."""
        self._trainer.pause()
        self._gate.closed = True

    def resume(self) -> None:
        self._gate.closed = False
        self._gate.release()
        self._trainer.resume()

    def change_step(self, **values: float) -> None:
        """Change ``lr``, ``momentum`` and/or ``weight_decay`` from the next batch on (after a pause, from the
        first batch after :meth:`resume`); ``step_changed`` reports each change when it takes effect.

        Raises ConfigError (its ``field`` names the setting) for a value the
        run cannot take and ValueError for another key; then nothing changes.
        See :meth:`Trainer.change_step`.
        """
        self._trainer.change_step(**values)

    @property
    def n_batches(self) -> int:
        """Mini-batches per epoch of this run (as ``Progress.n_batches`` will say)."""
        rows = max(1, len(self._train))
        return math.ceil(rows / (self.config.batch_size or rows))

    def step_position(self, change: StepChange) -> float:
        """Where ``change`` goes on the loss plot's x axis: see :func:`step_position`."""
        return step_position(change, self.n_batches)

    @property
    def paused(self) -> bool:
        return self._trainer.paused


def step_position(change: StepChange, n_batches: int) -> float:
    """The x position in epochs where ``change`` took effect: the start of its first batch,
    ``epoch + batch / n_batches``, between the last batch point before it and the first after it
    (a batch's point is at its end, ``epoch + (batch + 1) / n_batches``)."""
    return change.epoch + change.batch / n_batches


SETTING_TEXT = {"lr": QT_TRANSLATE_NOOP("TrainingWorker", "lr"),
                "momentum": QT_TRANSLATE_NOOP("TrainingWorker", "momentum"),
                "weight_decay": QT_TRANSLATE_NOOP("TrainingWorker", "weight decay")}


def step_text(change: StepChange) -> str:
    """A short label for ``change``, e.g. "lr 0.05 → 0.01"."""
    return fill(translate("TrainingWorker", "{setting} {old:g} → {new:g}"),
                setting=render(SETTING_TEXT.get(change.setting, change.setting)), old=change.old, new=change.new)


def start_job(worker: TrainingWorker) -> Job:
    """Run ``worker`` in a new :class:`~digitpad.ui.jobs.job.Job`, whose thread gives the GUI thread
    precedence (:func:`~digitpad.ui.jobs.pace.yield_to_gui`); cancelling the job stops the run within a batch.

    The worker stays in the GUI thread (its signals reach GUI-thread
    receivers queued); Python owns it, so the GUI can keep using it (its
    ``network``, disconnecting signals) after ``finished``.
    """
    def train(report, cancelled) -> None:
        yield_to_gui()
        worker.run()

    return Job(train, on_cancel=worker.stop).start()
