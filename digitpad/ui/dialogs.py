"""Dialogs: getting a missing dataset (download with progress, or import) and model details."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QProgressDialog, QTextBrowser, QVBoxLayout, QWidget,
)

from digitpad.data import store
from digitpad.data.download import download
from digitpad.errors import DigitpadError
from digitpad.nn.model_file import Model
from digitpad.ui.tasks import BackgroundTask


def get_missing_dataset(parent: QWidget, name: str) -> bool:
    """Offer to download or import dataset ``name``; True once it is available."""
    title = store.get_spec(name).title
    box = QMessageBox(QMessageBox.Icon.Question, f"{title} is not here yet",
                      f"{title} is not on this computer yet. Download it (about 12–30 MB, checksums verified) "
                      "or import files you already have?", parent=parent)
    download_button = box.addButton("Download", QMessageBox.ButtonRole.AcceptRole)
    import_button = box.addButton("Import files…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is download_button:
        return DownloadDialog(parent, name).run()
    if box.clickedButton() is import_button:
        return import_files(parent, name)
    return False


def import_files(parent: QWidget, name: str) -> bool:
    """Pick files and import them into dataset ``name``; errors shown, nothing half-written."""
    paths, _ = QFileDialog.getOpenFileNames(parent, f"Import {store.get_spec(name).title} files", "",
                                            "Datasets (*.gz *-ubyte *.idx *.csv *.npz);;All files (*)")
    if not paths:
        return False
    try:
        store.import_files(paths, name)
    except DigitpadError as exc:
        QMessageBox.warning(parent, "Import failed", str(exc))
        return False
    if not store.is_available(name):
        missing = store.get_spec(name).title
        QMessageBox.information(parent, "Import incomplete", f"Imported, but {missing} still lacks some of its "
                                "four files (train and test images and labels).")
        return False
    return True


class DownloadDialog(QProgressDialog):
    """Downloads a dataset in a background thread with a progress bar and Cancel."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(f"Downloading {store.get_spec(name).title}…", "Cancel", 0, 1000, parent)
        self.setObjectName("downloadDialog")
        self.setWindowTitle("Download")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.name, self.error = name, ""
        self.task = BackgroundTask(lambda report, cancelled: download(
            name, progress=lambda file, done, total: report((file, done, total)), cancel=cancelled))
        self.task.progressed.connect(self._progressed)
        # Bound methods, not lambdas: PySide6 runs a lambda in the emitting (worker) thread.
        self.task.finished.connect(self._succeeded)
        self.task.errored.connect(self._failed)
        # Direct: the task's own thread is busy running the download and would never see a queued call.
        self.canceled.connect(self.task.cancel, Qt.ConnectionType.DirectConnection)
        self.canceled.connect(self.reject)

    def run(self) -> bool:
        """Show the dialog until the download ends; True when the dataset is ready."""
        self.task.start()
        accepted = self.exec() == QDialog.DialogCode.Accepted
        # Cancel must not freeze the window while a stalled read times out:
        # the task ends on its own, and never leaves a partial file behind.
        self.task.detach()
        if self.error:
            QMessageBox.warning(self.parentWidget(), "Download failed", self.error)
        return accepted and store.is_available(self.name)

    def abandon(self) -> None:
        """Give the download up for good (the window is closing): cancel it, let go of the task, close.

        The task is detached at once, so a :meth:`BackgroundTask.wait_for_detached`
        right after waits for it; :meth:`run` then returns False whatever arrives late.
        """
        self.task.detach()
        self.cancel()

    def _progressed(self, value: tuple) -> None:
        if self.wasCanceled():  # a late report would show the cancelled dialog again
            return
        file, done, total = value
        self.setLabelText(f"Downloading {file}… {done / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else ""))
        self.setValue(int(1000 * done / total) if total else 0)

    def _succeeded(self, _folder: object) -> None:
        if not self.wasCanceled():  # a download ending just after a cancel must not start anything
            self.done(QDialog.DialogCode.Accepted)

    def _failed(self, message: str) -> None:
        if not self.wasCanceled():  # a cancel is the user's choice, not an error to report
            self.error = message
        self.done(QDialog.DialogCode.Rejected)


class ModelInfoDialog(QDialog):
    """The current model's metadata: architecture, dataset, settings, metrics, history."""

    def __init__(self, parent: QWidget, model: Model) -> None:
        super().__init__(parent)
        self.setObjectName("modelInfoDialog")
        self.setWindowTitle(f"Model: {model.name or 'untitled'}")
        self.resize(560, 520)
        self.text = QTextBrowser(objectName="modelInfoText")
        self.text.setHtml(model_html(model))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def model_html(model: Model) -> str:
    """The model's metadata as a small HTML document."""
    rows = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(str(v))}</td></tr>"
                   for k, v in model.hyperparameters.items())
    metrics = "".join(f"<li>{html.escape(k)}: {v:.4g}</li>" for k, v in model.metrics.items()) or "<li>none</li>"
    history = model.history
    epochs = len(history.get("train_loss", []))
    series = [k for k in ("train_loss", "train_accuracy", "val_loss", "val_accuracy") if k in history]
    head = "".join(f"<th>{k.replace('_', ' ')}</th>" for k in series)
    body = "".join("<tr><td>" + str(e + 1) + "</td>" + "".join(f"<td>{history[k][e]:.4f}</td>" for k in series)
                   + "</tr>" for e in range(epochs))
    return (f"<h3>{html.escape(model.name or 'Untitled model')}</h3>"
            f"<p><b>{html.escape(repr(model.network))}</b>, {model.network.n_parameters():,} parameters<br>"
            f"dataset: {html.escape(model.dataset or 'unknown')}; input {model.input_shape[0]}×{model.input_shape[1]}"
            f" ({html.escape(model.preprocessing)}); created {html.escape(model.created or 'not saved yet')}</p>"
            f"<h4>Metrics</h4><ul>{metrics}</ul><h4>Settings</h4><table>{rows}</table>"
            f"<h4>History</h4>" + (f"<table border=0 cellspacing=6><tr><th>epoch</th>{head}</tr>{body}</table>"
                                   if epochs else "<p>not trained in digitpad</p>"))
