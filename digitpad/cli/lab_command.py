"""``digitpad lab``: reproduce a classic training failure, then remove its causes one at a time."""

from __future__ import annotations

import argparse
import sys
import textwrap

from digitpad.cli.progress import ProgressBar, TrainingProgress, format_seconds
from digitpad.lab.pitfalls import PITFALLS, get_pitfall
from digitpad.lab.runner import EveryNthEpoch, result_lines, run_lab, toggle_lines
from digitpad.model.files import save_model


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
