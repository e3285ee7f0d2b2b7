"""The inspection window with trained models: a quick 8×8 one always, the shipped MNIST one with real data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, qGray
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from digitpad.data import loading
from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.idx import read_idx
from digitpad.lab.mistakes import apply_mistakes
from digitpad.nn.gradcheck import TOLERANCE, gradient_check
from digitpad.nn.network import MLP
from digitpad.training.prepare import prepare_run, to_model
from digitpad.training.settings import RunSettings
from digitpad.training.trainer import Trainer
from digitpad.ui.app import default_model
from digitpad.ui.inspect import InspectWindow
from digitpad.ui.inspect.gallery import GalleryModel
from digitpad.ui.jobs.job import Job

MNIST = Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"
CASES = ["digits8x8", pytest.param("mnist", marks=pytest.mark.realdata)]


def train_8x8(hidden: str = "32,16", epochs: int = 4):
    settings = RunSettings(dataset="digits8x8", hidden=hidden, epochs=epochs, batch_size=32, lr=0.1)
    train = loading.load("digits8x8", "train")
    network = MLP(settings.spec(train.n_features, train.n_classes), seed=0)
    result = Trainer(network, settings.config()).fit(train)
    return to_model(network, train, settings, result, name=f"8×8 {hidden}"), loading.load("digits8x8", "test")


@pytest.fixture(scope="module")
def digits8x8():
    return train_8x8()


@pytest.fixture(scope="module")
def mnist():
    images, labels = MNIST / "t10k-images-idx3-ubyte.gz", MNIST / "t10k-labels-idx1-ubyte.gz"
    if not (images.is_file() and labels.is_file()):
        pytest.skip(f"real MNIST test files not found in {MNIST}")
    pixels = read_idx(images)
    test = Dataset(pixels.reshape(len(pixels), -1), read_idx(labels).astype(np.int64), (28, 28), 255,
                   DIGIT_NAMES, "mnist")
    return default_model(), test


@pytest.fixture
def case(request):
    return request.getfixturevalue(request.param)


def open_window(qtbot, model, test) -> InspectWindow:
    """The window on ``model``, once its job has evaluated it and the tabs show it."""
    win = InspectWindow()
    qtbot.addWidget(win)
    show_model(qtbot, win, model, test)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def show_model(qtbot, win, model, test) -> None:
    """``set_model``, and wait until the window says it shows that model."""
    with qtbot.waitSignal(win.shown, timeout=30_000, check_params_cb=lambda shown: shown is model):
        win.set_model(model, test)


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_every_tab_shows_the_model_on_the_test_set(qtbot, case):
    model, test = case
    win = open_window(qtbot, model, test)
    ev = win.inspection().evaluation
    correct = ev.predictions == test.labels
    matrix = win.findChild(type(win.confusion), "confusionMatrix").matrix()
    assert matrix.sum() == len(test)
    assert np.array_equal(np.diag(matrix), np.bincount(test.labels[correct], minlength=10))
    assert np.trace(matrix) == correct.sum() == round(ev.accuracy * len(test))
    np.testing.assert_allclose(win.accuracy.values(), ev.per_class_accuracy(10))
    assert win.gallery.count() == (~correct).sum()
    assert sorted(win.gallery.shown_indices().tolist()) == np.flatnonzero(~correct).tolist()
    units = model.network.spec.sizes[1]
    assert win.weights.tiles().shape == (min(64, units), *model.input_shape)
    expected_note = f"first 64 of {units:,} units" if units > 64 else f"all {units} units"
    assert expected_note in win.weights.note.text()
    batch = min(1000, len(test))
    histograms = win.activations.histograms()
    assert [h.units for h in histograms] == list(model.network.spec.sizes[1:-1])
    for activity, curve in zip(histograms, win.activations.curves):
        assert activity.counts.sum() == batch * activity.units
        assert curve.getData()[1].sum() == batch * activity.units


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_clicking_a_cell_shows_exactly_its_images(qtbot, case):
    model, test = case
    win = open_window(qtbot, model, test)
    matrix = win.confusion.matrix()
    off_diagonal = matrix - np.diag(np.diag(matrix))
    cell = np.unravel_index(np.argmax(off_diagonal), matrix.shape)
    ev = win.inspection().evaluation
    expected = np.flatnonzero((test.labels == cell[0]) & (ev.predictions == cell[1]))
    with qtbot.waitSignal(win.confusion.cell_clicked) as clicked:
        qtbot.mouseClick(win.confusion, Qt.MouseButton.LeftButton, pos=win.confusion.cell_rect(*cell).center())
    assert clicked.args == [cell[0], cell[1]]
    assert win.tabs.currentWidget() is win.findChild(type(win.gallery), "mistakesGallery")
    assert win.gallery.cell() == cell and win.gallery.count() == matrix[cell] > 0
    assert sorted(win.gallery.shown_indices().tolist()) == expected.tolist()
    qtbot.mouseClick(win.gallery.show_all, Qt.MouseButton.LeftButton)
    assert win.gallery.cell() is None and win.gallery.count() == (ev.predictions != test.labels).sum()


def test_a_diagonal_cell_shows_the_correct_images_and_tooltips_name_the_cell(qtbot, digits8x8):
    model, test = digits8x8
    win = open_window(qtbot, model, test)
    win.confusion.cell_clicked.emit(3, 3)
    count = win.confusion.matrix()[3, 3]
    assert win.gallery.count() == count
    assert "correctly classified" in win.gallery.summary.text()
    assert win.confusion.cell_tooltip(3, 3).startswith(f"true 3, predicted 3: {count:,} images")
    matrix = win.confusion.matrix()
    zero = tuple(np.argwhere(matrix == 0)[0])
    assert win.confusion.cell_tooltip(*zero) == f"true {zero[0]}, predicted {zero[1]}: 0 images"
    assert win.confusion.cell_at(win.confusion.cell_rect(4, 9).center()) == (4, 9)


def test_the_gallery_paints_only_what_is_visible(qtbot, digits8x8, monkeypatch):
    model, _ = digits8x8
    rng = np.random.default_rng(0)
    noise = Dataset(rng.integers(0, 17, (5000, 64), dtype=np.uint8), rng.integers(0, 10, 5000), (8, 8), 16,
                    DIGIT_NAMES, "noise")
    made = []
    original = GalleryModel.thumbnail
    monkeypatch.setattr(GalleryModel, "thumbnail", lambda self, row: made.append(row) or original(self, row))
    win = open_window(qtbot, model, noise)
    win.tabs.setCurrentWidget(win.gallery)
    win.grab()
    mistakes = int(np.sum(win.inspection().evaluation.predictions != noise.labels))
    assert win.gallery.count() == mistakes > 1000
    assert 0 < len(set(made)) < 200


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_gradient_check_passes_for_the_models_architecture(qtbot, case):
    model, test = case
    win = open_window(qtbot, model, test)
    view = win.findChild(type(win.gradcheck), "gradCheckView")
    win.tabs.setCurrentWidget(view)
    # The result reaches the view through the task's finished signal, queued to the GUI thread:
    # waiting for the view's own signal, set up before the click, cannot miss it.
    with qtbot.waitSignal(view.checked, timeout=30_000) as checked:
        qtbot.mouseClick(win.findChild(type(view.button), "gradCheckButton"), Qt.MouseButton.LeftButton)
    result = view.result()
    assert checked.args == [result]
    assert result.passed and result.worst < TOLERANCE
    layers = len(model.network.spec.sizes) - 1
    assert view.table.rowCount() == layers
    assert [view.table.item(r, 3).text() for r in range(layers)] == ["✓ pass"] * layers
    assert view.button.isEnabled() and view.task is None
    assert "Every layer passes" in view.status.text()


def test_set_model_refreshes_every_tab(qtbot, digits8x8):
    model, test = digits8x8
    win = open_window(qtbot, model, test)
    win.gradcheck.run()
    qtbot.waitUntil(lambda: win.gradcheck.result() is not None, timeout=30_000)
    win.show_cell(8, 1)
    other, _ = train_8x8(hidden="20", epochs=1)
    show_model(qtbot, win, other, test)
    fresh = other.network.predict(test.images * np.float32(other.input_scale))
    assert np.trace(win.confusion.matrix()) == np.sum(fresh == test.labels)
    assert win.gallery.cell() == (8, 1)  # a refresh after each epoch keeps the learner's place
    assert sorted(win.gallery.shown_indices()) == np.flatnonzero((test.labels == 8) & (fresh == 1)).tolist()
    assert win.weights.tiles().shape == (20, 8, 8)
    assert [h.units for h in win.activations.histograms()] == [20] and len(win.activations.plots) == 1
    assert win.gradcheck.result() is None and "Not run yet" in win.gradcheck.status.text()
    assert "8×8 20" in win.windowTitle()


def test_closing_during_a_check_lets_it_go(qtbot, digits8x8):
    model, test = digits8x8
    win = open_window(qtbot, model, test)
    win.gradcheck.run()
    assert not win.gradcheck.button.isEnabled() and not win.gradcheck.busy.isHidden()
    win.close()
    assert win.gradcheck.task is None and win.gradcheck.button.isEnabled()
    assert Job.wait_all()


def test_a_test_set_that_does_not_fit_is_said_in_a_dialog_and_leaves_the_window_as_it_was(qtbot, digits8x8,
                                                                                        monkeypatch):
    model, test = digits8x8
    win = open_window(qtbot, model, test)
    before = win.confusion.matrix()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[1:]))
    wide = Dataset(np.zeros((3, 784), np.uint8), np.zeros(3, np.int64), (28, 28), 255, DIGIT_NAMES, "mnist")
    win.set_model(model, wide)
    qtbot.waitUntil(lambda: shown != [])
    assert shown[0][0] == "Cannot look inside" and "do not fit this model" in shown[0][1]
    assert not win.busy_now and win.busy.isHidden()
    assert np.array_equal(win.confusion.matrix(), before) and win.inspection().evaluation.labels is test.labels


def test_a_network_without_hidden_layers(qtbot, digits8x8):
    _, test = digits8x8
    model, _ = train_8x8(hidden="", epochs=1)
    win = open_window(qtbot, model, test)
    assert win.weights.tiles().shape == (10, 8, 8)
    assert "output layer" in win.weights.note.text()
    assert win.activations.histograms() == () and "no hidden layer" in win.activations.intro.text()


def tooltip_at(widget, pos) -> str:
    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    return QToolTip.text()


def test_hovering_explains_cells_rows_and_tiles(qtbot, digits8x8):
    model, test = digits8x8
    win = open_window(qtbot, model, test)
    matrix = win.confusion.matrix()
    centre = win.confusion.cell_rect(2, 2).center()
    qtbot.mouseMove(win.confusion, centre)
    assert tooltip_at(win.confusion, centre) == f"true 2, predicted 2: {matrix[2, 2]} images (correct)\n" \
                                                "Click to see them."
    accuracy = win.accuracy
    assert tooltip_at(accuracy, accuracy.row_rect(0).center()).startswith(
        f"0: {matrix[0, 0]} of {matrix[0].sum()} correct")
    win.tabs.setCurrentWidget(win.weights)
    tile = win.weights.grid.tile_rect(5)
    W = model.network.dense_layers[0].params["W"][:, 5]
    assert tooltip_at(win.weights.grid, tile.center()).startswith(f"unit 5: weights from {W.min():+.3f}")


def test_shared_colour_scale_labels_the_key_with_the_largest_weight(qtbot, digits8x8):
    model, test = digits8x8
    win = open_window(qtbot, model, test)
    tiles = win.weights.tiles()
    own = np.abs(tiles).reshape(len(tiles), -1).max(axis=1)
    assert np.array_equal(win.weights.grid.scales(), own)
    assert win.weights.key.labels() == ("−max |w|", "0", "+max |w|")
    win.weights.shared.setChecked(True)
    assert np.all(win.weights.grid.scales() == own.max())
    assert win.weights.key.labels()[2] == f"+{own.max():.3g}"


def run_gradient_check(qtbot, win: InspectWindow):
    view = win.gradcheck
    win.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(view.checked, timeout=30_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    return view.result()


def test_gradient_check_uses_the_maths_a_lab_mistake_trained_with_and_names_where_it_parts(qtbot, digits8x8):
    settings = RunSettings(dataset="digits8x8", hidden="16,12", epochs=2, batch_size=32, lr=0.1)
    run = prepare_run(settings, customise=lambda network: apply_mistakes({"softmax_derivative"}, network))
    buggy = run.model(run.fit(), name="lab: softmax derivative twice")
    _, test = digits8x8
    win = open_window(qtbot, buggy, test)
    assert "deliberate lab mistake (softmax derivative applied twice)" in win.gradcheck.status.text()
    result = run_gradient_check(qtbot, win)
    expected = gradient_check(buggy.network.spec, head=buggy.network.head)
    assert not result.passed and result.errors == expected.errors and result.output_error > 0.1
    assert result.first_failure() == 3  # the output gradient, handed to layer 3 (12 → 10)
    table = win.gradcheck.table
    assert [table.item(r, 3).text() for r in range(3)] == ["✗ FAIL"] * 3
    assert [table.item(r, 1).text() for r in range(3)] == [f"{result.errors[f'W{i}']:.2e}" for i in range(3)]
    status = win.gradcheck.status.text()
    assert "✓" not in status and "passes" not in status and "✗ FAILS" in status
    assert ("The numbers part at the output: the gradient dL/dz that softmax + cross-entropy with the softmax "
            "derivative applied twice hands to layer 3 (12 → 10) is wrong") in status
    # The same architecture trained with the engine's own maths passes.
    clean = to_model(MLP(buggy.network.spec, seed=0), test, settings, None, name="clean")
    show_model(qtbot, win, clean, test)
    assert "deliberate" not in win.gradcheck.status.text()
    result = run_gradient_check(qtbot, win)
    assert result.passed and result.first_failure() is None
    assert [table.item(r, 3).text() for r in range(3)] == ["✓ pass"] * 3
    assert win.gradcheck.status.text().startswith("Every layer passes") and "FAIL" not in win.gradcheck.status.text()


def double_click(qtbot, widget, pos) -> None:
    """As a mouse sends it: press and release, then the double-click event (QTest's mouseDClick sends only that)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def thumbnail_centre(view, row: int):
    return view.visualRect(view.model().index(row, 0)).center()


def test_a_double_click_or_enter_opens_a_mistake_large_with_the_engines_probabilities(qtbot, digits8x8):
    model, test = digits8x8
    win = open_window(qtbot, model, test)
    win.tabs.setCurrentWidget(win.gallery)
    view = win.gallery.view
    qtbot.waitUntil(lambda: view.visualRect(view.model().index(1, 0)).isValid())
    for row, open_it in ((0, lambda: double_click(qtbot, view.viewport(), thumbnail_centre(view, 0))),
                         (1, lambda: (qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                                                       pos=thumbnail_centre(view, 1)),
                                      qtbot.keyClick(view, Qt.Key.Key_Return)))):
        open_it()
        dialog = win.gallery.dialog
        qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
        index = int(win.gallery.shown_indices()[row])
        x = test.images[index:index + 1] * np.float32(model.input_scale)
        engine = model.network.predict_proba(x)[0]
        np.testing.assert_allclose(dialog.bars.probabilities(), engine, rtol=1e-5, atol=1e-7)
        predicted, true = int(np.argmax(engine)), int(test.labels[index])
        assert predicted != true and dialog.bars.top_class() == predicted
        facts = dialog.facts.text()
        assert f"Test image {index:,}" in facts and f"true class: <b>{true}</b>" in facts
        assert f"predicted: <b>{predicted}</b> with {100 * engine[predicted]:.1f} %" in facts
        assert f"probability of the true class: {100 * engine[true]:.1f} %" in facts
        pixmap = dialog.image.pixmap().toImage()
        shown = [[qGray(pixmap.pixel(28 * c + 14, 28 * r + 14)) for c in range(8)] for r in range(8)]
        assert pixmap.width() == 224 and np.array_equal(shown, np.rint(test.images[index].reshape(8, 8) / 16 * 255))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isHidden() and win.isVisible()


