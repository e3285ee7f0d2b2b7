"""Optimizers, simplest first, and learning-rate schedules.

An optimizer is handed the list of ``(param, grad, decay)`` triples once and
owns its state (velocities, Adam moments) in arrays of the same shapes. Every
update is in place: no new full-size arrays per step (L2 weight decay, off by
default, adds one), because the gradient arrays double as scratch: read them
before ``step()``. ``decay`` says whether L2 weight decay applies (weights
yes, biases no).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

Slot = tuple[np.ndarray, np.ndarray, bool]


class SGD:
    """Plain, momentum or Nesterov gradient descent.

    momentum: ``v ← μv + g; w ← w − lr·v``.
    Nesterov: the same velocity, but step along ``g + μv`` (the look-ahead).

    ``lr``, ``momentum`` and ``weight_decay`` may change between steps. With
    momentum 0 there is no velocity: the step is plain SGD. Whenever momentum
    becomes nonzero (at construction or later) the velocity starts from zero;
    its arrays are allocated the first time, then reused.
    """

    def __init__(self, slots: Sequence[Slot], lr: float, momentum: float = 0.0,
                 nesterov: bool = False, weight_decay: float = 0.0) -> None:
        self.slots, self.lr, self.momentum = list(slots), lr, momentum
        self.nesterov, self.weight_decay = nesterov, weight_decay
        self.velocity: list[np.ndarray] = []
        self._velocity_live = False  # whether velocity holds the running sum (false: start it from zero)

    def step(self) -> None:
        if self.momentum and not self._velocity_live:
            self._start_velocity()
        elif not self.momentum:
            self._velocity_live = False
        for i, (p, g, decay) in enumerate(self.slots):
            _add_decay(p, g, decay, self.weight_decay)
            lr = p.dtype.type(self.lr)
            if not self.momentum:
                g *= lr
                p -= g
                continue
            v = self.velocity[i]
            v *= self.momentum
            v += g
            if self.nesterov:
                g *= lr
                p -= g
                np.multiply(v, p.dtype.type(self.lr * self.momentum), out=g)
            else:
                np.multiply(v, lr, out=g)
            p -= g

    def state(self) -> dict:
        """Copies of what the next steps depend on besides lr, momentum and weight decay (a checkpoint's part)."""
        return {"velocity_live": self._velocity_live, "arrays": [v.copy() for v in self.velocity]}

    def load_state(self, state: dict) -> None:
        """Continue from :meth:`state`: the same velocities, so the next step is the one the saved run took."""
        self.velocity = _copies_like(state["arrays"], self.slots) if state["arrays"] else []
        self._velocity_live = bool(state["velocity_live"]) and bool(self.velocity)

    def _start_velocity(self) -> None:
        """A zero velocity: allocated on first use, zeroed in place when momentum turns on again."""
        if self.velocity:
            for v in self.velocity:
                v.fill(0)
        else:
            self.velocity = [np.zeros_like(p) for p, _, _ in self.slots]
        self._velocity_live = True


class Adam:
    """Adam: per-weight steps from running means of g and g², bias-corrected.

    Textbook: ``m ← β₁m + (1 − β₁)g``, ``v ← β₂v + (1 − β₂)g²``,
    ``w ← w − lr·m̂ / (√v̂ + ε)`` with ``m̂ = m / (1 − β₁ᵗ)``, ``v̂ = v / (1 − β₂ᵗ)``.
    To save passes over the arrays, ``m`` and ``v`` here hold those means
    divided by ``(1 − β)`` (``m ← β₁m + g``, like momentum's velocity); the
    constant factors move into the step size and ε, so the update is the same.
    """

    def __init__(self, slots: Sequence[Slot], lr: float, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8, weight_decay: float = 0.0) -> None:
        self.slots, self.lr, self.weight_decay = list(slots), lr, weight_decay
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = [np.zeros_like(p) for p, _, _ in self.slots]
        self.v = [np.zeros_like(p) for p, _, _ in self.slots]
        self.t = 0

    def state(self) -> dict:
        """Copies of what the next steps depend on besides lr and weight decay (a checkpoint's part)."""
        return {"t": self.t, "arrays": [a.copy() for a in (*self.m, *self.v)]}

    def load_state(self, state: dict) -> None:
        """Continue from :meth:`state`: the same moments and step count, so the next step is the saved run's."""
        arrays = _copies_like(state["arrays"], self.slots + self.slots)
        self.m, self.v, self.t = arrays[:len(self.slots)], arrays[len(self.slots):], int(state["t"])

    def step(self) -> None:
        self.t += 1
        # m̂ = (1 − β₁)m / c1 and √v̂ = √((1 − β₂)v / c2): fold both factors into one step size and one ε.
        c1, c2 = (1 - self.beta1 ** self.t) / (1 - self.beta1), (1 - self.beta2 ** self.t) / (1 - self.beta2)
        step_size = self.lr * math.sqrt(c2) / c1
        eps = self.eps * math.sqrt(c2)
        for (p, g, decay), m, v in zip(self.slots, self.m, self.v):
            _add_decay(p, g, decay, self.weight_decay)
            m *= self.beta1
            m += g
            v *= self.beta2
            np.multiply(g, g, out=g)  # g is scratch from here on: reuse it for g² and the step
            v += g
            np.sqrt(v, out=g)
            g += eps
            np.divide(m, g, out=g)
            g *= p.dtype.type(step_size)
            p -= g


def _copies_like(arrays: Sequence[np.ndarray], slots: Sequence[Slot]) -> list[np.ndarray]:
    """Copies of ``arrays`` in the dtypes of the slots' parameters; ValueError unless one per slot, shaped alike."""
    if len(arrays) != len(slots) or any(a.shape != p.shape for a, (p, _, _) in zip(arrays, slots)):
        raise ValueError("the optimizer state does not fit this network's parameters")
    return [np.array(a, dtype=p.dtype) for a, (p, _, _) in zip(arrays, slots)]


def _add_decay(p: np.ndarray, g: np.ndarray, decay: bool, weight_decay: float) -> None:
    if decay and weight_decay:
        g += p.dtype.type(weight_decay) * p


OPTIMIZERS = ("sgd", "momentum", "nesterov", "adam")
MOMENTUM_OPTIMIZERS = ("momentum", "nesterov")  # the ones momentum moves


def make_optimizer(name: str, slots: Sequence[Slot], lr: float, momentum: float = 0.9,
                   weight_decay: float = 0.0) -> SGD | Adam:
    """Build an optimizer by name; ``momentum`` is ignored by ``sgd`` and ``adam``."""
    if name == "sgd":
        return SGD(slots, lr, weight_decay=weight_decay)
    if name in MOMENTUM_OPTIMIZERS:
        return SGD(slots, lr, momentum=momentum, nesterov=name == "nesterov", weight_decay=weight_decay)
    if name == "adam":
        return Adam(slots, lr, weight_decay=weight_decay)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")


SCHEDULES = ("constant", "step", "cosine")


def scheduled_lr(schedule: str, base_lr: float, progress: float, step_every: float = 0.3,
                 step_gamma: float = 0.1) -> float:
    """Learning rate at ``progress`` ∈ [0, 1] of the run.

    constant: ``base_lr``. step: multiplied by ``step_gamma`` after each
    ``step_every`` share of the run. cosine: from ``base_lr`` down to 0 along
    half a cosine wave.
    """
    if schedule == "constant":
        return base_lr
    if schedule == "step":
        return base_lr * step_gamma ** math.floor(progress / step_every + 1e-9)
    if schedule == "cosine":
        return base_lr * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0)))
    raise ValueError(f"unknown schedule {schedule!r}; choose one of {', '.join(SCHEDULES)}")
