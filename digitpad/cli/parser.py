"""The ``digitpad`` command line: every subcommand, option and help text."""

from __future__ import annotations

import argparse
from pathlib import Path

from digitpad import __version__
from digitpad.nn.init import INITIALISERS
from digitpad.nn.layers import ACTIVATIONS
from digitpad.nn.optim import OPTIMIZERS, SCHEDULES
from digitpad.training.recipes import DATA_FIELDS, RECIPES
from digitpad.training.settings import HEAD_NAMES, RunSettings

DEFAULTS = RunSettings()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digitpad", description=(
        "Draw digits, train a NumPy neural network, watch it learn. "
        "Without a command, the desktop app starts."))
    parser.add_argument("--version", action="version", version=f"digitpad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_train(sub)
    rec = sub.add_parser("recover", help="list runs a crash or kill interrupted, or save one as a model file")
    rec.add_argument("id", nargs="?", help="the interrupted run (from the list); without it, list them")
    rec.add_argument("-o", "--output", type=Path, help="save the run's model (its last epoch) to this file")
    rec.add_argument("--discard", action="store_true", help="remove the interrupted run's checkpoint")
    ev = sub.add_parser("evaluate", help="accuracy, per-class accuracy and confusion matrix of a model")
    ev.add_argument("model", type=Path)
    ev.add_argument("--dataset", help="dataset name (mnist, fashion, digits8x8, mine), a CSV/IDX file or an ImageFolder "
                                      "directory (subfolders 0 … 9 of PNG/JPEG images) (default: the model's own test split)")
    ev.add_argument("--on-training-data", action="store_true",
                    help="allow evaluating on rows the model trained on (the output says so)")
    pr = sub.add_parser("predict", help="top class and probabilities for images (PNG, JPEG, ...) or CSV rows")
    pr.add_argument("model", type=Path)
    pr.add_argument("images", type=Path, nargs="+")
    pr.add_argument("--submission", type=Path, metavar="CSV",
                    help="write Kaggle's submission format (ImageId,Label) for every row of a test CSV instead")
    exp = sub.add_parser("export", help="write a model for ONNX runtimes (.onnx) or as a PyTorch script (.py)")
    exp.add_argument("model", type=Path)
    exp.add_argument("output", type=Path, help="OUT.onnx, or OUT.py with --format pytorch")
    exp.add_argument("--format", choices=["onnx", "pytorch"],
                     help="what to write (default: from the output's suffix, .onnx or .py)")
    gc = sub.add_parser("gradcheck", help="check backpropagation against numerical gradients")
    gc.add_argument("--hidden", help="check this architecture (e.g. 256,128) instead of every small combination")
    gc.add_argument("--activation", default="relu", choices=list(ACTIVATIONS))
    _add_data(sub)
    _add_finetune(sub)
    _add_runs(sub)
    lab = sub.add_parser("lab", help="reproduce a classic training failure, then fix it cause by cause")
    lab.add_argument("preset", nargs="?", help="preset to run; without it, list the presets")
    lab.add_argument("--fix", action="append", default=[], metavar="TOGGLE",
                     help="apply a toggle: remove a bug, or apply a fix or tuning (repeatable)")
    lab.add_argument("--all-fixes", action="store_true", help="remove every bug and apply every fix and tuning")
    lab.add_argument("--epochs", type=int, help="override the preset's number of epochs")
    lab.add_argument("--subset", type=int, help="train on the first N training images only")
    lab.add_argument("-o", "--output", type=Path, help="also save the trained model to this file")
    return parser


def _add_train(sub) -> None:
    tr = sub.add_parser("train", help="train a model and save it", argument_default=argparse.SUPPRESS,
                        description="Train a model and save it. --preset picks a recipe; any other option given "
                                    "overrides that part of it.")
    tr.add_argument("--preset", default="default", choices=list(RECIPES),
                    help=" ".join(f"{name}: {p.description}" for name, p in RECIPES.items()).replace("%", "%%"))
    _option(tr, "--dataset", "dataset", help="mnist, fashion, digits8x8, or a CSV/IDX file")
    tr.add_argument("--subset", type=int, help="use only the first N training images (default: all)")
    _option(tr, "--validation", "validation", type=float, help="share held out for validation")
    _option(tr, "--hidden", "hidden", help="hidden layer sizes")
    _option(tr, "--activation", "activation", choices=list(ACTIVATIONS))
    _option(tr, "--head", "head", choices=HEAD_NAMES, help="output activation + loss")
    tr.add_argument("--regression", action="store_true", help="one output unit trained on label/10 (needs an mse head)")
    _option(tr, "--init", "init", choices=list(INITIALISERS))
    tr.add_argument("--no-bias", action="store_true", help="dense layers without bias")
    tr.add_argument("--sum-gradient", action="store_true", help="sum the gradient over the batch instead of averaging")
    tr.add_argument("--no-scale", action="store_true", help="feed raw pixel values instead of [0, 1]")
    _option(tr, "--optimizer", "optimizer", choices=OPTIMIZERS)
    _option(tr, "--lr", "lr", type=float, help="learning rate")
    _option(tr, "--momentum", "momentum", type=float)
    _option(tr, "--weight-decay", "weight_decay", type=float, help="L2 weight decay")
    _option(tr, "--schedule", "schedule", choices=SCHEDULES)
    _option(tr, "--batch", "batch_size", help="batch size, or 'full' for full batch")
    _option(tr, "--epochs", "epochs", type=int)
    _option(tr, "--shift", "shift", type=int, help="random shift of each training image, in pixels of a 28×28 image, "
                                                        "scaled down for smaller ones (augmentation)")
    _option(tr, "--seed", "seed", type=int)
    tr.add_argument("--float64", action="store_true", help="compute in float64 instead of float32")
    tr.add_argument("--name", default="", help="model name stored in the file")
    tr.add_argument("-o", "--output", type=Path, default=Path("model.npz"),
                    help="model file to write (default: model.npz)")
    tr.add_argument("--resume", action="store_true",
                    help="continue the interrupted run that was writing OUTPUT, with the same settings; "
                         "it ends with the same weights as if never interrupted")


def _option(parser: argparse.ArgumentParser, flag: str, field: str, help: str = "", **kwargs) -> None:
    """An option for a RunSettings field; its default is the preset's value (data fields: the settings' default)."""
    default = f"{getattr(DEFAULTS, field)}" + ("" if field in DATA_FIELDS else ", or the preset's")
    parser.add_argument(flag, dest=field, help=f"{help} (default: {default})" if help else f"default: {default}",
                        **kwargs)


def _add_data(sub) -> None:
    data = sub.add_parser("data", help="list, download or import datasets")
    data_sub = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    data_sub.add_parser("list", help="show which datasets are available locally")
    dl = data_sub.add_parser("download", help="download MNIST or Fashion-MNIST (checksums verified)")
    dl.add_argument("name", choices=["mnist", "fashion"])
    im = data_sub.add_parser("import", help="import files you already have (IDX .gz/raw, CSV, mnist.npz; for mine also "
                                            "ImageFolder directories of PNG/JPEG images)")
    im.add_argument("paths", type=Path, nargs="+")
    im.add_argument("--dataset", choices=["mnist", "fashion", "mine"],
                    help="which dataset the files belong to; mine adds them to your own digits, preprocessed as "
                         "a drawing is (crop, scale to 20 px, centre of mass), dark or light ink alike")
    im.add_argument("--name", help="the name of the local dataset a Kaggle-style CSV becomes (default: the file's name)")
    ex = data_sub.add_parser("export", help="write a dataset as an ImageFolder directory (subfolders 0 … 9 of PNGs)")
    ex.add_argument("name", choices=["mine"])
    ex.add_argument("directory", type=Path)


def _add_runs(sub) -> None:
    runs = sub.add_parser("runs", help="the run history: every run trained, newest first; show, export or delete one",
                          description="Every run trained (in the window or here) is recorded. Without an action, "
                                      "list them, newest first.")
    runs.add_argument("--dataset", help="only runs on this dataset")
    runs.add_argument("--status", help="only runs that ended so: running, completed, stopped, diverged, interrupted "
                                       "or failed")
    runs.add_argument("--setup", help="only runs set up so: recipe:NAME, recipe, lab:PRESET, lab, finetune or custom")
    runs.add_argument("--since", metavar="DATE", help="only runs started on DATE (YYYY-MM-DD) or later")
    runs.add_argument("--sort", default="newest", help="order: newest (default), oldest, accuracy (best validation), "
                                                       "test-accuracy, longest, shortest or name")
    runs.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N runs, 0 for all (default: 50)")
    runs.add_argument("--all", action="store_true", help="show every run (as --limit 0)")
    runs_sub = runs.add_subparsers(dest="runs_command", metavar="ACTION")
    show = runs_sub.add_parser("show", help="everything recorded about one run, and its epochs")
    show.add_argument("id", type=int)
    export = runs_sub.add_parser("export", help="write a run's per-epoch history (or every batch's loss) as CSV")
    export.add_argument("id", type=int)
    export.add_argument("-o", "--output", type=Path, required=True, help="the CSV file to write")
    export.add_argument("--batches", action="store_true",
                        help="every batch's loss instead (columns batch, epoch, loss)")
    delete = runs_sub.add_parser("delete", help="delete runs from the history (their model files stay)")
    delete.add_argument("ids", type=int, nargs="+", metavar="ID")
    rename = runs_sub.add_parser("rename", help="give a run another name")
    rename.add_argument("id", type=int)
    rename.add_argument("name")
    tag = runs_sub.add_parser("tag", help="add tags to a run (or remove them with --remove)")
    tag.add_argument("id", type=int)
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.add_argument("--remove", action="store_true", help="remove these tags instead")


def _add_finetune(sub) -> None:
    ft = sub.add_parser("finetune", help="teach a model your handwriting: continue training it on MNIST mixed "
                                         "with your own digits, and print the honest before/after")
    ft.add_argument("model", type=Path)
    ft.add_argument("--with", dest="personal", default="mine", metavar="DATASET",
                    help="your digits: mine, or an ImageFolder directory or CSV file (default: mine)")
    ft.add_argument("--epochs", type=int, help="passes over the mixed training set (default: the finetune default)")
    ft.add_argument("--mix", type=float, help="share of each epoch's images that are your digits, oversampled "
                                              "(default: the finetune default)")
    ft.add_argument("--seed", type=int, default=0)
    ft.add_argument("-o", "--output", type=Path, required=True, help="the tuned model's file")
