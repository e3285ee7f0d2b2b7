"""The network view's parts in the main window, driven as a person drives them: pointing at and clicking hidden
units, Ctrl+click to switch one off, the unit panel's gain and "Reset edits", saving and opening an edited model,
the units marked for pushing the predicted class, the Backprop tab's numbers and its one step, the drawing's
probabilities epoch by epoch, and Wide. Every number shown is checked against the engine (digitpad.nn) or
against a pass worked out by hand here."""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabBar
from support.keys import type_into
from test_main_window import LONG_RUN, SMALL_RUN, draw_seven
from test_network_view import engine_layers, open_network_tab

from digitpad.data.loading import load
from digitpad.data.registry import BUNDLED
from digitpad.inference.predict import drawing_to_input
from digitpad.lab.mistakes import apply_mistakes
from digitpad.model.bundle import Model
from digitpad.nn.network import MLP
from digitpad.training.evaluate import evaluate
from digitpad.training.prepare import prepare_run
from digitpad.ui.app import default_model
from digitpad.ui.main_window import WIDE_KEY
from digitpad.ui.model_files import SKIP_SAVE_QUESTION
from digitpad.ui.unit_inspection import MARKED
from digitpad.ui.widgets.cell_grid import UP_COLOUR

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
# 8×8 networks trained on the bundled digits (its test split is always there): one to four hidden layers, every
# hidden activation, every head, a summed gradient and a label/10 regression.
ARCHITECTURES = {
    "relu 32": SMALL_RUN,
    "tanh 16,12": dataclasses.replace(SMALL_RUN, hidden="16,12", activation="tanh"),
    "sigmoid+bce 12,10,8": dataclasses.replace(SMALL_RUN, hidden="12,10,8", activation="sigmoid",
                                               head="sigmoid+bce", lr=0.5),
    "identity 10,9,8,7": dataclasses.replace(SMALL_RUN, hidden="10,9,8,7", activation="identity", lr=0.05),
    "sigmoid+mse summed 24": dataclasses.replace(SMALL_RUN, hidden="24", activation="sigmoid", head="sigmoid+mse",
                                                 sum_gradient=True, lr=0.01),
    "regression 16,8": dataclasses.replace(SMALL_RUN, hidden="16,8", activation="leaky_relu", head="identity+mse",
                                           regression=True, lr=0.05),
}


@functools.cache
def _trained(name: str) -> Model:
    run = prepare_run(ARCHITECTURES[name])
    return run.model(run.fit())


def trained(name: str) -> Model:
    """A fresh copy of the model of architecture ``name`` trained on the bundled 8×8 digits (trained once)."""
    model = _trained(name)
    assert model.dataset == BUNDLED
    return model.copy()


def show(window, qtbot, model: Model):
    """Make ``model`` the window's, click the Network tab and Wide (cells big enough to point at), draw a seven;
    the network view, once it shows the drawing."""
    window.files.set_model(model, None)
    view = open_network_tab(window, qtbot)
    if not window.wide_button.isChecked():
        qtbot.mouseClick(window.wide_button, LEFT)
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: bool(view.activations()))
    return view


def centre(grid, unit: int) -> QPoint:
    return grid.cell_rect(unit).center().toPoint()


def point_at(qtbot, grid, unit: int) -> None:
    qtbot.mouseMove(grid, centre(grid, unit))


def ctrl_click(qtbot, grid, unit: int) -> None:
    qtbot.mouseClick(grid, LEFT, CTRL, centre(grid, unit))


def x_of(window) -> np.ndarray:
    return x_of_model(window.files.model, window)


def x_of_model(model: Model, window) -> np.ndarray:
    """The canvas's drawing as ``model`` receives it, ``(1, n_inputs)``."""
    return drawing_to_input(model, window.canvas.image())


def plain_network(model: Model) -> MLP:
    """The model's network as trained: same weights and head, no gains."""
    network = MLP(model.network.spec)
    network.set_weights(model.network.get_weights())
    network.head = copy.copy(model.network.head)  # a lab mistake's head included
    return network


def probabilities_with(model: Model, x: np.ndarray, gains: dict[tuple[int, int], float]) -> np.ndarray:
    """The probabilities with each (layer, unit) of ``gains`` scaled by hand: its outgoing weights (the row of the
    next weight array) multiplied by the gain, which is what multiplying its output does."""
    network = plain_network(model)
    for (layer, unit), gain in gains.items():
        network.dense_layers[layer].params["W"][unit, :] *= gain
    return network.predict_proba(x)[0]


def pre_activation_by_hand(model: Model, x: np.ndarray, layer: int, unit: int) -> float:
    """z = a·w + b of a hidden unit, with the layer below's outputs from the engine."""
    below = x[0] if layer == 1 else model.network.hidden_activations(x)[layer - 2][0]
    dense = model.network.dense_layers[layer - 1]
    return float(below.astype(np.float64) @ dense.params["W"][:, unit] + dense.params["b"][unit])


def shown_numbers(label) -> tuple[float, float]:
    """The unit panel's activation and pre-activation, as written."""
    lines = label.text().split("\n")
    assert lines[0].startswith("activation ") and lines[1].startswith("pre-activation ")
    return float(lines[0].split()[-1]), float(lines[1].split()[-1])


