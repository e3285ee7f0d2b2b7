"""``digitpad evaluate``, ``predict`` and ``gradcheck``: using and checking a model."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from digitpad.common.errors import DataError
from digitpad.data.loading import load_source
from digitpad.data.preprocessing import get_preprocessing
from digitpad.data.registry import IMAGE_SHAPE
from digitpad.model.bundle import Model
from digitpad.model.files import load_model
from digitpad.nn.gradcheck import TOLERANCE, all_combinations, gradient_check
from digitpad.training.evaluate import evaluate
from digitpad.training.settings import RunSettings


def cmd_evaluate(args: argparse.Namespace) -> int:
    model = load_model(args.model)
    data = load_source(args.dataset or model.dataset, "test")
    if data.n_features != model.network.spec.sizes[0]:
        raise DataError(f"{data.name} has {data.n_features} pixels per image; the model expects {model.network.spec.sizes[0]}")
    ev = evaluate(model.network, data, model.input_scale)
    n = model.network.n_classes
    print(model.summary())
    print(f"\naccuracy {ev.accuracy:.2%} on {len(data):,} images of {data.name} (loss {ev.loss:.4f})\n")
    print("per-class accuracy:")
    for name, acc in zip(model.class_names, ev.per_class_accuracy(n)):
        print(f"  {name:>12}  {acc:7.2%}")
    print("\nconfusion matrix (rows: true class, columns: predicted):")
    print(_matrix_text(ev.confusion(n)))
    return 0


def _matrix_text(matrix: np.ndarray) -> str:
    width = max(4, len(str(matrix.max())) + 1)
    head = " " * 4 + "".join(f"{c:>{width}}" for c in range(len(matrix)))
    rows = [f"{r:>3} " + "".join(f"{v:>{width}}" for v in row) for r, row in enumerate(matrix)]
    return "\n".join([head, *rows])


def cmd_predict(args: argparse.Namespace) -> int:
    from digitpad.inference.predict import predict_drawing
    model = load_model(args.model)
    for path in args.images:
        if path.suffix.lower() in (".csv", ".gz"):
            rows = _csv_inputs(path, model)
            for i, probs in enumerate(model.network.predict_proba(rows), start=1):
                _print_prediction(f"{path.name}:{i}", probs, model)
        else:
            from digitpad.data.image_file import read_image
            probs = predict_drawing(model, read_image(path))
            if probs is None:
                print(f"{path.name}: blank image, no prediction")
            else:
                _print_prediction(path.name, probs, model)
    return 0


def _csv_inputs(path: Path, model: Model) -> np.ndarray:
    from digitpad.data.csvfile import read_csv
    images, _ = read_csv(path)
    if get_preprocessing(model.preprocessing).input_shape != IMAGE_SHAPE:
        raise DataError(f"{path.name}: CSV rows are 28×28 images, but this model reads 8×8 digits")
    return images.astype(model.network.dtype) * model.network.dtype(model.input_scale)


def _print_prediction(label: str, probs: np.ndarray, model: Model) -> None:
    top = int(np.argmax(probs))
    spread = "  ".join(f"{name}:{p:.3f}" for name, p in zip(model.class_names, probs))
    print(f"{label}: {model.class_names[top]} ({probs[top]:.1%})   {spread}")


def cmd_gradcheck(args: argparse.Namespace) -> int:
    if args.hidden is not None:
        specs = [RunSettings(hidden=args.hidden, activation=args.activation).spec(784, 10)]
    else:
        specs = all_combinations()
    failures = 0
    print(f"{'network':<44} {'head':<22} {'bias':<5} {'grad':<5} worst relative error")
    for spec in specs:
        result = gradient_check(spec)
        failures += not result.passed
        head = f"{spec.output}+{spec.loss}"
        print(f"{spec.sizes!s:<14} {spec.activation:<29} {head:<22} {'yes' if spec.bias else 'no':<5} "
              f"{spec.reduction:<5} {result.worst:.1e} {'ok' if result.passed else 'FAILED'}")
    print(f"\n{len(specs) - failures} of {len(specs)} passed (tolerance {TOLERANCE:g})")
    return 1 if failures else 0
