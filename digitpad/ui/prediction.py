"""The drawing's prediction: preprocess it, one forward pass, and show the bars, the model's input, saliency and,
while it is in front, every layer in the network view.

At most one prediction every ``PREDICT_DELAY_MS`` while drawing (throttled,
not debounced: during a long stroke the bars still move). Predictions use
:attr:`DrawingPrediction.model`: the current model or, while a run trains, a
copy the window refreshes with each epoch's weights.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from digitpad.inference.predict import (
    drawing_to_input,
    input_range,
    predict_drawing,
    preview,
)
from digitpad.inference.saliency import drawing_saliency
from digitpad.inference.units import DrawingUnits, drawing_units
from digitpad.model.bundle import Model
from digitpad.ui.base.i18n import fill, translate
from digitpad.ui.prompt import draw_prompt
from digitpad.ui.widgets.canvas import DrawingCanvas
from digitpad.ui.widgets.network_view import NetworkView
from digitpad.ui.widgets.number_line import NumberLine
from digitpad.ui.widgets.preview import InputPreview
from digitpad.ui.widgets.probabilities import ProbabilityBars
from digitpad.ui.widgets.saliency_legend import SaliencyLegend

PREDICT_DELAY_MS = 30  # at most one prediction per 30 ms while drawing


class DrawingPrediction(QObject):
    """Keeps the probability bars, the input preview and the saliency overlay true to the canvas; ``updated``
    follows every update, for the views that build on the same drawing and model."""

    updated = Signal()

    def __init__(self, canvas: DrawingCanvas, bars: ProbabilityBars, preview_widget: InputPreview,
                 show_saliency: Callable[[], bool], model: Model, legend: SaliencyLegend,
                 number_line: NumberLine, network_view: NetworkView) -> None:
        super().__init__(canvas)
        self.canvas, self.bars, self.preview, self.legend = canvas, bars, preview_widget, legend
        self.number_line, self.network_view = number_line, network_view
        network_view.shown.connect(self.update)  # values are computed only while the view can be seen
        self._show_saliency = show_saliency
        self._model = model
        # The drawing through the model, while the network view is in front (None otherwise, or with no ink).
        self.drawing_units: DrawingUnits | None = None
        self.timer = QTimer(self, singleShot=True, interval=PREDICT_DELAY_MS)
        self.timer.timeout.connect(self.update)
        canvas.drawing_changed.connect(self._schedule)

    @property
    def model(self) -> Model:
        """The model that reads the drawing."""
        return self._model

    def set_model(self, model: Model) -> None:
        """Read the drawing with ``model`` from now on (its class names go onto the bars, what to draw onto
        the canvas's tooltip)."""
        self._model = model
        prompt = draw_prompt(model.class_names)
        self.bars.set_class_names(model.class_names, prompt)
        self.number_line.set_class_names(model.class_names, prompt)
        self.canvas.set_prompt(prompt)
        # A one-output regression has no class probabilities: it shows its number on a line instead.
        regression = model.network.spec.is_regression
        self.bars.setVisible(not regression)
        self.number_line.setVisible(regression)
        self.update()

    def _schedule(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def update(self) -> None:
        """Preprocess the drawing and run one forward pass (well under a millisecond); then ``updated``."""
        self._show(self.canvas.image())
        self.updated.emit()

    def _show(self, drawing: np.ndarray) -> None:
        self.legend.setVisible(self._show_saliency())
        self.drawing_units = None
        if not np.any(drawing > 0):
            self.bars.set_probabilities(None)
            self.number_line.set_reading(None, None)
            self.preview.set_image(None)
            self.canvas.set_overlay(None)
            self.legend.set_subject(None)
            self.network_view.show_layers(None)
            return
        model, regression = self._model, self._model.network.spec.is_regression
        self.preview.set_image(preview(model, drawing))
        # With the network view in front, one pass gives every layer, the probabilities, and the unit inspection's
        # numbers (drawing_units).
        self.drawing_units = drawing_units(model, drawing) if self.network_view.isVisible() else None
        layers = self.drawing_units.layer_values() if self.drawing_units is not None else None
        probabilities = layers[-1] if layers is not None and not regression else predict_drawing(model, drawing)
        if regression:
            self.number_line.set_reading(*regression_reading(model, drawing))
        else:
            self.bars.set_probabilities(probabilities)
        if layers is not None:
            self.network_view.show_layers(layers, model.input_shape, model.network.spec.activation,
                                          model.class_names, input_range(model))
        saliency = drawing_saliency(model, drawing) if self._show_saliency() else None
        self.canvas.set_overlay(saliency)
        if saliency is not None:
            top = int(np.argmax(probabilities))
            self.legend.set_subject(translate("DrawingPrediction", "the output value") if regression
                                    else fill(translate("DrawingPrediction", "“{name}”"), name=model.class_names[top]))


def regression_reading(model: Model, drawing: np.ndarray) -> tuple[float, int]:
    """A label/10 regression's output × 10 for ``drawing`` and the class the engine rounds it to."""
    network = model.network
    output = network.outputs(drawing_to_input(model, drawing))
    return float(output[0, 0]) * network.n_classes, int(network.predict_from_outputs(output)[0])
