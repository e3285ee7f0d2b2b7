"""Teach it my digits: the fine-tune run, its honest before/after, the tuned model and ``digitpad finetune``.

The data is synthetic and tiny: "MNIST" has each digit as a bright block on row 4 at a column of its own,
"my digits" put the block on row 20, where the base model never saw ink, so it misreads them until tuned.
Every image carries its own noise, so rows can be told apart by content.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from support.models import make_model
from support.runs import block_digits

from digitpad.cli.main import main
from digitpad.common.errors import ConfigError, DataError
from digitpad.data.dataset import DIGIT_NAMES, FASHION_NAMES, Dataset
from digitpad.data.idx import write_idx
from digitpad.data.registry import FILE_NAMES, dataset_dir
from digitpad.inference.predict import predict_drawing
from digitpad.model.files import load_model, save_model
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.config import TrainConfig
from digitpad.training.evaluate import evaluate
from digitpad.training.finetune import TUNED_SUFFIX, FinetuneOptions, prepare_finetune
from digitpad.training.finetune_data import hold_out, mixed_set
from digitpad.training.finetune_report import NO_HELD_OUT
from digitpad.training.trainer import Trainer

OPTIONS = FinetuneOptions(epochs=3, mix=0.25, lr=0.05, batch_size=64, mnist_images=400)


@pytest.fixture(scope="module")
def data() -> dict[str, Dataset]:
    return {"train": block_digits(600, 4, 1, "mnist"), "test": block_digits(200, 4, 2, "mnist"),
            "mine": block_digits(60, 20, 3, "mine"), "mine_test": block_digits(40, 20, 4, "mine")}


@pytest.fixture(scope="module")
def base_model(data):
    """A small MNIST-style model trained on the "MNIST" blocks."""
    network = MLP(NetworkSpec((784, 32, 10)), seed=0)
    Trainer(network, TrainConfig(epochs=4, batch_size=64, lr=0.1, schedule="constant")).fit(data["train"])
    return make_model(network=network, input_shape=(28, 28), preprocessing="mnist-28", input_scale=1 / 255,
                      dataset="mnist", name="blocks", hyperparameters={"shift": 0})


def prepare(model, data, options=OPTIONS, **changes):
    parts = {"personal_train": data["mine"], "personal_test": data["mine_test"], "base_train": data["train"],
             "base_test": data["test"], "options": options} | changes
    return prepare_finetune(model, **parts)


def test_it_learns_my_digits_and_keeps_mnist(base_model, data):
    finetune = prepare(base_model, data)
    result = finetune.run.fit()
    assert result.status == "completed"
    assert finetune.before.personal < 0.5 and finetune.after.personal > 0.9
    assert finetune.after.mnist > 0.95
    # The live validation curve is the held-out personal accuracy, its last point the "after".
    assert result.history["val_accuracy"][-1] == finetune.after.personal


def test_the_callers_model_is_untouched(base_model, data):
    weights = {k: v.copy() for k, v in base_model.network.get_weights().items()}
    finetune = prepare(base_model, data)
    finetune.run.fit()
    assert finetune.run.network is not base_model.network
    for key, value in base_model.network.get_weights().items():
        np.testing.assert_array_equal(value, weights[key])
    tuned = finetune.run.model()
    assert any(not np.array_equal(tuned.network.get_weights()[k], weights[k]) for k in weights)


def test_the_tuned_model_keeps_preprocessing_classes_dataset_and_unit_gains(base_model, data):
    model = dataclasses.replace(base_model.copy(), hand_steps=[{"label": 4, "lr": 0.1}])
    model.network.set_unit_gain(1, 3, 0.0)
    finetune = prepare(model, data)
    result = finetune.run.fit()
    tuned = finetune.run.model(result)
    assert (tuned.preprocessing, tuned.input_shape, tuned.input_scale) == ("mnist-28", (28, 28), 1 / 255)
    assert tuned.class_names == DIGIT_NAMES and tuned.dataset == "mnist"
    assert tuned.name == "blocks" + TUNED_SUFFIX
    assert tuned.network.gains[1][3] == 0.0 and tuned.hand_steps == model.hand_steps
    tuned.hand_steps.append({"label": 1, "lr": 0.1})
    assert len(model.hand_steps) == 1  # the tuned model's edits are its own
    assert tuned.history["val_accuracy"] == result.history["val_accuracy"]
    assert tuned.hyperparameters["epochs"] == OPTIONS.epochs and tuned.hyperparameters["lr"] == OPTIONS.lr
    assert tuned.hyperparameters["finetune_of"] == "blocks"
    assert prepare(tuned, data).run.model().name == "blocks" + TUNED_SUFFIX  # tuned again: one suffix


def test_held_out_digits_never_appear_in_the_training_rows(base_model, data):
    run = prepare(base_model, data).run
    trained_on = {row.tobytes() for row in run.train.images}
    assert not any(row.tobytes() in trained_on for row in data["mine_test"].images)
    assert run.val is data["mine_test"]
    assert sum(row.tobytes() in trained_on for row in data["mine"].images) == len(data["mine"])


def test_my_digits_are_mix_of_each_epoch_each_as_often_as_another(data):
    train = mixed_set(data["train"], data["mine"], 400, 0.2, seed=0)
    personal = {row.tobytes(): 0 for row in data["mine"].images}
    for row in train.images:
        if row.tobytes() in personal:
            personal[row.tobytes()] += 1
    assert sum(personal.values()) == 100 and len(train) == 500  # 400 MNIST, 100 = 20 % of the epoch mine
    assert max(personal.values()) - min(personal.values()) <= 1


def test_every_personal_digit_is_used_even_beyond_the_mix(data):
    train = mixed_set(data["train"], data["mine"], 50, 0.1, seed=0)
    assert len(train) == 50 + 60


def test_before_and_after_equal_evaluate_on_the_same_data(base_model, data):
    finetune = prepare(base_model, data)
    assert finetune.before.personal == evaluate(base_model.network, data["mine_test"], 1 / 255).accuracy
    assert finetune.before.mnist == evaluate(base_model.network, data["test"], 1 / 255).accuracy
    finetune.run.fit()
    assert finetune.after.personal == evaluate(finetune.run.network, data["mine_test"], 1 / 255).accuracy
    assert finetune.after.mnist == evaluate(finetune.run.network, data["test"], 1 / 255).accuracy


def test_the_metadata_records_the_set_and_both_accuracies_and_survives_a_file(base_model, data, tmp_path):
    finetune = prepare(base_model, data)
    result = finetune.run.fit()
    tuned = finetune.run.model(result, {"val_accuracy": result.history["val_accuracy"][-1]})
    save_model(tmp_path / "tuned.npz", tuned)
    loaded = load_model(tmp_path / "tuned.npz")
    before, after = finetune.before, finetune.after
    assert loaded.metrics == {"val_accuracy": after.personal, "personal_train_digits": 60,
                              "personal_heldout_digits": 40, "test_accuracy": after.mnist,
                              "test_accuracy_before": before.mnist, "personal_accuracy": after.personal,
                              "personal_accuracy_before": before.personal}
    assert loaded.hyperparameters == tuned.hyperparameters
    assert loaded.hyperparameters["finetune_mix"] == 0.25 and loaded.hyperparameters["finetune_with"] == "mine"
    x = data["mine_test"].images * np.float32(1 / 255)
    np.testing.assert_array_equal(loaded.network.predict_proba(x), tuned.network.predict_proba(x))


def test_the_table_gives_both_accuracies_and_the_drawings_guess(base_model, data):
    drawing = np.zeros((28, 28), np.float32)
    drawing[8:20, 12:15] = 1.0
    finetune = prepare(base_model, data, drawing=drawing)
    rows = finetune.rows()
    assert [str(row.what) for row in rows] == ["Your held-out digits (n=40)", "MNIST test (200)", "This drawing"]
    assert rows[0].after == "" and str(rows[2].before).endswith("%)")
    window_sees = predict_drawing(base_model, drawing)  # the guess is the one the window shows for it
    assert finetune.before.drawing.label == str(np.argmax(window_sees))
    assert finetune.before.drawing.probability == pytest.approx(float(window_sees.max()))
    finetune.run.fit()
    rows = finetune.rows()
    assert str(rows[0].before) == f"{finetune.before.personal:.1%}"
    assert str(rows[0].after) == f"{finetune.after.personal:.1%}"
    assert str(rows[0].change) == f"{(finetune.after.personal - finetune.before.personal) * 100:+.1f} points"
    assert str(rows[2].after) == f"{finetune.after.drawing.label} ({finetune.after.drawing.probability:.0%})"
    lines = finetune.format_table().splitlines()
    assert lines[0].split() == ["before", "after", "change"] and len(lines) == 4
    assert len({line.index(" ", len("Your held-out digits (n=40)")) for line in lines[1:]}) == 1  # aligned


def test_without_held_out_digits_no_personal_accuracy_is_claimed(base_model, data):
    finetune = prepare(base_model, data, personal_test=None)
    assert finetune.run.val is None
    result = finetune.run.fit()
    row = finetune.rows()[0]
    assert tuple(map(str, (row.what, row.before, row.after, row.change))) == ("Your held-out digits (n=0)", "—", "—",
                                                                              NO_HELD_OUT)
    metrics = finetune.run.model(result).metrics
    assert "personal_accuracy" not in metrics and metrics["personal_heldout_digits"] == 0


def test_hold_out_keeps_a_stratified_quarter_aside(data):
    train, test = hold_out(data["mine"], seed=5)
    assert len(test) == 20 and np.bincount(test.labels).tolist() == [2] * 10 and len(train) == 40
    assert hold_out(data["mine"].subset(np.arange(5)))[1] is None  # one digit per class: none to spare


def test_an_8x8_model_is_refused_in_plain_words(data):
    with pytest.raises(ConfigError, match="My digits are 28×28 handwritten digits; this model reads 8×8 digits"):
        prepare(make_model(), data)


def test_a_fashion_model_is_refused(base_model, data):
    fashion = dataclasses.replace(base_model, class_names=FASHION_NAMES, dataset="fashion")
    with pytest.raises(ConfigError, match="T-shirt/top"):
        prepare(fashion, data)


def test_no_personal_digits_is_a_data_error(base_model, data):
    with pytest.raises(DataError, match="no digits to learn from"):
        prepare(base_model, data, personal_train=data["mine"].subset(np.arange(0)))


@pytest.mark.parametrize(("changes", "field"), [
    ({"mix": 0.0}, "mix"), ({"mix": 0.95}, "mix"), ({"epochs": 0}, "epochs"), ({"lr": -1.0}, "lr"),
    ({"mnist_images": 0}, "mnist_images"), ({"batch_size": 0}, "batch_size"), ({"shift": 9}, "shift"),
])
def test_bad_options_name_the_option(base_model, data, changes, field):
    with pytest.raises(ConfigError) as info:
        prepare(base_model, data, options=dataclasses.replace(OPTIONS, **changes))
    assert info.value.field == field


def test_the_shift_is_the_one_the_model_was_trained_with_unless_given(base_model, data):
    shifted = dataclasses.replace(base_model, hyperparameters={"shift": 2})
    assert prepare(shifted, data).run.config.shift == 2
    assert prepare(base_model, data).run.config.shift == 0
    assert prepare(shifted, data, options=dataclasses.replace(OPTIONS, shift=1)).run.config.shift == 1


def write_split(folder, split: str, data: Dataset) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_idx(folder / FILE_NAMES[(split, "images")], data.images.reshape(-1, 28, 28))
    write_idx(folder / FILE_NAMES[(split, "labels")], data.labels.astype(np.uint8))


def test_the_cli_prints_the_table_and_saves_the_tuned_model(base_model, data, tmp_path, capsys):
    write_split(dataset_dir("mnist"), "train", data["train"])
    write_split(dataset_dir("mnist"), "test", data["test"])
    save_model(tmp_path / "base.npz", base_model)
    mine = tmp_path / "mine.csv"
    np.savetxt(mine, np.column_stack([data["mine"].labels, data["mine"].images]), fmt="%d", delimiter=",")
    out_path = tmp_path / "tuned.npz"
    code = main(["finetune", str(tmp_path / "base.npz"), "--with", str(mine), "--epochs", "2", "--mix", "0.3",
                 "-o", str(out_path)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Your held-out digits (n=20)" in captured.out and "MNIST test (200)" in captured.out
    assert "a stratified 25% of it (20 digits" in captured.err and "epoch 2/2" in captured.err
    tuned = load_model(out_path)
    assert tuned.name == "blocks" + TUNED_SUFFIX and tuned.metrics["personal_train_digits"] == 40
    assert tuned.hyperparameters["epochs"] == 2 and tuned.hyperparameters["finetune_mix"] == 0.3


def test_the_cli_without_mnist_says_how_to_get_it(base_model, tmp_path, capsys):
    save_model(tmp_path / "base.npz", base_model)
    mine = tmp_path / "mine.csv"
    np.savetxt(mine, np.column_stack([np.arange(20) % 10, np.zeros((20, 784))]), fmt="%d", delimiter=",")
    assert main(["finetune", str(tmp_path / "base.npz"), "--with", str(mine), "-o", str(tmp_path / "t.npz")]) == 1
    err = capsys.readouterr().err
    assert "digitpad data download mnist" in err and "Traceback" not in err
    assert not (tmp_path / "t.npz").exists()


def test_the_cli_refuses_a_bad_mix_before_loading_anything(tmp_path, capsys):
    assert main(["finetune", str(tmp_path / "missing.npz"), "--mix", "1.5", "-o", str(tmp_path / "t.npz")]) == 1
    assert "mix" in capsys.readouterr().err


def test_the_cli_learns_from_mine_and_tests_on_the_stores_held_out_digits(base_model, data, tmp_path, capsys):
    from digitpad.data.personal import PersonalStore, held_out
    write_split(dataset_dir("mnist"), "train", data["train"])
    write_split(dataset_dir("mnist"), "test", data["test"])
    save_model(tmp_path / "base.npz", base_model)
    added = PersonalStore().add_many([(row.reshape(28, 28), int(label), "test")
                                      for row, label in zip(data["mine"].images, data["mine"].labels)])
    n_test = sum(held_out(digit.id) for digit in added)
    assert main(["finetune", str(tmp_path / "base.npz"), "-o", str(tmp_path / "t.npz")]) == 0
    out = capsys.readouterr().out
    assert f"Your held-out digits (n={n_test})" in out
    metrics = load_model(tmp_path / "t.npz").metrics
    assert (metrics["personal_train_digits"], metrics["personal_heldout_digits"]) == (60 - n_test, n_test)


def test_a_store_with_no_held_out_digit_yet_is_learnt_from_with_a_note(data):
    from digitpad.data.personal import PersonalStore, held_out
    from digitpad.training.finetune_data import personal_splits
    store = PersonalStore()
    while True:  # three digits in four are learnt from: keep one of those
        digit = store.add(data["mine"].images[0].reshape(28, 28), 0)
        if not held_out(digit.id):
            break
        store.delete([digit.id])
    train, test, note = personal_splits("mine")
    assert len(train) == 1 and test is None and "held-out" in str(note)
