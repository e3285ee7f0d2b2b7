"""Layers, heads, network: values, stability and gradient checks."""

from __future__ import annotations

import numpy as np
import pytest

from digitpad.common.errors import ConfigError
from digitpad.nn.gradcheck import TOLERANCE, all_combinations, gradient_check
from digitpad.nn.input_gradient import input_gradient
from digitpad.nn.layers import ACTIVATIONS
from digitpad.nn.losses import HEADS, make_head, softmax
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.nn.trace import trace


@pytest.mark.parametrize("spec", all_combinations(), ids=lambda s: f"{s.activation}-{s.output}-{s.loss}-"
                         f"{'bias' if s.bias else 'nobias'}-{s.reduction}-{s.sizes[-1]}out")
def test_backprop_matches_numerical_gradient(spec):
    result = gradient_check(spec)
    assert result.worst < TOLERANCE, result.errors


def test_gradient_check_covers_every_activation_and_head():
    specs = all_combinations()
    assert {s.activation for s in specs} == set(ACTIVATIONS)
    assert {(s.output, s.loss) for s in specs} == set(HEADS)
    assert any(s.is_regression for s in specs)


def test_gradient_check_catches_a_wrong_backward(monkeypatch):
    from digitpad.nn import layers
    monkeypatch.setattr(layers.Tanh, "backward", lambda self, grad: grad)  # forgets the derivative
    result = gradient_check(NetworkSpec((5, 4, 3), activation="tanh"))
    assert not result.passed


def test_gradient_check_on_a_large_architecture_samples_entries():
    result = gradient_check(NetworkSpec((784, 64, 10)), max_entries=10)
    assert result.passed and set(result.errors) == {"W0", "b0", "W1", "b1"}


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activation_values(name):
    z = np.array([[-3.0, -0.5, 0.0, 0.5, 3.0]])
    expected = {
        "sigmoid": 1 / (1 + np.exp(-z)), "tanh": np.tanh(z), "relu": np.maximum(z, 0),
        "leaky_relu": np.where(z > 0, z, 0.01 * z), "identity": z,
    }[name]
    layer = ACTIVATIONS[name]()
    np.testing.assert_allclose(layer.forward(z.copy(), train=False), expected, rtol=1e-12)
    np.testing.assert_allclose(layer.forward(z.copy(), train=True), expected, rtol=1e-12)


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    head = make_head("softmax", "cross_entropy")
    z = np.array([[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 0.0]], dtype=np.float32)
    y = np.eye(3, dtype=np.float32)[[0, 2]]
    loss, grad = head.loss_and_grad(z.copy(), y)
    assert np.isfinite(loss) and np.isfinite(grad).all()
    assert loss == pytest.approx(500.0, rel=1e-6)  # mean of row 1 (right: 0) and row 2 (off by 1000)
    np.testing.assert_allclose(grad, (softmax(z) - y) / 2, atol=1e-6)


def test_sigmoid_bce_is_stable_and_gradient_is_p_minus_y():
    head = make_head("sigmoid", "bce")
    z = np.array([[80.0, -80.0, 0.0]])
    y = np.array([[0.0, 1.0, 1.0]])
    loss, grad = head.loss_and_grad(z.copy(), y)
    assert loss == pytest.approx(160.0 + np.log(2))
    np.testing.assert_allclose(grad, [[1.0, -1.0, -0.5]], atol=1e-12)


def test_sum_reduction_scales_gradient_by_batch_but_not_loss():
    z = np.random.default_rng(0).normal(size=(8, 4))
    y = np.eye(4)[np.arange(8) % 4]
    mean_loss, mean_grad = make_head("softmax", "cross_entropy", "mean").loss_and_grad(z.copy(), y)
    sum_loss, sum_grad = make_head("softmax", "cross_entropy", "sum").loss_and_grad(z.copy(), y)
    assert mean_loss == pytest.approx(sum_loss)
    np.testing.assert_allclose(sum_grad, 8 * mean_grad)


def test_unknown_pairs_and_settings_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="softmax\\+cross_entropy"):
        make_head("softmax", "mse")
    with pytest.raises(ConfigError, match="activation"):
        NetworkSpec((4, 3), activation="swish")
    with pytest.raises(ConfigError, match="layer sizes"):
        NetworkSpec((4, 0, 3))
    with pytest.raises(ConfigError, match="whole numbers"):
        NetworkSpec((4, 2.5, 3))
    with pytest.raises(ConfigError, match="bias"):
        NetworkSpec((4, 3), bias="no")
    with pytest.raises(ConfigError, match="mean squared error"):
        NetworkSpec((4, 3, 1), output="sigmoid", loss="bce")


