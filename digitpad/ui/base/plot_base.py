"""The base of every digitpad plot: palette colours, curves created once, axes that move only when needed.

:class:`PalettePlot` is a pyqtgraph ``PlotWidget`` coloured from its Qt
palette (Base behind, Text for axes and legend) rather than pyqtgraph's black
default, so plots match light and dark desktops and follow a palette change
at runtime. It fixes the x axis to a run's length, or an overlaid earlier
run's if that is longer (:meth:`PalettePlot.fit_run`), with a tick at its last
epoch; moves the y range only when the data leaves it, never below 0 for data
that never is (:meth:`PalettePlot.fit_view`; pyqtgraph's auto-range moved it
at every update, redrawing axis and grid, then painted twice); and caches
axes and legend as pixmaps. The legend sits under the axes, never over the
data, and lists only the curves that hold points; a note above the plot says
what the curves cannot show (:meth:`PalettePlot.set_note`). Log scale, grid
and export are in pyqtgraph's own right-click menu. The pieces (columns of
points, axes, legend, colours) are in :mod:`.plot_parts`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem

from digitpad.training.history import RunRecord
from digitpad.ui.base.i18n import fill, translate
from digitpad.ui.base.plot_parts import ClippedAxis, Columns, PlotLegend, overlay_colour

__all__ = ["ClippedAxis", "Columns", "PalettePlot", "overlay_colour"]

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
# The first fit pads the data by this share of its span (a flat curve, such as a run's first batch: by PAD_FLAT of
# its value, or PAD_FLAT if it is 0), never below 0 for data that never is, nor past the plot's y bounds
# (accuracy: 0–100 %). A 1 % pad around a first batch's loss of 1.4 gave labels like "1.395", whose width
# re-laid the plot out at the next update.
PADDING, PAD_FLAT = 0.05, 0.1
LEGEND_ROW = 4  # in the PlotItem's grid: title, top axis, view, bottom axis, then the legend
# Epoch points get markers up to this many epochs: beyond, markers crowd into a thick band, and redrawing
# thousands of them at every update (the lab's 3,000-epoch runs) cost the GUI thread most of its time.
MARKED_EPOCHS = 100


class PalettePlot(pg.PlotWidget):
    """A PlotWidget coloured from its Qt palette, with a grid, a legend under it, a note above it and a tooltip."""

    def __init__(self, object_name: str, y_label: str, tooltip: str) -> None:
        super().__init__(axisItems={name: ClippedAxis(name) for name in ("left", "bottom")})
        self.setObjectName(object_name)
        item = self.getPlotItem()
        item.setLabel("bottom", translate("PalettePlot", "epoch"))
        item.setLabel("left", y_label)
        item.showGrid(x=True, y=True, alpha=0.1)
        item.setContentsMargins(4, 10, 12, 4)  # room for the top tick label and the last marker
        self.legend, self._note = PlotLegend(), ""
        item.layout.addItem(self.legend, LEGEND_ROW, 0, 1, 3)
        self._named: list[tuple[pg.PlotDataItem, str, str]] = []  # (curve, run, text) for the legend
        # QGraphicsView never shows its own tooltip, only those of items under the cursor.
        item.setToolTip(fill(translate("PalettePlot", "{tooltip}\nEarlier runs ticked in the runs list: thin lines in "
                                       "their own colour, dotted = training, dashed = validation."), tooltip=tooltip))
        self.overlays: list[dict[str, pg.PlotDataItem]] = []
        # Replaying an axis with its grid lines over the whole view cost ~3 ms per paint, and every curve
        # update repaints the view under it; cached, it is redrawn only when it changes (range, size, pens).
        for item_to_cache in (item.getAxis("left"), item.getAxis("bottom"), self.legend):
            item_to_cache.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._run_epochs: int | None = None
        self._overlay_epochs = 0
        self._x_end: float | None = None
        self.y_bounds = (-math.inf, math.inf)  # on a linear axis, the view never leaves these
        self._x_follows = self._y_follows = self._y_fitted = False
        item.getViewBox().sigRangeChangedManually.connect(self._ranged_by_user)
        self._apply_palette()

    def _curve(self, name: str | None, colour: str | QColor, width: float, symbol: str | None = None,
               style: Qt.PenStyle = Qt.PenStyle.SolidLine, symbol_size: int = 7,
               antialias: bool = False, run: str = "") -> pg.PlotDataItem:
        """A curve, in the legend as ``name`` (after ``run``, an earlier run's name) while it holds points;
        ``antialias`` only for curves of few points (see ANTIALIAS_COST)."""
        markers = {} if symbol is None else {"symbol": symbol, "symbolSize": symbol_size, "symbolBrush": colour,
                                             "symbolPen": pg.mkPen(colour)}
        # Named as in the legend (item.name()); the PlotItem has no legend of its own to add it to.
        curve = self.plot(name=name, pen=pg.mkPen(colour, width=width, style=style), antialias=antialias,
                          autoDownsampleFactor=SAMPLES_PER_PIXEL, **markers)
        if symbol is not None:  # pyqtgraph styles the scatter only once there is data, but the legend draws from it
            curve.scatter.setBrush(colour)
            curve.scatter.setPen(markers["symbolPen"])
            curve.scatter.setSize(symbol_size)
        if name is not None:
            self._named.append((curve, run, name))
            self.legend.prepare(curve, run, name)
        return curve

    def _remove_curve(self, curve: pg.PlotDataItem) -> None:
        """Take ``curve`` off the plot and out of the legend."""
        self.removeItem(curve)
        self._named = [entry for entry in self._named if entry[0] is not curve]
        self.legend.forget(curve)

    def _overlay_curve(self, run: str, name: str, colour: str, style: Qt.PenStyle,
                       x: Sequence[float], y: Sequence[float], symbol: str | None = None) -> pg.PlotDataItem:
        curve = self._curve(name, colour, 1.5, symbol, style, symbol_size=5, run=run)
        curve.setData(x, y)
        curve.setZValue(-1)  # behind the current run
        # Unchanged while the current run draws over them: cached, three runs add ~0.5 ms to a repaint, not ~5.
        for part in (curve.curve, curve.scatter):
            part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        return curve

    def _replace_overlays(self, runs: Sequence[RunRecord], metric: str,
                          values: Callable[[Sequence[float]], np.ndarray]) -> None:
        """Remove the old overlay curves and add each run's per-epoch train and validation ``metric``,
        drawn as ``values(series)``, each in the legend as "<run> · train" or "<run> · validation".

        Every run gets a colour of its own: its record's, unless an earlier
        run in ``runs`` has it already (``_run_curves`` may add a batch curve first).
        """
        for curves in self.overlays:
            for curve in curves.values():
                self._remove_curve(curve)
        self.overlays, used = [], set()
        for run in runs:
            colour = run.colour
            index = 0
            while not colour or colour in used:
                colour, index = overlay_colour(index), index + 1
            used.add(colour)
            curves = self._run_curves(run, colour)
            for key, text, style, symbol in (("train", translate("PalettePlot", "train"), Qt.PenStyle.DotLine, "o"),
                                             ("val", translate("PalettePlot", "validation"), Qt.PenStyle.DashLine,
                                              "s")):
                series = run.history.get(f"{key}_{metric}", [])
                if series:
                    curves[key] = self._overlay_curve(run.name, text, colour, style, np.arange(1, len(series) + 1),
                                                      values(series), symbol if len(series) <= MARKED_EPOCHS else None)
            self.overlays.append(curves)
        self._overlay_epochs = max((run.epochs_done for run in runs), default=0)

    def _run_curves(self, run: RunRecord, colour: str) -> dict[str, pg.PlotDataItem]:
        return {}

    def set_note(self, text: str, tooltip: str = "") -> None:
        """A short line above the plot, outside the data (e.g. that overlaid runs are not comparable), with
        ``tooltip`` for the details; "" removes it. Keep it short: the plot is never narrower than its note."""
        self._note = text
        item = self.getPlotItem()
        item.setTitle(text or None, size="9pt", color=self.palette().color(QPalette.ColorRole.Text), bold=True)
        item.titleLabel.setToolTip(tooltip)

    def note(self) -> str:
        """The line above the plot, or ""."""
        return self._note

    def fit_run(self, epochs: int | None) -> None:
        """Fix the x axis to the whole run (0 to ``epochs``, or further for a longer overlaid run) so it need
        not re-range and repaint its ticks at every update; with the length unknown (None),
        :meth:`fit_view` grows it an epoch at a time."""
        self.enableAutoRange(axis="x", enable=False)
        self.getPlotItem().getAxis("left").reset_text_space()
        self._run_epochs, self._x_follows, self._x_end = epochs, True, None
        self._fit_x(exact=True)

    def follow_y(self) -> None:
        """From now on :meth:`fit_view` ranges the y axis to the data (pyqtgraph's y auto-range goes off)."""
        self.enableAutoRange(axis="y", enable=False)
        self._y_follows, self._y_fitted = True, False

    def fit_view(self, exact: bool = False) -> None:
        """Keep every visible point in view, moving an axis only when the data leaves it.

        x runs to the run's last epoch or an overlaid run's, whichever is
        later (without a run length, to the end of the latest epoch the data
        reaches). y (after :meth:`follow_y`) grows by ``HEADROOM`` on the
        side the data left by, and towards a bound (0 under non-negative data,
        ``y_bounds``) at least halfway to it; the first fit, and any with ``exact``, fits
        the data with ``PADDING``. On a linear axis y never goes below 0 for
        data that never does, nor outside ``y_bounds``. An axis the user
        zoomed or panned stays as it is, as with pyqtgraph's auto-range,
        until auto-range is switched on again (the "A" button, the menu, a
        log scale): x then stays pyqtgraph's, y comes back here.
        """
        self._sync_legend()
        self._fit_x(exact)
        view = self.getViewBox()
        if view.autoRangeEnabled()[1]:
            self.follow_y()
        extent = self._extent(1)
        if not self._y_follows or extent is None:
            return
        low, high = extent
        view_low, view_high = view.viewRange()[1]
        floor, ceiling = -math.inf, math.inf
        if not self.getPlotItem().getAxis("left").logMode:
            floor, ceiling = max(self.y_bounds[0], 0.0 if extent[0] >= 0 else -math.inf), self.y_bounds[1]
        if self._y_fitted and not exact:
            if view_low <= low and high <= view_high:
                return
            # Towards a bound (a loss falling to 0, accuracy rising to 100 %) at least halfway to it, so the
            # axis, whose every move redraws it, moves a few times a run rather than at every epoch.
            pad = (HEADROOM + PADDING) * (high - low)
            low = low - max(pad, (low - floor) / 2 if math.isfinite(floor) else 0.0) if low < view_low else view_low
            high = high + max(pad, (ceiling - high) / 2 if math.isfinite(ceiling) else 0.0) if high > view_high \
                else view_high
        else:
            pad = PADDING * (high - low) or PAD_FLAT * (abs(high) or 1)
            low, high = low - pad, high + pad
        low, high = max(low, floor), min(high, ceiling)
        self._y_fitted = True
        self.setYRange(low, high, padding=0)
        view.updateMatrix()

    def _fit_x(self, exact: bool) -> None:
        if not self._x_follows or self.getViewBox().autoRangeEnabled()[0]:
            return
        end = max(self._run_epochs or 0, self._overlay_epochs)
        if not self._run_epochs:
            extent = self._extent(0)
            end = max(end, 1, math.ceil(extent[1]) if extent else 1)
            if not exact and self._x_end is not None and end <= self._x_end:
                return
        if exact or end != self._x_end:
            self._x_end = end
            self.getPlotItem().getAxis("bottom").end_tick = end
            self.setXRange(0, end, padding=0.02)
            self.getViewBox().updateMatrix()

    def _sync_legend(self) -> None:
        """The legend lists the named curves that hold points, and no others."""
        self.legend.set_entries([entry for entry in self._named
                                 if entry[0].xData is not None and len(entry[0].xData)])

    def legend_names(self) -> list[str]:
        """What the legend lists, in order."""
        return self.legend.names()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # GraphicsView.__init__ resizes before our items exist, and close() after the scene deleted them.
        if hasattr(self, "legend") and not self.closed:
            self.legend.fit_width(event.size().width() - 16)

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
        self.legend.setLabelTextColor(text)
        if self.note():
            self.set_note(self.note(), self.getPlotItem().titleLabel.toolTip())


