"""Getting a missing dataset from the GUI (download with progress and cancel), and the model details dialog."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from support.loopback import spec_for

from digitpad.data import loading, registry
from digitpad.ui.app import default_model
from digitpad.ui.dialogs.dataset_dialogs import DownloadDialog, import_files
from digitpad.ui.dialogs.model_info import ModelInfoDialog
from digitpad.ui.jobs.job import Job


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def serve_mnist(server, monkeypatch):
    """Point the MNIST registry entry at the loopback server in a given mode."""
    def use(mode: str) -> None:
        spec = dataclasses.replace(spec_for(server.files, server.mirror(mode)), name="mnist", title="MNIST")
        monkeypatch.setitem(registry.DATASETS, "mnist", spec)
    return use


def test_download_dialog_fetches_the_dataset(parent, serve_mnist):
    serve_mnist("good")
    dialog = DownloadDialog(parent, "mnist")
    seen = []
    dialog.task.progressed.connect(seen.append)
    assert dialog.run()
    assert registry.is_available("mnist") and len(loading.load("mnist", "train")) == 30
    assert seen and dialog.value() == dialog.maximum()


def test_a_failed_download_says_why_and_leaves_nothing(parent, serve_mnist, monkeypatch):
    serve_mnist("bad")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert not DownloadDialog(parent, "mnist").run()
    assert "checksum" in shown[0]
    folder = registry.dataset_dir("mnist")
    assert not folder.exists() or list(folder.iterdir()) == []


def test_cancel_returns_at_once_even_when_the_server_stalls(parent, serve_mnist, server, qtbot, monkeypatch):
    serve_mnist("stall")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    dialog = DownloadDialog(parent, "mnist")
    qtbot.waitUntil(lambda: True)
    QTimer.singleShot(50, dialog.cancel)
    assert not dialog.run()
    assert shown == []  # cancelling is not an error
    server.release.set()
    assert Job.wait_all(10_000)
    folder = registry.dataset_dir("mnist")
    assert not folder.exists() or list(folder.iterdir()) == []


def test_import_files_from_the_dialog(parent, server, tmp_path, monkeypatch):
    paths = []
    for name, body in server.files.items():
        (tmp_path / name).write_bytes(body)
        paths.append(str(tmp_path / name))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    assert import_files(parent, "fashion")
    assert registry.is_available("fashion")


def test_import_of_a_bad_file_shows_the_reason(parent, tmp_path, monkeypatch):
    bad = tmp_path / "train-images-idx3-ubyte.gz"
    bad.write_bytes(b"nonsense")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert not import_files(parent, "mnist")
    assert "train-images-idx3-ubyte.gz" in shown[0] and not registry.is_available("mnist")


def test_model_details_show_architecture_metrics_and_settings(parent):
    model = default_model()
    text = ModelInfoDialog(parent, model).text.toPlainText()
    assert "MLP(784→1024 relu→512 relu→10 softmax)" in text and "1,333,770 parameters" in text
    assert "Test accuracy: 99.28 %" in text and "momentum" in text and "MNIST" in text
    assert "Changed while training" not in text


def test_model_details_use_the_train_tabs_labels_and_units(qtbot, parent):
    model = default_model()
    model.hyperparameters.update(subset=6000, validation=0.1, sum_gradient=False, head="sigmoid+bce", shift=2,
                                 batch_size=0, weight_decay=0.0005, optimizer="adam", dataset="digits8x8")
    model.metrics = {"test_accuracy": 0.9299, "val_loss": 0.25}
    model.history = {"train_loss": [0.5, 0.25], "val_accuracy": [0.875, 0.9299], "seconds": [0.7494, 1.25]}
    dialog = ModelInfoDialog(parent, model)
    qtbot.addWidget(dialog)
    dialog.show()
    lines = dialog.text.toPlainText().splitlines()
    pairs = dict(zip(lines, lines[1:]))  # a settings row reads: label line, value line
    assert pairs["Images"] == "first 6,000" and pairs["Validation"] == "10 %" and pairs["Random shift"] == "2 px"
    assert pairs["Sum the gradient over the batch"] == "no" and pairs["Output + loss"] == "sigmoid + binary cross-entropy"
    assert pairs["Batch size"] == "full batch" and pairs["Weight decay"] == "0.0005" and pairs["Optimizer"] == "Adam"
    assert pairs["Dataset"] == "8×8 digits"
    assert "Test accuracy: 92.99 %" in lines and "Validation loss: 0.25" in lines
    assert ["Epoch", "Training loss", "Validation accuracy", "Epoch time"] == lines[lines.index("Epoch"):][:4]
    first = lines.index("Epoch") + 4
    assert lines[first:first + 4] == ["1", "0.5000", "87.50 %", "0.7 s"]
    for raw in ("sum_gradient", "subset", "head", "0.9299", "seconds", "0.7494", "test_accuracy"):
        assert raw not in dialog.text.toPlainText(), raw


def test_model_details_list_the_steps_changed_while_training(parent):
    model = default_model()
    model.step_changes = [{"epoch": 2, "batch": 40, "setting": "lr", "old": 0.05, "new": 0.01},
                          {"epoch": 5, "batch": 0, "setting": "weight_decay", "old": 0.0, "new": 0.001}]
    text = ModelInfoDialog(parent, model).text.toPlainText()
    assert "Changed while training" in text
    assert "lr 0.05 → 0.01 from epoch 3, batch 41" in text and "weight decay 0 → 0.001 from epoch 6, batch 1" in text


def test_model_details_group_the_settings_as_the_train_tabs_pages(qtbot, parent):
    from digitpad.ui.widgets.training_panel import TrainingPanel
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    pages = [panel.pages.tabText(i) for i in range(panel.pages.count())]
    lines = ModelInfoDialog(parent, default_model()).text.toPlainText().splitlines()
    shown = [line for line in lines[lines.index("Settings") + 1:lines.index("History")] if line in pages]
    assert list(dict.fromkeys(shown)) == pages  # "Optimizer" is both a page and its first field


def test_model_details_name_what_a_tuned_model_records(parent, qtbot):
    model = default_model()
    model.metrics = {"test_accuracy": 0.9901, "test_accuracy_before": 0.9928, "personal_accuracy": 0.96,
                     "personal_accuracy_before": 0.57, "personal_train_digits": 150.0, "personal_heldout_digits": 50.0}
    dialog = ModelInfoDialog(parent, model)
    qtbot.addWidget(dialog)
    lines = dialog.text.toPlainText().splitlines()
    assert {"Test accuracy: 99.01 %", "Test accuracy before tuning: 99.28 %", "Accuracy on my held-out digits: 96.00 %",
            "Accuracy on my held-out digits before tuning: 57.00 %", "My digits it was tuned on: 150",
            "My digits held out: 50"} <= set(lines)


def test_an_import_runs_in_a_job_behind_a_busy_dialog(parent, server, tmp_path, monkeypatch, qtbot):
    """The import is held back (a fault injected into importing.import_files) until the busy dialog has been seen,
    Escape pressed on it and the parent repainted: the GUI thread answers while the files are read."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from digitpad.data import importing
    from digitpad.ui.dialogs import dataset_dialogs

    paths = []
    for name, body in server.files.items():
        (tmp_path / name).write_bytes(body)
        paths.append(str(tmp_path / name))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    gate, threads, seen = threading.Event(), [], {}
    real = importing.import_files

    def held_back(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "import_files", held_back)
    parent.show()

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dataset_dialogs.ImportDialog) or not dialog.isVisible() or not threads:
            QTimer.singleShot(10, look)
            return
        seen["label"] = dialog.labelText()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the files are being written: Escape waits
        parent.repaint()
        seen["still shown"] = dialog.isVisible()
        gate.set()

    QTimer.singleShot(0, look)
    assert import_files(parent, "fashion")
    assert threads == [False] and seen == {"label": "Importing 4 files into Fashion-MNIST…", "still shown": True}
    assert registry.is_available("fashion")
