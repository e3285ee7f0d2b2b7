"""The lab panel: presets, bug boxes that start ticked, fixes that start unticked, and the runs it asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QPushButton

from digitpad.common.errors import ConfigError
from digitpad.lab.pitfalls import PITFALLS, get_pitfall
from digitpad.ui.widgets.lab_panel import LabPanel


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


def test_the_combo_offers_every_preset_and_shows_its_story(panel):
    combo = panel.findChild(QComboBox, "labPresetCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == list(PITFALLS)
    for name, preset in PITFALLS.items():
        combo.setCurrentIndex(combo.findData(name))
        assert panel.preset() is preset
        assert panel.findChild(QLabel, "labStory").text() == preset.story
    assert panel.objectName() == "labPanel" and combo.toolTip()


def test_bugs_start_ticked_and_fixes_unticked_each_with_its_explanation(panel):
    panel.set_preset("softmax-bugs")
    preset = get_pitfall("softmax-bugs")
    bugs = boxes(panel, "labBugs")
    assert [b.text() for b in bugs] == [f"Bug: {t.label}" for t in preset.toggles if t.kind == "bug"]
    assert all(b.isChecked() for b in bugs) and not any(b.isChecked() for b in boxes(panel, "labTuning"))
    for toggle in preset.toggles:
        assert panel.check_box(toggle.name).toolTip() == toggle.explanation
    assert not panel.findChild(QGroupBox, "labFixes").isVisible()  # this preset has no plain fixes
    assert panel.lab_run() == preset.run_for([])


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
    assert not any(b.isChecked() for b in boxes(panel, "labBugs"))
    assert all(b.isChecked() for b in boxes(panel, "labTuning"))


def test_set_running_locks_the_panel(panel):
    panel.set_preset("softmax-bugs")
    panel.set_running(True)
    assert not panel.findChild(QPushButton, "labRunTickedButton").isEnabled()
    assert not panel.findChild(QComboBox, "labPresetCombo").isEnabled()
    assert not panel.check_box("adam").isEnabled()
    panel.set_running(False)
    assert panel.check_box("adam").isEnabled() and panel.findChild(QPushButton, "labApplyAllButton").isEnabled()


def test_every_control_explains_itself(panel):
    for kind in (QPushButton, QCheckBox, QComboBox, QGroupBox):
        for widget in panel.findChildren(kind):
            assert widget.toolTip(), widget.objectName()
