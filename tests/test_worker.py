"""The training worker: every batch loss arrives, throttled; control works from the GUI thread; errors arrive.

Signals are received by :class:`Recorder`, a QObject living in the GUI
thread, as a window would receive them. That matters with PySide6: a slot
that is a lambda or a method of a plain object runs on the *emitting*
thread, so only a QObject's methods show what the GUI thread really gets.
"""

from __future__ import annotations

import itertools
import threading
import weakref

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, QThread, Signal
from threadpoolctl import threadpool_info

from digitpad.common.errors import ConfigError
from digitpad.data import loading
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.training.reports import Callback, StepChange
from digitpad.ui.jobs import training as worker_module
from digitpad.ui.jobs.job import Job
from digitpad.ui.jobs.training import (
    EpochUpdate,
    Progress,
    TrainingWorker,
    start_job,
    step_position,
    step_text,
)


@pytest.fixture(scope="module")
def digits():
    return loading.load("digits8x8", "train"), loading.load("digits8x8", "test")


@pytest.fixture
def launch():
    """``start_job``, with every job cancelled and its thread joined after the test, even a failing one."""
    running = []

    def launch(worker: TrainingWorker) -> Job:
        running.append(start_job(worker))
        return running[-1]

    yield launch
    for job in running:
        job.cancel()
        assert job.wait(5000)


def make_worker(digits, epochs: int, batch_size: int = 8, callbacks=(), **config) -> TrainingWorker:
    train, val = digits
    network = MLP(NetworkSpec((64, 32, 10)), seed=0)
    return TrainingWorker(network, TrainConfig(epochs=epochs, batch_size=batch_size, lr=0.05, **config), train, val,
                          callbacks)


def blas_threads() -> set[int]:
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


class Recorder(QObject):
    """Collects a worker's signals on the GUI thread and re-emits a few for ``qtbot.waitSignal``."""

    got_progress = Signal()
    done = Signal()

    def __init__(self, worker: TrainingWorker, on_first_progress=None) -> None:
        super().__init__()
        self.progress: list[Progress] = []
        self.epochs: list[EpochUpdate] = []
        self.result = self.error = None
        self.wrong_thread = False
        self.step_changes: list[tuple[StepChange, int]] = []  # each with the number of batch losses before it
        self._on_first_progress = on_first_progress
        worker.progressed.connect(self.on_progressed)
        worker.epoch_finished.connect(self.on_epoch_finished)
        worker.finished.connect(self.on_finished)
        worker.errored.connect(self.on_errored)
        worker.step_changed.connect(self.on_step_changed)

    def _check_thread(self) -> None:
        self.wrong_thread |= QThread.currentThread() is not self.thread()

    def on_progressed(self, progress: Progress) -> None:
        self._check_thread()
        self.progress.append(progress)
        if len(self.progress) == 1 and self._on_first_progress:
            self._on_first_progress()
        self.got_progress.emit()

    def on_epoch_finished(self, update: EpochUpdate) -> None:
        self._check_thread()
        self.epochs.append(update)

    def on_finished(self, result) -> None:
        self._check_thread()
        self.result = result
        self.done.emit()

    def on_step_changed(self, change: StepChange) -> None:
        self._check_thread()
        self.step_changes.append((change, len(self.losses())))

    def on_errored(self, message: str) -> None:
        self.error = message
        self.done.emit()

    def losses(self) -> list[float]:
        return [loss for p in self.progress for loss in p.losses]


class CountingSteps:
    """Wraps ``network.train_step`` to count the batches started (written by the worker thread only)."""

    def __init__(self, network: MLP, fail_at: int | None = None) -> None:
        self.started, self._step, self._fail_at = 0, network.train_step, fail_at

    def __call__(self, x, targets):
        self.started += 1
        if self.started == self._fail_at:
            raise RuntimeError(f"boom in batch {self.started}")
        return self._step(x, targets)


def ended(job: Job) -> bool:
    """True once the job's thread has finished."""
    return not job.running


