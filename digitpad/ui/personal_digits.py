"""Collecting the learner's own digits from the main window: "Correct it" (the row, Ctrl+0 … Ctrl+9) and My digits.

A choice of digit keeps the canvas's drawing in the ``mine`` dataset
(:class:`~digitpad.data.personal.PersonalStore`, which has it on disk before it
returns); only then does the status bar say "Saved", and the row flashes the
digit. The drawing stays on the canvas, and the message says so: a person who
picked the wrong digit picks the right one next, and the digit just saved is
relabelled instead of kept twice; the same digit again keeps nothing new.
Esc clears the canvas for the next one.

Ctrl+0 … Ctrl+9 are window shortcuts of the main window rather than of the
canvas alone: the canvas never takes the keyboard focus (a stroke leaves it
where it was, so the Backprop tab keeps its plain 0–9 keys), and no other
widget of the main window uses Ctrl with a digit.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from digitpad.common.errors import DataError
from digitpad.data.personal import PersonalStore
from digitpad.inference.digit_rows import reads_digits
from digitpad.inference.predict import predict_drawing
from digitpad.ui.base.i18n import error_text, fill, translate
from digitpad.ui.dialogs.my_digits import MyDigitsDialog
from digitpad.ui.digit_words import how_many
from digitpad.ui.focus import return_focus_on_close
from digitpad.ui.model_files import ModelFiles
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.widgets.canvas import DrawingCanvas
from digitpad.ui.widgets.correct_row import CorrectRow


class PersonalDigits(QObject):
    """The canvas's drawing into My digits, and the My digits browser; ``changed`` after every change of the
    digits made here (an added or relabelled digit), for the browser to follow."""

    changed = Signal()
    teach_requested = Signal()  # the browser's Teach it my digits… button

    def __init__(self, window: QWidget, canvas: DrawingCanvas, row: CorrectRow, prediction: DrawingPrediction,
                 files: ModelFiles, show_status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.canvas, self.row, self.prediction, self.files = window, canvas, row, prediction, files
        self._show_status = show_status
        self._store: PersonalStore | None = None
        self._last: tuple[bytes, str] | None = None  # the drawing saved last (its pixels) and its digit's id
        self.browser = None  # the My digits dialog, made when first opened
        row.chosen.connect(self.keep)
        canvas.drawing_changed.connect(lambda: row.set_drawing_present(not canvas.is_blank()))
        prediction.updated.connect(lambda: row.setVisible(reads_digits(prediction.model)))
        self.shortcuts = []
        for digit in range(10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{digit}"), window, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda d=digit: self.keep(d))
            self.shortcuts.append(shortcut)

    @property
    def store(self) -> PersonalStore:
        """The ``mine`` dataset, opened when first needed (nothing touches the disk before)."""
        if self._store is None:
            self._store = PersonalStore()
        return self._store

    def keep(self, digit: int) -> None:
        """Keep the canvas's drawing as ``digit``; say what was saved only once it is on disk."""
        model, drawing = self.prediction.model, self.canvas.image()
        if not reads_digits(model):
            self._show_status(translate("PersonalDigits", "My digits keeps digits; the current model reads other "
                                                          "classes. Open a digit model to correct it."))
            return
        if self.canvas.is_blank():
            self._show_status(fill(translate("PersonalDigits", "Nothing saved: the canvas is empty. Draw a digit "
                                                               "first, then Ctrl+{digit} (or its button under the "
                                                               "probabilities) keeps it in My digits."), digit=digit))
            return
        probabilities = predict_drawing(model, drawing)
        read = None if probabilities is None else int(np.argmax(probabilities))
        pixels = drawing.tobytes()
        try:
            if self._last is not None and self._last[0] == pixels:
                self._again(self._last[1], digit, read)
                return
            saved = self.store.add_drawing(drawing, digit)
        except (DataError, OSError) as exc:
            self._refused(exc)
            return
        self._last = (pixels, saved.id)
        self.row.flash(digit)
        if read is None:
            text = translate("PersonalDigits", "Saved as a {digit} in My digits. {tally} The drawing stays on the "
                                               "canvas: Esc clears it for the next one.")
        elif read == digit:
            text = translate("PersonalDigits", "Saved as a {digit} in My digits (the model read it right). {tally} "
                                               "The drawing stays on the canvas: Esc clears it for the next one.")
        else:
            text = translate("PersonalDigits", "Saved as a {digit} in My digits (the model read {read}). {tally} "
                                               "The drawing stays on the canvas: Esc clears it for the next one.")
        self._show_status(fill(text, digit=digit, read=read, tally=self._tally(digit)))
        self.changed.emit()

    def _again(self, digit_id: str, digit: int, read: int | None) -> None:
        """The drawing just saved, chosen again: relabel it to the new digit, or say it is kept already."""
        saved = next((d for d in self.store.digits() if d.id == digit_id), None)
        if saved is None:  # deleted in My digits since: keep it afresh
            self._last = None
            self.keep(digit)
            return
        if saved.label == digit:
            self._show_status(fill(translate("PersonalDigits", "This drawing is in My digits already, as a "
                                                               "{digit}. Esc clears the canvas for the next one."),
                                   digit=digit))
            return
        self.store.relabel([digit_id], digit)
        self.row.flash(digit)
        if read is None:
            text = translate("PersonalDigits", "Relabelled as a {digit} (it was saved as a {was}). {tally}")
        elif read == digit:
            text = translate("PersonalDigits", "Relabelled as a {digit} (it was saved as a {was}) (the model read "
                                               "it right). {tally}")
        else:
            text = translate("PersonalDigits", "Relabelled as a {digit} (it was saved as a {was}) (the model read "
                                               "{read}). {tally}")
        self._show_status(fill(text, digit=digit, was=saved.label, read=read, tally=self._tally(digit)))
        self.changed.emit()

    def _tally(self, digit: int) -> str:
        counts = self.store.counts()
        total = sum(counts.values())
        if total == 1:
            text = translate("PersonalDigits", "{how_many}, %n digit in all.", None, total)
        else:
            text = translate("PersonalDigits", "{how_many}, %n digits in all.", None, total)
        return fill(text, how_many=how_many(counts.get(digit, 0), digit))

    def _refused(self, exc: Exception) -> None:
        """A digit the store would not keep: blank by its rule (the status bar), or the disk refused (a dialog,
        so nobody believes it was saved)."""
        if isinstance(exc, DataError):
            self._show_status(fill(translate("PersonalDigits", "Nothing saved: {reason}"), reason=error_text(exc)))
            return
        where = exc.filename or self.store.folder
        QMessageBox.warning(self.window, translate("PersonalDigits", "Not saved"),
                            fill(translate("PersonalDigits", "The drawing was not saved in My digits: {file} could "
                                                             "not be written ({reason}). Nothing was added."),
                                 file=where, reason=exc.strerror or exc))

    # -- the browser ----------------------------------------------------------
    def show_browser(self) -> None:
        """Digits ▸ My digits… (Ctrl+D): the browser, beside the window, following the current model."""
        if self.browser is None:
            self.browser = MyDigitsDialog(self, self.files.model, self.window)
            self.files.changed.connect(self.browser.set_model)
            self.browser.teach_requested.connect(self.teach_requested)
            return_focus_on_close(self.browser, self.window)
        self.browser.show()
        self.browser.raise_()
        self.browser.activateWindow()
