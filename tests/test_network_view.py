"""The network view shows every layer for the drawing, with the engine's numbers, and follows the drawing and
each epoch of a run; an empty canvas shows a note, not a guess."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTabBar
from support.models import make_model
from test_main_window import SMALL_RUN, draw_seven

from digitpad.inference.predict import drawing_to_input
from digitpad.inference.units import drawing_units
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.ui.widgets.network_view import CellGrid, NetworkView, grid_shape


def open_network_tab(window, qtbot) -> NetworkView:
    """Click the Network tab beside the plots, as a person does."""
    bar = window.insight_tabs.findChild(QTabBar)
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Network")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    view = window.network_view
    assert window.insight_tabs.currentWidget() is view and view.isVisible()
    return view


def engine_layers(model, drawing) -> list[np.ndarray]:
    x = drawing_to_input(model, drawing)
    hidden = model.network.hidden_activations(x)
    return [x[0], *(h[0] for h in hidden), model.network.predict_proba(x)[0]]


def assert_same(shown, expected):
    assert [len(v) for v in shown] == [len(v) for v in expected]
    for got, want in zip(shown, expected):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-7)


def test_every_layer_of_the_drawing_is_shown_with_the_engines_numbers(window, qtbot):
    view = open_network_tab(window, qtbot)
    qtbot.mouseClick(window.wide_button, Qt.MouseButton.LeftButton)  # cells big enough to tell apart
    assert not window.loss_plot.isVisible() and window.actions["wide"].isChecked()
    assert view.activations() == [] and view.hint.isVisible()  # an empty canvas: a note, no guess
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: bool(view.activations()))
    model = window.prediction.model
    expected = engine_layers(model, window.canvas.image())
    assert_same(view.activations(), expected)
    np.testing.assert_allclose(view.activations()[-1], window.probabilities.probabilities(), atol=1e-6)
    sizes = model.network.spec.sizes
    assert [grid.title for grid in view.grids] == ["input", *(f"hidden {i}" for i in range(1, len(sizes) - 1)),
                                                   "output"]
    assert view.grids[0].shape == model.input_shape
    assert [grid.shape for grid in view.grids[1:-1]] == [grid_shape(n) for n in sizes[1:-1]]
    # What a person sees: the most active unit of the first hidden layer is painted brighter than a silent one.
    image = view.grab().toImage()
    grid = view.grids[1]
    values = view.activations()[1]

    def painted(i: int):
        centre = grid.mapTo(view, grid.cell_rect(i).center().toPoint())
        return image.pixelColor(centre)
    assert painted(int(np.argmax(values))) == grid.colour(values.max())
    assert painted(int(np.argmin(values))) == grid.colour(values.min())
    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.activations() == [])
    assert view.hint.isVisible() and not any(grid.isVisible() for grid in view.grids)


def test_the_view_follows_the_weights_of_every_epoch_while_a_run_trains(window, qtbot):
    view = open_network_tab(window, qtbot)
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: bool(view.activations()))
    before = view.activations()
    seen = []
    window.session.epoch_finished.connect(lambda update: seen.append(view.activations()))
    window.panel.set_settings(dataclasses.replace(SMALL_RUN, epochs=3))
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        qtbot.mouseClick(window.panel.train_button, Qt.MouseButton.LeftButton)
    assert seen  # the view was refreshed as epochs arrived (an 8×8 network now: its own layer sizes)
    assert [len(v) for v in seen[-1]] == [64, 32, 10] and [len(v) for v in before] != [64, 32, 10]
    assert_same(view.activations(), engine_layers(window.prediction.model, window.canvas.image()))


def test_hidden_from_view_it_computes_nothing_and_catches_up_when_shown(window, qtbot):
    window.insight_tabs.setCurrentWidget(window.doctor_panel)
    draw_seven(qtbot, window.canvas)
    qtbot.wait(60)
    assert window.network_view.activations() == []  # another tab in front: nothing computed
    view = open_network_tab(window, qtbot)
    assert_same(view.activations(), engine_layers(window.prediction.model, window.canvas.image()))


@pytest.mark.parametrize("activation, diverging", [("relu", False), ("sigmoid", False), ("tanh", True),
                                                   ("leaky_relu", True), ("identity", True)])
def test_every_activation_gets_its_own_colour_scale(qtbot, activation, diverging):
    network = MLP(NetworkSpec((64, 16, 9, 10), activation=activation), seed=1)
    x = np.random.default_rng(0).uniform(0, 1, (1, 64)).astype(np.float32)
    hidden = network.hidden_activations(x)
    view = NetworkView()
    qtbot.addWidget(view)
    view.show_layers([x[0], *(h[0] for h in hidden), network.predict_proba(x)[0]], (8, 8), activation)
    layer = view.grids[1]
    assert layer.diverging == diverging and layer.shape == (4, 4) and view.grids[2].shape == (3, 3)
    low, high = layer.value_range
    values = hidden[0][0]
    assert low <= values.min() and values.max() <= high  # every unit's value is on its key
    if activation == "sigmoid":
        assert (low, high) == (0.0, 1.0)
    if diverging:
        assert low == -high
        assert layer.colour(-high).blue() > layer.colour(-high).red()  # below 0 blue, above orange
        assert layer.colour(high).red() > layer.colour(high).blue()


def test_layer_values_are_the_engines_and_a_regression_ends_with_its_one_output():
    drawing = np.zeros((28, 28), np.float32)
    drawing[5:20, 12:15] = 1.0
    model = make_model()
    assert drawing_units(model, np.zeros((28, 28), np.float32)) is None  # no ink: nothing to show
    assert_same(drawing_units(model, drawing).layer_values(), engine_layers(model, drawing))
    spec = NetworkSpec((64, 16, 1), activation="sigmoid", output="sigmoid", loss="mse")
    regression = make_model(network=MLP(spec, seed=2))
    values = drawing_units(regression, drawing).layer_values()
    x = drawing_to_input(regression, drawing)
    assert len(values[-1]) == 1 and values[-1][0] == pytest.approx(float(regression.network.outputs(x)[0, 0]))


def test_grid_shapes_are_near_square():
    assert grid_shape(256) == (16, 16) and grid_shape(100) == (10, 10) and grid_shape(10) == (3, 4)
    assert grid_shape(1) == (1, 1) and grid_shape(1024) == (32, 32)


def test_a_cell_grid_lays_its_cells_inside_itself(qtbot):
    grid = CellGrid("hidden 1", (16, 16), (0.0, 1.0), False)
    qtbot.addWidget(grid)
    grid.resize(120, 200)
    rects = [grid.cell_rect(i) for i in range(256)]
    assert all(grid.rect().contains(r.center().toPoint()) for r in rects)
    assert rects[0].center().toPoint() != rects[255].center().toPoint() and QPoint(0, 0) != rects[0].topLeft()
