"""The unit panel, under the network view's grids: what one hidden unit does on the drawing.

It shows a :class:`~digitpad.inference.units.UnitReport` as it is handed in: the unit's activation and
pre-activation, its incoming weights (an image in diverging colours for the first hidden layer, a strip of the
sorted weights deeper), its strongest outgoing weights and how it pushes each class score, the test images it
responds to most, and the test accuracy of the network as edited. The "On" box and the gain only report what the
person asks for (``gain_changed``); the window applies it and shows the unit again.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.inference.units import UnitReport, strongest
from digitpad.ui.base.i18n import fill, general, listed, render, translate
from digitpad.ui.base.images import gray_image
from digitpad.ui.widgets.cell_grid import (
    GAP,
    HIGH_COLOUR,
    LOW_COLOUR,
    TITLE_HEIGHT,
    CellGrid,
)
from digitpad.ui.widgets.probabilities import percent

HINT = QT_TRANSLATE_NOOP("UnitPanel", "Point at a unit to see what it does; click to keep it here; Ctrl+click "
                                      "switches it off.")
SHOWN = 3  # outgoing weights, and classes pushed up and down, named in the panel
MAX_GAIN = 5.0
EFFECTS_TIP = QT_TRANSLATE_NOOP("UnitPanel", "Its strongest weights to the units (#) of the next layer, and the "
                                             "classes whose score its output raises and lowers most on this "
                                             "drawing: how far the score moves per unit of output (for the last "
                                             "hidden layer, its weights to the classes).")


def output_names(report: UnitReport, class_names: Sequence[str]) -> tuple[str, ...]:
    """What each entry of ``report.to_classes`` is called: the class names, or "output" for a regression."""
    n = len(report.to_classes)
    if len(class_names) == n:
        return tuple(class_names)
    return (translate("UnitPanel", "output"),) if n == 1 else tuple(map(str, range(n)))


def signed(value: float) -> str:
    """A weight or an effect in the panel's lists: signed, 2 significant digits (the lists are narrow)."""
    return fill("{value:+.2g}", value=value)


def effect_line(name: str, value: float) -> str:
    """A class and how far the unit moves its score: "7 +0.31"."""
    return fill(translate("UnitPanel", "{name} {effect}"), name=name, effect=signed(value))


class SortedWeights(QWidget):
    """A unit's incoming weights sorted from largest to smallest, as bars up (orange) and down (blue) from 0; the
    top of the strip is the largest weight (or 0), the bottom the smallest (or 0), labelled in the corners the
    sorted bars leave free."""

    def __init__(self) -> None:
        super().__init__(toolTip=translate("UnitPanel", "This unit's incoming weights from the layer below, sorted "
                                                        "from largest to smallest: orange above 0, blue below."))
        self.values = np.zeros(0)
        self.setMinimumSize(60, 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_values(self, weights: np.ndarray) -> None:
        self.values = np.sort(np.asarray(weights, dtype=np.float64))[::-1]
        self.update()

    def bars_rect(self) -> QRectF:
        return QRectF(GAP, TITLE_HEIGHT, self.width() - 2 * GAP, self.height() - TITLE_HEIGHT - GAP)

    def value_y(self, value: float) -> float:
        """Where ``value`` lies on the strip's scale, in widget coordinates."""
        area = self.bars_rect()
        high, low = max(float(self.values[0]), 0.0), min(float(self.values[-1]), 0.0)
        return area.top() + (high - value) / ((high - low) or 1.0) * area.height()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(text)
        title = self.fontMetrics().elidedText(translate("UnitPanel", "incoming, sorted"), Qt.TextElideMode.ElideRight,
                                              self.width())
        painter.drawText(QRectF(0, 0, self.width(), TITLE_HEIGHT), Qt.AlignmentFlag.AlignCenter, title)
        if not len(self.values):
            return
        area = self.bars_rect()
        # The sorted weights are monotone: one value per pixel column draws them faithfully.
        columns = min(len(self.values), max(1, int(area.width())))
        shown = self.values[np.rint(np.linspace(0, len(self.values) - 1, columns)).astype(int)]
        zero, width = self.value_y(0.0), area.width() / columns
        for i, value in enumerate(shown):
            top, bottom = sorted((zero, self.value_y(value)))
            painter.fillRect(QRectF(area.left() + i * width, top, max(width, 1.0), bottom - top),
                             HIGH_COLOUR if value > 0 else LOW_COLOUR)
        painter.drawLine(QPointF(area.left(), zero), QPointF(area.right(), zero))
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, general(self.values[0]))
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, general(self.values[-1]))


