"""Layers: each has ``forward(x) -> y`` and ``backward(grad_y) -> grad_x``.

A layer keeps what its backward needs from the last training forward pass.
Parameters live in ``params`` and their gradients in ``grads`` under the same
keys (``"W"``, ``"b"``), so optimizers can walk both together.

For speed, training passes reuse buffers: activations work in place on the
output of the Dense layer before them (nothing else reads it), and backward
may overwrite the gradient array it is handed (each one is owned by the chain).
Inference (``train=False``) never touches the cached state, so a prediction
between two training steps is harmless.
"""

from __future__ import annotations

import numpy as np

from digitpad.nn.products import product


class Layer:
    """A step of the network. Stateless layers have empty ``params``."""

    params: dict[str, np.ndarray]
    grads: dict[str, np.ndarray]

    def __init__(self) -> None:
        self.params, self.grads = {}, {}

    def forward(self, x: np.ndarray, train: bool = True) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def release(self) -> None:
        """Forget the cached arrays of the last training pass (and any scratch buffers)."""
        for name in ("_x", "_y"):
            if hasattr(self, name):
                setattr(self, name, None)


class Dense(Layer):
    """``y = x @ W + b`` with ``W`` of shape ``(n_in, n_out)``."""

    def __init__(self, n_in: int, n_out: int, bias: bool = True, dtype: type = np.float32) -> None:
        super().__init__()
        self.n_in, self.n_out, self.has_bias = n_in, n_out, bias
        self.params["W"] = np.zeros((n_in, n_out), dtype=dtype)
        if bias:
            self.params["b"] = np.zeros(n_out, dtype=dtype)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        # The first layer never needs the gradient with respect to the data.
        self.needs_input_grad = True
        self._x: np.ndarray | None = None
        self._buffers: dict[tuple[str, int], np.ndarray] = {}

    def _buffer(self, name: str, rows: int, cols: int) -> np.ndarray:
        buf = self._buffers.get((name, rows))
        if buf is None:
            if len(self._buffers) > 8:  # batch sizes seen: a few; never grow without bound
                self._buffers.clear()
            buf = self._buffers[(name, rows)] = np.empty((rows, cols), dtype=self.params["W"].dtype)
        return buf

    def forward(self, x: np.ndarray, train: bool = True) -> np.ndarray:
        W = self.params["W"]
        if train:
            self._x = x
            y = np.matmul(x, W, out=self._buffer("y", len(x), self.n_out))
        else:
            y = product(x, W)  # a drawing's one row never waits for BLAS workers a training thread keeps busy
        if self.has_bias:
            y += self.params["b"]
        return y

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        np.matmul(self._x.T, grad, out=self.grads["W"])
        if self.has_bias:
            np.sum(grad, axis=0, out=self.grads["b"])
        if not self.needs_input_grad:
            return None
        return np.matmul(grad, self.params["W"].T, out=self._buffer("dx", len(grad), self.n_in))

    def release(self) -> None:
        super().release()
        self._buffers.clear()

    def __repr__(self) -> str:
        return f"Dense({self.n_in}→{self.n_out}{'' if self.has_bias else ', no bias'})"


class Sigmoid(Layer):
    """σ(z) = 1 / (1 + e^−z); σ' = σ(1 − σ)."""

    def forward(self, x: np.ndarray, train: bool = True) -> np.ndarray:
        y = sigmoid(x, out=x if train else None)
        if train:
            self._y = y
        return y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        y = self._y
        grad *= y
        grad *= 1 - y
        return grad


class Tanh(Layer):
    """tanh(z); tanh' = 1 − tanh²."""

    def forward(self, x: np.ndarray, train: bool = True) -> np.ndarray:
        y = np.tanh(x, out=x if train else None)
        if train:
            self._y = y
        return y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        grad *= 1 - self._y * self._y
        return grad


class LeakyReLU(Layer):
    """max(z, αz); slope 1 for z > 0 and α otherwise (α = 0 is plain ReLU)."""

    def __init__(self, alpha: float = 0.01) -> None:
        super().__init__()
        self.alpha = alpha

    def forward(self, x: np.ndarray, train: bool = True) -> np.ndarray:
        out = x if train else None
        if self.alpha == 0.0:
            y = np.maximum(x, 0, out=out)
        else:
            y = np.where(x > 0, x, x * x.dtype.type(self.alpha))
            if train:
                x[...] = y
                y = x
        if train:
            self._y = y
        return y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        # y > 0 exactly where z > 0, so the output is enough to find the slope.
        if self.alpha == 0.0:
            grad *= self._y > 0
        else:
            grad *= np.where(self._y > 0, 1, self.alpha).astype(grad.dtype)
        return grad


class ReLU(LeakyReLU):
    """max(z, 0); slope 1 for z > 0 and 0 otherwise (0 at z = 0, by convention)."""

    def __init__(self) -> None:
        super().__init__(alpha=0.0)


class Identity(Layer):
    """y = z; passes the gradient through unchanged."""

    def forward(self, x: np.ndarray, train: bool = True) -> np.ndarray:
        return x

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad


def sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Logistic function that never overflows: uses ½(1 + tanh(z/2))."""
    y = np.multiply(z, z.dtype.type(0.5), out=out)
    np.tanh(y, out=y)
    y += 1
    y *= z.dtype.type(0.5)
    return y


ACTIVATIONS: dict[str, type[Layer]] = {
    "sigmoid": Sigmoid,
    "tanh": Tanh,
    "relu": ReLU,
    "leaky_relu": LeakyReLU,
    "identity": Identity,
}
