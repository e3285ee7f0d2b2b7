"""The Train tab's form as a person sees it: what it says about the dataset chosen, and that every row fits.

Fields are driven with QTest mouse and key events on the real widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from digitpad.data.registry import BUNDLED, TITLES
from digitpad.training.prepare import prepare_run
from digitpad.ui.widgets.training_panel import TrainingPanel


@pytest.fixture
def panel(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.resize(430, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def type_into(spin, text: str) -> None:
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, text)
    QTest.keyClick(spin, Qt.Key.Key_Return)


def pick(qtbot, combo, text: str) -> None:
    """Open the combo's list with a click and click the item showing ``text``."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # Qt ignores a release this soon after opening
    item = view.visualRect(combo.model().index(combo.findText(text), 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=item.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def note(panel) -> str:
    return panel.subset_note.text() if panel.subset_note.isVisibleTo(panel) else ""


def test_more_images_than_the_dataset_has_says_all_of_them_are_used(qtbot, panel):
    type_into(panel.subset_spin, "60000")
    assert panel.subset_spin.value() == 60_000
    assert note(panel) == ""  # MNIST is not in this test's data store: its size is unknown, nothing to say
    pick(qtbot, panel.dataset_combo, panel.dataset_combo.itemText(panel.dataset_combo.findData(BUNDLED)))
    used = len(prepare_run(panel.settings()).data)  # what the engine takes from "60,000" of this dataset
    assert used < 60_000
    assert note(panel) == f"Only {used:,} training images in {TITLES[BUNDLED]}: all of them will be used."
    type_into(panel.subset_spin, str(used))  # exactly all: nothing to say
    assert note(panel) == ""
    type_into(panel.subset_spin, str(used + 1))
    assert f"Only {used:,} training images" in note(panel)
    type_into(panel.subset_spin, "500")
    assert note(panel) == "" and len(prepare_run(panel.settings()).data) == 500
    type_into(panel.subset_spin, "0")  # "all"
    assert panel.subset_spin.text() == "all" and note(panel) == ""
