"""The drawing's class probabilities after each epoch of the run: how its prediction formed.

A small plot (readable at ~400×200 px): x = epoch, y = probability on a
fixed 0–1 axis, one thin line per class in its own colour, and the class
predicted at the latest snapshot drawn thick, its name and probability on
the line above the plot (where the notes go, so the line is always there and
never covers the data). It only shows numbers handed in
(:meth:`DrawingHistoryPlot.show_history`; they come from
:class:`~digitpad.inference.drawing_history.WeightHistory`). An update is one
``setData`` per curve, on pyqtgraph's lightest curve item (``PlotCurveItem``:
a third of a ``PlotDataItem``'s cost, and a curve of one point per snapshot
needs none of its downsampling): the curves are made once per number of
classes, the name is a line of text rather than a legend entry (rebuilding a
legend per update stalled the window, benchmarks/README.md), rewritten only
when it changes, and the x axis moves only when the run grows past it. A
one-output regression has a single curve, its output × 10, on an axis
spanning the digits.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.ui.base.i18n import fill, general, render, translate
from digitpad.ui.base.plot_base import PalettePlot
from digitpad.ui.base.plot_parts import OVERLAY_COLOURS, overlay_colour
from digitpad.ui.widgets.gradient_plot import LAYER_COLOURS

# The plots' colours, then olive and grey for classes 9 and 10; beyond, overlay_colour's hues.
CLASS_COLOURS = (*LAYER_COLOURS, "#bcbd22", "#7f7f7f")
OTHER_ALPHA = 150  # the classes not predicted: thin and a little faded, so the predicted one stands out
OTHER_WIDTH, PREDICTED_WIDTH = 1.0, 3.0
PADDING = 0.03  # of the fixed y range, so a probability of 0 or 1 is not drawn on the frame
# Shown through render().
TRAIN_NOTE = QT_TRANSLATE_NOOP("DrawingHistoryPlot", "Train to see the prediction form, epoch by epoch")
DRAW_NOTE = QT_TRANSLATE_NOOP("DrawingHistoryPlot", "Draw to see its prediction, epoch by epoch")


def class_colour(index: int) -> str:
    """The colour of class ``index``'s curve."""
    if index < len(CLASS_COLOURS):
        return CLASS_COLOURS[index]
    return overlay_colour(index - len(CLASS_COLOURS) + len(OVERLAY_COLOURS))  # hues not used above


