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

Earlier runs can be laid over the current one (``set_overlays``): thin
dotted (training) and dashed (validation) lines in one colour per run, behind
the current run's curves, replaced wholesale on each call.

Changes to the learning rate, momentum or weight decay during a run show on
the loss plot as vertical lines labelled with the change
(:meth:`LossPlot.add_step_change`), in the palette's text colour, half
transparent, so they read on light and dark desktops without looking like data.

Colours and ranging come from :class:`~digitpad.ui.base.plot_base.PalettePlot`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen

from digitpad.training.history import RunRecord
from digitpad.ui.base.plot_base import Columns, PalettePlot

# Blue, green and orange of middle lightness: told apart by colour-blind readers, legible on white and dark grey.
BATCH_COLOUR = "#3d85c6"
# Raw batch losses in translucent mid-grey: a quiet band on white and on dark grey that the blue average stands out from.
RAW_COLOUR = QColor(128, 128, 128, 110)
TRAIN_COLOUR = "#59a14f"
VAL_COLOUR = "#f28e2b"
# Weight of the past in the moving average of batch losses: about the last 10 batches count.
SMOOTHING = 0.9
# Epoch points get markers up to this many epochs: beyond, markers crowd into a thick band, and redrawing
# thousands of them at every update (the lab's 3,000-epoch runs) cost the GUI thread most of its time.
MARKED_EPOCHS = 100
# Step-change markers: the palette's text colour at this opacity (0-255), dashed, behind the curves.
MARKER_ALPHA = 150


class _EpochCurves:
    """A training and a validation curve with one point per epoch, marked while the run is short enough."""

    SYMBOLS = {"train": "o", "val": "s"}

    def __init__(self, plot: PalettePlot, train_label: str) -> None:
        self.train_curve = plot._curve(train_label, TRAIN_COLOUR, width=2, symbol=self.SYMBOLS["train"],
                                       antialias=True)
        self.val_curve = plot._curve("validation", VAL_COLOUR, width=2, symbol=self.SYMBOLS["val"], antialias=True)
        self._train, self._val = Columns(2), Columns(2)

    def add(self, epoch_ends: Sequence[float], train: Sequence[float], val: Sequence[float | None]) -> None:
        self._train.append(epoch_ends, train)
        self.train_curve.setData(self._train[0], self._train[1])
        with_val = [(end, v) for end, v in zip(epoch_ends, val) if v is not None]
        if with_val:
            self._val.append(*zip(*with_val))
            self.val_curve.setData(self._val[0], self._val[1])

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
        super().__init__("lossPlot", "loss",
                         "Loss while training: grey = every mini-batch, blue line = their moving average, "
                         "dots = mean training loss and validation loss per epoch.\n"
                         "Right-click for a log scale, the grid and export.",
                         legend_offset=(-10, 10))
        # Set on the PlotItem, which imposes its own (context-menu) settings on every curve it holds.
        # Peak downsampling keeps the spread of the noisy batch losses visible when zoomed out.
        self.setDownsampling(auto=True, mode="peak")
        self.setClipToView(True)
        self.raw_curve = self._curve("batch loss", RAW_COLOUR, width=1)
        self.smooth_curve = self._curve("moving average", BATCH_COLOUR, width=2)
        # A smooth line needs no envelope; in peak mode it becomes a thick sawtooth, 5–20× slower to antialias.
        self.smooth_curve.setDownsampling(auto=True, method="mean")
        self._epochs = _EpochCurves(self, "train (epoch mean)")
        self.train_curve, self.val_curve = self._epochs.train_curve, self._epochs.val_curve
        self._batches = Columns(3)  # step, loss, smoothed loss
        self._smoothed: float | None = None
        self._markers: list[pg.InfiniteLine] = []
        self.follow_y()

    def set_overlays(self, runs: Sequence[RunRecord]) -> None:
        """Show these earlier runs (and only these): smoothed batch loss, and train/val loss per epoch."""
        self._replace_overlays(runs, "loss", 1.0)
        self.fit_view(exact=True)  # runs taken away may leave room to spare

    def _run_curves(self, run: RunRecord, colour: str) -> dict[str, pg.PlotDataItem]:
        if not run.batch_losses:
            return {}
        # The same memory in batches as the live curve's, whatever the record's downsampling stride.
        smoothed = moving_average(run.batch_losses, SMOOTHING ** run.batch_stride)
        curve = self._overlay_curve(run.name, colour, Qt.PenStyle.SolidLine, run.batch_steps, smoothed)
        curve.setDownsampling(auto=True, method="mean")
        return {"batch": curve}

    def add_batches(self, steps: Sequence[float], losses: Sequence[float]) -> None:
        """Append batch losses at their x positions in epochs (as :class:`~digitpad.ui.jobs.training.Progress` has them)."""
        if len(steps) != len(losses):
            raise ValueError(f"{len(steps)} steps for {len(losses)} losses")
        if not len(losses):
            return
        smoothed = moving_average(losses, SMOOTHING, self._smoothed)
        self._smoothed = smoothed[-1]
        self._batches.append(steps, losses, smoothed)
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
        self._batches.clear()
        self._smoothed = None
        for curve in (self.raw_curve, self.smooth_curve):
            curve.setData([], [])
        self._epochs.clear(epochs)
        self.follow_y()
        self.fit_run(epochs)


class AccuracyPlot(_EpochPoints, PalettePlot):
    """Training and validation accuracy per epoch, in percent on a fixed 0–100 axis."""

    def __init__(self) -> None:
        super().__init__("accuracyPlot", "accuracy (%)",
                         "Share of images classified correctly after each epoch, "
                         "on the training data and on the held-out validation data.\n"
                         "A widening gap between them is overfitting. Right-click for the grid and export.",
                         legend_offset=(-10, -10))  # bottom right: accuracy curves live near the top
        self._epochs = _EpochCurves(self, "train")
        self.train_curve, self.val_curve = self._epochs.train_curve, self._epochs.val_curve
        self.setYRange(0, 100, padding=0.04)

    def set_overlays(self, runs: Sequence[RunRecord]) -> None:
        """Show these earlier runs (and only these): train/val accuracy per epoch, in percent."""
        self._replace_overlays(runs, "accuracy", 100.0)
        self.fit_view(exact=True)

    def clear_run(self, epochs: int | None = None) -> None:
        """Forget every point, ready for a new run of ``epochs`` epochs (see :meth:`PalettePlot.fit_run`)."""
        self._epochs.clear(epochs)
        self.fit_run(epochs)


def moving_average(values: Sequence[float], weight: float, start: float | None = None) -> list[float]:
    """Exponential moving average ``m = weight·m + (1 − weight)·v``, seeded by ``start`` or the first value."""
    out, ema = [], start
    for value in values:
        ema = value if ema is None else weight * ema + (1 - weight) * value
        out.append(ema)
    return out
