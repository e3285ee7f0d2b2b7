"""How the window feels while it trains, and how much training in it costs, measured headless.

For each batch size, a short MNIST run goes through the real MainWindow while
a 10 ms QTimer records the gaps between its ticks (the longest one is the
worst stutter a user would see), and the same run goes through the plain
Trainer as the CLI does it, with 2 BLAS threads and with 1. GUI runs use the
worker's BLAS thread limit (as the app does); ``--unlimited`` adds runs
without it. The runs take turns (CLI, CLI 1 thread, GUI, ...) so that a swing
in the machine's load hits every column alike. Alongside: the GUI thread's
CPU time per second of the run and the plots' repaints per second (both
independent of other load on the machine), the load average, and a noise
floor: the same timer while a thread multiplies matrices without holding
the GIL, i.e. what the machine's scheduling alone does to the timer. Then:
stroke to updated probabilities (set the drawing, preprocess, one forward
pass, repaint the bars), with BLAS at the GUI-training limit and at full
width, and process start to window shown. Every figure is the median of
``--repeats`` runs.

    python benchmarks/ui.py [--repeats 3] [--epochs 1] [--batches 32 128 512 full] [--unlimited]
                            [--gradients] [--full-subset 0] [--mnist DIR]

``--gradients`` trains with the Gradients tab in front instead of the Doctor tab.

``--mnist`` is a folder holding the four MNIST .gz files (default:
../shared/data/mnist next to the repository); they are imported into a
temporary store. ``--full-subset`` limits the full-batch runs to that many
images (0: all of them).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import PySide6
import pyqtgraph
import threadpoolctl
from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[1]
TICK_MS = 10
BATCHES = {"32": 32, "128": 128, "512": 512, "full": 0}
PLOTS = ("loss_plot", "accuracy_plot", "grad_plot")  # MainWindow attributes

# Started with `python -c`: the time from interpreter start to the window's first paint (or show).
STARTUP = """
import time
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from digitpad.app import default_model
from digitpad.ui.main_window import MainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() in (QEvent.Type.Paint, QEvent.Type.Show) and not hasattr(self, "seen"):
            self.seen = time.monotonic()
            print(self.seen, event.type().name, flush=True)
            QTimer.singleShot(0, app.quit)  # the Show event may come before app.exec() runs
        return False

app = QApplication([])
window = MainWindow(default_model(), QSettings(%r, QSettings.Format.IniFormat))
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


