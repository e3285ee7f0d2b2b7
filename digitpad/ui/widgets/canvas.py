"""The 28×28 drawing surface the user writes digits on.

It follows Qt's painter example: mouse and tablet handlers draw into a backing
image (here a float32 NumPy array, the very array the model will read), and
``paintEvent`` only copies that image to the screen. A drag from press to
release is one stroke and one undo step.

The brush is soft: each cell's ink falls off with its distance from the
stroke, so drawings carry the anti-aliased grey edges MNIST's digits have
instead of hard on/off cells a network trained on MNIST has never seen.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP, Message
from digitpad.data.preprocess import is_blank
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.base.images import gray_image, rgba_image

CANVAS_SIZE = 28
# Full ink within INNER_RADIUS cells of the stroke, fading linearly to none
# at OUTER_RADIUS. A digit drawn 21-23 cells tall (fringe included, ~27) is
# shrunk by about 0.75 into MNIST's 20 px box; these radii then give it
# MNIST's strokes: ~3 px above half intensity, as MNIST's 1s measure, and the
# summed ink of MNIST's 0s, 1s and 7s within 10 %.
INNER_RADIUS = 1.4
OUTER_RADIUS = 2.8
UNDO_LIMIT = 100
MIN_CELL_PX = 10
PREFERRED_CELL_PX = 14
# Grid lines only once cells are big enough that they do not turn to mesh.
GRID_MIN_CELL_PX = 8
GRID_COLOR = QColor(255, 255, 255, 20)
PROMPT = QT_TRANSLATE_NOOP("DrawingCanvas", "Draw a digit")  # shown through render()
# Overlay (e.g. saliency): red where the value is positive, blue where negative.
# Opacity grows like |value|^0.6 so moderate values show too, and stays below
# ~60 % so the white-on-black drawing remains readable through it.
OVERLAY_POSITIVE = (245, 30, 25)
OVERLAY_NEGATIVE = (30, 110, 255)
OVERLAY_MAX_ALPHA = 160
OVERLAY_GAMMA = 0.6

_ROWS, _COLS = np.mgrid[0:CANVAS_SIZE, 0:CANVAS_SIZE].astype(np.float32)


def stroke_ink(start: tuple[float, float], end: tuple[float, float], pressure: float = 1.0) -> np.ndarray:
    """Ink a brush leaves moving from ``start`` to ``end``, for every cell.

    Points are ``(row, col)`` in cell units, cell ``(r, c)`` centred at
    ``(r, c)``; ``start == end`` is a dot. Returns ``(28, 28)`` float32 in
    [0, pressure]: computing the distance of all 784 cell centres to the
    segment at once is far cheaper than any per-cell loop.
    """
    (r0, c0), (r1, c1) = start, end
    dr, dc = r1 - r0, c1 - c0
    length2 = dr * dr + dc * dc
    if length2 > 0.0:
        t = np.clip(((_ROWS - r0) * dr + (_COLS - c0) * dc) / length2, 0.0, 1.0)
    else:
        t = np.zeros_like(_ROWS)
    dist = np.hypot(_ROWS - (r0 + t * dr), _COLS - (c0 + t * dc))
    ink = np.clip((OUTER_RADIUS - dist) / (OUTER_RADIUS - INNER_RADIUS), 0.0, 1.0)
    return (ink * pressure).astype(np.float32)


def overlay_image(array: np.ndarray) -> QImage:
    """A translucent RGBA image of ``array`` (2-D, in [-1, 1]): red for > 0, blue for < 0."""
    rgba = np.zeros((*array.shape, 4), dtype=np.uint8)
    rgba[array > 0, :3] = OVERLAY_POSITIVE
    rgba[array < 0, :3] = OVERLAY_NEGATIVE
    rgba[..., 3] = np.rint(np.abs(array) ** OVERLAY_GAMMA * OVERLAY_MAX_ALPHA)
    return rgba_image(rgba)


@dataclass
class _Stroke:
    """A drag in progress: how it paints, where it last was, what it started from."""

    erase: bool
    button: Qt.MouseButton
    last: tuple[float, float]
    before: np.ndarray


class DrawingCanvas(QWidget):
    """A 28×28 grayscale drawing with soft brush, eraser and undo.

    Signals
    -------
    drawing_changed()
        After every change of the image: while a stroke moves, on clear,
        undo and set_image. Cheap enough to predict on each one.
    stroke_finished()
        When the button or pen is released.
    undo_available(bool)
        When undo becomes possible or impossible.
    """

    drawing_changed = Signal()
    stroke_finished = Signal()
    undo_available = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setCursor(Qt.CursorShape.CrossCursor)
        # The right button erases: no context menu here or in a parent may take it.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image = np.zeros((CANVAS_SIZE, CANVAS_SIZE), dtype=np.float32)
        self._rendered = gray_image(self._image)
        self._undo: deque[np.ndarray] = deque(maxlen=UNDO_LIMIT)
        self._undo_announced = False
        self._eraser = False
        self._stroke: _Stroke | None = None
        self._overlay: np.ndarray | None = None
        self._overlay_image: QImage | None = None
        self._grid: QPixmap | None = None  # see _grid_pixmap
        self._prompt = render(PROMPT)
        self.setToolTip(self._tooltip())

    # -- public API -------------------------------------------------------

    def image(self) -> np.ndarray:
        """A copy of the drawing, ``(28, 28)`` float32 in [0, 1], ink high."""
        return self._image.copy()

    def set_image(self, array: np.ndarray) -> None:
        """Replace the drawing with ``array`` (28×28, clipped to [0, 1]); undoable."""
        array = np.asarray(array, dtype=np.float32)
        if array.shape != (CANVAS_SIZE, CANVAS_SIZE):
            raise ValueError(f"expected a {CANVAS_SIZE}×{CANVAS_SIZE} image, got shape {array.shape}")
        if not np.all(np.isfinite(array)):
            raise ValueError("image contains NaN or infinite values")
        self._stroke = None
        self._push_undo(self._image)
        self._commit(np.clip(array, 0.0, 1.0))

    def clear(self) -> None:
        """Erase everything; undoable. Nothing happens on an empty canvas."""
        self._stroke = None
        if np.any(self._image):
            self._push_undo(self._image)
            self._commit(np.zeros_like(self._image))

    def undo(self) -> None:
        """Go back to before the last stroke, clear or set_image."""
        self._stroke = None
        if self._undo:
            previous = self._undo.pop()
            self._announce_undo()
            self._commit(previous)

    def can_undo(self) -> bool:
        """Whether :meth:`undo` would change anything."""
        return bool(self._undo)

    def set_eraser(self, on: bool) -> None:
        """In eraser mode the left button (and pen tip) erases too."""
        self._eraser = bool(on)

    def eraser(self) -> bool:
        """Whether eraser mode is on."""
        return self._eraser

    def is_blank(self) -> bool:
        """Whether there is no ink worth predicting on (same rule as preprocessing)."""
        return is_blank(self._image)

    def set_overlay(self, array: np.ndarray | None) -> None:
        """Show ``array`` (28×28, values in [-1, 1]) over the drawing, or remove it with None.

        Positive values are drawn red, negative blue, more opaque the larger
        the magnitude; the drawing itself (:meth:`image`) is untouched. The
        overlay describes one drawing, so any change of the drawing removes
        it before ``drawing_changed`` is emitted.
        """
        if array is None:
            if self._overlay is None:
                return  # nothing shown, nothing to repaint (a run asks this after every epoch)
            self._overlay = self._overlay_image = None
            self.setToolTip(self._tooltip())
        else:
            array = np.asarray(array, dtype=np.float32)
            if array.shape != (CANVAS_SIZE, CANVAS_SIZE):
                raise ValueError(f"expected a {CANVAS_SIZE}×{CANVAS_SIZE} overlay, got shape {array.shape}")
            if not np.all(np.isfinite(array)) or np.abs(array).max(initial=0.0) > 1.0:
                raise ValueError("overlay values must be finite and within [-1, 1]")
            self._overlay, self._overlay_image = array.copy(), overlay_image(array)
            self.setToolTip(self._tooltip())
        self.update()

    def set_prompt(self, prompt: Message) -> None:
        """What the tooltip asks to draw, e.g. "Draw a piece of clothing" (the current model's classes)."""
        self._prompt = render(prompt)
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        if self._overlay is None:
            return fill(translate("DrawingCanvas", "{prompt} here.\nLeft button draws, right button erases.\n"
                                  "Ctrl+Z undoes the last stroke, Esc clears the canvas."), prompt=self._prompt)
        return fill(translate("DrawingCanvas", "{prompt} here.\nLeft button draws, right button erases.\n"
                              "Ctrl+Z undoes the last stroke, Esc clears the canvas.\n\n"
                              "Coloured overlay: red cells push the network towards its top answer (more ink there "
                              "raises its score), blue cells push away from it."), prompt=self._prompt)

    def overlay(self) -> np.ndarray | None:
        """A copy of the overlay shown, or None."""
        return None if self._overlay is None else self._overlay.copy()

    # -- Qt sizing and painting -------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(CANVAS_SIZE * PREFERRED_CELL_PX, CANVAS_SIZE * PREFERRED_CELL_PX)

    def minimumSizeHint(self) -> QSize:
        return QSize(CANVAS_SIZE * MIN_CELL_PX, CANVAS_SIZE * MIN_CELL_PX)

    def paintEvent(self, event: QPaintEvent) -> None:
        area = self._canvas_rect()
        cell = area.width() // CANVAS_SIZE
        painter = QPainter(self)
        # Smooth scaling stays off: each cell is a crisp square, as the model sees it.
        painter.drawImage(area, self._rendered)
        if self._overlay_image is not None:
            painter.drawImage(area, self._overlay_image)
        if cell >= GRID_MIN_CELL_PX:
            painter.drawPixmap(area.topLeft(), self._grid_pixmap(area.width(), cell))
        painter.setPen(self.palette().mid().color())
        painter.drawRect(area.adjusted(-1, -1, 0, 0))
        painter.end()

    def _grid_pixmap(self, side: int, cell: int) -> QPixmap:
        """The cell grid for a canvas ``side`` pixels wide, drawn once per size: drawing its 54
        translucent lines took ~7 ms per paint, a cached pixmap takes ~0.1 ms."""
        if self._grid is None or self._grid.width() != side:
            self._grid = QPixmap(side, side)
            self._grid.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._grid)
            painter.setPen(GRID_COLOR)
            painter.drawLines([line for i in range(1, CANVAS_SIZE)
                               for line in (QLineF(i * cell, 0, i * cell, side), QLineF(0, i * cell, side, i * cell))])
            painter.end()
        return self._grid

    # -- input ------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._stroke is not None or event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            super().mousePressEvent(event)
            return
        erase = self._eraser or event.button() == Qt.MouseButton.RightButton
        self._begin_stroke(event.position(), erase, event.button(), 1.0)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._stroke is None:
            super().mouseMoveEvent(event)
            return
        self._extend_stroke(event.position(), 1.0)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._stroke is None or event.button() != self._stroke.button:
            super().mouseReleaseEvent(event)
            return
        self._extend_stroke(event.position(), 1.0)
        self._end_stroke()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting every tablet event stops Qt from also synthesising mouse
        # events from it, which would draw each stroke twice.
        event.accept()
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress and self._stroke is None:
            erase = (
                self._eraser
                or event.button() == Qt.MouseButton.RightButton
                or event.pointerType() == QPointingDevice.PointerType.Eraser
            )
            self._begin_stroke(event.position(), erase, event.button(), event.pressure())
        elif kind == QTabletEvent.Type.TabletMove and self._stroke is not None:
            self._extend_stroke(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease and self._stroke is not None:
            self._end_stroke()

    # -- strokes ----------------------------------------------------------

    def _begin_stroke(self, pos: QPointF, erase: bool, button: Qt.MouseButton, pressure: float) -> None:
        point = self._to_cell(pos)
        self._stroke = _Stroke(erase=erase, button=button, last=point, before=self._image.copy())
        self._push_undo(self._image)
        self._apply(stroke_ink(point, point, pressure), erase)

    def _extend_stroke(self, pos: QPointF, pressure: float) -> None:
        stroke = self._stroke
        point = self._to_cell(pos)
        if point == stroke.last:
            return
        self._apply(stroke_ink(stroke.last, point, pressure), stroke.erase)
        stroke.last = point

    def _end_stroke(self) -> None:
        stroke, self._stroke = self._stroke, None
        # A stroke that changed nothing (erasing empty space) is no undo step.
        if np.array_equal(stroke.before, self._image):
            self._undo.pop()
            self._announce_undo()
        self.stroke_finished.emit()

    def _apply(self, ink: np.ndarray, erase: bool) -> None:
        if erase:
            self._commit(np.maximum(self._image - ink, 0.0))
        else:
            self._commit(np.maximum(self._image, ink))

    # -- helpers ----------------------------------------------------------

    def _commit(self, image: np.ndarray) -> None:
        if np.array_equal(image, self._image):
            return
        self._image = image.astype(np.float32, copy=False)
        self._rendered = gray_image(self._image)
        if self._overlay is not None:
            self.set_overlay(None)
        self.update()
        self.drawing_changed.emit()

    def _push_undo(self, image: np.ndarray) -> None:
        self._undo.append(image.copy())
        self._announce_undo()

    def _announce_undo(self) -> None:
        available = bool(self._undo)
        if available != self._undo_announced:
            self._undo_announced = available
            self.undo_available.emit(available)

    def _canvas_rect(self) -> QRect:
        """The square the cells fill: whole pixels per cell, centred in the widget."""
        cell = max(1, min(self.width(), self.height()) // CANVAS_SIZE)
        side = cell * CANVAS_SIZE
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_cell(self, pos: QPointF) -> tuple[float, float]:
        """Widget position to ``(row, col)`` cell coordinates, cell centres at integers."""
        area = self._canvas_rect()
        cell = area.width() / CANVAS_SIZE
        return ((pos.y() - area.y()) / cell - 0.5, (pos.x() - area.x()) / cell - 0.5)
