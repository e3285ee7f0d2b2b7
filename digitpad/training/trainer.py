"""The one training loop the CLI and the GUI share.

``Trainer.fit`` runs mini-batch gradient descent and reports through plain
callbacks. Stop and pause are flags checked between mini-batches, so either
takes effect within one batch, from any thread; so is :meth:`Trainer.change_step`,
which changes the learning rate, momentum or weight decay from the next
mini-batch on (and the result records each change). If the loss turns NaN or
infinite the run stops, the weights of the last good epoch come back, and the
result says which layer went bad.

At each epoch end a callback that asks for it (``wants_state``) receives a
:class:`TrainState`: everything the rest of the run depends on, so
``fit(..., resume=state)`` continues it and ends with the same weights, bit
for bit, as the run that was never interrupted. The shuffling and shifting
generator is its own stream of the seed (:data:`SHUFFLE_STREAM`), apart from
the weights' initialisation and the validation split, so continuing it needs
only its state.
"""

from __future__ import annotations

import math
import numbers
import threading
import time
from collections.abc import Callable

import numpy as np

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.data.augment import random_shift, scaled_shift
from digitpad.data.dataset import Dataset
from digitpad.model.bundle import MAX_STEP_CHANGES, STEP_SETTINGS
from digitpad.nn.network import MLP
from digitpad.nn.optim import MOMENTUM_OPTIMIZERS, make_optimizer, scheduled_lr
from digitpad.training.config import TrainConfig
from digitpad.training.evaluate import evaluate
from digitpad.training.reports import BatchStats, Callback, EpochStats, StepChange, TrainResult, TrainState

# Picks one batch's (image rows, label rows) from the epoch's shuffled order, start and stop.
BatchRows = Callable[[np.ndarray, int, int], tuple[np.ndarray, np.ndarray]]