def test_network_repr_and_shapes():
    net = MLP(NetworkSpec((784, 256, 128, 10)))
    assert repr(net) == "MLP(784→256 relu→128 relu→10 softmax)"
    assert net.n_parameters() == 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10
    x = np.random.default_rng(0).random((3, 784))
    probs = net.predict_proba(x)
    assert probs.shape == (3, 10) and probs.dtype == np.float32
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-5)


def test_same_seed_same_weights_and_float64_on_request():
    a, b = MLP(NetworkSpec((6, 5, 3)), seed=7), MLP(NetworkSpec((6, 5, 3)), seed=7)
    for (_, pa, _), (_, pb, _) in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(pa, pb)
    assert MLP(NetworkSpec((6, 5, 3), dtype="float64")).forward(np.ones((1, 6))).dtype == np.float64


def test_regression_network_targets_label_over_ten_and_rounds_back():
    net = MLP(NetworkSpec((4, 3, 1), activation="sigmoid", output="sigmoid", loss="mse", bias=False))
    np.testing.assert_allclose(net.targets(np.array([0, 3, 9]))[:, 0], [0.0, 0.3, 0.9], rtol=1e-6)
    np.testing.assert_array_equal(net.predict_from_outputs(np.array([[0.04], [0.31], [0.96]])), [0, 3, 9])
    probs = net.predict_proba(np.ones((2, 4)))
    assert probs.shape == (2, 10) and (probs.sum(axis=1) == 1).all()


def test_sigmoid_outputs_are_normalised_into_probabilities():
    net = MLP(NetworkSpec((4, 3, 5), output="sigmoid", loss="bce"))
    probs = net.predict_proba(np.random.default_rng(1).random((4, 4)))
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-5)


# The window's inference paths, each given the network and a batch of inputs: the probability bars, the predicted
# class, the Network tab's activations, the saliency overlay's input gradient and the Backprop tab's trace.
INFERENCE = {
    "predict_proba": lambda net, x: net.predict_proba(x),
    "predict": lambda net, x: net.predict(x),
    "activations": lambda net, x: net.activations(x),
    "input_gradient": lambda net, x: input_gradient(net, x, 1),
    "trace": lambda net, x: trace(net, x, net.targets(np.arange(len(x)) % 3)),
}


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "tanh", "sigmoid"])
@pytest.mark.parametrize("inference", INFERENCE)
def test_inference_between_training_steps_does_not_disturb_gradients(monkeypatch, activation, inference):
    """A prediction made after a training forward pass and before its backward pass (a drawing while the
    network trains) changes neither that step's loss nor its gradients: inference keeps off the training cache
    and buffers. The prediction takes as many rows as the batch (the training buffers are kept per row count)
    and one row (a drawing)."""
    spec = NetworkSpec((20, 7, 5, 3), activation=activation)
    rng = np.random.default_rng(0)
    x, other = rng.random((2, 20, 20)).astype(np.float32)  # 20 rows: above products.FEW, so training uses BLAS
    targets = MLP(spec).targets(np.arange(20) % 3)
    undisturbed = MLP(spec, seed=1)
    expected_loss, expected_predicted = undisturbed.train_step(x, targets)

    net = MLP(spec, seed=1)
    last = net.layers[-1]
    backward = last.backward
    predictions = []

    def predict_then_backward(grad):  # the first step of train_step's backward pass, after its forward and loss
        predictions.extend(INFERENCE[inference](net, rows) for rows in (other, other[:1]))
        return backward(grad)

    monkeypatch.setattr(last, "backward", predict_then_backward)
    loss, predicted = net.train_step(x, targets)
    assert len(predictions) == 2
    assert loss == expected_loss
    np.testing.assert_array_equal(predicted, expected_predicted)
    for (name, _, grad), (_, _, expected) in zip(net.parameters(), undisturbed.parameters()):
        np.testing.assert_array_equal(grad, expected, err_msg=name)


def test_identity_outputs_never_give_negative_probabilities():
    net = MLP(NetworkSpec((4, 3, 5), output="identity", loss="mse"))
    for _, p, _ in net.parameters():
        p[...] = np.random.default_rng(3).normal(size=p.shape)
    probs = net.predict_proba(np.random.default_rng(4).normal(size=(50, 4)))
    assert (probs >= 0).all() and np.allclose(probs.sum(axis=1), 1, atol=1e-5)
