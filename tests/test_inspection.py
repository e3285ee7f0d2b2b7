"""The numbers behind the inspection views, without Qt: evaluation, gallery order, weight images, activity."""

from __future__ import annotations

import numpy as np
import pytest

from digitpad.common.errors import DataError
from digitpad.data.dataset import Dataset
from digitpad.model.bundle import Model
from digitpad.nn.gradcheck import CheckResult, gradient_check
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.inspection import (
    DIVERGING_STOPS,
    check_fits,
    diverging_rgb,
    first_layer_weights,
    inspect_model,
    layer_activity,
    layer_errors,
)

NAMES = ("a", "b", "c")


def tiny(n_images: int = 60, sizes: tuple[int, ...] = (64, 6, 5, 3), activation: str = "relu",
         seed: int = 0) -> tuple[Model, Dataset]:
    """An untrained 8×8 model and random 8×8 images: plenty of mistakes of every kind."""
    rng = np.random.default_rng(seed)
    network = MLP(NetworkSpec(sizes, activation), seed=seed)
    model = Model(network, (8, 8), "digits-8x8", 1 / 16, NAMES)
    data = Dataset(rng.integers(0, 17, (n_images, 64), dtype=np.uint8), rng.integers(0, 3, n_images),
                   (8, 8), 16, NAMES, "random")
    return model, data


def test_inspection_counts_every_image_once():
    model, data = tiny()
    ins = inspect_model(model, data)
    ev = ins.evaluation
    matrix = ins.confusion()
    assert matrix.shape == (3, 3) and matrix.sum() == len(data)
    assert np.trace(matrix) == np.sum(ev.predictions == data.labels)
    assert np.array_equal(matrix.sum(axis=1), np.bincount(data.labels, minlength=3))


def test_probabilities_are_the_networks_and_agree_with_predictions():
    model, data = tiny()
    ins = inspect_model(model, data)
    expected = model.network.predict_proba(data.images * np.float32(model.input_scale))
    assert ins.probabilities.shape == (len(data), 3)
    np.testing.assert_allclose(ins.probabilities, expected, rtol=1e-6)
    assert np.array_equal(ins.probabilities.argmax(axis=1), ins.evaluation.predictions)


def test_gallery_rows_are_the_mistakes_most_confident_first():
    model, data = tiny()
    ins = inspect_model(model, data)
    ev = ins.evaluation
    rows = ins.gallery_rows()
    assert sorted(rows.tolist()) == np.flatnonzero(ev.predictions != ev.labels).tolist()
    confidence = ins.probabilities[rows, ev.predictions[rows]]
    assert np.all(np.diff(confidence) <= 0)


@pytest.mark.parametrize("cell", [(0, 1), (2, 2), (1, 0)])
def test_gallery_rows_of_a_cell_are_exactly_that_cell(cell):
    model, data = tiny()
    ins = inspect_model(model, data)
    ev = ins.evaluation
    expected = np.flatnonzero((ev.labels == cell[0]) & (ev.predictions == cell[1]))
    assert sorted(ins.gallery_rows(cell).tolist()) == expected.tolist()
    assert len(expected) == ins.confusion()[cell]


def test_first_layer_weights_are_each_units_column_as_an_image():
    model, _ = tiny(sizes=(64, 9, 3))
    W = model.network.dense_layers[0].params["W"]
    tiles = first_layer_weights(model.network, (8, 8), limit=4)
    assert tiles.shape == (4, 8, 8)
    for j in range(4):
        np.testing.assert_array_equal(tiles[j], W[:, j].reshape(8, 8))
    assert first_layer_weights(model.network, (8, 8), limit=64).shape == (9, 8, 8)


def test_inspection_keeps_at_most_max_tiles_and_the_unit_count():
    model, data = tiny(sizes=(64, 70, 3))
    ins = inspect_model(model, data, max_tiles=64)
    assert ins.weights.shape == (64, 8, 8) and ins.n_units == 70


def test_diverging_colours_are_blue_white_red_and_symmetric():
    tiles = np.array([[[-2.0, 0.0, 2.0]], [[-0.5, 0.0, 1.0]]])
    rgb, scales = diverging_rgb(tiles)
    assert scales.tolist() == [2.0, 1.0]
    assert rgb[0, 0, 0].tolist() == DIVERGING_STOPS[0].tolist()   # most negative: blue
    assert rgb[0, 0, 1].tolist() == DIVERGING_STOPS[2].tolist()   # zero: near white
    assert rgb[0, 0, 2].tolist() == DIVERGING_STOPS[-1].tolist()  # most positive: red
    mirrored, _ = diverging_rgb(-tiles)
    assert mirrored[0, 0, 0].tolist() == rgb[0, 0, 2].tolist()


