"""Crash recovery: checkpoints after every epoch, exact resume, and kills at any moment (issue 16).

Faults injected here (docs/reliability.md lists them all): a run interrupted
after epoch 2 of 4 and resumed from its checkpoint file, for every optimizer,
with shifts and step changes; a CLI training process killed with SIGKILL and
resumed with ``--resume``; processes killed while they write checkpoints.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from support.crashes import StopAfter, kill

from digitpad.data import loading
from digitpad.model.files import load_model
from digitpad.training.prepare import prepare_run, to_model
from digitpad.training.recovery import (
    Checkpointer,
    Interrupted,
    RecoveryError,
    find_checkpoint,
    list_checkpoints,
    process_identity,
    recovered_model,
    recovery_dir,
    resume_state,
)
from digitpad.training.reports import Callback, StepChange
from digitpad.training.settings import RunSettings

SMALL = RunSettings(dataset="digits8x8", hidden="32", epochs=4, batch_size=32, lr=0.05)


@pytest.fixture(scope="module")
def digits():
    return loading.load("digits8x8", "train")


def train(settings: RunSettings, data, stop_after: int | None = None, checkpoint: dict | None = None,
          extra: tuple = ()):
    """Train a run of ``settings``: stopped after ``stop_after`` epochs, checkpointed with ``Checkpointer(run,
    **checkpoint)``; the run and its result."""
    run = prepare_run(settings, data)
    stop = StopAfter(stop_after) if stop_after else None
    every_epoch = {"min_interval": 0.0}  # a checkpoint at each epoch's end, however short the epochs
    callbacks = [*extra, *([stop] if stop else []),
                 *([Checkpointer(run, **every_epoch | checkpoint)] if checkpoint else [])]
    trainer = run.trainer(callbacks)
    for cb in callbacks:
        if hasattr(cb, "trainer"):
            cb.trainer = trainer
    return run, trainer.fit(run.train, run.val)


def resumed(settings: RunSettings, data, extra: tuple = ()):
    """The run of ``settings`` resumed from the one checkpoint in the folder: the run and its result."""
    (entry,), _ = list_checkpoints()
    run = prepare_run(settings, data)
    trainer = run.trainer(extra)
    for cb in extra:
        cb.trainer = trainer
    return run, trainer.fit(run.train, run.val, resume_state(entry, run.network, run.data))


@pytest.mark.parametrize("changes", [{}, {"optimizer": "sgd"}, {"optimizer": "nesterov", "shift": 8},
                                     {"optimizer": "adam", "lr": 0.002, "schedule": "step"},
                                     {"float64": True, "weight_decay": 1e-4}])
def test_a_run_resumed_from_its_checkpoint_file_ends_with_the_weights_of_one_never_interrupted(digits, changes):
    settings = replace(SMALL, **changes)
    whole, whole_result = train(settings, digits)
    train(settings, digits, stop_after=2, checkpoint={"front_end": "cli", "name": "r"})
    (entry,), _ = list_checkpoints()
    assert (entry.epochs_done, entry.epochs, entry.finished, entry.resumable) == (2, 4, False, True)
    again, result = resumed(settings, digits)
    for name, value in whole.network.get_weights().items():
        assert np.array_equal(again.network.get_weights()[name], value), name
    assert result.batch_losses == whole_result.batch_losses
    assert result.history["train_loss"] == whole_result.history["train_loss"]
    assert result.epochs_done == 4 and result.status == "completed"


def test_step_changes_made_before_the_checkpoint_stay_in_effect_after_resuming(digits):
    class ChangeStep(Callback):
        trainer = None

        def on_batch_end(self, stats) -> None:
            if (stats.epoch, stats.batch) == (0, 3):
                self.trainer.change_step(lr=0.01, momentum=0.5)

    whole, whole_result = train(SMALL, digits, extra=(ChangeStep(),))
    train(SMALL, digits, stop_after=2, checkpoint={"front_end": "cli", "name": "r"}, extra=(ChangeStep(),))
    again, result = resumed(SMALL, digits)
    assert len(whole_result.step_changes) == 2 and result.step_changes == whole_result.step_changes
    for name, value in whole.network.get_weights().items():
        assert np.array_equal(again.network.get_weights()[name], value), name


def test_the_checkpoint_holds_a_model_of_the_last_epoch(digits):
    run, _ = train(SMALL, digits, stop_after=3, checkpoint={"front_end": "window", "name": "Run 1"})
    (entry,), _ = list_checkpoints()
    model = recovered_model(entry)
    assert model.name == "Run 1" and len(model.history["train_loss"]) == 3
    for name, value in run.network.get_weights().items():
        assert np.array_equal(model.network.get_weights()[name], value), name
    assert str(entry.describe()) == "The run Run 1 was interrupted at epoch 3 of 4."


def test_a_finished_window_run_is_kept_as_finished_until_its_model_is_saved(digits):
    run = prepare_run(SMALL, digits)
    keeper = Checkpointer(run, "window", "Run 2", keep_finished=True)
    result = run.fit([keeper])
    (entry,), _ = list_checkpoints()
    assert entry.finished and not entry.resumable and entry.epochs_done == 4
    assert recovered_model(entry).metrics["val_accuracy"] == result.final_metrics["val_accuracy"]
    with pytest.raises(RecoveryError, match="cannot be resumed"):
        resume_state(entry, run.network)
    keeper.discard()
    assert list_checkpoints() == ([], [])


def test_a_foreign_or_damaged_file_in_the_folder_is_named_not_offered(digits):
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "junk.npz").write_bytes(b"not a zip")
    np.savez(folder / "other.npz", checkpoint=np.frombuffer(json.dumps({"format": "x"}).encode(), dtype=np.uint8))
    found, unreadable = list_checkpoints()
    assert found == [] and sorted(p.name for p, _ in unreadable) == ["junk.npz", "other.npz"]
    with pytest.raises(RecoveryError, match="no interrupted run 'abc'"):
        find_checkpoint("abc")


def test_a_checkpoint_that_cannot_be_written_does_not_stop_the_run(digits, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    run = prepare_run(SMALL, digits)
    keeper = Checkpointer(run, "cli", "r", folder=blocked / "recovery")
    result = run.fit([keeper])
    assert result.status == "completed" and isinstance(keeper.error, OSError)


# -- killed processes ------------------------------------------------------------------------------

# Long enough (about 3 s) for checkpoints a second apart to be written and killed between.
CLI_RUN = ["train", "--dataset", "digits8x8", "--hidden", "256,256", "--batch", "8", "--epochs", "40", "--seed", "3"]


def cli(args: list[str], cwd: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "digitpad", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, **kwargs)


def wait_for_checkpoint(process: subprocess.Popen, at_least: int, timeout: float = 60.0) -> int:
    """Poll the recovery folder until the child's checkpoint reaches ``at_least`` epochs; its epochs then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        found, _ = list_checkpoints()
        if found and found[0].epochs_done >= at_least:
            return found[0].epochs_done
        time.sleep(0.005)
    pytest.fail(f"no checkpoint of {at_least} epochs appeared; the run said:\n{process.communicate()[0]}")


