"""The confusion matrix and the per-class accuracy beside it.

Rows are true classes, columns predicted ones. The diagonal (correct) is
blue and the rest (mistakes) orange, each scaled against its own largest
count: a diagonal of ~1,000 would otherwise wash the mistakes, a few dozen at
most, out to white. Colours are mixed into the palette's Base colour, so the
matrix reads on light and dark desktops. Both widgets paint by hand from font
metrics, like :mod:`digitpad.ui.probabilities`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.widgets.probabilities import percent

CORRECT_COLOUR = QColor("#3d85c6")  # the app's blue (plots.py); orange beside it reads for colour-blind users too
MISTAKE_COLOUR = QColor("#f28e2b")
# A cell with one image still gets this much colour, so no non-zero cell looks empty.
MIN_TINT = 0.15
CENTER = Qt.AlignmentFlag.AlignCenter
MATRIX_TOOLTIP = QT_TRANSLATE_NOOP("ConfusionMatrix", "Confusion matrix on the test set: row = true class, column = "
                                   "the class the network predicted.\nBlue diagonal = correct, orange = mistakes "
                                   "(each shaded against its own largest count).\nClick a cell to see its images.")
ACCURACY_TOOLTIP = QT_TRANSLATE_NOOP("ConfusionMatrix", "Share of each true class's test images the network "
                                     "classified correctly; the worst class is orange. The bars start at the "
                                     "percentage written under them.")


def count_text(count: int) -> str:
    """A count as a cell shows it, with the locale's group separator ("1,135")."""
    return fill("{count:,}", count=int(count))


def mix(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0..1) of the way to ``tint``."""
    return QColor.fromRgbF(*(b + (t - b) * amount for b, t in zip(base.getRgbF()[:3], tint.getRgbF()[:3])))


def readable_on(colour: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``colour``."""
    r, g, b = colour.getRgbF()[:3]
    return QColor(Qt.GlobalColor.black) if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else QColor(Qt.GlobalColor.white)


