"""How each hidden layer's units respond to test images: a histogram and their health.

One row per hidden layer: a pyqtgraph step histogram of every activation
value on a batch of test images, and beside it the share of dead units (ReLU:
never active on the batch, so they never learn again) or of saturated values
(sigmoid, tanh: on the flat ends, where almost no gradient flows back). The
numbers come from :func:`digitpad.training.inspection.layer_activity`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.training.inspection import Inspection, LayerActivity
from digitpad.ui.base.i18n import fill, number, render, translate
from digitpad.ui.widgets.probabilities import percent

HIST_COLOUR = "#3d85c6"
# A share this high is worth the learner's attention: shown in the warning colour.
WARN_SHARE = 0.25
WARN_COLOUR = "#d9534f"
# Fixed: wrapped labels give the rows a height-for-width layout that would stretch each plot to its
# (large) size hint; two layers fit a 700 px window, more scroll.
PLOT_HEIGHT = 240
# A bin holding more than this many times the next largest one (ReLU's exact zeros) is cut off at
# the top so the rest of the distribution stays readable; its count is written on it.
SPIKE_RATIO = 3.0
NAMES = {"relu": QT_TRANSLATE_NOOP("ActivationsView", "ReLU"),
         "leaky_relu": QT_TRANSLATE_NOOP("ActivationsView", "leaky ReLU"),
         "sigmoid": QT_TRANSLATE_NOOP("ActivationsView", "sigmoid"),
         "tanh": QT_TRANSLATE_NOOP("ActivationsView", "tanh"),
         "identity": QT_TRANSLATE_NOOP("ActivationsView", "linear")}


def health_text(activity: LayerActivity, activation: str) -> str:
    """The layer's dead or saturated share as a few lines of rich text."""
    lines = []
    units, batch, non_finite = activity.units, activity.batch, activity.non_finite
    if activity.dead_share is not None:
        dead = round(activity.dead_share * units)
        headline = fill(translate("ActivationsView", "Dead units: {dead:,} of {units:,} ({share})"),
                        dead=dead, units=units, share=percent(activity.dead_share))
        lines.append(_flag(headline, activity.dead_share) + "<br>" + fill(translate(
            "ActivationsView", "never active on these {batch:,} images, so they pass no gradient and stop learning."),
            batch=batch))
        if activation == "relu":
            lines.append(fill(translate("ActivationsView", "{share} of all activations are exactly 0."),
                              share=percent(activity.zero_share)))
    elif activity.saturated_share is not None:
        low = 0.01 if activation == "sigmoid" else -0.99
        headline = fill(translate("ActivationsView", "Saturated: {share} of activations"),
                        share=percent(activity.saturated_share))
        lines.append(_flag(headline, activity.saturated_share) + "<br>" + fill(translate(
            "ActivationsView", "below {low} or above {high}, where the curve is flat and almost no gradient flows "
            "back."), low=number(low, 2).replace("-", "−"), high=number(0.99, 2)))
    else:
        lines.append(translate("ActivationsView", "Linear units neither die nor saturate."))
    if non_finite:
        lines.append(_flag(fill(translate("ActivationsView", "{count:,} values are NaN or infinite (not in the "
                                          "histogram)."), count=non_finite), 1.0))
    return "<br><br>".join(lines)


def _flag(text: str, share: float) -> str:
    return f"<b style='color:{WARN_COLOUR}'>{text}</b>" if share >= WARN_SHARE else f"<b>{text}</b>"


