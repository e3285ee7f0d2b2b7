"""Teach it my digits: the current model fine-tuned on MNIST mixed with My digits, and the honest before/after.

:class:`TeachPresenter` checks what it can before anything is loaded (the model reads MNIST-style digits, My
digits holds some, MNIST is here or is fetched), then hands :func:`~digitpad.training.finetune.prepare_finetune`
to the runs' presenter, so the fine-tune trains in the training thread with live curves, pause and stop like
any run. The before/after dialog opens at once with the Before column (measured while the data loads, off the
GUI thread) and gets its After column when the run ends (measured on the training thread).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from digitpad.common.errors import DigitpadError
from digitpad.common.text import QT_TRANSLATE_NOOP, Message
from digitpad.data.personal import PersonalStore, empty_message
from digitpad.data.preprocess import is_blank
from digitpad.data.registry import PERSONAL, is_available
from digitpad.model.bundle import Model
from digitpad.training.finetune import (
    FinetuneOptions,
    FinetuneRun,
    check_model,
    prepare_finetune,
)
from digitpad.training.finetune_data import BASE, base_splits, personal_splits
from digitpad.training.prepare import PreparedRun
from digitpad.training.reports import TrainResult
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.dialogs.before_after import BeforeAfterDialog
from digitpad.ui.dialogs.dataset_dialogs import get_missing_dataset
from digitpad.ui.jobs.session import TrainingSession
from digitpad.ui.model_files import ModelFiles
from digitpad.ui.run_texts import duration
from digitpad.ui.run_view import RunPresenter

RUN_LABEL = QT_TRANSLATE_NOOP("Teach", "Teach it my digits")


@dataclass
class _Teaching:
    """One fine-tune from its start: the model it began from (to go back to) and, once built, the run."""

    original: Model
    path: Path | None
    unsaved: bool
    finetune: FinetuneRun | None = None  # set by the loader thread, read after the session's `started`
    tuned: Model | None = None  # the model it made, once it is the current one
    note: Message = ""  # what the learner should know of the held-out digits (none yet), from the loader thread


class TeachPresenter(QObject):
    """Model ▸ Teach it my digits… and the before/after dialog of the latest fine-tune."""

    def __init__(self, window: QMainWindow, session: TrainingSession, runs: RunPresenter, files: ModelFiles,
                 drawing: Callable[[], np.ndarray], status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.session, self.runs, self.files = window, session, runs, files
        self._drawing, self._status = drawing, status
        self.dialog: BeforeAfterDialog | None = None
        self._teaching: _Teaching | None = None  # the fine-tune going, or the last one until the model changes
        self._going = False
        files.changed.connect(self._model_changed)
        session.started.connect(self._started)
        session.finished.connect(self._finished)
        for ended in (session.failed, session.refused, session.cancelled):
            ended.connect(self._ended_without_model)

    def teach(self) -> None:
        """Fine-tune the current model on My digits, after the checks a learner can act on at once."""
        if self.session.running:
            self._status(translate("Teach", "Teaching can start once the training has ended."))
            return
        model, store = self.files.model, PersonalStore()
        try:
            check_model(model)
        except DigitpadError as exc:
            QMessageBox.information(self.window, translate("Teach", "Cannot teach this model"), error_text(exc))
            return
        try:
            empty = len(store) == 0
        except DigitpadError as exc:  # a journal that cannot be read: the model is not to blame
            QMessageBox.warning(self.window, translate("Teach", "My digits cannot be read"), error_text(exc))
            return
        if empty:
            QMessageBox.information(self.window, translate("Teach", "No digits of yours yet"), render(empty_message()))
            return
        if not is_available(BASE) and not get_missing_dataset(self.window, BASE):
            self._status(translate("Teach", "Teaching needs MNIST's images; nothing was started."))
            return
        drawing = self._drawing()
        drawing = None if is_blank(drawing) else drawing
        teaching = _Teaching(model, self.files.path, self.files.unsaved)

        def build() -> PreparedRun:  # in the loader thread
            train, held_out, teaching.note = personal_splits(PERSONAL)
            teaching.finetune = prepare_finetune(model, train, held_out, *base_splits(), FinetuneOptions(), drawing)
            return teaching.finetune.run

        if self.runs.start_built(build, RUN_LABEL, translate("Teach", "MNIST and My digits")):
            self._teaching, self._going = teaching, True
            self.runs.recovery.hold(model)  # "Back to the model before" can bring it back unsaved
            self._show_dialog().show_rows([], translate("Teach", "Loading MNIST and your digits, and measuring the "
                                                                 "model before it changes…"), finished=False)

    def _started(self, untrained: Model) -> None:
        if self._going and self._teaching.finetune is not None:
            finetune = self._teaching.finetune
            epochs = finetune.options.epochs
            self.dialog.show_rows(finetune.rows(), _with_note(
                translate("Teach", "Training on MNIST mixed with your digits (%n epochs); the After column fills in "
                                   "when it ends.", None, epochs), self._teaching.note),
                finished=False)

    def _finished(self, model: Model, result: TrainResult) -> None:
        if not self._going:
            return
        self._going = False
        self._teaching.tuned = model
        finetune = self._teaching.finetune
        message = render(result.text or result.message)
        text = fill(translate("Teach", "The tuned model reads your drawings now; it is not saved yet. {result} "
                                       "({duration})."), result=message[:1].upper() + message[1:],
                    duration=duration(result.seconds))
        self._show_dialog().show_rows(finetune.rows(), _with_note(text, self._teaching.note), finished=True)

    def _ended_without_model(self, *reason: object) -> None:
        if self._going:
            self._going = False
            self.dialog.show_rows(self._teaching.finetune.rows() if self._teaching.finetune else [],
                                  translate("Teach", "Teaching ended before a tuned model was made; the model is "
                                                     "as it was."),
                                  finished=False)

    def _model_changed(self, model: Model) -> None:
        """Another current model (opened, trained, new): the dialog's Save and Back were about the tuned one."""
        if self.dialog is not None and not self._going:
            self.dialog.set_actions_enabled(self._tuned_is_current())

    def _tuned_is_current(self) -> bool:
        return self._teaching is not None and self._teaching.tuned is not None \
            and self.files.model is self._teaching.tuned

    def save_tuned(self) -> None:
        if self._tuned_is_current():
            self.files.save_as()

    def revert(self) -> None:
        """Back to the model the fine-tune began from, in its file and saved state as then; hand edits made to
        the tuned model since are asked about first."""
        teaching = self._teaching
        if not self._tuned_is_current() or self.session.running:
            return
        if teaching.tuned.edited and QMessageBox.question(
                self.window, translate("Teach", "Back to the model before?"),
                translate("Teach", "The tuned model has edits by hand since; going back loses them. Go back to the "
                                   "model as it was before teaching?")) != QMessageBox.StandardButton.Yes:
            return
        self.files.set_model(teaching.original, teaching.path, unsaved=teaching.unsaved)
        back = translate("Teach", "Back to the model as it was before teaching.")
        self.dialog.show_rows(teaching.finetune.rows(), back, finished=False)
        self._status(back)

    def _show_dialog(self) -> BeforeAfterDialog:
        if self.dialog is None:
            self.dialog = BeforeAfterDialog(self.window)
            self.dialog.save_requested.connect(self.save_tuned)
            self.dialog.revert_requested.connect(self.revert)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def _with_note(text: str, note: Message) -> str:
    if not note:
        return text
    note = render(note)
    return fill(translate("Teach", "{text} Note: {note}."), text=text, note=note[:1].upper() + note[1:])
