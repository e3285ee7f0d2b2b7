"""The settings form's fields: one widget per RunSettings field, each with the tooltip that explains it.

:class:`SettingsFields` builds them as attributes of the panel
(``lr_spin``, ``dataset_combo``, ...) and keeps what concerns one field
alone (the dataset's file choice, the note under Images); how they are laid
out, read, filled and locked during a run is the panel's job
(:mod:`.training_panel`). :class:`FieldHighlight` lights up a field a
preset changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.loading import available
from digitpad.data.local_datasets import local_names, read_info
from digitpad.data.registry import BUNDLED, TITLES
from digitpad.data.registry import title as dataset_title
from digitpad.nn.init import INITIALISERS
from digitpad.nn.layers import ACTIVATIONS
from digitpad.nn.optim import SCHEDULES
from digitpad.training.config import MAX_SHIFT
from digitpad.training.recipes import RECIPES
from digitpad.training.settings import HEAD_NAMES
from digitpad.ui.base.i18n import error_text, fill, render, translate

# Marked for translation: shown through render() (other modules show them too).
HEAD_TEXT = {
    "softmax+cross_entropy": QT_TRANSLATE_NOOP("SettingsFields", "softmax + cross-entropy"),
    "sigmoid+bce": QT_TRANSLATE_NOOP("SettingsFields", "sigmoid + binary cross-entropy"),
    "sigmoid+mse": QT_TRANSLATE_NOOP("SettingsFields", "sigmoid + mean squared error"),
    "identity+mse": QT_TRANSLATE_NOOP("SettingsFields", "identity + mean squared error"),
}
OPTIMIZER_TEXT = {"sgd": QT_TRANSLATE_NOOP("SettingsFields", "SGD"),
                  "momentum": QT_TRANSLATE_NOOP("SettingsFields", "SGD + momentum"),
                  "nesterov": QT_TRANSLATE_NOOP("SettingsFields", "Nesterov momentum"),
                  "adam": QT_TRANSLATE_NOOP("SettingsFields", "Adam")}
SCHEDULE_TEXT = {"constant": QT_TRANSLATE_NOOP("SettingsFields", "constant"),
                 "step": QT_TRANSLATE_NOOP("SettingsFields", "step"),
                 "cosine": QT_TRANSLATE_NOOP("SettingsFields", "cosine")}
HIGHLIGHT_MS = 1500  # how long a field a preset changed stays lit


class SettingsFields:
    """Mixin for the panel: creates every field widget, and keeps the dataset's file choice and the note under
    Images; ``_preset_activated`` is the panel's."""

    def _build_fields(self) -> None:
        """Create the field widgets, each named (objectName) and explained (toolTip)."""
        self.preset_combo = _combo("presetCombo", {name: render(p.title) for name, p in RECIPES.items()},
                                   translate("SettingsFields", "A tested recipe for the network and its training; "
                                             "the dataset, number of images and seed stay yours. Changing any "
                                             "setting afterwards makes it Custom."))
        for index, preset in enumerate(RECIPES.values()):
            self.preset_combo.setItemData(index, render(preset.description), Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.addItem(translate("SettingsFields", "Custom"), None)
        # Custom is what the form says of settings no recipe gives, not a choice: the list shows it greyed.
        self.preset_combo.model().item(self.preset_combo.count() - 1).setEnabled(False)
        self.preset_combo.activated.connect(self._preset_activated)
        self.dataset_combo = _combo("datasetCombo", _dataset_texts(), translate(
            "SettingsFields", "Which images to train on. MNIST and Fashion-MNIST are downloaded on first use; the "
            "8×8 digits always work offline; a CSV imported with `digitpad data import` is listed by its name."))
        self._local_names = self._add_local_datasets()
        self.dataset_combo.addItem(translate("SettingsFields", "Choose a CSV or IDX file…"), None)
        self.dataset_combo.activated.connect(self._dataset_activated)
        self.subset_spin = _spin("subsetSpin", 0, 1_000_000, translate(
            "SettingsFields", "How many training images to use (the first N); 'all' uses every one. Small subsets "
            "train fast."), step=500)
        self.subset_spin.setSpecialValueText(translate("SettingsFields", "all"))
        self.validation_spin = _spin("validationSpin", 0, 90, translate(
            "SettingsFields", "Share of the training images held out (stratified by class) to measure validation "
            "loss and accuracy."), suffix=translate("SettingsFields", " %"))
        self.shift_spin = _spin("shiftSpin", 0, MAX_SHIFT, translate(
            "SettingsFields", "Augmentation: move each training image by a random offset of up to this many pixels, "
            "anew every epoch, so the net cannot rely on exact pixel positions. Counted in pixels of a 28×28 image "
            "and scaled down for smaller ones: on the 8×8 digits 1–3 px is off, 4–6 px is ±1, 7–8 px is ±2."),
            suffix=translate("SettingsFields", " px"))
        self.shift_spin.setSpecialValueText(translate("SettingsFields", "off"))
        self.hidden_edit = QLineEdit(objectName="hiddenLayersEdit",
                                     placeholderText=translate("SettingsFields", "e.g. 256,128"))
        self.hidden_edit.setToolTip(translate("SettingsFields", "Hidden layer sizes, comma separated: 256,128 means "
                                              "two hidden layers. Empty means no hidden layer (a linear model)."))
        self.activation_combo = _combo("activationCombo", {a: a.replace("_", " ") for a in ACTIVATIONS},
                                       translate("SettingsFields", "Activation of every hidden layer."))
        self.head_combo = _combo("headCombo", {h: render(HEAD_TEXT[h]) for h in HEAD_NAMES}, translate(
            "SettingsFields", "The output activation and the loss computed on it. Softmax + cross-entropy is the "
            "standard for classes."))
        self.regression_check = QCheckBox(translate("SettingsFields", "Regression: one output = label/10"),
                                          objectName="regressionCheck")
        self.regression_check.setToolTip(translate("SettingsFields", "A single output unit that should equal "
                                                   "label/10, as in a classic beginner set-up. Needs a mean squared "
                                                   "error loss."))
        self.init_combo = _combo("initCombo", {i: i.capitalize() if i != "uniform" else "Uniform(−1, 1)"
                                               for i in INITIALISERS},
                                 translate("SettingsFields", "How weights start: Uniform(−1, 1) and Normal(0, 0.01) "
                                           "ignore the layer size; Glorot suits sigmoid/tanh, He suits ReLU."))
        self.bias_check = QCheckBox(translate("SettingsFields", "Layers have a bias"), objectName="biasCheck",
                                    toolTip=translate("SettingsFields", "Add a bias b to every dense layer "
                                                      "(y = xW + b)."))
        self.optimizer_combo = _combo("optimizerCombo", {key: render(text) for key, text in OPTIMIZER_TEXT.items()},
                                      translate("SettingsFields", "How the gradient becomes a weight update."))
        self.lr_spin = _double("learningRateSpin", 0, 100, 6, 0.01,
                               translate("SettingsFields", "Learning rate: the step size of each update."))
        self.momentum_spin = _double("momentumSpin", 0, 0.999, 3, 0.05, translate(
            "SettingsFields", "Momentum μ for SGD + momentum and Nesterov (ignored by SGD and Adam)."))
        self.schedule_combo = _combo("scheduleCombo", {s: render(SCHEDULE_TEXT[s]) for s in SCHEDULES},
                                     translate("SettingsFields", "How the learning rate changes over the run: "
                                               "constant, step (×0.1 at 30 %, 60 %, 90 %) or cosine decay to 0."))
        self.weight_decay_spin = _double("weightDecaySpin", 0, 1, 6, 1e-4, translate(
            "SettingsFields", "L2 weight decay on weights (not biases)."))
        self.batch_spin = _spin("batchSizeSpin", 1, 1_000_000,
                                translate("SettingsFields", "Images per gradient step (mini-batch size)."))
        self.full_batch_check = QCheckBox(translate("SettingsFields", "full"), objectName="fullBatchCheck",
                                          toolTip=translate("SettingsFields", "Full-batch gradient descent: one "
                                                            "step per epoch over every image."))
        self.full_batch_check.toggled.connect(lambda on: self.batch_spin.setEnabled(not on))
        self.sum_check = QCheckBox(translate("SettingsFields", "Sum the gradient over the batch"),
                                   objectName="sumGradientCheck",
                                   toolTip=translate("SettingsFields", "Sum instead of average: the step then grows "
                                                     "with the batch size."))
        self.scale_check = QCheckBox(translate("SettingsFields", "Scale inputs to [0, 1]"),
                                     objectName="scaleInputsCheck",
                                     toolTip=translate("SettingsFields", "Divide pixel values by their maximum (255, "
                                                       "or 16 for 8×8 digits)."))
        self.epochs_spin = _spin("epochsSpin", 1, 100_000, translate("SettingsFields",
                                                                     "Passes over the training images."))
        self.seed_spin = _spin("seedSpin", 0, 2**31 - 1, translate(
            "SettingsFields", "Seed for weights, split and shuffling: the same seed repeats a run exactly."))
        self.subset_note = QLabel(objectName="subsetNote", wordWrap=True, visible=False)
        self._train_counts: dict[str, int] = {}  # dataset name -> its training images, once found
        self.subset_spin.valueChanged.connect(self._show_subset_note)
        self.dataset_combo.currentIndexChanged.connect(self._show_subset_note)

    def _add_local_datasets(self) -> tuple[str, ...]:
        """List the local datasets found in the data folder (imported CSV files), each with its source as tooltip."""
        names = tuple(local_names())
        for name in names:
            try:
                info = read_info(name)
                tip = fill(translate("SettingsFields", "Imported from {source}: {train:,} training images, {test:,} "
                                     "test images ({split})"), source=info.source, train=info.counts["train"],
                           test=info.counts["test"], split=render(info.split_text))
            except DataError as exc:
                tip = error_text(exc)  # training on it says the same, in the run's error
            self.dataset_combo.addItem(name, name)
            self.dataset_combo.setItemData(self.dataset_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        return names

    def _show_subset_note(self) -> None:
        """Say so under Images when the dataset has fewer training images than asked for (the run takes them all).

        The count is the data store's (``available``), known for a dataset digitpad has; a user's file and a
        dataset not yet downloaded are not read for it, so nothing is said of them.
        """
        dataset, subset = self.dataset_combo.currentData(), self.subset_spin.value()
        named = dataset in TITLES or dataset in self._local_names
        if subset and named and dataset not in self._train_counts:
            self._train_counts |= {info.name: info.counts["train"] for info in available() if "train" in info.counts}
        count = self._train_counts.get(dataset)
        too_many = bool(subset) and count is not None and subset > count
        if too_many:
            self.subset_note.setText(fill(translate("SettingsFields", "Only {count:,} training images in {dataset}: "
                                                    "all of them will be used."),
                                          count=count, dataset=render(dataset_title(dataset))))
        self.subset_note.setVisible(too_many)

    def _dataset_activated(self, index: int) -> None:
        if index != self.dataset_combo.count() - 1:  # not "Choose a CSV or IDX file…", always the last item
            return
        path, _ = QFileDialog.getOpenFileName(self, translate("SettingsFields", "Train on a file"), "",
                                              translate("SettingsFields", "Datasets (*.csv *.csv.gz *.gz *-ubyte);;"
                                                        "All files (*)"))
        if path:
            self._add_file_item(path)
        else:
            self.dataset_combo.setCurrentIndex(0)

    def _add_file_item(self, path: str) -> None:
        self.dataset_combo.insertItem(self.dataset_combo.count() - 1, Path(path).name, path)
        self.dataset_combo.setItemData(self.dataset_combo.count() - 2, path, Qt.ItemDataRole.ToolTipRole)
        self.dataset_combo.setCurrentIndex(self.dataset_combo.count() - 2)


class FieldHighlight(QWidget):
    """A tint over a field for :data:`HIGHLIGHT_MS`, then gone: it shows which fields a preset just changed.

    It is drawn in the palette's highlight colour, half transparent, so it
    shows on light and dark palettes alike and leaves the value readable;
    it lets every mouse event through to the field and follows its size.
    """

    def __init__(self, field: QWidget) -> None:
        for old in field.findChildren(FieldHighlight, options=Qt.FindChildOption.FindDirectChildrenOnly):
            old.hide()  # lit again: the newest highlight's time counts
            old.deleteLater()
        super().__init__(field, objectName="fieldHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(field.rect())
        field.installEventFilter(self)
        self.show()
        QTimer.singleShot(HIGHLIGHT_MS, self.deleteLater)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colour)
        colour.setAlpha(70)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)


class _WheelWhenFocused:
    """Mixin: the mouse wheel changes the value only once the field has focus.

    Otherwise the wheel goes to the scroll area, so scrolling through the
    form never changes a setting by passing over it: during a run that
    would change the live learning rate without the learner noticing.
    """

    def _wheel_when_focused(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not give focus either

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # on to the scroll area


class _Combo(_WheelWhenFocused, QComboBox):
    pass


class _Spin(_WheelWhenFocused, QSpinBox):
    pass


class _Double(_WheelWhenFocused, QDoubleSpinBox):
    pass


def _dataset_texts() -> dict[str, str]:
    """The named datasets' titles for the combo, the bundled one marked so."""
    return {name: fill(translate("SettingsFields", "{title} (bundled)"), title=render(title)) if name == BUNDLED
            else render(title) for name, title in TITLES.items()}


def _combo(name: str, items: dict[str, str], tip: str) -> QComboBox:
    combo = _Combo(objectName=name, toolTip=tip)
    combo._wheel_when_focused()
    for value, text in items.items():
        combo.addItem(text, value)
    return combo


def _spin(name: str, low: int, high: int, tip: str, step: int = 1, suffix: str = "") -> QSpinBox:
    spin = _Spin(objectName=name, toolTip=tip, minimum=low, maximum=high, singleStep=step, suffix=suffix)
    spin._wheel_when_focused()
    spin.setGroupSeparatorShown(True)
    return spin


def _double(name: str, low: float, high: float, decimals: int, step: float, tip: str) -> QDoubleSpinBox:
    spin = _Double(objectName=name, toolTip=tip, minimum=low, maximum=high, decimals=decimals, singleStep=step)
    spin._wheel_when_focused()
    return spin


def change_signals(widget: QWidget) -> list:
    """The signal that tells a change of this field's value."""
    for kind, signal in ((QComboBox, "currentIndexChanged"), (QLineEdit, "textChanged"), (QCheckBox, "toggled"),
                         (QSpinBox, "valueChanged"), (QDoubleSpinBox, "valueChanged")):
        if isinstance(widget, kind):
            return [getattr(widget, signal)]
    return []
