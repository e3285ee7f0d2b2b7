"""How a training thread gives way to the GUI thread, so the window never stalls while it trains.

Two rules, both measured in benchmarks/README.md:

* **The GUI thread comes first for the CPU.** :func:`yield_to_gui` lowers
  the calling thread's priority. On two cores the trainer and a BLAS helper
  thread fill both, and a repaint that needs 8 ms of CPU took 15-25 ms of
  wall time; with the trainer niced, the GUI thread gets a core as soon as
  it wakes and the trainer is no slower (it uses what the GUI leaves).
* **Updates come as often as the GUI thread can afford.** Whatever the GUI
  thread runs in Python holds the GIL the trainer needs, so its CPU time is
  taken from the run. :class:`UpdatePace` measures the GUI thread's share of
  the CPU between two updates and stretches the intervals between updates
  until that share is ``GUI_SHARE``: a run of thousands of tiny batches gets
  fewer, a run whose updates cost little keeps every one, and a person
  drawing while it trains (more GUI work) slows the plots, not the pen.
  One pace serves a window's runs one after another (:meth:`UpdatePace.new_run`):
  an update costs the GUI about as much in the next run, and a 0.3 s run
  ended before a fresh pace had measured anything.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QThread

# The share of the CPU time the GUI thread may spend while a run trains before updates come less often. At 0.1
# the 8×8 digits' 0.3 s run took 1.2-1.3× the CLI's time; at 0.05, 1.14, and MNIST still gets 7-10 updates a second.
GUI_SHARE = 0.05
# Updates still come at least this often relative to the base intervals: 10 × 0.1 s for batches.
MAX_SLOWDOWN = 10.0
# The shortest time over which the GUI thread's share is measured: a run's first two updates often arrive
# a few ms apart, and the first's handling alone would read as a share near 100 %.
SHARE_WINDOW = 0.1
# Linux nice increment for a training thread: weight 110 against the GUI thread's 1024 when both want one core.
TRAINING_NICENESS = 10


class UpdatePace:
    """How many times longer than its base interval the worker waits between updates (``slowdown`` ≥ 1).

    Call :meth:`arrived` on the GUI thread each time an update arrives. The
    GUI thread's CPU share since the last measurement (at least
    ``SHARE_WINDOW`` seconds ago), against ``GUI_SHARE``, scales ``slowdown``: with the intervals ``slowdown`` times longer an
    update's cost is spread over that much more time, so one step up brings
    the share to ``GUI_SHARE`` (or as close as ``1 ≤ slowdown ≤ MAX_SLOWDOWN``
    allows); a step down goes halfway. The worker thread only reads ``slowdown``, a float the GUI
    thread replaces whole, so no lock is needed.
    """

    def __init__(self, clock: Callable[[], float] = time.perf_counter,
                 cpu_clock: Callable[[], float] = time.thread_time) -> None:
        self.slowdown = 1.0
        self._clock, self._cpu_clock = clock, cpu_clock
        self._last: tuple[float, float] | None = None

    def new_run(self) -> None:
        """A run starts: measure afresh (the idle time since the last run is nobody's share), at the slowdown
        the previous run ended with."""
        self._last = None

    def arrived(self) -> None:
        now = (self._clock(), self._cpu_clock())
        if self._last is None:
            self._last = now
            return
        wall = now[0] - self._last[0]
        if wall < SHARE_WINDOW:
            return
        share = (now[1] - self._last[1]) / wall
        wanted = self.slowdown * share / GUI_SHARE
        # Up at once, down halfway: an update without epochs costs less than one with them, and going all the
        # way down after each cheap one made the next costly one take twice its share.
        self.slowdown = min(MAX_SLOWDOWN, max(1.0, wanted if wanted > self.slowdown else (self.slowdown + wanted) / 2))
        self._last = now


def yield_to_gui() -> None:
    """Lower the calling (training) thread's priority below the GUI thread's.

    Qt's thread priorities change nothing for normal threads on Linux, so
    there the thread's own nice value goes up (per thread, by its native id);
    elsewhere ``QThread.LowPriority``. Raising one's niceness needs no
    privileges; where the system refuses anyway, the thread keeps its priority.
    """
    if sys.platform.startswith("linux"):
        thread = threading.get_native_id()
        try:
            os.setpriority(os.PRIO_PROCESS, thread, os.getpriority(os.PRIO_PROCESS, thread) + TRAINING_NICENESS)
        except OSError:
            pass
    else:
        QThread.currentThread().setPriority(QThread.Priority.LowPriority)
