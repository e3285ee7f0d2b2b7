"""The base of every digitpad plot: palette colours, curves created once, axes that move only when needed.

:class:`PalettePlot` is a pyqtgraph ``PlotWidget`` coloured from its Qt
palette (Base behind, Text for axes and legend) rather than pyqtgraph's black
default, so plots match light and dark desktops and follow a palette change
at runtime. It fixes the x axis to a run's length (:meth:`PalettePlot.fit_run`),
moves the y range only when the data leaves it (:meth:`PalettePlot.fit_view`;
pyqtgraph's auto-range moved it at every update, redrawing axis and grid, then
painted twice), and caches axes and legend as pixmaps. :class:`Columns` holds
points in arrays that grow by doubling, so an update costs time for the new
points only. Log scale, grid and export are in pyqtgraph's own right-click menu.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGraphicsItem

from digitpad.training.history import RunRecord

# Earlier runs: purple, cyan, red, brown, pink, olive; none is the current run's blue, green or orange.
OVERLAY_COLOURS = ("#9467bd", "#17becf", "#d62728", "#8c564b", "#e377c2", "#bcbd22")
# Auto-downsampling keeps one sample per pixel column (pyqtgraph's default is 5): "peak" then still draws each
# column's minimum and maximum, "mean" a line no different to the eye, at a fraction of the cost of antialiasing
# 5 (peak: 10) points per pixel, which made a 15,000-batch loss plot's repaint 3× slower.
SAMPLES_PER_PIXEL = 1.0
# ANTIALIAS_COST: an antialiased repaint of the loss and accuracy plots took 10 ms per plot with 30 points
# per curve and 1 s with 3,000 (2.6 ms and 8 ms without), and the GUI thread's time holds the GIL the
# trainer needs: so only curves of a few points are antialiased (benchmarks/README.md).
# When the data leaves the y range, the range grows by this share of the data's span beyond it, so a falling
# loss moves the axis a few times per run rather than at every update.
HEADROOM = 0.1
OVERLAY_TOOLTIP = ("\nEarlier runs ticked in the runs list: thin lines in their own colour, "
                   "dotted = training, dashed = validation.")


class Columns:
    """Append-only float64 columns that grow by doubling, so appending is amortised O(1)."""

    def __init__(self, n_columns: int, capacity: int = 256) -> None:
        self._data = np.empty((n_columns, capacity))
        self.size = 0

    def append(self, *columns: Sequence[float]) -> None:
        """Add the same number of values to every column."""
        end = self.size + len(columns[0])
        if end > self._data.shape[1]:
            grown = np.empty((len(self._data), max(end, 2 * self._data.shape[1])))
            grown[:, :self.size] = self._data[:, :self.size]
            self._data = grown
        self._data[:, self.size:end] = columns
        self.size = end

    @property
    def n_columns(self) -> int:
        return len(self._data)

    def __getitem__(self, column: int) -> np.ndarray:
        # A view: pyqtgraph keeps it without copying, and appends never rewrite it.
        return self._data[column, :self.size]

    def clear(self) -> None:
        self.size = 0


class ClippedAxis(pg.AxisItem):
    """An axis that clips before it draws its ticks and grid lines.

    Qt's raster engine draws translucent 1-px lines (the grid, at alpha 0.1)
    through a per-pixel path when no clip is set: 24 grid lines took ~5 ms,
    0.1 ms with a clip. pyqtgraph sets its clip only after the lines, for
    the labels. A clip one pixel beyond the axis's bounds (so the lines'
    end pixels stay) draws the same pixels, and a y range change repaints
    the loss plot in ~6 ms instead of ~13 (benchmarks/README.md).
    """

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs) -> None:
        p.setClipRect(self.boundingRect().toAlignedRect().adjusted(-1, -1, 1, 1))
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)


class PalettePlot(pg.PlotWidget):
    """A PlotWidget coloured from its Qt palette, with a grid, a legend and a tooltip."""

    def __init__(self, object_name: str, y_label: str, tooltip: str, legend_offset: tuple[int, int]) -> None:
        super().__init__(axisItems={name: ClippedAxis(name) for name in ("left", "bottom")})
        self.setObjectName(object_name)
        item = self.getPlotItem()
        item.setLabel("bottom", "epoch")
        item.setLabel("left", y_label)
        item.showGrid(x=True, y=True, alpha=0.1)
        item.setContentsMargins(4, 10, 12, 4)  # room for the top tick label and the last marker
        self.legend = item.addLegend(offset=legend_offset)
        # QGraphicsView never shows its own tooltip, only those of items under the cursor.
        item.setToolTip(tooltip + OVERLAY_TOOLTIP)
        self.overlays: list[dict[str, pg.PlotDataItem]] = []
        # Replaying an axis with its grid lines over the whole view cost ~3 ms per paint, and every curve
        # update repaints the view under it; cached, it is redrawn only when it changes (range, size, pens).
        for item_to_cache in (item.getAxis("left"), item.getAxis("bottom"), self.legend):
            item_to_cache.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._run_epochs: int | None = None
        self._x_follows = self._y_follows = self._y_fitted = False
        item.getViewBox().sigRangeChangedManually.connect(self._ranged_by_user)
        self._apply_palette()

    def _curve(self, name: str | None, colour: str | QColor, width: float, symbol: str | None = None,
               style: Qt.PenStyle = Qt.PenStyle.SolidLine, symbol_size: int = 7,
               antialias: bool = False) -> pg.PlotDataItem:
        """A curve; ``antialias`` only for curves of few points (see ANTIALIAS_COST)."""
        markers = {} if symbol is None else {"symbol": symbol, "symbolSize": symbol_size, "symbolBrush": colour,
                                             "symbolPen": pg.mkPen(colour)}
        curve = self.plot(name=name, pen=pg.mkPen(colour, width=width, style=style), antialias=antialias,
                          autoDownsampleFactor=SAMPLES_PER_PIXEL, **markers)
        if symbol is not None:  # pyqtgraph styles the scatter only once there is data, but the legend draws from it
            curve.scatter.setBrush(colour)
            curve.scatter.setPen(markers["symbolPen"])
            curve.scatter.setSize(symbol_size)
        return curve

    def _overlay_curve(self, name: str | None, colour: str, style: Qt.PenStyle,
                       x: Sequence[float], y: Sequence[float], symbol: str | None = None) -> pg.PlotDataItem:
        curve = self._curve(name, colour, 1.5, symbol, style, symbol_size=5)
        curve.setData(x, y)
        curve.setZValue(-1)  # behind the current run
        # Unchanged while the current run draws over them: cached, three runs add ~0.5 ms to a repaint, not ~5.
        for part in (curve.curve, curve.scatter):
            part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        return curve

    def _replace_overlays(self, runs: Sequence[RunRecord], metric: str, scale: float) -> None:
        """Remove the old overlay curves and add each run's per-epoch train and val ``metric`` × ``scale``.

        The run's name goes into the legend once, on its first curve
        (``_run_curves`` may have added a batch curve already).
        """
        for curves in self.overlays:
            for curve in curves.values():
                self.removeItem(curve)
        self.overlays = []
        for i, run in enumerate(runs):
            colour = run.colour or OVERLAY_COLOURS[i % len(OVERLAY_COLOURS)]
            curves = self._run_curves(run, colour)
            for key, style, symbol in (("train", Qt.PenStyle.DotLine, "o"), ("val", Qt.PenStyle.DashLine, "s")):
                series = run.history.get(f"{key}_{metric}", [])
                if series:
                    name = None if curves else run.name
                    curves[key] = self._overlay_curve(name, colour, style, np.arange(1, len(series) + 1),
                                                      np.asarray(series, dtype=np.float64) * scale, symbol)
            self.overlays.append(curves)

    def _run_curves(self, run: RunRecord, colour: str) -> dict[str, pg.PlotDataItem]:
        return {}

    def fit_run(self, epochs: int | None) -> None:
        """Fix the x axis to the whole run (0 to ``epochs``) so it need not re-range and repaint its ticks
        at every update; with the length unknown (None), :meth:`fit_view` grows it an epoch at a time."""
        self.enableAutoRange(axis="x", enable=False)
        self._run_epochs, self._x_follows = epochs, True
        self.setXRange(0, epochs or 1, padding=0.02)

    def follow_y(self) -> None:
        """From now on :meth:`fit_view` ranges the y axis to the data (pyqtgraph's y auto-range goes off)."""
        self.enableAutoRange(axis="y", enable=False)
        self._y_follows, self._y_fitted = True, False

    def fit_view(self, exact: bool = False) -> None:
        """Keep every visible point in view, moving an axis only when the data leaves it.

        x (when :meth:`fit_run` had no run length) runs to the end of the
        latest epoch the data reaches. y (after :meth:`follow_y`) grows by
        ``HEADROOM`` on the side the data left by; the first fit, and any
        with ``exact``, fits the data tightly (with pyqtgraph's usual padding).
        An axis the user zoomed or panned stays as it is, as with pyqtgraph's
        auto-range, until auto-range is switched on again (the "A" button,
        the menu, a log scale): x then stays pyqtgraph's, y comes back here.
        """
        view = self.getViewBox()
        x_extent = self._extent(0)
        if x_extent and not (self._run_epochs or view.autoRangeEnabled()[0]) and self._x_follows:
            end = max(1, math.ceil(x_extent[1]))
            if exact or view.viewRange()[0][1] < end:
                self.setXRange(0, end, padding=0.02)
        if view.autoRangeEnabled()[1]:
            self.follow_y()
        extent = self._extent(1)
        if not self._y_follows or extent is None:
            return
        low, high = extent
        view_low, view_high = view.viewRange()[1]
        if self._y_fitted and not exact:
            if view_low <= low and high <= view_high:
                return
            pad = HEADROOM * (high - low)
            floor = 0.0 if low >= 0 and not self.getPlotItem().getAxis("left").logMode else -math.inf
            low = max(low - pad, floor) if low < view_low else low
            high = high + pad if high > view_high else high
        self._y_fitted = True
        self.setYRange(low, high)

    def _extent(self, axis: int) -> tuple[float, float] | None:
        """The finite extent along ``axis`` (0: x, 1: y) of the visible data items as drawn (log10 on a log
        axis), or None."""
        lows, highs = [], []
        for item in self.getPlotItem().listDataItems():
            low, high = item.dataBounds(axis) if item.isVisible() else (None, None)
            if low is not None and math.isfinite(low) and math.isfinite(high):
                lows.append(low)
                highs.append(high)
        return (min(lows), max(highs)) if lows else None

    def _ranged_by_user(self, axes: list[bool]) -> None:
        self._x_follows &= not axes[0]
        self._y_follows &= not axes[1]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # GraphicsView.__init__ changes the palette role before our items exist.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
            self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        self.setBackground(base)
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(text)
            axis.setTextPen(text)
        frame, fill = QColor(text), QColor(base)
        frame.setAlpha(60)
        fill.setAlpha(210)
        self.legend.setPen(frame)
        self.legend.setBrush(fill)
        self.legend.setLabelTextColor(text)
        for _, label in self.legend.items:
            label.setText(label.text)  # setLabelTextColor alone does not redraw existing labels


