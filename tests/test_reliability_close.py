"""Closing the window during a download and during a save, through the real MainWindow.

Downloads come from the 127.0.0.1 server of tests/support/loopback.py only, slow (the
body a little at a time, its ``SlowHandler``) or stalled (no
reply until the read times out). A close must cancel the download, wait for
its thread (a QThread still running at exit aborts the process) and leave no
partial file, start nothing afterwards and show no error.

Saving runs on the GUI thread (``save_model`` is synchronous), so a close
cannot interleave with a write: what can happen is a close whose "Save"
fails mid-write, or a close queued right behind a save. Reads /proc, so Linux only.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from support.faults import disk_full_mid_write, left_in
from support.lifecycle import DOWNLOAD_TIMEOUT_S, os_threads
from support.loopback import SlowHandler, spec_for

from digitpad.data import registry
from digitpad.data.download import download
from digitpad.model import files as model_file
from digitpad.model.files import load_model
from digitpad.training.settings import RunSettings
from digitpad.ui.dialogs import dataset_dialogs as dialogs
from digitpad.ui.dialogs.dataset_dialogs import DownloadDialog
from digitpad.ui.jobs.job import Job

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self")

MNIST_RUN = RunSettings(dataset="mnist", hidden="8", epochs=1, batch_size=8, validation=0.0)


@pytest.fixture
def serve_mnist(server, monkeypatch):
    """MNIST comes from the loopback server in a given mode; the missing-data question answers Download."""
    server.RequestHandlerClass = SlowHandler
    warnings: list[str] = []

    def use(mode: str) -> list[str]:
        spec = dataclasses.replace(spec_for(server.files, server.mirror(mode)), name="mnist", title="MNIST")
        monkeypatch.setitem(registry.DATASETS, "mnist", spec)
        return warnings

    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton",
                        lambda box: next(b for b in box.buttons() if b.text() == "Download"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(dialogs, "download", functools.partial(download, timeout=DOWNLOAD_TIMEOUT_S))
    return use


def close_when_asked(window, server, how: str) -> dict:
    """Once the server has a request and the dialog is up, close the window (or quit the app) once."""
    seen: dict = {}

    def poll() -> None:
        dialog = window.findChild(DownloadDialog)
        if server.hits and dialog is not None and "task" not in seen:
            seen.update(task=dialog.task, dialog=dialog, began=time.monotonic())
            if how == "window":
                seen["closed"] = window.close()
            else:  # what quitting the app (logout, Cmd+Q) does: the modal dialog first, then the window
                QApplication.closeAllWindows()
                seen["closed"] = not window.isVisible()
            seen["seconds"] = time.monotonic() - seen["began"]
            seen["task_ended"] = dialog.task.thread.isFinished()

    timer = QTimer(window, interval=5)
    timer.timeout.connect(poll)
    timer.start()
    seen["timer"] = timer
    return seen


@pytest.mark.parametrize("mode, how", [("slow", "window"), ("stall", "window"), ("slow", "app")])
def test_closing_during_a_download_cancels_it_and_leaves_no_thread_or_file(window, qtbot, server, serve_mnist,
                                                                           mode, how):
    warnings = serve_mnist(mode)
    threads = os_threads()
    window.panel.set_settings(MNIST_RUN)
    seen = close_when_asked(window, server, how)
    window.runs.start_training()  # the dialog runs until the close
    seen["timer"].stop()
    assert seen["closed"] and not window.isVisible()
    assert seen["task_ended"]  # joined before the close returned
    assert seen["seconds"] < DOWNLOAD_TIMEOUT_S + 2  # a stalled read holds the close until it times out
    assert Job.wait_all(0)
    server.release.set()  # a stalled handler lets go
    qtbot.waitUntil(lambda: os_threads() <= threads + 1, timeout=5_000)
    assert not seen["dialog"].isVisible()  # late progress reports did not bring it back
    assert not window.session.running and window.runs_panel.store.count() == 0  # nothing started after the close
    assert warnings == []  # a cancel is not an error
    _, other = left_in(registry.dataset_dir("mnist"), server.files)
    assert other == []  # no partial or temporary file (complete, verified files may stay)


@pytest.fixture
def models(tmp_path) -> Path:
    """A folder for model files alone (the window's settings file is in tmp_path)."""
    folder = tmp_path / "models"
    folder.mkdir()
    return folder


def saved_window(window, folder, monkeypatch) -> tuple[Path, bytes, dict]:
    """The window's model saved to a file, then changed (as training would) and marked unsaved."""
    path = folder / "model.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert window.files.save()
    weights = {k: v + 0.5 for k, v in window.files.model.network.get_weights().items()}
    window.files.model.network.set_weights(weights)
    window.setWindowModified(True)
    return path, path.read_bytes(), weights


def test_a_close_whose_save_fails_mid_write_is_refused_and_keeps_the_old_file(window, models, monkeypatch):
    path, old, weights = saved_window(window, models, monkeypatch)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    with monkeypatch.context() as disk:
        disk.setattr(model_file, "write_npz", disk_full_mid_write)
        assert not window.close()
    assert window.isVisible() and window.isWindowModified()  # the unsaved model is still there
    assert len(shown) == 1 and "model.npz was not saved" in shown[0] and "No space left" in shown[0]
    assert path.read_bytes() == old and [p.name for p in models.iterdir()] == ["model.npz"]
    assert window.close()  # with room on the disk the same close saves, then closes
    saved = load_model(path).network.get_weights()
    assert all(np.array_equal(saved[k], weights[k]) for k in weights)
    assert [p.name for p in models.iterdir()] == ["model.npz"]


def test_a_save_requested_just_before_closing_finishes_first(window, qtbot, models, monkeypatch):
    path, _, weights = saved_window(window, models, monkeypatch)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel)
    save = next(a for a in window.findChildren(QAction) if a.text() == "&Save")
    QTimer.singleShot(0, save.trigger)  # Ctrl+S, then the close in the same turn of the event loop
    QTimer.singleShot(0, window.close)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert asked == []  # the save was complete before the close looked for unsaved work
    saved = load_model(path).network.get_weights()
    assert all(np.array_equal(saved[k], weights[k]) for k in weights)
    assert [p.name for p in models.iterdir()] == ["model.npz"]


def test_a_close_whose_save_as_is_cancelled_keeps_the_window(window, models, monkeypatch):
    window.setWindowModified(True)  # a trained model never saved: Save asks for a file name
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert not window.close()
    assert window.isVisible() and window.isWindowModified()
    assert window.files.path is None and list(models.iterdir()) == []
