"""How a training thread gives way to the GUI thread: the update pace follows the GUI's CPU share, and the
training thread runs at a lower priority than the GUI thread."""

from __future__ import annotations

import os
import sys
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal

from digitpad.data import loading
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.ui.jobs import pace
from digitpad.ui.jobs.job import Job
from digitpad.ui.jobs.pace import (
    GUI_SHARE,
    MAX_SLOWDOWN,
    SHARE_WINDOW,
    UpdatePace,
    yield_to_gui,
)
from digitpad.ui.jobs.training import THROTTLE_SECONDS, TrainingWorker, start_job


class FakeClocks:
    """Wall and CPU clocks the test moves by hand."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def pace(self) -> UpdatePace:
        return UpdatePace(clock=lambda: self.wall, cpu_clock=lambda: self.cpu)

    def spend(self, wall: float, cpu: float) -> None:
        self.wall += wall
        self.cpu += cpu


def test_updates_come_less_often_while_they_take_the_gui_more_than_its_share():
    clocks = FakeClocks()
    update_pace = clocks.pace()
    update_pace.arrived()
    cost = 2 * GUI_SHARE * 0.1  # an update every 0.1 s costing this is twice the GUI thread's share
    clocks.spend(wall=0.1, cpu=cost)
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx(2.0)
    # With the intervals that much longer, the same cost per update is the GUI's share exactly: steady.
    clocks.spend(wall=0.2, cpu=cost)
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx(2.0)
    clocks.spend(wall=0.2, cpu=0.002)  # updates became cheap: halfway back to every base interval...
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx((2.0 + 2.0 * (0.002 / 0.2) / GUI_SHARE) / 2)
    clocks.spend(wall=0.2, cpu=0.0)  # ... and on, never faster than the base interval
    update_pace.arrived()
    assert update_pace.slowdown == 1.0
    clocks.spend(wall=0.1, cpu=0.1)  # the GUI thread busy all the time: still an update a second
    update_pace.arrived()
    clocks.spend(wall=1.0, cpu=1.0)
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx(MAX_SLOWDOWN)


def test_a_share_is_only_measured_over_a_long_enough_time():
    clocks = FakeClocks()
    update_pace = clocks.pace()
    update_pace.arrived()
    clocks.spend(wall=SHARE_WINDOW / 4, cpu=SHARE_WINDOW / 4)  # a run's first two updates, moments apart
    update_pace.arrived()
    assert update_pace.slowdown == 1.0
    clocks.spend(wall=SHARE_WINDOW, cpu=0.0)  # measured from the first arrival: 20 % over the whole window
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx((SHARE_WINDOW / 4) / (1.25 * SHARE_WINDOW) / GUI_SHARE)


def test_a_new_run_starts_at_the_pace_the_last_one_ended_with_and_measures_afresh():
    clocks = FakeClocks()
    update_pace = clocks.pace()
    update_pace.arrived()
    cost = 3 * GUI_SHARE * 0.1
    clocks.spend(wall=0.1, cpu=cost)
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx(3.0)
    clocks.spend(wall=60.0, cpu=0.0)  # a minute between two runs: no share of anybody's
    update_pace.new_run()
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx(3.0)
    clocks.spend(wall=0.3, cpu=cost)  # the same cost at the kept pace: the GUI's share exactly, steady
    update_pace.arrived()
    assert update_pace.slowdown == pytest.approx(3.0)


class SlowReceiver(QObject):
    """Handles each update on the GUI thread in ``cost`` seconds of CPU, as a heavy repaint would."""

    done = Signal()

    def __init__(self, worker: TrainingWorker, cost: float) -> None:
        super().__init__()
        self.arrivals: list[float] = []
        self.result = None
        self._cost = cost
        worker.progressed.connect(self.progressed)
        worker.finished.connect(self.finished)

    def progressed(self, progress) -> None:
        # When the worker sent it (its run time at the last batch sent): a GUI that falls behind handles
        # queued updates back to back, which would say nothing about how often they were sent.
        self.arrivals.append(progress.elapsed)
        start = time.thread_time()
        while time.thread_time() - start < self._cost:
            pass

    def finished(self, result) -> None:
        self.result = result
        self.done.emit()


def test_a_gui_that_spends_long_on_each_update_gets_them_less_often(qtbot):
    train, val = loading.load("digits8x8", "train"), loading.load("digits8x8", "test")
    worker = TrainingWorker(MLP(NetworkSpec((64, 32, 10)), seed=0), TrainConfig(epochs=200, batch_size=1),
                            train, val)  # ~290,000 batches: far longer than the test watches
    receiver = SlowReceiver(worker, cost=0.03)  # 30 ms per update, 10 a second: 30 % of the GUI thread
    job = start_job(worker)
    try:
        qtbot.waitUntil(lambda: len(receiver.arrivals) >= 12, timeout=30_000)
    finally:
        job.cancel()
        with qtbot.waitSignal(receiver.done, timeout=10_000):
            pass
        assert job.wait(5000)
    # After the first updates, the worker waits ≥ 3 base intervals (the receiver's 30 ms is 10 % of 0.3 s;
    # the GUI thread's other work counts too). The last one is the flush after the cancel. The first half is
    # left out: on a loaded machine the GUI thread can fall a few updates behind before the pace reaches the
    # worker (a CI run once saw 8 updates at the base pace).
    later = np.diff(receiver.arrivals[6:-1])
    assert np.median(later) >= 2 * THROTTLE_SECONDS, receiver.arrivals


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_the_training_thread_runs_below_the_gui_threads_priority(qtbot):
    def niceness(report, cancelled) -> tuple[int, int]:
        before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        yield_to_gui()
        return before, os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    job = Job(niceness)
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start()
    before, after = finished.args[0]
    assert after == min(19, before + pace.TRAINING_NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before  # the GUI thread is untouched
    assert job.wait(5000)
