"""Saliency: the input gradient against central differences, and its way back onto the canvas.

Finite differences here go through the product's own path
(``drawing_to_input``: center_digit / to_8x8, then the network), so they
check the mapping, not a copy of it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from digitpad.data.preprocess import center_digit, to_8x8
from digitpad.data.preprocessing import get_preprocessing
from digitpad.inference.predict import drawing_to_input
from digitpad.inference.saliency import drawing_saliency
from digitpad.model.bundle import Model
from digitpad.nn.input_gradient import input_gradient
from digitpad.nn.losses import softmax
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.ui.app import default_model
from digitpad.ui.widgets.canvas import stroke_ink


def _draw(segments: list[tuple[tuple[float, float], tuple[float, float]]]) -> np.ndarray:
    image = np.zeros((28, 28), dtype=np.float32)
    for start, end in segments:
        image = np.maximum(image, stroke_ink(start, end))
    return image


SEVEN = _draw([((5, 8), (5, 19)), ((5, 19), (22, 12))])
SMALL_TWO = _draw([((3, 3), (3, 9)), ((3, 9), (8, 3)), ((8, 3), (8, 10))])  # small, in a corner
WIDE_DASH = _draw([((14, 1), (14, 26))])  # wider than tall, touching both edges


def _score(network: MLP, x: np.ndarray, c: int) -> np.ndarray:
    """Each row's score, computed independently of saliency.py: log p_c for softmax, else z_c."""
    z = network.forward(x)
    return np.log(softmax(z)[:, c]) if network.spec.output == "softmax" else z[:, c]


@pytest.mark.parametrize("spec", [
    NetworkSpec((7, 6, 5, 4), "relu"),
    NetworkSpec((7, 6, 4), "tanh", "sigmoid", "bce"),
    NetworkSpec((7, 6, 5, 4), "leaky_relu", "identity", "mse"),
    NetworkSpec((7, 5, 1), "sigmoid", "sigmoid", "mse", bias=False),  # a regression on label/10
], ids=["softmax-relu", "sigmoid-tanh", "mse-leaky", "regression-sigmoid"])
def test_input_gradient_matches_central_differences(spec):
    rng = np.random.default_rng(1)
    net = MLP(replace(spec, dtype="float64"), seed=2)
    for layer in net.dense_layers:
        if layer.has_bias:
            layer.params["b"][...] = rng.normal(0, 0.1, layer.n_out)
    x = rng.normal(size=(3, 7))
    c = spec.sizes[-1] - 1
    analytic = input_gradient(net, x, c)
    numeric, eps = np.empty_like(x), 1e-6
    for j in range(x.shape[1]):
        step = np.zeros_like(x)
        step[:, j] = eps
        numeric[:, j] = (_score(net, x + step, c) - _score(net, x - step, c)) / (2 * eps)
    assert analytic.shape == x.shape and analytic.dtype == np.float64
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_input_gradient_touches_nothing_in_the_network():
    net = MLP(NetworkSpec((6, 5, 3), "sigmoid"), seed=0)
    x = np.random.default_rng(0).normal(size=(4, 6)).astype(np.float32)
    net.train_step(x, net.targets(np.array([0, 1, 2, 0])))  # mid-training: caches and grads are live
    before = [(p.copy(), g.copy()) for _, p, g in net.parameters()]
    cached = [layer._y.copy() for layer in net.layers if hasattr(layer, "_y")]
    input_gradient(net, x[:1], 2)
    for (p0, g0), (_, p, g) in zip(before, net.parameters()):
        assert np.array_equal(p0, p) and np.array_equal(g0, g)
    assert all(np.array_equal(c, layer._y) for c, layer in zip(cached, [l for l in net.layers if hasattr(l, "_y")]))
    assert net.dense_layers[0].needs_input_grad is False


def test_confident_float32_prediction_still_has_a_gradient():
    net = MLP(NetworkSpec((4, 3), "relu"), seed=0)  # float32
    net.dense_layers[0].params["W"][...] = np.array([[30, 0, 0]] * 4, dtype=np.float32)
    x = np.ones((1, 4), dtype=np.float32)
    assert net.predict_proba(x)[0, 0] == 1.0  # float32 has rounded the other classes away
    grad = input_gradient(net, x, 0)
    assert np.all(np.isfinite(grad)) and np.abs(grad).max() > 0


