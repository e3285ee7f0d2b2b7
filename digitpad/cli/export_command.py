"""``digitpad export MODEL OUT.onnx`` and ``digitpad export MODEL OUT.py --format pytorch``.

An ONNX export is measured, not assumed: when onnxruntime is installed the
file runs on up to 100 inputs (the model's own test split when it is here,
else random MNIST-like ones) and the largest difference from digitpad's
output is printed; over 1e-5 the command fails. A PyTorch script carries its
own check: run it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from digitpad.cli.train import check_output_path
from digitpad.common.errors import ConfigError
from digitpad.data.preprocessing import get_preprocessing
from digitpad.inference.onnx_check import (
    check_inputs,
    max_difference_on,
    runtime_available,
)
from digitpad.model.bundle import Model
from digitpad.model.files import load_model
from digitpad.model.onnx_export import export_onnx
from digitpad.model.torch_export import TOLERANCE, export_pytorch, weights_path

SUFFIXES = {".onnx": "onnx", ".py": "pytorch"}


def cmd_export(args: argparse.Namespace) -> int:
    output_format = export_format(args.output, args.format)
    written = [args.output, weights_path(args.output)] if output_format == "pytorch" else [args.output]
    for path in written:
        check_output_path(path)
        if path.resolve() == args.model.resolve():
            raise ConfigError(f"{path} is the model being exported; give the export another name", field="output")
    model = load_model(args.model)
    if output_format == "onnx":
        return _export_onnx(model, args.output)
    return _export_pytorch(model, args.output)


def export_format(output: Path, given: str | None) -> str:
    """``--format`` when given, else the one the output's suffix names (.onnx or .py)."""
    if given:
        return given
    try:
        return SUFFIXES[output.suffix.lower()]
    except KeyError:
        raise ConfigError(f"cannot tell what to write from {output.name!r}: name it .onnx or .py, "
                          "or give --format onnx|pytorch", field="format") from None


def _export_onnx(model: Model, output: Path) -> int:
    done = export_onnx(model, output)
    spec = model.network.spec
    raw = f"raw 0–{get_preprocessing(model.preprocessing).raw_max:g} ({model.preprocessing})"
    meaning = ("the network's single output, not class probabilities: a regression, × 10 rounded is the digit"
               if spec.is_regression else spec.output)
    print(f"wrote {output} ({_size(done.size)}, ONNX opset {done.opset}): input pixels [N, {done.n_inputs}] "
          f"float32, {raw}; output {done.output_name} [N, {done.n_outputs}] ({meaning})")
    if spec.dtype == "float64":
        print("note: the float64 network's weights are written as float32, the type ONNX runtimes run")
    if not runtime_available():
        print("onnxruntime is not installed, so the file was not run: pip install onnxruntime to check it")
        return 0
    inputs, described = check_inputs(model)
    difference = max_difference_on(output, model, inputs)
    print(f"onnxruntime on {described}: max difference {difference:.1g} from digitpad")
    if difference > TOLERANCE:
        print(f"digitpad: error: the exported file differs from the model by more than {TOLERANCE:g}")
        return 1
    return 0


def _export_pytorch(model: Model, output: Path) -> int:
    pixels, described = check_inputs(model, n=1)
    done = export_pytorch(model, output, pixels)
    layers = ", ".join(layer.removeprefix("nn.") for layer in done.layers)
    print(f"wrote {done.script} and {done.weights.name}: nn.Sequential({layers})")
    print(f"it checks itself on {described}, stored with the weights: python {done.script} "
          "(needs numpy and torch)")
    return 0


def _size(n_bytes: int) -> str:
    return f"{n_bytes:,} bytes" if n_bytes < 10_000 else f"{n_bytes / 1024:,.0f} KB"
