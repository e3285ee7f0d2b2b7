"""Backprop in numbers is the engine's backprop: the traced δs and gradients equal what ``train_step`` fills in
and central differences of the loss, for every activation, head, bias and reduction, with units switched off
and scaled, and with the lab's wrong head; one step on a drawing is w − lr·g and leaves the model alone."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from support.models import make_model

from digitpad.inference.backprop import (
    DEFAULT_LR,
    backprop_numbers,
    format_number,
    learning_rate,
    one_step,
    weight_chain,
)
from digitpad.inference.predict import drawing_to_input
from digitpad.lab.mistakes import apply_mistakes, recording_mistakes
from digitpad.nn.gradcheck import all_combinations
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.nn.trace import finite_difference, trace

SPECS = all_combinations() + all_combinations((7, 6, 3))[::5] + all_combinations((5, 4, 4, 3, 3))[::7]


def drawing() -> np.ndarray:
    """A 28×28 seven: a bar across the top and a stroke down."""
    image = np.zeros((28, 28), np.float32)
    image[5:8, 7:21] = 1.0
    image[8:23, 15:18] = 1.0
    return image


def engine_gradients(network: MLP, x: np.ndarray, targets: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
    """The mean loss and every gradient as the engine's own training pass leaves them."""
    loss = network.head.loss_and_grad(network.forward(x), targets.copy())[0]
    network.train_step(x, targets)
    return loss, {name: grad.copy() for name, _, grad in network.parameters()}


def edited(network: MLP) -> MLP:
    """Unit 0 of every hidden layer switched off, unit 1 scaled by 1.7."""
    for layer in range(1, len(network.spec.sizes) - 1):
        network.set_unit_gain(layer, 0, 0.0)
        network.set_unit_gain(layer, 1, 1.7)
    return network


