"""What the loss, accuracy and gradient plots show is true (issue 12, points 1-3).

The plots live in a real main window at 1280×800; earlier runs, small runs really recorded in the run history,
are ticked in the Runs tab with a real click on the row and the space bar, as a learner does.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from digitpad.training.history import loss_name
from digitpad.training.settings import RunSettings
from digitpad.ui.base.plot_parts import overlay_colour
from test_runs import names, record_run


def _run(name: str, epochs: int, val: bool = True, head: str = "softmax+cross_entropy",
         regression: bool = False) -> int:
    """A small run recorded in the run history (as ``digitpad train`` records one); its id."""
    return record_run(name, RunSettings(dataset="digits8x8", hidden="16", epochs=epochs, head=head,
                                        regression=regression, validation=0.2 if val else 0.0))


@pytest.fixture
def win(window):
    window.resize(1280, 800)
    window.insight_tabs.setCurrentWidget(window.runs_panel)
    return window


def tick_rows(qtbot, win, runs) -> None:
    """Click each run's name in the Runs list, then press space: the row's tick box toggles."""
    win.runs_panel.refresh()  # as when the tab is shown, or the window comes to the front
    tree = win.runs_panel.list
    for name in runs:
        index = tree.model().index(names(win.runs_panel).index(name), 0)
        tree.scrollTo(index)  # as a person scrolls to it
        rect = tree.visualRect(index)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(tree, Qt.Key.Key_Space)
    ticked = {run.name for run in win.runs_panel.ticked()}
    assert set(runs) <= ticked


def current_run(plot_loss, plot_accuracy, epochs: int, batches: int = 10, val: bool = False) -> None:
    """A run of ``epochs`` epochs as the presenter feeds it: batch losses, then per-epoch points."""
    for plot in (plot_loss, plot_accuracy):
        plot.clear_run(epochs)
    steps = np.arange(1, epochs * batches + 1) / batches
    plot_loss.add_batches(list(steps), list(2.3 * np.exp(-steps) + 0.1))
    ends = list(range(1, epochs + 1))
    plot_loss.add_epochs(ends, [1.0] * epochs, [0.9] * epochs if val else [None] * epochs)
    plot_accuracy.add_epochs(ends, [90.0] * epochs, [88.0] * epochs if val else [None] * epochs)


def drawn_labels(axis) -> list[str]:
    """The tick labels the axis draws at its current size and range."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        return [text for _, _, text in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()


# -- point 1: the legend -----------------------------------------------------------
def test_the_legend_lists_the_lines_drawn_and_stays_off_the_data(qtbot, win):
    for name, val in (("first", False), ("second", True), ("third", False)):
        _run(name, 3, val=val)
    tick_rows(qtbot, win, ["first", "second", "third"])
    current_run(win.loss_plot, win.accuracy_plot, 3, val=False)
    qtbot.wait(50)  # the layout settles
    for plot in (win.loss_plot, win.accuracy_plot):
        data_area = plot.getViewBox().sceneBoundingRect()
        assert not plot.legend.sceneBoundingRect().intersects(data_area)
        names = plot.legend_names()
        assert "validation" not in names  # the current run has no validation data
        assert not any(n.startswith(("first · validation", "third · validation")) for n in names)
        assert "second · validation" in names and "first · train" in names
        drawn = [c for c in plot.listDataItems() if c.xData is not None and len(c.xData)]
        assert len(names) == len(drawn)  # one entry per line drawn
    assert win.loss_plot.legend_names()[:3] == ["batch loss", "moving average", "train (epoch mean)"]


# -- point 2: overlays -------------------------------------------------------------
def test_every_ticked_run_has_a_colour_of_its_own(qtbot, win):
    for i in range(8):
        _run(f"Run {i + 1}", 2)
    tick_rows(qtbot, win, [f"Run {i + 1}" for i in range(8)])
    colours = [curves["train"].opts["pen"].color().name() for curves in win.loss_plot.overlays]
    assert len(colours) == 8 and len(set(colours)) == 8
    assert len({overlay_colour(i) for i in range(500)}) == 500  # and on, for runs 9, 10, …
    train, val = win.loss_plot.overlays[0]["train"], win.loss_plot.overlays[0]["val"]
    assert train.opts["pen"].style() != val.opts["pen"].style()  # told apart by the line, and by the legend
    assert {"Run 1 · train", "Run 1 · validation"} <= set(win.loss_plot.legend_names())


