"""The unit panel shows what one hidden unit does with the engine's numbers (checked against the engine's pass,
its weights and central differences), and reports what a person does with its "On" box, gain and "Reset edits":
real clicks and keys emit the gain asked for, showing a unit emits nothing."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from support.keys import type_into
from support.models import make_model
from test_units import DRAWING, central_difference

from digitpad.data.loading import load
from digitpad.inference.predict import drawing_to_input
from digitpad.inference.unit_stats import TestSetActivations
from digitpad.inference.units import unit_report
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.evaluate import evaluate
from digitpad.ui.widgets.cell_grid import HIGH_COLOUR, LOW_COLOUR
from digitpad.ui.widgets.unit_panel import HINT, UnitPanel

SPEC = NetworkSpec((784, 12, 8, 10), "tanh", dtype="float64")


@pytest.fixture
def model():
    network = MLP(SPEC, seed=5)
    rng = np.random.default_rng(5)
    for dense in network.dense_layers:
        dense.params["b"][...] = rng.normal(0, 0.3, dense.n_out)
    network.set_unit_gain(2, 7, 0.0)
    network.set_unit_gain(1, 4, 1.5)
    return make_model(network=network, input_shape=(28, 28), preprocessing="mnist-28", input_scale=1 / 255)


@pytest.fixture
def panel(qtbot):
    panel = UnitPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 120)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def requests(panel: UnitPanel) -> list[tuple[int, int, float]]:
    seen = []
    panel.gain_changed.connect(lambda layer, unit, gain: seen.append((layer, unit, gain)))
    return seen


def column(panel: UnitPanel, heading: str) -> list[tuple[str, float]]:
    """The ``name value`` lines under an effects column's heading, as shown."""
    for label in panel.effects:
        lines = label.text().split("\n")
        if lines[0] == heading:
            assert label.isVisible()
            return [(name, float(value)) for name, value in (line.rsplit(" ", 1) for line in lines[1:])]
    return []


def shown_number(panel: UnitPanel, word: str) -> float:
    line = next(line for line in panel.numbers.text().split("\n") if line.startswith(word + " "))
    return float(line.removeprefix(word + " "))


def assert_listed(shown: list[tuple[str, float]], names: list[str], expected: np.ndarray) -> None:
    """The lines name ``names`` in order, each with its expected value to the 2 significant digits shown."""
    assert [name for name, _ in shown] == names
    for (_, value), want in zip(shown, expected):
        assert value == pytest.approx(want, rel=0.05, abs=1e-12)


def test_a_first_layer_unit_shows_the_engines_numbers_and_showing_it_emits_nothing(panel, model, qtbot):
    network, seen = model.network, requests(panel)
    x = drawing_to_input(model, DRAWING)
    hidden = network.hidden_activations(x)
    unit = 4
    panel.show_unit(unit_report(model, DRAWING, 1, unit), model.class_names)
    assert seen == []  # showing is not the person's doing
    assert panel.title.text() == "hidden 1 · unit 4" and not panel.hint.isVisible()
    dense = network.dense_layers[0]
    z = x[0] @ dense.params["W"][:, unit] + dense.params["b"][unit]
    assert shown_number(panel, "activation") == pytest.approx(hidden[0][0, unit], rel=5e-3)  # gain 1.5 applied
    assert shown_number(panel, "pre-activation") == pytest.approx(z, rel=5e-3)
    assert panel.on_box.isChecked() and panel.gain_box.value() == 1.5 and panel.gain_box.text() == "× 1.50"
    # The incoming weights as a 28×28 image in diverging colours, painted as the grid's colours say.
    grid = panel.weights_grid
    assert grid.isVisible() and not panel.sorted_weights.isVisible()
    assert grid.shape == (28, 28) and grid.diverging
    np.testing.assert_array_equal(grid.values, dense.params["W"][:, unit])
    image = panel.grab().toImage()
    strongest_pixel = int(np.argmax(np.abs(dense.params["W"][:, unit])))
    centre = grid.mapTo(panel, grid.cell_rect(strongest_pixel).center().toPoint())
    assert image.pixelColor(centre) == grid.colour(grid.values[strongest_pixel])
    # Its strongest outgoing weights, by the engine's weights.
    outgoing = network.dense_layers[1].params["W"][unit]
    top = np.argsort(-np.abs(outgoing))[:3]
    assert_listed(column(panel, "to hidden 2"), [f"#{i}" for i in top], outgoing[top])
    # Its effect on each class: central differences through the engine's forward pass.
    effect = central_difference(network, x, 1, unit)
    ups, downs = np.argsort(-effect), np.argsort(effect)
    assert_listed(column(panel, "raises"), [str(c) for c in ups[:3] if effect[c] > 0], effect[ups[:3]])
    assert_listed(column(panel, "lowers"), [str(c) for c in downs[:3] if effect[c] < 0], effect[downs[:3]])
    # Pointing at the lists: the effect on every class, each against the central difference.
    every = panel.effects[1].toolTip().split("On every class: ")[1].split(", ")
    assert [entry.split()[0] for entry in every] == list(model.class_names)
    np.testing.assert_allclose([float(entry.split()[1]) for entry in every], effect, rtol=0.06, atol=1e-9)


