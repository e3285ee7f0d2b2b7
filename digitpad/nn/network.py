"""A multilayer perceptron: a list of layers and a head.

``MLP(NetworkSpec((784, 256, 128, 10)))`` builds
Dense → ReLU → Dense → ReLU → Dense, followed by softmax + cross-entropy.

A hidden unit can be switched off or scaled (the network view's edits):
its output is multiplied by a *gain* (0 = off) in every pass, forward and
backward, so predictions, activations and gradients all see the edited
network while the weights stay as trained. With no gains set the passes are
exactly the plain ones.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.nn.init import INITIALISERS
from digitpad.nn.layers import ACTIVATIONS, Dense, Layer
from digitpad.nn.losses import HEADS, Head, make_head, sigmoid_shares

DTYPES = {"float32": np.float32, "float64": np.float64}
# What the engine builds and model files may hold: far beyond any digit classifier, well within memory.
MAX_UNITS = 100_000
MAX_PARAMETERS = 50_000_000  # ~200 MB of float32 weights, plus as much again for gradients and optimizer state


@dataclass(frozen=True)
class NetworkSpec:
    """Everything that defines a network's shape and maths (not its weights).

    ``sizes`` runs from the input width to the output width, e.g.
    ``(784, 256, 128, 10)``. With one output unit and MSE the network is a
    regression on ``label / target_scale`` (the classic "predict label/10"
    set-up); otherwise targets are one-hot.
    """

    sizes: tuple[int, ...]
    activation: str = "relu"
    output: str = "softmax"
    loss: str = "cross_entropy"
    init: str = "he"
    bias: bool = True
    reduction: str = "mean"
    dtype: str = "float32"

    def __post_init__(self) -> None:
        if not all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in self.sizes):
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "layer sizes must be whole numbers, got {sizes}")
                              .fill(sizes=self.sizes))
        if not isinstance(self.bias, bool):
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "bias must be true or false, got {bias!r}")
                              .fill(bias=self.bias))
        object.__setattr__(self, "sizes", tuple(int(s) for s in self.sizes))
        self.validate()

    def validate(self) -> None:
        """Raise ConfigError naming the first setting that does not make sense."""
        if len(self.sizes) < 2 or any(s < 1 for s in self.sizes):
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "layer sizes must be two or more positive numbers, got "
                                                "{sizes}").fill(sizes=self.sizes))
        if self.activation not in ACTIVATIONS:
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "unknown activation {activation!r}; choose one of "
                                                "{names}").fill(activation=self.activation,
                                                                names=", ".join(ACTIVATIONS)))
        if (self.output, self.loss) not in HEADS:
            pairs = ", ".join(f"{o}+{l}" for o, l in HEADS)
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "output {output!r} with loss {loss!r} is not offered; "
                                                "choose one of {pairs}").fill(output=self.output, loss=self.loss,
                                                                              pairs=pairs))
        if self.init not in INITIALISERS:
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "unknown initialiser {init!r}; choose one of {names}")
                              .fill(init=self.init, names=", ".join(INITIALISERS)))
        if self.reduction not in ("mean", "sum"):
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "gradient reduction must be 'mean' or 'sum', got "
                                                "{reduction!r}").fill(reduction=self.reduction))
        if self.dtype not in DTYPES:
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "dtype must be float32 or float64, got {dtype!r}")
                              .fill(dtype=self.dtype))
        if self.sizes[-1] == 1 and self.loss != "mse":
            raise ConfigError(QT_TRANSLATE_NOOP("NetworkSpec", "a single output unit is a regression on label/10 and "
                                                "needs the mean squared error loss"))

    @property
    def is_regression(self) -> bool:
        return self.sizes[-1] == 1 and self.loss == "mse"

    def to_dict(self) -> dict:
        return asdict(self) | {"sizes": list(self.sizes)}


class MLP:
    """Dense layers with a hidden activation between them, and an output head."""

    def __init__(self, spec: NetworkSpec, seed: int | np.random.Generator | None = 0, initialise: bool = True) -> None:
        """``initialise=False`` leaves every weight 0, for a network whose weights are set next (a file's, a copy's):
        drawing He weights for 1.3 M parameters only to overwrite them took most of a model file's load time."""
        self.spec = spec
        self.dtype = DTYPES[spec.dtype]
        self.layers: list[Layer] = []
        for i, (n_in, n_out) in enumerate(zip(spec.sizes[:-1], spec.sizes[1:])):
            if i:
                self.layers.append(ACTIVATIONS[spec.activation]())
            self.layers.append(Dense(n_in, n_out, bias=spec.bias, dtype=self.dtype))
        self.dense_layers[0].needs_input_grad = False
        self.head: Head = make_head(spec.output, spec.loss, spec.reduction)
        # Hidden layer (counted from 1) → its units' output gains; only layers with a gain other than 1.
        self.gains: dict[int, np.ndarray] = {}
        if initialise:
            self.initialise(seed)

    @property
    def dense_layers(self) -> list[Dense]:
        return [layer for layer in self.layers if isinstance(layer, Dense)]

    def initialise(self, seed: int | np.random.Generator | None) -> None:
        """Draw fresh weights with the spec's initialiser; biases to zero."""
        rng = np.random.default_rng(seed)
        init = INITIALISERS[self.spec.init]
        for layer in self.dense_layers:
            layer.params["W"][...] = init(layer.n_in, layer.n_out, rng)
            if layer.has_bias:
                layer.params["b"][...] = 0

    # -- computing -------------------------------------------------------
    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        """The last Dense layer's output z, shape ``(batch, n_out)``."""
        x = np.asarray(x, dtype=self.dtype)
        for i, layer in enumerate(self.layers):
            x = self._with_gain(i, layer.forward(x, train))
        return x

    def hidden_activations(self, x: np.ndarray) -> list[np.ndarray]:
        """Output of every hidden activation layer, ``[(batch, units), ...]`` (inference)."""
        return self.activations(x)[0]

    def activations(self, x: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
        """Every hidden activation layer's output and the output layer's, from one inference pass."""
        hidden = []
        x = np.asarray(x, dtype=self.dtype)
        for i, layer in enumerate(self.layers):
            x = self._with_gain(i, layer.forward(x, train=False))
            if not isinstance(layer, Dense):
                hidden.append(x)
        return hidden, self.head.activate(x)

    def train_step(self, x: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        """Forward and backward on one batch; fills every layer's ``grads``.

        Returns the mean loss and the predicted class of each row (before the
        update), so the trainer can count accuracy without a second pass.
        """
        z = self.forward(x, train=True)
        predicted = self.predict_from_scores(z)
        loss, grad = self.head.loss_and_grad(z, targets)
        for i in reversed(range(len(self.layers))):
            grad = self.layers[i].backward(self._with_gain(i, grad))
        return loss, predicted

    def release_buffers(self) -> None:
        """Drop what training passes keep for speed (a full-batch run's buffers are hundreds of MB)."""
        for layer in self.layers:
            layer.release()

    def outputs(self, x: np.ndarray) -> np.ndarray:
        """The output layer's activations, ``(batch, n_out)``."""
        return self.head.activate(self.forward(x))

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities ``(batch, n_classes)``: :meth:`probabilities_from_scores` of one forward pass."""
        return self.probabilities_from_scores(self.forward(x))

    def probabilities_from_scores(self, z: np.ndarray) -> np.ndarray:
        """Class probabilities ``(batch, n_classes)`` from the output layer's logits ``z``.

        softmax: as is. Sigmoid outputs: each σ(z) as its share of the row's
        total, in float64 from the logits (:func:`sigmoid_shares`), so saturated
        classes with different logits do not tie. Identity outputs: clipped at 0
        and normalised to sum to 1 (uniform when all are 0).
        A one-output regression: all mass on the class its output rounds to.
        """
        if self.spec.is_regression:
            return np.eye(self.n_classes, dtype=self.dtype)[self.predict_from_scores(z)]
        if self.spec.output == "sigmoid":
            return sigmoid_shares(z)
        a = self.head.activate(z)
        if self.spec.output == "softmax":
            return a
        a = np.maximum(a, 0)  # identity outputs may be negative: no negative share of probability
        total = a.sum(axis=1, keepdims=True)
        return np.divide(a, total, out=np.full_like(a, 1.0 / a.shape[1]), where=total > 0)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Predicted class per row, ``(batch,)``: the argmax of the logits z.

        Every output activation is monotone, so the logits rank the classes as the outputs do, without the ties of
        outputs that saturated (a float32 sigmoid is exactly 1 for every z above about 17).
        """
        return self.predict_from_scores(self.forward(x))

    def predict_from_scores(self, z: np.ndarray) -> np.ndarray:
        """Predicted class per row from the output layer's logits ``z`` (see :meth:`predict`): every count of
        correct answers (training, evaluation, the views) takes its classes from here."""
        if self.spec.is_regression:
            return self.predict_from_outputs(self.head.activate(z))
        return z.argmax(axis=1)

    def predict_from_outputs(self, a: np.ndarray) -> np.ndarray:
        """A one-output regression's class per row from its output ``a`` (label/10): the nearest class."""
        if not self.spec.is_regression:
            raise ValueError("classes of a classifier come from its logits (predict_from_scores)")
        return np.clip(np.rint(a[:, 0] * self.n_classes), 0, self.n_classes - 1).astype(np.int64)

    def targets(self, labels: np.ndarray) -> np.ndarray:
        """Training targets for integer labels: one-hot, or label/10 for a regression."""
        if self.spec.is_regression:
            return (labels.astype(self.dtype) / self.n_classes)[:, None]
        return np.eye(self.spec.sizes[-1], dtype=self.dtype)[labels]

    @property
    def n_classes(self) -> int:
        """Output units, or 10 for a regression (it predicts a digit as label/10)."""
        return 10 if self.spec.is_regression else self.spec.sizes[-1]

    # -- unit gains ------------------------------------------------------
    def gain_after(self, index: int) -> np.ndarray | None:
        """The gains applied to the output of ``self.layers[index]`` (a hidden activation), or None."""
        return self.gains.get((index + 1) // 2) if index % 2 else None

    def _with_gain(self, index: int, values: np.ndarray) -> np.ndarray:
        gain = self.gain_after(index)
        return values if gain is None else values * gain

    def unit_gain(self, layer: int, unit: int) -> float:
        """Hidden unit ``unit`` of hidden layer ``layer`` (from 1): 1 as trained, 0 switched off."""
        self._check_unit(layer, unit)
        gains = self.gains.get(layer)
        return 1.0 if gains is None else float(gains[unit])

    def set_unit_gain(self, layer: int, unit: int, gain: float) -> None:
        """Multiply the output of one hidden unit by ``gain`` from now on (0 switches it off, 1 restores it)."""
        self._check_unit(layer, unit)
        if not np.isfinite(gain):
            raise ValueError(f"a unit's gain must be a finite number, got {gain}")
        gains = self.gains.get(layer)
        if gains is None:
            gains = self.gains[layer] = np.ones(self.spec.sizes[layer], dtype=self.dtype)
        gains[unit] = gain
        if np.all(gains == 1):
            del self.gains[layer]

    def _check_unit(self, layer: int, unit: int) -> None:
        hidden = len(self.spec.sizes) - 2
        if not 1 <= layer <= hidden:
            raise ValueError(f"hidden layers are numbered 1 to {hidden}, got {layer}")
        if not 0 <= unit < self.spec.sizes[layer]:
            raise ValueError(f"hidden layer {layer} has units 0 to {self.spec.sizes[layer] - 1}, got {unit}")

    # -- parameters ------------------------------------------------------
    def parameters(self) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """``(name, param, grad)`` for every array, named ``W0, b0, W1, ...``."""
        return [(f"{key}{i}", layer.params[key], layer.grads[key])
                for i, layer in enumerate(self.dense_layers) for key in layer.params]

    def get_weights(self) -> dict[str, np.ndarray]:
        """A copy of every parameter by name."""
        return {name: p.copy() for name, p, _ in self.parameters()}

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Copy weights in by name; shapes must match exactly."""
        for name, p, _ in self.parameters():
            if weights[name].shape != p.shape:
                raise ValueError(f"{name}: expected shape {p.shape}, got {weights[name].shape}")
            p[...] = weights[name]

    def n_parameters(self) -> int:
        return sum(p.size for _, p, _ in self.parameters())

    def __repr__(self) -> str:
        s = self.spec
        hidden = "".join(f"→{n} {s.activation}" for n in s.sizes[1:-1])
        return f"MLP({s.sizes[0]}{hidden}→{s.sizes[-1]} {s.output})"
