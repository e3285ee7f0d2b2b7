"""Optimizers against textbook reference updates; learning-rate schedules."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from digitpad.nn.optim import OPTIMIZERS, SGD, Adam, make_optimizer, scheduled_lr

STEPS = 5


def run(make, grads):
    """Apply ``make(slots)`` for each gradient in ``grads`` to w = [1, -2, 3]; return w."""
    w = np.array([1.0, -2.0, 3.0])
    g = np.zeros(3)
    opt = make([(w, g, True)])
    for grad in grads:
        g[...] = grad
        opt.step()
    return w


GRADS = [np.array([0.5, -1.0, 2.0]) * (k + 1) for k in range(STEPS)]


def test_plain_sgd():
    w = run(lambda s: SGD(s, lr=0.1), GRADS)
    np.testing.assert_allclose(w, np.array([1.0, -2.0, 3.0]) - 0.1 * sum(GRADS), atol=1e-12)


def test_momentum_and_nesterov_match_the_reference_formulas():
    for nesterov in (False, True):
        w, v = np.array([1.0, -2.0, 3.0]), np.zeros(3)
        for g in GRADS:
            v = 0.9 * v + g
            w = w - 0.1 * ((g + 0.9 * v) if nesterov else v)
        np.testing.assert_allclose(run(lambda s: SGD(s, 0.1, momentum=0.9, nesterov=nesterov), GRADS), w)


def test_adam_matches_the_paper():
    w, m, v = np.array([1.0, -2.0, 3.0]), np.zeros(3), np.zeros(3)
    for t, g in enumerate(GRADS, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w = w - 0.01 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    np.testing.assert_allclose(run(lambda s: Adam(s, lr=0.01), GRADS), w, rtol=1e-10)


def test_weight_decay_applies_to_weights_but_not_biases():
    w, b = np.ones(2), np.ones(2)
    gw, gb = np.zeros(2), np.zeros(2)
    SGD([(w, gw, True), (b, gb, False)], lr=0.5, weight_decay=0.1).step()
    np.testing.assert_allclose(w, 1 - 0.5 * 0.1)
    np.testing.assert_allclose(b, 1)


def test_updates_are_in_place_and_keep_float32():
    w = np.ones(3, dtype=np.float32)
    g = np.full(3, 0.5, dtype=np.float32)
    for name in ("sgd", "momentum", "nesterov", "adam"):
        before = w
        make_optimizer(name, [(w, g.copy(), True)], lr=0.1).step()
        assert w is before and w.dtype == np.float32


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_steps_allocate_no_full_size_temporaries(name):
    """A step reuses the gradient as scratch: its peak allocation stays far below one array."""
    w = np.ones(100_000, dtype=np.float32)
    g = np.full_like(w, 0.5)
    opt = make_optimizer(name, [(w, g, True)], lr=0.1)
    opt.step()  # any lazily built state is built here
    tracemalloc.start()
    try:
        opt.step()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < w.nbytes // 10


def run_changing(opt_name, schedule, **start):
    """Steps of ``make_optimizer(opt_name)`` on w = [1, -2, 3], setting ``schedule[k]``'s attributes before step k."""
    w, g = np.array([1.0, -2.0, 3.0]), np.zeros(3)
    opt = make_optimizer(opt_name, [(w, g, True)], **start)
    for k, grad in enumerate(GRADS):
        for key, value in schedule.get(k, {}).items():
            setattr(opt, key, value)
        g[...] = grad
        opt.step()
    return w


@pytest.mark.parametrize("nesterov", [False, True])
def test_momentum_can_start_at_zero_and_turn_on_later(nesterov):
    # Steps 0-1 plain SGD; from step 2 on, momentum 0.9 with the velocity starting from zero.
    w, v = np.array([1.0, -2.0, 3.0]), np.zeros(3)
    for k, g in enumerate(GRADS):
        if k < 2:
            w = w - 0.1 * g
            continue
        v = 0.9 * v + g
        w = w - 0.1 * ((g + 0.9 * v) if nesterov else v)
    name = "nesterov" if nesterov else "momentum"
    got = run_changing(name, {2: {"momentum": 0.9}}, lr=0.1, momentum=0.0)
    np.testing.assert_allclose(got, w, rtol=1e-12)
    assert not np.allclose(got, run_changing(name, {}, lr=0.1, momentum=0.0))  # it did change the updates


def test_momentum_turned_off_forgets_the_velocity_and_starts_again_from_zero():
    w, v = np.array([1.0, -2.0, 3.0]), np.zeros(3)
    for k, g in enumerate(GRADS):
        if k == 2:  # momentum 0: a plain step, and no memory of steps 0-1 afterwards
            w, v = w - 0.1 * g, np.zeros(3)
            continue
        v = 0.9 * v + g
        w = w - 0.1 * v
    got = run_changing("momentum", {2: {"momentum": 0.0}, 3: {"momentum": 0.9}}, lr=0.1, momentum=0.9)
    np.testing.assert_allclose(got, w, rtol=1e-12)


def test_learning_rate_and_weight_decay_can_change_between_steps():
    w, v = np.array([1.0, -2.0, 3.0]), np.zeros(3)
    for k, g in enumerate(GRADS):
        lr, wd = (0.1, 0.0) if k < 3 else (0.02, 0.5)
        v = 0.9 * v + g + wd * w
        w = w - lr * v
    got = run_changing("momentum", {3: {"lr": 0.02, "weight_decay": 0.5}}, lr=0.1, momentum=0.9)
    np.testing.assert_allclose(got, w, rtol=1e-12)


@pytest.mark.parametrize("name", ["momentum", "nesterov"])
def test_momentum_turned_on_later_allocates_once_then_steps_in_place(name):
    w = np.ones(100_000, dtype=np.float32)
    g = np.full_like(w, 0.5)
    opt = make_optimizer(name, [(w, g, True)], lr=0.1, momentum=0.0)
    opt.step()
    assert opt.velocity == []  # momentum 0 keeps no velocity
    opt.momentum = 0.9
    opt.step()  # the velocity is built here
    velocity = opt.velocity[0]
    tracemalloc.start()
    try:
        opt.step()
        opt.momentum = 0.0
        opt.step()
        opt.momentum = 0.5
        opt.step()  # on again: the same arrays, zeroed in place
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < w.nbytes // 10 and opt.velocity[0] is velocity


def test_unknown_optimizer_is_refused():
    with pytest.raises(ValueError, match="adam"):
        make_optimizer("rmsprop", [], lr=0.1)


@pytest.mark.parametrize("schedule, progress, expected", [
    ("constant", 0.7, 0.1),
    ("step", 0.0, 0.1), ("step", 0.29, 0.1), ("step", 0.31, 0.01), ("step", 0.61, 0.001),
    ("cosine", 0.0, 0.1), ("cosine", 0.5, 0.05), ("cosine", 1.0, 0.0),
])
def test_schedules(schedule, progress, expected):
    assert scheduled_lr(schedule, 0.1, progress) == pytest.approx(expected, abs=1e-12)
