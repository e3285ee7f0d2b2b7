"""``digitpad finetune MODEL --with mine -o OUT``: teach a model your handwriting and print the honest before/after."""

from __future__ import annotations

import argparse
from dataclasses import replace

from digitpad.cli.progress import ProgressBar, TrainingProgress, format_seconds
from digitpad.cli.train import check_output_path
from digitpad.common.errors import DataError
from digitpad.data.dataset import Dataset
from digitpad.data.loading import load, load_source
from digitpad.data.registry import NAMES, PERSONAL
from digitpad.model.files import load_model, save_model
from digitpad.training.finetune import HOLD_OUT_SHARE, FinetuneOptions, hold_out, prepare_finetune


def cmd_finetune(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    options.validate()
    check_output_path(args.output)
    model = load_model(args.model)
    bar = ProgressBar()
    personal_train, personal_test = personal_splits(args.personal, options.seed, bar)
    try:
        base_train, base_test = load("mnist", "train"), load("mnist", "test")
    except DataError as exc:
        raise DataError(f"fine-tuning mixes your digits with MNIST, which is not available: {exc}") from None
    finetune = prepare_finetune(model, personal_train, personal_test, base_train, base_test, options)
    run = finetune.run
    bar.line(f"{model.name or args.model.name}: {len(personal_train):,} of your digits to learn from, "
             f"{finetune.n_personal_test:,} held out to test on; {len(run.train):,} images per epoch "
             f"({options.mix:.0%} yours), learning rate {options.lr:g}")
    result = run.fit([TrainingProgress(bar, options.epochs)])
    bar.line(f"{format_seconds(result.seconds)}: {result.message}")
    tuned = run.model(result)
    print(finetune.format_table())
    save_model(args.output, tuned)
    bar.line(f"saved {args.output} as {tuned.name!r}")
    return 0 if result.status != "diverged" else 1


def options_from_args(args: argparse.Namespace) -> FinetuneOptions:
    """The fine-tune's defaults with the flags the user gave (``--epochs``, ``--mix``, ``--seed``)."""
    given = {key: getattr(args, key) for key in ("epochs", "mix", "seed") if getattr(args, key, None) is not None}
    return replace(FinetuneOptions(), **given)


def personal_splits(source: str, seed: int, bar: ProgressBar) -> tuple[Dataset, Dataset | None]:
    """(digits to learn from, digits held out) of ``--with``: a named dataset's train and test splits (``mine``:
    the store's held-out rule), or a file or folder split by :func:`hold_out` (it has no ids), with a note."""
    if source in NAMES:
        train = load(source, "train")
        try:
            return train, load(source, "test")
        except DataError as exc:
            if source != PERSONAL:
                raise
            bar.line(f"note: {exc}")  # the store reads, it only has no held-out digit yet
            return train, None
    data = load_source(source, "train")
    train, test = hold_out(data, HOLD_OUT_SHARE, seed)
    kept = (f"a stratified {HOLD_OUT_SHARE:.0%} of it ({len(test):,} digits, drawn with seed {seed}) is kept aside "
            "to test on" if test is not None else "it has too few digits to keep any aside to test on")
    bar.line(f"note: {data.name} has no held-out split: {kept}")
    return train, test
