"""The loss and accuracy plots hold exactly the points given, follow the palette, and stay fast for long runs.

``getData()`` returns what is displayed after downsampling; with a few
hundred points in a 640-pixel plot nothing is reduced, so it holds the
points themselves.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem

from digitpad.training.history import RunRecord
from digitpad.ui.base.plot_base import HEADROOM, ClippedAxis
from digitpad.ui.widgets.plots import SMOOTHING_WINDOW, AccuracyPlot, LossPlot


@pytest.fixture
def loss_plot(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(640, 360)
    return plot


@pytest.fixture
def accuracy_plot(qtbot):
    plot = AccuracyPlot()
    qtbot.addWidget(plot)
    plot.resize(640, 360)
    return plot


def points(curve):
    x, y = curve.getData()
    return [] if x is None else list(zip(x.tolist(), y.tolist()))


def test_loss_plot_holds_every_batch_and_epoch_point(loss_plot):
    rng = np.random.default_rng(0)
    steps = list(np.arange(1, 301) / 100)  # 3 epochs of 100 batches, beyond the first buffer's 256
    losses = list(rng.uniform(0.1, 2.0, 300))
    for start in range(0, 300, 7):  # uneven chunks, as throttled Progress signals bring them
        loss_plot.add_batches(steps[start:start + 7], losses[start:start + 7])
    loss_plot.add_epoch(1.0, 0.9, 1.1)
    loss_plot.add_epoch(2.0, 0.5, None)  # no validation set this epoch
    loss_plot.add_epoch(3.0, 0.3, 0.4)
    assert points(loss_plot.raw_curve) == list(zip(steps, losses))
    expected = [np.mean(losses[max(0, i - SMOOTHING_WINDOW + 1):i + 1]) for i in range(len(losses))]
    smooth_x, smooth_y = loss_plot.smooth_curve.getData()
    assert smooth_x.tolist() == steps and np.allclose(smooth_y, expected, rtol=1e-12)
    assert points(loss_plot.train_curve) == [(1.0, 0.9), (2.0, 0.5), (3.0, 0.3)]
    assert points(loss_plot.val_curve) == [(1.0, 1.1), (3.0, 0.4)]


def test_loss_plot_rejects_mismatched_batches_and_ignores_none(loss_plot):
    with pytest.raises(ValueError, match="2 steps for 1 losses"):
        loss_plot.add_batches([0.1, 0.2], [1.0])
    loss_plot.add_batches([], [])
    assert points(loss_plot.raw_curve) == []


def test_clear_run_empties_every_curve_and_restarts_smoothing(loss_plot, accuracy_plot):
    loss_plot.add_batches([0.5, 1.0], [2.0, 1.0])
    loss_plot.add_epoch(1.0, 1.5, 1.6)
    accuracy_plot.add_epoch(1.0, 80.0, 70.0)
    loss_plot.clear_run()
    accuracy_plot.clear_run()
    for curve in (loss_plot.raw_curve, loss_plot.smooth_curve, loss_plot.train_curve, loss_plot.val_curve,
                  accuracy_plot.train_curve, accuracy_plot.val_curve):
        assert points(curve) == []
    loss_plot.add_batches([0.5], [3.0])
    assert points(loss_plot.smooth_curve) == [(0.5, 3.0)]  # the old run's average does not leak in


def test_accuracy_plot_holds_percentages_on_an_axis_fitted_within_0_to_100(accuracy_plot):
    accuracy_plot.add_epoch(1.0, 50.0, 25.0)
    accuracy_plot.add_epoch(2.0, 75.0, None)
    assert points(accuracy_plot.train_curve) == [(1.0, 50.0), (2.0, 75.0)]
    assert points(accuracy_plot.val_curve) == [(1.0, 25.0)]
    low, high = accuracy_plot.getViewBox().viewRange()[1]
    assert 0 <= low <= 25 and 75 <= high <= 100


def test_plots_are_named_explained_and_antialiased_where_it_is_cheap(loss_plot, accuracy_plot):
    assert (loss_plot.objectName(), accuracy_plot.objectName()) == ("lossPlot", "accuracyPlot")
    assert "mini-batch" in loss_plot.getPlotItem().toolTip()
    assert "validation" in accuracy_plot.getPlotItem().toolTip()
    assert loss_plot.getPlotItem().getAxis("bottom").labelText == "epoch"
    assert accuracy_plot.getPlotItem().getAxis("left").labelText == "accuracy (%)"
    for curve in (loss_plot.val_curve, accuracy_plot.train_curve):
        assert curve.opts["antialias"]  # a point per epoch: smooth lines for little cost
    for curve in (loss_plot.raw_curve, loss_plot.smooth_curve):
        assert not curve.opts["antialias"]  # a point per batch: antialiasing them made every repaint 4× slower
    loss_plot.clear_run(3000)
    assert not loss_plot.val_curve.opts["antialias"] and loss_plot.val_curve.opts["symbol"] is None
    loss_plot.add_batches([0.5, 1.0], [2.0, 1.0])
    loss_plot.add_epoch(1.0, 1.5, 1.6)
    accuracy_plot.add_epoch(1.0, 50.0, 40.0)
    assert len(loss_plot.legend.items) == 4 and len(accuracy_plot.legend.items) == 2


@pytest.mark.parametrize("base, text", [("#ffffff", "#101010"), ("#232629", "#eff0f1")])
def test_colours_follow_the_palette_and_its_changes(loss_plot, base, text):
    palette = QPalette(loss_plot.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    loss_plot.add_batches([0.5, 1.0], [2.0, 1.0])
    loss_plot.add_epoch(1.0, 1.5, 1.6)
    loss_plot.setPalette(palette)
    assert loss_plot.legend.items
    assert loss_plot.backgroundBrush().color() == QColor(base)
    axis = loss_plot.getPlotItem().getAxis("left")
    assert axis.pen().color() == QColor(text) and axis.textPen().color() == QColor(text)
    assert loss_plot.legend.labelTextColor() == QColor(text)
    assert all(QColor(text).name() in label.item.toHtml() for _, label in loss_plot.legend.items)


def test_an_update_stays_cheap_with_100k_points(qtbot, loss_plot):
    """What keeps an update's cost off the number of batches (timed in benchmarks/gui_thread.py): the curve
    holds a view of columns that grow by doubling (no copy of the history per update), draws at most a couple
    of points per pixel column, the envelope of the noisy losses (peak downsampling) included, and an update
    whose points stay in view moves no axis (which would redraw ticks and grid)."""
    loss_plot.show()
    qtbot.waitExposed(loss_plot)
    n, per_update, updates = 100_000, 40, 20  # a Progress at 20 Hz while doing 800 batches per second
    steps = np.arange(1, n + 1) / 1000
    losses = (2.3 * np.exp(-steps / 10) + 0.05) * np.random.default_rng(0).lognormal(0, 0.35, n)
    loss_plot.clear_run(epochs=100)
    first = n - updates * per_update
    loss_plot.add_batches(steps[:first], losses[:first])
    loss_plot.grab()  # the first paint settles the downsampling factor
    view = loss_plot.getViewBox()
    ranges = view.viewRange()
    curves = (loss_plot.raw_curve, loss_plot.smooth_curve)
    held = {curve: curve.getOriginalDataset() for curve in curves}
    copies = {curve: 0 for curve in curves}
    columns = int(view.width())
    for start in range(first, n, per_update):
        loss_plot.add_batches(steps[start:start + per_update], losses[start:start + per_update])
        loss_plot.grab()  # the repaint the next frame does
        for curve in curves:
            data = curve.getOriginalDataset()
            if not all(np.shares_memory(a, b) for a, b in zip(data, held[curve])):
                copies[curve] += 1
                held[curve] = data
            assert 0 < len(curve.getData()[0]) <= 2 * columns + 4
        assert view.viewRange() == ranges
    assert all(n <= 1 for n in copies.values()), copies  # one doubling at most in 800 points, not a copy each time
    x, y = loss_plot.raw_curve.getOriginalDataset()
    np.testing.assert_array_equal(x, steps)
    np.testing.assert_array_equal(y, losses)
    drawn = loss_plot.raw_curve.getData()[1]
    assert drawn.max() == losses.max() and drawn.min() == losses.min()
    assert np.isin(drawn, losses).all()  # every point drawn is a batch's loss, none made up
    assert loss_plot.smooth_curve.getOriginalDataset()[1][-1] == pytest.approx(losses[-SMOOTHING_WINDOW:].mean())


def test_a_run_of_known_length_gets_a_fixed_x_axis(loss_plot, accuracy_plot):
    for plot in (loss_plot, accuracy_plot):
        plot.clear_run(epochs=5)
        low, high = plot.getViewBox().viewRange()[0]
        assert -0.2 <= low <= 0 and 5 <= high <= 5.2
        assert not plot.getViewBox().autoRangeEnabled()[0]
        plot.clear_run()  # length unknown: the axis runs to the end of the epoch the data has reached
        assert plot.getViewBox().viewRange()[0][1] == pytest.approx(1.02)
        plot.add_epoch(1.0, 50.0, 40.0)
        assert plot.getViewBox().viewRange()[0][1] == pytest.approx(1.02)
        plot.add_epoch(2.0, 60.0, 50.0)
        assert plot.getViewBox().viewRange()[0][1] == pytest.approx(2.04)
        assert not plot.getViewBox().autoRangeEnabled()[0]


def y_range(plot):
    return tuple(plot.getViewBox().viewRange()[1])


def test_the_y_range_grows_only_when_the_loss_leaves_it(loss_plot):
    loss_plot.clear_run(epochs=3)
    loss_plot.add_batches([0.1, 0.2], [2.0, 1.0])
    low, high = y_range(loss_plot)
    assert 0.8 < low <= 1.0 and 2.0 <= high < 2.2  # fitted to the data, as auto-range would
    loss_plot.add_batches([0.3, 0.4], [1.5, 1.2])
    assert y_range(loss_plot) == (low, high)  # inside: nothing moves, nothing is redrawn but the curves
    loss_plot.add_batches([0.5], [0.6])
    low, high = y_range(loss_plot)
    assert low < 0.6 - HEADROOM * 1.4 and 2.0 <= high < 2.2  # grown below, with headroom for what comes next
    loss_plot.add_batches([0.6], [0.05])
    assert -0.2 < y_range(loss_plot)[0] <= 0.05  # a loss never goes below 0, nor does the range by much
    loss_plot.add_epoch(1.0, 1.1, 7.5)  # a validation loss far above every batch
    assert y_range(loss_plot)[1] > 7.5
    assert not loss_plot.getViewBox().autoRangeEnabled()[1]
    loss_plot.getViewBox().autoRange()  # "View all" in the menu: a tight fit, no headroom left
    loss_plot.add_batches([0.7], [8.0])
    assert y_range(loss_plot)[1] > 8.0


def test_a_new_run_fits_its_own_data(loss_plot):
    loss_plot.add_batches([0.1, 0.2], [50.0, 40.0])
    loss_plot.clear_run(epochs=2)
    loss_plot.add_batches([0.1, 0.2], [2.0, 1.0])
    assert 0.8 < y_range(loss_plot)[0] and y_range(loss_plot)[1] < 2.2


def test_zooming_by_hand_stops_the_range_following_until_auto_range_is_back(qtbot, loss_plot):
    loss_plot.show()
    qtbot.waitExposed(loss_plot)
    loss_plot.clear_run(epochs=3)
    loss_plot.add_batches([0.1, 0.2], [2.0, 1.0])
    centre = loss_plot.viewport().rect().center()
    QApplication.sendEvent(loss_plot.viewport(), QWheelEvent(
        QPointF(centre), QPointF(loss_plot.viewport().mapToGlobal(centre)), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
    zoomed = y_range(loss_plot)
    assert zoomed[1] - zoomed[0] < 1.0  # zoomed in
    loss_plot.add_batches([0.3], [9.0])
    assert y_range(loss_plot) == zoomed  # the user's view stays
    loss_plot.getViewBox().enableAutoRange()  # what the plot's "A" button does
    loss_plot.add_batches([0.4], [0.5])
    low, high = y_range(loss_plot)
    assert low <= 0.5 and high >= 9.0 and not loss_plot.getViewBox().autoRangeEnabled()[1]


def test_axes_and_legend_are_cached_so_curve_updates_do_not_redraw_them(loss_plot, accuracy_plot):
    for plot in (loss_plot, accuracy_plot):
        item = plot.getPlotItem()
        for cached in (item.getAxis("left"), item.getAxis("bottom"), plot.legend):
            assert cached.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def test_earlier_runs_are_cached_and_fitted_into_view_and_out_again(loss_plot):
    loss_plot.add_batches([0.5, 1.0], [2.0, 1.0])
    earlier = RunRecord("earlier", history={"train_loss": [4.0, 3.0], "val_loss": [5.0, 3.5]},
                        batch_steps=[0.5, 1.0, 1.5, 2.0], batch_losses=[6.0, 4.0, 3.0, 2.5])
    loss_plot.set_overlays([earlier])
    assert y_range(loss_plot)[1] >= 5.0  # the earlier run's validation loss
    for part in (curve for curves in loss_plot.overlays for item in curves.values()
                 for curve in (item.curve, item.scatter)):
        assert part.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache  # drawn once, not per update
    loss_plot.set_overlays([])
    assert 2.0 <= y_range(loss_plot)[1] < 2.2  # fitted to what is left


def test_legend_markers_have_their_curve_colours_before_the_first_epoch(loss_plot):
    for curve, colour in ((loss_plot.train_curve, "#59a14f"), (loss_plot.val_curve, "#f28e2b")):
        assert curve.scatter.opts["brush"].color() == QColor(colour)  # what the legend draws its marker with


def shown_lines(plot):
    """The vertical lines the plot holds, as (x, label text, label shown)."""
    return [(line.value(), line.label.toPlainText(), line.label.isVisible())
            for line in plot.getPlotItem().items if isinstance(line, pg.InfiniteLine)]


def test_step_changes_show_as_labelled_lines_until_the_next_run(qtbot, loss_plot):
    loss_plot.show()
    qtbot.waitExposed(loss_plot)
    loss_plot.clear_run(epochs=4)
    loss_plot.add_batches([0.25, 0.5, 0.75, 1.0, 1.25], [2.0, 1.5, 1.2, 1.0, 0.9])
    view = loss_plot.getViewBox().viewRange()
    loss_plot.add_step_change(1.25, "lr 0.05 → 0.01")
    loss_plot.add_step_change(3.5, "weight decay 0 → {0.001}")  # braces are text, not a format field
    assert loss_plot.step_markers() == [(1.25, "lr 0.05 → 0.01"), (3.5, "weight decay 0 → {0.001}")]
    assert shown_lines(loss_plot) == [(1.25, "lr 0.05 → 0.01", True), (3.5, "weight decay 0 → {0.001}", True)]
    assert loss_plot.getViewBox().viewRange() == view  # markers never move the axes
    line = next(item for item in loss_plot.getPlotItem().items if isinstance(item, pg.InfiniteLine))
    assert line.angle == 90 and not line.movable
    # In view, where the x axis has 1.25: the line's scene position maps back to its x.
    scene_x = loss_plot.getViewBox().mapViewToScene(QPointF(1.25, 1.0)).x()
    assert line.mapToScene(QPointF(0, 0)).x() == pytest.approx(scene_x, abs=0.5)
    loss_plot.clear_run(epochs=4)
    assert loss_plot.step_markers() == [] and shown_lines(loss_plot) == []


@pytest.mark.parametrize("text", ["#101010", "#eff0f1"])
def test_step_markers_take_the_palette_text_colour(loss_plot, text):
    loss_plot.add_step_change(0.5, "lr 0.1 → 0.2")
    palette = QPalette(loss_plot.palette())
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    loss_plot.setPalette(palette)
    loss_plot.add_step_change(0.75, "lr 0.2 → 0.3")
    for line in (item for item in loss_plot.getPlotItem().items if isinstance(item, pg.InfiniteLine)):
        assert line.pen.color().name() == text and line.label.color.name() == text
        assert 0 < line.pen.color().alpha() < 255  # quieter than the data


def test_axes_clipped_before_their_grid_draw_the_same_pixels(qtbot, loss_plot, monkeypatch):
    loss_plot.show()
    qtbot.waitExposed(loss_plot)
    loss_plot.clear_run(epochs=3)
    loss_plot.add_batches([0.1, 0.5, 1.0, 2.0], [2.3, 1.1, 0.7, 0.4])

    def grab():
        for name in ("left", "bottom"):
            axis = loss_plot.getPlotItem().getAxis(name)
            assert isinstance(axis, ClippedAxis)
            axis.picture = None  # drawn again at the next paint
            axis.update()
        loss_plot.viewport().repaint()
        return loss_plot.grab().toImage()

    clipped = grab()
    monkeypatch.setattr(ClippedAxis, "drawPicture", pg.AxisItem.drawPicture)
    assert grab() == clipped


def test_rising_accuracy_moves_the_axis_a_few_times_not_at_every_epoch(accuracy_plot):
    accuracy_plot.clear_run(epochs=12)
    ranges = []
    for epoch, accuracy in enumerate([85, 89, 91, 92.5, 93.5, 94.3, 95, 95.6, 96.1, 96.5, 96.8, 97.0], start=1):
        accuracy_plot.add_epoch(epoch, accuracy, None)
        ranges.append(y_range(accuracy_plot))
        low, high = ranges[-1]
        assert low <= accuracy <= high <= 100  # every point in view, never past 100 %
    assert len(set(ranges)) <= 4  # each move redraws the axis: halfway to 100 % at a time


class PaintCounter(QObject):
    """Counts the paint events of the widget it watches."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.mark.parametrize("kind", ["loss", "accuracy"])
