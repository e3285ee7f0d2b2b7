"""Backprop in numbers: for the drawing and a true label the learner picks, the loss, each layer's error signal
δ = ∂L/∂z as a grid, and for a weight the learner picks the chain rule written out with its numbers.

Columns left to right: the input as the network receives it (the aᵢ of the
first weights), then each Dense layer's δ (hidden layers, then the output),
each titled with its length ‖δ‖. A weight joins a unit of one column to a unit
of the next, so it is picked by clicking one cell, then one in the column to
its right. The view does no numerics: it shows the
:class:`~digitpad.inference.backprop.BackpropNumbers` and
:class:`~digitpad.inference.backprop.WeightChain` it is handed and reports
what the person asks for (``label_picked``, ``weight_picked``,
``step_clicked``, ``undo_clicked``).
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.inference.backprop import BackpropNumbers, Figure, WeightChain
from digitpad.ui.base.i18n import fill, general, render, translate
from digitpad.ui.widgets.cell_grid import CellGrid
from digitpad.ui.widgets.network_view import grid_shape

HINT = QT_TRANSLATE_NOOP("BackpropView", "Draw on the canvas to see backpropagation in numbers: the loss for a label "
                                         "you pick, each layer's error signal δ and the gradient of any weight.")
PICK_HINT = QT_TRANSLATE_NOOP("BackpropView", "Click a cell, then a cell in the column to its right: the chain rule "
                                              "for the weight between them.")
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}


class BackpropView(QWidget):
    """The loss, the δ of every layer and one weight's chain rule for the drawing and a true label.

    ``shown`` asks for numbers when the view comes into sight: while hidden nobody computes them."""

    shown = Signal()
    label_picked = Signal(int)
    weight_picked = Signal(int, int, int)  # weight array W{layer}, source unit, target unit
    step_clicked = Signal()
    undo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backpropView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(translate("BackpropView", "Backpropagation for your drawing: pick the true label (or press "
                                                  "0–9), read the loss and each layer's error signal δ, click two "
                                                  "cells to follow one weight's gradient."))
        self.hint = QLabel(render(HINT), objectName="backpropHint", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.labels = QButtonGroup(self, exclusive=True)
        self.labels.idClicked.connect(self.set_label)
        self.label_buttons: list[QToolButton] = []
        self._label_box = QWidget()
        self._label_row = QHBoxLayout(self._label_box)
        self._label_row.setContentsMargins(0, 0, 0, 0)
        self._label_row.setSpacing(2)
        self._label_row.addWidget(QLabel(translate("BackpropView", "True label:")))
        self._label_row.addStretch(1)
        self.loss_label = QLabel(objectName="backpropLoss")
        self.step_button = QPushButton(translate("BackpropView", "Take one step"), objectName="backpropStep",
                                       toolTip=translate("BackpropView", "One step of plain gradient descent on this "
                                                                         "drawing alone: every weight w ← w − lr·g "
                                                                         "with the model's learning rate (no "
                                                                         "momentum, no weight decay). The model counts "
                                                                         "as edited until you undo it."))
        self.undo_button = QPushButton(translate("BackpropView", "Undo step"), objectName="backpropUndo",
                                       enabled=False, toolTip=translate("BackpropView", "Put the weights back as they "
                                                                                        "were before the step."))
        self.step_button.clicked.connect(self.step_clicked)
        self.undo_button.clicked.connect(self.undo_clicked)
        self._label_row.addWidget(self.loss_label)
        self.grids: list[CellGrid] = []
        self._grid_box = QWidget()
        self._row = QHBoxLayout(self._grid_box)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self.text = QPlainTextEdit(objectName="backpropText", readOnly=True)
        self.text.setToolTip(translate("BackpropView", "The chain rule for the weight you picked, with this "
                                                       "drawing's numbers. A relative difference near 0 means "
                                                       "backpropagation and the slope of the loss agree; near 1, the "
                                                       "gradient maths is wrong."))
        below = QWidget()
        # A text box's size hint is large: the grids get two thirds of the height, the text one third.
        below.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._grid_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.text.setMinimumHeight(3 * self.fontMetrics().height())
        text_row = QHBoxLayout(below)
        text_row.setContentsMargins(0, 0, 0, 0)
        text_row.addWidget(self.text, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.step_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        text_row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self._label_box)
        layout.addWidget(self._grid_box, 2)
        layout.addWidget(below, 1)
        self._below = below
        self._numbers: BackpropNumbers | None = None
        self._chain: WeightChain | None = None
        self._before: BackpropNumbers | None = None
        self._pending: tuple[int, int] | None = None  # (column, cell) of a first click
        self._layout_key: tuple = ()
        self._titles: dict[CellGrid, str] = {}  # each δ grid's "‖δ‖ …", titled to fit its width
        self.show_numbers(None)

    # -- what the tests and accessibility tools use ----------------------
    def set_label(self, label: int) -> None:
        """Take ``label`` as the true label: asks for its numbers (``label_picked``)."""
        if not 0 <= label < len(self.label_buttons):
            raise ValueError(f"labels are 0 to {len(self.label_buttons) - 1}, got {label}")
        self.label_buttons[label].setChecked(True)
        self.label_picked.emit(label)

    def gradients(self) -> dict[str, np.ndarray]:
        """∂L/∂ each parameter (W0, b0, …) of what is shown; empty for an empty canvas."""
        return {} if self._numbers is None else {k: g.copy() for k, g in self._numbers.gradients.items()}

    def deltas(self) -> list[np.ndarray]:
        """Each Dense layer's δ = ∂L/∂z of what is shown; empty for an empty canvas."""
        return [] if self._numbers is None else [d.copy() for d in self._numbers.deltas]

    def loss(self) -> float:
        """The loss shown; NaN for an empty canvas."""
        return math.nan if self._numbers is None else self._numbers.loss

    # -- what the presenter hands in -------------------------------------
    def show_numbers(self, numbers: BackpropNumbers | None, chain: WeightChain | None = None,
                     before: BackpropNumbers | None = None) -> None:
        """Show ``numbers`` with the chain rule of ``chain`` and, after a step, how things moved since ``before``;
        None: the hint and no numbers."""
        self._numbers, self._chain, self._before = numbers, chain, before
        empty = numbers is None
        self.hint.setVisible(empty)
        for widget in (self._label_box, self._grid_box, self._below):
            widget.setVisible(not empty)
        self.step_button.setEnabled(not empty)
        if empty:
            self._pending = None
            self.text.clear()
            return
        key = (tuple(len(a) for a in numbers.activations), numbers.input_shape, numbers.class_names)
        if key != self._layout_key:
            self._make_grids(numbers)
            self._layout_key, self._pending = key, None
        self.label_buttons[numbers.label].setChecked(True)
        self.loss_label.setText(fill(translate("BackpropView", "Loss {loss}"), loss=Figure(numbers.loss)))
        self.loss_label.setToolTip(fill(translate("BackpropView", "The loss for this drawing with “{name}” as its "
                                                                  "true label."),
                                        name=numbers.class_names[numbers.label]))
        self.grids[0].set_values(numbers.activations[0])
        for grid, delta, norm in zip(self.grids[1:], numbers.deltas, numbers.delta_norms):
            reach = key_reach(float(np.max(np.abs(delta))))
            self._titles[grid] = fill(translate("BackpropView", "‖δ‖ {norm}"), norm=general(norm, 2).replace("-", "−"))
            self._fit_title(grid)
            grid.set_values(delta, (-reach, reach))
        self._mark()
        self._write()

    def set_step_applied(self, applied: bool) -> None:
        """Whether a step is applied, so Undo step can take it back."""
        self.undo_button.setEnabled(applied)

    # -- events ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched in self._titles:
            self._fit_title(watched)
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The keys 0–9 pick the label as soon as the tab is in front (the window's own keys are its menus').
        if self.window().isActiveWindow():
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.shown.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = DIGIT_KEYS.get(event.key())
        if digit is not None and self._numbers is not None and digit < len(self.label_buttons) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_label(digit)
        else:
            super().keyPressEvent(event)

    def _cell_clicked(self, column: int, cell: int, _modifiers: object = None) -> None:
        self.setFocus()
        if self._pending is not None and column == self._pending[0] + 1:
            layer, source = self._pending
            self._pending = None
            self.weight_picked.emit(layer, source, cell)
            return
        self._pending = (column, cell) if column < len(self.grids) - 1 else None
        self._mark()
        self._write()

    # -- building and writing ----------------------------------------------
    def _make_grids(self, numbers: BackpropNumbers) -> None:
        for button in self.label_buttons:
            self.labels.removeButton(button)
        for widget in self.grids + self.label_buttons:
            widget.deleteLater()
        self.label_buttons = []
        for i, name in enumerate(numbers.class_names):
            tip = fill(translate("BackpropView", "Take “{name}” as the true label (key {key})"), name=name, key=i) \
                if i < 10 else fill(translate("BackpropView", "Take “{name}” as the true label"), name=name)
            button = QToolButton(text=name if len(name) <= 3 else str(i), checkable=True, toolTip=tip)
            button.setAccessibleName(fill(translate("BackpropView", "True label {name}"), name=name))
            self.labels.addButton(button, i)
            self._label_row.insertWidget(1 + i, button)
            self.label_buttons.append(button)
        rows, columns = numbers.input_shape
        self.grids = [CellGrid(self._column_name(0), numbers.input_shape, (0.0, numbers.input_range), False,
                               tooltip=fill(translate("BackpropView", "The input as the network receives it, "
                                                                      "{rows}×{columns} pixels: the aᵢ of the first "
                                                                      "weights. Click a pixel, then a unit of the "
                                                                      "next column."), rows=rows, columns=columns))]
        n_hidden = len(numbers.deltas) - 1
        for k, delta in enumerate(numbers.deltas[:-1], start=1):
            self.grids.append(CellGrid(hidden_name(k), grid_shape(len(delta)), (-1.0, 1.0), True, tooltip=fill(
                translate("BackpropView", "Hidden layer {layer}: each unit's error signal δ = ∂L/∂z (blue below 0, "
                                          "orange above); ‖δ‖ is its length. Click a unit, then one in the next "
                                          "column."), layer=k)))
        outputs = len(numbers.deltas[-1])
        names = numbers.class_names if outputs == len(numbers.class_names) else ()
        self.grids.append(CellGrid(translate("BackpropView", "output"), (outputs, 1), (-1.0, 1.0), True, names,
                                   tooltip=translate("BackpropView", "The output layer's error signal δ = ∂L/∂z, one "
                                                                     "cell per output unit.")))
        self._titles = {}
        for column, (grid, stretch) in enumerate(zip(self.grids, [3] + [3] * n_hidden + [3])):
            grid.clicked.connect(partial(self._cell_clicked, column))
            grid.installEventFilter(self)
            self._row.addWidget(grid, stretch)

    def _fit_title(self, grid: CellGrid) -> None:
        """"hidden 1 ‖δ‖ 0.68" where the grid is wide enough, else "‖δ‖ 0.68" (the grids stand in order, and each
        tooltip names its layer)."""
        norm = self._titles[grid]
        column = self.grids.index(grid)
        full = fill(translate("BackpropView", "{layer} {norm}"), layer=self._column_name(column), norm=norm)
        grid.title = full if grid.fontMetrics().horizontalAdvance(full) <= grid.width() else norm
        grid.update()

    def _mark(self) -> None:
        """Frame the cells of the picked weight, or the first cell of a pick in progress."""
        marks: dict[int, int] = {}
        if self._pending is not None:
            marks[self._pending[0]] = self._pending[1]
        elif self._chain is not None:
            marks = {self._chain.layer: self._chain.source, self._chain.layer + 1: self._chain.target}
        for column, grid in enumerate(self.grids):
            grid.set_marks(marks.get(column))

    def _write(self) -> None:
        numbers, parts = self._numbers, []
        if self._before is not None:
            parts.append(step_text(self._before, numbers))
        if self._pending is not None:
            column, cell = self._pending
            parts.append(fill(translate("BackpropView", "From {unit}: now click a cell of {layer}."),
                              unit=self._unit_name(column, cell), layer=self._column_name(column + 1)))
        elif self._chain is not None:
            parts.append(self._chain_text(self._chain))
        else:
            parts.append(render(PICK_HINT))
        parts.append(render(numbers.note))
        self.text.setPlainText("\n\n".join(parts))

    def _chain_text(self, chain: WeightChain) -> str:
        n = Figure
        relative = fill("{value:.1e}", value=chain.relative_difference).replace("-", "−")
        source, target = self._unit_name(chain.layer, chain.source), self._unit_name(chain.layer + 1, chain.target)
        step = translate("BackpropView", "w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} (lr = {lr})") \
            if chain.lr_recorded else translate("BackpropView", "w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} "
                                                                "(lr = {lr}, digitpad's default: the model records "
                                                                "none)")
        return "\n".join([
            fill(translate("BackpropView", "Weight W{layer}[{source}, {target}] from {source_unit} to {target_unit}:"),
                 layer=chain.layer, source=chain.source, target=chain.target, source_unit=source, target_unit=target),
            fill(translate("BackpropView", "∂L/∂w = δⱼ × aᵢ = {delta} × {a} = {g}"),
                 delta=n(chain.delta), a=n(chain.activation), g=n(chain.gradient)),
            fill(step, w=n(chain.weight), lr=n(chain.lr), g=n(chain.gradient), stepped=n(chain.stepped)),
            fill(translate("BackpropView", "Finite differences: {fd} (relative difference {relative})"),
                 fd=n(chain.finite_difference), relative=relative)])

    def _column_name(self, column: int) -> str:
        return translate("BackpropView", "input") if column == 0 else \
            translate("BackpropView", "output") if column == len(self.grids) - 1 else hidden_name(column)

    def _unit_name(self, column: int, cell: int) -> str:
        numbers = self._numbers
        if column == 0:
            row, col = divmod(cell, numbers.input_shape[1])
            return fill(translate("BackpropView", "input pixel {cell} (row {row}, column {column})"),
                        cell=cell, row=row, column=col)
        if column == len(self.grids) - 1 and len(numbers.deltas[-1]) == len(numbers.class_names):
            return fill(translate("BackpropView", "output “{name}”"), name=numbers.class_names[cell])
        return fill(translate("BackpropView", "unit {cell} of {layer}"), cell=cell, layer=self._column_name(column))


