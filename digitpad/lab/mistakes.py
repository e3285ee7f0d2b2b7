"""Deliberate mistakes, kept in this one module and nowhere else.

The learning lab reproduces classic ways training goes wrong. Most of them
are *settings* (raw inputs, a summed gradient, a tiny initialisation) that the
real engine offers on purpose. The two here are *bugs*: code that looks
plausible and is wrong. They never touch the engine's own code paths; a lab
run installs them on one network and one trainer with :func:`apply_mistakes`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.model.bundle import Model
from digitpad.nn.losses import SoftmaxCrossEntropy
from digitpad.nn.network import MLP
from digitpad.training.trainer import BatchRows, aligned_batch


@dataclass(frozen=True)
class Mistake:
    """A named bug with the paragraph a learner reads about it (marked templates, context ``LabMistakes``)."""

    name: str
    title: str
    explanation: str


class SoftmaxDerivativeHead(SoftmaxCrossEntropy):
    """Softmax + cross-entropy with the softmax derivative wrongly applied twice.

    The fused gradient ``p − y`` already *is* the derivative through the
    softmax; multiplying it again by ``p(1 − p)`` gives
    ``dL/dz = (p − y)·p(1 − p) / batch`` (or ``/ 1`` when summed), which
    vanishes whenever a class probability nears 0 or 1, right or wrong.
    """

    def loss_and_grad(self, z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
        loss, grad = super().loss_and_grad(z.copy(), y)
        p = self.activate(z)
        grad *= p * (1 - p)
        return loss, grad


def misaligned_batch(order: np.ndarray, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
    """Image rows ``start:stop`` of the *unshuffled* array, label rows from the shuffled ``order``.

    Each image is paired with a random label, so there is nothing to learn:
    accuracy stays at chance however long it trains.
    """
    return np.arange(start, min(stop, len(order))), order[start:stop]


MISTAKES: dict[str, Mistake] = {
    "softmax_derivative": Mistake(
        "softmax_derivative", QT_TRANSLATE_NOOP("LabMistakes", "Softmax derivative applied twice"),
        QT_TRANSLATE_NOOP(
            "LabMistakes", "The gradient of cross-entropy through a softmax is simply p − y: the softmax's own "
                           "derivative is already folded into it. Multiplying it by the softmax derivative p(1 − p) "
                           "once more, as code that backpropagates 'layer by layer' often does, scales every error by "
                           "a number near zero whenever the network is confident, and also when it is confidently "
                           "wrong: a class predicted with p ≈ 0 that should be 1 gets almost no push. Training crawls "
                           "or stalls.")),
    "misaligned_batches": Mistake(
        "misaligned_batches", QT_TRANSLATE_NOOP("LabMistakes", "Images and labels shuffled apart"),
        QT_TRANSLATE_NOOP(
            "LabMistakes", "Each epoch shuffles the images, but here only the labels are taken in shuffled order while "
                           "the images are taken from the unshuffled array. Every image arrives with some other "
                           "image's label, so the network can learn nothing but how often each class occurs: accuracy "
                           "stays near 10 %, and the loss sits at that of guessing the class frequencies. Always index "
                           "X and y with the same shuffled order.")),
}


def installed_mistakes(network: MLP) -> frozenset[str]:
    """The deliberate mistakes that live on ``network`` itself, so it trains with wrong maths (its head);
    the misaligned batches live in the trainer's batch picker and leave the network's maths right."""
    return frozenset({"softmax_derivative"}) if isinstance(network.head, SoftmaxDerivativeHead) else frozenset()


def recording_mistakes(model: Model) -> Model:
    """``model`` naming the mistakes installed on its network (:attr:`Model.mistakes`), so a file of it keeps
    them and opens with them."""
    return replace(model, mistakes=tuple(sorted(installed_mistakes(model.network))))


def apply_mistakes(names: Iterable[str], network: MLP) -> BatchRows:
    """Install the named mistakes on ``network``; return the batch picker for the Trainer.

    Parameters
    ----------
    names
        Keys of :data:`MISTAKES`; empty means none (the real engine).
    network
        Its head is replaced in place for ``"softmax_derivative"``.

    Returns
    -------
    callable
        ``batch_rows(order, start, stop) -> (image_rows, label_rows)`` to pass to
        :class:`~digitpad.training.trainer.Trainer`.

    Raises
    ------
    ConfigError
        For an unknown name, or a head bug on a network without a softmax + cross-entropy head.
    """
    names = frozenset(names)
    unknown = sorted(names - MISTAKES.keys())
    if unknown:
        raise ConfigError(QT_TRANSLATE_NOOP("LabMistakes", "unknown mistake {name!r}; known: {known}").fill(
            name=unknown[0], known=", ".join(MISTAKES)))
    if "softmax_derivative" in names:
        if type(network.head) is not SoftmaxCrossEntropy:
            raise ConfigError(QT_TRANSLATE_NOOP("LabMistakes", "the softmax derivative mistake needs a softmax + "
                                                               "cross-entropy head, not {output} + {loss}").fill(
                output=network.spec.output, loss=network.spec.loss), "head")
        network.head = SoftmaxDerivativeHead(network.head.reduction)
    return misaligned_batch if "misaligned_batches" in names else aligned_batch
