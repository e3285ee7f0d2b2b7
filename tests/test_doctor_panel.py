"""The doctor's panel shows each diagnosis with its fix button, and the gradient plot holds every batch."""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea

from digitpad.data import loading
from digitpad.nn.network import MLP
from digitpad.training.diagnosis import Diagnosis, HealthSignals, diagnose
from digitpad.training.doctor import Doctor
from digitpad.training.settings import RunSettings
from digitpad.training.trainer import Trainer
from digitpad.ui.widgets.doctor_panel import DoctorPanel, describe_fix
from digitpad.ui.widgets.gradient_plot import GradientNormPlot

DEAD = Diagnosis("dead_relu", "problem", "Layer 1 is dead", "100% of the ReLU units of layer 1 output 0.",
                 "Divide the learning rate by 10, from 10 to 1.", {"lr": 1.0}, epoch=1, layer=1)
SATURATED = Diagnosis("saturated_units", "warning", "Saturated units", "93% of the sigmoid outputs are flat.",
                      "Scale the inputs to 0–1.", {"scale_inputs": True}, epoch=2, layer=1)
FLAT = Diagnosis("loss_flat", "warning", "The loss has stopped falling", "It changed by 0.4 % in 3 epochs.",
                 "Try more hidden units.", None, epoch=7)


@pytest.fixture
def panel(qtbot):
    panel = DoctorPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 480)
    panel.show()
    return panel


def row(panel, code):
    return next(r for r in panel.rows if r.objectName() == f"diagnosis_{code}")


def test_the_panel_starts_empty_and_says_what_it_watches(panel):
    assert panel.rows == [] and panel.empty.isVisible()
    assert "No problems seen" in panel.empty.text() and "dead units" in panel.empty.text()


def test_each_diagnosis_becomes_a_row_in_the_given_order(panel):
    panel.set_diagnoses([DEAD, SATURATED, FLAT])
    assert [r.objectName() for r in panel.rows] == ["diagnosis_dead_relu", "diagnosis_saturated_units",
                                                    "diagnosis_loss_flat"]
    assert not panel.empty.isVisible() and panel.diagnoses() == [DEAD, SATURATED, FLAT]
    dead = row(panel, "dead_relu")
    assert "Layer 1 is dead" in dead.title.text() and "since epoch 1 · layer 1" in dead.title.text()
    assert dead.explanation.text() == DEAD.explanation and DEAD.suggestion in dead.suggestion.text()
    assert dead.apply_button.text() == "Apply" and dead.change.text() == "Fix: learning rate → 1"
    assert dead.apply_button.toolTip()
    assert row(panel, "loss_flat").apply_button is None  # no one-click fix, no button
    assert panel.findChild(QPushButton, "applyFix_loss_flat") is None


def test_clicking_apply_emits_the_fix(panel, qtbot):
    panel.set_diagnoses([DEAD, SATURATED])
    button = panel.findChild(QPushButton, "applyFix_saturated_units")
    with qtbot.waitSignal(panel.fix_requested) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == [{"scale_inputs": True}]
    signal.args[0]["scale_inputs"] = False  # the receiver's copy: the diagnosis keeps its fix
    assert SATURATED.fix == {"scale_inputs": True}


def test_new_diagnoses_replace_the_old_and_none_brings_back_the_empty_note(panel, qtbot):
    panel.set_diagnoses([DEAD, SATURATED])
    old = panel.rows
    panel.set_diagnoses([FLAT])
    assert [r.diagnosis for r in panel.rows] == [FLAT]
    qtbot.waitUntil(lambda: not panel.findChildren(type(old[0]), "diagnosis_dead_relu"))
    panel.set_diagnoses([])
    assert panel.rows == [] and panel.empty.isVisible()


def test_text_is_shown_as_written_not_as_markup(panel):
    odd = replace(FLAT, title="Loss <b>flat</b>", suggestion="Use lr < 0.1 & more units")
    panel.set_diagnoses([odd])
    assert "&lt;b&gt;flat&lt;/b&gt;" in panel.rows[0].title.text()
    assert "lr &lt; 0.1 &amp; more" in panel.rows[0].suggestion.text()


