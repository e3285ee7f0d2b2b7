"""The pieces digitpad's plots are made of: growing columns of points, axes, the legend, overlay colours.

:class:`Columns` holds points in arrays that grow by doubling, so an update
costs time for the new points only. :class:`ClippedAxis` clips before its
grid lines, takes no SI prefix, and can always tick one value (a run's last
epoch). :class:`PlotLegend` sits in a row of the plot's grid under the axes,
never over the data. :func:`overlay_colour` gives each earlier run its own
colour.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Iterator, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QSizePolicy

from digitpad.ui.base.i18n import fill, localised, translate

# Earlier runs: purple, cyan, red, brown, pink, olive; none is the current run's blue, green or orange.
# Past these, overlay_colour steps round the hue circle by the golden angle, so no two runs share a colour.
OVERLAY_COLOURS = ("#9467bd", "#17becf", "#d62728", "#8c564b", "#e377c2", "#bcbd22")
GOLDEN_ANGLE = 0.381966  # of a turn: consecutive hues never line up again
# The legend's rows (8-pt text; pyqtgraph's 20-px line samples overlap them by a pixel) and the gap between entries.
LEGEND_ROW_HEIGHT, LEGEND_GAP = 18, 8
# Pixels a tick label may reach past the end of the view: the plot's top and right margins (PalettePlot).
LABEL_OVERHANG = 12
TYPICAL_LABEL = "99.5"  # the y axes' labels get room for this as a run starts (ClippedAxis.reset_text_space)


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

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)  # "loss (x0.001)" over ticks 0–500 read as a loss of 500
        # The labels' room grows but never shrinks within a run: "62.5" then "65" then "100" on the accuracy
        # axis resized the plot twice, each time laying it out and repainting it twice (benchmarks/README.md).
        self.setStyle(autoReduceTextSpace=False)
        self.end_tick: float | None = None  # a value that always gets a tick: the plot's last epoch

    def reset_text_space(self) -> None:
        """Room for labels as wide as "99.5" (a y axis; call it as a run starts): most runs' labels fit, so
        the axis keeps its width through the run."""
        if self.orientation in ("left", "right"):
            font = self.style["tickFont"] or self.font()
            self.textWidth = math.ceil(QFontMetricsF(font).horizontalAdvance(TYPICAL_LABEL))
            self._updateWidth()

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs) -> None:
        p.setClipRect(self.boundingRect().toAlignedRect().adjusted(-1, -1, 1, 1))
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)

    def boundingRect(self) -> QRectF:
        """The axis reaches ``LABEL_OVERHANG`` past the view at both ends: pyqtgraph hides a label that does
        not fit in it, so the last epoch's (or a loss's 0), centred on the view's edge, was never drawn."""
        rect, m = super().boundingRect(), LABEL_OVERHANG
        return rect.adjusted(-m, 0, m, 0) if self.orientation == "bottom" else rect.adjusted(0, -m, 0, m)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        """pyqtgraph's ticks, plus one at ``end_tick`` when it is in view (0, 2, 4 then 5 for a 5-epoch run);
        a major tick nearer than half a spacing to it goes down to the minor ticks, so their labels never
        overlap."""
        levels = super().tickValues(minVal, maxVal, size)
        end = self.end_tick
        if end is None or self.logMode or not levels or not min(minVal, maxVal) <= end <= max(minVal, maxVal):
            return levels
        spacing, values = levels[0]
        near = [v for v in values if abs(v - end) < spacing / 2 and v != end]
        major = [(spacing, sorted({*values, end} - set(near)))]
        if len(levels) < 2:
            return major
        # A major tick made room for the end goes down a level: labelled there if there is room for it.
        minor_spacing, minor = levels[1]
        return major + [(minor_spacing, sorted({*minor, *near} - {end}))] + levels[2:]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """pyqtgraph's labels with the locale's decimal point ("0,5" in Russian); on a log axis spanning a whole
        decade, the decades only: labels at 2, 3, … 9 ×10ⁿ as well piled up on the Gradients tab."""
        strings = [localised(text) for text in super().tickStrings(values, scale, spacing)]
        if self.logMode and spacing is None and math.floor(max(self.range)) >= math.ceil(min(self.range)):
            return [text if abs(v - round(v)) < 1e-9 else "" for v, text in zip(values, strings)]
        return strings


