"""What one hidden unit does, in the engine's numbers: a unit's report (activation, pre-activation, weights, effect
on each class) equals the engine's pass and central differences, with gains, for many architectures, 8×8 and 28×28
inputs and a regression; the test-set cache finds a unit's top images and the accuracy of an edited network exactly
as a full forward pass does."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from support.models import make_model

from digitpad.data.loading import load
from digitpad.inference import unit_stats
from digitpad.inference.predict import drawing_to_input
from digitpad.inference.unit_stats import TestSetActivations
from digitpad.inference.units import (
    class_contributions,
    score_sensitivities,
    strongest,
    unit_report,
)
from digitpad.model.bundle import Model
from digitpad.nn.gradcheck import all_combinations
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.evaluate import evaluate

DRAWING = np.zeros((28, 28), np.float32)
DRAWING[5:22, 13:16] = 1.0
DRAWING[5:8, 8:20] = 0.7  # a seven


def model_for(spec: NetworkSpec, seed: int = 1) -> Model:
    """A model of ``spec`` (its input 64 = 8×8 or 784 = 28×28 pixels) with random weights and biases and some
    units switched off or scaled."""
    network = MLP(spec, seed=seed)
    rng = np.random.default_rng(seed)
    for dense in network.dense_layers:
        if dense.has_bias:
            dense.params["b"][...] = rng.normal(0, 0.3, dense.n_out)
    for layer, units in enumerate(spec.sizes[1:-1], start=1):
        network.set_unit_gain(layer, units - 1, 0.0)
        network.set_unit_gain(layer, 0, 1.7)
    if spec.sizes[0] == 64:
        return make_model(network=network)
    return make_model(network=network, input_shape=(28, 28), preprocessing="mnist-28", input_scale=1 / 255)


SPECS = [dataclasses.replace(spec, dtype="float64") for spec in all_combinations((64, 9, 7, 10))[::9]] + [
    NetworkSpec((64, 5, 1), "sigmoid", "identity", "mse", bias=False, dtype="float64"),  # a regression
    NetworkSpec((64, 8, 7, 6, 5, 10), "tanh", dtype="float64"),
    NetworkSpec((784, 16, 10), "relu", dtype="float64"),
    NetworkSpec((784, 12, 6, 10), "leaky_relu", "sigmoid", "bce", dtype="float64"),
]
FLOAT32 = [NetworkSpec((64, 9, 7, 10), "relu"), NetworkSpec((784, 10, 10), "sigmoid")]


def tolerance_of(spec: NetworkSpec) -> dict[str, float]:
    """How close float64 numbers must come to the engine's float32 or float64 pass."""
    return {"rtol": 1e-5, "atol": 1e-6} if spec.dtype == "float32" else {"rtol": 1e-10, "atol": 1e-12}


def engine_values(model: Model) -> tuple[np.ndarray, list[np.ndarray], np.ndarray]:
    """The network input, every hidden layer's output (gains applied) and the class scores, from the engine."""
    x = drawing_to_input(model, DRAWING)
    return x, model.network.hidden_activations(x), model.network.forward(x)


def plain_activation(network: MLP, x: np.ndarray, layer: int, unit: int) -> float:
    """f(z) of one unit with gain 1 (its own gain changes nothing below or in it)."""
    gain = network.unit_gain(layer, unit)
    network.set_unit_gain(layer, unit, 1.0)
    value = float(network.hidden_activations(x)[layer - 1][0, unit])
    network.set_unit_gain(layer, unit, gain)
    return value


def central_difference(network: MLP, x: np.ndarray, layer: int, unit: int, h: float = 1e-6) -> np.ndarray:
    """∂z/∂a of one unit by the engine's own forward pass: its output is gain × f(z), so nudging the gain by ±h
    nudges the output by ±h·f(z)."""
    gain, plain = network.unit_gain(layer, unit), plain_activation(network, x, layer, unit)
    network.set_unit_gain(layer, unit, gain + h)
    up = network.forward(x)[0]
    network.set_unit_gain(layer, unit, gain - h)
    down = network.forward(x)[0]
    network.set_unit_gain(layer, unit, gain)
    return (up - down) / (2 * h * plain)


