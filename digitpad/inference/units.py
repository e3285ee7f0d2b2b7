"""What one hidden unit does on the drawing: its numbers, its weights and its effect on each class score.

Everything is computed in the network's own dtype (as its predictions are) from one inference pass with the network's unit gains applied as every pass of
the engine applies them (:mod:`digitpad.nn.network`): a unit's *output* is its activation times its gain, so a
switched-off unit outputs 0. The *class scores* are the output layer's pre-activation z (before softmax or
sigmoid); for a one-output regression the one score is that output.

A hidden unit's effect on class c is ∂z_c/∂a, a being the unit's output: how much the score moves per unit of
output, through every layer above it (for the last hidden layer it is exactly the outgoing weight). Its
*contribution* to class c on the drawing is a × ∂z_c/∂a.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from digitpad.inference.predict import drawing_to_input
from digitpad.model.bundle import Model
from digitpad.nn.layers import Layer
from digitpad.nn.network import MLP
from digitpad.nn.products import product


@dataclass(frozen=True)
class _Pass:
    """One inference pass: each hidden layer's pre-activation z, output (gain applied) and slope
    ∂output/∂z (gain applied), then the class scores; each ``(1, units)``."""

    pre_activations: list[np.ndarray]
    outputs: list[np.ndarray]
    slopes: list[np.ndarray]
    scores: np.ndarray


def _slope(layer: Layer, z: np.ndarray) -> np.ndarray:
    """The activation's derivative at ``z`` by the engine's own backward, run on a private copy of the layer so
    the cached arrays of a training pass (perhaps running on another thread) are never touched."""
    private = copy.copy(layer)
    private.forward(z.copy(), train=True)
    return private.backward(np.ones_like(z))


def _forward(network: MLP, x: np.ndarray) -> _Pass:
    values = np.asarray(x, dtype=network.dtype)
    pre, outputs, slopes = [], [], []
    for i, layer in enumerate(network.layers):
        gain = network.gain_after(i)
        if i % 2:  # a hidden activation: values hold its pre-activation z
            pre.append(values)
            slope = _slope(layer, values)
            values = layer.forward(values, train=False)
            if gain is not None:
                values, slope = values * gain, slope * gain
            outputs.append(values)
            slopes.append(slope)
        else:
            values = layer.forward(values, train=False)
    return _Pass(pre, outputs, slopes, values)


def _class_rows(network: MLP, run: _Pass, klass: int) -> list[np.ndarray]:
    """Per hidden layer ``(units,)``, ∂z_klass/∂(its outputs), from the top down: the last hidden layer's is its
    outgoing weights to ``klass``; each one below goes back through one (gained) slope and one Dense layer."""
    dense = network.dense_layers
    row = dense[-1].params["W"][:, klass][None, :]
    found = [row[0]]
    for layer in range(len(run.outputs) - 1, 0, -1):  # hidden layer l+1 (0-based index `layer`) down to l
        row = product(row * run.slopes[layer], dense[layer].params["W"].T)
        found.append(row[0])
    return found[::-1]


def _unit_effect(network: MLP, run: _Pass, layer: int, unit: int) -> np.ndarray:
    """∂z/∂(output of unit ``unit`` of hidden layer ``layer``) ``(n_out,)``, from the bottom up: the next layer's
    z moves by the unit's outgoing weights, and each layer above passes that on through its slope and weights."""
    dense = network.dense_layers
    effect = dense[layer].params["W"][unit, :][None, :]
    for above in range(layer, len(run.outputs)):  # hidden layer above+1 (0-based index `above`) and up
        effect = product(effect * run.slopes[above], dense[above + 1].params["W"])
    return effect[0]


def score_sensitivities(network: MLP, x: np.ndarray) -> list[np.ndarray]:
    """For each hidden layer, the Jacobian ``(n_out, units)`` of the class scores z with respect to that layer's
    outputs (gains applied) on the one input ``x`` ``(1, n_inputs)``: entry [c, u] is ∂z_c/∂a_u."""
    run = _forward(network, x)
    rows = [_class_rows(network, run, klass) for klass in range(network.spec.sizes[-1])]
    return [np.stack(layer) for layer in zip(*rows)]


@dataclass(frozen=True, eq=False)
class UnitReport:
    """One hidden unit on one drawing (hidden layers counted from 1, units from 0).

    ``activation`` is the unit's output (gain applied: 0 when switched off) and ``pre_activation`` the weighted
    sum z = x·w + b it came from. ``incoming`` ``(n_prev,)`` are the weights from the layer below (the input
    pixels for the first hidden layer, shown as an image of ``input_shape``, which is None deeper);
    ``outgoing`` ``(n_next,)`` the weights to the next layer (the output layer after the last hidden layer:
    ``next_is_output``), as trained: a gain scales the unit's output, not these. ``to_classes`` ``(n_out,)`` is
    ∂z_c/∂a on this drawing, the effect of the unit's output on each class score (the outgoing weights for the
    last hidden layer).
    """

    layer: int
    unit: int
    activation: float
    pre_activation: float
    gain: float
    incoming: np.ndarray
    input_shape: tuple[int, int] | None
    bias: float | None
    outgoing: np.ndarray
    next_is_output: bool
    to_classes: np.ndarray


