"""Getting a missing dataset: download it with progress and Cancel, or import files the user has.

Both run in a :class:`~digitpad.ui.jobs.job.Job` behind a window-modal
progress dialog, never on the GUI thread: reading ``mnist.npz`` takes 1.5 s
and a large CSV longer, and the window keeps painting meanwhile.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from digitpad.common.errors import DigitpadError
from digitpad.data import importing, registry
from digitpad.data.download import download
from digitpad.data.personal import PersonalStore, empty_message
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.jobs.job import Job


def get_missing_dataset(parent: QWidget, name: str) -> bool:
    """Offer to download or import dataset ``name``; True once it is available. My digits cannot be downloaded:
    what to do instead is said (or why its file cannot be read)."""
    if name == registry.PERSONAL:
        try:
            message = render(empty_message()) if len(PersonalStore()) == 0 else ""
        except DigitpadError as exc:
            message = error_text(exc)
        if message:
            QMessageBox.information(parent, fill(translate("DatasetDialogs", "{title} cannot be used yet"),
                                                 title=render(registry.PERSONAL_TITLE)), message)
        return not message
    title = render(registry.get_spec(name).title)
    box = QMessageBox(QMessageBox.Icon.Question, fill(translate("DatasetDialogs", "{title} is not here yet"),
                                                      title=title),
                      fill(translate("DatasetDialogs", "{title} is not on this computer yet. Download it (about "
                                                       "12–30 MB, checksums verified) or import files you already "
                                                       "have?"), title=title), parent=parent)
    download_button = box.addButton(translate("DatasetDialogs", "Download"), QMessageBox.ButtonRole.AcceptRole)
    import_button = box.addButton(translate("DatasetDialogs", "Import files…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is download_button:
        return DownloadDialog(parent, name).run()
    if box.clickedButton() is import_button:
        return import_files(parent, name)
    return False


def import_files(parent: QWidget, name: str) -> bool:
    """Pick files and import them into dataset ``name``; errors shown, nothing half-written."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent, fill(translate("DatasetDialogs", "Import {title} files"), title=render(registry.get_spec(name).title)),
        "", translate("DatasetDialogs", "Datasets (*.gz *-ubyte *.idx *.csv *.npz);;All files (*)"))
    if not paths:
        return False
    error = ImportDialog(parent, paths, name).run()
    if error is not None:
        QMessageBox.warning(parent, translate("DatasetDialogs", "Import failed"), error)
        return False
    if not registry.is_available(name):
        missing = render(registry.get_spec(name).title)
        QMessageBox.information(parent, translate("DatasetDialogs", "Import incomplete"),
                                fill(translate("DatasetDialogs", "Imported, but {title} still lacks some of its four "
                                                                 "files (train and test images and labels)."),
                                     title=missing))
        return False
    return True


class ImportDialog(QProgressDialog):
    """Imports files into a dataset in a background thread behind a busy bar.

    No Cancel: an import checks every file before it writes and then writes
    them all, so there is no half to stop at; Escape or closing waits for it.
    """

    def __init__(self, parent: QWidget, paths: list[str], name: str) -> None:
        title = render(registry.get_spec(name).title)
        if len(paths) == 1:
            label = fill(translate("DatasetDialogs", "Importing 1 file into {title}…"), title=title)
        else:
            count = len(paths)
            label = fill(translate("DatasetDialogs", "Importing %n files into {title}…", None, count), title=title)
        super().__init__(label, "", 0, 0, parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(translate("DatasetDialogs", "Import"))
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.error: str | None = None
        self.task = Job(partial(_import, paths, name))
        self.task.finished.connect(self._succeeded)
        self.task.errored.connect(self._failed)

    def run(self) -> str | None:
        """Show the dialog until the import ends; the reason it failed, or None."""
        self.task.start()
        self.exec()
        return self.error

    def reject(self) -> None:
        if not self.task.running:  # Escape and the title bar's × wait while the files are written
            super().reject()

    def _succeeded(self, _lines: object) -> None:
        self.done(QDialog.DialogCode.Accepted)

    def _failed(self, message: str) -> None:
        self.error = message
        self.done(QDialog.DialogCode.Rejected)


def _import(paths: list[str], name: str, _report: object, _cancelled: object) -> list[str]:
    return importing.import_files(paths, name)


class DownloadDialog(QProgressDialog):
    """Downloads a dataset in a background thread with a progress bar and Cancel."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(fill(translate("DatasetDialogs", "Downloading {title}…"),
                              title=render(registry.get_spec(name).title)),
                         translate("DatasetDialogs", "Cancel"), 0, 1000, parent)
        self.setObjectName("downloadDialog")
        self.setWindowTitle(translate("DatasetDialogs", "Download"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.name, self.error = name, ""
        self.task = Job(lambda report, cancelled: download(
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
        self.task.cancel()
        if self.error:
            QMessageBox.warning(self.parentWidget(), translate("DatasetDialogs", "Download failed"), self.error)
        return accepted and registry.is_available(self.name)

    def abandon(self) -> None:
        """Give the download up for good (the window is closing): cancel it and close.

        The job registry keeps the job until its thread ends, so a
        :meth:`Job.wait_all` right after waits for it; :meth:`run` then
        returns False whatever arrives late.
        """
        self.task.cancel()
        self.cancel()

    def _progressed(self, value: tuple) -> None:
        if self.wasCanceled():  # a late report would show the cancelled dialog again
            return
        file, done, total = value
        if total:
            text = fill(translate("DatasetDialogs", "Downloading {file}… {done:.1f} MB of {total:.1f} MB"), file=file,
                        done=done / 1e6, total=total / 1e6)
        else:
            text = fill(translate("DatasetDialogs", "Downloading {file}… {done:.1f} MB"), file=file, done=done / 1e6)
        self.setLabelText(text)
        self.setValue(int(1000 * done / total) if total else 0)

    def _succeeded(self, _folder: object) -> None:
        if not self.wasCanceled():  # a download ending just after a cancel must not start anything
            self.done(QDialog.DialogCode.Accepted)

    def _failed(self, message: str) -> None:
        if not self.wasCanceled():  # a cancel is the user's choice, not an error to report
            self.error = message
        self.done(QDialog.DialogCode.Rejected)
