"""The lab panel: presets, boxes that are ticked for a fix applied (bugs too), alternatives, and the runs it asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
)

from digitpad.common.errors import ConfigError
from digitpad.lab.pitfalls import PITFALLS, get_pitfall
from digitpad.ui.widgets.lab_panel import PREDICT, LabPanel


@pytest.fixture
def panel(qtbot):
    widget = LabPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def boxes(panel, group: str) -> list[QCheckBox]:
    return [box for box in panel.findChild(QGroupBox, group).findChildren(QCheckBox)]


def click(qtbot, panel, name: str) -> None:
    qtbot.mouseClick(panel.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def tick(qtbot, box: QCheckBox) -> None:
    """A real click on the box's indicator."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_the_combo_offers_every_preset_and_shows_its_setup_not_yet_the_cause(panel):
    combo = panel.findChild(QComboBox, "labPresetCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == list(PITFALLS)
    for name, preset in PITFALLS.items():
        combo.setCurrentIndex(combo.findData(name))
        assert panel.preset() is preset
        assert panel.findChild(QLabel, "labStory").text() == f"{preset.setup}\n\n{PREDICT}"
    assert panel.objectName() == "labPanel" and combo.toolTip()


def test_the_cause_is_told_once_a_run_of_the_preset_has_ended(panel):
    story = panel.findChild(QLabel, "labStory")
    panel.set_preset("label10")
    assert "The cause is the step size" not in story.text()
    panel.reveal("label10")
    assert story.text() == str(get_pitfall("label10").story) and "The cause is the step size" in story.text()
    panel.set_preset("narrow")
    assert "four units cannot carry" not in story.text()  # another preset keeps its secret
    panel.set_preset("label10")
    assert story.text() == str(get_pitfall("label10").story)


def test_every_box_starts_unticked_and_a_tick_always_means_the_fix_is_applied(panel, qtbot):
    panel.set_preset("softmax-bugs")
    preset = get_pitfall("softmax-bugs")
    bugs = boxes(panel, "labBugs")
    assert [b.text() for b in bugs] == [f"Fix the bug: {t.label}" for t in preset.toggles if t.kind == "bug"]
    assert panel.findChild(QGroupBox, "labBugs").title() == "Bugs (tick to fix)"
    assert not any(b.isChecked() for b in panel.findChildren(QCheckBox))
    for toggle in preset.toggles:
        if not toggle.choice:
            assert panel.check_box(toggle.name).toolTip() == toggle.explanation
    assert not panel.findChild(QGroupBox, "labFixes").isVisible()  # this preset has no plain fixes
    assert panel.lab_run() == preset.run_for([]) and panel.lab_run().mistakes == preset.mistakes
    tick(qtbot, panel.check_box("softmax_derivative"))
    assert panel.check_box("softmax_derivative").isChecked()
    assert panel.lab_run().mistakes == {"misaligned_batches"}  # ticked: that bug is gone
    assert "softmax derivative" not in panel.findChild(QLabel, "labSummary").text()
    panel.set_preset("narrow")
    tick(qtbot, panel.check_box("wide"))
    assert panel.lab_run().settings.hidden == "100,100,100"  # ticked: that fix is applied


def test_alternatives_are_one_choice_and_apply_all_fixes_picks_one(panel, qtbot):
    panel.set_preset("softmax-bugs")
    preset = get_pitfall("softmax-bugs")
    assert {b.objectName() for b in panel.findChildren(QCheckBox)} == {
        f"labToggle_{t.name}" for t in preset.toggles if not t.choice}
    combo = panel.choice_box("optimizer")
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "momentum", "adam"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "momentum" and panel.lab_run().settings.optimizer == "momentum"
    assert combo.toolTip() == preset.toggle("momentum").explanation
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    run = panel.lab_run()
    assert run.settings.optimizer == "adam" and run.settings.lr == 0.001 and "momentum" not in panel.enabled()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert panel.lab_run() == preset.run_for([])
    with qtbot.waitSignal(panel.run_requested) as emitted:
        click(qtbot, panel, "labApplyAllButton")
    assert combo.currentData() == "adam" and panel.enabled() == list(preset.all_fixes)
    assert "momentum" not in str(emitted.args[0].label) and str(emitted.args[0].label).endswith("all fixes")


def test_switching_presets_replaces_the_toggles(panel):
    panel.set_preset("softmax-bugs")
    panel.set_preset("narrow")
    assert not panel.findChild(QGroupBox, "labBugs").isVisible()
    names = {box.objectName() for box in panel.findChildren(QCheckBox)}
    assert names == {f"labToggle_{t.name}" for t in get_pitfall("narrow").toggles}
    with pytest.raises(ConfigError, match="unknown lab preset"):
        panel.set_preset("nope")


def test_ticks_become_the_lab_run_and_the_summary(panel, qtbot):
    panel.set_preset("softmax-bugs")
    panel.check_box("misaligned_batches").click()
    panel.check_box("he_init").click()
    run = panel.lab_run()
    assert run == get_pitfall("softmax-bugs").run_for(["misaligned_batches", "he_init"])
    assert run.mistakes == {"softmax_derivative"} and run.settings.init == "he"
    summary = panel.findChild(QLabel, "labSummary").text()
    assert "He init" in summary and "softmax derivative applied twice" in summary and "shuffled apart" not in summary
    with qtbot.waitSignal(panel.run_requested) as emitted:
        click(qtbot, panel, "labRunTickedButton")
    assert emitted.args == [run]


def test_run_failing_setup_puts_every_bug_back(panel, qtbot):
    panel.set_preset("label10")
    panel.check_box("mean_gradient").click()
    with qtbot.waitSignal(panel.run_requested) as emitted:
        click(qtbot, panel, "labRunFailingButton")
    assert emitted.args == [get_pitfall("label10").run_for([])]
    assert not panel.check_box("mean_gradient").isChecked()


def test_apply_all_fixes_ticks_everything_and_runs_it(panel, qtbot):
    panel.set_preset("softmax-bugs")
    with qtbot.waitSignal(panel.run_requested) as emitted:
        click(qtbot, panel, "labApplyAllButton")
    preset = get_pitfall("softmax-bugs")
    assert emitted.args == [preset.run_for(preset.fix_names)] and emitted.args[0].mistakes == frozenset()
    assert all(b.isChecked() for b in boxes(panel, "labBugs"))  # ticked = fixed
    assert all(b.isChecked() for b in boxes(panel, "labTuning"))


def test_set_running_locks_the_panel(panel):
    panel.set_preset("softmax-bugs")
    panel.set_running(True)
    assert not panel.findChild(QPushButton, "labRunTickedButton").isEnabled()
    assert not panel.findChild(QComboBox, "labPresetCombo").isEnabled()
    assert not panel.choice_box("optimizer").isEnabled()
    assert panel.findChild(QPushButton, "labPauseButton").isEnabled()
    assert panel.findChild(QPushButton, "labStopButton").isEnabled()
    panel.set_running(False)
    assert panel.choice_box("optimizer").isEnabled() and panel.findChild(QPushButton, "labApplyAllButton").isEnabled()
    assert not panel.findChild(QPushButton, "labPauseButton").isEnabled()


def test_pause_and_stop_are_real_buttons_with_the_runs_progress(panel, qtbot):
    panel.set_running(True)
    with qtbot.waitSignal(panel.pause_requested):
        click(qtbot, panel, "labPauseButton")
    with qtbot.waitSignal(panel.stop_requested):
        click(qtbot, panel, "labStopButton")
    panel.show_progress(30, 120, "epoch 30/120")
    bar = panel.findChild(QProgressBar, "labProgress")
    assert (bar.value(), bar.maximum(), bar.format()) == (30, 120, "epoch 30/120")


def test_every_control_explains_itself(panel):
    panel.set_preset("softmax-bugs")  # with a choice box too
    for kind in (QPushButton, QCheckBox, QComboBox, QGroupBox, QProgressBar):
        for widget in panel.findChildren(kind):
            assert widget.toolTip(), widget.objectName()
