"""Look-alikes: the view and its presenter on a real canvas and prediction, drawn on with the mouse."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget
from support.models import make_model
from test_neighbours import (
    brute_force_hidden,
    brute_force_nearest,
    mnist_like_model,
    small_train,
)

from digitpad.data.loading import load
from digitpad.data.preprocess import center_digit
from digitpad.inference.neighbours import LookAlikes, Neighbour
from digitpad.inference.predict import preview
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.ui.jobs.job import Job
from digitpad.ui.look_alikes import BUSY, EMPTY, FINDING, LookAlikesPresenter
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.widgets.canvas import DrawingCanvas
from digitpad.ui.widgets.look_alikes import (
    NO_HIDDEN,
    REGRESSION_NOTE,
    LookAlikesView,
    summary,
)
from digitpad.ui.widgets.network_view import NetworkView
from digitpad.ui.widgets.number_line import NumberLine
from digitpad.ui.widgets.preview import InputPreview
from digitpad.ui.widgets.probabilities import ProbabilityBars
from digitpad.ui.widgets.saliency_legend import SaliencyLegend

LEFT = Qt.MouseButton.LeftButton
WAIT_MS = 15_000  # a query takes ~0.1 s; a full suite beside other work once needed more than 5 s


@dataclass
class Rig:
    """A canvas and the look-alikes view side by side, the prediction between them and the presenter."""

    window: QWidget
    canvas: DrawingCanvas
    view: LookAlikesView
    prediction: DrawingPrediction
    presenter: LookAlikesPresenter
    loads: list[str] = field(default_factory=list)
    busy: bool = False


@pytest.fixture
def make_rig(qtbot):
    rigs = []

    def make(model, train, gate: threading.Event | None = None, view_shown: bool = True, busy: bool = False) -> Rig:
        window = QWidget()
        qtbot.addWidget(window)
        canvas, view = DrawingCanvas(), LookAlikesView()
        row = QHBoxLayout(window)
        row.addWidget(canvas)
        row.addWidget(view, 2)
        others = [ProbabilityBars(), InputPreview(), SaliencyLegend(), NumberLine(), NetworkView()]
        for widget in others:
            qtbot.addWidget(widget)  # never shown: the prediction only sets them
        prediction = DrawingPrediction(canvas, others[0], others[1], lambda: False, model, others[2], others[3],
                                       others[4])
        rig = Rig(window, canvas, view, prediction, None, busy=busy)  # type: ignore[arg-type]
        rigs.append(rig)

        def load_train(source):
            rig.loads.append(source)
            if gate is not None:
                gate.wait(WAIT_MS / 1000)
            return train
        rig.presenter = LookAlikesPresenter(view, prediction, load_train, lambda: rig.busy)
        view.setVisible(view_shown)
        window.resize(900, 300)
        window.show()
        qtbot.waitExposed(window)
        return rig
    yield make
    for rig in rigs:
        rig.window.hide()  # out of sight, the presenter starts nothing more
    Job.wait_all(WAIT_MS)
    qtbot.wait(10)  # the jobs' last signals reach widgets that still exist


def draw_seven(qtbot, canvas: DrawingCanvas) -> None:
    """A real mouse stroke: across the top, then down to the bottom left."""
    cell = min(canvas.width(), canvas.height()) / 28
    left, top = (canvas.width() - 28 * cell) / 2, (canvas.height() - 28 * cell) / 2

    def at(col, row):
        return QPoint(int(left + col * cell), int(top + row * cell))
    qtbot.mousePress(canvas, LEFT, pos=at(7, 6))
    for col, row in [(11, 6), (15, 6), (20, 6), (18, 11), (16, 15), (14, 19), (12, 23)]:
        qtbot.mouseMove(canvas, at(col, row))
    qtbot.mouseRelease(canvas, LEFT, pos=at(12, 23))


def captions(view: LookAlikesView, space: int) -> list[str]:
    return [t.caption for t in view.rows[space] if t.isVisible()]


def expected(model, train, drawing) -> tuple[list[int], list[int]]:
    """The brute-force nearest 8 in the hidden layer and in pixel space, float64."""
    hidden = brute_force_hidden(model, train.images)
    query = brute_force_hidden(model, (center_digit(drawing) * 255.0).reshape(1, -1))[0]
    pixel = brute_force_nearest(train.images / 255.0, preview(model, drawing).ravel(), 8)[0]
    return list(brute_force_nearest(hidden, query, 8)[0]), list(pixel)


def wait_for_brute_force(qtbot, rig: Rig, model, train) -> tuple[list[int], list[int]]:
    """Wait until both rows show the brute-force neighbours of the drawing now on the canvas."""
    hidden, pixel = expected(model, train, rig.canvas.image())
    names = train.class_names
    qtbot.waitUntil(lambda: captions(rig.view, 0) == [names[train.labels[i]] for i in hidden]
                    and captions(rig.view, 1) == [names[train.labels[i]] for i in pixel], timeout=WAIT_MS)
    return hidden, pixel


def test_a_drawing_shows_its_brute_force_nearest_training_images_in_both_rows(qtbot, make_rig):
    model, train = mnist_like_model(), small_train()
    rig = make_rig(model, train)
    assert rig.view.note.text() == EMPTY and rig.view.note.isVisible()
    draw_seven(qtbot, rig.canvas)
    hidden, pixel = wait_for_brute_force(qtbot, rig, model, train)
    view = rig.view
    assert view.summary.isVisible() and not view.note.isVisible()
    for space, rows in ((0, hidden), (1, pixel)):
        for thumbnail, i in zip(view.rows[space], rows):
            assert f"Training image {i:,}, labelled {train.labels[i]}: distance" in thumbnail.toolTip()
    predicted = int(np.argmax(rig.prediction.bars.probabilities()))  # what the person reads on the bars
    found = LookAlikes(*(tuple(Neighbour(int(i), int(train.labels[i]), 0.0) for i in rows) for rows in (hidden, pixel)),
                       predicted)
    assert view.summary.text() == summary(found, train.class_names, False)
    assert [t.match for t in view.rows[0]] == [train.labels[i] == predicted for i in hidden]
    assert rig.loads == ["tiny-set"]


def test_clicking_a_thumbnail_asks_to_draw_that_training_image(qtbot, make_rig):
    model, train = mnist_like_model(), small_train()
    rig = make_rig(model, train)
    draw_seven(qtbot, rig.canvas)
    _, pixel = wait_for_brute_force(qtbot, rig, model, train)
    with qtbot.waitSignal(rig.view.draw_requested) as asked:
        qtbot.mouseClick(rig.view.rows[1][2], LEFT)
    image, caption = asked.args
    np.testing.assert_allclose(image, train.images[pixel[2]].reshape(28, 28) / 255.0, atol=1e-6)
    assert caption == f"training image {pixel[2]:,} (labelled {train.labels[pixel[2]]})"


def test_an_8x8_model_draws_its_training_image_as_a_28x28_drawing(qtbot, make_rig):
    model, train = make_model(), load("digits8x8", "train")
    rig = make_rig(model, train)
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: len(captions(rig.view, 1)) == 8, timeout=WAIT_MS)
    with qtbot.waitSignal(rig.view.draw_requested) as asked:
        qtbot.mouseClick(rig.view.rows[0][0], LEFT)
    assert asked.args[0].shape == (28, 28) and asked.args[0].max() <= 1.0


def test_while_the_training_images_are_passed_it_says_so_then_shows_them(qtbot, make_rig):
    gate = threading.Event()
    model, train = mnist_like_model(), small_train()
    rig = make_rig(model, train, gate)
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: rig.view.note.text().startswith(FINDING), timeout=WAIT_MS)
    assert not rig.view.rows[0][0].isVisible()
    gate.set()
    wait_for_brute_force(qtbot, rig, model, train)


def test_the_index_is_built_once_per_model_and_gains(qtbot, make_rig):
    model, train = mnist_like_model(), small_train()
    rig = make_rig(model, train)
    draw_seven(qtbot, rig.canvas)
    wait_for_brute_force(qtbot, rig, model, train)
    first = rig.presenter.indices[-1][1]
    qtbot.mousePress(rig.canvas, LEFT, pos=QPoint(rig.canvas.width() // 2, rig.canvas.height() // 2))
    qtbot.mouseRelease(rig.canvas, LEFT, pos=QPoint(rig.canvas.width() // 2, rig.canvas.height() // 2))
    wait_for_brute_force(qtbot, rig, model, train)
    assert [index for _, index in rig.presenter.indices] == [first]
    for unit in range(6):
        model.network.set_unit_gain(2, unit, 0.0)
    rig.prediction.update()  # as the window does after an edit
    wait_for_brute_force(qtbot, rig, model, train)  # the brute force with these gains
    assert len(rig.presenter.indices) == 2
    for unit in range(6):
        model.network.set_unit_gain(2, unit, 1.0)
    rig.prediction.update()
    wait_for_brute_force(qtbot, rig, model, train)
    assert rig.presenter.indices[0][1] is first and len(rig.presenter.indices) == 2  # no third build
    assert rig.loads == ["tiny-set"]  # the training set loaded once for both


def test_nothing_is_computed_while_the_view_is_out_of_sight(qtbot, make_rig):
    model, train = mnist_like_model(), small_train()
    rig = make_rig(model, train, view_shown=False)
    draw_seven(qtbot, rig.canvas)
    qtbot.wait(300)
    assert rig.loads == [] and not rig.presenter.indices
    rig.view.show()
    wait_for_brute_force(qtbot, rig, model, train)


def test_while_a_run_trains_it_waits_for_the_end(qtbot, make_rig):
    model, train = mnist_like_model(), small_train()
    rig = make_rig(model, train, busy=True)
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: rig.view.note.text() == BUSY, timeout=WAIT_MS)
    assert rig.loads == []


def test_missing_mnist_says_how_to_get_it(qtbot, make_rig):
    model = make_model(network=MLP(NetworkSpec((784, 16, 10)), seed=3), input_shape=(28, 28),
                       preprocessing="mnist-28", input_scale=1 / 255, dataset="mnist")
    rig = make_rig(model, small_train())
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: "digitpad data download mnist" in rig.view.note.text(), timeout=WAIT_MS)
    assert "MNIST training images are not on this computer" in rig.view.note.text() and rig.loads == []


def test_a_training_set_that_cannot_be_loaded_is_named_in_the_note(qtbot, make_rig):
    model = make_model(network=MLP(NetworkSpec((784, 16, 10)), seed=3), input_shape=(28, 28),
                       preprocessing="mnist-28", input_scale=1 / 255, dataset="tiny-set")
    rig = make_rig(model, load("digits8x8", "train"))  # 8×8 images for a 28×28 model
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: "digits8x8: its images are 8×8 pixels" in rig.view.note.text(), timeout=WAIT_MS)


def test_a_network_without_a_hidden_layer_shows_pixel_space_only(qtbot, make_rig):
    model, train = mnist_like_model((784, 10)), small_train()
    rig = make_rig(model, train)
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: len(captions(rig.view, 1)) == 8, timeout=WAIT_MS)
    assert captions(rig.view, 0) == [] and not rig.view.titles[0].isVisible()
    assert rig.view.note.text() == NO_HIDDEN and "in pixel space" in rig.view.summary.text()


def test_a_regression_model_marks_the_digit_its_output_rounds_to(qtbot, make_rig):
    spec = NetworkSpec((784, 16, 1), output="identity", loss="mse")
    train = small_train()
    model = make_model(network=MLP(spec, seed=3), input_shape=(28, 28), preprocessing="mnist-28",
                       input_scale=1 / 255, dataset="tiny-set")
    rig = make_rig(model, train)
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: len(captions(rig.view, 0)) == 8, timeout=WAIT_MS)
    assert rig.view.note.text() == REGRESSION_NOTE and "its output ×10 rounds to" in rig.view.summary.text()


@pytest.mark.parametrize("size", [(600, 260), (420, 240)])  # the brief's tab, and the Look-alikes tab at 1280×800
def test_the_view_fits_its_tab(qtbot, size):
    view = LookAlikesView()
    qtbot.addWidget(view)
    train = small_train(8)
    found = LookAlikes(tuple(Neighbour(i, int(train.labels[i]), 1.0) for i in range(8)),
                       tuple(Neighbour(i, int(train.labels[i]), 2.0) for i in range(8)), 3)
    view.show_look_alikes(found, train, train.class_names)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    assert view.minimumSizeHint().width() <= size[0] and view.minimumSizeHint().height() <= size[1]
    for row in view.rows:
        for thumbnail in row:
            assert view.rect().contains(thumbnail.geometry()) and thumbnail.image_rect().width() >= 28


def found_with(labels: list[int], predicted: int) -> LookAlikes:
    return LookAlikes(tuple(Neighbour(i, label, 1.0) for i, label in enumerate(labels)), (), predicted)


def test_the_summary_says_what_the_hidden_layer_neighbours_are():
    digits = tuple("0123456789")
    assert summary(found_with([7] * 6 + [1, 2], 7), digits, False) == (
        "6 of its 8 nearest neighbours in the hidden layer are 7s: it reads your drawing as a 7.")
    assert summary(found_with([8] * 5 + [3] * 3, 8), digits, False).endswith("as an 8.")
    assert summary(found_with([1] * 5 + [7] * 2 + [4], 7), digits, False) == (
        "Only 2 of its 8 nearest neighbours in the hidden layer are 7s, yet it reads your drawing as a 7; 5 are 1s.")
    assert summary(found_with([1] * 8, 7), digits, False).startswith("None of its 8")
    names = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
    assert summary(found_with([9] * 8, 9), names, False) == (
        "8 of its 8 nearest neighbours in the hidden layer are labelled “Ankle boot”: it reads your drawing as an "
        "Ankle boot.")


def test_real_mnist_with_the_bundled_model(qtbot, make_rig, mnist_dir, monkeypatch):
    from digitpad.ui.app import default_model
    monkeypatch.setenv("DIGITPAD_DATA_DIR", str(mnist_dir.parent))
    model, train = default_model(), load("mnist", "train")
    rig = make_rig(model, train)
    rig.canvas.set_image(train.images[123].reshape(28, 28) / 255.0)
    qtbot.waitUntil(lambda: "Training image 123," in rig.view.rows[0][0].toolTip()
                    and "Training image 123," in rig.view.rows[1][0].toolTip(), timeout=3 * WAIT_MS)
    assert rig.view.rows[0][0].caption == str(train.labels[123])


def test_a_job_that_ends_after_its_window_is_gone_changes_nothing(qtbot, make_rig):
    """The view deleted (its window closed) while its look-alikes were being found: the job's end arrives to
    nobody (it raised "Internal C++ object (LookAlikesView) already deleted" in the Qt event loop, once under
    CI's load)."""
    gate = threading.Event()
    rig = make_rig(mnist_like_model(), small_train(), gate=gate)
    draw_seven(qtbot, rig.canvas)
    qtbot.waitUntil(lambda: rig.loads == ["tiny-set"])  # the index is being built, held at the gate
    rig.view.deleteLater()  # and the presenter with it, its child
    qtbot.waitUntil(lambda: not shiboken6.isValid(rig.view))
    gate.set()
    assert Job.wait_all(WAIT_MS)
    qtbot.wait(50)  # the job's end is delivered: pytest-qt fails the test on an exception in the event loop
