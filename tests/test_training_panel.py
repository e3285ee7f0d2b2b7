"""The training form during a run: only the step settings stay editable, and editing one asks for a change.

Fields are driven as a person would: focus, select all, type, Enter, with
QTest key events on the real spin boxes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from support.keys import type_into

from digitpad.common.errors import ConfigError
from digitpad.training.settings import RunSettings
from digitpad.ui.widgets.training_panel import LOCKED_TIP, TrainingPanel

LIVE = {"learningRateSpin", "momentumSpin", "weightDecaySpin"}


@pytest.fixture
def panel(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def fields(panel: TrainingPanel) -> dict[str, QWidget]:
    """Every input of the form, by object name."""
    found = {}
    for kind in (QAbstractSpinBox, QComboBox, QLineEdit, QCheckBox):
        for widget in panel.findChildren(kind):
            if widget.objectName() and not isinstance(widget.parent(), QAbstractSpinBox):  # not a spin's own edit
                found[widget.objectName()] = widget
    return found




def edits(panel: TrainingPanel) -> list[dict]:
    got = []
    panel.step_edited.connect(got.append)
    return got


def test_a_run_locks_every_field_but_the_step_settings_and_says_why(panel):
    panel.set_settings(RunSettings(optimizer="momentum"))
    form = fields(panel)
    assert len(form) >= 20 and LIVE <= form.keys()
    normal = {name: widget.toolTip() for name, widget in form.items()}
    panel.set_running(True)
    for name, widget in form.items():
        if name in LIVE:
            assert widget.isEnabled(), name
            assert widget.toolTip().startswith(normal[name]) and "next mini-batch" in widget.toolTip(), name
        else:
            assert not widget.isEnabled(), name
            assert widget.toolTip() == LOCKED_TIP, name
    panel.set_paused(True)  # paused is still running
    assert all(form[name].isEnabled() for name in LIVE) and not form["hiddenLayersEdit"].isEnabled()
    panel.set_running(False)
    assert {name: widget.toolTip() for name, widget in form.items()} == normal
    assert all(widget.isEnabled() for name, widget in form.items() if name != "batchSizeSpin" or
               not panel.full_batch_check.isChecked())


def test_momentum_stays_locked_during_a_run_of_an_optimizer_without_it(panel):
    panel.set_settings(RunSettings(optimizer="adam"))
    normal = panel.momentum_spin.toolTip()
    panel.set_running(True)
    assert not panel.momentum_spin.isEnabled()
    assert "Adam ignores momentum" in panel.momentum_spin.toolTip()
    assert panel.lr_spin.isEnabled() and panel.weight_decay_spin.isEnabled()
    assert panel.live_fields() == ["lr", "weight_decay"]
    panel.set_running(False)
    assert panel.momentum_spin.isEnabled() and panel.momentum_spin.toolTip() == normal


def test_full_batch_keeps_the_batch_size_off_after_a_run(panel):
    panel.set_settings(RunSettings(batch_size=0))
    assert not panel.batch_spin.isEnabled()
    panel.set_running(True)
    assert not panel.batch_spin.isEnabled() and not panel.full_batch_check.isEnabled()
    panel.set_running(False)
    assert not panel.batch_spin.isEnabled() and panel.full_batch_check.isEnabled()


def test_typing_a_learning_rate_during_a_run_asks_for_a_step_change(panel):
    panel.set_settings(RunSettings(optimizer="nesterov", lr=0.05, momentum=0.5))
    got = edits(panel)
    panel.set_running(True)
    type_into(panel.lr_spin, "0.01")
    assert got == [{"lr": 0.01}]  # once, when Enter is pressed: not 0, 0.0, 0.01 while typing
    type_into(panel.lr_spin, "0.01")
    assert got == [{"lr": 0.01}]  # the same value again is no change
    type_into(panel.momentum_spin, "0.9")
    type_into(panel.weight_decay_spin, "0.001")
    assert got == [{"lr": 0.01}, {"momentum": 0.9}, {"weight_decay": 0.001}]
    panel.lr_spin.setFocus()
    QTest.keyClick(panel.lr_spin, Qt.Key.Key_Up)  # a step of the arrow keys counts at once
    assert got[-1] == {"lr": pytest.approx(0.02)}


def test_no_step_change_is_asked_for_outside_a_run_or_by_set_settings(panel):
    got = edits(panel)
    type_into(panel.lr_spin, "0.3")  # no run: an ordinary edit of the form
    assert got == [] and panel.settings().lr == 0.3
    panel.set_running(True)
    panel.set_settings(RunSettings(lr=0.2, momentum=0.7, weight_decay=0.01, optimizer="momentum"))
    assert got == []
    assert panel.momentum_spin.isEnabled()  # follows the optimizer set_settings put in
    type_into(panel.lr_spin, "0.2")  # the value the run has now: nothing to change
    assert got == []
    panel.set_running(False)
    type_into(panel.lr_spin, "0.4")
    assert got == []


def test_a_refused_step_change_shows_next_to_its_field_and_can_be_sent_again(panel):
    panel.set_settings(RunSettings(lr=0.05))
    got = edits(panel)
    panel.set_running(True)
    type_into(panel.lr_spin, "0")
    assert got == [{"lr": 0.0}]
    panel.show_error(ConfigError("subset must be 0 (all) or a positive number of images", "subset"))
    panel.show_step_error(ConfigError("learning rate must be a positive number up to 1e+30, got 0.0", "lr"))
    assert panel.error_text("lr").startswith("learning rate must be a positive number")
    assert panel.error_text("subset") != ""  # the other messages stay
    assert panel.lr_spin.value() == 0.0  # the refused value stays in view beside its message
    type_into(panel.lr_spin, "0.05")  # back to the value the run still has: sent, the panel cannot know
    assert got[-1] == {"lr": 0.05} and panel.error_text("lr") == ""  # a new value clears the message
    panel.show_step_error(ConfigError("refused", "lr"))
    type_into(panel.lr_spin, "0.05")  # after a refusal the next Enter sends even the value shown
    assert got[-1] == {"lr": 0.05} and len(got) == 3
    panel.show_step_error(ConfigError("no such field", "nonsense"))
    assert panel.status.text() == "no such field"


def test_the_wheel_over_a_field_changes_nothing_until_the_field_has_focus(qtbot):
    """Scrolling through the form must never change a setting it passes over (during a run, the live learning
    rate). An unfocused field ignores the wheel, which Qt then hands to the scroll area; a focused one takes it."""
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_running(True)
    sent = []
    panel.step_edited.connect(sent.append)
    for field in (panel.lr_spin, panel.epochs_spin, panel.activation_combo):
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not focus it either
    spin = panel.lr_spin
    before = spin.value()
    assert not wheel(spin, -120)  # not accepted: it goes on to the scroll area
    assert spin.value() == before and sent == []
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    assert wheel(spin, -120)
    assert spin.value() < before and sent == [{"lr": spin.value()}]


def wheel(widget, delta: int) -> bool:
    """Send a wheel event to the middle of ``widget``; True when the widget accepted it."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, delta), QPoint(0, delta),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


class PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        self.paints += event.type() == QEvent.Type.Paint
        return False


def test_progress_repaints_with_the_window_later_not_everything_at_once(qtbot):
    # QProgressBar.setValue repaints at once, which painted every widget with a pending update (the plots,
    # mid-way through a run's update) inside the call.
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    panel, neighbour = TrainingPanel(), QLabel("a plot waiting to repaint")
    layout.addWidget(panel)
    layout.addWidget(neighbour)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    bar, other = PaintCounter(panel.progress), PaintCounter(neighbour)
    neighbour.update()
    panel.show_progress(3, 10, "epoch 1/2 · batch 3/5")
    assert (bar.paints, other.paints) == (0, 0)
    qtbot.waitUntil(lambda: bar.paints and other.paints)  # one repaint of the window, on the next turn
    assert (panel.progress.value(), panel.progress.maximum(), panel.progress.text()) == (3, 10, "epoch 1/2 · batch 3/5")
