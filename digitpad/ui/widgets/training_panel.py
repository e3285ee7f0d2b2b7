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

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.errors import ConfigError
from digitpad.nn.init import INITIALISERS
from digitpad.nn.layers import ACTIVATIONS
from digitpad.nn.optim import SCHEDULES
from digitpad.training.config import MAX_SHIFT
from digitpad.training.recipes import RECIPES, apply_recipe, matching_recipe
from digitpad.training.settings import HEAD_NAMES, RunSettings

DATASETS = {"mnist": "MNIST", "fashion": "Fashion-MNIST", "digits8x8": "8×8 digits (bundled)"}
CHOOSE_FILE = "Choose a CSV or IDX file…"
CUSTOM = "Custom"
HEAD_TEXT = {
    "softmax+cross_entropy": "softmax + cross-entropy", "sigmoid+bce": "sigmoid + binary cross-entropy",
    "sigmoid+mse": "sigmoid + mean squared error", "identity+mse": "identity + mean squared error",
}
OPTIMIZER_TEXT = {"sgd": "SGD", "momentum": "SGD + momentum", "nesterov": "Nesterov momentum", "adam": "Adam"}
# Settings that can change while a run trains (Trainer.change_step), by field name.
LIVE_FIELDS = ("lr", "momentum", "weight_decay")
MOMENTUM_OPTIMIZERS = ("momentum", "nesterov")
LOCKED_TIP = "Locked while training runs: the network and data of a run are fixed. Stop the run to change it."
LIVE_TIP = "Can change while training runs: the new value applies from the next mini-batch."


