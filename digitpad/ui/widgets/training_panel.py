"""The training settings form with Train / Pause / Stop and the run's progress.

The form edits a :class:`RunSettings`; checking it is the settings' own job
(``RunSettings.validate``), the panel only shows each error next to its field.

While a run goes (:meth:`TrainingPanel.set_running`) the form is locked except
the learning rate, weight decay and (for the momentum optimizers) momentum:
those can change during the run. A change the user makes to one of them then
emits ``step_edited({"lr": 0.01})`` for the window to hand to
``TrainingSession.change_step``; a value that is refused comes back through
:meth:`TrainingPanel.show_step_error`.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.registry import TITLES
from digitpad.model.bundle import STEP_SETTINGS
from digitpad.nn.optim import MOMENTUM_OPTIMIZERS
from digitpad.training.recipes import apply_recipe, matching_recipe
from digitpad.training.settings import RunSettings
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.widgets.settings_fields import (
    HIGHLIGHT_MS,
    OPTIMIZER_TEXT,
    FieldHighlight,
    SettingsFields,
    change_signals,
)

LOCKED_TIP = QT_TRANSLATE_NOOP("TrainingPanel", "Locked while training runs: the network and data of a run are "
                               "fixed. Stop the run to change it.")


class TrainingPanel(SettingsFields, QWidget):
    """The preset, the settings on pages by what they change, then the run controls."""

    settings_changed = Signal()
    # The run controls, pressed (the panel does not run anything itself).
    train_requested = Signal()
    pause_requested = Signal()  # pause, or resume a paused run
    stop_requested = Signal()
    # While a run goes: the user changed a live setting, e.g. {"lr": 0.01} (for TrainingSession.change_step).
    step_edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}   # field name -> its widget (the batch row for batch_size)
        self._labels: dict[str, QWidget] = {}   # field name -> its row label, if any
        self._running = False
        self._setting = False  # set_settings is filling in the form: no step_edited
        self._live: dict[str, float | None] = {}  # live field -> the value the run has (None: unknown, refused)
        self._build_fields()
        # Pages short enough to show whole at 1280×800; one long scrolling form cut its rows at the edge.
        self.pages = QTabWidget(objectName="formPages", documentMode=True)
        for title, rows in (
            (translate("TrainingPanel", "Data"), [
                (translate("TrainingPanel", "Dataset"), self.dataset_combo, "dataset"),
                (translate("TrainingPanel", "Images"), self.subset_spin, "subset"),
                (translate("TrainingPanel", "Validation"), self.validation_spin, "validation"),
                (translate("TrainingPanel", "Random shift"), self.shift_spin, "shift"),
                ("", self.scale_check, "scale_inputs")]),
            (translate("TrainingPanel", "Network"), [
                (translate("TrainingPanel", "Hidden layers"), self.hidden_edit, "hidden"),
                (translate("TrainingPanel", "Activation"), self.activation_combo, "activation"),
                (translate("TrainingPanel", "Output + loss"), self.head_combo, "head"),
                ("", self.regression_check, "regression"),
                (translate("TrainingPanel", "Initialiser"), self.init_combo, "init"), ("", self.bias_check, "bias")]),
            (translate("TrainingPanel", "Optimizer"), [
                (translate("TrainingPanel", "Optimizer"), self.optimizer_combo, "optimizer"),
                (translate("TrainingPanel", "Learning rate"), self.lr_spin, "lr"),
                (translate("TrainingPanel", "Momentum"), self.momentum_spin, "momentum"),
                (translate("TrainingPanel", "Schedule"), self.schedule_combo, "schedule"),
                (translate("TrainingPanel", "Weight decay"), self.weight_decay_spin, "weight_decay")]),
            (translate("TrainingPanel", "Run"), [
                (translate("TrainingPanel", "Batch size"), self._batch_row(), "batch_size"),
                ("", self.sum_check, "sum_gradient"),
                (translate("TrainingPanel", "Epochs"), self.epochs_spin, "epochs"),
                (translate("TrainingPanel", "Seed"), self.seed_spin, "seed")])):
            self.pages.addTab(self._page(rows), title)
        self.subset_spin.parentWidget().layout().insertWidget(1, self.subset_note)  # under the field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._form([(translate("TrainingPanel", "Preset"), self.preset_combo, "preset")]))
        layout.addWidget(self.pages, 1)
        layout.addLayout(self._controls())
        self._tips = {w: w.toolTip() for w in self._tip_widgets()}  # the normal tooltips, back after a run
        for field, spin in self._live_spins().items():
            spin.valueChanged.connect(lambda value, field=field: self._live_edited(field, value))
            # Enter on an unchanged value: nothing to send, unless that field's last value was refused.
            spin.editingFinished.connect(lambda field=field, spin=spin: self._live_edited(field, spin.value()))
        self.set_settings(RunSettings())
        self.set_running(False)
        self.settings_changed.connect(self._show_matching_preset)

    # -- building --------------------------------------------------------
    def _page(self, rows: list[tuple[str, QWidget, str]]) -> QScrollArea:
        """A page of the form; it scrolls only in a window smaller than 1280×800 (or with large fonts)."""
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame,
                             horizontalScrollBarPolicy=Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form := self._form(rows))
        scroll.setMinimumWidth(form.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        return scroll

    def _form(self, rows: list[tuple[str, QWidget, str]]) -> QWidget:
        host = QWidget()
        form = QFormLayout(host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget, field in rows:
            error = QLabel(objectName=f"{field}Error", wordWrap=True)
            error.setStyleSheet("color: #d32f2f;")
            error.hide()
            self._errors[field] = error
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(label, cell)
            self._fields[field] = widget
            if label:
                self._labels[field] = form.labelForField(cell)
            # The preset is not a setting: picking one applies its recipe (``activated``); signalling the index
            # change as a change of settings re-matched the old settings and put the combo back before that.
            for signal in change_signals(widget) if field != "preset" else []:
                signal.connect(self.settings_changed)
        return host

    def _batch_row(self) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.batch_spin, 1)
        box.addWidget(self.full_batch_check)
        for signal in change_signals(self.batch_spin) + change_signals(self.full_batch_check):
            signal.connect(self.settings_changed)
        return row

    def _controls(self) -> QVBoxLayout:
        self.train_button = QPushButton(translate("TrainingPanel", "Train"), objectName="trainButton",
                                        toolTip=translate("TrainingPanel", "Start training (F5)"))
        self.pause_button = QPushButton(translate("TrainingPanel", "Pause"), objectName="pauseButton",
                                        toolTip=translate("TrainingPanel", "Pause or resume training; takes "
                                                          "effect within one batch (F6)"))
        self.stop_button = QPushButton(translate("TrainingPanel", "Stop"), objectName="stopButton",
                                       toolTip=translate("TrainingPanel", "Stop training after the current "
                                                         "batch (Shift+F5)"))
        self.train_button.setDefault(True)
        self.train_button.clicked.connect(self.train_requested)
        self.pause_button.clicked.connect(self.pause_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        self.progress = QProgressBar(objectName="trainingProgress", textVisible=True)
        self.progress.setToolTip(translate("TrainingPanel", "Progress of the run: epochs, batches and time left"))
        self.status = QLabel(translate("TrainingPanel", "Ready"), objectName="trainingStatus", wordWrap=True)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        column = QVBoxLayout()
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        return column

    def show_status(self, text: str) -> None:
        """The run's state in one line under the progress bar."""
        self.status.setText(text)

    def show_progress(self, done: int, total: int, text: str) -> None:
        """``done`` of ``total`` steps, with ``text`` on the bar.

        QProgressBar.setValue repaints at once (``repaint()``), and that paints
        every other widget with a pending update too, the plots included, in
        the middle of the caller. With updates off it only marks the bar; the
        window then repaints once, on the event loop's next turn
        (benchmarks/README.md).
        """
        self.progress.setUpdatesEnabled(False)
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(text)
        self.progress.setUpdatesEnabled(True)  # calls update()

    # -- settings --------------------------------------------------------
    def settings(self) -> RunSettings:
        """The form's values (not yet validated)."""
        return RunSettings(
            dataset=self.dataset_combo.currentData() or "mnist", subset=self.subset_spin.value(),
            validation=self.validation_spin.value() / 100, hidden=self.hidden_edit.text(),
            activation=self.activation_combo.currentData(), head=self.head_combo.currentData(),
            regression=self.regression_check.isChecked(), init=self.init_combo.currentData(),
            bias=self.bias_check.isChecked(), sum_gradient=self.sum_check.isChecked(),
            scale_inputs=self.scale_check.isChecked(), optimizer=self.optimizer_combo.currentData(),
            lr=self.lr_spin.value(), momentum=self.momentum_spin.value(), weight_decay=self.weight_decay_spin.value(),
            schedule=self.schedule_combo.currentData(),
            batch_size=0 if self.full_batch_check.isChecked() else self.batch_spin.value(),
            epochs=self.epochs_spin.value(), seed=self.seed_spin.value(), shift=self.shift_spin.value())

    def set_settings(self, s: RunSettings) -> None:
        """Fill the form in with ``s`` (emits no ``step_edited``, even during a run)."""
        self._setting = True
        try:
            self._fill(s)
        finally:
            self._setting = False
        self._show_matching_preset()
        if self._running:  # these are the values the run has now, as far as the panel knows
            self._live = {field: spin.value() for field, spin in self._live_spins().items()}
            self._lock_fields(True)

    def _fill(self, s: RunSettings) -> None:
        if s.dataset not in TITLES and self.dataset_combo.findData(s.dataset) < 0:
            self._add_file_item(s.dataset)
        for combo, value in ((self.dataset_combo, s.dataset), (self.activation_combo, s.activation),
                             (self.head_combo, s.head), (self.init_combo, s.init),
                             (self.optimizer_combo, s.optimizer), (self.schedule_combo, s.schedule)):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        self.subset_spin.setValue(s.subset)
        self.validation_spin.setValue(round(s.validation * 100))
        self.hidden_edit.setText(s.hidden)
        self.regression_check.setChecked(s.regression)
        self.bias_check.setChecked(s.bias)
        self.sum_check.setChecked(s.sum_gradient)
        self.scale_check.setChecked(s.scale_inputs)
        self.lr_spin.setValue(s.lr)
        self.momentum_spin.setValue(s.momentum)
        self.weight_decay_spin.setValue(s.weight_decay)
        self.full_batch_check.setChecked(s.batch_size == 0)
        self.batch_spin.setValue(s.batch_size or self.batch_spin.value())
        self.epochs_spin.setValue(s.epochs)
        self.seed_spin.setValue(s.seed)
        self.shift_spin.setValue(s.shift)

    def show_error(self, error: ConfigError) -> None:
        """Show ``error`` next to its field (or in the status line when it has none)."""
        self.clear_errors()
        label = self._errors.get(error.field or "")
        if label is None:
            self.status.setText(error_text(error))
            return
        label.setText(error_text(error))
        label.show()
        self._reveal(error.field)

    def show_step_error(self, error: ConfigError) -> None:
        """Show a change refused during a run (from ``TrainingSession.change_step``) next to its field, leaving
        the other fields' errors; the next value entered there is sent again, even the same one."""
        label = self._errors.get(error.field or "")
        if label is None:
            self.status.setText(error_text(error))
            return
        if error.field in self._live:
            self._live[error.field] = None
        label.setText(error_text(error))
        label.show()
        self._reveal(error.field)

    def _reveal(self, field: str) -> None:
        """Show the page holding ``field`` and scroll it to the field and its message."""
        page = self._page_of(field)
        if page is not None:
            self.pages.setCurrentWidget(page)
            page.ensureWidgetVisible(self._errors[field].parentWidget())

    def _page_of(self, field: str) -> QScrollArea | None:
        """The page of the form that holds ``field`` (None for the preset, above the pages)."""
        return next((page for page in map(self.pages.widget, range(self.pages.count()))
                     if page.isAncestorOf(self._fields[field])), None)

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()

    def error_text(self, field: str) -> str:
        """The message shown next to ``field`` ('' when none), on its page of the form whether shown now or not."""
        label = self._errors[field]
        return "" if label.isHidden() else label.text()

    # -- run state -------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self.train_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.set_paused(False)
        self._running = running
        if running:  # the page of the only settings a run leaves editable
            self.pages.setCurrentWidget(self._page_of("lr"))
        self._live = {field: spin.value() for field, spin in self._live_spins().items()} if running else {}
        for spin in self._live_spins().values():
            # While running, a value counts once typed in full (Enter, focus out) or stepped, not per keystroke.
            spin.setKeyboardTracking(not running)
        self._lock_fields(running)

    def live_fields(self) -> list[str]:
        """The fields that can change now: every field when no run goes, else those the run can take."""
        if not self._running:
            return list(self._fields)
        return [f for f in STEP_SETTINGS
                if f != "momentum" or self.optimizer_combo.currentData() in MOMENTUM_OPTIMIZERS]

    def _lock_fields(self, running: bool) -> None:
        """Enable the live fields and lock the others, with tooltips saying why (normal ones when not running)."""
        live = set(self.live_fields())
        optimizer = self.optimizer_combo.currentData()
        for field, widget in self._fields.items():
            enabled = field in live
            widget.setEnabled(enabled)
            if field in self._labels:
                self._labels[field].setEnabled(enabled)
            for target in self._tip_widgets(widget):
                tip = self._tips[target]
                if running and field == "momentum" and not enabled and optimizer in OPTIMIZER_TEXT:
                    tip = fill(translate("TrainingPanel", "Locked while training runs: {optimizer} ignores momentum, "
                                         "which only moves SGD + momentum and Nesterov; the optimizer of a run is "
                                         "fixed."), optimizer=render(OPTIMIZER_TEXT[optimizer]))
                elif running and field == "momentum" and not enabled:
                    tip = translate("TrainingPanel", "Locked while training runs: this optimizer ignores momentum, "
                                    "which only moves SGD + momentum and Nesterov; the optimizer of a run is fixed.")
                elif running and not enabled:
                    tip = render(LOCKED_TIP)
                elif running:
                    tip = fill(translate("TrainingPanel", "{tip}\nCan change while training runs: the new value "
                                         "applies from the next mini-batch."), tip=tip)
                target.setToolTip(tip)

    def _tip_widgets(self, widget: QWidget | None = None) -> list[QWidget]:
        """The widgets whose tooltips the user sees for a field's widget (the batch row's are its two)."""
        if widget is None:
            return [w for field in self._fields.values() for w in self._tip_widgets(field)]
        return [self.batch_spin, self.full_batch_check] if widget is self._fields.get("batch_size") else [widget]

    def _live_spins(self) -> dict[str, QDoubleSpinBox]:
        return {"lr": self.lr_spin, "momentum": self.momentum_spin, "weight_decay": self.weight_decay_spin}

    def _live_edited(self, field: str, value: float) -> None:
        if not self._running or self._setting or field not in self.live_fields() or self._live.get(field) == value:
            return
        self._live[field] = value
        self._errors[field].hide()
        self.step_edited.emit({field: value})

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText(translate("TrainingPanel", "Resume") if paused
                                  else translate("TrainingPanel", "Pause"))

    def field_widget(self, field: str) -> QWidget:
        """The widget that shows ``field`` (a RunSettings field name; the batch row for ``batch_size``)."""
        return self._fields[field]

    def _preset_activated(self, index: int) -> None:
        """Fill in the recipe picked (by mouse, by keys in the list or on the closed combo) and light up the
        fields it changed, and the titles of their pages."""
        name = self.preset_combo.itemData(index)
        if name is None:
            return
        before = self.settings()
        after = apply_recipe(before, name)
        self.set_settings(after)
        changed = [f.name for f in fields(RunSettings) if getattr(before, f.name) != getattr(after, f.name)]
        for field in changed:
            FieldHighlight(self._fields[field])
        bar = self.pages.tabBar()
        for page in {self._page_of(field) for field in changed}:
            bar.setTabTextColor(self.pages.indexOf(page), self.palette().color(QPalette.ColorRole.Highlight))
        QTimer.singleShot(HIGHLIGHT_MS, bar, lambda: [bar.setTabTextColor(i, QColor()) for i in range(bar.count())])

    def _show_matching_preset(self) -> None:
        if self._setting:  # half filled in: the form's last field decides
            return
        index = self.preset_combo.findData(matching_recipe(self.settings()))
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(index if index >= 0 else self.preset_combo.count() - 1)
