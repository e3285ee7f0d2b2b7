"""Python's cyclic garbage collector only ever runs on the GUI thread while jobs run beside it.

Automatic collection runs in whichever thread happens to allocate, and
collecting a dead window's Qt objects there runs their C++ destructors on
that thread. In the test suite a training thread collected an old window's
widgets while the GUI thread destroyed a menu: each held what the other
waited for (a Qt mutex and the GIL) and both froze for good. So once a job
starts, automatic collection is off and the GUI thread collects on a timer
instead (pyqtgraph's ``GarbageCollector``: each generation once its count
passes Python's own threshold, checked every ``INTERVAL_SECONDS``).
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

INTERVAL_SECONDS = 0.5
_collector: GarbageCollector | None = None


def collect_on_gui_thread() -> None:
    """Turn automatic collection off for good and collect from a timer on the calling (GUI) thread; once per
    process, later calls do nothing."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=INTERVAL_SECONDS)
