"""Lifecycle soak: many start/stop cycles through the real MainWindow, then closing during training, download, save.

Each cycle fills the training form with a long digits8x8 run, presses Train
(``start_training``), waits until the worker exists and has reported progress,
stops it and waits for ``session.finished``. The script watches the OS thread
count (``/proc/self/task``), the background jobs whose thread has not ended (the Job registry),
RSS (``VmRSS``) every ``--every`` cycles, the seconds per cycle and the runs
recorded in the run history (each run adds one; the Runs tab holds none of them in memory); prints a table
and a verdict. Then it closes windows: one while a run trains ("stop
training and quit?" answered Yes); one while MNIST downloads from a slow,
and one from a stalled 127.0.0.1 server; one whose "Save" meets a full disk
mid-write (the close is refused, the old file intact), then has room. Each
must leave the threads at baseline and no partial or temporary file.
Then ``--inside-runs`` runs with Look inside open: each run's end refreshes
the window (its job evaluates the new model); RSS, the networks still alive
(after a full collection) and the live jobs are printed every ``--every-inside``
runs, and must stay flat: no run's network outlives its successor on screen.
Linux only (reads ``/proc``); headless.

    python benchmarks/soak.py [--cycles 200] [--every 20] [--rss-bound-mb 50] [--inside-runs 50]

Exits with status 1 when the verdict fails.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import faulthandler
import functools
import gc
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from unittest import mock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The benchmark uses the tests' helpers (tests/support: the 127.0.0.1 loopback server,
# so it downloads from there only; the run and the measures, so the soak and
# tests/test_lifecycle.py check the same thing). Never the other way round.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import numpy as np
from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from support.faults import disk_full_mid_write, left_in
from support.lifecycle import DOWNLOAD_TIMEOUT_S, RUN, live_jobs, os_threads, rss_mb
from support.loopback import Server, SlowHandler, gz_idx, spec_for

from digitpad.data import registry
from digitpad.data.download import download
from digitpad.model import files as model_file
from digitpad.model.files import load_model
from digitpad.nn.network import MLP
from digitpad.ui.app import default_model
from digitpad.ui.dialogs import dataset_dialogs as dialogs
from digitpad.ui.dialogs.dataset_dialogs import DownloadDialog
from digitpad.ui.main_window import MainWindow

TIMEOUT_S = 30.0


def spin_until(condition, what: str) -> None:
    """Run the event loop (deferred deletes included) until ``condition()`` holds; fail after TIMEOUT_S.

    Polls with a 5 ms timer, so it suits quiet moments only: while a run
    floods the GUI thread with signals, Qt's glib event loop runs timers at
    idle priority and this timer starved for a whole 2.4 s run (about one
    cycle in a few hundred). :class:`FirstProgress` reacts to the run instead.
    """
    deadline = time.monotonic() + TIMEOUT_S
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            faulthandler.dump_traceback()  # every thread's stack: where it hangs
            raise TimeoutError(f"timed out waiting for {what}")
        QTimer.singleShot(5, loop.quit)
        loop.exec()


class FirstProgress(QObject):
    """Does ``act()`` when a run first reports progress (as a user presses Stop on seeing it), keeps its end.

    A QObject's slots, connected for one run only (the window's own slots stay).
    """

    def __init__(self, window: MainWindow, act) -> None:
        super().__init__()
        self.session, self.act = window.session, act
        self.acted, self.status = None, None
        self.session.progressed.connect(self.progressed)
        self.session.finished.connect(self.finished)

    @Slot(object)
    def progressed(self, _progress: object) -> None:
        if self.acted is None:
            self.acted = self.act()

    @Slot(object, object)
    def finished(self, _model: object, result: object) -> None:
        self.status = result.status

    def disconnect_all(self) -> None:
        self.session.progressed.disconnect(self.progressed)
        self.session.finished.disconnect(self.finished)


def one_cycle(window: MainWindow) -> str:
    """Start a run, stop it at its first progress report; return the run's end status."""
    window.panel.set_settings(RUN)
    watch = FirstProgress(window, lambda: window.session.stop() or True)
    window.runs.start_training()
    spin_until(lambda: watch.status is not None, "session.finished")
    watch.disconnect_all()
    window.setWindowModified(False)
    return str(watch.status)


