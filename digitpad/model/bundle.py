"""The Model bundle: a network with everything needed to use, show and reproduce it.

It sits above the engine and the data: it knows the preprocessing a drawing
needs, the class names, the training settings and history, and the app
version that made it. :mod:`digitpad.model.files` saves and loads it.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

import numpy as np

from digitpad.nn.network import MLP

# The training settings a run can change while it trains, and the most changes one model records.
STEP_SETTINGS = ("lr", "momentum", "weight_decay")
MAX_STEP_CHANGES = 10_000


@dataclass
class Model:
    """A trained network with everything needed to use, show and reproduce it.

    ``input_scale`` maps raw pixels (0..255 for "mnist-28", 0..16 for
    "digits-8x8") to network input: ``x = raw × input_scale``.

    ``step_changes`` lists the changes made to the learning rate, momentum or
    weight decay while the run trained, in the order they took effect, each a
    plain dict ``{"epoch": int, "batch": int, "setting": str, "old": float,
    "new": float}``: 0-based epoch and batch of the first mini-batch that used
    the new value; ``setting`` is one of :data:`STEP_SETTINGS`.

    ``mistakes`` names the learning lab's deliberate bugs installed on the
    network itself (today only ``"softmax_derivative"``, a wrong head); it is
    empty for the engine's own maths. The bundle only stores the names, so a
    file keeps them: whoever opens the file installs them again
    (:func:`digitpad.lab.mistakes.apply_mistakes`), and the model then trains
    and checks as the run that made it did. They change the backward pass
    only, never a prediction.

    A model can be edited by hand in the network view: hidden units switched
    off or scaled live on the network (:attr:`MLP.gains`), and each single
    step taken on one drawing is listed in ``hand_steps`` as ``{"label": int,
    "lr": float}``. :attr:`edited` says whether either was done; a file keeps
    both (``edits`` in docs/model-format.md).
    """

    network: MLP
    input_shape: tuple[int, int]
    preprocessing: str
    input_scale: float
    class_names: tuple[str, ...]
    dataset: str = ""
    hyperparameters: dict = field(default_factory=dict)
    history: dict[str, list[float]] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    name: str = ""
    created: str = ""
    app_version: str = ""
    step_changes: list[dict] = field(default_factory=list)
    mistakes: tuple[str, ...] = ()
    hand_steps: list[dict] = field(default_factory=list)

    def copy(self) -> Model:
        """A deep copy: its network and records can change without touching this model.
        The network keeps its head, a lab mistake's included: the copy computes what this one does."""
        network = MLP(self.network.spec, initialise=False)
        network.set_weights(self.network.get_weights())
        network.head = copy.copy(self.network.head)
        network.gains = {layer: gains.copy() for layer, gains in self.network.gains.items()}
        return dataclasses.replace(self, network=network, hyperparameters=copy.deepcopy(self.hyperparameters),
                                   history=copy.deepcopy(self.history), metrics=dict(self.metrics),
                                   step_changes=copy.deepcopy(self.step_changes),
                                   hand_steps=copy.deepcopy(self.hand_steps))

    @property
    def edited(self) -> bool:
        """Changed by hand since it was trained: units switched off or scaled, or steps taken on one drawing."""
        return bool(self.network.gains or self.hand_steps)

    def edit_counts(self) -> tuple[int, int, int]:
        """The hand edits as counts: hidden units switched off, units scaled, steps taken on one drawing."""
        gains = np.concatenate(list(self.network.gains.values())) if self.network.gains else np.ones(0)
        return int(np.sum(gains == 0)), int(np.sum((gains != 0) & (gains != 1))), len(self.hand_steps)

    def describe_edits(self) -> str:
        """The hand edits in English words (the CLI's summary), e.g. "2 units switched off, 1 unit scaled;
        1 step on one drawing", or "" (the window's words: :func:`digitpad.ui.model_edits.edits_text`)."""
        off, scaled, steps = self.edit_counts()
        parts = [f"{n} unit{'s' * (n != 1)} {what}" for n, what in ((off, "switched off"), (scaled, "scaled")) if n]
        units = ", ".join(parts)
        taken = f"{steps} step{'s' * (steps != 1)} on one drawing" if steps else ""
        return "; ".join(part for part in (units, taken) if part)

    def summary(self) -> str:
        """Several lines of plain text describing the model, for the CLI and the GUI."""
        net = self.network
        rows = [
            ("network", f"{net!r}, {net.n_parameters():,} parameters, {net.spec.dtype}"),
            ("input", (f"{'×'.join(map(str, self.input_shape))} {self.preprocessing}, "
                       f"pixels × {self.input_scale:.6g}")),
            ("classes", " ".join(self.class_names)),
            ("dataset", self.dataset or "unknown"),
            ("training", ", ".join(f"{k}={v}" for k, v in self.hyperparameters.items()) or "unknown"),
            ("history", _describe_history(self.history)),
            ("changes", _describe_step_changes(self.step_changes)),
            ("metrics", ", ".join(f"{k} {v:.4g}" for k, v in self.metrics.items()) or "none"),
            ("created", f"{self.created} by digitpad {self.app_version}" if self.created else "not saved"),
        ]
        if self.edited:
            rows.append(("edits", f"{self.describe_edits()} (by hand, in the network view)"))
        if self.mistakes:
            rows.append(("mistakes", (f"{', '.join(self.mistakes)}: deliberate bugs from the learning lab "
                                      "(they change training, not predictions)")))
        title = f"Model {self.name!r}" if self.name else "Model (unnamed)"
        return "\n".join([title] + [f"  {key:<9} {text}" for key, text in rows])


def _describe_history(history: dict[str, list[float]]) -> str:
    if not history:
        return "none"
    epochs = max(len(series) for series in history.values())
    return f"{epochs} epochs of {', '.join(history)}"



def _describe_step_changes(changes: list[dict], shown: int = 5) -> str:
    """E.g. "lr 0.05 → 0.01 from epoch 2 batch 4" (1-based, as people count), the first few of them."""
    if not changes:
        return "none made while training"
    parts = [f"{c['setting']} {c['old']:.6g} → {c['new']:.6g} from epoch {c['epoch'] + 1} batch {c['batch'] + 1}"
             for c in changes[:shown]]
    if len(changes) > shown:
        parts.append(f"and {len(changes) - shown:,} more")
    return "; ".join(parts)
