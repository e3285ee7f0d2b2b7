"""Training presets: what they set, what they leave alone, and picking them in the CLI and the window."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from digitpad.cli.main import main
from digitpad.cli.parser import build_parser
from digitpad.cli.train import settings_from_args
from digitpad.common.errors import ConfigError
from digitpad.model.files import load_model
from digitpad.training.recipes import DATA_FIELDS, RECIPES, apply_recipe, matching_recipe
from digitpad.training.settings import RunSettings
from digitpad.ui.widgets.training_panel import TrainingPanel

MINE = RunSettings(dataset="fashion", subset=5000, validation=0.2, seed=7, hidden="3", lr=0.9, shift=5, epochs=1)


@pytest.mark.parametrize("name", RECIPES)
def test_a_preset_sets_the_recipe_and_keeps_the_data_choices(name):
    settings = apply_recipe(MINE, name)
    settings.validate()
    assert all(getattr(settings, f) == getattr(MINE, f) for f in DATA_FIELDS)
    expected = RECIPES[name].changes | RECIPES[name].by_dataset.get(MINE.dataset, {})
    assert all(getattr(settings, f) == v for f, v in expected.items())
    assert matching_recipe(settings) == name
    assert matching_recipe(replace(settings, epochs=settings.epochs + 1)) is None


def test_a_preset_can_differ_by_dataset():
    assert apply_recipe(RunSettings(dataset="mnist"), "best").shift == 2
    assert apply_recipe(RunSettings(dataset="fashion"), "best").shift == 0
    assert matching_recipe(replace(apply_recipe(RunSettings(dataset="fashion"), "best"), dataset="mnist")) is None


def test_the_default_preset_is_the_default_settings_and_the_others_differ():
    assert apply_recipe(RunSettings(), "default") == RunSettings()
    assert len({apply_recipe(RunSettings(), name) for name in RECIPES}) == len(RECIPES)
    assert matching_recipe(MINE) is None
    with pytest.raises(ConfigError, match="unknown preset"):
        apply_recipe(MINE, "fastest")


def test_the_cli_takes_the_preset_then_the_options_given():
    args = build_parser().parse_args(["train", "--preset", "quick", "--hidden", "32", "--dataset", "digits8x8",
                                      "--batch", "full", "--no-bias"])
    settings = settings_from_args(args)
    assert settings == replace(apply_recipe(RunSettings(), "quick"), hidden="32", dataset="digits8x8", batch_size=0,
                               bias=False)
    assert settings_from_args(build_parser().parse_args(["train"])) == RunSettings()


def test_cli_training_with_a_preset_stores_it_in_the_model(tmp_path):
    path = tmp_path / "m.npz"
    assert main(["train", "--preset", "quick", "--dataset", "digits8x8", "--hidden", "16", "--epochs", "2",
                 "-o", str(path)]) == 0
    hyper = load_model(path).hyperparameters
    assert hyper["shift"] == RECIPES["quick"].changes["shift"] and hyper["hidden"] == "16" and hyper["epochs"] == 2


def test_picking_a_preset_in_the_form_fills_it_and_editing_makes_it_custom(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.set_settings(MINE)
    assert panel.preset_combo.currentText() == "Custom"
    quick = panel.preset_combo.findData("quick")
    panel.preset_combo.setCurrentIndex(quick)
    panel.preset_combo.activated.emit(quick)
    assert panel.settings() == apply_recipe(MINE, "quick")
    assert panel.shift_spin.value() == RECIPES["quick"].changes["shift"]
    panel.epochs_spin.setValue(3)
    assert panel.preset_combo.currentText() == "Custom"
    panel.epochs_spin.setValue(RECIPES["quick"].changes["epochs"])
    assert panel.preset_combo.currentText() == "Quick"


# -- choosing a preset as a person does: the mouse in the popup, the keyboard in the popup, Down on the closed combo

@pytest.fixture
def form(qtbot):
    """The form showing Default with the data choices of MINE (Fashion-MNIST, so Best differs by dataset)."""
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_settings(apply_recipe(MINE, "default"))
    assert panel.preset_combo.currentText() == "Default"
    return panel


def open_popup(qtbot, combo):
    """Click the closed combo, as a person does, and wait until its list shows (and takes clicks)."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # Qt ignores a release this soon after opening


def assert_shows(qtbot, panel, before: RunSettings, name: str):
    """The form holds the recipe, the combo names it, and exactly the fields it changed light up for a moment,
    with the titles of their pages of the form."""
    assert panel.settings() == apply_recipe(before, name)
    assert panel.preset_combo.currentText() == RECIPES[name].title
    changed = {f.name for f in fields(RunSettings) if getattr(before, f.name) != getattr(panel.settings(), f.name)}
    assert changed, "the recipe must change something for this test to mean anything"
    lit = highlighted(panel)
    assert lit == {panel.field_widget(f) for f in changed}
    for widget in lit:  # the highlight is drawn over the field: what the person sees differs from the field alone
        assert highlight_of(widget).geometry() == widget.rect()
    assert any(w.isVisible() for w in lit)  # on the page shown
    tabs = panel.pages
    pages = {i for i in range(tabs.count()) for w in lit if tabs.widget(i).isAncestorOf(w)}
    colour = panel.palette().color(QPalette.ColorRole.Highlight)
    assert {i for i in range(tabs.count()) if tabs.tabBar().tabTextColor(i) == colour} == pages
    shown = {widget: widget.grab().toImage() for widget in lit}
    qtbot.waitUntil(lambda: not highlighted(panel), timeout=3000)
    assert all(widget.grab().toImage() != image for widget, image in shown.items())
    qtbot.waitUntil(lambda: all(tabs.tabBar().tabTextColor(i) != colour for i in range(tabs.count())))


def highlighted(panel) -> set:
    """The fields with a highlight over them (shown, or on a page of the form not shown now)."""
    return {w.parentWidget() for w in panel.findChildren(QWidget, "fieldHighlight") if not w.isHidden()}


def highlight_of(widget):
    return next(w for w in widget.findChildren(QWidget, "fieldHighlight") if not w.isHidden())


def test_clicking_a_preset_in_the_open_list_applies_it(qtbot, form):
    before = form.settings()
    combo = form.preset_combo
    open_popup(qtbot, combo)
    view = combo.view()
    item = view.visualRect(combo.model().index(combo.findData("best"), 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=item.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert_shows(qtbot, form, before, "best")
    assert form.shift_spin.value() == 0  # Best on Fashion-MNIST: no shifts


def test_choosing_a_preset_with_the_keyboard_in_the_open_list_applies_it(qtbot, form):
    before = form.settings()
    combo = form.preset_combo
    open_popup(qtbot, combo)
    view = combo.view()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert_shows(qtbot, form, before, "quick")


def test_down_on_the_closed_combo_applies_the_next_preset(qtbot, form):
    before = form.settings()
    combo = form.preset_combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert_shows(qtbot, form, before, "quick")
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert_shows(qtbot, form, apply_recipe(before, "quick"), "best")
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Custom is what the form says of edited settings, not a choice
    assert form.preset_combo.currentText() == "Best" and form.settings() == apply_recipe(before, "best")


def test_editing_a_field_by_hand_makes_the_preset_custom(qtbot, form):
    form.epochs_spin.setFocus()
    qtbot.keyClick(form.epochs_spin, Qt.Key.Key_Up)
    assert form.preset_combo.currentText() == "Custom"
    qtbot.keyClick(form.epochs_spin, Qt.Key.Key_Down)
    assert form.preset_combo.currentText() == "Default"
    assert not highlighted(form)  # only a preset lights fields up