class TrainingPanel(QWidget):
    """Settings grouped by what they change, then the run controls."""

    settings_changed = Signal()
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
        form_host = QWidget()
        column = QVBoxLayout(form_host)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self._group("Recipe", [("Preset", self.preset_combo, "preset")]))
        column.addWidget(self._group("Data", [
            ("Dataset", self.dataset_combo, "dataset"), ("Images", self.subset_spin, "subset"),
            ("Validation", self.validation_spin, "validation"), ("Random shift", self.shift_spin, "shift")]))
        column.addWidget(self._group("Network", [
            ("Hidden layers", self.hidden_edit, "hidden"), ("Activation", self.activation_combo, "activation"),
            ("Output + loss", self.head_combo, "head"), ("", self.regression_check, "regression"),
            ("Initialiser", self.init_combo, "init"), ("", self.bias_check, "bias")]))
        column.addWidget(self._group("Optimisation", [
            ("Optimizer", self.optimizer_combo, "optimizer"), ("Learning rate", self.lr_spin, "lr"),
            ("Momentum", self.momentum_spin, "momentum"), ("Schedule", self.schedule_combo, "schedule"),
            ("Weight decay", self.weight_decay_spin, "weight_decay"),
            ("Batch size", self._batch_row(), "batch_size"), ("", self.sum_check, "sum_gradient"),
            ("", self.scale_check, "scale_inputs"), ("Epochs", self.epochs_spin, "epochs"),
            ("Seed", self.seed_spin, "seed")]))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(form_host)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(form_host.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
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
    def _build_fields(self) -> None:
        self.preset_combo = _combo("presetCombo", {name: p.title for name, p in RECIPES.items()},
                                   "A tested recipe for the network and its training; the dataset, number of "
                                   "images and seed stay yours. Changing any setting afterwards makes it Custom.")
        for index, preset in enumerate(RECIPES.values()):
            self.preset_combo.setItemData(index, preset.description, Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.addItem(CUSTOM, None)
        self.preset_combo.activated.connect(self._preset_activated)
        self.dataset_combo = _combo("datasetCombo", DATASETS, "Which images to train on. MNIST and Fashion-MNIST "
                                    "are downloaded on first use; the 8×8 digits always work offline.")
        self.dataset_combo.addItem(CHOOSE_FILE, None)
        self.dataset_combo.activated.connect(self._dataset_activated)
        self.subset_spin = _spin("subsetSpin", 0, 1_000_000, "How many training images to use (the first N); "
                                 "'all' uses every one. Small subsets train fast.", step=500)
        self.subset_spin.setSpecialValueText("all")
        self.validation_spin = _spin("validationSpin", 0, 90, "Share of the training images held out "
                                     "(stratified by class) to measure validation loss and accuracy.", suffix=" %")
        self.shift_spin = _spin("shiftSpin", 0, MAX_SHIFT, "Augmentation: move each training image by a random "
                                "offset of up to this many pixels, anew every epoch, so the net cannot rely on "
                                "exact pixel positions.", suffix=" px")
        self.shift_spin.setSpecialValueText("off")
        self.hidden_edit = QLineEdit(objectName="hiddenLayersEdit", placeholderText="e.g. 256,128")
        self.hidden_edit.setToolTip("Hidden layer sizes, comma separated: 256,128 means two hidden layers. "
                                    "Empty means no hidden layer (a linear model).")
        self.activation_combo = _combo("activationCombo", {a: a.replace("_", " ") for a in ACTIVATIONS},
                                       "Activation of every hidden layer.")
        self.head_combo = _combo("headCombo", {h: HEAD_TEXT[h] for h in HEAD_NAMES}, "The output activation and the "
                                 "loss computed on it. Softmax + cross-entropy is the standard for classes.")
        self.regression_check = QCheckBox("Regression: one output = label/10", objectName="regressionCheck")
        self.regression_check.setToolTip("A single output unit that should equal label/10, as in a classic "
                                         "beginner set-up. Needs a mean squared error loss.")
        self.init_combo = _combo("initCombo", {i: i.capitalize() if i != "uniform" else "Uniform(−1, 1)"
                                               for i in INITIALISERS},
                                 "How weights start: Uniform(−1, 1) and Normal(0, 0.01) ignore the layer size; "
                                 "Glorot suits sigmoid/tanh, He suits ReLU.")
        self.bias_check = QCheckBox("Layers have a bias", objectName="biasCheck", toolTip="Add a bias b to every "
                                    "dense layer (y = xW + b).")
        self.optimizer_combo = _combo("optimizerCombo", OPTIMIZER_TEXT, "How the gradient becomes a weight update.")
        self.lr_spin = _double("learningRateSpin", 0, 100, 6, 0.01, "Learning rate: the step size of each update.")
        self.momentum_spin = _double("momentumSpin", 0, 0.999, 3, 0.05, "Momentum μ for SGD + momentum and Nesterov "
                                     "(ignored by SGD and Adam).")
        self.schedule_combo = _combo("scheduleCombo", {s: s for s in SCHEDULES}, "How the learning rate changes over "
                                     "the run: constant, step (×0.1 at 30 %, 60 %, 90 %) or cosine decay to 0.")
        self.weight_decay_spin = _double("weightDecaySpin", 0, 1, 6, 1e-4, "L2 weight decay on weights (not biases).")
        self.batch_spin = _spin("batchSizeSpin", 1, 1_000_000, "Images per gradient step (mini-batch size).")
        self.full_batch_check = QCheckBox("full", objectName="fullBatchCheck",
                                          toolTip="Full-batch gradient descent: one step per epoch over every image.")
        self.full_batch_check.toggled.connect(lambda on: self.batch_spin.setEnabled(not on))
        self.sum_check = QCheckBox("Sum the gradient over the batch", objectName="sumGradientCheck",
                                   toolTip="Sum instead of average: the step then grows with the batch size.")
        self.scale_check = QCheckBox("Scale inputs to [0, 1]", objectName="scaleInputsCheck",
                                     toolTip="Divide pixel values by their maximum (255, or 16 for 8×8 digits).")
        self.epochs_spin = _spin("epochsSpin", 1, 100_000, "Passes over the training images.")
        self.seed_spin = _spin("seedSpin", 0, 2**31 - 1, "Seed for weights, split and shuffling: "
                               "the same seed repeats a run exactly.")

    def _group(self, title: str, rows: list[tuple[str, QWidget, str]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
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
            for signal in _change_signals(widget):
                signal.connect(self.settings_changed)
        return group

    def _batch_row(self) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.batch_spin, 1)
        box.addWidget(self.full_batch_check)
        for signal in _change_signals(self.batch_spin) + _change_signals(self.full_batch_check):
            signal.connect(self.settings_changed)
        return row

    def _controls(self) -> QVBoxLayout:
        self.train_button = QPushButton("Train", objectName="trainButton", toolTip="Start training (F5)")
        self.pause_button = QPushButton("Pause", objectName="pauseButton",
                                        toolTip="Pause or resume training; takes effect within one batch (F6)")
        self.stop_button = QPushButton("Stop", objectName="stopButton",
                                       toolTip="Stop training after the current batch (Shift+F5)")
        self.train_button.setDefault(True)
        self.progress = QProgressBar(objectName="trainingProgress", textVisible=True)
        self.progress.setToolTip("Progress of the run: epochs, batches and time left")
        self.status = QLabel("Ready", objectName="trainingStatus", wordWrap=True)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        column = QVBoxLayout()
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        return column

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
        if self._running:  # these are the values the run has now, as far as the panel knows
            self._live = {field: spin.value() for field, spin in self._live_spins().items()}
            self._lock_fields(True)

    def _fill(self, s: RunSettings) -> None:
        if s.dataset not in DATASETS and self.dataset_combo.findData(s.dataset) < 0:
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
        self._show_matching_preset()

    def show_error(self, error: ConfigError) -> None:
        """Show ``error`` next to its field (or in the status line when it has none)."""
        self.clear_errors()
        label = self._errors.get(error.field or "")
        if label is None:
            self.status.setText(str(error))
            return
        label.setText(str(error))
        label.show()
        self.findChild(QScrollArea).ensureWidgetVisible(label)

    def show_step_error(self, error: ConfigError) -> None:
        """Show a change refused during a run (from ``TrainingSession.change_step``) next to its field, leaving
        the other fields' errors; the next value entered there is sent again, even the same one."""
        label = self._errors.get(error.field or "")
        if label is None:
            self.status.setText(str(error))
            return
        if error.field in self._live:
            self._live[error.field] = None
        label.setText(str(error))
        label.show()
        self.findChild(QScrollArea).ensureWidgetVisible(label)

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()

    def error_text(self, field: str) -> str:
        """The message shown next to ``field`` ('' when none)."""
        label = self._errors[field]
        return label.text() if label.isVisibleTo(self) else ""

    # -- run state -------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self.train_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.set_paused(False)
        self._running = running
        self._live = {field: spin.value() for field, spin in self._live_spins().items()} if running else {}
        for spin in self._live_spins().values():
            # While running, a value counts once typed in full (Enter, focus out) or stepped, not per keystroke.
            spin.setKeyboardTracking(not running)
        self._lock_fields(running)

    def live_fields(self) -> list[str]:
        """The fields that can change now: every field when no run goes, else those the run can take."""
        if not self._running:
            return list(self._fields)
        return [f for f in LIVE_FIELDS
                if f != "momentum" or self.optimizer_combo.currentData() in MOMENTUM_OPTIMIZERS]

    def _lock_fields(self, running: bool) -> None:
        """Enable the live fields and lock the others, with tooltips saying why (normal ones when not running)."""
        live = set(self.live_fields())
        optimizer = OPTIMIZER_TEXT.get(self.optimizer_combo.currentData(), "this optimizer")
        for field, widget in self._fields.items():
            enabled = field in live
            widget.setEnabled(enabled)
            if field in self._labels:
                self._labels[field].setEnabled(enabled)
            for target in self._tip_widgets(widget):
                tip = self._tips[target]
                if running and field == "momentum" and not enabled:
                    tip = (f"Locked while training runs: {optimizer} ignores momentum, which only moves SGD + "
                           "momentum and Nesterov; the optimizer of a run is fixed.")
                elif running and not enabled:
                    tip = LOCKED_TIP
                elif running:
                    tip = f"{tip}\n{LIVE_TIP}"
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
        self.pause_button.setText("Resume" if paused else "Pause")

    def _preset_activated(self, index: int) -> None:
        name = self.preset_combo.itemData(index)
        if name is not None:
            self.set_settings(apply_recipe(self.settings(), name))

    def _show_matching_preset(self) -> None:
        index = self.preset_combo.findData(matching_recipe(self.settings()))
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(index if index >= 0 else self.preset_combo.count() - 1)

    def _dataset_activated(self, index: int) -> None:
        if self.dataset_combo.itemText(index) != CHOOSE_FILE:
            return
        path, _ = QFileDialog.getOpenFileName(self, "Train on a file", "",
                                              "Datasets (*.csv *.csv.gz *.gz *-ubyte);;All files (*)")
        if path:
            self._add_file_item(path)
        else:
            self.dataset_combo.setCurrentIndex(0)

    def _add_file_item(self, path: str) -> None:
        self.dataset_combo.insertItem(self.dataset_combo.count() - 1, Path(path).name, path)
        self.dataset_combo.setItemData(self.dataset_combo.count() - 2, path, Qt.ItemDataRole.ToolTipRole)
        self.dataset_combo.setCurrentIndex(self.dataset_combo.count() - 2)


def _combo(name: str, items: dict[str, str], tip: str) -> QComboBox:
    combo = QComboBox(objectName=name, toolTip=tip)
    for value, text in items.items():
        combo.addItem(text, value)
    return combo


def _spin(name: str, low: int, high: int, tip: str, step: int = 1, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(objectName=name, toolTip=tip, minimum=low, maximum=high, singleStep=step, suffix=suffix)
    spin.setGroupSeparatorShown(True)
    return spin


def _double(name: str, low: float, high: float, decimals: int, step: float, tip: str) -> QDoubleSpinBox:
    return QDoubleSpinBox(objectName=name, toolTip=tip, minimum=low, maximum=high, decimals=decimals, singleStep=step)


def _change_signals(widget: QWidget) -> list:
    for kind, signal in ((QComboBox, "currentIndexChanged"), (QLineEdit, "textChanged"), (QCheckBox, "toggled"),
                         (QSpinBox, "valueChanged"), (QDoubleSpinBox, "valueChanged")):
        if isinstance(widget, kind):
            return [getattr(widget, signal)]
    return []
