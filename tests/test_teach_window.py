"""Teach it my digits in the window: keys and clicks as a person uses them, and a before/after that is true.

The data is real MNIST (a slice of it, written into the test's own data store) and the learner's digits are
MNIST test digits drawn thicker and off the usual position (a handwriting the model meets less often), stored
in My digits as the window stores them.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_main_window import draw_seven

from digitpad.data.dataset import FASHION_NAMES
from digitpad.data.idx import read_idx, write_idx
from digitpad.data.loading import load
from digitpad.data.personal import PersonalStore
from digitpad.data.preprocess import center_digit
from digitpad.data.registry import FILE_NAMES, dataset_dir
from digitpad.inference.predict import predict_drawing
from digitpad.training.evaluate import evaluate
from digitpad.training.finetune import TUNED_SUFFIX
from digitpad.ui.app import default_model
from digitpad.ui.dialogs.before_after import BeforeAfterDialog

N_TRAIN, N_TEST, N_MINE = 800, 300, 80


@pytest.fixture
def mnist_slice(mnist_dir):
    """The first images of real MNIST's train and test files, as the store's MNIST."""
    folder = dataset_dir("mnist")
    folder.mkdir(parents=True)
    for split, n in (("train", N_TRAIN), ("test", N_TEST)):
        for kind in ("images", "labels"):
            name = FILE_NAMES[(split, kind)]
            write_idx(folder / name, read_idx(mnist_dir / name)[:n])
    return read_idx(mnist_dir / FILE_NAMES[("test", "images")])[-N_MINE:], \
        read_idx(mnist_dir / FILE_NAMES[("test", "labels")])[-N_MINE:]


@pytest.fixture
def my_digits(mnist_slice):
    """The learner's digits: MNIST test digits (none of those above) made bolder, stored in My digits."""
    images, labels = mnist_slice
    store = PersonalStore()
    bold = [np.maximum(image, np.roll(image, 1, axis=1)).astype(np.float32) / 255 for image in images]
    store.add_many([(np.round(center_digit(b) * 255).astype(np.uint8), int(label), "test")
                    for b, label in zip(bold, labels)])
    return store


def teach(window, qtbot):
    """Model ▸ Teach it my digits… by its shortcut, as a person would press it."""
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)


def finished_dialog(window, qtbot) -> BeforeAfterDialog:
    qtbot.waitUntil(lambda: window.teach.dialog is not None and window.teach.dialog.save_button.isEnabled(),
                    timeout=60_000)
    return window.teach.dialog


def percent(value: float) -> str:
    return f"{value:.1%}"


def test_teaching_tunes_the_model_and_the_table_tells_the_truth(window, qtbot, my_digits):
    draw_seven(qtbot, window.canvas)
    original = window.files.model
    drawing = window.canvas.image()
    teach(window, qtbot)
    dialog = finished_dialog(window, qtbot)
    tuned = window.files.model
    held_out, mnist_test = my_digits.dataset("test"), load("mnist", "test")
    assert len(held_out) > 0 and tuned is not original
    assert tuned.name.endswith(TUNED_SUFFIX) and window.files.unsaved
    for row, data in ((0, held_out), (1, mnist_test)):
        before = evaluate(original.network, data, original.input_scale).accuracy
        after = evaluate(tuned.network, data, tuned.input_scale).accuracy
        assert (dialog.cell(row, 1), dialog.cell(row, 2)) == (percent(before), percent(after))
        assert dialog.cell(row, 3) == f"{(after - before) * 100:+.1f} points"
    assert dialog.cell(0, 0) == f"Your held-out digits (n={len(held_out)})"
    for column, model in ((1, original), (2, tuned)):
        probabilities = predict_drawing(model, drawing)
        top = int(np.argmax(probabilities))
        assert dialog.cell(2, column) == f"{model.class_names[top]} ({probabilities[top]:.0%})"
    assert tuned.metrics["personal_heldout_digits"] == len(held_out)
    assert tuned.metrics["personal_train_digits"] == len(my_digits) - len(held_out)
    latest = window.runs_panel.store.summaries()[0]
    assert latest.name == f"Run {latest.id} · Teach it my digits" and latest.kind == "finetune"
    # The original was not touched: it reads as the bundled model does.
    np.testing.assert_array_equal(original.network.predict_proba(np.zeros((1, 784), np.float32)),
                                  default_model().network.predict_proba(np.zeros((1, 784), np.float32)))


def test_back_to_the_model_before_restores_it_saved(window, qtbot, my_digits):
    original = window.files.model
    teach(window, qtbot)
    dialog = finished_dialog(window, qtbot)
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    assert window.files.model is original and not window.files.unsaved
    assert not window.windowTitle().count("tuned")
    assert not dialog.save_button.isEnabled()


def test_save_tuned_model_as_writes_the_tuned_model(window, qtbot, my_digits, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from digitpad.model.files import load_model
    target = tmp_path / "tuned.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    teach(window, qtbot)
    dialog = finished_dialog(window, qtbot)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = load_model(target)
    assert saved.name.endswith(TUNED_SUFFIX) and not window.files.unsaved
    assert saved.metrics["test_accuracy"] == pytest.approx(window.files.model.metrics["test_accuracy"])


@pytest.fixture
def told(monkeypatch):
    """What message boxes told the person, instead of waiting for a click."""
    messages = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, **k: messages.append((title, text)))
    return messages


