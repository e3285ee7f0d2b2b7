"""Run ``Trainer.fit`` in a QThread and report through Qt signals.

Modelled on superqt's ``new_worker_qthread``: a QObject moved to a QThread
whose ``run`` slot does the work, with signals named for what happened. The
trainer knows nothing of Qt; :class:`TrainingWorker` only adapts its plain
callbacks to signals. Three rules keep the GUI healthy:

* Batch losses are batched up and sent at most every ``THROTTLE_SECONDS``
  (plus once at each epoch end and at the end), so a run doing thousands of
  batches per second cannot flood the GUI thread, yet every point arrives.
  From the moment :meth:`TrainingWorker.pause` returns, nothing more
  arrives until ``resume``: a pause looks like one.
* Only numbers and copies leave the thread: ``epoch_finished`` carries a copy
  of the weights, never the live arrays the trainer keeps writing into.
* BLAS gets one core fewer than the machine has while the run goes
  (:data:`BLAS_THREADS`): the GUI thread needs a core now and then, and
  OpenBLAS threads that must wait for a busy core spin instead of working.
  It is a cliff, not a slope (MNIST, batch 128, 2 cores, benchmarks/ui.py):
  with 2 threads a GUI epoch took 0.8-1.7 s, but 14-23 s in about a third
  of the runs; with 1 thread 1.0-2.4 s, never worse. OpenBLAS keeps one
  thread count for the whole process, so the GUI thread's forward pass for
  a drawing runs with the limit too, which costs it nothing (one row is far
  below OpenBLAS's threading size). threadpoolctl lets only one thread at a
  time set that count: a limit another thread holds would make this one do
  nothing.

Control (``stop``/``pause``/``resume``) sets thread-safe flags the trainer
checks between batches (a pause also holds signals back on the GUI side).
Call these methods directly from the GUI thread, or
connect them with ``Qt.DirectConnection``: an ordinary connection to a
method of the worker is queued to the worker's thread, whose event loop
does not run until ``fit`` returns, so the call would arrive too late.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from time import monotonic

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, SignalInstance, Slot
from threadpoolctl import threadpool_limits

from digitpad.data.dataset import Dataset
from digitpad.nn.network import MLP
from digitpad.training.config import TrainConfig
from digitpad.training.trainer import BatchStats, Callback, EpochStats, Trainer, aligned_batch

# 10 updates per second still look continuous. Each one costs the GUI thread, holding the GIL the
# trainer needs too, ~2.5 ms of CPU (new points, one repaint of the loss plot); ~8 ms before the plots
# stopped re-ranging and redrawing their axes at every update, when MNIST epochs (batch 128, 2 cores)
# took 1.1-1.8 s in the GUI at 20 updates per second and 1.0-1.2 s at 10 (benchmarks/ui.py).
THROTTLE_SECONDS = 0.1
# One core stays free for the GUI thread (see the module docstring; benchmarks/ui.py measures it).
BLAS_THREADS = max(1, (os.cpu_count() or 1) - 1)


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
    """One finished epoch: its statistics and a snapshot of the weights after it."""

    stats: EpochStats
    weights: dict[str, np.ndarray]


class _PauseGate(QObject):
    """Lives in the GUI thread and passes progress on, holding it back while the run is paused.

    Without it, a Progress the worker sent just before the user pressed Pause
    (still queued) or the one batch that finishes after it would arrive
    while paused, as if training went on. Held items go out in order on
    resume or when the run ends.
    """

    # Emitted on the worker thread, so queued to this object's thread.
    progress_arrived = Signal(object)
    epoch_arrived = Signal(object)
    # Emitted on the GUI thread.
    progressed = Signal(object)
    epoch_finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.closed = False
        self._held: list[tuple[SignalInstance, object]] = []
        self.progress_arrived.connect(self._pass_progress)
        self.epoch_arrived.connect(self._pass_epoch)

    def _pass_progress(self, progress: Progress) -> None:
        self._pass(self.progressed, progress)

    def _pass_epoch(self, update: EpochUpdate) -> None:
        self._pass(self.epoch_finished, update)

    def _pass(self, signal: SignalInstance, value: object) -> None:
        self._held.append((signal, value))
        if not self.closed:
            self.release()

    def release(self, *_: object) -> None:
        held, self._held = self._held, []
        for signal, value in held:
            signal.emit(value)


class _SignalAdapter(Callback):
    """Turns the trainer's callbacks into throttled signals to the gate (runs on the worker thread)."""

    def __init__(self, network: MLP, epochs: int, gate: _PauseGate) -> None:
        self._network, self._epochs, self._gate = network, epochs, gate
        self._losses: list[float] = []
        self._steps: list[float] = []
        self._norms: list[tuple[float, ...]] = []
        self._last: BatchStats | None = None
        self._last_emit = -math.inf

    def on_batch_end(self, stats: BatchStats) -> None:
        self._losses.append(float(stats.loss))
        self._steps.append(stats.epoch + (stats.batch + 1) / stats.n_batches)
        self._norms.append(stats.grad_norms)
        self._last = stats
        if monotonic() - self._last_emit >= THROTTLE_SECONDS:
            self.flush()

    def on_epoch_end(self, stats: EpochStats) -> None:
        # Flushed first so the GUI has drawn the whole epoch's batches when the epoch point arrives.
        self.flush()
        self._gate.epoch_arrived.emit(EpochUpdate(stats, self._network.get_weights()))

    def flush(self) -> None:
        """Send the pending batch losses, if any, as one ``Progress``."""
        if not self._losses:
            return
        s = self._last
        done = s.epoch * s.n_batches + s.batch + 1
        remaining = self._epochs * s.n_batches - done
        progress = Progress(s.epoch, s.batch, s.n_batches, self._epochs, s.elapsed,
                            s.elapsed / done * remaining, self._losses, self._steps, self._norms)
        self._losses, self._steps, self._norms = [], [], []
        self._last_emit = monotonic()
        self._gate.progress_arrived.emit(progress)


