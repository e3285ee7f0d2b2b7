"""First-layer weights as pictures: what pattern of ink each unit responds to.

Unit j of the first layer multiplies pixel i by ``W0[i, j]``, so its 784
incoming weights laid out as the 28×28 image (8×8 for 8×8 models) show the
stroke it looks for: red pixels raise its input when inked, blue lower it.
The colours come from :func:`digitpad.training.inspection.diverging_rgb`;
this module only lays the tiles out.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QImage, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.training.inspection import DIVERGING_STOPS, Inspection, diverging_rgb
from digitpad.ui.base.i18n import fill, general, render, translate
from digitpad.ui.base.images import rgb_image
from digitpad.ui.widgets.preview import pixel_rect

GAP = 4  # pixels between tiles
TILES_TOOLTIP = QT_TRANSLATE_NOOP("WeightsView", "Each tile is one first-layer unit's incoming weights, one per "
                                  "input pixel: red = positive (ink there excites the unit), blue = negative (ink "
                                  "there inhibits it), white = about 0.")


class WeightTiles(QWidget):
    """A grid of weight images, as large as fits with whole screen pixels per weight."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightTiles")
        self.setToolTip(render(TILES_TOOLTIP))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._tiles = np.zeros((0, 1, 1))
        self._images: list[QImage] = []
        self._scales = np.zeros(0)

    def set_tiles(self, tiles: np.ndarray, shared_scale: bool) -> None:
        """Show ``tiles`` ``(k, H, W)`` coloured symmetrically around 0."""
        self._tiles = np.asarray(tiles, dtype=np.float64)
        rgb, self._scales = diverging_rgb(self._tiles, shared_scale)
        self._images = [rgb_image(tile) for tile in rgb]
        self.update()

    def tiles(self) -> np.ndarray:
        return self._tiles.copy()

    def scales(self) -> np.ndarray:
        """The ``(k,)`` largest |weight| each tile's colours span."""
        return self._scales.copy()

    def _grid(self) -> tuple[int, int, float]:
        """(columns, rows, cell side) for the tiles in the current size."""
        k, side = max(len(self._images), 1), max(self._tiles.shape[1:])
        grids = [(c, rows, min(self.width() / c, self.height() / rows))
                 for c in range(1, k + 1) for rows in [math.ceil(k / c)]]
        # Tiles are drawn with whole screen pixels per weight: take the grid with the largest such scale
        # (a wide window gets a wide grid), and of those the most compact one, so gaps stay small.
        return max(grids, key=lambda grid: (max(1, int((grid[2] - GAP) // side)), -grid[2]))

    def tile_rect(self, i: int) -> QRect:
        """Where tile ``i`` is drawn, in widget coordinates."""
        columns, rows, cell = self._grid()
        left = (self.width() - columns * cell) / 2
        top = (self.height() - rows * cell) / 2
        slot = QRectF(left + (i % columns) * cell, top + (i // columns) * cell, cell, cell).toRect()
        h, w = self._tiles.shape[1:]
        return pixel_rect(slot.adjusted(GAP // 2, GAP // 2, -GAP // 2, -GAP // 2), h, w)

    def minimumSizeHint(self) -> QSize:
        columns, rows, _ = self._grid()
        h, w = self._tiles.shape[1:]
        side = max(h, w, 16) + GAP
        return QSize(columns * side, rows * side)

    def sizeHint(self) -> QSize:
        columns, rows, _ = self._grid()
        return QSize(columns * 64, rows * 64)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        frame = QColor(self.palette().windowText().color())
        frame.setAlpha(50)
        painter.setPen(frame)
        for i, image in enumerate(self._images):
            rect = self.tile_rect(i)
            painter.drawImage(rect, image)  # no smoothing: one crisp block per weight
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))
        painter.end()

    def tile_at(self, pos: QPoint) -> int | None:
        return next((i for i in range(len(self._images)) if self.tile_rect(i).contains(pos)), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.tile_at(event.pos())
            if i is None:
                QToolTip.showText(event.globalPos(), render(TILES_TOOLTIP), self)
            else:
                tile = self._tiles[i]
                text = fill(translate("WeightsView", "unit {unit}: weights from {low:+.3f} to {high:+.3f}\n"
                                      "colour scale ±{scale:.3f}"),
                            unit=i, low=tile.min(), high=tile.max(), scale=self._scales[i])
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)


class ColourKey(QWidget):
    """The diverging colour bar with its scale: −s blue, 0 white, +s red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightsColourKey")
        self.setToolTip(translate("WeightsView", "Colour of a weight: blue negative, white zero, red positive, "
                                  "symmetric around 0"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._labels = ("−", "0", "+")

    def set_scale(self, scale: float | None) -> None:
        """Label the ends ±``scale``, or "−max |w|" / "+max |w|" for per-tile scales (None)."""
        self._labels = ((translate("WeightsView", "−max |w|"), "0", _largest()) if scale is None
                        else (general(-scale).replace("-", "−"), "0", "+" + general(scale)))
        self.update()

    def labels(self) -> tuple[str, str, str]:
        """The texts under the left end, the middle and the right end."""
        return self._labels

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(round(fm.horizontalAdvance(_largest()) * 2 + 160), round(fm.height() * 2.4))

    def paintEvent(self, event: QPaintEvent) -> None:
        fm = QFontMetricsF(self.font())
        end = fm.horizontalAdvance(_largest())
        bar = QRectF(end * 0.5, 2, self.width() - end, fm.height() * 0.9)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for i, (r, g, b) in enumerate(DIVERGING_STOPS):
            gradient.setColorAt(i / (len(DIVERGING_STOPS) - 1), QColor(int(r), int(g), int(b)))
        painter = QPainter(self)
        painter.fillRect(bar, gradient)
        painter.setPen(self.palette().windowText().color())
        y, h = bar.bottom() + 2, fm.height()
        for x, text in zip((bar.left(), bar.center().x(), bar.right()), self._labels):
            w = fm.horizontalAdvance(text)
            painter.drawText(QRectF(x - w / 2, y, w + 1, h), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


def _largest() -> str:
    """The right end's label with per-tile scales, the widest the key shows."""
    return translate("WeightsView", "+max |w|")


class WeightsView(QWidget):
    """The first layer's units as weight images, with a note, a colour key and a scale switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightsView")
        self._inspection: Inspection | None = None
        self.note = QLabel(objectName="weightsNote")
        self.note.setWordWrap(True)
        self.shared = QCheckBox(translate("WeightsView", "Same colour scale for all units"), objectName="sharedScale")
        self.shared.setToolTip(translate("WeightsView", "Off: each tile uses its own largest |weight|, so every "
                                         "pattern is visible.\nOn: one scale for all, so units with small weights "
                                         "look pale."))
        self.shared.toggled.connect(self._refresh)
        self.grid = WeightTiles()
        self.key = ColourKey()
        bottom = QHBoxLayout()
        bottom.addWidget(self.key)
        bottom.addStretch(1)
        bottom.addWidget(self.shared)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)

    def set_inspection(self, inspection: Inspection) -> None:
        self._inspection = inspection
        self._refresh()

    def tiles(self) -> np.ndarray:
        """The weight images shown, ``(k, H, W)``."""
        return self.grid.tiles()

    def _refresh(self) -> None:
        ins = self._inspection
        if ins is None:
            return
        self.grid.set_tiles(ins.weights, self.shared.isChecked())
        shared = self.shared.isChecked() and len(ins.weights) > 0
        self.key.set_scale(float(self.grid.scales()[0]) if shared else None)
        k, n, (h, w) = len(ins.weights), ins.n_units, ins.weights.shape[1:]
        hidden = len(ins.spec.sizes) > 2
        if hidden and k < n:
            text = translate("WeightsView", "Incoming weights of the first hidden layer, first {k} of {n:,} units: "
                             "each tile is one unit's {size} weights laid out as the {h}×{w} input image.")
        elif hidden:
            text = translate("WeightsView", "Incoming weights of the first hidden layer, all %n units: each tile is "
                             "one unit's {size} weights laid out as the {h}×{w} input image.", None, n)
        elif k < n:
            text = translate("WeightsView", "Incoming weights of the output layer (this network has no hidden "
                             "layer), first {k} of {n:,} units: each tile is one unit's {size} weights laid out as "
                             "the {h}×{w} input image.")
        else:
            text = translate("WeightsView", "Incoming weights of the output layer (this network has no hidden "
                             "layer), all %n units: each tile is one unit's {size} weights laid out as the {h}×{w} "
                             "input image.", None, n)
        colours = translate("WeightsView", "Red pixels excite the unit when inked, blue ones inhibit it. Hover a tile "
                            "for its values.")
        self.note.setText(fill(text, k=k, n=n, size=h * w, h=h, w=w) + " " + colours)