class DrawingHistoryPlot(PalettePlot):
    """One curve per class of the drawing's probability against epochs, the predicted class thick and named."""

    def __init__(self) -> None:
        super().__init__("drawingHistoryPlot", translate("DrawingHistoryPlot", "probability"), "")
        del self.clear  # PlotWidget binds its PlotItem's clear() (remove every item) over this class's
        item = self.getPlotItem()
        item.setToolTip(translate(  # set after the base, which adds a note about earlier runs
            "DrawingHistoryPlot", "How the network's prediction for your drawing formed during the run: each "
            "class's probability\nafter each epoch, from the weights the network had then. Thick line: the class "
            "predicted now;\nthin lines: the other classes. A regression model shows its output × 10 instead.\n"
            "Switched-off units count as off at every epoch. Right-click for the grid and export."))
        # No legend row: in a 200-px plot it would take a tenth of the height for one name, shown above instead.
        item.layout.removeItem(self.legend)
        self.legend.hide()
        self.enableAutoRange(axis="y", enable=False)
        self.curves: list[pg.PlotCurveItem] = []
        self._pens: list[tuple[QColor, QColor]] = []  # (thin, thick) per curve
        self._name = ""  # the predicted class and its probability, as the line above the plot shows them
        self._predicted: int | None = None
        self._regression: bool | None = None
        self._y_range: tuple[float, float] | None = None
        self._x_last = -np.inf  # the latest epoch shown since clear(), which the x axis follows
        self._run_epochs: int | None = None  # the run's length, which the x axis spans (None: follow the epochs)
        self.clear()

    # -- what is shown ---------------------------------------------------
    def show_history(self, epochs: Sequence[int], probabilities: np.ndarray, class_names: Sequence[str]) -> None:
        """Show ``probabilities`` ``(k, n_classes)`` at ``epochs`` ``(k,)``, one curve per class; a single
        column is a regression's output × ``len(class_names)``. No snapshots (k = 0): nothing, and the note."""
        x = np.asarray(epochs, dtype=np.float64)
        if not len(x):
            self._show_nothing(TRAIN_NOTE)
            return
        values = np.asarray(probabilities, dtype=np.float64)
        if values.ndim != 2 or len(values) != len(x):
            raise ValueError(f"probabilities of shape {values.shape} for {len(x)} epochs")
        regression = values.shape[1] == 1
        if not regression and values.shape[1] != len(class_names):
            raise ValueError(f"{values.shape[1]} columns of probabilities for {len(class_names)} classes")
        self._make_curves(values.shape[1], regression)
        for curve, column in zip(self.curves, values.T.copy()):
            curve.setData(x, column, connect="finite")  # a diverged epoch's NaN leaves a gap
        latest = values[-1]
        predicted = 0 if regression else int(np.argmax(latest))
        self._highlight(predicted)
        value = latest[predicted]
        name = (fill(translate("DrawingHistoryPlot", "output × {scale}: {value:.1f}"), scale=len(class_names),
                     value=value) if regression
                else fill(translate("DrawingHistoryPlot", "{name}: {probability:.0%}"), name=class_names[predicted],
                          probability=value))
        if name != self._name:
            self._name = name
            # A sample of the thick line in its colour, then the words in the palette's (set_note).
            self.set_note(f"<span style='color:{self._pens[predicted][1].name()}'>━</span> {html.escape(name)}",
                          translate("DrawingHistoryPlot", "The class predicted after the latest epoch, and its "
                                    "probability then (the thick line)."))
        self._set_y_range(*(_digit_range(values, len(class_names)) if regression else (0.0, 1.0)))
        if self._run_epochs is None and x[-1] > self._x_last:  # a fit costs ~1 ms: only when the axis may grow
            self._x_last = x[-1]
            self.fit_view()

    def clear(self, epochs: int | None = None) -> None:
        """No curves, and a note that training shows them; the x axis ready for a run of ``epochs`` (None: it
        grows with the epochs shown)."""
        self._show_nothing(TRAIN_NOTE)
        self._x_last, self._run_epochs = -np.inf, epochs
        self.fit_run(epochs)

    def show_empty_canvas(self) -> None:
        """No curves for an empty canvas (nothing to read, so no guess), and a note to draw."""
        self._show_nothing(DRAW_NOTE)

    def predicted(self) -> int | None:
        """The class drawn thick (the latest snapshot's prediction), or None when nothing is shown."""
        return self._predicted if self._name else None

    def name_text(self) -> str:
        """The thick line's class and its latest value, as the line above the plot gives them after its
        sample of the line ("" when nothing is shown)."""
        return self._name

    # -- parts -----------------------------------------------------------
    def _show_nothing(self, note: str) -> None:
        for curve in self.curves:
            curve.setData([], [])
        self._name = ""
        self.set_note(render(note))
        if self._regression is None:
            self._set_y_range(0.0, 1.0)

    def _make_curves(self, count: int, regression: bool) -> None:
        """``count`` curves (made once per number of classes), and the y axis's name for probabilities or a
        regression's output."""
        if regression != self._regression:
            self._regression = regression
            self.getPlotItem().setLabel("left", translate("DrawingHistoryPlot", "output × 10") if regression
                                        else translate("DrawingHistoryPlot", "probability"))
            # Three ticks for probabilities: the plot is often under 100 px tall, where six labels overlap.
            self.getAxis("left").setTicks(None if regression else [[(v, general(v)) for v in (0.0, 0.5, 1.0)]])
        if len(self.curves) == count:
            return
        for curve in self.curves:
            self.removeItem(curve)
        self._pens = []
        for index in range(count):
            thick = QColor(class_colour(index))
            thin = QColor(thick)
            thin.setAlpha(OTHER_ALPHA)
            self._pens.append((thin, thick))
        # Few points per curve (one per snapshot): antialiased lines stay cheap.
        self.curves = [pg.PlotCurveItem(pen=pg.mkPen(thin, width=OTHER_WIDTH), antialias=True)
                       for thin, _ in self._pens]
        for curve in self.curves:
            self.addItem(curve)
        self._predicted = None

    def _highlight(self, predicted: int) -> None:
        if predicted == self._predicted:
            return
        if self._predicted is not None:
            old = self.curves[self._predicted]
            old.setPen(pg.mkPen(self._pens[self._predicted][0], width=OTHER_WIDTH))
            old.setZValue(0)
        new = self.curves[predicted]
        new.setPen(pg.mkPen(self._pens[predicted][1], width=PREDICTED_WIDTH))
        new.setZValue(1)  # over the thin lines
        self._predicted = predicted

    def _set_y_range(self, low: float, high: float) -> None:
        """A fixed y range (moved only when it changes: every move redraws the axis and grid)."""
        if (low, high) != self._y_range:
            self._y_range = (low, high)
            self.setYRange(low, high, padding=PADDING)
            self.getViewBox().updateMatrix()


def _digit_range(values: np.ndarray, n_classes: int) -> tuple[float, float]:
    """A regression's y range: the digits 0 to ``n_classes - 1`` and half a digit beyond, or further to take in
    every finite value."""
    finite = values[np.isfinite(values)]
    low, high = -0.5, n_classes - 0.5
    return (min(low, finite.min()), max(high, finite.max())) if finite.size else (low, high)
