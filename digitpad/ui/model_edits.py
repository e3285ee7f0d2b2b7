"""Changing the current model by hand: units switched off or scaled, single steps on one drawing, Reset edits.

Every edit goes through :class:`ModelEdits`, which changes the window's
current model in place and tells :class:`~digitpad.ui.model_files.ModelFiles`
(the title then says "edited", the model is unsaved, and everything that shows
the model shows it again), so nothing is ever edited silently. Unit gains keep
the trained weights (:attr:`MLP.gains`), so switching a unit on again is
exact; a step keeps the weights from before it, so Undo step and Reset edits
bring them back exactly. Steps recorded in a file that was opened are part of
its weights: Reset leaves those.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from digitpad.model.bundle import Model
from digitpad.ui.base.i18n import fill, translate
from digitpad.ui.model_files import ModelFiles


class ModelEdits(QObject):
    """Hand edits of ``files.model``; ``changed`` follows every one (after the model was announced)."""

    changed = Signal()
    weights_changed = Signal()  # a step, its undo or a reset changed the weights themselves (before ``changed``)

    def __init__(self, files: ModelFiles) -> None:
        super().__init__(files)
        self.files = files
        self._model: Model | None = None
        self._before_steps: list[dict[str, np.ndarray]] = []  # weights before each step taken here, oldest first
        # Whether the model was saved (as in its file, or nothing to save) before the edits Reset would undo;
        # None while there are none.
        self._saved_before: bool | None = None
        files.changed.connect(self._model_changed)

    @property
    def model(self) -> Model:
        return self.files.model

    @property
    def steps_taken(self) -> int:
        """Steps taken here on the current model, which Undo step can take back."""
        return len(self._before_steps)

    def set_gain(self, layer: int, unit: int, gain: float) -> None:
        """Multiply a hidden unit's output by ``gain`` (0 switches it off, 1 restores it)."""
        if self.model.network.unit_gain(layer, unit) == gain:
            return
        self._before_edit()
        self.model.network.set_unit_gain(layer, unit, gain)
        self._announce()

    def take_step(self, weights: dict[str, np.ndarray], label: int, lr: float) -> None:
        """Put in ``weights``, the model's after one SGD step on a drawing with ``label`` at rate ``lr``."""
        self._before_edit()
        self._before_steps.append(self.model.network.get_weights())
        self.model.network.set_weights(weights)
        self.model.hand_steps.append({"label": int(label), "lr": float(lr)})
        self._announce(weights=True)

    def undo_step(self) -> None:
        """Take back the last step taken here."""
        if not self._before_steps:
            return
        self.model.network.set_weights(self._before_steps.pop())
        self.model.hand_steps.pop()
        self._announce(weights=True)

    def reset(self) -> None:
        """Every unit back on at its trained strength, and the steps taken here taken back."""
        network, stepped = self.model.network, bool(self._before_steps)
        if stepped:
            network.set_weights(self._before_steps[0])
            del self.model.hand_steps[len(self.model.hand_steps) - len(self._before_steps):]
            self._before_steps.clear()
        network.gains.clear()
        saved = self._saved_before and not self.model.edited  # back as it is in its file
        self._saved_before = None
        self._announce(weights=stepped, unsaved=not saved)

    def weights_before_steps(self) -> dict[str, np.ndarray]:
        """The weights before the first step taken here (the model's own weights when none was)."""
        return self._before_steps[0] if self._before_steps else self.model.network.get_weights()

    @property
    def resettable(self) -> bool:
        """Whether Reset edits would change anything."""
        return bool(self.model.network.gains or self._before_steps)

    def _before_edit(self) -> None:
        """Before the first edit Reset would undo: was the model as in its file, with no edits of its own?"""
        if self._saved_before is None:
            self._saved_before = not self.files.unsaved and not self.model.edited

    def _announce(self, weights: bool = False, unsaved: bool = True) -> None:
        if weights:
            self.weights_changed.emit()
        self.files.mark_edited(unsaved)
        self.changed.emit()

    def _model_changed(self, model: Model) -> None:
        if model is not self._model:  # another model (opened, trained, new): its steps are not ours to undo
            self._model = model
            self._before_steps.clear()
            self._saved_before = None
        elif not self.files.unsaved and self.resettable:  # saved with its edits: undoing them changes the file's
            self._saved_before = False


def model_label_text(name: str, model: Model) -> str:
    """The window's label of the model called ``name``: its network and, once edited by hand, its edits."""
    if model.edited:
        return fill(translate("ModelEdits", "<b>{name}</b><br>{network}<br>Edited by hand: {edits}"),
                    name=name, network=repr(model.network), edits=edits_text(model))
    return fill(translate("ModelEdits", "<b>{name}</b><br>{network}"), name=name, network=repr(model.network))


def edits_text(model: Model) -> str:
    """The hand edits in words, e.g. "2 units switched off, 1 unit scaled; 1 step on one drawing"."""
    off, scaled, steps = model.edit_counts()
    units = [("" if not off else translate("ModelEdits", "%n unit switched off", None, off) if off == 1
              else translate("ModelEdits", "%n units switched off", None, off)),
             ("" if not scaled else translate("ModelEdits", "%n unit scaled", None, scaled) if scaled == 1
              else translate("ModelEdits", "%n units scaled", None, scaled))]
    units = (fill(translate("ModelEdits", "{switched_off}, {scaled}"), switched_off=units[0], scaled=units[1])
             if all(units) else units[0] or units[1])
    taken = ("" if not steps else translate("ModelEdits", "%n step on one drawing", None, steps) if steps == 1
             else translate("ModelEdits", "%n steps on one drawing", None, steps))
    if units and taken:
        return fill(translate("ModelEdits", "{units}; {steps}"), units=units, steps=taken)
    return units or taken