def numbers_in(text: str) -> list[float]:
    """The numbers written in ``text`` (a real minus sign read as one)."""
    return [float(m) for m in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", text.replace("−", "-"))]


def percent(share: float) -> str:
    return f"{100 * share:.1f} %"


def text_pixels(grid, unit: int) -> int:
    """Pixels painted in the text colour inside a cell (3 px in from its edges, away from any frame): the cross of a
    switched-off unit, nothing for a plain cell."""
    image = grid.grab().toImage()
    text = grid.palette().color(QPalette.ColorRole.Text)
    rect = grid.cell_rect(unit).adjusted(3, 3, -3, -3).toRect()
    return sum(image.pixelColor(x, y) == text for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def menu_action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


def click_tab(window, qtbot, title: str) -> None:
    bar = window.insight_tabs.findChild(QTabBar)
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())


# -- 1. pointing at and clicking a unit -------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["relu 32", "tanh 16,12", "regression 16,8"])
def test_pointing_at_a_unit_shows_the_engines_numbers_and_its_top_test_images(window, qtbot, name):
    view = show(window, qtbot, trained(name))
    model, panel, x = window.files.model, view.unit_panel, x_of(window)
    layer = len(model.network.spec.sizes) - 2  # the last hidden layer (the first for one hidden layer)
    grid = view.grids[layer]
    activations = model.network.hidden_activations(x)[layer - 1][0]
    unit = int(np.argmax(activations))
    assert panel.report is None and panel.hint.isVisible()
    point_at(qtbot, grid, unit)
    assert (panel.report.layer, panel.report.unit) == (layer, unit)
    assert panel.title.text() == f"hidden {layer} · unit {unit}" and panel.numbers.isVisible()
    pre = pre_activation_by_hand(model, x, layer, unit)
    assert panel.report.activation == pytest.approx(float(activations[unit]), rel=1e-5)
    assert panel.report.pre_activation == pytest.approx(pre, rel=1e-5, abs=1e-6)
    assert shown_numbers(panel.numbers) == (pytest.approx(float(activations[unit]), rel=5e-3),
                                            pytest.approx(pre, rel=5e-3, abs=1e-3))
    # The 9 test images shown are those of the largest activations of this unit over the test split.
    qtbot.waitUntil(lambda: panel.tiles.images is not None, timeout=20_000)
    test = load(BUNDLED, "test")
    on_test = model.network.hidden_activations(test.images * model.input_scale)[layer - 1][:, unit]
    shown = panel.tiles.images.reshape(len(panel.tiles.images), -1)
    assert len(shown) == 9 and panel.tiles.isVisible()
    rows = [int(np.flatnonzero((test.images / test.max_value == image).all(axis=1))[0]) for image in shown]
    np.testing.assert_allclose(on_test[rows], np.sort(on_test)[::-1][:9], rtol=1e-6)  # ties may come in any order
    # Pointing at another unit shows that one; the mouse leaving the units shows the hint again.
    other = int(np.argmin(activations))
    point_at(qtbot, grid, other)
    assert panel.report.unit == other
    assert panel.report.activation == pytest.approx(float(activations[other]), rel=1e-5, abs=1e-7)
    qtbot.mouseMove(window.canvas, window.canvas.rect().center())
    assert panel.report is None and panel.hint.isVisible()
    # A click keeps the unit in the panel after the mouse has left.
    qtbot.mouseClick(grid, LEFT, pos=centre(grid, unit))
    qtbot.mouseMove(window.canvas, window.canvas.rect().center())
    assert (panel.report.layer, panel.report.unit) == (layer, unit) and grid.selected == unit
    assert panel.report.activation == pytest.approx(float(activations[unit]), rel=1e-5)


def effect_column(panel, heading: str) -> list[tuple[str, float]]:
    """The ``name value`` lines under a heading of the unit panel's effect columns, as shown."""
    label = next(label for label in panel.effects if label.text().split("\n")[0] == heading)
    assert label.isVisible()
    return [(name, float(value)) for name, value in (line.rsplit(" ", 1) for line in label.text().split("\n")[1:])]


def strongest_by_hand(values: np.ndarray, sign: int = 0, k: int = 3) -> list[int]:
    candidates = [i for i in range(len(values)) if values[i] * sign > 0] if sign else list(range(len(values)))
    return sorted(candidates, key=lambda i: -abs(values[i]))[:k]


def test_a_units_weights_and_effects_in_the_panel_are_the_networks(window, qtbot):
    view = show(window, qtbot, trained("tanh 16,12"))
    model, panel, x = window.files.model, view.unit_panel, x_of(window)
    W0, W1, W2 = (dense.params["W"].astype(np.float64) for dense in model.network.dense_layers)
    # A first-layer unit: its incoming weights as an 8×8 image, its strongest weights to hidden 2, and how its
    # output moves each class score through hidden 2 (∂z_c/∂a = Σ_v W1[u, v] · tanh′(z_v) · W2[v, c]).
    point_at(qtbot, view.grids[1], 5)
    grid = panel.weights_grid
    assert grid is not None and grid.isVisible() and grid.shape == (8, 8) and not panel.sorted_weights.isVisible()
    np.testing.assert_allclose(grid.values, W0[:, 5], rtol=1e-6)
    shown = effect_column(panel, "to hidden 2")
    assert [int(name[1:]) for name, _ in shown] == strongest_by_hand(W1[5])
    assert [v for _, v in shown] == [pytest.approx(W1[5, i], rel=0.05) for i in strongest_by_hand(W1[5])]
    a1 = plain_network(model).hidden_activations(x)[1][0].astype(np.float64)
    effects = (W1[5] * (1 - a1 ** 2)) @ W2
    for heading, sign in (("raises", 1), ("lowers", -1)):
        classes = strongest_by_hand(effects, sign)
        assert effect_column(panel, heading) == [(str(c), pytest.approx(effects[c], rel=0.05)) for c in classes]
    # A last-layer unit: its incoming weights sorted, and its weights to the classes.
    point_at(qtbot, view.grids[2], 3)
    assert panel.sorted_weights.isVisible() and not grid.isVisible()
    np.testing.assert_allclose(panel.sorted_weights.values, np.sort(W1[:, 3])[::-1], rtol=1e-6)
    assert effect_column(panel, "raises") == [(str(c), pytest.approx(W2[3, c], rel=0.05))
                                              for c in strongest_by_hand(W2[3], 1)]


# -- 2. switching a unit off and on, scaling it ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["relu 32", "tanh 16,12", "sigmoid+bce 12,10,8", "identity 10,9,8,7"])
def test_ctrl_click_switches_a_unit_off_for_the_drawing_the_bars_and_the_test_accuracy(window, qtbot, name):
    view = show(window, qtbot, trained(name))
    model, panel, x = window.files.model, view.unit_panel, x_of(window)
    layer = 1
    grid = view.grids[layer]
    unit = int(np.argmax(model.network.hidden_activations(x)[0][0]))
    before = window.probabilities.probabilities().copy()
    point_at(qtbot, grid, unit)
    qtbot.waitUntil(lambda: panel.tiles.images is not None, timeout=20_000)  # the test split has been passed
    test = load(BUNDLED, "test")
    as_trained = evaluate(model.network, test, model.input_scale).accuracy
    assert panel.accuracy.text() == f"Test accuracy {percent(as_trained)}"
    assert "(edited)" not in window.windowTitle() and not window.isWindowModified()
    assert text_pixels(grid, unit) == 0 and panel.on_box.isChecked()

    ctrl_click(qtbot, grid, unit)
    shown = view.activations()
    assert shown[layer][unit] == 0
    expected = probabilities_with(model, x, {(layer, unit): 0.0})
    assert not np.allclose(expected, before, atol=1e-4)  # switching it off moves the bars at all
    np.testing.assert_allclose(window.probabilities.probabilities(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(shown[-1], expected, rtol=1e-5, atol=1e-6)
    hidden = model.network.hidden_activations(x)  # the engine with the gain: the unit outputs 0
    assert hidden[0][0, unit] == 0
    for got, want in zip(shown[1:-1], hidden):
        np.testing.assert_allclose(got, want[0], rtol=1e-6, atol=1e-7)
    assert "(edited)" in window.windowTitle() and window.isWindowModified() and model.edited
    assert grid.off == (unit,) and text_pixels(grid, unit) >= grid.cell_rect(unit).width()  # crossed out
    assert not panel.on_box.isChecked() and panel.gain_box.value() == 0
    pre = pre_activation_by_hand(model, x, layer, unit)
    assert panel.report.activation == 0 and panel.report.pre_activation == pytest.approx(pre, rel=1e-5, abs=1e-6)
    edited = evaluate(model.network, test, model.input_scale).accuracy
    qtbot.waitUntil(lambda: "computing" not in panel.accuracy.text(), timeout=20_000)
    assert panel.accuracy.text() == f"Test accuracy {percent(edited)} (as trained {percent(as_trained)})"
    assert panel.reset_button.isEnabled()

    # The public API does the same for another unit.
    deeper = len(model.network.spec.sizes) - 2
    others = np.argsort(-plain_network(model).hidden_activations(x)[deeper - 1][0], kind="stable")
    other = int(next(u for u in others if (deeper, u) != (layer, unit)))
    view.set_unit_enabled(deeper, other, False)
    assert view.activations()[deeper][other] == 0 and other in view.grids[deeper].off
    np.testing.assert_allclose(window.probabilities.probabilities(),
                               probabilities_with(model, x, {(layer, unit): 0.0, (deeper, other): 0.0}),
                               rtol=1e-5, atol=1e-6)
    view.set_unit_enabled(deeper, other, True)

    # Ctrl+click again: back on, exactly as trained.
    ctrl_click(qtbot, grid, unit)
    assert not model.network.gains and grid.off == () and panel.on_box.isChecked()
    np.testing.assert_array_equal(window.probabilities.probabilities(), before)
    for got, want in zip(view.activations(), engine_layers(model, window.canvas.image())):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-7)


def test_a_regression_unit_switched_off_moves_its_number_as_a_pass_by_hand_says(window, qtbot):
    view = show(window, qtbot, trained("regression 16,8"))
    model, x = window.files.model, x_of(window)
    assert window.number_line.isVisible() and not window.probabilities.isVisible()
    unit = int(np.argmax(np.abs(model.network.hidden_activations(x)[1][0])))
    ctrl_click(qtbot, view.grids[2], unit)
    network = plain_network(model)
    network.dense_layers[2].params["W"][unit, :] = 0
    output = float(network.outputs(x)[0, 0])
    assert view.activations()[2][unit] == 0 and view.activations()[-1][0] == pytest.approx(output, rel=1e-5)
    assert window.number_line.value() == pytest.approx(10 * output, rel=1e-5)
    assert window.number_line.digit() == int(network.predict(x)[0]) and "(edited)" in window.windowTitle()


def test_set_unit_enabled_for_a_unit_the_network_lacks_says_so_to_the_caller(window, qtbot):
    view = show(window, qtbot, trained("relu 32"))
    with pytest.raises(ValueError, match="hidden layers are numbered 1 to 1"):
        view.set_unit_enabled(2, 0, False)
    with pytest.raises(ValueError, match="units 0 to 31"):
        view.set_unit_enabled(1, 32, False)
    assert not window.files.model.network.gains and "(edited)" not in window.windowTitle()


def test_the_gain_typed_into_the_unit_panel_scales_the_units_output(window, qtbot):
    view = show(window, qtbot, trained("tanh 16,12"))
    model, panel, x = window.files.model, view.unit_panel, x_of(window)
    grid = view.grids[2]
    activations = model.network.hidden_activations(x)[1][0]
    unit = int(np.argmax(np.abs(activations)))
    qtbot.mouseClick(grid, LEFT, pos=centre(grid, unit))  # keep it in the panel
    type_into(panel.gain_box, "2.5")
    assert model.network.unit_gain(2, unit) == 2.5
    assert view.activations()[2][unit] == pytest.approx(2.5 * float(activations[unit]), rel=1e-5)
    assert panel.report.activation == pytest.approx(2.5 * float(activations[unit]), rel=1e-5)
    np.testing.assert_allclose(window.probabilities.probabilities(), probabilities_with(model, x, {(2, unit): 2.5}),
                               rtol=1e-5, atol=1e-6)
    assert "(edited)" in window.windowTitle() and panel.on_box.isChecked() and grid.off == ()
    qtbot.mouseClick(panel.on_box, LEFT)  # untick On: off
    assert view.activations()[2][unit] == 0 and not panel.on_box.isChecked()
    qtbot.mouseClick(panel.on_box, LEFT)  # tick it again: back at the gain it had
    assert view.activations()[2][unit] == pytest.approx(2.5 * float(activations[unit]), rel=1e-5)


def test_ctrl_click_switches_a_scaled_unit_back_on_at_its_gain(window, qtbot):
    view = show(window, qtbot, trained("tanh 16,12"))
    model, panel, grid = window.files.model, view.unit_panel, view.grids[1]
    qtbot.mouseClick(grid, LEFT, pos=centre(grid, 6))
    type_into(panel.gain_box, "2")
    ctrl_click(qtbot, grid, 6)
    assert model.network.unit_gain(1, 6) == 0
    ctrl_click(qtbot, grid, 6)
    assert model.network.unit_gain(1, 6) == 2.0 and panel.gain_box.value() == 2.0


# -- 3. Reset edits ---------------------------------------------------------------------------------------------
def test_reset_edits_restores_every_unit_and_the_probabilities_exactly(window, qtbot):
    view = show(window, qtbot, trained("tanh 16,12"))
    model, panel = window.files.model, view.unit_panel
    before, layers = window.probabilities.probabilities().copy(), view.activations()
    assert not panel.reset_button.isEnabled()
    ctrl_click(qtbot, view.grids[1], 3)
    ctrl_click(qtbot, view.grids[2], 5)
    type_into(panel.gain_box, "0.5")  # unit 5 of hidden 2 is in the panel: at half strength now, not off
    ctrl_click(qtbot, view.grids[2], 7)
    assert {(1, 3): 0.0, (2, 5): 0.5, (2, 7): 0.0} == {
        (layer, unit): model.network.unit_gain(layer, unit) for layer, unit in ((1, 3), (2, 5), (2, 7))}
    assert "(edited)" in window.windowTitle() and panel.reset_button.isEnabled()
    qtbot.mouseClick(panel.reset_button, LEFT)
    assert not model.network.gains and not model.edited
    np.testing.assert_array_equal(window.probabilities.probabilities(), before)
    for got, want in zip(view.activations(), layers):
        np.testing.assert_array_equal(got, want)
    assert all(grid.off == () for grid in view.grids[1:-1])
    assert "(edited)" not in window.windowTitle() and not panel.reset_button.isEnabled()
    as_trained = evaluate(model.network, load(BUNDLED, "test"), model.input_scale).accuracy
    qtbot.waitUntil(lambda: panel.accuracy.text() == f"Test accuracy {percent(as_trained)}", timeout=20_000)


# -- 4. saving and opening an edited model --------------------------------------------------------------------
def test_an_edited_model_is_saved_with_its_edits_and_opens_edited(window, qtbot, tmp_path, monkeypatch):
    view = show(window, qtbot, trained("tanh 16,12"))
    ctrl_click(qtbot, view.grids[1], 4)
    ctrl_click(qtbot, view.grids[2], 9)
    qtbot.mouseClick(view.grids[2], LEFT, pos=centre(view.grids[2], 2))
    type_into(view.unit_panel.gain_box, "1.5")
    probabilities = window.probabilities.probabilities().copy()
    path = tmp_path / "knocked-out.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "knocked-out"), ""))
    menu_action(window, "Save as…").trigger()
    assert path.is_file() and not window.isWindowModified() and "(edited)" in window.windowTitle()
    with np.load(path, allow_pickle=False) as npz:
        edits = json.loads(bytes(npz["metadata"]))["edits"]
    assert edits == [{"kind": "unit", "layer": 1, "unit": 4, "gain": 0.0},
                     {"kind": "unit", "layer": 2, "unit": 2, "gain": 1.5},
                     {"kind": "unit", "layer": 2, "unit": 9, "gain": 0.0}]
    window.files.set_model(default_model(), None)
    assert "(edited)" not in window.windowTitle()
    assert window.files.open(path)
    qtbot.waitUntil(lambda: len(view.activations()) == 4)
    model = window.files.model
    assert "(edited)" in window.windowTitle() and model.edited
    assert "2 units switched off, 1 unit scaled" in window.model_label.text()
    assert model.network.unit_gain(1, 4) == 0 and model.network.unit_gain(2, 9) == 0
    assert model.network.unit_gain(2, 2) == 1.5
    assert view.grids[1].off == (4,) and view.grids[2].off == (9,)
    assert view.activations()[1][4] == 0 and view.activations()[2][9] == 0
    np.testing.assert_allclose(window.probabilities.probabilities(), probabilities, rtol=1e-6, atol=1e-7)
    # Its test accuracy as edited, beside the one as trained.
    point_at(qtbot, view.grids[1], 0)
    test = load(BUNDLED, "test")
    edited = evaluate(model.network, test, model.input_scale).accuracy
    as_trained = evaluate(plain_network(model), test, model.input_scale).accuracy
    expected = f"Test accuracy {percent(edited)} (as trained {percent(as_trained)})"
    qtbot.waitUntil(lambda: view.unit_panel.accuracy.text() == expected, timeout=20_000)


# -- 5. no edits while a run trains -------------------------------------------------------------------------------
def test_while_a_run_trains_ctrl_click_edits_nothing_and_the_status_bar_says_why(window, qtbot):
    view = open_network_tab(window, qtbot)
    qtbot.mouseClick(window.wide_button, LEFT)
    draw_seven(qtbot, window.canvas)
    window.panel.set_settings(LONG_RUN)
    with qtbot.waitSignal(window.session.started, timeout=10_000):
        qtbot.mouseClick(window.panel.train_button, LEFT)
    hidden = int(LONG_RUN.hidden)
    qtbot.waitUntil(lambda: [len(v) for v in view.activations()] == [64, hidden, 10], timeout=30_000)
    unit = int(np.argmax(view.activations()[1]))
    ctrl_click(qtbot, view.grids[1], unit)
    assert window.session.running  # the click came while it trained
    assert "once the training has ended" in window.statusBar().currentMessage()
    assert not window.prediction.model.network.gains and not window.files.model.network.gains
    assert view.grids[1].off == () and "(edited)" not in window.windowTitle()

    def shows_the_runs_network() -> None:  # as it is at this epoch: the unit is on
        run = window.prediction.model
        np.testing.assert_allclose(view.activations()[1],
                                   run.network.hidden_activations(x_of_model(run, window))[0][0], rtol=1e-6)
    shows_the_runs_network()
    view.set_unit_enabled(1, unit, False)  # the public API is refused alike
    assert not window.prediction.model.network.gains
    shows_the_runs_network()
    # And the unit panel's On box: the click is refused and the box shows the unit on again.
    qtbot.mouseClick(view.grids[1], LEFT, pos=centre(view.grids[1], unit))
    window.statusBar().clearMessage()
    qtbot.mouseClick(view.unit_panel.on_box, LEFT)
    assert "once the training has ended" in window.statusBar().currentMessage()
    assert view.unit_panel.on_box.isChecked() and not window.prediction.model.network.gains
    # Nor does Backprop ▸ Take one step change a network while it trains.
    click_tab(window, qtbot, "Backprop")
    qtbot.waitUntil(lambda: bool(window.backprop_view.gradients()))
    window.statusBar().clearMessage()
    qtbot.mouseClick(window.backprop_view.step_button, LEFT)
    assert window.session.running and "once the training has ended" in window.statusBar().currentMessage()
    assert not window.files.model.hand_steps and not window.prediction.model.hand_steps
    assert "(edited)" not in window.windowTitle()
    with qtbot.waitSignal(window.session.finished, timeout=10_000):
        qtbot.mouseClick(window.panel.stop_button, LEFT)


def pointed_with_accuracy(window, qtbot):
    """A trained relu 32 model in the Network tab, unit 3 pointed at, its test accuracy shown: (view, panel)."""
    view = show(window, qtbot, trained("relu 32"))
    panel = view.unit_panel
    point_at(qtbot, view.grids[1], 3)
    qtbot.waitUntil(lambda: panel.accuracy.text().startswith("Test accuracy"), timeout=20_000)
    return view, panel


def test_while_a_run_trains_the_panel_shows_no_test_accuracy_of_another_network(window, qtbot):
    view, panel = pointed_with_accuracy(window, qtbot)
    window.panel.set_settings(LONG_RUN)
    with qtbot.waitSignal(window.session.started, timeout=10_000):
        qtbot.mouseClick(window.panel.train_button, LEFT)
    qtbot.waitUntil(lambda: [len(v) for v in view.activations()] == [64, int(LONG_RUN.hidden), 10], timeout=30_000)
    point_at(qtbot, view.grids[1], 5)
    assert window.session.running and panel.report is not None and panel.tiles.images is None
    assert "%" not in panel.accuracy.text()  # no number, or a note that it comes when the training has ended
    with qtbot.waitSignal(window.session.finished, timeout=10_000):
        qtbot.mouseClick(window.panel.stop_button, LEFT)


def test_a_model_without_its_test_split_shows_no_test_accuracy_of_the_previous_one(window, qtbot):
    view, panel = pointed_with_accuracy(window, qtbot)
    window.files.set_model(default_model(), None)  # the bundled MNIST model: no MNIST in this test's data store
    qtbot.waitUntil(lambda: len(view.activations()[0]) == 784)
    point_at(qtbot, view.grids[1], 3)
    assert panel.report is not None and "not on this computer" in panel.tiles_note.text()
    assert "%" not in panel.accuracy.text()


def test_undo_step_while_a_run_trains_leaves_the_windows_model_alone(window, qtbot):
    show(window, qtbot, trained("relu 32"))
    model = window.files.model
    original = model.network.get_weights()
    click_tab(window, qtbot, "Backprop")
    view = window.backprop_view
    qtbot.waitUntil(lambda: bool(view.gradients()))
    qtbot.mouseClick(view.step_button, LEFT)
    stepped = model.network.get_weights()
    window.settings.setValue(SKIP_SAVE_QUESTION, True)  # as if "Don't ask again before training" had been ticked
    window.panel.set_settings(dataclasses.replace(LONG_RUN, hidden="32"))  # the same shape as the model's
    with qtbot.waitSignal(window.session.started, timeout=10_000):
        qtbot.mouseClick(window.panel.train_button, LEFT)
    assert window.prediction.model is not model  # the views follow the run's network
    qtbot.mouseClick(view.undo_button, LEFT)
    epochs = []
    window.session.epoch_finished.connect(epochs.append)
    qtbot.waitUntil(lambda: bool(epochs), timeout=30_000)
    assert window.session.running and window.prediction.model is not model
    weights = model.network.get_weights()
    assert any(all(np.array_equal(weights[k], kept[k]) for k in weights) for kept in (stepped, original))
    with qtbot.waitSignal(window.session.finished, timeout=10_000):
        qtbot.mouseClick(window.panel.stop_button, LEFT)


def test_saving_while_a_run_trains_leaves_the_view_on_the_run_and_the_saved_model_alone(window, qtbot, tmp_path,
                                                                                       monkeypatch):
    view = show(window, qtbot, trained("relu 32"))
    model = window.files.model
    original = model.network.get_weights()
    window.panel.set_settings(dataclasses.replace(LONG_RUN, hidden="32"))  # the same shape as the model's
    with qtbot.waitSignal(window.session.started, timeout=10_000):
        qtbot.mouseClick(window.panel.train_button, LEFT)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "before-the-run"), ""))
    menu_action(window, "Save as…").trigger()
    assert (tmp_path / "before-the-run.npz").is_file()
    epochs = []
    window.session.epoch_finished.connect(epochs.append)
    qtbot.waitUntil(lambda: bool(epochs), timeout=30_000)
    assert window.session.running and window.prediction.model is not model  # the view still follows the run
    run = window.prediction.model
    np.testing.assert_allclose(view.activations()[1], run.network.hidden_activations(x_of_model(run, window))[0][0],
                               rtol=1e-6)
    weights = model.network.get_weights()
    assert all(np.array_equal(weights[k], original[k]) for k in weights)
    with qtbot.waitSignal(window.session.finished, timeout=10_000):
        qtbot.mouseClick(window.panel.stop_button, LEFT)


