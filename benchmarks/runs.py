"""The run history, measured: 10,000 runs listed, a long run's losses on the disk, and what recording costs a run.

    python benchmarks/runs.py [--runs 10000] [--epochs 100] [--batches 100] [--repeats 5] [--mnist DIR]

1. Listing: a database of ``--runs`` runs × ``--epochs`` epochs × ``--batches`` batch losses an epoch (written in
   one transaction, not through a recorder) in a temporary ``DIGITPAD_RUNS_DB``; then ``digitpad runs`` as a
   process (wall time, median of 3), a store's opening (with its marking of interrupted runs), every list
   query (all runs, a filter, each sort) and one run's record for the plots.
2. Size: the pages a 50,000-batch run's losses take in the file, for three epoch lengths.
3. Recording: the same runs with and without a RunRecorder, interleaved, ``--repeats`` each (median); the 8×8
   digits' 256-256 over 40 epochs of 10-20 ms (the worst case: the most epochs a second) and, when MNIST is
   there, 784-256-128 on 12,000 images for 3 epochs. Each epoch's write (``record_epoch``) is timed too.

The window's Runs tab is measured in the real main window (:func:`runs_tab_seconds`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
from finetune import mnist
from handwriting import DEFAULT_MNIST

from digitpad.data import loading
from digitpad.training.prepare import prepare_run
from digitpad.training.reports import EpochStats
from digitpad.training.runs.recorder import RunRecorder
from digitpad.training.runs.schema import LOSSES_PER_PART, MIGRATIONS, SCHEMA_VERSION, connect
from digitpad.training.runs.store import RunStore
from digitpad.training.runs.summary import SORTS, RunFilter
from digitpad.training.settings import RunSettings

REPO = Path(__file__).resolve().parents[1]
LIST_TARGET = 0.5      # seconds for `digitpad runs` with 10,000 runs
SIZE_TARGET = 250_000  # bytes for a 50,000-batch run's losses
COST_TARGET = 0.01     # recording's share of a run


def runs_tab_seconds(db_path: Path, repeats: int = 3) -> tuple[float, float]:
    """In the real main window on the run history at ``db_path``: the seconds its start took, and the median
    seconds from a click on the Runs tab until its list of every run is painted, each time after another
    process changed the history (else showing the tab again reads nothing)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DIGITPAD_RUNS_DB"] = str(db_path)
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTabBar

    from digitpad.ui.app import default_model
    from digitpad.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    model = default_model()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        window = MainWindow(model, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        start = time.perf_counter() - began
        tabs, panel = window.insight_tabs, window.runs_panel
        bar = tabs.findChild(QTabBar)
        times = []
        for i in range(repeats):
            tabs.setCurrentIndex(0)
            app.processEvents()
            with RunStore(db_path) as other:  # as a CLI run recorded meanwhile would: the tab must read it all again
                other.rename(1, f"renamed {i}")
            began = time.perf_counter()
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(panel)).center())
            panel.list.viewport().repaint()
            times.append(time.perf_counter() - began)
        shown = panel.list.model().rowCount()
        window.setWindowModified(False)
        window.close()
    if shown != count_runs(db_path):
        raise SystemExit(f"the Runs tab showed {shown} runs of {count_runs(db_path)}")
    return start, statistics.median(times)


def count_runs(db_path: Path) -> int:
    with RunStore(db_path) as store:
        return store.count()


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- 1. listing ----------------------------------------------------------------------------------------------------
DATASETS = ("mnist", "digits8x8", "mnist", "fashion", "xor", "spiral")
SETUPS = (("train", "quick", ""), ("train", "best", ""), ("train", "", ""), ("lab", "", "xor"),
          ("lab", "", "spiral"), ("finetune", "", ""))
STATUSES = ("completed",) * 6 + ("stopped", "diverged", "interrupted", "failed")


