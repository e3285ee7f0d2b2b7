"""Presenting a run: from the form (or a lab preset) to the session, and from the session to what the learner sees.

:class:`RunPresenter` starts runs (asking first about an unsaved model or a
missing dataset), pauses, resumes and stops them, and turns the session's
signals into plot points, the panel's progress and status, the doctor's
list, the Runs tab and, while the run goes, a drawing prediction that
follows each epoch's weights. It talks to the widgets through their public
methods only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMainWindow, QMessageBox

from digitpad.common.errors import ConfigError
from digitpad.data.registry import NAMES, is_available
from digitpad.lab.pitfalls import LabRun
from digitpad.model.bundle import Model
from digitpad.training.settings import RunSettings
from digitpad.training.trainer import StepChange, TrainResult
from digitpad.ui.dialogs.dataset_dialogs import get_missing_dataset
from digitpad.ui.jobs.session import TrainingSession
from digitpad.ui.jobs.training import EpochUpdate, Progress
from digitpad.ui.model_files import ModelFiles
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.widgets.runs_panel import RunRecord

SETTINGS_KEY = "training/settings"


class RunPresenter(QObject):
    """Runs training for ``window`` (a MainWindow: its panel, plots, doctor, runs and lab widgets).

    ``after_run()`` is called once a run's model is the current one (the
    window refreshes Look inside with it).
    """

    def __init__(self, window: QMainWindow, session: TrainingSession, files: ModelFiles,
                 prediction: DrawingPrediction, settings: QSettings, after_run: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.session, self.files, self.prediction = window, session, files, prediction
        self.settings, self._after_run = settings, after_run
        self._batches_per_epoch = 1
        w = window
        self.panel, self.lab_panel = w.panel, w.lab_panel
        self.loss_plot, self.accuracy_plot, self.grad_plot = w.loss_plot, w.accuracy_plot, w.grad_plot
        s = session
        s.loading.connect(lambda source: self.panel.show_status(f"Loading {source}…"))
        s.started.connect(self._started)
        s.progressed.connect(self._progressed)
        s.epoch_finished.connect(self._epoch_finished)
        s.finished.connect(self._finished)
        s.failed.connect(self._failed)
        s.refused.connect(self._refused)
        s.diagnosed.connect(w.doctor_panel.set_diagnoses)
        s.cancelled.connect(self._cancelled)
        s.step_changed.connect(self._step_changed)
        self.panel.step_edited.connect(self._change_step)
        self.panel.train_requested.connect(self.start_training)
        self.panel.pause_requested.connect(self.toggle_pause)
        self.panel.stop_requested.connect(session.stop)
        self.lab_panel.run_requested.connect(self.start_lab_run)
        w.doctor_panel.fix_requested.connect(self.apply_fix)

    # -- starting -----------------------------------------------------------
    def valid_settings(self) -> RunSettings | None:
        """The form's settings, or None after showing the first error next to its field."""
        settings = self.panel.settings()
        try:
            settings.validate()
        except ConfigError as exc:
            self.panel.show_error(exc)
            return None
        self.panel.clear_errors()
        return settings

    def start_training(self) -> None:
        settings = self.valid_settings()
        if settings is not None:
            self._start(settings)

    def start_lab_run(self, run: LabRun) -> None:
        """Run a lab preset: its whole configuration goes into the form, its deliberate bugs into the run."""
        self.panel.set_settings(run.settings)
        self._start(run.settings, run.mistakes, run.label)

    def _start(self, settings: RunSettings, mistakes: frozenset[str] = frozenset(), label: str = "") -> None:
        if self.session.running or not self.files.may_replace_before_training():
            return
        if settings.dataset in NAMES and not is_available(settings.dataset):
            if not get_missing_dataset(self.window, settings.dataset):
                self.panel.show_status("Training needs the dataset; nothing was started.")
                return
        self.settings.setValue(SETTINGS_KEY, settings.to_dict())
        self._set_running(True)
        self.session.start(settings, mistakes, label)

    def toggle_pause(self) -> None:
        if not self.session.worker:
            return
        if self.session.worker.paused:
            self.session.resume()
            self.panel.set_paused(False)
        else:
            self.session.pause()
            self.panel.set_paused(True)
            self.panel.show_status("Paused; press Resume (F6) to go on.")

    def _change_step(self, values: dict) -> None:
        """The learner changed the learning rate, momentum or weight decay while the run trains."""
        try:
            self.session.change_step(**values)
        except ConfigError as exc:
            self.panel.show_step_error(exc)
        except RuntimeError:
            pass  # the run ended as the edit arrived: the form keeps the value for the next run

    def _step_changed(self, change: StepChange) -> None:
        """A change took effect: a marker on the loss plot where it did, and a line in the status."""
        x, text = self.session.step_marker(change)
        self.loss_plot.add_step_change(x, text)
        self._status(f"{text} from epoch {change.epoch + 1}, batch {change.batch + 1}.")

    def apply_fix(self, fix: dict) -> None:
        """Put a training doctor's suggested change into the form, ready for the next run."""
        self.panel.set_settings(dataclasses.replace(self.panel.settings(), **fix))
        self.window.side_tabs.setCurrentWidget(self.panel)
        applied = ", ".join(f"{key.replace('_', ' ')} → {value}" for key, value in fix.items())
        self.panel.show_status(f"Applied {applied}. Press Train (F5) to try it.")

    # -- what the session reports ---------------------------------------------
    def _started(self, untrained: Model) -> None:
        epochs = untrained.hyperparameters.get("epochs")
        for plot in (self.loss_plot, self.accuracy_plot, self.grad_plot):
            plot.clear_run(epochs)
        self.window.doctor_panel.set_diagnoses([])
        self.panel.show_progress(0, 1, "")
        self.panel.show_status(f"Training {untrained.network!r}…")
        # The drawing's prediction follows the run: a copy updated with each epoch's weights.
        self.prediction.set_model(untrained)

    def _progressed(self, p: Progress) -> None:
        self._batches_per_epoch = p.n_batches
        self.grad_plot.add(p.steps, p.grad_norms)
        self.loss_plot.add_batches(p.steps, p.losses)
        self.panel.show_progress(p.epoch * p.n_batches + p.batch + 1, p.epochs * p.n_batches,
                                 f"epoch {p.epoch + 1}/{p.epochs} · batch {p.batch + 1}/{p.n_batches}"
                                 f" · {duration(p.eta)} left")

    def _epoch_finished(self, update: EpochUpdate) -> None:
        epochs = update.epochs
        ends = [e.epoch + 1 for e in epochs]
        self.loss_plot.add_epochs(ends, [e.train_loss for e in epochs], [e.val_loss for e in epochs])
        self.accuracy_plot.add_epochs(ends, [100 * e.train_accuracy for e in epochs],
                                 [None if e.val_accuracy is None else 100 * e.val_accuracy for e in epochs])
        self.prediction.model.network.set_weights(update.weights)
        self.prediction.update()
        s = update.stats
        val = f", validation accuracy {s.val_accuracy:.1%}" if s.val_accuracy is not None else ""
        self._status(f"Epoch {s.epoch + 1}/{s.epochs}: loss {s.train_loss:.4f}{val}")

    def _finished(self, model: Model, result: TrainResult) -> None:
        self._set_running(False)
        self.files.set_model(model, None, unsaved=True)
        runs, label = self.window.runs_panel, self.session.label
        record = RunRecord.from_result(label or runs.next_name(), model.hyperparameters, result,
                                       self._batches_per_epoch)
        earlier = [r for r in runs.runs() if label and r.name.split(":")[0] == label.split(":")[0]]
        runs.add_run(record)
        if earlier:  # a lab preset run again (e.g. with its fixes): overlay the previous attempt
            runs.tick(earlier[-1])
        self._after_run()
        self._status(f"{result.message[0].upper()}{result.message[1:]} ({duration(result.seconds)}).")
        if result.status == "diverged":
            QMessageBox.warning(self.window, "Training diverged", result.message)

    def _refused(self, error: ConfigError) -> None:
        self._set_running(False)
        self.prediction.set_model(self.files.model)
        self.panel.show_error(error)

    def _cancelled(self, message: str) -> None:
        self._set_running(False)
        self.panel.show_status(message)

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.panel.show_status(message)
        self.prediction.set_model(self.files.model)
        QMessageBox.critical(self.window, "Training failed", message)

    def _status(self, text: str) -> None:
        """The run's state, in the training panel and in the status bar (seen from the Lab tab too)."""
        self.panel.show_status(text)
        self.window.statusBar().showMessage(text)

    def _set_running(self, running: bool) -> None:
        self.panel.set_running(running)
        self.lab_panel.set_running(running)


def duration(seconds: float) -> str:
    """``"42 s"`` or ``"3:07"``: a run's time for the window."""
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds} s"
