"""The backprop view, driven as a person does (keys, label buttons, clicks on cells, Take one step), shows the
engine's numbers: the loss of the picked label, each layer's δ, the chain rule of a picked weight with its
finite difference, and the step that ``train_step``'s gradients make; an empty canvas shows a hint, no numbers."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from support.models import make_model

from digitpad.inference.backprop import one_step
from digitpad.inference.predict import drawing_to_input
from digitpad.lab.mistakes import apply_mistakes, recording_mistakes
from digitpad.nn.gradcheck import all_combinations
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.ui.backprop import BackpropPresenter
from digitpad.ui.widgets.backprop_view import BackpropView

TWO_HIDDEN = NetworkSpec((64, 16, 12, 10), activation="relu")


def seven() -> np.ndarray:
    image = np.zeros((28, 28), np.float32)
    image[5:8, 7:21] = 1.0
    image[8:23, 15:18] = 1.0
    return image


def one() -> np.ndarray:
    image = np.zeros((28, 28), np.float32)
    image[4:24, 12:16] = 1.0
    return image


@pytest.fixture
def part(qtbot):
    """A shown view with its presenter, standing alone (no main window)."""
    view = BackpropView()
    presenter = BackpropPresenter(view)
    qtbot.addWidget(view)
    view.resize(700, 440)
    view.show()
    qtbot.waitExposed(view)
    return view, presenter


def model_with(spec: NetworkSpec, seed: int = 1, **changes):
    return make_model(network=MLP(spec, seed=seed), **changes)


def engine(model, drawing, label) -> tuple[float, np.ndarray, dict[str, np.ndarray]]:
    """The loss, dL/dz at the output and every gradient, from the engine's own passes on a copy of the model."""
    network = model.copy().network
    x = drawing_to_input(model, drawing)
    targets = network.targets(np.array([label]))
    loss, dz = network.head.loss_and_grad(network.forward(x), targets.copy())
    network.train_step(x, targets)
    return loss, dz[0].copy(), {name: grad.copy() for name, _, grad in network.parameters()}


def shown_numbers(text: str) -> list[float]:
    """The numbers written in ``text``, as floats (a real minus sign read as one)."""
    return [float(m) for m in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?", text.replace("−", "-"))]


def line(view: BackpropView, start: str) -> str:
    return next(t for t in view.text.toPlainText().splitlines() if t.startswith(start))


def shown_loss(view: BackpropView) -> float:
    return shown_numbers(view.loss_label.text())[-1]


def click_cell(qtbot, grid, index: int) -> None:
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(index).center().toPoint())


@pytest.mark.parametrize("spec", [TWO_HIDDEN, *all_combinations((64, 9, 7, 10))[1::9]], ids=repr)
def test_a_key_or_a_label_button_picks_the_true_label_and_the_loss_shown_is_the_engines(part, qtbot, spec):
    view, presenter = part
    model = model_with(spec)
    presenter.set_subject(model, seven())
    predicted = int(model.network.predict(drawing_to_input(model, seven()))[0])
    assert view.label_buttons[predicted].isChecked()  # the default: the predicted class
    for pick in ("key", "button"):
        label = 3 if pick == "key" else 8
        if pick == "key":
            qtbot.keyClick(view, Qt.Key.Key_3)
        else:
            qtbot.mouseClick(view.label_buttons[8], Qt.MouseButton.LeftButton)
        loss, dz, grads = engine(model, seven(), label)
        assert view.label_buttons[label].isChecked()
        assert shown_loss(view) == pytest.approx(loss, rel=1e-3) and view.loss() == pytest.approx(loss, rel=1e-5)
        np.testing.assert_allclose(view.deltas()[-1], dz, rtol=1e-4, atol=1e-7)
        for k in range(len(view.deltas())):  # a batch of one: each layer's δ is its bias gradient
            if f"b{k}" in grads:
                np.testing.assert_allclose(view.deltas()[k], grads[f"b{k}"], rtol=1e-4, atol=1e-7)
        assert view.gradients().keys() == grads.keys()
        for name, grad in grads.items():
            np.testing.assert_allclose(view.gradients()[name], grad, rtol=1e-4, atol=1e-7)
        title_norm = shown_numbers(view.grids[-1].title)[-1]  # the output grid's title gives ‖δ‖
        assert title_norm == pytest.approx(float(np.linalg.norm(dz)), rel=0.06)
        assert view.grids[-1].values == pytest.approx(dz, rel=1e-4, abs=1e-7)  # the colours are of these