# -- 6. the units that pushed the predicted class -----------------------------------------------------------------
def contributions_by_hand(model: Model, x: np.ndarray, klass: int) -> list[np.ndarray]:
    """Each hidden unit's output × ∂score/∂output for class ``klass``: a central difference of the class score
    (the last Dense layer's z) in float64, nudging one unit's output and passing the layers above by hand."""
    network = plain_network(model)
    dense, activation = network.dense_layers, network.layers[1]
    outputs = [h[0].astype(np.float64) for h in network.hidden_activations(x)]

    def score(layer: int, values: np.ndarray) -> float:  # from hidden layer ``layer``'s outputs up
        for k in range(layer, len(dense)):
            z = values @ dense[k].params["W"].astype(np.float64) + dense[k].params["b"]
            values = activation.forward(z[None, :], train=False)[0] if k < len(dense) - 1 else z
        return float(values[klass])

    found = []
    for layer, a in enumerate(outputs, start=1):
        slopes = np.empty(len(a))
        for u in range(len(a)):
            up, down = a.copy(), a.copy()
            up[u] += 1e-6
            down[u] -= 1e-6
            slopes[u] = (score(layer, up) - score(layer, down)) / 2e-6
        found.append(a * slopes)
    return found


@pytest.mark.parametrize("name", ["relu 32", "tanh 16,12", "sigmoid+bce 12,10,8", "identity 10,9,8,7",
                                  "regression 16,8"])
