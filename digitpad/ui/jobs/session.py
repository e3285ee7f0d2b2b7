"""One training run in the GUI: load the data off the GUI thread, then train in a worker thread.

The session owns the network being trained; the window only ever sees copies
of its weights (``epoch_finished``) and, at the end, the finished model.
Taking the subset, splitting off the validation set and building the network
happen off the GUI thread too, even when the dataset is cached: copying every
image froze the window for 40-150 ms at each press of Train with MNIST
(benchmarks/ui.py, "start ms"), initialising the network for another ~10.

The learning rate, momentum and weight decay can change while the run goes
(:meth:`TrainingSession.change_step`): a change made while the data still
loads becomes part of the settings the run starts with (nothing to record,
no ``step_changed``); once it trains, the trainer applies it from the next
mini-batch and ``step_changed`` reports it when it takes effect.

Every run but the lab's writes a recovery checkpoint after each epoch (at most once a second)
(:class:`~digitpad.training.recovery.Checkpointer`, on the training thread)
and, when it ends, its model as *finished*: :attr:`TrainingSession.checkpoint`
says where, and the window removes it once the model is saved or given up
(:mod:`digitpad.ui.recovery`). A run can start again from a checkpoint
(``start(..., resume=entry)``) and go on exactly where it was interrupted.
After :meth:`TrainingSession.shutdown` nothing more arrives from the run.

Every run is recorded in the run history from its start (:attr:`TrainingSession.recording`, a
:class:`~digitpad.ui.jobs.recording.WindowRecording`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from digitpad.common.errors import ConfigError, DigitpadError
from digitpad.common.text import Message
from digitpad.data.dataset import Dataset
from digitpad.data.loading import load_source
from digitpad.lab.mistakes import apply_mistakes, recording_mistakes
from digitpad.model.bundle import Model
from digitpad.training.doctor import Doctor
from digitpad.training.prepare import PreparedRun, prepare_run
from digitpad.training.recovery import Checkpointer, Interrupted, resume_state
from digitpad.training.reports import StepChange, TrainResult, TrainState
from digitpad.training.settings import RunSettings
from digitpad.training.trainer import checked_step
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.jobs.job import Job
from digitpad.ui.jobs.pace import UpdatePace
from digitpad.ui.jobs.recording import WindowRecording
from digitpad.ui.jobs.training import (
    EPOCH_THROTTLE_SECONDS,
    TrainingWorker,
    start_job,
    step_position,
    step_text,
)

PROBE_ROWS = 256  # images the training doctor looks at after each epoch


class TrainingSession(QObject):
    """Runs at most one training at a time and reports in signals."""

    loading = Signal(str)               # what is being loaded
    started = Signal(object)            # a Model holding a copy of the untrained network, named as the run
    progressed = Signal(object)         # worker.Progress
    epoch_finished = Signal(object)     # worker.EpochUpdate
    finished = Signal(object, object)   # (Model, TrainResult)
    failed = Signal(str)                # something went wrong: show it
    refused = Signal(object)            # a ConfigError found once the data is known (e.g. batch too large)
    cancelled = Signal(str)             # stopped before training began
    diagnosed = Signal(list)            # the training doctor's current diagnoses
    step_changed = Signal(object)       # a StepChange from change_step took effect (see step_marker)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[str, Dataset] = {}
        self._loader: Job | None = None
        self.worker: TrainingWorker | None = None
        self.job: Job | None = None  # the training job, while it runs
        self._cache_key: str | None = None  # the dataset the run being prepared loads, kept for the next run
        self._run: PreparedRun | None = None
        self._stop_requested = False
        self._start_step: dict[str, float] = {}  # change_step values given while the data loads
        self._pace = UpdatePace()  # how often updates come, carried from run to run
        self.label = ""
        self.last_model: Model | None = None  # what the latest run that ended made
        self.last_run_id: int | None = None  # the run that made last_model, in the run history (None: not recorded)
        self._recover = True  # whether the run being prepared writes recovery checkpoints
        self._resume: Interrupted | None = None  # the checkpoint the run being prepared continues
        self.checkpoint: Checkpointer | None = None  # the recovery checkpoint of the run going or last ended
        self.resumed: TrainState | None = None  # where the run going or last ended was resumed from
        self._lab_preset = ""  # the lab preset of the run being prepared ("" outside the lab)
        self._record_label = ""  # what the run history's name of the run being prepared adds to "Run N"
        self.recording = WindowRecording()  # the run going or last ended, in the run history

    @property
    def running(self) -> bool:
        return self._loader is not None or self.worker is not None

    def start(self, settings: RunSettings, mistakes: frozenset[str] = frozenset(), label: Message = "",
              recover: bool = True, resume: Interrupted | None = None, lab_preset: str = "") -> None:
        """Validate; load (cached after the first time) and split the data and build the network in a
        thread; then train.

        Errors arrive as ``failed``, settings that do not fit the data as ``refused``.

        ``mistakes`` names deliberate bugs from :mod:`digitpad.lab.mistakes` to
        install (the learning lab's presets); ``label`` names the run;
        ``recover`` False writes no recovery checkpoint (the lab's runs, meant
        to fail, are nobody's work to lose); ``resume`` continues an
        interrupted run of these ``settings`` from its checkpoint; ``lab_preset`` names the lab preset the
        run comes from (recorded as a lab run).
        """
        if self.running:
            raise RuntimeError("a training run is already going")
        settings.validate()
        mistakes, cached = frozenset(mistakes), self._cache.get(settings.dataset)
        if cached is None:
            self.loading.emit(settings.dataset)
        self._launch(lambda: _prepare(settings, mistakes, cached, resume), label, settings.dataset)
        self._recover, self._resume, self._lab_preset, self._record_label = recover, resume, lab_preset, label

    def start_prepared(self, build: Callable[[], PreparedRun], label: str, loading: str,
                       record_label: Message = "") -> None:
        """Train a run built by ``build`` (called in the loader thread), e.g. Teach it my digits, which continues
        an existing network instead of building one from settings; ``loading`` says what ``build`` loads.

        Everything else is as for :meth:`start`: the same signals, pause, stop and step changes; the finished
        model is the run's own ``model(result, metrics, name)``. It is recorded as a fine-tune, its name in the
        run history "Run N · ``record_label``".
        """
        if self.running:
            raise RuntimeError("a training run is already going")
        self.loading.emit(loading)
        self._launch(lambda: _prepare_built(build), label, None)
        self._record_label = record_label

    def _launch(self, prepare: Callable[[], _Prepared], label: Message, cache_key: str | None) -> None:
        self._stop_requested, self.label, self._cache_key = False, label, cache_key
        self._start_step, self._recover, self._resume, self.checkpoint = {}, True, None, None
        self._lab_preset, self._record_label = "", ""
        self.recording.forget()
        self._loader = Job(lambda report, cancelled: prepare())
        self._loader.finished.connect(self._prepared)
        self._loader.errored.connect(self._load_failed)
        self._loader.start()

    def _prepared(self, prepared: _Prepared) -> None:
        if self._loader is None:  # shut down meanwhile: the result arrives to nobody
            return
        self._finish_loader()
        if self._cache_key is not None:
            self._cache[self._cache_key] = prepared.source
        if self._stop_requested:
            self.cancelled.emit(translate("TrainingSession", "Stopped before training started."))
            return
        self._begin(prepared)

    def _load_failed(self, message: str) -> None:
        if self._loader is None:
            return
        self._finish_loader()
        self.failed.emit(message)

    def _finish_loader(self) -> None:
        self._loader.wait()
        self._loader = None

    def _begin(self, prepared: _Prepared) -> None:
        if prepared.error is not None:
            self._cannot_start(prepared.error)
            return
        # A change made while the data loaded: part of a new run's settings; a resumed run's settings are the
        # interrupted run's, so there it is a change from the first batch on, recorded as one (below).
        early_step = self._start_step if prepared.resume is not None else {}
        run = self._run = _with_step(prepared.run, {} if early_step else self._start_step)
        untrained = prepared.untrained
        if self._cache_key is not None:  # built from settings: they may have changed while the data loaded
            untrained = dataclasses.replace(untrained, hyperparameters=run.settings.to_dict())
        untrained = dataclasses.replace(untrained, name=self._run_name(run) or untrained.name)
        self._start_step = {}
        network = run.network
        doctor = Doctor(network, run.train.images[:PROBE_ROWS] * network.dtype(run.input_scale), run.settings,
                        min_interval=EPOCH_THROTTLE_SECONDS)
        callbacks = [*run.callbacks, doctor]
        if self._recover:
            self.checkpoint = Checkpointer(run, "window", untrained.name, resumable=self._cache_key is not None,
                                           keep_finished=True, checkpoint_id=self._resume.id if self._resume else None)
            callbacks.append(self.checkpoint)
        self.resumed = prepared.resume
        kind = "lab" if self._lab_preset else "train" if self._cache_key is not None else "finetune"
        callbacks.append(self.recording.begin(run, kind, self._lab_preset, render(self._record_label),
                                              self.checkpoint.id if self.checkpoint else None, prepared.resume))
        self.worker = TrainingWorker(network, run.config, run.train, run.val, callbacks=callbacks,
                                     batch_rows=run.batch_rows, pace=self._pace, resume=prepared.resume)
        if early_step:
            self.worker.change_step(**early_step)
        doctor.on_diagnoses = self.worker.note_diagnoses
        # Through the session's own slots, which drop what a shut-down run still had queued.
        self.worker.progressed.connect(self._progressed)
        self.worker.diagnosed.connect(self._diagnosed)
        self.worker.epoch_finished.connect(self._epoch_finished)
        self.worker.step_changed.connect(self._step_changed)
        self.worker.finished.connect(self._trained)
        self.worker.errored.connect(self._worker_failed)
        self.started.emit(untrained)
        # The window repaints for the new run (cleared plots, a locked form) before the training thread
        # starts, rather than fighting its first epochs for the GIL (benchmarks/README.md).
        QTimer.singleShot(0, self, self._start_job)

    def _start_job(self) -> None:
        if self.worker is not None and self.job is None:  # not shut down meanwhile
            self.job = start_job(self.worker)

    def _cannot_start(self, error: Exception) -> None:
        """Say why the run cannot start: a setting that does not fit the data (``refused``) or a failure.
        Every error ends up here: the window must never be left waiting for a run that never starts."""
        if isinstance(error, ConfigError):
            self.refused.emit(error)
        elif isinstance(error, DigitpadError):  # a dataset or a checkpoint that cannot be read
            self.failed.emit(error_text(error))
        elif isinstance(error, MemoryError):
            self.failed.emit(translate("TrainingSession", "Not enough memory for this network and data; try fewer "
                                       "or smaller layers, a smaller batch or a subset."))
        else:
            self.failed.emit(f"{type(error).__name__}: {error}")

    def _from_live_worker(self) -> bool:
        """Whether a signal comes from the run going now, not from one shut down with the signal still queued."""
        return self.worker is not None and self.sender() is self.worker

    def _progressed(self, progress: object) -> None:
        if self._from_live_worker():
            self.progressed.emit(progress)

    def _diagnosed(self, diagnoses: list) -> None:
        if self._from_live_worker():
            self.diagnosed.emit(diagnoses)

    def _epoch_finished(self, update: object) -> None:
        if self._from_live_worker():
            self.epoch_finished.emit(update)

    def _step_changed(self, change: StepChange) -> None:
        if self._from_live_worker():
            self.step_changed.emit(change)

    def _trained(self, result: TrainResult) -> None:
        if not self._from_live_worker():
            return
        self._release_worker()
        self.recording.end()  # the recorder wrote the end on the training thread
        run = self._run
        metrics = {}
        if "val_accuracy" in result.final_metrics:  # of the weights the model holds, even if stopped mid-epoch
            metrics["val_accuracy"] = result.final_metrics["val_accuracy"]
        if result.stopped_at is not None:
            metrics["stopped_in_epoch"], metrics["stopped_after_batch"] = map(float, result.stopped_at)
        name = self._run_name(run)
        self.last_model = recording_mistakes(run.model(result, metrics, name))
        self.last_run_id = self.recording.run_id  # run_id moves on to the next run as it starts; this stays with the model
        self.finished.emit(self.last_model, result)

    def _run_name(self, run: PreparedRun) -> str:
        """The label the run was started with; else a run from settings is named after them, and a run built
        elsewhere names its own model ("")."""
        return render(self.label) or (_model_name(run.settings, run.data) if self._cache_key is not None else "")

    def _worker_failed(self, message: str) -> None:
        if not self._from_live_worker():
            return
        self._release_worker()
        if self.checkpoint is not None:  # the failure is shown; its epochs are not offered as an interrupted run
            self.checkpoint.discard()
        self.recording.end("failed", f"Training failed: {message}")  # the run history's words stay English
        self.failed.emit(fill(translate("TrainingSession", "Training failed: {error}"), error=message))

    def _release_worker(self) -> None:
        if self.job is not None:
            self.job.wait()
        self.worker = self.job = None

    # -- control ---------------------------------------------------------
    def pause(self) -> None:
        if self.worker:
            self.worker.pause()

    def resume(self) -> None:
        if self.worker:
            self.worker.resume()

    def change_step(self, **values: float) -> None:
        """Change ``lr``, ``momentum`` and/or ``weight_decay`` of the current run.

        While it trains (or is paused) the change applies from the next
        mini-batch (after a pause, the first one after resuming) and
        ``step_changed(StepChange)`` reports it when it takes effect. While
        the data still loads, the values replace those in the settings the run
        will start with: the run starts with them, its model's hyperparameters
        say so, and no change is recorded or signalled.

        Raises ConfigError (``field`` names the setting) for a value a run
        cannot take, ValueError for another key, RuntimeError when no run is
        going; in each case nothing changes.
        """
        if self.worker is not None:
            self.worker.change_step(**values)
        elif self._loader is not None:
            self._start_step.update(checked_step(values))
        else:
            raise RuntimeError("no training run is going")

    def step_marker(self, change: StepChange) -> tuple[float, str]:
        """The x position (epochs) and label of ``change`` for ``LossPlot.add_step_change``, e.g.
        ``(3.25, "lr 0.05 → 0.01")``; call it from a ``step_changed`` receiver (the run is still known)."""
        n_batches = self.worker.n_batches if self.worker is not None else 1
        return step_position(change, n_batches), step_text(change)

    def stop(self) -> None:
        """Stop the run within one batch; a stop while the data loads cancels the start."""
        self._stop_requested = True
        if self.worker:
            self.worker.stop()

    def shutdown(self) -> None:
        """Stop whatever runs and wait for its thread (closing the window).

        The wait has no time limit: a stop takes effect within one batch, and
        a QThread destroyed while running would abort the whole process.
        Loading cannot be interrupted: it is let go (the job registry keeps
        it alive, and closing the app waits for it). Nothing the run still
        had queued arrives afterwards. The run's recovery checkpoint stays:
        the next start offers to resume it.
        """
        if self._loader is not None:
            self._loader.cancel()
            self._loader = None
        # The trainer ends it as "stopped"; the person did not stop it, a quit did.
        self.recording.interrupt_on_stop("interrupted: the window was closed while it trained")
        if self.job is not None:
            self.job.cancel()
            self.job.wait()
        self.worker = self.job = None  # a run prepared but not yet started never starts
        self.recording.end("interrupted", "interrupted: the window was closed")


@dataclass(frozen=True)
class _Prepared:
    """What the loader thread hands over: the whole dataset (for the cache) and the prepared run."""

    source: Dataset | None  # None for a run built elsewhere (nothing to cache)
    run: PreparedRun | None = None
    untrained: Model | None = None   # a copy of the network, for the window while the run goes
    error: Exception | None = None   # raised on the way, instead of the run
    resume: TrainState | None = None  # where the run goes on from, when it continues a checkpoint


def _prepare(settings: RunSettings, mistakes: frozenset[str], source: Dataset | None,
             resume: Interrupted | None = None) -> _Prepared:
    """Runs in the loader thread: load the dataset unless given, then build the run with prepare_run
    (subset, validation split, settings checked against the data, the network with its mistakes) and read
    the checkpoint it resumes from, if any."""
    if source is None:
        source = load_source(settings.dataset, "train")  # its errors end the job: `failed`
    try:
        run = prepare_run(settings, source, customise=lambda network: apply_mistakes(mistakes, network))
        untrained = recording_mistakes(run.model()).copy()  # before the training thread touches it
        state = resume_state(resume, run.network, run.data) if resume else None
    except Exception as exc:  # noqa: BLE001 - any of them, judged by _cannot_start on the GUI thread
        return _Prepared(source, error=exc)
    return _Prepared(source, run, untrained, resume=state)


def _prepare_built(build: Callable[[], PreparedRun]) -> _Prepared:
    """Runs in the loader thread: a run built elsewhere (its errors judged like those of prepare_run)."""
    try:
        run = build()
        untrained = run.model().copy()
    except Exception as exc:  # noqa: BLE001 - any of them, judged by _cannot_start on the GUI thread
        return _Prepared(None, error=exc)
    return _Prepared(None, run, untrained)


def _with_step(run: PreparedRun, values: dict[str, float]) -> PreparedRun:
    """``run`` with its learning rate, momentum or weight decay replaced by ``values``."""
    if not values:
        return run
    return dataclasses.replace(run, settings=dataclasses.replace(run.settings, **values),
                               config=dataclasses.replace(run.config, **values))


def _model_name(settings: RunSettings, data: Dataset) -> str:
    hidden = settings.hidden.replace(" ", "").replace(",", "-") or "linear"
    return f"{data.name} {hidden} {settings.activation}"
