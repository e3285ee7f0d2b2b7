"""A model as a short standalone PyTorch script and the weights file beside it.

``export_pytorch(model, "net.py", pixels)`` writes ``net.py`` and
``net.weights.npz`` (not ``net.npz``: that name is often the digitpad model
itself). The script builds the same ``torch.nn.Sequential`` (Linear layers,
the hidden activation between them, the head), copies the weights in from the
``.npz`` (plain arrays written by ``np.savez``, read without pickle), applies
the model's input scaling, runs the test image stored with the weights and
compares the result with digitpad's own output for it, stored beside it:
exit status 1 when they differ by more than 1e-5. digitpad never imports
torch; the script does, when someone runs it.

Weights are float32 with any hidden unit gains folded in (as in the ONNX
export, :func:`~digitpad.model.onnx_export.folded_layers`); the ``.npz``
keeps them as digitpad does, ``W`` as in × out (the script transposes).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from digitpad import __version__
from digitpad.common.atomic import atomic_write
from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.preprocessing import get_preprocessing
from digitpad.model.bundle import Model
from digitpad.model.onnx_export import (
    expected_outputs,
    folded_layers,
    hidden_alpha,
    output_name,
)

TOLERANCE = 1e-5
TEST_PIXELS = "test_pixels"


@dataclass(frozen=True)
class TorchExport:
    """What :func:`export_pytorch` wrote: the script, its weights file, and the layers the script builds."""

    script: Path
    weights: Path
    layers: tuple[str, ...]


def weights_path(script: str | Path) -> Path:
    """Where the weights of ``script`` go: ``NAME.weights.npz`` beside it."""
    return Path(script).with_suffix(".weights.npz")


def sequential_layers(model: Model) -> tuple[str, ...]:
    """The ``nn.Sequential``'s entries as Python source, e.g. ``("nn.Linear(784, 16)", "nn.ReLU()", …)``."""
    spec, alpha = model.network.spec, hidden_alpha(model.network)
    hidden = {"relu": "nn.ReLU()", "leaky_relu": f"nn.LeakyReLU({alpha!r})", "sigmoid": "nn.Sigmoid()",
              "tanh": "nn.Tanh()", "identity": None}[spec.activation]
    layers: list[str] = []
    for i, (n_in, n_out) in enumerate(zip(spec.sizes[:-1], spec.sizes[1:])):
        if i and hidden:
            layers.append(hidden)
        layers.append(f"nn.Linear({n_in}, {n_out}{'' if spec.bias else ', bias=False'})")
    layers += {"softmax": ["nn.Softmax(dim=1)"], "sigmoid": ["nn.Sigmoid()"], "identity": []}[spec.output]
    if not spec.is_regression and spec.output != "softmax":  # clipped at 0 (a sigmoid is already), shares of 1
        layers += ["nn.ReLU()"] * (spec.output == "identity") + ["SharesOfOne()"]
    return tuple(layers)


def export_pytorch(model: Model, path: str | Path, test_pixels: np.ndarray) -> TorchExport:
    """Write the script ``path`` (``.py``) and its weights; ``test_pixels`` is one raw input ``(1, n_inputs)``
    (or ``(n_inputs,)``) the script runs and checks."""
    path = Path(path)
    if path.suffix != ".py":
        raise ConfigError(QT_TRANSLATE_NOOP("Export", "a PyTorch script's name ends in .py, not {name!r}").fill(
            name=path.name), field="output")
    n_inputs = model.network.spec.sizes[0]
    pixels = np.asarray(test_pixels, dtype=np.float32).reshape(1, -1)
    if pixels.shape[1] != n_inputs:
        raise ConfigError(QT_TRANSLATE_NOOP("Export", "the test image has {pixels} pixels; the model reads "
                                                      "{inputs}").fill(pixels=pixels.shape[1], inputs=n_inputs))
    arrays = {TEST_PIXELS: pixels, f"digitpad_{output_name(model)}": expected_outputs(model, pixels)}
    for i, layer in enumerate(folded_layers(model.network)):
        arrays[f"W{i}"] = layer.W
        if layer.b is not None:
            arrays[f"b{i}"] = layer.b
    layers = sequential_layers(model)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    weights = weights_path(path)
    try:
        with atomic_write(weights) as f:
            f.write(buffer.getvalue())
        with atomic_write(path) as f:
            f.write(script_text(model, path, layers).encode("utf-8"))
    except OSError as exc:
        raise ConfigError(QT_TRANSLATE_NOOP("Export", "cannot write {path} and {weights}: {error}").fill(
            path=path, weights=weights.name, error=exc.strerror or str(exc)), field="output") from None
    return TorchExport(path, weights, layers)


