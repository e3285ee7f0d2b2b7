"""Output layer + loss pairs, computed from the last Dense layer's output z.

Each head turns z into what the user sees (``output``) and into a loss value
and its gradient with respect to z. Softmax with cross-entropy and sigmoid
with binary cross-entropy are fused: their gradient is simply ``p − y`` and
they are computed from z stably (log-sum-exp, log-sigmoid), never by taking
the log of a probability that may have rounded to 0.

Loss values are always the mean over the batch, so curves of runs with
different batch sizes can be compared. The *gradient* is the mean by default
(``reduction="mean"``) or the sum over the batch (``reduction="sum"``): with
a sum, the step size grows with the number of rows, one of the classic ways
training goes wrong.
"""

from __future__ import annotations

import numpy as np

from digitpad.nn.layers import sigmoid

REDUCTIONS = ("mean", "sum")


class Head:
    """An output activation together with the loss computed on it."""

    output: str
    loss: str

    def __init__(self, reduction: str = "mean") -> None:
        if reduction not in REDUCTIONS:
            raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
        self.reduction = reduction

    def activate(self, z: np.ndarray) -> np.ndarray:
        """The output the network shows, shape ``(batch, n_out)``."""
        raise NotImplementedError

    def loss_and_grad(self, z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
        """Mean loss over the batch and d(loss)/dz, both for targets ``y`` (batch, n_out).

        May overwrite ``z`` (it is the network's scratch buffer).
        """
        raise NotImplementedError

    def _scale(self, batch: int) -> float:
        return 1.0 / batch if self.reduction == "mean" else 1.0


class SoftmaxCrossEntropy(Head):
    """p = softmax(z); L = −Σ y log p, from log-sum-exp; dL/dz = p − y."""

    output, loss = "softmax", "cross_entropy"

    def activate(self, z: np.ndarray) -> np.ndarray:
        return softmax(z)

    def loss_and_grad(self, z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
        z -= z.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(z).sum(axis=1, keepdims=True))
        # −Σ y (z − log Σ e^z), with z shifted so e^z never overflows.
        loss = float(np.sum(y * (log_norm - z), dtype=np.float64)) / len(z)
        z -= log_norm
        p = np.exp(z, out=z)
        p -= y
        p *= z.dtype.type(self._scale(len(z)))
        return loss, p


class SigmoidBinaryCrossEntropy(Head):
    """p = σ(z); L = −Σ [y log p + (1 − y) log(1 − p)] from log-sigmoid; dL/dz = p − y."""

    output, loss = "sigmoid", "bce"

    def activate(self, z: np.ndarray) -> np.ndarray:
        return sigmoid(z)

    def loss_and_grad(self, z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
        # log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z), softplus computed stably.
        loss_rows = y * _softplus(-z) + (1 - y) * _softplus(z)
        loss = float(np.sum(loss_rows, dtype=np.float64)) / len(z)
        p = sigmoid(z, out=z)
        p -= y
        p *= z.dtype.type(self._scale(len(z)))
        return loss, p


class MeanSquaredError(Head):
    """a = f(z) for f = identity or sigmoid; L = ½ Σ (a − y)²; dL/dz = (a − y) f'(z).

    The ½ makes the error signal the textbook ``(a − y)``.
    """

    loss = "mse"

    def __init__(self, output: str, reduction: str = "mean") -> None:
        super().__init__(reduction)
        if output not in ("identity", "sigmoid"):
            raise ValueError(f"mean squared error goes with identity or sigmoid output, not {output!r}")
        self.output = output

    def activate(self, z: np.ndarray) -> np.ndarray:
        return sigmoid(z) if self.output == "sigmoid" else z.copy()

    def loss_and_grad(self, z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
        a = sigmoid(z, out=z) if self.output == "sigmoid" else z
        err = a - y
        loss = 0.5 * float(np.sum(err * err, dtype=np.float64)) / len(z)
        if self.output == "sigmoid":
            err *= a * (1 - a)
        err *= z.dtype.type(self._scale(len(z)))
        return loss, err


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of ``(batch, classes)``, shifted by the row max so it never overflows."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)
    return e


def sigmoid_shares(z: np.ndarray) -> np.ndarray:
    """σ(z) of each class as its share of the row's total, ``(batch, classes)`` float64, from the logits ``z``.

    Computed as softmax(log σ(z)) with log σ(z) = −softplus(−z) in float64, never from σ(z) itself: in float32
    σ(z) is exactly 1 above z ≈ 17, so logits [19, 25, 30] gave three equal shares. This way shares of different
    logits differ as long as float64 tells 1 − σ(z) apart near 1/n, i.e. up to logits of about 36.
    """
    log_p = -_softplus(-np.asarray(z, dtype=np.float64))
    return softmax(log_p)


def _softplus(z: np.ndarray) -> np.ndarray:
    """log(1 + e^z) without overflow: max(z, 0) + log1p(e^−|z|)."""
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


# (output, loss) pairs the engine offers, and the head that computes each.
HEADS = {
    ("softmax", "cross_entropy"): lambda reduction: SoftmaxCrossEntropy(reduction),
    ("sigmoid", "bce"): lambda reduction: SigmoidBinaryCrossEntropy(reduction),
    ("sigmoid", "mse"): lambda reduction: MeanSquaredError("sigmoid", reduction),
    ("identity", "mse"): lambda reduction: MeanSquaredError("identity", reduction),
}


def make_head(output: str, loss: str, reduction: str = "mean") -> Head:
    """The head for an (output, loss) pair; raises ValueError for a pair we do not offer."""
    try:
        return HEADS[(output, loss)](reduction)
    except KeyError:
        pairs = ", ".join(f"{o}+{l}" for o, l in HEADS)
        raise ValueError(f"output {output!r} with loss {loss!r} is not offered; choose one of {pairs}") from None
