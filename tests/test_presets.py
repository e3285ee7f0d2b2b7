"""Training presets: what they set, what they leave alone, and picking them in the CLI and the window."""

from __future__ import annotations

from dataclasses import replace

import pytest

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
