"""Run a slow plain function (load a dataset, download, evaluate) off the GUI thread.

``BackgroundTask(fn)`` calls ``fn(report, cancelled)`` in its own QThread:
``report(value)`` emits ``progressed(value)`` and ``cancelled()`` tells the
function the user gave up. The result arrives as ``finished(result)``, an
exception as ``errored(message)``; ``ended`` follows once the thread is gone.

The task itself stays in the GUI thread and relays what its runner (which
lives in the worker thread) reports, so every signal of the task is emitted
on the GUI thread: a lambda connected to it may touch widgets. (PySide6
would run a lambda connected to a worker-thread signal in the worker thread.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from digitpad.common.errors import DigitpadError


class _Runner(QObject):
    """Lives in the worker thread and runs the function once."""

    progressed = Signal(object)
    finished = Signal(object)
    errored = Signal(str)

    def __init__(self, fn: Callable, cancel: threading.Event) -> None:
        super().__init__()
        self._fn, self._cancel = fn, cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self.progressed.emit, self._cancel.is_set)
        except DigitpadError as exc:
            self.errored.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not kill the thread
            self.errored.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(result)


class BackgroundTask(QObject):
    progressed = Signal(object)
    finished = Signal(object)
    errored = Signal(str)
    ended = Signal()

    # Cancelled tasks whose function has not returned yet (e.g. a download
    # stalled in a socket read): kept alive here so Qt never destroys a
    # running thread, and waited for when the app closes.
    _detached: set[BackgroundTask] = set()

    def __init__(self, fn: Callable[[Callable[[Any], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self.thread = QThread()
        self._runner = _Runner(fn, self._cancel)
        self._runner.moveToThread(self.thread)
        self.thread.started.connect(self._runner.run)
        # Direct: quit() is thread-safe, and a queued call would wait for a GUI
        # thread that may itself be blocked in wait().
        self._runner.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self._runner.errored.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        # Signal to signal: queued to this object's (the GUI) thread.
        self._runner.progressed.connect(self.progressed)
        self._runner.finished.connect(self.finished)
        self._runner.errored.connect(self.errored)
        self.thread.finished.connect(self._thread_finished)

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

    @Slot()
    def _thread_finished(self) -> None:
        BackgroundTask._detached.discard(self)
        self.ended.emit()

    @classmethod
    def wait_for_detached(cls, timeout_ms: int | None = None) -> bool:
        """Wait for every detached task (closing the app), each up to ``timeout_ms`` or until it ends.

        Closing waits with no limit: a QThread still running when the
        application exits aborts the process. A stalled download ends when
        its socket times out. True when all ended.
        """
        if timeout_ms is None:
            return all(task.thread.wait() for task in list(cls._detached))
        return all(task.thread.wait(timeout_ms) for task in list(cls._detached))
