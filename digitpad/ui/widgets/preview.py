"""A small view of exactly what the model receives.

A drawn digit is cropped, scaled and centred (or reduced to 8×8) before the
network sees it; showing that input next to the canvas explains most
"why did it say 3?" moments. The widget only paints: the image is prepared by
:mod:`digitpad.predict` / :mod:`digitpad.data.preprocess`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.ui.base.i18n import translate
from digitpad.ui.base.images import gray_image

# 28 × 4 px: every model pixel a crisp 4×4 block, plus the frame.
PREVIEW_SIZE = 28 * 4
FRAME = 1


def pixel_rect(bounds: QRect, rows: int, cols: int) -> QRect:
    """The largest rectangle inside ``bounds`` showing ``rows × cols`` square pixels.

    Whole screen pixels per image pixel whenever there is room, so nearest
    neighbour scaling gives equal, crisp blocks; centred in ``bounds``.
    """
    scale = min(bounds.width() / cols, bounds.height() / rows)
    if scale >= 1.0:
        scale = float(int(scale))
    w, h = round(cols * scale), round(rows * scale)
    return QRect(bounds.x() + (bounds.width() - w) // 2, bounds.y() + (bounds.height() - h) // 2, w, h)


class InputPreview(QWidget):
    """The preprocessed network input, drawn nearest-neighbour in a thin frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inputPreview")
        self.setToolTip(translate("InputPreview", "What the model sees after preprocessing: cropped, scaled to 20 px "
                                  "and centred by centre of mass (or reduced to 8×8 for an 8×8 model)"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._array: np.ndarray | None = None
        self._image: QImage | None = None

    def set_image(self, array: np.ndarray | None) -> None:
        """Show ``array`` (2-D, values in [0, 1], e.g. 28×28 or 8×8), or nothing for None."""
        if array is None:
            if self._array is None:
                return  # nothing shown, nothing to repaint
            self._array, self._image = None, None
        else:
            array = np.asarray(array, dtype=np.float32)
            if array.ndim != 2 or array.size == 0:
                raise ValueError(f"expected a non-empty 2-D image, got shape {array.shape}")
            self._array = np.clip(array, 0.0, 1.0)
            self._image = gray_image(self._array)
        self.update()

    def shown_image(self) -> np.ndarray | None:
        """A copy of the image being shown, or None when the frame is empty."""
        return None if self._array is None else self._array.copy()

    def sizeHint(self) -> QSize:
        side = PREVIEW_SIZE + 2 * FRAME
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = PREVIEW_SIZE // 2 + 2 * FRAME
        return QSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        square = QRect(0, 0, side, side)
        square.moveCenter(self.rect().center())
        inner = square.adjusted(FRAME, FRAME, -FRAME, -FRAME)
        painter = QPainter(self)
        painter.setPen(self.palette().mid().color())
        painter.drawRect(square.adjusted(0, 0, -1, -1))
        if self._image is not None:
            painter.fillRect(inner, QColor(Qt.GlobalColor.black))
            target = pixel_rect(inner, self._image.height(), self._image.width())
            painter.drawImage(target, self._image)
        painter.end()
