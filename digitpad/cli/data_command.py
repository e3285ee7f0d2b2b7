"""``digitpad data list / download / import``: the local datasets."""

from __future__ import annotations

import argparse

from digitpad.cli.progress import ProgressBar
from digitpad.data.importing import import_files
from digitpad.data.loading import available
from digitpad.data.registry import data_dir, dataset_dir


def cmd_data(args: argparse.Namespace) -> int:
    if args.data_command == "list":
        print(f"datasets in {data_dir()}")
        for info in available():
            counts = ", ".join(f"{split} {n:,}" for split, n in info.counts.items())
            print(f"  {info.name:<10} {info.title:<14} {info.status:<10} {counts}")
        return 0
    if args.data_command == "download":
        from digitpad.data.download import download
        bar = ProgressBar()
        download(args.name, progress=lambda name, done, total: bar.update(name, done, total or done or 1,
                                                                           f"{done / 1e6:.1f} MB"))
        bar.line(f"{args.name} is ready in {dataset_dir(args.name)}")
        return 0
    for line in import_files(args.paths, args.dataset):
        print(f"imported {line}")
    return 0