def test_class_index_out_of_range():
    with pytest.raises(ValueError, match="class_index"):
        input_gradient(MLP(NetworkSpec((4, 3))), np.zeros((1, 4)), 3)


def _apply(image: np.ndarray, preprocessing: str) -> np.ndarray:
    """The forward linear map ink_map describes, for comparison with the real preprocessing."""
    m = get_preprocessing(preprocessing).ink_map(image)
    r0, r1, c0, c1 = m.box
    size = 32 if preprocessing == "digits-8x8" else 28
    field = np.zeros((size, size))
    field[m.top:m.top + len(m.rows), m.left:m.left + len(m.cols)] = np.clip(
        m.rows @ image[r0:r1 + 1, c0:c1 + 1] @ m.cols.T, 0.0, 1.0)
    return field.reshape(8, 4, 8, 4).sum(axis=(1, 3)) if size == 32 else field


@pytest.mark.parametrize("image", [SEVEN, SMALL_TWO, WIDE_DASH, np.kron(SEVEN, np.ones((3, 3)))],
                         ids=["seven", "small-corner", "wide-edge", "84px"])
def test_ink_map_is_exactly_the_preprocessing(image):
    np.testing.assert_allclose(_apply(image, "mnist-28"), center_digit(image), atol=1e-6)
    np.testing.assert_allclose(_apply(image, "digits-8x8"), to_8x8(image), atol=1e-5)


def _canvas_finite_differences(model: Model, drawing: np.ndarray, eps: float = 3e-4) -> np.ndarray:
    """d(top-class score)/d(pixel) through drawing_to_input, for every pixel inside the ink's box."""
    net64 = MLP(replace(model.network.spec, dtype="float64"))
    net64.set_weights(model.network.get_weights())
    model64 = replace(model, network=net64)
    c = int(net64.predict(drawing_to_input(model64, drawing))[0])
    r0, r1, c0, c1 = get_preprocessing(model.preprocessing).ink_map(drawing).box
    grad = np.zeros(drawing.shape)
    for r in range(r0, r1 + 1):
        for col in range(c0, c1 + 1):
            up, down = drawing.copy(), drawing.copy()
            up[r, col] += eps
            down[r, col] -= eps
            scores = _score(net64, np.vstack([drawing_to_input(model64, up), drawing_to_input(model64, down)]), c)
            grad[r, col] = (scores[0] - scores[1]) / (2 * eps)
    return grad


def _fd_drawing(image: np.ndarray) -> np.ndarray:
    """``image`` below full ink over a faint floor: ±eps never hits a clip at 0 or 1,
    and the floor (under 5 % of the peak) leaves the crop box where it was."""
    return (0.9 * image + 0.02).astype(np.float64)


def _tanh_8x8_model() -> Model:
    net = MLP(NetworkSpec((64, 32, 10), "tanh", dtype="float64"), seed=3)
    return Model(net, (8, 8), "digits-8x8", 1 / 16, tuple("0123456789"))


@pytest.mark.parametrize("make_model", [default_model, _tanh_8x8_model], ids=["mnist-28 default", "digits-8x8"])
@pytest.mark.parametrize("image", [SEVEN, SMALL_TWO], ids=["seven", "small-corner"])
def test_saliency_matches_finite_differences_on_the_canvas(make_model, image):
    model, drawing = make_model(), _fd_drawing(image)
    saliency = drawing_saliency(model, drawing)
    numeric = _canvas_finite_differences(model, drawing)
    assert saliency.shape == (28, 28) and np.abs(saliency).max() == pytest.approx(1.0)
    # center_digit works in float32, so the differences carry noise: measured at most 2.2e-4 of the peak.
    # Their step is 3e-4: the small digit is enlarged ~2.5× on its way in, and with the bundled 784-1024-512
    # network a step of 1e-3 took some of its units across ReLU's kink (2 % of the peak off on 13 pixels).
    np.testing.assert_allclose(saliency, numeric / np.abs(numeric).max(), atol=1e-3)


