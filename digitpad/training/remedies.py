"""The training doctor's remedies: for a run's settings, the one change most likely to cure a kind of failure, and
the sentence that says why (:mod:`digitpad.training.diagnosis` decides which kind a problem calls for).

Each sentence is a marked template (:mod:`digitpad.common.text`): English for the CLI, translated in the window.
"""

from __future__ import annotations

from digitpad.common.text import QT_TRANSLATE_NOOP, Message
from digitpad.nn.network import NetworkSpec
from digitpad.training.settings import RunSettings

# Learning rates below these are small for mean-reduced gradients (usual: sgd family 0.05–0.5, adam ~1e-3).
SMALL_LR = {"adam": 2e-4}
SMALL_LR_SGD = 0.02


def _sig(value: float) -> float:
    """``value`` without float noise (0.005, not 0.005000000000000001), for a settings form."""
    return float(f"{value:.12g}")


class Case:
    """The run a rule reasons about: its settings, network shape and head, and the fixes they suggest."""

    def __init__(self, spec: NetworkSpec, settings: RunSettings) -> None:
        self.s, self.spec = settings, spec
        self.activation, self.hidden_layers = spec.activation, len(spec.sizes) - 2
        self.n_classes = 10 if spec.is_regression else spec.sizes[-1]
        self.cross_entropy = spec.loss == "cross_entropy"

    def gentler_steps(self) -> tuple[dict[str, object], Message]:
        """The change that shrinks every update: the root cause first, then the learning rate."""
        s = self.s
        if not s.scale_inputs:
            return {"scale_inputs": True}, QT_TRANSLATE_NOOP(
                "Doctor", "Scale the inputs to 0–1: raw pixel values (up to 255, or 16 for the 8×8 digits) make "
                          "every weighted sum and every update that much larger.")
        if s.sum_gradient and s.batch_size:
            return {"sum_gradient": False}, QT_TRANSLATE_NOOP(
                "Doctor", "Average the gradient over the batch instead of summing it: a sum makes every step "
                          "batch-size times larger ({batch} images).").fill(batch=s.batch_size)
        if s.sum_gradient:
            return {"sum_gradient": False}, QT_TRANSLATE_NOOP(
                "Doctor", "Average the gradient over the batch instead of summing it: a sum makes every step "
                          "batch-size times larger (all images).")
        return {"lr": _sig(s.lr / 10)}, QT_TRANSLATE_NOOP(
            "Doctor", "Divide the learning rate by 10, from {lr:g} to {new:g}.").fill(lr=s.lr, new=s.lr / 10)

    def faster_learning(self) -> tuple[dict[str, object] | None, Message]:
        """The change most likely to get a net that learns nothing moving."""
        s = self.s
        if s.regression:
            return {"regression": False, "head": "softmax+cross_entropy"}, QT_TRANSLATE_NOOP(
                "Doctor", "Classify instead: one output predicting label/10 must put a 1 between a 0 and a 2, so the "
                          "net learns to hedge between neighbouring digits. Ten outputs with softmax + cross-entropy "
                          "do not.")
        if not s.scale_inputs:
            return self.gentler_steps()
        if s.lr < SMALL_LR.get(s.optimizer, SMALL_LR_SGD):
            return {"lr": _sig(s.lr * 10)}, QT_TRANSLATE_NOOP(
                "Doctor", "The learning rate {lr:g} is small for {optimizer}: multiply it by 10, to {new:g}.").fill(
                lr=s.lr, optimizer=s.optimizer, new=s.lr * 10)
        if self.activation in ("sigmoid", "tanh"):
            return {"activation": "relu", "init": "he"}, QT_TRANSLATE_NOOP(
                "Doctor", "Use ReLU with He initialisation: its slope is 1 wherever it is active, so the error "
                          "signal reaches every layer at full strength.")
        return None, QT_TRANSLATE_NOOP("Doctor", "Try more hidden units, or check that the labels belong to the "
                                                 "images.")
