"""The current model and its file: New, Open, Open recent, Save, Save as, and the questions before losing work.

:class:`ModelFiles` owns the current model, the file it came from or went
to, and whether it is unsaved (shown as the window's ``[*]``). Every change
of any of them is announced by ``changed``; a problem with a file is shown in
a dialog and leaves the current model as it was.

A lab model's file names the deliberate mistakes its network had; opening
it installs them again, so it trains and checks (Look inside ▸ Gradient
check) as the run that made it did, never as if its maths were right.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMainWindow, QMenu, QMessageBox

from digitpad.common.errors import ConfigError, DigitpadError, ModelFileError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.loading import describe
from digitpad.lab.mistakes import MISTAKES, apply_mistakes, installed_mistakes
from digitpad.model.bundle import Model
from digitpad.model.files import load_model, save_model
from digitpad.training.prepare import build_network, to_model
from digitpad.training.settings import RunSettings
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.base.recent_files import RecentFiles

MODEL_FILTER = QT_TRANSLATE_NOOP("ModelFiles", "digitpad models (*.npz);;All files (*)")
SKIP_SAVE_QUESTION = "files/skipSaveQuestionBeforeTraining"


class ModelFiles(QObject):
    """The window's model and its file; dialogs are parented to ``window``.

    ``busy()`` says whether a run is training (no model may be replaced
    then); ``new_settings()`` gives the form's checked settings for New
    model, or None after showing why they are wrong.
    """

    changed = Signal(object)  # the current Model, after any change of it, its file or its saved state
    created = Signal(object)  # the untrained Model File ▸ New model made (after ``changed``)
    saved = Signal(object)  # the Path the current model was just saved to (after ``changed``)

    def __init__(self, window: QMainWindow, settings: QSettings, model: Model, busy: Callable[[], bool],
                 new_settings: Callable[[], RunSettings | None]) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.recent = RecentFiles(settings)
        self.model, self.path = model, None
        self._busy, self._new_settings = busy, new_settings

    # -- the current model ---------------------------------------------------
    def set_model(self, model: Model, path: Path | None, unsaved: bool = False) -> None:
        """Make ``model`` (from ``path``, or trained here when None) the current one."""
        self.model, self.path = model, path
        self.window.setWindowModified(unsaved)
        self.changed.emit(model)

    def mark_edited(self, unsaved: bool = True) -> None:
        """The current model was changed by hand (:mod:`~digitpad.ui.model_edits`): it is unsaved, or with
        ``unsaved`` False back as it was saved (Reset edits); announced."""
        self.window.setWindowModified(unsaved)
        self.changed.emit(self.model)

    def refresh(self) -> None:
        """Announce the current model again (``changed``), so whatever shows it shows it again."""
        self.changed.emit(self.model)

    @property
    def unsaved(self) -> bool:
        return self.window.isWindowModified()

    def display_name(self) -> str:
        return self.model.name or (self.path.stem if self.path else translate("ModelFiles", "Untitled"))

    def new_model(self) -> None:
        """Replace the model with an untrained network built from the training settings."""
        settings = self._new_settings()
        if settings is None or self._busy() or not self.may_discard():
            return
        data = describe(settings.dataset)
        untitled = translate("ModelFiles", "Untitled")
        self.set_model(to_model(build_network(settings, data), data, settings, None, name=untitled), None)
        self.created.emit(self.model)

    # -- opening ------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, translate("ModelFiles", "Open model"), self._folder(),
                                              render(MODEL_FILTER))
        if path:
            self.open(Path(path))

    def open(self, path: Path) -> bool:
        """Load ``path``; on any problem show why and keep the current model."""
        if self._busy():
            QMessageBox.information(self.window, translate("ModelFiles", "Training is running"),
                                    translate("ModelFiles", "Stop the training before opening another model."))
            return False
        if not self.may_discard():
            return False
        try:
            model = load_model(path)
            install_mistakes(model)
        except DigitpadError as exc:
            QMessageBox.warning(self.window, translate("ModelFiles", "Cannot open model"),
                                fill(translate("ModelFiles", "{file} cannot be opened: {error}\n\nThe current model "
                                                             "stays loaded."), file=path.name, error=error_text(exc)))
            self.recent.remove_if_missing(path)
            return False
        self.set_model(model, path)
        self.recent.add(path)
        self.window.statusBar().showMessage(fill(translate("ModelFiles", "Opened {path}"), path=str(path)), 5000)
        return True

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = menu.addAction(path.name, lambda p=path: self.open(p))
            action.setStatusTip(str(path))
        if not paths:
            menu.addAction(translate("ModelFiles", "No recent models")).setEnabled(False)

    # -- saving -------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        suggested = str(Path(self._folder()) / f"{(self.model.name or 'model').replace(' ', '-')}.npz")
        path, _ = QFileDialog.getSaveFileName(self.window, translate("ModelFiles", "Save model"), suggested,
                                              render(MODEL_FILTER))
        if not path:
            return False
        path = Path(path) if path.endswith(".npz") else Path(path + ".npz")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            save_model(path, self.model)
        except DigitpadError as exc:
            QMessageBox.warning(self.window, translate("ModelFiles", "Cannot save model"),
                                fill(translate("ModelFiles", "{file} was not saved: {error}"), file=path.name,
                                     error=error_text(exc)))
            return False
        self.recent.add(path)
        self.set_model(self.model, path)
        self.saved.emit(path)
        self.window.statusBar().showMessage(fill(translate("ModelFiles", "Saved {path}"), path=str(path)), 5000)
        return True

    def _folder(self) -> str:
        return str(self.path.parent) if self.path else str(Path.home())

    # -- before losing work -------------------------------------------------
    def may_discard(self) -> bool:
        """Ask before losing unsaved training; True when it is fine to go on (saved or discarded)."""
        if not self.unsaved:
            return True
        buttons = QMessageBox.StandardButton
        return self._go_on(QMessageBox.question(self.window, translate("ModelFiles", "Unsaved model"),
                                                translate("ModelFiles", "The trained model has not been saved. Save "
                                                                        "it first?"),
                                                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save))

    def may_replace_before_training(self) -> bool:
        """Like :meth:`may_discard`, but a learner running many experiments can turn the question off."""
        if not self.unsaved or self.settings.value(SKIP_SAVE_QUESTION, False, type=bool):
            return True
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, translate("ModelFiles", "Unsaved model"),
                          translate("ModelFiles", "Training replaces the trained model, which has not been saved. "
                                                  "Save it first? (Its curves stay in the Runs tab either way.)"),
                          buttons.Save | buttons.Discard | buttons.Cancel, self.window)
        # Parented: the box must not outlive it.
        dont_ask = QCheckBox(translate("ModelFiles", "Don't ask again before training"), box)
        box.setCheckBox(dont_ask)
        answer = box.exec()
        if dont_ask.isChecked() and answer != buttons.Cancel:
            self.settings.setValue(SKIP_SAVE_QUESTION, True)
        return self._go_on(answer)

    def _go_on(self, answer: QMessageBox.StandardButton) -> bool:
        """Save for Save, go on for Discard, stay for Cancel."""
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard


def install_mistakes(model: Model) -> None:
    """Install on ``model``'s network the lab mistakes its file records (none for most models).

    Raises ModelFileError, in words, for a mistake this digitpad does not
    know (a newer one wrote the file), one that does not live on a network,
    or one its network cannot take: opened without it, the model would
    check as if its maths were right.
    """
    unknown = [name for name in model.mistakes if name not in MISTAKES]
    if unknown:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFiles", "it records the deliberate lab mistake {name!r}, which "
                                                             "this digitpad does not know; a newer digitpad may open "
                                                             "it").fill(name=unknown[0]))
    try:
        apply_mistakes(model.mistakes, model.network)
    except ConfigError as exc:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFiles", "it records a deliberate lab mistake its network cannot "
                                                             "have: {error}").fill(error=exc.text)) from exc
    elsewhere = sorted(set(model.mistakes) - installed_mistakes(model.network))
    if elsewhere:
        raise ModelFileError(QT_TRANSLATE_NOOP("ModelFiles", "it records the deliberate lab mistake {name!r}, which "
                                                             "is a mistake of the training loop, not a "
                                                             "network's").fill(name=elsewhere[0]))
