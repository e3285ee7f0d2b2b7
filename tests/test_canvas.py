"""Tests for the drawing canvas, driven by real mouse and tablet events."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from digitpad.ui.widgets.canvas import CANVAS_SIZE, UNDO_LIMIT, DrawingCanvas

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot) -> DrawingCanvas:
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.resize(CANVAS_SIZE * 10, CANVAS_SIZE * 10)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def at(canvas: DrawingCanvas, row: float, col: float) -> QPoint:
    """Widget position of cell (row, col)'s centre: a centred square of whole-pixel cells."""
    cell = min(canvas.width(), canvas.height()) // CANVAS_SIZE
    left = (canvas.width() - cell * CANVAS_SIZE) // 2
    top = (canvas.height() - cell * CANVAS_SIZE) // 2
    return QPoint(left + round((col + 0.5) * cell), top + round((row + 0.5) * cell))


def drag(qtbot, canvas: DrawingCanvas, start: tuple[float, float], end: tuple[float, float],
         button: Qt.MouseButton = LEFT, steps: int = 6) -> None:
    """One stroke from cell ``start`` to cell ``end`` (press, moves, release)."""
    qtbot.mousePress(canvas, button, NO_MOD, at(canvas, *start))
    for t in np.linspace(0.0, 1.0, steps + 1)[1:]:
        row = start[0] + t * (end[0] - start[0])
        col = start[1] + t * (end[1] - start[1])
        qtbot.mouseMove(canvas, at(canvas, row, col))
    qtbot.mouseRelease(canvas, button, NO_MOD, at(canvas, *end))


def test_stroke_inks_its_cells_softly_and_nothing_far_away(qtbot, canvas):
    drag(qtbot, canvas, (14, 5), (14, 22))
    image = canvas.image()
    assert image.shape == (CANVAS_SIZE, CANVAS_SIZE) and image.dtype == np.float32
    assert np.all(image[14, 5:23] == 1.0)
    assert not np.any(image[:11]) and not np.any(image[18:])
    assert not np.any(image[:, :2]) and not np.any(image[:, 26:])
    soft = image[(image > 0) & (image < 1)]
    assert soft.size > 10, "a soft brush leaves grey edges, not on/off cells"
    assert not canvas.is_blank()


def test_move_events_carry_the_button_and_emit_drawing_changed(qtbot, canvas):
    qtbot.mousePress(canvas, LEFT, NO_MOD, at(canvas, 10, 5))
    with qtbot.waitSignal(canvas.drawing_changed):
        qtbot.mouseMove(canvas, at(canvas, 10, 20))
    assert canvas.image()[10, 12] == 1.0, "the move drew the segment between the points"
    with qtbot.waitSignal(canvas.stroke_finished):
        qtbot.mouseRelease(canvas, LEFT, NO_MOD, at(canvas, 10, 20))


def test_a_click_without_movement_leaves_a_dot(qtbot, canvas):
    qtbot.mouseClick(canvas, LEFT, NO_MOD, at(canvas, 7, 9))
    image = canvas.image()
    assert image[7, 9] == 1.0
    assert np.count_nonzero(image) < 40


def test_right_button_erases(qtbot, canvas):
    canvas.set_image(np.ones((CANVAS_SIZE, CANVAS_SIZE)))
    drag(qtbot, canvas, (5, 14), (22, 14), button=RIGHT)
    image = canvas.image()
    assert np.all(image[5:23, 14] == 0.0)
    assert np.all(image[:, :10] == 1.0), "erasing stays near the stroke"
    assert canvas.contextMenuPolicy() == Qt.ContextMenuPolicy.PreventContextMenu


def test_eraser_mode_makes_the_left_button_erase(qtbot, canvas):
    drag(qtbot, canvas, (14, 5), (14, 22))
    canvas.set_eraser(True)
    assert canvas.eraser()
    drag(qtbot, canvas, (14, 3), (14, 24))
    assert canvas.is_blank()
    canvas.set_eraser(False)
    drag(qtbot, canvas, (14, 5), (14, 22))
    assert canvas.image()[14, 10] == 1.0


def test_each_stroke_is_one_undo_step(qtbot, canvas):
    assert not canvas.can_undo()
    drag(qtbot, canvas, (7, 4), (7, 23))
    first = canvas.image()
    drag(qtbot, canvas, (20, 4), (20, 23))
    assert canvas.image()[20, 12] == 1.0
    with qtbot.waitSignal(canvas.drawing_changed):
        canvas.undo()
    np.testing.assert_array_equal(canvas.image(), first)
    with qtbot.waitSignal(canvas.undo_available, check_params_cb=lambda ok: ok is False):
        canvas.undo()
    assert not np.any(canvas.image())
    assert not canvas.can_undo()