def settle(app: QApplication) -> None:
    """Let every job's thread end and the OS reap it."""
    spin_until(lambda: live_jobs() == 0, "every job thread to end")
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()


def recorded_runs(window: MainWindow) -> int:
    """How many runs the window's run history holds (each cycle's run is recorded)."""
    store = window.runs_panel.store
    return store.count() if store is not None else 0


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
            rows.append((i, os_threads(), live_jobs(), rss_mb(), per_cycle, recorded_runs(window)))
            block_start = now
    totals = {"base_threads": base_threads, "base_rss": base_rss, "statuses": statuses,
              "seconds": time.monotonic() - began}
    return rows, totals


def live_networks() -> int:
    """Networks still alive after a full collection (the window's own, its copies, and any leaked)."""
    gc.collect()
    return sum(isinstance(o, MLP) for o in gc.get_objects())


def soak_look_inside(app: QApplication, window: MainWindow, runs: int, every: int) -> tuple[list[tuple], dict]:
    """Runs with Look inside open, each waited for until the window shows its model; table rows and baseline."""
    one_cycle(window)  # the model is an 8×8 one now: Look inside has its test split
    window.look_inside()
    spin_until(lambda: window.inspect_window is not None and window.inspect_window.isVisible()
               and not window.inspect_window.busy_now, "Look inside to open")
    settle(app)
    base = {"rss": rss_mb(), "networks": live_networks(), "threads": os_threads()}
    rows, began = [], time.monotonic()
    for i in range(1, runs + 1):
        one_cycle(window)
        spin_until(lambda: not window.inspect_window.busy_now, "Look inside to show the run's model")
        if window.inspect_window.windowTitle() != f"Inside {window.files.model.name or 'untitled model'}":
            raise RuntimeError(f"run {i}: Look inside shows {window.inspect_window.windowTitle()!r}")
        if i % every == 0 or i == runs:
            settle(app)
            rows.append((i, rss_mb(), live_networks(), live_jobs(), os_threads()))
    base["seconds"] = time.monotonic() - began
    return rows, base


def report_look_inside(rows: list[tuple], base: dict, rss_bound: float) -> bool:
    """Print the Look inside table and its verdict; return whether it passed."""
    print(f"\nLook inside open, one refresh per run: baseline {base['rss']:.1f} MB RSS, "
          f"{base['networks']} live networks, {base['threads']} OS threads")
    print(f"{'run':>5} {'RSS MB':>8} {'networks':>9} {'live jobs':>9} {'OS threads':>10}")
    for run, rss, networks, jobs, threads in rows:
        print(f"{run:>5} {rss:>8.1f} {networks:>9} {jobs:>9} {threads:>10}")
    last = rows[-1]
    growth = last[1] - base["rss"]
    ok = growth < rss_bound and last[2] <= base["networks"] and last[3] == 0 and last[4] <= base["threads"] + 1
    print(f"{last[0]} runs in {base['seconds']:.1f} s; RSS growth {growth:+.1f} MB (bound {rss_bound:.0f} MB), "
          f"networks {base['networks']} -> {last[2]}: {'OK' if ok else 'LEAK'}")
    return ok


def close_during_training(app: QApplication, window: MainWindow) -> tuple[bool, int]:
    """Close the window mid-run with the quit question answered Yes; return (closed, threads after)."""
    with mock.patch.object(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes):
        window.panel.set_settings(RUN)
        watch = FirstProgress(window, window.close)
        window.runs.start_training()
        spin_until(lambda: watch.acted is not None, "the close")
        watch.disconnect_all()
        closed = watch.acted
    settle(app)
    return closed and not window.session.running, os_threads()


def tiny_mnist(folder: Path) -> dict[str, bytes]:
    """The four MNIST file names, each a small gzip IDX file (30 train, 10 test images)."""
    rng = np.random.default_rng(0)
    files = {}
    for (split, kind), name in registry.FILE_NAMES.items():
        n = 30 if split == "train" else 10
        array = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8) if kind == "images" else np.arange(n) % 10
        files[name] = gz_idx(array.astype(np.uint8), folder / name)
    return files


