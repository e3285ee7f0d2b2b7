"""``digitpad data list / download / import / export``: the local datasets and the learner's own digits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from digitpad.cli.progress import ProgressBar
from digitpad.common.errors import DataError
from digitpad.data.image_folder import write_image_folder
from digitpad.data.importing import import_files, import_personal
from digitpad.data.loading import available
from digitpad.data.personal import PersonalStore, digits_dataset, empty_message
from digitpad.data.registry import PERSONAL, PERSONAL_TITLE, data_dir, dataset_dir


def cmd_data(args: argparse.Namespace) -> int:
    if args.data_command == "list":
        return _list()
    if args.data_command == "download":
        from digitpad.data.download import download
        bar = ProgressBar()
        download(args.name, progress=lambda name, done, total: bar.update(name, done, total or done or 1,
                                                                           f"{done / 1e6:.1f} MB"))
        bar.line(f"{args.name} is ready in {dataset_dir(args.name)}")
        return 0
    if args.data_command == "export":
        return _export(args)
    if args.dataset == PERSONAL:
        return _import_personal(args)
    for line in import_files(args.paths, args.dataset, args.name):
        print(f"imported {line}")
    return 0


def _list() -> int:
    print(f"datasets in {data_dir()}")
    for info in available():
        counts = ", ".join(f"{split} {n:,}" for split, n in info.counts.items())
        source = f"  ({info.source})" if info.source else ""
        print(f"  {info.name:<10} {info.title:<14} {info.status:<10} {counts}{source}")
    return 0


def _import_personal(args: argparse.Namespace) -> int:
    bar = ProgressBar(sys.stdout)  # the summary is the command's output; the bar shows only on a terminal
    with _disk_errors(PersonalStore().folder):
        summary = import_personal(args.paths, progress=lambda done, total: bar.update("reading", done, total,
                                                                                     f"{done:,} images"))
    counts = ", ".join(f"{label}: {n}" for label, n in summary.counts.items())
    bar.line(f"imported {summary.added:,} digits into {PERSONAL_TITLE} from {', '.join(summary.sources)}: "
             f"{counts}; now {summary.total:,} in all")
    return 0


def _export(args: argparse.Namespace) -> int:
    store = PersonalStore()
    digits = store.digits()
    if not digits:
        raise DataError(empty_message())
    with _disk_errors(args.directory):
        written = write_image_folder(digits_dataset(digits), args.directory, [d.id for d in digits])
    print(f"wrote {written:,} PNG files of {PERSONAL_TITLE} into {args.directory} (subfolders 0 … 9)")
    return 0


@contextmanager
def _disk_errors(where: Path) -> Iterator[None]:
    """A disk that refuses (permissions, full) as one line naming the file, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise DataError(f"{exc.filename or where}: cannot write there ({exc.strerror or exc})") from exc