def script_text(model: Model, path: Path, layers: tuple[str, ...]) -> str:
    """The script's source for ``layers`` (:func:`sequential_layers`), reading ``weights_path(path)``."""
    spec = model.network.spec
    raw_max = get_preprocessing(model.preprocessing).raw_max
    expected = f"digitpad_{output_name(model)}"
    edited = ("\nHidden units' gains set in digitpad's network view are multiplied into the weights.\n"
              if model.network.gains else "")
    parts = [_HEADER.format(name=model.name or "A digitpad model", version=__version__, script=path.name,
                            weights=weights_path(path).name, n_inputs=spec.sizes[0], raw_max=f"{raw_max:g}",
                            preprocessing=model.preprocessing, edited=edited, scale=float(model.input_scale),
                            classes=tuple(model.class_names), tolerance=TOLERANCE)]
    if "SharesOfOne()" in layers:
        parts.append(_SHARES)
    body = "".join(f"        {layer},\n" for layer in layers)
    parts.append(_BUILD.format(body=body))
    parts.append(_MAIN_REGRESSION.format(expected=expected) if spec.is_regression
                 else _MAIN_CLASSES.format(expected=expected))
    return "".join(parts)


_HEADER = '''"""{name}: a digitpad model as a PyTorch network.

Written by digitpad {version}. It builds the network as a torch.nn.Sequential,
copies its weights in from {weights} (beside this file), and runs it on the
test image stored there, comparing the result with digitpad's own for it.
{edited}
Run:    python {script}        (needs numpy and torch)
Input:  raw pixels, N × {n_inputs} ({preprocessing} preprocessing, values 0–{raw_max});
        the network reads pixels × INPUT_SCALE.
"""

import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

WEIGHTS = Path(__file__).with_name("{weights}")
INPUT_SCALE = {scale!r}
CLASS_NAMES = {classes!r}
TOLERANCE = {tolerance!r}  # the largest difference from digitpad's output accepted
'''

_SHARES = '''

class SharesOfOne(nn.Module):
    """Each class's share of its row's total (uniform when the total is 0): digitpad's probabilities
    for sigmoid and identity outputs."""

    def forward(self, a):
        total = a.sum(dim=1, keepdim=True)
        return torch.where(total > 0, a / total, torch.full_like(a, 1.0 / a.shape[1]))
'''

_BUILD = '''

def build() -> nn.Sequential:
    return nn.Sequential(
{body}    )


def load_weights(model: nn.Sequential, weights) -> None:
    """digitpad keeps each W as inputs × outputs; nn.Linear's weight is outputs × inputs: transposed."""
    linears = [layer for layer in model if isinstance(layer, nn.Linear)]
    with torch.no_grad():
        for i, linear in enumerate(linears):
            linear.weight.copy_(torch.from_numpy(weights[f"W{{i}}"].T))
            if linear.bias is not None:
                linear.bias.copy_(torch.from_numpy(weights[f"b{{i}}"]))


def run(pixels: np.ndarray) -> np.ndarray:
    """The network's output for raw pixels (N × inputs)."""
    with np.load(WEIGHTS) as weights:
        model = build().eval()
        load_weights(model, weights)
    with torch.no_grad():
        return model(torch.from_numpy(pixels.astype(np.float32)) * INPUT_SCALE).numpy()
'''

_MAIN_CLASSES = '''

def main() -> int:
    with np.load(WEIGHTS) as weights:
        pixels, expected = weights["test_pixels"], weights["{expected}"]
    probabilities = run(pixels)
    for name, p in zip(CLASS_NAMES, probabilities[0]):
        print(f"{{name:>12}}  {{p:.6f}}")
    difference = float(np.abs(probabilities - expected).max())
    print(f"max difference from digitpad: {{difference:.1g}}")
    return 0 if difference <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
'''

_MAIN_REGRESSION = '''

def main() -> int:
    """A one-output regression: its output × 10, rounded, is the digit."""
    with np.load(WEIGHTS) as weights:
        pixels, expected = weights["test_pixels"], weights["{expected}"]
    output = run(pixels)
    digit = int(np.clip(np.rint(output[0, 0] * len(CLASS_NAMES)), 0, len(CLASS_NAMES) - 1))
    print(f"output {{output[0, 0]:.6f}}: digit {{CLASS_NAMES[digit]}}")
    difference = float(np.abs(output - expected).max())
    print(f"max difference from digitpad: {{difference:.1g}}")
    return 0 if difference <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
'''