def test_a_regressions_mistake_shows_no_made_up_probabilities(qtbot, digits8x8):
    _, test = digits8x8
    settings = RunSettings(dataset="digits8x8", hidden="16", head="identity+mse", regression=True, epochs=2,
                           batch_size=32, lr=0.01)
    train = loading.load("digits8x8", "train")
    network = MLP(settings.spec(train.n_features, train.n_classes), seed=0)
    model = to_model(network, train, settings, Trainer(network, settings.config()).fit(train), name="label/10")
    win = open_window(qtbot, model, test)
    win.tabs.setCurrentWidget(win.gallery)
    view = win.gallery.view
    qtbot.waitUntil(lambda: view.visualRect(view.model().index(0, 0)).isValid())
    double_click(qtbot, view.viewport(), thumbnail_centre(view, 0))
    dialog = win.gallery.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    index = int(win.gallery.shown_indices()[0])
    predicted = int(network.predict(test.images[index:index + 1] * np.float32(model.input_scale))[0])
    assert dialog.bars.isHidden() and "%" not in dialog.facts.text()
    assert f"predicted: <b>{predicted}</b> (wrong), the digit its one output ×10 rounds to" in dialog.facts.text()
    tip = view.model().data(view.model().index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "%" not in tip and f"predicted: {predicted} (its one output ×10, rounded)" in tip
