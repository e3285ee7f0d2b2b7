"""The learner's digits as thumbnails, one section per class, with the model's reading under each, to select.

One painted widget, not a widget per digit: 2,000 thumbnails cost one QImage
each and a rectangle in a list, laid out again only when the width changes,
and painting touches only the thumbnails in the exposed area. A section's
header says how many digits the class has and how many the model misreads;
a misread digit has a red frame and its reading in red. Selection is a
person's: click, Ctrl+click, Shift+click (a range in the order shown), Ctrl+A;
Delete and the digit keys ask for the selection to be deleted or relabelled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.base.images import gray_image

THUMB = 42             # a 28×28 digit at 1.5×, drawn without smoothing
CELL = QSize(50, 62)   # a thumbnail, its reading under it, and the gaps
HEADER_HEIGHT = 26
MARGIN = 6
MISREAD = QColor(220, 40, 30)
HELD_OUT_TIP = QT_TRANSLATE_NOOP("DigitGrid", "Held out: never trained on by Teach it my digits, used to measure it "
                                              "honestly")
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}


@dataclass(frozen=True)
class Thumb:
    """A digit as the grid shows it."""

    id: str
    label: int
    pixels: np.ndarray  # (28, 28) uint8; its QImage is made when it is first painted
    added: float
    held_out: bool


class DigitGrid(QWidget):
    """Thumbnails by class; ``selection_changed``, ``delete_requested`` (Delete key), ``relabel_requested(d)``
    (the digit keys)."""

    selection_changed = Signal()
    delete_requested = Signal()
    relabel_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._thumbs: list[Thumb] = []                 # in the order shown: by class, then as added
        self._rects: list[QRect] = []                  # each thumbnail's cell, same order
        self._headers: list[tuple[int, QRect]] = []    # (class, header rectangle)
        self._predictions: dict[str, int] = {}
        self._images: dict[str, QImage] = {}           # thumbnails painted so far (a digit's pixels never change)
        self._selected: set[str] = set()
        self._anchor: int | None = None                # where a Shift+click range starts
        self._laid_out_width = -1

    # -- contents -----------------------------------------------------------
    def set_digits(self, digits: list, held_out: set[str] = frozenset()) -> None:
        """Show ``digits`` (PersonalDigit-like: id, label, image (28, 28) uint8, added); the selection keeps the
        digits still shown, and readings of digits no longer shown are forgotten."""
        thumbs = [Thumb(d.id, int(d.label), d.image, float(d.added), d.id in held_out) for d in digits]
        self._thumbs = sorted(thumbs, key=lambda t: (t.label, t.added, t.id))
        ids = {t.id for t in self._thumbs}
        self._images = {i: image for i, image in self._images.items() if i in ids}
        self._predictions = {i: p for i, p in self._predictions.items() if i in ids}
        before = set(self._selected)
        self._selected &= ids
        self._anchor = None
        self._relayout()
        if self._selected != before:
            self.selection_changed.emit()

    def set_predictions(self, predictions: dict[str, int] | None) -> None:
        """The model's reading of each digit by id (None: no readings, e.g. a model of clothing)."""
        self._predictions = dict(predictions or {})
        self.update()

    def add_predictions(self, predictions: dict[str, int]) -> None:
        self._predictions.update(predictions)
        self.update()

    def ids(self) -> list[str]:
        """Every digit shown, in the order shown."""
        return [t.id for t in self._thumbs]

    def prediction(self, digit_id: str) -> int | None:
        """The reading shown under a digit, or None while there is none."""
        return self._predictions.get(digit_id)

    def misread_ids(self) -> list[str]:
        """The digits shown with a red frame: the model reads another digit than their label."""
        return [t.id for t in self._thumbs if self._predictions.get(t.id, t.label) != t.label]

    def counts(self) -> dict[int, tuple[int, int]]:
        """(digits, misread) per class shown."""
        misread = set(self.misread_ids())
        out: dict[int, tuple[int, int]] = {}
        for t in self._thumbs:
            n, wrong = out.get(t.label, (0, 0))
            out[t.label] = (n + 1, wrong + (t.id in misread))
        return out

    def header_text(self, label: int, counts: dict[int, tuple[int, int]] | None = None) -> str:
        """E.g. "7 — 23 digits, 2 misread" ("no digits yet" for an empty class); ``counts`` as :meth:`counts`
        gives them, when known already."""
        n, wrong = (self.counts() if counts is None else counts).get(label, (0, 0))
        if n == 0:
            return fill(translate("DigitGrid", "{label} — no digits yet"), label=label)
        if n == 1:
            text = translate("DigitGrid", "{label} — 1 digit, {wrong} misread") if wrong else \
                translate("DigitGrid", "{label} — 1 digit")
        else:
            text = translate("DigitGrid", "{label} — %n digits, {wrong} misread", None, n) if wrong else \
                translate("DigitGrid", "{label} — %n digits", None, n)
        return fill(text, label=label, wrong=wrong)

    def thumbnail_rect(self, digit_id: str) -> QRect:
        """Where a digit's thumbnail is drawn, in this widget's coordinates."""
        index = self.ids().index(digit_id)
        cell = self._rects[index]
        return QRect(cell.x() + (cell.width() - THUMB) // 2, cell.y() + 2, THUMB, THUMB)

    # -- selection ----------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return [t.id for t in self._thumbs if t.id in self._selected]

    def select(self, ids: list[str] | set[str]) -> None:
        """Select exactly ``ids`` (those shown)."""
        self._selected = set(ids) & set(self.ids())
        self._anchor = None
        self.update()
        self.selection_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        index = self._index_at(event.position().toPoint())
        modifiers = event.modifiers()
        if index is None:
            if not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                self.select(set())
            return
        digit_id = self._thumbs[index].id
        if modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor is not None:
            low, high = sorted((self._anchor, index))
            chosen = {t.id for t in self._thumbs[low:high + 1]}
            self._selected = self._selected | chosen if modifiers & Qt.KeyboardModifier.ControlModifier else chosen
        elif modifiers & Qt.KeyboardModifier.ControlModifier:
            self._selected ^= {digit_id}
            self._anchor = index
        else:
            self._selected = {digit_id}
            self._anchor = index
        self.update()
        self.selection_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = DIGIT_KEYS.get(event.key())
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select(self.ids())
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
            self.delete_requested.emit()
        elif digit is not None and plain:
            self.relabel_requested.emit(digit)
        else:
            super().keyPressEvent(event)

    # -- layout and painting --------------------------------------------------
    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)
        if self.width() != self._laid_out_width:
            self._relayout()

    def sizeHint(self) -> QSize:
        return QSize(10 * CELL.width() + 2 * MARGIN, self.minimumHeight())

    def _relayout(self) -> None:
        """Every class's header, its cells flowing left to right under it; the height follows from the width."""
        width = max(self.width(), CELL.width() + 2 * MARGIN)
        per_row = max(1, (width - 2 * MARGIN) // CELL.width())
        self._rects, self._headers = [], []
        y, shown = MARGIN, 0
        for label in range(10):
            self._headers.append((label, QRect(MARGIN, y, width - 2 * MARGIN, HEADER_HEIGHT)))
            y += HEADER_HEIGHT
            first = shown
            while shown < len(self._thumbs) and self._thumbs[shown].label == label:
                row, column = divmod(shown - first, per_row)
                self._rects.append(QRect(MARGIN + column * CELL.width(), y + row * CELL.height(),
                                         CELL.width(), CELL.height()))
                shown += 1
            y += -(-(shown - first) // per_row) * CELL.height()
        height = y + MARGIN
        self._laid_out_width = self.width()
        self.setMinimumHeight(height)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        exposed = event.rect()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        counts = self.counts()  # once per paint, not once per header: 20,000 digits are 10 passes otherwise
        for label, rect in self._headers:
            if rect.intersects(exposed):
                painter.setPen(self.palette().windowText().color())
                painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.header_text(label, counts))
        painter.setFont(self.font())
        highlight = self.palette().highlight().color()
        for thumb, cell in zip(self._thumbs, self._rects):
            if cell.intersects(exposed):
                self._paint_thumb(painter, thumb, cell, highlight)
        painter.end()

    def _paint_thumb(self, painter: QPainter, thumb: Thumb, cell: QRect, highlight: QColor) -> None:
        box = QRect(cell.x() + (cell.width() - THUMB) // 2, cell.y() + 2, THUMB, THUMB)
        if thumb.id in self._selected:
            painter.fillRect(cell.adjusted(1, 0, -1, 0), highlight)
        image = self._images.get(thumb.id)
        if image is None:  # only the thumbnails in sight are ever made: 20,000 digits open at once
            image = self._images[thumb.id] = _thumbnail(thumb.pixels)
        painter.drawImage(box, image)
        reading = self._predictions.get(thumb.id)
        misread = reading is not None and reading != thumb.label
        if misread:
            painter.setPen(QPen(MISREAD, 2))
            painter.drawRect(box.adjusted(-1, -1, 0, 0))
        if thumb.held_out:  # a small grey corner: measured on, never trained on
            painter.fillRect(QRect(box.right() - 5, box.y(), 6, 6), QColor(150, 150, 150))
        if reading is not None:
            painter.setPen(MISREAD if misread else self.palette().placeholderText().color())
            text = QRect(cell.x(), box.bottom() + 1, cell.width(), cell.bottom() - box.bottom())
            painter.drawText(text, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(reading))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self._index_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(self._thumbs[index].id), self)
            return True
        return super().event(event)

    def tooltip(self, digit_id: str) -> str:
        """What pointing at a digit says: its label, the model's reading, whether it is held out."""
        thumb = self._thumbs[self.ids().index(digit_id)]
        reading = self._predictions.get(digit_id)
        if reading is None:
            text = fill(translate("DigitGrid", "Saved as a {label}"), label=thumb.label)
        elif reading == thumb.label:
            text = fill(translate("DigitGrid", "Saved as a {label}; the model reads it right"), label=thumb.label)
        else:
            text = fill(translate("DigitGrid", "Saved as a {label}; the model reads a {reading}"), label=thumb.label,
                        reading=reading)
        return f"{text}\n{render(HELD_OUT_TIP)}" if thumb.held_out else text

    def _index_at(self, point: QPoint) -> int | None:
        return next((i for i, cell in enumerate(self._rects) if cell.contains(point)), None)


def _thumbnail(image: np.ndarray) -> QImage:
    return gray_image(np.asarray(image, dtype=np.float32) / 255.0)