@pytest.mark.parametrize("current, earlier", [(30, 3), (3, 30)])
def test_overlaid_runs_keep_their_own_epochs(qtbot, win, current, earlier):
    _run("earlier", earlier)
    tick_rows(qtbot, win, ["earlier"])
    current_run(win.loss_plot, win.accuracy_plot, current)
    for plot in (win.loss_plot, win.accuracy_plot):
        x = plot.overlays[0]["train"].getData()[0]
        assert x.tolist() == list(range(1, earlier + 1))  # not stretched to the current run's length
        low, high = plot.getViewBox().viewRange()[0]
        assert low <= 0 and max(current, earlier) <= high < max(current, earlier) * 1.05  # nothing cut


def test_runs_with_different_losses_are_marked_not_comparable(qtbot, win):
    _run("cross-entropy", 2)
    _run("also cross-entropy", 2)
    _run("regression", 2, head="sigmoid+mse", regression=True)
    title = win.loss_plot.getPlotItem().titleLabel
    tick_rows(qtbot, win, ["cross-entropy", "also cross-entropy"])
    assert not title.isVisible()
    tick_rows(qtbot, win, ["regression"])
    runs = win.runs_panel.ticked()
    assert title.isVisible() and title.text == "Different losses: not comparable"
    assert "cross-entropy" in title.toolTip() and "squared error on label/10" in title.toolTip()
    assert not win.loss_plot.getViewBox().sceneBoundingRect().intersects(title.sceneBoundingRect())
    assert runs[0].loss_name == runs[1].loss_name != runs[2].loss_name
    plain = RunSettings(head="sigmoid+mse").to_dict()
    assert loss_name(runs[2].settings) != loss_name(plain)  # label/10 targets are other numbers


def test_the_current_runs_loss_counts_in_the_comparison(qtbot, win):
    _run("regression", 2, head="identity+mse", regression=True)
    tick_rows(qtbot, win, ["regression"])
    win.loss_plot.set_current_loss(RunSettings().to_dict())
    assert win.loss_plot.note() == "Different losses: not comparable"
    win.loss_plot.set_current_loss(RunSettings(head="identity+mse", regression=True).to_dict())
    assert win.loss_plot.note() == ""


# -- point 3: axes ---------------------------------------------------------------
@pytest.mark.parametrize("loss", [0.0, 0.5])
def test_a_flat_loss_gets_an_axis_around_it_that_never_goes_below_0(win, loss):
    plot = win.loss_plot
    plot.clear_run(3)
    plot.add_batches([0.5, 1.0, 1.5], [loss] * 3)
    low, high = plot.getViewBox().viewRange()[1]
    assert low >= 0 and high > loss and (loss == 0 or low < loss)
    # Not −1…1 around it; 10 % of it either side, so a flat line looks flat and its labels stay short.
    assert high - low <= max(0.2 * loss, 0.1) + 1e-9


def test_small_losses_are_labelled_without_a_scale_factor(qtbot, win):
    plot = win.loss_plot
    plot.clear_run(3)
    plot.add_batches([0.5, 1.0, 1.5], [0.003, 0.002, 0.001])
    qtbot.wait(20)
    axis = plot.getPlotItem().getAxis("left")
    assert axis.label.toPlainText().strip() == "loss"  # not "loss (x0.001)"
    assert any(label.startswith("0.00") for label in drawn_labels(axis))


def test_high_accuracy_is_not_squashed_into_a_sliver(win):
    plot = win.accuracy_plot
    plot.clear_run(5)
    plot.add_epochs([1, 2, 3, 4, 5], [92.0, 95.0, 97.0, 98.5, 99.0], [91.0, 94.0, 96.0, 97.0, 97.5])
    low, high = plot.getViewBox().viewRange()[1]
    assert 85 <= low <= 91 and 99 <= high <= 100