def test_an_update_that_moves_the_y_range_or_its_labels_paints_the_plot_once(qtbot, loss_plot, accuracy_plot, kind):
    """Each extra paint costs the trainer GIL time: the view's new transform is set before the paint (pyqtgraph
    deferred it into the paint, which then dirtied the curves again), and the labels' room does not shrink
    from "62.5" to "65" and grow again at "100" (two more layouts and paints)."""
    plot = loss_plot if kind == "loss" else accuracy_plot
    plot.show()
    qtbot.waitExposed(plot)
    plot.clear_run(12)
    QApplication.processEvents()
    counter, axis = PaintCounter(plot.viewport()), plot.getPlotItem().getAxis("left")
    width, moves = axis.width(), set()
    for epoch in range(1, 13):
        value = 2.0 * 0.7 ** epoch if kind == "loss" else 100 - 50 * 0.6 ** epoch
        plot.add_epoch(epoch, value, None)
        moves.add(tuple(y_range(plot)))
        counter.count = 0
        for _ in range(3):
            QApplication.processEvents()
        assert counter.count == 1, f"epoch {epoch}: {counter.count} paints"
        assert axis.width() == width
    assert len(moves) >= 3  # the range did move


def test_legend_entries_are_made_once_per_curve_and_dropped_with_it(loss_plot):
    made = loss_plot.legend.labels  # nothing shown yet, but every current-run entry is made
    assert made() == []
    loss_plot.add_batches([0.5, 1.0], [2.0, 1.0])
    loss_plot.add_epoch(1.0, 1.5, 1.6)
    first = made()
    loss_plot.clear_run(3)
    loss_plot.add_batches([0.5, 1.0], [2.0, 1.0])
    loss_plot.add_epoch(1.0, 1.5, 1.6)
    assert made() == first and all(a is b for a, b in zip(made(), first))  # the same items, shown again
    assert all(label.isVisible() for label in first)
    run = RunRecord("Run 1", {}, {"train_loss": [2.0, 1.0], "val_loss": [2.1, 1.1]})
    children = len(loss_plot.legend.childItems())
    for _ in range(3):  # replacing the overlays makes their entries afresh and drops the old ones
        loss_plot.set_overlays([run])
    assert len(loss_plot.legend.childItems()) == children + 5  # "Run 1:", and a sample and a word for each curve
    assert loss_plot.legend_names()[-2:] == ["Run 1 · train", "Run 1 · validation"]
    loss_plot.set_overlays([])
    assert len(loss_plot.legend.childItems()) == children
    assert not any(name.startswith("Run 1") for name in loss_plot.legend_names())
