"""The main window: lays out the widgets and composes the parts that do the work, nothing more.

- :class:`~digitpad.ui.model_files.ModelFiles` (``files``): the current model and its file;
- :class:`~digitpad.ui.prediction.DrawingPrediction` (``prediction``): the drawing's prediction;
- :class:`~digitpad.ui.run_view.RunPresenter` (``runs``): starting runs and showing them;
- :class:`~digitpad.ui.personal_digits.PersonalDigits` (``personal``): Correct it and the My digits browser;
- :class:`~digitpad.ui.teach.TeachPresenter` (``teach``): Teach it my digits and its before/after;
- :class:`~digitpad.ui.look_alikes.LookAlikesPresenter` (``look_alikes``): the drawing's nearest training images;
- :mod:`digitpad.ui.actions`: the menus, as a table;
- :class:`~digitpad.ui.jobs.job.Job`: every background thread, waited for in one place on close.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from digitpad.data.dataset import Dataset
from digitpad.data.loading import load, load_source
from digitpad.data.registry import is_available, is_named
from digitpad.data.registry import title as dataset_title
from digitpad.inference.backprop import learning_rate
from digitpad.model.bundle import Model
from digitpad.training.inspection import Inspection, inspect_model
from digitpad.training.settings import RunSettings
from digitpad.ui.actions import build_menus
from digitpad.ui.backprop import BackpropPresenter
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.dialogs.dataset_dialogs import DownloadDialog
from digitpad.ui.dialogs.help_dialog import HelpDialog
from digitpad.ui.dialogs.model_info import ModelInfoDialog
from digitpad.ui.drawing_history import DrawingHistory
from digitpad.ui.export_actions import ExportActions
from digitpad.ui.focus import FocusReturn, return_focus_on_close
from digitpad.ui.inspect.inspect_window import InspectWindow
from digitpad.ui.jobs.job import Job
from digitpad.ui.jobs.session import TrainingSession
from digitpad.ui.look_alikes import LookAlikesPresenter
from digitpad.ui.model_edits import ModelEdits, model_label_text
from digitpad.ui.model_files import ModelFiles
from digitpad.ui.personal_digits import PersonalDigits
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.prompt import draw_prompt, draw_tip
from digitpad.ui.run_view import SETTINGS_KEY, RunPresenter
from digitpad.ui.teach import TeachPresenter
from digitpad.ui.unit_inspection import UnitInspection
from digitpad.ui.widgets.backprop_view import BackpropView
from digitpad.ui.widgets.canvas import PROMPT, DrawingCanvas
from digitpad.ui.widgets.correct_row import CorrectRow
from digitpad.ui.widgets.doctor_panel import DoctorPanel
from digitpad.ui.widgets.gradient_plot import GradientNormPlot
from digitpad.ui.widgets.lab_panel import LabPanel
from digitpad.ui.widgets.look_alikes import LookAlikesView
from digitpad.ui.widgets.network_view import NetworkView
from digitpad.ui.widgets.number_line import NumberLine
from digitpad.ui.widgets.plots import AccuracyPlot, LossPlot
from digitpad.ui.widgets.preview import InputPreview
from digitpad.ui.widgets.probabilities import ProbabilityBars
from digitpad.ui.widgets.runs_panel import RunsPanel
from digitpad.ui.widgets.saliency_legend import SaliencyLegend
from digitpad.ui.widgets.training_panel import TrainingPanel

WIDE_KEY = "window/wideTabs"


class MainWindow(QMainWindow):
    """Draw on the left, see the prediction in the middle, train on the right, curves below."""

    def __init__(self, model: Model, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.inspect_window: InspectWindow | None = None
        self.help_dialog: HelpDialog | None = None
        self.focus_return = FocusReturn(self)
        self.session = TrainingSession(self)
        self._build()
        self.files = ModelFiles(self, self.settings, model, lambda: self.session.running,
                                lambda: self.runs.valid_settings())
        self.prediction = DrawingPrediction(self.canvas, self.probabilities, self.preview,
                                            lambda: self.saliency_action.isChecked(), model, self.saliency_legend,
                                            self.number_line, self.network_view)
        self.personal = PersonalDigits(self, self.canvas, self.correct_row, self.prediction, self.files,
                                       self._show_status)
        # Before the runs' presenter: an epoch's snapshot is kept before the prediction moves on to its weights.
        self.drawing_history = DrawingHistory(self.network_view, self.session, self.prediction, self.files)
        self.runs = RunPresenter(self, self.session, self.files, self.prediction, self.settings,
                                 after_run=self._refresh_inside)
        self.edits = ModelEdits(self.files)
        self.units = UnitInspection(self.network_view, self.prediction, self.edits, lambda: self.session.running,
                                    self._show_status)
        self.look_alikes = LookAlikesPresenter(self.look_alikes_view, self.prediction,
                                               lambda source: load_source(source, "train"),
                                               lambda: self.session.running)
        self.edits.weights_changed.connect(self.look_alikes.weights_changed)  # steps and undo change them in place
        self.look_alikes_view.draw_requested.connect(self.draw_on_canvas)
        self.teach = TeachPresenter(self, self.session, self.runs, self.files, self.canvas.image, self._show_status)
        self.personal.teach_requested.connect(self.teach.teach)
        self.exports = ExportActions(self, self.files, self.canvas.image, self._show_status)
        self.backprop = BackpropPresenter(self.backprop_view)
        self.backprop.step_requested.connect(self._take_step)
        self.backprop.undo_requested.connect(self._undo_step)
        for announced in (self.edits.changed, self.files.changed):  # another model: no step of ours to undo
            announced.connect(lambda *_: self.backprop.set_step_applied(self.edits.steps_taken > 0))
        self.prediction.updated.connect(
            lambda: self.backprop.set_subject(self.prediction.model, self.canvas.image()))
        self._narrow_splitter: QByteArray | None = None  # the main splitter as it was before Wide
        self.actions = build_menus(self)
        self.saliency_action = self.actions["saliency"]
        self.actions["wide"].toggled.connect(self.wide_button.setChecked)
        self.files.changed.connect(self._show_model)
        self._restore_settings()
        self.files.set_model(model, None)
        if self.runs_panel.notice or self.runs_panel.error:  # the run history was moved aside, or cannot be used
            self.statusBar().showMessage(self.runs_panel.notice or fill(
                translate("MainWindow", "Runs are not recorded: {error}"), error=self.runs_panel.error))

    # -- layout ----------------------------------------------------------
    def _build(self) -> None:
        self.canvas, self.preview, self.probabilities = DrawingCanvas(), InputPreview(), ProbabilityBars()
        self.number_line, self.correct_row = NumberLine(), CorrectRow()
        self.panel, self.lab_panel = TrainingPanel(), LabPanel()
        self.loss_plot, self.accuracy_plot = LossPlot(), AccuracyPlot()
        self.doctor_panel, self.grad_plot, self.runs_panel = DoctorPanel(), GradientNormPlot(), RunsPanel()
        self.runs_panel.overlays_changed.connect(self.loss_plot.set_overlays)
        self.runs_panel.overlays_changed.connect(self.accuracy_plot.set_overlays)
        self.runs_panel.bind_error_rate(self.accuracy_plot.error_action, self.settings)
        self.model_label = QLabel(objectName="modelLabel", wordWrap=True,
                                  toolTip=translate("MainWindow", "The model that reads your drawing "
                                                            "(Model ▸ Model details… for more)"))
        self.side_tabs = _tabs("sideTabs", ((self.panel, translate("MainWindow", "Train")),
                                            (self.lab_panel, translate("MainWindow", "Lab"))))
        self.network_view, self.backprop_view = NetworkView(), BackpropView()
        self.look_alikes_view = LookAlikesView()
        self.insight_tabs = _tabs("insightTabs", (
            (self.doctor_panel, translate("MainWindow", "Doctor")),
            (self.grad_plot, translate("MainWindow", "Gradients")),
            (self.network_view, translate("MainWindow", "Network")),
            (self.backprop_view, translate("MainWindow", "Backprop")),
            (self.look_alikes_view, translate("MainWindow", "Look-alikes")),
            (self.runs_panel, translate("MainWindow", "Runs"))))
        top = QSplitter(Qt.Orientation.Horizontal, objectName="topSplitter")
        for widget, stretch in ((self._draw_box(), 5), (self._predict_box(), 3), (self.side_tabs, 3)):
            top.addWidget(widget)
            top.setStretchFactor(top.count() - 1, stretch)
        self.wide_button = QToolButton(text=translate("MainWindow", "Wide"), checkable=True, objectName="wideButton",
                                       toolTip=translate("MainWindow", "Give these tabs the whole width and more "
                                                                       "height (Ctrl+E); again to bring the plots "
                                                                       "back"))
        self.wide_button.clicked.connect(lambda: self.actions["wide"].trigger())
        self.insight_tabs.setCornerWidget(self.wide_button)
        plots = QSplitter(Qt.Orientation.Horizontal)
        # The tabs get the larger share: at 1280 px wide all six titles show without scroll arrows.
        for widget, stretch in ((self.loss_plot, 2), (self.accuracy_plot, 2), (self.insight_tabs, 3)):
            plots.addWidget(widget)
            plots.setStretchFactor(plots.count() - 1, stretch)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="mainSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(plots)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

    def _draw_box(self) -> QGroupBox:
        self.draw_box = box = QGroupBox(render(PROMPT), objectName="drawBox")
        layout = QVBoxLayout(box)
        layout.addWidget(self.canvas, 1)
        self.saliency_legend = SaliencyLegend()
        layout.addWidget(self.saliency_legend)
        row = QHBoxLayout()
        self.clear_button = QPushButton(translate("MainWindow", "Clear"), objectName="clearButton",
                                        toolTip=translate("MainWindow", "Clear the canvas (Esc)"))
        self.undo_button = QPushButton(translate("MainWindow", "Undo"), objectName="undoButton",
                                       toolTip=translate("MainWindow", "Undo the last stroke (Ctrl+Z)"))
        self.eraser_button = QPushButton(translate("MainWindow", "Eraser"), objectName="eraserButton", checkable=True,
                                         toolTip=translate("MainWindow", "Left button erases while on (E); the right "
                                                                         "button always erases"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.canvas.undo_available.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        for button in (self.clear_button, self.undo_button, self.eraser_button):
            row.addWidget(button)
        layout.addLayout(row)
        return box

    def _predict_box(self) -> QGroupBox:
        box = QGroupBox(translate("MainWindow", "Prediction"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.model_label)
        layout.addWidget(self.probabilities, 1)
        layout.addWidget(self.correct_row)
        layout.addWidget(self.number_line, 1)
        sees = QHBoxLayout()  # beside the image, not above it: the row above the plots keeps its height
        sees.addStretch(1)
        sees.addWidget(QLabel(translate("MainWindow", "What the model sees:")))
        sees.addWidget(self.preview)
        sees.addStretch(1)
        layout.addLayout(sees)
        return box

    def _show_model(self, model: Model) -> None:
        """A new current model (opened, trained, saved under a new name): title, label and prediction follow it;
        while a run trains (a save), only the title: the label and the prediction follow the run until it ends."""
        name = self.files.display_name()
        if model.edited:
            name = fill(translate("MainWindow", "{name} (edited)"), name=name)
        self.setWindowTitle(fill(translate("MainWindow", "{name}[*] — digitpad"), name=name))
        if self.session.running:
            return
        self.model_label.setText(model_label_text(name, model))
        prompt = draw_prompt(model.class_names)
        if self.statusBar().currentMessage() in ("", draw_tip(self.draw_box.title())):
            self.statusBar().showMessage(draw_tip(prompt))
        self.draw_box.setTitle(prompt)
        self.prediction.set_model(model)

    def _take_step(self, weights: dict, label: int) -> None:
        """Backprop ▸ Take one step: the current model gets the weights after one step on the drawing."""
        if self.session.running:
            self._show_status(translate("MainWindow", "A step on the drawing can be taken once the training has "
                                                      "ended."))
            return
        self.edits.take_step(weights, label, learning_rate(self.files.model)[0])

    def _undo_step(self) -> None:
        if self.session.running:
            self._show_status(translate("MainWindow", "The step can be taken back once the training has ended."))
            return
        self.edits.undo_step()

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- actions the table names ----------------------------------------------
    def open_lab(self, name: str) -> None:
        """Show a pitfall preset in the Lab tab, ready to run."""
        self.lab_panel.set_preset(name)
        self.side_tabs.setCurrentWidget(self.lab_panel)

    def set_wide_insights(self) -> None:
        """Model ▸ Wide tabs beside the plots (Ctrl+E, the Wide button): the loss and accuracy plots make way
        and the tabs get up to 55 % of the height (as much as the row above can give: at 1280×800 it is at its
        smallest already), for the network's inside; again, and all is as it was."""
        wide = self.actions["wide"].isChecked()
        if wide == (self._narrow_splitter is not None):
            return
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setVisible(not wide)
        if wide:
            self._narrow_splitter = self.splitter.saveState()
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 45 // 100, total - total * 45 // 100])
        else:
            self.splitter.restoreState(self._narrow_splitter)
            self._narrow_splitter = None

    def look_inside(self) -> None:
        """Open (or refresh) the inspection window on the model's own test split; the window loads and evaluates
        it in its job, shows itself once the numbers are ready and says why when they cannot be made."""
        model, source = self.files.model, self.files.model.dataset
        if not is_named(source) or not is_available(source):
            QMessageBox.information(self, translate("MainWindow", "No test set"), fill(
                translate("MainWindow", "Looking inside needs the test images of {dataset}, which are not on this "
                                        "computer. Train or download the dataset first."),
                dataset=render(dataset_title(source)) if source else translate("MainWindow", "the model’s dataset")))
            return
        if self.inspect_window is None:
            self.inspect_window = InspectWindow(parent=self)
            self.inspect_window.gallery.draw_requested.connect(self.draw_on_canvas)
            self.inspect_window.shown.connect(self._show_inside)
            return_focus_on_close(self.inspect_window, self)
        self.inspect_window.inspect(model, partial(_inspect, model, source))

    def _show_inside(self, _model: Model) -> None:
        self.inspect_window.show()
        self.inspect_window.raise_()
        self.inspect_window.activateWindow()  # the keyboard (Esc) goes to the window in front

    def _refresh_inside(self) -> None:
        if self.inspect_window is not None and self.inspect_window.isVisible():
            self.look_inside()

    def draw_on_canvas(self, image: object, caption: str) -> None:
        """Put a test image from Look inside on the canvas (undoable), in front, to experiment with."""
        self.canvas.set_image(image)
        self.statusBar().showMessage(fill(translate("MainWindow", "On the canvas: {caption}. Draw over it or erase "
                                                                  "parts and watch the answer change; Ctrl+Z brings "
                                                                  "back your drawing."), caption=caption), 10_000)
        self.raise_()
        self.activateWindow()

    def show_model_info(self) -> None:
        ModelInfoDialog(self, self.files.model).exec()

    def show_help(self) -> None:
        """Help ▸ How to use digitpad (F1), beside the window."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
            return_focus_on_close(self.help_dialog, self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About digitpad"), translate(
            "MainWindow", "<b>digitpad</b> — draw digits, train a neural network written in NumPy, and watch it "
                          "learn."))

    # -- settings and closing ---------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 800)
        state = self.settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        if self.settings.value(WIDE_KEY, False, type=bool):
            self.actions["wide"].trigger()
        saved = self.settings.value(SETTINGS_KEY)
        if saved is not None:
            try:
                self.panel.set_settings(RunSettings.from_dict(dict(saved)))
            except (TypeError, ValueError):
                self.statusBar().showMessage(translate("MainWindow", "The saved training settings were unreadable; "
                                                                     "defaults are used."), 8000)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.runs_panel.refresh_if_changed()  # a run from the command line may have been recorded meanwhile

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.running:
            answer = QMessageBox.question(self, translate("MainWindow", "Training is running"),
                                          translate("MainWindow", "Stop training and quit? The epochs trained so far "
                                                                  "are kept: the next start offers to resume the run."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.panel.show_status(translate("MainWindow", "Stopping…"))
            self.session.shutdown()
        if not self.files.may_discard():
            event.ignore()
            return
        self.runs.recovery.give_up()  # the model is saved, or the person discarded it: nothing is left to recover
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self._narrow_splitter or self.splitter.saveState())
        self.settings.setValue(WIDE_KEY, self._narrow_splitter is not None)
        self.settings.setValue(SETTINGS_KEY, self.panel.settings().to_dict())
        self.settings.sync()
        self._end_background_jobs()
        event.accept()

    def _end_background_jobs(self) -> None:
        """Close every tool window this window opened (Look inside, My digits, Help, a before/after: they must not
        outlive it and keep the app running), cancel every job still going (a download, a load, a gradient
        check) and wait for its thread: one left running at exit aborts the app. The window is hidden first: a
        download stalled in a read ends only when its socket times out."""
        for dialog in self.findChildren(DownloadDialog):
            dialog.abandon()
        for tool in self.tool_windows():
            tool.close()
        self.hide()
        Job.shutdown()

    def tool_windows(self) -> list[QWidget]:
        """The top-level windows this window opened that are on screen (each has it as an ancestor)."""
        return [w for w in self.findChildren(QWidget) if w.isWindow() and w.isVisible()]


def _inspect(model: Model, source: str) -> tuple[Dataset, Inspection]:
    """Look inside's numbers: the test split loaded and a pass over it, made in the window's job; DataError when
    they do not fit."""
    test = load(source, "test")
    return test, inspect_model(model, test)


def _tabs(name: str, pages: tuple[tuple[QWidget, str], ...]) -> QTabWidget:
    tabs = QTabWidget(objectName=name)
    for widget, title in pages:
        tabs.addTab(widget, title)
    return tabs
