"""Issue 12 in the main window: what it says about files, classes, help and dialogs is true, driven by real input."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from shiboken6 import isValid
from support.models import make_model
from test_main_window import draw_seven

from digitpad.data.dataset import FASHION_NAMES
from digitpad.data.loading import describe
from digitpad.inference.predict import drawing_to_input, predict_drawing
from digitpad.lab.pitfalls import PITFALLS
from digitpad.model.files import save_model
from digitpad.nn.gradcheck import gradient_check
from digitpad.training.prepare import build_network, prepare_run, to_model
from digitpad.training.settings import RunSettings
from digitpad.ui.app import default_model
from digitpad.ui.widgets.canvas import OVERLAY_NEGATIVE, OVERLAY_POSITIVE


def open_with_ctrl_o(window, qtbot, monkeypatch, path) -> list[str]:
    """File ▸ Open through its shortcut, the file dialog answering ``path``; the warnings shown."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    return warnings


@pytest.mark.parametrize("kind", ["text", "plain npz", "truncated"])
def test_opening_a_file_that_is_no_model_says_what_it_is_not_and_what_digitpad_opens(window, qtbot, monkeypatch,
                                                                                     tmp_path, kind):
    path = tmp_path / "x.npz"
    if kind == "text":
        path.write_text("hello, not a model")
    elif kind == "plain npz":
        np.savez(path, pixels=np.zeros((3, 4)))
    else:
        save_model(tmp_path / "whole.npz", make_model())
        path.write_bytes((tmp_path / "whole.npz").read_bytes()[:200])
    current = window.files.model
    warnings = open_with_ctrl_o(window, qtbot, monkeypatch, path)
    assert window.files.model is current and len(warnings) == 1
    text = warnings[0]
    assert "x.npz is not a digitpad model: it is " in text
    assert "digitpad opens the .npz model files it saves (File ▸ Save" in text
    assert "File is not a zip file" not in text and "no 'metadata' entry" not in text
    what = {"text": "not a zip archive", "plain npz": "without the 'metadata' entry",
            "truncated": "not a zip archive, or a damaged or incomplete one"}[kind]
    assert what in text and "The current model stays loaded." in text


def fashion_model():
    settings = RunSettings(dataset="fashion", hidden="16")
    data = describe("fashion")
    return to_model(build_network(settings, data), data, settings, None, name="fashion 16")


def test_a_fashion_model_asks_for_clothing_not_a_digit(window, qtbot, monkeypatch, tmp_path):
    assert window.draw_box.title() == "Draw a digit" and window.probabilities.hint() == "Draw a digit"
    save_model(tmp_path / "fashion.npz", fashion_model())
    assert open_with_ctrl_o(window, qtbot, monkeypatch, tmp_path / "fashion.npz") == []
    assert window.files.model.class_names == FASHION_NAMES
    for text in (window.draw_box.title(), window.probabilities.hint(), window.canvas.toolTip(),
                 window.probabilities.accessibleDescription()):
        assert "Draw a piece of clothing" in text and "digit" not in text, text
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: window.probabilities.top_class() is not None)
    expected = predict_drawing(window.files.model, window.canvas.image())
    np.testing.assert_allclose(window.probabilities.probabilities(), expected, rtol=1e-6)
    assert window.probabilities.class_names()[window.probabilities.top_class()] in FASHION_NAMES
    window.files.set_model(default_model(), None)  # back to digits: the prompt follows the model
    assert window.draw_box.title() == "Draw a digit" and "Draw a digit here" in window.canvas.toolTip()


