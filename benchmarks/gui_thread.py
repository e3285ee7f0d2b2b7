"""What the GUI thread spends on the things the tests once timed against fixed limits, measured headless.

The tests check what keeps these cheap (downsampling, views instead of copies, axes that stay put); the times
are here, where a noisy machine cannot fail a test. Rows:

- **loss plot update**: ``LossPlot.add_batches`` of 40 points, then the repaint, at 1,000 and at 100,000 points
  already drawn (a Progress at 20 Hz while doing 800 batches per second); **vs 1k** is the ratio of the two in
  this run: near 1 means the cost follows the plot's width, not the run's length;
- **center_digit**: the MNIST preprocessing's centring of one 28×28 drawing (each stroke);
- **saliency**: ``drawing_saliency`` of the bundled model for one drawing (each stroke, with the overlay on);
- **personal store, 500 digits**: reading a store of 500 drawings back as a dataset;
- **My digits, 2000 digits**: Ctrl+D in the main window until the dialog is exposed with every digit.

    python benchmarks/gui_thread.py [--repeats 20]

Figures are the median (worst) of ``--repeats`` calls, in ms; the machine is shared, so compare ratios within
one run and rerun when the load average (printed) is above ~1 on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def timed(call: Callable[[], object], repeats: int) -> list[float]:
    """Seconds of each of ``repeats`` calls, after one call to warm up."""
    call()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return times


def row(name: str, times: list[float], reference: list[float] | None = None) -> None:
    median = statistics.median(times)
    ratio = f"{median / statistics.median(reference):5.2f}" if reference else "     "
    print(f"| {name:<34} | {1000 * median:9.3f} | {1000 * max(times):9.3f} | {ratio} |")


def plot_updates(app: QApplication, drawn: int, repeats: int) -> list[float]:
    """add_batches of 40 points plus the repaint, with ``drawn`` points already on the plot."""
    from digitpad.ui.widgets.plots import LossPlot

    plot = LossPlot()
    plot.resize(640, 360)
    plot.show()
    plot.clear_run(epochs=100)
    per_update, n = 40, drawn + 40 * (repeats + 1)
    steps = np.arange(1, n + 1) / 1000
    losses = (2.3 * np.exp(-steps / 10) + 0.05) * np.random.default_rng(0).lognormal(0, 0.35, n)
    plot.add_batches(steps[:drawn], losses[:drawn])
    plot.grab()  # the first paint settles the downsampling factor
    starts = iter(range(drawn, n, per_update))

    def update() -> None:
        start = next(starts)
        plot.add_batches(steps[start:start + per_update], losses[start:start + per_update])
        plot.grab()

    times = timed(update, repeats)
    plot.close()
    app.processEvents()
    return times


def seven() -> np.ndarray:
    """A 28×28 seven: a bar across the top, a stroke down to the bottom left."""
    from digitpad.ui.widgets.canvas import stroke_ink

    image = np.zeros((28, 28), dtype=np.float32)
    for start, end in [((5, 8), (5, 19)), ((5, 19), (22, 12))]:
        image = np.maximum(image, stroke_ink(start, end))
    return image


def wait_until(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the window did not get there in time")
        QTest.qWait(10)


def store_load(repeats: int) -> list[float]:
    from digitpad.data.personal import PersonalStore

    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as folder:
        PersonalStore(Path(folder)).add_many([(rng.integers(0, 256, (28, 28), dtype=np.uint8), i % 10, f"{i}.png")
                                              for i in range(500)])
        return timed(lambda: len(PersonalStore(Path(folder)).dataset()), repeats)


def my_digits_opening(app: QApplication, repeats: int) -> list[float]:
    """Ctrl+D until the My digits dialog is exposed, over a store of 2000 drawings."""
    from digitpad.data.personal import PersonalStore
    from digitpad.ui.app import default_model
    from digitpad.ui.main_window import MainWindow

    base = (seven() * 255).astype(np.uint8)
    rng = np.random.default_rng(0)
    PersonalStore().add_many([(np.roll(base, int(rng.integers(-3, 4)), axis=1), k % 10, "benchmark")
                              for k in range(2000)])
    settings = QSettings(os.path.join(os.environ["DIGITPAD_DATA_DIR"], "settings.ini"), QSettings.Format.IniFormat)
    times = []
    for _ in range(repeats):  # a window of its own each time: the first opening of its dialog
        window = MainWindow(default_model(), settings)
        window.show()
        QTest.qWaitForWindowExposed(window)
        began = time.perf_counter()
        QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        dialog = window.findChild(QDialog, "myDigits")
        QTest.qWaitForWindowExposed(dialog)
        times.append(time.perf_counter() - began)
        assert len(dialog.grid.ids()) == 2000
        wait_until(lambda shown=dialog: "reading them" not in shown.summary.text())  # its reading job ends before it closes
        dialog.close()
        window.setWindowModified(False)
        window.close()
        window.deleteLater()
        QTest.qWait(50)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as store:
        os.environ["DIGITPAD_DATA_DIR"] = store  # never the user's own digits, checkpoints or run history
        os.environ["DIGITPAD_RECOVERY_DIR"] = os.path.join(store, "recovery")
        os.environ["DIGITPAD_RUNS_DB"] = os.path.join(store, "runs.db")
        app = QApplication.instance() or QApplication([])
        from digitpad.data.preprocess import center_digit
        from digitpad.inference.saliency import drawing_saliency
        from digitpad.ui.app import default_model

        print(f"Python {sys.version.split()[0]}, NumPy {np.__version__}, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.2f} at the start")
        print("| row                                | median ms |  worst ms | vs 1k |")
        print("|------------------------------------|----------:|----------:|------:|")
        small = plot_updates(app, 1_000, args.repeats)
        row("loss plot update, 1k points", small, small)
        row("loss plot update, 100k points", plot_updates(app, 100_000, args.repeats), small)
        drawing, model = seven(), default_model()
        row("center_digit", timed(lambda: center_digit(drawing), args.repeats * 10))
        row("saliency (bundled model)", timed(lambda: drawing_saliency(model, drawing), args.repeats))
        row("personal store, 500 digits", store_load(args.repeats))
        row("My digits, 2000 digits", my_digits_opening(app, max(3, args.repeats // 5)))
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