def test_shared_scale_uses_the_largest_weight_and_zero_tiles_stay_white():
    tiles = np.array([[[1.0, -4.0]], [[0.0, 0.0]]])
    rgb, scales = diverging_rgb(tiles, shared_scale=True)
    assert scales.tolist() == [4.0, 4.0]
    assert rgb[0, 0, 1].tolist() == DIVERGING_STOPS[0].tolist()
    assert rgb[1].reshape(-1, 3).tolist() == [DIVERGING_STOPS[2].tolist()] * 2
    _, own = diverging_rgb(tiles)
    assert own.tolist() == [4.0, 0.0]


def test_histogram_counts_every_activation():
    model, data = tiny(n_images=300, sizes=(64, 12, 7, 3))
    ins = inspect_model(model, data, batch=200)
    assert [a.units for a in ins.activity] == [12, 7]
    for activity in ins.activity:
        assert activity.batch == 200
        assert activity.counts.sum() == 200 * activity.units
        assert len(activity.edges) == len(activity.counts) + 1


def test_batch_is_capped_at_the_test_set():
    model, data = tiny(n_images=30)
    assert inspect_model(model, data, batch=1000).activity[0].batch == 30


def test_dead_relu_units_never_fire_on_the_batch():
    values = np.array([[0.0, 1.0, 0.0, 2.0], [0.0, 0.5, 0.0, 0.0], [0.0, 3.0, 0.0, 1.0]])
    activity = layer_activity(values, "relu")
    assert activity.dead_share == 0.5
    assert activity.zero_share == pytest.approx(7 / 12)
    assert activity.saturated_share is None
    leaky = layer_activity(np.array([[-0.01, 1.0], [-0.02, -0.01]]), "leaky_relu")
    assert leaky.dead_share == 0.5


@pytest.mark.parametrize("activation, values, share", [
    ("sigmoid", [0.001, 0.5, 0.995, 0.2], 0.5),
    ("tanh", [-0.999, 0.0, 0.5, 0.995], 0.5),
])
def test_saturated_share_counts_values_on_the_flat_ends(activation, values, share):
    activity = layer_activity(np.array([values]), activation)
    assert activity.saturated_share == share and activity.dead_share is None
    assert activity.edges[0] == (0.0 if activation == "sigmoid" else -1.0) and activity.edges[-1] == 1.0


def test_non_finite_activations_are_counted_apart_and_constant_layers_get_a_range():
    activity = layer_activity(np.array([[np.nan, 1.0], [np.inf, 1.0]]), "identity")
    assert activity.non_finite == 2 and activity.counts.sum() == 2
    assert activity.edges[0] < 1.0 < activity.edges[-1]
    assert activity.dead_share is None and activity.saturated_share is None


def test_layer_errors_pair_weights_with_biases():
    result = gradient_check(NetworkSpec((5, 4, 3)))
    rows = layer_errors(result)
    assert [(layer, w, b) for layer, w, b in rows] == [(0, result.errors["W0"], result.errors["b0"]),
                                                        (1, result.errors["W1"], result.errors["b1"])]
    no_bias = CheckResult(NetworkSpec((5, 4, 3), bias=False), {"W0": 1e-9, "W1": 2e-9})
    assert layer_errors(no_bias) == [(0, 1e-9, None), (1, 2e-9, None)]


def test_a_test_set_that_does_not_fit_is_a_clear_error():
    model, data = tiny()
    wide = Dataset(np.zeros((4, 784), np.uint8), np.zeros(4, np.int64), (28, 28), 255, NAMES, "mnist")
    with pytest.raises(DataError, match="28×28 images do not fit this model, which takes 8×8"):
        check_fits(model, wide)
    ten = Dataset(data.images, data.labels, (8, 8), 16, tuple("0123456789"), "digits")
    with pytest.raises(DataError, match="10 classes but the model predicts 3"):
        inspect_model(model, ten)
    with pytest.raises(DataError, match="holds no images"):
        inspect_model(model, Dataset.empty((8, 8), 16, NAMES, "nothing"))


@pytest.mark.parametrize("spec", [
    NetworkSpec((64, 8, 10), "tanh", "sigmoid", "bce", dtype="float64"),
    NetworkSpec((64, 8, 1), "sigmoid", "identity", "mse", "uniform", False, "sum"),
])
def test_every_head_gives_probabilities_that_match_the_predictions(spec):
    rng = np.random.default_rng(1)
    names = tuple("0123456789")
    model = Model(MLP(spec, seed=1), (8, 8), "digits-8x8", 1 / 16, names)
    data = Dataset(rng.integers(0, 17, (40, 64), dtype=np.uint8), rng.integers(0, 10, 40), (8, 8), 16, names, "r")
    ins = inspect_model(model, data)
    assert ins.probabilities.shape == (40, 10)
    np.testing.assert_allclose(ins.probabilities.sum(axis=1), 1.0, rtol=1e-5)
    assert np.array_equal(ins.probabilities.argmax(axis=1), ins.evaluation.predictions)
    assert ins.confusion().sum() == 40
