"""Answering message boxes as a person does: a click on the button, once the box is open."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_box(answer: str, seen: list[str] | None = None) -> list[str]:
    """Click ``answer`` in the next message box as it opens: a standard button's name ("Yes", "Ok") or a
    button's text ("Resume training"). The box's text (and its informative text on a line of its own, if any)
    goes into the list returned."""
    seen = [] if seen is None else seen

    def look(tries_left: int = 500) -> None:  # 10 s, then it stops looking (the test's own assertion fails)
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append("\n".join(text for text in (box.text(), box.informativeText()) if text))
            QTest.mouseClick(_button(box, answer), Qt.MouseButton.LeftButton)
        elif tries_left:
            QTimer.singleShot(20, lambda: look(tries_left - 1))

    QTimer.singleShot(0, look)
    return seen


def _button(box: QMessageBox, answer: str):
    standard = getattr(QMessageBox.StandardButton, answer, None)
    if standard is not None and box.button(standard) is not None:
        return box.button(standard)
    matches = [b for b in box.buttons() if b.text().replace("&", "") == answer]
    if not matches:
        raise AssertionError(f"no {answer!r} button among {[b.text() for b in box.buttons()]}")
    return matches[0]
