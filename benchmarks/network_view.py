"""What the network's inside costs the window's GUI thread: the Network and Backprop tabs for one drawing, and the
test accuracy of a network with a unit switched off, measured headless through the real MainWindow.

Used by ``benchmarks/ui.py --network`` (which also trains with the Network tab in front while a stroke is drawn
every ``STROKE_MS``); it can run alone:

    python benchmarks/network_view.py [--mnist DIR] [--repeats 50]

For each network (the bundled 784-256-128-10 MNIST model, a 784-1024-512-10 one with fresh weights, the 8×8
digits' 64-32-10), with a unit pinned in the unit panel and a weight picked in the Backprop tab:

- **network ms**: a new drawing until the Network tab shows it (preprocess, every layer's values, the grids,
  the marks of the units that pushed the predicted class, the unit panel), then the events it causes (**paint**:
  the repaints, as the event loop runs them);
- **backprop ms**: the same for the Backprop tab (the backward pass, every δ grid, the chain rule of the picked
  weight with its finite difference);
- **knock-out s**: Ctrl+click's call (``set_unit_enabled``) until the test accuracy of the edited network is in
  the unit panel (a job off the GUI thread), after the pass over the test split is cached.

Figures are medians (worst in brackets) of ``--repeats`` drawings, 5 knock-outs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[1]
STROKE_MS = 50  # a stroke's pace while training with the Network tab in front (benchmarks/ui.py --network)


def drawings(shape: tuple[int, int], count: int) -> list[np.ndarray]:
    """``count`` strokes somewhere near the middle of a canvas of ``shape``."""
    rng = np.random.default_rng(0)
    found = []
    for _ in range(count):
        drawing = np.zeros(shape, np.float32)
        r, c = rng.integers(shape[0] // 3, 2 * shape[0] // 3, 2)
        drawing[r - shape[0] // 5:r + shape[0] // 5, c - shape[1] // 28:c + shape[1] // 28 + 1] = 1.0
        found.append(drawing)
    return found


class Strokes:
    """A new stroke on the window's canvas every ``STROKE_MS`` while the event loop runs (as a person drawing)."""

    def __init__(self, window) -> None:
        from PySide6.QtCore import QTimer

        self.window, self.shapes = window, drawings(window.canvas.image().shape, 20)
        self.count = 0
        self.timer = QTimer(interval=STROKE_MS)
        self.timer.timeout.connect(self._draw)

    def _draw(self) -> None:
        self.window.canvas.set_image(self.shapes[self.count % len(self.shapes)])
        self.count += 1


def wait_until(app: QApplication, condition, timeout: float = 60.0) -> float:
    """Process events until ``condition()``; the seconds it took."""
    start = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - start > timeout:
            raise SystemExit("timed out waiting for the window")
        time.sleep(0.001)
    return time.perf_counter() - start


def tab_ms(app: QApplication, window, tab, repeats: int) -> tuple[float, float, float, float]:
    """(median, worst) ms of a new drawing's update, then (median, worst) of the events after it (the repaints it
    asked for; the drawing history's throttled refresh, when due), with ``tab`` in front."""
    window.insight_tabs.setCurrentWidget(tab)
    app.processEvents()
    updates, paints = [], []
    for drawing in drawings(window.canvas.image().shape, repeats):
        window.canvas.set_image(drawing)
        start = time.perf_counter()
        window.prediction.update()
        updates.append(1000 * (time.perf_counter() - start))
        start = time.perf_counter()
        app.processEvents()  # the repaints the update asked for, as the event loop runs them
        paints.append(1000 * (time.perf_counter() - start))
    return statistics.median(updates), max(updates), statistics.median(paints), max(paints)


def knock_out_seconds(app: QApplication, window, repeats: int = 5) -> float:
    """Median seconds from switching a unit off to its test accuracy in the unit panel (the cache made first)."""
    units = window.units
    wait_until(app, lambda: units.activations is not None)
    accuracy, times = window.network_view.unit_panel.accuracy, []
    for unit in range(repeats):
        accuracy.setText("")
        start = time.perf_counter()
        window.network_view.set_unit_enabled(1, unit, False)
        wait_until(app, lambda: accuracy.text().startswith("Test accuracy") and "computing" not in accuracy.text())
        times.append(time.perf_counter() - start)
        window.network_view.set_unit_enabled(1, unit, True)
    return statistics.median(times)


def models() -> dict[str, object]:
    from digitpad.model.bundle import Model
    from digitpad.nn.network import MLP, NetworkSpec
    from digitpad.ui.app import default_model

    bundled = default_model()
    big = Model(MLP(NetworkSpec((784, 1024, 512, 10)), seed=0), (28, 28), "mnist-28", 1 / 255,
                tuple("0123456789"), dataset="mnist", hyperparameters={"lr": 0.05}, name="784-1024-512-10")
    digits = Model(MLP(NetworkSpec((64, 32, 10)), seed=0), (8, 8), "digits-8x8", 1 / 16, tuple("0123456789"),
                   dataset="digits8x8", hyperparameters={"lr": 0.1}, name="digits 64-32-10")
    return {"bundled 784-256-128-10": bundled, "784-1024-512-10": big, "digits 64-32-10": digits}


def network_table(app: QApplication, window, repeats: int) -> None:
    """The table described in the module's docstring, for the models of :func:`models`."""
    print(f"\nnetwork view, 1280×800, a unit pinned and a weight picked (median [worst] of {repeats} drawings)")
    print(f"{'network':<24} {'network ms':>16} {'paint':>12} {'backprop ms':>16} {'paint':>12} {'knock-out s':>11}")
    for name, model in models().items():
        window.files.set_model(model, None)
        window.insight_tabs.setCurrentWidget(window.network_view)
        window.canvas.set_image(drawings(window.canvas.image().shape, 1)[0])
        window.prediction.update()
        app.processEvents()
        window.units._pin(1, 0)  # as a click on the first unit of hidden layer 1 does
        window.insight_tabs.setCurrentWidget(window.backprop_view)
        app.processEvents()
        window.backprop._pick_weight(1, 0, 0)  # as two clicks on the grids do
        net = tab_ms(app, window, window.network_view, repeats)
        back = tab_ms(app, window, window.backprop_view, repeats)
        window.insight_tabs.setCurrentWidget(window.network_view)
        app.processEvents()
        seconds = knock_out_seconds(app, window)
        print(f"{name:<24} {net[0]:>7.2f} [{net[1]:>6.1f}] {net[2]:>5.2f} [{net[3]:>4.1f}] "
              f"{back[0]:>7.2f} [{back[1]:>6.1f}] {back[2]:>5.2f} [{back[3]:>4.1f}] {seconds:>11.3f}", flush=True)
        window.edits.reset()
        window.setWindowModified(False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, default=REPO.parent / "shared" / "data" / "mnist")
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DIGITPAD_DATA_DIR"] = str(Path(tmp) / "data")
        # The window's runs are recorded and checkpointed as a person's are, but not among theirs.
        os.environ["DIGITPAD_RECOVERY_DIR"] = str(Path(tmp) / "recovery")
        os.environ["DIGITPAD_RUNS_DB"] = str(Path(tmp) / "runs.db")
        from digitpad.data import importing
        from digitpad.ui.app import default_model
        from digitpad.ui.main_window import MainWindow

        importing.import_files(sorted(args.mnist.glob("*.gz")))
        app = QApplication.instance() or QApplication([])
        window = MainWindow(default_model(), QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        network_table(app, window, args.repeats)
        window.setWindowModified(False)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