def test_body_runs_synchronously_and_throttles_by_the_clock(digits, monkeypatch):
    ticks = itertools.count()
    monkeypatch.setattr(worker_module, "monotonic", lambda: next(ticks) * 0.001)  # 1 ms per look
    worker = make_worker(digits, epochs=2)
    progress, updates, results, arrived = [], [], [], []
    worker.progressed.connect(progress.append, Qt.ConnectionType.DirectConnection)
    worker.epoch_finished.connect(updates.append, Qt.ConnectionType.DirectConnection)
    worker.progressed.connect(lambda p: arrived.append(("batches", p.epoch)), Qt.ConnectionType.DirectConnection)
    worker.epoch_finished.connect(lambda u: arrived.append(("epochs", [e.epoch for e in u.epochs])),
                                  Qt.ConnectionType.DirectConnection)
    worker.finished.connect(results.append, Qt.ConnectionType.DirectConnection)
    worker.run()
    (result,) = results
    assert result.status == "completed"
    assert [loss for p in progress for loss in p.losses] == result.batch_losses
    n_batches = progress[0].n_batches
    steps = [s for p in progress for s in p.steps]
    assert steps == [e + (b + 1) / n_batches for e in range(2) for b in range(n_batches)]
    # Between epoch ends, a Progress goes out only after THROTTLE_SECONDS of (fake) time: ~100 batches.
    mid_epoch = [p for p in progress[1:] if p.batch != n_batches - 1]
    assert mid_epoch and all(len(p.losses) >= 45 for p in mid_epoch)
    # The first epoch goes out with the next batches (one update, one repaint), the last at once with its own.
    assert arrived[arrived.index(("epochs", [0])) - 1] == ("batches", 1)
    assert arrived[-2:] == [("batches", 1), ("epochs", [1])] and progress[-1].batch == n_batches - 1
    assert [e.epoch for u in updates for e in u.epochs] == [0, 1]
    # An epoch that took longer than the epoch throttle goes at its end, with the batches before it.
    monkeypatch.setattr(worker_module, "EPOCH_THROTTLE_SECONDS", 0.0)
    arrived.clear()
    worker.run()
    assert arrived[arrived.index(("epochs", [0])) - 1] == ("batches", 0)
    last = progress[-1]
    assert (last.epoch, last.batch, last.epochs, last.eta) == (1, n_batches - 1, 2, 0.0)
    freed = weakref.ref(worker)
    del worker
    assert freed() is None  # no reference cycle, so no garbage-collector pass on another thread deletes it


def test_in_its_thread_every_loss_arrives_throttled_with_weight_copies(qtbot, launch, digits):
    epochs = 3
    worker = make_worker(digits, epochs=epochs, batch_size=1)  # ~4300 batches
    recorder = Recorder(worker)
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        thread = launch(worker)
    result = recorder.result
    assert result.status == "completed" and not recorder.wrong_thread
    assert recorder.losses() == result.batch_losses  # no point lost to throttling
    emissions = len(recorder.progress)
    print(f"\n{len(result.batch_losses)} batches in {result.seconds:.2f} s arrived in {emissions} progressed signals")
    # ≤ 1/THROTTLE_SECONDS per second, plus one flush per epoch end, the first batch and the final flush.
    assert emissions <= result.seconds / worker_module.THROTTLE_SECONDS + epochs + 2
    assert emissions < len(result.batch_losses) / 50
    # Every epoch arrives once, in order (an update carries every epoch since the previous one).
    assert [s.epoch for u in recorder.epochs for s in u.epochs] == list(range(epochs))
    final = worker.network.get_weights()
    snapshot = recorder.epochs[-1].weights
    assert all(np.array_equal(snapshot[name], final[name]) for name in final)
    live = {name: p for name, p, _ in worker.network.parameters()}
    assert not any(np.shares_memory(u.weights[name], live[name]) for u in recorder.epochs for name in live)  # copies
    for array in snapshot.values():
        array[...] = 0
    assert all(np.array_equal(p, final[name]) for name, p in worker.network.get_weights().items())
    qtbot.waitUntil(lambda: ended(thread))


