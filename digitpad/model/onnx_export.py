"""A model as a standard ONNX graph: raw pixels in, digitpad's probabilities out.

The graph computes exactly what :meth:`MLP.predict_proba` computes on
``raw × input_scale``, so any ONNX runtime gives the window's numbers:

    pixels (N × n_inputs, float32, raw 0–255 or 0–16 for 8×8 models)
      → Mul(input_scale) → per Dense layer: MatMul (+ Add when the model has biases)
      → hidden activation (Relu, LeakyRelu α, Sigmoid, Tanh, or none) → …
      → the head: Softmax(axis=1); or Sigmoid / none, then the share of each class
        (clipped at 0, divided by the row's sum, uniform when the sum is 0) → probabilities

A one-output regression exports its single output instead, named ``output``
(N × 1, the number whose ×10, rounded, is the digit): there are no class
probabilities in it to export. Hidden units' gains (the network view's edits)
are folded into the next layer's weight rows, so the graph has no extra
nodes. Weights are float32 whatever the network's dtype (a float64 network is
rounded once; the ``weights`` property says so), the type every ONNX runtime
runs. The ``onnx`` package is an optional extra, imported only here, when a
graph is built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from digitpad import __version__
from digitpad.common.atomic import atomic_write
from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.model.bundle import Model
from digitpad.nn.layers import LeakyReLU
from digitpad.nn.network import MLP

OPSET = 13
IR_VERSION = 7  # the IR of opset 13: runtimes of that age and later read the file
INPUT_NAME = "pixels"
MISSING_ONNX = QT_TRANSLATE_NOOP("Export", "ONNX export needs the onnx package: pip install 'digitpad[onnx]'")


@dataclass(frozen=True)
class DenseWeights:
    """One Dense layer as exported: ``W`` (n_in, n_out) float32 with the gains before it folded in, ``b`` or None."""

    W: np.ndarray
    b: np.ndarray | None


@dataclass(frozen=True)
class OnnxExport:
    """What :func:`export_onnx` wrote: the file, its output's name and shape, and the file's size in bytes."""

    path: Path
    n_inputs: int
    output_name: str
    n_outputs: int
    opset: int
    size: int


def output_name(model: Model) -> str:
    """``probabilities`` for a classifier, ``output`` for a one-output regression (its number, not classes)."""
    return "output" if model.network.spec.is_regression else "probabilities"


def expected_outputs(model: Model, raw: np.ndarray) -> np.ndarray:
    """What an export must give for raw pixels ``(N, n_inputs)``: digitpad's probabilities on
    ``raw × input_scale``, or the single output of a one-output regression."""
    x = (np.asarray(raw, dtype=np.float64) * model.input_scale).astype(model.network.dtype)
    network = model.network
    return network.outputs(x) if network.spec.is_regression else network.predict_proba(x)


def folded_layers(network: MLP) -> list[DenseWeights]:
    """Every Dense layer's float32 weights, with each hidden layer's unit gains multiplied into the rows of the
    layer that reads it: ``(h · g) @ W = h @ (diag(g) W)``, the same numbers to float32 rounding."""
    layers = []
    for i, dense in enumerate(network.dense_layers):
        W = dense.params["W"].astype(np.float64)
        gains = network.gains.get(i)  # hidden layer i (from 1) feeds Dense layer i (from 0)
        if gains is not None:
            W = W * gains.astype(np.float64)[:, None]
        b = dense.params["b"].astype(np.float32) if dense.has_bias else None
        layers.append(DenseWeights(W.astype(np.float32), b))
    return layers


def hidden_alpha(network: MLP) -> float:
    """The leaky ReLU's slope for z < 0 (0 for ReLU), read from the network's own activation layer."""
    layer = next((layer for layer in network.layers if isinstance(layer, LeakyReLU)), None)
    return 0.0 if layer is None else float(layer.alpha)


def metadata(model: Model) -> dict[str, str]:
    """The file's metadata properties: what a reader needs to feed it and to read its output."""
    spec = model.network.spec
    head = "regression" if spec.is_regression else spec.output
    return {"name": model.name, "class_names": json.dumps(list(model.class_names)),
            "preprocessing": model.preprocessing, "input_scale": repr(float(model.input_scale)),
            "head": head, "digitpad_version": __version__,
            "weights": "float32" + (" (rounded from the float64 network)" if spec.dtype == "float64" else ""),
            "output": (f"{output_name(model)}: N × 1, the network's output; × 10, rounded, is the digit"
                       if spec.is_regression else f"probabilities: N × {spec.sizes[-1]}, one per class name")}


