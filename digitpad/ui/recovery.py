"""The window's side of crash recovery: keep a run's checkpoint while its model is unsaved, offer it after a crash.

:class:`RecoveryKeeper` removes the checkpoint of the window's run once its
model is saved or given up (another model replaces it, or the window closes
without saving it), so only work that would otherwise be lost is offered.
:func:`offer_recovery` asks, at start, about each run of the window a crash
or kill interrupted: "Recover the model" makes its last epoch's model the
window's (unsaved, kept the same way), "Resume training" goes on training it
exactly where it stopped, "Discard" removes it, and "Later" leaves it for the
next start (or ``digitpad recover``). Runs of the CLI are left to the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from digitpad.model.bundle import Model
from digitpad.training.recovery import (
    Interrupted,
    RecoveryError,
    discard,
    list_checkpoints,
    recovered_model,
)
from digitpad.ui.base.i18n import error_text, fill, render, translate

if TYPE_CHECKING:
    from digitpad.ui.jobs.session import TrainingSession
    from digitpad.ui.main_window import MainWindow
    from digitpad.ui.model_files import ModelFiles


class RecoveryKeeper(QObject):
    """Removes the recovery checkpoint of each of the window's models once that model is saved or given up.

    A model's checkpoint is kept while the model is the window's unsaved one, or
    is *held*: Teach it my digits holds the model it began from, which "Back to
    the model before" can bring back unsaved.
    """

    def __init__(self, session: TrainingSession, files: ModelFiles) -> None:
        super().__init__(files)
        self.session, self.files = session, files
        self._kept: dict[int, tuple[Model, Path]] = {}  # by id(model)
        self._held: Model | None = None
        session.finished.connect(self._run_finished)
        files.changed.connect(self._model_changed)

    def keep(self, model: Model, checkpoint: Path) -> None:
        """``checkpoint`` holds ``model``: keep it while ``model`` is the window's unsaved model (a run's model
        becomes the window's just after the run's end arrives here)."""
        self._kept[id(model)] = (model, checkpoint)

    def hold(self, model: Model) -> None:
        """Keep ``model``'s checkpoint (if any) even while another model is the window's, until another is held."""
        self._held = model

    def give_up(self) -> None:
        """The window closes without saving its model: every checkpoint kept goes too."""
        for _, path in self._kept.values():
            path.unlink(missing_ok=True)
        self._kept.clear()

    def _run_finished(self, model: Model, _result: object) -> None:
        checkpoint = self.session.checkpoint
        if checkpoint is not None and checkpoint.path.exists():  # the final write or, if that failed, an epoch's
            self.keep(model, checkpoint.path)

    def _model_changed(self, current: Model) -> None:
        for key, (model, path) in list(self._kept.items()):
            if (model is current and self.files.unsaved) or model is self._held:
                continue
            path.unlink(missing_ok=True)
            del self._kept[key]


def offer_recovery(window: MainWindow) -> None:
    """Ask about each run of the window that was interrupted (newest first); nothing when there is none."""
    found, _ = list_checkpoints()
    for entry in (e for e in found if e.front_end == "window" and not e.running):
        if not _offer(window, entry):
            return


def _offer(window: MainWindow, entry: Interrupted) -> bool:
    """One question; False once the window is busy with the answer (a model recovered or a run resumed)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Recovery", "Recover an interrupted run"),
                      render(entry.describe()), parent=window)
    box.setObjectName("recoveryOffer")
    informative = (translate("Recovery", "It was saved at {when} after epoch {epoch}. Recover the model to keep the "
                                         "weights of that epoch, or resume training to go on from there.")
                   if entry.resumable else
                   translate("Recovery", "It was saved at {when} after epoch {epoch}. Recover the model to keep the "
                                         "weights of that epoch."))
    box.setInformativeText(fill(informative, when=entry.when(), epoch=entry.epochs_done))
    recover = box.addButton(translate("Recovery", "Recover the model"), QMessageBox.ButtonRole.AcceptRole)
    resume = (box.addButton(translate("Recovery", "Resume training"), QMessageBox.ButtonRole.ActionRole)
              if entry.resumable else None)
    drop = box.addButton(translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(translate("Recovery", "Later"), QMessageBox.ButtonRole.RejectRole)
    for button, tip in ((recover, translate("Recovery", "Open the model as it was after its last saved epoch "
                                                        "(unsaved: save it to keep it)")),
                        (resume, translate("Recovery", "Train on from that epoch; it ends as the run would have, "
                                                       "never interrupted")),
                        (drop, translate("Recovery", "Delete what was saved of this run")),
                        (later, translate("Recovery", "Ask again at the next start; `digitpad recover` lists it "
                                                      "too"))):
        if button is not None:
            button.setToolTip(tip)
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is drop:
        discard(entry)
        return True
    if clicked is recover:
        return not _recover(window, entry)
    if resume is not None and clicked is resume:
        return not window.runs.resume_run(entry)
    return True


def _recover(window: QWidget, entry: Interrupted) -> bool:
    """Make the checkpoint's model the window's, unsaved; True when it did."""
    try:
        model = recovered_model(entry)
    except RecoveryError as exc:
        QMessageBox.warning(window, translate("Recovery", "Cannot recover the run"), error_text(exc))
        return False
    if not window.files.may_discard():
        return False
    window.files.set_model(model, None, unsaved=True)
    window.runs.recovery.keep(model, entry.path)
    window.statusBar().showMessage(fill(translate("Recovery", "Recovered {name} after epoch {epoch}; save it to keep "
                                                              "it."), name=entry.name, epoch=entry.epochs_done), 8000)
    return True
