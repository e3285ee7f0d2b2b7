"""Issue 12 in the main window: what it says about files, classes, help and dialogs is true, driven by real input."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from digitpad.model.files import save_model
from support.models import make_model


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
