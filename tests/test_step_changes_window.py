"""Changing the learning rate while a run trains, as a learner does it in the window: pause, type, resume."""

from __future__ import annotations

from PySide6.QtCore import Qt
from support.keys import type_into

from digitpad.model.files import load_model
from digitpad.training.reports import Callback, StepChange
from digitpad.training.settings import RunSettings

RUN = RunSettings(dataset="digits8x8", hidden="16", epochs=300, batch_size=32, lr=0.05, schedule="constant",
                  validation=0.0)


class BatchRates(Callback):
    """Every batch's (epoch, batch, learning rate), as the optimizer used it, recorded on the training thread."""

    def __init__(self):
        self.seen: list[tuple[int, int, float]] = []

    def on_batch_end(self, stats):
        self.seen.append((stats.epoch, stats.batch, stats.lr))




def test_a_learning_rate_typed_while_paused_is_used_from_the_next_batch_and_kept(window, qtbot, tmp_path,
                                                                                 monkeypatch):
    window.panel.set_settings(RUN)
    with qtbot.waitSignal(window.session.started, timeout=10_000):
        qtbot.mouseClick(window.panel.train_button, Qt.MouseButton.LeftButton)
    rates = BatchRates()
    window.session.worker._trainer.callbacks.insert(0, rates)
    qtbot.waitUntil(lambda: len(rates.seen) > 20)
    qtbot.mouseClick(window.panel.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.worker.paused)
    qtbot.wait(300)  # the batch in flight when Pause was clicked ends; no other starts
    done = len(rates.seen)
    assert window.panel.lr_spin.isEnabled() and not window.panel.hidden_edit.isEnabled()
    type_into(window.panel.lr_spin, "0.01")
    qtbot.wait(200)
    assert len(rates.seen) == done  # still paused
    with qtbot.waitSignal(window.session.step_changed, timeout=10_000) as changed:
        qtbot.mouseClick(window.panel.pause_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.session.finished, timeout=20_000) as finished:
        window.session.stop()
    model, result = finished.args
    first_after = rates.seen[done]
    assert changed.args[0] == StepChange(first_after[0], first_after[1], "lr", 0.05, 0.01)
    assert result.step_changes == [changed.args[0]]
    assert {lr for _, _, lr in rates.seen[:done]} == {0.05}  # the old rate up to the pause ...
    assert {lr for _, _, lr in rates.seen[done:]} == {0.01}  # ... the new one from the first batch after it
    # What the learner sees: a marker where the change took effect, and the status line.
    (x, text), = window.loss_plot.step_markers()
    assert text == "lr 0.05 → 0.01"
    assert first_after[0] <= x <= first_after[0] + 1
    # ... and the change is saved with the model.
    path = tmp_path / "changed.npz"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))
    assert window.files.save()
    assert load_model(path).step_changes == [{"epoch": first_after[0], "batch": first_after[1], "setting": "lr",
                                              "old": 0.05, "new": 0.01}]
    assert window.files.model is model