class ConfusionMatrixView(QWidget):
    """An n×n grid of counts; clicking a cell emits ``cell_clicked(true_class, predicted_class)``."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self.setToolTip(render(MATRIX_TOOLTIP))
        self.setMouseTracking(True)  # hover highlight and pointing cursor without a button held
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._matrix = np.zeros((0, 0), dtype=np.int64)
        self._names: tuple[str, ...] = ()
        self._hover: tuple[int, int] | None = None

    def set_matrix(self, matrix: np.ndarray, class_names: Sequence[str]) -> None:
        """Show ``matrix`` ``(n, n)`` counts (row = true, column = predicted) with ``n`` class names."""
        matrix = np.asarray(matrix, dtype=np.int64)
        if matrix.shape != (len(class_names), len(class_names)):
            raise ValueError(f"a {len(class_names)}-class matrix must be square, got shape {matrix.shape}")
        self._matrix, self._names, self._hover = matrix.copy(), tuple(class_names), None
        self.updateGeometry()
        self.update()

    def matrix(self) -> np.ndarray:
        """A copy of the counts shown, ``(n, n)``."""
        return self._matrix.copy()

    def cell_tooltip(self, true_class: int, predicted: int) -> str:
        count = int(self._matrix[true_class, predicted])
        if true_class != predicted:
            text = (translate("ConfusionMatrix", "true {true}, predicted {predicted}: {count:,} image")
                    if count == 1 else
                    translate("ConfusionMatrix", "true {true}, predicted {predicted}: {count:,} images"))
        elif count == 1:
            text = translate("ConfusionMatrix", "true {true}, predicted {predicted}: {count:,} image (correct)")
        else:
            text = translate("ConfusionMatrix", "true {true}, predicted {predicted}: {count:,} images (correct)")
        text = fill(text, true=self._names[true_class], predicted=self._names[predicted], count=count)
        return text + "\n" + translate("ConfusionMatrix", "Click to see them.") if count else text

    def cell_rect(self, true_class: int, predicted: int) -> QRect:
        """Where cell (row ``true_class``, column ``predicted``) is drawn, in widget coordinates."""
        origin, cell, _ = self._geometry()
        return QRectF(origin.x() + predicted * cell, origin.y() + true_class * cell, cell, cell).toAlignedRect()

    def cell_at(self, pos: QPoint | QPointF) -> tuple[int, int] | None:
        """``(true_class, predicted)`` of the cell under ``pos``, or None outside the grid."""
        origin, cell, _ = self._geometry()
        n = len(self._names)
        if not n or cell <= 0:
            return None
        col, row = math.floor((pos.x() - origin.x()) / cell), math.floor((pos.y() - origin.y()) / cell)
        return (row, col) if 0 <= row < n and 0 <= col < n else None

    # -- geometry -----------------------------------------------------------
    def _label_sizes(self) -> tuple[float, float, float]:
        """(row-label width, widest name, one text line) from the font."""
        fm = QFontMetricsF(self.font())
        widest = max((fm.horizontalAdvance(name) for name in self._names), default=0.0)
        return widest + fm.averageCharWidth() * 2, widest, fm.height()

    def _min_cell(self) -> float:
        fm = QFontMetricsF(self.font())
        widest = fm.horizontalAdvance(count_text(max(int(self._matrix.max(initial=0)), 100)))
        return max(widest + fm.averageCharWidth(), fm.height() * 1.5)

    def _geometry(self) -> tuple[QPointF, float, bool]:
        """(grid's top-left corner, cell side, whether column labels stand vertically)."""
        label_w, widest, line = self._label_sizes()
        n = max(len(self._names), 1)
        margin = line * 0.5
        left = margin + line * 1.5 + label_w          # axis title, then the row names
        room = min(self.width() - left - margin, self.height() - margin * 2 - line * 2.5) / n
        vertical = widest > room * 0.9
        top = margin + line * 1.5 + (widest + line * 0.5 if vertical else line * 1.2)
        cell = max(1.0, float(math.floor(min(self.width() - left - margin, self.height() - top - margin) / n)))
        spare = self.width() - left - margin - cell * n
        return QPointF(left + max(0.0, spare) / 2, top), cell, vertical

    def minimumSizeHint(self) -> QSize:
        label_w, widest, line = self._label_sizes()
        side = self._min_cell() * max(len(self._names), 1)
        return QSize(round(label_w + line * 2.5 + side), round(widest + line * 4 + side))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint() * 1.3

    # -- painting -------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._names:
            return
        painter = QPainter(self)
        origin, cell, vertical = self._geometry()
        self._paint_axes(painter, origin, cell, vertical)
        self._paint_cells(painter, origin, cell)
        painter.end()

    def _paint_axes(self, painter: QPainter, origin: QPointF, cell: float, vertical: bool) -> None:
        palette, n = self.palette(), len(self._names)
        label_w, widest, line = self._label_sizes()
        grid = QRectF(origin.x(), origin.y(), cell * n, cell * n)
        bold = self.font()
        bold.setBold(True)
        painter.setPen(palette.windowText().color())
        painter.setFont(bold)
        painter.drawText(QRectF(grid.x(), line * 0.5, grid.width(), line), CENTER,
                         translate("ConfusionMatrix", "predicted class"))
        painter.save()
        painter.translate(grid.x() - label_w - line * 1.3, grid.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-grid.height() / 2, 0, grid.height(), line), CENTER,
                         translate("ConfusionMatrix", "true class"))
        painter.restore()
        painter.setFont(self.font())
        for i, name in enumerate(self._names):
            painter.drawText(QRectF(grid.x() - label_w, grid.y() + i * cell, label_w - line * 0.4, cell),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name)
            x = grid.x() + i * cell
            if vertical:
                painter.save()
                painter.translate(x + cell / 2 - line / 2, grid.y() - line * 0.3)
                painter.rotate(-90)
                painter.drawText(QRectF(0, 0, widest, line), Qt.AlignmentFlag.AlignVCenter, name)
                painter.restore()
            else:
                painter.drawText(QRectF(x, grid.y() - line * 1.2, cell, line), CENTER, name)

    def _paint_cells(self, painter: QPainter, origin: QPointF, cell: float) -> None:
        palette, matrix = self.palette(), self._matrix
        base = palette.base().color()
        diagonal = np.diag(matrix)
        peak_right = max(int(diagonal.max(initial=0)), 1)
        peak_wrong = max(int((matrix - np.diag(diagonal)).max(initial=0)), 1)
        grid_pen = QColor(palette.windowText().color())
        grid_pen.setAlpha(40)
        for (row, col), count in np.ndenumerate(matrix):
            rect = QRectF(origin.x() + col * cell, origin.y() + row * cell, cell, cell)
            tint, peak = (CORRECT_COLOUR, peak_right) if row == col else (MISTAKE_COLOUR, peak_wrong)
            colour = mix(base, tint, MIN_TINT + (1 - MIN_TINT) * math.sqrt(count / peak)) if count else base
            painter.fillRect(rect, colour)
            painter.setPen(grid_pen)
            painter.drawRect(rect)
            painter.setPen(readable_on(colour) if count else palette.placeholderText().color())
            painter.drawText(rect, CENTER, count_text(count))
        if self._hover is not None:
            painter.setPen(palette.highlight().color())
            painter.drawRect(self.cell_rect(*self._hover).adjusted(1, 1, -2, -2))

    # -- mouse ----------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self.cell_at(event.position())
        if hover != self._hover:
            self._hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and cell is not None:
            self.cell_clicked.emit(*cell)
        else:
            super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos())
            QToolTip.showText(event.globalPos(), self.cell_tooltip(*cell) if cell else render(MATRIX_TOOLTIP), self)
            return True
        return super().event(event)


