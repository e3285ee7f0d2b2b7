"""A lab model's deliberate mistake is kept by its file: saved, opened again, it checks and trains as it did.

The softmax-derivative bug lives on the network's head; a file holds weights
and metadata, so the model file records the mistake's name and the window
installs it again when the file is opened. Otherwise Look inside's gradient
check would pass on the reopened model and tell the learner the broken run's
maths was right.
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from digitpad.lab import pitfalls
from digitpad.lab.mistakes import MISTAKES, SoftmaxDerivativeHead, installed_mistakes
from digitpad.model.files import load_model, save_model
from digitpad.nn.gradcheck import gradient_check
from digitpad.nn.losses import SoftmaxCrossEntropy

SMALL = {"dataset": "digits8x8", "hidden": "16", "epochs": 1, "batch_size": 64}


def small_softmax_bugs(monkeypatch) -> None:
    """The softmax-bugs preset on the bundled 8×8 digits, small enough for a test, both its bugs kept."""
    preset = pitfalls.PITFALLS["softmax-bugs"]
    monkeypatch.setitem(pitfalls.PITFALLS, "softmax-bugs",
                        dataclasses.replace(preset, base=dataclasses.replace(preset.base, **SMALL)))


def run_failing_lab(window, qtbot):
    """Lab ▸ Three bugs in softmax training, then a click on the Lab's Run failing setup; the finished model."""
    window.open_lab("softmax-bugs")
    button = window.lab_panel.findChild(QPushButton, "labRunFailingButton")
    with qtbot.waitSignal(window.session.finished, timeout=60_000) as done:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)  # the doctor's cards and the overlay come a turn of the event loop later
    return done.args[0]


def keys(window, qtbot, key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    """A shortcut typed into the main window, once it is the active window (Look inside may have been)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, key, modifiers)


def save_as_with_keys(window, qtbot, monkeypatch, path) -> None:
    """File ▸ Save as (Ctrl+Shift+S), the dialog answering ``path``."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    keys(window, qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def open_with_keys(window, qtbot, monkeypatch, path) -> list[str]:
    """File ▸ Open (Ctrl+O), the dialog answering ``path``; the warnings shown."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    keys(window, qtbot, Qt.Key.Key_O)
    return warnings


def gradient_check_in_look_inside(window, qtbot):
    """Model ▸ Look inside (Ctrl+L), then a click on Run gradient check; the view once its result is shown."""
    keys(window, qtbot, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: window.inspect_window is not None and window.inspect_window.isVisible())
    view = window.inspect_window.gradcheck
    window.inspect_window.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(view.checked, timeout=30_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    return view


def model_details_text(window, qtbot) -> str:
    """Model ▸ Model details (Ctrl+I): the dialog's text, read while it is open, then Esc."""
    seen = []

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.text.toPlainText())
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    QTimer.singleShot(100, read_and_close)
    keys(window, qtbot, Qt.Key.Key_I)
    return seen[0]


def test_a_saved_and_reopened_lab_model_keeps_its_mistake_and_fails_the_gradient_check(window, qtbot, monkeypatch,
                                                                                     tmp_path):
    small_softmax_bugs(monkeypatch)
    trained = run_failing_lab(window, qtbot)
    assert type(trained.network.head) is SoftmaxDerivativeHead
    # Only the mistake that lives on the network is the model's; the misaligned batches were the trainer's.
    assert trained.mistakes == ("softmax_derivative",)
    save_as_with_keys(window, qtbot, monkeypatch, tmp_path / "buggy")
    path = tmp_path / "buggy.npz"
    assert window.files.path == path and load_model(path).mistakes == ("softmax_derivative",)
    keys(window, qtbot, Qt.Key.Key_N)  # File ▸ New model: the lab model is gone from the window
    assert window.files.model.mistakes == () and type(window.files.model.network.head) is SoftmaxCrossEntropy
    assert open_with_keys(window, qtbot, monkeypatch, path) == []
    opened = window.files.model
    assert window.files.path == path and opened is not trained
    assert installed_mistakes(opened.network) == {"softmax_derivative"} and opened.mistakes == ("softmax_derivative",)
    # It checks as it trained: the view's numbers are the engine's for the buggy head, and they fail.
    view = gradient_check_in_look_inside(window, qtbot)
    expected = gradient_check(opened.network.spec, head=SoftmaxDerivativeHead(opened.network.spec.reduction))
    result = view.result()
    assert result.errors == expected.errors and not result.passed and result.output_error > 0.1
    status = view.status.text()
    assert "✗ FAILS" in status and "passes" not in status and "The numbers part at the output" in status
    assert "deliberate lab mistake (softmax derivative applied twice)" in status
    table = view.table
    assert [table.item(r, 3).text() for r in range(table.rowCount())] == ["✗ FAIL"] * 2
    window.inspect_window.close()
    # Its predictions are the trained network's: the mistake is in the backward pass only.
    x = np.random.default_rng(0).uniform(0, 16, size=(20, 64)).astype(np.float32)
    np.testing.assert_array_equal(opened.network.predict_proba(x), trained.network.predict_proba(x))
    # Model details says so, in the lab's own words.
    text = model_details_text(window, qtbot)
    assert "Deliberate lab mistake" in text and MISTAKES["softmax_derivative"].title in text
    assert MISTAKES["softmax_derivative"].explanation in text