def test_rows_are_tinted_from_the_palette(panel):
    panel.set_diagnoses([DEAD])
    light = panel.rows[0].grab().toImage().pixelColor(panel.rows[0].width() - 3, panel.rows[0].height() // 2)
    dark = QPalette(panel.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    panel.setPalette(dark)
    tinted = panel.rows[0].grab().toImage().pixelColor(panel.rows[0].width() - 3, panel.rows[0].height() // 2)
    assert light.lightness() > 200 and tinted.lightness() < 60
    assert light.red() > light.green() and tinted.red() > tinted.green()  # a problem's red tint on both


class Bridge(QObject):
    """What the window does: the Doctor's callback emits, and Qt queues the list to the panel's thread."""

    diagnosed = Signal(list)


def test_a_doctor_on_the_training_thread_feeds_the_panel_through_a_signal(panel, qtbot):
    settings = RunSettings(dataset="digits8x8", hidden="32", lr=10.0, epochs=2)
    train = loading.load("digits8x8", "train")
    net = MLP(settings.spec(64, 10))
    bridge = Bridge()
    bridge.diagnosed.connect(panel.set_diagnoses)
    doctor = Doctor(net, train.images[:256] / np.float32(16), settings, bridge.diagnosed.emit)
    worker = threading.Thread(target=Trainer(net, settings.config(), [doctor]).fit, args=(train,))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive() and panel.diagnoses() == doctor.diagnoses(), timeout=10_000)
    assert panel.rows[0].objectName() == "diagnosis_exploding_gradients"
    assert all(r.thread() is panel.thread() for r in panel.rows)  # built in the GUI thread


def test_fixes_are_described_in_words():
    assert describe_fix({"lr": 0.005, "scale_inputs": True}) == "learning rate → 0.005, scale inputs → on"
    assert describe_fix({"activation": "leaky_relu", "init": "he"}) == "activation → leaky relu, initialiser → he"
    assert describe_fix({"sum_gradient": False}) == "sum the gradient → off"


def test_fixes_use_the_train_tabs_words():
    assert describe_fix({"regression": False, "head": "softmax+cross_entropy"}) == \
        "regression → off, output + loss → softmax + cross-entropy"
    assert describe_fix({"optimizer": "momentum", "hidden": "100,100"}) == \
        "optimizer → SGD + momentum, hidden layers → 100,100"


# -- the panel in the window --------------------------------------------------------------

REGRESSION = RunSettings(dataset="digits8x8", hidden="32", head="identity+mse", regression=True)
SUMMED = RunSettings(dataset="digits8x8", hidden="32", activation="sigmoid", sum_gradient=True)


def long_diagnoses() -> list[Diagnosis]:
    """Real rule output with the longest texts and fixes: a regression net's constant outputs, a summed
    gradient's rising loss, saturated sigmoid units and a flat loss with its epochs."""
    signals = HealthSignals(epoch=40, initial_loss=2.3, peak_loss=2.3, epoch_losses=(2.3,) * 40,
                            epoch_accuracies=(0.1,) * 40, output_std=0.001, probe_size=256)
    found = diagnose(signals, REGRESSION.spec(64, 10), REGRESSION)
    jump = replace(signals, epoch_losses=(1.5, 0.4, 0.9), output_std=0.25, saturation=(0.9,))
    found += diagnose(jump, SUMMED.spec(64, 10), SUMMED)
    found += [replace(FLAT, epochs=(71, 3000), explanation="From epoch 71 to 3000 the training loss stayed between "
                      "3.25 and 3.28, flat on the loss plot (it began at 12.8), though the learning rate is still 100% "
                      "of its starting value.")]
    return found


def inside(widget, viewport) -> bool:
    left = widget.mapTo(viewport, QPoint(0, 0)).x()
    return left >= 0 and left + widget.width() <= viewport.width()


def test_cards_wrap_to_the_panel_in_a_1280x800_window(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    panel = window.doctor_panel
    window.insight_tabs.setCurrentWidget(panel)
    panel.set_diagnoses(long_diagnoses())
    qtbot.waitUntil(lambda: all(row.isVisible() for row in panel.rows))
    scroll = panel.findChild(QScrollArea, "doctorScroll")
    viewport = scroll.viewport()
    assert [r.objectName() for r in panel.rows] == ["diagnosis_constant_outputs", "diagnosis_loss_rising",
                                                    "diagnosis_saturated_units", "diagnosis_loss_flat"]
    assert scroll.horizontalScrollBar().maximum() == 0 and not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= viewport.width()
    for card in panel.rows:
        assert inside(card, viewport)
        for label in card.findChildren(QLabel):
            assert inside(label, viewport), label.text()
            if label.wordWrap():  # the whole text fits the label's height at its width
                assert label.heightForWidth(label.width()) <= label.height(), label.text()
        if card.apply_button is not None:
            assert inside(card.apply_button, viewport)
            assert card.apply_button.width() >= card.apply_button.sizeHint().width()  # its text is not cut
    constant = row(panel, "constant_outputs")
    assert constant.change.text() == "Fix: regression → off, output + loss → softmax + cross-entropy"
    assert "epochs 71–3000" in row(panel, "loss_flat").title.text()


def test_a_list_equal_to_the_one_shown_changes_no_widget(panel, qtbot):
    panel.set_diagnoses([DEAD, SATURATED])
    rows = list(panel.rows)
    qtbot.wait(10)
    texts = [(r.title.text(), r.explanation.text()) for r in rows]
    panel.set_diagnoses([replace(DEAD), replace(SATURATED)])  # equal lists arrive with each epoch update
    assert panel.rows == rows and [(r.title.text(), r.explanation.text()) for r in rows] == texts
    newer = replace(SATURATED, explanation="95% of the sigmoid outputs are flat.")
    panel.set_diagnoses([DEAD, newer])
    assert panel.rows == rows and rows[1].explanation.text() == newer.explanation  # in place, only the new text


def test_clicking_apply_marks_the_card_applied_and_it_stays_so(panel, qtbot):
    panel.set_diagnoses([DEAD, SATURATED])
    button = panel.findChild(QPushButton, "applyFix_saturated_units")
    with qtbot.waitSignal(panel.fix_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    saturated = row(panel, "saturated_units")
    assert button.text() == "Applied ✓" and not button.isEnabled() and saturated.applied
    assert saturated.change.text() == "Applied: scale inputs → on."
    dead = row(panel, "dead_relu")
    assert dead.apply_button.text() == "Apply" and dead.apply_button.isEnabled()  # the other card is unchanged
    with qtbot.assertNotEmitted(panel.fix_requested):  # a disabled button does nothing
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    panel.set_diagnoses([DEAD, replace(SATURATED, explanation="95% of the sigmoid outputs are flat.")])
    assert row(panel, "saturated_units").applied  # new numbers, the same fix: still applied
    panel.set_diagnoses([FLAT, DEAD, SATURATED])  # rebuilt rows remember it too
    assert row(panel, "saturated_units").applied and not row(panel, "dead_relu").applied
    panel.set_diagnoses([])  # a new run
    panel.set_diagnoses([SATURATED])
    assert not row(panel, "saturated_units").applied


def test_a_receiver_that_cannot_apply_a_fix_takes_the_mark_back(panel, qtbot):
    panel.set_diagnoses([DEAD, SATURATED])
    panel.fix_requested.connect(lambda fix: panel.set_applied(fix, False))  # e.g. a lab with no such choice
    button = panel.findChild(QPushButton, "applyFix_dead_relu")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dead = row(panel, "dead_relu")
    assert not dead.applied and button.text() == "Apply" and dead.change.text() == "Fix: learning rate → 1"


def test_apply_in_the_window_puts_the_fix_in_the_train_tab_and_says_so_on_the_card(window, qtbot):
    window.panel.set_settings(SUMMED)
    window.doctor_panel.set_diagnoses(long_diagnoses())
    window.insight_tabs.setCurrentWidget(window.doctor_panel)
    card = row(window.doctor_panel, "loss_rising")
    assert card.diagnosis.fix == {"sum_gradient": False}
    qtbot.mouseClick(card.apply_button, Qt.MouseButton.LeftButton)
    assert window.panel.settings().sum_gradient is False and not window.panel.sum_check.isChecked()
    assert card.apply_button.text() == "Applied ✓" and not card.apply_button.isEnabled()
    assert card.change.text() == "Applied: sum the gradient → off."


# -- the gradient-norm plot --------------------------------------------------------------

@pytest.fixture
def plot(qtbot):
    plot = GradientNormPlot()
    qtbot.addWidget(plot)
    plot.resize(640, 360)
    plot.show()  # a hidden plot keeps its points for later (see the test of that below)
    return plot


def original(curve):
    x, y = curve.getOriginalDataset()
    return [] if x is None else list(zip(x.tolist(), y.tolist()))


def test_the_plot_holds_one_curve_per_layer_with_every_batch(plot):
    rng = np.random.default_rng(0)
    steps = list(np.arange(1, 301) / 100)  # beyond the first buffer's 256 rows
    norms = rng.uniform(1e-6, 2.0, size=(300, 3))
    for start in range(0, 300, 7):
        plot.add(steps[start:start + 7], [tuple(row) for row in norms[start:start + 7]])
    assert [item.name() for item in plot.curves] == ["layer 1", "layer 2", "layer 3"]
    for i, curve in enumerate(plot.curves):
        assert original(curve) == list(zip(steps, norms[:, i].tolist()))
    assert plot.getPlotItem().getAxis("left").logMode and plot.objectName() == "gradNormPlot"
    assert [label.text for _, label in plot.legend.items] == ["layer 1", "layer 2", "layer 3"]


def test_zero_gradients_of_a_dead_layer_leave_a_gap(plot):
    plot.add([0.5, 1.0, 1.5], [(0.3, 0.2), (0.0, 0.0), (np.inf, 0.1)])
    y = plot.curves[0].getOriginalDataset()[1]
    assert y[0] == 0.3 and np.isnan(y[1:]).all() and plot.curves[1].getOriginalDataset()[1][2] == 0.1


def test_clear_run_forgets_the_points_and_the_next_run_may_be_deeper(plot):
    plot.add([1.0], [(0.3, 0.2)])
    curves = list(plot.curves)
    plot.clear_run()
    assert all(original(curve) == [] for curve in plot.curves)
    plot.add([1.0], [(0.4, 0.1)])
    assert plot.curves == curves and original(curves[0]) == [(1.0, 0.4)]  # as deep: the same curves, no new cost
    plot.clear_run()
    plot.add([1.0, 2.0], [(0.3, 0.2, 0.1, 0.05)] * 2)
    assert len(plot.curves) == 4 and original(plot.curves[3]) == [(1.0, 0.05), (2.0, 0.05)]
    assert [label.text for _, label in plot.legend.items] == [f"layer {i}" for i in (1, 2, 3, 4)]


def test_a_hidden_plot_draws_nothing_until_shown_then_everything(plot, qtbot):
    plot.hide()  # as behind another tab
    plot.add([0.5, 1.0], [(0.3, 0.2), (0.25, 0.1)])
    plot.add([1.5], [(0.2, 0.05)])
    assert len(plot.curves) == 2 and all(original(curve) == [] for curve in plot.curves)
    plot.show()
    assert [original(curve) for curve in plot.curves] == [[(0.5, 0.3), (1.0, 0.25), (1.5, 0.2)],
                                                          [(0.5, 0.2), (1.0, 0.1), (1.5, 0.05)]]
    plot.hide()
    plot.add([2.0], [(0.1, 0.01)])
    assert len(original(plot.curves[1])) == 3
    plot.show()
    assert original(plot.curves[1])[-1] == (2.0, 0.01)


def test_the_y_range_holds_every_norm_on_the_log_axis(plot):
    plot.add([0.5, 1.0], [(1e-3, 0.5), (1e-4, 0.4)])
    low, high = plot.getViewBox().viewRange()[1]
    assert low < -4 and -0.3 < high < 0.5  # log10 units: 1e-4 to 0.5 in view, tightly
    plot.add([1.5], [(1e-7, 20.0)])  # vanishing and exploding at once
    low, high = plot.getViewBox().viewRange()[1]
    assert low < -7 and high > np.log10(20)
    assert not plot.getViewBox().autoRangeEnabled()[1]


def test_the_x_axis_moves_once_an_epoch_or_never_when_the_run_length_is_known(plot):
    plot.clear_run()  # the window does not say how long the run is
    plot.add([0.25, 0.5], [(0.1, 0.2)] * 2)
    assert plot.getViewBox().viewRange()[0][1] == pytest.approx(1.02)
    plot.add([0.75, 1.0], [(0.1, 0.2)] * 2)
    assert plot.getViewBox().viewRange()[0][1] == pytest.approx(1.02)
    plot.add([1.25], [(0.1, 0.2)])
    assert plot.getViewBox().viewRange()[0][1] == pytest.approx(2.04)
    plot.clear_run(epochs=5)
    plot.add([0.25, 3.0], [(0.1, 0.2)] * 2)
    assert plot.getViewBox().viewRange()[0][1] == pytest.approx(5.1)


def test_the_plot_refuses_rows_that_do_not_fit(plot):
    plot.add([], [])
    assert plot.curves == []
    with pytest.raises(ValueError, match="2 steps for 1 rows"):
        plot.add([1.0, 2.0], [(0.1, 0.2)])
    plot.add([1.0], [(0.1, 0.2)])
    with pytest.raises(ValueError, match="3 layers, but this run has 2"):
        plot.add([2.0], [(0.1, 0.2, 0.3)])


def test_the_plot_follows_the_palette(plot):
    dark = QPalette(plot.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    plot.setPalette(dark)
    assert plot.backgroundBrush().color() == QColor("#1e1e1e")
    assert plot.getPlotItem().getAxis("left").textPen().color() == QColor("#e6e6e6")