def aligned_batch(order: np.ndarray, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows of one batch for the images and for the labels: the same index array,
    so X and y can never fall out of step."""
    rows = order[start:stop]
    return rows, rows


# Streams of a run's seed: the weights use the seed itself (MLP), the validation split [seed, 1]
# (prepare.split_validation), shuffling and shifting [seed, SHUFFLE_STREAM].
SHUFFLE_STREAM = 2


class Trainer:
    """Trains ``network`` in place with the settings of ``config``.

    ``batch_rows(order, start, stop) -> (image_rows, label_rows)`` picks each
    batch from the epoch's shuffled ``order``; only the learning lab's
    deliberate mistakes replace :func:`aligned_batch`.
    """

    def __init__(self, network: MLP, config: TrainConfig, callbacks: list[Callback] | tuple = (),
                 batch_rows: BatchRows = aligned_batch) -> None:
        self.network, self.config, self.callbacks = network, config, list(callbacks)
        self.batch_rows = batch_rows
        self._stop = threading.Event()
        self._unpaused = threading.Event()
        self._unpaused.set()
        # change_step (any thread) and the loop (training thread) share these under the lock.
        self._step_lock = threading.Lock()
        self._pending: dict[str, float] = {}
        self._step = {key: float(getattr(config, key)) for key in STEP_SETTINGS}  # the values in effect
        self._n_changes = 0

    # -- control from any thread ----------------------------------------
    def stop(self) -> None:
        self._stop.set()
        self._unpaused.set()  # a paused run must wake up to see the stop

    def pause(self) -> None:
        """Hold before the next batch; a stop still ends a paused run at once."""
        self._unpaused.clear()

    def resume(self) -> None:
        self._unpaused.set()

    @property
    def paused(self) -> bool:
        return not self._unpaused.is_set()

    def change_step(self, **values: float) -> None:
        """Change ``lr``, ``momentum`` and/or ``weight_decay`` from the next mini-batch on.

        Callable from any thread, while the run trains or is paused (a change
        made while paused applies to the first batch after resuming). ``lr``
        becomes the schedule's base learning rate: the schedule goes on from
        where it is with the new base. ``momentum`` only moves the
        ``momentum`` and ``nesterov`` optimizers. Raises ValueError for any
        other key and ConfigError (naming the setting) for a value
        TrainConfig would refuse; then nothing changes. Changing a setting to
        the value in effect is not a change and is not recorded.
        """
        new = checked_step(values)
        with self._step_lock:
            pending = self._pending | new
            # A change beyond the bound could not be saved with the model.
            if self._n_changes + sum(pending[k] != self._step[k] for k in pending) > MAX_STEP_CHANGES:
                raise ConfigError(QT_TRANSLATE_NOOP("Trainer", "a run can record at most {limit:,} changes")
                                  .fill(limit=MAX_STEP_CHANGES), next(iter(new), "lr"))
            self._pending = pending

    def _apply_step_changes(self, epoch: int, batch: int, optimizer, result: TrainResult) -> None:
        """At the top of a batch: put pending changes into effect, record and report them."""
        with self._step_lock:
            if not self._pending:
                return
            pending, self._pending = self._pending, {}
            changes = [StepChange(epoch, batch, key, self._step[key], value)
                       for key, value in pending.items() if value != self._step[key]]
            self._step.update(pending)
            self._n_changes += len(changes)
        for change in changes:
            if change.setting == "weight_decay":
                optimizer.weight_decay = change.new
            elif change.setting == "momentum" and self.config.optimizer in MOMENTUM_OPTIMIZERS:
                optimizer.momentum = change.new
            # lr: the loop reads self._step["lr"] as the schedule's base.
            result.step_changes.append(change)
            for cb in self.callbacks:
                cb.on_step_change(change)

    # -- the loop ---------------------------------------------------------
    def fit(self, train: Dataset, val: Dataset | None = None, resume: TrainState | None = None) -> TrainResult:
        """Train for ``config.epochs`` epochs (or until stopped); returns what happened.

        With ``resume`` (from :meth:`Callback.on_checkpoint` of a run with the same
        config and data) the run goes on after its epoch ``resume.epochs_done``.
        """
        # Overflow is expected when a run diverges; the NaN guard below deals with it.
        with np.errstate(over="ignore", invalid="ignore"):
            return self._fit(train, val, resume)

    def _fit(self, train: Dataset, val: Dataset | None, resume: TrainState | None) -> TrainResult:
        cfg, net = self.config, self.network
        cfg.validate(len(train))
        scale = input_scale(train, cfg)
        rng = np.random.default_rng([cfg.seed, SHUFFLE_STREAM])
        batch = cfg.batch_size or len(train)
        optimizer = make_optimizer(cfg.optimizer, [(p, g, name.startswith("W")) for name, p, g in net.parameters()],
                                   cfg.lr, cfg.momentum, cfg.weight_decay)
        x_buffer = np.empty((batch, train.n_features), dtype=net.dtype)
        result = TrainResult("completed", "", 0)
        with self._step_lock:  # a fresh run starts from its config; changes asked for before it still apply
            self._step, self._n_changes = {key: float(getattr(cfg, key)) for key in STEP_SETTINGS}, 0
        first_epoch, earlier_seconds = 0, 0.0
        if resume is not None:
            result, earlier_seconds = self._restore(resume, rng, optimizer), resume.result.seconds
            first_epoch = resume.epochs_done
        result.say(QT_TRANSLATE_NOOP("Trainer", "trained for {epochs} epochs").fill(epochs=cfg.epochs))
        # Good weights: the latest whose loss is known to be finite (checked at each epoch end).
        good_weights, good_epochs = net.get_weights(), first_epoch
        start = time.perf_counter() - earlier_seconds
        try:
            for epoch in range(first_epoch, cfg.epochs):
                epoch_start = time.perf_counter()
                loss_sum, correct, seen, last = self._epoch(epoch, train, scale, rng, batch, optimizer, x_buffer,
                                                            result, start)
                if seen < len(train):  # stopped mid-epoch
                    break
                stats = self._end_epoch(epoch, loss_sum / seen, correct / seen, val, scale, optimizer.lr,
                                        time.perf_counter() - epoch_start, result)
                self._check_epoch_end(epoch, stats, last)
                good_weights, good_epochs = net.get_weights(), epoch + 1
                for cb in self.callbacks:
                    cb.on_epoch_end(stats)
                self._checkpoint(epoch + 1, good_weights, optimizer, rng, result, start)
                if self._stop.is_set():
                    break
        except _NonFinite as bad:
            self._diverged(result, bad.text, good_weights, good_epochs)
        if result.status == "completed" and result.epochs_done < cfg.epochs:
            self._stopped(result, len(result.batch_losses) - result.epochs_done * math.ceil(len(train) / batch))
        result.final_metrics = self._final_metrics(result, val, scale)
        net.release_buffers()
        result.seconds = time.perf_counter() - start
        for cb in self.callbacks:
            cb.on_train_end(result)
        return result

    def _restore(self, state: TrainState, rng: np.random.Generator, optimizer) -> TrainResult:
        """Put the network, the optimizer, the generator and the settings in effect back as ``state`` has them;
        the result so far (a copy, so ``state`` can serve again)."""
        self.network.set_weights(state.weights)
        optimizer.load_state(state.optimizer)
        rng.bit_generator.state = state.rng
        with self._step_lock:
            self._step = dict(state.step)
            self._n_changes = len(state.result.step_changes)
            self._pending = state.pending | self._pending  # what was asked for since still goes on top
        optimizer.weight_decay = state.step["weight_decay"]
        if self.config.optimizer in MOMENTUM_OPTIMIZERS:
            optimizer.momentum = state.step["momentum"]
        return state.result.copy()

    def _checkpoint(self, epochs_done: int, weights: dict[str, np.ndarray], optimizer, rng: np.random.Generator,
                    result: TrainResult, start: float) -> None:
        wanting = [cb for cb in self.callbacks if cb.wants_state]
        if not wanting:
            return
        with self._step_lock:
            step, pending = dict(self._step), dict(self._pending)
        so_far = result.copy(seconds=time.perf_counter() - start)
        state = TrainState(epochs_done, weights, optimizer.state(), rng.bit_generator.state, step, so_far, pending)
        for cb in wanting:
            cb.on_checkpoint(state)

    def _stopped(self, result: TrainResult, batches_into_epoch: int) -> None:
        """Say where the user's stop came: after a whole epoch, or in the middle of one."""
        result.status = "stopped"
        if batches_into_epoch <= 0:
            result.say(QT_TRANSLATE_NOOP("Trainer", "stopped by the user after {epochs} full epochs")
                       .fill(epochs=result.epochs_done))
            return
        result.stopped_at = (result.epochs_done + 1, batches_into_epoch)
        result.say(QT_TRANSLATE_NOOP("Trainer", "stopped by the user in epoch {epoch}, after batch {batch} "
                                     "({epochs} full epochs)")
                   .fill(epoch=result.epochs_done + 1, batch=batches_into_epoch, epochs=result.epochs_done))

    def _final_metrics(self, result: TrainResult, val: Dataset | None, scale: float) -> dict[str, float]:
        """Validation metrics of the weights the network now holds: the last epoch's, unless it moved since."""
        if val is None or not len(val):
            return {}
        history = result.history
        if result.stopped_at is None and result.epochs_done and len(history.get("val_loss", ())) >= result.epochs_done:
            return {"val_accuracy": history["val_accuracy"][-1], "val_loss": history["val_loss"][-1]}
        ev = evaluate(self.network, val, scale)
        return {"val_accuracy": ev.accuracy, "val_loss": ev.loss}

    def _epoch(self, epoch: int, train: Dataset, scale: float, rng: np.random.Generator, batch: int, optimizer,
               x_buffer: np.ndarray, result: TrainResult, start: float) -> tuple[float, int, int, tuple]:
        """One pass over the data; returns (loss sum, correct, rows seen, last batch (x, targets))."""
        cfg, net = self.config, self.network
        shift = scaled_shift(cfg.shift, train.image_shape)
        n_batches = math.ceil(len(train) / batch)
        order = rng.permutation(len(train))
        loss_sum, correct, seen, last = 0.0, 0, 0, ()
        for b in range(n_batches):
            while not self._unpaused.wait(0.1) and not self._stop.is_set():
                pass
            if self._stop.is_set():
                break
            self._apply_step_changes(epoch, b, optimizer, result)
            image_rows, rows = self.batch_rows(order, b * batch, (b + 1) * batch)
            images = train.images[image_rows]
            if shift:
                images = random_shift(images, train.image_shape, shift, rng)
            # uint8 → float per batch; a Python-float scale would route the product through float64.
            x = np.multiply(images, x_buffer.dtype.type(scale), out=x_buffer[:len(rows)])
            labels = train.labels[rows]
            targets = net.targets(labels)
            optimizer.lr = scheduled_lr(cfg.schedule, self._step["lr"], (epoch + b / n_batches) / cfg.epochs)
            loss, predicted = net.train_step(x, targets)
            if not math.isfinite(loss):
                raise _NonFinite(self._bad_loss(epoch, b))
            # Read before step(): optimizers reuse the gradient arrays as scratch.
            grad_norms = tuple(float(np.sqrt(np.vdot(layer.grads["W"], layer.grads["W"])))
                               for layer in net.dense_layers)
            optimizer.step()
            loss_sum, seen = loss_sum + loss * len(rows), seen + len(rows)
            correct += int(np.sum(predicted == labels))
            last = (x, targets)
            result.batch_losses.append(loss)
            for cb in self.callbacks:
                cb.on_batch_end(BatchStats(epoch, b, n_batches, loss, optimizer.lr, time.perf_counter() - start,
                                           grad_norms))
        return loss_sum, correct, seen, last

    def _check_epoch_end(self, epoch: int, stats: EpochStats, last: tuple) -> None:
        """The epoch's last update is checked too: its loss, on validation data or on the last batch, must be finite."""
        net = self.network
        if stats.val_loss is not None:
            loss = stats.val_loss
        else:
            x, targets = last
            loss = net.head.loss_and_grad(net.forward(x), targets.copy())[0]
        if not (math.isfinite(loss) and all(np.isfinite(p).all() for _, p, _ in net.parameters())):
            bad = self._first_bad_parameter()
            if bad is None:
                raise _NonFinite(QT_TRANSLATE_NOOP("Trainer", "the weights became NaN or infinite in the last update "
                                                   "of epoch {epoch}").fill(epoch=epoch + 1))
            raise _NonFinite(QT_TRANSLATE_NOOP("Trainer", "the weights became NaN or infinite in the last update of "
                                               "epoch {epoch}; first non-finite values in {name} (layer {layer})")
                             .fill(epoch=epoch + 1, name=bad, layer=int(bad[1:]) + 1))

    def _bad_loss(self, epoch: int, batch: int) -> Text:
        """What went wrong when a batch's loss is not finite, with the first layer whose values went bad."""
        bad = self._first_bad_parameter()
        if bad is None:
            return QT_TRANSLATE_NOOP("Trainer", "loss became NaN or infinite in epoch {epoch}, batch {batch}").fill(
                epoch=epoch + 1, batch=batch + 1)
        return QT_TRANSLATE_NOOP("Trainer", "loss became NaN or infinite in epoch {epoch}, batch {batch}; first "
                                 "non-finite values in {name} (layer {layer})").fill(
            epoch=epoch + 1, batch=batch + 1, name=bad, layer=int(bad[1:]) + 1)

    def _first_bad_parameter(self) -> str | None:
        """The first parameter (``W2``) holding a non-finite value, else the first with a non-finite gradient."""
        params = self.network.parameters()
        bad = ([name for name, p, _ in params if not np.isfinite(p).all()]
               or [name for name, _, g in params if not np.isfinite(g).all()])
        return bad[0] if bad else None

    def _end_epoch(self, epoch: int, train_loss: float, train_acc: float, val: Dataset | None, scale: float,
                   lr: float, seconds: float, result: TrainResult) -> EpochStats:
        val_loss = val_acc = None
        if val is not None and len(val):
            ev = evaluate(self.network, val, scale)
            val_loss, val_acc = ev.loss, ev.accuracy
        stats = EpochStats(epoch, self.config.epochs, train_loss, train_acc, val_loss, val_acc, lr, seconds)
        for key in ("train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr", "seconds"):
            value = getattr(stats, key)
            if value is not None:
                result.history.setdefault(key, []).append(float(value))
        result.epochs_done = epoch + 1
        return stats

    def _diverged(self, result: TrainResult, what: Text, good_weights: dict[str, np.ndarray],
                  good_epochs: int) -> None:
        """Restore the good weights and make the result describe them: status, message, history."""
        self.network.set_weights(good_weights)
        result.history = {key: values[:good_epochs] for key, values in result.history.items()}
        result.step_changes = [c for c in result.step_changes if c.epoch < good_epochs]
        result.epochs_done = good_epochs
        result.status = "diverged"
        if good_epochs:
            result.say(QT_TRANSLATE_NOOP("Trainer", "{what}. Restored the weights from the end of epoch {epochs}; the "
                                         "learning rate (or weight decay) is probably too large")
                       .fill(what=what, epochs=good_epochs))
        else:
            result.say(QT_TRANSLATE_NOOP("Trainer", "{what}. Restored the initial weights; the learning rate (or "
                                         "weight decay) is probably too large").fill(what=what))


def checked_step(values: dict) -> dict[str, float]:
    """``values`` for :meth:`Trainer.change_step` as floats, checked: ValueError for a key other than
    ``lr``, ``momentum`` and ``weight_decay``, ConfigError (naming it) for a value TrainConfig refuses."""
    unknown = sorted(values.keys() - set(STEP_SETTINGS))
    if unknown:
        raise ValueError(f"only {', '.join(STEP_SETTINGS)} can change while training, not {', '.join(unknown)}")
    for key, value in values.items():
        if not isinstance(value, numbers.Real) or isinstance(value, bool):
            raise ConfigError(QT_TRANSLATE_NOOP("Trainer", "{key} must be a number, got {value!r}")
                              .fill(key=key, value=value), key)
    checked = {key: float(value) for key, value in values.items()}
    TrainConfig(**checked).validate()  # the defaults are valid, so only these values can fail
    return checked


class _NonFinite(Exception):
    """Raised inside the loop when the loss or the weights stop being finite; ``text`` says where."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def input_scale(data: Dataset, config: TrainConfig) -> float:
    """Factor from raw pixel values to network input: 1/max when scaling, else 1."""
    return 1.0 / data.max_value if config.scale_inputs else 1.0
