"""Weight initialisers. Biases always start at zero.

Each takes ``(fan_in, fan_out)`` and a ``numpy.random.Generator`` so a network
is reproducible from its seed.
"""

from __future__ import annotations

import numpy as np


def uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """U(−1, 1) whatever the layer size: large nets saturate at once with it."""
    return rng.uniform(-1.0, 1.0, size=(fan_in, fan_out))


def normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """N(0, 0.01²): small fixed scale, so the signal shrinks layer after layer."""
    return rng.normal(0.0, 0.01, size=(fan_in, fan_out))


def glorot(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Glorot/Xavier uniform: U(±√(6 / (fan_in + fan_out))), keeps variance for tanh/sigmoid."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def he(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """He normal: N(0, 2 / fan_in), keeps variance through ReLU layers."""
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


INITIALISERS = {"uniform": uniform, "normal": normal, "glorot": glorot, "he": he}
