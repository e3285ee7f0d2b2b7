"""One test image opened from the Mistakes gallery: the image large, its true class, the network's answer.

The probabilities are the ones the engine gave this very image in the
evaluation behind Look inside (:func:`~digitpad.training.inspection.inspect_model`),
shown with the same bars as the main window. "Draw on the canvas" hands the
image to the main window, where it can be changed stroke by stroke while the
prediction follows: the gallery's dead end becomes an experiment.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from digitpad.ui.base.i18n import fill, translate
from digitpad.ui.base.images import gray_image
from digitpad.ui.widgets.probabilities import ProbabilityBars, percent

IMAGE_PX = 224  # 28×28 at 8×, 8×8 at 28×
CANVAS_SIZE = 28


def canvas_image(image: np.ndarray, size: int = CANVAS_SIZE) -> np.ndarray:
    """``image`` (2-D, in [0, 1]) as a ``size × size`` drawing: as it is when it has that size, else each
    canvas cell takes the nearest pixel (an 8×8 digit becomes blocks of 3–4 cells)."""
    image = np.asarray(image, dtype=np.float32)
    if image.shape == (size, size):
        return image.copy()
    rows = (np.arange(size) * image.shape[0]) // size
    cols = (np.arange(size) * image.shape[1]) // size
    return image[np.ix_(rows, cols)]


class MistakeDialog(QDialog):
    """A test image, its true class and the network's probabilities for it; ``draw_requested(image, caption)``
    asks the main window to put the image on its canvas."""

    draw_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mistakeDialog")
        self.setModal(False)
        self.image = QLabel(objectName="mistakeImage", alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setFixedSize(IMAGE_PX, IMAGE_PX)
        self.facts = QLabel(objectName="mistakeFacts", wordWrap=True)
        self.bars = ProbabilityBars()
        self.bars.setToolTip(translate("MistakeDialog", "The probabilities the network gave this test image, as "
                                       "the main window's bars show a drawing's"))
        self.draw_button = QPushButton(translate("MistakeDialog", "Draw on the canvas"), objectName="drawOnCanvas")
        self.draw_button.setToolTip(translate("MistakeDialog", "Put this image on the main window's canvas: change "
                                              "it with the brush and the eraser and watch the probabilities move"))
        self.draw_button.clicked.connect(self._draw)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.draw_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout()
        grid.addWidget(self.image, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.bars, 0, 1, 2, 1)
        grid.addWidget(self.facts, 1, 0)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self._pixels: np.ndarray | None = None
        self._caption = ""
        self.resize(620, 420)

    def show_image(self, index: int, pixels: np.ndarray, true_class: int, predicted: int,
                   probabilities: np.ndarray | None, class_names: tuple[str, ...], prompt: str) -> None:
        """Show test image ``index`` (``pixels`` 2-D in [0, 1]) of ``true_class``, the class the network
        ``predicted`` and its ``probabilities`` for it (None for a one-output regression, which has none)."""
        self._pixels = np.asarray(pixels, dtype=np.float32)
        self.image.setPixmap(QPixmap.fromImage(gray_image(self._pixels)).scaled(
            IMAGE_PX, IMAGE_PX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
        self.bars.set_class_names(class_names, prompt)
        self.bars.set_probabilities(probabilities)
        self.bars.setVisible(probabilities is not None)
        true_name, predicted_name = class_names[true_class], class_names[predicted]
        verdict = (translate("MistakeDialog", "correct") if predicted == true_class
                   else translate("MistakeDialog", "wrong"))
        if probabilities is None:
            answer = fill(translate("MistakeDialog", "predicted: <b>{predicted}</b> ({verdict}), the digit its one "
                                    "output ×10 rounds to; a regression gives no class probabilities"),
                          predicted=predicted_name, verdict=verdict)
        else:
            answer = fill(translate("MistakeDialog", "predicted: <b>{predicted}</b> with {probability} ({verdict})"
                                    "<br>probability of the true class: {true_probability}"),
                          predicted=predicted_name, probability=percent(float(probabilities[predicted])),
                          verdict=verdict, true_probability=percent(float(probabilities[true_class])))
        self.facts.setText(fill(translate("MistakeDialog", "<b>Test image {index:,}</b><br>true class: "
                                          "<b>{true}</b><br>{answer}"), index=index, true=true_name, answer=answer))
        self._caption = fill(translate("MistakeDialog", "test image {index:,} (true class {true})"),
                             index=index, true=true_name)
        self.setWindowTitle(fill(translate("MistakeDialog", "Test image {index:,}: {true} → {predicted}"),
                                 index=index, true=true_name, predicted=predicted_name))

    def _draw(self) -> None:
        if self._pixels is not None:
            self.draw_requested.emit(canvas_image(self._pixels), self._caption)