def test_clicking_two_cells_writes_the_chain_rule_with_the_engines_numbers(part, qtbot):
    view, presenter = part
    model = model_with(TWO_HIDDEN)
    presenter.set_subject(model, seven())
    qtbot.keyClick(view, Qt.Key.Key_2)
    x = drawing_to_input(model, seven())[0]
    source = int(np.argmax(x))  # an inked pixel, then a unit of hidden 1
    _, _, grads = engine(model, seven(), 2)
    target = int(np.argmax(np.abs(grads["W0"][source])))
    click_cell(qtbot, view.grids[0], source)
    assert "now click a cell of hidden 1" in view.text.toPlainText()
    click_cell(qtbot, view.grids[1], target)
    assert line(view, "Weight W0[").startswith(f"Weight W0[{source}, {target}] from input pixel {source}")
    delta, activation, gradient = shown_numbers(line(view, "∂L/∂w"))
    assert delta == pytest.approx(float(grads["b0"][target]), rel=1e-3)  # δⱼ of a batch of one: its bias gradient
    assert activation == pytest.approx(float(x[source]), rel=1e-3)
    assert gradient == pytest.approx(float(grads["W0"][source, target]), rel=1e-3)
    weight, lr, _, stepped, lr_again = shown_numbers(line(view, "w ← w − lr·g"))
    w = float(model.network.dense_layers[0].params["W"][source, target])
    assert (weight, lr, lr_again) == (pytest.approx(w, rel=1e-3), 0.001, 0.001)
    assert stepped == pytest.approx(w - 0.001 * float(grads["W0"][source, target]), rel=1e-3)
    numeric, relative = shown_numbers(line(view, "Finite differences"))
    assert numeric == pytest.approx(float(grads["W0"][source, target]), rel=1e-3) and relative < 1e-4
    assert view.grids[0].selected == source and view.grids[1].selected == target
    # A unit of hidden 2, then a class: W2; the pick stays across another drawing (same network).
    click_cell(qtbot, view.grids[2], 4)
    click_cell(qtbot, view.grids[3], 2)
    presenter.set_subject(model, one())
    _, _, grads = engine(model, one(), 2)
    assert line(view, "Weight W2[").startswith("Weight W2[4, 2] from unit 4 of hidden 2 to output “2”")
    assert shown_numbers(line(view, "∂L/∂w"))[-1] == pytest.approx(float(grads["W2"][4, 2]), rel=1e-3, abs=1e-9)


def test_take_one_step_asks_for_the_engines_step_and_shows_how_the_loss_and_probabilities_moved(part, qtbot):
    view, presenter = part
    model = model_with(TWO_HIDDEN, hyperparameters={"lr": 0.5})
    presenter.set_subject(model, seven())
    qtbot.keyClick(view, Qt.Key.Key_4)
    loss_before, _, grads = engine(model, seven(), 4)
    probabilities_before = model.network.predict_proba(drawing_to_input(model, seven()))[0]
    before = model.network.get_weights()
    with qtbot.waitSignal(presenter.step_requested) as step:
        qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    weights, label = step.args
    assert label == 4
    for name, w in weights.items():
        np.testing.assert_allclose(w, before[name] - 0.5 * grads[name], rtol=1e-5, atol=1e-6)
        np.testing.assert_array_equal(w, one_step(model, seven(), 4)[name])
    assert all(np.array_equal(w, before[name]) for name, w in model.network.get_weights().items())
    # The window applies the step and hands the stepped model in again, as it does.
    model.network.set_weights(weights)
    presenter.set_step_applied(True)
    presenter.set_subject(model, seven())
    loss_after, _, _ = engine(model, seven(), 4)
    probabilities_after = model.network.predict_proba(drawing_to_input(model, seven()))[0]
    assert loss_after < loss_before and view.loss() == pytest.approx(loss_after, rel=1e-5)
    moved = line(view, "After one step")
    assert shown_numbers(moved) == [pytest.approx(loss_before, rel=1e-3), pytest.approx(loss_after, rel=1e-3)]
    label_line = line(view, "“4” (the label)")
    assert shown_numbers(label_line)[1:] == [pytest.approx(probabilities_before[4], rel=1e-3, abs=1e-6),
                                             pytest.approx(probabilities_after[4], rel=1e-3, abs=1e-6)]
    assert view.undo_button.isEnabled()
    with qtbot.waitSignal(presenter.undo_requested):
        qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    model.network.set_weights(before)
    presenter.set_step_applied(False)
    presenter.set_subject(model, seven())
    assert not view.undo_button.isEnabled() and "After one step" not in view.text.toPlainText()
    assert view.loss() == pytest.approx(loss_before, rel=1e-5)


