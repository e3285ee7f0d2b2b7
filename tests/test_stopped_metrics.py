"""A run stopped in the middle of an epoch records metrics of the weights it ends with, and where it stopped."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from support.runs import StopAt
from test_main_window import LONG_RUN, BatchCounter, start

from digitpad.data import loading
from digitpad.training.evaluate import evaluate
from digitpad.training.prepare import prepare_run
from digitpad.training.reports import Callback
from digitpad.training.settings import RunSettings

RUN = RunSettings(dataset="digits8x8", hidden="32", epochs=3, batch_size=8, lr=0.05, validation=0.2)


@pytest.fixture(scope="module")
def digits():
    return loading.load("digits8x8", "train")


def test_a_stop_mid_epoch_measures_the_weights_at_the_stop_and_says_where(digits):
    run = prepare_run(RUN, digits)
    stop = StopAt(1, 40)
    trainer = run.trainer([stop])
    stop.trainer = trainer
    result = trainer.fit(run.train, run.val)
    assert result.status == "stopped" and result.epochs_done == 1 and result.stopped_at == (2, 41)
    assert result.message == "stopped by the user in epoch 2, after batch 41 (1 full epochs)"
    now = evaluate(run.network, run.val, run.input_scale)
    assert result.final_metrics == {"val_accuracy": now.accuracy, "val_loss": now.loss}
    assert result.final_metrics["val_loss"] != result.history["val_loss"][-1]  # the weights moved since epoch 1


def test_a_stop_at_an_epoch_end_takes_that_epochs_metrics(digits):
    class StopAtEpochEnd(Callback):
        trainer = None

        def on_epoch_end(self, stats) -> None:
            self.trainer.stop()

    run = prepare_run(RUN, digits)
    stop = StopAtEpochEnd()
    trainer = run.trainer([stop])
    stop.trainer = trainer
    result = trainer.fit(run.train, run.val)
    assert result.status == "stopped" and result.stopped_at is None and result.epochs_done == 1
    assert result.message == "stopped by the user after 1 full epochs"
    assert result.final_metrics == {"val_accuracy": result.history["val_accuracy"][-1],
                                    "val_loss": result.history["val_loss"][-1]}


def test_the_window_saves_the_metrics_of_the_weights_it_stopped_with(window, qtbot):
    counter = BatchCounter()
    run = replace(LONG_RUN, validation=0.2)
    start(window, qtbot, run)
    window.session.worker._trainer.callbacks.insert(0, counter)
    qtbot.waitUntil(lambda: counter.n > 1_300, timeout=60_000)  # into epoch 2 (1,149 images, batch 1)
    with qtbot.waitSignal(window.session.finished, timeout=30_000) as done:
        qtbot.mouseClick(window.panel.stop_button, Qt.MouseButton.LeftButton)
    model, result = done.args
    assert result.stopped_at is not None and result.epochs_done >= 1  # a full epoch's metrics to differ from
    epoch, batch = result.stopped_at
    assert model.metrics["stopped_in_epoch"] == epoch and model.metrics["stopped_after_batch"] == batch
    val = prepare_run(run, loading.load("digits8x8", "train")).val  # the same split, rebuilt from the settings
    actual = evaluate(model.network, val, model.input_scale).accuracy
    assert model.metrics["val_accuracy"] == actual
    assert window.files.model is model