def test_a_deeper_unit_shows_its_sorted_weights_and_its_weights_to_the_classes(panel, model, qtbot):
    network = model.network
    x = drawing_to_input(model, DRAWING)
    unit = 2
    panel.show_unit(unit_report(model, DRAWING, 2, unit), model.class_names)
    assert panel.title.text() == "hidden 2 · unit 2"
    assert shown_number(panel, "activation") == pytest.approx(network.hidden_activations(x)[1][0, unit], rel=5e-3)
    strip = panel.sorted_weights
    incoming = network.dense_layers[1].params["W"][:, unit]
    assert strip.isVisible() and (panel.weights_grid is None or not panel.weights_grid.isVisible())
    np.testing.assert_array_equal(strip.values, np.sort(incoming)[::-1])
    # What is painted: the largest weight's bar in orange at the left, the smallest's in blue at the right.
    image = panel.grab().toImage()
    area = strip.bars_rect()
    for x_at, value, colour in ((area.left() + 1, incoming.max(), HIGH_COLOUR),
                                (area.right() - 1, incoming.min(), LOW_COLOUR)):
        y = (strip.value_y(0.0) + strip.value_y(value)) / 2
        assert image.pixelColor(strip.mapTo(panel, QPoint(int(x_at), int(y)))) == colour
    # The last hidden layer's next layer is the output: its effects are exactly its weights to the classes.
    weights = network.dense_layers[2].params["W"][unit]
    assert column(panel, "to hidden 3") == []
    ups, downs = np.argsort(-weights), np.argsort(weights)
    assert_listed(column(panel, "raises"), [str(c) for c in ups[:3] if weights[c] > 0], weights[ups[:3]])
    assert_listed(column(panel, "lowers"), [str(c) for c in downs[:3] if weights[c] < 0], weights[downs[:3]])


def test_a_regression_unit_names_the_one_output(panel):
    model = make_model(network=MLP(NetworkSpec((64, 6, 1), "sigmoid", "identity", "mse"), seed=3))
    report = unit_report(model, DRAWING, 1, 0)
    panel.show_unit(report, model.class_names)
    weight = float(model.network.dense_layers[1].params["W"][0, 0])
    assert column(panel, "raises" if weight > 0 else "lowers") == [("output", pytest.approx(weight, rel=0.05))]
    assert panel.weights_grid.shape == (8, 8)


