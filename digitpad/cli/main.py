"""The ``digitpad`` command: the window without arguments or with a model file, the CLI with a subcommand.

Each subcommand's module is imported only when it runs, so ``digitpad data
list`` does not load Qt and the window starts without the CLI's commands.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

from digitpad.cli.parser import build_parser
from digitpad.common.errors import DigitpadError

# Subcommand → (module in digitpad.cli, function).
COMMANDS = {"train": ("train", "cmd_train"), "evaluate": ("model_commands", "cmd_evaluate"),
            "predict": ("model_commands", "cmd_predict"), "gradcheck": ("model_commands", "cmd_gradcheck"),
            "data": ("data_command", "cmd_data"), "lab": ("lab_command", "cmd_lab"),
            "finetune": ("finetune_command", "cmd_finetune"), "export": ("export_command", "cmd_export"),
            "recover": ("recover_command", "cmd_recover"), "runs": ("runs_command", "cmd_runs")}


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    module, function = COMMANDS[command]
    return getattr(importlib.import_module(f"digitpad.cli.{module}"), function)


def model_to_open(argv: list[str]) -> Path | None:
    """The model file in ``digitpad FILE.npz`` (how a file manager's "Open with" starts an app), else None.

    A lone argument that is no command and no option, and ends in .npz or
    names an existing file, is a file to open; anything else goes to the
    parser, which names a mistyped command.
    """
    if len(argv) != 1 or argv[0] in COMMANDS or argv[0].startswith("-"):
        return None
    path = Path(argv[0])
    return path if path.suffix.lower() == ".npz" or path.is_file() else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    model_path = model_to_open(argv)
    if model_path is None:
        args = build_parser().parse_args(argv)
        if args.command is not None:
            return _run(args)
    from digitpad.ui.app import run_app
    return run_app(model_path)


def _run(args: argparse.Namespace) -> int:
    """Run a subcommand; a problem the user can fix is one line on stderr, never a traceback."""
    try:
        return _handler(args.command)(args)
    except DigitpadError as exc:
        print(f"digitpad: error: {exc}", file=sys.stderr)
        return 1
    except MemoryError:
        print("digitpad: error: not enough memory for this; try a smaller network, batch or subset", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("digitpad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone: stop quietly, and keep Python from
        # complaining about the same pipe again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
