"""My digits: the learner's own digits by class, read by the current model, to prune, relabel, import and export.

Non-modal, beside the main window, and always as the store is: a digit kept
from the main window while it is open appears at once with the model's reading;
the readings are made again when the model changes. The model's readings of all
the digits are made in a job (a pass over thousands of rows must never hold the
GUI thread, and a training thread may keep BLAS busy); one new digit is read on
the spot. Imports and exports run in jobs too, with the progress bar under the
grid; an import is all or nothing, and its error names the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.errors import DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.image_folder import write_image_folder
from digitpad.data.importing import ImportSummary, import_personal
from digitpad.data.personal import PersonalStore, held_out
from digitpad.inference.digit_rows import predict_rows, reads_digits
from digitpad.model.bundle import Model
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.digit_words import import_note
from digitpad.ui.jobs.job import Job
from digitpad.ui.widgets.digit_grid import DigitGrid

if TYPE_CHECKING:
    from digitpad.ui.personal_digits import PersonalDigits

EMPTY = QT_TRANSLATE_NOOP("MyDigits", "No digits yet. Draw one in the main window and click the digit it really is under the probabilities "
                                       "(or press Ctrl+0 … Ctrl+9), or import a folder of images, a CSV or IDX "
                                       "files.")
EXPORT_NAME = "my-digits"


class MyDigitsDialog(QDialog):
    """The browser of :class:`~digitpad.ui.personal_digits.PersonalDigits`'s store, reading with ``model``;
    ``teach_requested`` is its Teach it my digits… button."""

    teach_requested = Signal()

    def __init__(self, personal: PersonalDigits, model: Model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDigits")
        self.setWindowTitle(translate("MyDigits", "My digits"))
        self.personal, self._model = personal, model
        # The last job of each kind stays referenced until the next starts: dropping a Job from one of its own
        # signals' slots would destroy it mid-emit. The flags say whether it is still at work.
        self._reading_job: Job | None = None  # the readings of every digit
        self._busy_job: Job | None = None     # an import or an export
        self._reading = self._busy = False
        self._generation = 0               # readings belong to one model and one set of digits
        self._build()
        personal.changed.connect(self.reload)
        self.resize(920, 640)
        self.reload()

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QLabel(objectName="myDigitsSummary", wordWrap=True)
        self.grid = DigitGrid()
        self.grid.selection_changed.connect(self._selection_changed)
        self.grid.delete_requested.connect(self.delete_selected)
        self.grid.relabel_requested.connect(self.relabel_selected)
        scroll = QScrollArea(objectName="myDigitsScroll", widgetResizable=True)
        scroll.setWidget(self.grid)
        self.scroll = scroll
        tools = QHBoxLayout()
        self.misread_button = _button(translate("MyDigits", "Select misread"), "selectMisread",
                                      translate("MyDigits", "Select every digit the current model reads as another "
                                                            "digit"), self.select_misread)
        self.delete_button = _button(translate("MyDigits", "Delete"), "deleteDigits",
                                     translate("MyDigits", "Delete the selected digits (Delete)"), self.delete_selected)
        tools.addWidget(self.misread_button)
        tools.addWidget(self.delete_button)
        tools.addSpacing(12)
        tools.addWidget(QLabel(translate("MyDigits", "Relabel as:")))
        self.relabel_buttons = []
        for digit in range(10):
            button = QToolButton(text=str(digit), objectName=f"relabel{digit}", autoRaise=True,
                                 toolTip=fill(translate("MyDigits", "Give the selected digits the label {digit} "
                                                                    "(key {digit})"), digit=digit))
            button.clicked.connect(lambda _checked=False, d=digit: self.relabel_selected(d))
            tools.addWidget(button)
            self.relabel_buttons.append(button)
        tools.addStretch(1)
        self.progress = QProgressBar(objectName="myDigitsProgress", visible=False, textVisible=True)
        self.note = QLabel(objectName="myDigitsNote", wordWrap=True)  # what the last import or export did
        files = QHBoxLayout()
        self.import_folder_button = _button(translate("MyDigits", "Import folder…"), "importFolder",
                                            translate("MyDigits", "A folder with one subfolder of images per digit, "
                                                                  "0 to 9 (ImageFolder)"), self.import_folder)
        self.import_files_button = _button(translate("MyDigits", "Import files…"), "importFiles",
                                           translate("MyDigits", "A CSV (label, then 784 pixels per line) or IDX "
                                                                 "images and labels"), self.import_files)
        self.export_button = _button(translate("MyDigits", "Export…"), "exportDigits",
                                     translate("MyDigits", "Write every digit as a PNG into a folder per digit "
                                                           "(ImageFolder)"), self.export)
        for button in (self.import_folder_button, self.import_files_button, self.export_button):
            files.addWidget(button)
        self.teach_button = _button(translate("MyDigits", "Teach it my digits…"), "teachButton",
                                    translate("MyDigits", "Fine-tune the current model on MNIST mixed with these "
                                                          "digits and see the honest before/after (Ctrl+T)"),
                                    self.teach_requested.emit)
        files.addWidget(self.teach_button)
        files.addStretch(1)
        files.addWidget(_button(translate("MyDigits", "Close"), "closeMyDigits", "", self.close))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.note)
        layout.addLayout(files)

    # -- following the store and the model --------------------------------------
    @property
    def store(self) -> PersonalStore:
        return self.personal.store

    def set_model(self, model: Model) -> None:
        """Read the digits with ``model`` from now on (the window's current model changed)."""
        self._model = model
        self._read_all()

    def reload(self) -> None:
        """Show the digits as the store has them; readings for new digits come at once when few, or in a job."""
        known = set(self.grid.ids())
        try:
            digits = self.store.digits()
        except DataError as exc:  # a journal that is not one, or unreadable: said, and nothing shown
            self.grid.set_digits([])
            self.summary.setText(error_text(exc))
            return
        self.grid.set_digits(digits, {d.id for d in digits if held_out(d.id)})
        new = [d for d in digits if d.id not in known]
        if len(new) <= 1 and not self._reading:
            self._read_now(new)
        else:
            self._read_all()
        self._summarise()

    def _read_now(self, digits: list) -> None:
        """Readings of one or no new digits, on the spot (one row never waits for BLAS: einsum)."""
        if digits and reads_digits(self._model):
            images = np.stack([d.image for d in digits])
            self.grid.add_predictions(dict(zip((d.id for d in digits), map(int, predict_rows(self._model, images)))))
        self._summarise()

    def _read_all(self) -> None:
        """The readings of every digit, in a job; a job of an earlier model or set of digits is dropped."""
        self._generation += 1
        if self._reading:
            self._reading_job.cancel()
            self._reading = False
        if not reads_digits(self._model):
            self.grid.set_predictions(None)
            self._summarise()
            return
        ids = self.grid.ids()
        if not ids:
            self.grid.set_predictions({})
            self._summarise()
            return
        by_id = {d.id: d for d in self.store.digits()}
        images = np.stack([by_id[i].image for i in ids])
        model, generation = self._model.copy(), self._generation  # a copy: hand edits may change the model meanwhile
        self._reading, self._reading_job = True, Job(lambda report, cancelled: predict_rows(model, images, report,
                                                                                              cancelled))
        job = self._reading_job
        reading = translate("MyDigits", "Reading your digits with the model")
        job.progressed.connect(lambda share: self._show_progress(reading, share))
        job.finished.connect(lambda found: self._readings_done(generation, ids, found))
        job.errored.connect(lambda message: self._readings_failed(generation, message))
        job.start()

    def _readings_done(self, generation: int, ids: list[str], predictions: np.ndarray | None) -> None:
        if generation != self._generation or predictions is None:
            return
        self._reading = False
        self.progress.hide()
        self.grid.set_predictions(dict(zip(ids, map(int, predictions))))
        self._summarise()

    def _readings_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._reading = False
            self.progress.hide()
            self.summary.setText(fill(translate("MyDigits", "The model could not read your digits: {message}"),
                                      message=message))

    def _summarise(self) -> None:
        counts = self.grid.counts()
        total = sum(n for n, _ in counts.values())
        misread = sum(wrong for _, wrong in counts.values())
        if total == 0:
            text = render(EMPTY)
        elif not reads_digits(self._model):
            text = translate("MyDigits", "%n digits. The current model reads other classes, so there is no reading "
                                         "under them.", None, total)
        elif self._reading:
            text = translate("MyDigits", "%n digits; the model is reading them…", None, total)
        else:
            name = self._model.name or translate("MyDigits", "the current model")
            text = fill(translate("MyDigits", "%n digit; {name} misreads {misread} (red frame, its reading in red). "
                                              "Held-out digits have a grey corner: never trained on, used to "
                                              "measure.", None, total) if total == 1 else
                        translate("MyDigits", "%n digits; {name} misreads {misread} (red frame, its reading in red). "
                                              "Held-out digits have a grey corner: never trained on, used to "
                                              "measure.", None, total), name=name, misread=misread)
        damage = self.store.damage
        self.summary.setText(text if damage is None else fill(translate("MyDigits", "{text}\n{damage}."), text=text,
                                                              damage=render(damage)))
        self.misread_button.setEnabled(misread > 0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        selected = bool(self.grid.selected_ids()) and not self._busy
        self.delete_button.setEnabled(selected)
        for button in self.relabel_buttons:
            button.setEnabled(selected)

    def _show_progress(self, what: str, share: float) -> None:
        self.progress.setFormat(fill(translate("MyDigits", "{what}… %p%"), what=what))
        self.progress.setValue(round(100 * share))
        self.progress.show()

    # -- acting on the selection ------------------------------------------------
    def select_misread(self) -> None:
        self.grid.select(self.grid.misread_ids())
        self.grid.setFocus()

    def delete_selected(self) -> None:
        """Delete the selection from the store (asked first for more than one digit: there is no undo)."""
        ids = self.grid.selected_ids()
        if not ids or self._busy:
            return
        count = len(ids)
        if count > 1 and QMessageBox.question(
                self, translate("MyDigits", "Delete digits"),
                translate("MyDigits", "Delete these %n digits from My digits? This cannot be undone.", None,
                          count)) != QMessageBox.StandardButton.Yes:
            return
        self._change(lambda: self.store.delete(ids), translate("MyDigits", "Your digits could not be deleted: "
                                                                           "{file} could not be written ({reason}). "
                                                                           "Nothing was changed."))

    def relabel_selected(self, digit: int) -> None:
        """Give the selection the label ``digit``; it stays selected, in its new class."""
        ids = self.grid.selected_ids()
        if ids and not self._busy:
            self._change(lambda: self.store.relabel(ids, digit),
                         translate("MyDigits", "Your digits could not be relabelled: {file} could not be written "
                                               "({reason}). Nothing was changed."))

    def _change(self, change, failure: str) -> None:
        """Make ``change``; ``failure`` (with ``{file}`` and ``{reason}``) says so when the disk refuses it."""
        try:
            change()
        except OSError as exc:
            QMessageBox.warning(self, translate("MyDigits", "Not changed"),
                                fill(failure, file=exc.filename or "", reason=exc.strerror or exc))
            return
        self.reload()

    # -- import and export -----------------------------------------------------
    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("MyDigits", "Import a folder of digit images (one "
                                                                          "subfolder per digit)"))
        if folder:
            self._import([Path(folder)])

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, translate("MyDigits", "Import digits from CSV or IDX files"), "",
            translate("MyDigits", "Digit files (*.csv *.csv.gz *-ubyte *-ubyte.gz *.idx *.idx.gz);;All files (*)"))
        if paths:
            self._import([Path(p) for p in paths])

    def _import(self, paths: list[Path]) -> None:
        """Every file checked before any digit is kept: all of them, or none and one message naming the file."""
        folder = self.store.folder
        # A store of the job's own: the journal's lock keeps it and the window's from writing at once.
        self._start_busy(Job(lambda report, cancelled: import_personal(
            paths, PersonalStore(folder), lambda done, total: report(done / max(total, 1)))),
            translate("MyDigits", "Importing"), lambda summary: self._imported(summary),
            translate("MyDigits", "Nothing imported"))

    def _imported(self, summary: ImportSummary) -> None:
        self.reload()
        self.note.setText(import_note(summary))

    def export(self) -> None:
        """Every digit as a PNG under a folder per digit, into the folder chosen when it is empty, else into a new
        ``my-digits`` folder inside it (an export never overwrites a file)."""
        chosen = QFileDialog.getExistingDirectory(self, translate("MyDigits", "Export My digits into a folder (one "
                                                                          "subfolder per digit)"))
        if not chosen:
            return
        target = export_folder(Path(chosen))
        digits = self.store.digits()
        dataset, names = self.store.dataset(), [d.id for d in digits]
        self._start_busy(Job(lambda report, cancelled: write_image_folder(dataset, target, names)),
                         translate("MyDigits", "Exporting"), lambda written: self.note.setText(_exported(written, target)),
                         translate("MyDigits", "Not exported"))

    def _start_busy(self, job: Job, what: str, done, failed_title: str) -> None:
        self._busy, self._busy_job = True, job
        for button in (self.import_folder_button, self.import_files_button, self.export_button):
            button.setEnabled(False)
        self._selection_changed()
        self.note.clear()
        self._show_progress(what, 0.0)
        job.progressed.connect(lambda share: self._show_progress(what, share))
        job.finished.connect(lambda result: (self._end_busy(), done(result)))
        job.errored.connect(lambda message: (self._end_busy(), QMessageBox.warning(self, failed_title, message)))
        job.start()

    def _end_busy(self) -> None:
        self._busy = False
        self.progress.hide()
        for button in (self.import_folder_button, self.import_files_button, self.export_button):
            button.setEnabled(True)
        self._selection_changed()


def _exported(written: int, target: Path) -> str:
    if written == 1:
        return fill(translate("MyDigits", "Exported %n PNG file to {target}, one folder per digit (0 … 9).", None,
                              written), target=target)
    return fill(translate("MyDigits", "Exported %n PNG files to {target}, one folder per digit (0 … 9).", None,
                          written), target=target)


def _button(text: str, name: str, tip: str, slot) -> QPushButton:
    button = QPushButton(text, objectName=name, toolTip=tip)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def export_folder(chosen: Path) -> Path:
    """``chosen`` when it is empty, else its first free ``my-digits``, ``my-digits-2``, … subfolder."""
    if not any(chosen.iterdir()):
        return chosen
    candidates = (chosen / (EXPORT_NAME if n == 1 else f"{EXPORT_NAME}-{n}") for n in range(1, 10_000))
    return next(path for path in candidates if not path.exists())
