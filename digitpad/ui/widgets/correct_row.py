"""The row under the probabilities that says which digit the drawing really is: "Correct it — this is a: 0 … 9".

A click on a digit asks for the drawing to be kept in My digits with that
label (``chosen``); the widget itself stores nothing. After the store has the
digit, :meth:`CorrectRow.flash` marks the chosen button briefly, so the eye
that is on the row sees the click took.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.ui.base.i18n import fill, render, translate

FLASH_MS = 600
TIP = QT_TRANSLATE_NOOP("CorrectRow", "Add this drawing to My digits as a {digit} (Ctrl+{digit} on the canvas)")
BLANK_TIP = QT_TRANSLATE_NOOP("CorrectRow", "Draw a digit first: then a click here keeps it in My digits with the digit "
                                            "it really is")


class CorrectRow(QWidget):
    """Ten flat buttons 0–9 (``correct0`` … ``correct9``); ``chosen(digit)`` on a click."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(QLabel(translate("CorrectRow", "Correct it — this is a:")))
        self.buttons: list[QToolButton] = []
        for digit in range(10):
            button = QToolButton(text=str(digit), objectName=f"correct{digit}", autoRaise=True, checkable=True)
            button.clicked.connect(lambda _checked=False, d=digit: self._clicked(d))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self._unflash)
        self.set_drawing_present(False)

    def set_drawing_present(self, present: bool) -> None:
        """Enable the buttons only while there is a drawing to keep."""
        for digit, button in enumerate(self.buttons):
            button.setEnabled(present)
            button.setToolTip(fill(render(TIP), digit=digit) if present else render(BLANK_TIP))

    def flash(self, digit: int) -> None:
        """Show ``digit``'s button pressed for a moment: the drawing was saved as that digit."""
        self._unflash()
        self.buttons[digit].setChecked(True)
        self._flash_timer.start()

    def flashed(self) -> int | None:
        """The digit whose button is shown pressed, or None."""
        return next((d for d, button in enumerate(self.buttons) if button.isChecked()), None)

    def _clicked(self, digit: int) -> None:
        # A click toggles a checkable button; it shows pressed only once the digit is saved (flash).
        self.buttons[digit].setChecked(False)
        self.chosen.emit(digit)

    def _unflash(self) -> None:
        for button in self.buttons:
            button.setChecked(False)
