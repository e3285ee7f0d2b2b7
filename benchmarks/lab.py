"""Full-size runs of the learning lab's presets: which cause matters, measured.

For each preset: the failing setup, each toggle alone, every toggle but one,
and every toggle, all at the preset's full size and seed 0. Prints one table
row per run: accuracy on the training images, the held-out share (when
there is one) and the test split, the output's spread across test images,
the share of saturated sigmoid activations and of dead ReLU units.

    DIGITPAD_DATA_DIR=/path/to/store python benchmarks/lab.py [PRESET ...] [--short]

``--short`` runs only the failing setup and all fixes. Presets whose data is
not in the store are skipped with a note. OPENBLAS_NUM_THREADS=1 gives steadier
timings on a shared machine.
"""

from __future__ import annotations

import argparse
import sys

from digitpad.common.errors import DataError
from digitpad.lab.pitfalls import PITFALLS, Pitfall
from digitpad.lab.runner import LabResult, run_lab

COLUMNS = (("preset", 12), ("variant", 26), ("dataset", 9), ("rows", 7), ("epochs", 6), ("seconds", 7),
           ("train", 7), ("held-out", 8), ("test", 7), ("out std", 7), ("saturated", 9), ("dead", 6))


def variants(preset: Pitfall, short: bool) -> list[tuple[str, tuple[str, ...]]]:
    """(variant name, toggles applied) in the order the table shows them."""
    names = preset.fix_names
    runs = [("failing setup", ())]
    if not short:
        runs += [(f"only {n}", (n,)) for n in names]
        runs += [(f"all but {n}", tuple(m for m in names if m != n)) for n in names]
    return runs + [("all fixes", names)]


def row(preset: Pitfall, variant: str, lab: LabResult) -> str:
    s, sig = lab.run.settings, lab.signature
    cells = (preset.name, variant, s.dataset, f"{lab.rows['train']:,}", str(s.epochs), f"{lab.result.seconds:.1f}",
             _pct(lab.train_accuracy), _pct(lab.val_accuracy), _pct(lab.test_accuracy), f"{sig['output_std']:.4f}",
             _pct(sig["saturated_share"]), _pct(sig["dead_share"]))
    return "  ".join(f"{cell:<{width}}" for cell, (_, width) in zip(cells, COLUMNS))


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("presets", nargs="*", metavar="PRESET",
                        help=f"presets to run (default: all of {', '.join(PITFALLS)})")
    parser.add_argument("--short", action="store_true", help="only the failing setup and all fixes")
    args = parser.parse_args(argv)
    unknown = [name for name in args.presets if name not in PITFALLS]
    if unknown:
        parser.error(f"unknown preset {unknown[0]!r}; choose from {', '.join(PITFALLS)}")
    print("  ".join(f"{name:<{width}}" for name, width in COLUMNS), flush=True)
    for name in args.presets or PITFALLS:
        preset = PITFALLS[name]
        for variant, enabled in variants(preset, args.short):
            try:
                lab = run_lab(preset.run_for(enabled))
            except DataError as exc:
                print(f"{preset.name:<12}  skipped: {exc}", flush=True)
                break
            print(row(preset, variant, lab), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
