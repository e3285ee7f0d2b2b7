"""Live training curves: loss per batch and per epoch, accuracy per epoch.

Following pyqtgraph's PanningPlot and scrollingPlots examples, each curve is
created once and fed with ``setData`` on every update; the per-batch curves
use auto-downsampling and clip-to-view, so drawing costs follow the plot's
width in pixels rather than the number of batches. Points live in :class:`~digitpad.ui.base.plot_base.Columns`, arrays that grow by
doubling, so an update costs time for the new points only, never a copy of
the whole history. An update repaints the curves and nothing else
(benchmarks/ui.py): the x axis is fixed to the run's length, the y range
moves only when the data leaves it (:meth:`PalettePlot.fit_view`; pyqtgraph's
auto-range moved it at every update, redrawing axis and grid, then painted
twice), and axes, legend and earlier runs are cached as pixmaps: an update
took ~8 ms of GUI-thread CPU before, ~2.5 ms after.

The moving average of the batch losses is the mean of the last
:data:`SMOOTHING_WINDOW` batches: unlike an exponential average seeded with
the first, highest loss, it never lies outside the losses it averages.

Earlier runs can be laid over the current one (``set_overlays``): thin
dotted (training) and dashed (validation) lines in one colour per run, behind
the current run's curves, replaced wholesale on each call, each at its own
epochs. Runs whose losses differ (cross-entropy and squared error, say) get a
note above the loss plot: their curves are not comparable.

The epochs a doctor card speaks of can be shaded (:meth:`LossPlot.mark_epochs`),
in the palette's highlight colour, behind every curve.

Changes to the learning rate, momentum or weight decay during a run show on
the loss plot as vertical lines labelled with the change
(:meth:`LossPlot.add_step_change`), in the palette's text colour, half
transparent, so they read on light and dark desktops without looking like data.

Colours and ranging come from :class:`~digitpad.ui.base.plot_base.PalettePlot`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette, QPen

from digitpad.training.history import RunRecord, loss_name
from digitpad.ui.base.i18n import fill, translate
from digitpad.ui.base.plot_base import MARKED_EPOCHS, Columns, PalettePlot

# Blue, green and orange of middle lightness: told apart by colour-blind readers, legible on white and dark grey.
BATCH_COLOUR = "#3d85c6"
# Raw batch losses in translucent mid-grey: a quiet band on white and on dark grey that the blue average stands out from.
RAW_COLOUR = QColor(128, 128, 128, 110)
TRAIN_COLOUR = "#59a14f"
VAL_COLOUR = "#f28e2b"
# The moving average of batch losses is the mean of this many batches (the latest and those before it).
SMOOTHING_WINDOW = 10
# Step-change markers: the palette's text colour at this opacity (0-255), dashed, behind the curves.
MARKER_ALPHA = 150
# The shaded epochs of a doctor card: the palette's highlight colour at this opacity (0-255).
MARKED_ALPHA = 60


class _EpochCurves:
    """A training and a validation curve with one point per epoch, marked while the run is short enough."""

    SYMBOLS = {"train": "o", "val": "s"}

    def __init__(self, plot: PalettePlot, train_label: str) -> None:
        self.train_curve = plot._curve(train_label, TRAIN_COLOUR, width=2, symbol=self.SYMBOLS["train"],
                                       antialias=True)
        self.val_curve = plot._curve(translate("TrainingPlots", "validation"), VAL_COLOUR, width=2, symbol=self.SYMBOLS["val"], antialias=True)
        self._train, self._val = Columns(2), Columns(2)
        self.shown = np.asarray  # how values are drawn (the accuracy plot's error rate: 100 − accuracy)

    def add(self, epoch_ends: Sequence[float], train: Sequence[float], val: Sequence[float | None]) -> None:
        self._train.append(epoch_ends, train)
        self.train_curve.setData(self._train[0], self.shown(self._train[1]))
        with_val = [(end, v) for end, v in zip(epoch_ends, val) if v is not None]
        if with_val:
            self._val.append(*zip(*with_val))
            self.val_curve.setData(self._val[0], self.shown(self._val[1]))

    def redraw(self) -> None:
        """Hand every point to the curves again, as :attr:`shown` now draws them."""
        for columns, curve in ((self._train, self.train_curve), (self._val, self.val_curve)):
            if columns.size:
                curve.setData(columns[0], self.shown(columns[1]))

    def clear(self, epochs: int | None = None) -> None:
        """Forget the points; a run of more than MARKED_EPOCHS epochs gets plain lines: no markers, no antialiasing."""
        marked = epochs is None or epochs <= MARKED_EPOCHS
        for key, columns, curve in (("train", self._train, self.train_curve), ("val", self._val, self.val_curve)):
            columns.clear()
            curve.opts["antialias"] = marked  # PlotDataItem passes its opts on to the line at each setData
            curve.setData([], [])
            curve.setSymbol(self.SYMBOLS[key] if marked else None)


class _EpochPoints:
    """Adding per-epoch points to a plot holding ``_epochs`` (:class:`_EpochCurves`)."""

    _epochs: _EpochCurves

    def add_epoch(self, epoch_end: float, train: float, val: float | None) -> None:
        """Add one epoch's training value (and validation value, if there is a validation set)."""
        self.add_epochs([epoch_end], [train], [val])

    def add_epochs(self, epoch_ends: Sequence[float], train: Sequence[float], val: Sequence[float | None]) -> None:
        """Add several epochs at once (one redraw): loss, or accuracy in percent (0–100) as the axis shows it."""
        self._epochs.add(epoch_ends, train, val)
        self.fit_view()


