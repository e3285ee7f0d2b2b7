"""The key to the canvas's saliency colours: what red and blue mean, for the class the colours are about.

Saliency is drawn for the model's top answer, so the key names it; without
the key a learner cannot tell "red pushes 7 up" from "red is where the
network looks".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.widgets.canvas import OVERLAY_NEGATIVE, OVERLAY_POSITIVE

TOOLTIP = QT_TRANSLATE_NOOP("SaliencyLegend", "Saliency: the gradient of the top answer's score with respect to each "
                                              "pixel of your drawing. Red cells: more ink there raises the score; "
                                              "blue cells: more ink there lowers it. Stronger colour, stronger push. "
                                              "Draw ▸ Show saliency (S) turns it off.")


def _swatch(rgb: tuple[int, int, int]) -> str:
    return f"<span style='color: rgb{rgb}; font-size: large'>■</span>"


class SaliencyLegend(QLabel):
    """One line under the canvas while saliency is shown: red and blue swatches and what each does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saliencyLegend")
        self.setWordWrap(True)
        self.setToolTip(render(TOOLTIP))
        self.set_subject(None)
        self.hide()

    def set_subject(self, subject: str | None) -> None:
        """Explain the colours for ``subject`` (e.g. "“7”" or "the output value"), or ask for a drawing."""
        if subject is None:
            self.setText(translate("SaliencyLegend", "Saliency: draw to see which pixels push the answer up (red) or "
                                                     "down (blue)."))
            return
        self.setText(fill(translate("SaliencyLegend", "{red} red: more ink here pushes {subject} up &nbsp; "
                                                      "{blue} blue: pushes it down"),
                          red=_swatch(OVERLAY_POSITIVE), blue=_swatch(OVERLAY_NEGATIVE), subject=subject))
