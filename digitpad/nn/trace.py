"""Backpropagation with every intermediate number kept, for showing it: what enters each layer, its z, its δ.

:meth:`MLP.train_step` keeps nothing a learner could look at: it reuses
buffers and overwrites each array once the next step needs it. :func:`trace`
runs the same maths with arrays of its own, in float64 (so the numbers agree
with central differences to ~1e-8 and with a float32 network's own pass to
float32 precision), and leaves the network's weights and ``grads`` as they
were. It uses the network's own head (a lab's deliberately wrong one
included), its units' gains (a switched-off unit outputs 0 and gets δ = 0) and
the layers' own derivative code, on shallow copies that cache in themselves.
Its pass forward and back (:func:`forward_keeping`, :func:`backward_deltas`)
also carries the input gradient (:mod:`digitpad.nn.input_gradient`).

:func:`finite_difference` is the check beside it: the central difference of
the objective the gradient is taken of, the mean loss, times the batch when
the network sums its gradient over the batch.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from digitpad.nn.layers import Dense, Layer
from digitpad.nn.network import MLP
from digitpad.nn.products import product


@dataclass(frozen=True)
class Trace:
    """One forward and backward pass of a batch, every array ``(batch, units)`` in float64.

    ``inputs[k]`` enters Dense layer k (the batch ``x``, then each hidden
    layer's output after its gains), ``pre_activations[k]`` is that layer's
    z, ``deltas[k]`` its error signal ∂L/∂z, and ``gradients`` holds ∂L/∂
    each parameter by its :meth:`MLP.parameters` name (W0, b0, W1, …), as
    ``train_step`` puts them in the layers' ``grads``. ``outputs`` is the
    head's output activation of the last z.
    """

    loss: float
    inputs: list[np.ndarray]
    pre_activations: list[np.ndarray]
    deltas: list[np.ndarray]
    gradients: dict[str, np.ndarray]
    outputs: np.ndarray


def trace(network: MLP, x: np.ndarray, targets: np.ndarray) -> Trace:
    """Forward and backward through ``network`` for inputs ``x`` (batch, n_inputs) and ``targets``
    (:meth:`MLP.targets`), touching neither its weights nor its ``grads``."""
    weights = float64_weights(network)
    inputs, pre_activations, steps = forward_keeping(network, weights, np.array(x, dtype=np.float64, ndmin=2))
    z = pre_activations[-1]
    loss, delta = network.head.loss_and_grad(z.copy(), np.array(targets, dtype=np.float64))
    deltas = backward_deltas(weights, steps, delta)
    gradients = {}
    for k, (a, d) in enumerate(zip(inputs, deltas)):
        gradients[f"W{k}"] = product(a.T, d)
        if f"b{k}" in weights:
            gradients[f"b{k}"] = d.sum(axis=0)
    return Trace(float(loss), inputs, pre_activations, deltas, gradients, network.head.activate(z.copy()))


def finite_difference(network: MLP, x: np.ndarray, targets: np.ndarray, name: str, index: int,
                      eps: float = 1e-6) -> float:
    """Central difference of the objective with respect to entry ``index`` (flat) of parameter ``name``.

    The objective is what the gradient is taken of: the mean loss, times the
    batch size when the network's head sums its gradient over the batch. The
    network is read in float64 with its own head and gains; the nudged array
    is a copy, so the network's weights never move.
    """
    weights = float64_weights(network)
    if name not in weights:
        raise ValueError(f"the network has no parameter {name!r}; it has {', '.join(weights)}")
    nudged = weights[name] = weights[name].copy()
    flat = nudged.reshape(-1)
    if not 0 <= index < flat.size:
        raise ValueError(f"{name} has entries 0 to {flat.size - 1}, got {index}")
    x = np.array(x, dtype=np.float64, ndmin=2)
    targets = np.array(targets, dtype=np.float64)
    factor = len(x) if network.head.reduction == "sum" else 1.0

    def objective() -> float:
        z = forward_keeping(network, weights, x)[1][-1]
        return network.head.loss_and_grad(z, targets.copy())[0] * factor

    keep = flat[index]
    flat[index] = keep + eps
    up = objective()
    flat[index] = keep - eps
    down = objective()
    return (up - down) / (2 * eps)


def float64_weights(network: MLP) -> dict[str, np.ndarray]:
    """Every parameter by name in float64: a float32 network's cast once, a float64 network's own arrays (only
    read, never written)."""
    return {name: np.asarray(param, dtype=np.float64) for name, param, _ in network.parameters()}


Step = tuple[Layer, np.ndarray | None]  # a hidden activation's own copy (holding what its backward needs), its gains


def forward_keeping(network: MLP, weights: dict[str, np.ndarray], a: np.ndarray
                    ) -> tuple[list[np.ndarray], list[np.ndarray], list[Step]]:
    """What enters each Dense layer, each Dense layer's z, and each hidden activation's :data:`Step`, from
    float64 ``weights`` by name (:func:`float64_weights`); the network itself caches nothing."""
    inputs, pre_activations, steps = [], [], []
    for i, layer in enumerate(network.layers):
        if isinstance(layer, Dense):
            k = len(inputs)
            inputs.append(a)
            a = product(a, weights[f"W{k}"])
            if f"b{k}" in weights:
                a = a + weights[f"b{k}"]
            pre_activations.append(a)
        else:
            # A shallow copy keeps the layer's own derivative code but caches in the copy, not the network;
            # it works in place, so it gets its own copy of z.
            own = copy.copy(layer)
            a = own.forward(a.copy(), train=True)
            gain = network.gain_after(i)
            if gain is not None:
                a = a * gain
            steps.append((own, gain))
    return inputs, pre_activations, steps


def backward_deltas(weights: dict[str, np.ndarray], steps: list[Step], delta: np.ndarray) -> list[np.ndarray]:
    """Each Dense layer's δ from the last one's ``delta``, back through the :func:`forward_keeping` steps."""
    deltas = [delta]
    for k in reversed(range(1, len(steps) + 1)):
        own, gain = steps[k - 1]
        grad = product(deltas[0], weights[f"W{k}"].T)
        deltas.insert(0, own.backward(grad if gain is None else grad * gain))
    return deltas