def test_many_short_epochs_arrive_in_few_updates(qtbot, launch, digits):
    epochs = 300  # full batch: 300 steps of a few hundred microseconds each
    train, val = digits
    worker = TrainingWorker(MLP(NetworkSpec((64, 16, 10)), seed=0), TrainConfig(epochs=epochs, batch_size=0),
                            train, val)
    recorder = Recorder(worker)
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        launch(worker)
    result = recorder.result
    assert [s.epoch for u in recorder.epochs for s in u.epochs] == list(range(epochs))
    assert len(recorder.epochs) <= result.seconds / worker_module.EPOCH_THROTTLE_SECONDS + 2
    assert len(recorder.epochs) < epochs / 10


def test_pause_and_resume_from_the_gui_thread(qtbot, launch, digits, monkeypatch):
    # Unthrottled, several Progress signals are in flight when the pause lands: they must be held, not shown.
    monkeypatch.setattr(worker_module, "THROTTLE_SECONDS", 0.0)
    epochs = 20
    worker = make_worker(digits, epochs=epochs)
    counter = CountingSteps(worker.network)
    monkeypatch.setattr(worker.network, "train_step", counter)
    at_pause = []
    recorder = Recorder(worker, on_first_progress=lambda: (worker.pause(), at_pause.append(counter.started)))
    thread = launch(worker)
    qtbot.waitUntil(lambda: bool(at_pause))
    assert worker.paused
    with qtbot.waitSignal(recorder.got_progress, raising=False, timeout=300) as blocker:
        pass
    assert not blocker.signal_triggered and len(recorder.progress) == 1, "progress arrived while paused"
    assert counter.started <= at_pause[0] + 1  # the batch running at the pause may finish, no more
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        worker.resume()
    assert recorder.result.status == "completed" and recorder.result.epochs_done == epochs
    assert recorder.losses() == recorder.result.batch_losses  # what was held arrived after the resume
    qtbot.waitUntil(lambda: ended(thread))


def test_stop_from_the_gui_thread_takes_effect_within_a_batch(qtbot, launch, digits, monkeypatch):
    worker = make_worker(digits, epochs=200)
    counter = CountingSteps(worker.network)
    monkeypatch.setattr(worker.network, "train_step", counter)
    at_stop = []
    recorder = Recorder(worker, on_first_progress=lambda: (worker.stop(), at_stop.append(counter.started)))
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        thread = launch(worker)
    result = recorder.result
    assert result.status == "stopped"
    assert len(result.batch_losses) <= at_stop[0] + 1
    assert recorder.losses() == result.batch_losses
    qtbot.waitUntil(lambda: ended(thread))


def test_an_exception_in_training_arrives_as_errored_and_the_thread_ends(qtbot, launch, digits, monkeypatch):
    worker = make_worker(digits, epochs=2)
    monkeypatch.setattr(worker.network, "train_step", CountingSteps(worker.network, fail_at=3))
    recorder = Recorder(worker)
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        thread = launch(worker)
    assert recorder.error == "RuntimeError: boom in batch 3"
    assert recorder.result is None
    assert len(recorder.losses()) == 2  # the batches before the failure were still sent
    qtbot.waitUntil(lambda: ended(thread))


def test_cancel_and_wait_joins_a_running_training_job(qtbot, launch, digits):
    baseline = threading.active_count()
    worker = make_worker(digits, epochs=1000)
    recorder = Recorder(worker)
    with qtbot.waitSignal(recorder.got_progress, timeout=20_000):
        job = launch(worker)
    assert job.running
    job.cancel()
    assert job.wait(5000)
    assert ended(job)
    qtbot.waitUntil(lambda: recorder.result is not None)
    assert recorder.result.status == "stopped"
    job.cancel()
    assert job.wait(5000)  # again, once the thread has ended: still fine
    assert threading.active_count() == baseline


class LearningRates(Callback):
    """Records, on the training thread, the learning rate each batch used, in order."""

    def __init__(self) -> None:
        self.lrs: list[float] = []

    def on_batch_end(self, stats) -> None:
        self.lrs.append(stats.lr)


