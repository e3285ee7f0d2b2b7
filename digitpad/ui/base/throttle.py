"""At most one refresh per interval while the drawing changes: a view that costs a few milliseconds per update
keeps up with the stroke without taking the GUI thread from it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer


class Throttle(QObject):
    """``request()`` calls ``refresh`` at once when the last refresh (:meth:`mark`) is ``interval_ms`` ago, else
    once when it will be; the requests in between fold into that one call.

    ``refresh`` calls :meth:`mark` where it really does its work (a refresh that finds nothing to do, e.g. its
    view hidden, does not hold the next one back).
    """

    def __init__(self, parent: QObject, interval_ms: int, refresh: Callable[[], None]) -> None:
        super().__init__(parent)
        self.interval_ms, self._refresh = interval_ms, refresh
        self._since = QElapsedTimer()
        self._later = QTimer(self, singleShot=True)
        self._later.timeout.connect(self._refresh)

    def request(self) -> None:
        waited = self._since.elapsed() if self._since.isValid() else self.interval_ms
        if waited >= self.interval_ms:
            self._refresh()
        elif not self._later.isActive():
            self._later.start(self.interval_ms - waited)

    def mark(self) -> None:
        """A refresh happens now: the next comes no sooner than ``interval_ms`` from here."""
        self._since.start()
