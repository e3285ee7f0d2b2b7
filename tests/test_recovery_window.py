"""Crash recovery in the window: the offer at start, Recover / Resume / Discard / Later, and what is kept meanwhile.

Faults injected (docs/reliability.md): the window's process killed with
SIGKILL while it trains, then a new window started; a run interrupted after
epoch 2 of 4 and resumed from the offer; a close during training whose
stopped run's end is still queued while "Save it first?" is open.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace

import numpy as np
import pytest
from conftest import quiet_close
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from support.boxes import answer_box
from support.crashes import TRAINING_WINDOW, StopAfter, kill
from test_lab_mistake_files import keys, run_failing_lab, small_softmax_bugs
from test_main_window import LONG_RUN, SMALL_RUN, start

from digitpad.data import loading
from digitpad.model.files import load_model
from digitpad.training.prepare import prepare_run
from digitpad.training.recovery import Checkpointer, list_checkpoints
from digitpad.training.reports import Callback
from digitpad.ui.app import open_window

RUN = replace(SMALL_RUN, epochs=4, validation=0.2)


def interrupted_window_run(epochs_done: int = 2, name: str = "Run 1"):
    """A window run of RUN checkpointed after ``epochs_done`` epochs and never ended (as a kill leaves it)."""
    run = prepare_run(RUN, loading.load("digits8x8", "train"))
    stop = StopAfter(epochs_done)
    trainer = run.trainer([stop, Checkpointer(run, "window", name, min_interval=0.0)])
    stop.trainer = trainer
    trainer.fit(run.train, run.val)
    (entry,), _ = list_checkpoints()
    return entry


def uninterrupted_weights():
    run = prepare_run(RUN, loading.load("digits8x8", "train"))
    run.fit()
    return run.network.get_weights()


@pytest.fixture
def opened(qtbot, settings):
    """Open the window as the app does (open_window), answering the recovery offer with the given button."""
    windows = []

    def open_answering(answer: str | None):
        seen = answer_box(answer) if answer else []
        window = open_window(settings=settings)
        qtbot.addWidget(window, before_close_func=quiet_close)
        windows.append(window)
        if answer:
            qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        return window, seen
    return open_answering


def test_resume_training_from_the_offer_ends_with_the_weights_of_a_run_never_interrupted(opened, qtbot):
    entry = interrupted_window_run()
    window, seen = opened("Resume training")
    question, informative = seen[0].split("\n")
    assert question == "The run Run 1 was interrupted at epoch 2 of 4." and "after epoch 2" in informative
    with qtbot.waitSignal(window.session.finished, timeout=60_000) as done:
        pass
    model, result = done.args
    assert result.status == "completed" and result.epochs_done == 4
    expected = uninterrupted_weights()
    for name, value in expected.items():
        assert np.array_equal(model.network.get_weights()[name], value), name
    assert window.files.model is model and window.isWindowModified()
    assert window.panel.settings() == RUN  # the form shows the settings it trains with
    # The curves start with the two epochs trained before the interruption, as the model's history has them.
    x, y = window.accuracy_plot.train_curve.getData()
    assert list(x) == [1, 2, 3, 4]
    np.testing.assert_allclose(y, [100 * a for a in model.history["train_accuracy"]])
    # Until the model is saved, what it trained is kept as finished, under the same checkpoint.
    (kept,), _ = list_checkpoints()
    assert kept.id == entry.id and kept.finished


def test_recover_the_model_then_save_it_and_nothing_is_left_to_recover(opened, qtbot, tmp_path, monkeypatch):
    entry = interrupted_window_run(3)
    window, _ = opened("Recover the model")
    model = window.files.model
    assert window.isWindowModified() and len(model.history["train_loss"]) == 3 and model.name == "Run 1"
    assert list_checkpoints()[0] == [entry]  # kept while the recovered model is unsaved
    path = tmp_path / "recovered.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    keys(window, qtbot, Qt.Key.Key_S)  # File ▸ Save
    qtbot.waitUntil(lambda: path.exists())
    assert list_checkpoints() == ([], [])
    saved = load_model(path).network.get_weights()
    for name, value in model.network.get_weights().items():
        assert np.array_equal(saved[name], value), name


def test_discard_removes_the_run_and_later_keeps_it(opened, qtbot):
    interrupted_window_run()
    window, _ = opened("Later")
    assert len(list_checkpoints()[0]) == 1 and not window.isWindowModified()
    window.close()
    opened("Discard")
    assert list_checkpoints() == ([], [])


def test_a_cli_run_is_not_offered_in_the_window(opened, qtbot, monkeypatch):
    run = prepare_run(RUN, loading.load("digits8x8", "train"))
    stop = StopAfter(1)
    trainer = run.trainer([stop, Checkpointer(run, "cli", "m.npz", output="/tmp/m.npz")])
    stop.trainer = trainer
    trainer.fit(run.train, run.val)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()))  # no question may open
    window, _ = opened(None)
    qtbot.wait(200)  # the offer is looked for a turn of the event loop after the window shows
    assert asked == [] and not window.isWindowModified()


def test_a_run_that_ended_is_kept_until_its_model_is_saved_or_replaced(window, qtbot):
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        start(window, qtbot, RUN)
    (entry,), _ = list_checkpoints()
    assert entry.finished and entry.epochs_done == 4 and window.isWindowModified()
    window.files.set_model(window.files.model.copy(), None)  # another model (as File ▸ Open makes it)
    assert list_checkpoints() == ([], [])


def test_closing_with_discard_gives_the_finished_run_up(window, qtbot, monkeypatch):
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        start(window, qtbot, RUN)
    assert len(list_checkpoints()[0]) == 1
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Discard)
    assert window.close()
    assert asked == ["The trained model has not been saved. Save it first?"] and list_checkpoints() == ([], [])


def test_a_lab_run_leaves_no_checkpoint(window, qtbot, monkeypatch):
    small_softmax_bugs(monkeypatch)
    model = run_failing_lab(window, qtbot)
    assert model.mistakes and window.session.checkpoint is None and list_checkpoints() == ([], [])


def test_closing_during_training_ignores_the_stopped_runs_end_while_asking_to_save(window, qtbot, tmp_path,
                                                                                   monkeypatch):
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        start(window, qtbot, SMALL_RUN)
    first = window.files.model  # trained, unsaved
    monkeypatch.setattr(window.files, "may_replace_before_training", lambda: True)
    start(window, qtbot, LONG_RUN)
    qtbot.waitUntil(lambda: any(not e.finished for e in list_checkpoints()[0]), timeout=30_000)  # an epoch done
    path = tmp_path / "kept.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        if text.startswith("Stop training"):
            return QMessageBox.StandardButton.Yes
        qtbot.wait(300)  # the stopped run's end, queued before this question, has every chance to arrive
        assert window.files.model is first
        return QMessageBox.StandardButton.Save
    monkeypatch.setattr(QMessageBox, "question", question)
    window.close()
    assert asked == [("Stop training and quit? The epochs trained so far are kept: the next start offers to resume "
                     "the run."), "The trained model has not been saved. Save it first?"]
    saved = load_model(path).network.get_weights()
    for name, value in first.network.get_weights().items():
        assert np.array_equal(saved[name], value), name
    (kept,), _ = list_checkpoints()  # the first run is saved; the stopped one is kept, as the question said
    assert not kept.finished and kept.resumable and kept.settings["epochs"] == LONG_RUN.epochs


def test_a_window_killed_while_training_offers_its_run_at_the_next_start(opened, qtbot):
    child = subprocess.Popen([sys.executable, "-c", TRAINING_WINDOW], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    found: list = []
    while not found and child.poll() is None and time.monotonic() < deadline:
        found, _ = list_checkpoints()
        time.sleep(0.02)
    out = kill(child)
    assert found, f"the window wrote no checkpoint; it said:\n{out}"
    (entry,), unreadable = list_checkpoints()
    assert unreadable == [] and entry.front_end == "window" and not entry.finished
    window, seen = opened("Recover the model")
    assert seen[0].split("\n")[0] == f"The run digits8x8 256-256 relu was interrupted at epoch {entry.epochs_done} of 200."
    assert len(window.files.model.history["train_loss"]) == entry.epochs_done


def test_a_second_run_gives_the_first_runs_model_up(window, qtbot, monkeypatch):
    monkeypatch.setattr(window.files, "may_replace_before_training", lambda: True)  # "Discard" the first
    for _ in range(2):
        with qtbot.waitSignal(window.session.finished, timeout=60_000):
            start(window, qtbot, RUN)
    (entry,), _ = list_checkpoints()
    assert entry.id == window.session.checkpoint.id
    window.files.set_model(window.files.model.copy(), None)
    assert list_checkpoints() == ([], [])


def test_a_run_that_fails_leaves_nothing_to_offer(window, qtbot, monkeypatch):
    class Fails(Callback):
        def on_epoch_end(self, stats) -> None:
            if stats.epoch == 1:
                raise RuntimeError("a bug in the training thread")

    warnings = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: warnings.append(a[2]))
    start(window, qtbot, RUN)
    window.session.worker._trainer.callbacks.append(Fails())
    with qtbot.waitSignal(window.session.failed, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: bool(warnings))
    assert "a bug in the training thread" in warnings[0] and list_checkpoints() == ([], [])