def test_look_inside_after_the_softmax_derivative_lab_run_says_the_gradient_check_fails(window, qtbot):
    lab = PITFALLS["softmax-bugs"]
    small = dataclasses.replace(lab.base, dataset="digits8x8", hidden="16", epochs=1, batch_size=64)
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        window.session.start(small, frozenset({"softmax_derivative"}), "lab: softmax derivative")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Model ▸ Look inside
    qtbot.waitUntil(lambda: window.inspect_window is not None and window.inspect_window.isVisible())
    view = window.inspect_window.gradcheck
    window.inspect_window.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(view.checked, timeout=30_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    network = window.files.model.network
    assert view.result().errors == gradient_check(network.spec, head=network.head).errors
    assert not view.result().passed and "✗ FAILS" in view.status.text() and "passes" not in view.status.text()
    assert "The numbers part at the output" in view.status.text() and "layer 2 (16 → 10)" in view.status.text()
    window.inspect_window.close()


def test_saliency_has_a_legend_naming_the_class_its_colours_are_about(window, qtbot):
    legend = window.saliency_legend
    assert legend.isHidden()
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: window.probabilities.top_class() is not None)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S)  # Draw ▸ Show saliency
    assert window.saliency_action.isChecked() and window.canvas.overlay() is not None
    top = int(np.argmax(predict_drawing(window.files.model, window.canvas.image())))
    assert legend.isVisible()
    assert f"red: more ink here pushes “{top}” up" in legend.text() and "blue: pushes it down" in legend.text()
    red, blue = (f"rgb{c}" for c in (OVERLAY_POSITIVE, OVERLAY_NEGATIVE))
    assert legend.text().index(red) < legend.text().index("red:") < legend.text().index(blue)
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.canvas.overlay() is None and legend.isHidden()


def test_a_one_output_regression_shows_its_number_on_a_line_not_class_probabilities(window, qtbot, monkeypatch,
                                                                                   tmp_path):
    settings = RunSettings(dataset="digits8x8", hidden="16", head="identity+mse", regression=True, epochs=3,
                           batch_size=32, lr=0.01, validation=0.0)
    run = prepare_run(settings)
    save_model(tmp_path / "label10.npz", run.model(run.fit(), name="label/10"))
    assert open_with_ctrl_o(window, qtbot, monkeypatch, tmp_path / "label10.npz") == []
    line = window.number_line
    assert line.isVisible() and window.probabilities.isHidden()
    assert line.value() is None and line.text() == "Draw a digit"
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: line.value() is not None)
    model = window.files.model
    x = drawing_to_input(model, window.canvas.image())
    output = float(model.network.outputs(x)[0, 0])
    digit = int(model.network.predict(x)[0])
    assert line.value() == pytest.approx(output * 10, rel=1e-6) and line.digit() == digit
    assert line.text() in (f"output × 10 = {output * 10:.2f}, rounds to {digit}",
                           f"output × 10 = {output * 10:.2f}, beyond the line: counted as {digit}")
    left, right = line._line_ends()
    assert line.marker_x() == pytest.approx(left + (right - left) * min(max(output * 10, 0), 9) / 9)
    assert "%" not in line.accessibleDescription() and line.accessibleDescription().startswith("Prediction: output")
    window.files.set_model(default_model(), None)  # a classifier again: the bars come back
    assert window.probabilities.isVisible() and line.isHidden()