def test_the_units_framed_are_those_that_pushed_the_predicted_class_most(window, qtbot, name):
    view = show(window, qtbot, trained(name))
    model, x = window.files.model, x_of(window)
    regression = model.network.spec.is_regression  # one score, its one output
    klass = 0 if regression else int(np.argmax(window.probabilities.probabilities()))
    found = contributions_by_hand(model, x, klass)
    last = model.network.hidden_activations(x)[-1][0] * model.network.dense_layers[-1].params["W"][:, klass]
    np.testing.assert_allclose(found[-1], last, rtol=1e-4, atol=1e-6)  # the last hidden layer: exactly a × W[:, c]
    for grid, contributions in zip(view.grids[1:-1], found):
        ups = [u for u in np.argsort(-contributions, kind="stable") if contributions[u] > 0][:MARKED]
        downs = [u for u in np.argsort(contributions, kind="stable") if contributions[u] < 0][:MARKED]
        assert (list(grid.ups), list(grid.downs)) == (ups, downs)
    if not regression:
        assert view.marks_key.isVisible() and f"“{model.class_names[klass]}” up" in view.marks_key.text()
    # What a person sees: a green frame round the unit that pushed it up most (its top side: the title is above).
    grid = view.grids[-2]
    cell = grid.cell_rect(grid.ups[0]).toRect()
    image = grid.grab().toImage()
    frame = [image.pixelColor(cell.center().x(), cell.top() - d) for d in range(3)]
    assert QColor(UP_COLOUR) in frame


