"""The gradient of a class's score with respect to the network's input: backprop one step further.

Training stops backpropagation at the first Dense layer's weights; taken one
step further, past that layer and down to the input, it says which input
pixels push the network towards a class. For a softmax network it
differentiates the class's *log-probability* ``log p_c = z_c − log Σ_k e^{z_k}``,
whose gradient ``∇z_c − Σ_k p_k ∇z_k`` is the evidence for class c *against
the classes competing with it*. The bare logit ``z_c`` would also show
whatever raises every class's score at once (more ink anywhere), which changes
no decision. The computation runs in float64 because for a confident
prediction the competing ``p_k`` are tiny, and in float32 ``onehot − p`` would
round to zero and leave nothing to show. Other heads (sigmoid per class, mean
squared error) use the unit's logit ``z_c``: their outputs are monotone in it
and do not compete.
"""

from __future__ import annotations

import numpy as np

from digitpad.nn.network import MLP
from digitpad.nn.products import product
from digitpad.nn.trace import backward_deltas, float64_weights, forward_keeping


def input_gradient(network: MLP, x: np.ndarray, class_index: int) -> np.ndarray:
    """Gradient of class ``class_index``'s score with respect to the input.

    The score is the log-probability for a softmax output and the logit of
    output unit ``class_index`` otherwise (a one-output regression has only
    unit 0). Nothing in ``network`` is modified, so it is safe to call
    between two training steps.

    Parameters
    ----------
    network : MLP
        Any network; its weights are read in float64.
    x : np.ndarray
        ``(batch, n_inputs)`` network input.
    class_index : int
        Output unit whose score is differentiated, ``0 <= class_index < n_out``.

    Returns
    -------
    np.ndarray
        ``(batch, n_inputs)`` float64; row i is the gradient of row i's score.
    """
    n_out = network.spec.sizes[-1]
    if not 0 <= class_index < n_out:
        raise ValueError(f"class_index must be in 0..{n_out - 1}, got {class_index}")
    weights = float64_weights(network)
    _, pre_activations, steps = forward_keeping(network, weights, np.array(x, dtype=np.float64, ndmin=2))
    deltas = backward_deltas(weights, steps, _score_gradient(network, pre_activations[-1], class_index))
    return product(deltas[0], weights["W0"].T)  # one step further than training: down to the input


def _score_gradient(network: MLP, z: np.ndarray, class_index: int) -> np.ndarray:
    """d(score)/dz for the last Dense output ``z`` (batch, n_out), float64."""
    grad = np.zeros_like(z)
    if network.spec.output != "softmax":
        grad[:, class_index] = 1.0
        return grad
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    grad -= p
    # 1 − p_c written as the sum of the others' probabilities: exact even when p_c rounds to 1.
    grad[:, class_index] = np.delete(p, class_index, axis=1).sum(axis=1)
    return grad