class LossPlot(_EpochPoints, PalettePlot):
    """Loss against (fractional) epochs: every batch, its moving average, and each epoch's train/val loss."""

    def __init__(self) -> None:
        super().__init__("lossPlot", translate("TrainingPlots", "loss"), fill(translate(
            "TrainingPlots", "Loss while training: grey = every mini-batch, blue line = their moving average (the "
            "mean of the last {window} mini-batches), dots = mean training loss and validation loss per epoch.\n"
            "Click a line's swatch in the legend to hide or show it. Right-click for a log scale, the grid and "
            "export."), window=SMOOTHING_WINDOW))
        # Set on the PlotItem, which imposes its own (context-menu) settings on every curve it holds.
        # Peak downsampling keeps the spread of the noisy batch losses visible when zoomed out.
        self.setDownsampling(auto=True, mode="peak")
        self.setClipToView(True)
        self.raw_curve = self._curve(translate("TrainingPlots", "batch loss"), RAW_COLOUR, width=1)
        self.smooth_curve = self._curve(translate("TrainingPlots", "moving average"), BATCH_COLOUR, width=2)
        # A smooth line needs no envelope; in peak mode it becomes a thick sawtooth, 5–20× slower to antialias.
        self.smooth_curve.setDownsampling(auto=True, method="mean")
        self._epochs = _EpochCurves(self, translate("TrainingPlots", "train (epoch mean)"))
        self.train_curve, self.val_curve = self._epochs.train_curve, self._epochs.val_curve
        self._batches = Columns(3)  # step, loss, smoothed loss
        self._markers: list[pg.InfiniteLine] = []
        self._marked: pg.LinearRegionItem | None = None
        self._current_loss: str | None = None
        self._overlay_losses: list[str] = []
        self.follow_y()

    def set_current_loss(self, settings: dict) -> None:
        """The current run's settings (``RunSettings.to_dict()``): its loss is compared with the overlaid runs'."""
        self._current_loss = loss_name(settings)
        self._show_loss_note()

    def set_overlays(self, runs: Sequence[RunRecord]) -> None:
        """Show these earlier runs (and only these): smoothed batch loss, and train/val loss per epoch;
        a note above the plot when their losses, or the current run's, differ."""
        self._replace_overlays(runs, "loss", lambda series: np.asarray(series, dtype=np.float64))
        self._overlay_losses = [run.loss_name for run in runs]
        self._show_loss_note()
        self.fit_view(exact=True)  # runs taken away may leave room to spare

    def _show_loss_note(self) -> None:
        losses = list(dict.fromkeys(([self._current_loss] if self._current_loss else []) + self._overlay_losses))
        self.set_note(translate("TrainingPlots", "Different losses: not comparable") if len(losses) > 1 else "",
                      fill(translate("TrainingPlots", "These runs compute different losses ({losses}): their values "
                                     "measure different things, so a lower curve is not a better run. Compare their "
                                     "accuracy instead."), losses=", ".join(losses)))

    def _run_curves(self, run: RunRecord, colour: str) -> dict[str, pg.PlotDataItem]:
        if run.batches_per_epoch < 1.5:  # one batch an epoch: the batch curve would be the train curve again
            return {}
        # The same window in batches as the live curve's, whatever the record's downsampling stride.
        smoothed = window_means(np.asarray(run.batch_losses, dtype=np.float64),
                                max(1, round(SMOOTHING_WINDOW / run.batch_stride)))
        curve = self._overlay_curve(run.name, translate("TrainingPlots", "batch average"), colour,
                                    Qt.PenStyle.SolidLine, run.batch_steps, smoothed)
        curve.setDownsampling(auto=True, method="mean")
        return {"batch": curve}

    def add_batches(self, steps: Sequence[float], losses: Sequence[float]) -> None:
        """Append batch losses at their x positions in epochs (as :class:`~digitpad.ui.jobs.training.Progress` has them)."""
        if len(steps) != len(losses):
            raise ValueError(f"{len(steps)} steps for {len(losses)} losses")
        if not len(losses):
            return
        start = self._batches.size
        self._batches.append(steps, losses, losses)
        self._batches[2][start:] = window_means(self._batches[1], SMOOTHING_WINDOW, start)
        self.raw_curve.setData(self._batches[0], self._batches[1])
        self.smooth_curve.setData(self._batches[0], self._batches[2])
        self.fit_view()

    def add_step_change(self, x: float, text: str) -> None:
        """Mark a change of the step at ``x`` (epochs) with a vertical line labelled ``text``,
        e.g. "lr 0.05 → 0.01"; the markers stay until :meth:`clear_run`."""
        pen, colour = self._marker_colours()
        line = pg.InfiniteLine(pos=float(x), angle=90, movable=False, pen=pen,
                               label=text.replace("{", "{{").replace("}", "}}"),  # a format string to pyqtgraph
                               labelOpts={"position": 0.9 - 0.12 * (len(self._markers) % 4), "color": colour,
                                          "anchors": [(0, 0.5), (0, 0.5)], "rotateAxis": None})
        line.setZValue(-0.5)  # behind the current run's curves, in front of earlier runs
        self.addItem(line, ignoreBounds=True)
        self._markers.append(line)

    def mark_epochs(self, span: tuple[float, float | None] | None) -> None:
        """Shade the epochs from ``first`` to ``last`` of ``span`` (``last`` None: to the latest point drawn), at
        least one epoch wide, or nothing (None): the stretch of the run a doctor card speaks of."""
        if self._marked is not None:
            self.removeItem(self._marked)
            self._marked = None
        if span is None:
            return
        first, last = span
        if last is None:
            extent = self._extent(0)
            last = extent[1] if extent else first
        middle = (first + last) / 2
        low, high = (first, last) if last - first >= 1 else (max(0.0, middle - 0.5), middle + 0.5)
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(MARKED_ALPHA)
        self._marked = pg.LinearRegionItem((low, high), movable=False, brush=colour, pen=pg.mkPen(None))
        self._marked.setZValue(-2)  # behind earlier runs and the current one
        self.addItem(self._marked, ignoreBounds=True)

    def marked_epochs(self) -> tuple[float, float] | None:
        """The shaded epochs (first, last), or None."""
        return None if self._marked is None else tuple(float(v) for v in self._marked.getRegion())

    def step_markers(self) -> list[tuple[float, str]]:
        """The step-change markers shown, as (x in epochs, label text), oldest first."""
        return [(float(line.value()), line.label.toPlainText()) for line in self._markers]

    def _marker_colours(self) -> tuple[QPen, QColor]:
        colour = QColor(self.palette().color(QPalette.ColorRole.Text))
        colour.setAlpha(MARKER_ALPHA)
        return pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine), colour

    def _apply_palette(self) -> None:
        super()._apply_palette()
        pen, colour = self._marker_colours()
        for line in getattr(self, "_markers", ()):  # none yet while PalettePlot.__init__ calls this
            line.setPen(pen)
            line.label.setColor(colour)

    def clear_run(self, epochs: int | None = None) -> None:
        """Forget every point and step marker, ready for a new run of ``epochs`` epochs
        (see :meth:`PalettePlot.fit_run`)."""
        for line in self._markers:
            self.removeItem(line)
        self._markers = []
        self.mark_epochs(None)
        self._batches.clear()
        for curve in (self.raw_curve, self.smooth_curve):
            curve.setData([], [])
        self._epochs.clear(epochs)
        self.follow_y()
        self.fit_run(epochs)
        self._sync_legend()


