"""A one-output regression's answer: its output on a 0–9 number line and the digit it rounds to.

A regression on label/10 has no class probabilities: it gives one number,
which the engine multiplies by 10 and rounds to a digit. Ten bars with one
at 100 % would show a certainty that does not exist; the number line shows
the number itself, how far it lies from the digit it rounds to, and the
neighbours it nearly became. Painted with palette colours, like the bars.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.common.text import Message
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.widgets.probabilities import DEFAULT_CLASS_NAMES, HINT

DIGIT_SCALE = 2.6
ZONE_ALPHA = 60


def reading_text(value: float, digit: str, beyond: bool = False) -> str:
    """E.g. ``"output × 10 = 6.83, rounds to 7"``; ``beyond`` the line's ends the engine takes the end class."""
    if beyond:
        return fill(translate("NumberLine", "output × 10 = {value:.2f}, beyond the line: counted as {digit}"),
                    value=value, digit=digit)
    return fill(translate("NumberLine", "output × 10 = {value:.2f}, rounds to {digit}"), value=value, digit=digit)


class NumberLine(QWidget):
    """The output of a label/10 regression, ×10, as a marker on a line from the first class to the last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberLine")
        self.setToolTip(translate("NumberLine", "This model has one output unit, trained to equal label/10. Its "
                                  "output × 10 is drawn on the number line; the prediction is the digit it rounds "
                                  "to (the shaded stretch). There are no class probabilities: how close the marker "
                                  "sits to a neighbour is all the doubt it can show."))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._names: tuple[str, ...] = DEFAULT_CLASS_NAMES
        self._hint = render(HINT)
        self._value: float | None = None
        self._digit: int | None = None
        self._describe()

    def set_class_names(self, names: Sequence[str], hint: Message = HINT) -> None:
        """The classes along the line (the digits 0–9 for label/10) and what to ask for without a drawing."""
        self._names, self._hint = tuple(str(n) for n in names), render(hint)
        self.set_reading(None, None)

    def set_reading(self, value: float | None, digit: int | None) -> None:
        """Show the output ×10 ``value`` and the class ``digit`` it rounds to, or nothing (None)."""
        self._value, self._digit = (None, None) if value is None else (float(value), int(digit))
        self._describe()
        self.update()

    def value(self) -> float | None:
        """The output × 10 shown, or None."""
        return self._value

    def digit(self) -> int | None:
        """The class shown as the prediction, or None."""
        return self._digit

    def text(self) -> str:
        """The line of text under the big digit, e.g. "output × 10 = 6.83, rounds to 7"."""
        if self._value is None:
            return self._hint
        beyond = not -0.5 <= self._value < len(self._names) - 0.5
        return reading_text(self._value, self._names[self._digit], beyond)

    def marker_x(self) -> float | None:
        """Where the marker is drawn, in widget pixels (clamped to the line's ends), or None."""
        if self._value is None:
            return None
        left, right = self._line_ends()
        span = max(1, len(self._names) - 1)
        return left + (right - left) * min(max(self._value, 0.0), span) / span

    # -- Qt sizing and painting -------------------------------------------
    def minimumSizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(round(fm.averageCharWidth() * 36), round(fm.height() * 9))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint() * 1.2

    def paintEvent(self, event: QPaintEvent) -> None:
        fm = QFontMetricsF(self.font())
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = fm.height() * 0.5
        big = QFont(self.font())
        big.setPointSizeF(max(1.0, self.font().pointSizeF()) * DIGIT_SCALE)
        big.setBold(True)
        big_fm = QFontMetricsF(big)
        top = QRectF(margin, margin, self.width() - 2 * margin, big_fm.height())
        painter.setFont(big)
        painter.setPen(palette.windowText().color() if self._value is not None else palette.placeholderText().color())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self._names[self._digit] if self._digit is not None else "—")
        painter.setFont(self.font())
        painter.drawText(QRectF(margin, top.bottom(), top.width(), fm.height() * 1.5),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.text())
        line_y = top.bottom() + fm.height() * 3.2
        self._paint_line(painter, fm, line_y)
        painter.setPen(palette.placeholderText().color())
        painter.drawText(QRectF(margin, line_y + fm.height() * 1.8, top.width(), fm.height() * 3),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         translate("NumberLine", "One output unit trained to equal label/10: a number, not class "
                                   "probabilities."))
        painter.end()

    def _paint_line(self, painter: QPainter, fm: QFontMetricsF, y: float) -> None:
        palette = self.palette()
        left, right = self._line_ends()
        span = max(1, len(self._names) - 1)
        step = (right - left) / span
        if self._digit is not None:  # the stretch that rounds to the predicted digit
            zone = QColor(palette.highlight().color())
            zone.setAlpha(ZONE_ALPHA)
            x = left + self._digit * step
            painter.fillRect(QRectF(max(left, x - step / 2), y - fm.height() * 0.6,
                                    min(right, x + step / 2) - max(left, x - step / 2), fm.height() * 1.2), zone)
        painter.setPen(palette.windowText().color())
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        for i, name in enumerate(self._names):
            x = left + i * step
            painter.drawLine(QPointF(x, y - 4), QPointF(x, y + 4))
            painter.drawText(QRectF(x - step / 2, y + 6, step, fm.height()), Qt.AlignmentFlag.AlignHCenter, name)
        marker = self.marker_x()
        if marker is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.highlight().color())
            h = fm.height() * 0.7
            painter.drawPolygon(QPolygonF([QPointF(marker, y - 2), QPointF(marker - h / 2, y - 2 - h),
                                           QPointF(marker + h / 2, y - 2 - h)]))

    def _line_ends(self) -> tuple[float, float]:
        fm = QFontMetricsF(self.font())
        return fm.height() * 1.2, self.width() - fm.height() * 1.2

    def _describe(self) -> None:
        """A text version for screen readers."""
        self.setAccessibleDescription(self.text() if self._value is None else
                                      fill(translate("NumberLine", "Prediction: {reading}"), reading=self.text()))