def download_patches(server: Server, mode: str, shown: list[str]) -> list:
    """MNIST served by ``server`` in ``mode``; "Download" chosen; warnings recorded; reads time out quickly."""
    spec = dataclasses.replace(spec_for(server.files, server.mirror(mode)), name="mnist", title="MNIST")

    def download_button(box: QMessageBox):
        return next(b for b in box.buttons() if b.text() == "Download")

    return [mock.patch.dict(registry.DATASETS, mnist=spec), mock.patch.object(QMessageBox, "exec", lambda box: 0),
            mock.patch.object(QMessageBox, "clickedButton", download_button),
            mock.patch.object(QMessageBox, "warning", lambda *a: shown.append(a[2])),
            mock.patch.object(dialogs, "download", functools.partial(download, timeout=DOWNLOAD_TIMEOUT_S))]


def close_during_download(app: QApplication, window: MainWindow, mode: str, folder: Path) -> dict:
    """Press Train on missing MNIST, let "Download" start, close the window once the server is asked."""
    base, shown, seen = os_threads(), [], {}
    server = Server(tiny_mnist(folder), {})
    server.RequestHandlerClass = SlowHandler
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()

    def close_once_asked() -> None:
        dialog = window.findChild(DownloadDialog)
        if server.hits and dialog is not None and "closed" not in seen:
            seen.update(task=dialog.task, began=time.monotonic())
            seen["closed"] = window.close()
            seen["seconds"] = time.monotonic() - seen["began"]

    poll = QTimer(interval=5)
    poll.timeout.connect(close_once_asked)
    poll.start()
    with contextlib.ExitStack() as patches:
        for patch in download_patches(server, mode, shown):
            patches.enter_context(patch)
        window.panel.set_settings(dataclasses.replace(RUN, dataset="mnist"))
        window.runs.start_training()  # returns once the dialog has gone
        poll.stop()
        complete, other = left_in(registry.dataset_dir("mnist"), server.files)
    server.release.set()  # a stalled handler lets go; the server then stops
    server.shutdown()
    server.server_close()
    settle(app)
    return {"closed": seen.get("closed", False) and not window.isVisible(), "seconds": seen.get("seconds", 0.0),
            "task_ended": "task" in seen and seen["task"].thread.isFinished(), "base": base,
            "threads": os_threads(), "qthreads": live_jobs(), "complete": complete, "other": other,
            "warnings": shown, "trained": window.session.running or window.session.recording.run_id is not None}


def close_during_save(window: MainWindow, folder: Path) -> dict:
    """Close with a modified model and answer Save, first onto a full disk, then with room."""
    path = folder / "model.npz"
    with mock.patch.object(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "")):
        window.files.save()
    old = path.read_bytes()
    weights = {k: v + 0.5 for k, v in window.files.model.network.get_weights().items()}
    window.files.model.network.set_weights(weights)  # as a finished run would have changed it
    window.setWindowModified(True)
    shown: list[str] = []
    with (mock.patch.object(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save),
          mock.patch.object(QMessageBox, "warning", lambda *a: shown.append(a[2]))):
        with mock.patch.object(model_file, "write_npz", disk_full_mid_write):
            refused = not window.close()
        after_failure = {"refused": refused and window.isVisible() and window.isWindowModified(),
                         "intact": path.read_bytes() == old, "others": sorted(p.name for p in folder.iterdir()
                                                                             if p != path)}
        closed = window.close()
    saved = load_model(path).network.get_weights()
    return after_failure | {"warnings": shown, "closed": closed and not window.isVisible(),
                            "saved": all(np.array_equal(saved[k], weights[k]) for k in weights),
                            "left": sorted(p.name for p in folder.iterdir() if p != path)}


def report(rows: list[tuple], totals: dict, rss_bound: float) -> bool:
    """Print the table and the verdict; return whether it passed."""
    print(f"baseline after warm-up: {totals['base_threads']} OS threads, {totals['base_rss']:.1f} MB RSS")
    print(f"{'cycle':>6} {'OS threads':>10} {'live jobs':>9} {'RSS MB':>8} {'s/cycle':>8} {'Runs tab':>8}")
    for cycle, threads, jobs, rss, per, runs in rows:
        print(f"{cycle:>6} {threads:>10} {jobs:>9} {rss:>8.1f} {per:>8.3f} {runs:>8}")
    last = rows[-1]
    growth = last[3] - totals["base_rss"]
    threads_ok = last[1] <= totals["base_threads"] + 1 and last[2] == 0
    statuses_ok = totals["statuses"] <= {"stopped", "completed"}
    print(f"{last[0]} cycles in {totals['seconds']:.1f} s; end statuses: {sorted(totals['statuses'])}")
    print(f"threads: {totals['base_threads']} -> {last[1]} ({'OK' if threads_ok else 'LEAK'}); "
          f"RSS growth {growth:+.1f} MB (bound {rss_bound:.0f} MB: {'OK' if growth < rss_bound else 'TOO MUCH'})")
    return threads_ok and statuses_ok and growth < rss_bound


