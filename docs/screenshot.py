"""Regenerate docs/screenshot.png: the window at 1280×800 with a drawn 7 after a short MNIST run.

    QT_QPA_PLATFORM=offscreen python docs/screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from digitpad.data import registry
from digitpad.training.settings import RunSettings
from digitpad.ui.app import default_model
from digitpad.ui.main_window import MainWindow
from digitpad.ui.widgets.canvas import stroke_ink

OUT = Path(__file__).with_name("screenshot.png")


def main() -> int:
    app = QApplication(sys.argv)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(default_model(), settings)
    window.resize(1280, 800)
    window.show()
    dataset = "mnist" if registry.is_available("mnist") else "digits8x8"
    window.panel.set_settings(RunSettings(dataset=dataset, subset=20_000, epochs=8))
    window.session.finished.connect(lambda *_: app.exit(0))  # exit, not quit: quit closes the windows
    window.runs.start_training()
    app.exec()
    image = np.zeros((28, 28), np.float32)
    for start, end in [((6, 7), (6, 20)), ((6, 20), (23, 11)), ((14, 12), (14, 19))]:
        image = np.maximum(image, stroke_ink(start, end))
    window.canvas.set_image(image)
    window.prediction.update()
    app.processEvents()
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")
    window.setWindowModified(False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
