"""Lifecycle soak: many start/stop cycles through the real MainWindow, then a close during training.

Each cycle fills the training form with a long digits8x8 run, presses Train
(``start_training``), waits until the worker exists and has reported progress,
stops it and waits for ``session.finished``. The script watches the OS thread
count (``/proc/self/task``), the QThreads still parented to the application,
RSS (``VmRSS``) every ``--every`` cycles, the seconds per cycle and the runs
kept in the Runs tab (every run, stopped ones too, adds one); prints a table
and a verdict, then closes the window while a run trains (the "stop
training and quit?" question answered Yes) and checks that the threads are
back. Linux only (reads ``/proc``); headless.

    python benchmarks/soak.py [--cycles 200] [--every 20] [--rss-bound-mb 50]

Exits with status 1 when the verdict fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from digitpad.app import default_model
from digitpad.training.run import RunSettings
from digitpad.ui.main_window import MainWindow

RUN = RunSettings(dataset="digits8x8", hidden="32", epochs=50, batch_size=8, validation=0.0)
TIMEOUT_S = 30.0


def os_threads() -> int:
    """Threads of this process as the kernel sees them."""
    return len(os.listdir("/proc/self/task"))


def rss_mb() -> float:
    """Resident set size of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def qthreads(app: QApplication) -> int:
    """QThreads still parented to the application (the worker threads delete themselves when finished)."""
    return sum(isinstance(child, QThread) for child in app.children())


def spin_until(condition, what: str) -> None:
    """Run the event loop (deferred deletes included) until ``condition()`` holds; fail after TIMEOUT_S."""
    deadline = time.monotonic() + TIMEOUT_S
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QTimer.singleShot(5, loop.quit)
        loop.exec()


def one_cycle(window: MainWindow) -> str:
    """Start a run, let it report progress, stop it; return the run's end status."""
    seen: list[object] = []
    ended: list[object] = []
    window.panel.set_settings(RUN)

    def on_finished(model, result) -> None:
        ended.append(result.status)

    window.session.progressed.connect(seen.append)
    window.session.finished.connect(on_finished)
    window.start_training()
    spin_until(lambda: window.session.worker is not None and seen, "the first progress")
    window.session.stop()
    spin_until(lambda: bool(ended), "session.finished")
    window.session.progressed.disconnect(seen.append)
    window.session.finished.disconnect(on_finished)  # only ours: the window's own slots stay
    window.setWindowModified(False)
    return str(ended[0])


def settle(app: QApplication) -> None:
    """Let finished QThreads delete themselves and the OS reap their threads."""
    spin_until(lambda: qthreads(app) == 0, "finished QThreads to be deleted")
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()


def soak(app: QApplication, window: MainWindow, cycles: int, every: int) -> tuple[list[tuple], dict]:
    """Run the cycles; return table rows and the baseline/final figures."""
    one_cycle(window)  # warm-up: loads the dataset into the cache, lets Qt start its lazy threads
    settle(app)
    base_threads, base_rss = os_threads(), rss_mb()
    rows, statuses = [], set()
    began = time.monotonic()
    block_start = began
    for i in range(1, cycles + 1):
        statuses.add(one_cycle(window))
        if i % every == 0 or i == cycles:
            settle(app)
            now = time.monotonic()
            per_cycle = (now - block_start) / (i - (rows[-1][0] if rows else 0))
            rows.append((i, os_threads(), qthreads(app), rss_mb(), per_cycle, len(window.runs_panel.runs())))
            block_start = now
    totals = {"base_threads": base_threads, "base_rss": base_rss, "statuses": statuses,
              "seconds": time.monotonic() - began}
    return rows, totals


def close_during_training(app: QApplication, window: MainWindow) -> tuple[bool, int]:
    """Close the window mid-run with the quit question answered Yes; return (closed, threads after)."""
    original = QMessageBox.question
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    try:
        seen: list[object] = []
        window.panel.set_settings(RUN)
        window.session.progressed.connect(seen.append)
        window.start_training()
        spin_until(lambda: window.session.worker is not None and seen, "the first progress")
        closed = window.close()
    finally:
        QMessageBox.question = original
    settle(app)
    return closed and not window.session.running, os_threads()


def report(rows: list[tuple], totals: dict, rss_bound: float) -> bool:
    """Print the table and the verdict; return whether it passed."""
    print(f"baseline after warm-up: {totals['base_threads']} OS threads, {totals['base_rss']:.1f} MB RSS")
    print(f"{'cycle':>6} {'OS threads':>10} {'QThreads':>8} {'RSS MB':>8} {'s/cycle':>8} {'Runs tab':>8}")
    for cycle, threads, qts, rss, per, runs in rows:
        print(f"{cycle:>6} {threads:>10} {qts:>8} {rss:>8.1f} {per:>8.3f} {runs:>8}")
    last = rows[-1]
    growth = last[3] - totals["base_rss"]
    threads_ok = last[1] <= totals["base_threads"] + 1 and last[2] == 0
    statuses_ok = totals["statuses"] <= {"stopped", "completed"}
    print(f"{last[0]} cycles in {totals['seconds']:.1f} s; end statuses: {sorted(totals['statuses'])}")
    print(f"threads: {totals['base_threads']} -> {last[1]} ({'OK' if threads_ok else 'LEAK'}); "
          f"RSS growth {growth:+.1f} MB (bound {rss_bound:.0f} MB: {'OK' if growth < rss_bound else 'TOO MUCH'})")
    return threads_ok and statuses_ok and growth < rss_bound


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--every", type=int, default=20, help="measure every this many cycles")
    parser.add_argument("--rss-bound-mb", type=float, default=50.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DIGITPAD_DATA_DIR"] = str(Path(tmp) / "data")
        app = QApplication.instance() or QApplication(sys.argv)
        window = MainWindow(default_model(), QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.show()
        rows, totals = soak(app, window, args.cycles, args.every)
        ok = report(rows, totals, args.rss_bound_mb)
        closed, after = close_during_training(app, window)
        close_ok = closed and after <= totals["base_threads"] + 1 and qthreads(app) == 0
        print(f"close during training: closed={closed}, OS threads {after} "
              f"(baseline {totals['base_threads']}), QThreads {qthreads(app)}: {'OK' if close_ok else 'FAIL'}")
    print("VERDICT:", "PASS" if ok and close_ok else "FAIL")
    return 0 if ok and close_ok else 1


if __name__ == "__main__":
    sys.exit(main())