class TrainingWorker(QObject):
    """Trains ``network`` in place on ``train`` (validating on ``val``) when :meth:`run` is called.

    Create it in the GUI thread. Exactly one of ``finished(TrainResult)`` or
    ``errored(message)`` ends every run; an exception inside training never
    escapes the thread. ``progressed`` and ``epoch_finished`` are emitted on
    the GUI thread, and never between :meth:`pause` and :meth:`resume`.
    """

    progressed = Signal(object)      # Progress
    epoch_finished = Signal(object)  # EpochUpdate
    finished = Signal(object)        # TrainResult
    errored = Signal(str)            # "ExceptionType: text"

    def __init__(self, network: MLP, config: TrainConfig, train: Dataset, val: Dataset | None,
                 callbacks: Sequence[Callback] = (), batch_rows=aligned_batch) -> None:
        """``callbacks`` run on the training thread too (e.g. the training doctor);
        ``batch_rows`` is the trainer's batch picker (see :class:`Trainer`)."""
        super().__init__()
        self.network, self.config = network, config
        self._train, self._val = train, val
        # Not a child, or moveToThread would take it along. Nothing here points back at the
        # worker, so no reference cycle can leave it to be collected (deleted) on another thread.
        self._gate = _PauseGate()
        self._adapter = _SignalAdapter(network, config.epochs, self._gate)
        self._trainer = Trainer(network, config, [self._adapter, *callbacks], batch_rows)
        # Direct: the gate emits on the GUI thread, and the worker's own thread is busy in fit().
        self._gate.progressed.connect(self.progressed, Qt.ConnectionType.DirectConnection)
        self._gate.epoch_finished.connect(self.epoch_finished, Qt.ConnectionType.DirectConnection)
        # Connected before any receiver of the window, so held items go out before the end arrives.
        self.finished.connect(self._gate.release)
        self.errored.connect(self._gate.release)

    @Slot()
    def run(self) -> None:
        """The thread's body; call it directly to train synchronously (tests do)."""
        try:
            with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
                result = self._trainer.fit(self._train, self._val)
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not vanish with the thread
            self._adapter.flush()  # the batches before the failure still belong on the plot
            self.errored.emit(f"{type(exc).__name__}: {exc}")
        else:
            self._adapter.flush()
            self.finished.emit(result)

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

    @property
    def paused(self) -> bool:
        return self._trainer.paused


def start_in_thread(worker: TrainingWorker) -> QThread:
    """Move ``worker`` to a new QThread, start it and return the thread.

    The thread quits as soon as the worker reports its end, and deletes
    itself (``deleteLater``, on the GUI thread) once it has finished. It is
    parented to the application so that dropping the last Python reference
    while it runs cannot destroy it: Qt aborts the process on "QThread:
    Destroyed while thread is still running". After it has finished its
    Python wrapper may therefore be invalid, which :func:`stop_and_wait`
    tolerates.

    The worker is not ``deleteLater``-ed: Python owns it and GUI code keeps
    using it after ``finished`` (its ``network``, disconnecting signals);
    a deletion on the worker thread at that moment would race with those
    calls. It goes when its last Python reference does.
    """
    thread = QThread(QCoreApplication.instance())
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and a queued call would wait for the GUI
    # event loop, which is blocked while stop_and_wait joins the thread.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.errored.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread


def stop_and_wait(worker: TrainingWorker, thread: QThread, timeout_ms: int = 5000) -> bool:
    """Stop the run and join its thread (closing the window); True when the thread has ended.

    Stopping takes effect within one batch, so the wait is short unless a
    single batch is slow. A thread Qt has already deleted counts as ended.
    """
    worker.stop()
    if not shiboken6.isValid(thread):
        return True
    return thread.wait(timeout_ms)
