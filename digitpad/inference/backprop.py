"""Backpropagation in numbers for one drawing and a true label: the loss, each layer's δ, every gradient, one
weight's chain rule beside its finite difference, and one step of gradient descent on the drawing alone.

The drawing is a batch of one, so a gradient summed over the batch and one
averaged over it agree here. The numbers come from :func:`digitpad.nn.trace.trace`,
with the model's own head and reduction: a lab model whose head carries the
deliberate softmax-derivative mistake gets that mistake's δ, and the note says
so (the model names its mistakes in :attr:`Model.mistakes`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.inference.predict import drawing_to_input, input_range
from digitpad.model.bundle import Model
from digitpad.nn.trace import finite_difference, trace

# The learning rate a step takes when the model records none (a model made outside digitpad's trainer):
# the trainer's own default (training.config.TrainConfig.lr; inference may not import training).
DEFAULT_LR = 0.05
# Below this size a gradient and its central difference are both at the level of the difference's rounding
# noise, so their relative difference is taken against it instead.
TINY = 1e-8
# The nudge of a weight's central difference: 1e-6 leaves a tiny gradient at float64's rounding noise
# (~1e-16 × loss / eps), a larger one risks nudging a ReLU unit across its kink; 1e-5 is between the two.
FD_EPS = 1e-5


@dataclass(frozen=True)
class BackpropNumbers:
    """One drawing's backward pass for ``label``, each array 1-D.

    ``activations``: the input as the network receives it, each hidden
    layer's output (after its gains), the output activation; entry k is the
    aᵢ of weight array W{k}. ``deltas``: ∂L/∂z of each Dense layer (entry k
    is the δⱼ of W{k}). ``gradients``: ∂L/∂ each parameter (W0, b0, …).
    ``note`` says what the model's head computes at the output, with this
    label's numbers (and the lab's mistake or a summed gradient when there).
    """

    label: int
    predicted: int
    loss: float
    activations: list[np.ndarray]
    deltas: list[np.ndarray]
    gradients: dict[str, np.ndarray]
    probabilities: np.ndarray
    note: Text
    class_names: tuple[str, ...]
    input_shape: tuple[int, int]
    input_range: float
    regression: bool

    @property
    def delta_norms(self) -> list[float]:
        """‖δ‖ of each Dense layer: how big the error signal reaching it is."""
        return [float(np.linalg.norm(delta)) for delta in self.deltas]


@dataclass(frozen=True)
class WeightChain:
    """The chain rule for weight W{layer}[source, target] with the numbers of one drawing and label."""

    layer: int
    source: int
    target: int
    delta: float  # δ of unit ``target`` of Dense layer ``layer``
    activation: float  # a of unit ``source`` entering that layer
    gradient: float  # δ × a
    weight: float
    lr: float
    lr_recorded: bool  # False: the model records no learning rate, DEFAULT_LR is used
    stepped: float  # weight − lr × gradient
    finite_difference: float
    relative_difference: float  # |gradient − finite difference| / max(|gradient|, |finite difference|, TINY)


def backprop_numbers(model: Model, drawing: np.ndarray, label: int | None = None) -> BackpropNumbers | None:
    """The backward pass of ``drawing`` (2-D, ink high, in [0, 1]) for true ``label`` (None: the predicted
    class); None for a drawing with no ink."""
    if not np.any(drawing > 0):
        return None
    network = model.network
    x = drawing_to_input(model, drawing)
    predicted = int(network.predict(x)[0])
    label = predicted if label is None else _checked_label(label, network.n_classes)
    targets = network.targets(np.array([label]))
    t = trace(network, x, targets)
    activations = [a[0] for a in t.inputs] + [t.outputs[0]]
    deltas = [d[0] for d in t.deltas]
    names = tuple(model.class_names) if len(model.class_names) == network.n_classes else \
        tuple(str(i) for i in range(network.n_classes))
    note = _note(model, names[label], label, activations[-1], targets[0].astype(np.float64), deltas[-1])
    return BackpropNumbers(label, predicted, t.loss, activations, deltas, t.gradients,
                           network.predict_proba(x)[0].astype(np.float64), note, names, tuple(model.input_shape),
                           input_range(model), network.spec.is_regression)


def weight_chain(model: Model, drawing: np.ndarray, label: int, layer: int, source: int, target: int,
                 numbers: BackpropNumbers | None = None) -> WeightChain:
    """∂L/∂W{layer}[source, target] = δ_target × a_source for ``drawing`` and ``label``, the step it makes and its
    central finite difference; ValueError for a drawing with no ink or a weight the network does not have.

    ``numbers``: :func:`backprop_numbers` of this model, drawing and label when already at hand (not computed
    again)."""
    if numbers is None or numbers.label != label:
        numbers = _numbers(model, drawing, label)
    if not 0 <= layer < len(numbers.deltas):
        raise ValueError(f"weight arrays are numbered 0 to {len(numbers.deltas) - 1}, got {layer}")
    n_in, n_out = len(numbers.activations[layer]), len(numbers.deltas[layer])
    if not (0 <= source < n_in and 0 <= target < n_out):
        raise ValueError(f"W{layer} is {n_in}×{n_out}, it has no entry [{source}, {target}]")
    network = model.network
    gradient = float(numbers.gradients[f"W{layer}"][source, target])
    weight = float(network.dense_layers[layer].params["W"][source, target])
    lr, recorded = learning_rate(model)
    x = drawing_to_input(model, drawing)
    numeric = finite_difference(network, x, network.targets(np.array([numbers.label])), f"W{layer}",
                                source * n_out + target, FD_EPS)
    relative = abs(gradient - numeric) / max(abs(gradient), abs(numeric), TINY)
    return WeightChain(layer, source, target, float(numbers.deltas[layer][target]),
                       float(numbers.activations[layer][source]), gradient, weight, lr, recorded,
                       weight - lr * gradient, numeric, relative)


def one_step(model: Model, drawing: np.ndarray, label: int) -> dict[str, np.ndarray]:
    """Every parameter after one plain gradient-descent step on ``drawing`` alone, w − lr·g with the model's
    learning rate (no momentum, no weight decay), in the network's dtype; the model is left as it was."""
    numbers = _numbers(model, drawing, label)
    lr, _ = learning_rate(model)
    return {name: (param - lr * numbers.gradients[name]).astype(param.dtype)
            for name, param, _ in model.network.parameters()}