# -- 7. the Backprop tab ------------------------------------------------------------------------------------------
def engine_step(model: Model, x: np.ndarray, label: int) -> tuple[float, dict[str, np.ndarray]]:
    """The engine's loss and gradients for ``x`` with ``label`` as a batch of one (on a copy of the network)."""
    network = model.copy().network
    loss, _ = network.train_step(x, network.targets(np.array([label])))
    return loss, {name: grad.copy() for name, _, grad in network.parameters()}


@pytest.mark.parametrize("name", ["relu 32", "sigmoid+bce 12,10,8", "sigmoid+mse summed 24", "regression 16,8"])
def test_backprop_shows_the_engines_gradients_and_one_step_is_w_minus_lr_g_and_undone_exactly(window, qtbot, name):
    show(window, qtbot, trained(name))
    click_tab(window, qtbot, "Backprop")
    view, model, x = window.backprop_view, window.files.model, x_of(window)
    assert window.insight_tabs.currentWidget() is view and view.isVisible()
    qtbot.waitUntil(lambda: bool(view.gradients()))
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert view.label_buttons[3].isChecked()
    loss, grads = engine_step(model, x, 3)
    assert view.loss() == pytest.approx(loss, rel=1e-5)
    assert view.gradients().keys() == grads.keys()
    for key, grad in grads.items():
        np.testing.assert_allclose(view.gradients()[key], grad, rtol=1e-4, atol=1e-7)
    summed = "sums the gradient over a mini-batch" in view.text.toPlainText()
    assert summed == (model.network.spec.reduction == "sum")  # the note says so when it sums
    weights, lr = model.network.get_weights(), model.hyperparameters["lr"]
    assert lr == ARCHITECTURES[name].lr
    qtbot.mouseClick(view.step_button, LEFT)
    assert window.files.model is model
    for key, w in weights.items():
        np.testing.assert_allclose(model.network.get_weights()[key], w - lr * grads[key], rtol=1e-5, atol=1e-7)
    assert model.hand_steps == [{"label": 3, "lr": lr}] and "(edited)" in window.windowTitle()
    assert window.isWindowModified() and view.undo_button.isEnabled()
    after, _ = engine_step(model, x, 3)
    # One step on this drawing lowers its loss (a loss near 0 is known to float32's rounding: the engine's is).
    assert view.loss() == pytest.approx(after, rel=1e-3, abs=1e-7) and after < loss
    moved = next(line for line in view.text.toPlainText().splitlines() if line.startswith("After one step: loss"))
    assert numbers_in(moved) == [pytest.approx(loss, rel=1e-3), pytest.approx(after, rel=2e-3, abs=1e-7)]
    if model.network.spec.is_regression:
        assert window.number_line.value() == pytest.approx(10 * float(model.network.outputs(x)[0, 0]), rel=1e-6)
    else:
        np.testing.assert_allclose(window.probabilities.probabilities(), model.network.predict_proba(x)[0],
                                   rtol=1e-6)
    qtbot.mouseClick(view.undo_button, LEFT)
    for key, w in weights.items():
        np.testing.assert_array_equal(model.network.get_weights()[key], w)
    assert model.hand_steps == [] and "(edited)" not in window.windowTitle() and not view.undo_button.isEnabled()
    assert view.loss() == pytest.approx(loss, rel=1e-5)