class ActivationsView(QWidget):
    """Per hidden layer, a histogram of activations on a test batch and its dead / saturated share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activationsView")
        self.intro = QLabel(objectName="activationsIntro")
        self.intro.setWordWrap(True)
        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 2)
        self._grid.setVerticalSpacing(12)
        scroll = QScrollArea(objectName="activationsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._rows)
        scroll.viewport().setAutoFillBackground(False)  # the tab's own background, not a grey band
        self._rows.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        self.plots: list[pg.PlotWidget] = []
        self.curves: list[pg.PlotDataItem] = []
        self.labels: list[QLabel] = []
        self._activity: tuple[LayerActivity, ...] = ()

    def set_inspection(self, inspection: Inspection) -> None:
        """Rebuild one row per hidden layer (their number changes with the architecture)."""
        self._clear()
        self._activity = inspection.activity
        activation = inspection.spec.activation
        name = render(NAMES.get(activation, activation))
        if not inspection.activity:
            self.intro.setText(translate("ActivationsView", "This network has no hidden layer, so there are no "
                                         "hidden activations to show."))
            return
        batch = inspection.activity[0].batch
        self.intro.setText(fill(translate("ActivationsView", "What each hidden layer's {name} units output on "
                                          "{batch:,} test images: a histogram of every unit's value on every image."),
                                name=name, batch=batch))
        for i, activity in enumerate(inspection.activity):
            units = activity.units
            title = fill(translate("ActivationsView", "layer {layer}: {units:,} {name} units"),
                         layer=i + 1, units=units, name=name)
            plot, curve = self._plot(activity, title)
            label = QLabel(health_text(activity, activation), objectName=f"activationHealth{i}")
            label.setWordWrap(True)
            label.setToolTip(translate("ActivationsView", "Dead ReLU units output 0 for every input, so their "
                                       "weights get no gradient; saturated sigmoid/tanh units sit where the slope "
                                       "is almost 0."))
            self._grid.addWidget(plot, i, 0)
            self._grid.addWidget(label, i, 1)
            self.plots.append(plot)
            self.curves.append(curve)
            self.labels.append(label)
        self._grid.setRowStretch(len(inspection.activity), 1)

    def histograms(self) -> tuple[LayerActivity, ...]:
        """The layer histograms shown, input side first."""
        return self._activity

    def _clear(self) -> None:
        for widget in self.plots + self.labels:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        self.plots, self.curves, self.labels = [], [], []

    def _plot(self, activity: LayerActivity, title: str) -> tuple[pg.PlotWidget, pg.PlotDataItem]:
        plot = pg.PlotWidget()
        plot.setFixedHeight(PLOT_HEIGHT)
        palette = self.palette()
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        plot.setBackground(base)
        item = plot.getPlotItem()
        item.setTitle(title, color=text.name())
        item.setLabel("bottom", translate("ActivationsView", "activation value"))
        item.setLabel("left", translate("ActivationsView", "count"))
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen(text)
            item.getAxis(axis).setTextPen(text)
        item.setMouseEnabled(x=False, y=False)
        item.setToolTip(fill(translate("ActivationsView", "{title}: how often each activation value occurs "
                                       "({batch:,} images × {units:,} units)"),
                             title=title, batch=activity.batch, units=activity.units))
        brush = QColor(HIST_COLOUR)
        brush.setAlpha(110)
        curve = plot.plot(activity.edges, activity.counts.astype(float), stepMode="center", fillLevel=0,
                          brush=brush, pen=pg.mkPen(HIST_COLOUR, width=1.5))
        self._clip_spike(item, activity, text)
        return plot, curve

    @staticmethod
    def _clip_spike(item: pg.PlotItem, activity: LayerActivity, text: QColor) -> None:
        counts = activity.counts
        if len(counts) < 2:
            return
        peak = int(np.argmax(counts))
        rest = float(np.delete(counts, peak).max())
        if rest == 0 or counts[peak] <= SPIKE_RATIO * rest:
            return
        top = rest * 1.25
        item.setYRange(0, top, padding=0)
        count = int(counts[peak])
        label = pg.TextItem(fill(translate("ActivationsView", "↑ {count:,} values in this bar (cut off)"),
                                 count=count), color=text, anchor=(0, 0.5))
        label.setPos(activity.edges[peak + 1], top * 0.92)
        item.addItem(label)
