"""‖∂L/∂W‖ of every dense layer per batch, on a log axis.

Vanishing gradients show as a bottom curve orders of magnitude below the
others and exploding ones as a climb. Like the loss plot it creates its
curves once (again only for a run of another depth) and appends with
``setData``, and its y range moves only when the data leaves it. It lives in
a tab that is usually hidden: while hidden it only stores the points and
hands them to the curves when shown, so it costs a run almost nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QShowEvent

from digitpad.ui.base.i18n import fill, translate
from digitpad.ui.base.plot_base import Columns, PalettePlot

# One colour per layer, first layer first: blue, green, orange, purple, red, cyan, brown, pink.
LAYER_COLOURS = ("#3d85c6", "#59a14f", "#f28e2b", "#9467bd", "#e15759", "#17becf", "#8c564b", "#e377c2")


class GradientNormPlot(PalettePlot):
    """‖∂L/∂W‖ of each dense layer per batch, on a log axis, against (fractional) epochs."""

    def __init__(self) -> None:
        super().__init__("gradNormPlot", "‖∂L/∂W‖", "")
        # Set after the base, which adds a note about earlier runs: this plot shows the current run only.
        self.getPlotItem().setToolTip(translate(
            "GradientNormPlot", "Size of each dense layer's weight gradient ‖∂L/∂W‖ at every mini-batch, on a "
            "log scale.\nCurves far apart (layer 1 orders of magnitude below the last) mean vanishing gradients;\n"
            "curves shooting up mean exploding ones. A gap is a gradient of exactly 0: a dead layer.\n"
            "Right-click for the grid and export."))
        self.setLogMode(y=True)
        self.setDownsampling(auto=True, mode="peak")
        self.setClipToView(True)
        self.follow_y()
        self.curves: list[pg.PlotDataItem] = []  # one per layer (set_layers)
        self._points: Columns | None = None
        self._drawn = 0  # points the curves hold

    def add(self, steps: Sequence[float], norms_per_layer: Sequence[Sequence[float]]) -> None:
        """Append batches: ``steps`` in epochs and ``norms_per_layer`` as ``(n_steps, n_layers)``.

        The rows are :attr:`BatchStats.grad_norms` tuples, as ``Progress.grad_norms`` carries them.
        Zeros (a dead layer) cannot sit on a log axis and leave a gap. The
        curves get the points now if the plot is visible, else when it is shown.
        """
        if len(steps) != len(norms_per_layer):
            raise ValueError(f"{len(steps)} steps for {len(norms_per_layer)} rows of gradient norms")
        if not len(steps):
            return
        norms = np.asarray(norms_per_layer, dtype=np.float64)
        if self._points is None:
            self._points = Columns(1 + norms.shape[1])
            self.set_layers(norms.shape[1])
        elif norms.shape[1] != self._points.n_columns - 1:
            raise ValueError(f"{norms.shape[1]} layers, but this run has {self._points.n_columns - 1}")
        norms[~(norms > 0) | ~np.isfinite(norms)] = np.nan
        self._points.append(steps, *norms.T)
        if self.isVisible():
            self._draw()

    def clear_run(self, epochs: int | None = None) -> None:
        """Forget every point, ready for a run of ``epochs`` epochs with any number of layers
        (see :meth:`~digitpad.ui.base.plot_base.PalettePlot.fit_run`). The curves stay for a run as deep."""
        for curve in self.curves:
            curve.setData([], [])
        self._points, self._drawn = None, 0
        self.follow_y()
        self.fit_run(epochs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw()  # what arrived while another tab was in front

    def set_layers(self, n_layers: int) -> None:
        """One curve per layer, kept from the previous run when it had as many. Creating them took 10-35 ms:
        called when a run starts, before its thread does, rather than at its first batch."""
        if len(self.curves) == n_layers:
            return
        for curve in self.curves:
            self._remove_curve(curve)
        # 1 px: Qt strokes wider antialiased lines through a slow path, and these zigzag at every pixel
        # (one repaint took 30-50 ms at width 1.5, 2-5 ms at 1).
        self.curves = [self._curve(fill(translate("GradientNormPlot", "layer {layer}"), layer=i + 1),
                                   LAYER_COLOURS[i % len(LAYER_COLOURS)], width=1) for i in range(n_layers)]

    def _draw(self) -> None:
        if self._points is None or self._points.size == self._drawn:
            return
        for i, curve in enumerate(self.curves):
            curve.setData(self._points[0], self._points[i + 1], connect="finite")
        self._drawn = self._points.size
        self.fit_view()