def test_a_regressions_marked_units_are_explained_by_the_key(window, qtbot):
    view = show(window, qtbot, trained("regression 16,8"))
    assert any(grid.ups or grid.downs for grid in view.grids[1:-1])  # frames are drawn
    assert view.marks_key.isVisible() and "output" in view.marks_key.text()


def test_a_unit_switched_off_counts_in_the_backprop_numbers_even_from_another_tab(window, qtbot):
    show(window, qtbot, trained("tanh 16,12"))
    click_tab(window, qtbot, "Backprop")
    view, model, x = window.backprop_view, window.files.model, x_of(window)
    qtbot.waitUntil(lambda: bool(view.gradients()))
    unit = int(np.argmax(np.abs(model.network.hidden_activations(x)[1][0])))
    window.network_view.set_unit_enabled(2, unit, False)  # the Network tab is behind
    assert model.network.unit_gain(2, unit) == 0 and "(edited)" in window.windowTitle()
    np.testing.assert_allclose(window.probabilities.probabilities(), probabilities_with(model, x, {(2, unit): 0.0}),
                               rtol=1e-5, atol=1e-6)
    qtbot.keyClick(view, Qt.Key.Key_4)
    loss, grads = engine_step(model, x, 4)  # the engine's own pass with the gain
    assert view.loss() == pytest.approx(loss, rel=1e-5)
    for key, grad in grads.items():
        np.testing.assert_allclose(view.gradients()[key], grad, rtol=1e-4, atol=1e-7)
    assert not np.any(view.gradients()["W2"][unit]) and view.deltas()[1][unit] == 0  # it takes no part
    network_view = open_network_tab(window, qtbot)  # and the Network tab shows it switched off
    assert network_view.grids[2].off == (unit,) and network_view.activations()[2][unit] == 0
    assert text_pixels(network_view.grids[2], unit) >= network_view.grids[2].cell_rect(unit).width()  # crossed out


def test_steps_on_the_drawing_are_taken_back_by_reset_edits(window, qtbot):
    view = show(window, qtbot, trained("tanh 16,12"))
    model = window.files.model
    weights, bars = model.network.get_weights(), window.probabilities.probabilities().copy()
    click_tab(window, qtbot, "Backprop")
    qtbot.waitUntil(lambda: bool(window.backprop_view.gradients()))
    qtbot.keyClick(window.backprop_view, Qt.Key.Key_3)
    for _ in range(2):
        qtbot.mouseClick(window.backprop_view.step_button, LEFT)
    assert len(model.hand_steps) == 2 and "2 steps on one drawing" in window.model_label.text()
    assert not np.allclose(window.probabilities.probabilities(), bars, atol=1e-4)
    open_network_tab(window, qtbot)
    ctrl_click(qtbot, view.grids[1], 0)
    assert view.unit_panel.reset_button.isEnabled()
    qtbot.mouseClick(view.unit_panel.reset_button, LEFT)
    for key, w in weights.items():
        np.testing.assert_array_equal(model.network.get_weights()[key], w)
    assert model.hand_steps == [] and not model.network.gains and "(edited)" not in window.windowTitle()
    np.testing.assert_array_equal(window.probabilities.probabilities(), bars)


def test_after_a_step_the_accuracy_as_trained_is_the_trained_networks(window, qtbot):
    view = show(window, qtbot, trained("tanh 16,12"))
    model, panel, test = window.files.model, view.unit_panel, load(BUNDLED, "test")
    as_trained = evaluate(model.network, test, model.input_scale).accuracy
    click_tab(window, qtbot, "Backprop")
    qtbot.waitUntil(lambda: bool(window.backprop_view.gradients()))
    qtbot.keyClick(window.backprop_view, Qt.Key.Key_3)  # a seven taught as a 3, five times
    for _ in range(5):
        qtbot.mouseClick(window.backprop_view.step_button, LEFT)
    stepped = evaluate(model.network, test, model.input_scale).accuracy
    assert percent(stepped) != percent(as_trained)
    open_network_tab(window, qtbot)
    qtbot.mouseClick(view.grids[1], LEFT, pos=centre(view.grids[1], 0))
    qtbot.waitUntil(lambda: panel.tiles.images is not None, timeout=20_000)
    qtbot.waitUntil(lambda: panel.accuracy.text().startswith("Test accuracy") and "computing" not in
                    panel.accuracy.text(), timeout=20_000)
    assert panel.accuracy.text() == f"Test accuracy {percent(stepped)} (as trained {percent(as_trained)})"
    # The images the unit responds to most are those of the weights now (the stepped ones).
    on_test = model.network.hidden_activations(test.images * model.input_scale)[0][:, 0]
    rows = [int(np.flatnonzero((test.images / test.max_value == image.ravel()).all(axis=1))[0])
            for image in panel.tiles.images]
    np.testing.assert_allclose(on_test[rows], np.sort(on_test)[::-1][:9], rtol=1e-6)


