"""Named training recipes a user picks instead of tuning every setting.

A preset sets the network and the optimisation; the data choices (dataset,
subset, validation share) and the seed stay the user's. Accuracy and time of
each preset are measured by ``benchmarks/accuracy.py`` on 2 cores.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from digitpad.errors import ConfigError
from digitpad.training.run import RunSettings

DATA_FIELDS = ("dataset", "subset", "validation", "seed")


@dataclass(frozen=True)
class Preset:
    title: str
    description: str
    changes: dict  # RunSettings fields that differ from the defaults


PRESETS = {
    "default": Preset("Default", "784-256-128 ReLU, 10 epochs: about 98 % on MNIST in about 10 s.", {}),
    "quick": Preset("Quick", "784-512-256 ReLU, ±2-pixel random shifts, 15 epochs: about 98.9 % on MNIST "
                    "in under 30 s.", {"hidden": "512,256", "shift": 2, "epochs": 15}),
    "best": Preset("Best", "784-1024-512 ReLU, ±2-pixel random shifts, 40 epochs: about 99.2 % on MNIST "
                   "in under 5 minutes.", {"hidden": "1024,512", "shift": 2, "epochs": 40}),
}


def apply_preset(settings: RunSettings, name: str) -> RunSettings:
    """``settings`` with every non-data field set as preset ``name`` has it."""
    if name not in PRESETS:
        raise ConfigError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}", "preset")
    recipe = {f.name: f.default for f in fields(RunSettings) if f.name not in DATA_FIELDS}
    return replace(settings, **(recipe | PRESETS[name].changes))


def matching_preset(settings: RunSettings) -> str | None:
    """The preset whose recipe ``settings`` follow exactly, or None for custom settings."""
    return next((name for name in PRESETS if apply_preset(settings, name) == settings), None)