def test_a_killed_cli_run_resumes_to_the_same_weights_as_one_never_killed(tmp_path):
    whole = cli([*CLI_RUN, "-o", "whole.npz"], tmp_path)
    out = whole.communicate(timeout=120)[0]
    assert whole.returncode == 0, out
    victim = cli([*CLI_RUN, "-o", "resumed.npz"], tmp_path)
    done = wait_for_checkpoint(victim, 2)
    kill(victim)
    if done == 40:
        pytest.skip("the run finished before it could be killed")
    listing = subprocess.run([sys.executable, "-m", "digitpad", "recover"], capture_output=True, text=True, check=True)
    assert "resumed.npz" in listing.stdout and "cli" in listing.stdout
    resumed = cli([*CLI_RUN, "-o", "resumed.npz", "--resume"], tmp_path)
    out = resumed.communicate(timeout=120)[0]
    assert resumed.returncode == 0, out
    assert "resuming the interrupted run after epoch" in out
    a, b = load_model(tmp_path / "whole.npz"), load_model(tmp_path / "resumed.npz")
    for name, value in a.network.get_weights().items():
        assert np.array_equal(b.network.get_weights()[name], value), name
    assert a.history["train_loss"] == b.history["train_loss"]
    assert list_checkpoints() == ([], [])  # saved: nothing left to recover


