"""Kaggle's digit-recognizer formats: train.csv as a named local dataset, test.csv to a submission file."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt

from digitpad.cli.main import main
from digitpad.common.errors import DataError
from digitpad.data import importing, loading, local_datasets, registry
from digitpad.model.files import load_model

PIXELS = 784


def kaggle_images(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` learnable 28×28 "digits" (a bright block whose place is the class, on noise) and their labels."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 10
    rng.shuffle(labels)
    images = rng.integers(0, 40, (n, 28, 28))
    for image, label in zip(images, labels):
        row, col = 3 + (label // 5) * 12, 2 + (label % 5) * 5
        image[row:row + 8, col:col + 4] = 255
    return images.reshape(n, PIXELS).astype(np.uint8), labels


def write_kaggle_csv(path, images: np.ndarray, labels: np.ndarray | None) -> None:
    """Kaggle's layout: ``label,pixel0,…,pixel783`` for train.csv, ``pixel0,…`` for test.csv."""
    header = ([] if labels is None else ["label"]) + [f"pixel{i}" for i in range(images.shape[1])]
    rows = [",".join(map(str, ([] if labels is None else [labels[i]]) + images[i].tolist())) for i in range(len(images))]
    path.write_text("\n".join([",".join(header), *rows]) + "\n")


@pytest.fixture
def train_csv(tmp_path):
    path = tmp_path / "train.csv"
    write_kaggle_csv(path, *kaggle_images(700))
    return path


