"""What the drawing's probabilities epoch by epoch cost: one recompute from the snapshots, and one plot update.

For each network a :class:`~digitpad.inference.drawing_history.WeightHistory`
with the default budget takes one snapshot (distinct arrays, as a run's
updates bring them) per update of a long run, thinning as it goes; then the
curves for a drawing are recomputed ``--repeats`` times, each with another
drawing. The table gives the snapshots the budget holds (*full*) and their
memory, the first recompute (it builds the private network), the median and
worst, the cost per snapshot, the median and worst while another thread trains
a network of the same size (as in the window during a run: both threads share
the BLAS threads), and the snapshots kept after a long run (``--updates``
updates of 1–3 epochs) with the median recompute then. The row marked *weights only* keeps as many snapshots as
64 MiB of weights alone would hold (at most 200): what the budget would cost
without charging each snapshot's forward pass. Then the plot
(:class:`~digitpad.ui.widgets.drawing_history_plot.DrawingHistoryPlot`, 400×200,
headless) at each network's snapshot count, ten classes: ``show_history`` and the
events and repaint it causes, for an update (one epoch more, the x axis fixed to
the run's length), for a new drawing (the same epochs), and for an update with
the run's length unknown (the x axis grows).

    python benchmarks/drawing_history.py [--repeats 50] [--updates 300]

The machine is shared: the header prints the load average; rerun when it is
above ~1 on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import threadpoolctl

from digitpad.inference.drawing_history import PASS_BYTES, WeightHistory
from digitpad.inference.predict import drawing_to_input
from digitpad.model.bundle import Model
from digitpad.nn.network import MLP, NetworkSpec

NETWORKS = (  # (name, sizes, activation, output, loss, input shape, preprocessing, input scale)
    ("8×8 digits default", (64, 32, 10), "relu", "softmax", "cross_entropy", (8, 8), "digits-8x8", 1 / 16),
    ("Too narrow (lab)", (64, 4, 4, 4, 10), "sigmoid", "sigmoid", "bce", (8, 8), "digits-8x8", 1.0),
    ("784-256-128-10", (784, 256, 128, 10), "relu", "softmax", "cross_entropy", (28, 28), "mnist-28", 1 / 255),
    ("784-1024-512-10", (784, 1024, 512, 10), "relu", "softmax", "cross_entropy", (28, 28), "mnist-28", 1 / 255),
)
DEFAULT_BYTES = 64 * 2**20
PLOT_SIZE = (400, 200)


def make_model(sizes, activation, output, loss, shape, preprocessing, scale) -> Model:
    network = MLP(NetworkSpec(sizes, activation, output, loss))
    return Model(network, shape, preprocessing, scale, tuple("0123456789"))


def capacity(model: Model, history: WeightHistory) -> int:
    """The most snapshots ``history`` holds for ``model``'s network: adds (sharing one set of arrays) until
    the first thinning."""
    weights, peak = model.network.get_weights(), 0
    while len(history) == peak:
        history.add(peak, weights)
        peak = max(peak, len(history))
    history.clear()
    return peak


def filled(model: Model, history: WeightHistory, updates: int, rng: np.random.Generator) -> WeightHistory:
    """``history`` after ``updates`` updates of 1–3 epochs each, every one with arrays of its own."""
    base, epoch = model.network.get_weights(), 0
    for _ in range(updates):
        epoch += int(rng.integers(1, 4))
        history.add(epoch, {name: array + np.float32(1e-3 * epoch) for name, array in base.items()})
    return history


def drawings(count: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Random strokes on a 28×28 canvas, ink high."""
    result = []
    for _ in range(count):
        image = np.zeros((28, 28), dtype=np.float32)
        rows, cols = rng.integers(4, 24, 2)
        image[rows:rows + 4, 4:24] = 1.0
        image[4:24, cols:cols + 3] = 1.0
        result.append(image)
    return result


def recompute_ms(model: Model, history: WeightHistory, repeats: int, rng: np.random.Generator
                 ) -> tuple[float, float, float]:
    """(first, median, worst) milliseconds of ``history.probabilities`` for ``repeats`` drawings."""
    inputs = [drawing_to_input(model, drawing) for drawing in drawings(repeats + 1, rng)]
    times = []
    for x in inputs:
        start = time.perf_counter()
        history.probabilities(model.network, x)
        times.append(1000 * (time.perf_counter() - start))
    return times[0], statistics.median(times[1:]), max(times[1:])


