"""The model's answer while the user draws: one bar per class, the winner large.

Showing every class's probability, not only the winner, is the point: a
learner sees a "7" that is 40 % "1", or a model that is confidently wrong.
Painted by hand with palette colours so it follows light and dark themes, and
laid out from font metrics so nothing clips at the minimum size.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP, Message
from digitpad.ui.base.i18n import fill, render, translate

DEFAULT_CLASS_NAMES = tuple(str(d) for d in range(10))
NO_PREDICTION = "—"
HINT = QT_TRANSLATE_NOOP("ProbabilityBars", "Draw a digit")  # shown through render()
# Font sizes relative to the widget's font.
TOP_NAME_SCALE = 2.6
TOP_VALUE_SCALE = 1.5
# Never shrink the top class's name below this when fitting a long name.
TOP_NAME_MIN_SCALE = 1.2
MIN_WIDTH = 220
MIN_HEIGHT = 300
# Rows grow with spare height up to this many text lines, then stay put.
MAX_ROW_LINES = 1.9
BAR_FRACTION = 0.62
TRACK_ALPHA = 45
OTHER_BAR_ALPHA = 150
WIDEST_VALUE = "100.0 %"
LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight


def percent(value: float) -> str:
    """A probability as the widget prints it, e.g. ``0.9823 -> "98.2 %"`` (``"98,2 %"`` in Russian)."""
    return fill(translate("ProbabilityBars", "{percent:.1f} %"), percent=100.0 * value)


class ProbabilityBars(QWidget):
    """Horizontal probability bars per class plus the top class shown large."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilities")
        self.setToolTip(translate("ProbabilityBars", "Softmax probabilities: the network's output turned into a "
                                  "probability for each class; they add up to 100 %. The top class is the prediction."))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._names: tuple[str, ...] = DEFAULT_CLASS_NAMES
        self._hint = render(HINT)
        self._probs: np.ndarray | None = None
        self._describe()

    # -- public API -------------------------------------------------------

    def set_class_names(self, names: Sequence[str], hint: Message = HINT) -> None:
        """Use ``names`` (at least two) as the classes and ``hint`` as what to draw; clears the shown prediction."""
        names = tuple(str(n) for n in names)
        if len(names) < 2:
            raise ValueError(f"need at least 2 class names, got {len(names)}")
        self._names, self._hint = names, render(hint)
        self._probs = None
        self._describe()
        self.updateGeometry()
        self.update()

    def class_names(self) -> tuple[str, ...]:
        """The class names in output order."""
        return self._names

    def set_probabilities(self, probs: np.ndarray | None) -> None:
        """Show ``probs`` ``(n_classes,)`` in [0, 1], or no prediction at all for None."""
        if probs is not None:
            probs = np.asarray(probs, dtype=np.float64)
            if probs.shape != (len(self._names),):
                raise ValueError(f"expected {len(self._names)} probabilities, got shape {probs.shape}")
            if not np.all(np.isfinite(probs)):
                raise ValueError("probabilities contain NaN or infinite values")
            probs = np.clip(probs, 0.0, 1.0)
        if _same(probs, self._probs):
            return  # e.g. no drawing while a run updates its weights: no repaint
        self._probs = probs
        self._describe()
        self.update()

    def hint(self) -> str:
        """What the widget asks for while there is no prediction, e.g. "Draw a digit"."""
        return self._hint

    def probabilities(self) -> np.ndarray:
        """The values shown, ``(n_classes,)``; all zeros when there is no prediction."""
        if self._probs is None:
            return np.zeros(len(self._names))
        return self._probs.copy()

    def top_class(self) -> int | None:
        """Index of the class shown large (the argmax), or None without a prediction."""
        return None if self._probs is None else int(np.argmax(self._probs))

    # -- Qt sizing and painting -------------------------------------------

    def minimumSizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        margin = self._margin(fm)
        width = self._name_column() + 4 * fm.height() + fm.horizontalAdvance(WIDEST_VALUE) + 4 * margin
        height = self._header_height() + len(self._names) * self._min_row(fm) + 3 * margin
        return QSize(max(MIN_WIDTH, round(width)), max(MIN_HEIGHT, round(height)))

    def sizeHint(self) -> QSize:
        minimum = self.minimumSizeHint()
        return QSize(round(minimum.width() * 1.2), round(minimum.height() * 1.2))

    def paintEvent(self, event: QPaintEvent) -> None:
        fm = QFontMetricsF(self.font())
        margin = self._margin(fm)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        content = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        header = QRectF(content.x(), content.y(), content.width(), self._header_height())
        self._paint_header(painter, header)
        rows_top = header.bottom() + margin
        self._paint_rows(painter, QRectF(content.x(), rows_top, content.width(), content.bottom() - rows_top))
        painter.end()

    # -- painting helpers -------------------------------------------------

    def _paint_header(self, painter: QPainter, area: QRectF) -> None:
        palette = self.palette()
        top = self.top_class()
        if top is None:
            name, value = NO_PREDICTION, self._hint
            name_color = value_color = palette.placeholderText().color()
            value_font = self.font()
        else:
            name, value = self._names[top], percent(float(self._probs[top]))
            name_color = value_color = palette.windowText().color()
            value_font = self._scaled_font(TOP_VALUE_SCALE)
        value_fm = QFontMetricsF(value_font)
        value_width = value_fm.horizontalAdvance(value)
        gap = value_fm.averageCharWidth() * 2
        name_font = self._fitted_name_font(name, area.width() - value_width - gap)
        name_fm = QFontMetricsF(name_font)
        name = name_fm.elidedText(name, Qt.TextElideMode.ElideRight, area.width() - value_width - gap)
        baseline = area.y() + QFontMetricsF(self._scaled_font(TOP_NAME_SCALE, bold=True)).ascent()
        painter.setFont(name_font)
        painter.setPen(name_color)
        painter.drawText(area.x(), baseline, name)
        painter.setFont(value_font)
        painter.setPen(value_color)
        painter.drawText(area.right() - value_width, baseline, value)

    def _paint_rows(self, painter: QPainter, area: QRectF) -> None:
        palette = self.palette()
        fm = QFontMetricsF(self.font())
        n = len(self._names)
        row_h = min(max(self._min_row(fm), area.height() / n), fm.height() * MAX_ROW_LINES)
        name_w = min(self._name_column(), area.width() * 0.4)
        value_w = fm.horizontalAdvance(WIDEST_VALUE)
        gap = fm.averageCharWidth()
        bar_x = area.x() + name_w + gap
        bar_w = max(0.0, area.width() - name_w - value_w - 2 * gap)
        bar_h = max(2.0, row_h * BAR_FRACTION)
        highlight = palette.highlight().color()
        track = QColor(highlight)
        track.setAlpha(TRACK_ALPHA)
        other = QColor(highlight)
        other.setAlpha(OTHER_BAR_ALPHA)
        top = self.top_class()
        plain, bold = self.font(), self._scaled_font(1.0, bold=True)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, class_name in enumerate(self._names):
            y = area.y() + i * row_h
            bar = QRectF(bar_x, y + (row_h - bar_h) / 2, bar_w, bar_h)
            radius = min(3.0, bar_h / 2)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, radius, radius)
            if self._probs is not None and self._probs[i] > 0:
                painter.setBrush(highlight if i == top else other)
                painter.drawRoundedRect(QRectF(bar.x(), bar.y(), bar_w * self._probs[i], bar_h), radius, radius)
            painter.setFont(bold if i == top else plain)
            painter.setPen(palette.windowText().color())
            shown = QFontMetricsF(painter.font()).elidedText(class_name, Qt.TextElideMode.ElideRight, name_w)
            painter.drawText(QRectF(area.x(), y, name_w, row_h), LEFT, shown)
            if self._probs is not None:
                painter.drawText(QRectF(area.x(), y, area.width(), row_h), RIGHT, percent(float(self._probs[i])))
            painter.setPen(Qt.PenStyle.NoPen)

    # -- layout helpers ---------------------------------------------------

    def _scaled_font(self, scale: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * scale)))
        font.setBold(bold)
        return font

    def _fitted_name_font(self, name: str, width: float) -> QFont:
        """The top class's font, shrunk (not below TOP_NAME_MIN_SCALE) so ``name`` fits ``width``."""
        scale = TOP_NAME_SCALE
        font = self._scaled_font(scale, bold=True)
        # Text width is not proportional to point size (hinting), so shrink in steps.
        while scale > TOP_NAME_MIN_SCALE and QFontMetricsF(font).horizontalAdvance(name) > width:
            scale = max(TOP_NAME_MIN_SCALE, scale * 0.93)
            font = self._scaled_font(scale, bold=True)
        return font

    def _header_height(self) -> float:
        return QFontMetricsF(self._scaled_font(TOP_NAME_SCALE, bold=True)).height()

    def _name_column(self) -> float:
        """Width of the longest class name in bold, the top row's font."""
        bold = QFontMetricsF(self._scaled_font(1.0, bold=True))
        return max(bold.horizontalAdvance(name) for name in self._names)

    @staticmethod
    def _min_row(fm: QFontMetricsF) -> float:
        return fm.height() + 4.0

    @staticmethod
    def _margin(fm: QFontMetricsF) -> float:
        return round(fm.height() * 0.5)

    def _describe(self) -> None:
        """Keep a text version for screen readers, which cannot read painted bars."""
        top = self.top_class()
        if top is None:
            self.setAccessibleDescription(fill(translate("ProbabilityBars", "No prediction. {hint}."), hint=self._hint))
        else:
            self.setAccessibleDescription(fill(translate("ProbabilityBars", "Prediction: {name}, {probability}"),
                                               name=self._names[top], probability=percent(float(self._probs[top]))))


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    return a is b or (a is not None and b is not None and np.array_equal(a, b))
