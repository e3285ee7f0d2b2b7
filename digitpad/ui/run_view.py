"""Presenting a run: from the form (or a lab preset) to the session, and from the session to what the learner sees.

:class:`RunPresenter` starts runs (asking first about an unsaved model or a
missing dataset), pauses, resumes and stops them, and turns the session's
signals into plot points, the panels' progress and status, the doctor's
list, the Runs tab and, while the run goes, a drawing prediction that
follows each epoch's weights. It talks to the widgets through their public
methods only.

A lab run is an experiment meant to fail, kept apart from the learner's own
work: its settings never go into the Train tab's form (nor are remembered as
the form's), its model is never unsaved work to ask about, a doctor's fix for
it becomes the matching Lab choice, and only an earlier run of the same preset
with the same loss is overlaid on it.

Every run is recorded in the run history as it goes (the session's
recorder); the Runs tab is read again when a run starts and ends. From the
Runs tab, Train again fills the form with a recorded run's settings (a lab
run: picks its preset in the Lab), Open its model opens the file saved from
it, and saving the model a run made records where it went.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from digitpad.common.errors import ConfigError
from digitpad.data.registry import NAMES, is_available
from digitpad.lab.pitfalls import PITFALLS, LabRun, get_pitfall
from digitpad.model.bundle import Model
from digitpad.training.history import loss_name
from digitpad.training.prepare import PreparedRun
from digitpad.training.recovery import Interrupted
from digitpad.training.reports import StepChange, TrainResult
from digitpad.training.runs.summary import RunSummary
from digitpad.training.settings import RunSettings
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.dialogs.dataset_dialogs import get_missing_dataset
from digitpad.ui.jobs.session import TrainingSession
from digitpad.ui.jobs.training import EpochUpdate, Progress
from digitpad.ui.model_files import ModelFiles
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.recovery import RecoveryKeeper
from digitpad.ui.run_texts import again_text, ended_text, epoch_text, picked_text, progress_text, result_text
from digitpad.ui.widgets.doctor_panel import describe_fix
from digitpad.ui.widgets.runs_panel import RunsPanel

SETTINGS_KEY = "training/settings"
# A timer this long runs in a later turn of the event loop than the event that starts it (see _diagnosed).
NEXT_TURN_MS = 1


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
        self._cleared = 0  # how many times the plots and the doctor were cleared for a run (or a new model)
        self.pending = 0  # what a run sent that is still to be shown, a turn of the event loop later (cards, overlay)
        self._lab: LabRun | None = None  # the lab run going or last run; None for a run from the form
        self._built = ""  # the label of a run built elsewhere (start_built) going or last run; "" for the form's
        self._lab_runs: list[tuple[int, str, str]] = []  # this window's lab runs: (run id, preset, loss)
        self.recovery = RecoveryKeeper(session, files)
        w = window
        self.panel, self.lab_panel = w.panel, w.lab_panel
        self.loss_plot, self.accuracy_plot, self.grad_plot = w.loss_plot, w.accuracy_plot, w.grad_plot
        s = session
        s.loading.connect(lambda source: self._status(fill(translate("RunPresenter", "Loading {source}…"),
                                                           source=source)))
        s.started.connect(self._started)
        s.progressed.connect(self._progressed)
        s.epoch_finished.connect(self._epoch_finished)
        s.finished.connect(self._finished)
        s.failed.connect(self._failed)
        s.refused.connect(self._refused)
        s.diagnosed.connect(self._diagnosed)
        s.cancelled.connect(self._cancelled)
        s.step_changed.connect(self._step_changed)
        self.panel.step_edited.connect(self._change_step)
        self.panel.train_requested.connect(self.start_training)
        self.panel.pause_requested.connect(self.toggle_pause)
        self.panel.stop_requested.connect(session.stop)
        self.lab_panel.run_requested.connect(self.start_lab_run)
        self.lab_panel.pause_requested.connect(self.toggle_pause)
        self.lab_panel.stop_requested.connect(session.stop)
        w.doctor_panel.fix_requested.connect(self.apply_fix)
        w.doctor_panel.pointed.connect(self.loss_plot.mark_epochs)
        files.created.connect(self._new_model)
        files.saved.connect(self._saved)
        runs: RunsPanel = w.runs_panel
        self.runs_panel = runs
        runs.train_again_requested.connect(self.train_again)
        runs.open_model_requested.connect(lambda path: files.open(Path(path)))

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
            self._start(settings, None)

    def start_lab_run(self, run: LabRun) -> None:
        """Run a lab preset: its configuration and deliberate bugs go into the run only, never into the form."""
        self._start(run.settings, run)

    def resume_run(self, entry: Interrupted) -> bool:
        """Continue an interrupted run from its checkpoint, with its settings (the form shows them); False when
        it did not start (the person kept an unsaved model, or the settings no longer read)."""
        try:
            settings = RunSettings.from_dict(entry.settings)
            settings.validate()
        except (ConfigError, TypeError, ValueError) as exc:
            QMessageBox.warning(self.window, translate("RunPresenter", "Cannot resume the run"),
                                fill(translate("RunPresenter", "Its settings cannot be read: {error}"),
                                     error=error_text(exc)))
            return False
        self.panel.set_settings(settings)
        return self._start(settings, None, resume=entry)

    def _start(self, settings: RunSettings, lab: LabRun | None, resume: Interrupted | None = None) -> bool:
        # A lab model is never unsaved work (see _finished), so only the learner's own model is asked about.
        if self.session.running or not self.files.may_replace_before_training():
            return False
        if (settings.dataset in NAMES and not is_available(settings.dataset)
                and not get_missing_dataset(self.window, settings.dataset)):
            self._status(translate("RunPresenter", "Training needs the dataset; nothing was started."))
            return False
        if lab is None:
            self.settings.setValue(SETTINGS_KEY, settings.to_dict())
        self._lab, self._built = lab, ""
        self._set_running(True)
        # A lab run is meant to fail and is nobody's work to lose: it leaves no recovery checkpoint.
        self.session.start(settings, lab.mistakes if lab else frozenset(), lab.label if lab else "",
                           recover=lab is None, resume=resume, lab_preset=lab.pitfall if lab else "")
        return True

    def start_built(self, build: Callable[[], PreparedRun], label: str, loading: str) -> bool:
        """Train a run built elsewhere (Teach it my digits), asking first about an unsaved model as Train does;
        False when it did not start. Its model replaces the current one at the end, unsaved, like any run's."""
        if self.session.running or not self.files.may_replace_before_training():
            return False
        self._lab, self._built = None, label
        self._set_running(True)
        self.session.start_prepared(build, "", loading, record_label=label)
        return True

    def train_again(self, run: RunSummary, settings: dict) -> None:
        """Runs tab ▸ Train again: the run's settings fill the Train tab's form (a lab run: its preset is picked
        in the Lab tab, where its choices are); nothing starts until Train is pressed."""
        if run.kind == "lab" and run.lab_preset in PITFALLS:
            self.window.open_lab(run.lab_preset)
            self._status(fill(translate("RunPresenter", "The Lab shows {preset}, the preset of {run}: pick its "
                                        "choices and press Run to try it again."),
                              preset=render(get_pitfall(run.lab_preset).title), run=run.name))
            return
        try:
            values = RunSettings.from_dict(settings)
        except (TypeError, ValueError) as exc:
            self._status(fill(translate("RunPresenter", "The settings of {run} cannot be read: {error}"),
                              run=run.name, error=exc))
            return
        self.panel.set_settings(values)
        self.window.side_tabs.setCurrentWidget(self.panel)
        self._status(again_text(run))

    def _saved(self, path: Path) -> None:
        """The current model was saved: if a recorded run made it (unedited), the run's record says where: the
        run that made it, not the one going (or failed) since, whose id the session's ``run_id`` is by then."""
        model, run_id = self.files.model, self.session.last_run_id
        if run_id is not None and model is self.session.last_model and not model.edited:
            self.runs_panel.set_model_path(run_id, path)

    def toggle_pause(self) -> None:
        if not self.session.worker:
            return
        paused = not self.session.worker.paused
        if paused:
            self.session.pause()
        else:
            self.session.resume()
        for panel in (self.panel, self.lab_panel):
            panel.set_paused(paused)
        if paused:
            self._status(translate("RunPresenter", "Paused; press Resume (F6) to go on."))

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
        self._status(fill(translate("RunPresenter", "{change} from epoch {epoch}, batch {batch}."), change=text,
                          epoch=change.epoch + 1, batch=change.batch + 1))

    def apply_fix(self, fix: dict) -> None:
        """Put a training doctor's suggested change where the next run comes from: the form, or for a lab run
        the Lab's matching choices (the form is the learner's own, a lab run never changes it)."""
        words = describe_fix(fix)
        if self._lab is None:
            self.panel.set_settings(dataclasses.replace(self.panel.settings(), **fix))
            self.window.side_tabs.setCurrentWidget(self.panel)
            self._status(fill(translate("RunPresenter", "Applied {fix}. Press Train (F5) to try it."), fix=words))
            return
        preset = get_pitfall(self._lab.pitfall)
        names = preset.toggles_for(fix)
        if not names:
            self.window.doctor_panel.set_applied(fix, False)  # nothing was applied: the card must not say so
            self._status(fill(translate("RunPresenter", "The lab has no choice that sets {fix}; try it on your own "
                                        "run in the Train tab."), fix=words))
            return
        if self.lab_panel.preset() is not preset:
            self.lab_panel.set_preset(preset.name)
        self.lab_panel.apply_toggles(names)
        self.window.side_tabs.setCurrentWidget(self.lab_panel)
        self._status(picked_text([preset.toggle(name).label for name in names], words))

    # -- what the session reports ---------------------------------------------
    def _started(self, untrained: Model) -> None:
        self._clear_run(untrained.hyperparameters.get("epochs"))
        self.runs_panel.refresh(select=self.session.recording.run_id)  # the run is listed, as running, from its start
        self.grad_plot.set_layers(len(untrained.network.dense_layers))
        self.loss_plot.set_current_loss(untrained.hyperparameters)  # overlays of another loss get a note
        self._status(fill(translate("RunPresenter", "Training {network}…"), network=repr(untrained.network)))
        # The drawing's prediction follows the run: a copy updated with each epoch's weights, named as the run.
        self.prediction.set_model(untrained)
        self.window.model_label.setText(fill(translate("RunPresenter", "<b>Training: {name}</b><br>{network}"),
                                             name=untrained.name, network=repr(untrained.network)))
        if self.session.resumed is not None:
            self._show_earlier_epochs(self.session.resumed.result)

    def _show_earlier_epochs(self, done: TrainResult) -> None:
        """A resumed run's curves start with the epochs it trained before it was interrupted."""
        if not done.epochs_done:
            return
        per_epoch = len(done.batch_losses) / done.epochs_done
        self.loss_plot.add_batches([(i + 1) / per_epoch for i in range(len(done.batch_losses))], done.batch_losses)
        ends, history = list(range(1, done.epochs_done + 1)), done.history
        self.loss_plot.add_epochs(ends, history["train_loss"], history.get("val_loss", [None] * len(ends)))
        self.accuracy_plot.add_epochs(ends, [100 * a for a in history["train_accuracy"]],
                                      [100 * a for a in history["val_accuracy"]] if "val_accuracy" in history
                                      else [None] * len(ends))
        self._status(fill(translate("RunPresenter", "Resumed after epoch {epoch}; training goes on…"),
                          epoch=done.epochs_done))

    def _new_model(self, model: Model) -> None:
        """File ▸ New model: nothing on screen may still speak of the run before it."""
        self._clear_run(None)
        self._lab = None
        self._status(fill(translate("RunPresenter", "New untrained model {network}. Press Train (F5) to train it."),
                          network=repr(model.network)))

    def _clear_run(self, epochs: int | None) -> None:
        self._cleared += 1
        for plot in (self.loss_plot, self.accuracy_plot, self.grad_plot):
            plot.clear_run(epochs)
        self.window.doctor_panel.set_diagnoses([])
        for panel in (self.panel, self.lab_panel):
            panel.show_progress(0, 1, "")

    def _progressed(self, p: Progress) -> None:
        self._batches_per_epoch = p.n_batches
        self.grad_plot.add(p.steps, p.grad_norms)
        self.loss_plot.add_batches(p.steps, p.losses)
        text = progress_text(p)
        for panel in (self.panel, self.lab_panel):
            panel.show_progress(p.epoch * p.n_batches + p.batch + 1, p.epochs * p.n_batches, text)

    def _diagnosed(self, diagnoses: list) -> None:
        # New cards are built and laid out in a later turn of the event loop than the plots' update they came
        # with: in one turn, the two took one 40-55 ms stretch of the GUI thread (benchmarks/README.md). A timer,
        # not a queued call: Qt runs the queued calls (and a 0 ms single shot) of a turn together.
        panel = self.window.doctor_panel
        self._next_turn(lambda: panel.set_diagnoses(diagnoses), this_run_only=True)  # a run's cards are its own

    def _next_turn(self, call: Callable[[], None], this_run_only: bool = False) -> None:
        """Run ``call`` a turn of the event loop later (:attr:`pending` counts it until then); with
        ``this_run_only``, not at all if the plots and the doctor have been cleared for another run by then."""
        run = self._cleared
        self.pending += 1

        def later() -> None:
            self.pending -= 1
            if not this_run_only or self._cleared == run:
                call()
        QTimer.singleShot(NEXT_TURN_MS, self, later)

    def _epoch_finished(self, update: EpochUpdate) -> None:
        epochs = update.epochs
        ends = [e.epoch + 1 for e in epochs]
        self.loss_plot.add_epochs(ends, [e.train_loss for e in epochs], [e.val_loss for e in epochs])
        self.accuracy_plot.add_epochs(ends, [100 * e.train_accuracy for e in epochs],
                                 [None if e.val_accuracy is None else 100 * e.val_accuracy for e in epochs])
        self.prediction.model.network.set_weights(update.weights)
        self.prediction.update()
        self._status(epoch_text(update.stats))

    def _finished(self, model: Model, result: TrainResult) -> None:
        self._set_running(False)
        lab, runs = self._lab, self.runs_panel
        self.files.set_model(model, None, unsaved=lab is None)  # a model meant to fail is nobody's work to lose
        run_id = self.session.recording.run_id
        runs.refresh(select=run_id)
        if lab is not None:
            preset = lab.pitfall
            self.lab_panel.reveal(preset)
            # The earlier run's curves (~25 ms to read) come a turn after the run's end is shown; they are ticked
            # runs, which outlive the run (as if ticked at once).
            if run_id is not None:
                self._next_turn(lambda: self._overlay_lab_runs(run_id, preset, loss_name(model.hyperparameters)))
        self._after_run()
        self._status(ended_text(result) + self._record_lacks())
        if result.status == "diverged":
            QMessageBox.warning(self.window, translate("RunPresenter", "Training diverged"), result_text(result))

    def _overlay_lab_runs(self, run_id: int, preset: str, loss: str) -> None:
        """Overlay the latest earlier lab run of this window of the same preset with the same loss; untick the
        window's lab runs that are not comparable with this one (another preset, another loss: curves on
        different scales)."""
        runs = self.runs_panel
        comparable = [i for i, name, other in self._lab_runs if name == preset and other == loss]
        for old in runs.ticked_ids():
            if any(old == i for i, _, _ in self._lab_runs) and old not in comparable:
                runs.tick(old, False)
        self._lab_runs.append((run_id, preset, loss))
        if comparable:
            runs.tick(comparable[-1])

    def _refused(self, error: ConfigError) -> None:
        self._set_running(False)
        self.files.refresh()  # the prediction and its header go back to the current model
        if self._built:  # not the form's settings: nothing there to point at
            self._status(error_text(error))
            QMessageBox.warning(self.window, fill(translate("RunPresenter", "{run}: cannot start"), run=self._built),
                                error_text(error))
        elif self._lab is None:
            self.panel.show_error(error)
        else:
            self._status(error_text(error))

    def _cancelled(self, message: str) -> None:
        self._set_running(False)
        self.runs_panel.refresh()
        self.files.refresh()
        self._status(message)

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.runs_panel.refresh()  # a run that failed while training is listed as failed
        self._status(message + self._record_lacks())
        self.files.refresh()
        QMessageBox.critical(self.window, translate("RunPresenter", "Training failed"), message)

    def _record_lacks(self) -> str:
        """What the status adds, once, as a run ends whose record could not all be written ("": nothing)."""
        error = self.session.recording.error
        return fill(translate("RunPresenter", " This run's record in the run history is incomplete: {error}"),
                    error=error) if error else ""

    def _status(self, text: str) -> None:
        """The run's state, in the training and lab panels and in the status bar."""
        self.panel.show_status(text)
        self.lab_panel.show_status(text)
        self.window.statusBar().showMessage(text)

    def _set_running(self, running: bool) -> None:
        self.panel.set_running(running)
        self.lab_panel.set_running(running)