def test_a_step_change_made_while_paused_arrives_in_order_with_the_batches_after_resume(qtbot, launch, digits,
                                                                                         monkeypatch):
    monkeypatch.setattr(worker_module, "THROTTLE_SECONDS", 0.0)  # every batch its own flush: order is visible
    epochs = 3
    probe = LearningRates()
    worker = make_worker(digits, epochs=epochs, callbacks=[probe], schedule="constant")  # lr 0.05 throughout
    counter = CountingSteps(worker.network)
    monkeypatch.setattr(worker.network, "train_step", counter)
    recorder = Recorder(worker, on_first_progress=worker.pause)
    thread = launch(worker)
    qtbot.waitUntil(lambda: worker.paused)
    qtbot.wait(300)  # the batch running at the pause finishes; then the trainer waits
    done_at_resume = counter.started  # so the first batch after resume has this 0-based index
    worker.change_step(lr=0.01)
    with pytest.raises(ConfigError) as refused:
        worker.change_step(lr=-1.0)
    assert refused.value.field == "lr"
    with qtbot.waitSignal(recorder.got_progress, raising=False, timeout=300) as blocker:
        pass
    assert not blocker.signal_triggered and not recorder.step_changes, "arrived while paused"
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        worker.resume()
    result = recorder.result
    assert result.status == "completed" and not recorder.wrong_thread
    n_batches = recorder.progress[0].n_batches
    assert worker.n_batches == n_batches
    epoch, batch = divmod(done_at_resume, n_batches)
    change = StepChange(epoch, batch, "lr", 0.05, 0.01)
    # Once, with the batches before it already delivered and none of those after it.
    assert recorder.step_changes == [(change, done_at_resume)]
    assert result.step_changes == [change]
    assert recorder.losses() == result.batch_losses  # and every batch after it arrived too
    assert len(result.batch_losses) > done_at_resume
    # The change took effect exactly at that batch.
    assert probe.lrs[:done_at_resume] == [pytest.approx(0.05)] * done_at_resume
    assert probe.lrs[done_at_resume:] == [pytest.approx(0.01)] * (len(probe.lrs) - done_at_resume)
    # The marker goes between the last batch point before the change and the first after it.
    steps = [s for p in recorder.progress for s in p.steps]
    x = worker.step_position(change)
    assert x == step_position(change, n_batches) == epoch + batch / n_batches
    assert steps[done_at_resume - 1] <= x < steps[done_at_resume]
    assert step_text(change) == "lr 0.05 → 0.01"
    qtbot.waitUntil(lambda: ended(thread))


def test_step_changes_during_a_run_arrive_once_each_in_order(qtbot, launch, digits):
    worker = make_worker(digits, epochs=30)
    changes = iter([{"lr": 0.02}, {"weight_decay": 1e-3}, {"lr": 0.02}])  # the last is no change at all

    def next_change():
        values = next(changes, None)
        if values is not None:
            worker.change_step(**values)

    recorder = Recorder(worker)
    recorder.got_progress.connect(next_change)
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        thread = launch(worker)
    result = recorder.result
    assert [(c.setting, c.old, c.new) for c, _ in recorder.step_changes] == [
        ("lr", 0.05, 0.02), ("weight_decay", 0.0, 1e-3)]
    assert [c for c, _ in recorder.step_changes] == result.step_changes
    n_batches = worker.n_batches
    for change, losses_before in recorder.step_changes:
        assert losses_before == change.epoch * n_batches + change.batch  # exactly the batches before it
    qtbot.waitUntil(lambda: ended(thread))


class BlasThreads(Callback):
    """Records, on the training thread, the BLAS thread counts in force at each epoch end."""

    def __init__(self) -> None:
        self.seen: list[set[int]] = []

    def on_epoch_end(self, stats) -> None:
        self.seen.append(blas_threads())


def test_a_run_in_the_window_uses_the_blas_threads_the_cli_uses(qtbot, launch, digits):
    if not blas_threads():
        pytest.skip("threadpoolctl finds no BLAS library in this NumPy")
    before = blas_threads()
    probe = BlasThreads()
    worker = make_worker(digits, epochs=2, callbacks=[probe])
    recorder = Recorder(worker)
    with qtbot.waitSignal(recorder.done, timeout=20_000):
        thread = launch(worker)
    assert probe.seen == [before, before]
    qtbot.waitUntil(lambda: ended(thread))


