"""Run a slow plain function (load a dataset, download, evaluate) off the GUI thread.

``BackgroundTask(fn)`` calls ``fn(report, cancelled)`` in its own QThread:
``report(value)`` emits ``progressed(value)`` and ``cancelled()`` tells the
function the user gave up. The result arrives as ``finished(result)``, an
exception as ``errored(message)``; either way the thread ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from digitpad.errors import DigitpadError


class BackgroundTask(QObject):
    progressed = Signal(object)
    finished = Signal(object)
    errored = Signal(str)

    # Cancelled tasks whose function has not returned yet (e.g. a download
    # stalled in a socket read): kept alive here so Qt never destroys a
    # running thread, and waited for when the app closes.
    _detached: set[BackgroundTask] = set()

    def __init__(self, fn: Callable[[Callable[[Any], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = threading.Event()
        self.thread = QThread()
        self.moveToThread(self.thread)
        self.thread.started.connect(self._run)
        # Direct: quit() is thread-safe, and a queued call would wait for a GUI
        # thread that may itself be blocked in wait().
        self.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.errored.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> BackgroundTask:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Ask the task to stop and wait for its thread; True when it ended."""
        self.cancel()
        return self.thread.wait(timeout_ms) if self.thread.isRunning() else True

    def detach(self) -> None:
        """Cancel without waiting: the task lets go of itself once its thread ends."""
        self.cancel()
        if self.thread.isRunning():
            BackgroundTask._detached.add(self)
            self.thread.finished.connect(lambda: BackgroundTask._detached.discard(self))

    @classmethod
    def wait_for_detached(cls, timeout_ms: int = 5_000) -> bool:
        """Wait for every detached task (closing the app); True when all ended."""
        return all(task.thread.wait(timeout_ms) for task in list(cls._detached))

    @Slot()
    def _run(self) -> None:
        try:
            result = self._fn(self.progressed.emit, self._cancel.is_set)
        except DigitpadError as exc:
            self.errored.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not kill the thread
            self.errored.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(result)
