"""``digitpad lab``: reproduce a classic training failure, then remove its causes one at a time (each run recorded
in the run history)."""

from __future__ import annotations

import argparse
import sys
import textwrap

from digitpad.cli.progress import ProgressBar, TrainingProgress, format_seconds
from digitpad.cli.runs_command import recording
from digitpad.lab.pitfalls import PITFALLS, get_pitfall
from digitpad.lab.runner import EveryNthEpoch, prepare_lab, result_lines, run_lab, toggle_lines
from digitpad.model.files import save_model
from digitpad.training.runs.recorder import RunRecorder


def cmd_lab(args: argparse.Namespace) -> int:
    if args.preset is None:
        for preset in PITFALLS.values():
            print(f"  {preset.name:<14} {preset.title}: {preset.summary}")
        print("\nrun one with `digitpad lab NAME`; add --fix TOGGLE or --all-fixes to remove causes")
        return 0
    preset = get_pitfall(args.preset)
    enabled = preset.fix_names if args.all_fixes else args.fix
    overrides = {key: value for key, value in (("epochs", args.epochs), ("subset", args.subset)) if value is not None}
    run = preset.run_for(enabled, overrides)
    print(f"{preset.title}\n\n{textwrap.fill(str(preset.story), 100)}\n\ntoggles:", *toggle_lines(preset, enabled), "",
          sep="\n", flush=True)
    bar, epochs = ProgressBar(sys.stdout), run.settings.epochs  # one stream, so lines stay in order
    prepared = prepare_lab(run)
    recorder = RunRecorder(prepared, "cli", str(run.label), kind="lab", lab_preset=preset.name)
    with recording(recorder, bar.line):
        lab = run_lab(run, [EveryNthEpoch(TrainingProgress(bar, epochs), epochs // 30), recorder], prepared=prepared)
        recorder.add_metrics({key: value for key, value in (("val_accuracy", lab.val_accuracy),
                                                            ("test_accuracy", lab.test_accuracy)) if value is not None})
        bar.line(f"{run.settings.dataset}: {lab.result.message} in {format_seconds(lab.result.seconds)}\n")
        print(*result_lines(lab), sep="\n", flush=True)
        if args.output:
            save_model(args.output, lab.model)
            recorder.set_model_path(args.output)
            print(f"saved {args.output}")
    return 0
