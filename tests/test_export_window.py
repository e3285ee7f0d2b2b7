"""File ▸ Export in the window: the files written, and the status line's difference, measured here again."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog
from support.boxes import answer_box
from test_correct_row import drawn

from digitpad.data.preprocessing import get_preprocessing
from digitpad.inference.onnx_check import check_inputs
from digitpad.inference.predict import drawing_to_input
from digitpad.model.onnx_export import MISSING_ONNX

ort = pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")


def export_entry(window, text: str):
    """File ▸ Export ▸ ``text``, found in the menu bar as a person finds it."""
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File")
    export = next(a.menu() for a in file_menu.actions() if a.text().replace("&", "") == "Export")
    return next(a for a in export.actions() if a.text().replace("&", "") == text)


def save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def onnxruntime_output(path, raw: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {"pixels": raw.astype(np.float32)})[0]


def status(window) -> str:
    return window.statusBar().currentMessage()


def exported(window, qtbot) -> str:
    """The status line once the export's job has told it how the export went."""
    qtbot.waitUntil(lambda: status(window).startswith("Exported"), timeout=30_000)
    return status(window)


def test_file_export_has_onnx_and_pytorch_script(window):
    assert export_entry(window, "ONNX…").isEnabled() and export_entry(window, "PyTorch script…").isEnabled()


def test_onnx_export_shows_the_difference_measured_on_the_drawing(window, qtbot, monkeypatch, tmp_path):
    drawing = drawn(qtbot, window)
    save_as(monkeypatch, tmp_path / "seven")  # the suffix is added, as a save dialog's filter promises
    export_entry(window, "ONNX…").trigger()
    assert status(window) == "Exporting seven.onnx…"  # in a job: the window is not held while onnx loads
    shown = exported(window, qtbot)
    path = tmp_path / "seven.onnx"
    assert path.is_file()
    model = window.files.model
    raw = get_preprocessing(model.preprocessing).to_raw(drawing).reshape(1, -1)
    mine = onnxruntime_output(path, raw)
    theirs = model.network.predict_proba(drawing_to_input(model, drawing))
    difference = float(np.max(np.abs(mine - theirs)))
    assert difference < 1e-5 and mine.argmax() == theirs.argmax()
    assert shown == f"Exported seven.onnx; same model: max difference {difference:.1g} on the drawing."


def test_with_an_empty_canvas_the_check_uses_test_inputs(window, qtbot, monkeypatch, tmp_path):
    save_as(monkeypatch, tmp_path / "m.onnx")
    export_entry(window, "ONNX…").trigger()
    shown = exported(window, qtbot)
    model = window.files.model
    raw, described = check_inputs(model)
    expected = model.network.predict_proba((raw.astype(np.float64) * model.input_scale).astype(np.float32))
    difference = float(np.max(np.abs(onnxruntime_output(tmp_path / "m.onnx", raw) - expected)))
    assert shown == f"Exported m.onnx; same model: max difference {difference:.1g} on {described}."


def test_without_onnxruntime_the_file_is_written_and_the_status_says_so(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    save_as(monkeypatch, tmp_path / "m.onnx")
    export_entry(window, "ONNX…").trigger()
    shown = exported(window, qtbot)
    assert (tmp_path / "m.onnx").is_file()
    assert "onnxruntime is not installed" in shown and "pip install onnxruntime" in shown


def test_without_onnx_a_message_box_says_what_to_install(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnx", None)
    save_as(monkeypatch, tmp_path / "m.onnx")
    seen = answer_box("Ok")
    export_entry(window, "ONNX…").trigger()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == [f"m.onnx was not written: {MISSING_ONNX}"]
    assert list(tmp_path.glob("*.onnx")) == []


def test_pytorch_script_export_keeps_the_drawing_as_its_test_image(window, qtbot, monkeypatch, tmp_path):
    drawing = drawn(qtbot, window)
    save_as(monkeypatch, tmp_path / "seven.py")
    export_entry(window, "PyTorch script…").trigger()
    assert (tmp_path / "seven.py").is_file()
    model = window.files.model
    with np.load(tmp_path / "seven.weights.npz") as npz:
        pixels, probabilities = npz["test_pixels"], npz["digitpad_probabilities"]
    assert np.array_equal(pixels, get_preprocessing(model.preprocessing).to_raw(drawing).reshape(1, -1)
                          .astype(np.float32))
    qtbot.waitUntil(lambda: window.probabilities.probabilities().sum() > 0)
    assert np.allclose(probabilities[0], window.probabilities.probabilities(), atol=1e-6)  # the bars' numbers
    assert status(window).startswith("Exported seven.py and seven.weights.npz; python seven.py checks it")