class PerClassAccuracy(QWidget):
    """One horizontal bar per class: the share of its test images predicted correctly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("perClassAccuracy")
        self.setToolTip(render(ACCURACY_TOOLTIP))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._names: tuple[str, ...] = ()
        self._correct = self._totals = np.zeros(0, dtype=np.int64)

    def set_counts(self, correct: np.ndarray, totals: np.ndarray, class_names: Sequence[str]) -> None:
        """Show ``correct`` of ``totals`` ``(n,)`` images right for each of ``n`` classes."""
        self._correct, self._totals = np.asarray(correct, np.int64), np.asarray(totals, np.int64)
        self._names = tuple(class_names)
        self.updateGeometry()
        self.update()

    def values(self) -> np.ndarray:
        """Accuracy per class ``(n,)``, NaN for a class without test images."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self._totals > 0, self._correct / np.maximum(self._totals, 1), np.nan)

    def row_text(self, i: int) -> str:
        total = int(self._totals[i])
        if not total:
            return fill(translate("ConfusionMatrix", "{name}: no test images"), name=self._names[i])
        return fill(translate("ConfusionMatrix", "{name}: {correct:,} of {total:,} correct ({share})"),
                    name=self._names[i], correct=int(self._correct[i]), total=total, share=percent(self.values()[i]))

    def _rows(self) -> tuple[float, float, float]:
        """(name column width, value column width, row height)."""
        fm = QFontMetricsF(self.font())
        names = max((fm.horizontalAdvance(n) for n in self._names), default=0.0)
        pad = fm.averageCharWidth() * 2
        return names + pad, fm.horizontalAdvance(percent(1.0)) + pad, fm.height() * 1.6

    def row_rect(self, i: int) -> QRect:
        """Where class ``i``'s row (name, bar and value) is drawn."""
        _, _, row = self._rows()
        return QRectF(0, i * row, self.width(), row).toAlignedRect()

    def axis_start(self) -> float:
        """Where the bars start: 0, or a lower tenth when every class is above it.

        A well-trained model's classes all lie between 95 and 100 %; bars from
        0 would look identical, so they start at the tenth below the worst class.
        """
        values = self.values()
        if not np.isfinite(values).any():
            return 0.0
        return min(0.9, math.floor(float(np.nanmin(values)) * 10) / 10)

    def minimumSizeHint(self) -> QSize:
        names, value, row = self._rows()
        return QSize(round(names + value + 80), round(row * (len(self._names) + 1)))

    def sizeHint(self) -> QSize:
        names, value, row = self._rows()
        return QSize(round(names + value + 160), round(row * (len(self._names) + 1)))

    def paintEvent(self, event: QPaintEvent) -> None:
        names_w, value_w, row = self._rows()
        palette, values, start = self.palette(), self.values(), self.axis_start()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = mix(palette.base().color(), CORRECT_COLOUR, 0.18)
        worst = int(np.nanargmin(values)) if np.isfinite(values).any() else -1
        bar_w = max(0.0, self.width() - names_w - value_w)
        right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        for i, name in enumerate(self._names):
            y = i * row
            bar = QRectF(names_w, y + row * 0.2, bar_w, row * 0.6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, 3, 3)
            if np.isfinite(values[i]) and values[i] > start:
                painter.setBrush(MISTAKE_COLOUR if i == worst else CORRECT_COLOUR)
                length = bar_w * (values[i] - start) / (1 - start)
                painter.drawRoundedRect(QRectF(bar.x(), bar.y(), length, bar.height()), 3, 3)
            painter.setPen(palette.windowText().color())
            painter.drawText(QRectF(0, y, names_w - 8, row), right, name)
            text = percent(values[i]) if np.isfinite(values[i]) else "—"
            painter.drawText(QRectF(self.width() - value_w, y, value_w, row), right, text)
        painter.setPen(palette.placeholderText().color())
        axis = QRectF(names_w, len(self._names) * row, bar_w, row)
        painter.drawText(axis, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, _whole_percent(start))
        painter.drawText(axis, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, _whole_percent(1.0))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._names:
            i = next((i for i in range(len(self._names)) if self.row_rect(i).contains(event.pos())), None)
            QToolTip.showText(event.globalPos(), render(ACCURACY_TOOLTIP) if i is None else self.row_text(i), self)
            return True
        return super().event(event)


def _whole_percent(fraction: float) -> str:
    """A bar axis's end, e.g. ``0.9 -> "90 %"``, written as :func:`percent` writes the bars' values."""
    return fill(translate("ConfusionMatrix", "{value:.0f} %"), value=100 * fraction)
