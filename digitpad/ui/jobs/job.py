"""One way to run work off the GUI thread: a :class:`Job`, with one registry of the jobs still running.

``Job(fn)`` calls ``fn(report, cancelled)`` once in its own QThread:
``report(value)`` emits ``progressed(value)`` and ``cancelled()`` tells the
function the user gave up. The result arrives as ``finished(result)``, an
exception as ``errored(message)``; ``ended`` follows once the thread is gone.
Loading and preparing a run, training itself, downloads, Look inside and the
gradient check all run as jobs, so they share one lifecycle.

Every started job stays in the registry until its thread has ended: Qt aborts
the process when a running QThread is destroyed, so a job nobody holds any
more (cancelled, its window closed) must still be kept alive, and closing the
app waits for all of them in one place (:meth:`Job.shutdown`), which the first
job connects to the application's ``aboutToQuit``: however the app quits (its
last window closed, ``QApplication.quit()``), no thread outlives it.

A job holds its function only until it has run: a finished job someone still
holds keeps no model alive through the function's closure.

The job itself stays in the GUI thread and relays what its runner (which
lives in the worker thread) reports, so every signal of the job is emitted
on the GUI thread: a lambda connected to it may touch widgets. (PySide6
would run a lambda connected to a worker-thread signal in the worker thread.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from digitpad.common.errors import DigitpadError
from digitpad.ui.base.i18n import error_text
from digitpad.ui.jobs.gc_guard import collect_on_gui_thread

JobFunction = Callable[[Callable[[Any], None], Callable[[], bool]], Any]


class _Runner(QObject):
    """Lives in the worker thread and runs the function once."""

    progressed = Signal(object)
    finished = Signal(object)
    errored = Signal(str)

    def __init__(self, fn: JobFunction, cancel: threading.Event) -> None:
        super().__init__()
        self._fn, self._cancel = fn, cancel

    @Slot()
    def run(self) -> None:
        fn, self._fn = self._fn, None
        try:
            result = fn(self.progressed.emit, self._cancel.is_set)
        except DigitpadError as exc:
            self.errored.emit(error_text(exc))
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not kill the thread
            self.errored.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(result)


class Job(QObject):
    """``fn(report, cancelled)`` in its own thread; ``on_cancel`` (if given) is called by :meth:`cancel` too."""

    progressed = Signal(object)
    finished = Signal(object)
    errored = Signal(str)
    ended = Signal()

    _running: set[Job] = set()  # started, thread not yet ended
    _quit_watched: QCoreApplication | None = None  # the application whose aboutToQuit waits for the jobs

    def __init__(self, fn: JobFunction, on_cancel: Callable[[], None] | None = None) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._on_cancel = on_cancel
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

    def start(self) -> Job:
        """Start the thread (call on the GUI thread); from now on only the GUI thread collects garbage
        (:mod:`~digitpad.ui.jobs.gc_guard`)."""
        collect_on_gui_thread()
        Job._shut_down_on_quit()
        Job._running.add(self)
        self.thread.start()
        return self

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    def cancel(self) -> None:
        """Ask the function to stop (``cancelled()`` turns True); the job lets go of itself once its thread ends."""
        self._cancel.set()
        if self._on_cancel is not None:
            self._on_cancel()

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Wait for the thread (without a limit by default); True when it has ended."""
        if not self.thread.isRunning():
            return True
        return self.thread.wait() if timeout_ms is None else self.thread.wait(timeout_ms)

    @Slot()
    def _thread_finished(self) -> None:
        Job._running.discard(self)
        self.ended.emit()

    @classmethod
    def running_jobs(cls) -> list[Job]:
        return list(cls._running)

    @classmethod
    def wait_all(cls, timeout_ms: int | None = None) -> bool:
        """Wait for every job still running, each up to ``timeout_ms`` (no limit by default); True when all ended.

        Closing waits with no limit: a QThread still running when the
        application exits aborts the process. A stalled download ends when
        its socket times out.
        """
        return all(job.wait(timeout_ms) for job in cls.running_jobs())

    @classmethod
    def _shut_down_on_quit(cls) -> None:
        """Connect :meth:`shutdown` to the application's ``aboutToQuit`` (once per application)."""
        app = QCoreApplication.instance()
        if app is not None and app is not cls._quit_watched:
            app.aboutToQuit.connect(cls.shutdown)
            cls._quit_watched = app

    @classmethod
    def shutdown(cls, timeout_ms: int | None = None) -> bool:
        """Cancel every running job and wait for all of them (closing the app)."""
        for job in cls.running_jobs():
            job.cancel()
        return cls.wait_all(timeout_ms)