@contextmanager
def training(model: Model) -> Iterator[None]:
    """A thread training a network of ``model``'s spec (batches of 128) meanwhile, as a run in the window does."""
    network, rng, stop = MLP(model.network.spec), np.random.default_rng(2), threading.Event()
    x = rng.random((128, network.spec.sizes[0]), dtype=np.float32)
    targets = network.targets(rng.integers(0, network.n_classes, 128))

    def train() -> None:
        while not stop.is_set():
            network.train_step(x, targets)

    thread = threading.Thread(target=train)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def store_table(args) -> list[tuple[str, int]]:
    print(f"\n{'network':<20} {'budget':<12} {'full':>4} {'MB':>5} {'first ms':>8} {'median ms':>9} "
          f"{'worst ms':>8} {'ms/snap':>7} {'training':>8} {'worst':>6} {'after run':>9} {'ms':>5}")
    counts = []
    for name, *spec in NETWORKS:
        model = make_model(*spec)
        snapshot = sum(p.nbytes for _, p, _ in model.network.parameters())
        weights_only = min(200, DEFAULT_BYTES // snapshot)
        for budget, history in (("default", WeightHistory()),
                                ("weights only", WeightHistory(max_bytes=2**62, max_snapshots=weights_only))):
            rng = np.random.default_rng(0)
            full = capacity(model, history)
            filled(model, history, full, rng)  # as many as it holds: nothing thinned yet
            first, median, worst = recompute_ms(model, history, args.repeats, rng)
            with training(model):
                busy, busy_worst = recompute_ms(model, history, args.repeats, rng)[1:]
            megabytes = history.nbytes() / 2**20
            history.clear()
            filled(model, history, args.updates, rng)
            after = recompute_ms(model, history, args.repeats, rng)[1]
            print(f"{name:<20} {budget:<12} {full:>4} {megabytes:>5.1f} {first:>8.2f} {median:>9.2f} {worst:>8.2f} "
                  f"{median / full:>7.3f} {busy:>8.2f} {busy_worst:>6.1f} {len(history):>9} {after:>5.2f}")
            if budget == "default":
                counts.append((name, full))
            del history
    return counts


def plot_table(counts: list[tuple[str, int]], repeats: int) -> None:
    from PySide6.QtWidgets import QApplication

    from digitpad.ui.widgets.drawing_history_plot import DrawingHistoryPlot

    app = QApplication.instance() or QApplication([])
    plot = DrawingHistoryPlot()
    plot.resize(*PLOT_SIZE)
    plot.show()
    app.processEvents()
    names = tuple("0123456789")
    print(f"\nplot {PLOT_SIZE[0]}×{PLOT_SIZE[1]}, ten classes, medians of {repeats}: show_history, then the "
          "events and repaint it causes")
    print(f"{'snapshots of':<20} {'kept':>4} {'update ms':>9} {'+ paint':>7} {'drawing ms':>10} {'+ paint':>7} "
          f"{'no run length':>13} {'+ paint':>7}")
    rng = np.random.default_rng(1)
    for name, kept in counts:
        row = []
        for run_epochs, new_epochs in ((repeats + kept, True), (repeats + kept, False), (None, True)):
            plot.clear(run_epochs)
            app.processEvents()
            shows, paints = [], []
            for i in range(repeats):
                logits = rng.normal(size=(kept, len(names))) * np.linspace(0, 4, kept)[:, None]
                probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
                epochs = np.arange(1, kept + 1) + (i if new_epochs else 0)  # an update: one more epoch
                start = time.perf_counter()
                plot.show_history(epochs, probabilities, names)
                shows.append(1000 * (time.perf_counter() - start))
                start = time.perf_counter()
                app.processEvents()
                paints.append(1000 * (time.perf_counter() - start))
            row += [statistics.median(shows), statistics.median(paints)]
        print(f"{name:<20} {kept:>4} {row[0]:>9.2f} {row[1]:>7.2f} {row[2]:>10.2f} {row[3]:>7.2f} {row[4]:>13.2f} "
              f"{row[5]:>7.2f}")
    plot.close()


def header() -> None:
    blas = ", ".join(f"{info['internal_api']} {info['version']} ({info['num_threads']} threads)"
                     for info in threadpoolctl.threadpool_info() if info["user_api"] == "blas")
    print(f"Python {platform.python_version()}, NumPy {np.__version__}; BLAS: {blas}; cores: {os.cpu_count()}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"budget: {DEFAULT_BYTES // 2**20} MiB, {PASS_BYTES // 2**10} KiB charged per snapshot's pass")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50, help="drawings per network (default 50)")
    parser.add_argument("--updates", type=int, default=300, help="updates of the run filling each history")
    args = parser.parse_args(argv)
    header()
    counts = store_table(args)
    plot_table(counts, args.repeats)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
