"""Correct it: the row of digits under the probabilities and Ctrl+0 … Ctrl+9 keep the drawing in My digits."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from support.boxes import answer_box
from support.models import make_model
from test_main_window import draw_seven

from digitpad.data.dataset import FASHION_NAMES
from digitpad.data.personal import PersonalStore
from digitpad.data.preprocess import center_digit
from digitpad.data.registry import personal_dir
from digitpad.inference.digit_rows import reads_digits
from digitpad.nn.network import MLP, NetworkSpec


def drawn(qtbot, window):
    """A seven on the canvas, its buttons enabled (as a person sees them once the stroke is done)."""
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: window.correct_row.buttons[7].isEnabled())
    return window.canvas.image()


def button(window, digit):
    return window.findChild(type(window.correct_row.buttons[0]), f"correct{digit}")


def status(window):
    return window.statusBar().currentMessage()


def test_clicking_a_digit_keeps_the_drawing_on_disk_as_the_model_receives_it(window, qtbot):
    drawing = drawn(qtbot, window)
    qtbot.mouseClick(button(window, 7), Qt.MouseButton.LeftButton)
    [digit] = PersonalStore().digits()  # a fresh store: read from the disk
    assert digit.label == 7 and digit.source == "drawn"
    assert np.array_equal(digit.image, np.rint(center_digit(drawing) * 255).astype(np.uint8))
    assert np.array_equal(digit.raw, np.rint(drawing * 255).astype(np.uint8))
    assert status(window).startswith("Saved as a 7 in My digits (the model read")
    assert "1 seven, 1 digit in all." in status(window) and "Esc clears it" in status(window)
    assert window.correct_row.flashed() == 7
    qtbot.waitUntil(lambda: window.correct_row.flashed() is None)
    assert "Ctrl+7" in button(window, 7).toolTip()


def test_ctrl_digit_on_the_canvas_keeps_it(window, qtbot):
    drawn(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert [(d.label, d.source) for d in PersonalStore().digits()] == [(3, "drawn")]
    assert "Saved as a 3" in status(window) and "1 three, 1 digit in all." in status(window)


def test_choosing_again_relabels_the_digit_just_saved_and_the_same_digit_keeps_nothing_new(window, qtbot):
    drawn(qtbot, window)
    qtbot.mouseClick(button(window, 1), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(window, 7), Qt.MouseButton.LeftButton)  # the wrong button first, then the right one
    assert [d.label for d in PersonalStore().digits()] == [7]
    assert "Relabelled as a 7 (it was saved as a 1)" in status(window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert len(PersonalStore()) == 1 and "already, as a 7" in status(window)
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton)  # a dot more: another drawing
    qtbot.keyClick(window.canvas, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert [d.label for d in PersonalStore().digits()] == [7, 7] and "2 sevens, 2 digits in all." in status(window)


def test_a_blank_canvas_keeps_nothing_and_says_why(window, qtbot):
    assert not any(b.isEnabled() for b in window.correct_row.buttons)
    assert "Draw a digit first" in button(window, 5).toolTip()
    qtbot.keyClick(window.canvas, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert len(PersonalStore()) == 0
    assert "Nothing saved: the canvas is empty" in status(window)
    drawn(qtbot, window)
    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not button(window, 7).isEnabled())


def test_with_the_backprop_tab_in_front_ctrl_7_keeps_a_seven_and_leaves_its_label(window, qtbot):
    drawn(qtbot, window)
    window.insight_tabs.setCurrentWidget(window.backprop_view)
    qtbot.waitUntil(lambda: window.backprop_view.labels.checkedId() >= 0)
    qtbot.keyClick(window.backprop_view, Qt.Key.Key_2)  # its own keys pick its label
    assert window.backprop_view.labels.checkedId() == 2
    qtbot.keyClick(window.canvas, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert [d.label for d in PersonalStore().digits()] == [7]
    assert window.backprop_view.labels.checkedId() == 2


def test_a_model_of_clothing_hides_the_row_and_keeps_nothing(window, qtbot):
    fashion = make_model(class_names=FASHION_NAMES, dataset="fashion")
    window.files.set_model(fashion, None)
    draw_seven(qtbot, window.canvas)
    qtbot.waitUntil(lambda: window.correct_row.isHidden())
    qtbot.keyClick(window.canvas, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert len(PersonalStore()) == 0 and "My digits keeps digits" in status(window)


def test_a_regression_model_reads_digits():
    regression = make_model(network=MLP(NetworkSpec((64, 8, 1), output="identity", loss="mse"), seed=1))
    assert regression.network.spec.is_regression and reads_digits(regression)
    assert not reads_digits(make_model(class_names=FASHION_NAMES))


def test_a_folder_that_cannot_be_written_says_nothing_was_saved(window, qtbot):
    folder = personal_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")  # where the digits would go is a file: the store cannot write
    drawn(qtbot, window)
    seen = answer_box("Ok")
    qtbot.mouseClick(button(window, 7), Qt.MouseButton.LeftButton)
    assert seen and "was not saved" in seen[0] and str(folder) in seen[0]
    assert not status(window).startswith("Saved") and window.correct_row.flashed() is None
