"""``digitpad train``: the flags as RunSettings, the run built by prepare_run and recorded in the run history,
the model saved."""

from __future__ import annotations

import argparse
import os
from dataclasses import fields, replace
from pathlib import Path

import numpy as np

from digitpad.cli.progress import ProgressBar, TrainingProgress, format_seconds
from digitpad.cli.runs_command import recording
from digitpad.common.errors import ConfigError, DataError
from digitpad.data.dataset import Dataset
from digitpad.data.loading import load
from digitpad.data.local_datasets import file_md5
from digitpad.data.registry import is_named
from digitpad.model.files import save_model
from digitpad.nn.network import MLP
from digitpad.training.evaluate import evaluate
from digitpad.training.prepare import prepare_run
from digitpad.training.recipes import apply_recipe
from digitpad.training.recovery import (
    Checkpointer,
    Interrupted,
    RecoveryError,
    list_checkpoints,
    resume_state,
)
from digitpad.training.runs.recorder import RunRecorder
from digitpad.training.settings import RunSettings


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
    return replace(apply_recipe(RunSettings(), args.preset), **changes)


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
    settings = _with_absolute_file(settings_from_args(args))
    settings.validate()
    check_output_path(args.output)
    output = str(args.output.resolve())
    interrupted = interrupted_run(output, settings) if getattr(args, "resume", False) else None
    earlier = [] if interrupted else [entry for entry in _interrupted_writing(output) if not entry.running]
    prepared = prepare_run(settings)
    network, train, val = prepared.network, prepared.train, prepared.val
    resume = resume_state(interrupted, network, prepared.data) if interrupted else None
    bar = ProgressBar()
    bar.line(f"{network}: {network.n_parameters():,} parameters; {len(train):,} training images"
             + (f", {len(val):,} validation" if val else ""))
    if resume is not None:
        bar.line(f"resuming the interrupted run after epoch {resume.epochs_done} of {prepared.config.epochs}")
    for entry in earlier:
        bar.line(f"note: an interrupted run was writing {args.output} ({entry.epochs_done} of {entry.epochs} epochs); "
                 f"this new run replaces it once saved (--resume would have continued it)")
    checkpoint = Checkpointer(prepared, "cli", args.name or args.output.name, output=output,
                              checkpoint_id=interrupted.id if interrupted else None)
    recorder = RunRecorder(prepared, "cli", args.name or args.output.name, checkpoint=checkpoint.id, resume=resume)
    with recording(recorder, bar.line):
        try:
            result = prepared.fit([TrainingProgress(bar, prepared.config.epochs), checkpoint, recorder], resume)
        except KeyboardInterrupt:
            if checkpoint.path.exists():
                bar.line(f"the epochs done are kept: add --resume to the same command to continue, "
                         f"or `digitpad recover {checkpoint.id} -o FILE` to save them")
            raise
        bar.line(f"{format_seconds(result.seconds)}: {result.message}")
        if checkpoint.error is not None:
            bar.line(f"note: no recovery checkpoint could be written ({checkpoint.error})")
        metrics = _val_metrics(val, network, prepared.input_scale, bar) | _test_metrics(
            settings.dataset, network, prepared.input_scale, bar)
        recorder.add_metrics(metrics)
        model = prepared.model(result, metrics, args.name)
        if Path(settings.dataset).is_file():  # which file, exactly: `evaluate` refuses to guess once it changed
            model.hyperparameters["dataset_md5"] = file_md5(settings.dataset)
        save_model(args.output, model)
        recorder.set_model_path(args.output)
    for entry in [*earlier, checkpoint]:  # the file they were writing now holds this run's model
        entry.path.unlink(missing_ok=True)
    bar.line(f"saved {args.output}")
    return 0 if result.status != "diverged" else 1


def _interrupted_writing(output: str) -> list[Interrupted]:
    """The interrupted CLI runs that were writing ``output``, newest first."""
    found, _ = list_checkpoints()
    return [entry for entry in found if entry.front_end == "cli" and entry.output == output and not entry.finished]


def interrupted_run(output: str, settings: RunSettings) -> Interrupted:
    """The interrupted CLI run that was writing ``output``; RecoveryError unless there is one with these settings."""
    runs = _interrupted_writing(output)
    if not runs:
        raise RecoveryError(f"no interrupted run was writing {output}; `digitpad recover` lists the interrupted runs")
    entry = runs[0]
    if entry.running:
        raise RecoveryError(f"the run writing {output} is still training (process {entry.pid})")
    given = settings.to_dict()
    differ = sorted(key for key in entry.settings.keys() | given.keys() if entry.settings.get(key) != given.get(key))
    if differ:
        was = ", ".join(f"{key}={entry.settings.get(key)!r}" for key in differ)
        raise RecoveryError(f"the interrupted run was trained with {was}; give the same settings to resume it")
    return entry


def _with_absolute_file(settings: RunSettings) -> RunSettings:
    """A file's path made absolute, so the model records which file it trained on wherever it is evaluated
    (``digitpad evaluate`` finds its validation rows there)."""
    if is_named(settings.dataset) or not Path(settings.dataset).exists():
        return settings
    return replace(settings, dataset=str(Path(settings.dataset).resolve()))


def _val_metrics(val: Dataset | None, network: MLP, scale: float, bar: ProgressBar) -> dict[str, float]:
    """The final network's accuracy and loss on the validation split (none without one)."""
    if val is None:
        return {}
    with np.errstate(over="ignore", invalid="ignore"):
        ev = evaluate(network, val, scale)
    bar.line(f"validation accuracy {ev.accuracy:.2%} on {len(val):,} images (loss {ev.loss:.4f})")
    return {"val_accuracy": ev.accuracy, "val_loss": ev.loss}


def _test_metrics(source: str, network: MLP, scale: float, bar: ProgressBar) -> dict[str, float]:
    """Accuracy on the dataset's test split; none (with a note) when there is no test split."""
    if not is_named(source):
        return {}
    try:
        test = load(source, "test")
    except DataError as exc:
        bar.line(f"no test accuracy: {exc}")
        return {}
    with np.errstate(over="ignore", invalid="ignore"):
        ev = evaluate(network, test, scale)
    bar.line(f"test accuracy {ev.accuracy:.2%} on {len(test):,} images (loss {ev.loss:.4f})")
    return {"test_accuracy": ev.accuracy, "test_loss": ev.loss}


def _int(text: str, option: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ConfigError(f"{option} must be a whole number or 'full', got {text!r}") from None
