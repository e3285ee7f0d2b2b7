"""Start the desktop app: the window with the bundled default model loaded."""

from __future__ import annotations

import sys
import threading
import traceback
from importlib.resources import as_file, files

from digitpad import __version__
from digitpad.model.bundle import Model
from digitpad.model.files import load_model

DEFAULT_MODEL = "default-model.npz"
APP_ICON = "digitpad.svg"


def default_model() -> Model:
    """The MNIST model shipped in digitpad.assets (see assets/README.md for how it was trained)."""
    with as_file(files("digitpad.assets") / DEFAULT_MODEL) as path:
        return load_model(path)


def run_app(argv: list[str] | None = None) -> int:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from digitpad.ui.main_window import MainWindow

    app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("digitpad")
    app.setApplicationName("digitpad")
    app.setApplicationVersion(__version__)
    # Drawn by Qt's SVG icon engine, which PySide6-Essentials ships. Installed from a wheel,
    # an sdist or in editable mode, the file is a real path that outlives the with block.
    with as_file(files("digitpad.assets") / APP_ICON) as icon_path:
        app.setWindowIcon(QIcon(str(icon_path)))
    window = MainWindow(default_model())

    def show_unexpected(kind, value, tb) -> None:
        # A bug must not vanish into a terminal nobody watches: say what happened, keep the app alive.
        traceback.print_exception(kind, value, tb)
        if threading.current_thread() is not threading.main_thread():
            return  # widgets belong to the GUI thread; the trace above must do
        QMessageBox.critical(window, "Unexpected error", f"{kind.__name__}: {value}\n\n"
                             "digitpad keeps running; please report this with the text printed in the terminal.")

    sys.excepthook = show_unexpected
    window.show()
    return app.exec()
