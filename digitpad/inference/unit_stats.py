"""The test split through one network, kept so that a hidden unit's favourite images and the accuracy of an edited
network (units switched off or scaled) come back at once.

:meth:`TestSetActivations.compute` is one pass over the test images in chunks, meant for a thread of the caller's:
it reports progress and stops when asked. It keeps every hidden layer's pre-activation z, ``(N, units)`` in the
network's dtype (10,000 images of a float32 784-1024-512-10 network take 61 MB), of the network *without its
gains*: what each unit does as trained. A gain only multiplies a unit's output, so any gains apply afterwards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from digitpad.nn.network import MLP

CHUNK = 1000  # test images per step of the pass: progress, cancelling and memory in small pieces


def fingerprint(network: MLP) -> str:
    """A digest of the network's shape and every weight (a few ms for millions of weights), not of its gains."""
    digest = hashlib.blake2b(repr(network.spec).encode(), digest_size=16)
    for _, param, _ in network.parameters():
        digest.update(np.ascontiguousarray(param).data)
    return digest.hexdigest()


@dataclass(frozen=True, eq=False)
class TestSetActivations:
    """Each hidden layer's pre-activation on every test image, for the weights of one network.

    ``trained_accuracy`` is the accuracy of those weights with no gains (as trained). The weights must not change
    while :meth:`compute` runs (compute for a copy of a model that is training).
    """

    __test__ = False  # a name pytest would otherwise collect from any test module importing it

    pre_activations: tuple[np.ndarray, ...]  # hidden layer l (from 1) at index l - 1, (N, units)
    labels: np.ndarray
    trained_accuracy: float
    weights: str  # the fingerprint of the weights they belong to

    @classmethod
    def compute(cls, network: MLP, images: np.ndarray, labels: np.ndarray, report: Callable[[float], None],
                cancelled: Callable[[], bool]) -> TestSetActivations | None:
        """Pass ``images`` ``(N, n_inputs)``, already scaled as network input (``dataset.images × input_scale``,
        as evaluation does), through ``network`` without its gains, ``CHUNK`` images at a time. ``report`` gets
        the share done after each chunk; None when ``cancelled()`` turns true between chunks."""
        weights = fingerprint(network)
        sizes = network.spec.sizes[1:-1]
        pre = tuple(np.empty((len(images), units), network.dtype) for units in sizes)
        for start in range(0, len(images), CHUNK):
            if cancelled():
                return None
            rows = slice(start, start + CHUNK)
            values = np.asarray(images[rows], dtype=network.dtype)
            for i, layer in enumerate(network.layers):
                values = layer.forward(values, train=False)
                if i % 2 == 0 and i + 1 < len(network.layers):  # a Dense layer below hidden layer i // 2 + 1
                    pre[i // 2][rows] = values
            report(min(1.0, (start + CHUNK) / max(len(images), 1)))
        if cancelled():
            return None
        labels = np.asarray(labels)
        return cls(pre, labels, _share_correct(network, pre, labels, {}), weights)

    def top_images(self, layer: int, unit: int, k: int = 9) -> np.ndarray:
        """Row indices of the ``k`` test images on which the unit's activation without gain is largest, largest
        first. Every activation rises with z, so they are the images of largest pre-activation (which also
        orders images a saturated or silent unit gives the same activation)."""
        z = self.pre_activations[layer - 1][:, unit]
        return np.argsort(-z, kind="stable")[:max(k, 0)]  # equal ones in test-set order

    def accuracy(self, network: MLP) -> float:
        """The test accuracy of ``network`` with its current gains; it must have the weights these activations
        were computed with (ValueError otherwise). The predictions are a forward pass's, computed from the cached
        z upward from the lowest layer with a gain (see :func:`_scores`)."""
        if fingerprint(network) != self.weights:
            raise ValueError("these test-set activations were computed for other weights")
        return _share_correct(network, self.pre_activations, self.labels, network.gains)


def _share_correct(network: MLP, pre_activations: tuple[np.ndarray, ...], labels: np.ndarray,
                   gains: dict[int, np.ndarray]) -> float:
    if not len(labels):
        return 0.0
    predicted = network.predict_from_scores(_scores(network, pre_activations, gains))
    return float(np.mean(predicted == labels))


def _scores(network: MLP, pre_activations: tuple[np.ndarray, ...], gains: dict[int, np.ndarray]) -> np.ndarray:
    """The class scores z of every test image with ``gains``. Below the lowest layer with a gain the cached z
    still hold; from its z the next layer's z moves by one rank-one term per unit u with a gain g_u ≠ 1,
    (g_u − 1) · f(z_u) ⊗ W[u, :] (the next z is linear in the outputs: exact but for rounding); above a changed z
    each layer is computed in full, and the output layer always is."""
    hidden = len(pre_activations)
    dense = network.dense_layers
    start = min(gains, default=hidden)
    z, cached = pre_activations[start - 1], True
    for layer in range(start, hidden + 1):
        activation, gain, weights = network.layers[2 * layer - 1], gains.get(layer), dense[layer].params["W"]
        if cached and layer < hidden and gain is not None:
            units = np.flatnonzero(gain != 1)
            moved = activation.forward(z[:, units], train=False) * (gain[units] - 1)
            z, cached = pre_activations[layer] + moved @ weights[units], False
        else:
            outputs = activation.forward(z, train=False)
            z, cached = dense[layer].forward(outputs if gain is None else outputs * gain, train=False), False
    return z
