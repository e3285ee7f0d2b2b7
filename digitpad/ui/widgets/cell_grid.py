"""A grid of coloured cells, one per value: a layer's activations, error signals or a unit's weights.

Colours run from the palette's base colour towards orange by each value's
share of the range; on a diverging scale values below 0 go towards blue, so 0
is always the background colour. A grid can be pointed at and clicked
(``pointed``, ``clicked``), and can mark cells: the selected one with a frame
in the text colour, others with green (pushed up) or red (pushed down)
frames, and switched-off ones with a cross.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.ui.base.i18n import general
from digitpad.ui.base.images import rgb_image

HIGH_COLOUR, LOW_COLOUR = QColor("#f28e2b"), QColor("#3d85c6")  # orange above 0, blue below (diverging)
UP_COLOUR, DOWN_COLOUR = QColor("#2ca02c"), QColor("#d62728")  # frames: pushed the class up, pushed it down
TITLE_HEIGHT, KEY_HEIGHT, GAP = 18, 26, 4


class CellGrid(QWidget):
    """A title, values as coloured cells in ``shape``, and a colour key with the range.

    ``pointed(index)`` follows the mouse over the cells (-1 when it leaves them); ``clicked(index, modifiers)``
    reports a left click on a cell."""

    pointed = Signal(int)
    clicked = Signal(int, object)

    def __init__(self, title: str, shape: tuple[int, int], value_range: tuple[float, float], diverging: bool,
                 labels: Sequence[str] = (), tooltip: str = "") -> None:
        super().__init__(toolTip=tooltip)
        self.title, self.shape, self.value_range, self.diverging = title, shape, value_range, diverging
        self.labels = tuple(labels)  # one per row, drawn left of the cells (the classes)
        self.values = np.zeros(0)
        self._image: QImage | None = None
        self.selected: int | None = None
        self.ups: tuple[int, ...] = ()
        self.downs: tuple[int, ...] = ()
        self.off: tuple[int, ...] = ()
        self._pointed = -1
        self._cells_for: tuple = ()
        self._cells_at = (0.0, 0.0, 1.0)
        self._key: tuple[tuple, QImage] | None = None  # the colour key's image, for the range and colours it shows
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Room for the row labels (the class names) and a column of cells beside them.
        self.setMinimumSize(60 + max((self.fontMetrics().horizontalAdvance(t) for t in self.labels), default=0), 90)
        self.setMouseTracking(True)

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
        left, top, size = self._cells()
        row, column = divmod(index, self.shape[1])
        return QRectF(left + column * size, top + row * size, size, size)

    def _cells(self) -> tuple[float, float, float]:
        """The first cell's left and top and every cell's size, for the widget's size (kept until it changes)."""
        key = (self.width(), self.height(), self.font().key())
        if self._cells_for != key:
            rows, columns = self.shape
            metrics = self.fontMetrics()
            label_width = max((metrics.horizontalAdvance(label) for label in self.labels), default=0)
            label_width += GAP if self.labels else 0
            width, height = self.width() - label_width, self.height() - TITLE_HEIGHT - KEY_HEIGHT
            size = max(1.0, min(width / columns, height / rows))
            self._cells_for, self._cells_at = key, (label_width + (width - size * columns) / 2, TITLE_HEIGHT, size)
        return self._cells_at

    def cell_at(self, pos: QPointF) -> int | None:
        """The cell (row-major index) under ``pos`` in widget coordinates, or None between and beside cells."""
        if not len(self.values):
            return None
        rows, columns = self.shape
        first = self.cell_rect(0)
        column = int((pos.x() - first.left()) // first.width())
        row = int((pos.y() - first.top()) // first.height())
        index = row * columns + column
        inside = 0 <= column < columns and 0 <= row < rows and index < len(self.values)
        return index if inside else None

    def set_marks(self, selected: int | None = None, ups: Iterable[int] = (), downs: Iterable[int] = (),
                  off: Iterable[int] = ()) -> None:
        """Frame the ``selected`` cell and the ``ups`` and ``downs``; cross out the ``off`` ones."""
        marks = (selected, tuple(ups), tuple(downs), tuple(off))
        if marks != (self.selected, self.ups, self.downs, self.off):
            self.selected, self.ups, self.downs, self.off = marks
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.cell_at(event.position())
        index = -1 if index is None else index
        if index != self._pointed:
            self._pointed = index
            self.pointed.emit(index)

    def leaveEvent(self, event) -> None:
        if self._pointed != -1:
            self._pointed = -1
            self.pointed.emit(-1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.cell_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.clicked.emit(index, event.modifiers())
        else:
            super().mousePressEvent(event)

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
            self._paint_marks(painter, text)
        painter.setPen(text)
        # Row labels only where a row is tall enough to read them (they would run into each other).
        for row, label in enumerate(self.labels if self.cell_rect(0).height() >= 0.7 * self.fontMetrics().height()
                                    else ()):
            cell = self.cell_rect(row * self.shape[1])
            painter.drawText(QRectF(0, cell.top(), cell.left() - GAP, cell.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        self._paint_key(painter, text)

    def _paint_marks(self, painter: QPainter, text: QColor) -> None:
        for cells, colour in ((self.ups, UP_COLOUR), (self.downs, DOWN_COLOUR),
                              (() if self.selected is None else (self.selected,), text)):
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for index in cells:  # a 2 px frame just outside the cell: the cell's own colour stays whole
                painter.drawRect(self.cell_rect(index).adjusted(-1, -1, 1, 1))
        painter.setPen(QPen(text, 1))
        for index in self.off:
            cell = self.cell_rect(index).adjusted(1, 1, -1, -1)
            painter.drawLine(cell.topLeft(), cell.bottomRight())
            painter.drawLine(cell.topRight(), cell.bottomLeft())

    def _paint_key(self, painter: QPainter, text: QColor) -> None:
        """A bar of the colour scale under the cells, its ends labelled with the range."""
        top, low, high = self.height() - KEY_HEIGHT + GAP, *self.value_range
        bar = QRectF(8, top, self.width() - 16, 6)
        steps, colours = 24, (self.value_range, self.diverging, self.palette().color(QPalette.ColorRole.Base).rgb())
        if self._key is None or self._key[0] != colours:
            key = self.colours(low + (high - low) * (np.arange(steps) + 0.5) / steps)
            self._key = colours, rgb_image(key.reshape(1, steps, 3))
        painter.drawImage(bar, self._key[1])
        painter.setPen(text)
        labels = QRectF(bar.left(), bar.bottom(), bar.width(), KEY_HEIGHT - bar.height() - GAP)
        ends, metrics = (general(low), general(high)), self.fontMetrics()
        if sum(metrics.horizontalAdvance(end) for end in ends) + 2 * GAP <= bar.width():
            painter.drawText(labels, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, ends[0])
            painter.drawText(labels, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, ends[1])
        else:  # too narrow for both ends apart: the range in one piece (±r when it is symmetric), under the middle
            whole = f"±{ends[1]}" if low == -high else f"{ends[0]}…{ends[1]}"
            painter.drawText(labels.adjusted(-GAP, 0, GAP, 0), Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(whole, Qt.TextElideMode.ElideMiddle, int(labels.width()) + 2 * GAP))
