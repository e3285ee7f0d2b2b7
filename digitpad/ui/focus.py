"""Keyboard focus comes back when a dialog of digitpad's closes.

Closing a dialog (Model details, Help, Look inside, any message box) must
leave the keyboard with the window behind it, so its shortcuts work at once.
Window managers usually do this; some do not (and a window system without
one never does), which left no window active: the next key presses were lost.
Qt says nothing when a focused window goes away, so the ends are watched
where they happen: a modal dialog's end unblocks the main window
(``WindowUnblocked``, whoever opened the dialog), and a non-modal one's
``finished`` is connected with :func:`return_focus_on_close`. Focus that has
gone to another window meanwhile is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def return_focus_on_close(dialog: QDialog, target: QWidget) -> None:
    """When ``dialog`` closes, give the keyboard to ``target``'s window unless another window has it."""
    dialog.finished.connect(lambda _result: QTimer.singleShot(0, target, lambda: _give_back(target)))


def _give_back(target: QWidget) -> None:
    active = QApplication.activeWindow()
    if (active is None or not active.isVisible()) and target.isVisible():
        target.window().activateWindow()


class FocusReturn(QObject):
    """Activates ``main`` again when a modal dialog in front of it closes and no window took the keyboard."""

    def __init__(self, main: QWidget) -> None:
        super().__init__(main)
        self._main = main
        main.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowUnblocked:
            QTimer.singleShot(0, self, lambda: _give_back(self._main))
        return False
