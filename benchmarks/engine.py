"""Engine speed: seconds per epoch of the real Trainer on full MNIST, against the matmul peak.

Trains 784-256-128-10 ReLU + softmax cross-entropy (float32) with SGD momentum
and Adam at several batch sizes, one epoch at a time, and prints one row per
(batch, optimizer): the median seconds per epoch, the achieved GFLOP/s
(2·m·n·k per matmul, forward and backward) and that as a share of the plain
NumPy float32 matmul peak measured in the same run, plus Adam's cost relative
to SGD momentum at the same batch size.

    python benchmarks/engine.py [--data DIR] [--repeats 5] [--batches 32 128 512]

``--data`` is a directory holding MNIST's ``train-images-idx3-ubyte(.gz)`` and
``train-labels-idx1-ubyte(.gz)`` (default: ../shared/data/mnist next to the
repository). The machine is shared: compare ratios within one run and note
the load average the header prints.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from digitpad.common.errors import DataError
from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.idx import read_idx
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.training.trainer import Trainer

SIZES = (784, 256, 128, 10)
OPTIMIZERS = (("momentum", 0.05), ("adam", 0.001))
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"


def load_mnist(directory: Path) -> Dataset:
    """The 60,000 training images as a Dataset (uint8, scaled per batch by the trainer)."""
    def find(stem: str) -> Path:
        for name in (stem, stem + ".gz"):
            if (directory / name).exists():
                return directory / name
        sys.exit(f"no {stem}(.gz) in {directory}; pass --data DIR")

    try:
        images = read_idx(find("train-images-idx3-ubyte"))
        labels = read_idx(find("train-labels-idx1-ubyte")).astype(np.int64)
        return Dataset(images.reshape(len(images), -1), labels, (28, 28), 255, DIGIT_NAMES, "mnist")
    except DataError as exc:
        sys.exit(f"cannot load MNIST from {directory}: {exc}")


def flops_per_row(sizes: tuple[int, ...] = SIZES) -> int:
    """Matmul FLOPs per training row: forward x@W, backward xᵀ@g, and g@Wᵀ except into the input."""
    pairs = list(itertools.pairwise(sizes))
    forward = sum(2 * n_in * n_out for n_in, n_out in pairs)
    input_grads = sum(2 * n_in * n_out for n_in, n_out in pairs[1:])
    return 2 * forward + input_grads


def matmul_gflops(m: int, k: int, n: int, min_seconds: float = 0.5) -> float:
    """Best float32 GFLOP/s of ``(m×k) @ (k×n)`` into a preallocated output, over repeated trials."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((m, k), dtype=np.float32)
    b = rng.standard_normal((k, n), dtype=np.float32)
    out = np.empty((m, n), dtype=np.float32)
    np.matmul(a, b, out=out)  # warm-up: thread pool start, page faults
    reps = max(1, int(2e8 / (2 * m * k * n)))
    best, spent = float("inf"), 0.0
    while spent < min_seconds:
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=out)
        dt = time.perf_counter() - t0
        best, spent = min(best, dt / reps), spent + dt
    return 2 * m * k * n / best / 1e9


def epoch_seconds(train: Dataset, batch: int, optimizer: str, lr: float) -> tuple[float, float]:
    """Training seconds of one epoch from fresh weights (seed 0), and that epoch's training loss."""
    net = MLP(NetworkSpec(SIZES), seed=0)
    config = TrainConfig(epochs=1, batch_size=batch, optimizer=optimizer, lr=lr, validation=0.0)
    history = Trainer(net, config).fit(train).history
    return history["seconds"][0], history["train_loss"][0]


def time_batch(train: Dataset, batch: int, repeats: int) -> dict[str, tuple[float, float]]:
    """Median seconds per epoch and the epoch's loss for each optimizer at one batch size.

    The optimizers take turns epoch by epoch, so a burst of load from other
    processes hits both alike and their ratio stays fair.
    """
    seconds: dict[str, list[float]] = {name: [] for name, _ in OPTIMIZERS}
    losses: dict[str, float] = {}
    for _ in range(repeats):
        for name, lr in OPTIMIZERS:
            elapsed, losses[name] = epoch_seconds(train, batch, name, lr)
            seconds[name].append(elapsed)
    return {name: (statistics.median(seconds[name]), losses[name]) for name in seconds}


def blas_name() -> str:
    """The BLAS NumPy uses and its thread count (threadpoolctl when installed, else NumPy's build info)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        threadpool_info = list
    for pool in threadpool_info():
        if pool.get("user_api") == "blas":
            return f"{pool['internal_api']} {pool['version']} ({pool['architecture']}, {pool['num_threads']} threads)"
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except (TypeError, KeyError):
        return "unknown"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def header() -> str:
    return (f"python {platform.python_version()}  numpy {np.__version__}  BLAS {blas_name()}  "
            f"cores {os.cpu_count()}  load average {load_average()}")


def matmul_peaks() -> tuple[float, float]:
    """GFLOP/s of the first layer's forward shape and of a large square product."""
    return matmul_gflops(128, 784, 256), matmul_gflops(2048, 2048, 2048)


def print_table(timings: dict[int, dict[str, tuple[float, float]]], gflop_epoch: float, peak: float) -> None:
    print(f"{'batch':>5}  {'optimizer':<9}  {'s/epoch':>7}  {'GFLOP/s':>7}  {'% peak':>6}  {'vs SGD':>6}  {'loss':>6}")
    for batch, by_name in timings.items():
        sgd_seconds = by_name[OPTIMIZERS[0][0]][0]
        for name, (seconds, loss) in by_name.items():
            rate = gflop_epoch / seconds
            print(f"{batch:>5}  {name:<9}  {seconds:>7.3f}  {rate:>7.1f}  {rate / peak:>6.0%}  "
                  f"{seconds / sgd_seconds:>6.2f}  {loss:>6.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory with MNIST's IDX files")
    parser.add_argument("--repeats", type=int, default=5, help="one-epoch runs per optimizer; the median is reported")
    parser.add_argument("--batches", type=int, nargs="+", default=[32, 128, 512], help="batch sizes to time")
    args = parser.parse_args(argv)
    train = load_mnist(args.data)
    print(header(), flush=True)
    before = matmul_peaks()
    timings = {batch: time_batch(train, batch, args.repeats) for batch in args.batches}
    # Measured before and after the training runs: the better of the two is the machine's real peak.
    layer_peak, square_peak = map(max, zip(before, matmul_peaks()))
    peak = max(layer_peak, square_peak)
    print(f"float32 matmul peak (best of before and after the runs): {layer_peak:.1f} GFLOP/s at "
          f"128×784 @ 784×256, {square_peak:.1f} GFLOP/s at 2048² (peak = {peak:.1f})")
    gflop_epoch = flops_per_row() * len(train) / 1e9
    print(f"{len(train):,} rows, {gflop_epoch:.1f} GFLOP of matmul per epoch, "
          f"median of {args.repeats} one-epoch runs (loss: of that epoch)\n")
    print_table(timings, gflop_epoch, peak)
    print(f"\nload average at the end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
