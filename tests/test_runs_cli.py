"""The CLI's runs in the run history (issue 17): ``train``, ``lab`` and ``finetune`` recorded as they go, Ctrl+C,
errors and a history that cannot be written, and ``digitpad runs`` (list, show, export, delete, rename, tag);
a training process killed with SIGKILL, and two processes recording at once while a third reads."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from support.crashes import kill
from support.models import make_model
from support.runs import block_digits

from digitpad.cli import progress
from digitpad.cli.main import main
from digitpad.common.errors import DigitpadError
from digitpad.data.idx import write_idx
from digitpad.data.registry import FILE_NAMES, dataset_dir
from digitpad.model.files import load_model, save_model
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.training.runs.schema import database_path
from digitpad.training.runs.store import RunStore
from digitpad.training.runs.summary import SORTS
from digitpad.training.trainer import Trainer

SMALL = ["train", "--dataset", "digits8x8", "--hidden", "16", "--epochs", "3"]


def store() -> RunStore:
    return RunStore()  # conftest gives every test its own $DIGITPAD_RUNS_DB


def only_run():
    with store() as s:
        (run,) = s.summaries()
        return run


def table(out: str) -> list[list[str]]:
    """The rows of ``digitpad runs`` split at the columns' two-space gaps, header first."""
    return [[cell.strip() for cell in line.split("  ") if cell.strip()] for line in out.splitlines()
            if not line.startswith("…")]


def train(tmp_path: Path, capsys, *extra: str, name: str = "m.npz") -> tuple[int, str]:
    code = main([*SMALL, *extra, "-o", str(tmp_path / name)])
    return code, capsys.readouterr().err


# -- recording digitpad train ------------------------------------------------------------------------------------

def test_a_train_run_is_recorded_with_the_history_metrics_and_file_of_its_model(tmp_path, capsys):
    code, err = train(tmp_path, capsys, "--name", "tiny")
    assert code == 0 and "note:" not in err
    model = load_model(tmp_path / "m.npz")
    run = only_run()
    assert (run.name, run.front_end, run.kind, run.status, run.dataset) == ("tiny", "cli", "train", "completed",
                                                                           "digits8x8")
    assert (run.epochs_done, run.epochs, run.network, run.setup) == (3, 3, "64-16-10 relu softmax", "custom")
    assert run.model_path == str((tmp_path / "m.npz").resolve())
    assert run.test_accuracy == model.metrics["test_accuracy"] and run.val_accuracy == model.metrics["val_accuracy"]
    assert run.best_val_accuracy == max(model.history["val_accuracy"])
    with store() as s:
        history = s.history(run.id)
        assert s.settings(run.id) == {k: v for k, v in model.hyperparameters.items() if k in s.settings(run.id)}
        batches = s.batch_losses(run.id)
    for key in ("train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr"):
        assert history[key] == model.history[key], key
    assert len(batches) == 3 * 11  # 1,294 training images in batches of 128


def test_a_run_of_a_recipe_says_so_and_is_named_after_its_file(tmp_path, capsys):
    assert main(["train", "--preset", "default", "--dataset", "digits8x8", "--epochs", "1", "--hidden", "8",
                 "-o", str(tmp_path / "out.npz")]) == 0
    run = only_run()
    assert run.name == "out.npz" and run.setup == "custom"  # --hidden 8 is no longer the recipe
    assert main(["runs", "--setup", "custom"]) == 0 and "out.npz" in capsys.readouterr().out


def test_ctrl_c_ends_the_run_interrupted_and_resume_goes_on_in_the_same_row(tmp_path, capsys, monkeypatch):
    real = progress.TrainingProgress.on_batch_end

    def ctrl_c_in_epoch_3(self, stats):
        real(self, stats)
        if stats.epoch == 2:
            raise KeyboardInterrupt
    monkeypatch.setattr(progress.TrainingProgress, "on_batch_end", ctrl_c_in_epoch_3)
    code, err = train(tmp_path, capsys)
    assert code == 130 and "--resume" in err
    run = only_run()
    assert run.status == "interrupted" and run.status_text() == "interrupted at epoch 2 of 3"
    monkeypatch.setattr(progress.TrainingProgress, "on_batch_end", real)
    code, err = train(tmp_path, capsys, "--resume")
    assert code == 0 and "resuming the interrupted run after epoch" in err
    resumed = only_run()  # still one run
    assert (resumed.id, resumed.status, resumed.epochs_done) == (run.id, "completed", 3)
    with store() as s:
        assert s.history(run.id)["train_loss"] == load_model(tmp_path / "m.npz").history["train_loss"]