class PlotLegend(pg.GraphicsWidget):
    """A legend in a row of the PlotItem's grid under the axes, never over the data.

    One entry (a sample of the curve's pen and marker, and a word) per line
    drawn, grouped by run: the current run's entries first, then one line per
    earlier run that starts with its name. Entries flow left to right and
    wrap at the plot's width (:meth:`fit_width`). Clicking a sample hides or
    shows its curve (pyqtgraph's ``ItemSample``).

    An entry's sample and text are made once per curve (:meth:`prepare`) and
    then only shown or hidden: making a text item took ~1 ms, and a run's first
    points used to make all of them while the trainer waited for the GIL
    (benchmarks/README.md). :meth:`forget` drops a curve's when it leaves the plot.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.items: list[tuple[pg.ItemSample, pg.LabelItem]] = []  # one per line drawn
        self.headers: list[pg.LabelItem] = []  # an earlier run's name before its entries
        self._entries: list[tuple[pg.PlotDataItem, str, str]] = []
        self._made: dict[tuple[pg.PlotDataItem, str, str], tuple[pg.ItemSample, pg.LabelItem]] = {}
        self._made_headers: dict[tuple[str, int], pg.LabelItem] = {}  # (run, how many groups of that name before)
        self._colour: QColor | str = "#000000"
        self._width = 0.0

    def prepare(self, curve: pg.PlotDataItem, run: str, text: str) -> None:
        """Make ``curve``'s entry (and its run's name), hidden, so that showing it later costs nothing."""
        if (curve, run, text) not in self._made:
            sample = pg.ItemSample(curve)
            sample.setParentItem(self)
            sample.hide()
            self._made[curve, run, text] = (sample, self._label(text))
        self._header(run, 0)

    def _header(self, run: str, repeat: int) -> pg.LabelItem | None:
        """The name before the ``repeat``-th group of entries of the earlier run ``run`` (None for the current run)."""
        if run and (run, repeat) not in self._made_headers:
            self._made_headers[run, repeat] = self._label(fill(translate("PlotParts", "{run}:"), run=run))
        return self._made_headers.get((run, repeat))

    def forget(self, curve: pg.PlotDataItem) -> None:
        """Drop ``curve``'s entry (it left the plot), and its run's name once no entry of that run is left."""
        for key in [key for key in self._made if key[0] is curve]:
            for part in self._made.pop(key):
                _remove(part)
        kept = [(entry, pair) for entry, pair in zip(self._entries, self.items) if entry[0] is not curve]
        self._entries, self.items = [entry for entry, _ in kept], [pair for _, pair in kept]
        runs = {run for _, run, _ in self._made}
        for key in [key for key in self._made_headers if key[0] not in runs]:
            header = self._made_headers.pop(key)
            if header in self.headers:
                self.headers.remove(header)
            _remove(header)

    def set_entries(self, entries: Sequence[tuple[pg.PlotDataItem, str, str]]) -> None:
        """Show exactly these (curve, run name or "" for the current run, what the curve is) entries."""
        if entries == self._entries:
            return
        for part in [part for pair in self.items for part in pair] + self.headers:
            part.hide()
        self._entries = list(entries)
        for entry in entries:
            self.prepare(*entry)
        grouped = list(self._grouped(entries))
        self.items = [self._made[entry] for entry, _ in grouped]
        self.headers = [header for _, header in grouped if header is not None]
        for part in [part for pair in self.items for part in pair] + self.headers:
            part.show()
        self._place()

    def _grouped(self, entries: Sequence[tuple[pg.PlotDataItem, str, str]]
                 ) -> Iterator[tuple[tuple[pg.PlotDataItem, str, str], pg.LabelItem | None]]:
        """Each entry with the run name that starts its group (an earlier run's first entry), else None."""
        group, groups = None, []
        for entry in entries:
            run = entry[1]
            header = None
            if run and run != group:
                header = self._header(run, groups.count(run))
                groups.append(run)
            group = run
            yield entry, header

    def _label(self, text: str) -> pg.LabelItem:
        label = pg.LabelItem(text, color=self._colour, justify="left", size="8pt")
        label.setParentItem(self)
        label.hide()
        return label

    def fit_width(self, width: float) -> None:
        """Wrap the entries at ``width`` pixels."""
        if width != self._width:
            self._width = width
            self._place()

    def _place(self) -> None:
        """Lay the entries out in rows: each earlier run starts a row, and a row wraps at the width.

        The legend is as tall as the current run's entries need once they all show (with the earlier runs'
        shown): a row appearing or going resized the view box and re-rendered axes and curves (a whole
        extra layout and repaint) at a run's start and its first epoch (benchmarks/README.md)."""
        placed, height = self._flow(self._entries)
        for part, x, y in placed:
            part.setPos(x, y + (LEGEND_ROW_HEIGHT - part.boundingRect().height()) / 2)
        every_current = [key for key in self._made if not key[1]]
        height = max(height, self._flow(every_current + [entry for entry in self._entries if entry[1]])[1])
        if height != self.maximumHeight():
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)
            self.updateGeometry()

    def _flow(self, entries: Sequence[tuple[pg.PlotDataItem, str, str]]) -> tuple[list, float]:
        """Where each part of ``entries`` goes, as (part, x, row top), and the height of all their rows (one
        row even for none)."""
        placed, x, y = [], 0.0, 0.0
        for entry, header in self._grouped(entries):
            parts = list(self._made[entry])
            if header is not None:
                parts.insert(0, header)
                if x:
                    x, y = 0.0, y + LEGEND_ROW_HEIGHT
            if x and x + sum(part.boundingRect().width() for part in parts) > self._width:
                x, y = 0.0, y + LEGEND_ROW_HEIGHT
            for part in parts:
                placed.append((part, x, y))
                x += part.boundingRect().width()
            x += LEGEND_GAP
        return placed, y + LEGEND_ROW_HEIGHT

    def names(self) -> list[str]:
        """Each entry's text, after its run's name: "batch loss", "Run 2 · validation"."""
        return [f"{run} · {text}" if run else text for _, run, text in self._entries]

    def labels(self) -> list[pg.LabelItem]:
        """Every text the legend shows: the entries' and the run names before them."""
        return [label for _, label in self.items] + self.headers

    def setLabelTextColor(self, colour: QColor | str) -> None:
        self._colour = colour
        for label in [label for _, label in self._made.values()] + list(self._made_headers.values()):
            label.setText(label.text, color=colour)

    def labelTextColor(self) -> QColor:
        return pg.mkColor(self._colour)


def _remove(item: pg.GraphicsObject) -> None:
    item.setParentItem(None)
    if item.scene() is not None:
        item.scene().removeItem(item)


def overlay_colour(index: int) -> str:
    """The ``index``-th earlier run's colour: :data:`OVERLAY_COLOURS`, then hues a golden angle apart,
    alternately darker and lighter, none repeating (tests/test_plot_truth.py checks the first 500)."""
    if index < len(OVERLAY_COLOURS):
        return OVERLAY_COLOURS[index]
    n = index - len(OVERLAY_COLOURS)
    red, green, blue = colorsys.hsv_to_rgb((0.83 + n * GOLDEN_ANGLE) % 1.0, 0.7, (0.55, 0.8)[n % 2])
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