def learning_rate(model: Model) -> tuple[float, bool]:
    """The learning rate the model was trained with (``hyperparameters["lr"]``) and True, or
    :data:`DEFAULT_LR` and False when it records none usable (a positive finite number)."""
    value = model.hyperparameters.get("lr")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0:
        return float(value), True
    return DEFAULT_LR, False


def format_number(value: float) -> str:
    """A number as the backprop view and its notes write it: 4 significant digits, a real minus sign; a number
    within 0.001 of ±1 (a confident probability) with enough decimals to show its distance from 1."""
    gap = 1.0 - abs(value)
    if 0 < gap < 1e-3:
        text = format(float(value), f".{min(15, math.ceil(-math.log10(gap)) + 2)}g")
    else:
        text = format(float(value), ".4g")
    return text.replace("-", "−")


class Figure(float):
    """A number that a sentence's field writes as :func:`format_number` does: in a Text's English, and in the
    window's ``fill`` with the locale's decimal comma (it is a float, so ``fill`` localises it)."""

    def __format__(self, spec: str) -> str:
        return format_number(self) if not spec else super().__format__(spec)


def _numbers(model: Model, drawing: np.ndarray, label: int) -> BackpropNumbers:
    numbers = backprop_numbers(model, drawing, label)
    if numbers is None:
        raise ValueError("a drawing with no ink has no loss and no gradient")
    return numbers


def _checked_label(label: int, n_classes: int) -> int:
    if not 0 <= label < n_classes:
        raise ValueError(f"labels are 0 to {n_classes - 1}, got {label}")
    return int(label)


def _note(model: Model, name: str, label: int, outputs: np.ndarray, targets: np.ndarray, deltas: np.ndarray) -> Text:
    """What the output layer's δ is for this model's head, with the numbers of the label's class."""
    spec = model.network.spec
    unit = 0 if spec.is_regression else label  # a regression's one output, else the label's class
    a, y, d = (Figure(v) for v in (outputs[unit], targets[unit], deltas[unit]))
    numbers = {"name": name, "a": a, "y": y, "d": d}
    if spec.is_regression and spec.output == "sigmoid":
        text = QT_TRANSLATE_NOOP(
            "Backprop", "A regression on label/10: for “{name}” the target is y = {label}/10 = {y}. δ = (a − y)·f′(z), "
                        "f′ = a(1 − a) for a sigmoid output: ({a} − {y}) × {f_prime} = {d}."
        ).fill(label=label, f_prime=Figure(a * (1 - a)), **numbers)
    elif spec.is_regression:
        text = QT_TRANSLATE_NOOP(
            "Backprop", "A regression on label/10: for “{name}” the target is y = {label}/10 = {y}. δ = (a − y)·f′(z), "
                        "f′ = 1 for an identity output: ({a} − {y}) × {f_prime} = {d}."
        ).fill(label=label, f_prime=Figure(1.0), **numbers)
    elif "softmax_derivative" in model.mistakes:
        text = QT_TRANSLATE_NOOP(
            "Backprop", "This model carries the lab's mistake “softmax derivative applied twice”: its output δ is "
                        "(p − y)·p(1 − p), not p − y. For “{name}”: ({a} − {y}) × {a} × {one_minus_a} = {d} instead "
                        "of {a_minus_y}. Finite differences follow the loss itself, so they disagree with these "
                        "gradients.").fill(one_minus_a=Figure(1 - a), a_minus_y=Figure(a - y), **numbers)
    elif spec.output == "softmax":
        text = QT_TRANSLATE_NOOP(
            "Backprop", "Softmax with cross-entropy: the output δ is p − y. For “{name}”: {a} − {y} = {d}."
        ).fill(**numbers)
    elif spec.loss == "bce":
        text = QT_TRANSLATE_NOOP(
            "Backprop", "Sigmoid outputs with binary cross-entropy: each output's δ is p − y. "
                        "For “{name}”: {a} − {y} = {d}.").fill(**numbers)
    elif spec.output == "sigmoid":
        text = QT_TRANSLATE_NOOP(
            "Backprop", "Squared error on sigmoid outputs: δ = (a − y)·a(1 − a). "
                        "For “{name}”: ({a} − {y}) × {a} × {one_minus_a} = {d}.").fill(one_minus_a=Figure(1 - a),
                                                                                       **numbers)
    else:
        text = QT_TRANSLATE_NOOP(
            "Backprop", "Squared error on identity outputs: δ = a − y. For “{name}”: {a} − {y} = {d}.").fill(**numbers)
    if model.network.head.reduction == "sum":
        text = QT_TRANSLATE_NOOP(
            "Backprop", "{note} This model sums the gradient over a mini-batch instead of averaging it: for this one "
                        "image the two agree, but a mini-batch of 128 images steps 128 times as far.").fill(note=text)
    return text
