"""Numerical gradient check: backprop against central differences in float64.

For each parameter array, sampled entries are nudged by ±eps and the change
of the objective (the mean loss, times the batch size when the gradient is a
sum) gives the numerical derivative. The relative error
``‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)`` is below ~1e-8 for a
correct backward pass; anything above 1e-6 means a bug.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np

from digitpad.nn.layers import ACTIVATIONS
from digitpad.nn.losses import HEADS
from digitpad.nn.network import MLP, NetworkSpec

TOLERANCE = 1e-6


@dataclass(frozen=True)
class CheckResult:
    spec: NetworkSpec
    errors: dict[str, float]  # parameter name → relative error

    @property
    def worst(self) -> float:
        return max(self.errors.values())

    @property
    def passed(self) -> bool:
        return self.worst < TOLERANCE


def gradient_check(spec: NetworkSpec, batch: int = 4, seed: int = 0, eps: float = 1e-6,
                   max_entries: int = 40) -> CheckResult:
    """Compare backprop with central differences on a random batch.

    The network is rebuilt in float64 with ``spec``'s initialiser (scaled
    down for ``uniform`` so no unit saturates, which would make every
    gradient zero and the check vacuous). At most ``max_entries`` entries per
    parameter array are checked, so large architectures stay quick.
    """
    spec = replace(spec, dtype="float64")
    rng = np.random.default_rng(seed)
    model = MLP(spec, seed=rng)
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

    model.train_step(x, targets)
    errors = {}
    for name, param, grad in model.parameters():
        analytic = grad.copy().ravel()
        flat = param.ravel()  # a view: nudging it nudges the layer's weights
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
        errors[name] = float(np.linalg.norm(a - numeric) / denom) if denom > 0 else 0.0
    return CheckResult(spec, errors)


def all_combinations(sizes: tuple[int, ...] = (6, 5, 4, 3)) -> list[NetworkSpec]:
    """Small networks covering every activation × head × bias × reduction,
    plus the one-output regression on label/10 (no bias, summed gradient)."""
    specs = [NetworkSpec(sizes, activation, output, loss, "glorot", bias, reduction)
             for activation, (output, loss), bias, reduction
             in itertools.product(ACTIVATIONS, HEADS, (True, False), ("mean", "sum"))]
    specs += [NetworkSpec(sizes[:-1] + (1,), "sigmoid", output, "mse", "uniform", False, "sum")
              for output in ("sigmoid", "identity")]
    return specs
