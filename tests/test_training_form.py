"""The Train tab's form as a person sees it: what it says about the dataset chosen, and that every row fits.

Fields are driven with QTest mouse and key events on the real widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from support.keys import type_into

from digitpad.data.registry import BUNDLED, TITLES
from digitpad.training.prepare import prepare_run
from digitpad.training.settings import RunSettings
from digitpad.ui.widgets.training_panel import TrainingPanel


@pytest.fixture
def panel(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.resize(430, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel




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


def show_page_of(qtbot, panel, widget) -> QScrollArea:
    """Click the tab of the form's page that holds ``widget``, if the form has pages; the scroll area it is in."""
    tabs = panel.findChild(QTabWidget, "formPages")
    if tabs is not None:
        index = next((i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(widget)), None)
        if index is not None:
            qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
            assert tabs.currentIndex() == index
    parent = widget.parentWidget()
    while parent is not panel and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def whole_inside(widget, area: QWidget) -> bool:
    return area.rect().contains(QRect(widget.mapTo(area, QPoint(0, 0)), widget.size()))


def test_at_1280_by_800_every_row_of_the_train_tab_shows_whole_without_scrolling(qtbot, window):
    """Each field and its label, on whatever page of the form it is, lies wholly inside what is visible: no row
    cut by the bottom or right edge (the Initialiser row was cut in half), no text cut short."""
    assert (window.width(), window.height()) == (1280, 800)
    panel = window.panel
    assert window.side_tabs.currentWidget() is panel
    inputs = [w for w in panel.findChildren(QWidget) if w.objectName() and not w.isHidden() and
              isinstance(w, (QComboBox, QAbstractSpinBox, QLineEdit, QCheckBox)) and
              not isinstance(w.parentWidget(), QAbstractSpinBox)]
    assert len(inputs) == 22  # every field, the batch size's "full" box too
    for widget in inputs:
        area = show_page_of(qtbot, panel, widget)
        visible = area.viewport() if isinstance(area, QScrollArea) else area
        assert whole_inside(widget, visible), widget.objectName()
        label = widget_label(widget)
        if label is not None:
            assert whole_inside(label, visible) and label.width() >= label.sizeHint().width(), label.text()
        if isinstance(widget, (QComboBox, QCheckBox)):  # narrower than its text needs would cut the text
            assert widget.width() >= widget.sizeHint().width(), widget.objectName()
    for button in (panel.train_button, panel.pause_button, panel.stop_button, panel.progress):
        assert whole_inside(button, panel)


def widget_label(widget) -> QLabel | None:
    """The row label of a field (its form layout's label for the cell holding it), if it has one."""
    for form in widget.window().findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field and field.widget() and label and label.widget() and field.widget().isAncestorOf(widget):
                return label.widget() if label.widget().text() else None
    return None


def test_an_invalid_value_on_another_page_is_shown_on_its_page(qtbot, window):
    panel = window.panel
    show_page_of(qtbot, panel, panel.hidden_edit)
    panel.hidden_edit.setFocus()
    QTest.keyClick(panel.hidden_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(panel.hidden_edit, "12,x")
    show_page_of(qtbot, panel, panel.dataset_combo)  # the person looks elsewhere, then presses Train
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    assert not window.session.running
    assert panel.pages.tabText(panel.pages.currentIndex()) == "Network"  # the form turned to the field's page
    assert panel.error_text("hidden").startswith("hidden layers must be positive whole numbers")
    error = panel.findChild(QLabel, "hiddenError")
    qtbot.waitUntil(lambda: error.isVisible() and error.height() > 0)
    assert whole_inside(error, panel.pages.currentWidget().viewport())


def test_a_run_turns_the_form_to_the_settings_it_leaves_editable(qtbot, window):
    panel = window.panel
    panel.set_settings(RunSettings(dataset=BUNDLED, hidden="16", epochs=300, batch_size=32))
    show_page_of(qtbot, panel, panel.epochs_spin)
    with qtbot.waitSignal(window.session.started, timeout=10_000):
        qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    try:
        assert panel.pages.tabText(panel.pages.currentIndex()) == "Optimizer"
        for spin in (panel.lr_spin, panel.momentum_spin, panel.weight_decay_spin):
            assert spin.isVisible() and spin.isEnabled()
    finally:
        with qtbot.waitSignal(window.session.finished, timeout=20_000):
            qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