def test_an_error_while_training_ends_the_run_failed(tmp_path, capsys, monkeypatch):
    def disk_full(self, stats):
        raise DigitpadError("the disk is full")
    monkeypatch.setattr(progress.TrainingProgress, "on_epoch_end", disk_full)
    code, err = train(tmp_path, capsys)
    assert code == 1 and "digitpad: error: the disk is full" in err
    run = only_run()
    assert run.status == "failed"
    with store() as s:
        assert s.details(run.id)["message"] == "failed: the disk is full"


def test_a_history_that_cannot_be_written_is_one_note_and_the_run_still_saves(tmp_path, capsys, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("DIGITPAD_RUNS_DB", str(tmp_path / "file" / "runs.db"))
    code, err = train(tmp_path, capsys)
    notes = [line for line in err.splitlines() if line.startswith("note:")]
    assert code == 0 and len(notes) == 1 and "not recorded in the run history" in notes[0]
    assert load_model(tmp_path / "m.npz").history["train_loss"]


def test_a_file_in_the_historys_place_is_moved_aside_with_a_note(tmp_path, capsys):
    database_path().write_bytes(b"my shopping list\n" * 20)
    code, err = train(tmp_path, capsys)
    assert code == 0 and "note: The run history" in err and "moved aside" in err
    assert only_run().status == "completed"
    assert len(list(database_path().parent.glob("runs.db.unreadable-*"))) == 1


# -- recording digitpad lab and finetune -------------------------------------------------------------------------

def test_a_lab_run_is_recorded_as_the_lab_with_its_preset(tmp_path, capsys):
    assert main(["lab", "narrow", "--epochs", "2", "-o", str(tmp_path / "lab.npz")]) == 0
    out = capsys.readouterr().out
    run = only_run()
    assert (run.kind, run.lab_preset, run.setup, run.status) == ("lab", "narrow", "lab:narrow", "completed")
    assert run.name.startswith("Too narrow to learn") and run.epochs_done == 2
    model = load_model(tmp_path / "lab.npz")
    assert run.test_accuracy == model.metrics["test_accuracy"] and f"{run.test_accuracy:.2%}" in out
    assert run.model_path == str((tmp_path / "lab.npz").resolve())
    with store() as s:
        assert s.history(run.id)["train_loss"] == model.history["train_loss"]


def test_a_finetune_is_recorded_as_one(tmp_path, capsys):
    for split, data in (("train", block_digits(400, 4, 1, "mnist")), ("test", block_digits(100, 4, 2, "mnist"))):
        dataset_dir("mnist").mkdir(parents=True, exist_ok=True)
        write_idx(dataset_dir("mnist") / FILE_NAMES[(split, "images")], data.images.reshape(-1, 28, 28))
        write_idx(dataset_dir("mnist") / FILE_NAMES[(split, "labels")], data.labels.astype(np.uint8))
    network = MLP(NetworkSpec((784, 16, 10)), seed=0)
    Trainer(network, TrainConfig(epochs=2, batch_size=64, lr=0.1)).fit(block_digits(400, 4, 1, "mnist"))
    save_model(tmp_path / "base.npz", make_model(network=network, input_shape=(28, 28), preprocessing="mnist-28",
                                                 input_scale=1 / 255, dataset="mnist", name="blocks",
                                                 hyperparameters={"shift": 0}))
    mine = block_digits(40, 20, 3, "mine")
    np.savetxt(tmp_path / "mine.csv", np.column_stack([mine.labels, mine.images]), fmt="%d", delimiter=",")
    assert main(["finetune", str(tmp_path / "base.npz"), "--with", str(tmp_path / "mine.csv"), "--epochs", "2",
                 "-o", str(tmp_path / "tuned.npz")]) == 0
    capsys.readouterr()
    run, tuned = only_run(), load_model(tmp_path / "tuned.npz")
    assert (run.kind, run.setup, run.status, run.epochs_done, run.name) == ("finetune", "finetune", "completed", 2,
                                                                           tuned.name)
    assert run.test_accuracy == tuned.metrics["test_accuracy"]
    with store() as s:
        assert s.history(run.id)["val_accuracy"] == tuned.history["val_accuracy"]
        assert s.details(run.id)["metrics"]["personal_train_digits"] == 30


# -- digitpad runs -----------------------------------------------------------------------------------------------

@pytest.fixture
def two_runs(tmp_path, capsys):
    """A train run (id 1) and a lab run (id 2) in the history."""
    assert main([*SMALL, "--name", "first", "-o", str(tmp_path / "a.npz")]) == 0
    assert main(["lab", "narrow", "--epochs", "2"]) == 0
    capsys.readouterr()
    with store() as s:
        return s.summaries()


def test_an_empty_history_says_so_in_one_line_and_makes_no_file(capsys):
    assert main(["runs"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no runs recorded yet") and out.count("\n") == 1
    assert main(["runs", "show", "3"]) == 1
    assert capsys.readouterr().err == "digitpad: error: there is no run 3 in the run history\n"
    assert not database_path().exists()


def test_the_table_lists_runs_newest_first_with_their_numbers(two_runs, capsys):
    lab, first = two_runs
    assert main(["runs"]) == 0
    header, *rows = table(capsys.readouterr().out)
    assert header == ["id", "when", "dataset", "network", "epochs", "best val", "test", "status", "name"]
    assert [row[0] for row in rows] == [str(lab.id), str(first.id)]
    assert rows[1] == [str(first.id), first.when(), "digits8x8", "64-16-10 relu softmax", "3/3",
                       f"{first.best_val_accuracy:.2%}", f"{first.test_accuracy:.2%}", "completed", "first"]
    assert rows[0][4:8] == ["2/2", "-", f"{lab.test_accuracy:.2%}", "completed"]  # the lab has no validation split
    assert "\033" not in header and len(first.when()) == 16


def test_the_table_filters_sorts_and_limits(two_runs, capsys):
    lab, first = two_runs
    for args, ids in ((["--setup", "lab"], [lab.id]), (["--setup", "lab:narrow"], [lab.id]),
                      (["--setup", "custom"], [first.id]), (["--status", "completed", "--sort", "oldest"],
                                                            [first.id, lab.id]),
                      (["--sort", "test-accuracy"], [first.id, lab.id]), (["--since", "2000-01-01"], [lab.id, first.id])):
        assert main(["runs", *args]) == 0
        assert [int(row[0]) for row in table(capsys.readouterr().out)[1:]] == ids, args
    assert main(["runs", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == "no runs match these filters\n"
    assert main(["runs", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert len(table(out)) == 2 and out.endswith("… 1 more; --limit 0 for all\n")
    for args in (["--limit", "1", "--all"], ["--limit", "0"]):
        assert main(["runs", *args]) == 0 and "more" not in capsys.readouterr().out


@pytest.mark.parametrize("args, said", [(["--since", "yesterday"], "--since takes a date as YYYY-MM-DD"),
                                        (["--sort", "best"], "--sort must be one of newest, oldest"),
                                        (["--status", "done"], "--status must be one of running"),
                                        (["--setup", "finetune:x"], "--setup must be recipe:NAME")])
def test_a_bad_filter_is_one_line(two_runs, capsys, args, said):
    assert main(["runs", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"digitpad: error: {said}") and err.count("\n") == 1


def test_the_help_names_every_sort(capsys):
    with pytest.raises(SystemExit):
        main(["runs", "--help"])
    runs_help = " ".join(capsys.readouterr().out.split())
    assert all(key.replace(" ", "-") in runs_help for key in SORTS)


def test_show_tells_everything_about_a_run(two_runs, capsys, tmp_path):
    first = two_runs[1]
    assert main(["runs", "show", str(first.id)]) == 0
    out = capsys.readouterr().out
    for line in (f"run {first.id}: first", "tags: -", "status: completed: trained for 3 epochs", "front end: cli",
                 "setup: custom", "network: 64-16-10 relu softmax", "  hidden = 16", "  epochs = 3",
                 f"model file: {tmp_path / 'a.npz'} (exists)", "step changes: none"):
        assert line in out.splitlines(), line
    assert "dataset: digits8x8 (fingerprint " in out and f"  test_accuracy = {first.test_accuracy:.6g}" in out
    epochs = out.split("\n\n")[-1].splitlines()
    assert epochs[0].split() == ["epoch", "train", "loss", "train", "acc", "val", "loss", "val", "acc", "lr"]
    with store() as s:
        history = s.history(first.id)
    assert [row.split()[1] for row in epochs[1:]] == [f"{v:.4f}" for v in history["train_loss"]]
    (tmp_path / "a.npz").unlink()
    assert main(["runs", "show", str(first.id)]) == 0 and "(no longer there)" in capsys.readouterr().out


def test_an_unknown_id_is_one_line(two_runs, capsys):
    for action in (["show", "12"], ["export", "12", "-o", "x.csv"], ["rename", "12", "x"], ["tag", "12", "x"]):
        assert main(["runs", *action]) == 1
        assert capsys.readouterr().err == "digitpad: error: there is no run 12 in the run history\n"


def test_export_writes_the_stored_history(two_runs, tmp_path, capsys):
    first = two_runs[1]
    assert main(["runs", "export", str(first.id), "-o", str(tmp_path / "run.csv")]) == 0
    assert "3 epochs" in capsys.readouterr().out
    with (tmp_path / "run.csv").open() as f:
        rows = list(csv.DictReader(f))
    with store() as s:
        history = s.history(first.id)
        losses = s.batch_losses(first.id)
    assert [int(r["epoch"]) for r in rows] == [1, 2, 3]
    for key, series in history.items():
        assert [float(r[key]) for r in rows] == series, key
    assert main(["runs", "export", str(first.id), "--batches", "-o", str(tmp_path / "batches.csv")]) == 0
    with (tmp_path / "batches.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert [int(r["batch"]) for r in rows] == list(range(1, 34))
    assert [int(r["epoch"]) for r in rows] == [e for e in (1, 2, 3) for _ in range(11)]
    assert np.array_equal(np.array([r["loss"] for r in rows], dtype=np.float32), losses)


def test_delete_removes_runs_and_names_unknown_ids_without_deleting_any(two_runs, capsys):
    lab, first = two_runs
    assert main(["runs", "delete", str(first.id), "98", "99"]) == 1
    assert capsys.readouterr().err == "digitpad: error: there are no runs 98, 99 in the run history; nothing was " \
                                      "deleted\n"
    with store() as s:
        assert s.count() == 2
    assert main(["runs", "delete", str(first.id), str(lab.id)]) == 0
    assert capsys.readouterr().out == "deleted 2 runs\n"
    with store() as s:
        assert s.count() == 0 and s.history(first.id) == {} and len(s.batch_losses(first.id)) == 0


def test_rename_and_tag(two_runs, capsys):
    first = two_runs[1]
    assert main(["runs", "rename", str(first.id), "  baseline "]) == 0
    assert main(["runs", "tag", str(first.id), "keep", "small"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"run {first.id} tags: keep, small"
    assert main(["runs", "tag", str(first.id), "small", "--remove"]) == 0
    with store() as s:
        assert (s.summary(first.id).name, s.summary(first.id).tags) == ("baseline", ("keep",))
    assert main(["runs", "show", str(first.id)]) == 0
    assert "tags: keep" in capsys.readouterr().out.splitlines()


# -- processes killed, and at once -------------------------------------------------------------------------------

def cli(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "digitpad", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def test_a_killed_training_process_is_listed_interrupted_and_the_file_is_sound(tmp_path, capsys):
    child = cli(["train", "--dataset", "digits8x8", "--hidden", "256,256", "--epochs", "400", "-o", "m.npz"],
                tmp_path)
    deadline, done = time.monotonic() + 60, 0
    while done < 2 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
        if database_path().exists():
            with store() as s:
                runs = s.summaries()
            done = runs[0].epochs_done if runs else 0
    assert done >= 2, child.communicate()[0]
    kill(child)
    assert main(["runs"]) == 0
    (row,) = table(capsys.readouterr().out)[1:]
    run = only_run()
    assert run.status == "interrupted" and run.epochs_done >= 2 and row[7] == run.status_text()
    assert row[7] == f"interrupted at epoch {run.epochs_done} of 400"
    with store() as s:
        assert s.integrity() == "ok"
        assert len(s.history(run.id)["train_loss"]) == run.epochs_done


def test_two_processes_record_at_once_while_a_third_reads(tmp_path):
    args = ["train", "--dataset", "digits8x8", "--hidden", "64", "--epochs", "30", "--batch", "32"]
    writers = [cli([*args, "--seed", str(seed), "-o", f"m{seed}.npz"], tmp_path) for seed in (1, 2)]
    seen = []  # what the reader saw of the runs as they trained
    while any(w.poll() is None for w in writers):
        listing = subprocess.run([sys.executable, "-m", "digitpad", "runs"], capture_output=True, text=True,
                                 check=False)
        assert listing.returncode == 0 and not listing.stderr, listing.stderr
        seen += [row[7] for row in table(listing.stdout)[1:]]
    outputs = [w.communicate()[0] for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outputs
    assert any(status.startswith("running at epoch") for status in seen), seen
    with store() as s:
        runs = {run.name: run for run in s.summaries()}
        assert sorted(runs) == ["m1.npz", "m2.npz"]
        for name, run in runs.items():
            model = load_model(tmp_path / name)
            assert (run.status, run.epochs_done) == ("completed", 30)
            assert s.history(run.id)["train_loss"] == model.history["train_loss"]
            assert len(s.batch_losses(run.id)) == 30 * 41  # 1,294 images in batches of 32
        assert s.integrity() == "ok"