def test_the_untrained_copy_shown_while_a_lab_run_trains_has_the_mistake_too(window, qtbot, monkeypatch):
    small_softmax_bugs(monkeypatch)
    window.open_lab("softmax-bugs")
    button = window.lab_panel.findChild(QPushButton, "labRunFailingButton")
    with qtbot.waitSignal(window.session.started, timeout=10_000) as started:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    untrained = started.args[0]
    assert untrained.mistakes == ("softmax_derivative",)
    assert installed_mistakes(untrained.network) == {"softmax_derivative"}
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        pass


def test_a_model_trained_from_the_form_records_no_mistake(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.panel.set_settings(dataclasses.replace(window.panel.settings(), **SMALL))
    with qtbot.waitSignal(window.session.finished, timeout=60_000) as done:
        qtbot.mouseClick(window.panel.train_button, Qt.MouseButton.LeftButton)
    model = done.args[0]
    assert model.mistakes == () and type(model.network.head) is SoftmaxCrossEntropy
    save_model(tmp_path / "clean.npz", model)
    assert open_with_keys(window, qtbot, monkeypatch, tmp_path / "clean.npz") == []
    assert installed_mistakes(window.files.model.network) == frozenset()
    assert "Deliberate lab mistake" not in model_details_text(window, qtbot)


# -- a file whose mistakes this digitpad cannot install ------------------------------------------------------------
def with_mistakes(source, target, mistakes) -> None:
    """``source`` rewritten to ``target`` with ``mistakes`` as its recorded lab mistakes."""
    with np.load(source, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    meta = json.loads(bytes(arrays.pop("metadata")))
    meta["mistakes"] = mistakes
    np.savez(target, metadata=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8), **arrays)


@pytest.mark.parametrize("mistakes, words", [
    (["future_bug"], ["'future_bug'", "this digitpad does not know", "newer digitpad"]),
    (["misaligned_batches"], ["'misaligned_batches'", "not a network"]),
])
def test_a_file_with_a_mistake_this_digitpad_cannot_install_is_refused_in_plain_words(window, qtbot, monkeypatch,
                                                                                     tmp_path, mistakes, words):
    small_softmax_bugs(monkeypatch)
    run_failing_lab(window, qtbot)
    save_model(tmp_path / "buggy.npz", window.files.model)
    with_mistakes(tmp_path / "buggy.npz", tmp_path / "odd.npz", mistakes)
    current = window.files.model
    warnings = open_with_keys(window, qtbot, monkeypatch, tmp_path / "odd.npz")
    assert window.files.model is current and len(warnings) == 1
    assert warnings[0].startswith("odd.npz cannot be opened: ") and "The current model stays loaded." in warnings[0]
    for word in words:
        assert word in warnings[0], warnings[0]
    assert "Traceback" not in warnings[0] and "ConfigError" not in warnings[0]


def test_a_softmax_mistake_recorded_on_another_head_is_refused_in_plain_words(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    settings = dataclasses.replace(window.panel.settings(), head="sigmoid+mse", **SMALL)
    window.panel.set_settings(settings)
    with qtbot.waitSignal(window.session.finished, timeout=60_000) as done:
        qtbot.mouseClick(window.panel.train_button, Qt.MouseButton.LeftButton)
    save_model(tmp_path / "mse.npz", done.args[0])
    with_mistakes(tmp_path / "mse.npz", tmp_path / "odd.npz", ["softmax_derivative"])
    window.setWindowModified(False)
    warnings = open_with_keys(window, qtbot, monkeypatch, tmp_path / "odd.npz")
    assert len(warnings) == 1 and "softmax + cross-entropy head" in warnings[0], warnings
    assert window.files.path != tmp_path / "odd.npz"


# -- the command line ----------------------------------------------------------------------------------------------
def test_the_command_line_evaluates_and_predicts_a_lab_model_file_as_the_same_weights_without_the_mistake(
        tmp_path, capsys, qapp):
    """The mistake changes the backward pass only: evaluate and predict have nothing to install, and say the same
    as for the same weights without it (the summary names the mistake)."""
    from PySide6.QtGui import QImage

    from digitpad.cli.main import main
    from digitpad.data.loading import load
    from digitpad.lab.mistakes import apply_mistakes
    from digitpad.training.prepare import prepare_run
    from digitpad.training.settings import RunSettings

    run = prepare_run(RunSettings(**SMALL, validation=0.0),
                      customise=lambda network: apply_mistakes({"softmax_derivative"}, network))
    lab = dataclasses.replace(run.model(run.fit(), name="lab"), mistakes=("softmax_derivative",))
    save_model(tmp_path / "lab.npz", lab)
    save_model(tmp_path / "plain.npz", dataclasses.replace(lab, mistakes=()))
    ink = np.kron(load("digits8x8", "test").images[0].reshape(8, 8) / 16, np.ones((6, 6)))
    pixels = np.ascontiguousarray(255 - np.pad(ink * 255, 8).astype(np.uint8))
    image = tmp_path / "digit.png"
    QImage(pixels.data, pixels.shape[1], pixels.shape[0], pixels.shape[1], QImage.Format.Format_Grayscale8).save(
        str(image))
    outputs = {}
    for name in ("lab", "plain"):
        assert main(["evaluate", str(tmp_path / f"{name}.npz")]) == 0
        assert main(["predict", str(tmp_path / f"{name}.npz"), str(image)]) == 0
        outputs[name] = capsys.readouterr().out
    summary, results = outputs["lab"].split("\naccuracy ")
    assert "mistakes  softmax_derivative: deliberate bugs from the learning lab" in summary
    assert results == outputs["plain"].split("\naccuracy ")[1] and "digit.png: " in results