def hidden_name(layer: int) -> str:
    """A hidden layer as the grids' titles and the texts name it: "hidden 1"."""
    return fill(translate("BackpropView", "hidden {layer}"), layer=layer)


def key_reach(largest: float) -> float:
    """The end of a δ grid's colour key: the largest |δ| rounded up to one significant digit (0.68 → 0.7,
    1.45e−05 → 2e−05), so the key's labels stay short; 1 when every δ is 0."""
    if not largest > 0:
        return 1.0
    scale = 10.0 ** math.floor(math.log10(largest))
    return math.ceil(largest / scale * (1 - 1e-12)) * scale


def step_text(before: BackpropNumbers, after: BackpropNumbers) -> str:
    """How one step moved the loss and the probabilities (a regression: its output × 10), before → after."""
    n, names = Figure, after.class_names
    lines = [fill(translate("BackpropView", "After one step: loss {before} → {after}"),
                  before=n(before.loss), after=n(after.loss))]
    if after.regression:
        lines.append(fill(translate("BackpropView", "output × 10: {before} → {after}"),
                          before=n(10 * float(before.activations[-1][0])), after=n(10 * float(after.activations[-1][0]))))
        return "\n".join(lines)
    top = [int(i) for i in np.argsort(-np.maximum(before.probabilities, after.probabilities))
           if i != after.label][:3]
    for i in [after.label, *top]:
        line = translate("BackpropView", "“{name}” (the label): {before} → {after}") if i == after.label else \
            translate("BackpropView", "“{name}”: {before} → {after}")
        lines.append(fill(line, name=names[i], before=n(float(before.probabilities[i])),
                          after=n(float(after.probabilities[i]))))
    return "\n".join(lines)
