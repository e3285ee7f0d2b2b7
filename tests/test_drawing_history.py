"""The drawing's probabilities epoch by epoch: the store's numbers are the engine's for each snapshot, it stays
within its budget and spans the whole run, and the plot shows exactly the numbers handed to it.

The plot takes no input from a person (it only shows what the window hands it), so its tests drive it by method.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette
from support.models import make_model

from digitpad.inference.drawing_history import PASS_BYTES, WeightHistory
from digitpad.inference.predict import drawing_to_input
from digitpad.nn.gradcheck import all_combinations
from digitpad.nn.losses import SoftmaxCrossEntropy, softmax
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.ui.prediction import regression_reading
from digitpad.ui.widgets.drawing_history_plot import (
    DRAW_NOTE,
    OTHER_WIDTH,
    PREDICTED_WIDTH,
    TRAIN_NOTE,
    DrawingHistoryPlot,
)

EPOCHS = (1, 2, 5, 9, 14)
SPECS = [*all_combinations((64, 9, 6, 10)),
         NetworkSpec((64, 10)), NetworkSpec((64, 8, 7, 6, 5, 10), activation="leaky_relu"),
         NetworkSpec((64, 12, 10), dtype="float64")]


def drawing(seed: int = 0) -> np.ndarray:
    """A 28×28 canvas with a few random strokes, ink high."""
    image = np.zeros((28, 28), dtype=np.float32)
    rng = np.random.default_rng(seed)
    for _ in range(3):
        row, col = rng.integers(3, 22, 2)
        image[row:row + 3, col:col + 6] = rng.uniform(0.5, 1.0)
    return image


def snapshots(spec: NetworkSpec) -> list[dict[str, np.ndarray]]:
    """Weights as a run would send them: a network of this spec after several epochs (here: different draws)."""
    return [MLP(spec, seed=10 + i).get_weights() for i in range(len(EPOCHS))]


def filled(model, weights) -> WeightHistory:
    history = WeightHistory()
    for epoch, w in zip(EPOCHS, weights):
        history.add(epoch, w)
    return history


def engine_rows(model, weights, image) -> np.ndarray:
    """What the engine says for ``image`` with each snapshot loaded into a copy of ``model`` (head and gains kept):
    ``predict_proba``, or a regression's output × 10 as the window's number line reads it."""
    rows = []
    for w in weights:
        copy = model.copy()
        copy.network.set_weights(w)
        if copy.network.spec.is_regression:
            rows.append([regression_reading(copy, image)[0]])
        else:
            rows.append(copy.network.predict_proba(drawing_to_input(copy, image))[0])
    return np.array(rows)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{'-'.join(map(str, s.sizes))} {s.activation} {s.output}"
                         f"+{s.loss} bias={s.bias} {s.reduction} {s.dtype}")
def test_each_snapshots_probabilities_are_the_engines_with_its_weights(spec):
    model = make_model(spec)
    hidden = len(spec.sizes) - 2
    for layer in range(1, hidden + 1):  # a unit switched off and one scaled, in every hidden layer
        model.network.set_unit_gain(layer, 0, 0.0)
        model.network.set_unit_gain(layer, spec.sizes[layer] - 1, 1.7)
    weights, image = snapshots(spec), drawing()
    epochs, values = filled(model, weights).probabilities(model.network, drawing_to_input(model, image))
    assert epochs.tolist() == list(EPOCHS)
    expected = engine_rows(model, weights, image)
    assert values.shape == ((len(EPOCHS), 1) if spec.is_regression else (len(EPOCHS), 10))
    np.testing.assert_array_equal(values, expected)


def test_switching_a_unit_off_changes_every_epochs_curve_as_the_engine_does():
    spec = NetworkSpec((64, 16, 10), activation="relu")
    model, image = make_model(spec), drawing(1)
    weights = snapshots(spec)
    history = filled(model, weights)
    x = drawing_to_input(model, image)
    before = history.probabilities(model.network, x)[1]
    hidden = model.network.hidden_activations(x)[0][0]
    model.network.set_unit_gain(1, int(np.argmax(hidden)), 0.0)  # a unit that is on for this drawing
    after = history.probabilities(model.network, x)[1]
    assert not np.allclose(before, after)
    np.testing.assert_array_equal(after, engine_rows(model, weights, image))


class SharperSoftmax(SoftmaxCrossEntropy):
    """A head whose output is not the spec's: softmax(2z). (The lab's mistakes change no prediction.)"""

    def activate(self, z: np.ndarray) -> np.ndarray:
        return softmax(2 * z)


def test_the_networks_own_head_reads_every_snapshot():
    spec = NetworkSpec((64, 16, 10))
    model, image = make_model(spec), drawing(2)
    weights = snapshots(spec)
    history = filled(model, weights)
    x = drawing_to_input(model, image)
    plain = history.probabilities(model.network, x)[1]
    model.network.head = SharperSoftmax()
    values = history.probabilities(model.network, x)[1]
    assert not np.allclose(values, plain)
    np.testing.assert_array_equal(values, engine_rows(model, weights, image))


def test_an_empty_history_has_no_rows_and_mismatches_are_refused():
    spec = NetworkSpec((64, 16, 10))
    model = make_model(spec)
    history = WeightHistory()
    epochs, values = history.probabilities(model.network, drawing_to_input(model, drawing()))
    assert epochs.shape == (0,) and values.shape == (0, 10)
    history.add(3, model.network.get_weights())
    with pytest.raises(ValueError, match="epochs increase"):
        history.add(3, model.network.get_weights())
    with pytest.raises(ValueError, match="do not match"):
        history.add(4, MLP(NetworkSpec((64, 17, 10))).get_weights())
    other = MLP(NetworkSpec((64, 12, 10)))
    with pytest.raises(ValueError, match="do not match"):
        history.probabilities(other, np.zeros((1, 64), dtype=np.float32))
    history.clear()
    assert len(history) == 0 and history.nbytes() == 0
    history.add(1, other.get_weights())  # a new run may have another network
    assert history.epochs().tolist() == [1]


def weights_at(spec: NetworkSpec, epoch: int) -> dict[str, np.ndarray]:
    """Weights that say which epoch they belong to (every array filled with epoch / 1000)."""
    return {name: np.full_like(p, epoch / 1000) for name, p, _ in MLP(spec).parameters()}


def assert_even(epochs: np.ndarray, first: int, last: int, most: int) -> None:
    """The run from ``first`` to ``last`` in at most ``most`` snapshots, the older ones spread evenly."""
    assert epochs[0] == first and epochs[-1] == last
    assert 2 <= len(epochs) <= most
    gaps = np.diff(epochs)
    assert np.all(gaps > 0)
    # Each kept snapshot is the earliest of its bin: no gap reaches two bins, one bin being about the mean gap.
    assert gaps.max() <= 2.5 * (last - first) / (len(epochs) - 1)


def test_a_3000_epoch_run_is_thinned_evenly_keeping_first_and_latest():
    spec = NetworkSpec((64, 4, 4, 4, 10), activation="sigmoid", output="sigmoid", loss="bce")
    history = WeightHistory(max_snapshots=40)
    shared = weights_at(spec, 0)
    for epoch in range(1, 3001):
        history.add(epoch, shared)
        assert len(history) <= 40 and history.epochs()[0] == 1 and history.epochs()[-1] == epoch
    epochs = history.epochs()
    assert_even(epochs, 1, 3000, 40)
    assert len(epochs) >= 20  # thinned by halves, never to a handful
    assert np.all(np.diff(epochs)[:-1] == np.diff(epochs)[0])  # one snapshot every so many epochs


def test_irregular_updates_are_thinned_evenly_and_the_rows_are_the_kept_epochs():
    spec = NetworkSpec((64, 9, 10))
    model = make_model(spec)
    history = WeightHistory(max_snapshots=25)
    rng = np.random.default_rng(0)
    epoch = 0
    for _ in range(700):  # updates bring 1-7 epochs each, as a throttled run sends them
        epoch += int(rng.integers(1, 8))
        history.add(epoch, weights_at(spec, epoch))
    epochs, values = history.probabilities(model.network, drawing_to_input(model, drawing()))
    assert_even(epochs, int(history.epochs()[0]), epoch, 25)
    assert len(epochs) >= 12
    np.testing.assert_array_equal(values, engine_rows(model, [weights_at(spec, int(e)) for e in epochs], drawing()))


def test_a_big_network_stays_within_the_byte_budget():
    spec = NetworkSpec((784, 1024, 512, 10))
    weights = MLP(spec).get_weights()
    snapshot = sum(a.nbytes for a in weights.values())
    history = WeightHistory()  # 64 MiB
    for epoch in range(1, 301):
        history.add(epoch, weights)
        assert history.nbytes() + len(history) * PASS_BYTES <= history.max_bytes
    assert history.nbytes() == len(history) * snapshot
    assert_even(history.epochs(), 1, 300, history.max_bytes // (snapshot + PASS_BYTES))
    assert len(history) >= 4


def test_the_first_and_latest_stay_even_when_over_budget():
    spec = NetworkSpec((64, 16, 10))
    history = WeightHistory(max_bytes=1)
    for epoch in (1, 2, 3, 4):
        history.add(epoch, weights_at(spec, epoch))
    assert history.epochs().tolist() == [1, 4]


# -- the plot ------------------------------------------------------------------------------------------------

@pytest.fixture
def plot(qtbot):
    widget = DrawingHistoryPlot()
    qtbot.addWidget(widget)
    widget.resize(400, 200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def line_above(plot) -> str:
    """The line of text above the plot as a person reads it."""
    return plot.getPlotItem().titleLabel.item.toPlainText()


def curve_data(plot) -> list[tuple[list[float], list[float]]]:
    result = []
    for curve in plot.curves:
        x, y = curve.getData()
        result.append(([] if x is None else x.tolist(), [] if y is None else y.tolist()))
    return result


def test_the_plot_shows_the_stores_numbers_for_the_drawing(plot):
    spec = NetworkSpec((64, 16, 10))
    model, image = make_model(spec), drawing(3)
    weights = snapshots(spec)
    epochs, values = filled(model, weights).probabilities(model.network, drawing_to_input(model, image))
    plot.show_history(epochs, values, model.class_names)
    expected = engine_rows(model, weights, image)
    shown = curve_data(plot)
    assert len(shown) == 10
    for i, (x, y) in enumerate(shown):
        assert x == list(EPOCHS)
        np.testing.assert_array_equal(y, expected[:, i])
    predicted = int(np.argmax(expected[-1]))
    assert plot.predicted() == predicted
    assert plot.name_text() == f"{model.class_names[predicted]}: {expected[-1, predicted]:.0%}"
    assert line_above(plot) == f"━ {plot.name_text()}"
    # The sample of the line before the name has the thick line's colour.
    assert f"color:{plot.curves[predicted].opts['pen'].color().name()}" in plot.note()


def test_the_latest_prediction_is_drawn_thick_and_the_axis_stays_0_to_1(plot):
    names = ("cat", "dog", "bird")
    values = np.array([[0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.05, 0.25, 0.7]])
    plot.show_history([1, 2, 3], values, names)
    widths = [curve.opts["pen"].widthF() for curve in plot.curves]
    assert widths == [OTHER_WIDTH, OTHER_WIDTH, PREDICTED_WIDTH]
    assert plot.name_text() == "bird: 70%"
    low, high = plot.getViewBox().viewRange()[1]
    assert -0.05 < low < 0 and 1 < high < 1.05  # 0 to 1 however the data lies
    plot.show_history([1, 2, 3, 4], np.vstack([values, [[0.1, 0.8, 0.1]]]), names)  # the prediction changes
    assert [curve.opts["pen"].widthF() for curve in plot.curves] == [OTHER_WIDTH, PREDICTED_WIDTH, OTHER_WIDTH]
    assert plot.name_text() == "dog: 80%" and plot.getViewBox().viewRange()[1] == [low, high]
    assert curve_data(plot)[1] == ([1.0, 2.0, 3.0, 4.0], [0.5, 0.3, 0.25, 0.8])
    with pytest.raises(ValueError, match="3 columns of probabilities for 2 classes"):
        plot.show_history([1, 2, 3], values, names[:2])


def test_a_regression_shows_its_output_times_10(plot):
    spec = NetworkSpec((64, 9, 1), activation="sigmoid", output="identity", loss="mse")
    model, image = make_model(spec), drawing(4)
    weights = snapshots(spec)
    epochs, values = filled(model, weights).probabilities(model.network, drawing_to_input(model, image))
    plot.show_history(epochs, values, model.class_names)
    expected = engine_rows(model, weights, image)[:, 0]
    assert curve_data(plot) == [(list(map(float, EPOCHS)), expected.tolist())]
    assert plot.name_text() == f"output × 10: {expected[-1]:.1f}"
    assert plot.getPlotItem().getAxis("left").labelText == "output × 10"
    low, high = plot.getViewBox().viewRange()[1]
    assert low <= min(-0.5, expected.min()) and high >= max(9.5, expected.max())


def test_clear_and_an_empty_canvas_show_a_note_and_no_curves(plot):
    plot.show_history([1, 2], np.array([[0.5, 0.5], [0.2, 0.8]]), ("a", "b"))
    plot.clear()
    assert all(data == ([], []) for data in curve_data(plot))
    assert line_above(plot) == TRAIN_NOTE and plot.name_text() == "" and plot.predicted() is None
    plot.show_history([1, 2], np.array([[0.5, 0.5], [0.2, 0.8]]), ("a", "b"))
    assert line_above(plot) == "━ b: 80%" and plot.predicted() == 1
    plot.show_empty_canvas()
    assert all(data == ([], []) for data in curve_data(plot))
    assert line_above(plot) == DRAW_NOTE and plot.name_text() == ""
    plot.show_history([], np.zeros((0, 2)), ("a", "b"))  # no snapshot yet
    assert line_above(plot) == TRAIN_NOTE and all(data == ([], []) for data in curve_data(plot))


def test_the_x_axis_spans_the_run_and_the_plot_is_named(plot):
    assert plot.objectName() == "drawingHistoryPlot"
    plot.clear(epochs=50)
    plot.show_history([1, 2], np.array([[0.5, 0.5], [0.2, 0.8]]), ("a", "b"))
    low, high = plot.getViewBox().viewRange()[0]
    assert low <= 0 and 50 <= high < 52


def test_the_plot_follows_the_palette(plot):
    plot.show_history([1, 2], np.array([[0.5, 0.5], [0.2, 0.8]]), ("a", "b"))
    palette = QPalette(plot.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    plot.setPalette(palette)
    assert plot.backgroundBrush().color().name() == "#202124"
    assert plot.getPlotItem().getAxis("left").textPen().color().name() == "#e8eaed"
    assert line_above(plot) == "━ b: 80%"
    assert "color:#e8eaed;\"> b: 80%" in plot.getPlotItem().titleLabel.item.toHtml()  # in the palette's text colour


def test_a_diverged_epoch_leaves_a_gap_and_the_axis_finite(plot):
    values = np.array([[3.0], [np.nan], [12.0]])  # output × 10 of a regression that blew up, then beyond 9
    plot.show_history([1, 2, 3], values, tuple("0123456789"))
    x, y = plot.curves[0].getData()
    assert x.tolist() == [1.0, 2.0, 3.0] and y[0] == 3.0 and np.isnan(y[1]) and y[2] == 12.0
    low, high = plot.getViewBox().viewRange()[1]
    assert np.isfinite([low, high]).all() and low <= -0.5 and high >= 12.0
