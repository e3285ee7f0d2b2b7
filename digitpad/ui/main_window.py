"""The main window: composes the widgets and wires them together, nothing more."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
)

from digitpad.common.errors import ConfigError, DigitpadError
from digitpad.data import loading, registry
from digitpad.inference.predict import predict_drawing, preview
from digitpad.inference.saliency import drawing_saliency
from digitpad.lab.pitfalls import PITFALLS, LabRun
from digitpad.model.bundle import Model
from digitpad.model.files import load_model, save_model
from digitpad.training.prepare import build_network, to_model
from digitpad.training.settings import RunSettings
from digitpad.ui.base.recent_files import RecentFiles
from digitpad.ui.dialogs.dataset_dialogs import DownloadDialog, get_missing_dataset
from digitpad.ui.dialogs.model_info import ModelInfoDialog
from digitpad.ui.inspect.inspect_window import InspectWindow
from digitpad.ui.jobs.job import Job
from digitpad.ui.jobs.session import TrainingSession
from digitpad.ui.widgets.canvas import DrawingCanvas
from digitpad.ui.widgets.doctor_panel import DoctorPanel
from digitpad.ui.widgets.gradient_plot import GradientNormPlot
from digitpad.ui.widgets.lab_panel import LabPanel
from digitpad.ui.widgets.plots import AccuracyPlot, LossPlot
from digitpad.ui.widgets.preview import InputPreview
from digitpad.ui.widgets.probabilities import ProbabilityBars
from digitpad.ui.widgets.runs_panel import RunRecord, RunsPanel
from digitpad.ui.widgets.training_panel import TrainingPanel

PREDICT_DELAY_MS = 30  # at most one prediction per 30 ms while drawing
MODEL_FILTER = "digitpad models (*.npz);;All files (*)"
SKIP_SAVE_QUESTION = "files/skipSaveQuestionBeforeTraining"


class MainWindow(QMainWindow):
    """Draw on the left, see the prediction in the middle, train on the right, curves below."""

    def __init__(self, model: Model, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.model = model
        self.model_path: Path | None = None
        self.session = TrainingSession(self)
        self.recent = RecentFiles(self.settings)
        self.inspect_window: InspectWindow | None = None
        self._batches_per_epoch = 1
        self._predict_timer = QTimer(self, singleShot=True, interval=PREDICT_DELAY_MS)
        self._predict_timer.timeout.connect(self.update_prediction)
        self._build()
        self._build_menus()
        self._connect_session()
        self._restore_settings()
        self.set_model(model, None)

    # -- layout ----------------------------------------------------------
    def _build(self) -> None:
        self.canvas = DrawingCanvas()
        self.preview = InputPreview()
        self.probabilities = ProbabilityBars()
        self.panel = TrainingPanel()
        self.loss_plot, self.accuracy_plot = LossPlot(), AccuracyPlot()
        draw_box = QGroupBox("Draw a digit")
        draw_layout = QVBoxLayout(draw_box)
        draw_layout.addWidget(self.canvas, 1)
        draw_layout.addLayout(self._canvas_buttons())
        predict_box = QGroupBox("Prediction")
        predict_layout = QVBoxLayout(predict_box)
        self.model_label = QLabel(objectName="modelLabel", wordWrap=True)
        self.model_label.setToolTip("The model that reads your drawing (Model ▸ Model details… for more)")
        predict_layout.addWidget(self.model_label)
        predict_layout.addWidget(self.probabilities, 1)
        seen = QLabel("What the model sees:")
        predict_layout.addWidget(seen)
        predict_layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        self.side_tabs = QTabWidget(objectName="sideTabs")
        self.side_tabs.addTab(self.panel, "Train")
        self.lab_panel = LabPanel()
        self.lab_panel.run_requested.connect(self.start_lab_run)
        self.side_tabs.addTab(self.lab_panel, "Lab")
        top = QSplitter(Qt.Orientation.Horizontal, objectName="topSplitter")
        for widget, stretch in ((draw_box, 5), (predict_box, 3), (self.side_tabs, 3)):
            top.addWidget(widget)
            top.setStretchFactor(top.count() - 1, stretch)
        self.runs_panel = RunsPanel()
        self.runs_panel.overlays_changed.connect(self.loss_plot.set_overlays)
        self.runs_panel.overlays_changed.connect(self.accuracy_plot.set_overlays)
        self.doctor_panel, self.grad_plot = DoctorPanel(), GradientNormPlot()
        self.doctor_panel.fix_requested.connect(self.apply_fix)
        self.insight_tabs = QTabWidget(objectName="insightTabs")
        for widget, title in ((self.doctor_panel, "Doctor"), (self.grad_plot, "Gradients"), (self.runs_panel, "Runs")):
            self.insight_tabs.addTab(widget, title)
        plots = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.loss_plot, self.accuracy_plot, self.insight_tabs):
            plots.addWidget(widget)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="mainSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(plots)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.canvas.drawing_changed.connect(self._schedule_prediction)
        self.panel.train_button.clicked.connect(self.start_training)
        self.panel.pause_button.clicked.connect(self.toggle_pause)
        self.panel.stop_button.clicked.connect(self.session.stop)
        self.statusBar().showMessage("Draw a digit with the left mouse button; the right button erases.")

    def _canvas_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.clear_button = QPushButton("Clear", objectName="clearButton", toolTip="Clear the canvas (Esc)")
        self.undo_button = QPushButton("Undo", objectName="undoButton", toolTip="Undo the last stroke (Ctrl+Z)")
        self.eraser_button = QPushButton("Eraser", objectName="eraserButton", checkable=True,
                                         toolTip="Left button erases while on (E); the right button always erases")
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.canvas.undo_available.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        for button in (self.clear_button, self.undo_button, self.eraser_button):
            row.addWidget(button)
        return row

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&New model", self.new_model, QKeySequence.StandardKey.New,
                     "An untrained network with the current settings")
        self._action(file_menu, "&Open…", self.open_model_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file_menu, "&Save", self.save_model, QKeySequence.StandardKey.Save)
        self._action(file_menu, "Save &as…", self.save_model_as, QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        draw_menu = self.menuBar().addMenu("&Draw")
        self._action(draw_menu, "&Undo stroke", self.canvas.undo, QKeySequence.StandardKey.Undo)
        self._action(draw_menu, "&Clear", self.canvas.clear, [QKeySequence(Qt.Key.Key_Escape),
                                                              QKeySequence(Qt.Key.Key_Delete)])
        self._action(draw_menu, "&Eraser", self.eraser_button.toggle, QKeySequence(Qt.Key.Key_E))
        self.saliency_action = self._action(draw_menu, "Show &saliency", self.update_prediction,
                                            QKeySequence(Qt.Key.Key_S),
                                            "Colour the drawing by how each pixel pushes the top class: "
                                            "red raises it, blue lowers it")
        self.saliency_action.setCheckable(True)
        train_menu = self.menuBar().addMenu("&Training")
        self._action(train_menu, "&Train", self.start_training, QKeySequence(Qt.Key.Key_F5))
        self._action(train_menu, "&Pause / resume", self.toggle_pause, QKeySequence(Qt.Key.Key_F6))
        self._action(train_menu, "&Stop", self.session.stop, QKeySequence("Shift+F5"))
        lab_menu = self.menuBar().addMenu("&Lab")
        for preset in PITFALLS.values():
            self._action(lab_menu, preset.title, lambda checked=False, name=preset.name: self.open_lab(name),
                         tip=preset.summary)
        model_menu = self.menuBar().addMenu("&Model")
        self._action(model_menu, "Model &details…", self.show_model_info, QKeySequence("Ctrl+I"))
        self._action(model_menu, "&Look inside…", self.look_inside, QKeySequence("Ctrl+L"),
                     "Confusion matrix, mistakes, first-layer weights, activations and a gradient check "
                     "on the model's test set")
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About digitpad", self._about)

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else QKeySequence.keyBindings(shortcut)
                                if isinstance(shortcut, QKeySequence.StandardKey) else [shortcut])
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- prediction ------------------------------------------------------
    def _schedule_prediction(self) -> None:
        """Throttle, not debounce: during a long stroke the bars still move every 30 ms."""
        if not self._predict_timer.isActive():
            self._predict_timer.start()

    def update_prediction(self) -> None:
        """Preprocess the drawing and run one forward pass (well under a millisecond)."""
        drawing = self.canvas.image()
        if not np.any(drawing > 0):
            self.probabilities.set_probabilities(None)
            self.preview.set_image(None)
            self.canvas.set_overlay(None)
            return
        self.preview.set_image(preview(self.display_model, drawing))
        self.probabilities.set_probabilities(predict_drawing(self.display_model, drawing))
        show = self.saliency_action.isChecked()
        self.canvas.set_overlay(drawing_saliency(self.display_model, drawing) if show else None)

    def set_model(self, model: Model, path: Path | None) -> None:
        """Make ``model`` the current one; the display copy follows it."""
        self.model, self.model_path = model, path
        self.display_model = model
        self.probabilities.set_class_names(model.class_names)
        self.setWindowModified(False)
        self._update_title()
        self.update_prediction()

    def _update_title(self) -> None:
        name = self.model.name or (self.model_path.stem if self.model_path else "Untitled")
        self.setWindowTitle(f"{name}[*] — digitpad")
        self.model_label.setText(f"<b>{name}</b><br>{self.model.network!r}")

    # -- training --------------------------------------------------------
    def _connect_session(self) -> None:
        s = self.session
        s.loading.connect(lambda source: self.panel.status.setText(f"Loading {source}…"))
        s.started.connect(self._training_started)
        s.progressed.connect(self._progressed)
        s.epoch_finished.connect(self._epoch_finished)
        s.finished.connect(self._training_finished)
        s.failed.connect(self._training_failed)
        s.refused.connect(self._training_refused)
        s.diagnosed.connect(self.doctor_panel.set_diagnoses)
        s.cancelled.connect(self._training_cancelled)

    def _valid_settings(self) -> RunSettings | None:
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
        settings = self._valid_settings()
        if settings is not None:
            self._start(settings)

    def start_lab_run(self, run: LabRun) -> None:
        """Run a lab preset: its whole configuration goes into the form, its deliberate bugs into the run."""
        self.panel.set_settings(run.settings)
        self._start(run.settings, run.mistakes, run.label)

    def _start(self, settings: RunSettings, mistakes: frozenset[str] = frozenset(), label: str = "") -> None:
        if self.session.running or not self._may_replace_before_training():
            return
        if settings.dataset in registry.NAMES and not registry.is_available(settings.dataset):
            if not get_missing_dataset(self, settings.dataset):
                self.panel.status.setText("Training needs the dataset; nothing was started.")
                return
        self.settings.setValue("training/settings", settings.to_dict())
        self.panel.set_running(True)
        self.lab_panel.set_running(True)
        self.session.start(settings, mistakes, label)

    def _training_started(self, untrained: Model) -> None:
        epochs = untrained.hyperparameters.get("epochs")
        self.loss_plot.clear_run(epochs)
        self.accuracy_plot.clear_run(epochs)
        self.grad_plot.clear_run(epochs)
        self.doctor_panel.set_diagnoses([])
        self.panel.progress.setValue(0)
        self.panel.status.setText(f"Training {untrained.network!r}…")
        # The drawing's prediction follows the run: a copy updated with each epoch's weights.
        self.display_model = untrained
        self.probabilities.set_class_names(untrained.class_names)
        self.update_prediction()

    def _progressed(self, p) -> None:
        self._batches_per_epoch = p.n_batches
        self.grad_plot.add(p.steps, p.grad_norms)
        self.loss_plot.add_batches(p.steps, p.losses)
        done = p.epoch * p.n_batches + p.batch + 1
        self.panel.progress.setMaximum(p.epochs * p.n_batches)
        self.panel.progress.setValue(done)
        self.panel.progress.setFormat(f"epoch {p.epoch + 1}/{p.epochs} · batch {p.batch + 1}/{p.n_batches}"
                                      f" · {_duration(p.eta)} left")

    def _epoch_finished(self, update) -> None:
        epochs = update.epochs
        ends = [e.epoch + 1 for e in epochs]
        self.loss_plot.add_epochs(ends, [e.train_loss for e in epochs], [e.val_loss for e in epochs])
        self.accuracy_plot.add_epochs(ends, [100 * e.train_accuracy for e in epochs],
                                      [None if e.val_accuracy is None else 100 * e.val_accuracy for e in epochs])
        s = update.stats
        self.display_model.network.set_weights(update.weights)
        self.update_prediction()
        val = f", validation accuracy {s.val_accuracy:.1%}" if s.val_accuracy is not None else ""
        self._status(f"Epoch {s.epoch + 1}/{s.epochs}: loss {s.train_loss:.4f}{val}")

    def _status(self, text: str) -> None:
        """The run's state, in the training panel and in the status bar (seen from the Lab tab too)."""
        self.panel.status.setText(text)
        self.statusBar().showMessage(text)

    def _set_running(self, running: bool) -> None:
        self.panel.set_running(running)
        self.lab_panel.set_running(running)

    def _training_finished(self, model: Model, result) -> None:
        self._set_running(False)
        self.set_model(model, None)
        self.setWindowModified(True)
        record = RunRecord.from_result(self.session.label or self.runs_panel.next_name(), model.hyperparameters,
                                       result, self._batches_per_epoch)
        earlier = [r for r in self.runs_panel.runs() if self.session.label and
                   r.name.split(":")[0] == self.session.label.split(":")[0]]
        self.runs_panel.add_run(record)
        if earlier:  # a lab preset run again (e.g. with its fixes): overlay the previous attempt
            self.runs_panel.tick(earlier[-1])
        if self.inspect_window is not None and self.inspect_window.isVisible():
            self.look_inside()
        self._status(f"{result.message[0].upper()}{result.message[1:]} ({_duration(result.seconds)}).")
        if result.status == "diverged":
            QMessageBox.warning(self, "Training diverged", result.message)

    def _training_refused(self, error: ConfigError) -> None:
        self._set_running(False)
        self.display_model = self.model
        self.panel.show_error(error)

    def _training_cancelled(self, message: str) -> None:
        self._set_running(False)
        self.panel.status.setText(message)

    def _training_failed(self, message: str) -> None:
        self._set_running(False)
        self.panel.status.setText(message)
        self.display_model = self.model
        QMessageBox.critical(self, "Training failed", message)

    def open_lab(self, name: str) -> None:
        """Show a pitfall preset in the Lab tab, ready to run."""
        self.lab_panel.set_preset(name)
        self.side_tabs.setCurrentWidget(self.lab_panel)

    def apply_fix(self, fix: dict) -> None:
        """Put a training doctor's suggested change into the form, ready for the next run."""
        settings = dataclasses.replace(self.panel.settings(), **fix)
        self.panel.set_settings(settings)
        self.side_tabs.setCurrentWidget(self.panel)
        applied = ", ".join(f"{key.replace('_', ' ')} → {value}" for key, value in fix.items())
        self.panel.status.setText(f"Applied {applied}. Press Train (F5) to try it.")

    def toggle_pause(self) -> None:
        if not self.session.worker:
            return
        if self.session.worker.paused:
            self.session.resume()
            self.panel.set_paused(False)
        else:
            self.session.pause()
            self.panel.set_paused(True)
            self.panel.status.setText("Paused; press Resume (F6) to go on.")

    # -- files -----------------------------------------------------------
    def new_model(self) -> None:
        """Replace the model with an untrained network built from the training settings."""
        settings = self._valid_settings()
        if settings is None or self.session.running or not self._may_discard():
            return
        data = loading.describe(settings.dataset)
        self.set_model(to_model(build_network(settings, data), data, settings, None, name="Untitled"), None)

    def open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open model", self._folder(), MODEL_FILTER)
        if path:
            self.open_model(Path(path))

    def open_model(self, path: Path) -> bool:
        """Load ``path``; on any problem show why and keep the current model."""
        if self.session.running:
            QMessageBox.information(self, "Training is running", "Stop the training before opening another model.")
            return False
        if not self._may_discard():
            return False
        try:
            model = load_model(path)
        except DigitpadError as exc:
            QMessageBox.warning(self, "Cannot open model", f"{path.name} cannot be opened: {exc}\n\n"
                                "The current model stays loaded.")
            self.recent.remove_if_missing(path)
            return False
        self.set_model(model, path)
        self.recent.add(path)
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def save_model(self) -> bool:
        if self.model_path is None:
            return self.save_model_as()
        return self._save_to(self.model_path)

    def save_model_as(self) -> bool:
        suggested = str(Path(self._folder()) / f"{(self.model.name or 'model').replace(' ', '-')}.npz")
        path, _ = QFileDialog.getSaveFileName(self, "Save model", suggested, MODEL_FILTER)
        if not path:
            return False
        path = Path(path) if path.endswith(".npz") else Path(path + ".npz")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            save_model(path, self.model)
        except DigitpadError as exc:
            QMessageBox.warning(self, "Cannot save model", f"{path.name} was not saved: {exc}")
            return False
        self.model_path = path
        self.recent.add(path)
        self.setWindowModified(False)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def _may_discard(self) -> bool:
        """Ask before losing unsaved training; True when it is fine to go on."""
        if not self.isWindowModified():
            return True
        answer = QMessageBox.question(
            self, "Unsaved model", "The trained model has not been saved. Save it first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_model()
        return answer == QMessageBox.StandardButton.Discard

    def _may_replace_before_training(self) -> bool:
        """Like :meth:`_may_discard`, but a learner running many experiments can turn the question off."""
        if not self.isWindowModified() or self.settings.value(SKIP_SAVE_QUESTION, False, type=bool):
            return True
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved model",
                          "Training replaces the trained model, which has not been saved. Save it first? "
                          "(Its curves stay in the Runs tab either way.)",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        dont_ask = QCheckBox("Don't ask again before training", box)  # parented: the box must not outlive it
        box.setCheckBox(dont_ask)
        answer = box.exec()
        if dont_ask.isChecked() and answer != QMessageBox.StandardButton.Cancel:
            self.settings.setValue(SKIP_SAVE_QUESTION, True)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_model()
        return answer == QMessageBox.StandardButton.Discard

    def _folder(self) -> str:
        return str(self.model_path.parent) if self.model_path else str(Path.home())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(path.name, lambda p=path: self.open_model(p))
            action.setStatusTip(str(path))
        if not paths:
            self.recent_menu.addAction("No recent models").setEnabled(False)

    def look_inside(self) -> None:
        """Open (or refresh) the inspection window on the model's own test split, loaded off the GUI thread."""
        source = self.model.dataset
        if source not in registry.NAMES or not registry.is_available(source):
            QMessageBox.information(self, "No test set", f"Looking inside needs the test images of "
                                    f"{source or 'the model’s dataset'}, which are not on this computer. "
                                    "Train or download the dataset first.")
            return
        model = self.model
        self._inside_job = job = Job(lambda report, cancelled: loading.load(source, "test"))
        job.finished.connect(lambda test: self._show_inside(model, test))
        job.errored.connect(lambda message: QMessageBox.warning(self, "Cannot look inside", message))
        job.start()

    def _show_inside(self, model: Model, test) -> None:
        try:
            if self.inspect_window is None:
                self.inspect_window = InspectWindow(model, test, self)
            else:
                self.inspect_window.set_model(model, test)
        except DigitpadError as exc:
            QMessageBox.warning(self, "Cannot look inside", str(exc))
            return
        self.inspect_window.show()
        self.inspect_window.raise_()

    def show_model_info(self) -> None:
        ModelInfoDialog(self, self.model).exec()

    def _about(self) -> None:
        QMessageBox.about(self, "About digitpad", "<b>digitpad</b> — draw digits, train a neural network "
                          "written in NumPy, and watch it learn.")

    # -- settings and closing ---------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 800)
        state = self.settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        saved = self.settings.value("training/settings")
        if saved is not None:
            try:
                self.panel.set_settings(RunSettings.from_dict(dict(saved)))
            except (TypeError, ValueError):
                self.statusBar().showMessage("The saved training settings were unreadable; defaults are used.", 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.running:
            answer = QMessageBox.question(self, "Training is running", "Stop training and quit?")
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.panel.status.setText("Stopping…")
            self.session.shutdown()
        if not self._may_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("training/settings", self.panel.settings().to_dict())
        self.settings.sync()
        self._end_background_tasks()
        event.accept()

    def _end_background_tasks(self) -> None:
        """Cancel a download or load still going and wait for its thread: one left running at exit aborts the app.

        The window is hidden first: a download stalled in a read ends only when its socket times out.
        """
        for dialog in self.findChildren(DownloadDialog):
            dialog.abandon()
        self.hide()
        Job.shutdown()


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds} s"
