"""Crash recovery, measured: what a checkpoint costs a run, and a soak of kills at random moments.

    python benchmarks/recovery.py [--mnist DIR] [--kills 20] [--seed 0] [--skip-cost]

1. Cost: the *Best* recipe's network (784-1024-512-10) on 12,000 MNIST images, two epochs with and without
   the recovery checkpoint, interleaved; the table gives each epoch's time and the checkpoint's share.
2. Soak: ``--kills`` training processes (the CLI and the window, alternately) are killed with SIGKILL at a
   random moment; after each, the recovery folder must hold one readable checkpoint or none, never a broken
   file or a leftover temporary one. A CLI run is killed within the time an uninterrupted one takes, a window
   1.5–6 s after it starts (it trains from about 1.5 s on). Every killed CLI run that had a checkpoint is resumed with ``--resume``
   and must end with exactly the weights of the same run never interrupted.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from finetune import mnist
from handwriting import DEFAULT_MNIST

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the tests' helpers (tests/support)
from support.crashes import TRAINING_WINDOW

from digitpad.model.files import load_model
from digitpad.training.prepare import prepare_run
from digitpad.training.recipes import apply_recipe
from digitpad.training.recovery import (
    Checkpointer,
    list_checkpoints,
    recovered_model,
    resume_state,
)
from digitpad.training.reports import Callback
from digitpad.training.settings import RunSettings

CLI_RUN = ["train", "--dataset", "digits8x8", "--hidden", "256,256", "--batch", "8", "--epochs", "40", "--seed", "5"]
class EpochTimes(Callback):
    def __init__(self) -> None:
        self.seconds: list[float] = []

    def on_epoch_end(self, stats) -> None:
        self.seconds.append(stats.seconds)


class TimedCheckpointer(Checkpointer):
    """The real checkpointer, timing each write."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.seconds: list[float] = []

    def on_checkpoint(self, state) -> None:
        start = time.perf_counter()
        super().on_checkpoint(state)
        self.seconds.append(time.perf_counter() - start)


def cost(folder: Path) -> None:
    settings = replace(apply_recipe(RunSettings(dataset="mnist"), "best"), subset=12_000, epochs=2)
    source, _ = mnist(folder)
    rows = []
    for checkpointed in (False, True, False, True):
        run = prepare_run(settings, source)
        times = EpochTimes()
        keeper = TimedCheckpointer(run, "cli", "bench") if checkpointed else None
        start = time.perf_counter()
        run.fit([times, *([keeper] if keeper else [])])
        total = time.perf_counter() - start
        rows.append((checkpointed, total, times.seconds, keeper.seconds if keeper else [],
                     keeper.path.stat().st_size if keeper else 0))
        if keeper:
            keeper.discard()
    print(f"\n{run.network!r}, 12,000 images, 2 epochs")
    print("| checkpoint | run s | epoch s (training) | checkpoint writes s | file MB | share of the run |")
    print("|---|--:|---|---|--:|--:|")
    for checkpointed, total, epochs, writes, size in rows:
        share = f"{sum(writes) / total:.1%}" if checkpointed else "–"
        print(f"| {'yes' if checkpointed else 'no'} | {total:.2f} | {', '.join(f'{s:.2f}' for s in epochs)} | "
              f"{', '.join(f'{s:.3f}' for s in writes) or '–'} | {size / 2**20:.1f} | {share} |")


def soak(kills: int, seed: int) -> None:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="digitpad-soak-"))
    os.environ["DIGITPAD_RECOVERY_DIR"] = str(work / "recovery")
    os.environ["DIGITPAD_DATA_DIR"] = str(work / "data")
    os.environ["DIGITPAD_RUNS_DB"] = str(work / "runs.db")
    start = time.perf_counter()
    reference = subprocess.run([sys.executable, "-m", "digitpad", *CLI_RUN, "-o", "reference.npz"], cwd=work,
                               capture_output=True, text=True, check=False)
    cli_seconds = time.perf_counter() - start
    assert reference.returncode == 0, reference.stderr
    expected = load_model(work / "reference.npz").network.get_weights()
    print(f"\n{kills} kills (seed {seed}); an uninterrupted CLI run takes {cli_seconds:.1f} s")
    print("| # | front end | killed after s | checkpoint found | epochs in it | readable, resumable | leftovers | "
          "resumed to the same weights |")
    print("|--:|---|--:|---|--:|---|---|---|")
    ended_first = 0
    broken = 0
    for kill in range(kills):
        front = "cli" if kill % 2 == 0 else "window"
        args = ([sys.executable, "-m", "digitpad", *CLI_RUN, "-o", "run.npz"] if front == "cli"
                else [sys.executable, "-c", TRAINING_WINDOW])
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
        started = time.time()
        child = subprocess.Popen(args, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.3, cli_seconds) if front == "cli" else rng.uniform(1.5, 6.0)
        time.sleep(delay)
        ended = child.poll() is not None  # a short CLI run may have finished (and saved) before the kill
        child.send_signal(signal.SIGKILL)
        child.wait()
        found, unreadable = list_checkpoints()
        leftovers = sorted(p.name for p in (work / "recovery").glob("*") if p.suffix != ".npz") \
            if (work / "recovery").is_dir() else []
        ok, epochs, same = "–", "–", "–"
        if found:
            entry = found[0]
            model = recovered_model(entry)
            network = model.network
            resume_state(entry, network)
            ok, epochs = "yes", str(entry.epochs_done)
            if front == "cli" and not entry.finished:
                resumed = subprocess.run([sys.executable, "-m", "digitpad", *CLI_RUN, "-o", "run.npz", "--resume"],
                                         cwd=work, capture_output=True, text=True, check=False)
                weights = load_model(work / "run.npz").network.get_weights()
                same = "yes" if resumed.returncode == 0 and all(
                    np.array_equal(weights[k], v) for k, v in expected.items()) else "NO"
            for other in found:
                other.path.unlink(missing_ok=True)
        if unreadable or leftovers or same == "NO" or len(found) > 1:
            broken += 1
        ended_first += ended
        saved = front == "cli" and (work / "run.npz").exists() and (work / "run.npz").stat().st_mtime >= started
        found_text = ("yes" if found else "none (the run had ended)" if ended
                      else "none (its model was saved)" if saved else "none")
        print(f"| {kill + 1} | {front} | {delay:.2f} | {found_text} | {epochs} | "
              f"{ok if not unreadable else 'BROKEN: ' + unreadable[0][1]} | {', '.join(leftovers) or 'none'} | {same} |")
    print(f"\n{broken} of {kills} kills left a broken checkpoint, a leftover file or a resume that differed; "
          f"{ended_first} runs had ended before their kill")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mnist", type=Path, default=DEFAULT_MNIST, help="folder holding MNIST's IDX files")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-cost", action="store_true")
    args = parser.parse_args()
    if not args.skip_cost:
        cost(args.mnist)
    soak(args.kills, args.seed)


if __name__ == "__main__":
    main()