@pytest.mark.parametrize("spec", SPECS, ids=repr)
def test_the_trace_is_the_engines_backward_pass_and_the_slope_of_the_loss(spec):
    network = edited(MLP(replace(spec, dtype="float64"), seed=2))
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3, spec.sizes[0]))
    targets = network.targets(rng.integers(0, network.n_classes, size=3))
    weights = network.get_weights()
    t = trace(network, x, targets)
    loss, grads = engine_gradients(network, x, targets)
    assert t.loss == pytest.approx(loss, rel=1e-12)
    assert list(t.gradients) == [name for name, _, _ in network.parameters()]
    for name, grad in grads.items():
        np.testing.assert_allclose(t.gradients[name], grad, rtol=1e-10, atol=1e-14)
    # The output δ is what the head hands to backprop; each layer's gradient is what enters it times its δ.
    np.testing.assert_allclose(t.deltas[-1], network.head.loss_and_grad(t.pre_activations[-1].copy(),
                                                                        targets.copy())[1], rtol=1e-12)
    for k, (a, d) in enumerate(zip(t.inputs, t.deltas)):
        np.testing.assert_allclose(t.gradients[f"W{k}"], a.T @ d, rtol=1e-12, atol=1e-15)
    for k in range(1, len(t.inputs)):  # a switched-off unit: no output, no error signal
        assert np.all(t.inputs[k][:, 0] == 0) and np.all(t.deltas[k - 1][:, 0] == 0)
    np.testing.assert_allclose(t.inputs[1], network.hidden_activations(x)[0], rtol=1e-12)
    np.testing.assert_allclose(t.pre_activations[-1], network.forward(x), rtol=1e-12)
    for name, grad in grads.items():
        for index in range(0, grad.size, max(1, grad.size // 5)):
            numeric = finite_difference(network, x, targets, name, index)
            assert numeric == pytest.approx(grad.ravel()[index], rel=1e-5, abs=1e-8), (name, index)
    # Tracing moved nothing: the weights are as they were, the grads still those of train_step.
    t = trace(network, x * 2, targets)
    assert all(np.array_equal(w, weights[name]) for name, w in network.get_weights().items())
    assert all(np.array_equal(grad, grads[name]) for name, _, grad in network.parameters())


def test_a_float32_network_is_traced_in_float64_and_agrees_with_its_own_pass():
    network = edited(MLP(NetworkSpec((20, 12, 8, 10), activation="tanh"), seed=3))
    x = np.random.default_rng(1).normal(size=(4, 20)).astype(np.float32)
    targets = network.targets(np.array([1, 4, 4, 9]))
    t = trace(network, x, targets)
    loss, grads = engine_gradients(network, x, targets)
    assert t.loss == pytest.approx(loss, rel=1e-5) and t.gradients["W0"].dtype == np.float64
    for name, grad in grads.items():
        np.testing.assert_allclose(t.gradients[name], grad, rtol=1e-4, atol=1e-6)


def test_a_summed_gradient_is_checked_against_the_summed_objective():
    network = MLP(NetworkSpec((6, 5, 3), reduction="sum", dtype="float64"), seed=1)
    x = np.random.default_rng(2).normal(size=(5, 6))
    targets = network.targets(np.array([0, 1, 2, 2, 1]))
    t = trace(network, x, targets)
    mean = MLP(replace(network.spec, reduction="mean"), seed=1)
    np.testing.assert_allclose(t.gradients["W1"], 5 * trace(mean, x, targets).gradients["W1"], rtol=1e-12)
    assert finite_difference(network, x, targets, "W1", 4) == pytest.approx(t.gradients["W1"].ravel()[4], rel=1e-6)


def small_model(spec: NetworkSpec, seed: int = 1, **changes):
    return make_model(network=MLP(spec, seed=seed), **changes)


@pytest.mark.parametrize("spec", all_combinations((64, 9, 7, 10))[::3], ids=repr)
def test_the_drawings_numbers_are_the_engines_for_every_head(spec):
    model = small_model(replace(spec, dtype="float32"))
    edited(model.network)
    image = drawing()
    x = drawing_to_input(model, image)
    for label in (2, model.network.n_classes - 1):
        numbers = backprop_numbers(model, image, label)
        targets = model.network.targets(np.array([label]))
        loss, grads = engine_gradients(model.network, x, targets)
        assert numbers.label == label and numbers.loss == pytest.approx(loss, rel=1e-5, abs=1e-7)
        for name, grad in grads.items():
            np.testing.assert_allclose(numbers.gradients[name], grad, rtol=1e-4, atol=1e-6)
        hidden, outputs = model.network.activations(x)
        shown = numbers.activations
        assert len(shown) == len(numbers.deltas) + 1 and all(v.ndim == 1 for v in shown + numbers.deltas)
        np.testing.assert_allclose(shown[0], x[0], rtol=1e-6)
        for got, want in zip(shown[1:-1], hidden):
            np.testing.assert_allclose(got, want[0], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(shown[-1], outputs[0], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(numbers.probabilities, model.network.predict_proba(x)[0], rtol=1e-5, atol=1e-7)
        # The chain rule for one weight of each layer, and its central difference.
        for layer, delta in enumerate(numbers.deltas):
            target = int(np.argmax(np.abs(delta)))
            source = int(np.argmax(np.abs(shown[layer])))
            chain = weight_chain(model, image, label, layer, source, target)
            assert weight_chain(model, image, label, layer, source, target, numbers=numbers) == chain
            assert chain.delta == delta[target] and chain.activation == shown[layer][source]
            assert chain.gradient == pytest.approx(chain.delta * chain.activation, rel=1e-12)
            assert chain.gradient == pytest.approx(float(grads[f"W{layer}"][source, target]), rel=1e-4, abs=1e-7)
            weight = float(model.network.dense_layers[layer].params["W"][source, target])
            assert chain.weight == weight and (chain.lr, chain.lr_recorded) == (0.001, True)
            assert chain.stepped == pytest.approx(weight - 0.001 * chain.gradient, rel=1e-12)
            assert chain.finite_difference == pytest.approx(chain.gradient, rel=1e-4, abs=1e-8)
            assert chain.relative_difference < 1e-4


def test_with_the_labs_wrong_head_the_output_delta_is_not_p_minus_y_and_the_slope_says_so():
    model = small_model(NetworkSpec((64, 12, 10), activation="sigmoid"), seed=4)
    apply_mistakes(["softmax_derivative"], model.network)
    model = recording_mistakes(model)
    assert model.mistakes == ("softmax_derivative",)
    image, label = drawing(), 3
    numbers = backprop_numbers(model, image, label)
    p, y = numbers.activations[-1], np.eye(10)[label]
    np.testing.assert_allclose(numbers.deltas[-1], (p - y) * p * (1 - p), rtol=1e-6, atol=1e-12)
    assert not np.allclose(numbers.deltas[-1], p - y, atol=1e-3)
    _, grads = engine_gradients(model.network, drawing_to_input(model, image), model.network.targets(np.array([3])))
    for name, grad in grads.items():  # the view's numbers are the mistaken engine's: what the lab run trained with
        np.testing.assert_allclose(numbers.gradients[name], grad, rtol=1e-4, atol=1e-7)
    chain = weight_chain(model, image, label, 1, int(np.argmax(numbers.activations[1])), label)
    assert chain.relative_difference > 0.5  # finite differences follow the loss: they give p − y
    assert chain.finite_difference == pytest.approx((p[label] - 1) * numbers.activations[1].max(), rel=1e-4)
    note = str(numbers.note)  # the English sentence
    assert "(p − y)·p(1 − p), not p − y" in note and "“3”" in note
    assert format_number(float(numbers.deltas[-1][label])) in note and format_number(float(p[label] - 1)) in note
    plain = backprop_numbers(small_model(NetworkSpec((64, 12, 10), activation="sigmoid"), seed=4), image, label)
    assert "not p − y" not in str(plain.note) and "the output δ is p − y" in str(plain.note)


@pytest.mark.parametrize("output", ["sigmoid", "identity"])
def test_a_regression_is_told_its_target_is_label_over_ten(output):
    spec = NetworkSpec((64, 9, 1), activation="tanh", output=output, loss="mse", bias=False, reduction="sum")
    model = small_model(spec, seed=2)
    numbers = backprop_numbers(model, drawing(), 3)
    a = float(numbers.activations[-1][0])
    slope = a * (1 - a) if output == "sigmoid" else 1.0
    assert numbers.regression and numbers.deltas[-1] == pytest.approx([(a - 0.3) * slope], rel=1e-5)
    note = str(numbers.note)  # the English sentence
    assert "y = 3/10 = 0.3" in note and format_number(float(numbers.deltas[-1][0])) in note
    assert "sums the gradient" in note  # and its reduction is said
    assert numbers.loss == pytest.approx(0.5 * (a - 0.3) ** 2, rel=1e-5)


def test_the_default_label_is_the_predicted_class_and_an_empty_drawing_has_no_numbers():
    model = make_model()
    image = drawing()
    numbers = backprop_numbers(model, image)
    assert numbers.label == numbers.predicted == int(np.argmax(numbers.probabilities))
    assert numbers.class_names == tuple("0123456789") and numbers.input_shape == (8, 8)
    empty = np.zeros((28, 28), np.float32)
    assert backprop_numbers(model, empty, 3) is None
    with pytest.raises(ValueError, match="no ink"):
        weight_chain(model, empty, 3, 0, 0, 0)
    with pytest.raises(ValueError, match="labels are 0 to 9"):
        backprop_numbers(model, image, 10)
    with pytest.raises(ValueError, match="no entry"):
        weight_chain(model, image, 3, 0, 64, 0)


def test_one_step_is_w_minus_lr_g_and_leaves_the_model_as_it_was():
    model = small_model(NetworkSpec((64, 16, 8, 10), activation="relu"), seed=3,
                        hyperparameters={"optimizer": "momentum", "lr": 0.2})
    edited(model.network)
    image, label = drawing(), 6
    before = model.network.get_weights()
    weights = one_step(model, image, label)
    assert all(np.array_equal(w, before[name]) for name, w in model.network.get_weights().items())
    _, grads = engine_gradients(model.copy().network, drawing_to_input(model, image),
                                model.network.targets(np.array([label])))
    assert list(weights) == list(before)
    for name, w in weights.items():
        assert w.dtype == before[name].dtype
        np.testing.assert_allclose(w, before[name] - 0.2 * grads[name], rtol=1e-5, atol=1e-7)
    stepped = model.copy()
    stepped.network.set_weights(weights)
    assert backprop_numbers(stepped, image, label).loss < backprop_numbers(model, image, label).loss


def test_the_learning_rate_is_the_models_or_a_said_default():
    assert learning_rate(make_model()) == (0.001, True)
    for hyperparameters in ({}, {"lr": "fast"}, {"lr": 0.0}, {"lr": float("nan")}, {"lr": True}):
        assert learning_rate(make_model(hyperparameters=hyperparameters)) == (DEFAULT_LR, False)
    chain = weight_chain(make_model(hyperparameters={}), drawing(), 1, 0, 20, 3)
    assert (chain.lr, chain.lr_recorded) == (DEFAULT_LR, False)


def test_numbers_are_written_with_a_real_minus_and_confident_probabilities_keep_their_distance_from_one():
    assert format_number(-0.0123456) == "−0.01235" and format_number(0.5) == "0.5"
    assert format_number(0.9999668) == "0.9999668" and format_number(1.0) == "1"