def test_a_digit_key_pressed_after_opening_the_backprop_tab_picks_the_label(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    show(window, qtbot, trained("tanh 16,12"))
    click_tab(window, qtbot, "Backprop")
    view = window.backprop_view
    qtbot.waitUntil(lambda: bool(view.gradients()))
    assert not view.label_buttons[3].isChecked()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_3)  # to the window, which hands it to its focus widget
    assert view.label_buttons[3].isChecked()


def test_steps_taken_before_the_network_tab_opens_leave_the_accuracy_as_trained_alone(window, qtbot):
    model = trained("tanh 16,12")
    test = load(BUNDLED, "test")
    as_trained = evaluate(model.network, test, model.input_scale).accuracy
    window.files.set_model(model, None)
    click_tab(window, qtbot, "Backprop")  # the Network tab has not been in front with this model
    draw_seven(qtbot, window.canvas)
    view = window.backprop_view
    qtbot.waitUntil(lambda: bool(view.gradients()))
    qtbot.keyClick(view, Qt.Key.Key_3)
    for _ in range(5):
        qtbot.mouseClick(view.step_button, LEFT)
    stepped = evaluate(model.network, test, model.input_scale).accuracy
    assert percent(stepped) != percent(as_trained)
    network_view = open_network_tab(window, qtbot)
    qtbot.waitUntil(lambda: len(network_view.grids) == 4)
    qtbot.mouseClick(network_view.grids[1], LEFT, pos=centre(network_view.grids[1], 0))
    panel = network_view.unit_panel
    qtbot.waitUntil(lambda: panel.accuracy.text().startswith("Test accuracy"), timeout=20_000)
    assert panel.accuracy.text() == f"Test accuracy {percent(stepped)} (as trained {percent(as_trained)})"


def test_two_clicks_in_the_backprop_tab_write_one_weights_chain_rule_with_the_engines_numbers(window, qtbot):
    show(window, qtbot, trained("tanh 16,12"))
    click_tab(window, qtbot, "Backprop")
    view, model, x = window.backprop_view, window.files.model, x_of(window)
    qtbot.waitUntil(lambda: bool(view.gradients()))
    qtbot.keyClick(view, Qt.Key.Key_2)
    _, grads = engine_step(model, x, 2)
    source = int(np.argmax(x[0]))  # an inked pixel, then the hidden 1 unit whose weight from it matters most
    target = int(np.argmax(np.abs(grads["W0"][source])))
    for grid, cell in ((view.grids[0], source), (view.grids[1], target)):
        qtbot.mouseClick(grid, LEFT, pos=centre(grid, cell))
    lines = view.text.toPlainText().splitlines()
    assert any(line.startswith(f"Weight W0[{source}, {target}]") for line in lines)
    delta, a, g = numbers_in(next(line for line in lines if line.startswith("∂L/∂w")))[-3:]
    assert (delta, a, g) == (pytest.approx(float(grads["b0"][target]), rel=1e-3),  # δ of a batch of one: its b
                             pytest.approx(float(x[0, source]), rel=1e-3),
                             pytest.approx(float(grads["W0"][source, target]), rel=1e-3))
    w, lr = float(model.network.dense_layers[0].params["W"][source, target]), model.hyperparameters["lr"]
    step = numbers_in(next(line for line in lines if line.startswith("w ← w − lr·g")))
    assert step[:2] == [pytest.approx(w, rel=1e-3), pytest.approx(lr)]
    assert step[3] == pytest.approx(w - lr * float(grads["W0"][source, target]), rel=1e-3)
    # The central difference beside it, worked out here on the loss itself.
    network, targets, eps = plain_network(model), np.eye(10)[[2]], 1e-3
    network.dense_layers[0].params["W"] = network.dense_layers[0].params["W"].astype(np.float64)

    def loss_at(value: float) -> float:
        network.dense_layers[0].params["W"][source, target] = value
        return float(network.head.loss_and_grad(network.forward(x.astype(np.float64)), targets)[0])
    numeric = (loss_at(w + eps) - loss_at(w - eps)) / (2 * eps)
    differences = numbers_in(next(line for line in lines if line.startswith("Finite differences")))
    assert differences[0] == pytest.approx(numeric, rel=1e-2, abs=1e-6)


def test_undo_step_is_off_once_the_stepped_model_has_been_replaced(window, qtbot, monkeypatch):
    show(window, qtbot, trained("tanh 16,12"))
    click_tab(window, qtbot, "Backprop")
    view = window.backprop_view
    qtbot.waitUntil(lambda: bool(view.gradients()))
    qtbot.mouseClick(view.step_button, LEFT)
    assert view.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    menu_action(window, "New model").trigger()
    assert not window.files.model.hand_steps and window.edits.steps_taken == 0
    assert not view.undo_button.isEnabled()  # nothing it could take back


# -- 8. a lab model's mistaken maths ------------------------------------------------------------------------------
def test_a_lab_model_with_the_softmax_derivative_mistake_shows_its_mistaken_delta(window, qtbot):
    model = trained("tanh 16,12")
    apply_mistakes({"softmax_derivative"}, model.network)
    model = dataclasses.replace(model, mistakes=("softmax_derivative",))
    show(window, qtbot, model)
    click_tab(window, qtbot, "Backprop")
    view, x = window.backprop_view, x_of(window)
    qtbot.waitUntil(lambda: bool(view.deltas()))
    qtbot.keyClick(view, Qt.Key.Key_2)
    p = plain_network(model).predict_proba(x)[0].astype(np.float64)
    y = np.eye(10)[2]
    np.testing.assert_allclose(view.deltas()[-1], (p - y) * p * (1 - p), rtol=1e-4, atol=1e-8)
    assert not np.allclose(view.deltas()[-1], p - y, atol=1e-4)  # not the right maths
    _, grads = engine_step(model, x, 2)  # the engine with the mistake installed computes the same
    for key, grad in grads.items():
        np.testing.assert_allclose(view.gradients()[key], grad, rtol=1e-4, atol=1e-8)
    text = view.text.toPlainText()
    assert "softmax derivative applied twice" in text and "(p − y)·p(1 − p), not p − y" in text


# -- 9. the drawing's probabilities epoch by epoch ------------------------------------------------------------------
def curves(window) -> list[tuple[np.ndarray, np.ndarray]]:
    return [curve.getData() for curve in window.network_view.history_plot.curves]


