"""Numerical gradient check: backprop against central differences in float64.

For each parameter array, sampled entries are nudged by ±eps and the change
of the objective (the mean loss, times the batch size when the gradient is a
sum) gives the numerical derivative. The relative error
``‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)`` is below ~1e-8 for a
correct backward pass; anything above 1e-6 means a bug.

The check runs on the maths a network trains with: given a ``head`` (the
learning lab installs its deliberate bugs as one), it checks that head's
gradient, not the engine's own. The output gradient dL/dz the head hands to
backprop is checked too, so a failure names where the numbers first part:
backprop runs from the output down, and a wrong dL/dz spoils every layer.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np

from digitpad.nn.layers import ACTIVATIONS
from digitpad.nn.losses import HEADS, Head
from digitpad.nn.network import MLP, NetworkSpec

TOLERANCE = 1e-6


@dataclass(frozen=True)
class CheckResult:
    spec: NetworkSpec
    errors: dict[str, float]  # parameter name → relative error
    output_error: float = 0.0  # of dL/dz, the gradient the head hands to the last layer

    @property
    def worst(self) -> float:
        return max(self.output_error, *self.errors.values())

    @property
    def passed(self) -> bool:
        return self.worst < TOLERANCE

    def first_failure(self) -> int | None:
        """Where backprop first disagrees with the slope, walking from the output down: the number of
        dense layers for the output gradient dL/dz, else the index of the highest failing dense layer;
        None when everything passes."""
        n_layers = len(self.spec.sizes) - 1
        if self.output_error >= TOLERANCE:
            return n_layers
        for i in reversed(range(n_layers)):
            if max(self.errors[f"W{i}"], self.errors.get(f"b{i}", 0.0)) >= TOLERANCE:
                return i
        return None


def gradient_check(spec: NetworkSpec, batch: int = 4, seed: int = 0, eps: float = 1e-6,
                   max_entries: int = 40, head: Head | None = None) -> CheckResult:
    """Compare backprop with central differences on a random batch.

    The network is rebuilt in float64 with ``spec``'s initialiser (scaled
    down for ``uniform`` so no unit saturates, which would make every
    gradient zero and the check vacuous). At most ``max_entries`` entries per
    parameter array are checked, so large architectures stay quick. ``head``
    (a network's own, e.g. a lab's deliberately wrong one) replaces the
    engine's head for ``spec``: heads hold no state but their reduction.
    """
    spec = replace(spec, dtype="float64")
    rng = np.random.default_rng(seed)
    model = MLP(spec, seed=rng)
    if head is not None:
        model.head = head
    if spec.init == "uniform":
        for _, p, _ in model.parameters():
            p *= 0.3
    for layer in model.dense_layers:
        if layer.has_bias:
            layer.params["b"][...] = rng.normal(0, 0.1, layer.n_out)
    x = rng.normal(0.0, 1.0, size=(batch, spec.sizes[0]))
    labels = rng.integers(0, model.n_classes, size=batch)
    targets = model.targets(labels)
    factor = batch if spec.reduction == "sum" else 1.0

    def objective() -> float:
        return model.head.loss_and_grad(model.forward(x), targets.copy())[0] * factor

    z = model.forward(x).copy()
    dz = model.head.loss_and_grad(z.copy(), targets.copy())[1]
    output_error = _relative_error(dz, z, lambda: model.head.loss_and_grad(z.copy(), targets.copy())[0] * factor,
                                   rng, eps, max_entries)
    model.train_step(x, targets)
    errors = {name: _relative_error(grad.copy(), param, objective, rng, eps, max_entries)
              for name, param, grad in model.parameters()}
    return CheckResult(spec, errors, output_error)


def _relative_error(analytic: np.ndarray, values: np.ndarray, objective, rng: np.random.Generator,
                    eps: float, max_entries: int) -> float:
    """Relative error of ``analytic`` d(objective)/d(values) against central differences, on sampled entries
    of ``values`` (nudged in place and put back)."""
    analytic = analytic.ravel()
    flat = values.ravel()  # a view: nudging it nudges the layer's weights
    picks = rng.choice(flat.size, size=min(max_entries, flat.size), replace=False)
    numeric = np.empty(len(picks))
    for j, i in enumerate(picks):
        keep = flat[i]
        flat[i] = keep + eps
        up = objective()
        flat[i] = keep - eps
        down = objective()
        flat[i] = keep
        numeric[j] = (up - down) / (2 * eps)
    a = analytic[picks]
    denom = np.linalg.norm(a) + np.linalg.norm(numeric)
    return float(np.linalg.norm(a - numeric) / denom) if denom > 0 else 0.0


def all_combinations(sizes: tuple[int, ...] = (6, 5, 4, 3)) -> list[NetworkSpec]:
    """Small networks covering every activation × head × bias × reduction,
    plus the one-output regression on label/10 (no bias, summed gradient)."""
    specs = [NetworkSpec(sizes, activation, output, loss, "glorot", bias, reduction)
             for activation, (output, loss), bias, reduction
             in itertools.product(ACTIVATIONS, HEADS, (True, False), ("mean", "sum"))]
    specs += [NetworkSpec(sizes[:-1] + (1,), "sigmoid", output, "mse", "uniform", False, "sum")
              for output in ("sigmoid", "identity")]
    return specs
