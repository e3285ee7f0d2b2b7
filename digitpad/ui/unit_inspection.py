"""The network view's units: what the one pointed at does, which ones pushed the predicted class, switching units
off or scaling them, and the test accuracy of the network so edited.

The numbers come from :mod:`digitpad.inference.units` for the drawing and
from one pass over the model's test split (:class:`TestSetActivations`, in a
:class:`~digitpad.ui.jobs.job.Job`, kept per model and weights): the 9 test
images each unit responds to most, and the accuracy with the current gains,
also computed off the GUI thread. While a run trains the view shows the
run's network epoch by epoch; units can be edited once it has ended.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject

from digitpad.data.dataset import Dataset
from digitpad.data.loading import load
from digitpad.data.registry import is_available, is_named, title
from digitpad.inference.unit_stats import TestSetActivations
from digitpad.inference.units import strongest
from digitpad.model.bundle import Model
from digitpad.nn.network import MLP
from digitpad.training.evaluate import evaluate
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.jobs.job import Job
from digitpad.ui.model_edits import ModelEdits
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.widgets.network_view import NetworkView

MARKED = 3  # units framed per layer for pushing the predicted class up, and as many for pushing it down
TOP_IMAGES = 9
Unit = tuple[int, int]  # hidden layer (from 1), unit


class UnitInspection(QObject):
    """Joins the network view's units to the model: ``busy()`` says a run is training (no edits then), ``status``
    shows a line in the window's status bar."""

    def __init__(self, view: NetworkView, prediction: DrawingPrediction, edits: ModelEdits,
                 busy: Callable[[], bool], status: Callable[[str], None]) -> None:
        super().__init__(view)
        self.view, self.panel, self.prediction, self.edits = view, view.unit_panel, prediction, edits
        self._busy, self._status = busy, status
        self.pinned: Unit | None = None
        self.hovered: Unit | None = None
        self.test: Dataset | None = None
        self.activations: TestSetActivations | None = None
        self._cached: tuple[Model, int] | None = None    # the model and weights version the cache belongs to
        self._as_trained: tuple[Model, float] | None = None  # a model's test accuracy before any step on a drawing
        self._cache_job: Job | None = None
        self._accuracy_job: Job | None = None
        self._weights_version = 0
        self._gains_before_off: dict[Unit, float] = {}  # what Ctrl+click gives a switched-off unit back
        self._gains_of: Model | None = None  # the model those gains belong to
        view.unit_pointed.connect(self._pointed)
        view.unit_clicked.connect(self._pin)
        view.unit_toggled.connect(self._toggle)
        view.gain_handler = self.set_gain
        self.panel.gain_changed.connect(self.set_gain)
        self.panel.reset_requested.connect(edits.reset)
        edits.weights_changed.connect(self._weights_changed)
        edits.changed.connect(self._measure)
        prediction.updated.connect(self.refresh)

    # -- what the person does -----------------------------------------------------
    def _pointed(self, layer: int, unit: int) -> None:
        self.hovered = (layer, unit) if unit >= 0 else None
        self._show_unit()

    def _pin(self, layer: int, unit: int) -> None:
        self.pinned = (layer, unit)
        self.refresh()

    def _toggle(self, layer: int, unit: int) -> None:
        """Ctrl+click: off, or back on at the gain it had before it was switched off."""
        self.pinned = (layer, unit)
        off = self.prediction.model.network.unit_gain(layer, unit) == 0
        self.set_gain(layer, unit, self._gains_before_off.get((layer, unit), 1.0) if off else 0.0)

    def set_gain(self, layer: int, unit: int, gain: float) -> None:
        """Multiply a hidden unit's output by ``gain`` (0: off); refused, with a word why, while a run trains.
        Raises ValueError for a unit the network does not have."""
        self.prediction.model.network.unit_gain(layer, unit)  # checks the unit
        if self._busy():
            self._status(translate("UnitInspection", "Units can be switched off once the training has ended: while "
                                                     "it runs, the view follows the run's network epoch by epoch."))
            self.refresh()  # the panel's check box and gain go back to what the network has
            return
        before = self.edits.model.network.unit_gain(layer, unit)
        if gain == 0 and before != 0:
            self._gains_before_off[(layer, unit)] = before
        self.edits.set_gain(layer, unit, gain)

    # -- showing ---------------------------------------------------------------
    def refresh(self) -> None:
        """Show the drawing's unit marks and the unit in the panel again (the drawing or the model changed)."""
        if not self.view.isVisible():
            return
        model = self.prediction.model
        self._forget_units_it_lacks(model.network)
        if model is not self._gains_of:
            self._gains_before_off.clear()
            self._gains_of = model
        drawing = self.prediction.drawing_units  # this drawing through this model
        if drawing is None:
            self.view.mark_units(self.pinned)
        else:
            network = model.network
            predicted = int(network.predict_from_scores(drawing.run.scores)[0])
            contributions = drawing.contributions(predicted)
            off = [np.flatnonzero(network.gains[layer] == 0) if layer in network.gains else ()
                   for layer in range(1, len(contributions) + 1)]
            self.view.mark_units(self.pinned, [strongest(c, MARKED, 1) for c in contributions],
                                 [strongest(c, MARKED, -1) for c in contributions], off,
                                 translate("UnitInspection", "the output") if network.spec.is_regression else
                                 fill(translate("UnitInspection", "“{name}”"), name=model.class_names[predicted]))
        self.panel.set_edited(self.edits.resettable and not self._busy())
        self._ensure_test_activations(model)
        if self._cached != (model, self._weights_version):  # no accuracy of another network or other weights
            self.panel.show_accuracy(None, None, translate("UnitInspection", "The test accuracy comes when the "
                                                                             "training has ended.")
                                     if self._busy() else "")
        self._show_unit()

    def _show_unit(self) -> None:
        model, unit = self.prediction.model, self.hovered or self.pinned
        drawing = self.prediction.drawing_units
        report = drawing.report(*unit) if unit and drawing is not None else None
        self.panel.show_unit(report, model.class_names)
        if report is None:
            return
        if self.activations is not None and self._cached == (model, self._weights_version):
            rows = self.activations.top_images(*unit, k=TOP_IMAGES)
            images = self.test.images[rows].reshape(-1, *self.test.image_shape) / self.test.max_value
            self.panel.show_top_images(images, "")
        else:
            self.panel.show_top_images(None, self._why_no_images(model))

    def _forget_units_it_lacks(self, network: MLP) -> None:
        sizes = network.spec.sizes[1:-1]
        for name in ("pinned", "hovered"):
            unit = getattr(self, name)
            if unit and not (unit[0] <= len(sizes) and unit[1] < sizes[unit[0] - 1]):
                setattr(self, name, None)

    # -- the test split, off the GUI thread ------------------------------------------
    def _why_no_images(self, model: Model) -> str:
        if self._busy():
            return translate("UnitInspection", "The test images this unit responds to most come when the training has "
                                               "ended.")
        if not model.dataset:
            return translate("UnitInspection", "The test images of the model’s dataset are not on this computer, so "
                                               "the images this unit responds to most cannot be shown.")
        if not is_named(model.dataset) or not is_available(model.dataset):
            return fill(translate("UnitInspection", "The test images of {dataset} are not on this computer, so the "
                                                    "images this unit responds to most cannot be shown."),
                        dataset=render(title(model.dataset)))
        return translate("UnitInspection", "Finding the test images this unit responds to most…")

    def _ensure_test_activations(self, model: Model) -> None:
        """Start the pass over the test split for this model and its weights, unless it is done or going."""
        key = (model, self._weights_version)
        if self._busy() or self._cached == key or not is_named(model.dataset) or not is_available(model.dataset):
            return
        if self._cache_job is not None:
            self._cache_job.cancel()
        self._cached, self.activations = key, None
        self.panel.show_accuracy(None, None, translate("UnitInspection", "Passing the test images through the "
                                                                         "network…"))
        network, source, scale = model.copy().network, model.dataset, model.input_scale
        trained = None  # steps were taken before any pass: the weights before them give "as trained"
        if self.edits.steps_taken and (self._as_trained is None or self._as_trained[0] is not model):
            trained = model.copy().network
            trained.set_weights(self.edits.weights_before_steps())
            trained.gains.clear()

        def compute(report, cancelled):
            test = load(source, "test")
            images = np.multiply(test.images, network.dtype(scale), dtype=network.dtype)
            as_trained = None if trained is None else evaluate(trained, test, scale).accuracy
            return test, TestSetActivations.compute(network, images, test.labels, report, cancelled), as_trained
        self._cache_job = job = Job(compute)
        job.progressed.connect(lambda share: self.panel.show_accuracy(None, None, fill(translate(
            "UnitInspection", "Passing the test images through the network… {share:.0%}"), share=share)))
        job.finished.connect(lambda found, key=key: self._test_activations_ready(key, *found))
        job.errored.connect(self._no_accuracy)
        job.start()

    def _test_activations_ready(self, key: tuple[Model, int], test: Dataset,
                                activations: TestSetActivations | None, as_trained: float | None) -> None:
        if key != self._cached or activations is None:
            return  # another model, other weights, or cancelled
        self.test, self.activations = test, activations
        if as_trained is not None:  # of the weights before the steps taken before this first pass
            self._as_trained = key[0], as_trained
        elif self._as_trained is None or self._as_trained[0] is not key[0] or not self.edits.steps_taken:
            self._as_trained = key[0], activations.trained_accuracy
        self._measure()
        self._show_unit()

    def _weights_changed(self) -> None:
        self._weights_version += 1

    def _measure(self) -> None:
        """Show the test accuracy with the current gains beside the one as trained (the edited one off the GUI
        thread: for a big network it is a good part of a forward pass over the test split)."""
        model, activations = self.prediction.model, self.activations
        if activations is None or self._cached != (model, self._weights_version):
            return
        as_trained = self._as_trained[1]
        if not model.network.gains:  # the weights as they are (stepped or not), without gains
            self.panel.show_accuracy(activations.trained_accuracy, as_trained)
            return
        if self._accuracy_job is not None:
            self._accuracy_job.cancel()
        network, key = model.copy().network, self._cached
        self.panel.show_accuracy(None, as_trained, translate("UnitInspection", "computing…"))
        self._accuracy_job = job = Job(lambda report, cancelled: activations.accuracy(network))
        job.finished.connect(lambda accuracy: self._show_accuracy(key, accuracy))
        job.errored.connect(self._no_accuracy)
        job.start()

    def _no_accuracy(self, message: str) -> None:
        self.panel.show_accuracy(None, None, fill(translate("UnitInspection", "No test accuracy: {error}"),
                                                  error=message))

    def _show_accuracy(self, key: tuple[Model, int], accuracy: float) -> None:
        if key == self._cached and self.activations is not None:
            self.panel.show_accuracy(accuracy, self._as_trained[1])
