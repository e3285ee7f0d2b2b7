"""``digitpad evaluate``, ``predict`` and ``gradcheck``: using and checking a model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from digitpad.cli.progress import ProgressBar
from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DataError
from digitpad.data.preprocessing import get_preprocessing
from digitpad.data.registry import IMAGE_SHAPE
from digitpad.model.bundle import Model
from digitpad.model.files import load_model
from digitpad.nn.gradcheck import TOLERANCE, all_combinations, gradient_check
from digitpad.training.evaluate import evaluate
from digitpad.training.heldout import evaluation_rows
from digitpad.training.settings import RunSettings

SUBMISSION_BATCH = 2048  # rows per forward pass while writing a submission: bounds memory, paces the bar


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Evaluate on rows the model did not train on (see :mod:`digitpad.training.heldout`), saying which."""
    model = load_model(args.model)
    rows = evaluation_rows(model, args.dataset, args.on_training_data)
    data = rows.data
    if data.n_features != model.network.spec.sizes[0]:
        raise DataError(f"{data.name} has {data.n_features} pixels per image; the model expects {model.network.spec.sizes[0]}")
    ev = evaluate(model.network, data, model.input_scale)
    n = model.network.n_classes
    print(model.summary())
    print(f"\naccuracy {ev.accuracy:.2%} (loss {ev.loss:.4f}) on {rows.what}\n")
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
    if args.submission is not None:
        return _write_submission(model, args.images, args.submission)
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


def _write_submission(model: Model, paths: list[Path], out: Path) -> int:
    """Kaggle's submission format for every row of a pixels-only CSV: ``ImageId,Label``, ImageId from 1, the label
    the model's predicted class index; predicted in batches behind a progress bar, written atomically."""
    from digitpad.data.csvfile import N_PIXELS, read_csv
    if len(paths) != 1 or not paths[0].name.lower().endswith((".csv", ".csv.gz")):
        raise DataError("--submission takes one CSV file of pixels only (Kaggle's test.csv)")
    path = paths[0]
    images, labels = read_csv(path)
    if labels is not None:
        raise DataError(f"{path.name} has a label column ({N_PIXELS + 1} columns); --submission is for Kaggle's "
                        f"test.csv, {N_PIXELS} pixel columns and no labels (evaluate a labelled file with "
                        f"`digitpad evaluate MODEL --dataset {path.name}`)")
    _check_28x28(path, model)
    scale = model.network.dtype(model.input_scale)
    bar = ProgressBar(sys.stdout)  # the count written is the command's output; the bar shows only on a terminal
    predicted = np.empty(len(images), dtype=np.int64)
    for start in range(0, len(images), SUBMISSION_BATCH):
        rows = slice(start, start + SUBMISSION_BATCH)
        predicted[rows] = model.network.predict(np.multiply(images[rows], scale, dtype=model.network.dtype))
        done = min(start + SUBMISSION_BATCH, len(images))
        bar.update("predicting", done, len(images), f"{done:,} of {len(images):,} rows")
    text = "ImageId,Label\n" + "".join(f"{i},{label}\n" for i, label in enumerate(predicted.tolist(), start=1))
    try:
        with atomic_write(out) as file:
            file.write(text.encode("ascii"))
    except OSError as exc:
        raise DataError(f"{out}: cannot write there ({exc.strerror or exc})") from exc
    bar.line(f"wrote {len(predicted):,} predictions of {path.name} to {out} (ImageId,Label)")
    return 0


def _check_28x28(path: Path, model: Model) -> None:
    if get_preprocessing(model.preprocessing).input_shape != IMAGE_SHAPE:
        raise DataError(f"{path.name}: CSV rows are 28×28 images, but this model reads 8×8 digits")


def _csv_inputs(path: Path, model: Model) -> np.ndarray:
    from digitpad.data.csvfile import read_csv
    images, _ = read_csv(path)
    _check_28x28(path, model)
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