class ImageTiles(QWidget):
    """Up to 9 small images in a 3×3 grid (white ink on black, as the network's input is shown)."""

    def __init__(self) -> None:
        super().__init__(toolTip=translate("UnitPanel", "The test images on which this unit's activation (before its "
                                                        "gain) is largest, largest first: what the unit responds "
                                                        "to."))
        self.images: np.ndarray | None = None
        self._tiles = []
        self.setMinimumSize(54, 54)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_images(self, images: np.ndarray | None) -> None:
        self.images = None if images is None else np.asarray(images)
        self._tiles = [] if images is None else [gray_image(image) for image in self.images[:9]]
        self.update()

    def tile_rect(self, index: int) -> QRectF:
        """Where image ``index`` is painted: row by row, 3 a row, in a square centred in the widget."""
        side = min(self.width(), self.height())
        size = side / 3
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        row, column = divmod(index, 3)
        return QRectF(left + column * size, top + row * size, size, size).adjusted(1, 1, -1, -1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for i, tile in enumerate(self._tiles):
            painter.drawImage(self.tile_rect(i), tile)


class UnitPanel(QWidget):
    """One hidden unit: :meth:`show_unit` with a report (None: a hint), :meth:`show_top_images`,
    :meth:`show_accuracy`. ``gain_changed(layer, unit, gain)`` when the person ticks "On" or changes the gain;
    ``reset_requested`` from "Reset edits" (enabled by :meth:`set_edited`)."""

    gain_changed = Signal(int, int, float)
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitPanel")
        self.report: UnitReport | None = None
        self._restore = 1.0  # the gain ticking "On" gives back: the unit's last one other than 0
        self._edited = False
        self.hint = QLabel(render(HINT), objectName="unitHint", wordWrap=True)
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.title = QLabel(objectName="unitTitle")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.numbers = QLabel(objectName="unitNumbers", font=small,
                              toolTip=translate("UnitPanel", "The unit's output on this drawing (its activation "
                                                             "times its gain) and the weighted sum of its inputs "
                                                             "plus its bias it came from."))
        self.on_box = QCheckBox(translate("UnitPanel", "On"),
                                toolTip=translate("UnitPanel", "Untick to switch this unit off: it outputs 0 for "
                                                               "every drawing"))
        self.gain_box = QDoubleSpinBox(toolTip=translate("UnitPanel", "× gain: scales this unit's output (1 as "
                                                                      "trained, 0 switches it off)"),
                                       minimum=0.0, maximum=MAX_GAIN, singleStep=0.1, decimals=2, prefix="× ",
                                       keyboardTracking=False, accessibleName=translate("UnitPanel", "× gain"))
        self.reset_button = QPushButton(translate("UnitPanel", "Reset edits"), enabled=False,
                                        toolTip=translate("UnitPanel", "Every unit back on at gain 1 (and any step "
                                                                       "taken on one drawing undone): the network as "
                                                                       "trained"))
        self.weights_grid: CellGrid | None = None
        self.sorted_weights = SortedWeights()
        # Columns: its strongest weights to the next layer, the classes it raises most, those it lowers most.
        self.effects = [QLabel(objectName=f"unitEffects{i}", alignment=Qt.AlignmentFlag.AlignTop, font=small,
                               toolTip=render(EFFECTS_TIP)) for i in range(3)]
        self.accuracy = QLabel(objectName="unitAccuracy", wordWrap=True,
                               toolTip=translate("UnitPanel", "The share of the test images the network "
                                                              "classifies correctly with its units as edited, and "
                                                              "as trained"))
        self.tiles = ImageTiles()
        self.tiles_note = QLabel(objectName="unitImagesNote", wordWrap=True, font=small,
                                 alignment=Qt.AlignmentFlag.AlignCenter)

        info = QVBoxLayout()
        info.setSpacing(2)
        info.addWidget(self.title)
        info.addWidget(self.numbers)
        controls = QHBoxLayout()
        controls.setSpacing(4)
        for widget in (self.on_box, self.gain_box):
            controls.addWidget(widget)
        info.addLayout(controls)
        info.addStretch(1)
        self.weights = QVBoxLayout()
        self.weights.addWidget(self.sorted_weights)
        effects = QHBoxLayout()
        effects.setSpacing(4)
        for label in self.effects:
            effects.addWidget(label)
        effects.addStretch(1)
        images = QVBoxLayout()
        images.addWidget(self.tiles, 1)
        images.addWidget(self.tiles_note, 1)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addLayout(info)
        row.addLayout(self.weights, 2)
        row.addLayout(effects, 3)
        row.addLayout(images, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reset_button)
        bottom.addWidget(self.accuracy, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.hint)
        layout.addLayout(row, 1)
        layout.addLayout(bottom)

        self.on_box.toggled.connect(self._on_ticked)
        self.gain_box.valueChanged.connect(self._gain_typed)
        self.reset_button.clicked.connect(self.reset_requested)
        self.show_unit(None, ())

    # -- shown ---------------------------------------------------------------
    def show_unit(self, report: UnitReport | None, class_names: Sequence[str]) -> None:
        """Show ``report`` (classes named ``class_names``), or the hint for None. Emits nothing."""
        previous, self.report = self.report, report
        if previous is None or report is None or (previous.layer, previous.unit) != (report.layer, report.unit):
            self._restore = 1.0  # a unit shown switched off comes back on at gain 1
        if report is not None:
            self.title.setText(fill(translate("UnitPanel", "hidden {layer} · unit {unit}"), layer=report.layer,
                                    unit=report.unit))
            self.numbers.setText(fill(translate("UnitPanel", "activation {activation:.3g}\npre-activation "
                                                             "{pre_activation:.3g}"),
                                      activation=report.activation, pre_activation=report.pre_activation))
            self._show_gain(report.gain)
            self._show_weights(report)
            every = listed(effect_line(name, value)
                           for name, value in zip(output_names(report, class_names), report.to_classes))
            tip = fill(translate("UnitPanel", "{effects}\n\nOn every class: {every}"), effects=render(EFFECTS_TIP),
                       every=every)
            for label, text in zip(self.effects, self._effects(report, class_names) + ["", "", ""]):
                label.setText(text)
                label.setToolTip(tip)
        self._show_parts()

    def show_top_images(self, images: np.ndarray | None, note: str) -> None:
        """The test images ``(k, h, w)`` in [0, 1] the unit responds to most, largest first; None: ``note``
        in their place."""
        self.tiles.set_images(images)
        self.tiles_note.setText(note)
        self.tiles_note.setToolTip(note)
        self._show_parts()

    def show_accuracy(self, edited: float | None, unedited: float | None, note: str = "") -> None:
        """The test accuracy as edited and as trained (shares in [0, 1]); ``note`` in place of a missing edited
        one ("computing…"), or alone when neither is known. "As trained" is left out while the network has no
        edits and both are the same."""
        if edited is None and unedited is None:
            self.accuracy.setText(note)
            return
        shown = percent(edited) if edited is not None else note
        if unedited is not None and (edited is None or edited != unedited or self._edited):
            text = fill(translate("UnitPanel", "Test accuracy {accuracy} (as trained {trained})"), accuracy=shown,
                        trained=percent(unedited))
        else:
            text = fill(translate("UnitPanel", "Test accuracy {accuracy}"), accuracy=shown)
        self.accuracy.setText(text)

    def set_edited(self, edited: bool) -> None:
        """Whether the network has edits "Reset edits" can undo."""
        self._edited = edited
        self.reset_button.setEnabled(edited)

    # -- parts ---------------------------------------------------------------
    def _show_parts(self) -> None:
        """The hint alone without a unit; with one, its weights as an image or a strip, its images or the note."""
        report = self.report
        self.hint.setVisible(report is None)
        for widget in (self.title, self.numbers, self.on_box, self.gain_box):
            widget.setVisible(report is not None)
        for label in self.effects:
            label.setVisible(report is not None and bool(label.text()))
        first_layer = report is not None and report.input_shape is not None
        self.sorted_weights.setVisible(report is not None and not first_layer)
        if self.weights_grid is not None:
            self.weights_grid.setVisible(first_layer)
        self.tiles.setVisible(report is not None and self.tiles.images is not None)
        self.tiles_note.setVisible(report is not None and self.tiles.images is None)

    def _show_gain(self, gain: float) -> None:
        if gain != 0:
            self._restore = gain
        with QSignalBlocker(self.on_box), QSignalBlocker(self.gain_box):  # not the person's doing
            self.on_box.setChecked(gain != 0)
            self.gain_box.setValue(gain)

    def _show_weights(self, report: UnitReport) -> None:
        if report.input_shape is None:
            self.sorted_weights.set_values(report.incoming)
            return
        if self.weights_grid is None or self.weights_grid.shape != report.input_shape:
            if self.weights_grid is not None:
                self.weights.removeWidget(self.weights_grid)
                self.weights_grid.deleteLater()
            self.weights_grid = CellGrid(translate("UnitPanel", "incoming"), report.input_shape, (-1.0, 1.0), True,
                                         tooltip=translate("UnitPanel", "This unit's incoming weights, one per input "
                                                                        "pixel: orange where ink raises its sum, blue "
                                                                        "where ink lowers it."))
            self.weights_grid.setMinimumSize(60, 60)
            self.weights.addWidget(self.weights_grid)
        reach = float(np.max(np.abs(report.incoming))) or 1.0
        self.weights_grid.set_values(report.incoming, (-reach, reach))

    @staticmethod
    def _effects(report: UnitReport, class_names: Sequence[str]) -> list[str]:
        """The effect columns' texts: a heading, then one "name value" line each."""
        columns = []
        if not report.next_is_output:
            strong = strongest(report.outgoing, SHOWN)
            columns.append("\n".join([fill(translate("UnitPanel", "to hidden {layer}"), layer=report.layer + 1),
                                      *(fill(translate("UnitPanel", "#{unit} {weight}"), unit=i,
                                             weight=signed(report.outgoing[i])) for i in strong)]))
        names = output_names(report, class_names)
        for heading, sign in ((translate("UnitPanel", "raises"), 1), (translate("UnitPanel", "lowers"), -1)):
            found = strongest(report.to_classes, SHOWN, sign)
            if len(found):
                columns.append("\n".join([heading, *(effect_line(names[i], report.to_classes[i]) for i in found)]))
        return columns

    def _on_ticked(self, on: bool) -> None:
        gain = self._restore if on else 0.0
        with QSignalBlocker(self.gain_box):
            self.gain_box.setValue(gain)
        self._emit(gain)

    def _gain_typed(self, gain: float) -> None:
        if gain != 0:
            self._restore = gain
        with QSignalBlocker(self.on_box):
            self.on_box.setChecked(gain != 0)
        self._emit(gain)

    def _emit(self, gain: float) -> None:
        if self.report is not None:
            self.gain_changed.emit(self.report.layer, self.report.unit, float(gain))
