"""Named training recipes (the window's *Preset* row, ``digitpad train --preset``) instead of tuning every setting.

A recipe sets the network, the optimisation and the validation share; the
dataset, the subset and the seed stay the user's. A recipe may differ by
dataset (Fashion-MNIST's clothes are centred, so random shifts cost more
than they give). Accuracy and time of each recipe are measured by
``benchmarks/accuracy.py`` on 2 cores.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP, Template
from digitpad.training.settings import RunSettings

DATA_FIELDS = ("dataset", "subset", "seed")


@dataclass(frozen=True)
class Recipe:
    title: Template  # marked for translation: the window shows it with render(), the CLI as it is
    description: Template
    changes: dict  # RunSettings fields that differ from the defaults
    by_dataset: dict = field(default_factory=dict)  # dataset name → further changes for that dataset


RECIPES = {
    "default": Recipe(QT_TRANSLATE_NOOP("Recipes", "Default"),
                      QT_TRANSLATE_NOOP("Recipes", "784-256-128 ReLU, 10 epochs: about 98 % on MNIST in about 10 s."),
                      {}),
    "quick": Recipe(QT_TRANSLATE_NOOP("Recipes", "Quick"),
                    QT_TRANSLATE_NOOP("Recipes", "784-512-256 ReLU, ±2-pixel random shifts (none on the 8×8 digits), "
                                      "15 epochs on every training image (no validation split): about 99 % on MNIST "
                                      "in under 30 s."),
                    {"hidden": "512,256", "shift": 2, "epochs": 15, "validation": 0.0}),
    "best": Recipe(QT_TRANSLATE_NOOP("Recipes", "Best"),
                   QT_TRANSLATE_NOOP("Recipes", "784-1024-512 ReLU, ±2-pixel random shifts (none on Fashion-MNIST, "
                                     "whose clothes are centred, nor on the 8×8 digits), batch 64, weight decay, 36 "
                                     "epochs on every training image (no validation split): about 99.3 % on MNIST "
                                     "and 90.7 % on Fashion-MNIST in under 5 minutes."),
                   {"hidden": "1024,512", "shift": 2, "batch_size": 64, "weight_decay": 1e-4, "epochs": 36,
                    "validation": 0.0},
                   {"fashion": {"shift": 0}}),
}


def apply_recipe(settings: RunSettings, name: str) -> RunSettings:
    """``settings`` with every non-data field set as preset ``name`` has it."""
    if name not in RECIPES:
        raise ConfigError(QT_TRANSLATE_NOOP("Recipes", "unknown preset {name!r}; choose one of {names}")
                          .fill(name=name, names=", ".join(RECIPES)), "preset")
    preset = RECIPES[name]
    recipe = {f.name: f.default for f in fields(RunSettings) if f.name not in DATA_FIELDS}
    return replace(settings, **(recipe | preset.changes | preset.by_dataset.get(settings.dataset, {})))


def matching_recipe(settings: RunSettings) -> str | None:
    """The preset whose recipe ``settings`` follow exactly, or None for custom settings."""
    return next((name for name in RECIPES if apply_recipe(settings, name) == settings), None)
