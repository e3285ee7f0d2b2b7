"""Start the desktop app: the window with the bundled default model loaded, or the model file it was given.

Qt is imported only inside the functions, after :func:`platform_problem` has
checked that a window can open here, so a missing system library is one line
on stderr, never Qt's abort.
"""

from __future__ import annotations

import sys
import threading
import traceback
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from digitpad import __version__
from digitpad.model.bundle import Model
from digitpad.model.files import load_model
from digitpad.ui.platform_check import platform_problem

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from digitpad.ui.main_window import MainWindow

DEFAULT_MODEL = "default-model.npz"
APP_ICON = "digitpad.svg"


def default_model() -> Model:
    """The MNIST model shipped in digitpad.assets (see assets/README.md for how it was trained)."""
    with as_file(files("digitpad.assets") / DEFAULT_MODEL) as path:
        return load_model(path)


def set_up_app(app: QApplication, settings: QSettings | None = None) -> None:
    """Name the application (QSettings' folder, the About box), give its windows the digitpad icon, and install
    the language the settings choose (the system's by default; :mod:`digitpad.ui.base.language`)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon

    from digitpad.ui.base import language

    app.setOrganizationName("digitpad")
    app.setApplicationName("digitpad")
    app.setApplicationVersion(__version__)
    language.install(language.language_of(settings or QSettings()), app)
    # Drawn by Qt's SVG icon engine, which PySide6-Essentials ships. Installed from a wheel,
    # an sdist or in editable mode, the file is a real path that outlives the with block.
    with as_file(files("digitpad.assets") / APP_ICON) as icon_path:
        app.setWindowIcon(QIcon(str(icon_path)))


def open_window(model_path: Path | None = None, settings: QSettings | None = None) -> MainWindow:
    """Show the main window with the bundled model, then open ``model_path`` as File ▸ Open would.

    The window shows first, so a file that cannot be opened (missing,
    damaged, not a model) is the usual dialog over it, and the bundled model
    stays: "Open with" from a file manager never leaves the person without a
    window. Runs a crash interrupted are offered once the window is up
    (:func:`digitpad.ui.recovery.offer_recovery`).
    """
    from PySide6.QtCore import QTimer

    from digitpad.ui.main_window import MainWindow
    from digitpad.ui.recovery import offer_recovery

    window = MainWindow(default_model(), settings)
    window.show()
    if model_path is not None:
        window.files.open(model_path)
    QTimer.singleShot(0, window, lambda: offer_recovery(window))
    return window


def run_app(model_path: Path | None = None) -> int:
    """Show the window (with ``model_path`` opened, when given) until it closes; the exit code.

    Returns 1 after one line on stderr when no window can open here
    (see :mod:`digitpad.ui.platform_check`).
    """
    problem = platform_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication, QMessageBox

    from digitpad.ui.base.i18n import fill, translate

    app = QApplication(sys.argv)
    set_up_app(app)
    window = open_window(model_path)

    def show_unexpected(kind, value, tb) -> None:
        # A bug must not vanish into a terminal nobody watches: say what happened, keep the app alive.
        traceback.print_exception(kind, value, tb)
        if threading.current_thread() is not threading.main_thread():
            return  # widgets belong to the GUI thread; the trace above must do
        QMessageBox.critical(window, translate("App", "Unexpected error"),
                             fill(translate("App", "{error}\n\ndigitpad keeps running; please report this with the "
                                                   "text printed in the terminal."),
                                  error=f"{kind.__name__}: {value}"))

    sys.excepthook = show_unexpected
    return app.exec()
