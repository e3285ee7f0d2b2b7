"""Start/stop cycles and closing mid-run through the real window leave no thread behind and no growing memory.

The long version (200 cycles, a table of threads and RSS) is benchmarks/soak.py.
Reads /proc, so Linux only.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from support.lifecycle import RUN, live_jobs, os_threads, rss_mb

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self")

CYCLES = 20
RSS_BOUND_MB = 50


def start_and_wait_for_progress(window, qtbot):
    window.panel.set_settings(RUN)
    with qtbot.waitSignal(window.session.progressed, timeout=10_000):
        window.runs.start_training()
    assert window.session.worker is not None


def cycle(window, qtbot) -> str:
    """One start, first progress, stop; the run's end status."""
    start_and_wait_for_progress(window, qtbot)
    with qtbot.waitSignal(window.session.finished, timeout=10_000) as done:
        window.session.stop()
    window.setWindowModified(False)
    return done.args[1].status


def settle(qtbot):
    """Let the finished QThreads delete themselves (deleteLater needs the event loop)."""
    qtbot.waitUntil(lambda: live_jobs() == 0, timeout=5_000)


def test_start_stop_cycles_leave_no_threads_and_no_memory_growth(window, qtbot):
    cycle(window, qtbot)  # warm-up: caches the dataset, lets Qt start its lazily-started threads
    settle(qtbot)
    threads, rss = os_threads(), rss_mb()
    statuses = [cycle(window, qtbot) for _ in range(CYCLES)]
    settle(qtbot)
    assert set(statuses) <= {"stopped", "completed"}
    assert not window.session.running and window.session.job is None
    assert os_threads() <= threads + 1
    assert rss_mb() - rss < RSS_BOUND_MB


def test_closing_during_training_leaves_no_running_thread(window, qtbot, monkeypatch):
    cycle(window, qtbot)
    settle(qtbot)
    threads = os_threads()
    start_and_wait_for_progress(window, qtbot)
    job = window.session.job
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.close()
    assert not window.session.running and not job.running  # close() joined it before returning
    settle(qtbot)
    assert os_threads() <= threads + 1
