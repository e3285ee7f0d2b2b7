"""Runs interrupted on purpose: stopped after an epoch, or a process killed as a crash would kill it."""

from __future__ import annotations

import signal
import subprocess
import textwrap

from digitpad.training.reports import Callback

# The real app with a long digits8x8 run started by a click on Train; run with ``python -c`` and kill it.
TRAINING_WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from digitpad.training.settings import RunSettings
    from digitpad.ui.app import open_window, set_up_app
    app = QApplication(sys.argv)
    set_up_app(app)
    window = open_window()
    window.panel.set_settings(RunSettings(dataset="digits8x8", hidden="256,256", epochs=200, batch_size=8))
    QTest.mouseClick(window.panel.train_button, Qt.MouseButton.LeftButton)
    app.exec()
""")


class StopAfter(Callback):
    """Stops the run at the end of epoch ``epochs`` (as a kill right after its checkpoint leaves it);
    set ``trainer`` before the run starts."""

    def __init__(self, epochs: int) -> None:
        self.epochs, self.trainer = epochs, None

    def on_epoch_end(self, stats) -> None:
        if stats.epoch + 1 == self.epochs:
            self.trainer.stop()


def kill(process: subprocess.Popen) -> str | None:
    """SIGKILL, as a crash or the task manager would; then reap it and close its pipes. What it printed, if piped."""
    process.send_signal(signal.SIGKILL)
    return process.communicate(timeout=30)[0]
