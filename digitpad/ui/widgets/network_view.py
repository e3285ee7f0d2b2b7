"""The network view: every layer of the network for the current drawing, left to right.

The input as the network receives it, each hidden layer's activations as a
near-square grid of cells (256 units → 16×16), then the class probabilities,
each with its colour key and range underneath. Values come from the engine
(:func:`digitpad.inference.predict.layer_values`); the view only maps them to
colours. Hidden layers that can be negative (tanh, leaky ReLU, identity) use a
diverging scale, blue below 0 and orange above; the others run from the
palette's base colour to orange, so 0 is always the background colour.
An empty canvas shows a note, never a guess.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from digitpad.ui.base.images import rgb_image

HIGH_COLOUR, LOW_COLOUR = QColor("#f28e2b"), QColor("#3d85c6")  # orange above 0, blue below (diverging)
TITLE_HEIGHT, KEY_HEIGHT, GAP = 18, 26, 4
HINT = "Draw on the canvas to see what every layer of the network makes of it."
# Activations bounded by their function: the colour scale is fixed; others follow the drawing's own range.
BOUNDED = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
CAN_BE_NEGATIVE = ("tanh", "leaky_relu", "identity")


def grid_shape(n: int) -> tuple[int, int]:
    """Rows and columns of a near-square grid for ``n`` cells (256 → 16×16, 100 → 10×10, 10 → 3×4)."""
    columns = math.ceil(math.sqrt(n))
    return math.ceil(n / columns), columns


class CellGrid(QWidget):
    """One layer: a title, its values as coloured cells in ``shape``, and a colour key with the range."""

    def __init__(self, title: str, shape: tuple[int, int], value_range: tuple[float, float], diverging: bool,
                 labels: Sequence[str] = (), tooltip: str = "") -> None:
        super().__init__(toolTip=tooltip)
        self.title, self.shape, self.value_range, self.diverging = title, shape, value_range, diverging
        self.labels = tuple(labels)  # one per row, drawn left of the cells (the classes)
        self.values = np.zeros(0)
        self._image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(60, 90)

    def set_values(self, values: np.ndarray, value_range: tuple[float, float] | None = None) -> None:
        self.values = np.asarray(values, dtype=np.float64).ravel()
        if value_range is not None:
            self.value_range = value_range
        # One pixel per cell, drawn scaled in one blit: a rectangle per cell took ~10 ms for 28×28 + 256 + 128.
        rows, columns = self.shape
        rgb = np.empty((rows * columns, 3), np.uint8)
        rgb[:] = self.palette().color(QPalette.ColorRole.Base).getRgb()[:3]
        rgb[:len(self.values)] = self.colours(self.values)
        self._image = rgb_image(rgb.reshape(rows, columns, 3))
        self.update()

    def colour(self, value: float) -> QColor:
        """The colour a value is painted in."""
        return QColor(*(int(c) for c in self.colours(np.array([value]))[0]))

    def colours(self, values: np.ndarray) -> np.ndarray:
        """``(n, 3)`` RGB bytes for ``values``: from the palette's base colour towards orange (blue below 0 on
        a diverging scale) by each value's share of the range."""
        low, high = self.value_range
        values = np.asarray(values, dtype=np.float64)
        if self.diverging:
            reach = max(abs(low), abs(high)) or 1.0
            share = np.minimum(1.0, np.abs(values) / reach)
        else:
            share = np.clip((values - low) / (high - low), 0.0, 1.0) if high > low else np.zeros_like(values)
        base = np.array(self.palette().color(QPalette.ColorRole.Base).getRgb()[:3], dtype=np.float64)
        ends = np.where((values < 0)[:, None] if self.diverging else False,
                        np.array(LOW_COLOUR.getRgb()[:3], dtype=np.float64), np.array(HIGH_COLOUR.getRgb()[:3]))
        return np.rint(base + share[:, None] * (ends - base)).astype(np.uint8)

    def cell_rect(self, index: int) -> QRectF:
        """Where cell ``index`` (row-major) is painted, in widget coordinates."""
        rows, columns = self.shape
        label_width = self.fontMetrics().horizontalAdvance("W" * max((len(t) for t in self.labels), default=0))
        label_width += GAP if self.labels else 0
        area = QRectF(label_width, TITLE_HEIGHT, self.width() - label_width, self.height() - TITLE_HEIGHT - KEY_HEIGHT)
        size = max(1.0, min(area.width() / columns, area.height() / rows))
        left = area.left() + (area.width() - size * columns) / 2
        row, column = divmod(index, columns)
        return QRectF(left + column * size, area.top() + row * size, size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(text)
        title = self.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(QRectF(0, 0, self.width(), TITLE_HEIGHT), Qt.AlignmentFlag.AlignCenter, title)
        if self._image is not None and len(self.values):
            rows, columns = self.shape
            first, last = self.cell_rect(0), self.cell_rect(rows * columns - 1)
            painter.drawImage(QRectF(first.topLeft(), last.bottomRight()), self._image)
        painter.setPen(text)
        for row, label in enumerate(self.labels):
            cell = self.cell_rect(row * self.shape[1])
            painter.drawText(QRectF(0, cell.top(), cell.left() - GAP, cell.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        self._paint_key(painter, text)

    def _paint_key(self, painter: QPainter, text: QColor) -> None:
        """A bar of the colour scale under the cells, its ends labelled with the range."""
        top, low, high = self.height() - KEY_HEIGHT + GAP, *self.value_range
        bar = QRectF(8, top, self.width() - 16, 6)
        steps = 24
        key = self.colours(low + (high - low) * (np.arange(steps) + 0.5) / steps)
        painter.drawImage(bar, rgb_image(key.reshape(1, steps, 3)))
        painter.setPen(text)
        labels = QRectF(bar.left(), bar.bottom(), bar.width(), KEY_HEIGHT - bar.height() - GAP)
        painter.drawText(labels, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{low:.3g}")
        painter.drawText(labels, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{high:.3g}")


class NetworkView(QWidget):
    """Every layer for the drawing: :meth:`show_layers` with the engine's values, or None for an empty canvas.

    ``shown`` asks for values when the view comes into sight: while hidden (another tab in front) nobody
    computes them."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setToolTip("Every layer of the network for your drawing: the input it receives, each hidden layer's "
                        "units (colour = activation, the key under each grid gives the range) and the class "
                        "probabilities. It follows the drawing and every epoch of a run.")
        self.hint = QLabel(HINT, objectName="networkHint", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.grids: list[CellGrid] = []
        self._row = QHBoxLayout()
        self._row.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self._row, 1)
        self._values: list[np.ndarray] = []
        self._layout_key: tuple = ()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def activations(self) -> list[np.ndarray]:
        """What the view shows: the input as the network receives it, each hidden layer's activations, the
        output probabilities (copies); empty for an empty canvas."""
        return [values.copy() for values in self._values]

    def show_layers(self, values: list[np.ndarray] | None, input_shape: tuple[int, int] = (1, 1),
                    activation: str = "relu", class_names: Sequence[str] = (), input_range: float = 1.0) -> None:
        """Show ``values`` (:func:`~digitpad.inference.predict.layer_values`) of a network whose input is
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
        self.grids = [CellGrid("input", input_shape, (0.0, input_range), False,
                               tooltip=f"The input as the network receives it: {rows}×{columns} pixels after "
                                       f"preprocessing and input scaling (0 to {input_range:g}).")]
        self.grids += [CellGrid(f"hidden {i}", grid_shape(len(layer)), BOUNDED.get(activation, (0.0, 1.0)),
                                activation in CAN_BE_NEGATIVE,
                                tooltip=f"Hidden layer {i}: {len(layer)} {activation} units, one cell each; "
                                        "the key underneath gives the colours' range.")
                       for i, layer in enumerate(hidden, start=1)]
        names = tuple(class_names) if len(class_names) == outputs else tuple(str(i) for i in range(outputs))
        self.grids.append(CellGrid("output", (outputs, 1), (0.0, 1.0), False, names if outputs > 1 else (),
                                   tooltip="The class probabilities, as the bars show them." if outputs > 1 else
                                   "The one output of a regression: × 10, rounded, is the digit."))
        for grid, stretch in zip(self.grids, [3] + [3] * len(hidden) + [1]):
            self._row.addWidget(grid, stretch)

    @staticmethod
    def _hidden_range(values: np.ndarray, activation: str) -> tuple[float, float]:
        """The colour scale of a hidden layer: its function's bounds, or 0 to this drawing's largest value
        (both signs for activations that can be negative)."""
        if activation in BOUNDED:
            return BOUNDED[activation]
        reach = float(np.max(np.abs(values))) if len(values) else 0.0
        reach = reach or 1.0
        return (-reach, reach) if activation in CAN_BE_NEGATIVE else (0.0, reach)