@pytest.mark.parametrize("spec", SPECS + FLOAT32, ids=repr)
def test_a_units_report_holds_the_engines_numbers(spec):
    model = model_for(spec)
    network = model.network
    x, hidden, _ = engine_values(model)
    tolerance = tolerance_of(spec)
    for layer, units in enumerate(spec.sizes[1:-1], start=1):
        below, above = network.dense_layers[layer - 1], network.dense_layers[layer]
        inputs = x if layer == 1 else hidden[layer - 2]
        z = inputs[0].astype(np.float64) @ below.params["W"] + (below.params["b"] if below.has_bias else 0)
        for unit in (0, units // 2, units - 1):  # scaled by 1.7, as trained, switched off
            report = unit_report(model, DRAWING, layer, unit)
            assert (report.layer, report.unit, report.gain) == (layer, unit, network.unit_gain(layer, unit))
            np.testing.assert_allclose(report.activation, hidden[layer - 1][0, unit], **tolerance)
            np.testing.assert_allclose(report.pre_activation, z[unit], **tolerance)
            np.testing.assert_array_equal(report.incoming, below.params["W"][:, unit])
            np.testing.assert_array_equal(report.outgoing, above.params["W"][unit])
            assert report.bias == (float(below.params["b"][unit]) if below.has_bias else None)
            assert report.input_shape == (model.input_shape if layer == 1 else None)
            assert len(report.to_classes) == spec.sizes[-1] and report.next_is_output == (layer == len(spec.sizes) - 2)
        assert report.activation == 0.0  # the last unit is switched off: it outputs 0
    assert unit_report(model, np.zeros((28, 28), np.float32), 1, 0) is None  # no ink: nothing to report
    with pytest.raises(ValueError):
        unit_report(model, DRAWING, len(spec.sizes) - 1, 0)  # the output layer is not a hidden layer


@pytest.mark.parametrize("spec", SPECS, ids=repr)
def test_the_effect_on_each_class_matches_central_differences(spec):
    model = model_for(spec)
    network = model.network
    x = drawing_to_input(model, DRAWING)
    sensitivities = score_sensitivities(network, x)
    assert [s.shape for s in sensitivities] == [(spec.sizes[-1], units) for units in spec.sizes[1:-1]]
    checked = 0
    for layer, units in enumerate(spec.sizes[1:-1], start=1):
        for unit in range(units):
            if abs(plain_activation(network, x, layer, unit)) < 1e-2:
                continue  # f(z) ≈ 0: nudging the gain does not move the output
            expected = central_difference(network, x, layer, unit)
            np.testing.assert_allclose(sensitivities[layer - 1][:, unit], expected, rtol=1e-5, atol=1e-7)
            np.testing.assert_allclose(unit_report(model, DRAWING, layer, unit).to_classes, expected,
                                       rtol=1e-5, atol=1e-7)
            checked += 1
    assert checked >= len(spec.sizes) - 2  # at least one unit per layer on average
    last = len(spec.sizes) - 2
    np.testing.assert_array_equal(sensitivities[-1], network.dense_layers[-1].params["W"].T)
    np.testing.assert_array_equal(unit_report(model, DRAWING, last, 1).to_classes,
                                  network.dense_layers[-1].params["W"][1])


@pytest.mark.parametrize("spec", SPECS + FLOAT32, ids=repr)
def test_class_contributions_are_output_times_sensitivity(spec):
    model = model_for(spec)
    network = model.network
    x, hidden, scores = engine_values(model)
    sensitivities = score_sensitivities(network, x)
    klass = 7 if spec.is_regression else spec.sizes[-1] - 3
    output = 0 if spec.is_regression else klass  # a regression has one score, for every class
    contributions = class_contributions(model, DRAWING, klass)
    W = network.dense_layers[-1].params["W"]
    tolerance = tolerance_of(spec)
    np.testing.assert_allclose(contributions[-1], hidden[-1][0] * W[:, output], **tolerance)
    for layer, (values, sensitivity) in enumerate(zip(contributions, sensitivities)):
        np.testing.assert_allclose(values, hidden[layer][0] * sensitivity[output], **tolerance)
        assert values[-1] == 0.0  # switched off: no contribution
    # The last layer's contributions and the bias make up the score the engine computes.
    bias = network.dense_layers[-1].params["b"][output] if spec.bias else 0.0
    np.testing.assert_allclose(contributions[-1].sum() + bias, scores[0, output], **tolerance)
    assert class_contributions(model, np.zeros((28, 28)), klass) is None
    if not spec.is_regression:
        with pytest.raises(ValueError):
            class_contributions(model, DRAWING, spec.sizes[-1])


def test_contributions_of_a_linear_network_add_up_to_the_score_at_every_layer():
    spec = NetworkSpec((64, 9, 7, 10), "identity", bias=False, dtype="float64")
    model = model_for(spec)
    _, _, scores = engine_values(model)
    for values in class_contributions(model, DRAWING, 4):
        assert values.sum() == pytest.approx(scores[0, 4], rel=1e-10)


def test_strongest_orders_by_magnitude_and_sign():
    values = np.array([0.5, -2.0, 1.0, 0.0, -0.25, 3.0])
    assert strongest(values, 3).tolist() == [5, 1, 2]
    assert strongest(values, 3, sign=1).tolist() == [5, 2, 0]
    assert strongest(values, 3, sign=-1).tolist() == [1, 4]  # only two pushed down
    assert strongest(values, 0).tolist() == [] and strongest(values, 99).tolist() == [5, 1, 2, 0, 4, 3]


# -- the test-set cache ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def digits():
    """The bundled 8×8 digits: the training split to train on, the test split as network input and labels."""
    train, test = load("digits8x8", "train"), load("digits8x8", "test")
    return train, test


def trained(spec: NetworkSpec, train) -> MLP:
    """A network trained a little on the 8×8 digits (plain full-batch gradient descent), so units matter."""
    network = MLP(spec, seed=4)
    x, targets = train.images / np.float32(16), network.targets(train.labels)
    for _ in range(150):
        network.train_step(x, targets)
        for _, param, grad in network.parameters():
            param -= 0.5 * grad
    return network


CACHE_SPECS = [NetworkSpec((64, 32, 16, 10), "relu"), NetworkSpec((64, 20, 10), "sigmoid", "sigmoid", "bce"),
               NetworkSpec((64, 12, 10, 8, 6, 10), "tanh"),
               NetworkSpec((64, 16, 1), "sigmoid", "identity", "mse", bias=False)]


def cached(network: MLP, test) -> TestSetActivations:
    return TestSetActivations.compute(network, test.images / np.float32(16), test.labels, lambda share: None,
                                      lambda: False)


@pytest.mark.parametrize("spec", CACHE_SPECS, ids=repr)
def test_the_accuracy_of_an_edited_network_is_a_full_forward_pass(spec, digits):
    train, test = digits
    network = trained(spec, train)
    x = test.images / np.float32(16)
    cache = cached(network, test)
    assert cache.trained_accuracy == evaluate(network, test, 1 / 16).accuracy
    assert cache.accuracy(network) == cache.trained_accuracy
    rng = np.random.default_rng(0)
    hidden = len(spec.sizes) - 2
    for edits in ([(hidden, 3, 0.0)], [(1, 2, 0.0)], [(1, 0, 0.0), (1, 5, 2.5), (hidden, 1, 0.3)],
                  [(layer, unit, 0.0) for layer in range(1, hidden + 1)
                   for unit in rng.choice(spec.sizes[layer], spec.sizes[layer] // 2, replace=False)]):
        for layer, unit, gain in edits:
            network.set_unit_gain(layer, int(unit), gain)
        assert cache.accuracy(network) == evaluate(network, test, 1 / 16).accuracy
        assert cache.accuracy(network) == np.mean(network.predict(x) == test.labels)
        network.gains.clear()
    for layer in range(1, hidden + 1):  # switching off half of every layer changes the accuracy: edits are seen
        for unit in range(0, spec.sizes[layer], 2):
            network.set_unit_gain(layer, unit, 0.0)
    assert cache.accuracy(network) != cache.trained_accuracy


def test_the_cache_refuses_other_weights_and_ignores_the_gains_it_was_computed_with(digits):
    train, test = digits
    network = trained(CACHE_SPECS[0], train)
    network.set_unit_gain(1, 4, 0.0)
    cache = cached(network, test)
    plain = MLP(network.spec)
    plain.set_weights(network.get_weights())
    assert cache.trained_accuracy == evaluate(plain, test, 1 / 16).accuracy  # as trained: without the gain
    assert cache.accuracy(network) == evaluate(network, test, 1 / 16).accuracy
    network.dense_layers[1].params["W"][3, 2] += 1e-3
    with pytest.raises(ValueError, match="other weights"):
        cache.accuracy(network)


def test_the_pass_goes_in_chunks_reports_its_progress_and_stops_when_cancelled(digits, monkeypatch):
    train, test = digits
    network = trained(CACHE_SPECS[0], train)
    whole = cached(network, test)
    monkeypatch.setattr(unit_stats, "CHUNK", 100)
    shares = []
    chunked = TestSetActivations.compute(network, test.images / np.float32(16), test.labels, shares.append,
                                         lambda: False)
    assert shares == [100 / 359, 200 / 359, 300 / 359, 1.0]
    for a, b in zip(whole.pre_activations, chunked.pre_activations):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)
    calls = []
    assert TestSetActivations.compute(network, test.images / np.float32(16), test.labels, calls.append,
                                      lambda: len(calls) == 2) is None
    assert calls == [100 / 359, 200 / 359]


@pytest.mark.parametrize("spec", CACHE_SPECS, ids=repr)
def test_top_images_are_those_of_largest_activation(spec, digits):
    train, test = digits
    network = trained(spec, train)
    network.set_unit_gain(1, 1, 0.0)  # a gain changes what the unit outputs, not what it looks for
    cache = cached(network, test)
    plain = MLP(spec)
    plain.set_weights(network.get_weights())
    x = test.images / np.float32(16)
    hidden = plain.hidden_activations(x)
    for layer in range(1, len(spec.sizes) - 1):
        inputs = x if layer == 1 else hidden[layer - 2]
        dense = plain.dense_layers[layer - 1]
        z = inputs.astype(np.float64) @ dense.params["W"] + (dense.params["b"] if dense.has_bias else 0)
        for unit in (0, 1, spec.sizes[layer] - 1):
            top = cache.top_images(layer, unit)
            assert len(top) == 9 and len(set(top.tolist())) == 9
            assert top.tolist() == np.argsort(-z[:, unit], kind="stable")[:9].tolist()
            activations = hidden[layer - 1][:, unit]
            np.testing.assert_array_equal(activations[top], np.sort(activations)[::-1][:9])
    assert len(cache.top_images(1, 0, k=1000)) == len(test)