def report_downloads(app: QApplication, tmp: Path) -> bool:
    """Close during a slow and a stalled download, each in a new window; print one line each."""
    ok = True
    for mode, server in (("slow", "slow server"), ("stall", f"stalled server, {DOWNLOAD_TIMEOUT_S:g} s read timeout")):
        folder = tmp / f"served-{mode}"
        folder.mkdir()
        r = close_during_download(app, new_window(tmp), mode, folder)
        passed = (r["closed"] and r["task_ended"] and r["threads"] <= r["base"] + 1 and r["qthreads"] == 0
                  and not r["other"] and not r["warnings"] and not r["trained"])
        ok &= passed
        print(f"close during download ({server}): closed={r['closed']} in {r['seconds']:.2f} s, download thread "
              f"{'ended' if r['task_ended'] else 'RUNNING'}, OS threads {r['threads']} (baseline {r['base']}), "
              f"files left: {len(r['complete'])} complete, {len(r['other'])} partial/temporary"
              f"{', warnings ' + repr(r['warnings']) if r['warnings'] else ''}: {'OK' if passed else 'FAIL'}")
    return ok


def report_save(tmp: Path) -> bool:
    """Close during a save that meets a full disk, then again with room; print one line."""
    folder = tmp / "models"
    folder.mkdir()
    r = close_during_save(new_window(tmp), folder)
    passed = (r["refused"] and r["intact"] and not r["others"] and len(r["warnings"]) == 1 and r["closed"]
              and r["saved"] and not r["left"])
    print(f"close during save (disk full mid-write): close refused={r['refused']}, old file intact={r['intact']}, "
          f"other files {r['others']}, warnings {len(r['warnings'])}; with room: closed={r['closed']}, "
          f"saved={r['saved']}, other files {r['left']}: {'OK' if passed else 'FAIL'}")
    return passed


def new_window(tmp: Path) -> MainWindow:
    window = MainWindow(default_model(), QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    return window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--every", type=int, default=20, help="measure every this many cycles")
    parser.add_argument("--rss-bound-mb", type=float, default=50.0)
    parser.add_argument("--inside-runs", type=int, default=50, help="runs with Look inside open")
    parser.add_argument("--every-inside", type=int, default=10, help="measure every this many of those runs")
    args = parser.parse_args(argv)
    os.environ["no_proxy"] = os.environ["NO_PROXY"] = "*"  # a proxy must not intercept 127.0.0.1
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DIGITPAD_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["DIGITPAD_RUNS_DB"] = str(Path(tmp) / "runs.db")  # the soak's runs, never the user's history
        app = QApplication.instance() or QApplication(sys.argv)
        window = new_window(Path(tmp))
        rows, totals = soak(app, window, args.cycles, args.every)
        ok = report(rows, totals, args.rss_bound_mb)
        inside_rows, inside_base = soak_look_inside(app, window, args.inside_runs, args.every_inside)
        ok = report_look_inside(inside_rows, inside_base, args.rss_bound_mb) & ok
        window.inspect_window.close()
        closed, after = close_during_training(app, window)
        close_ok = closed and after <= totals["base_threads"] + 1 and live_jobs() == 0
        print(f"close during training: closed={closed}, OS threads {after} "
              f"(baseline {totals['base_threads']}), live jobs {live_jobs()}: {'OK' if close_ok else 'FAIL'}")
        close_ok = report_downloads(app, Path(tmp)) & close_ok
        close_ok = report_save(Path(tmp)) & close_ok
    print("VERDICT:", "PASS" if ok and close_ok else "FAIL")
    return 0 if ok and close_ok else 1


if __name__ == "__main__":
    sys.exit(main())
