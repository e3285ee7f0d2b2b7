"""The training loop: it learns, repeats exactly, stops and pauses within a batch, survives NaN."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from digitpad.common.errors import ConfigError
from digitpad.data import loading
from digitpad.data.dataset import DIGIT_NAMES, Dataset, stratified_split
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.training.evaluate import evaluate
from digitpad.training.prepare import split_validation
from digitpad.training.reports import Callback, StepChange
from digitpad.training.settings import parse_hidden
from digitpad.training.trainer import SHUFFLE_STREAM, Trainer


@pytest.fixture(scope="module")
def digits():
    return loading.load("digits8x8", "train"), loading.load("digits8x8", "test")


def small_net(seed=0, **spec):
    return MLP(NetworkSpec((64, 32, 10), **spec), seed=seed)


class Hook(Callback):
    """Calls ``action(trainer, stats)`` after each batch and counts batches."""

    def __init__(self, action=None):
        self.action, self.batches, self.epochs, self.trainer = action, 0, [], None

    def on_batch_end(self, stats):
        self.batches += 1
        if self.action:
            self.action(self.trainer, stats)

    def on_epoch_end(self, stats):
        self.epochs.append(stats)


def fit(net, config, train, val=None, action=None):
    hook = Hook(action)
    trainer = Trainer(net, config, [hook])
    hook.trainer = trainer
    return trainer.fit(train, val), hook


def test_it_learns_the_8x8_digits(digits):
    train, test = digits
    net = small_net()
    result, hook = fit(net, TrainConfig(epochs=30, batch_size=32, lr=0.1), train, test)
    assert result.status == "completed" and result.epochs_done == 30
    assert evaluate(net, test, 1 / 16).accuracy > 0.95
    assert result.history["train_loss"][-1] < result.history["train_loss"][0] / 5
    assert len(hook.epochs) == 30 and hook.epochs[-1].val_accuracy > 0.95


def test_a_run_repeats_exactly_with_the_same_seed(digits):
    train, _ = digits
    runs = []
    for _ in range(2):
        net = small_net(seed=3)
        result, _ = fit(net, TrainConfig(epochs=2, batch_size=50, optimizer="adam", lr=0.01, seed=3), train)
        runs.append((net.get_weights(), result.batch_losses))
    assert runs[0][1] == runs[1][1]
    for name in runs[0][0]:
        np.testing.assert_array_equal(runs[0][0][name], runs[1][0][name])


def test_stop_takes_effect_within_one_batch(digits):
    train, _ = digits
    stop_at = 3
    result, hook = fit(small_net(), TrainConfig(epochs=5, batch_size=16),
                       train, action=lambda t, s: t.stop() if s.batch == stop_at else None)
    assert result.status == "stopped"
    assert hook.batches == stop_at + 1 and len(result.batch_losses) == stop_at + 1
    assert result.epochs_done == 0 and hook.epochs == []


def test_pause_holds_between_batches_until_resumed(digits):
    train, _ = digits
    paused = threading.Event()

    def pause_once(trainer, stats):
        if stats.epoch == 0 and stats.batch == 2:
            trainer.pause()
            paused.set()

    hook = Hook(pause_once)
    trainer = Trainer(small_net(), TrainConfig(epochs=1, batch_size=16), [hook])
    hook.trainer = trainer
    results = []
    worker = threading.Thread(target=lambda: results.append(trainer.fit(train)))
    worker.start()
    assert paused.wait(10)
    worker.join(timeout=0.3)
    assert worker.is_alive() and hook.batches == 3 and trainer.paused
    trainer.resume()
    worker.join(10)
    assert results[0].status == "completed" and hook.batches == int(np.ceil(len(train) / 16))


class WatchedUnpause(threading.Event):
    """The trainer's "not paused" event, watching the training thread's waits on it: ``parked`` is set when a
    wait times out (the thread polls at the pause), and once ``hold`` is set the waits poll no more, so only
    a ``set()`` (resume, stop) can end the next one within ``HOLD_S``."""

    HOLD_S = 60.0

    def __init__(self) -> None:
        super().__init__()
        self.set()
        self.parked, self.held, self.hold = threading.Event(), threading.Event(), False
        self.woken: list[bool] = []

    def wait(self, timeout=None) -> bool:
        if self.hold:
            timeout = self.HOLD_S
            self.held.set()
        woken = super().wait(timeout)
        self.woken.append(woken)
        if not woken:
            self.parked.set()
        return woken


def test_stop_wakes_a_paused_run(digits):
    train, _ = digits
    pause_after = 2  # batch index

    def pause_once(trainer, stats):
        if stats.batch == pause_after:
            trainer.pause()

    hook = Hook(pause_once)
    trainer = Trainer(small_net(), TrainConfig(epochs=3, batch_size=16), [hook])
    hook.trainer = trainer
    trainer._unpaused = unpause = WatchedUnpause()
    results = []
    worker = threading.Thread(target=lambda: results.append(trainer.fit(train)))
    worker.start()
    assert unpause.parked.wait(10), "the run never held at the pause"
    unpause.hold = True
    assert unpause.held.wait(10)  # it polled the pause again: still parked
    assert worker.is_alive() and trainer.paused and hook.batches == pause_after + 1
    trainer.stop()
    worker.join(10)
    assert not worker.is_alive(), "a stop did not wake the paused run"
    assert unpause.woken[-1] is True  # the stop itself ended the wait
    result = results[0]
    assert result.status == "stopped" and len(result.batch_losses) == pause_after + 1 == hook.batches
    assert result.epochs_done == 0


def test_nan_stops_the_run_and_restores_the_last_good_weights(digits):
    train, _ = digits
    net = small_net()
    snapshot = {}

    class Sabotage(Callback):
        def on_epoch_end(self, stats):
            snapshot.update(net.get_weights())

        def on_batch_end(self, stats):
            if (stats.epoch, stats.batch) == (1, 2):
                net.dense_layers[1].params["W"][0, 0] = np.inf

    result = Trainer(net, TrainConfig(epochs=3, batch_size=32), [Sabotage()]).fit(train)
    assert result.status == "diverged"
    assert "W1 (layer 2)" in result.message and "epoch 2, batch 4" in result.message
    assert result.epochs_done == 1
    for name, p, _ in net.parameters():  # back to the weights at the end of epoch 1
        np.testing.assert_array_equal(p, snapshot[name])


def test_a_too_large_learning_rate_diverges_cleanly(digits):
    train, _ = digits
    net = small_net()
    before = net.get_weights()
    result, _ = fit(net, TrainConfig(epochs=2, batch_size=0, lr=1e30, scale_inputs=False), train)
    assert result.status == "diverged" and "learning rate" in result.message
    for name, p, _ in net.parameters():
        np.testing.assert_array_equal(p, before[name])


def test_batches_keep_images_and_labels_aligned(digits):
    train, _ = digits
    # Encode each label in pixel 0 so every batch can be checked against its targets.
    images = train.images.copy()
    images[:, 0] = train.labels * 10
    coded = Dataset(images, train.labels, (8, 8), 255, DIGIT_NAMES, "coded")
    net = small_net()
    original = net.train_step
    seen = []

    def checking_step(x, targets):
        np.testing.assert_array_equal(np.rint(x[:, 0] * 255 / 10), targets.argmax(axis=1))
        seen.append(len(x))
        return original(x, targets)

    net.train_step = checking_step
    fit(net, TrainConfig(epochs=2, batch_size=100), coded)
    assert sum(seen) == 2 * len(coded)


def test_random_shift_moves_each_training_batch_and_keeps_labels_aligned(digits):
    train, _ = digits
    # One bright pixel per image, at a place given by its label: a shift moves it by at most 1 row and column.
    images = np.zeros_like(train.images)
    images[np.arange(len(train)), 9 + train.labels % 5 + 8 * (2 + train.labels // 5)] = 255
    coded = Dataset(images, train.labels, (8, 8), 255, DIGIT_NAMES, "coded")
    net = small_net()
    original = net.train_step
    moves = set()

    def checking_step(x, targets):
        r, c = np.divmod(x.argmax(axis=1), 8)
        labels = targets.argmax(axis=1)
        moves.update(zip(r - (3 + labels // 5), c - (1 + labels % 5)))
        return original(x, targets)

    net.train_step = checking_step
    first, _ = fit(net, TrainConfig(epochs=2, batch_size=100, shift=4), coded)  # ±4 of 28 px: ±1 on 8×8
    assert moves == {(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)}
    again, _ = fit(small_net(), TrainConfig(epochs=2, batch_size=100, shift=4), coded)
    assert again.batch_losses == first.batch_losses, "a shifted run must repeat exactly with the same seed"


def test_full_batch_means_one_step_per_epoch(digits):
    train, _ = digits
    result, hook = fit(small_net(), TrainConfig(epochs=4, batch_size=0, lr=0.5), train)
    assert hook.batches == 4 and len(result.batch_losses) == 4


@pytest.mark.parametrize("config, match", [
    (TrainConfig(lr=0), "learning rate"), (TrainConfig(lr=-1), "learning rate"),
    (TrainConfig(batch_size=-3), "batch size"), (TrainConfig(batch_size=100_000), "larger than"),
    (TrainConfig(epochs=0), "epochs"), (TrainConfig(optimizer="lbfgs"), "optimizer"),
    (TrainConfig(validation=1.0), "validation"), (TrainConfig(momentum=1.5), "momentum"),
])
def test_invalid_settings_are_refused_before_training(digits, config, match):
    net = small_net()
    before = net.get_weights()
    with pytest.raises(ConfigError, match=match):
        Trainer(net, config).fit(digits[0])
    for name, p, _ in net.parameters():
        np.testing.assert_array_equal(p, before[name])


@pytest.mark.parametrize("text, expected", [("256,128", (256, 128)), (" 64 ", (64,)), ("", ()), ("100;100", (100, 100))])
def test_parse_hidden(text, expected):
    assert parse_hidden(text) == expected


@pytest.mark.parametrize("text", ["abc", "256,-1", "0", "1.5", "10,x"])
def test_parse_hidden_refuses_nonsense(text):
    with pytest.raises(ConfigError, match="hidden layers"):
        parse_hidden(text)


def test_validation_split_is_stratified_and_disjoint(digits):
    train, _ = digits
    rows_train, rows_val = stratified_split(train.labels, 0.2, np.random.default_rng(0))
    assert len(np.intersect1d(rows_train, rows_val)) == 0 and len(rows_train) + len(rows_val) == len(train)
    shares = np.bincount(train.labels[rows_val], minlength=10) / np.bincount(train.labels, minlength=10)
    assert np.all(np.abs(shares - 0.2) < 0.02)
    fit_part, val_part = split_validation(train, 0.2, seed=5)
    assert len(fit_part) + len(val_part) == len(train)


def test_confusion_matrix_counts_every_image(digits):
    _, test = digits
    ev = evaluate(small_net(), test, 1 / 16)
    matrix = ev.confusion(10)
    assert matrix.sum() == len(test) and np.trace(matrix) == round(ev.accuracy * len(test))
    np.testing.assert_array_equal(matrix.sum(axis=1), np.bincount(test.labels, minlength=10))


def test_batches_report_each_layers_gradient_norm_before_the_update(digits):
    train, _ = digits
    net = small_net()
    norms = []

    class Record(Callback):
        def on_batch_end(self, stats):
            norms.append(stats.grad_norms)

    Trainer(net, TrainConfig(epochs=1, batch_size=100, optimizer="adam", lr=0.01), [Record()]).fit(train)
    assert len(norms) == 15 and all(len(n) == 2 and min(n) > 0 for n in norms)


def test_hidden_activations_are_the_outputs_of_each_activation_layer(digits):
    train, _ = digits
    net = small_net(activation="sigmoid")
    acts = net.hidden_activations(train.scaled()[:7])
    assert [a.shape for a in acts] == [(7, 32)] and ((acts[0] > 0) & (acts[0] < 1)).all()


def test_divergence_keeps_the_history_of_the_restored_weights(digits):
    train, _ = digits
    net = small_net()

    class Sabotage(Callback):
        def on_batch_end(self, stats):
            if (stats.epoch, stats.batch) == (2, 1):
                net.dense_layers[0].params["W"][0, 0] = np.nan

    result = Trainer(net, TrainConfig(epochs=4, batch_size=64), [Sabotage()]).fit(train)
    assert result.status == "diverged" and result.epochs_done == 2
    assert all(len(values) == 2 for values in result.history.values())
    assert len(result.batch_losses) > 2 * 23  # the plot keeps the batches up to the failure
    assert "end of epoch 2" in result.message


def test_a_bad_last_update_is_caught_not_reported_as_completed(digits):
    train, _ = digits
    net = small_net()
    before = net.get_weights()
    result, _ = fit(net, TrainConfig(epochs=1, batch_size=0, lr=1e30, optimizer="sgd", scale_inputs=False), train)
    assert result.status == "diverged" and "initial weights" in result.message
    for name, p, _ in net.parameters():
        np.testing.assert_array_equal(p, before[name])


def test_pause_after_stop_does_not_freeze_the_run(digits):
    train, _ = digits
    trainer = Trainer(small_net(), TrainConfig(epochs=50, batch_size=8))
    results = []
    worker = threading.Thread(target=lambda: results.append(trainer.fit(train)))
    worker.start()
    trainer.stop()
    trainer.pause()
    worker.join(10)
    assert not worker.is_alive() and results[0].status == "stopped"


def test_a_stop_in_the_very_last_batch_still_counts_as_completed(digits):
    train, _ = digits
    n_batches = int(np.ceil(len(train) / 100))
    result, _ = fit(small_net(), TrainConfig(epochs=2, batch_size=100), train,
                    action=lambda t, s: t.stop() if (s.epoch, s.batch) == (1, n_batches - 1) else None)
    assert result.status == "completed" and result.epochs_done == 2


def test_training_releases_its_scratch_buffers(digits):
    train, _ = digits
    net = small_net()
    fit(net, TrainConfig(epochs=1, batch_size=0), train)
    assert all(layer._x is None and not layer._buffers for layer in net.dense_layers)


@pytest.mark.parametrize("config, match", [(TrainConfig(lr=1e39), "learning rate"), (TrainConfig(seed=-1), "seed"),
                                           (TrainConfig(shift=-1), "shift"), (TrainConfig(shift=9), "shift")])
def test_more_invalid_settings(config, match):
    with pytest.raises(ConfigError, match=match):
        config.validate()


def test_an_empty_dataset_is_refused_even_at_full_batch(digits):
    with pytest.raises(ConfigError, match="no training images"):
        Trainer(small_net(), TrainConfig(batch_size=0)).fit(digits[0].subset(np.arange(0)))


def test_parse_hidden_refuses_non_ascii_digits():
    with pytest.raises(ConfigError, match="hidden layers"):
        parse_hidden("²")


def test_a_huge_network_is_refused_before_allocating():
    from digitpad.training.settings import RunSettings
    with pytest.raises(ConfigError, match="parameters") as err:
        RunSettings(hidden="50000,50000").validate()
    assert err.value.field == "hidden"


# -- changing the step while training -------------------------------------------
class StepLog(Callback):
    """Records every BatchStats and StepChange in the order the trainer reports them; ``action`` as Hook."""

    def __init__(self, action=None):
        self.action, self.stats, self.events, self.trainer = action, [], [], None

    def on_step_change(self, change):
        self.events.append(change)

    def on_batch_end(self, stats):
        self.stats.append(stats)
        self.events.append((stats.epoch, stats.batch))
        if self.action:
            self.action(self.trainer, stats)


def logged_fit(config, train, action=None, net=None):
    log = StepLog(action)
    trainer = Trainer(net or small_net(), config, [log])
    log.trainer = trainer
    return trainer.fit(train), log


def change_at(epoch, batch, **values):
    """An action that calls change_step(**values) in the on_batch_end of (epoch, batch)."""
    return lambda trainer, stats: trainer.change_step(**values) if (stats.epoch, stats.batch) == (epoch, batch) else None


@pytest.mark.parametrize("at", [(0, 3), (0, 22)], ids=["mid-epoch", "last-batch-of-epoch"])
def test_a_new_learning_rate_applies_from_the_next_batch(digits, at):
    train, _ = digits
    config = TrainConfig(epochs=2, batch_size=64, optimizer="momentum", lr=0.05, schedule="constant")
    n_batches = int(np.ceil(len(train) / 64))
    assert n_batches == 23  # so (0, 22) is the last batch of the first epoch
    result, log = logged_fit(config, train, change_at(*at, lr=0.01))
    k = [(s.epoch, s.batch) for s in log.stats].index(at)
    assert [s.lr for s in log.stats[:k + 1]] == [0.05] * (k + 1)
    assert [s.lr for s in log.stats[k + 1:]] == [0.01] * (len(log.stats) - k - 1)
    first_new = (log.stats[k + 1].epoch, log.stats[k + 1].batch)
    assert first_new == ((0, 4) if at == (0, 3) else (1, 0))
    assert result.step_changes == [StepChange(*first_new, "lr", 0.05, 0.01)]
    # Reported on the training thread before that batch's on_batch_end, after the one before it.
    i = log.events.index(result.step_changes[0])
    assert log.events[i - 1] == at and log.events[i + 1] == first_new
    # The new rate really moved the weights: the same run without the change agrees up to the batch that
    # first used it (its loss is measured before its update) and no further.
    plain, _ = logged_fit(config, train)
    assert plain.batch_losses[:k + 2] == result.batch_losses[:k + 2]
    assert plain.batch_losses[k + 2] != result.batch_losses[k + 2]
    assert result.history["lr"][-1] == 0.01


def test_a_new_learning_rate_rescales_the_schedule(digits):
    train, _ = digits
    config = TrainConfig(epochs=2, batch_size=64, optimizer="sgd", lr=0.1, schedule="cosine")
    _, before = logged_fit(config, train)
    _, after = logged_fit(config, train, change_at(0, 9, lr=0.05))
    for old, new in zip(before.stats, after.stats):
        expected = old.lr if (old.epoch, old.batch) <= (0, 9) else old.lr * 0.5
        assert new.lr == pytest.approx(expected, rel=1e-12)


def test_a_change_made_while_paused_applies_at_the_first_batch_after_resuming(digits):
    train, _ = digits
    paused = threading.Event()

    def pause_once(trainer, stats):
        if (stats.epoch, stats.batch) == (0, 5):
            trainer.pause()
            paused.set()

    log = StepLog(pause_once)
    trainer = Trainer(small_net(), TrainConfig(epochs=1, batch_size=32, lr=0.1, schedule="constant"), [log])
    log.trainer = trainer
    results = []
    worker = threading.Thread(target=lambda: results.append(trainer.fit(train)))
    worker.start()
    assert paused.wait(10)
    worker.join(timeout=0.2)
    assert worker.is_alive() and trainer.paused
    trainer.change_step(lr=0.02, weight_decay=1e-3)  # from this (not the training) thread
    worker.join(timeout=0.2)
    assert len(log.stats) == 6 and not any(isinstance(e, StepChange) for e in log.events)  # held: nothing applied
    trainer.resume()
    worker.join(10)
    result = results[0]
    assert result.status == "completed"
    assert [s.lr for s in log.stats[:6]] == [0.1] * 6 and {s.lr for s in log.stats[6:]} == {0.02}
    assert result.step_changes == [StepChange(0, 6, "lr", 0.1, 0.02), StepChange(0, 6, "weight_decay", 0.0, 1e-3)]


def test_momentum_turned_on_mid_run_changes_plain_sgd_into_momentum(digits):
    train, _ = digits
    base = {"epochs": 1, "batch_size": 64, "lr": 0.05, "schedule": "constant"}
    sgd, _ = logged_fit(TrainConfig(optimizer="sgd", **base), train)
    # A momentum optimizer with momentum 0 is plain SGD, exactly ...
    zero, _ = logged_fit(TrainConfig(optimizer="momentum", momentum=0.0, **base), train)
    assert zero.batch_losses == sgd.batch_losses
    # ... until momentum turns on. Its velocity starts from zero, so the first update with it (batch 5's) is
    # still SGD's (v = g); from batch 6's on the updates differ, seen in the loss of batch 7.
    net = small_net()
    switched, _ = logged_fit(TrainConfig(optimizer="momentum", momentum=0.0, **base), train,
                             change_at(0, 4, momentum=0.9), net=net)
    assert switched.step_changes == [StepChange(0, 5, "momentum", 0.0, 0.9)]
    assert switched.batch_losses[:7] == sgd.batch_losses[:7]
    assert switched.batch_losses[7] != sgd.batch_losses[7]
    # Replaying the run by hand gives the same weights: SGD for batches 0-4, then v ← 0.9v + g from v = 0.
    replay, order = small_net(), np.random.default_rng([0, SHUFFLE_STREAM]).permutation(len(train))
    velocity = None
    for b in range(int(np.ceil(len(train) / 64))):
        rows = order[b * 64:(b + 1) * 64]
        x = (train.images[rows] * np.float32(1 / train.max_value)).astype(replay.dtype)
        replay.train_step(x, replay.targets(train.labels[rows]))
        params = replay.parameters()
        if b >= 5:
            velocity = velocity or [np.zeros_like(p) for _, p, _ in params]
            for v, (_, p, g) in zip(velocity, params):
                v *= 0.9
                v += g
                p -= np.float32(0.05) * v
        else:
            for _, p, g in params:
                p -= np.float32(0.05) * g
    for name, p in net.get_weights().items():
        np.testing.assert_allclose(p, replay.get_weights()[name], rtol=1e-5, atol=1e-6, err_msg=name)


def test_momentum_changes_are_recorded_but_do_not_move_plain_sgd(digits):
    train, _ = digits
    config = TrainConfig(epochs=1, batch_size=64, optimizer="sgd", lr=0.05, schedule="constant")
    plain, _ = logged_fit(config, train)
    changed, _ = logged_fit(config, train, change_at(0, 2, momentum=0.5))
    assert changed.batch_losses == plain.batch_losses
    assert changed.step_changes == [StepChange(0, 3, "momentum", 0.9, 0.5)]


def test_a_weight_decay_change_takes_effect(digits):
    train, _ = digits
    config = TrainConfig(epochs=1, batch_size=64, optimizer="adam", lr=0.01, schedule="constant")
    plain, _ = logged_fit(config, train)
    changed, _ = logged_fit(config, train, change_at(0, 2, weight_decay=0.05))
    assert changed.batch_losses[:4] == plain.batch_losses[:4] and changed.batch_losses[4] != plain.batch_losses[4]
    assert changed.step_changes == [StepChange(0, 3, "weight_decay", 0.0, 0.05)]


def test_several_changes_before_a_batch_merge_and_a_no_change_is_not_recorded(digits):
    train, _ = digits

    def twice(trainer, stats):
        if (stats.epoch, stats.batch) == (0, 1):
            trainer.change_step(lr=0.3)
            trainer.change_step(lr=0.2, momentum=0.9)  # momentum as it is: not a change

    result, log = logged_fit(TrainConfig(epochs=1, batch_size=128, lr=0.1, schedule="constant"), train, twice)
    assert result.step_changes == [StepChange(0, 2, "lr", 0.1, 0.2)]
    assert log.stats[2].lr == 0.2


@pytest.mark.parametrize("values, field", [
    ({"lr": 0}, "lr"), ({"lr": -0.1}, "lr"), ({"lr": float("nan")}, "lr"), ({"lr": float("inf")}, "lr"),
    ({"lr": 1e31}, "lr"), ({"momentum": 1.0}, "momentum"), ({"momentum": -0.1}, "momentum"),
    ({"momentum": float("nan")}, "momentum"), ({"weight_decay": -1e-4}, "weight_decay"),
    ({"weight_decay": float("inf")}, "weight_decay"), ({"lr": "0.1"}, "lr"), ({"lr": True}, "lr"),
    ({"lr": 0.01, "momentum": 2.0}, "momentum"),
])
def test_an_invalid_change_is_refused_and_changes_nothing(digits, values, field):
    train, _ = digits
    errors = []

    def bad_change(trainer, stats):
        if (stats.epoch, stats.batch) == (0, 2):
            with pytest.raises(ConfigError) as info:
                trainer.change_step(**values)
            errors.append(info.value)

    config = TrainConfig(epochs=1, batch_size=128, lr=0.1, schedule="constant")
    result, log = logged_fit(config, train, bad_change)
    assert len(errors) == 1 and errors[0].field == field
    assert result.step_changes == [] and {s.lr for s in log.stats} == {0.1}
    plain, _ = logged_fit(config, train)
    assert result.batch_losses == plain.batch_losses


def test_only_the_step_settings_can_change():
    trainer = Trainer(small_net(), TrainConfig())
    with pytest.raises(ValueError, match="batch_size"):
        trainer.change_step(lr=0.01, batch_size=32)
    with pytest.raises(ValueError, match="epochs"):
        trainer.change_step(epochs=3)


def test_a_diverged_run_keeps_the_changes_of_the_restored_epochs(digits):
    train, _ = digits
    net = small_net()

    def change_then_break(trainer, stats):
        if stats.batch == 3:
            trainer.change_step(lr=0.01 * (stats.epoch + 1))
        if (stats.epoch, stats.batch) == (1, 6):
            net.dense_layers[0].params["W"][0, 0] = np.nan

    result, _ = logged_fit(TrainConfig(epochs=3, batch_size=64, schedule="constant"), train, change_then_break, net)
    assert result.status == "diverged" and result.epochs_done == 1
    assert result.step_changes == [StepChange(0, 4, "lr", 0.05, 0.01)]


def test_the_model_of_a_run_keeps_its_changes(digits):
    from digitpad.training.prepare import prepare_run
    from digitpad.training.settings import RunSettings

    run = prepare_run(RunSettings(dataset="digits8x8", hidden="16", epochs=1, batch_size=64, lr=0.05,
                                  schedule="constant"))
    log = StepLog(change_at(0, 1, lr=0.02))
    trainer = run.trainer([log])
    log.trainer = trainer
    model = run.model(trainer.fit(run.train, run.val))
    assert model.step_changes == [{"epoch": 0, "batch": 2, "setting": "lr", "old": 0.05, "new": 0.02}]
    assert "lr 0.05 → 0.02 from epoch 1 batch 3" in model.summary()