def test_an_empty_canvas_shows_a_hint_and_clearing_it_brings_back_the_predicted_label(part, qtbot):
    view, presenter = part
    model = make_model()
    presenter.set_subject(model, np.zeros((28, 28), np.float32))
    assert view.hint.isVisible() and not view.loss_label.isVisible()
    assert view.gradients() == {} and view.deltas() == [] and np.isnan(view.loss())
    assert not any(grid.isVisible() for grid in view.grids) and not view.step_button.isEnabled()
    presenter.set_subject(model, seven())
    predicted = int(model.network.predict(drawing_to_input(model, seven()))[0])
    other = (predicted + 1) % 10
    qtbot.keyClick(view, getattr(Qt.Key, f"Key_{other}"))
    assert view.label_buttons[other].isChecked() and not view.hint.isVisible()
    presenter.set_subject(model, np.zeros((28, 28), np.float32))
    assert view.hint.isVisible() and np.isnan(view.loss())
    presenter.set_subject(model, seven())
    assert view.label_buttons[predicted].isChecked()
    assert view.loss() == pytest.approx(engine(model, seven(), predicted)[0], rel=1e-5)


def test_hidden_it_computes_nothing_and_catches_up_when_shown(part, qtbot):
    view, presenter = part
    model = make_model()
    view.hide()
    presenter.set_subject(model, seven())
    assert np.isnan(view.loss())
    view.show()
    qtbot.waitExposed(view)
    predicted = int(model.network.predict(drawing_to_input(model, seven()))[0])
    assert view.loss() == pytest.approx(engine(model, seven(), predicted)[0], rel=1e-5)


def test_a_lab_model_with_the_wrong_head_shows_its_wrong_delta_and_says_so(part, qtbot):
    view, presenter = part
    model = model_with(NetworkSpec((64, 12, 10), activation="sigmoid"), seed=4)
    apply_mistakes(["softmax_derivative"], model.network)
    model = recording_mistakes(model)
    presenter.set_subject(model, seven())
    qtbot.keyClick(view, Qt.Key.Key_5)
    _, dz, grads = engine(model, seven(), 5)  # the engine with the mistaken head, as the lab run trained
    p = model.network.predict_proba(drawing_to_input(model, seven()))[0]
    np.testing.assert_allclose(view.deltas()[-1], dz, rtol=1e-4, atol=1e-9)
    np.testing.assert_allclose(view.deltas()[-1], (p - np.eye(10)[5]) * p * (1 - p), rtol=1e-4, atol=1e-9)
    assert "(p − y)·p(1 − p), not p − y" in view.text.toPlainText()
    click_cell(qtbot, view.grids[1], 0)
    click_cell(qtbot, view.grids[2], 5)
    assert shown_numbers(line(view, "∂L/∂w"))[-1] == pytest.approx(float(grads["W1"][0, 5]), rel=1e-3)
    assert shown_numbers(line(view, "Finite differences"))[-1] > 0.5  # the slope of the loss disagrees


def test_a_regression_shows_its_one_output_and_label_over_ten(part, qtbot):
    view, presenter = part
    spec = NetworkSpec((64, 9, 1), activation="tanh", output="sigmoid", loss="mse", init="uniform", bias=False,
                       reduction="sum")
    model = model_with(spec, seed=2)
    presenter.set_subject(model, seven())
    qtbot.keyClick(view, Qt.Key.Key_7)
    loss, dz, grads = engine(model, seven(), 7)
    assert len(view.label_buttons) == 10 and view.grids[-1].shape == (1, 1)
    assert view.loss() == pytest.approx(loss, rel=1e-5) and view.deltas()[-1] == pytest.approx(dz, rel=1e-4)
    assert "y = 7/10 = 0.7" in view.text.toPlainText() and "sums the gradient" in view.text.toPlainText()
    for name, grad in grads.items():
        np.testing.assert_allclose(view.gradients()[name], grad, rtol=1e-4, atol=1e-8)


def test_it_stays_readable_in_a_tab_at_1280_by_800(part, qtbot):
    view, presenter = part
    view.resize(420, 260)
    model = model_with(TWO_HIDDEN)
    presenter.set_subject(model, seven())
    QApplication.processEvents()  # the layout follows the new size
    for button in view.label_buttons:  # every label can be seen and clicked
        assert view.rect().contains(QRect(button.mapTo(view, QPoint(0, 0)), button.size()))
    for grid in view.grids:
        assert grid.cell_rect(0).width() >= 2  # cells big enough to see and to click
        assert grid.fontMetrics().horizontalAdvance(grid.title) <= grid.width()  # titles not cut
    assert view.text.height() >= 3 * view.fontMetrics().height()


def test_the_keys_reach_the_view_from_whatever_in_it_has_the_focus(part, qtbot):
    view, presenter = part
    model = make_model()
    presenter.set_subject(model, seven())
    view.activateWindow()
    qtbot.waitUntil(lambda: view.isActiveWindow())
    for clicked, key, label in ((view.text.viewport(), Qt.Key.Key_5, 5), (view.grids[1], Qt.Key.Key_6, 6)):
        qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton, pos=clicked.rect().center())
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert view.label_buttons[label].isChecked()
        assert view.loss() == pytest.approx(engine(model, seven(), label)[0], rel=1e-5)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert view.label_buttons[6].isChecked()  # Ctrl+7 is not a label
