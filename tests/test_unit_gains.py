"""A hidden unit's gain (the network view's switched-off and scaled units) in every pass of the engine: a unit
switched off outputs 0 and changes the outputs exactly as zeroing its activation by hand does; gradients of the
edited network match central differences; the input gradient and a model's copy keep the gains."""

from __future__ import annotations

import numpy as np
import pytest
from support.models import make_model

from digitpad.nn.gradcheck import all_combinations
from digitpad.nn.input_gradient import input_gradient
from digitpad.nn.layers import Dense
from digitpad.nn.network import MLP, NetworkSpec


def by_hand(network: MLP, x: np.ndarray, zeroed: dict[int, list[int]], scale: dict | None = None) -> np.ndarray:
    """The last Dense output with the listed hidden units' activations set to 0 (or scaled) by hand."""
    hidden = 0
    for layer in network.layers:
        x = layer.forward(x, train=False)
        if not isinstance(layer, Dense):
            hidden += 1
            x = x.copy()
            x[:, zeroed.get(hidden, [])] = 0
            for (layer_no, unit), factor in (scale or {}).items():
                if layer_no == hidden:
                    x[:, unit] *= factor
    return x


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu", "identity"])
def test_a_switched_off_unit_outputs_zero_and_changes_the_outputs_as_zeroing_it_does(activation):
    network = MLP(NetworkSpec((12, 7, 5, 4), activation=activation), seed=3)
    x = np.random.default_rng(0).normal(size=(6, 12)).astype(np.float32)
    before = network.forward(x)
    network.set_unit_gain(1, 2, 0.0)
    network.set_unit_gain(2, 4, 0.0)
    hidden, _ = network.activations(x)
    assert np.all(hidden[0][:, 2] == 0) and np.all(hidden[1][:, 4] == 0)
    np.testing.assert_allclose(network.forward(x), by_hand(network, x, {1: [2], 2: [4]}), rtol=1e-6, atol=1e-6)
    assert not np.allclose(network.forward(x), before)
    network.set_unit_gain(1, 2, 1.0)
    network.set_unit_gain(2, 4, 1.0)
    assert network.gains == {}  # all back to 1: the plain passes again
    np.testing.assert_array_equal(network.forward(x), before)


def test_a_scaled_unit_scales_its_output():
    network = MLP(NetworkSpec((8, 6, 3)), seed=1)
    x = np.abs(np.random.default_rng(1).normal(size=(4, 8))).astype(np.float32)
    plain = network.hidden_activations(x)[0]
    network.set_unit_gain(1, 5, 2.5)
    assert network.unit_gain(1, 5) == 2.5 and network.unit_gain(1, 0) == 1.0
    np.testing.assert_allclose(network.hidden_activations(x)[0][:, 5], 2.5 * plain[:, 5], rtol=1e-6)
    np.testing.assert_allclose(network.forward(x), by_hand(network, x, {}, {(1, 5): 2.5}), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("spec", all_combinations()[::7], ids=repr)
def test_gradients_of_an_edited_network_match_central_differences(spec):
    network = MLP(NetworkSpec(spec.sizes, spec.activation, spec.output, spec.loss, "glorot", spec.bias,
                              spec.reduction, "float64"), seed=2)
    rng = np.random.default_rng(4)
    x = rng.normal(size=(3, spec.sizes[0]))
    targets = network.targets(rng.integers(0, network.n_classes, size=3))
    for layer in range(1, len(spec.sizes) - 1):
        network.set_unit_gain(layer, 0, 0.0)
        network.set_unit_gain(layer, 1, 1.7)
    network.train_step(x, targets)
    factor = 3 if spec.reduction == "sum" else 1
    for name, param, grad in network.parameters():
        analytic = grad.copy()
        flat = param.ravel()
        for i in range(0, flat.size, max(1, flat.size // 6)):
            keep = flat[i]
            flat[i] = keep + 1e-6
            up = network.head.loss_and_grad(network.forward(x), targets.copy())[0] * factor
            flat[i] = keep - 1e-6
            down = network.head.loss_and_grad(network.forward(x), targets.copy())[0] * factor
            flat[i] = keep
            assert analytic.ravel()[i] == pytest.approx((up - down) / 2e-6, rel=1e-5, abs=1e-8), (name, i)


def test_the_input_gradient_sees_a_switched_off_unit():
    network = MLP(NetworkSpec((6, 4, 3), activation="tanh", dtype="float64"), seed=5)
    x = np.random.default_rng(2).normal(size=(1, 6))
    network.set_unit_gain(1, 1, 0.0)
    numeric = np.empty(6)
    for i in range(6):
        up, down = x.copy(), x.copy()
        up[0, i] += 1e-6
        down[0, i] -= 1e-6
        numeric[i] = (np.log(network.predict_proba(up)[0, 2]) - np.log(network.predict_proba(down)[0, 2])) / 2e-6
    np.testing.assert_allclose(input_gradient(network, x, 2)[0], numeric, rtol=1e-5, atol=1e-9)


def test_a_models_copy_keeps_its_gains_apart():
    model = make_model()
    model.network.set_unit_gain(1, 3, 0.0)
    copy = model.copy()
    assert copy.network.unit_gain(1, 3) == 0.0
    copy.network.set_unit_gain(1, 3, 1.0)
    assert model.network.unit_gain(1, 3) == 0.0


def test_unit_numbers_out_of_range_are_refused():
    network = MLP(NetworkSpec((4, 3, 2)))
    with pytest.raises(ValueError, match="hidden layers are numbered 1 to 1"):
        network.set_unit_gain(2, 0, 0.0)
    with pytest.raises(ValueError, match="units 0 to 2"):
        network.set_unit_gain(1, 3, 0.0)
    with pytest.raises(ValueError, match="finite"):
        network.set_unit_gain(1, 0, float("nan"))