def test_without_digits_of_mine_it_says_how_to_collect_them(window, qtbot, told):
    teach(window, qtbot)
    assert told and "Correct it" in told[0][1]
    assert not window.session.running and window.teach.dialog is None


def test_a_fashion_model_is_refused_before_anything_loads(window, qtbot, told):
    model = default_model()
    model.class_names = FASHION_NAMES
    window.files.set_model(model, None)
    teach(window, qtbot)
    assert told and told[0][0] == "Cannot teach this model"
    assert not window.session.running


def test_the_browsers_teach_button_teaches_too(window, qtbot, my_digits):
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    browser = window.personal.browser
    qtbot.waitExposed(browser)
    qtbot.mouseClick(browser.teach_button, Qt.MouseButton.LeftButton)
    finished_dialog(window, qtbot)
    assert window.files.model.name.endswith(TUNED_SUFFIX)


def test_the_look_alikes_tab_shows_the_nearest_training_images_and_draws_one(window, qtbot, mnist_slice):
    from digitpad.inference.neighbours import last_hidden_outputs
    from digitpad.inference.predict import drawing_to_input
    draw_seven(qtbot, window.canvas)
    tabs = window.insight_tabs
    index = tabs.indexOf(window.look_alikes_view)
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
    view = window.look_alikes_view
    qtbot.waitUntil(lambda: view.rows[0][0].isVisible(), timeout=30_000)
    model, train = window.files.model, load("mnist", "train")
    hidden = last_hidden_outputs(model.network, train.images * np.float32(model.input_scale))
    mine = last_hidden_outputs(model.network, drawing_to_input(model, window.canvas.image()))
    nearest = np.argsort(((hidden - mine) ** 2).sum(axis=1), kind="stable")[:8]
    assert [t.caption for t in view.rows[0]] == [str(train.labels[i]) for i in nearest]
    qtbot.mouseClick(view.rows[0][0], Qt.MouseButton.LeftButton)
    np.testing.assert_allclose(window.canvas.image(), train.images[nearest[0]].reshape(28, 28) / 255, atol=1e-6)


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_tab_title_beside_the_plots_shows_whole(qtbot, make_window, size):
    window = make_window()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    bar = window.insight_tabs.tabBar()
    assert bar.count() == 6 and sum(bar.tabSizeHint(i).width() for i in range(bar.count())) <= bar.width()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))


def train_on_my_digits(window, qtbot):
    """Data ▸ Dataset: My digits, a small network, then Train, as a person sets them."""
    from test_training_form import pick, show_page_of
    panel = window.panel
    show_page_of(qtbot, panel, panel.dataset_combo)
    pick(qtbot, panel.dataset_combo, "My digits")
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)


def test_my_digits_train_a_model_from_the_dataset_list(window, qtbot, monkeypatch):
    from test_main_window import SMALL_RUN
    window.panel.set_settings(dataclasses.replace(SMALL_RUN, validation=0.0, batch_size=8))
    store = PersonalStore()
    rng = np.random.default_rng(0)
    for label in range(10):
        for _ in range(3):
            image = np.zeros((28, 28), np.float32)
            image[4 + label:14 + label, 6:22] = rng.uniform(0.5, 1, (10, 16))
            store.add_drawing(image, label)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(window.session.finished, timeout=30_000) as ended:
        train_on_my_digits(window, qtbot)
    model, result = ended.args
    assert model.dataset == "mine" and result.status == "completed"
    assert window.files.model is model


def test_training_on_an_empty_my_digits_says_how_to_fill_it(window, qtbot, told):
    train_on_my_digits(window, qtbot)
    assert told and "Correct it" in told[0][1]
    assert not window.session.running


def test_save_and_back_are_only_for_the_tuned_model_while_it_is_the_current_one(window, qtbot, my_digits,
                                                                                 monkeypatch):
    teach(window, qtbot)
    dialog = finished_dialog(window, qtbot)
    other = default_model()
    window.files.set_model(other, None, unsaved=True)  # another run's model, say: unsaved work
    assert not dialog.save_button.isEnabled() and not dialog.revert_button.isEnabled()
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    assert window.files.model is other and window.files.unsaved


def test_back_asks_first_when_the_tuned_model_was_edited_by_hand(window, qtbot, my_digits, monkeypatch):
    teach(window, qtbot)
    dialog = finished_dialog(window, qtbot)
    tuned = window.files.model
    window.edits.set_gain(1, 0, 0.0)  # a unit switched off in the Network tab
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    assert asked == ["Back to the model before?"] and window.files.model is tuned


def test_an_unreadable_my_digits_is_named_as_the_problem_not_the_model(window, qtbot, told):
    from digitpad.data.registry import personal_dir
    personal_dir().mkdir(parents=True)
    (personal_dir() / "digits.journal").write_bytes(b"not a journal")
    teach(window, qtbot)
    assert told and told[0][0] == "My digits cannot be read" and "digits.journal" in told[0][1]
    assert not window.session.running