def test_kaggle_round_trip_import_list_train_evaluate_submit(train_csv, tmp_path, capsys):
    assert main(["data", "import", str(train_csv)]) == 0
    out = capsys.readouterr().out
    assert "train.csv as the local dataset train: 600 train and 100 test images" in out
    assert "a stratified 1/7 held out as test with seed 0" in out and "--dataset train" in out

    assert main(["data", "list"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.split()[0] == "train")
    assert "local dataset" in row and "ready" in row and "train 600, test 100" in row and "from train.csv" in row

    model_path = tmp_path / "m.npz"
    assert main(["train", "--dataset", "train", "--hidden", "16", "--epochs", "3", "-o", str(model_path)]) == 0
    model = load_model(model_path)
    assert model.dataset == "train"
    assert set(model.metrics) == {"val_accuracy", "val_loss", "test_accuracy", "test_loss"}
    capsys.readouterr()

    assert main(["evaluate", str(model_path)]) == 0
    out = capsys.readouterr().out
    assert "on 100 images of train, its test split (never trained on)" in out
    counts = np.array([[int(v) for v in row.split()[1:]] for row in out.splitlines()[-10:]])
    assert counts.sum() == 100

    test_images, _ = kaggle_images(50, seed=1)
    write_kaggle_csv(tmp_path / "test.csv", test_images, None)
    submission = tmp_path / "submission.csv"
    assert main(["predict", str(model_path), str(tmp_path / "test.csv"), "--submission", str(submission)]) == 0
    assert "wrote 50 predictions of test.csv to" in capsys.readouterr().out
    lines = submission.read_text().splitlines()
    assert lines[0] == "ImageId,Label" and len(lines) == 51
    ids, labels = zip(*(map(int, line.split(",")) for line in lines[1:]))
    assert ids == tuple(range(1, 51))
    expected = model.network.predict(test_images.astype(np.float32) * np.float32(model.input_scale))
    assert list(labels) == expected.tolist()


def test_the_split_is_stratified_recorded_and_never_mixes(train_csv):
    importing.import_files([train_csv])
    train, test = loading.load("train", "train"), loading.load("train", "test")
    assert (len(train), len(test)) == (600, 100)
    assert np.bincount(test.labels).tolist() == [10] * 10
    images, labels = kaggle_images(700)
    rows = {(bytes(r), int(y)) for r, y in zip(images, labels)}
    seen_train = {(bytes(r), int(y)) for r, y in zip(train.images, train.labels)}
    seen_test = {(bytes(r), int(y)) for r, y in zip(test.images, test.labels)}
    assert seen_train | seen_test == rows and not seen_train & seen_test
    record = json.loads((registry.data_dir() / "train" / local_datasets.INFO_FILE).read_text())
    assert record["source"] == "train.csv" and record["source_md5"] == local_datasets.file_md5(train_csv)
    assert record["counts"] == {"train": 600, "test": 100} and record["seed"] == 0 and record["stratified"]
    assert registry.is_named("train") and registry.is_available("train") and "train" in registry.dataset_names()


def test_names_from_the_file_and_by_name_and_clashes(train_csv, tmp_path, capsys):
    assert local_datasets.name_for("Digit Recognizer_train.CSV.gz") == "digit-recognizer-train"
    assert main(["data", "import", str(train_csv)]) == 0
    assert main(["data", "import", str(train_csv)]) == 0  # the same file again: nothing to do
    assert "already there from the same file: nothing changed" in capsys.readouterr().out

    other = tmp_path / "other" / "train.csv"
    other.parent.mkdir()
    write_kaggle_csv(other, *kaggle_images(70, seed=3))
    assert main(["data", "import", str(other)]) == 1
    err = capsys.readouterr().err
    assert "a local dataset 'train' already exists (from train.csv, another file)" in err
    assert "--name" in err and "delete the folder" in err and len(loading.load("train", "train")) == 600

    assert main(["data", "import", str(other), "--name", "kaggle-small"]) == 0
    assert len(loading.load("kaggle-small", "test")) == 10
    for name, words in (("mnist", "taken by MNIST"), ("mine", "taken by My digits"), ("Bad Name!", "cannot name")):
        assert main(["data", "import", str(other), "--name", name]) == 1
        assert words in capsys.readouterr().err
    assert main(["data", "import", str(other), "--name", "x", "--dataset", "mnist"]) == 1
    assert "does not go with --dataset" in capsys.readouterr().err


def test_an_unlabelled_csv_cannot_be_imported_and_says_what_it_is_for(tmp_path):
    write_kaggle_csv(tmp_path / "test.csv", kaggle_images(20)[0], None)
    with pytest.raises(DataError, match="--submission"):
        importing.import_files([tmp_path / "test.csv"])
    assert local_datasets.local_names() == []


def test_a_damaged_record_shows_as_unreadable_and_loading_says_why(train_csv):
    importing.import_files([train_csv])
    (registry.data_dir() / "train" / local_datasets.INFO_FILE).write_text("{not json")
    info = next(info for info in loading.available() if info.name == "train")
    assert info.status == "unreadable"
    with pytest.raises(DataError, match="import the file again"):
        loading.load("train", "train")


@pytest.fixture
def model_path(tmp_path):
    path = tmp_path / "digits.npz"
    train = tmp_path / "small.csv"
    write_kaggle_csv(train, *kaggle_images(100))
    assert main(["train", "--dataset", str(train), "--hidden", "8", "--epochs", "1", "--batch", "30", "-o", str(path)]) == 0
    return path


@pytest.mark.parametrize("columns, words", [(100, "100 columns"), (PIXELS + 1, "has a label column (785 columns)")])
def test_a_submission_from_a_csv_of_the_wrong_width_is_one_clear_error(model_path, tmp_path, capsys, columns, words):
    bad = tmp_path / "test.csv"
    write_kaggle_csv(bad, np.zeros((3, columns), np.uint8), None)
    out = tmp_path / "submission.csv"
    assert main(["predict", str(model_path), str(bad), "--submission", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("digitpad: error: test.csv") and words in err[-1]
    assert not out.exists()


def test_a_submission_takes_one_csv(model_path, tmp_path, capsys):
    assert main(["predict", str(model_path), str(tmp_path / "a.png"), "--submission", str(tmp_path / "s.csv")]) == 1
    assert "--submission takes one CSV file" in capsys.readouterr().err


def test_the_dataset_list_offers_an_imported_csv_by_its_name(train_csv, qtbot):
    from test_training_form import pick, show_page_of

    from digitpad.ui.widgets.training_panel import TrainingPanel
    importing.import_files([train_csv], name="kaggle-train")
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    show_page_of(qtbot, panel, panel.dataset_combo)
    pick(qtbot, panel.dataset_combo, "kaggle-train")
    assert panel.settings().dataset == "kaggle-train"
    tip = panel.dataset_combo.itemData(panel.dataset_combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    assert "Imported from train.csv: 600 training images, 100 test images" in tip


def test_look_inside_a_model_of_a_local_dataset_uses_its_test_split(train_csv, tmp_path, window, qtbot):
    """A model trained on an imported CSV is inspected on that dataset's recorded test split, like MNIST's."""
    path = tmp_path / "local.npz"
    assert main(["data", "import", str(train_csv)]) == 0
    assert main(["train", "--dataset", "train", "--hidden", "8", "--epochs", "1", "--batch", "30", "-o", str(path)]) == 0
    assert window.files.open(path)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.inspect_window is not None and window.inspect_window.isVisible(), timeout=10_000)
    assert f"on {len(loading.load('train', 'test')):,} test images" in window.inspect_window.summary.text()