def test_a_session_prepares_a_run_off_the_gui_thread_even_when_the_data_is_cached(qtbot, monkeypatch):
    from digitpad.training import prepare
    from digitpad.training.settings import RunSettings
    from digitpad.ui.jobs import session as session_module

    on_gui_thread = []

    def recording(function):
        def call(*args, **kwargs):
            on_gui_thread.append((function.__name__, threading.current_thread() is threading.main_thread()))
            return function(*args, **kwargs)
        return call

    monkeypatch.setattr(prepare, "split_validation", recording(prepare.split_validation))
    monkeypatch.setattr(prepare, "MLP", recording(prepare.MLP))
    session = session_module.TrainingSession()
    settings = RunSettings(dataset="digits8x8", hidden="8", epochs=1, batch_size=64)
    try:
        for _ in range(2):  # loaded, then from the cache
            with qtbot.waitSignal(session.finished, timeout=20_000):
                session.start(settings)
        assert on_gui_thread == [("split_validation", False), ("MLP", False)] * 2
        with qtbot.waitSignal(session.refused, timeout=20_000) as refused:  # an error in the split is still a refusal
            session.start(RunSettings(dataset="digits8x8", subset=1, validation=0.5))
        assert refused.args[0].field == "validation" and not session.running
    finally:
        session.shutdown()


def test_a_step_change_while_the_data_loads_is_the_value_the_run_starts_with(qtbot):
    from digitpad.training.settings import RunSettings
    from digitpad.ui.jobs.session import TrainingSession

    session = TrainingSession()
    signalled = []
    session.step_changed.connect(signalled.append)
    try:
        with pytest.raises(RuntimeError):
            session.change_step(lr=0.1)  # no run at all
        session.start(RunSettings(dataset="digits8x8", hidden="8", epochs=2, batch_size=64, optimizer="momentum",
                                  lr=0.05, momentum=0.5))
        with pytest.raises(ConfigError) as refused:
            session.change_step(momentum=1.5)
        assert refused.value.field == "momentum"
        with pytest.raises(ValueError):
            session.change_step(epochs=3)
        session.change_step(lr=0.2)  # the loader is still going: its result can only arrive through the event loop
        with qtbot.waitSignal(session.started, timeout=20_000) as started:
            pass
        assert started.args[0].hyperparameters["lr"] == 0.2
        with qtbot.waitSignal(session.finished, timeout=20_000) as finished:
            pass
        model, result = finished.args
        assert model.hyperparameters["lr"] == 0.2 and model.hyperparameters["momentum"] == 0.5
        assert result.step_changes == [] and model.step_changes == [] and signalled == []
    finally:
        session.shutdown()


def test_a_session_relays_step_changes_and_places_their_markers(qtbot):
    from digitpad.training.settings import RunSettings
    from digitpad.ui.jobs.session import TrainingSession

    session = TrainingSession()
    markers, n_batches = [], []
    session.step_changed.connect(lambda change: markers.append((change, session.step_marker(change))))
    session.progressed.connect(lambda progress: n_batches.append(progress.n_batches))
    try:
        with qtbot.waitSignal(session.started, timeout=20_000):
            session.start(RunSettings(dataset="digits8x8", hidden="8", epochs=400, batch_size=64, lr=0.05))
        session.pause()
        session.change_step(lr=0.01)
        with pytest.raises(ConfigError):
            session.change_step(weight_decay=-1.0)
        with qtbot.waitSignal(session.step_changed, timeout=20_000):
            session.resume()
        session.stop()
        with qtbot.waitSignal(session.finished, timeout=20_000) as finished:
            pass
        model, result = finished.args
        (change, (x, text)), = markers
        assert (change.setting, change.old, change.new) == ("lr", 0.05, 0.01) and result.step_changes == [change]
        assert text == "lr 0.05 → 0.01" and x == change.epoch + change.batch / n_batches[0]
        assert model.step_changes == [{"epoch": change.epoch, "batch": change.batch, "setting": "lr",
                                       "old": 0.05, "new": 0.01}]
    finally:
        session.shutdown()