def test_saliency_is_zero_where_no_pixel_reaches_the_input():
    model = default_model()
    saliency = drawing_saliency(model, SMALL_TWO)
    r0, r1, c0, c1 = get_preprocessing("mnist-28").ink_map(SMALL_TWO).box
    inside = np.zeros((28, 28), dtype=bool)
    inside[r0:r1 + 1, c0:c1 + 1] = True
    assert not saliency[~inside].any()
    assert np.count_nonzero(saliency[inside]) > 0.9 * inside.sum()
    assert -1.0 <= saliency.min() and saliency.max() <= 1.0 and np.abs(saliency).max() == 1.0


def test_blank_drawing_has_no_saliency():
    faint = np.zeros((28, 28))
    faint[3, 4] = 0.01
    assert drawing_saliency(default_model(), faint) is None
    assert drawing_saliency(default_model(), np.zeros((28, 28))) is None


def test_saliency_leaves_the_model_as_it_was_and_repeats_exactly():
    """Each stroke asks for it again on the GUI thread (its cost: benchmarks/gui_thread.py): it reads the
    network and writes nothing, so the same drawing gives the same map."""
    model = default_model()
    weights = model.network.get_weights()
    grads = {name: g.copy() for name, _, g in model.network.parameters()}
    first = drawing_saliency(model, SEVEN)
    np.testing.assert_array_equal(drawing_saliency(model, SEVEN), first)
    for name, p, g in model.network.parameters():
        np.testing.assert_array_equal(p, weights[name])
        np.testing.assert_array_equal(g, grads[name])


# -- the overlay on the canvas ---------------------------------------------
@pytest.fixture
def canvas(qtbot):
    from digitpad.ui.widgets.canvas import DrawingCanvas

    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.resize(280, 280)
    widget.set_image(SEVEN)
    return widget


def _cell_colour(image, row: int, col: int) -> tuple[int, int, int]:
    """Colour at the centre of cell (row, col) of a 280×280 canvas grab: 10 px cells from (0, 0)."""
    colour = image.pixelColor(col * 10 + 5, row * 10 + 5)
    return colour.red(), colour.green(), colour.blue()


def test_overlay_tints_cells_without_touching_the_drawing(canvas):
    drawing, plain = canvas.image(), canvas.grab().toImage()
    overlay = np.zeros((28, 28), dtype=np.float32)
    overlay[5, 10], overlay[20, 2] = 1.0, -0.5  # on ink (white) and on background (black)
    canvas.set_overlay(overlay)
    assert np.array_equal(canvas.image(), drawing) and np.array_equal(canvas.overlay(), overlay)
    tinted = canvas.grab().toImage()
    red, green, blue = _cell_colour(tinted, 5, 10)
    assert red > 200 and green < 150 and blue < 150  # white ink turned red
    red, green, blue = _cell_colour(tinted, 20, 2)
    assert blue > 60 and blue > 2 * red  # black background turned blue
    assert _cell_colour(tinted, 14, 14) == _cell_colour(plain, 14, 14)  # zero: left alone
    assert "red cells" in canvas.toolTip()
    canvas.set_overlay(None)
    assert canvas.overlay() is None and canvas.grab().toImage() == plain and "red cells" not in canvas.toolTip()


def test_overlay_shows_saliency_and_a_new_drawing_removes_it(qtbot, canvas):
    canvas.set_overlay(drawing_saliency(default_model(), canvas.image()))
    assert canvas.overlay() is not None
    seen = []
    canvas.drawing_changed.connect(lambda: seen.append(canvas.overlay()))
    canvas.set_image(SMALL_TWO)
    assert seen == [None], "a stale overlay must be gone before listeners recompute it"
    canvas.set_overlay(np.ones((28, 28)))  # [0, 1] values are fine too
    canvas.set_eraser(True)  # a setting that leaves the drawing alone keeps the overlay
    assert canvas.overlay() is not None


@pytest.mark.parametrize("bad", [np.zeros((8, 8)), np.full((28, 28), 1.5), np.full((28, 28), np.nan)])
def test_overlay_rejects_wrong_shapes_and_values(canvas, bad):
    with pytest.raises(ValueError):
        canvas.set_overlay(bad)
    assert canvas.overlay() is None
