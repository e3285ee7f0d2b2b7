"""Sigmoid heads predict from the logits and share probability without ties where σ saturated in float32."""

from __future__ import annotations

import numpy as np
import pytest
from support.models import make_model

from digitpad.inference.units import DrawingUnits
from digitpad.nn.layers import sigmoid
from digitpad.nn.losses import sigmoid_shares
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.ui.widgets.probabilities import ProbabilityBars


def passthrough(output: str, loss: str, n: int = 3) -> MLP:
    """One Dense layer with identity weights: the logits z are the input itself."""
    network = MLP(NetworkSpec((n, n), output=output, loss=loss))
    network.set_weights({"W0": np.eye(n, dtype=np.float32), "b0": np.zeros(n, np.float32)})
    return network


@pytest.mark.parametrize("loss", ["bce", "mse"])
def test_saturated_logits_predict_the_largest_and_share_without_ties(loss, qtbot):
    network = passthrough("sigmoid", loss, 10)
    x = np.full((2, 10), -5.0, np.float32)
    x[0, :3], x[1, :3] = [19, 25, 30], [30, 19, 25]
    assert np.all(network.outputs(x)[:, :3] == 1), "float32 σ is exactly 1 here: the outputs alone cannot tell"
    assert network.predict(x).tolist() == [2, 0]
    probs = network.predict_proba(x)
    assert np.all(np.isfinite(probs)) and np.allclose(probs.sum(axis=1), 1)
    assert len(set(probs[0, :3].tolist())) == 3, "different logits, different shares"
    assert probs.argmax(axis=1).tolist() == [2, 0]
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_probabilities(probs[0])
    assert bars.top_class() == 2


def test_shares_are_the_sigmoid_outputs_normalised_where_they_are_not_saturated():
    z = np.array([[-3.0, 0.5, 2.0, -40.0]])
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(sigmoid_shares(z), p / p.sum(), rtol=1e-12)
    network = passthrough("sigmoid", "bce", 4)
    np.testing.assert_allclose(network.predict_proba(z.astype(np.float32)),
                               sigmoid(z.astype(np.float32)) / sigmoid(z.astype(np.float32)).sum(), atol=1e-7)


def test_very_negative_logits_still_rank_and_sum_to_one():
    z = np.array([[-120.0, -100.0, -110.0]], np.float32)
    network = passthrough("sigmoid", "bce")
    probs = network.predict_proba(z)
    assert network.predict(z).tolist() == [1] == probs.argmax(axis=1).tolist()
    assert np.isclose(probs.sum(), 1) and probs[0, 1] > 0.99


def test_softmax_predictions_are_unchanged():
    network = MLP(NetworkSpec((64, 16, 10)), seed=3)
    x = np.random.default_rng(0).random((50, 64), dtype=np.float32)
    np.testing.assert_array_equal(network.predict(x), network.outputs(x).argmax(axis=1))
    np.testing.assert_array_equal(network.predict_proba(x), network.outputs(x))


def test_accuracy_counts_take_their_classes_from_the_logits_too():
    """Evaluation (test accuracy, the Runs tab, Look inside) and training accuracy agree with predict on saturated
    sigmoid outputs, where the outputs' argmax would say class 0."""
    from digitpad.data.dataset import DIGIT_NAMES, Dataset
    from digitpad.nn.network import MLP, NetworkSpec
    from digitpad.training.evaluate import evaluate
    net = MLP(NetworkSpec((2, 3), output="sigmoid", loss="bce"), seed=0)
    net.dense_layers[0].params["W"][...] = np.array([[19.0, 25.0, 30.0], [0.0, 0.0, 0.0]], np.float32)
    net.dense_layers[0].params["b"][...] = 0
    x = np.array([[1.0, 0.0]], np.float32)
    assert net.predict(x)[0] == 2
    data = Dataset(np.array([[1, 0]], np.uint8), np.array([2]), (1, 2), 1, DIGIT_NAMES[:3], "saturated")
    assert evaluate(net, data, 1.0).accuracy == 1.0
    _, predicted = net.train_step(x, net.targets(np.array([2])))
    assert predicted[0] == 2


def test_the_network_view_shows_the_sigmoid_heads_probabilities_from_its_logits():
    """The output column of the network view is predict_proba's, never shares of saturated float32 outputs."""
    model = make_model(NetworkSpec((64, 3), output="sigmoid", loss="bce"), class_names=("a", "b", "c"))
    model.network.dense_layers[0].params["W"][...] = 0
    model.network.dense_layers[0].params["b"][...] = [19.0, 25.0, 30.0]
    x = np.zeros((1, 64), dtype=np.float32)
    shown = DrawingUnits(model, x).layer_values()[-1]
    np.testing.assert_array_equal(shown, model.network.predict_proba(x)[0])
    assert shown[0] < shown[1] < shown[2]
