"""The network view: every layer of the network for the current drawing, left to right.

The input as the network receives it, each hidden layer's activations as a
near-square grid of cells (256 units → 16×16), then the class probabilities,
each with its colour key and range underneath. Values come from the engine
(:meth:`digitpad.inference.units.DrawingUnits.layer_values`); the view only maps them to
colours. Hidden layers that can be negative (tanh, leaky ReLU, identity) use a
diverging scale, blue below 0 and orange above; the others run from the
palette's base colour to orange, so 0 is always the background colour.
An empty canvas shows a note, never a guess.

Under the grids, the unit panel shows the hidden unit pointed at (or the one
clicked last) and the drawing's probabilities over the run's epochs. The
view only reports what the person does with a unit (``unit_pointed``,
``unit_clicked``, ``unit_toggled`` for Ctrl+click, ``gain_requested``); the
window's unit inspection answers and marks the grids (:meth:`mark_units`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.widgets.cell_grid import DOWN_COLOUR, UP_COLOUR, CellGrid
from digitpad.ui.widgets.drawing_history_plot import DrawingHistoryPlot
from digitpad.ui.widgets.unit_panel import UnitPanel

HISTORY_WIDTH = 600  # px: narrower, the unit panel gets the details row to itself
SIDE_BY_SIDE = 3.0  # wider than this many times its height, the view puts the unit panel beside the grids
HINT = QT_TRANSLATE_NOOP("NetworkView", "Draw on the canvas to see what every layer of the network makes of it.")
# Activations bounded by their function: the colour scale is fixed; others follow the drawing's own range.
BOUNDED = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
CAN_BE_NEGATIVE = ("tanh", "leaky_relu", "identity")


def grid_shape(n: int) -> tuple[int, int]:
    """Rows and columns of a near-square grid for ``n`` cells (256 → 16×16, 100 → 10×10, 10 → 3×4)."""
    columns = math.ceil(math.sqrt(n))
    return math.ceil(n / columns), columns


class NetworkView(QWidget):
    """Every layer for the drawing: :meth:`show_layers` with the engine's values, or None for an empty canvas.

    ``shown`` asks for values when the view comes into sight: while hidden (another tab in front) nobody
    computes them."""

    shown = Signal()
    unit_pointed = Signal(int, int)      # hidden layer (from 1), unit; (0, -1) when the mouse leaves the units
    unit_clicked = Signal(int, int)      # a plain click on a hidden unit
    unit_toggled = Signal(int, int)      # Ctrl+click: switch it off, or on again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setToolTip(translate("NetworkView", "Every layer of the network for your drawing: the input it receives, "
                                                 "each hidden layer's units (colour = activation, the key under each "
                                                 "grid gives the range) and the class probabilities. It follows the "
                                                 "drawing and every epoch of a run."))
        self.hint = QLabel(render(HINT), objectName="networkHint", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.grids: list[CellGrid] = []
        self._row = QHBoxLayout()
        self._row.setSpacing(8)
        self.marks_key = QLabel(objectName="networkMarksKey", wordWrap=True)
        self.unit_panel, self.history_plot = UnitPanel(), DrawingHistoryPlot()
        self.history_plot.hide()  # until a run has epochs to show (want_history) and there is room for it
        self._history_wanted = self._history_fits = False
        grids = QVBoxLayout()
        grids.addWidget(self.hint)
        grids.addLayout(self._row, 1)
        grids.addWidget(self.marks_key)
        self._details = details = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        details.addWidget(self.unit_panel, 1)
        details.addWidget(self.history_plot, 1)
        # The details go under the grids, side by side, or beside them, one above the other, when the view is
        # much wider than tall (Wide): the unit panel keeps the wide, low shape it is laid out for.
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._body.addLayout(grids, 3)
        self._body.addLayout(details, 2)
        self.marks_key.hide()
        self._values: list[np.ndarray] = []
        self._layout_key: tuple = ()
        # Sets a unit's gain on the model behind the view (the window's unit inspection), raising for a unit the
        # network lacks: called, not signalled, so that set_unit_enabled's caller hears of it.
        self.gain_handler: Callable[[int, int, float], None] | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        beside = event.size().width() > SIDE_BY_SIDE * event.size().height()
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        self._body.setDirection(across if beside else down)
        self._details.setDirection(down if beside else across)
        self._details.setStretch(0, 1 if beside else 3)  # one above the other: even; side by side: the panel wider
        self._details.setStretch(1, 1 if beside else 2)
        self._history_fits = beside or event.size().width() >= HISTORY_WIDTH
        self._show_history()

    def want_history(self, wanted: bool) -> None:
        """Show the drawing history plot (a run has epochs) when there is room for it: beside the grids (Wide),
        or under them in a view at least ``HISTORY_WIDTH`` wide (at 1280×800 it would be a thumbnail)."""
        self._history_wanted = wanted
        self._show_history()

    def _show_history(self) -> None:
        shown = self._history_wanted and self._history_fits
        if shown != self.history_plot.isVisibleTo(self):
            self.history_plot.setVisible(shown)
            if shown and self.isVisible():
                self.shown.emit()  # it has been out of sight: its curves are brought up to date

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def activations(self) -> list[np.ndarray]:
        """What the view shows: the input as the network receives it, each hidden layer's activations, the
        output probabilities (copies); empty for an empty canvas."""
        return [values.copy() for values in self._values]

    def set_unit_enabled(self, layer: int, unit: int, enabled: bool) -> None:
        """Switch unit ``unit`` of hidden layer ``layer`` (from 1) off or back on: it then outputs 0 for every
        input, in the grids and in the prediction bars alike (the window applies it to the model). Raises
        ValueError for a unit the network does not have."""
        if self.gain_handler is None:
            raise RuntimeError("the network view shows no model whose units could be switched")
        self.gain_handler(layer, unit, 1.0 if enabled else 0.0)

    def mark_units(self, selected: tuple[int, int] | None, ups: Sequence[Sequence[int]] = (),
                   downs: Sequence[Sequence[int]] = (), off: Sequence[Sequence[int]] = (),
                   subject: str = "") -> None:
        """Frame the ``selected`` (layer, unit) and, per hidden layer, the units that pushed ``subject`` (“7”, the
        output) up and down the most; cross out the switched-off ones."""
        for layer, grid in enumerate(self.grids[1:-1], start=1):
            grid.set_marks(selected[1] if selected and selected[0] == layer else None,
                           *(lists[layer - 1] if len(lists) >= layer else () for lists in (ups, downs, off)))
        shown = bool(subject) and any(len(units) for units in ups)
        self.marks_key.setVisible(shown)
        if shown:
            self.marks_key.setText(fill(translate(
                "NetworkView", "<span style='color:{up}'>■</span> pushed {subject} up most &nbsp; "
                               "<span style='color:{down}'>■</span> pushed it down most &nbsp; ✕ switched off"),
                up=UP_COLOUR.name(), down=DOWN_COLOUR.name(), subject=subject))

    def show_layers(self, values: list[np.ndarray] | None, input_shape: tuple[int, int] = (1, 1),
                    activation: str = "relu", class_names: Sequence[str] = (), input_range: float = 1.0) -> None:
        """Show ``values`` (:meth:`~digitpad.inference.units.DrawingUnits.layer_values`) of a network whose input is
        ``input_shape`` and at most ``input_range``, with ``activation`` in its hidden layers; None: the hint."""
        self._values = [np.asarray(v) for v in values] if values is not None else []
        self.hint.setVisible(not self._values)
        for grid in self.grids:
            grid.setVisible(bool(self._values))
        if not self._values:
            return
        key = (tuple(len(v) for v in self._values), tuple(input_shape), activation, tuple(class_names))
        if key != self._layout_key:
            self._make_grids(input_shape, activation, class_names, input_range)
            self._layout_key = key
            self._body.activate()  # new grids get their places now, not a turn later
        for i, (grid, layer) in enumerate(zip(self.grids, self._values)):
            hidden = 0 < i < len(self._values) - 1
            grid.set_values(layer, self._hidden_range(layer, activation) if hidden else None)

    def _make_grids(self, input_shape: tuple[int, int], activation: str, class_names: Sequence[str],
                    input_range: float) -> None:
        for grid in self.grids:
            self._row.removeWidget(grid)
            grid.deleteLater()
        hidden = self._values[1:-1]
        outputs = len(self._values[-1])
        rows, columns = input_shape
        self.grids = [CellGrid(translate("NetworkView", "input"), input_shape, (0.0, input_range), False,
                               tooltip=fill(translate("NetworkView", "The input as the network receives it: "
                                                                     "{rows}×{columns} pixels after preprocessing "
                                                                     "and input scaling (0 to {range:g})."),
                                            rows=rows, columns=columns, range=input_range))]
        self.grids += [CellGrid(fill(translate("NetworkView", "hidden {layer}"), layer=i), grid_shape(len(layer)),
                                BOUNDED.get(activation, (0.0, 1.0)), activation in CAN_BE_NEGATIVE,
                                tooltip=_hidden_tip(i, len(layer), activation))
                       for i, layer in enumerate(hidden, start=1)]
        names = tuple(class_names) if len(class_names) == outputs else tuple(str(i) for i in range(outputs))
        self.grids.append(CellGrid(translate("NetworkView", "output"), (outputs, 1), (0.0, 1.0), False,
                                   names if outputs > 1 else (),
                                   tooltip=translate("NetworkView", "The class probabilities, as the bars show them.")
                                   if outputs > 1 else
                                   translate("NetworkView", "The one output of a regression: × 10, rounded, is the "
                                                            "digit.")))
        for layer, grid in enumerate(self.grids[1:-1], start=1):
            grid.pointed.connect(lambda unit, layer=layer: self.unit_pointed.emit(layer if unit >= 0 else 0, unit))
            grid.clicked.connect(lambda unit, modifiers, layer=layer: self._clicked(layer, unit, modifiers))
        for grid, stretch in zip(self.grids, [3] + [3] * len(hidden) + [1]):
            self._row.addWidget(grid, stretch)
            grid.show()  # now, so the layout places it at once

    def _clicked(self, layer: int, unit: int, modifiers: Qt.KeyboardModifier) -> None:
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.unit_toggled.emit(layer, unit)
        else:
            self.unit_clicked.emit(layer, unit)

    @staticmethod
    def _hidden_range(values: np.ndarray, activation: str) -> tuple[float, float]:
        """The colour scale of a hidden layer: its function's bounds, or 0 to this drawing's largest value
        (both signs for activations that can be negative)."""
        if activation in BOUNDED:
            return BOUNDED[activation]
        reach = float(np.max(np.abs(values))) if len(values) else 0.0
        reach = reach or 1.0
        return (-reach, reach) if activation in CAN_BE_NEGATIVE else (0.0, reach)


def _hidden_tip(layer: int, units: int, activation: str) -> str:
    return fill(translate("NetworkView", "Hidden layer {layer}: %n {activation} units, one cell each; the key "
                                         "underneath gives the colours' range. Point at a unit to see what it does, "
                                         "click to keep it in the panel below, Ctrl+click to switch it off or on.",
                          None, units), layer=layer, activation=activation)
