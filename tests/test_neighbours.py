"""The drawing's nearest training images (digitpad.inference.neighbours) against brute force in float64."""

from __future__ import annotations

import numpy as np
import pytest
from support.models import make_model

from digitpad.common.errors import DataError
from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.loading import load, load_file
from digitpad.data.preprocess import center_digit
from digitpad.inference.neighbours import CHUNK, NeighbourIndex
from digitpad.inference.predict import preview
from digitpad.nn.network import MLP, NetworkSpec


def blob(rng: np.random.Generator, size: int = 28) -> np.ndarray:
    """A drawing: a random stroke-like patch of ink, ink high in [0, 1]."""
    drawing = np.zeros((size, size), np.float32)
    top, left = rng.integers(3, size // 2, 2)
    drawing[top:top + size // 3, left:left + size // 4] = rng.uniform(0.3, 1.0, (size // 3, size // 4))
    return drawing


def mnist_like_model(sizes=(784, 16, 12, 10), seed: int = 3):
    return make_model(network=MLP(NetworkSpec(sizes), seed=seed), input_shape=(28, 28), preprocessing="mnist-28",
                      input_scale=1 / 255, dataset="tiny-set")


def small_train(n: int = 300, seed: int = 0, drawings: dict[int, np.ndarray] | None = None) -> Dataset:
    """``n`` centred 28×28 digits from random drawings (``drawings[i]`` at index i), labels cycling 0..9."""
    rng = np.random.default_rng(seed)
    drawings = drawings or {}
    images = np.stack([np.rint(center_digit(drawings.get(i, blob(rng))) * 255).astype(np.uint8).ravel()
                       for i in range(n)])
    return Dataset(images, np.arange(n) % 10, (28, 28), 255, DIGIT_NAMES, "tiny-set")


def brute_force_hidden(model, images: np.ndarray) -> np.ndarray:
    """The last hidden layer's outputs, gains applied, in float64 from the weights themselves."""
    network = model.network
    x = images.astype(np.float64) * model.input_scale
    dense = network.dense_layers
    for layer, d in enumerate(dense[:-1], start=1):
        x = np.maximum(x @ d.params["W"].astype(np.float64) + d.params["b"], 0.0)  # ReLU
        x = x * network.gains.get(layer, 1.0)
    return x


def brute_force_nearest(vectors: np.ndarray, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    distances = np.sqrt(((vectors - query) ** 2).sum(axis=1))
    order = np.argsort(distances, kind="stable")[:k]
    return order, distances[order]


def check_space(found, vectors: np.ndarray, query: np.ndarray, labels: np.ndarray, k: int) -> None:
    order, distances = brute_force_nearest(vectors, query, k)
    assert [n.index for n in found] == list(order)
    assert [n.label for n in found] == list(labels[order])
    np.testing.assert_allclose([n.distance for n in found], distances, rtol=1e-5, atol=1e-6)


def test_nearest_matches_brute_force_in_both_spaces():
    model, train = mnist_like_model(), small_train()
    index = NeighbourIndex.build(model, train)
    drawing = blob(np.random.default_rng(42))
    found = index.nearest(drawing)
    check_space(found.hidden, brute_force_hidden(model, train.images), brute_force_hidden(
        model, (center_digit(drawing) * 255.0).reshape(1, -1))[0], train.labels, 8)
    check_space(found.pixel, train.images / 255.0, preview(model, drawing).ravel(), train.labels, 8)
    probabilities = model.network.predict_proba((center_digit(drawing) * 255.0 * model.input_scale).reshape(1, -1))
    assert found.predicted == int(np.argmax(probabilities))
    assert found.agreement == sum(n.label == found.predicted for n in found.hidden) / 8


def test_the_network_s_unit_gains_are_respected():
    model, train = mnist_like_model(), small_train()
    drawing = blob(np.random.default_rng(5))
    plain = NeighbourIndex.build(model, train).nearest(drawing)
    for unit in range(8):
        model.network.set_unit_gain(2, unit, 0.0)  # half the last hidden layer off
    model.network.set_unit_gain(1, 3, 2.5)
    edited = NeighbourIndex.build(model, train).nearest(drawing)
    query = brute_force_hidden(model, (center_digit(drawing) * 255.0).reshape(1, -1))[0]
    check_space(edited.hidden, brute_force_hidden(model, train.images), query, train.labels, 8)
    assert [n.distance for n in edited.hidden] != pytest.approx([n.distance for n in plain.hidden])
    assert edited.pixel == plain.pixel  # pixels know nothing of the network


def test_a_drawing_of_a_training_image_finds_it_at_distance_zero():
    rng = np.random.default_rng(9)
    drawing = blob(rng)
    train = small_train(drawings={123: drawing})
    found = NeighbourIndex.build(mnist_like_model(), train).nearest(train.images[123].reshape(28, 28) / 255.0)
    assert found.hidden[0].index == found.pixel[0].index == 123
    assert found.hidden[0].distance < 1e-5 and found.pixel[0].distance < 1e-5
    assert found.hidden[1].distance > 100 * found.hidden[0].distance


def test_an_8x8_model_compares_with_its_own_training_set():
    model, train = make_model(), load("digits8x8", "train")  # 64-16-10 tanh on the bundled 8×8 digits
    index = NeighbourIndex.build(model, train)
    drawing = blob(np.random.default_rng(1))
    found = index.nearest(drawing)
    pixels = preview(model, drawing).ravel()
    check_space(found.pixel, train.images / 16.0, pixels, train.labels, 8)
    network = model.network
    hidden = network.hidden_activations(train.images * np.float32(model.input_scale))[-1].astype(np.float64)
    query = network.hidden_activations((pixels * 16.0 * model.input_scale).reshape(1, -1))[-1][0]
    check_space(found.hidden, hidden, query.astype(np.float64), train.labels, 8)


def test_k_larger_than_the_training_set_gives_every_image_in_order():
    model, train = mnist_like_model(), small_train(5)
    found = NeighbourIndex.build(model, train).nearest(blob(np.random.default_rng(2)), k=8)
    for space in (found.hidden, found.pixel):
        assert sorted(n.index for n in space) == [0, 1, 2, 3, 4]
        assert [n.distance for n in space] == sorted(n.distance for n in space)


def test_a_network_without_a_hidden_layer_has_pixel_space_only():
    model, train = mnist_like_model((784, 10)), small_train(40)
    found = NeighbourIndex.build(model, train).nearest(blob(np.random.default_rng(3)))
    assert found.hidden is None and found.agreement is None and len(found.pixel) == 8


def test_a_blank_drawing_has_no_look_alikes():
    index = NeighbourIndex.build(mnist_like_model(), small_train(20))
    assert index.nearest(np.zeros((28, 28), np.float32)) is None


def test_training_images_of_another_shape_are_refused_naming_the_set():
    with pytest.raises(DataError, match="digits8x8: its images are 8×8 pixels, the model reads 28×28"):
        NeighbourIndex.build(mnist_like_model(), load("digits8x8", "train"))


def test_the_build_reports_progress_by_chunk_and_can_be_cancelled():
    few = small_train(10)
    train = Dataset(np.resize(few.images, (CHUNK + 10, 784)), np.resize(few.labels, CHUNK + 10), (28, 28), 255,
                    DIGIT_NAMES, "tiny-set")
    model = mnist_like_model()
    shares = []
    assert NeighbourIndex.build(model, train, shares.append) is not None
    assert shares == [CHUNK / (CHUNK + 10), 1.0]
    assert NeighbourIndex.build(model, train, shares.append, cancelled=lambda: len(shares) >= 3) is None


def test_a_real_mnist_training_image_finds_itself_with_the_bundled_model(mnist_dir):
    from digitpad.ui.app import default_model
    train = load_file(mnist_dir / "train-images-idx3-ubyte.gz")
    found = NeighbourIndex.build(default_model(), train).nearest(train.images[123].reshape(28, 28) / 255.0)
    assert found.hidden[0].index == found.pixel[0].index == 123
    assert found.predicted == train.labels[123] and found.agreement >= 0.75