@pytest.mark.parametrize("epochs", [5, 7, 30, 37])
def test_the_x_axis_labels_the_runs_last_epoch(qtbot, win, epochs):
    _run("short", 2)
    current_run(win.loss_plot, win.accuracy_plot, epochs)
    qtbot.wait(20)
    for plot in (win.loss_plot, win.accuracy_plot):
        labels = drawn_labels(plot.getPlotItem().getAxis("bottom"))
        assert str(epochs) in labels and "0" in labels


def test_the_moving_average_lies_within_the_losses_it_averages(win):
    plot = win.loss_plot
    plot.clear_run(3)
    rng = np.random.default_rng(1)
    steps = np.arange(1, 31) / 10  # ~10 batches an epoch, the loss falling fast
    losses = (2.3 * np.exp(-1.5 * steps) + 0.1) * rng.lognormal(0, 0.2, 30)
    for start in range(0, 30, 4):
        plot.add_batches(list(steps[start:start + 4]), list(losses[start:start + 4]))
    _, smoothed = plot.smooth_curve.getData()
    for i, value in enumerate(smoothed):
        so_far, window = losses[:i + 1], losses[max(0, i - 9):i + 1]
        assert so_far.min() <= value <= so_far.max()
        assert window.min() <= value <= window.max(), f"batch {i + 1}"
    assert smoothed == pytest.approx([losses[max(0, i - 9):i + 1].mean() for i in range(30)])
    assert "last 10 mini-batches" in plot.getPlotItem().toolTip()  # what the tooltip says it is


def test_the_gradient_plot_labels_decades_only(qtbot, win):
    plot = win.grad_plot
    win.insight_tabs.setCurrentWidget(plot)
    plot.clear_run(2)
    steps = np.arange(1, 41) / 20
    norms = np.column_stack([np.geomspace(2e-3, 4e-3, 40), np.geomspace(1e-2, 9e-2, 40)])
    plot.add(list(steps), norms.tolist())
    qtbot.wait(20)
    labels = [text for text in drawn_labels(plot.getPlotItem().getAxis("left")) if text]
    decades = [text.startswith("10") or text.replace(".", "").strip("0") == "1" for text in labels]
    assert labels and all(decades), labels  # 0.01 and 0.1, not 0.02, 0.03, … or 2·10¹ as well


def click_menu_action(qtbot, plot, text: str):
    """Right-click the plot's data area and click the menu entry ``text``; returns its action."""
    centre = plot.mapFromScene(plot.getViewBox().sceneBoundingRect().center())
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=centre)
    menu = plot.getViewBox().menu
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text() == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())
    return action


def test_the_error_rate_on_a_log_scale_is_a_right_click_away(qtbot, win):
    plot = win.accuracy_plot
    _run("earlier", 3)
    tick_rows(qtbot, win, ["earlier"])
    plot.clear_run(3)
    plot.add_epochs([1, 2, 3], [92.0, 99.0, 100.0], [90.0, 98.0, 99.9])
    action = click_menu_action(qtbot, plot, "Error rate on a log scale")
    assert action.isChecked()
    axis = plot.getPlotItem().getAxis("left")
    assert axis.logMode and axis.labelText == "error rate (%)"
    y = plot.train_curve.getOriginalDataset()[1]
    assert y[:2] == pytest.approx([8.0, 1.0]) and np.isnan(y[2])  # 100 % accuracy: no error to draw
    assert plot.val_curve.getOriginalDataset()[1] == pytest.approx([10.0, 2.0, 0.1])
    earlier = 100 - 100 * np.array(win.runs_panel.ticked()[0].history["val_accuracy"])
    assert plot.overlays[0]["val"].getOriginalDataset()[1] == pytest.approx(earlier)
    low, high = plot.getViewBox().viewRange()[1]  # log10 of the error rates in view
    assert low <= -1 and high >= 1
    assert plot.getViewBox().viewRange()[0][1] == pytest.approx(3.06)  # x stays the run's
    click_menu_action(qtbot, plot, "Error rate on a log scale")  # and back
    assert not axis.logMode and plot.train_curve.getOriginalDataset()[1].tolist() == [92.0, 99.0, 100.0]
