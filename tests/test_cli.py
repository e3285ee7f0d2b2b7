"""The digitpad command: train, evaluate, predict, gradcheck and data, with errors as one line."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from digitpad.cli.main import main
from digitpad.data import loading
from digitpad.model.files import load_model


@pytest.fixture(scope="module")
def digits_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("models") / "digits.npz"
    code = main(["train", "--dataset", "digits8x8", "--hidden", "64", "--epochs", "25", "--batch", "32",
                 "--lr", "0.1", "--name", "tiny", "-o", str(path)])
    assert code == 0
    return path


def test_train_writes_a_model_with_its_settings_and_test_accuracy(digits_model):
    model = load_model(digits_model)
    assert model.name == "tiny" and model.dataset == "digits8x8" and model.preprocessing == "digits-8x8"
    assert model.network.spec.sizes == (64, 64, 10)
    assert model.hyperparameters["epochs"] == 25 and model.hyperparameters["batch_size"] == 32
    assert len(model.history["train_loss"]) == 25
    assert model.metrics["test_accuracy"] > 0.93


def test_train_prints_progress_per_epoch(tmp_path, capsys):
    assert main(["train", "--dataset", "digits8x8", "--hidden", "16", "--epochs", "2", "-o", str(tmp_path / "m.npz")]) == 0
    err = capsys.readouterr().err
    assert "MLP(64→16 relu→10 softmax)" in err
    assert "epoch 1/2" in err and "epoch 2/2" in err and "test accuracy" in err and "saved" in err


def test_evaluate_prints_accuracy_per_class_and_confusion_matrix(digits_model, capsys):
    assert main(["evaluate", str(digits_model)]) == 0
    out = capsys.readouterr().out
    assert "accuracy" in out and "per-class accuracy" in out and "confusion matrix" in out
    matrix_rows = [line for line in out.splitlines()[-10:]]
    counts = np.array([[int(v) for v in row.split()[1:]] for row in matrix_rows])
    assert counts.sum() == len(loading.load("digits8x8", "test"))


def test_predict_reads_png_files_dark_on_light(digits_model, tmp_path, capsys, qapp):
    from PySide6.QtGui import QImage
    test = loading.load("digits8x8", "test")
    model = load_model(digits_model)
    correct = np.flatnonzero(model.network.predict(test.images * np.float32(1 / 16)) == test.labels)[:3]
    paths = []
    for i in correct:
        ink = np.kron(test.images[i].reshape(8, 8) / 16, np.ones((6, 6)))
        pixels = np.ascontiguousarray(255 - np.pad(ink * 255, 8).astype(np.uint8))  # dark ink on white paper
        path = tmp_path / f"digit{i}.png"
        QImage(pixels.data, pixels.shape[1], pixels.shape[0], pixels.shape[1], QImage.Format.Format_Grayscale8).save(str(path))
        paths.append(str(path))
    assert main(["predict", str(digits_model), *paths]) == 0
    lines = capsys.readouterr().out.splitlines()
    predicted = [int(line.split(": ")[1].split()[0]) for line in lines]
    assert predicted == [int(test.labels[i]) for i in correct]


def test_predict_says_a_blank_image_has_no_prediction(digits_model, tmp_path, capsys, qapp):
    from PySide6.QtGui import QImage
    path = tmp_path / "blank.png"
    image = QImage(40, 40, QImage.Format.Format_Grayscale8)
    image.fill(255)
    image.save(str(path))
    assert main(["predict", str(digits_model), str(path)]) == 0
    assert "blank image" in capsys.readouterr().out


def test_gradcheck_command_checks_every_combination(capsys):
    assert main(["gradcheck"]) == 0
    out = capsys.readouterr().out
    assert "82 of 82 passed" in out and "FAILED" not in out


@pytest.mark.parametrize("argv, message", [
    (["train", "--dataset", "digits8x8", "--hidden", "abc"], "hidden layers"),
    (["train", "--dataset", "digits8x8", "--lr", "-0.1"], "learning rate"),
    (["train", "--dataset", "digits8x8", "--shift", "9"], "random shift"),
    (["train", "--dataset", "digits8x8", "--batch", "lots"], "--batch"),
    (["train", "--dataset", "mnist"], "digitpad data download mnist"),
    (["train", "--dataset", "nowhere.csv"], "neither a dataset"),
    (["train", "--dataset", "digits8x8", "--head", "sigmoid+bce", "--regression"], "mean squared error"),
    (["evaluate", "missing.npz"], "no such file"),
    (["predict", "missing.npz", "x.png"], "no such file"),
])
def test_errors_are_one_clear_line_and_exit_1(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("digitpad: error:") and message in err[-1]
    assert not (tmp_path / "model.npz").exists()


def test_corrupt_model_file_is_an_error_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 this is not a model")
    assert main(["evaluate", str(bad)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_data_list_shows_the_bundled_set_and_missing_ones(capsys):
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    assert "digits8x8" in out and "bundled" in out and "missing" in out


def import_random_split(folder, dataset: str, prefix: str, n: int) -> None:
    """Write ``n`` random 28×28 images with labels as ``prefix``-images/labels IDX files and import them."""
    from digitpad.data.idx import write_idx
    files = [folder / f"{prefix}-images-idx3-ubyte.gz", folder / f"{prefix}-labels-idx1-ubyte.gz"]
    write_idx(files[0], np.random.default_rng(0).integers(0, 256, (n, 28, 28)))
    write_idx(files[1], np.arange(n) % 10)
    assert main(["data", "import", "--dataset", dataset, *map(str, files)]) == 0


def test_data_import_then_list(tmp_path, capsys):
    import_random_split(tmp_path, "fashion", "t10k", 30)
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    assert "imported" in out and "test 30" in out


def test_python_dash_m_runs_the_same_cli():
    done = subprocess.run([sys.executable, "-m", "digitpad", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("digitpad ")


@pytest.mark.realdata
def test_default_training_on_real_mnist_reaches_97_5_percent(mnist_dir, tmp_path, capsys):
    assert main(["data", "import", *map(str, sorted(mnist_dir.glob("*.gz")))]) == 0
    out = tmp_path / "mnist.npz"
    assert main(["train", "--dataset", "mnist", "--epochs", "4", "-o", str(out)]) == 0
    assert load_model(out).metrics["test_accuracy"] >= 0.975


@pytest.mark.parametrize("output, message", [("missing-folder/m.npz", "does not exist"), (".", "is a folder")])
def test_an_unwritable_output_is_refused_before_training(output, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["train", "--dataset", "digits8x8", "--hidden", "8", "-o", output]) == 1
    err = capsys.readouterr().err
    assert message in err and "epoch 1" not in err


def test_training_without_a_test_split_still_saves(tmp_path, capsys):
    import_random_split(tmp_path, "mnist", "train", 60)
    out = tmp_path / "m.npz"
    assert main(["train", "--dataset", "mnist", "--hidden", "8", "--epochs", "1", "--batch", "16", "-o", str(out)]) == 0
    assert out.is_file() and "no test accuracy" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["train", "--dataset", "digits8x8", "--hidden", "²"], "hidden layers"),
    (["train", "--dataset", "digits8x8", "--seed", "-1"], "seed"),
    (["gradcheck", "--hidden", "abc"], "hidden layers"),
])
def test_more_bad_input_is_one_line(argv, message, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_a_closed_pipe_ends_quietly(digits_model):
    done = subprocess.run(f"{sys.executable} -m digitpad evaluate {digits_model} | head -1", shell=True,
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_predict_reads_transparent_and_rounded_corner_pictures(digits_model, tmp_path, capsys, qapp):
    from PySide6.QtGui import QImage

    from digitpad.data.image_file import read_image
    ink = np.zeros((40, 40), np.float32)
    ink[8:32, 18:22] = 1.0  # a "1"
    rgba = np.zeros((40, 40, 4), np.uint8)
    rgba[..., :3] = 255 - (ink[..., None] * 255).astype(np.uint8)  # dark ink on white
    rgba[..., 3] = 255
    rgba[0, 0, 3] = 0  # one transparent corner pixel, as rounded screenshots have
    path = tmp_path / "corner.png"
    QImage(rgba.data, 40, 40, 160, QImage.Format.Format_RGBA8888).save(str(path))
    np.testing.assert_allclose(read_image(path)[1:, 1:], ink[1:, 1:], atol=0.01)
    rgba[..., 3] = (ink * 255).astype(np.uint8)  # ink only, on a transparent background
    QImage(rgba.data, 40, 40, 160, QImage.Format.Format_RGBA8888).save(str(path))
    np.testing.assert_allclose(read_image(path), ink, atol=0.01)