def build(db: Path, n_runs: int, epochs: int, batches: int, seed: int = 0) -> None:
    """``n_runs`` finished runs with every epoch and batch loss, and five "running" ones whose writer is gone."""
    rng = np.random.default_rng(seed)
    settings = json.dumps(RunSettings(dataset="mnist").to_dict())
    now = time.time()
    with RunStore(db) as store:
        db_ = store._db
        db_.execute("BEGIN IMMEDIATE")
        runs, epoch_rows, parts, tags = [], [], [], []
        for i in range(1, n_runs + 1):
            kind, recipe, preset = SETUPS[i % len(SETUPS)]
            status = "running" if i > n_runs - 5 else STATUSES[i % len(STATUSES)]
            best = float(rng.uniform(0.8, 0.99))
            runs.append((i, f"Run {i}", "cli" if i % 3 else "window", kind, recipe, preset, DATASETS[i % 6],
                         f"784-{64 << (i % 4)}-10 relu softmax", settings, epochs, epochs, batches, status,
                         now - (n_runs - i) * 3000.0, now - (n_runs - i) * 3000.0 + 60, float(rng.uniform(1, 600)),
                         best, best, best if i % 2 else None, 999_999, "gone"))
            losses = rng.random(epochs * batches, dtype=np.float32).tobytes()
            size = LOSSES_PER_PART * 4
            parts += [(i, offset // 4, losses[offset:offset + size]) for offset in range(0, len(losses), size)]
            epoch_rows += [(i, e, 0.5, 0.9, 0.4, 0.9, 0.01, 1.5) for e in range(1, epochs + 1)]
            if i % 10 == 0:
                tags.append((i, "keeper"))
            if len(parts) > 50_000:  # a few hundred MB in all: written as it is made
                flush(db_, runs, epoch_rows, parts, tags)
                runs, epoch_rows, parts, tags = [], [], [], []
        flush(db_, runs, epoch_rows, parts, tags)
        db_.execute("COMMIT")
        db_.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def flush(db, runs, epoch_rows, parts, tags) -> None:
    db.executemany("INSERT INTO runs (id, name, front_end, kind, recipe, lab_preset, dataset, data_fingerprint, "
                   "network, settings, epochs, epochs_done, batches_per_epoch, status, message, started, ended, "
                   "seconds, best_val_accuracy, val_accuracy, test_accuracy, metrics, step_changes, app_version, "
                   "pid, process) VALUES (?, ?, ?, ?, ?, ?, ?, 'f', ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, '{}', "
                   "'[]', 'bench', ?, ?)", runs)
    db.executemany("INSERT INTO epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", epoch_rows)
    db.executemany("INSERT INTO batch_losses VALUES (?, ?, ?)", parts)
    db.executemany("INSERT INTO tags VALUES (?, ?)", tags)


def cli_seconds(args: list[str], env: dict) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        out = done.stdout if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
    return statistics.median(times), out


def listing(db: Path, n_runs: int, epochs: int, batches: int) -> None:
    start = time.perf_counter()
    build(db, n_runs, epochs, batches)
    built = time.perf_counter() - start
    print(f"\n{n_runs:,} runs × {epochs} epochs × {batches} batches: built in {built:.0f} s, "
          f"{db.stat().st_size / 1e6:.0f} MB")
    env = os.environ | {"DIGITPAD_RUNS_DB": str(db)}
    rows: list[tuple[str, float | None, str]] = []  # what, seconds, note

    first = time.perf_counter()
    with RunStore(db) as store:
        marked_first = time.perf_counter() - first
        still = len(store.summaries(RunFilter(status="running")))
    rows.append(("RunStore open, marking 5 runs interrupted (first open)", marked_first, ""))
    rows.append(("RunStore open (incl. mark_interrupted)", median_seconds(lambda: RunStore(db).close(), 5), ""))
    seconds, out = cli_seconds(["-m", "digitpad", "runs"], env)
    rows.append(("`digitpad runs` (process, the newest 50 of all)", seconds, _cli_note(out, seconds)))
    seconds, out = cli_seconds(["-m", "digitpad", "runs", "--limit", "0"], env)
    rows.append(("`digitpad runs --limit 0` (process, all)", seconds, _cli_note(out, seconds)))
    seconds, _ = cli_seconds(["-c", "import digitpad.cli.main"], env)
    rows.append(("python -c 'import digitpad.cli.main' (the floor of any command)", seconds, ""))
    with RunStore(db) as store:
        for sort in SORTS:
            rows.append((f"summaries(), all, sort {sort!r}", median_seconds(lambda s=sort: store.summaries(sort=s), 5),
                         f"{len(store.summaries(sort=sort)):,} runs"))
        for label, where in (("dataset mnist", RunFilter(dataset="mnist")),
                             ("recipe:best", RunFilter(setup="recipe:best")),
                             ("text 'keeper' (tag, name, network)", RunFilter(text="keeper")),
                             ("since 30 days, completed", RunFilter(since=time.time() - 30 * 86400,
                                                                     status="completed"))):
            rows.append((f"summaries(), {label}", median_seconds(lambda w=where: store.summaries(w), 5),
                         f"{len(store.summaries(where)):,} runs"))
        rows.append(("summaries(limit=50)", median_seconds(lambda: store.summaries(limit=50), 5), ""))
        rows.append(("record(id) of one run (history, losses downsampled)",
                     median_seconds(lambda: store.record(n_runs // 2), 5), f"{epochs * batches:,} batch losses"))
        rows.append(("batch_losses(id) of one run", median_seconds(lambda: store.batch_losses(n_runs // 2), 5), ""))
    start, tab = runs_tab_seconds(db)
    rows.append(("window: its start, the Runs tab behind another", start, "the bundled model, 1280×800"))
    rows.append(("window: click on the Runs tab until its list of every run is painted", tab,
                 f"{n_runs:,} runs; {'met' if tab < LIST_TARGET else 'MISSED'}"))
    print("| what | seconds | note |")
    print("|---|--:|---|")
    for what, seconds, note in rows:
        print(f"| {what} | {seconds:.4f} | {note} |")
    print(f"\n{still} runs still running after the first open (expected 0).")


def _cli_note(out: str, seconds: float) -> str:
    if out.startswith("exit "):
        return out.replace("|", "/")
    lines = out.count("\n")
    met = "met" if seconds < LIST_TARGET else "MISSED"
    return f"{lines} lines out; target < {LIST_TARGET} s: {met}"


# -- 2. size ---------------------------------------------------------------------------------------------------------
def size(folder: Path) -> None:
    print("\nA 50,000-batch run's losses in the file (pages of the batch_losses table, after a checkpoint)")
    print("| epochs × batches | float32 bytes | bytes in the file | per batch | target < 250 KB |")
    print("|---|--:|--:|--:|---|")
    for epochs, per_epoch in ((100, 500), (500, 100), (30, 1688)):
        db = folder / f"size-{epochs}.db"
        with RunStore(db) as store:
            run_id = store.begin_run(name="long", front_end="cli", kind="train", settings={"dataset": "mnist"},
                                     network="n", epochs=epochs, batches_per_epoch=per_epoch)
            rng = np.random.default_rng(0)
            for epoch in range(epochs):
                store.record_epoch(run_id, EpochStats(epoch, epochs, 0.1, 0.9, 0.1, 0.9, 0.01, 1.0),
                                   rng.random(per_epoch, dtype=np.float32), 1.0)
            store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            stored = store._db.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN "
                                       "(SELECT name FROM sqlite_master WHERE tbl_name = 'batch_losses')").fetchone()[0]
        n = epochs * per_epoch
        print(f"| {epochs} × {per_epoch} | {4 * n:,} | {stored:,} | {stored / n:.2f} | "
              f"{'met' if stored < SIZE_TARGET else 'MISSED'} |")


# -- migration --------------------------------------------------------------------------------------------------
def migration(folder: Path, n_runs: int, epochs: int, batches: int) -> None:
    """A history of schema 2 (one batch-loss blob an epoch) opened by this version: the one-time migration."""
    db = folder / "v2.db"
    connection, _ = connect(db, MIGRATIONS[:2])
    rng = np.random.default_rng(0)
    settings = json.dumps(RunSettings(dataset="mnist").to_dict())
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO runs (id, name, front_end, kind, recipe, lab_preset, dataset, data_fingerprint, network, "
        "settings, epochs, epochs_done, batches_per_epoch, status, message, started, seconds, metrics, step_changes, "
        "app_version, pid, process) VALUES (?, 'r', 'cli', 'train', '', '', 'mnist', '', 'n', ?, ?, ?, ?, "
        "'completed', '', ?, 1, '{}', '[]', 'bench', 1, 'x')",
        [(i, settings, epochs, epochs, batches, float(i)) for i in range(1, n_runs + 1)])
    connection.executemany("INSERT INTO batch_losses VALUES (?, ?, ?)",
                           ((i, e, rng.random(batches, dtype=np.float32).tobytes())
                            for i in range(1, n_runs + 1) for e in range(1, epochs + 1)))
    connection.execute("COMMIT")
    connection.close()
    start = time.perf_counter()
    with RunStore(db) as store:
        seconds = time.perf_counter() - start
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(store.batch_losses(n_runs)) == epochs * batches
    print(f"\nMigration from schema 2 to {SCHEMA_VERSION} of {n_runs:,} runs × {epochs} epochs × {batches} batches "
          f"({n_runs * epochs * batches * 4 / 1e6:.0f} MB of losses), once: {seconds:.2f} s")


# -- 3. recording's cost -----------------------------------------------------------------------------------------
def cost(label: str, settings: RunSettings, source, db: Path, repeats: int) -> None:
    """What recording costs the run: the with/without wall times, and what the training thread itself spends in
    the recorder (making it, handing each epoch to its writer thread, waiting for the writer at the end); the
    writer thread's own writes beside them."""
    rows = {False: [], True: []}
    writes: list[float] = []   # record_epochs, a transaction of the writer thread
    handoffs: list[float] = []  # on_epoch_end, on the training thread
    opens: list[float] = []
    ends: list[float] = []     # on_train_end: the writer's last epochs waited for, then finish_run
    epochs_s: list[float] = []
    for _ in range(repeats):
        for recorded in (False, True):
            run = prepare_run(settings, source)
            callbacks = []
            if recorded:
                start = time.perf_counter()
                recorder = RunRecorder(run, "cli", "bench", path=db)
                opens.append(time.perf_counter() - start)
                recorder.store.record_epochs = _timed(recorder.store.record_epochs, writes)
                recorder.on_epoch_end = _timed(recorder.on_epoch_end, handoffs)
                recorder.on_train_end = _timed(recorder.on_train_end, ends)
                callbacks.append(recorder)
            start = time.perf_counter()
            result = run.fit(callbacks)
            rows[recorded].append(time.perf_counter() - start)
            if recorded:
                assert recorder.error is None, recorder.error
                recorder.close()
            else:
                epochs_s += result.history["seconds"]
    plain, recorded = statistics.median(rows[False]), statistics.median(rows[True])
    on_training_thread = statistics.median(opens) + (sum(handoffs) + sum(ends)) / repeats
    print(f"\n{label}: {repeats} runs each, interleaved; epochs {statistics.median(epochs_s) * 1000:.1f} ms (median)")
    print("| | seconds |")
    print("|---|--:|")
    print(f"| run without recorder (median) | {plain:.3f} |")
    print(f"| run with recorder (median) | {recorded:.3f} |")
    print(f"| difference | {recorded - plain:+.3f} ({(recorded - plain) / plain:+.1%}) |")
    print(f"| a writer thread's transaction (record_epochs), count / median / max | {len(writes) // repeats} a run / "
          f"{statistics.median(writes) * 1000:.2f} ms / "
          f"{max(writes) * 1000:.2f} ms |")
    print(f"| on_epoch_end (the hand-over), median / max | {statistics.median(handoffs) * 1000:.3f} ms / "
          f"{max(handoffs) * 1000:.3f} ms |")
    print(f"| RunRecorder made (store open, begin_run), median | {statistics.median(opens):.4f} |")
    print(f"| on_train_end (the writer waited for, finish_run), median | {statistics.median(ends):.4f} |")
    print(f"| the training thread's recording, per run | {on_training_thread:.4f} "
          f"({on_training_thread / plain:.2%}; target < 1 %: "
          f"{'met' if on_training_thread / plain < COST_TARGET else 'MISSED'}) |")


def _timed(method, into: list[float]):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            into.append(time.perf_counter() - start)
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batches", type=int, default=100, help="batch losses an epoch")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--mnist", type=Path, default=DEFAULT_MNIST, help="folder holding MNIST's IDX files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digitpad-runs-") as tmp:
        folder = Path(tmp)
        os.environ["DIGITPAD_RUNS_DB"] = str(folder / "runs.db")
        os.environ["DIGITPAD_DATA_DIR"] = str(folder / "data")  # never the user's store
        listing(folder / "runs.db", args.runs, args.epochs, args.batches)
        size(folder)
        migration(folder, 1_000, args.epochs, args.batches)
        digits = loading.load("digits8x8", "train")
        cost("digits8x8 64-256-256-10, 40 epochs, into the 10,000-run history",
             RunSettings(dataset="digits8x8", hidden="256,256", epochs=40), digits, folder / "runs.db", args.repeats)
        if (args.mnist / "train-images-idx3-ubyte.gz").is_file():
            source, _ = mnist(args.mnist)
            settings = replace(RunSettings(dataset="mnist", hidden="256,128", epochs=3), subset=12_000)
            cost("MNIST 784-256-128-10, 12,000 images, 3 epochs", settings, source, folder / "runs.db",
                 max(3, args.repeats // 2))
        else:
            print(f"\nMNIST not found in {args.mnist}: its recording cost not measured")


if __name__ == "__main__":
    main()
