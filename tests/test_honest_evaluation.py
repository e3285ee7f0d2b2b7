"""Evaluation uses rows a model did not train on, says which, and refuses when there are none."""

from __future__ import annotations

import dataclasses
import shutil

import numpy as np
import pytest
from test_kaggle import kaggle_images, write_kaggle_csv

from digitpad.cli.main import main
from digitpad.common.errors import DataError
from digitpad.data import importing
from digitpad.model.files import load_model
from digitpad.training.heldout import evaluation_rows, trained_source
from digitpad.training.prepare import prepare_run
from digitpad.training.settings import RunSettings

SMALL = ["--hidden", "8", "--epochs", "1", "--batch", "50"]


@pytest.fixture
def train_csv(tmp_path):
    path = tmp_path / "train.csv"
    write_kaggle_csv(path, *kaggle_images(300))
    return path


def train(tmp_path, source, *flags: str) -> str:
    path = tmp_path / "model.npz"
    assert main(["train", "--dataset", str(source), *SMALL, *flags, "-o", str(path)]) == 0
    return str(path)


def accuracy_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("accuracy"))


def test_a_model_trained_on_a_file_is_evaluated_on_exactly_its_validation_rows(train_csv, tmp_path, capsys,
                                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    model_path = train(tmp_path, "train.csv", "--validation", "0.1", "--seed", "3")
    model = load_model(model_path)
    assert trained_source(model) == str(train_csv.resolve())  # recorded whole, found from anywhere
    assert set(model.metrics) == {"val_accuracy", "val_loss"}  # a file has no test split
    capsys.readouterr()
    monkeypatch.chdir(tmp_path.parent)
    assert main(["evaluate", model_path]) == 0
    line = accuracy_line(capsys.readouterr().out)
    assert line.endswith("on the 30 validation rows of train.csv it did not train on (stratified 10 % with seed 3)")
    assert f"accuracy {model.metrics['val_accuracy']:.2%}" in line  # the same rows train measured at its end
    rows = evaluation_rows(model).data
    val = prepare_run(RunSettings.from_dict(model.hyperparameters)).val
    np.testing.assert_array_equal(rows.images, val.images)
    np.testing.assert_array_equal(rows.labels, val.labels)


def test_a_model_that_trained_on_every_row_is_refused_unless_asked(train_csv, tmp_path, capsys):
    model_path = train(tmp_path, train_csv, "--validation", "0")
    assert load_model(model_path).metrics == {}
    capsys.readouterr()
    for extra in ([], ["--dataset", str(train_csv)]):
        assert main(["evaluate", model_path, *extra]) == 1
        err = capsys.readouterr().err.strip()
        assert "this model trained on every row of train.csv; there is nothing it has not seen" in err
        assert "--on-training-data" in err and len(err.splitlines()) == 1
    assert main(["evaluate", model_path, "--on-training-data"]) == 0
    assert accuracy_line(capsys.readouterr().out).endswith(
        "on all 300 rows of train.csv: the rows it trained on (an optimistic figure)")


def test_a_subset_leaves_the_rows_after_it_to_evaluate_on(train_csv, tmp_path, capsys):
    model_path = train(tmp_path, train_csv, "--validation", "0", "--subset", "200")
    capsys.readouterr()
    assert main(["evaluate", model_path]) == 0
    assert accuracy_line(capsys.readouterr().out).endswith("on the 100 rows of train.csv after the first 200 it trained on")


def test_a_file_gone_is_named(train_csv, tmp_path, capsys):
    model_path = train(tmp_path, train_csv, "--validation", "0.1")
    train_csv.unlink()
    capsys.readouterr()
    assert main(["evaluate", model_path]) == 1
    err = capsys.readouterr().err
    assert f"this model trained on {train_csv.resolve()}, which is not there any more" in err and "--dataset" in err


def test_a_copy_of_the_file_it_trained_on_counts_as_that_file(train_csv, tmp_path, capsys):
    model_path = train(tmp_path, train_csv, "--validation", "0.2")
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(train_csv, moved / "train.csv")
    capsys.readouterr()
    assert main(["evaluate", model_path, "--dataset", str(moved / "train.csv")]) == 0
    assert "on the 60 validation rows of train.csv it did not train on" in capsys.readouterr().out


def test_a_named_dataset_gives_its_test_split_and_says_so(tmp_path, capsys):
    model_path = train(tmp_path, "digits8x8", "--validation", "0.1")
    metrics = load_model(model_path).metrics
    assert set(metrics) == {"val_accuracy", "val_loss", "test_accuracy", "test_loss"}
    capsys.readouterr()
    assert main(["evaluate", model_path]) == 0
    line = accuracy_line(capsys.readouterr().out)
    assert line == (f"accuracy {metrics['test_accuracy']:.2%} (loss {metrics['test_loss']:.4f}) "
                    "on 359 images of digits8x8, its test split (never trained on)")


def test_a_local_dataset_and_the_file_it_came_from_are_not_unseen_data(train_csv, tmp_path, capsys):
    importing.import_files([train_csv], name="kaggle")
    on_file = train(tmp_path, train_csv, "--validation", "0")
    capsys.readouterr()
    assert main(["evaluate", on_file, "--dataset", "kaggle"]) == 1
    assert "the local dataset kaggle was imported from train.csv, the file this model trained on" in \
        capsys.readouterr().err
    assert main(["evaluate", on_file, "--dataset", "kaggle", "--on-training-data"]) == 0
    assert accuracy_line(capsys.readouterr().out).endswith("kaggle, its test split: rows it trained on (an optimistic figure)")

    on_local = train(tmp_path, "kaggle", "--validation", "0")
    capsys.readouterr()
    assert main(["evaluate", on_local, "--dataset", str(train_csv)]) == 1
    assert "train.csv is the file the local dataset kaggle was imported from" in capsys.readouterr().err
    assert main(["evaluate", on_local]) == 0
    assert "images of kaggle, its test split (never trained on)" in capsys.readouterr().out


def test_other_data_is_all_of_it(train_csv, tmp_path):
    model = load_model(train(tmp_path, "digits8x8"))
    other = tmp_path / "other.csv"
    write_kaggle_csv(other, *kaggle_images(40, seed=5))
    rows = evaluation_rows(model, str(other))
    assert len(rows.data) == 40 and rows.what == "40 images of other.csv" and not rows.trained_on


def test_a_fine_tuned_model_is_measured_on_its_own_dataset(tmp_path):
    model = load_model(train(tmp_path, "digits8x8"))
    tuned = dataclasses.replace(model, hyperparameters=model.hyperparameters | {"dataset": "mine", "validation": 0.0,
                                                                                 "finetune_of": "m"})
    assert trained_source(tuned) == "digits8x8"
    assert evaluation_rows(tuned).what.endswith("images of digits8x8, its test split (never trained on)")
    with pytest.raises(DataError, match="neither a dataset"):
        evaluation_rows(model, str(tmp_path / "nowhere.csv"))


def test_a_file_changed_since_training_is_refused_rather_than_guessed(train_csv, tmp_path, capsys):
    model_path = train(tmp_path, train_csv, "--validation", "0.1")
    assert load_model(model_path).hyperparameters["dataset_md5"]
    lines = train_csv.read_text().splitlines()
    train_csv.write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n")  # the same rows, another order
    capsys.readouterr()
    assert main(["evaluate", model_path]) == 1
    err = capsys.readouterr().err
    assert "train.csv has changed since this model trained on it" in err and "--dataset" in err