def last_points(window) -> np.ndarray:
    return np.array([y[-1] for _, y in curves(window)])


def test_the_drawing_history_plot_follows_the_run_and_the_drawing_and_new_model_clears_it(window, qtbot, monkeypatch):
    view = open_network_tab(window, qtbot)
    draw_seven(qtbot, window.canvas)
    window.panel.set_settings(SMALL_RUN)
    sent = []  # the epochs after which the run sent its weights (short epochs are sent several at once)
    window.session.epoch_finished.connect(lambda update: sent.append(update.stats.epoch + 1))
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        qtbot.mouseClick(window.panel.train_button, LEFT)
    model = window.files.model
    qtbot.waitUntil(lambda: len(view.activations()) == 3 and len(view.activations()[0]) == 64)
    plot = view.history_plot
    # At 1280×800 the tab has no room for it beside the unit panel (it would be a thumbnail); Wide shows it.
    assert view.width() < 600 and not plot.isVisible()
    qtbot.mouseClick(window.wide_button, LEFT)
    qtbot.waitUntil(plot.isVisible)
    assert len(window.drawing_history.snapshots) == len(sent) and sent[-1] == SMALL_RUN.epochs
    # A refresh may wait its turn (the plot is redrawn at most every 200 ms).
    qtbot.waitUntil(lambda: len(curves(window)) == 10 and all(list(x) == sent for x, _ in curves(window)))
    assert all(len(y) == len(sent) for _, y in curves(window))
    bars = window.probabilities.probabilities()
    np.testing.assert_allclose(bars, model.network.predict_proba(x_of(window))[0], rtol=1e-6)
    np.testing.assert_allclose(last_points(window), bars, rtol=1e-5, atol=1e-6)
    assert plot.predicted() == int(np.argmax(bars))
    # Something new on the canvas: a bar across the middle. The curves are those of the new drawing.
    cell = window.canvas.width() / 28
    qtbot.mousePress(window.canvas, LEFT, pos=QPoint(int(4 * cell), int(14 * cell)))
    qtbot.mouseMove(window.canvas, QPoint(int(24 * cell), int(14 * cell)))
    qtbot.mouseRelease(window.canvas, LEFT, pos=QPoint(int(24 * cell), int(14 * cell)))
    new_bars = model.network.predict_proba(x_of(window))[0]
    assert not np.allclose(new_bars, bars, atol=1e-3)
    qtbot.waitUntil(lambda: np.allclose(window.probabilities.probabilities(), new_bars, rtol=1e-6))
    qtbot.waitUntil(lambda: np.allclose(last_points(window), new_bars, rtol=1e-5, atol=1e-6))
    assert all(list(x) == sent for x, _ in curves(window))
    # A unit switched off counts as off at every epoch: the last points are the bars of the edited network.
    qtbot.waitUntil(lambda: len(view.grids) == 3)
    unit = int(np.argmax(view.activations()[1]))
    ctrl_click(qtbot, view.grids[1], unit)
    edited_bars = probabilities_with(model, x_of(window), {(1, unit): 0.0})
    assert not np.allclose(edited_bars, new_bars, atol=1e-4)
    np.testing.assert_allclose(window.probabilities.probabilities(), edited_bars, rtol=1e-5, atol=1e-6)
    qtbot.waitUntil(lambda: np.allclose(last_points(window), edited_bars, rtol=1e-5, atol=1e-6))
    # File ▸ New model: the snapshots are of nothing on screen any more.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    menu_action(window, "New model").trigger()
    assert window.files.model is not model
    assert all(len(x) == 0 for x, _ in curves(window)) and plot.name_text() == ""


# -- 10. Wide --------------------------------------------------------------------------------------------------------
def test_wide_gives_the_tabs_the_width_and_is_remembered_for_a_new_window(window, qtbot, make_window, settings):
    plots = window.insight_tabs.parentWidget()
    narrow, low = window.insight_tabs.width(), window.insight_tabs.height()
    assert window.loss_plot.isVisible() and window.accuracy_plot.isVisible() and narrow < plots.width() / 2
    qtbot.mouseClick(window.wide_button, LEFT)
    assert window.wide_button.isChecked() and window.actions["wide"].isChecked()
    assert not window.loss_plot.isVisible() and not window.accuracy_plot.isVisible()
    qtbot.waitUntil(lambda: window.insight_tabs.width() == plots.width())
    assert window.insight_tabs.height() > low  # and more of the height
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # again, by its shortcut: as it was
    assert not window.wide_button.isChecked() and window.loss_plot.isVisible() and window.accuracy_plot.isVisible()
    qtbot.waitUntil(lambda: window.insight_tabs.width() == narrow)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.wide_button.isChecked() and not window.loss_plot.isVisible()
    assert window.close()
    assert settings.value(WIDE_KEY, False, type=bool)
    second = make_window()
    second.show()
    qtbot.waitExposed(second)
    assert second.wide_button.isChecked() and not second.loss_plot.isVisible()
    qtbot.mouseClick(second.wide_button, LEFT)
    assert second.loss_plot.isVisible() and second.accuracy_plot.isVisible()


def test_wide_gives_the_tabs_about_half_the_height_where_the_row_above_can_give_it(window, qtbot):
    """At 1280×800 the row above (drawing, prediction, training form) is at its smallest already: Wide gives the
    tabs the width there. At 1920×1080 it gives them about half the height as well."""
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080))
    qtbot.mouseClick(window.wide_button, LEFT)
    qtbot.waitUntil(lambda: window.insight_tabs.width() == window.insight_tabs.parentWidget().width())
    top, tabs = window.splitter.sizes()
    assert tabs >= 0.5 * (top + tabs)

def test_reset_edits_brings_back_the_saved_state_of_a_model_as_it_was_in_its_file(window, qtbot, tmp_path,
                                                                                 monkeypatch):
    model = trained("tanh 16,12")
    window.files.set_model(model, tmp_path / "tanh.npz")  # as opened from its file: nothing to save
    view = show(window, qtbot, model)
    window.files.set_model(model, tmp_path / "tanh.npz")
    assert not window.isWindowModified()
    ctrl_click(qtbot, view.grids[1], 0)
    assert window.isWindowModified() and "(edited)" in window.windowTitle()
    qtbot.mouseClick(view.unit_panel.reset_button, LEFT)
    assert not window.isWindowModified() and "(edited)" not in window.windowTitle()
    # Edited, then saved: the file has the edit, so Reset changes the model from its file again.
    ctrl_click(qtbot, view.grids[1], 1)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "edited.npz"), ""))
    menu_action(window, "Save as…").trigger()
    assert not window.isWindowModified() and "(edited)" in window.windowTitle()
    qtbot.mouseClick(view.unit_panel.reset_button, LEFT)
    assert window.isWindowModified() and "(edited)" not in window.windowTitle()
