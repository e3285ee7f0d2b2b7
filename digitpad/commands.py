"""What each CLI subcommand does; argument parsing lives in cli.py."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import fields, replace
from pathlib import Path

import numpy as np

from digitpad.data import store
from digitpad.errors import ConfigError, DataError
from digitpad.nn.gradcheck import TOLERANCE, all_combinations, gradient_check
from digitpad.nn.model_file import Model, load_model, save_model
from digitpad.nn.network import MLP
from digitpad.progress import ProgressBar, TrainingProgress, format_seconds
from digitpad.training.config import TrainConfig
from digitpad.training.evaluate import evaluate
from digitpad.training.presets import apply_preset
from digitpad.training.run import RunSettings, split_validation, to_model
from digitpad.training.trainer import Trainer


def settings_from_args(args: argparse.Namespace) -> RunSettings:
    """The CLI's flags as RunSettings (the GUI's training panel builds the same): the preset's recipe,
    then every option the user gave on top of it."""
    given = vars(args)
    changes = {field: given[field] for field in (f.name for f in fields(RunSettings)) if field in given}
    if "batch_size" in changes:
        changes["batch_size"] = 0 if changes["batch_size"] == "full" else _int(changes["batch_size"], "--batch")
    flags = {"regression": ("regression", True), "no_bias": ("bias", False), "sum_gradient": ("sum_gradient", True),
             "no_scale": ("scale_inputs", False), "float64": ("float64", True)}
    changes |= {field: value for flag, (field, value) in flags.items() if given.get(flag)}
    return replace(apply_preset(RunSettings(), args.preset), **changes)


def check_output_path(path: Path) -> None:
    """Refuse an output path that cannot be written before any time is spent training."""
    if path.is_dir():
        raise ConfigError(f"{path} is a folder; give a file name such as {path / 'model.npz'}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ConfigError(f"cannot save to {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise ConfigError(f"cannot save to {path}: the folder {folder} is not writable")


def cmd_train(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    settings.validate()
    check_output_path(args.output)
    config = settings.config()
    data = store.load_source(settings.dataset, "train").head(settings.subset or None)
    train, val = split_validation(data, config.validation, config.seed)
    network = MLP(settings.spec(data.n_features, data.n_classes), seed=config.seed)
    bar = ProgressBar()
    bar.line(f"{network}: {network.n_parameters():,} parameters; {len(train):,} training images"
             + (f", {len(val):,} validation" if val else ""))
    result = Trainer(network, config, [TrainingProgress(bar, config.epochs)]).fit(train, val)
    bar.line(f"{format_seconds(result.seconds)}: {result.message}")
    model = to_model(network, data, settings, result, _test_metrics(settings.dataset, network, config, bar), args.name)
    save_model(args.output, model)
    bar.line(f"saved {args.output}")
    return 0 if result.status != "diverged" else 1


def _test_metrics(source: str, network: MLP, config: TrainConfig, bar: ProgressBar) -> dict[str, float]:
    """Accuracy on the dataset's test split; none (with a note) when there is no test split."""
    if source not in store.NAMES:
        return {}
    try:
        test = store.load(source, "test")
    except DataError as exc:
        bar.line(f"no test accuracy: {exc}")
        return {}
    scale = 1.0 / test.max_value if config.scale_inputs else 1.0
    with np.errstate(over="ignore", invalid="ignore"):
        ev = evaluate(network, test, scale)
    bar.line(f"test accuracy {ev.accuracy:.2%} on {len(test):,} images (loss {ev.loss:.4f})")
    return {"test_accuracy": ev.accuracy, "test_loss": ev.loss}


def cmd_evaluate(args: argparse.Namespace) -> int:
    model = load_model(args.model)
    data = store.load_source(args.dataset or model.dataset, "test")
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
    from digitpad.predict import predict_drawing
    model = load_model(args.model)
    for path in args.images:
        if path.suffix.lower() in (".csv", ".gz"):
            rows = _csv_inputs(path, model)
            for i, probs in enumerate(model.network.predict_proba(rows), start=1):
                _print_prediction(f"{path.name}:{i}", probs, model)
        else:
            from digitpad.image_file import read_image
            probs = predict_drawing(model, read_image(path))
            if probs is None:
                print(f"{path.name}: blank image, no prediction")
            else:
                _print_prediction(path.name, probs, model)
    return 0


def _csv_inputs(path: Path, model: Model) -> np.ndarray:
    from digitpad.data.csvfile import read_csv
    images, _ = read_csv(path)
    if model.preprocessing != "mnist-28":
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


def cmd_data(args: argparse.Namespace) -> int:
    if args.data_command == "list":
        print(f"datasets in {store.data_dir()}")
        for info in store.available():
            counts = ", ".join(f"{split} {n:,}" for split, n in info.counts.items())
            print(f"  {info.name:<10} {info.title:<14} {info.status:<10} {counts}")
        return 0
    if args.data_command == "download":
        from digitpad.data.download import download
        bar = ProgressBar()
        download(args.name, progress=lambda name, done, total: bar.update(name, done, total or done or 1,
                                                                           f"{done / 1e6:.1f} MB"))
        bar.line(f"{args.name} is ready in {store.dataset_dir(args.name)}")
        return 0
    for line in store.import_files(args.paths, args.dataset):
        print(f"imported {line}")
    return 0


def cmd_lab(args: argparse.Namespace) -> int:
    import textwrap

    from digitpad.lab.presets import PRESETS, get_preset
    from digitpad.lab.runner import EveryNthEpoch, result_lines, run_lab, toggle_lines
    if args.preset is None:
        for preset in PRESETS.values():
            print(f"  {preset.name:<14} {preset.title}: {preset.summary}")
        print("\nrun one with `digitpad lab NAME`; add --fix TOGGLE or --all-fixes to remove causes")
        return 0
    preset = get_preset(args.preset)
    enabled = preset.fix_names if args.all_fixes else args.fix
    overrides = {key: value for key, value in (("epochs", args.epochs), ("subset", args.subset)) if value is not None}
    run = preset.run_for(enabled, overrides)
    print(f"{preset.title}\n\n{textwrap.fill(preset.story, 100)}\n\ntoggles:", *toggle_lines(preset, enabled), "",
          sep="\n", flush=True)
    bar, epochs = ProgressBar(sys.stdout), run.settings.epochs  # one stream, so lines stay in order
    lab = run_lab(run, [EveryNthEpoch(TrainingProgress(bar, epochs), epochs // 30)])
    bar.line(f"{run.settings.dataset}: {lab.result.message} in {format_seconds(lab.result.seconds)}\n")
    print(*result_lines(lab), sep="\n", flush=True)
    if args.output:
        save_model(args.output, lab.model)
        print(f"saved {args.output}")
    return 0


def _int(text: str, option: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ConfigError(f"{option} must be a whole number or 'full', got {text!r}") from None
