"""Backprop in numbers in the window: joins the :class:`BackpropView` to the numerics of
:mod:`digitpad.inference.backprop`.

The window hands in the current model and canvas image whenever either
changes (:meth:`BackpropPresenter.set_subject`); numbers are computed only
while the view can be seen, and when it comes into sight. The true label is
the predicted class until the learner picks one, and goes back to following
the prediction when the canvas is cleared. A picked weight stays picked across
drawings while the network keeps its shape. "Take one step" computes the
weights after one step and asks the window to apply them
(``step_requested``); the window then hands the stepped model in again, and
the view shows how the loss and the probabilities moved since the step.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from digitpad.inference.backprop import (
    BackpropNumbers,
    backprop_numbers,
    one_step,
    weight_chain,
)
from digitpad.model.bundle import Model
from digitpad.ui.widgets.backprop_view import BackpropView


class BackpropPresenter(QObject):
    """Keeps a :class:`BackpropView` true to the model and the drawing."""

    step_requested = Signal(object, int)  # every parameter after one step on the drawing (W0, b0, …), the label
    undo_requested = Signal()

    def __init__(self, view: BackpropView) -> None:
        super().__init__(view)
        self.view = view
        self._model: Model | None = None
        self._drawing: np.ndarray | None = None
        self._shape: tuple = ()  # the network's sizes and classes: a weight or label pick holds while they do
        self._label: int | None = None  # None: the predicted class
        self._weight: tuple[int, int, int] | None = None  # (layer, source, target)
        self._before: BackpropNumbers | None = None  # the numbers before the step now applied
        view.shown.connect(self.refresh)
        view.label_picked.connect(self._pick_label)
        view.weight_picked.connect(self._pick_weight)
        view.step_clicked.connect(self._step)
        view.undo_clicked.connect(self.undo_requested)

    def set_subject(self, model: Model | None, drawing: np.ndarray | None) -> None:
        """Show backprop for ``model`` on ``drawing`` (the canvas image) from now on."""
        shape = () if model is None else (model.network.spec.sizes, tuple(model.class_names))
        if shape != self._shape:
            self._label, self._weight, self._before = None, None, None
        drawing = None if drawing is None else np.array(drawing, copy=True)
        if drawing is None or not np.any(drawing > 0):
            self._label, self._before = None, None  # a cleared canvas: the label follows the prediction again
        elif self._drawing is not None and not np.array_equal(drawing, self._drawing):
            self._before = None  # another drawing: the step's before and after no longer compare
        self._model, self._drawing, self._shape = model, drawing, shape
        self.refresh()

    def set_step_applied(self, applied: bool) -> None:
        """Whether a step is applied to the window's model (Undo step takes it back)."""
        self.view.set_step_applied(applied)
        if not applied and self._before is not None:
            self._before = None
            self.refresh()

    def refresh(self) -> None:
        """Compute and show the numbers, if the view can be seen."""
        if not self.view.isVisible():
            return
        numbers = self._numbers()
        chain = None
        if numbers is not None and self._weight is not None:
            chain = weight_chain(self._model, self._drawing, numbers.label, *self._weight, numbers=numbers)
        self.view.show_numbers(numbers, chain, self._before if numbers is not None else None)

    def _numbers(self) -> BackpropNumbers | None:
        if self._model is None or self._drawing is None:
            return None
        return backprop_numbers(self._model, self._drawing, self._label)

    def _pick_label(self, label: int) -> None:
        self._label, self._before = label, None
        self.refresh()

    def _pick_weight(self, layer: int, source: int, target: int) -> None:
        self._weight = (layer, source, target)
        self.refresh()

    def _step(self) -> None:
        numbers = self._numbers()
        if numbers is None:
            return
        # The label stays as it was for the step, so before and after are of the same loss.
        self._label, self._before = numbers.label, numbers
        self.step_requested.emit(one_step(self._model, self._drawing, numbers.label), numbers.label)
