"""Recording a run as it trains: a trainer callback that writes its rows to the run history.

The window, ``digitpad train``, ``digitpad lab`` and ``digitpad finetune`` each
add a :class:`RunRecorder` to their run. Its row is made when the recorder is
(status running), each epoch's end writes the epoch and its batches' losses in
one transaction, and the end writes the status and final numbers. Recording
never stops a run: a database that cannot be written leaves ``error`` set and
the run goes on unrecorded from there.

The epochs are written by a thread of the recorder's own, which the training
thread only hands them to: every :data:`WRITE_SECONDS` it writes the epochs
that ended since, in one transaction. A write takes 0.1-0.5 ms (and now and
then a WAL checkpoint 10-20 ms); one per epoch, and waking the writer for each,
made the window's 2 ms epochs of a full-batch lab run 25-35 % slower than the
CLI's (benchmarks/README.md). Every epoch is in the database within a quarter
second of its end, so a kill loses at most that. The thread lives while the run trains;
the run's end waits for it, so once ``on_train_end`` returns every epoch is in
the database.
"""

from __future__ import annotations

import math
import queue
import threading
from pathlib import Path

import numpy as np

from digitpad.training.prepare import PreparedRun
from digitpad.training.recipes import matching_recipe
from digitpad.training.recovery import data_fingerprint
from digitpad.training.reports import BatchStats, Callback, EpochStats, TrainResult, TrainState
from digitpad.training.runs.schema import RunStoreError
from digitpad.training.runs.store import RunStore

WRITE_SECONDS = 0.25  # how often the writer thread writes the epochs that ended since its last transaction


def network_text(run: PreparedRun) -> str:
    """The network in a few characters: "784-256-128-10 relu softmax"."""
    spec = run.network.spec
    return f"{'-'.join(map(str, spec.sizes))} {spec.activation} {spec.output}"


class RunRecorder(Callback):
    """Records ``run`` in the run history at ``path`` (default: the user's) as it trains.

    ``front_end`` is "window" or "cli"; ``kind`` "train", "lab" or "finetune"
    (a lab run names its ``lab_preset``); ``checkpoint`` the id of the run's
    recovery checkpoint, and ``resume`` the state it goes on from, so a resumed
    run goes on in the row of the run it continues.

    ``run_id`` is the run's id (None when it could not be recorded at all);
    ``notice`` a sentence for the person when the database had to be started
    anew; ``error`` the last write that failed.
    """

    def __init__(self, run: PreparedRun, front_end: str, name: str, kind: str = "train", lab_preset: str = "",
                 checkpoint: str | None = None, resume: TrainState | None = None, path: Path | None = None) -> None:
        self.run = run
        self.error: Exception | None = None
        self.run_id: int | None = None
        self.notice = ""
        self._losses: list[float] = []
        self._fingerprint = ""
        self._seconds = resume.result.seconds if resume else 0.0  # training time so far
        self._per_epoch = math.ceil(len(run.train) / (run.config.batch_size or len(run.train)))
        self._writes: queue.SimpleQueue[tuple[EpochStats, np.ndarray, float]] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._writer: threading.Thread | None = None
        self._interrupted = ""  # the message of a stop that is an interruption (interrupt_on_stop)
        try:
            self.store = RunStore(path)
        except RunStoreError as exc:
            self.store, self.error = None, exc
            return
        self.notice = self.store.notice
        recipe = matching_recipe(run.settings) or "" if kind == "train" else ""
        self._call(lambda: setattr(self, "run_id", self.store.begin_run(
            name=name, front_end=front_end, kind=kind, settings=run.settings.to_dict(), network=network_text(run),
            epochs=run.config.epochs, batches_per_epoch=self._per_epoch, recipe=recipe, lab_preset=lab_preset,
            checkpoint=checkpoint, resumed_after=resume.epochs_done if resume else 0)))

    @property
    def recording(self) -> bool:
        return self.store is not None and self.run_id is not None

    def on_batch_end(self, stats: BatchStats) -> None:
        self._losses.append(stats.loss)
        self._per_epoch = stats.n_batches

    def on_epoch_end(self, stats: EpochStats) -> None:
        losses, self._losses = np.asarray(self._losses, dtype=np.float32), []
        if not self.recording:
            return
        self._seconds += stats.seconds
        if self._writer is None:
            self._writer = threading.Thread(target=self._write_epochs, name="run recorder", daemon=True)
            self._writer.start()
        self._writes.put((stats, losses, self._seconds))

    def _write_epochs(self) -> None:
        """The writer thread: every WRITE_SECONDS (at once when told to stop), the epochs handed to it since, in
        order, in one transaction. It wakes on its own clock, never at a hand-over: waking the writer at each
        of 3,000 short epochs cost the training thread more than the writes (a GIL hand-over each)."""
        stopping = False
        while not stopping:
            stopping = self._stopping.wait(WRITE_SECONDS)
            epochs = []
            while True:
                try:
                    epochs.append(self._writes.get_nowait())
                except queue.Empty:
                    break
            if epochs:
                try:
                    self._call(lambda epochs=epochs: self._record_epochs(epochs))
                except Exception as exc:  # noqa: BLE001 - a MemoryError hashing the data, a bug: never a silent end
                    self.error = exc

    def _record_epochs(self, epochs: list[tuple[EpochStats, np.ndarray, float]]) -> None:
        if not self._fingerprint:  # once, here: hashing MNIST takes ~50 ms
            self._fingerprint = data_fingerprint(self.run.data)
        self.store.record_epochs(self.run_id, [(stats, losses) for stats, losses, _ in epochs], epochs[-1][2],
                                 self._fingerprint)

    def _stop_writer(self) -> None:
        """Wait until every epoch handed over is written, and let the writer thread end."""
        if self._writer is not None:
            self._stopping.set()
            self._writer.join()
            self._writer = None
            self._stopping.clear()

    def interrupt_on_stop(self, message: str) -> None:
        """The run is about to be stopped by a quit, not by the person: record its stop as interrupted, with
        ``message`` (where it stopped is kept)."""
        self._interrupted = message

    def on_train_end(self, result: TrainResult) -> None:
        self._stop_writer()
        if self._interrupted and result.status == "stopped":
            result = result.copy(status="interrupted", message=self._interrupted)
        if self.recording:
            self._call(lambda: self.store.finish_run(self.run_id, result, self._per_epoch))

    def add_metrics(self, metrics: dict[str, float]) -> None:
        """Numbers measured after the run (test accuracy) join its record."""
        if self.recording and metrics:
            self._call(lambda: self.store.add_metrics(self.run_id, metrics))

    def set_model_path(self, path: str | Path) -> None:
        """The model file saved from the run."""
        if self.recording:
            self._call(lambda: self.store.set_model_path(self.run_id, path))

    def end(self, status: str, message: str) -> None:
        """The run will not reach on_train_end: "interrupted" (Ctrl+C) or "failed" (an error)."""
        self._stop_writer()
        if self.recording:
            self._call(lambda: self.store.end_run(self.run_id, status, message))

    def close(self) -> None:
        self._stop_writer()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _call(self, write) -> None:
        try:
            write()
        except RunStoreError as exc:
            self.error = exc
