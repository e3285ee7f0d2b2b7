"""``digitpad recover``: the runs a crash or kill interrupted (window and CLI), and their models saved as files."""

from __future__ import annotations

import argparse

from digitpad.model.files import save_model
from digitpad.training.recovery import (
    discard,
    find_checkpoint,
    list_checkpoints,
    recovered_model,
    recovery_dir,
)


def cmd_recover(args: argparse.Namespace) -> int:
    if args.id is None:
        return _list()
    entry = find_checkpoint(args.id)
    if args.output is None and not args.discard:
        print(entry.describe())
        print(f"save its model with: digitpad recover {entry.id} -o FILE.npz")
        return 0
    if args.output is not None:
        model = recovered_model(entry)
        save_model(args.output, model)
        print(f"saved {args.output}: {model.name or 'the model'} after epoch {entry.epochs_done} of {entry.epochs}")
        if not args.discard:
            print(f"its checkpoint is kept; `digitpad recover {entry.id} --discard` removes it")
    if args.discard:
        discard(entry)
        print(f"discarded {entry.id}")
    return 0


def _list() -> int:
    found, unreadable = list_checkpoints()
    if not found and not unreadable:
        print(f"no interrupted runs in {recovery_dir()}")
        return 0
    print(f"{'id':<22} {'when':<16} {'from':<6} {'epoch':>9}  run")
    for entry in found:
        state = "finished" if entry.finished else "running" if entry.running else f"{entry.epochs_done}/{entry.epochs}"
        print(f"{entry.id:<22} {entry.when():<16} {entry.front_end:<6} {state:>9}  {entry.name}")
    for path, why in unreadable:
        print(f"unreadable: {path} ({why})")
    print("save one with: digitpad recover ID -o FILE.npz; continue a CLI run with: digitpad train ... -o OUT --resume")
    return 0