def test_ticking_on_and_typing_a_gain_ask_for_that_gain(panel, model, qtbot):
    seen = requests(panel)
    panel.show_unit(unit_report(model, DRAWING, 1, 3), model.class_names)
    qtbot.mouseClick(panel.on_box, Qt.MouseButton.LeftButton, pos=panel.on_box.rect().center())
    assert seen == [(1, 3, 0.0)] and panel.gain_box.value() == 0.0  # off: it outputs 0
    qtbot.mouseClick(panel.on_box, Qt.MouseButton.LeftButton, pos=panel.on_box.rect().center())
    assert seen[-1] == (1, 3, 1.0) and panel.on_box.isChecked()
    editor = panel.gain_box.lineEdit()
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert seen[-1] == (1, 3, pytest.approx(1.1))
    type_into(panel.gain_box, "2.5")
    assert seen[-1] == (1, 3, 2.5)
    type_into(panel.gain_box, "0")
    assert seen[-1] == (1, 3, 0.0) and not panel.on_box.isChecked()  # gain 0 is off
    qtbot.mouseClick(panel.on_box, Qt.MouseButton.LeftButton, pos=panel.on_box.rect().center())
    assert seen[-1] == (1, 3, 2.5)  # on again at the gain it had
    count = len(seen)
    model.network.set_unit_gain(2, 5, 0.0)
    panel.show_unit(unit_report(model, DRAWING, 2, 5), model.class_names)  # another unit, switched off
    assert len(seen) == count and not panel.on_box.isChecked() and panel.gain_box.value() == 0.0
    qtbot.mouseClick(panel.on_box, Qt.MouseButton.LeftButton, pos=panel.on_box.rect().center())
    assert seen[-1] == (2, 5, 1.0)


def test_reset_edits_is_offered_only_with_edits(panel, qtbot):
    asked = []
    panel.reset_requested.connect(lambda: asked.append(True))
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert asked == [] and not panel.reset_button.isEnabled()
    panel.set_edited(True)
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert asked == [True]


def test_the_accuracy_shown_is_the_networks_as_edited_and_as_trained(panel):
    train, test = load("digits8x8", "train"), load("digits8x8", "test")
    network = MLP(NetworkSpec((64, 16, 10)), seed=2)
    x, targets = train.images / np.float32(16), network.targets(train.labels)
    for _ in range(60):
        network.train_step(x, targets)
        for _, param, grad in network.parameters():
            param -= 0.5 * grad
    cache = TestSetActivations.compute(network, test.images / np.float32(16), test.labels, lambda share: None,
                                       lambda: False)
    trained = evaluate(network, test, 1 / 16).accuracy
    panel.show_accuracy(cache.accuracy(network), cache.trained_accuracy)
    assert panel.accuracy.text() == f"Test accuracy {100 * trained:.1f} %"
    for unit in range(8):
        network.set_unit_gain(1, unit, 0.0)
    panel.set_edited(True)
    panel.show_accuracy(None, cache.trained_accuracy, "computing…")
    assert panel.accuracy.text() == f"Test accuracy computing… (as trained {100 * trained:.1f} %)"
    panel.show_accuracy(cache.accuracy(network), cache.trained_accuracy)
    edited = evaluate(network, test, 1 / 16).accuracy
    assert edited != trained
    assert panel.accuracy.text() == f"Test accuracy {100 * edited:.1f} % (as trained {100 * trained:.1f} %)"
    panel.show_accuracy(None, None, "The test images of MNIST are not on this computer.")
    assert panel.accuracy.text() == "The test images of MNIST are not on this computer."


def test_the_top_images_or_a_note_in_their_place(panel, model, qtbot):
    panel.show_unit(unit_report(model, DRAWING, 1, 0), model.class_names)
    note = "Finding the test images this unit responds to most…"
    panel.show_top_images(None, note)
    assert panel.tiles_note.isVisible() and panel.tiles_note.text() == note and not panel.tiles.isVisible()
    images = np.random.default_rng(0).uniform(0, 1, (9, 28, 28))
    images[4] = 1.0
    images[0] = 0.0
    panel.show_top_images(images, "")
    assert panel.tiles.isVisible() and not panel.tiles_note.isVisible()
    picture = panel.grab().toImage()
    tiles = panel.tiles
    for index, grey in ((4, 255), (0, 0)):  # the brightest and darkest tiles, in their places
        assert picture.pixelColor(tiles.mapTo(panel, tiles.tile_rect(index).center().toPoint())) == \
            QColor(grey, grey, grey)


def test_without_a_unit_the_panel_shows_the_hint(panel, model):
    panel.show_unit(unit_report(model, DRAWING, 1, 0), model.class_names)
    panel.show_unit(None, model.class_names)
    assert panel.hint.isVisible() and panel.hint.text() == HINT
    assert not any(w.isVisible() for w in (panel.title, panel.numbers, panel.on_box, panel.gain_box,
                                           panel.tiles, panel.tiles_note, *panel.effects))
    assert panel.reset_button.isVisible() and panel.accuracy.isVisible()