class AccuracyPlot(_EpochPoints, PalettePlot):
    """Training and validation accuracy per epoch, in percent, on an axis fitted to the data within 0–100 %."""

    def __init__(self) -> None:
        super().__init__("accuracyPlot", translate("TrainingPlots", "accuracy (%)"), translate(
            "TrainingPlots", "Share of images classified correctly after each epoch, on the training data and on the "
            "held-out validation data.\nA widening gap between them is overfitting.\nRight-click for the error rate "
            "on a log scale (which spreads out 90–100 %), the grid and export."))
        self._epochs = _EpochCurves(self, translate("TrainingPlots", "train"))
        self.train_curve, self.val_curve = self._epochs.train_curve, self._epochs.val_curve
        self.y_bounds = (0.0, 100.0)
        self.setYRange(0, 100, padding=0)
        self.follow_y()
        self._overlay_runs: list[RunRecord] = []
        self.error_action = QAction(translate("TrainingPlots", "Error rate on a log scale"), self, checkable=True,
                                    toolTip=translate("TrainingPlots", "Show 100 % − accuracy on a log scale: 92 %, "
                                                      "99 % and 99.9 % accuracy become 8 %, 1 % and 0.1 % error, a "
                                                      "decade apart, where a 0–100 % axis squashes them together."))
        self.error_action.toggled.connect(self.show_error_rate)
        menu = self.getViewBox().menu
        menu.addSeparator()
        menu.addAction(self.error_action)

    def set_overlays(self, runs: Sequence[RunRecord]) -> None:
        """Show these earlier runs (and only these): train/val accuracy (or error rate) per epoch, in percent."""
        self._overlay_runs = list(runs)
        self._replace_overlays(runs, "accuracy", lambda series: self._epochs.shown(100 * np.asarray(series)))
        self.fit_view(exact=True)

    def show_error_rate(self, on: bool) -> None:
        """Draw the error rate, 100 − accuracy, on a log axis (on) or the accuracy (off), earlier runs too.

        92 %, 99 % and 99.9 % accuracy become 8 %, 1 % and 0.1 % error, a
        decade apart. A point of 100 % accuracy has no error to put on a log
        axis and is left out.
        """
        self._epochs.shown = error_rate if on else np.asarray
        self.getPlotItem().setLabel("left", translate("TrainingPlots", "error rate (%)") if on
                                    else translate("TrainingPlots", "accuracy (%)"))
        self.setLogMode(y=on)
        self.enableAutoRange(axis="x", enable=False)  # pyqtgraph switches auto-range on with a log scale
        self._epochs.redraw()
        self.set_overlays(self._overlay_runs)

    def clear_run(self, epochs: int | None = None) -> None:
        """Forget every point, ready for a new run of ``epochs`` epochs (see :meth:`PalettePlot.fit_run`)."""
        self._epochs.clear(epochs)
        self.follow_y()
        self.fit_run(epochs)
        self._sync_legend()


def error_rate(accuracy: np.ndarray) -> np.ndarray:
    """100 − accuracy (in percent), NaN where that is 0: a log axis has no place for it."""
    error = 100 - np.asarray(accuracy, dtype=np.float64)
    error[error <= 0] = np.nan
    return error


def window_means(values: np.ndarray, window: int, first: int = 0) -> np.ndarray:
    """For each value from index ``first`` on, the mean of it and the up to ``window − 1`` values before it.

    A mean of the values it stands for, so it always lies within their
    minimum and maximum; it costs time for the new values (and one window) only.
    """
    low = max(0, first - window + 1)
    sums = np.concatenate(([0.0], np.cumsum(values[low:], dtype=np.float64)))
    ends = np.arange(first, len(values)) - low + 1
    starts = np.maximum(ends - window, 0)
    return (sums[ends] - sums[starts]) / (ends - starts)