def build_graph(model: Model):
    """The model as an ``onnx.ModelProto``, checked by ``onnx.checker``; ConfigError when onnx is missing."""
    try:
        import onnx
        from onnx import TensorProto, helper, numpy_helper
    except ImportError:
        raise ConfigError(MISSING_ONNX) from None
    network, spec = model.network, model.network.spec
    nodes, weights = [], [numpy_helper.from_array(np.array([model.input_scale], np.float32), "input_scale")]
    x = _add(nodes, "Mul", [INPUT_NAME, "input_scale"], "scaled")
    alpha = hidden_alpha(network)
    for i, layer in enumerate(folded_layers(network)):
        if i:
            x = _activation(nodes, spec.activation, alpha, x, f"h{i}")
        weights.append(numpy_helper.from_array(layer.W, f"W{i}"))
        x = _add(nodes, "MatMul", [x, f"W{i}"], f"xw{i}")
        if layer.b is not None:
            weights.append(numpy_helper.from_array(layer.b, f"b{i}"))
            x = _add(nodes, "Add", [x, f"b{i}"], f"z{i}")
    out = output_name(model)
    if spec.is_regression:
        _add(nodes, "Sigmoid" if spec.output == "sigmoid" else "Identity", [x], out)
    elif spec.output == "softmax":
        nodes.append(helper.make_node("Softmax", [x], [out], axis=1))
    else:
        a = _add(nodes, "Sigmoid", [x], "a") if spec.output == "sigmoid" else _add(nodes, "Relu", [x], "a")
        _shares(nodes, weights, a, out, spec.sizes[-1], numpy_helper)
    graph = helper.make_graph(
        nodes, model.name or "digitpad model",
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", spec.sizes[0]])],
        [helper.make_tensor_value_info(out, TensorProto.FLOAT, ["N", spec.sizes[-1]])], weights)
    proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION,
                              producer_name="digitpad", producer_version=__version__)
    helper.set_model_props(proto, metadata(model))
    onnx.checker.check_model(proto)
    return proto


def export_onnx(model: Model, path: str | Path) -> OnnxExport:
    """Write ``model`` to ``path`` as ONNX (atomically: the old file or the whole new one)."""
    path = Path(path)
    data = build_graph(model).SerializeToString()
    try:
        with atomic_write(path) as f:
            f.write(data)
    except OSError as exc:
        raise ConfigError(QT_TRANSLATE_NOOP("Export", "cannot write {path}: {error}").fill(
            path=path, error=exc.strerror or str(exc)), field="output") from None
    spec = model.network.spec
    return OnnxExport(path, spec.sizes[0], output_name(model), spec.sizes[-1], OPSET, len(data))


def _add(nodes: list, op: str, inputs: list[str], output: str) -> str:
    from onnx import helper
    nodes.append(helper.make_node(op, inputs, [output]))
    return output


def _activation(nodes: list, activation: str, alpha: float, x: str, out: str) -> str:
    from onnx import helper
    if activation == "identity":
        return x
    if activation in ("relu", "leaky_relu") and alpha:
        nodes.append(helper.make_node("LeakyRelu", [x], [out], alpha=alpha))
        return out
    op = {"relu": "Relu", "leaky_relu": "Relu", "sigmoid": "Sigmoid", "tanh": "Tanh"}[activation]
    return _add(nodes, op, [x], out)


def _shares(nodes: list, weights: list, a: str, out: str, n_classes: int, numpy_helper) -> None:
    """``a / Σa`` per row, ``1 / n_classes`` each where the sum is 0 (as :meth:`MLP.probabilities` for
    sigmoid and identity outputs; ``a`` is already ≥ 0)."""
    from onnx import helper
    weights += [numpy_helper.from_array(np.array([1], np.int64), "class_axis"),
                numpy_helper.from_array(np.array(0, np.float32), "zero"),
                numpy_helper.from_array(np.full((1, n_classes), 1 / n_classes, np.float32), "uniform")]
    nodes.append(helper.make_node("ReduceSum", [a, "class_axis"], ["total"], keepdims=1))
    _add(nodes, "Greater", ["total", "zero"], "has_mass")
    _add(nodes, "Div", [a, "total"], "share")
    _add(nodes, "Where", ["has_mass", "share", "uniform"], out)
