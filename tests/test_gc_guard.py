"""Garbage is collected on the GUI thread only while jobs run (digitpad.ui.jobs.gc_guard): a training thread
once collected an old window's Qt objects, running their destructors on the wrong thread, and deadlocked."""

from __future__ import annotations

import gc
import threading

from digitpad.ui.jobs.job import Job


class Cycle:
    """Part of a reference cycle; notes the thread its finaliser runs on."""

    finalised_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.finalised_on.append(threading.current_thread().name)


def test_a_jobs_thread_never_collects_garbage_the_gui_thread_does(qtbot):
    Cycle.finalised_on.clear()

    def allocate(report, cancelled):
        Cycle()  # garbage from the start: only a collection can free it
        return [[i] for i in range(200_000)]  # kept: far past the threshold, automatic collection would run here

    job = Job(allocate)
    with qtbot.waitSignal(job.finished, timeout=10_000) as done:
        job.start()
    assert len(done.args[0]) == 200_000
    assert job.wait(5000)
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: bool(Cycle.finalised_on), timeout=5_000)  # the GUI thread's timer collects it
    assert Cycle.finalised_on == [threading.main_thread().name]
