"""Dead and saturated hidden units: one definition and one set of thresholds for the doctor, the lab and Look inside.

A *saturated* value sits where its activation's curve is nearly flat, so
almost no gradient flows back through it: a sigmoid output outside
[0.01, 0.99] (slope under 0.01, a 25th of its largest) or a tanh output with
|a| > 0.99 (slope under 0.02). A *dead* unit is never positive on any row of
a batch: a ReLU there passes back no gradient at all, a leaky ReLU only α
times it. The doctor's thresholds for how many of either is a problem live
with its rules in :mod:`digitpad.training.diagnosis`.
"""

from __future__ import annotations

import numpy as np

SIGMOID_EDGE = 0.01  # sigmoid values below this or above 1 − this are saturated
TANH_EDGE = 0.99     # |tanh| above this is saturated
SATURATING = ("sigmoid", "tanh")
CAN_DIE = ("relu", "leaky_relu")


def saturated(values: np.ndarray, activation: str) -> np.ndarray | None:
    """Which of ``values`` (any shape, outputs of ``activation``) are saturated; None if it never saturates."""
    if activation == "sigmoid":
        return (values < SIGMOID_EDGE) | (values > 1 - SIGMOID_EDGE)
    if activation == "tanh":
        return np.abs(values) > TANH_EDGE
    return None


def dead_units(values: np.ndarray, activation: str) -> np.ndarray | None:
    """Which units (columns of ``(batch, units)`` outputs) are never positive; None if ``activation`` cannot die."""
    if activation not in CAN_DIE:
        return None
    return ~np.any(values > 0, axis=0)


def saturated_share(values: np.ndarray, activation: str) -> float | None:
    """The share of ``values`` that are saturated (None if the activation never saturates or there are none)."""
    mask = saturated(values, activation)
    return float(np.mean(mask)) if mask is not None and mask.size else None


def dead_share(values: np.ndarray, activation: str) -> float | None:
    """The share of units never positive on the batch ``(batch, units)`` (None if they cannot die or no rows)."""
    mask = dead_units(values, activation)
    return float(np.mean(mask)) if mask is not None and len(values) else None