def test_resume_refuses_other_settings_and_says_which(tmp_path):
    victim = cli([*CLI_RUN, "-o", "m.npz"], tmp_path)
    wait_for_checkpoint(victim, 1)
    kill(victim)
    args = [*CLI_RUN[:-2], "--seed", "4", "-o", "m.npz", "--resume"]
    out = subprocess.run([sys.executable, "-m", "digitpad", *args], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert out.returncode == 1 and "seed=3" in out.stderr and "Traceback" not in out.stderr
    none = subprocess.run([sys.executable, "-m", "digitpad", *CLI_RUN, "-o", "other.npz", "--resume"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert none.returncode == 1 and "no interrupted run was writing" in none.stderr


def test_recover_saves_the_model_of_a_killed_run(tmp_path):
    victim = cli([*CLI_RUN, "-o", "m.npz"], tmp_path)
    epochs = wait_for_checkpoint(victim, 1)
    kill(victim)
    (entry,), _ = list_checkpoints()
    out = subprocess.run([sys.executable, "-m", "digitpad", "recover", entry.id[:10], "-o", "saved.npz"],
                         cwd=tmp_path, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert len(load_model(tmp_path / "saved.npz").history["train_loss"]) >= epochs


KILLED_WRITER = """
import sys
import numpy as np
from digitpad.data import loading
from digitpad.training.prepare import prepare_run
from digitpad.training.recovery import Checkpointer
from digitpad.training.settings import RunSettings
run = prepare_run(RunSettings(dataset="digits8x8", hidden="512,512", epochs=1000, batch_size=0, subset=100), loading.load("digits8x8", "train"))
print("ready", flush=True)
run.fit([Checkpointer(run, "cli", "killed", min_interval=0.0)])
"""


@pytest.mark.parametrize("delay", [0.0, 0.013, 0.029, 0.047, 0.071])
def test_a_kill_while_a_checkpoint_is_written_leaves_the_old_one_or_the_new_one(delay):
    """Full-batch epochs of 100 images through a big net: about 40 % of the run's time goes to writing checkpoints
    (a 2.2 MB file each epoch), so kills land in writes as well as between them."""
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    found: list = []
    deadline = time.monotonic() + 60
    while not found and time.monotonic() < deadline:
        found, _ = list_checkpoints()
    time.sleep(delay)
    kill(child)
    found, unreadable = list_checkpoints()
    assert unreadable == [] and len(found) == 1
    entry = found[0]
    model = recovered_model(entry)
    assert len(model.history["train_loss"]) == entry.epochs_done
    network = prepare_run(RunSettings(dataset="digits8x8", hidden="512,512"), loading.load("digits8x8", "train")).network
    assert resume_state(entry, network).epochs_done == entry.epochs_done
    assert sorted(os.listdir(recovery_dir())) == [entry.path.name]  # no temporary file left either


def test_a_change_asked_for_at_an_epoch_end_still_applies_after_resuming(digits):
    class ChangeAtEpochEnd(Callback):
        trainer = None

        def on_epoch_end(self, stats) -> None:
            if stats.epoch == 1:  # pending when the checkpoint of epoch 2 is written
                self.trainer.change_step(lr=0.01)

    whole, whole_result = train(SMALL, digits, extra=(ChangeAtEpochEnd(),))
    train(SMALL, digits, stop_after=2, checkpoint={"front_end": "cli", "name": "r"}, extra=(ChangeAtEpochEnd(),))
    again, result = resumed(SMALL, digits)
    assert result.step_changes == whole_result.step_changes == [StepChange(2, 0, "lr", 0.05, 0.01)]
    for name, value in whole.network.get_weights().items():
        assert np.array_equal(again.network.get_weights()[name], value), name


def test_weights_that_cannot_be_saved_do_not_stop_the_run(digits):
    class Overflow(Callback):
        def __init__(self, network) -> None:
            self.network = network

        def on_epoch_end(self, stats) -> None:
            if stats.epoch == 0:
                self.network.dense_layers[0].params["W"][0, 0] = np.inf

    run = prepare_run(SMALL, digits)
    keeper = Checkpointer(run, "cli", "r")
    result = run.fit([Overflow(run.network), keeper])
    assert result.status == "diverged"  # the trainer's own guard speaks, not a failed checkpoint
    assert keeper.error is not None and "NaN or infinite" in str(keeper.error)


def test_resume_refuses_data_that_changed_since(digits):
    train(SMALL, digits, stop_after=1, checkpoint={"front_end": "cli", "name": "r"})
    (entry,), _ = list_checkpoints()
    changed = digits.subset(np.arange(len(digits)))
    changed.labels[:5] = (changed.labels[:5] + 1) % 10
    run = prepare_run(SMALL, changed)
    with pytest.raises(RecoveryError, match="data of the run r has changed"):
        resume_state(entry, run.network, run.data)
    other = prepare_run(replace(SMALL, hidden="16"), digits)
    with pytest.raises(RecoveryError, match="another network's weights"):
        resume_state(entry, other.network, other.data)


def test_a_writer_is_running_only_while_that_very_process_lives(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = replace(fake_entry(tmp_path), pid=child.pid, process=process_identity(child.pid))
        assert alive.running
        assert not replace(alive, process="another-boot:123").running  # the pid went to another process
    finally:
        child.kill()
    child.wait()
    assert not alive.running  # killed and reaped
    assert not replace(alive, pid=os.getpid(), process=process_identity(os.getpid())).running  # this process


def test_a_checkpoint_with_numbers_out_of_range_is_unreadable_not_a_crash(tmp_path):
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"format": "digitpad-recovery", "version": 1, "id": "x", "name": "x", "front_end": "cli", "output": None,
           "settings": {}, "resumable": True, "finished": False, "epochs_done": 1, "epochs": 2,
           "updated": 1e300, "pid": 2**40, "process": "", "data": "", "status": "completed", "message": ""}
    np.savez(folder / "x.npz", checkpoint=np.frombuffer(json.dumps(doc).encode(), dtype=np.uint8))
    found, unreadable = list_checkpoints()
    assert found == [] and "out of range" in unreadable[0][1]
    out = subprocess.run([sys.executable, "-m", "digitpad", "recover"], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0 and "unreadable" in out.stdout and "Traceback" not in out.stderr


def fake_entry(tmp_path: Path) -> Interrupted:
    return Interrupted("id", tmp_path / "id.npz", "r", "cli", 1, 2, time.time(), False, True, {}, None, 1, "",
                       "completed", "")


def test_a_run_its_settings_cannot_rebuild_is_kept_only_once_it_ends(digits):
    """A fine-tune's model maker measures the model; it is not asked to at every epoch for a half-tuned model."""
    run = prepare_run(SMALL, digits)
    made = []

    def make_model(r, result, metrics, name):  # as a fine-tune's, which measures the model it makes
        made.append(result.epochs_done)
        return to_model(r.network, r.data, r.settings, result, metrics, name)
    run = replace(run, make_model=make_model)
    keeper = Checkpointer(run, "window", "Teach", resumable=False, keep_finished=True)
    run.fit([keeper])
    (entry,), _ = list_checkpoints()
    assert made == [4] and entry.finished and not entry.resumable


def test_short_epochs_are_checkpointed_at_most_once_a_second_from_the_first_on(digits):
    class Counting(Checkpointer):
        epochs: list[int] = []

        def on_checkpoint(self, state) -> None:
            super().on_checkpoint(state)
            self.epochs.append(state.epochs_done)

    run = prepare_run(replace(SMALL, epochs=30), digits)
    keeper = Counting(run, "cli", "r", min_interval=0.5)
    result = run.fit([keeper])
    assert keeper.epochs[0] == 1  # a crash after the first epoch already finds it
    assert len(keeper.epochs) <= 1 + result.seconds / 0.5
    assert len(keeper.epochs) < 30
