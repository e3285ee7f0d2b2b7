"""``digitpad finetune MODEL --with mine -o OUT``: teach a model your handwriting and print the honest before/after."""

from __future__ import annotations

import argparse
from dataclasses import replace

from digitpad.cli.progress import ProgressBar, TrainingProgress, format_seconds
from digitpad.cli.runs_command import recording
from digitpad.cli.train import check_output_path
from digitpad.model.files import load_model, save_model
from digitpad.training.finetune import TUNED_SUFFIX, FinetuneOptions, prepare_finetune
from digitpad.training.finetune_data import base_splits, personal_splits
from digitpad.training.runs.recorder import RunRecorder


def cmd_finetune(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    options.validate()
    check_output_path(args.output)
    model = load_model(args.model)
    bar = ProgressBar()
    personal_train, personal_test, note = personal_splits(args.personal, options.seed)
    if note:
        bar.line(f"note: {note}")
    base_train, base_test = base_splits()
    finetune = prepare_finetune(model, personal_train, personal_test, base_train, base_test, options)
    run = finetune.run
    bar.line(f"{model.name or args.model.name}: {len(personal_train):,} of your digits to learn from, "
             f"{finetune.n_personal_test:,} held out to test on; {len(run.train):,} images per epoch "
             f"({options.mix:.0%} yours), learning rate {options.lr:g}")
    name = (model.name.removesuffix(TUNED_SUFFIX) or "model") + TUNED_SUFFIX  # the tuned model's own name
    recorder = RunRecorder(run, "cli", name, kind="finetune")
    with recording(recorder, bar.line):
        result = run.fit([TrainingProgress(bar, options.epochs), recorder])
        bar.line(f"{format_seconds(result.seconds)}: {result.message}")
        tuned = run.model(result)
        recorder.add_metrics(tuned.metrics)
        print(finetune.format_table())
        save_model(args.output, tuned)
        recorder.set_model_path(args.output)
    bar.line(f"saved {args.output} as {tuned.name!r}")
    return 0 if result.status != "diverged" else 1


def options_from_args(args: argparse.Namespace) -> FinetuneOptions:
    """The fine-tune's defaults with the flags the user gave (``--epochs``, ``--mix``, ``--seed``)."""
    given = {key: getattr(args, key) for key in ("epochs", "mix", "seed") if getattr(args, key, None) is not None}
    return replace(FinetuneOptions(), **given)