def test_a_mistake_drawn_on_the_canvas_is_read_by_the_model_there(window, qtbot, monkeypatch, tmp_path):
    run = prepare_run(RunSettings(dataset="digits8x8", hidden="16", epochs=2, batch_size=32, lr=0.1, validation=0.0))
    save_model(tmp_path / "small.npz", run.model(run.fit(), name="small"))
    assert open_with_ctrl_o(window, qtbot, monkeypatch, tmp_path / "small.npz") == []
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.inspect_window is not None and window.inspect_window.isVisible())
    inside = window.inspect_window
    inside.tabs.setCurrentWidget(inside.gallery)
    view = inside.gallery.view
    qtbot.waitUntil(lambda: view.visualRect(view.model().index(0, 0)).isValid())
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    dialog = inside.gallery.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    index = int(inside.gallery.shown_indices()[0])
    test = inside.gallery.model._test
    pixels = test.images[index].reshape(8, 8) / 16
    on_canvas = window.canvas.image()
    assert on_canvas.shape == (28, 28) and np.allclose(on_canvas, pixels[np.arange(28) * 8 // 28][:, np.arange(28) * 8 // 28])
    qtbot.waitUntil(lambda: window.probabilities.top_class() is not None)
    np.testing.assert_allclose(window.probabilities.probabilities(),
                               predict_drawing(window.files.model, on_canvas), rtol=1e-5, atol=1e-7)
    assert f"test image {index:,}" in window.statusBar().currentMessage()
    inside.close()


def active_window_is(window) -> bool:
    return QApplication.activeWindow() is window


def test_f1_opens_how_to_use_and_esc_closes_it_leaving_the_drawing_and_the_keyboard(window, qtbot):
    draw_seven(qtbot, window.canvas)
    drawing = window.canvas.image()
    window.activateWindow()
    qtbot.waitUntil(lambda: active_window_is(window))
    qtbot.keyClick(window, Qt.Key.Key_F1)  # Help ▸ How to use digitpad
    help_dialog = window.help_dialog
    qtbot.waitUntil(lambda: help_dialog is not None and active_window_is(help_dialog))
    text = help_dialog.text.toPlainText()
    for step in ("Draw on the black canvas", "Read the prediction", "Train a network", "Doctor", "Lab",
                 "Look inside", "Keep a model"):
        assert step in text, step
    assert "Draw ▸ Clear\tEsc, Del" in text or "Draw ▸ Clear\nEsc, Del" in text
    assert "Help ▸ How to use digitpad" in text and "F1" in text
    from digitpad.common.glossary import TERMS
    assert all(term in text and meaning in text for term, meaning in TERMS.items())  # the words used here
    qtbot.keyClick(QApplication.focusWidget() or help_dialog, Qt.Key.Key_Escape)
    assert help_dialog.isHidden()
    assert np.array_equal(window.canvas.image(), drawing)  # Esc closed the dialog, not the drawing
    qtbot.waitUntil(lambda: active_window_is(window))  # the keyboard is back with the main window
    qtbot.keyClick(window, Qt.Key.Key_E)  # Draw ▸ Eraser, at once
    assert window.eraser_button.isChecked() and window.canvas.eraser()


@pytest.mark.parametrize("dialog", ["model details", "look inside", "a mistake"])
def test_esc_closes_the_dialog_in_front_never_the_drawing_and_the_keyboard_comes_back(window, qtbot, dialog,
                                                                                   monkeypatch, tmp_path):
    if dialog != "model details":  # Look inside needs a model of the 8×8 digits, whose test set is bundled
        run = prepare_run(RunSettings(dataset="digits8x8", hidden="16", epochs=1, batch_size=32, validation=0.0))
        save_model(tmp_path / "small.npz", run.model(run.fit(), name="small"))
        assert open_with_ctrl_o(window, qtbot, monkeypatch, tmp_path / "small.npz") == []
    draw_seven(qtbot, window.canvas)
    drawing = window.canvas.image()
    window.activateWindow()
    qtbot.waitUntil(lambda: active_window_is(window))
    seen = []

    def press_escape():
        front = QApplication.activeWindow()
        seen.append(front)
        qtbot.keyClick(QApplication.focusWidget() or front, Qt.Key.Key_Escape)
        QTimer.singleShot(3000, lambda: isValid(front) and front.isVisible() and front.done(5))  # never hang

    if dialog == "model details":  # modal: exec returns once Esc closed it
        QTimer.singleShot(100, press_escape)
        qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        assert type(seen[0]).__name__ == "ModelInfoDialog" and seen[0].result() == 0  # Esc, not the fallback
        behind = window
    else:
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.inspect_window is not None and active_window_is(window.inspect_window))
        behind = window
        if dialog == "a mistake":
            view = window.inspect_window.gallery.view
            window.inspect_window.tabs.setCurrentWidget(window.inspect_window.gallery)
            view.setCurrentIndex(view.model().index(0, 0))
            qtbot.keyClick(view, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: window.inspect_window.gallery.dialog is not None
                            and active_window_is(window.inspect_window.gallery.dialog))
            behind = window.inspect_window
        press_escape()
        assert seen[0].isHidden() and behind.isVisible()
    assert np.array_equal(window.canvas.image(), drawing)  # Esc closed the dialog, not the drawing behind it
    qtbot.waitUntil(lambda: active_window_is(behind))  # the keyboard is back with the window behind
    if behind is window:
        qtbot.keyClick(window, Qt.Key.Key_E)  # Draw ▸ Eraser, at once
        assert window.eraser_button.isChecked()
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # no dialog in front now: Esc clears, as its menu entry says
        assert not np.any(window.canvas.image())
    else:
        qtbot.keyClick(QApplication.focusWidget() or behind, Qt.Key.Key_Escape)  # the next Esc closes Look inside
        assert behind.isHidden() and np.array_equal(window.canvas.image(), drawing)
        qtbot.waitUntil(lambda: active_window_is(window))
