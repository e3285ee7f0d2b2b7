"""Accuracy against time: each training preset on full MNIST (and Fashion-MNIST), as a user runs it.

Each (preset, dataset) trains in a fresh child process, exactly as
``digitpad train --preset NAME --dataset DATASET`` does: the store's training
images, the default 10 % validation split, the preset's recipe, then the
test accuracy. Printed per row: test accuracy, wall seconds (loading +
training + testing, not Python's start-up), training seconds, peak resident
memory of the child, and the issue's targets with a verdict.

    python benchmarks/accuracy.py [--runs quick:mnist best:mnist best:fashion default:mnist]
                                  [--repeats 1] [--data DIR]

``--data`` holds ``mnist/`` and ``fashion/`` with the standard IDX ``.gz``
files (default: ../shared/data next to the repository); they are imported
into a temporary data store first. The machine is shared: the wall times are
only meaningful when the load average the header prints stays low.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_RUNS = ("default:mnist", "quick:mnist", "best:mnist", "best:fashion")
# (preset, dataset) → (test accuracy at least, wall seconds at most); memory: without / with augmentation.
TARGETS = {("quick", "mnist"): (0.988, 30), ("best", "mnist"): (0.992, 300), ("best", "fashion"): (0.90, 300)}
MEMORY_MB = {False: 300, True: 350}


def child(preset: str, dataset: str) -> dict:
    """Train one preset in this process and return its measurements."""
    from digitpad.data import loading
    from digitpad.training.evaluate import evaluate
    from digitpad.training.prepare import prepare_run
    from digitpad.training.recipes import apply_recipe
    from digitpad.training.settings import RunSettings

    start = time.perf_counter()
    settings = apply_recipe(RunSettings(dataset=dataset), preset)
    prepared = prepare_run(settings)
    result = prepared.fit()
    test = loading.load(dataset, "test")
    accuracy = evaluate(prepared.network, test, prepared.input_scale).accuracy
    return {"accuracy": accuracy, "wall": time.perf_counter() - start, "train": result.seconds,
            "status": result.status, "shift": settings.shift,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_child(preset: str, dataset: str, store_dir: str) -> dict:
    env = dict(os.environ, DIGITPAD_DATA_DIR=store_dir)
    out = subprocess.run([sys.executable, __file__, "--child", preset, dataset], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def import_data(data: Path, datasets: set[str], store_dir: str) -> None:
    os.environ["DIGITPAD_DATA_DIR"] = store_dir
    from digitpad.data import importing
    for name in sorted(datasets):
        files = sorted((data / name).glob("*.gz"))
        if not files:
            sys.exit(f"no {name} IDX files in {data / name}; pass --data DIR")
        importing.import_files(files, name)


def header() -> str:
    from threadpoolctl import threadpool_info
    blas = next((f"{i['internal_api']} {i['version']} ({i['num_threads']} threads)" for i in threadpool_info()
                 if i.get("user_api") == "blas"), "unknown BLAS")
    return (f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()},"
            f" NumPy {np.__version__}, {blas}; load average {os.getloadavg()[0]:.2f}")


def verdict(preset: str, dataset: str, accuracy: float, wall: float, peak: float, shift: int) -> str:
    notes = []
    if (preset, dataset) in TARGETS:
        least, most = TARGETS[preset, dataset]
        notes.append(f"acc ≥ {least:.1%} {'OK' if accuracy >= least else 'MISSED'}")
        notes.append(f"≤ {most} s {'OK' if wall <= most else 'MISSED'}")
    if dataset == "mnist":
        bound = MEMORY_MB[bool(shift)]
        notes.append(f"≤ {bound} MB {'OK' if peak <= bound else 'MISSED'}")
    return "; ".join(notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", nargs="+", default=list(DEFAULT_RUNS), metavar="PRESET:DATASET")
    parser.add_argument("--repeats", type=int, default=1, help="runs per row (median reported)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    runs = [tuple(run.split(":")) for run in args.runs]
    with tempfile.TemporaryDirectory() as store_dir:
        import_data(args.data, {dataset for _, dataset in runs}, store_dir)
        print(header())
        print(f"{'preset':8} {'dataset':8} {'test acc':>8} {'wall s':>7} {'train s':>7} {'peak MB':>7}  targets")
        for preset, dataset in runs:
            results = [run_child(preset, dataset, store_dir) for _ in range(args.repeats)]
            acc, wall, train, peak = (statistics.median(r[key] for r in results)
                                      for key in ("accuracy", "wall", "train", "peak_mb"))
            print(f"{preset:8} {dataset:8} {acc:8.2%} {wall:7.1f} {train:7.1f} {peak:7.0f}  "
                  f"{verdict(preset, dataset, acc, wall, peak, results[0]['shift'])}", flush=True)
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
