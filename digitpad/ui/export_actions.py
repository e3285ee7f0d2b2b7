"""File ▸ Export ▸ ONNX… and PyTorch script…: the current model written for other tools.

After an ONNX export the file is run (when onnxruntime is installed) on the
drawing, or on test inputs while the canvas is empty, and the status line
shows the largest difference from digitpad's own output: measured, so "same
model" is a fact, not a hope. Both happen in a job, on a copy of the model:
the first export imports onnx, which alone took 1.5 s. A problem (onnx
missing, a folder that cannot be written) is shown in a message box; nothing
half-written is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from digitpad.common.errors import DigitpadError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.preprocessing import get_preprocessing
from digitpad.inference.onnx_check import (
    check_inputs,
    max_difference,
    max_difference_on,
    runtime_available,
)
from digitpad.model.bundle import Model
from digitpad.model.onnx_export import export_onnx
from digitpad.model.torch_export import TOLERANCE, export_pytorch
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.jobs.job import Job
from digitpad.ui.model_files import ModelFiles

ONNX_FILTER = QT_TRANSLATE_NOOP("ExportActions", "ONNX models (*.onnx);;All files (*)")
SCRIPT_FILTER = QT_TRANSLATE_NOOP("ExportActions", "Python scripts (*.py)")
T = TypeVar("T")


class ExportActions(QObject):
    """Exports of ``files.model``; ``drawing()`` gives the canvas's image, ``show_status`` the status line."""

    def __init__(self, window: QMainWindow, files: ModelFiles, drawing: Callable[[], np.ndarray],
                 show_status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.files = window, files
        self._drawing, self._show_status = drawing, show_status

    def export_onnx(self) -> None:
        """Ask for a file, then write the model as ONNX, run it and show the measured difference, in a job."""
        path = self._ask(translate("ExportActions", "Export as ONNX"), ".onnx", ONNX_FILTER)
        if path is None:
            return
        model, drawing = self.files.model.copy(), self._drawing()
        self._show_status(fill(translate("ExportActions", "Exporting {file}…"), file=path.name))
        self._job = job = Job(lambda report, cancelled: _export_and_check(model, path, drawing))
        job.finished.connect(self._onnx_done)
        job.errored.connect(lambda message: self._not_written(path, message))
        job.start()

    def _onnx_done(self, outcome: _OnnxOutcome) -> None:
        if outcome.error is not None:
            self._not_written(outcome.path, error_text(outcome.error))
            return
        self._show_status(outcome.status)
        if outcome.warning:
            QMessageBox.warning(self.window, translate("ExportActions", "Cannot check the export"), outcome.warning)

    def export_pytorch(self) -> None:
        """Ask for a script name, write the script and its weights, with the drawing as the script's test image."""
        path = self._ask(translate("ExportActions", "Export as a PyTorch script"), ".py", SCRIPT_FILTER)
        if path is None:
            return
        model = self.files.model
        drawing = self._drawing()  # the script's test image; test data's first image while the canvas is empty
        raw = (get_preprocessing(model.preprocessing).to_raw(drawing).reshape(1, -1) if np.any(drawing > 0)
               else check_inputs(model, 1)[0])
        done = self._write(path, lambda: export_pytorch(model, path, raw))
        if done is not None:
            self._show_status(fill(translate("ExportActions", "Exported {script} and {weights}; python {script} checks "
                                                              "it against digitpad (it needs numpy and torch)."),
                                   script=done.script.name, weights=done.weights.name))

    def _ask(self, title: str, suffix: str, filters: str) -> Path | None:
        folder = self.files.path.parent if self.files.path else Path.home()
        suggested = folder / f"{self.files.display_name().replace(' ', '-')}{suffix}"
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), render(filters))
        if not name:
            return None
        return Path(name) if name.endswith(suffix) else Path(name + suffix)

    def _write(self, path: Path, write: Callable[[], T]) -> T | None:
        """What ``write`` returns, or None after showing why ``path`` was not written."""
        try:
            return write()
        except DigitpadError as exc:
            self._not_written(path, error_text(exc))
            return None

    def _not_written(self, path: Path, error: str) -> None:
        QMessageBox.warning(self.window, translate("ExportActions", "Cannot export model"),
                            fill(translate("ExportActions", "{file} was not written: {error}"), file=path.name,
                                 error=error))


@dataclass(frozen=True)
class _OnnxOutcome:
    """What an ONNX export in a job tells the window: its status line and a problem with the check, if any; or
    why nothing was written (``error``, shown in the window's language)."""

    path: Path
    status: str = ""
    warning: str = ""
    error: DigitpadError | None = None


def _export_and_check(model: Model, path: Path, drawing: np.ndarray) -> _OnnxOutcome:
    """In a job: write ``model`` to ``path`` (its DigitpadError, the outcome's ``error``, means nothing was
    written), then run the file on ``drawing`` (test inputs while it is empty) and compare."""
    try:
        export_onnx(model, path)
    except DigitpadError as exc:
        return _OnnxOutcome(path, error=exc)
    if not runtime_available():
        return _OnnxOutcome(path, fill(translate("ExportActions", "Exported {file}. onnxruntime is not installed, so "
                                                                  "it was not run to compare (pip install "
                                                                  "onnxruntime)."), file=path.name))
    try:
        if np.any(drawing > 0):
            difference, subject = max_difference(path, model, drawing), translate("ExportActions", "the drawing")
        else:
            raw, described = check_inputs(model)
            difference, subject = max_difference_on(path, model, raw), render(described)
    except DigitpadError as exc:
        return _OnnxOutcome(path, fill(translate("ExportActions", "Exported {file}; it could not be checked."),
                                       file=path.name),
                            fill(translate("ExportActions", "{file} was written, but: {error}"), file=path.name,
                                 error=error_text(exc)))
    verdict = (translate("ExportActions", "same model") if difference <= TOLERANCE
               else translate("ExportActions", "NOT the same model"))
    status = (translate("ExportActions", "Exported {file} (a regression: its single output); {verdict}: max "
                                         "difference {difference:.1g} on {subject}.")
              if model.network.spec.is_regression else
              translate("ExportActions", "Exported {file}; {verdict}: max difference {difference:.1g} on {subject}."))
    return _OnnxOutcome(path, fill(status, file=path.name, verdict=verdict, difference=difference, subject=subject))