class GapRecorder(QObject):
    """Counts the milliseconds between ticks of a 10 ms timer in the GUI thread, and from the first tick on
    the GUI thread's CPU seconds per second and the paint events of the watched widgets (an event filter)."""

    def __init__(self, watched=()) -> None:
        super().__init__()
        self.gaps: list[float] = []
        self.paints = self.cpu_share = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._start = (0.0, 0.0)
        for widget in watched:
            widget.viewport().installEventFilter(self)

    def start(self) -> None:
        self.gaps.clear()
        self.paints = 0
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        wall = time.perf_counter() - self._start[0]
        self.cpu_share = (time.thread_time() - self._start[1]) / wall
        self.paints /= wall

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.gaps:
            self.paints += 1
        return False

    def _tick(self) -> None:
        self.gaps.append(self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()
        if len(self.gaps) == 1:  # the first gap holds starting the run (the GUI thread's part of pressing Train)
            self._start = (time.perf_counter(), time.thread_time())


def gui_run(window, settings, limited: bool, recorder: GapRecorder) -> tuple[float, ...]:
    """(start, max and p99 gap in ms, GUI-thread CPU share, plot paints per second, seconds per epoch) of one
    run through the window; "start" is the first gap: pressing Train until the GUI thread is free again."""
    from digitpad.ui import worker as worker_module

    window.panel.set_settings(settings)
    loop, results = QEventLoop(), []

    def done(*args) -> None:
        results.extend(args[1:])  # finished(model, result); failed(message) adds nothing
        loop.quit()

    real_limit = worker_module.threadpool_limits
    if not limited:
        worker_module.threadpool_limits = lambda **_: contextlib.nullcontext()
    window.session.finished.connect(done)
    window.session.failed.connect(done)
    try:
        recorder.start()
        window.start_training()
        loop.exec()
        recorder.stop()
    finally:
        worker_module.threadpool_limits = real_limit
        window.session.finished.disconnect(done)
        window.session.failed.disconnect(done)
    if not results:
        raise SystemExit(f"the GUI run failed: {window.panel.status.text()}")
    window.setWindowModified(False)  # so the next run does not ask to discard the trained model
    gaps = recorder.gaps[1:]  # the first tick includes starting the run (data already cached)
    return (recorder.gaps[0], max(gaps), float(np.percentile(gaps, 99)), recorder.cpu_share, recorder.paints,
            results[0].seconds / results[0].epochs_done)


def noise_floor(recorder: GapRecorder, seconds: float = 2.0) -> tuple[float, float, float]:
    """(max, p99 gap in ms, GUI-thread CPU share) while another thread multiplies matrices with 1 BLAS thread,
    never holding the GIL for long: what the machine's scheduling alone does to the timer."""
    stop = threading.Event()

    def multiply() -> None:
        a = np.ones((512, 512), np.float32)
        with threadpoolctl.threadpool_limits(limits=1, user_api="blas"):
            while not stop.is_set():
                a @ a

    thread = threading.Thread(target=multiply)
    thread.start()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    recorder.start()
    loop.exec()
    recorder.stop()
    stop.set()
    thread.join()
    return max(recorder.gaps), float(np.percentile(recorder.gaps, 99)), recorder.cpu_share


def cli_run(settings) -> float:
    """Seconds per epoch of the same run through the plain Trainer, as ``digitpad train`` does it."""
    from digitpad.data import store
    from digitpad.nn.network import MLP
    from digitpad.training.run import split_validation
    from digitpad.training.trainer import Trainer

    config = settings.config()
    data = store.load(settings.dataset, "train").head(settings.subset or None)
    train, val = split_validation(data, config.validation, config.seed)
    network = MLP(settings.spec(data.n_features, data.n_classes), seed=config.seed)
    result = Trainer(network, config, []).fit(train, val)
    return result.seconds / result.epochs_done


def stroke_ms(window, repeats: int = 200) -> float:
    """Median ms from a new drawing to updated probabilities (preprocess, forward pass, bars)."""
    rng = np.random.default_rng(0)
    times = []
    for _ in range(repeats):
        drawing = np.zeros(window.canvas.image().shape, np.float32)
        r, c = rng.integers(8, 20, 2)  # a 28x28 canvas: a stroke somewhere near the middle
        drawing[r - 6:r + 6, c - 1:c + 2] = 1.0
        start = time.perf_counter()
        window.canvas.set_image(drawing)
        window.update_prediction()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def startup_seconds(ini: str, repeats: int) -> tuple[float, str]:
    """Median seconds from launching ``python -c`` to the window's first paint, and the event seen."""
    times, kind = [], ""
    for _ in range(repeats):
        start = time.monotonic()  # CLOCK_MONOTONIC is system-wide, so the child's reading compares
        out = subprocess.run([sys.executable, "-c", STARTUP % ini], capture_output=True, text=True,
                             check=True, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"}).stdout.split()
        times.append(float(out[0]) - start)
        kind = out[1]
    return statistics.median(times), kind


def header() -> None:
    blas = threadpoolctl.threadpool_info()
    names = ", ".join(f"{b['internal_api']} {b['version']} ({b['num_threads']} threads)" for b in blas)
    print(f"cores: {os.cpu_count()}; BLAS: {names}; GUI-training limit: "
          f"{max(1, (os.cpu_count() or 1) - 1)} thread(s)")
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, PySide6 {PySide6.__version__}, "
          f"pyqtgraph {pyqtgraph.__version__}, threadpoolctl {threadpoolctl.__version__}")


def training_table(window, args) -> None:
    from digitpad.training.run import RunSettings

    recorder = GapRecorder([getattr(window, name) for name in PLOTS])
    print(f"\n{'batch':<6} {'BLAS limit':>10} {'start ms':>8} {'max gap ms':>10} {'p99 gap ms':>10} {'GUI CPU %':>9} "
          f"{'paints/s':>8} {'GUI s/epoch':>11} {'CLI s/epoch':>11} {'CLI 1 thread':>12} {'GUI/CLI':>7} "
          f"{'GUI/CLI 1':>9} {'load':>5}")
    for name in args.batches:
        batch = BATCHES[name]
        subset = args.full_subset if batch == 0 else 0
        settings = RunSettings(dataset="mnist", subset=subset, batch_size=batch, epochs=args.epochs, seed=0)
        cli, cli_one, gui = [], [], {True: [], False: []}
        for _ in range(args.repeats):  # taking turns, so that a swing in load hits every column alike
            cli.append(cli_run(settings))
            with threadpoolctl.threadpool_limits(limits=1, user_api="blas"):
                cli_one.append(cli_run(settings))
            for limited in (True, False) if args.unlimited else (True,):
                gui[limited].append(gui_run(window, settings, limited, recorder))
        cli, cli_one = statistics.median(cli), statistics.median(cli_one)
        for limited, runs in gui.items():
            if not runs:
                continue
            start, worst, p99, cpu, paints, seconds = (statistics.median(column) for column in zip(*runs))
            label = name + (f" ({subset:,} rows)" if subset else "")
            print(f"{label:<6} {'on' if limited else 'off':>10} {start:>8.0f} {worst:>10.1f} {p99:>10.1f} {100 * cpu:>9.0f} "
                  f"{paints:>8.1f} {seconds:>11.3f} {cli:>11.3f} {cli_one:>12.3f} {seconds / cli:>7.2f} "
                  f"{seconds / cli_one:>9.2f} {os.getloadavg()[0]:>5.2f}", flush=True)
    worst, p99, cpu = noise_floor(recorder)
    print(f"noise floor (no training; a GIL-free 1-thread matmul loop): max gap {worst:.1f} ms, "
          f"p99 {p99:.1f} ms, GUI CPU {100 * cpu:.0f} %; load {os.getloadavg()[0]:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--epochs", type=int, default=1, help="epochs per training run")
    parser.add_argument("--batches", nargs="+", choices=list(BATCHES), default=list(BATCHES),
                        help="batch sizes to run (full: the whole training set per step)")
    parser.add_argument("--unlimited", action="store_true", help="also run the GUI without the BLAS thread limit")
    parser.add_argument("--gradients", action="store_true", help="train with the Gradients tab in front")
    parser.add_argument("--full-subset", type=int, default=0, help="images in the full-batch runs (0: all)")
    parser.add_argument("--mnist", type=Path, default=REPO.parent / "shared" / "data" / "mnist")
    parser.add_argument("--skip-training", action="store_true", help="only stroke and start-up times")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DIGITPAD_DATA_DIR"] = str(Path(tmp) / "data")
        from digitpad.app import default_model
        from digitpad.data import store
        from digitpad.ui.main_window import MainWindow

        store.import_files(sorted(args.mnist.glob("*.gz")))
        ini = str(Path(tmp) / "settings.ini")
        app = QApplication.instance() or QApplication([])
        window = MainWindow(default_model(), QSettings(ini, QSettings.Format.IniFormat))
        window.show()
        if args.gradients:
            window.insight_tabs.setCurrentWidget(window.grad_plot)
        app.processEvents()
        header()
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if not args.skip_training:
            training_table(window, args)
        print(f"\n{'stroke → probabilities, BLAS threads':<40} {'median ms':>9}")
        for threads in (max(1, (os.cpu_count() or 1) - 1), os.cpu_count()):
            with threadpoolctl.threadpool_limits(limits=threads, user_api="blas"):
                print(f"{threads:<40} {stroke_ms(window):>9.3f}")
        seconds, kind = startup_seconds(ini, repeats=5)
        print(f"\nprocess start → window {kind} event (median of 5): {seconds:.2f} s")
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        window.setWindowModified(False)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