def _frozen(values: np.ndarray) -> np.ndarray:
    values = np.array(values, dtype=np.float64)
    values.setflags(write=False)
    return values


class DrawingUnits:
    """One drawing through one network, for everything asked about its hidden units from one inference pass (the
    window asks for the contributions to the predicted class on every drawing, and for a unit's report on every
    hover). Each question takes one product per layer of a single row: the full Jacobians would take ten."""

    def __init__(self, model: Model, x: np.ndarray) -> None:
        self.model, self.network, self.x = model, model.network, x
        self.run = _forward(self.network, x)

    def layer_values(self) -> list[np.ndarray]:
        """Every layer's values, as the network view shows them: the input as the network receives it (after
        preprocessing and input scaling, ``(n_inputs,)``), each hidden layer's output, then the class
        probabilities as :meth:`MLP.predict_proba` gives them (a one-output regression: its output value)."""
        network, scores = self.network, self.run.scores.copy()
        last = network.head.activate(scores)[0] if network.spec.is_regression else \
            network.probabilities_from_scores(scores)[0]
        return [self.x[0], *(output[0] for output in self.run.outputs), last]

    def report(self, layer: int, unit: int) -> UnitReport:
        """What unit ``unit`` of hidden layer ``layer`` does on the drawing (ValueError for one the network lacks)."""
        network, run = self.network, self.run
        gain = network.unit_gain(layer, unit)  # checks the layer and unit
        below, above = network.dense_layers[layer - 1], network.dense_layers[layer]
        return UnitReport(
            layer=layer, unit=unit, activation=float(run.outputs[layer - 1][0, unit]),
            pre_activation=float(run.pre_activations[layer - 1][0, unit]), gain=gain,
            incoming=_frozen(below.params["W"][:, unit]),
            input_shape=tuple(self.model.input_shape) if layer == 1 else None,
            bias=float(below.params["b"][unit]) if below.has_bias else None,
            outgoing=_frozen(above.params["W"][unit, :]), next_is_output=layer == len(network.dense_layers) - 1,
            to_classes=_frozen(_unit_effect(network, run, layer, unit)))

    def contributions(self, klass: int) -> list[np.ndarray]:
        """Per hidden layer ``(units,)``, each unit's contribution to the score of class ``klass``: its output
        times the score's sensitivity to it, a_u × ∂z_klass/∂a_u (for the last hidden layer exactly a_u × the
        outgoing weight to ``klass``). Positive pushed the class up, negative down; a switched-off unit
        contributes 0. The contributions are first-order: they do not add up to the score unless the layers
        above are linear. A one-output regression has one score, used for every class."""
        score = 0 if self.network.spec.is_regression else klass
        if not 0 <= score < self.network.spec.sizes[-1]:
            raise ValueError(f"the network has classes 0 to {self.network.spec.sizes[-1] - 1}, got {klass}")
        rows = _class_rows(self.network, self.run, score)
        return [output[0] * row for output, row in zip(self.run.outputs, rows)]


def drawing_units(model: Model, drawing: np.ndarray) -> DrawingUnits | None:
    """``drawing`` through ``model`` for questions about its hidden units; None when the drawing has no ink."""
    return DrawingUnits(model, drawing_to_input(model, drawing)) if np.any(drawing > 0) else None


def unit_report(model: Model, drawing: np.ndarray, layer: int, unit: int) -> UnitReport | None:
    """What unit ``unit`` of hidden layer ``layer`` does on ``drawing`` (:meth:`DrawingUnits.report`); None when the
    drawing has no ink. Raises ValueError for a layer or unit the network does not have."""
    model.network.unit_gain(layer, unit)  # checks the layer and unit, ink or not
    units = drawing_units(model, drawing)
    return None if units is None else units.report(layer, unit)


def class_contributions(model: Model, drawing: np.ndarray, klass: int) -> list[np.ndarray] | None:
    """Each hidden unit's contribution to class ``klass`` on ``drawing`` (:meth:`DrawingUnits.contributions`);
    None when the drawing has no ink."""
    units = drawing_units(model, drawing)
    return None if units is None else units.contributions(klass)


def strongest(values: np.ndarray, k: int, sign: int = 0) -> np.ndarray:
    """Indices of the ``k`` values largest in magnitude, largest first (ties keep index order). ``sign`` 1 looks
    only at positive values, -1 only at negative ones, so fewer than ``k`` may come back."""
    values = np.asarray(values, dtype=np.float64)
    candidates = np.flatnonzero(values * sign > 0) if sign else np.arange(len(values))
    order = np.argsort(-np.abs(values[candidates]), kind="stable")
    return candidates[order[:max(k, 0)]]