def test_erasing_nothing_is_no_undo_step(qtbot, canvas):
    drag(qtbot, canvas, (5, 5), (20, 20), button=RIGHT)
    assert not canvas.can_undo()


def test_clear_is_undoable(qtbot, canvas):
    drag(qtbot, canvas, (4, 4), (23, 23))
    drawn = canvas.image()
    with qtbot.waitSignal(canvas.drawing_changed):
        canvas.clear()
    assert canvas.is_blank() and not np.any(canvas.image())
    canvas.undo()
    np.testing.assert_array_equal(canvas.image(), drawn)


def test_set_image_round_trip_clips_and_copies(qtbot, canvas):
    rng = np.random.default_rng(0)
    array = rng.uniform(-0.5, 1.5, (CANVAS_SIZE, CANVAS_SIZE))
    with qtbot.waitSignal(canvas.drawing_changed):
        canvas.set_image(array)
    image = canvas.image()
    np.testing.assert_allclose(image, np.clip(array, 0, 1), rtol=1e-6)
    image[:] = 0
    assert np.any(canvas.image()), "image() returns a copy"
    canvas.undo()
    assert not np.any(canvas.image())
    with pytest.raises(ValueError, match="28"):
        canvas.set_image(np.zeros((8, 8)))


def test_undo_history_is_bounded(qtbot, canvas):
    for i in range(UNDO_LIMIT + 5):
        canvas.set_image(np.full((CANVAS_SIZE, CANVAS_SIZE), (i + 1) / 200))
    steps = 0
    while canvas.can_undo():
        canvas.undo()
        steps += 1
    assert steps == UNDO_LIMIT


def test_resizing_keeps_the_mapping(qtbot, canvas):
    def stroke_at_relative(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
        canvas.clear()
        w, h = canvas.width(), canvas.height()
        qtbot.mousePress(canvas, LEFT, NO_MOD, QPoint(round(x0 * w), round(y0 * h)))
        qtbot.mouseMove(canvas, QPoint(round(x1 * w), round(y1 * h)))
        qtbot.mouseRelease(canvas, LEFT, NO_MOD, QPoint(round(x1 * w), round(y1 * h)))
        return canvas.image()

    small = stroke_at_relative(0.25, 0.3, 0.7, 0.8)
    canvas.resize(CANVAS_SIZE * 15, CANVAS_SIZE * 15)
    large = stroke_at_relative(0.25, 0.3, 0.7, 0.8)
    np.testing.assert_array_equal(large, small)
    # A wide window centres the square canvas: the widget's centre is the canvas's.
    canvas.resize(CANVAS_SIZE * 20, CANVAS_SIZE * 12)
    canvas.clear()
    qtbot.mouseClick(canvas, LEFT, NO_MOD, QPoint(canvas.width() // 2, canvas.height() // 2))
    ink = canvas.image()
    assert ink[13:15, 13:15].min() == 1.0
    assert not np.any(ink[:, :8]) and not np.any(ink[:, 20:])


def test_size_hints_follow_the_cell_grid(canvas):
    assert canvas.minimumSizeHint().width() == CANVAS_SIZE * 10
    assert canvas.sizeHint().width() == CANVAS_SIZE * 14
    assert canvas.objectName() == "canvas"
    assert "right" in canvas.toolTip().lower()


def test_a_tablet_pen_draws_with_its_pressure(qtbot, canvas):
    pen = QPointingDevice(
        "test pen", 42, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2,
    )

    def send(kind: QTabletEvent.Type, row: float, col: float, pressure: float,
             buttons: Qt.MouseButton) -> QTabletEvent:
        pos = QPointF(at(canvas, row, col))
        event = QTabletEvent(kind, pen, pos, QPointF(canvas.mapToGlobal(pos)), pressure,
                             0.0, 0.0, 0.0, 0.0, 0.0, NO_MOD, LEFT, buttons)
        QApplication.sendEvent(canvas, event)
        return event

    press = send(QTabletEvent.Type.TabletPress, 14, 6, 0.5, LEFT)
    with qtbot.waitSignal(canvas.drawing_changed):
        send(QTabletEvent.Type.TabletMove, 14, 21, 0.5, LEFT)
    with qtbot.waitSignal(canvas.stroke_finished):
        release = send(QTabletEvent.Type.TabletRelease, 14, 21, 0.0, Qt.MouseButton.NoButton)
    assert press.isAccepted() and release.isAccepted(), "accepted, so Qt synthesises no mouse stroke"
    image = canvas.image()
    np.testing.assert_allclose(image[14, 6:22], 0.5)
    assert image.max() == pytest.approx(0.5)
    canvas.undo()
    assert not np.any(canvas.image()), "the pen stroke was one undo step"
